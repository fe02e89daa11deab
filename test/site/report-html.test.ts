import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the benchmark generator is plain JavaScript without type declarations.
import { generateRepository } from "../../bench/generate.js";
import { UserError } from "../../src/core/errors.js";
import { loadRepository } from "../../src/load/repository.js";
import { buildIndex } from "../../src/model/index.js";
import { createRenderer } from "../../src/render/environment.js";
import { markdownToHtml } from "../../src/render/markdown.js";
import { csrReportView, type CsrReportView, type Lang } from "../../src/render/view.js";
import { sitePartials } from "../../src/site/build.js";
import { siteReportHtml, type SiteReportView } from "../../src/site/report.js";
import { sectionHtml } from "../../src/site/section.js";
import type { Chrome, SiteSection } from "../../src/site/view.js";
import { ROOT, tempDir } from "../helpers.js";
import { chrome, hostile } from "./chrome.js";

// The site's review report written by code (src/site/report.ts) against csr's Handlebars template
// with the site's partials, as site/build.ts rendered it before: the same page byte for byte, for
// every CSR of the examples, the fixtures and a generated bench repository, and for each view
// changed so that every {{#if}} goes both ways and every value needs escaping.

/** Every repository under examples/ and test/fixtures/ with CSRs (a folder holding a csr/ folder). */
function repositories(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir, { withFileTypes: true });
    if (names.some((n) => n.isDirectory() && n.name === "csr") && existsSync(join(dir, "qms.yaml"))) found.push(dir);
    for (const n of names) if (n.isDirectory() && n.name !== "csr" && n.name !== "documents" && n.name !== ".git") walk(join(dir, n.name));
  };
  walk(join(ROOT, "examples"));
  walk(join(ROOT, "test", "fixtures"));
  return found;
}

const section = (title: string): SiteSection => ({ id: "state", title, items: [{ text: title, href: "../customers/A.html" }, { text: "状态" }] });
/** The report's chrome: its sections and alerts (with the calendar notice), and the style-only policy of a page without scripts. */
const reportChrome = (sections: SiteSection[], alerts?: SiteSection): Chrome => chrome({ csp: "default-src 'none'; style-src 'self'", sections, ...(alerts ? { alerts, notice: hostile } : {}) });

/** Every string of a view (not the Markdown body, which is HTML) through `change`; lists kept. */
function strings(value: unknown, change: (text: string) => string, key = ""): unknown {
  if (typeof value === "string") return key === "body" ? value : change(value);
  if (Array.isArray(value)) return value.map((item) => strings(item, change));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strings(v, change, k)]));
  return value;
}

/** A view with each list emptied and each optional part taken away. */
const bare = (view: CsrReportView): CsrReportView => ({
  ...view,
  opinions: [],
  confirmations: [],
  history: [],
  addressed: [],
  record: "",
  body: "",
  amendments: [],
  amendedAfterReview: false,
  required: "",
  decision: undefined,
  implementation: undefined,
  training: undefined,
  militaryRepresentative: undefined,
  form: undefined,
});

/** A name linking to a person's page, as the site gives it; with `after`, a second person not in people.yaml (no link) after a separator. */
const linked = (name: string, after = false) => [{ text: name, href: `../people/${name}.html` }, ...(after ? [{ text: "、" }, { text: `${hostile}` }] : [])];

/** A view with every part there and every flag set. */
const full = (view: CsrReportView): CsrReportView & Record<string, unknown> => ({
  ...view,
  classification: "机密",
  version: "B/2",
  copy: 3,
  stamp: "obsolete",
  restarted: true,
  confirmedBy: "张丽",
  confirmedByLinks: linked("张丽"),
  recorder: { by: "张丽", byLinks: linked("张丽"), date: "2026-01-01" },
  leader: { by: "徐海涛", date: "2026-01-01" },
  estimated: true,
  timeliness: "late",
  lateReason: "",
  supersession: `2026-01-07 由 ${hostile} 替代`,
  record: "QR-015-01 第 3 号",
  required: `品质部、${hostile}（本 CSR 指定）`,
  amendedAfterReview: true,
  amendments: [{ date: "2026-01-04", field: "要求内容", was: hostile, reason: "", by: "张丽" }, { date: "2026-01-05", field: "条款", was: "IATF 16949 8.3", reason: hostile, by: hostile }],
  form: { number: "QR-015", version: "", reprint: `依 2026-01-02 评审记录按 QR-015 ${hostile} 重新输出` },
  decision: { disposition: "accept", justification: "", alternative: hostile, by: "徐海涛", byLinks: linked("徐海涛"), date: "2026-01-02", forced: true, overruled: "品质部" },
  confirmations: [{ sourceRevision: "V3", by: "张丽", byLinks: linked("张丽"), date: "2026-02-01", comment: "", lateReason: "晚了" }, { sourceRevision: "V4", by: "", date: "", comment: "无变化", lateReason: "晚了" }],
  addressed: [
    { id: "QP-001", title: "文件控制程序", version: "", mark: "", href: "../documents/QP-001.html", section: "5.1 范围", anchor: "s-5-1" },
    { id: "QP-002", title: "", version: "A/0", mark: "已作废", section: "6", anchor: "" },
  ],
  implementation: { owner: "黄军", ownerLinks: linked("黄军"), due: "2026-03-01", customerDate: "", status: "", implemented: "", evidence: "", history: [{ closed: "2026-01-05", reason: "改", implemented: "2026-01-01", verifiedBy: "张丽", verifiedByLinks: linked(hostile), verifiedOn: "2026-01-04" }] },
  training: { required: true, state: "partial", counted: `已培训 2/9 人${hostile}`, deadline: `2026-02-02（期限自 2026-01-02 评审决定起算；${hostile}）`, records: "TR-1", results: true, evaluated: true, sessions: [{ date: "2026-01-03", revision: "V3", people: "孙伟、周鹏", peopleLinks: linked("孙伟", true), trainer: "张丽", trainerLinks: linked("张丽"), record: "TR-1", method: "课堂授课", hours: "1.5", failed: `孙伟${hostile}`, evaluation: `无效（考试，2026-01-10，张丽）${hostile}` }] },
  militaryRepresentative: { by: "王军代", byLinks: linked("王军代"), date: "2026-01-06" },
  history: [
    { reason: "来源文件换版", sourceRevision: "V2", closed: "2025-01-01", startKind: "restarted", start: "2024-12-01", due: "2024-12-15", decidedOn: "", timeliness: "换版前未决定", closing: `2025-01-01 因 V3 版换版重评而关闭：${hostile}`, required: `品质部；未会签：${hostile}`, opinions: [], record: "QR-1", decision: undefined, lateReason: "迟" },
    { reason: "", sourceRevision: "", closed: "", startKind: "", start: "", due: "", decidedOn: "", timeliness: "", closing: "", required: "", opinions: [{ department: "品质部", reviewer: "张丽", reviewerLinks: linked("张丽"), opinion: "reject", date: "2025-02-01", comment: "" }, { department: "技术部", reviewer: "周鹏", opinion: "", date: "", comment: "" }], record: "QR-2", decision: { disposition: "reject", by: "徐海涛", byLinks: linked("徐海涛"), date: "2025-02-03" }, lateReason: "迟" },
  ],
});

describe("the site's CSR review report written by code", () => {
  it("is the page the Handlebars template makes, for every CSR of the examples and fixtures and every branch of the template", { timeout: 120_000 }, async () => {
    const bench = tempDir();
    generateRepository(bench, 300);
    const body = await markdownToHtml();
    const roots = [...repositories(), bench];
    let compared = 0;
    for (const root of roots) {
      let repo;
      try {
        repo = loadRepository(root);
      } catch (error) {
        if (error instanceof UserError) continue;
        throw error;
      }
      const index = buildIndex(repo);
      for (const lang of ["zh-CN", "en"] as Lang[]) {
        const renderer = await createRenderer(root, "html", lang, {
          partials: sitePartials(),
          helpers: new Map([["section-html", (s: SiteSection) => sectionHtml(s, Handlebars.escapeExpression)]]),
        });
        const viaCode = (view: SiteReportView) => siteReportHtml(view, renderer.labels, Handlebars.escapeExpression, (s) => sectionHtml(s, Handlebars.escapeExpression));
        for (const { value: csr } of index.csrs.values()) {
          let view: CsrReportView;
          try {
            view = csrReportView(repo, index, csr, lang, body, "2026-06-30", { document: (id) => `../documents/${id}.html`, person: (id) => (index.people.has(id) ? `../people/${id}.html` : undefined) });
          } catch (error) {
            if (error instanceof UserError) continue;
            throw error;
          }
          const variants: SiteReportView[] = [
            { ...view, customerHref: "../customers/A.html", sourceHref: "../customers/A.html#source-X", site: reportChrome([section("今日状态"), section("实施")]) },
            { ...view, site: { ...reportChrome([], section("发现项")), canonical: `https://qms.example.com/site/csr/${hostile}.html` } },
            { ...bare(view), stamp: "draft", site: reportChrome([]) },
            { ...(strings(bare(view), () => "") as CsrReportView), site: reportChrome([]) },
            { ...full(view), customerHref: hostile, sourceHref: hostile, site: reportChrome([section(hostile)], section(hostile)) },
            { ...(strings(full(view), (s) => `${s}${hostile}`) as CsrReportView), site: reportChrome([section(hostile)]) },
            { ...(strings(view, (s) => `${s}${hostile}`) as CsrReportView), site: reportChrome([section(hostile)]) },
          ];
          for (const variant of variants) {
            expect(viaCode(variant)).toBe(renderer.render("csr-review-report", variant));
            compared++;
          }
        }
      }
    }
    // The examples alone have some 40 CSRs; the bench repository about 50.
    expect(compared).toBeGreaterThan(7 * 2 * 150);
  });
});
