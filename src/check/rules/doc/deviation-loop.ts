import { sentences, t } from "../../../i18n/index.js";
import { liveDeviationLoops } from "../../../model/deviation-loops.js";
import type { Rule } from "../../rule.js";

/**
 * Deviations in a loop (`deviates_from` written by hand; csr new and csr set refuse one): a document
 * recorded as a deviation from another that deviates from it, directly or through others, or from
 * itself. A deviation applies beside the standard document it names for a time (IATF 16949
 * 8.5.6.1.1); in a loop none is the standard one, and the cards and site pages of each list the others
 * as deviations from it (breaker62 P2). One finding per loop (model/deviation-loops.ts), at the link of
 * the member most likely to be the standard document: one without `valid_until`, then the lowest number.
 * Withdrawn documents are history and are not followed.
 */
export const rule: Rule = {
  id: "doc/deviation-loop",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status === "obsolete", f.data.valid_until, f.data.deviates_from] : null) },
  summary: "Documents are recorded as deviations from each other in a loop (deviates_from).",
  docs: {
    description:
      "A document's `deviates_from` names a document that is, directly or through others, itself a deviation from it, or names the document itself: e.g. the standard work instruction was recorded as a deviation from its own temporary deviation. A deviation applies beside the standard document it names, for a limited time, and the standard document is not revised for it ({{cite:temporary-change}}); in a loop none of them is the standard document, and the card (`csr show`) and site page of each lists the others as deviations in force on it. `csr new` and `csr set --deviates-from` refuse a loop; this finds one written by hand. One finding per loop, at the link of the member most likely to be the standard document (one without `valid_until`, then the lowest number), naming the whole loop. Withdrawn documents are not followed.",
    bad: `
# documents/QP-010.yaml, the standard procedure
status: released
deviates_from: [QP-031]   # QP-031 deviates from QP-010
`,
    good: `
# documents/QP-031.yaml
status: released
valid_until: 2026-12-18
deviates_from: [QP-010]
`,
    fix: "Keep the link on the deviation only: remove the number from the standard document's `deviates_from` (`csr set QP-010 --deviates-from \"\"`, or the other numbers it keeps).",
  },
  check(ctx) {
    for (const { cycle: loop } of liveDeviationLoops(ctx.repo)) {
      const id = loop[0]!;
      const target = loop[1] ?? id;
      const located = ctx.index.documents.get(id)!;
      const links = [...new Set(located.value.deviates_from ?? [])];
      const rest = links.filter((n) => n !== target).join(",");
      const args = { document: id, target, rest: rest === "" ? '""' : rest, loop: [...loop, id].join(" → ") };
      const self = loop.length === 1;
      ctx.report(
        { file: located.file, path: ["deviates_from", (located.value.deviates_from ?? []).indexOf(target)] },
        sentences(t(self ? "rule.doc/deviation-loop.self" : "rule.doc/deviation-loop", args), t(self ? "rule.doc/deviation-loop.self-fix" : "rule.doc/deviation-loop.fix", args)),
      );
    }
  },
};
