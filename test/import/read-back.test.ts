/**
 * What csr prints in its own registers reads back (tester51 #5): in a GJB repository the 受控文件清单
 * has 会签, 标准化审查 and 军代表 columns, signatures of the current revision as 编制, 审核 and 批准
 * are; a version imported without a date prints 发布日期 见原纸质记录, which is that state (released,
 * imported, no date), not a date to refuse. And the import's closing line says why each missing
 * signature is missing: no such column, an empty cell, or a cell that could not be read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, csrInProcess, git, tempDir } from "../helpers.js";

const TODAY = "2026-12-03";

/** `csr init --standard GJB9001C`, committed: its example people (张三 … 周八 the 军代表) sign. */
const gjbRepository = builtOnce(async (): Promise<string> => {
  const dir = tempDir();
  expect((await csrInProcess(["init", "--standard", "GJB9001C", "-y"], { cwd: dir, lang: "zh-CN" })).code).toBe(0);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "init"]);
  return dir;
});

const file = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));
const run = (dir: string, args: string[]) => csrInProcess(["-C", dir, ...args, ...(args[0] === "sign" ? [] : ["--today", TODAY])], { lang: "zh-CN" });

/**
 * The tester's repository: a procedure imported with its date and signed by all six, a form imported
 * from a register without dates (its version undated) and signed by 编制, 审核 and 批准.
 */
const signedRepository = builtOnce(async (): Promise<string> => {
  const dir = await gjbRepository();
  writeFileSync(join(dir, "p.csv"), "序号,程序文件名称,文件编号,归口部门,对应条款,版本,发布日期\n1,文件控制程序,QP-001,质量部,7.5,A/0,2023/2/20\n");
  writeFileSync(join(dir, "f.csv"), "序号,表单名称,表单编号,版本,所属程序,保存期限,保存部门\n1,文件发放回收记录,QR-001-01,A/0,QP-001,长期,质量部\n");
  await run(dir, ["import", "p.csv", "--as", "procedures"]);
  await run(dir, ["import", "f.csv", "--as", "forms", "--link-forms"]);
  const signed = ["--prepared", "张三", "--reviewed", "王五", "--countersigned", "赵六", "--standardization", "孙七", "--approved", "李四"];
  expect((await run(dir, ["sign", "QP-001", ...signed, "--military-representative", "周八", "--date", "2023-02-18"])).code).toBe(0);
  expect((await run(dir, ["sign", "QR-001-01", "--prepared", "张三", "--reviewed", "王五", "--approved", "李四"])).code).toBe(0);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "signed"]);
  return dir;
});

const findings = async (dir: string) => (await checkJsonInProcess(dir, "--today", TODAY)).findings.map((f) => `${f.file} ${f.rule} ${f.message}`).sort();

describe("csr's own 受控文件清单 of a GJB repository, imported into a new one", () => {
  it("reads 会签, 标准化审查 and 军代表 back as the current revision's signatures, and 见原纸质记录 as a version without a date: the same list, no new finding", async () => {
    const source = await signedRepository();
    const list = await run(source, ["list", "documents", "--format", "md"]);
    expect(list.stdout).toContain("| 序号 | 层级 | 文件编号 | 文件名称 | 部门 | 版本/版次 | 密级 | 编制 | 审核 | 会签 | 标准化审查 | 批准 | 军代表 | 发布日期 | 生效日期 | 保存期限 | 条款 | 状态 | 备注 |");
    expect(list.stdout).toContain("| 2 | 四级 | QR-001-01 | 文件发放回收记录 | 质量部 | A/0 |  | 张三 | 王五 |  |  | 李四 |  | 见原纸质记录 | 见原纸质记录 | 长期 |  | 已发布 |  |");
    const book = join(tempDir(), "export.xlsx");
    expect((await run(source, ["export", "--out", book])).code).toBe(0);

    const dir = await gjbRepository();
    const imported = await run(dir, ["import", book, "--as", "documents"]);
    expect(imported.stdout).not.toContain("未导入的列");
    expect(imported.stdout).not.toContain("没有会签");
    expect(imported.stdout).toContain(
      "\n1 个文件的发布日期在清单中写作“见原纸质记录”（csr 印出无日期版本的写法）：其版本已作为导入前已发布的受控版本写入，不带日期，与原清单相同；查到日期后，用 'csr set <文件编号> --issued <日期>' 补记，这不需要发布新版本。\n",
    );
    expect(imported.stdout).toContain("\n已导入 2 行中的 2 行。\n");
    expect(imported.code).toBe(0);
    expect(file(dir, "documents/QP-001.yaml").revisions).toEqual([
      {
        version: "A/0",
        date: "2023-02-20",
        imported: true,
        // The days signed too: the list gives each signer with the day (tester79 G10).
        prepared: { by: "zhangsan", date: "2023-02-18" },
        reviewed: { by: "wangwu", date: "2023-02-18" },
        countersigned: [{ by: "zhaoliu", date: "2023-02-18" }],
        standardization: { by: "sunqi", date: "2023-02-18" },
        approved: { by: "lisi", date: "2023-02-18" },
        military_representative: { by: "zhouba", date: "2023-02-18" },
      },
    ]);
    expect(file(dir, "documents/QR-001-01.yaml")).toMatchObject({ status: "released", revisions: [{ version: "A/0", imported: true, prepared: { by: "zhangsan" }, reviewed: { by: "wangwu" }, approved: { by: "lisi" } }] });
    expect(file(dir, "documents/QR-001-01.yaml").revisions[0]).not.toHaveProperty("date");
    expect(file(dir, "documents/QR-001-01.yaml")).not.toHaveProperty("effective");

    expect((await run(dir, ["list", "documents", "--format", "md"])).stdout).toBe(list.stdout);
    expect(await findings(dir)).toEqual(await findings(source));
  });

  it("a name in 会签 that is nobody in people.yaml is said on its row and kept in the remarks; several 会签 names each sign", async () => {
    const dir = await gjbRepository();
    writeFileSync(join(dir, "l.csv"), "层级,文件编号,文件名称,部门,版本,编制,审核,会签,标准化审查,批准,军代表,发布日期\n二级,QP-001,文件控制程序,质量部,A/0,张三,王五,赵六、钱九,孙七,李四,周八 2023.2.18,2023-02-20\n二级,QP-002,记录控制程序,质量部,A/0,张三,王五,赵六、王五,孙七,李四,周八,2023-02-20\n");
    const imported = await run(dir, ["import", "l.csv", "--as", "documents"]);
    expect(imported.stdout).toContain("\n第 2 行：“会签”中的 '钱九' 不是 people.yaml 中的人员：未记为签署人，该单元格记入备注。请用 'csr person add' 登记此人后，用 'csr sign <文件编号> --countersigned <人员>' 补记签署\n");
    expect(imported.stdout).toContain("\n  “军代表”中的 '周八 2023.2.18' → 周八，签署日期 2023-02-18（第 2 行）\n");
    expect(file(dir, "documents/QP-001.yaml")).toMatchObject({ remarks: "会签：赵六、钱九", revisions: [{ countersigned: [{ by: "zhaoliu" }], military_representative: { by: "zhouba", date: "2023-02-18" } }] });
    expect(file(dir, "documents/QP-002.yaml").revisions[0].countersigned).toEqual([{ by: "zhaoliu" }, { by: "wangwu" }]);
    expect(file(dir, "documents/QP-002.yaml")).not.toHaveProperty("remarks");
  });
});

describe("the closing line of an import whose documents lack signatures", () => {
  it("says which column is missing, which is empty and which could not be read (naming the rows), never “no such columns” for a column the register has", async () => {
    const dir = await gjbRepository();
    writeFileSync(
      join(dir, "l.csv"),
      "序号,层级,文件编号,文件名称,部门,版本,编制,审核,会签,批准,军代表,发布日期\n1,二级,QP-001,文件控制程序,质量部,A/0,张三,王五,钱九,李四,,2023-02-20\n2,二级,QP-002,记录控制程序,质量部,A/0,张三,王五,2023-02-18,李四,,2023-02-20\n",
    );
    const imported = await run(dir, ["import", "l.csv", "--as", "documents"]);
    expect(imported.stdout).toContain("\n第 3 行：“会签”中的 '2023-02-18' 是日期，不是姓名：未记为签署人，该单元格记入备注。请用 'csr sign <文件编号> --countersigned <人员> --date 2023-02-18' 补记签署\n");
    expect(imported.stdout).toContain(
      "\n2 份导入的已发布文件没有会签、标准化审查、军代表签字（清单没有标准化审查列；清单的军代表栏为空；会签栏的内容未能读作签字，见上方第 2、3 行）。请按纸质原件一次补记：csr sign QP-001 QP-002 --countersigned <人员> --standardization <人员> --military-representative <人员>。原件写有签字日期时加 --date <签字日期>；签字人或日期不同的文件分开补记。\n",
    );
    expect(imported.stdout).not.toContain("清单没有这些列");
  });

  it("a register without any of the columns says so shortly, as before", async () => {
    const dir = await gjbRepository();
    writeFileSync(join(dir, "p.csv"), "序号,程序文件名称,文件编号,归口部门,版本,发布日期\n1,文件控制程序,QP-001,质量部,A/0,2023/2/20\n");
    const imported = await run(dir, ["import", "p.csv", "--as", "procedures"]);
    expect(imported.stdout).toContain("\n1 份导入的已发布文件没有编制、审核、会签、标准化审查、批准、军代表签字（清单没有这些列）。请按纸质原件一次补记：");
  });
});
