import { list, sentences, t } from "../../../i18n/index.js";
import { zeroingMissing, zeroingRequired } from "../../../model/actions.js";
import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";

/**
 * A closed corrective action record (actions/) of a GJB 9001C repository without the evidence of every criterion
 * of its 质量问题归零: 定位准确, 机理清楚, 问题复现, 措施有效, 举一反三 (GJB 9001C 10.2, GJB 5707; the 归零报告 the
 * 军代表 reviews). One finding per record, on its closure, naming the criteria without evidence. Not in a
 * repository that does not work to GJB 9001C.
 */
export const rule: Rule = {
  id: "action/zeroing-incomplete",
  severity: "warning",
  scope: { files: "own" },
  summary: "A closed quality problem (质量问题归零) lacks the evidence of one of its five criteria.",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), a nonconformity and corrective action record (`actions/<id>.yaml`) is a quality problem to be brought to technical 归零 against five criteria: 定位准确 (located), 机理清楚 (mechanism understood), 问题复现 (reproduced), 措施有效 (actions effective) and 举一反三 (read across to similar products and processes). Once the record is closed (`steps.D8.done`), each criterion should say where it is evidenced (`zeroing`, written by `csr action zero`); 举一反三 is evidenced too by the read-across entries (`read_across`, `csr action readacross`) or by the reason recorded on closing that none applies (`steps.D8.no_read_across`). One finding per record, on its closure, naming the criteria without evidence. GJB 9001C 10.2 wants a nonconformity's causes found and the actions' effectiveness reviewed; the 质量问题归零 practice (GJB 5707) brings a quality problem to 归零 on these five criteria, in a 归零报告 the 军代表 reviews. Not reported in a repository that does not work to GJB 9001C.",
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
`,
    fix: "Record where each criterion is evidenced: `csr action zero <id> --located <text> --mechanism <text> --reproduced <text> --effective <text> --read-across <text>` (or the read-across checks with `csr action readacross <id>`).",
  },
  check(ctx) {
    if (!zeroingRequired(ctx.repo.config?.value)) return;
    for (const { value: action, file } of ctx.repo.actions) {
      if (action.steps?.D8?.done === undefined) continue;
      const missing = zeroingMissing(action);
      if (missing.length === 0) continue;
      const criteria = list(missing.map((c) => t(`action.zero.criterion.${c}`)));
      ctx.report({ file, path: ["steps", "D8", "done"] }, sentences(t("rule.action/zeroing-incomplete", { id: action.id, criteria }), t("rule.action/zeroing-incomplete.fix", { id: shellArgument(action.id) })));
    }
  },
};
