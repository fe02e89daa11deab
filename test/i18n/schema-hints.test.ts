/**
 * A schema finding ends with the schema's description of the field: English as the schema says it,
 * Chinese from locales/schemas.zh-CN.json (keyed by the English text). Every description and every
 * schema's title has its Chinese text (the Chinese schemas an editor shows, src/load/schema-locale.ts),
 * and the catalog holds nothing else. csr check runs in the test's process (csrInProcess): what is
 * tested is its findings' text.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, minimalRepo, ROOT } from "../helpers.js";

const hints = JSON.parse(readFileSync(join(ROOT, "locales", "schemas.zh-CN.json"), "utf8")) as Record<string, string>;

/** Every `description` and `title` text in schemas/*.json. */
function descriptions(): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const { description, title } = node as { description?: unknown; title?: unknown };
      if (typeof description === "string") found.add(description);
      if (typeof title === "string") found.add(title);
      Object.values(node).forEach(walk);
    }
  };
  const dir = join(ROOT, "schemas");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) walk(JSON.parse(readFileSync(join(dir, name), "utf8")));
  return found;
}

describe("schema descriptions in Chinese (locales/schemas.zh-CN.json)", () => {
  it("translates every description and title of schemas/*.json, and nothing else", async () => {
    const all = descriptions();
    expect([...all].filter((d) => !(d in hints))).toEqual([]);
    expect(Object.keys(hints).filter((d) => !all.has(d))).toEqual([]);
  });

  it("is key-sorted, and every text is Chinese", async () => {
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
  const messages = async (lang: "zh-CN" | "en") =>
    (await csrInProcess(["-C", repo, "check", "--no-cache", "--today", "2026-06-30"], { lang })).stdout
      .split("\n")
      .filter((line) => line.includes(" error schema/invalid-value "));

  it("ends a schema finding with the Chinese description in zh-CN", async () => {
    expect(await messages("zh-CN")).toEqual([
      "documents/QP-020.yaml:3:8 error schema/invalid-value 'level' 应为整数，实际是文本 '二级'。1 手册，2 程序文件，3 作业指导书，4 表单/记录。",
      "documents/QP-020.yaml:9:14 error schema/invalid-value 'revisions[0].version' 的值 'A.1' 格式不对。版本/版次，如 A/0、A/1、B/0。",
    ]);
  });

  it("keeps the schema's English description with --lang en", async () => {
    expect(await messages("en")).toEqual([
      "documents/QP-020.yaml:3:8 error schema/invalid-value 'level' must be a whole number, found the text '二级'. 1 manual, 2 procedure, 3 instruction, 4 form/record.",
      "documents/QP-020.yaml:9:14 error schema/invalid-value 'revisions[0].version' is 'A.1', which has the wrong form. Edition letter / revision number, e.g. A/0, A/1, B/0 (版本/版次).",
    ]);
  });

  it("says in words, not ajv's, that a mapping needs a field", async () => {
    const example = copyFixture("examples/acme-auto");
    const file = join(example, "csr", "DYA", "DYA-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^review:\n/m, "review:\n  record: {}\n"));
    const finding = async (lang: "zh-CN" | "en") =>
      (await csrInProcess(["-C", example, "check", "--no-cache", "--today", "2026-11-27"], { lang })).stdout.split("\n").find((line) => line.includes(" schema/"));
    expect(await finding("zh-CN")).toBe(
      "csr/DYA/DYA-001.yaml:14:11 error schema/invalid-value 'review.record' 至少需要填写 1 个字段。部门意见未在此记录时，已签字的评审记录的存放处，如建库前的纸面评审。填写后即代替各部门意见：csr/review-incomplete 认可该决定。",
    );
    expect(await finding("en")).toBe(
      "csr/DYA/DYA-001.yaml:14:11 error schema/invalid-value 'review.record' has too few fields: it needs at least 1. Where the signed review record (评审记录) is kept when the departments' opinions are not recorded here, e.g. a review done on paper before the repository existed. Named, it stands for the opinions: csr/review-incomplete accepts the decision.",
    );
  });

  // "12" in quotes is text to YAML: the message names the quotes as what is wrong, not the 12 (breaker60 K10).
  it("says that a number or true/false written in quotes must lose its quotes", async () => {
    const repo = minimalRepo();
    writeFileSync(join(repo, "qms.yaml"), readFileSync(join(repo, "qms.yaml"), "utf8") + 'document_control:\n  external_check_months: "12"\ncoverage:\n  inherit_from_parent: "true"\n');
    const findings = async (lang: "zh-CN" | "en") => (await csrInProcess(["-C", repo, "check", "--no-cache"], { lang })).stdout.split("\n").filter((line) => line.includes(" error schema/"));
    expect(await findings("zh-CN")).toEqual([
      "qms.yaml:20:26 error schema/invalid-value 'document_control.external_check_months' 应为整数，实际是加了引号的文本 \"12\"：去掉引号，写作 12。每份顾客来源文件和外来文件须在多少个月内核对一次仍为发布方现行版本（外来文件有效性确认，csr source confirm），自接收或上次核对起算；超期时 doc/external-check-due 给出警告。不设置则不检查。",
      "qms.yaml:22:24 error schema/invalid-value 'coverage.inherit_from_parent' 应为true 或 false，实际是加了引号的文本 \"true\"：去掉引号，写作 true。过程或文件所列条款覆盖其下所有子条款。默认关闭：列出 8.5 时，8.5.1 显示为继承（△），不算覆盖。",
    ]);
    expect((await findings("en"))[0]).toBe(
      "qms.yaml:20:26 error schema/invalid-value 'document_control.external_check_months' must be a whole number, found the quoted text \"12\": remove the quotation marks and write 12. Months within which each customer source document and external document held is confirmed still the publisher's current edition (外来文件有效性确认, csr source confirm), counted from its receipt or last confirmation; doc/external-check-due warns after. Not set: not checked.",
    );
  });

  it("names every form of a value that has several (a section number), not only the first", async () => {
    const repo = minimalRepo({
      "documents/QP-021.yaml": "id: QP-021\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nsections:\n  - number: 5.a\n    title: 目的\n",
    });
    const finding = async (lang: "zh-CN" | "en") => (await csrInProcess(["-C", repo, "check", "--no-cache"], { lang })).stdout.split("\n").find((line) => line.includes(" schema/"));
    expect(await finding("zh-CN")).toBe(
      "documents/QP-021.yaml:8:13 error schema/invalid-value 'sections[0].number' 的值 '5.a' 格式不对。打印的章节号：5，或加引号的带点编号 \"5.2\"（不加引号的 5.10 会被读成数字 5.1）；不填时顺接上一章节（5.1 之后为 5.2，开头为 1，5 之下第一个为 5.1）。",
    );
    expect(await finding("en")).toBe(
      "documents/QP-021.yaml:8:13 error schema/invalid-value 'sections[0].number' is '5.a', which has the wrong form. Section number as printed: 5, or a dotted one in quotes, \"5.2\" (unquoted 5.10 would be read as the number 5.1); without it the section follows on from the one before (5.2 after 5.1, 1 at the top, 5.1 first under 5).",
    );
  });
});
