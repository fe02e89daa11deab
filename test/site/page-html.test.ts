import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the benchmark generator is plain JavaScript without type declarations.
import { generateRepository } from "../../bench/generate.js";
import { createRenderer } from "../../src/render/environment.js";
import type { Lang } from "../../src/render/view.js";
import { sitePartials } from "../../src/site/build.js";
import { genericPageHtml, type GenericView } from "../../src/site/page.js";
import { sectionHtml } from "../../src/site/section.js";
import type { SiteSection } from "../../src/site/view.js";
import { copyFixture, csrInProcess, filesOf, makeRepo, ROOT, tempDir } from "../helpers.js";
import { chrome, hostile } from "./chrome.js";

// The site's generic pages written by code (src/site/page.ts) against the partial site-generic in
// site-page with the site's partials, as site/build.ts rendered them before: the same page byte for
// byte, for each view changed so that every {{#if}} and {{#each}} goes every way and every value
// needs escaping, and for every page of whole sites built both ways.

const escape = Handlebars.escapeExpression;

const table: SiteSection = {
  id: "csrs",
  title: "要求",
  table: { columns: [{ header: "编号" }, { header: "日期", className: "date" }], rows: [[{ text: "C-1", href: "../csr/C-1.html", className: "code" }, { text: "2026-01-02", className: "date" }]] },
};
const items: SiteSection = { title: hostile, items: [{ text: hostile, href: hostile }, { text: "状态" }], notes: [hostile] };
const none: SiteSection = { title: "无", items: [], empty: "无" };

const views: GenericView[] = [
  { title: "顾客", sections: [], site: chrome() },
  { title: hostile, lead: hostile, sections: [table, items, none], site: chrome({ canonical: `https://qms.example.com/${hostile}`, scripts: ["assets/a.js", hostile], alerts: items, notice: hostile }) },
  { title: "人员", lead: "", facts: [], sections: [none], site: chrome({ root: "", listSeparator: hostile }) },
  {
    title: "张丽",
    facts: [
      { label: "部门", values: [{ text: "品质部" }] },
      { label: hostile, values: [] },
      { label: "签署", values: [{ text: hostile, href: hostile }, { text: "B", href: "" }, { text: "C", href: "../c.html", className: "code" }] },
      // Kept whole (a qualification period's dates, breaker63 P9), linked or not.
      { label: "内审员资格", values: [{ text: "2026-01-01 至 2026-06-30（NS-001）", className: "nobr" }, { text: hostile, href: hostile, className: "nobr" }] },
    ],
    sections: [table],
    site: chrome({ listSeparator: hostile, nav: [], alerts: none }),
  },
];

async function site(repo: string): Promise<string> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", repo, "site", "--out", out, "--today", "2026-06-30"], { lang: null });
  expect(result.stderr).not.toContain("Error");
  return out;
}

/** The repository with csr's own site-footer partial as its own: the site is then laid out by Handlebars throughout. */
function withOwnFooter(repo: string, footer = readFileSync(join(ROOT, "templates", "site", "site-footer.hbs"), "utf8")): string {
  mkdirSync(join(repo, "templates", "html", "partials"), { recursive: true });
  makeRepo({ "templates/html/partials/site-footer.hbs": footer }, repo);
  return repo;
}

describe("the site's generic pages written by code", () => {
  it("are the pages the Handlebars partials make, for every branch of the templates", async () => {
    for (const lang of ["zh-CN", "en"] as Lang[]) {
      const renderer = await createRenderer(ROOT, "html", lang, { partials: sitePartials(), helpers: new Map([["section-html", (s: SiteSection) => sectionHtml(s, escape)]]) });
      for (const view of views) {
        expect(genericPageHtml(view, escape, (s) => sectionHtml(s, escape))).toBe(renderer.renderPartial("site-generic", view));
      }
    }
  });

  it("are byte for byte the pages of a site laid out by the templates, on the examples and a generated repository", { timeout: 180_000 }, async () => {
    const bench = tempDir();
    generateRepository(bench, 200);
    for (const repo of [copyFixture("examples/acme-auto"), copyFixture("examples/gjb-demo"), bench]) {
      const byCode = await site(repo);
      const pages = filesOf(byCode).filter((path) => path.endsWith(".html"));
      // A copy of the repository, with a template of its own that is csr's.
      const copy = tempDir();
      cpSync(repo, copy, { recursive: true });
      const byTemplates = await site(withOwnFooter(copy));
      expect(filesOf(byTemplates).filter((path) => path.endsWith(".html"))).toEqual(pages);
      for (const path of pages) expect(readFileSync(join(byCode, path), "utf8"), path).toBe(readFileSync(join(byTemplates, path), "utf8"));
    }
  });

  it("are laid out by the repository's own templates when it replaces one of them", async () => {
    const repo = copyFixture("examples/acme-auto");
    const plain = await site(repo);
    const own = await site(withOwnFooter(repo, "<footer class=\"site-footer\">{{site.footer}}</footer><!-- own -->\n"));
    for (const path of ["customers/BCM.html", "registers/index.html", "findings.html", "people/xuht.html", "csr/BCM-001.html"]) {
      expect(readFileSync(join(plain, path), "utf8"), path).not.toContain("<!-- own -->");
      expect(readFileSync(join(own, path), "utf8"), path).toContain("</footer><!-- own -->\n");
    }
  });
});
