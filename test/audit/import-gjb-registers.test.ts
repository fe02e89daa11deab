/**
 * The registers of a GJB 9001C supplier (test/fixtures/real-world/gjb-registers/, as a 文控 keeps
 * them): the 程序文件一览表 with 版本 and 发布日期, the 记录表单一览表 with 保存部门, the 受控文件清单
 * with 实施日期 only. Imported into a GJB repository, then printed again.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { tableView, type Table } from "../../src/report/table.js";
import { checkJsonInProcess, csrInProcess, FIXTURES, gitInit, makeRepo } from "../helpers.js";

const REGISTERS = join(FIXTURES, "real-world", "gjb-registers");

function gjbRepo(): string {
  const dir = makeRepo({
    "qms.yaml": [
      "organisation:",
      "  name: 陕西秦星电子装备有限公司",
      "standards: [GJB9001C]",
      "departments:",
      "  - { code: SAL, name: 销售部 }",
      "  - { code: QA, name: 质量部 }",
      "  - { code: RD, name: 研发部 }",
      "  - { code: PRD, name: 生产部 }",
      "  - { code: GEN, name: 综合部 }",
      "numbering:",
      "  - { kind: manual, pattern: QX/QM-## }",
      "  - { kind: procedure, pattern: QX/QP-### }",
      "  - { kind: instruction, pattern: QX/WI-### }",
      "  - { kind: form, pattern: QX/QR-###-## }",
      "csr:",
      "  reviewers: [QA, SAL]",
      "rules:",
      "  coverage/clause-uncovered: off",
      "",
    ].join("\n"),
    "people.yaml": "people: []\n",
  });
  for (const name of ["程序文件一览表.csv", "记录表单一览表.csv", "受控文件清单.csv"]) copyFileSync(join(REGISTERS, name), join(dir, name));
  return gitInit(dir);
}

const file = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));
const lines = (stdout: string) => stdout.split("\n").filter((l) => l !== "");

describe("GJB registers into a repository", () => {
  it("程序文件一览表 with 版本 and 发布日期: released procedures at that version, printed again with their version and issue date", async () => {
    const dir = gjbRepo();
    const imported = await csrInProcess(["-C", dir, "import", "程序文件一览表.csv", "--as", "procedures"], { lang: null });
    // Without signature columns the procedures lack their signatures (doc/approval-missing): recorded with csr sign.
    expect(imported.code).toBe(1);
    expect(lines(imported.stdout)).toContain("10 个文件在清单中没有生效日期：生效日期（effective）取自“发布日期”；实际生效日期不同的，用 'csr set <编号> --effective <日期>' 更正。");
    expect(imported.stdout).not.toContain("草稿");
    expect(file(dir, "documents/QX_QP-003.yaml")).toMatchObject({
      status: "released",
      effective: "2023-03-01",
      revisions: [{ version: "B/1", date: "2023-03-01", imported: true }],
    });
    const list = await csrInProcess(["-C", dir, "list", "procedures", "--format", "csv"], { lang: null });
    // A clause a spreadsheet would read as a number (7.5) is written as a formula whose value is its text.
    expect(list.stdout.split("\r\n").slice(0, 4)).toEqual([
      "\ufeff序号,程序文件,文件编号,版本/版次,编制,审核,批准,发布日期,归口部门,对应条款,三级文件,四级表单,备注",
      // QX/QR-001-01 is in the procedure's forms, listed in its column once the form list is imported too;
      // until then the entry is in 备注, as the register writes it (tester51 #13).
      '1,文件控制程序,QX/QP-001,B/0,,,,2023-03-01,综合部,"=""7.5""",,,三级文件及四级表单：QX/QR-001-01 文件发放回收记录',
      "2,记录控制程序,QX/QP-002,B/0,,,,2023-03-01,综合部,7.5.3,,,三级文件及四级表单：QX/QR-002-01 质量记录清单",
      '3,设计和开发控制程序,QX/QP-003,B/1,,,,2023-03-01,研发部,"=""8.3""",,,三级文件及四级表单：设计评审报告',
    ]);
  });

  it("三级文件及四级表单 by number for documents not in the repository yet: reported on the row, linked, kept in 备注 until imported; check suggests no document of another kind (tester51 #13)", async () => {
    const dir = gjbRepo();
    writeFileSync(
      join(dir, "list.csv"),
      "序号,程序文件名称,文件编号,归口部门,对应条款,三级文件及四级表单,版本,发布日期\n" +
        '1,设计和开发控制程序,QX/QP-003,研发部,8.3,"项目建议书、设计和开发计划\n设计评审报告",A/0,2023/2/20\n' +
        '2,采购控制程序,QX/QP-005,综合部,8.4,"QX/WI-001 供方评价细则\nQX/QR-005-01 合格供方名录、供方档案\nQX/QP-003",A/0,2023/2/20\n',
    );
    const imported = await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures"]);
    expect(lines(imported.stdout)).toContain(
      "row 3: 'QX/WI-001 供方评价细则', 'QX/QR-005-01 合格供方名录、供方档案' in 三级文件及四级表单 are no documents of the repository: their numbers are recorded in related or forms of QX/QP-005, and the entries as written kept in its remarks, so that the printed procedure list still shows them; once the documents are imported, the GJB procedure list prints them in its level-3 or level-4 column instead of the remarks",
    );
    // QX/QP-003 is a row of the same list: a document, not reported.
    expect(file(dir, "documents/QX_QP-005.yaml")).toMatchObject({ related: ["QX/WI-001", "QX/QP-003"], forms: ["QX/QR-005-01"], remarks: "三级文件及四级表单：QX/WI-001 供方评价细则、QX/QR-005-01 合格供方名录、供方档案" });
    const gjbList = async () => (await csrInProcess(["-C", dir, "list", "procedures", "--format", "csv"], { lang: null })).stdout.split("\r\n").slice(1, 3);
    expect(await gjbList()).toEqual([
      '1,设计和开发控制程序,QX/QP-003,A/0,,,,2023-02-20,研发部,"=""8.3""",,,三级文件及四级表单：项目建议书、设计和开发计划、设计评审报告',
      '2,采购控制程序,QX/QP-005,A/0,,,,2023-02-20,综合部,"=""8.4""",,,三级文件及四级表单：QX/WI-001 供方评价细则、QX/QR-005-01 合格供方名录、供方档案',
    ]);
    // The work instruction is unknown: no procedure is suggested for it, nor for the form.
    const unresolved = (await checkJsonInProcess(dir)).findings.filter((f) => f.rule === "ref/unresolved").map((f) => f.message);
    expect(unresolved).toEqual([
      "Unknown document 'QX/WI-001'. Create it with 'csr new instruction --number QX/WI-001 --title … --department …', or correct the number ('csr set QX/QP-005 --remove-related QX/WI-001 --add-related <number>').",
      "Unknown document 'QX/QR-005-01'. Create it with 'csr new form --number QX/QR-005-01 --title … --department …', or correct the number ('csr set QX/QP-005 --remove-form QX/QR-005-01 --add-form <number>').",
    ]);

    // Once they are imported, the list prints them in their columns, and 备注 keeps what is still not a document (供方档案).
    writeFileSync(join(dir, "wi.csv"), "文件编号,文件名称,部门,版本,发布日期\nQX/WI-001,供方评价细则,综合部,A/0,2023/2/20\n");
    writeFileSync(join(dir, "qr.csv"), "表单编号,表单名称,部门,版本,保存期限\nQX/QR-005-01,合格供方名录,综合部,A/0,3年\n");
    await csrInProcess(["-C", dir, "import", "wi.csv", "--as", "instructions"]);
    await csrInProcess(["-C", dir, "import", "qr.csv", "--as", "forms"]);
    expect((await gjbList())[1]).toBe('2,采购控制程序,QX/QP-005,A/0,,,,2023-02-20,综合部,"=""8.4""",QX/WI-001 供方评价细则,QX/QR-005-01 合格供方名录,三级文件及四级表单：供方档案');
  });

  it("a procedure not in force says so in 备注, and comes back in that state", async () => {
    const dir = gjbRepo();
    writeFileSync(
      join(dir, "list.csv"),
      "序号,程序文件,文件编号,版本/版次,发布日期,归口部门,备注\n" +
        "1,文件控制程序,QX/QP-001,B/0,2023-03-01,综合部,\n" +
        "2,记录控制程序,QX/QP-002,,,综合部,草稿\n" +
        "3,采购控制程序,QX/QP-005,A/0,2023-03-01,综合部,换版中；审批中\n" +
        "4,生产过程控制程序,QX/QP-006,A/0,2023-03-01,生产部,草稿待审\n",
    );
    await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures"], { lang: null });
    expect(file(dir, "documents/QX_QP-001.yaml").status).toBe("released");
    expect(file(dir, "documents/QX_QP-002.yaml")).not.toHaveProperty("remarks");
    expect(file(dir, "documents/QX_QP-002.yaml").status).toBe("draft");
    expect(file(dir, "documents/QX_QP-005.yaml")).toMatchObject({ status: "in-review", remarks: "换版中", revisions: [{ version: "A/0" }] });
    // Only csr's own words are a state: other remarks stay remarks.
    expect(file(dir, "documents/QX_QP-006.yaml")).toMatchObject({ status: "released", remarks: "草稿待审" });
    // The procedure list is of controlled documents: the draft and the one in review are left out and counted (auditor16 F24).
    const list = await csrInProcess(["-C", dir, "list", "procedures", "--format", "md"], { lang: null });
    expect(list.stdout.split("\n").filter((line) => /^\| \d/.test(line) || line.startsWith("另有"))).toEqual([
      "| 1 | 文件控制程序 | QX/QP-001 | B/0 |  |  |  | 2023-03-01 | 综合部 |  |  |  |  |",
      "| 2 | 生产过程控制程序 | QX/QP-006 | A/0 |  |  |  | 2023-03-01 | 生产部 |  |  |  | 草稿待审 |",
      "另有 2 份文件尚未发布（草稿或审批中），不是受控文件，未列入。  ",
    ]);
    // The list of every status gives the states they came back in, in its 状态 and 备注.
    const all = await csrInProcess(["-C", dir, "list", "documents", "--status", "all", "--format", "json"], { lang: null });
    expect((JSON.parse(all.stdout) as { rows: Record<string, string>[] }).rows.filter((r) => /QP-00[25]$/.test(r.number!)).map((r) => [r.number, r.status, r.remarks])).toEqual([
      ["QX/QP-002", "草稿", ""],
      ["QX/QP-005", "审批中", "换版中"],
    ]);
  });

  it("记录表单一览表 without a department column: 保存部门 is each form's department, said once; it stays where the records are kept", async () => {
    const dir = gjbRepo();
    const imported = await csrInProcess(["-C", dir, "import", "记录表单一览表.csv", "--as", "forms"], { lang: null });
    expect(lines(imported.stdout)).toContain("清单没有归口部门或编制部门列：7 个文件的部门（department）取自“保存部门”；部门不同的，用 'csr set <编号> --department <部门>' 更正。");
    expect(imported.stdout).not.toContain("没有部门");
    expect(file(dir, "documents/QX_QR-006-01.yaml")).toMatchObject({ department: "QA", record: { retention: "产品寿命期+1年", location: "质量部" } });
    expect(file(dir, "documents/QX_QR-001-01.yaml")).toMatchObject({ department: "GEN", record: { location: "综合部" } });
    const { findings } = await checkJsonInProcess(dir);
    expect(findings.filter((f) => f.rule === "schema/missing-field")).toEqual([]);
  });

  it("a department column wins over 保存部门, and a 保存部门 qms.yaml does not know is only where the records are kept", async () => {
    const dir = gjbRepo();
    writeFileSync(join(dir, "forms.csv"), "表单编号,表单名称,版本,发布日期,归口部门,保存部门,保存期限\nQX/QR-001-01,文件发放回收记录,A/0,2023-03-01,质量部,综合部,长期\n");
    writeFileSync(join(dir, "records.csv"), "表单编号,表单名称,版本,发布日期,保存部门,保存期限\nQX/QR-002-01,质量记录清单,A/0,2023-03-01,档案室,长期\n");
    const both = await csrInProcess(["-C", dir, "import", "forms.csv", "--as", "forms"], { lang: null });
    expect(both.stdout).not.toContain("取自“保存部门”");
    expect(file(dir, "documents/QX_QR-001-01.yaml")).toMatchObject({ department: "QA", record: { location: "综合部" } });
    const unknown = await csrInProcess(["-C", dir, "import", "records.csv", "--as", "forms"], { lang: null });
    // Named as no department of qms.yaml, with the fix when it is one (tester76 M8).
    expect(lines(unknown.stdout)).toContain(
      "第 2 行：QX/QR-002-01 的“保存部门”'档案室' 不是 qms.yaml 中的部门：记为记录的存放处，文件中不写部门。如是部门，请用 'csr department add <代码> --name \"档案室\"' 添加，或在 qms.yaml 中把它写入现有部门的 aliases（原名、简称），然后重新导入；否则请在 documents/QX_QR-002-01.yaml 中填写 'department'（或用 --department CODE 导入）",
    );
    expect(file(dir, "documents/QX_QR-002-01.yaml").record).toEqual({ retention: "长期", location: "档案室" });
  });

  it("受控文件清单 with 实施日期 only: the revisions are dated by it and take effect on it, said once; 制订日期 of a record starting at B/0 is not that version's date", async () => {
    const dir = gjbRepo();
    const imported = await csrInProcess(["-C", dir, "import", "受控文件清单.csv", "--as", "documents", "--add-people"], { lang: null });
    expect(lines(imported.stdout)).toContain("4 个文件在清单中没有发布日期：所记版本的日期（revisions 的 date）取自“实施日期”；实际发布日期不同的，请在文件中修改。");
    expect(imported.stdout).not.toContain("没有生效日期");
    expect(file(dir, "documents/QX_WI-003.yaml")).toMatchObject({ effective: "2025-01-08", revisions: [{ version: "B/0", date: "2025-01-08", imported: true }] });
    const render = async (id: string) => {
      expect((await csrInProcess(["-C", dir, "render", id, "--format", "md", "--out", "out"], { lang: null })).code).toBe(0);
      return readFileSync(join(dir, "out", `${id.replace("/", "_")}.zh-CN.md`), "utf8").split("\n").find((l) => l.startsWith("| 制订日期"));
    };
    // The history starts at B/0: when A/0 was issued is on the paper record, not in the repository.
    expect(await render("QX/WI-003")).toBe("| 制订日期 | 早于 B/0，见原纸质记录 | 生效日期 | 2025-01-08 |  |  |");
    expect(await render("QX/WI-001")).toBe("| 制订日期 | 2023-03-01 | 生效日期 | 2023-03-01 |  |  |");
  });

  it("发布日期 and 实施日期 both given: the revision's date and the effective date; the 受控文件清单 prints both", async () => {
    const dir = gjbRepo();
    writeFileSync(
      join(dir, "list.csv"),
      "层级,文件编号,文件名称,归口部门,版本,发布日期,实施日期\n" + "二级,QX/QP-001,文件控制程序,综合部,B/0,2023-02-20,2023-03-01\n" + "二级,QX/QP-002,记录控制程序,综合部,B/0,2023-02-20,3/1/23\n",
    );
    const imported = await csrInProcess(["-C", dir, "import", "list.csv", "--as", "documents"], { lang: null });
    expect(lines(imported.stdout)).toContain("第 3 行：“实施日期”中的 '3/1/23' 不是 2021-05-05 这样的日期，请更正该单元格后重新导入（该行未导入）");
    expect(file(dir, "documents/QX_QP-001.yaml")).toMatchObject({ effective: "2023-03-01", revisions: [{ version: "B/0", date: "2023-02-20" }] });
    expect(existsSync(join(dir, "documents/QX_QP-002.yaml"))).toBe(false);
    // The corrected register goes in: the row refused before left nothing in its way.
    writeFileSync(join(dir, "list.csv"), readFileSync(join(dir, "list.csv"), "utf8").replace(",3/1/23", ","));
    expect(lines((await csrInProcess(["-C", dir, "import", "list.csv", "--as", "documents"], { lang: null })).stdout)).toContain("已写入 documents/QX_QP-002.yaml");
    expect(file(dir, "documents/QX_QP-002.yaml")).toMatchObject({ effective: "2023-02-20" });
    const list = await csrInProcess(["-C", dir, "list", "documents", "--format", "csv"], { lang: null });
    expect(list.stdout.split("\r\n").slice(0, 3)).toEqual([
      "\ufeff序号,层级,文件编号,文件名称,部门,版本/版次,编制,审核,批准,发布日期,生效日期,保存期限,条款,状态,备注",
      "1,二级,QX/QP-001,文件控制程序,综合部,B/0,,,,2023-02-20,2023-03-01,,,已发布,",
      // No effective date recorded: a document takes effect when issued.
      "2,二级,QX/QP-002,记录控制程序,综合部,B/0,,,,2023-02-20,2023-02-20,,,已发布,",
    ]);
  });

  it("in a repository whose layout prints 会签, 标准化审查 and 军代表: the hint names them, and the signature options record them on every released document", async () => {
    const dir = gjbRepo();
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + "document_layouts:\n  - { levels: [2], signatures: [prepared, reviewed, countersigned, standardization, approved, military_representative] }\n");
    writeFileSync(
      join(dir, "people.yaml"),
      "people:\n  - { id: zhang, name: 张三, department: GEN, roles: [author] }\n  - { id: li, name: 李四, department: QA, roles: [reviewer, standardization] }\n" +
        "  - { id: wang, name: 王五, department: GEN, roles: [approver] }\n  - { id: zhou, name: 周八, department: QA, roles: [] }\n",
    );
    writeFileSync(join(dir, "list.csv"), "序号,程序文件,文件编号,版本/版次,发布日期,归口部门,编制\n1,文件控制程序,QX/QP-001,B/0,2023-03-01,综合部,张三\n2,记录控制程序,QX/QP-002,,,综合部,\n");
    const hinted = await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures", "--dry-run"], { lang: null });
    expect(lines(hinted.stdout)).toEqual(
      expect.arrayContaining([
        "1 份导入的已发布文件没有审核、会签、标准化审查、批准、军代表签字（清单没有这些列）。请按纸质原件一次补记：csr sign QX/QP-001 --reviewed <人员> --countersigned <人员> --standardization <人员> --approved <人员> --military-representative <人员>。原件写有签字日期时加 --date <签字日期>；签字人或日期不同的文件分开补记。",
        "也可以在本次导入时记录：在命令后加 --reviewed <人员> --countersigned <人员> --standardization <人员> --approved <人员> --military-representative <人员>。",
      ]),
    );
    const sign = ["--prepared", "王五", "--reviewed", "李四", "--approved", "王五", "--countersigned", "李四,王五", "--standardization", "李四", "--military-representative", "周八", "--date", "2023-02-20"];
    expect(await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures", ...sign.slice(0, 4), "--approved", "王武"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --approved 王武：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。是否应为 'wang'（王五）？\n",
    });
    expect((await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures", ...sign], { lang: null })).stderr).toBe("csr: 王五（wang）不能批准自己编制的更改；须由另一位批准人签署（职责分离）。\n");
    // The register's own 编制 (张三, kept) weighs with the options, as csr sign weighs the signatures recorded: his 会签 is refused.
    expect(await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures", ...sign.slice(2, 6), "--countersigned", "张三", ...sign.slice(8)], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QX/QP-001（清单中的签字加上选项给出的签字）：张三（zhang）不能会签自己编制的更改；会签须由其他相关部门签署（职责分离）。请从 --countersigned 中去掉 张三，改为更改所涉及的其他部门的人员。\n",
    });
    expect(existsSync(join(dir, "documents/QX_QP-001.yaml"))).toBe(false);
    // A signer who had left by the signature's date is refused, as csr sign refuses them.
    const people = readFileSync(join(dir, "people.yaml"), "utf8");
    writeFileSync(join(dir, "people.yaml"), people.replace("roles: [] }", "roles: [], left: 2023-02-01 }"));
    expect((await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures", "--prepared", "张三", ...sign.slice(2)], { lang: null })).stderr).toBe(
      "csr: --military-representative 周八（zhou）已于 2023-02-01 离职，不能记为 2023-02-20 所做工作的人员。请改为指定在职人员（'csr list people'）；如离职日期有误，用 'csr person update zhou --left <日期>' 更正。\n",
    );
    writeFileSync(join(dir, "people.yaml"), people);
    const imported = await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures", "--prepared", "张三", ...sign.slice(2)], { lang: null });
    expect(lines(imported.stdout)).toEqual(
      expect.arrayContaining([
        "已为导入的 1 份已发布文件记录签字：编制 张三（zhang）2023-02-20、审核 李四（li）2023-02-20、会签 李四（li）2023-02-20、会签 王五（wang）2023-02-20、标准化审查 李四（li）2023-02-20、批准 王五（wang）2023-02-20、军代表 周八（zhou）2023-02-20。",
        "其中 1 份保留清单中已有的签字，选项不替换：QX/QP-001（编制）。",
      ]),
    );
    expect(imported.stdout).not.toContain("csr sign");
    expect(file(dir, "documents/QX_QP-001.yaml").revisions).toEqual([
      {
        version: "B/0",
        date: "2023-03-01",
        imported: true,
        prepared: { by: "zhang" },
        reviewed: { by: "li", date: "2023-02-20" },
        countersigned: [{ by: "li", date: "2023-02-20" }, { by: "wang", date: "2023-02-20" }],
        standardization: { by: "li", date: "2023-02-20" },
        approved: { by: "wang", date: "2023-02-20" },
        military_representative: { by: "zhou", date: "2023-02-20" },
      },
    ]);
    // A draft is signed when it is released.
    expect(file(dir, "documents/QX_QP-002.yaml")).not.toHaveProperty("revisions");
  });

  it("says when a signer given joined after the date of a version signed, and when the signatures have no date: true to the paper original (tester76 M11)", async () => {
    const dir = gjbRepo();
    writeFileSync(
      join(dir, "people.yaml"),
      "people:\n  - { id: sunmin, name: 孙敏, department: GEN, roles: [author, document-controller], joined: 2026-12-01 }\n" +
        "  - { id: li, name: 李四, department: QA, roles: [reviewer] }\n  - { id: wang, name: 王五, department: GEN, roles: [approver] }\n",
    );
    writeFileSync(join(dir, "list.csv"), "序号,程序文件,文件编号,版本/版次,发布日期,归口部门\n1,文件控制程序,QX/QP-001,A/0,2019-03-01,综合部\n2,记录控制程序,QX/QP-002,A/1,2024-05-10,综合部\n");
    const imported = await csrInProcess(["-C", dir, "import", "list.csv", "--as", "procedures", "--prepared", "sunmin", "--reviewed", "li", "--approved", "wang"], { lang: null });
    expect(imported.code).toBe(0);
    expect(lines(imported.stdout)).toEqual(
      expect.arrayContaining([
        "已为导入的 2 份已发布文件记录签字：编制 孙敏（sunmin）、审核 李四（li）、批准 王五（wang）。",
        "注意：--prepared 孙敏（sunmin）于 2026-12-01 入职，晚于 2 个版本的日期：QX/QP-001 A/0（2019-03-01）、QX/QP-002 A/1（2024-05-10）。签字应与纸质原件一致（IATF 16949 7.5.3、GJB 9001C 7.5.2）：这些版本按原件的签字人记录（不在 people.yaml 的先 csr person add，已离职的再 csr person update --left），或用 csr person update <编号> --from <日期> 更正入职日期。",
        "注意：编制、审核、批准签字未写日期（未给出 --date），2 份文件的修订记录中该签字没有日期：签字应与纸质原件一致，原件有日期时用 csr sign <编号> --date <日期> 补记。",
      ]),
    );
    expect(file(dir, "documents/QX_QP-001.yaml").revisions).toEqual([{ version: "A/0", date: "2019-03-01", imported: true, prepared: { by: "sunmin" }, reviewed: { by: "li" }, approved: { by: "wang" } }]);
    // Dated and by people at work then, nothing is said.
    const dated = gjbRepo();
    writeFileSync(join(dated, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8").replace(", joined: 2026-12-01", ""));
    writeFileSync(join(dated, "list.csv"), readFileSync(join(dir, "list.csv"), "utf8"));
    const clean = await csrInProcess(["-C", dated, "import", "list.csv", "--as", "procedures", "--prepared", "sunmin", "--reviewed", "li", "--approved", "wang", "--date", "2019-03-01", "--dry-run"], { lang: null });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("将为 2 份已发布文件记录签字：编制 孙敏（sunmin）2019-03-01、审核 李四（li）2019-03-01、批准 王五（wang）2019-03-01。");
    expect(clean.stdout).not.toContain("入职");
    expect(clean.stdout).not.toContain("未写日期");
  });

  it("--as record or records: refused, suggesting forms (a register of records is imported as its forms)", async () => {
    const dir = gjbRepo();
    for (const as of ["record", "records", "记录"]) {
      expect(await csrInProcess(["-C", dir, "import", "记录表单一览表.csv", "--as", as], { lang: null })).toEqual({
        code: 2,
        stdout: "",
        stderr: `csr: --as 必须是 procedures、instructions、forms、documents、external、csr、symbols、distribution 之一；实际为 '${as}'。是否应为 'forms'？\n`,
      });
    }
    expect((await csrInProcess(["-C", dir, "import", "记录表单一览表.csv", "--as", "records"])).stderr).toBe(
      "csr: --as must be one of procedures, instructions, forms, documents, external, csr, symbols, distribution; got 'records'. Did you mean 'forms'?\n",
    );
  });
});

describe("a printed register's page", () => {
  const table = (values: string[]): Table => ({
    title: "程序文件一览表",
    sheet: "程序文件一览表",
    columns: values.map((_, i) => ({ key: `c${i}`, header: `列${i}` })),
    rows: [Object.fromEntries(values.map((v, i) => [`c${i}`, v]))],
  });

  it("is landscape with more than eight columns, or with columns wider than a portrait page holds", () => {
    expect(tableView(table(["1", "文件控制程序", "QX/QP-001"])).wide).toBe(false);
    expect(tableView(table(Array.from({ length: 9 }, () => "1"))).wide).toBe(true);
    // Seven columns, one of them a list of forms: portrait would wrap the titles a few characters a line.
    expect(tableView(table(["1", "产品标识和可追溯性控制程序", "QX/QP-007", "生产部", "8.5.2/8.5.4", "", "QX/QR-008-02 不合格品审理单（含军代表意见栏）"])).wide).toBe(true);
  });
});
