import { didYouMean } from "../../../core/text.js";
import { categoryNotAllowed } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** What `csr add` refuses, `csr check` reports: a CSR's category is one of csr.categories in qms.yaml. */
export const rule: Rule = {
  id: "csr/unknown-category",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A CSR's category is not one of the categories listed in qms.yaml.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "A CSR whose `category` is not one of `csr.categories` in `qms.yaml`. `csr add` refuses such a category; this rule finds one written by hand or imported. Nothing is reported when `qms.yaml` lists no categories.",
    bad: `
category: 特殊特征
`,
    good: `
category: 特殊特性
`,
    fix: "Use one of the listed categories (the message suggests the closest), or add the category to `csr.categories` in `qms.yaml`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    for (const { value: csr, file } of ctx.repo.csrs) {
      const allowed = categoryNotAllowed(config, csr.category);
      if (!allowed) continue;
      ctx.report(
        { file, path: ["category"] },
        t("rule.csr/unknown-category", { category: csr.category!, allowed: allowed.join(t("common.list-separator")), suggestion: didYouMean(csr.category!, allowed) }),
      );
    }
  },
};
