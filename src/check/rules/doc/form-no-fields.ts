import { t } from "../../../i18n/index.js";
import type { Rule } from "../../rule.js";

/**
 * A form (表单) is printed from its `sections`: the table or the items to fill in. Without them
 * `csr render` prints the header block, the revision record and the record keeping alone, an empty
 * sheet, and the print says nothing about why: a controlled copy carries no note to its author. So
 * the author hears it here, once the form is submitted for approval (in-review). A draft without
 * sections is a placeholder still to be written (csr new, a procedure's import names its forms so);
 * a released form without sections is one registered from its paper or Word original (a form
 * register imported), whose items are on that original: neither is reported. Reporting released
 * forms too was weighed and rejected: every released form of the example repositories (46 of 46)
 * and of any imported form register has no sections, its original being the Word or Excel file, so
 * the warning would fire on each and ask for nothing to do.
 */
export const rule: Rule = {
  id: "doc/form-no-fields",
  severity: "warning",
  scope: { files: "own" },
  summary: "A form submitted for approval has no items to fill in: its print would be an empty sheet.",
  docs: {
    description:
      "A form (`kind: form`) submitted for approval (`in-review`, 审批中) has no `sections`: no table or items to fill in. Released as it stands, `csr render` would print its header block, revision record and record keeping over an empty body (a controlled copy carries no note to its author). A draft without sections is a placeholder still to be written and is not reported; nor is a released form without sections, which is registered from an original kept elsewhere (a paper, Word or Excel form, e.g. from an imported form register). Released forms are left out on purpose: a form is usually kept as its Word or Excel original, which the repository registers (every form of the example repositories and of an imported form register is), so a warning on each would ask for nothing the document controller can do; a form whose items the repository is to print has them written before its release, which is what this rule asks during the review.",
    bad: `
kind: form
department: QA
status: in-review
record: {retention: 3年, medium: paper, location: 品质部}
# no sections
`,
    good: `
kind: form
department: QA
status: in-review
record: {retention: 3年, medium: paper, location: 品质部}
sections:
  - title: 检验项目
    text: |
      | 序号 | 检验项目 | 标准 | 结果 | 检验员 |
      | --- | --- | --- | --- | --- |
      | 1 |  |  |  |  |
`,
    fix: "Write the form's table or items under `sections` (a Markdown table in a section's `text`) before releasing it with `csr release`.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      if (doc.kind !== "form" || doc.status !== "in-review" || (doc.sections ?? []).length > 0) continue;
      ctx.report({ file, path: ["kind"] }, t("rule.doc/form-no-fields", { document: doc.id }));
    }
  },
};
