import { sentences, t } from "../../../i18n/index.js";
import { failedWithoutPass } from "../../../model/first-articles.js";
import type { Rule } from "../../rule.js";

/**
 * A 首件鉴定 judged 不合格 with no later one of the same product and operation judged 合格 (GJB 908A; GJB 9001C-2017 8.5.1:
 * batch production goes on only after the first article passes). A warning: whether production went on is not in the
 * data — a product stopped after a failed first article owes nothing until it starts again.
 */
export const rule: Rule = {
  id: "first-article/failed-without-pass",
  severity: "warning",
  scope: { files: "own" },
  summary: "A first article inspection judged fail has no later passing one for the same product and operation.",
  docs: {
    description:
      "A record of first-articles.yaml with `result: fail` is followed by no record of the same `product` and `operation` (else `process`) with `result: pass`: dated later, or on the same day and written after it. A first article that fails is corrected — the cause found, the process or the document changed — and a new first article is made and inspected; batch production goes on only once one passes ({{cite:first-article}}). Product and operation are compared without spaces and in any letter case. A warning: while production of that product is stopped, nothing is owed yet.",
    bad: `
  - id: FA-2026-002
    product: XX-3 电源模块
    operation: 灌封
    reason: process-change
    date: 2026-11-20
    members: [zhang, li]
    result: fail
    report: SJ-2026-06
`,
    good: `
  - id: FA-2026-003
    product: XX-3 电源模块
    operation: 灌封
    reason: process-change
    date: 2026-11-25
    members: [zhang, li]
    result: pass
    report: SJ-2026-07
`,
    fix: "Once the cause is corrected, inspect a new first article and record it: `csr first-article add \"XX-3 电源模块\" --operation 灌封 --reason process-change --members zhang,li --result pass --report <报告编号>`. A record made in error is corrected with `--amend`.",
  },
  check(ctx) {
    for (const located of failedWithoutPass(ctx.repo.firstArticles)) {
      if (!ctx.keeps(located.file)) continue;
      const record = located.value;
      ctx.report(
        { file: located.file, path: [...located.path, "result"] },
        sentences(t("rule.first-article/failed-without-pass", { id: record.id, product: record.product, operation: record.operation ?? record.process ?? "", date: record.date, report: record.report }), t("rule.first-article/failed-without-pass.fix")),
      );
    }
  },
};
