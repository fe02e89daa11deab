import { sentences, t } from "../../../i18n/index.js";
import { liveDeviationLoops } from "../../../model/deviation-loops.js";
import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";

/**
 * A released deviation (`deviates_from`) without an end (`valid_until`, csr release --until): IATF 16949
 * 8.5.6.1.1 has a deviation limited in time or quantity, the return to the standard process verified; a
 * change that stays is a revision of the standard document, not a deviation beside it (breaker62 P2). A
 * warning: a quantity-limited deviation has no date of its own, and its expected last day is asked for.
 * A member of a loop of deviations is doc/deviation-loop's finding, not reported again.
 */
export const rule: Rule = {
  id: "doc/deviation-without-end",
  severity: "warning",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.valid_until, f.data.deviates_from] : null) },
  summary: "A released deviation (deviates_from) has no last valid day (valid_until).",
  docs: {
    description:
      "A released document recorded as a deviation from another (`deviates_from`) has no `valid_until`: nothing ends it. A deviation applies for a limited time or quantity, and the return to the standard process is verified when it ends ({{cite:temporary-change}}); a change that stays is a revision of the standard document, approved and issued as one, not a deviation beside it. A deviation limited by quantity is given the day it is expected to be used up. A document in a loop of deviations is reported by `doc/deviation-loop` instead.",
    bad: `
status: released
effective: 2026-11-09
deviates_from: [QP-010]   # no valid_until: it never ends
`,
    good: `
status: released
effective: 2026-11-09
valid_until: 2026-12-18   # its last valid day (csr release --until)
deviates_from: [QP-010]
`,
    fix: "Release it again with its last valid day: `csr release QP-031 --until 2026-12-18 --force` (the text unchanged). If the change is to stay, revise the standard document with it and withdraw the deviation (`csr obsolete QP-031`).",
  },
  check(ctx) {
    const looped = new Set(liveDeviationLoops(ctx.repo).flatMap((l) => l.members));
    for (const { value: doc, file } of ctx.repo.documents) {
      const targets = [...new Set(doc.deviates_from ?? [])];
      if (doc.status !== "released" || doc.valid_until !== undefined || targets.length === 0 || looped.has(doc.id)) continue;
      const args = { document: doc.id, version: currentRevision(doc)?.version ?? "", targets: targets.join(t("common.list-separator")) };
      ctx.report({ file, path: ["deviates_from"], key: true }, sentences(t("rule.doc/deviation-without-end", args), t("rule.doc/deviation-without-end.fix", args)));
    }
  },
};
