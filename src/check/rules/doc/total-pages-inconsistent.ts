import { sentences, t } from "../../../i18n/index.js";
import { changedPageCount } from "../../../model/revision.js";
import { worksToGjb9001C } from "../../../model/citations.js";
import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";

/**
 * A revision that changed some pages only (页次 P2, P3-P4) while its 总页数 differs from the previous
 * revision's by more than the pages it changed: a partial change that takes a 30-page manual to 2 pages
 * is a count mistyped, or a 页次 that should say 全部 (tester68 G11). The 总页数 is what a reader checks a
 * controlled copy against (GJB 9001C 7.5.2, 7.5.3: documents identified and complete). A revision of the
 * whole document (全部), or whose 页次 csr cannot count, is not judged. Only in a GJB 9001C repository, whose
 * 军代表 checks the revision record page by page; an IATF 16949 one may record the paper counts of earlier
 * revisions beside the current one's printed count (acme-auto does), which is not judged here yet.
 */
export const rule: Rule = {
  id: "doc/total-pages-inconsistent",
  severity: "warning",
  scope: { files: "own" },
  summary: "A revision that changed only some pages changes the total page count by more than those pages (GJB 9001C).",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), a revision whose pages affected (`pages`, 页次) name some pages only (`P2`, `P3-P4`, `第2、5页`) while its total page count (`total_pages`, 总页数) differs from the previous revision's by more than the number of pages it changed: a change to one page of a 30-page manual does not leave it with 2 pages. Either the count is mistyped (often the pages changed written as the total), or the revision changed the whole document and its `pages` should say so (`全部`). The total page count is what a reader checks a controlled copy against for completeness ({{cite:documents-in-use}}). Reported on the revision's `total_pages`, with both counts; the revision after one reported is not compared with its count. A revision of the whole document, or whose `pages` csr cannot count, is not judged; nor is a repository that does not work to GJB 9001C.",
    bad: `
  - version: B/1
    date: 2026-03-02
    summary: 更新质量目标
    pages: P2
    total_pages: 2   # B/0 had 30
`,
    good: `
  - version: B/1
    date: 2026-03-02
    summary: 更新质量目标
    pages: P2
    total_pages: 30
`,
    fix: "Correct `total_pages` to the page count of the printed controlled copy (`csr render <id> --format pdf` says when the print has another count), or `pages` to the pages the revision changed (`全部` for the whole document). `csr release --total-pages <n>` records the count of the next revision.",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const revisions = doc.revisions ?? [];
      // A count reported is not the measure of the next revision's: one mistyped count, one finding.
      let reported = false;
      for (let i = 1; i < revisions.length; i++) {
        const [previous, revision] = [revisions[i - 1]!, revisions[i]!];
        const after = reported;
        reported = false;
        if (after || previous.total_pages === undefined || revision.total_pages === undefined) continue;
        const changed = changedPageCount(revision.pages);
        const difference = Math.abs(revision.total_pages - previous.total_pages);
        if (changed === undefined || difference <= changed) continue;
        reported = true;
        const data = { id: doc.id, arg: shellArgument(doc.id), version: revision.version, total: revision.total_pages, previous: previous.version, previousTotal: previous.total_pages, pages: revision.pages!, count: changed, difference };
        ctx.report({ file, path: ["revisions", i, "total_pages"] }, sentences(t("rule.doc/total-pages-inconsistent", data), t("rule.doc/total-pages-inconsistent.fix", data)));
      }
    }
  },
};
