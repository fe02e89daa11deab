import { shellArgument } from "../../../core/text.js";
import { list, t } from "../../../i18n/index.js";
import { actionRevisions } from "../../../model/actions.js";
import { worksToGjb9001C } from "../../../model/citations.js";
import { personLabel } from "../../../model/labels.js";
import { closedTooEarly, closureBoundText } from "../../../model/zeroing-review.js";
import type { Rule } from "../../rule.js";

/**
 * A quality problem of a GJB 9001C repository closed (steps.D8.done) before its 归零 was finished: before the 军代表's review
 * of a 重大 or 严重 problem, or before the release of a revision made for it (csr release --action: the 措施落实 and 完善规章
 * it carries out). GJB 9001C-2017 10.2; the 归零 practice (QJ 3183, GJB 5711). One finding per record, on its closure date,
 * naming each later day. Reads the documents' revisions (scope all).
 */
export const rule: Rule = {
  id: "action/closed-early",
  severity: "error",
  scope: {
    files: "all",
    reads: (file) => (file.kind === "document" ? { id: file.data.id, revisions: (file.data.revisions ?? []).map((r) => ({ version: r.version, date: r.date, actions: r.actions })) } : null),
  },
  dependsOn: ["people.yaml", "qms.yaml"],
  summary: "A quality problem is closed before the 军代表 reviewed its 归零, or before a revision released for it.",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), the closure of a quality problem (`steps.D8.done`, `csr action close`, the 归零关闭) comes after what its 归零 needs: the review of the 军代表 (`zeroing.reviewed`) for a problem graded 重大 or 严重, and the release of every revision released for it (`csr release … --action <id>`), since the measures and the rules improved (措施落实, 完善规章) are in force once those documents are released. Reported once per record, on its closure date, naming each later day. `csr action close` refuses such a date. GJB 9001C-2017 10.2; the 质量问题归零 practice (QJ 3183, GJB 5711). Not reported in a repository that does not work to GJB 9001C.",
    bad: `
  D8: {done: 2026-11-20, verified_by: wang, evidence: 归零评审通过}
`,
    good: `
  D8: {done: 2026-11-26, verified_by: wang, evidence: 归零评审通过}
`,
    fix: "Correct the closure date (`steps.D8.done`) to the day the 归零 was closed, no earlier than the 军代表's review and the release of the documents; if it was closed too early, record the closure again on the right day.",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    const revisions = actionRevisions(ctx.repo.documents.map((d) => d.value));
    for (const { value: action, file } of ctx.repo.actions) {
      const early = closedTooEarly(action, revisions.get(action.id) ?? []);
      if (early.length === 0) continue;
      const bounds = list(early.map((b) => closureBoundText(b, (id) => (id === undefined ? "" : personLabel(ctx.index, id)))));
      ctx.report({ file, path: ["steps", "D8", "done"] }, t("rule.action/closed-early", { id: action.id, date: action.steps!.D8!.done!, bounds, latest: early[0]!.date, arg: shellArgument(action.id) }));
    }
  },
};
