import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { TEMPLATES_DIR } from "../../src/load/package.js";
import { precompiledTemplate } from "../../src/render/precompiled.js";

const shipped = (dir: string) =>
  readdirSync(join(TEMPLATES_DIR, dir))
    .filter((n) => n.endsWith(".hbs"))
    .map((n) => readFileSync(join(TEMPLATES_DIR, dir, n), "utf8"));

// The golden files of test/render and the pages of test/site are rendered with these: they show that
// a precompiled template writes what the template compiled from its text writes.
describe("csr's templates, compiled by the build", () => {
  it("has every shipped template of the documents, review reports and site compiled for its escaping", () => {
    for (const dir of ["html", "html/partials", "site"]) for (const source of shipped(dir)) expect(precompiledTemplate(source, false)).toBeDefined();
    for (const source of shipped("md")) expect(precompiledTemplate(source, true)).toBeDefined();
    // The registers' tables (csr list, csr matrix): Markdown unescaped, HTML escaped, so that a register loads no compiler.
    const table = (format: string) => readFileSync(join(TEMPLATES_DIR, "tables", `table.${format}.hbs`), "utf8");
    expect([precompiledTemplate(table("md"), true), precompiledTemplate(table("html"), false)]).toEqual([expect.any(Object), expect.any(Object)]);
    expect([precompiledTemplate(table("md"), false), precompiledTemplate(table("html"), true)]).toEqual([undefined, undefined]);
    // Compiled for HTML only: a Markdown renderer, which does not escape, compiles it from its text.
    expect(precompiledTemplate(readFileSync(join(TEMPLATES_DIR, "site", "site-footer.hbs"), "utf8"), true)).toBeUndefined();
  });

  it("compiles a template whose text differs from csr's (a repository's own, or one edited since the build) from its text", () => {
    const [source] = shipped("html/partials");
    expect(precompiledTemplate(`${source} `, false)).toBeUndefined();
    expect(precompiledTemplate("<p>{{title}}</p>", false)).toBeUndefined();
  });

  it("renders as the template compiled from its text", () => {
    const source = readFileSync(join(TEMPLATES_DIR, "site", "site-footer.hbs"), "utf8");
    const view = { site: { footer: '<script>alert("x")</script> 版本 0.1.0' } };
    const hb = Handlebars.create();
    expect(hb.template(precompiledTemplate(source, false) as TemplateSpecification)(view)).toBe(hb.compile(source)(view));
    expect(hb.compile(source)(view)).toBe('<footer class="site-footer">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 版本 0.1.0</footer>\n');
  });
});
