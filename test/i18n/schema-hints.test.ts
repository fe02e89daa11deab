/**
 * A schema finding ends with the schema's description of the field: English as the schema says it,
 * Chinese from locales/schemas.zh-CN.json (keyed by the English text). Every description has its
 * Chinese text, and the catalog holds nothing else.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, minimalRepo, ROOT } from "../helpers.js";

const hints = JSON.parse(readFileSync(join(ROOT, "locales", "schemas.zh-CN.json"), "utf8")) as Record<string, string>;

/** Every `description` in schemas/*.json. */
function descriptions(): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const { description } = node as { description?: unknown };
      if (typeof description === "string") found.add(description);
      Object.values(node).forEach(walk);
    }
  };
  const dir = join(ROOT, "schemas");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) walk(JSON.parse(readFileSync(join(dir, name), "utf8")));
  return found;
}

describe("schema descriptions in Chinese (locales/schemas.zh-CN.json)", () => {
  it("translates every description of schemas/*.json, and nothing else", () => {
    const all = descriptions();
    expect([...all].filter((d) => !(d in hints))).toEqual([]);
    expect(Object.keys(hints).filter((d) => !all.has(d))).toEqual([]);
  });

  it("is key-sorted, and every text is Chinese", () => {
    expect(Object.keys(hints)).toEqual(Object.keys(hints).sort());
    expect(Object.entries(hints).filter(([, zh]) => !/[\u4e00-\u9fff]/.test(zh))).toEqual([]);
  });

  const repo = minimalRepo({
    "documents/QP-020.yaml": [
      "id: QP-020",
      "title: 顾客特定要求管理程序",
      "level: 二级",
      "kind: procedure",
      "department: MKT",
      "status: released",
      "clauses: [IATF16949:7.5.1.1]",
      "revisions:",
      "  - version: A.1",
      "    date: 2026-01-05",
      "    summary: 首次发行",
      "    prepared: {by: zhang, date: 2026-01-02}",
      "",
    ].join("\n"),
  });
  const messages = (lang: "zh-CN" | "en") =>
    csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30"], { lang })
      .stdout.split("\n")
      .filter((line) => line.includes(" error schema/invalid-value "));

  it("ends a schema finding with the Chinese description in zh-CN", () => {
    expect(messages("zh-CN")).toEqual([
      "documents/QP-020.yaml:3:8 error schema/invalid-value 'level' 应为整数，实际是'二级'。1 手册，2 程序文件，3 作业指导书，4 表单/记录。",
      "documents/QP-020.yaml:9:14 error schema/invalid-value 'revisions[0].version' 的值 'A.1' 格式不对。版本/版次，如 A/0、A/1、B/0。",
    ]);
  });

  it("keeps the schema's English description with --lang en", () => {
    expect(messages("en")).toEqual([
      "documents/QP-020.yaml:3:8 error schema/invalid-value 'level' must be a whole number, found '二级'. 1 manual, 2 procedure, 3 instruction, 4 form/record.",
      "documents/QP-020.yaml:9:14 error schema/invalid-value 'revisions[0].version' is 'A.1', which has the wrong form. Edition letter / revision number, e.g. A/0, A/1, B/0 (版本/版次).",
    ]);
  });
});
