/**
 * csr site's registers as a third-party auditor reads them (tester82 A6): a page for every register csr list lists — the
 * internal audit record (内部审核记录) among them, which the audit programme's note sent the reader to `csr list audits`
 * for — the note's command linked to that page, the index grouped as an audit file is (clauses 4–6, 7, 8, 9, 10), and the
 * dashboard's audit programme panel counting the audits held, linked to their record (IATF 16949 9.2.2.1; ISO 9001 9.2.2 f).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

const DAY = "2026-11-27";
let out: string;
const read = (path: string) => readFileSync(join(out, path), "utf8");

beforeAll(async () => {
  out = join(tempDir(), "site");
  expect((await csrInProcess(["-C", join(ROOT, "examples", "acme-auto"), "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
}, 300_000);

describe("csr site's register pages", () => {
  it("has the internal audit record, the customers, the people, the suppliers and the plans, each on the index under its part of an audit file", () => {
    const index = read("registers/index.html");
    const sections = [...index.matchAll(/<h2>([^<]*)<\/h2>\n\n<ul class="site-items">(.*?)<\/ul>/gs)].map(([, title, items]) => [title, [...items!.matchAll(/<a href="\.\.\/registers\/([^"]+)\.html">/g)].map((m) => m[1])]);
    expect(sections).toEqual([
      ["组织环境、领导作用和策划（第 4—6 章）", ["processes", "clauses-IATF16949", "clauses-xref", "customers", "csr-matrix", "csr-list", "reviews", "objectives"]],
      ["支持（第 7 章）", ["people", "gauges", "training", "training-missing", "training-plan", "training-plan-next", "procedures", "documents", "documents-unreleased", "forms", "external", "obsolete", "distribution", "periodic-reviews", "periodic-review-plan", "disposals"]],
      ["运行（第 8 章）", ["symbols", "suppliers", "tooling", "error-proofing"]],
      ["绩效评价（第 9 章）", ["audit-programme", "audit-plan", "audits", "management-review", "management-review-outputs"]],
      ["改进（第 10 章）", ["actions"]],
      ["变更报告", ["changes", "changes-recent"]],
    ]);
    expect(read("registers/audits.html")).toContain("<h1>内部审核记录（共 32 次）</h1>");
  });

  it("links a note's csr list command to the page of that register, not to the page it is on", () => {
    expect(read("registers/audit-programme.html")).toContain("各次审核的审核员、不符合项和说明见内部审核记录（<a href=\"../registers/audits.html\">csr list audits</a>）。</p>");
    // The longest command named wins: csr list audit-programme is not csr list with a word after it.
    expect(read("registers/audit-plan.html")).toContain("已进行的审核的记录见内部审核方案（<a href=\"../registers/audit-programme.html\">csr list audit-programme</a>）和内部审核记录（<a href=\"../registers/audits.html\">csr list audits</a>）。");
    expect(read("registers/csr-list.html")).toContain("换版前的评审轮次见顾客特定要求评审及时性记录（<a href=\"../registers/reviews.html\">csr list reviews</a>）。");
    // On paper the note is as csr list prints it.
    expect(read("registers/audit-programme.html")).toContain("见内部审核记录（csr list audits）。</p>");
  });

  it("counts the audits held on the dashboard's audit programme panel, linked to their record", () => {
    expect(read("index.html")).toContain('<li><a class="site-number " href="registers/audits.html"><span class="count">32</span> <span class="label">内部审核记录</span></a></li>');
  });
});
