import { sentences, t } from "../../../i18n/index.js";
import { deviatedVersion, deviationDay, supersedingRevision } from "../../../model/deviations.js";
import type { Rule } from "../../rule.js";

/**
 * A released deviation records, as the version of a document it deviates from (`deviates_from_versions`),
 * one that had been replaced by the deviation's 实施日期: a deviation is from the version of the standard
 * document in force (IATF 16949 8.5.6.1.1), so either the record is wrong or the shop floor works to an
 * obsolete version (breaker64 P5). csr new and csr set refuse such a version and csr release records the
 * version in force; this finds one written by hand or recorded before the standard document's new
 * revision took effect. A later version (the next revision the deviation was confirmed for) is not one.
 * One finding per document and version, at the version.
 */
export const rule: Rule = {
  id: "doc/deviation-version-superseded",
  severity: "warning",
  scope: {
    files: "all",
    reads: (f) =>
      f.kind === "document"
        ? [f.data.id, f.data.status, f.data.effective, (f.data.revisions ?? []).map((r) => [r.version, r.date, r.effective]), f.data.deviates_from, f.data.deviates_from_versions]
        : null,
  },
  summary: "A released deviation records a version of the document it deviates from that was replaced by its effective date.",
  docs: {
    description:
      "A released deviation (`deviates_from`) records the version of each document it deviates from (`deviates_from_versions`), and one of them had been replaced by a later revision before the deviation's effective date (`effective`, else its revision's date). A deviation applies beside the version of the standard document in force ({{cite:temporary-change}}): one from a replaced version is either recorded wrongly or means that an obsolete version is worked to. `csr new` and `csr set --deviates-from` refuse such a version and `csr release` records the version in force on the effective date; this finds one written by hand, or recorded before the standard document's new revision took effect. A later version than the one in force (the next revision the deviation was confirmed for) is not reported.",
    bad: `
effective: 2026-11-09
deviates_from: [QP-010]
deviates_from_versions: {QP-010: A/0}   # QP-010 A/1 is in force since 2026-06-01
`,
    good: `
effective: 2026-11-09
deviates_from: [QP-010]
deviates_from_versions: {QP-010: A/1}   # the version in force on 2026-11-09
`,
    fix: "Check which version the deviation is from. From the one in force: correct the record (`csr set QP-031 --deviates-from QP-010@A/1`, with the other documents it deviates from). If the work still follows the replaced version, an obsolete document is in use: recall its copies (`csr recall`) first, then bring the deviation up to date.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      if (doc.status !== "released" || doc.deviates_from_versions === undefined) continue;
      const day = deviationDay(doc, ctx.options.today);
      const numbers = [...new Set(doc.deviates_from ?? [])];
      for (const target of numbers) {
        const version = deviatedVersion(doc, target);
        const standard = ctx.index.documents.get(target)?.value;
        if (version === undefined || standard === undefined) continue;
        const superseding = supersedingRevision(standard, version, day);
        if (superseding === undefined) continue;
        // csr set --deviates-from gives the whole list: the others keep their numbers (and their recorded versions).
        const list = numbers.map((n) => (n === target ? `${n}@${superseding.version}` : n)).join(",");
        const args = { document: doc.id, target, version, day, current: superseding.version, since: superseding.since, list };
        ctx.report({ file, path: ["deviates_from_versions", target] }, sentences(t("rule.doc/deviation-version-superseded", args), t("rule.doc/deviation-version-superseded.fix", args)));
      }
    }
  },
};
