/**
 * A paper distribution and recall register (受控文件发放回收登记表, tester76 M1) given to csr import: each row is
 * the controlled copy csr distribute --to --copy records, its 发放号 kept as the copy number, a 回收日期 and 回收人
 * the recall csr recall records; a copy of a replaced version never returned is named with the csr recall that
 * records it; rows that do not fit are refused with their row and why; imported again, the rows are counted.
 * IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3. Days pinned to 2026-12-04.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { commitAt, csr, csrInProcess, git, gitInitEmpty, minimalRepo, RELEASED_A0_LINES, tempDir } from "../helpers.js";

const TODAY = "2026-12-04";

/** QP-001 released A/0 (2026-03-02) and A/1 (2026-06-01), in minimalRepo (QA 品质部: 张伟 zhang, 王强 wang; MKT 市场部: 李娜 li). */
function repository(): string {
  return minimalRepo({
    "documents/QP-001.yaml": [
      "id: QP-001",
      "title: 文件控制程序",
      "level: 2",
      "kind: procedure",
      "department: QA",
      "status: released",
      ...RELEASED_A0_LINES,
      "  - version: A/1",
      "    date: 2026-06-01",
      "    summary: 修订发放规定",
      "    prepared: { by: zhang, date: 2026-05-20 }",
      "    reviewed: { by: li, date: 2026-05-25 }",
      "    approved: { by: wang, date: 2026-05-26 }",
      "sections:",
      "  - title: 目的",
      "    text: 控制文件。",
      "",
    ].join("\n"),
  });
}

/** The register as a workbook drawn by hand: title rows, the header, the rows, a sign-off. */
async function register(rows: unknown[][], extra: string[] = []): Promise<string> {
  const path = join(tempDir(), "受控文件发放回收登记表.xlsx");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("发放回收");
  const header = ["序号", "文件编号", "文件名称", "版本", "发放号", "领用部门", "领用人", "发放日期", "回收日期", "回收人", "备注", ...extra];
  sheet.getCell(1, 1).value = "受控文件发放回收登记表";
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.getCell(2, 1).value = "表单编号：QR-001-01  A/0";
  header.forEach((h, i) => (sheet.getCell(3, i + 1).value = h));
  rows.forEach((row, r) => row.forEach((v, i) => v !== null && (sheet.getCell(4 + r, i + 1).value = v as ExcelJS.CellValue)));
  sheet.getCell(4 + rows.length, 1).value = "编制：王强";
  await book.xlsx.writeFile(path);
  return path;
}

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

describe("csr import of a distribution and recall register (tester76 M1)", () => {
  it("records each row as csr distribute and csr recall would, keeps the 发放号, names the copy still to recall, refuses the rows that do not fit", async () => {
    const dir = repository();
    const before = readFileSync(join(dir, "documents/QP-001.yaml"), "utf8");
    const file = await register(
      [
        [1, "QP-001", "文件控制程序", "A/0", "001", "品质部", "张伟", serial(2026, 3, 5), "2026.6.3", "王强", "换版回收", "柜1"],
        [2, "QP-001", "文件控制程序", "A版0次", "002", "MKT", "李娜", "2026.3.5", null, null, null, null],
        [3, "QP-001", "文件控制程序", "A/1", "003", "品质部", "张伟", "2026年6月2日", null, null, "张贴于检验室", null],
        [4, "QP-001", "文件控制程序", "A/1", "004", "生产部", null, "2026.6.2", null, null, null, null],
        [5, "QP-001", "文件控制程序", "A/1", "005", "市场部", "陈华", "2026.6.2", null, null, null, null],
        [6, "QP-009", "检验控制程序", "A/0", "001", "品质部", null, "2026.6.2", null, null, null, null],
        [7, "QP-001", "文件控制程序", "A/1", "3", "市场部", "李娜", "2026.6.3", null, null, null, null],
        [8, "QP-001", "文件控制程序", "A/0", "008", "市场部", "李娜", "2026.6.5", null, null, null, null],
      ],
      ["存放柜"],
    );
    // Recognised without --as by its columns; --dry-run prints the plan and writes nothing.
    const dry = csr(["-C", dir, "import", file, "--dry-run", "--today", TODAY], { lang: "zh-CN" });
    expect(dry.stderr).toBe("");
    const lines = dry.stdout.split("\n");
    expect(lines.slice(0, 25)).toEqual(
      [
        `读取 ${file} 的工作表 发放回收：表头在第 3 行，数据 8 行。`,
        "未导入的列：存放柜（csr 按列名读取，各类清单读取的列名见 docs/import.md 的“Column names”表）。",
        "第 1 行：表头上方的“受控文件发放回收登记表”是登记表自身的标题或表单编号，未导入。",
        "第 2 行：表头上方的“表单编号：QR-001-01  A/0”是登记表自身的标题或表单编号，未导入。",
        "",
        "将登记 3 份受控副本：",
        "第 4 行：QP-001 受控号 1（A/0，品质部）、领用人 张伟、2026-03-05 发放、2026-06-03 回收、回收人 王强",
        "第 5 行：QP-001 受控号 2（A/0，市场部）、领用人 李娜、2026-03-05 发放",
        "第 6 行：QP-001 受控号 3（A/1，品质部）、领用人 张伟、2026-06-02 发放、备注 张贴于检验室",
        "将写入 documents/QP-001.yaml",
        "登记表没有发放人、交回人列：导入的副本未记这些人（csr check 以 doc/copy-record-incomplete 警告）；请按纸质记录在副本记录中补写（issued_by、returned_by，people.yaml 的人员 id）。",
        "",
        "第 4 行：备注“换版回收”：即回收日期 2026-06-03 所记的回收，已读取。",
        "第 5 行：“版本”中的 'A版0次' 按 A/0 登记。",
        "第 12 行：不是发放记录行（没有文件编号和发放号），未导入：编制：王强",
        "",
        "第 7 行：部门 '生产部' 不在 qms.yaml 中，请用 'csr department add <代码> --name \"生产部\"' 添加；若是现有部门的原名或简称，在 qms.yaml 该部门下写 aliases: [生产部]；然后重新导入",
        "第 8 行：领用人 '陈华' 不在 people.yaml 中：受控副本的记录按人员 id 记人，先用 'csr person add 陈华 --name 陈华 --department MKT' 添加（核对部门），再导入。",
        "第 9 行：QP-009 不在仓库中：先导入文件清单（csr import <清单> --as procedures 等）或用 csr new 建立该文件，再导入这一行。",
        "第 10 行：QP-001 的受控号 3 已由第 6 行登记：每份受控副本一个号。",
        "第 11 行：2026-06-05：QP-001 A/0 自 2026-06-01 起已被 A/1 替代，此后不再发放其受控副本。",
        "",
        "QP-001 仍待回收（其版本已被替代，登记表未写回收）：受控号 2（A/0，市场部）；回收后用 'csr recall QP-001 --copy 2 --by li --date <回收日期>' 登记。",
        "",
        "将导入 8 行中的 3 行；拒绝 5 行。",
      ],
    );
    expect(lines[25]).toBe("试运行：未写入任何文件。");
    expect(dry.code).toBe(1);
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(before);
    // Recognised without --as, it is not written: the plan is shown as --dry-run shows it, and --as distribution asked for (exit 2).
    const unnamed = await csrInProcess(["-C", dir, "import", file, "--today", TODAY], { lang: "zh-CN" });
    expect(unnamed).toEqual({ code: 2, stdout: dry.stdout, stderr: `csr: ${file} 按其列识别为受控文件发放回收登记表：以上是导入将登记的受控副本，未写入；核对无误后用 csr import ${file} --as distribution 导入。\n` });
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(before);

    // Written: the entries csr distribute and csr recall write, one flow line per copy, appended in row order.
    const done = csr(["-C", dir, "import", file, "--as", "distribution", "--today", TODAY], { lang: "zh-CN" });
    expect(done.code).toBe(1);
    expect(done.stdout).toContain("已写入 documents/QP-001.yaml");
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(
      before +
        [
          "distribution:",
          "  - {copy: 1, version: A/0, to: QA, holder: zhang, date: 2026-03-05, recalled: 2026-06-03, received_by: wang}",
          "  - {copy: 2, version: A/0, to: MKT, holder: li, date: 2026-03-05}",
          "  - {copy: 3, version: A/1, to: QA, holder: zhang, date: 2026-06-02, remark: 张贴于检验室}",
          "",
        ].join("\n"),
    );
    // What the register lists is what the paper said: numbers, holders, dates; copy 2 due back.
    const listed = csr(["-C", dir, "list", "distribution", "--format", "csv", "--today", TODAY], { lang: "zh-CN" }).stdout.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(listed[0]).toBe("序号,文件编号,文件名称,版本/版次,受控号,发放部门,领用人,发放人,发放日期,应回收日期,回收日期,交回人,回收人,状态,备注");
    expect(listed.slice(1, 4).map((l) => l.split(",").slice(1, 13).join(","))).toEqual([
      "QP-001,文件控制程序,A/0,1,品质部,张伟,,2026-03-05,2026-06-08,2026-06-03,,王强",
      "QP-001,文件控制程序,A/0,2,市场部,李娜,,2026-03-05,2026-06-08,,,",
      "QP-001,文件控制程序,A/1,3,品质部,张伟,,2026-06-02,,,,",
    ]);
    // The 备注 the paper wrote on copy 3 is the register's 备注 again.
    expect(listed[3]!.split(",").at(-1)).toBe("张贴于检验室");
  });

  it("counts a register imported again and exits 0; a copy number the repository holds otherwise is refused, not overwritten", async () => {
    const dir = gitInitEmpty(repository());
    commitAt(dir, "2026-11-30", "QP-001 A/1");
    const file = await register([
      [1, "QP-001", "文件控制程序", "A/0", "001", "品质部", "张伟", "2026.3.5", "2026.6.3", "王强", null],
      [2, "QP-001", "文件控制程序", "A/1", "002", "市场部", "李娜", "2026.6.2", null, null, null],
    ]);
    const first = csr(["-C", dir, "import", file, "--as", "distribution", "--today", TODAY, "--commit"], { lang: "zh-CN" });
    expect([first.code, first.stderr]).toEqual([0, ""]);
    expect(first.stdout).toContain("已导入 2 行中的 2 行。");
    expect(git(dir, ["log", "-1", "--format=%s", "--name-only"])).toBe("导入发放回收登记表 受控文件发放回收登记表.xlsx：2 份受控副本\n\ndocuments/QP-001.yaml\n");
    const written = readFileSync(join(dir, "documents/QP-001.yaml"), "utf8");
    const again = await csrInProcess(["-C", dir, "import", file, "--as", "发放回收", "--today", TODAY], { lang: "zh-CN" });
    expect([again.code, again.stderr]).toEqual([0, ""]);
    expect(again.stdout.split("\n").slice(-2)).toEqual(["已导入 2 行中的 0 行；2 行与仓库中的文件相同，未重复导入。", ""]);
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(written);
    // csr's own register reads back: its computed columns said, each row counted.
    const listed = join(tempDir(), "发放回收记录.csv");
    writeFileSync(listed, (await csrInProcess(["-C", dir, "list", "distribution", "--format", "csv", "--today", TODAY], { lang: "zh-CN" })).stdout);
    const back = await csrInProcess(["-C", dir, "import", listed, "--today", TODAY], { lang: "zh-CN" });
    expect([back.code, back.stderr]).toEqual([0, ""]);
    expect(back.stdout).toContain("csr 生成清单时计算的列，不导入（导入后由 csr 按记录重新计算）：应回收日期、状态。");
    expect(back.stdout).toContain("已导入 2 行中的 0 行；2 行与仓库中的文件相同，未重复导入。");
    const changed = await register([[1, "QP-001", "文件控制程序", "A/0", "001", "市场部", "李娜", "2026.3.5", null, null, null]]);
    const refused = csr(["-C", dir, "import", changed, "--as", "distribution", "--today", TODAY], { lang: "en" });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("row 4: QP-001 copy 1 is in use already (A/0, handed out 2026-03-05 to 品质部) and differs from this row: not overwritten; check the paper record and correct this row or the repository's record.");
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(written);
  });

  it("adds a 备注 written since to the copy recorded without one, on the plan's row; a 备注 other than the copy's is refused naming both (review79 6)", async () => {
    const dir = gitInitEmpty(repository());
    commitAt(dir, "2026-11-30", "QP-001 A/1");
    const row = (remark: string | null) => [1, "QP-001", "文件控制程序", "A/1", "002", "市场部", "李娜", "2026.6.2", null, null, remark];
    expect((await csrInProcess(["-C", dir, "import", await register([row(null)]), "--as", "distribution", "--today", TODAY, "--commit"], { lang: "zh-CN" })).code).toBe(0);
    const posted = await register([row("现场张贴")]);
    const added = await csrInProcess(["-C", dir, "import", posted, "--as", "distribution", "--today", TODAY, "--commit"], { lang: "zh-CN" });
    expect([added.code, added.stderr]).toEqual([0, ""]);
    expect(added.stdout.split("\n").slice(3, 9)).toEqual([
      "",
      "已为 1 份已登记的受控副本补记备注（其余与仓库中的记录相同）：",
      "第 4 行：QP-001 受控号 2：补记备注“现场张贴”",
      "已写入 documents/QP-001.yaml",
      "",
      "第 5 行：不是发放记录行（没有文件编号和发放号），未导入：编制：王强",
    ]);
    expect(added.stdout).toContain("已导入 1 行中的 0 行；1 行补记备注。");
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toContain("  - {copy: 2, version: A/1, to: MKT, holder: li, date: 2026-06-02, remark: 现场张贴}\n");
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("导入发放回收登记表 受控文件发放回收登记表.xlsx：0 份受控副本，1 份补记备注\n");
    const written = readFileSync(join(dir, "documents/QP-001.yaml"), "utf8");
    expect((await csrInProcess(["-C", dir, "import", posted, "--as", "distribution", "--today", TODAY], { lang: "zh-CN" })).stdout).toContain("已导入 1 行中的 0 行；1 行与仓库中的文件相同，未重复导入。");
    const other = await csrInProcess(["-C", dir, "import", await register([row("破损换发")]), "--as", "distribution", "--today", TODAY], { lang: "zh-CN" });
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("第 4 行：QP-001 的受控号 2（A/1 版，2026-06-02 发给 市场部）在仓库中的备注为“现场张贴”，本行写“破损换发”：只有备注不同，未覆盖；以纸质记录为准时，在 documents/QP-001.yaml 中改写该副本的 remark 后再导入。");
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(written);
  });

  it("takes an outside party by name, refuses a person who was not there on the day and an option of the other registers", async () => {
    const dir = repository();
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    writeFileSync(join(dir, "qms.yaml"), qms.replace("numbering:", "external_parties:\n  - code: JDB\n    name: 军代表室\n    kind: military-representative\nnumbering:"));
    writeFileSync(join(dir, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8") + "  - id: sunmin\n    name: 孙敏\n    department: QA\n    roles: [document-controller]\n    joined: 2026-09-01\n");
    const file = await register([
      [1, "QP-001", "文件控制程序", "A/1", "001", "军代表室", null, "2026.6.2", null, null, null],
      [2, "QP-001", "文件控制程序", "A/0", "002", "品质部", "张伟", "2026.3.5", "2026.6.3", "孙敏", null],
    ]);
    const result = await csrInProcess(["-C", dir, "import", file, "--as", "distribution", "--dry-run", "--today", TODAY], { lang: "zh-CN" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("第 4 行：QP-001 受控号 1（A/1，军代表室）、2026-06-02 发放");
    expect(result.stdout).toContain("第 5 行：回收人 孙敏（sunmin）在 2026-06-03 不在本单位（入职 2026-09-01，离职 —）：核对纸质记录中的日期和人员，或在 people.yaml 中更正其入职日期。");
    const option = csr(["-C", dir, "import", file, "--as", "distribution", "--department", "QA"], { lang: "zh-CN" });
    expect([option.code, option.stdout, option.stderr]).toEqual([2, "", "csr: --department 用于文件清单或 CSR 清单，发放回收登记表不用此选项：去掉它后重新导入。\n"]);
  });
  it("refuses a row whose holder is a name two people share, naming both ids and how to write one; an id or 工号 finds the person", async () => {
    const dir = repository();
    writeFileSync(join(dir, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8") + "  - id: zhangwei2\n    name: 张伟\n    number: \"1023\"\n    department: QA\n    roles: [author]\n");
    const file = await register([
      [1, "QP-001", "文件控制程序", "A/1", "001", "品质部", "张伟", "2026.6.2", null, null, null],
      [2, "QP-001", "文件控制程序", "A/1", "002", "品质部", "1023", "2026.6.2", null, null, null],
      [3, "QP-001", "文件控制程序", "A/1", "003", "品质部", "zhang", "2026.6.2", null, null, null],
    ]);
    const result = await csrInProcess(["-C", dir, "import", file, "--as", "distribution", "--dry-run", "--today", TODAY], { lang: "zh-CN" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("第 4 行：领用人 '张伟'：people.yaml 中不止一人叫这个名字：zhang（品质部）、zhangwei2（品质部，工号 1023）；csr 不替你选，请改用其中一人的 id 或工号（如 zhang）。\n");
    expect(result.stdout).toContain("第 5 行：QP-001 受控号 2（A/1，品质部）、领用人 张伟、2026-06-02 发放\n");
    expect(result.stdout).toContain("第 6 行：QP-001 受控号 3（A/1，品质部）、领用人 张伟、2026-06-02 发放\n");
    expect(result.stdout).not.toContain("受控号 1（");
  });
});
