import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { decidedToMeet, dispositionKey } from "../../../model/decision.js";

/** IATF 16949 7.5.1.1: the documentation must show where each accepted CSR is addressed. */
export const rule: Rule = {
  id: "csr/not-addressed",
  severity: "warning",
  scope: { files: "own" },
  summary: "A CSR decided as must or optional names no document that addresses it.",
  docs: {
    description:
      "A CSR decided `must` or `optional` that names no document in `addressed`. {{#IATF16949}}IATF 16949 7.5.1.1 asks for a record of where in the organisation's own documents each CSR is addressed (the CSR matrix){{/IATF16949}}{{^IATF16949}}The CSR matrix records where in the organisation's own documents each customer requirement is addressed ({{cite:requirements-matrix}}, the documented information the quality system needs){{/IATF16949}}; an accepted requirement without one is not yet put into practice.",
    bad: `
  decision: {disposition: must, by: wang, date: 2026-11-16}
# no 'addressed'
`,
    good: `
  decision: {disposition: must, by: wang, date: 2026-11-16}
addressed:
  - {document: QP-020}
`,
    fix: "Name the procedure, work instruction or form (and section) that carries the requirement with `csr address <CSR> <document> --section <section>`, which writes it to `addressed`. The CSR counts as addressed once that document is released.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded || !decidedToMeet(csr.review?.decision)) continue;
      if ((csr.addressed ?? []).length > 0) continue;
      ctx.report(
        { file, path: ["review", "decision", "disposition"] },
        t("rule.csr/not-addressed", { csr: csr.id, disposition: t(`value.disposition.${dispositionKey(csr.review!.decision!)}`) }),
      );
    }
  },
};
