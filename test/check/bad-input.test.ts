/** Untrusted YAML from a pull request: every kind of bad input gets a clear finding, and the other files are still checked. */
import { symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, minimalRepo, tempDir } from "../helpers.js";

// As of a day of a year whose public holidays csr ships: else calendar/year-missing would be one finding more.
const check = (dir: string) => checkJsonInProcess(dir, "--today", "2026-12-01");

const validForm = (id: string, extra = "") =>
  `id: ${id}\ntitle: 来料检验记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n${extra}`;

/** A second, valid file with one dangling reference proves the other files are still checked. */
const witness = { "documents/QR-001-02.yaml": validForm("QR-001-02", "related: [QP-404]\n") };
const witnessFinding = {
  file: "documents/QR-001-02.yaml",
  line: 7,
  column: 11,
  severity: "error",
  rule: "ref/unresolved",
};

describe("bad input", () => {
  it("reports malformed YAML at its position", async () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": "id: QP-001\ntitle: [unclosed\nlevel: 2\n", ...witness });
    const { code, findings } = await check(dir);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.file, f.rule])).toEqual([
      ["documents/QP-001.yaml", "yaml/syntax"],
      ["documents/QR-001-02.yaml", "ref/unresolved"],
    ]);
    expect(findings[0]!.line).toBeGreaterThanOrEqual(2);
    expect(findings[0]!.message).toMatch(/^YAML syntax error: .*Check indentation/);
    expect(findings[1]).toMatchObject(witnessFinding);
  });

  it("reports a key written twice, names the key and the line of the value it used, and checks the file with it", async () => {
    const dir = minimalRepo({ "documents/QR-001-01.yaml": validForm("QR-001-01", "title: 重复\nrelated: [QP-404]\n") });
    const { findings } = await check(dir);
    expect(findings).toEqual([
      expect.objectContaining({
        file: "documents/QR-001-01.yaml",
        line: 7,
        column: 1,
        rule: "yaml/duplicate-key",
        message:
          "The key 'title' is written again in the same mapping (first on line 2). csr checks the file with the value on line 2 and does not read this one. Each key may appear once: delete the entry you do not want, or rename one. Until then, csr does not change this file and prints no register.",
      }),
      expect.objectContaining({ file: "documents/QR-001-01.yaml", line: 8, column: 11, rule: "ref/unresolved" }),
    ]);
  });

  it("reads nothing of a file with a key written twice and a syntax error besides", async () => {
    const dir = minimalRepo({ "documents/QR-001-01.yaml": validForm("QR-001-01", "title: 重复\nrelated: [QP-404\n") });
    const { findings } = await check(dir);
    expect(findings.map((f) => [f.line, f.rule, f.message.slice(0, 50)])).toEqual([
      [7, "yaml/duplicate-key", "The key 'title' appears twice in the same mapping."],
      [8, "yaml/syntax", expect.any(String)],
    ]);
  });

  it("stops an alias bomb quickly with an error", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const dir = minimalRepo({ "documents/QP-001.yaml": levels.join("\n") + "\n", ...witness });
    const started = Date.now();
    const { findings } = await check(dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(findings.map((f) => f.rule)).toEqual(["yaml/alias-limit", "ref/unresolved"]);
    expect(findings[0]!.message).toMatch(/alias bomb/);
  });

  it("accepts a file that reuses anchors legitimately", async () => {
    const people = ["people:"];
    people.push("  - &base", "    id: p0", "    name: 人员0", "    department: QA", "    roles: [author]");
    for (let i = 1; i < 150; i++) people.push(`  - <<: *base`, `    id: p${i}`);
    const dir = minimalRepo({ "people.yaml": people.join("\n") + "\n" });
    expect(await check(dir)).toMatchObject({ code: 0, findings: [] });
  });

  it("refuses files over 1 MiB", async () => {
    const big = validForm("QR-001-01", `remarks: "${"备".repeat(400_000)}"\n`);
    const dir = minimalRepo({ "documents/QR-001-01.yaml": big, ...witness });
    const { findings } = await check(dir);
    expect(findings[0]).toMatchObject({ file: "documents/QR-001-01.yaml", line: 1, column: 1, rule: "file/too-large" });
    expect(findings[0]!.message).toMatch(/limit is 1 MiB/);
    expect(findings[1]).toMatchObject(witnessFinding);
  });

  it("explains a GBK file and how to convert it", async () => {
    // "title: 文件控制程序" saved as GBK by a Windows editor.
    const gbk = Buffer.concat([Buffer.from("id: QP-001\ntitle: "), Buffer.from([0xce, 0xc4, 0xbc, 0xfe, 0xbf, 0xd8, 0xd6, 0xc6]), Buffer.from("\n")]);
    const dir = minimalRepo({ "documents/QP-001.yaml": gbk, ...witness });
    const { findings } = await check(dir);
    expect(findings[0]).toMatchObject({ file: "documents/QP-001.yaml", line: 2, rule: "file/encoding" });
    // The command names the file (tester69 T11).
    expect(findings[0]!.message).toMatch(/not valid UTF-8 \(byte 0xCE on line 2\).*GBK.*'iconv -f GBK -t UTF-8 documents\/QP-001\.yaml > documents\/QP-001\.yaml\.new && mv documents\/QP-001\.yaml\.new documents\/QP-001\.yaml'/);
    expect(findings[1]).toMatchObject(witnessFinding);
  });

  it("accepts a UTF-8 BOM and CRLF line endings, with correct positions", async () => {
    const crlf = "\ufeff" + validForm("QR-001-01", "related: [QP-404]\n").replace(/\n/g, "\r\n");
    const dir = minimalRepo({ "documents/QR-001-01.yaml": crlf });
    const { findings } = await check(dir);
    expect(findings).toEqual([expect.objectContaining({ file: "documents/QR-001-01.yaml", line: 7, column: 11, rule: "ref/unresolved" })]);
  });

  it("reads U+FFFD written in a file as text, and still finds a byte that is not UTF-8 after it", async () => {
    // U+FFFD is what a decoder puts for a byte that is not UTF-8: written as the character, it is valid text.
    const replacement = "\ufeff" + validForm("QR-001-01", "related: [QP-404]\n").replace("来料检验记录", "来料检验记录\ufffd");
    const broken = Buffer.concat([Buffer.from("\ufeffid: QP-001\ntitle: 文件\ufffd\nlevel: 2\nsummary: "), Buffer.from([0xce, 0xc4]), Buffer.from("\n")]);
    const dir = minimalRepo({ "documents/QR-001-01.yaml": replacement, "documents/QP-001.yaml": broken });
    const { findings } = await check(dir);
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule])).toEqual([
      ["documents/QP-001.yaml", 4, 1, "file/encoding"],
      ["documents/QR-001-01.yaml", 7, 11, "ref/unresolved"],
    ]);
    expect(findings[0]!.message).toMatch(/not valid UTF-8 \(byte 0xCE on line 4\)/);
  });

  it("says a file with conflict markers is an unresolved merge", async () => {
    const conflicted = "id: QR-001-01\n<<<<<<< HEAD\ntitle: 来料检验记录\n=======\ntitle: 进料检验记录\n>>>>>>> feature\nlevel: 4\n";
    const dir = minimalRepo({ "documents/QR-001-01.yaml": conflicted, ...witness });
    const { findings } = await check(dir);
    expect(findings[0]).toMatchObject({ file: "documents/QR-001-01.yaml", line: 2, column: 1, rule: "file/merge-conflict" });
    expect(findings[0]!.message).toMatch(/^Unresolved merge: git conflict marker '<<<<<<<' on line 2/);
    expect(findings[1]).toMatchObject(witnessFinding);
  });

  it("drops __proto__ and constructor keys without polluting objects", async () => {
    const hostile = validForm("QR-001-01", "__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n");
    const dir = minimalRepo({ "documents/QR-001-01.yaml": hostile });
    const { findings } = await check(dir);
    expect(findings.map((f) => [f.line, f.rule])).toEqual([
      [7, "yaml/unsafe-key"],
      [9, "yaml/unsafe-key"],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports a symlink leading outside the repository and does not follow it", async () => {
    const outside = tempDir();
    writeFileSync(join(outside, "secret.yaml"), "password: hunter2\n");
    const dir = minimalRepo(witness);
    symlinkSync(join(outside, "secret.yaml"), join(dir, "documents", "QP-009.yaml"));
    mkdirSync(join(dir, "csr"));
    symlinkSync(outside, join(dir, "csr", "EXT"));
    const { findings, code } = await check(dir);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.file, f.rule])).toEqual([
      ["csr/EXT", "file/outside-repository"],
      ["documents/QP-009.yaml", "file/outside-repository"],
      ["documents/QR-001-02.yaml", "ref/unresolved"],
    ]);
    expect(JSON.stringify(findings)).not.toContain("hunter2");
  });

  it("does not stumble over a file where a data folder is expected", async () => {
    const dir = minimalRepo({ documents: "not a folder\n" });
    expect(await check(dir)).toMatchObject({ code: 0, findings: [] });
  });

  it("reports an empty file", async () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": "# nothing here yet\n", "symbols.yaml": "" });
    const { findings } = await check(dir);
    expect(findings.map((f) => [f.file, f.line, f.rule])).toEqual([
      ["documents/QP-001.yaml", 1, "file/empty"],
      ["symbols.yaml", 1, "file/empty"],
    ]);
  });

  it("explains a list where a mapping is expected", async () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": "- id: QP-001\n- title: 文件控制程序\n" });
    const { findings } = await check(dir);
    expect(findings).toEqual([
      expect.objectContaining({
        file: "documents/QP-001.yaml",
        line: 1,
        column: 1,
        rule: "schema/invalid-value",
        message: "a document must be a mapping (key: value), found a list.",
      }),
    ]);
  });
});
