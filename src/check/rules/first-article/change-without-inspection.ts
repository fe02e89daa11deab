import { sentences, t } from "../../../i18n/index.js";
import { changesWithoutFirstArticle } from "../../../model/first-articles.js";
import type { Rule } from "../../rule.js";

/**
 * A document revised as a 技术状态更改 whose change request asked for a new 首件鉴定 (first_article_required, csr release
 * --configuration-change --first-article-required) with no 首件鉴定 recorded of the document or the change since its release
 * (GJB 908A: a first article inspection after a design or process change; GJB 9001C-2017 8.5.1). A warning: the first article of the changed process may not be made yet.
 */
export const rule: Rule = {
  id: "first-article/change-without-inspection",
  severity: "warning",
  // A finding in a document follows from first-articles.yaml too, whose change makes the check whole; of a document, what names it and its revisions.
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.effective, (f.data.revisions ?? []).map((r) => [r.version, r.date, r.effective, r.change_request, r.configuration_change, r.first_article_required])] : null) },
  summary: "A configuration change that asks for a new first article inspection has none recorded after the change.",
  docs: {
    description:
      "A revision marked `first_article_required` (the change request asks for a new 首件鉴定: `csr release --configuration-change --first-article-required`) is in effect by today, and no record of first-articles.yaml follows it: none names the document (`document`) or the change (`change_request`) with a `date` on or after the revision's release day. A change of the design or the process asks for a new first article inspection before batch production goes on under it ({{cite:first-article}}); whether this change does is the change request's decision, recorded on the revision. A configuration change without `first_article_required` is not asked about. A warning: the first article of the changed process may not be made yet.",
    bad: `
  - version: A/1
    date: 2026-03-02
    summary: 回流焊峰值温度由 245℃ 改为 250℃
    reason: 新焊膏的工艺窗口
    change_request: GG-2026-003
    configuration_change: true
    first_article_required: true
`,
    good: `
  - id: FA-2026-002
    product: XX-3 电源模块
    operation: 回流焊
    document: WI-003
    version: A/1
    reason: process-change
    change_request: GG-2026-003
    date: 2026-03-10
`,
    fix: "Inspect the first article made under the changed document and record it: `csr first-article add <产品> --operation <工序> --document <文件编号> --reason process-change --change-request <更改单号> --members … --result … --report …`.",
  },
  check(ctx) {
    const records = ctx.repo.firstArticles.map((r) => r.value);
    for (const located of ctx.repo.documents) {
      if (!ctx.keeps(located.file)) continue;
      const document = located.value;
      for (const { revision, index, effective } of changesWithoutFirstArticle(document, records, ctx.options.today)) {
        ctx.report(
          { file: located.file, path: [...located.path, "revisions", index, "first_article_required"] },
          sentences(t("rule.first-article/change-without-inspection", { document: document.id, version: revision.version, effective, change: revision.change_request ?? "" }), t("rule.first-article/change-without-inspection.fix", { document: document.id })),
        );
      }
    }
  },
};
