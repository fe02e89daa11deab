/**
 * Hostile values and inputs at the commands (issue 10): terminal escapes, HTML and unsafe links
 * in Markdown, look-alike characters, dates at the ends of the range, impossible file names,
 * a closed pipe, paths that are the wrong kind of thing, oversized workbooks.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { BIN, checkJsonInProcess, copyFixture, csr, csrInProcess, tempDir } from "../helpers.js";
import { snapshot } from "./harness.js";

const repo = () => copyFixture("test/fixtures/csr/valid");
const write = (dir: string, path: string, text: string) => writeFileSync(join(dir, path), text);

describe("terminal control characters", () => {
  it("are shown escaped by show, list and check", async () => {
    const dir = repo();
    const csrFile = join(dir, "csr/DYA/DYA-001.yaml");
    write(dir, "csr/DYA/DYA-001.yaml", readFileSync(csrFile, "utf8").replace("title: 特殊特性符号按顾客规定标识", 'title: "标识\\e[2J\\a\\u202E"\ncategory: "包装\\e]0;pwned\\a"'));
    write(dir, "qms.yaml", readFileSync(join(dir, "qms.yaml"), "utf8").replace("  review_days: 10", "  review_days: 10\n  categories: [包装]"));
    const show = csr(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"]);
    const list = await csrInProcess(["-C", dir, "list", "--today", "2026-11-27"], { lang: null });
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"]);
    for (const result of [show, list, check]) expect(result.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(show.stdout).toContain("标识\\x1b[2J\\x07<U+202E>");
    expect(list.stdout).toContain("标识\\x1b[2J\\x07<U+202E>");
    expect(check.stdout).toContain("csr/DYA/DYA-001.yaml:6:11 error csr/unknown-category The category '包装\\x1b]0;pwned\\x07' is not one of the categories in qms.yaml (包装).");
  });
});

describe("bidirectional formatting characters", () => {
  it("cannot reorder the data beside a value in the site, render --format html and --format md (tester50a #1)", async () => {
    const dir = repo();
    // A right-to-left override left open at the end of a document's title; DYA-004 is addressed in QP-020's 5.3.
    write(dir, "documents/QP-020.yaml", readFileSync(join(dir, "documents/QP-020.yaml"), "utf8").replace("title: 特殊特性管理程序", 'title: "特殊特性管理程序\\u202e"'));
    const site = await csrInProcess(["-C", dir, "site", "--out", "site", "--today", "2026-11-27"], { lang: null });
    expect(site.code, site.stderr).toBe(0);
    const html = await csrInProcess(["-C", dir, "render", "DYA-004", "--format", "html", "--out", "out"], { lang: null });
    const md = await csrInProcess(["-C", dir, "render", "DYA-004", "--format", "md", "--out", "out"], { lang: null });
    expect([html.code, md.code]).toEqual([0, 0]);
    // In an isolate (FSI … PDI) with the override closed (PDF): the version and the section that follow read as written, not as 3.5 节章 （1/A）.
    const isolated = "\u2068特殊特性管理程序\u202e\u202c\u2069（A/1） 章节";
    expect(readFileSync(join(dir, "site/csr/DYA-004.html"), "utf8")).toContain(`QP-020</a> ${isolated} <a href="../documents/QP-020.html#section-5.3">5.3 特殊特性</a>`);
    expect(readFileSync(join(dir, "out/DYA-004.review.zh-CN.html"), "utf8")).toContain(`QP-020 ${isolated} 5.3 特殊特性</td>`);
    expect(readFileSync(join(dir, "out/DYA-004.review.zh-CN.md"), "utf8")).toContain(`  - QP-020 ${isolated} 5.3 特殊特性\n`);
    // The search shows the title beside the number: isolated there too.
    expect(readFileSync(join(dir, "site/assets/search-entries.js"), "utf8")).toContain('"title":"\u2068特殊特性管理程序\u202e\u202c\u2069"');
    // No page has an override left open: every one is closed where its value ends.
    for (const page of ["csr/DYA-004.html", "documents/QP-020.html", "registers/documents.html", "index.html"]) {
      const text = readFileSync(join(dir, "site", page), "utf8");
      expect(text.split("\u202e").length, page).toBe(text.split("\u202e\u202c").length);
    }
  });
});

describe("Markdown output", () => {
  it("escapes raw HTML and neutralises unsafe links in render --format md, values and section text alike", async () => {
    const dir = repo();
    write(
      dir,
      "documents/WI-031.yaml",
      [
        "id: WI-031",
        'title: "包装<script>alert(1)</script>"',
        "level: 3",
        "kind: instruction",
        "department: PRD",
        "status: draft",
        "sections:",
        "  - title: 目的",
        "    text: |",
        "      见 <img src=x onerror=alert(1)> 和 <svg onload=alert(2)>。",
        "      [点我](javascript:alert(3)) [邮件](mailto:qa@example.com) [官网](https://example.com)",
        "      [ref]: data:text/html,<b>x</b>",
        "      `<kbd>代码</kbd>`",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "render", "WI-031", "--format", "md", "--out", "out"], { lang: null });
    expect(result.code).toBe(0);
    const md = readFileSync(join(dir, "out", "WI-031.zh-CN.md"), "utf8");
    // Only escaped (\\<, &lt;) or inside a code span.
    expect(md).not.toMatch(/(^|[^\\])<(script|img|svg)/m);
    expect(md).toContain("包装\\<script\\>alert(1)\\</script\\>");
    expect(md).toContain("见 &lt;img src=x onerror=alert(1)> 和 &lt;svg onload=alert(2)>。");
    expect(md).toContain("[点我](#javascript:alert(3)) [邮件](mailto:qa@example.com) [官网](https://example.com)");
    expect(md).toContain("[ref]: #data:text/html,&lt;b>x&lt;/b>");
    expect(md).toContain("`<kbd>代码</kbd>`");
  });

  it("escapes raw HTML and link brackets in list --format md", async () => {
    const dir = repo();
    const file = join(dir, "csr/DYA/DYA-001.yaml");
    write(dir, "csr/DYA/DYA-001.yaml", readFileSync(file, "utf8").replace("title: 特殊特性符号按顾客规定标识", 'title: "<svg onload=alert(1)> [x](javascript:alert(2))"'));
    const result = await csrInProcess(["-C", dir, "list", "--format", "md", "--today", "2026-11-27"], { lang: null });
    expect(result.stdout).not.toMatch(/<svg|[^\\]\]\(javascript/);
    expect(result.stdout).toContain("&lt;svg onload=alert(1)&gt; \\[x\\](javascript:alert(2))");
  });
});

describe("look-alike characters in references", () => {
  it("are named in the message, so equal-looking ids can be told apart", async () => {
    const dir = repo();
    const doc = readFileSync(join(dir, "documents/WI-031.yaml"), "utf8");
    write(dir, "documents/WI-031.yaml", `${doc}related: [QP-020\u200b, QP-0\u04212]\n`);
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-11-27");
    expect(findings.map((f) => f.message)).toEqual([
      "'related[0]' is 'QP-020<U+200B>' (contains U+200B ZERO WIDTH SPACE), which has the wrong form. Delete the invisible character. A document number (文件编号), e.g. QP-020, CS/QP-006, HSD-F-0018, or an external document's number as its publisher writes it, with single spaces and ':' before an edition's year: GB/T 19001-2016, GJB 9001C-2017, ISO 9001:2015.",
      "'related[1]' is 'QP-0С2' (contains U+0421 CYRILLIC CAPITAL LETTER ES), which has the wrong form. A document number (文件编号), e.g. QP-020, CS/QP-006, HSD-F-0018, or an external document's number as its publisher writes it, with single spaces and ':' before an edition's year: GB/T 19001-2016, GJB 9001C-2017, ISO 9001:2015.",
    ]);
  });
});

describe("dates at the ends of the range", () => {
  it("are reported by check, quickly, and refused as --today", async () => {
    const dir = repo();
    const file = join(dir, "csr/DYA/DYA-001.yaml");
    write(dir, "csr/DYA/DYA-001.yaml", readFileSync(file, "utf8").replace("received: 2026-11-20", "received: 0001-01-01"));
    const started = Date.now();
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-11-27");
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(findings.filter((f) => f.rule === "date/out-of-range").map((f) => [f.file, f.line])).toEqual([["csr/DYA/DYA-001.yaml", 6]]);
    const today = await csrInProcess(["-C", dir, "check", "--today", "9999-12-31"]);
    expect(today.stderr).toBe("csr: --today 9999-12-31 lies outside 1970-01-01 … 2099-12-31, the range csr counts deadlines in; give a real date.\n");
    expect(today.code).toBe(2);
  });

  it("refuses an empty working week in qms.yaml", async () => {
    const dir = repo();
    write(dir, "qms.yaml", readFileSync(join(dir, "qms.yaml"), "utf8").replace("calendar:\n", "calendar:\n  weekdays: []\n"));
    const started = Date.now();
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-11-27");
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(findings.filter((f) => f.file === "qms.yaml").map((f) => [f.rule, f.message])).toEqual([["schema/invalid-value", expect.stringMatching(/^'calendar\.weekdays' has too few items: it needs at least 1\./)]]);
  });
});

describe("render --all", () => {
  it("reports a document whose number cannot be a file name and renders the others", async () => {
    const dir = repo();
    const long = `WI-${"9".repeat(300)}`;
    write(dir, "documents/WI-032.yaml", `id: ${long}\ntitle: 超长编号\nlevel: 3\nkind: instruction\ndepartment: PRD\nstatus: draft\n`);
    const result = await csrInProcess(["-C", dir, "render", "--all", "--format", "md", "--out", "out"], { lang: null });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`以下文件的编号使文件名超过 255 字节，未输出：${long}。\n`);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["QP-009.zh-CN.md", "QP-020.zh-CN.md", "WI-031.zh-CN.md"]);
  });
});

describe("a reader that closes the pipe early", () => {
  it("makes csr stop quietly", () => {
    const result = spawnSync("bash", ["-c", `node ${BIN} -C ${copyFixture("test/fixtures/csr/valid")} matrix clauses --format json 2>err.txt | head -c 20 >/dev/null; echo \${PIPESTATUS[0]}`], { cwd: tempDir(), encoding: "utf8" });
    expect(result.stdout.trim()).toBe("0");
  });
});

describe("paths that are the wrong kind of thing", () => {
  it("init on a regular file: one line, exit 2, nothing written", async () => {
    const parent = tempDir();
    write(parent, "qms", "a note\n");
    const result = await csrInProcess(["init", "qms"], { cwd: parent });
    expect(result.stderr).toBe(`csr: ${join(parent, "qms")} is a regular file, not a folder; csr init creates a repository in a folder.\nhint: Name a new or empty folder, e.g. 'csr init qms'.\n`);
    expect(result.code).toBe(2);
    expect(readdirSync(parent)).toEqual(["qms"]);
  });

  it("a directory where people.yaml is expected: writing commands say so in one line", async () => {
    const dir = repo();
    rmSync(join(dir, "people.yaml"));
    mkdirSync(join(dir, "people.yaml"));
    const before = snapshot(dir);
    const result = await csrInProcess(["-C", dir, "review", "DYA-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--yes"]);
    expect(result.stderr).toBe(
      "csr: people.yaml cannot be read (file/not-regular, line 1: This is a directory, not a regular file; csr reads only regular files here); nothing was written.\nhint: Fix people.yaml first ('csr check' shows how), then run the command again.\n",
    );
    expect(result.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it("review of a CSR whose file has a YAML syntax error names the file and the error", async () => {
    const dir = repo();
    write(dir, "csr/DYA/DYA-003.yaml", "id: DYA-003\ntitle: [unclosed\n");
    const result = await csrInProcess(["-C", dir, "review", "DYA-003", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--yes"]);
    expect(result.stderr).toMatch(/^csr: csr\/DYA\/DYA-003\.yaml, the file of DYA-003, cannot be read: yaml\/syntax on line \d+, column \d+ \(YAML syntax error: .+\)\.\nhint: Fix the file/);
    expect(result.code).toBe(2);
  });
});

/** The bounds act before exceljs reads the workbook: the messages come only from them. The time limits are generous for a loaded CI machine. */
describe("oversized workbooks", () => {
  const workbook = (sheet: string) => {
    const parts = {
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      "xl/workbook.xml": strToU8("<workbook/>"),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
    };
    const file = join(tempDir(), "register.xlsx");
    writeFileSync(file, zipSync(parts, { level: 9 }));
    return file;
  };

  it("refuses a sheet of 1,048,576 rows in seconds, naming the file", () => {
    const rows = Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const file = workbook(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const started = Date.now();
    const result = csr(["-C", repo(), "import", file, "--as", "procedures"]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.stderr).toBe(`csr: '${file}' has more than 100,000 rows in sheet1.xml; csr imports registers up to that size.\nhint: Split the register, or delete the empty rows below the data (Ctrl+Shift+End shows where Excel thinks the sheet ends).\n`);
    expect(result.code).toBe(2);
  });

  it("refuses a zip bomb in seconds, naming the file", () => {
    const file = workbook(`<worksheet>${" ".repeat(96 * 1024 * 1024)}</worksheet>`);
    const started = Date.now();
    const result = csr(["-C", repo(), "import", file, "--as", "procedures"]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.stderr).toMatch(new RegExp(`^csr: '${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}' cannot be read: it inflates to more than 64 MiB \\(a zip bomb`));
    expect(result.code).toBe(2);
    expect(existsSync(file)).toBe(true);
  });
});
