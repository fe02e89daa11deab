/**
 * The Handlebars environment: templates and partials looked up in the repository's `templates/`
 * first and in csr's own `templates/` second, labels from `templates/i18n/<lang>.json`, and the
 * few helpers documented in docs/templates.md.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import type Handlebars from "handlebars";
import type { HelperOptions } from "handlebars";
import { UserError } from "../core/errors.js";
import { isolateBidi } from "../core/text.js";
import { t } from "../i18n/index.js";
import { inWording } from "../i18n/terms.js";
import { TEMPLATES_DIR } from "../load/package.js";
import { precompiledTemplate } from "./precompiled.js";
import type { Lang } from "./view.js";

export type Format = "md" | "html";
export const TEMPLATE_NAMES = ["manual", "procedure", "instruction", "form", "external", "csr-review-report", "action-report"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type Labels = Record<string, string>;

export interface Renderer {
  render(name: TemplateName, view: object): string;
  /** Renders one of the partials as a page (the site's own pages are partials of this environment). */
  renderPartial(name: string, view: object): string;
  /** What the helper `t` looks up: csr's labels, the repository's replacing them (loadLabels), the extras' under both. */
  readonly labels: Readonly<Labels>;
}

/** What another output (the site) adds to the environment: its partials, helpers and labels, which do not replace csr's. */
export interface RendererExtras {
  partials?: ReadonlyMap<string, string>;
  /** Helpers by name; each gets the values a template passes it and returns text (raw HTML only through `{{{ }}}`). */
  helpers?: ReadonlyMap<string, (...args: never[]) => string>;
  labels?: Labels;
}

export async function createRenderer(root: string, format: Format, lang: Lang, extras: RendererExtras = {}): Promise<Renderer> {
  const hb = (await handlebarsRuntime()).create();
  const labels = { ...extras.labels, ...loadLabels(root, lang) };
  hb.registerHelper("t", (...args: unknown[]) => {
    const parts = args.slice(0, -1).map((a) => (a === undefined || a === null ? "" : String(a)));
    const key = parts.join("");
    return labels[key] ?? key;
  });
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("inc", (n: unknown) => Number(n) + 1);
  hb.registerHelper("hashes", (count: unknown) => "#".repeat(Math.min(Math.max(Number(count) || 1, 1), 6)));
  // A signature or date not given, as a printed form leaves it to be filled in by hand (the HTML and PDF leave the cell empty).
  hb.registerHelper("blank", (value: unknown) => (value === undefined || value === null || value === "" ? "________" : value));
  hb.registerHelper("repeat", function (this: unknown, count: unknown, options: HelperOptions) {
    return Array.from({ length: Number(count) || 0 }, () => options.fn(this)).join("");
  });
  for (const [name, helper] of extras.helpers ?? []) hb.registerHelper(name, helper as (...args: unknown[]) => string);
  // Handlebars knows only HTML escaping; for Markdown the view's values arrive escaped already (escapeView).
  const options = { noEscape: format === "md" };
  // Partials are registered compiled too, so that each is compiled with these options whoever calls it.
  const compileWith = templateCompiler(hb);
  const compile = (source: string): HandlebarsTemplateDelegate => compileWith(source, options);
  for (const [name, source] of extras.partials ?? []) hb.registerPartial(name, compile(source));
  for (const [name, source] of partials(root, format)) hb.registerPartial(name, compile(source));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const templateNamed = (name: TemplateName): HandlebarsTemplateDelegate => {
    let template = compiled.get(name);
    if (!template) {
      template = compile(templateSource(root, format, name));
      compiled.set(name, template);
    }
    return template;
  };
  const run = (name: string, template: () => HandlebarsTemplateDelegate, view: object) => {
    try {
      return template()(view);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(t("template.failed", { format, name, reason: (error as Error).message.split("\n")[0] ?? "" }), t("template.failed.hint"));
    }
  };
  return {
    labels,
    render: (name, view) => run(name, () => templateNamed(name), view),
    // The registered partial itself, compiled (or precompiled) with the others; a template `{{> name}}`
    // would have to be compiled in every process, which needs Handlebars's compiler. An unknown name
    // fails as Handlebars's runtime says it.
    renderPartial: (name, view) =>
      run(name, () => {
        const partial: unknown = hb.partials[name];
        if (typeof partial !== "function") throw new Error(`The partial ${name} could not be found`);
        return partial as HandlebarsTemplateDelegate;
      }, view),
  };
}

/**
 * Handlebars's runtime, which runs compiled templates: csr's own come compiled by the build, and the
 * compiler (the full package, some 45 modules with source-map) is loaded only for a template that
 * was not (compilerFor).
 */
export async function handlebarsRuntime(): Promise<typeof Handlebars> {
  const hb = (await import("handlebars/runtime.js")).default;
  isolatingEscape(hb);
  return hb;
}

/**
 * Makes `{{value}}` isolate a text that could reorder what surrounds it (isolateBidi) besides
 * escaping it, in every template `hb` runs: Handlebars's runtime hands each template its
 * `Utils.escapeExpression` when the template is made (hb.template), so it is replaced once, before
 * any. A SafeString (HTML made by a helper) and a value with no bidirectional formatting character
 * are escaped as Handlebars escapes them.
 */
function isolatingEscape(hb: typeof Handlebars): void {
  const utils = hb.Utils as unknown as { escapeExpression: (value: unknown) => string; isolating?: true };
  if (utils.isolating) return;
  const escape = utils.escapeExpression;
  const isolating = (value: unknown) => (typeof value === "string" ? isolateBidi(escape(value)) : escape(value));
  utils.escapeExpression = isolating;
  utils.isolating = true;
  (hb as unknown as { escapeExpression: typeof isolating }).escapeExpression = isolating;
}

/**
 * Compiles a template's text for `hb`, an environment of Handlebars's runtime: csr's own templates
 * come compiled by the build (precompiled.ts, found by their text and `noEscape`); any other text
 * (a repository's own template, or one edited since the build) is compiled by Handlebars's
 * compiler, which is loaded on the first such text only.
 */
export function templateCompiler(hb: typeof Handlebars): (source: string, options: { noEscape: boolean }) => HandlebarsTemplateDelegate {
  let compileText: ((source: string, options: CompileOptions) => HandlebarsTemplateDelegate) | undefined;
  return (source, options) => {
    const spec = precompiledTemplate(source, options.noEscape);
    return spec ? hb.template(spec as TemplateSpecification) : (compileText ??= compilerFor(hb))(source, options);
  };
}

/**
 * Handlebars's compiler for `hb`, an environment of its runtime, given to it as the full package's
 * create() gives it to its own (handlebars/dist/cjs/handlebars.js; the version is pinned in
 * package.json): a template compiled so runs with `hb`'s helpers and partials. Required, not
 * imported, as compiling is synchronous.
 */
function compilerFor(hb: typeof Handlebars): (source: string, options: CompileOptions) => HandlebarsTemplateDelegate {
  const require = createRequire(import.meta.url);
  const full = require("handlebars") as Record<string, unknown>;
  const { compile } = require("handlebars/dist/cjs/handlebars/compiler/compiler.js") as {
    compile: (input: string, options: CompileOptions, env: typeof Handlebars) => HandlebarsTemplateDelegate;
  };
  for (const name of ["parse", "parseWithoutProcessing", "Parser", "AST", "Compiler", "JavaScriptCompiler"]) (hb as unknown as Record<string, unknown>)[name] = full[name];
  return (source, options) => compile(source, options, hb);
}

/** A repository file only when it really lies inside the repository (a symbolic link may point elsewhere). */
export function repositoryFile(root: string, path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const real = realpathSync(path);
  const rel = relative(realpathSync(root), real);
  if (rel.startsWith(`..${sep}`) || rel === "..") {
    throw new UserError(t("template.link-outside", { path: relative(root, path) }));
  }
  return real;
}

function templateSource(root: string, format: Format, name: TemplateName): string {
  const own = repositoryFile(root, join(root, "templates", format, `${name}.hbs`));
  return readFileSync(own ?? join(TEMPLATES_DIR, format, `${name}.hbs`), "utf8");
}

/** Partials by name (file name without .hbs); the repository's replace csr's of the same name. */
function partials(root: string, format: Format): Map<string, string> {
  const result = new Map<string, string>();
  const sources: [string, (path: string) => string | undefined][] = [
    [join(TEMPLATES_DIR, format, "partials"), (path) => path],
    [join(root, "templates", format, "partials"), (path) => repositoryFile(root, path)],
  ];
  for (const [dir, resolve] of sources) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".hbs")).sort()) {
      const file = resolve(join(dir, name));
      if (file) result.set(name.slice(0, -".hbs".length), readFileSync(file, "utf8"));
    }
  }
  return result;
}

/** csr's labels in the wording of the repository's standards (i18n/terms.ts), with the repository's `templates/i18n/<lang>.json` replacing any of them. */
export function loadLabels(root: string, lang: Lang): Labels {
  const labels = JSON.parse(readFileSync(join(TEMPLATES_DIR, "i18n", `${lang}.json`), "utf8")) as Labels;
  for (const [key, value] of Object.entries(labels)) labels[key] = inWording(value, lang);
  const ownPath = join(root, "templates", "i18n", `${lang}.json`);
  const own = repositoryFile(root, ownPath);
  if (!own) return labels;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(own, "utf8"));
  } catch (error) {
    throw new UserError(t("template.labels-not-json", { lang, reason: (error as Error).message }));
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) {
    throw new UserError(t("template.labels-not-object", { lang }));
  }
  return { ...labels, ...(parsed as Labels) };
}
