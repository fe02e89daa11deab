/**
 * docs/rules.md is generated from the rules' meta and stays so (docs/rules.zh-CN.md from the meta and
 * locales/rules.zh-CN.json); every documented Bad example is an
 * excerpt of a fixture that produces the rule, every Good example one of the fixture's valid case.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_COMMENT, ruleDocsTranslation, ruleSection, rulesDocument, TOPICS, translateComments } from "../../src/check/docs.js";
import { rules } from "../../src/check/registry.js";
import { FIXTURES, ROOT } from "../helpers.js";

const RULES = join(FIXTURES, "rules");

/** Rules whose finding needs more than files to show: git commit authors, a file that is no longer there. */
const WITHOUT_EXAMPLE = new Set(["doc/approved-by-author", "file/deleted"]);

/** YAML lines without comments and blank lines, so that an example may explain itself in comments. */
function contentLines(yaml: string): string[] {
  return yaml
    .split("\n")
    .map((l) => l.replace(/(^|\s+)#(\s.*)?$/, "").trimEnd())
    .filter((l) => l.trim() !== "");
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

function containsExcerpt(dir: string, excerpt: string): boolean {
  const wanted = contentLines(excerpt).join("\n");
  return files(dir).some((f) => `\n${contentLines(readFileSync(f, "utf8")).join("\n")}\n`.includes(`\n${wanted}\n`));
}

/** Fixture folders whose invalid case produces the rule. */
function fixturesOf(id: string): string[] {
  return readdirSync(RULES)
    .filter((name) => !name.startsWith("_"))
    .filter((name) => readFileSync(join(RULES, name, "expected.txt"), "utf8").includes(` ${id} `));
}

describe("rule registry", () => {
  it("is sorted by id without duplicates", () => {
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it("docs/rules.md is generated from the rules (run `npm run docs:rules` after changing a rule)", () => {
    const head = readFileSync(join(ROOT, "scripts", "rules-doc.head.md"), "utf8");
    expect(readFileSync(join(ROOT, "docs", "rules.md"), "utf8")).toBe(rulesDocument(head));
  });

  it("docs/rules.zh-CN.md is generated from the rules and locales/rules.zh-CN.json (run `npm run docs:rules`)", () => {
    const head = readFileSync(join(ROOT, "scripts", "rules-doc.head.zh-CN.md"), "utf8");
    expect(readFileSync(join(ROOT, "docs", "rules.zh-CN.md"), "utf8")).toBe(rulesDocument(head, "zh-CN"));
  });

  it("locales/rules.zh-CN.json translates every rule and every topic, and nothing else", () => {
    const translation = ruleDocsTranslation("zh-CN");
    expect(Object.keys(translation.rules).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const [id, { comments, ...text }] of Object.entries(translation.rules)) {
      expect({ id, fields: Object.keys(text).sort(), empty: Object.values(text).some((v) => !v.trim()) }).toEqual({ id, fields: ["description", "fix", "summary"], empty: false });
      if (comments) expect({ id, empty: Object.values(comments).filter((v) => !/[\u4e00-\u9fff]/.test(v)) }).toEqual({ id, empty: [] });
    }
    expect(Object.keys(translation.topics).sort()).toEqual(TOPICS.map((t) => t.title).sort());
  });

  it("translates every comment of the examples into Chinese (file names and numbers say the same in both), and no other", () => {
    const commentsOf = (yaml: string | undefined) => [...(yaml ?? "").matchAll(EXAMPLE_COMMENT)].map((m) => m[2]!);
    const untranslated: string[] = [];
    const unused: string[] = [];
    for (const rule of rules) {
      const comments = ruleDocsTranslation("zh-CN").rules[rule.id]?.comments ?? {};
      const written = [...commentsOf(rule.docs.bad), ...commentsOf(rule.docs.good)];
      untranslated.push(...written.filter((c) => !(c in comments) && !/^([\w/.-]+\.yaml|\d+)$/.test(c)).map((c) => `${rule.id}: ${c}`));
      unused.push(...Object.keys(comments).filter((c) => !written.includes(c)).map((c) => `${rule.id}: ${c}`));
    }
    expect({ untranslated, unused }).toEqual({ untranslated: [], unused: [] });
  });

  it("changes only the comments of a Chinese example: its YAML is the rule's, as in the fixture", () => {
    expect(translateComments("related: [QP-001]   # Unknown document 'QP-001'\nevidence: 见返工批准单 #RW-2024-07   # read as x\n# no 'addressed'\n", {
      "Unknown document 'QP-001'": "未知的文件 'QP-001'",
      "read as x": "读作 x",
      "no 'addressed'": "没有 'addressed'",
    })).toBe("related: [QP-001]   # 未知的文件 'QP-001'\nevidence: 见返工批准单 #RW-2024-07   # 读作 x\n# 没有 'addressed'\n");
    for (const rule of rules.filter((r) => r.docs.bad)) {
      const zh = ruleSection(rule, "zh-CN");
      const en = ruleSection(rule, "en");
      const yaml = (section: string) => [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => contentLines(m[1]!));
      expect({ id: rule.id, yaml: yaml(zh) }).toEqual({ id: rule.id, yaml: yaml(en) });
    }
  });

  it.each(rules.filter((r) => r.check && !WITHOUT_EXAMPLE.has(r.id)).map((r) => r.id))("%s has a Bad example", (id) => {
    expect(rules.find((r) => r.id === id)!.docs.bad).toBeTruthy();
  });

  it.each(rules.filter((r) => r.docs.bad).map((r) => [r.id, r] as const))("the Bad example of %s is a fixture that produces it", (_id, rule) => {
    const fixtures = fixturesOf(rule.id);
    expect(fixtures.some((name) => containsExcerpt(join(RULES, name, "invalid"), rule.docs.bad!))).toBe(true);
    if (rule.docs.good) expect(fixtures.some((name) => containsExcerpt(join(RULES, name, "valid"), rule.docs.good!))).toBe(true);
  });
});
