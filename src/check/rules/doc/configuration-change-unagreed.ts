import { sentences, t } from "../../../i18n/index.js";
import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";

/**
 * A revision marked a 技术状态更改 (`configuration_change`) that records no 军代表's agreement
 * (`military_representative`): a change of the product's configuration the customer accepted needs the
 * customer's agreement, the 军代表's signature, whatever the level of the document that carries it (GJB 9001C
 * 8.3.6, 8.5.6 and 技术状态管理; tester68 G12). `csr release --configuration-change` refuses the revision
 * without it; this finds it in a file written by hand. Not judged by `standards`: the mark is the claim.
 */
export const rule: Rule = {
  id: "doc/configuration-change-unagreed",
  severity: "error",
  scope: { files: "own" },
  summary: "A revision marked a configuration change (技术状态更改) records no 军代表's agreement.",
  docs: {
    description:
      "A revision marked `configuration_change: true` (技术状态更改: the change alters the product's configuration the customer accepted, a work instruction's process parameters or a form's inspection items as much as a procedure) whose entry records no `military_representative` (the 军代表's signature of agreement). A change of the configuration needs the customer's agreement ({{cite:customer-change-notice}}; {{cite:document-control}}), whatever the document's level and whether or not its header prints a 军代表 cell: the revision record prints the 军代表 in its own column and marks the change 技术状态更改 in its 更改依据 cell, as `csr history`, `csr show` and the site do. Reported on the revision's `configuration_change`.",
    bad: `
  - version: A/1
    date: 2026-03-02
    summary: 回流焊峰值温度由 245℃ 改为 250℃
    reason: 新焊膏的工艺窗口
    change_request: GG-2026-003
    configuration_change: true
    prepared: { by: zhang, date: 2026-03-02 }
    reviewed: { by: li, date: 2026-03-02 }
    approved: { by: wang, date: 2026-03-02 }
`,
    good: `
  - version: A/1
    date: 2026-03-02
    summary: 回流焊峰值温度由 245℃ 改为 250℃
    reason: 新焊膏的工艺窗口
    change_request: GG-2026-003
    configuration_change: true
    prepared: { by: zhang, date: 2026-03-02 }
    reviewed: { by: li, date: 2026-03-02 }
    approved: { by: wang, date: 2026-03-02 }
    military_representative: { by: liujd, date: 2026-03-03 }
`,
    fix: "Record the 军代表's agreement as signed on the change request: `csr sign <id> --military-representative <person> --date <date>` on the current revision, or `military_representative: { by: <person>, date: <date> }` in the entry of an earlier one; a change that does not alter the configuration drops `configuration_change`. `csr release <id> --configuration-change --military-representative <person>` records both on the next revision.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      (doc.revisions ?? []).forEach((revision, i) => {
        if (revision.configuration_change !== true || revision.military_representative !== undefined) return;
        const data = { id: doc.id, arg: shellArgument(doc.id), version: revision.version };
        const fix = i === (doc.revisions?.length ?? 0) - 1 ? "rule.doc/configuration-change-unagreed.fix" : "rule.doc/configuration-change-unagreed.fix-earlier";
        ctx.report({ file, path: ["revisions", i, "configuration_change"] }, sentences(t("rule.doc/configuration-change-unagreed", data), t(fix, data)));
      });
    }
  },
};
