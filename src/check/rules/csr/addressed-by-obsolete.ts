import type { Rule } from "../../rule.js";

/** A withdrawn document no longer puts anything into practice: the CSR has silently lost its home. */
export const rule: Rule = {
  id: "csr/addressed-by-obsolete",
  severity: "error",
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
      if (csr.superseded || addressed.length === 0) continue;
      const documents = addressed.map((a) => ctx.index.documents.get(a.document)?.value);
      if (!documents.every((d) => d?.status === "obsolete")) continue;
      const replacements = documents.map((d) => d?.obsolete?.superseded_by).filter((id): id is string => id !== undefined);
      const hint = replacements.length > 0 ? ` The replacement named in the obsolete document is ${[...new Set(replacements)].join(", ")}.` : "";
      ctx.report(
        { file, path: ["addressed"] },
        `${csr.id} is addressed only by obsolete documents (${addressed.map((a) => a.document).join(", ")}).${hint} Point 'addressed' at the current document that carries the requirement.`,
      );
    }
  },
};
