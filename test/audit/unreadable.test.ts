/**
 * A register, matrix or workbook with a data file csr could not read: it says it is incomplete
 * and the command exits 1 (commands/shared/output.ts refuseOrWarnUnreadable, incompleteNote).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportCommand } from "../../src/commands/export/index.js";
import { listCommand } from "../../src/commands/list/index.js";
import { matrixCommand } from "../../src/commands/matrix/index.js";
import { capture } from "../csr/fixture.js";
import { copyFixture, csr, makeRepo } from "../helpers.js";

// What to run is said on stderr (LEFT_OUT), not in the register.
const NOTE = "This register is incomplete: 1 file could not be read and is left out (documents/QP-009.yaml).";
const UNRELEASED = "1 more document not released yet (draft or in review) is not a controlled document and is not listed.  ";
const LEFT_OUT = "csr: 1 file could not be read and is left out (documents/QP-009.yaml); run 'csr check' for details.\n";
const broken = () => makeRepo({ "documents/QP-009.yaml": "id: QP-009\ntitle: [\n" }, copyFixture("test/fixtures/audit/registers"));

describe("a register with a file csr cannot read", () => {
  it("prints what it could, says under the table that it is incomplete, and exits 1", async () => {
    const ctx = capture(broken());
    expect(await listCommand(ctx, "procedures", undefined, { format: "md", today: "2026-11-30" })).toBe(1);
    // The fixture's draft QP-005 is counted under the list, before the note that the list is incomplete.
    expect(ctx.out.split("\n").slice(-5)).toEqual([UNRELEASED, `${NOTE}  `, "", "Prepared by: ________________ Date: ____________   Reviewed by: ________________ Date: ____________   Approved by: ________________ Date: ____________", ""]);
    expect(ctx.err).toBe(`${LEFT_OUT}'csr list documents --status draft' or '--status all' lists the documents not released yet.\n`);
  });
  it("keeps a CSV to its rows, so that it can be imported again, and still exits 1", async () => {
    const dir = broken();
    const ctx = capture(dir);
    expect(await matrixCommand(ctx, "csr", { out: "m.csv", today: "2026-11-30" })).toBe(1);
    expect(readFileSync(join(dir, "m.csv"), "utf8")).not.toContain("incomplete");
    expect(ctx.err).toBe(LEFT_OUT + "wrote m.csv\n9 cells are quoted as written in the organisation's records (Chinese); csr does not translate their text.\n");
  });
  it("puts the note under every sheet of the workbook and exits 1", async () => {
    const dir = broken();
    const ctx = capture(dir);
    expect(await exportCommand(ctx, { out: "all.xlsx", today: "2026-11-30" })).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "all.xlsx"));
    for (const sheet of workbook.worksheets) {
      // In column A, or after the columns repeated on every page of a sheet printed several pages wide;
      // a note merged across the printed columns is counted once, at its first cell.
      const texts: unknown[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => void (cell.master === cell && texts.push(cell.value))));
      expect(texts.filter((v) => v === NOTE), sheet.name).toEqual([NOTE]);
    }
  });
  it("prints nothing while qms.yaml cannot be read: the clause column would change its format", async () => {
    const dir = makeRepo({ "qms.yaml": "bad: [\n" }, copyFixture("test/fixtures/audit/registers"));
    const ctx = capture(dir);
    await expect(listCommand(ctx, "csr", undefined, { today: "2026-11-30" })).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/^qms\.yaml cannot be read \(yaml\/syntax, line \d+: .*\); no register was printed\. Fix qms\.yaml first/),
    });
    expect(ctx.out).toBe("");
  });
});

describe("a register during a merge conflict", () => {
  it("says which file has conflict markers in one line and exits 1, instead of printing an empty register", () => {
    const dir = makeRepo({ "documents/QP-001.yaml": "<<<<<<< HEAD\nid: QP-001\n=======\nid: QP-002\n>>>>>>> theirs\n" }, copyFixture("test/fixtures/audit/registers"));
    expect(csr(["-C", dir, "list", "procedures"], { lang: null })).toEqual({
      code: 1,
      stdout: "",
      stderr: "csr: documents/QP-001.yaml 中有合并冲突标记（第 1 行起）；未输出登记表。请先解决冲突，然后重新运行该命令。\n",
    });
    // The document's own commands name the file and the markers, not "no such document" (tester57 E20).
    const refusal =
      "csr: QP-001 的文件 documents/QP-001.yaml 无法读取：第 1 行第 1 列，file/merge-conflict（合并冲突未解决：第 1 行有 git 冲突标记 '<<<<<<<'）。\n提示：请修正该文件（运行 'csr check' 查看详情），然后重新运行命令。\n";
    for (const command of ["show", "render", "history"]) expect([command, csr(["-C", dir, command, "QP-001"], { lang: null })]).toEqual([command, { code: 2, stdout: "", stderr: refusal }]);
  });
});
