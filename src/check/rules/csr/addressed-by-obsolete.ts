import type { Rule } from "../../rule.js";
import { list, sentences, t } from "../../../i18n/index.js";

/**
 * A withdrawn document no longer puts anything into practice: a CSR addressed in it alone has silently
 * lost its home (error); one also addressed in a current document still names a recalled document as
 * a place where it is addressed, which the CSR matrix prints (warning, so that `csr obsolete` withdraws
 * and lists these CSRs; auditor17 F14).
 */
export const rule: Rule = {
  id: "csr/addressed-by-obsolete",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.superseded, f.data.addressed] : f.kind === "document" ? [f.data.id, f.data.status, f.data.obsolete] : null) },
  summary: "A CSR's addressed names an obsolete document (an error when every document that addresses it is obsolete).",
  docs: {
    description:
      "A CSR whose `addressed` names an obsolete document, at that entry. When every document in `addressed` is obsolete it is an error: withdrawing a procedure silently removed the place where the requirement is carried out. When a current document addresses it too, it is a warning: the entry still points auditors at a recalled document, which the CSR matrix marks as withdrawn and does not count as addressing. When the obsolete document names its replacement (`obsolete.superseded_by`), the message names it.",
    bad: `
addressed:
  - {document: QP-009}   # QP-009 is obsolete
`,
    good: `
addressed:
  - {document: QP-020}
`,
    fix: "Point the entry at the current document that now carries the requirement (`csr address <csr> <document>`, then `csr address <csr> <obsolete> --remove`), and check that it really does; or remove the entry when another current document already addresses it.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const addressed = csr.addressed ?? [];
      if (csr.superseded || addressed.length === 0 || !ctx.keeps(file)) continue;
      const documents = addressed.map((a) => ctx.index.documents.get(a.document)?.value);
      if (!documents.some((d) => d?.status === "obsolete")) continue;
      if (documents.every((d) => d?.status === "obsolete")) {
        const replacements = documents.map((d) => d?.obsolete?.superseded_by).filter((id): id is string => id !== undefined);
        ctx.report(
          { file, path: ["addressed"] },
          sentences(
            t("rule.csr/addressed-by-obsolete.message", { csr: csr.id, documents: list(addressed.map((a) => a.document)) }),
            replacements.length > 0 && t("rule.csr/addressed-by-obsolete.replacement", { documents: list([...new Set(replacements)]) }),
            t("rule.csr/addressed-by-obsolete.fix"),
          ),
        );
        continue;
      }
      documents.forEach((d, index) => {
        if (d?.status !== "obsolete") return;
        const successor = d.obsolete?.superseded_by;
        ctx.report(
          { file, path: ["addressed", index] },
          sentences(
            t(d.obsolete?.date ? "rule.csr/addressed-by-obsolete.entry" : "rule.csr/addressed-by-obsolete.entry-undated", { csr: csr.id, document: d.id, date: d.obsolete?.date ?? "" }),
            t(
              successor === undefined
                ? "rule.csr/addressed-by-obsolete.entry-fix"
                : addressed.some((a) => a.document === successor)
                  ? "rule.csr/addressed-by-obsolete.entry-fix-listed"
                  : "rule.csr/addressed-by-obsolete.entry-fix-successor",
              { csr: csr.id, document: d.id, successor: successor ?? "" },
            ),
          ),
          "warning",
        );
      });
    }
  },
};
