import { sentences, t } from "../../../i18n/index.js";
import { changesWithoutFirstArticle } from "../../../model/first-articles.js";
import type { Rule } from "../../rule.js";

/**
 * A 工艺规程 or 图样 (a document first-articles.yaml names) revised as a 技术状态更改 (csr release --configuration-change) with
 * no 首件鉴定 recorded after the change took effect (GJB 908A: a first article inspection after a design or process change;
 * GJB 9001C-2017 8.5.1). A warning: the first article of the changed process may not be made yet.
 */
export const rule: Rule = {
  id: "first-article/change-without-inspection",
  severity: "warning",
  // A finding in a document follows from first-articles.yaml too, whose change makes the check whole; of a document, what names it and its revisions.
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.effective, (f.data.revisions ?? []).map((r) => [r.version, r.date, r.effective, r.change_request, r.configuration_change])] : null) },
  summary: "A process specification or drawing changed as a configuration change has no first article inspection after the change.",
  docs: {
    description:
      "A document that a record of first-articles.yaml names as its `document` (a 工艺规程 or 图样 first articles are made to) has a revision marked `configuration_change` (技术状态更改, `csr release --configuration-change`) in effect by today, and no record of first-articles.yaml naming the document follows it: none records that revision's `version`, its `change_request`, or a day on or after the revision took effect. A change of the design or the process asks for a new first article inspection before batch production goes on under it ({{cite:first-article}}). Documents no record names are not asked about: csr does not know which documents first articles are made to until one is recorded. A warning: the first article of the changed process may not be made yet.",
    bad: `
  - version: A/1
    date: 2026-03-02
    summary: 回流焊峰值温度由 245℃ 改为 250℃
    reason: 新焊膏的工艺窗口
    change_request: GG-2026-003
    configuration_change: true
`,
    good: `
  - id: FA-2026-002
    product: XX-3 电源模块
    operation: 回流焊
    document: WI-003
    version: A/1
    reason: process-change
    change_request: GG-2026-003
`,
    fix: "Inspect the first article made under the changed document and record it: `csr first-article add <产品> --operation <工序> --document <文件编号> --reason process-change --change-request <更改单号> --members … --result … --report …`.",
  },
  check(ctx) {
    const records = ctx.repo.firstArticles.map((r) => r.value);
    if (records.length === 0) return;
    for (const located of ctx.repo.documents) {
      if (!ctx.keeps(located.file)) continue;
      const document = located.value;
      for (const { revision, index, effective } of changesWithoutFirstArticle(document, records, ctx.options.today)) {
        ctx.report(
          { file: located.file, path: [...located.path, "revisions", index, "configuration_change"] },
          sentences(t("rule.first-article/change-without-inspection", { document: document.id, version: revision.version, effective, change: revision.change_request ?? "" }), t("rule.first-article/change-without-inspection.fix", { document: document.id })),
        );
      }
    }
  },
};
