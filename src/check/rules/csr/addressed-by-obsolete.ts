import type { Rule } from "../../rule.js";
import { list, sentences, t } from "../../../i18n/index.js";

/** A withdrawn document no longer puts anything into practice: the CSR has silently lost its home. */
export const rule: Rule = {
  id: "csr/addressed-by-obsolete",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.superseded, f.data.addressed] : f.kind === "document" ? [f.data.id, f.data.status, f.data.obsolete] : null) },
  summary: "Every document that addresses a CSR is obsolete.",
  docs: {
    description:
      "A CSR whose `addressed` documents are all obsolete. When the obsolete document names its replacement (`obsolete.superseded_by`), the message names it. Withdrawing a procedure silently removes the place where the requirement was carried out; the CSR matrix would point auditors at a recalled document.",
    bad: `
addressed:
  - {document: QP-009}   # QP-009 is obsolete
`,
    good: `
addressed:
  - {document: QP-020}
`,
    fix: "Point `addressed` at the current document that now carries the requirement, and check that it really does.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const addressed = csr.addressed ?? [];
      if (csr.superseded || addressed.length === 0 || !ctx.keeps(file)) continue;
      const documents = addressed.map((a) => ctx.index.documents.get(a.document)?.value);
      if (!documents.every((d) => d?.status === "obsolete")) continue;
      const replacements = documents.map((d) => d?.obsolete?.superseded_by).filter((id): id is string => id !== undefined);
      ctx.report(
        { file, path: ["addressed"] },
        sentences(
          t("rule.csr/addressed-by-obsolete.message", { csr: csr.id, documents: list(addressed.map((a) => a.document)) }),
          replacements.length > 0 && t("rule.csr/addressed-by-obsolete.replacement", { documents: list([...new Set(replacements)]) }),
          t("rule.csr/addressed-by-obsolete.fix"),
        ),
      );
    }
  },
};
