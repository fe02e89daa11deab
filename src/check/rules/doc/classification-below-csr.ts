import { classificationName, documentClassification, documentsBelowTheirCsrs } from "../../../model/classification.js";
import type { Rule } from "../../rule.js";
import { language, t } from "../../../i18n/index.js";

/**
 * A document that addresses a CSR (a CSR's `addressed` names it) writes the requirement into its text:
 * marked less strictly than the CSR, it would print, copy and publish the customer's classified
 * requirement under a lower 密级 (派生密级: a document quoting 秘密 information is itself 秘密; GJB 9001C
 * 7.5.3, 保密). The CSR's own page withholds the text; the document's body, which quotes it, would not.
 */
export const rule: Rule = {
  id: "doc/classification-below-csr",
  severity: "error",
  scope: {
    files: "all",
    reads: (f) =>
      f.kind === "csr"
        ? [f.data.id, f.data.customer, f.data.source.document, f.data.classification, (f.data.addressed ?? []).map((a) => a.document)]
        : f.kind === "customer"
          ? [f.data.code, (f.data.sources ?? []).map((s) => [s.id, s.classification])]
          : [f.data.id, f.data.level, f.data.classification],
  },
  dependsOn: ["qms.yaml"],
  summary: "A document addresses a CSR marked with a higher 密级 than the document's.",
  docs: {
    description:
      "A document whose 密级 (its own `classification`, else its layout's default in `qms.yaml`) is lower than that of a CSR addressed in it (a CSR's `addressed` names the document; the CSR's 密级 is its own or its source document's). The section that addresses a requirement writes it into the document's text, so the document carries the customer's classified requirement: a document quoting 秘密 information must itself be marked 秘密 or higher (派生密级). Marked lower, its controlled copies print the lower 密级, its register lists it so, and `csr site` would publish its body; the site withholds the body of such a document until it is marked. 非密 and 公开 are below 内部, and 内部 below 秘密, 机密 and 绝密.",
    bad: `
id: QP-013
classification: 内部   # csr/NES/NES-001.yaml (秘密) is addressed in it
`,
    good: `
id: QP-013
classification: 秘密
`,
    fix: "Mark the document at least as strictly as the CSR: `csr set <document> --classification <the CSR's 密级>` (register data, no new revision). If the link is wrong, remove it (`csr address <CSR> <document> --remove`); if the CSR or its source document is marked too high, correct that marking instead.",
  },
  check(ctx) {
    for (const [id, { csrs, classification }] of documentsBelowTheirCsrs(ctx.repo)) {
      const located = ctx.index.documents.get(id);
      if (located === undefined || !ctx.keeps(located.file)) continue;
      const doc = located.value;
      const name = (value: string) => (value === "" ? t("rule.doc/classification-below-csr.unmarked") : classificationName(language(), value));
      ctx.report(
        { file: located.file, path: doc.classification === undefined ? ["id"] : ["classification"] },
        t("rule.doc/classification-below-csr", { id: doc.id, classification: name(documentClassification(ctx.repo, doc)), count: csrs.length, csrs: csrs.join(t("rule.doc/classification-below-csr.separator")), csrClassification: name(classification), level: classification }),
      );
    }
  },
};
