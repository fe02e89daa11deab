import { didYouMean } from "../../../core/text.js";
import { categoryNotAllowed } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";

/** What `csr add` refuses, `csr check` reports: a CSR's category is one of csr.categories in qms.yaml. */
export const rule: Rule = {
  id: "csr/unknown-category",
  severity: "error",
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
      ctx.report({ file, path: ["category"] }, `The category '${csr.category}' is not one of the categories in qms.yaml (${allowed.join(", ")}).${didYouMean(csr.category!, allowed)} Use one of them, or add it under csr.categories in qms.yaml.`);
    }
  },
};
