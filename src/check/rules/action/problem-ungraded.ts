import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { worksToGjb9001C } from "../../../model/citations.js";
import type { Rule } from "../../rule.js";

/**
 * A quality problem of a GJB 9001C repository with no grade (`problem_grade`): whether the 军代表 is to be notified
 * (action/problem-unnotified) and is to review the 归零 before its closure (action/zeroing-unreviewed) follows from it
 * (GJB 9001C-2017 10.2; GJB 5711 grades 重大, 严重, 一般). One finding per record, on its id. An internal audit's
 * nonconformity (source audit) is graded by its audit finding, an external audit's by the auditor (external_audit.grade): not reported. Not in a repository that does not work to GJB 9001C.
 */
export const rule: Rule = {
  id: "action/problem-ungraded",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["qms.yaml"],
  summary: "A quality problem has no grade (重大, 严重, 一般): csr cannot tell whether the 军代表 is to be notified and is to review its 归零.",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), a quality problem (`actions/<id>.yaml`; not an internal or external audit's nonconformity, which its auditor grades) is graded 重大, 严重 or 一般 (`problem_grade: major`, `serious` or `general`, `csr action open --problem-grade`): a 重大 or 严重 problem is reported to the 军代表 at once (`action/problem-unnotified`) and counts as 归零 only once the 军代表 has reviewed it (`action/zeroing-unreviewed`; `csr action close` refuses it before). Without the grade none of this can be judged. Reported once per record, on its id. GJB 9001C-2017 10.2; GJB 5711. Not reported in a repository that does not work to GJB 9001C.",
    bad: `
title: 电源模块输出纹波超差
source: internal
received: 2026-11-02
`,
    good: `
title: 电源模块输出纹波超差
source: internal
problem_grade: general
received: 2026-11-02
`,
    fix: "Grade the problem as the organisation's 质量问题归零 procedure grades it and record the grade: `csr action update <id> --problem-grade major|serious|general` (a new one: `csr action open … --problem-grade <grade>`).",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    for (const { value: action, file } of ctx.repo.actions) {
      if (!ctx.keeps(file) || action.problem_grade !== undefined || action.source === "audit" || action.source === "external-audit") continue;
      ctx.report({ file, path: ["id"] }, t("rule.action/problem-ungraded", { id: action.id, arg: shellArgument(action.id) }));
    }
  },
};
