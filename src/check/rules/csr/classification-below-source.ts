import { classificationName, classificationRank } from "../../../model/classification.js";
import type { Rule } from "../../rule.js";
import { language, t } from "../../../i18n/index.js";

/**
 * A CSR quotes its source document (a military customer's 订货合同, 技术协议 or 研制任务书): marked
 * less strictly than that document, it would carry the document's text onto copies, registers and
 * the site under a lower 密级 than the document's own (GJB 9001C 7.5.3, 保密).
 */
export const rule: Rule = {
  id: "csr/classification-below-source",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.customer, f.data.source.document, f.data.classification] : f.kind === "customer" ? [f.data.code, (f.data.sources ?? []).map((s) => [s.id, s.classification])] : null) },
  summary: "A CSR is marked with a lower 密级 than its source document.",
  docs: {
    description:
      "A CSR whose own `classification` (密级) is lower than its source document's (`classification` of the source in `customers/<CODE>.yaml`). A CSR without one takes its source document's; one of its own may be higher (a requirement the customer classified on its own), never lower: the CSR quotes the document, and its text would be printed, listed and published on `csr site` under a lower 密级 than the document's own. 非密 and 公开 are below 内部, and 内部 below 秘密, 机密 and 绝密.",
    bad: `
classification: 内部   # customers/NES.yaml: NES-HT2026-01 is 秘密
`,
    good: `
classification: 机密
`,
    fix: "Remove `classification` from the CSR so that it takes its source document's (`csr set <CSR> --classification <the source's>`), or mark it higher; if the source document itself is marked too high, correct it with `csr source update <source> --classification <level>`.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.classification === undefined || !ctx.keeps(file)) continue;
      const source = ctx.index.customers.get(csr.customer)?.value.sources?.find((s) => s.id === csr.source.document);
      if (source?.classification === undefined || classificationRank(csr.classification) >= classificationRank(source.classification)) continue;
      const name = (value: string) => classificationName(language(), value);
      ctx.report({ file, path: ["classification"] }, t("rule.csr/classification-below-source", { id: csr.id, classification: name(csr.classification), source: source.id, sourceClassification: name(source.classification) }));
    }
  },
};
