/**
 * csr's own Handlebars templates, compiled by `npm run build` (src/load/precompile.ts writes
 * dist/precompiled/templates.cjs): compiling a template costs Handlebars far more than running it
 * once, some 110 ms of CPU for the templates of a site (the document and review-report templates,
 * their partials and the site's pages) in a process that uses each a few hundred times at most.
 * A template is found by its text and the escaping it is compiled for, so a template a repository
 * replaces, or one edited since the build, is compiled from its text as before.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PRECOMPILED_DIR } from "../load/package.js";

/** Handlebars's precompiled form of a template (`Handlebars.precompile`), as `Handlebars.template` takes it. */
export type TemplateSpec = object;

const PRECOMPILED_TEMPLATES = join(PRECOMPILED_DIR, "templates.cjs");

let loaded: Map<string, TemplateSpec> | undefined;

/** The precompiled spec of a template with this text and escaping, or undefined (not csr's, or no build). */
export function precompiledTemplate(source: string, noEscape: boolean): TemplateSpec | undefined {
  if (!loaded) {
    loaded = new Map();
    // Without a build (the sources run directly) every template is compiled from its text.
    if (existsSync(PRECOMPILED_TEMPLATES)) {
      const { templates } = createRequire(import.meta.url)(PRECOMPILED_TEMPLATES) as { templates: [boolean, string, TemplateSpec][] };
      for (const [escaping, text, spec] of templates) loaded.set(key(text, escaping), spec);
    }
  }
  return loaded.get(key(source, noEscape));
}

const key = (source: string, noEscape: boolean) => `${noEscape ? 1 : 0}${source}`;
