/**
 * What --out names, said once and kept: a file for `csr list` / `csr matrix` (a folder when it ends
 * with / or exists: the register goes in as <register id>.<ext>) and `csr export` (registers.xlsx in a folder), a folder for `csr render` (a file
 * when one document is rendered and the name ends in its format's extension); anything that could be
 * either is refused in one line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");
const run = (...args: string[]) => csrInProcess(["-C", ACME, ...args, "--today", "2026-11-27"], { lang: "zh-CN" });
/** What acme-auto's registers tell the one who runs the command (Table.hints): the command that lists its draft (北辰's symbol rows are approved: no hint to record it; 品质部 keeps every customer document: no hint to record a keeper). */
const DRAFTS = "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。\n";

describe("--out of csr export", () => {
  it("writes registers.xlsx into an existing folder or one named with a trailing /, and refuses any other file than .xlsx", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "审核"));
    expect(await run("export", "--out", join(dir, "审核"))).toEqual({ code: 0, stdout: "", stderr: `已写入 ${join(dir, "审核", "registers.xlsx")}\n${DRAFTS}` });
    expect(await run("export", "--out", `${join(dir, "新")}/`)).toEqual({ code: 0, stdout: "", stderr: `已写入 ${join(dir, "新", "registers.xlsx")}\n${DRAFTS}` });
    expect(readFileSync(join(dir, "新", "registers.xlsx")).subarray(0, 2).toString()).toBe("PK");
    const pdf = join(dir, "体系清单.pdf");
    expect(await run("export", "--out", pdf)).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: csr export 生成 Excel 工作簿：请给出以 .xlsx 结尾的文件名，或文件夹（以 / 结尾，写入其中的 registers.xlsx）（实际为 '${pdf}'）。\n`,
    });
    expect(readdirSync(dir).sort()).toEqual(["审核", "新"]);
  });
});

describe("--out of csr list and csr matrix", () => {
  it("writes <register id>.<ext> into an existing folder or one named with a trailing /", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "审核"));
    expect(await run("list", "procedures", "--out", join(dir, "审核"), "--format", "xlsx")).toEqual({ code: 0, stdout: "", stderr: `已写入 ${join(dir, "审核", "procedures.xlsx")}\n` });
    expect(await run("list", "forms", "--out", `${join(dir, "新")}/`, "--format", "md")).toEqual({ code: 0, stdout: "", stderr: `已写入 ${join(dir, "新", "forms.md")}\n` });
    expect(await run("matrix", "clauses", "--out", `${dir}/`, "--format", "csv")).toEqual({ code: 0, stdout: "", stderr: `已写入 ${join(dir, "clauses-IATF16949.csv")}\n${DRAFTS}` });
    expect(readFileSync(join(dir, "新", "forms.md"), "utf8")).toMatch(/^## 记录清单（共 26 份）\n/);
    expect(readdirSync(dir).sort()).toEqual(["clauses-IATF16949.csv", "审核", "新"]);
  });

  it("refuses a folder without --format and a name without an extension, in one line", async () => {
    const dir = tempDir();
    expect(await run("list", "procedures", "--out", dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: --out ${dir} 是文件夹，清单将写为其中的 procedures.<扩展名>；请用 --format 指定格式（md、html、csv、json、xlsx 或 pdf）。\n`,
    });
    const bare = join(dir, "程序文件");
    expect(await run("list", "procedures", "--out", bare, "--format", "csv")).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: --out ${bare} 没有扩展名，无法判断是文件还是文件夹：写入文件请带扩展名（例如 ${bare}.csv），写入文件夹请以 / 结尾（${bare}/）。\n`,
    });
    expect(existsSync(bare)).toBe(false);
  });
});

describe("--out of csr render", () => {
  it("writes the one document rendered to the file named, in the format of its extension", async () => {
    const file = join(tempDir(), "QP-015 受控副本.md");
    expect(await run("render", "QP-015", "--out", file)).toEqual({ code: 0, stdout: `${file}\n`, stderr: "已输出 1 个文件（md，zh-CN）。\n" });
    expect(readFileSync(file, "utf8")).toMatch(/^\*\*【非受控】\*\*\n\n> \*\*非受控 仅供参考：[^\n]*\*\*\n\n\*\*江苏安迈汽车零部件有限公司\*\*\n\n# 顾客特定要求管理程序\n/);
    // The file is kept: a report printed and signed is worth keeping (tester19 F12); --force replaces it.
    writeFileSync(file, "已签字的打印件\n");
    expect(await run("render", "QP-015", "--out", file)).toEqual({ code: 2, stdout: "", stderr: `csr: ${file} 已存在；csr 不覆盖文件。\n提示：请换一个 --out，或加 --force 替换它。\n` });
    expect(readFileSync(file, "utf8")).toBe("已签字的打印件\n");
    expect((await run("render", "QP-015", "--out", file, "--force")).code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^\*\*【非受控】\*\*\n/);
  });

  it("writes into a folder named with a trailing / or without an extension", async () => {
    const dir = tempDir();
    expect((await run("render", "QP-015", "--out", `${join(dir, "print")}/`)).stdout).toBe(`${join(dir, "print", "QP-015.zh-CN.html")}\n`);
    expect((await run("render", "QP-015", "--out", join(dir, "打印"), "--format", "md")).stdout).toBe(`${join(dir, "打印", "QP-015.zh-CN.md")}\n`);
  });

  it("refuses a file for several pages, an extension against --format, and a name that is neither", async () => {
    const dir = tempDir();
    expect(await run("render", "QP-015", "QP-006", "--out", join(dir, "a.html"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: --out ${join(dir, "a.html")} 是一个文件名，但本次要输出 2 个文件；多份文件请写入文件夹（以 / 结尾，例如 out/）。\n`,
    });
    expect((await run("render", "QP-015", "--out", join(dir, "a.html"), "--format", "md")).stderr).toBe(
      `csr: --out ${join(dir, "a.html")} 的扩展名表示 html，与 --format md 不一致；请去掉 --format，或改用 .md 结尾的文件名。\n`,
    );
    expect((await run("render", "QP-015", "--out", join(dir, "print.2026"))).stderr).toBe(
      `csr: --out ${join(dir, "print.2026")} 既不是文件夹也不是可输出的文件名：写入文件夹请以 / 结尾（${join(dir, "print.2026")}/）；只输出一份时，也可写入以 .html、.md、.pdf 或 .docx 结尾的文件。\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
