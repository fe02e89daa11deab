/**
 * The message catalogs (locales/*.json) say the same things in every language: the same keys, the
 * plural forms each language needs, the same placeholders; and every key the code asks for exists.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, LANGS, translate, type Lang } from "../../src/i18n/index.js";
import { ROOT } from "../helpers.js";

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, "");
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** Every message of a language by its base key: the texts of all its forms. */
function messages(lang: Lang): Map<string, { forms: string[]; texts: string[] }> {
  const out = new Map<string, { forms: string[]; texts: string[] }>();
  for (const [key, text] of Object.entries(catalog(lang))) {
    const entry = out.get(baseKey(key)) ?? { forms: [], texts: [] };
    entry.forms.push(PLURAL.exec(key)?.[1] ?? "");
    entry.texts.push(text);
    out.set(baseKey(key), entry);
  }
  return out;
}

describe("message catalogs", () => {
  const [first, ...others] = LANGS;

  it.each(others)("%s has exactly the keys of zh-CN", (lang) => {
    expect([...messages(lang).keys()].sort()).toEqual([...messages(first).keys()].sort());
  });

  it.each(LANGS)("%s gives a plural message every form its language needs, and no other", (lang) => {
    const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
    for (const [key, { forms }] of messages(lang)) {
      if (forms.includes("")) expect({ key, forms }).toEqual({ key, forms: [""] });
      else expect({ key, forms: forms.sort() }).toEqual({ key, forms: needed });
    }
  });

  it.each(others)("%s uses the placeholders of zh-CN in every message", (lang) => {
    const reference = messages(first);
    for (const [key, { texts }] of messages(lang)) {
      const expected = new Set(reference.get(key)!.texts.flatMap(placeholders));
      const actual = new Set(texts.flatMap(placeholders));
      expect({ key, placeholders: [...actual].sort() }).toEqual({ key, placeholders: [...expected].sort() });
    }
  });

  it("has every key the code asks for with a literal", () => {
    const keys = new Set(messages(first).keys());
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, "src"))) {
      const text = readFileSync(file, "utf8");
      // Other modules may have a `t` of their own (the render labels).
      if (!/import \{[^}]*\bt\b[^}]*\} from "[./]*i18n\/index\.js"/.test(text)) continue;
      for (const m of text.matchAll(/\bt\(\s*"([^"]+)"/g)) if (!keys.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it("fills placeholders and picks the plural form by count", () => {
    expect(translate("en", "cli.error.too-many-arguments", { command: "show", expected: 1, received: 2, count: 1 })).toBe("too many arguments for 'show'. Expected 1 argument but got 2.");
    expect(translate("en", "cli.error.too-many-arguments", { command: "csr", expected: 0, received: 1, count: 0 })).toBe("too many arguments for 'csr'. Expected 0 arguments but got 1.");
    expect(translate("zh-CN", "cli.error.too-many-arguments", { command: "show", expected: 1, received: 2, count: 1 })).toBe("'show' 的参数过多：应为 1 个，实际 2 个");
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}
