import { t } from "../../../i18n/index.js";
import { worksToGjb9001C } from "../../../model/citations.js";
import type { Rule } from "../../rule.js";

/**
 * A quality problem graded 重大 or 严重 (`problem_grade: major|serious`, csr action open --problem-grade) with no day the
 * 军代表 was notified (`notified`): the customer's representative is told of a serious quality problem at once (GJB 9001C-2017
 * 10.2, 8.7; the 质量问题归零 practice, GJB 5711 装备质量问题处理). One finding per record, on its grade. Not in a repository that
 * does not work to GJB 9001C.
 */
export const rule: Rule = {
  id: "action/problem-unnotified",
  severity: "warning",
  scope: { files: "own" },
  dependsOn: ["qms.yaml"],
  summary: "A 重大 or 严重 quality problem has no record of when the 军代表 was notified.",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), a quality problem (`actions/<id>.yaml`) graded 重大 or 严重 (`problem_grade: major` or `serious`, written by `csr action open --problem-grade`) gives the day the 军代表 was notified (`notified`, `csr action open --notified <date>`): the customer's representative is told of a serious quality problem at once, before its 归零 (GJB 9001C-2017 10.2, 8.7; GJB 5711). Reported once per record, on its grade. A 一般 (general) problem, or one not graded, is not reported. Not reported in a repository that does not work to GJB 9001C.",
    bad: `
problem_grade: serious
batches: [2026-11-B07]
serials: [0031~0040]
received: 2026-11-09
owner: zhang
`,
    good: `
problem_grade: serious
batches: [2026-11-B07]
serials: [0031~0040]
received: 2026-11-09
notified: 2026-11-10
owner: zhang
`,
    fix: "Notify the 军代表 and record the day: `csr action update <id> --notified <date>` (for a new one, `csr action open … --notified <date>`).",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    for (const { value: action, file } of ctx.repo.actions) {
      if (!ctx.keeps(file)) continue;
      if ((action.problem_grade !== "major" && action.problem_grade !== "serious") || action.notified !== undefined) continue;
      ctx.report({ file, path: ["problem_grade"] }, t("rule.action/problem-unnotified", { id: action.id, grade: t(`action.problem-grade.${action.problem_grade}`) }));
    }
  },
};
