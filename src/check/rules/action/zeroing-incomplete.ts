import { sentences, t } from "../../../i18n/index.js";
import { zeroingMissing } from "../../../model/actions.js";
import { reviewRequired, zeroingLacking, zeroingLackingText } from "../../../model/zeroing-review.js";
import { worksToGjb9001C } from "../../../model/citations.js";
import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";

/**
 * A closed corrective action record (actions/) of a GJB 9001C repository without the evidence of every criterion
 * of its 质量问题归零, the 双五条: technical 归零's 定位准确, 机理清楚, 问题复现, 措施有效, 举一反三 and management 归零's
 * 过程清楚, 责任明确, 措施落实, 严肃处理, 完善规章 (GJB 9001C-2017 10.2; the 归零 practice, QJ 3183, GJB 5711; the 归零报告
 * the 军代表 reviews). One finding per record, on its closure, naming the criteria without evidence, each half apart: an
 * error for a 重大 or 严重 problem, which csr action close refuses to close so (tester81 J2), a warning for a 一般 one or
 * one not graded. Not in a repository that does not work to GJB 9001C.
 */
export const rule: Rule = {
  id: "action/zeroing-incomplete",
  severity: "error",
  warningsFollowSetting: true,
  scope: { files: "own" },
  summary: "A closed quality problem (质量问题归零) lacks the evidence of one of the ten criteria of its technical and management 归零.",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), a nonconformity and corrective action record (`actions/<id>.yaml`) is a quality problem to be brought to 归零 on the 双五条: technical 归零 against five criteria — 定位准确 (located), 机理清楚 (mechanism understood), 问题复现 (reproduced), 措施有效 (actions effective), 举一反三 (read across to similar products and processes) — and management 归零 against five more — 过程清楚 (process clear), 责任明确 (responsibility defined), 措施落实 (measures carried out), 严肃处理 (dealt with seriously), 完善规章 (rules improved). Once the record is closed (`steps.D8.done`), each criterion should say where it is evidenced (`zeroing`, written by `csr action zero`); 举一反三 is evidenced too by the read-across entries (`read_across`, `csr action readacross`) or by the reason recorded on closing that none applies (`steps.D8.no_read_across`). A criterion that does not apply to the problem says so with its reference (`--dealt-with \"不涉及责任处理，见归零报告 GL-2026-01\"`). One finding per record, on its closure, naming the criteria without evidence: an error for a problem graded 重大 or 严重 (`problem_grade: major` or `serious`), which `csr action close` refuses to close before the ten are evidenced, a warning for a 一般 problem or one not graded. GJB 9001C-2017 10.2 wants a nonconformity's causes found and the actions' effectiveness reviewed; the 质量问题归零 practice (QJ 3183, GJB 5711) brings a quality problem to 归零 on these criteria, in a 归零报告 the 军代表 reviews (`zeroing.report`, `reviewed_by`, `reviewed`). Not reported in a repository that does not work to GJB 9001C.",
    bad: `
  D8: {done: 2026-11-20, verified_by: wang, evidence: 归零评审通过}
zeroing:
  located: 失效分析报告 FA-2026-012：C12 滤波电容容值衰减
  effective: 更换电容后 3 批次纹波合格（检验记录 JY-2026-118）
`,
    good: `
  D8: {done: 2026-11-20, verified_by: wang, evidence: 归零评审通过}
read_across:
  - {product: 同型电源模块 PM-28 系列, result: 3 种已排查，同批电容已更换, by: zhang, date: 2026-11-18}
zeroing:
  located: 失效分析报告 FA-2026-012：C12 滤波电容容值衰减
  mechanism: 电容批次 ESR 偏高，高温下纹波增大（试验报告 SY-2026-031）
  reproduced: 高温 85 ℃ 复现试验 SY-2026-032
  effective: 更换电容后 3 批次纹波合格（检验记录 JY-2026-118）
  process_clear: 进货检验未规定 ESR 复验（归零报告 GL-2026-01 第 3 章）
  responsibility: 质量部进货检验组（归零报告 GL-2026-01 第 4 章）
  measures_taken: 进货检验规范增加 ESR 复验并培训（培训记录 PX-2026-088）
  dealt_with: 通报批评（质量通报 ZT-2026-07）
  rules_improved: CS/WI-005 B/1 增加 ESR 复验
  report: GL-2026-01
  reviewed_by: liujd
  reviewed: 2026-11-25
`,
    fix: "Record where each criterion is evidenced: `csr action zero <id> --located <text> --mechanism <text> --reproduced <text> --effective <text> --read-across <text>` for technical 归零 (or the read-across checks with `csr action readacross <id>`), `--process-clear <text> --responsibility <text> --measures-taken <text> --dealt-with <text> --rules-improved <text>` for management 归零, and the 归零报告 with `--report <number> --reviewed-by <military representative> --reviewed <date>`.",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    for (const { value: action, file } of ctx.repo.actions) {
      if (action.steps?.D8?.done === undefined) continue;
      if (zeroingMissing(action).length === 0) continue;
      // Each half named apart: 技术归零缺 …；管理归零缺 … (tester68 G1).
      const criteria = zeroingLackingText(zeroingLacking(action));
      const serious = reviewRequired(action);
      ctx.report({ file, path: ["steps", "D8", "done"] }, sentences(t(serious ? "rule.action/zeroing-incomplete.graded" : "rule.action/zeroing-incomplete", { id: action.id, criteria, grade: serious ? t(`action.problem-grade.${action.problem_grade!}`) : "" }), t("rule.action/zeroing-incomplete.fix", { id: shellArgument(action.id) })), serious ? undefined : "warning");
    }
  },
};
