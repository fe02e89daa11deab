/**
 * A GJB 9001C supplier's own 关键/重要 marks, its 关键工序 with certified operators, and its 关键件、重要件项目明细表 (tester81 J8,
 * J13; G8). `csr symbol add` without --customer adds one of the organisation's own marks (symbols.yaml `own`, GJB 190);
 * `csr set --key-operation` marks a document's operations 关键工序 (GJB 9001C-2017 8.5.1 关键过程), which person/key-operation-
 * uncertified holds to certified operators (持证上岗), `csr show`, `csr render` and `csr list skills` show; `csr list key-parts`
 * compiles the 关键件、重要件项目明细表 (GJB 909A) from the released 特性分类表 (role characteristic-classification). gjb-demo
 * (own marks G and Z, CS/QR-009-02 特性分类表, 关键工序 OP40 of CS/WI-003 with two certified operators) in temporary
 * copies; the story's day is 2026-12-04.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-04"], { lang: null });
const demo = builtOnce(() => gitInit(copyFixture("examples/gjb-demo")));
const findings = (stdout: string) => stdout.split("\n").filter((l) => /^\S[^:]*:\d+:\d+ (error|warning) /.test(l));

const KEY_PARTS = [
  "关键件、重要件项目明细表（共 3 项）",
  "",
  "序号  零件名称       图号         类别    关键特性                                                       重要特性                       形成特性的工序                    特性分类表",
  "----  -------------  -----------  ------  -------------------------------------------------------------  -----------------------------  --------------------------------  ------------",
  "1     XX-3 电源模块  CS3.012.001  关键件  灌封层无气泡、无裂纹（G）、绝缘电阻 ≥ 100 MΩ（500 V DC）（G）  输出电压 28 V ± 0.5 V（Z）     OP40 灌封（关键工序）、OP50 调试  CS/QR-009-02",
  "2     功率变压器 T1  CS5.720.013  重要件                                                                 初级电感量 1.2 mH ± 5%（Z）    OP20 绕制                         CS/QR-009-02",
  "3     印制板组件 A1  CS4.114.006  重要件                                                                 焊点质量（无虚焊、桥连）（Z）  OP30 焊接                         CS/QR-009-02",
  "",
  "共 3 项：关键件 1 项，重要件 2 项；按已发布的特性分类表（GJB 190）编制，关键/重要特性按 symbols.yaml 中符号的类别判定（GJB 909A；GJB 9001C-2017 8.3.5、8.5.1）。",
];

describe("csr symbol add without --customer: the organisation's own marks (G8)", () => {
  it("writes symbols.yaml `own` (creating the file), refuses a mark it has, and lists the marks first as 本单位 (the binary)", async () => {
    const dir = copyFixture("examples/gjb-demo");
    rmSync(join(dir, "symbols.yaml"));
    expect(csr(["-C", dir, "symbol", "add", "--symbol", "G", "--class", "关键", "--meaning", "关键特性"], { lang: null })).toEqual({
      code: 0,
      stdout: "已在 symbols.yaml 中新增本单位特性符号：G（关键：关键特性），不属于任何顾客，无须顾客认可。\n",
      stderr: "",
    });
    expect(await zh(dir, "symbol", "add", "--symbol", "G", "--class", "重要")).toEqual({ code: 2, stdout: "", stderr: "csr: symbols.yaml 已有本单位特性符号 G（关键）。\n" });
    expect((await zh(dir, "symbol", "add", "--symbol", "Z", "--class", "重要", "--class-en", "Major")).code).toBe(0);
    expect(readFileSync(join(dir, "symbols.yaml"), "utf8")).toBe("own:\n  - symbol: G\n    class: 关键\n    meaning: 关键特性\n  - symbol: Z\n    class: 重要\n    class_en: Major\n");
    const listed = await csrInProcess(["-C", dir, "list", "symbols", "--format", "csv"], { lang: null });
    expect(listed.stdout.replace(/\r\n/g, "\n")).toBe(
      "\uFEFF序号,顾客,顾客符号,顾客分类,含义,本公司符号,本公司分类,顾客认可,备注\n1,本单位,,,关键特性,G,关键,,本单位特性符号，不属于任何顾客，无须顾客认可\n2,本单位,,,,Z,重要,,本单位特性符号，不属于任何顾客，无须顾客认可\n",
    );
    // A customer's conversion row goes into the same file, beside the own marks.
    expect((await zh(dir, "symbol", "add", "--customer", "NES", "--customer-symbol", "▲", "--customer-class", "关键特性", "--symbol", "G", "--class", "关键")).code).toBe(0);
    expect(readFileSync(join(dir, "symbols.yaml"), "utf8")).toContain("    class_en: Major\nsymbols:\n  - customer: NES\n    customer_symbol: ▲\n");
  });

  it("reads an own mark as ours: a ★ of `own` in a work instruction is known to symbol/unknown-symbol and explained in its 符号说明", async () => {
    const dir = copyFixture("examples/gjb-demo");
    const path = join(dir, "documents", "instructions", "CS_WI-004.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("湿度指示卡，", "湿度指示卡（封口真空度 ★），"));
    expect(findings((await zh(dir, "check")).stdout).filter((l) => l.includes("symbol/"))).toEqual([
      expect.stringMatching(/^documents\/instructions\/CS_WI-004\.yaml:\d+:\d+ (error|warning) symbol\/unknown-symbol /),
    ]);
    expect((await zh(dir, "symbol", "add", "--symbol", "★", "--class", "关键", "--meaning", "关键特性")).code).toBe(0);
    expect(findings((await zh(dir, "check")).stdout).filter((l) => l.includes("symbol/"))).toEqual([]);
    expect((await zh(dir, "render", "CS/WI-004", "--format", "md", "--out", join(dir, "out.md"))).code).toBe(0);
    expect(readFileSync(join(dir, "out.md"), "utf8")).toMatch(/\| ★ \| 关键 \| 关键特性 \|/);
  });
});

describe("关键工序 (J8): csr set --key-operation and person/key-operation-uncertified", () => {
  it("marks an operation 关键工序 as register data, and reports at the line the operator without a certification and the 关键工序 nobody is certified at (the binary)", async () => {
    const dir = copyFixture("examples/gjb-demo");
    gitInit(dir);
    expect(csr(["-C", dir, "set", "CS/WI-004", "--key-operation", "OP60"], { lang: null })).toEqual({
      code: 0,
      stdout:
        "已修改 CS/WI-004 产品包装、贮存作业指导书（documents/instructions/CS_WI-004.yaml）：\n  关键工序：增加 OP60\n这些是 CS/WI-004 的登记数据，不属于文件内容，不需要发布新版本。\n已写入 documents/instructions/CS_WI-004.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect((await zh(dir, "person", "update", "liq", "--station", "OP40,OP60")).code).toBe(0);
    const checked = csr(["-C", dir, "check", "--today", "2026-12-04"], { lang: null });
    expect(checked.code).toBe(1);
    expect(findings(checked.stdout).filter((l) => l.includes("key-operation"))).toEqual([
      "documents/instructions/CS_WI-004.yaml:8:18 error person/key-operation-uncertified CS/WI-004 把 OP60 标为关键工序，但 2026-12-04 没有在职人员在此工位具有 III 级或 IV 级资格：关键工序须由持证人员操作（GJB 9001C 8.5.1）。用 'csr qualify <人员> --station OP60 --level III --date <日期> --by <评定人> --evidence <证书编号>' 登记操作者的资格，并用 'csr person update <人员> --station OP60' 写明其工位。",
      "people.yaml:89:22 error person/key-operation-uncertified 李强（liq）在关键工序 OP60（CS/WI-004 标为关键工序）工作，但在此工位没有技能等级：关键工序的操作者须持证上岗（III 级或 IV 级；GJB 9001C 8.5.1）。评定合格后用 'csr qualify liq --station OP60 --level III --date <日期> --by <评定人> --evidence <证书编号>' 登记；在此之前用 'csr person update liq --station …' 从其工位中去掉此工位。",
    ]);
    // Not reported twice: person/station-unqualified leaves a 关键工序 to the stricter rule.
    expect(findings(checked.stdout).filter((l) => l.includes("station-unqualified"))).toEqual([]);
    // A level II is in training: at a 关键工序 it is an error too.
    expect((await zh(dir, "qualify", "liq", "--station", "OP60", "--level", "II", "--date", "2026-12-01", "--by", "hejun")).code).toBe(0);
    expect(findings((await zh(dir, "check")).stdout).filter((l) => l.includes("key-operation"))).toEqual([
      "documents/instructions/CS_WI-004.yaml:8:18 error person/key-operation-uncertified CS/WI-004 把 OP60 标为关键工序，但 2026-12-04 没有在职人员在此工位具有 III 级或 IV 级资格：关键工序须由持证人员操作（GJB 9001C 8.5.1）。用 'csr qualify <人员> --station OP60 --level III --date <日期> --by <评定人> --evidence <证书编号>' 登记操作者的资格，并用 'csr person update <人员> --station OP60' 写明其工位。",
      "people.yaml:89:22 error person/key-operation-uncertified 李强（liq）在关键工序 OP60（CS/WI-004 标为关键工序）工作，但在此工位只有 II 级（在指导下操作）：关键工序的操作者须持证上岗（III 级或 IV 级；GJB 9001C 8.5.1）。评定合格后用 'csr qualify liq --station OP60 --level III --date <日期> --by <评定人> --evidence <证书编号>' 登记；在此之前用 'csr person update liq --station …' 从其工位中去掉此工位。",
    ]);
    expect((await zh(dir, "qualify", "liq", "--station", "OP60", "--level", "III", "--date", "2026-12-03", "--by", "hejun", "--evidence", "SG-2026-031")).code).toBe(0);
    expect(findings((await zh(dir, "check")).stdout).filter((l) => l.includes("key-operation"))).toEqual([]);
  });

  it("shows each 关键工序 with its certified operators on the card, in the rendered header and under the skills matrix", async () => {
    const dir = await demo();
    expect((await zh(dir, "show", "CS/WI-003")).stdout).toContain("\n  过程            C3 生产和服务提供\n  关键工序        OP40  持证操作者：张秀英、李强\n");
    const skills = await zh(dir, "list", "skills");
    expect(skills.stdout).toContain("\n关键工序（操作者须持证上岗，III 级及以上；GJB 9001C-2017 8.5.1）：OP40（CS/WI-003）。\n");
    const en = await csrInProcess(["-C", dir, "show", "CS/WI-003", "--today", "2026-12-04", "--lang", "en"], { lang: null });
    expect(en.stdout).toContain("Key operations (关键工序)");
  });

  it("refuses an operation that is no station code", async () => {
    const dir = await demo();
    const refused = await zh(dir, "set", "CS/WI-003", "--key-operation", "灌封");
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
  });
});

describe("csr list key-parts: 关键件、重要件项目明细表 (J13)", () => {
  it("is compiled from the released 特性分类表: parts, drawings, 关键/重要 characteristics and the operations producing them (the binary)", async () => {
    const dir = await demo();
    expect(csr(["-C", dir, "list", "key-parts", "--today", "2026-12-04"], { lang: null })).toEqual({ code: 0, stdout: `${KEY_PARTS.join("\n")}\n`, stderr: "" });
  });

  it("reads back as csv and json with the same rows", async () => {
    const dir = await demo();
    expect((await zh(dir, "list", "key-parts", "--format", "csv")).stdout.replace(/\r\n/g, "\n")).toBe(
      "\uFEFF序号,零件名称,图号,类别,关键特性,重要特性,形成特性的工序,特性分类表\n1,XX-3 电源模块,CS3.012.001,关键件,灌封层无气泡、无裂纹（G）、绝缘电阻 ≥ 100 MΩ（500 V DC）（G）,输出电压 28 V ± 0.5 V（Z）,OP40 灌封（关键工序）、OP50 调试,CS/QR-009-02\n2,功率变压器 T1,CS5.720.013,重要件,,初级电感量 1.2 mH ± 5%（Z）,OP20 绕制,CS/QR-009-02\n3,印制板组件 A1,CS4.114.006,重要件,,焊点质量（无虚焊、桥连）（Z）,OP30 焊接,CS/QR-009-02\n",
    );
    const json = JSON.parse((await zh(dir, "list", "key-parts", "--format", "json")).stdout) as { rows: Record<string, unknown>[] };
    expect(json.rows.map((r) => [r.part, r.drawing, r.grade])).toEqual([
      ["XX-3 电源模块", "CS3.012.001", "关键件"],
      ["功率变压器 T1", "CS5.720.013", "重要件"],
      ["印制板组件 A1", "CS4.114.006", "重要件"],
    ]);
  });

  it("names an operation producing a 关键特性 that no document marks 关键工序, with the command", async () => {
    const dir = copyFixture("examples/gjb-demo");
    expect((await zh(dir, "set", "CS/WI-003", "--key-operation", "")).code).toBe(0);
    const listed = (await zh(dir, "list", "key-parts")).stdout.split("\n");
    expect(listed[4]).toContain("OP40 灌封、OP50 调试");
    expect(listed.slice(-3)).toEqual([
      "共 3 项：关键件 1 项，重要件 2 项；按已发布的特性分类表（GJB 190）编制，关键/重要特性按 symbols.yaml 中符号的类别判定（GJB 909A；GJB 9001C-2017 8.3.5、8.5.1）。",
      "OP40 灌封 形成关键特性，但没有已发布的文件把它标为关键工序（GJB 9001C-2017 8.5.1 关键过程）：用 'csr set <工艺文件> --key-operation OP40' 标注，其操作者须持证上岗。",
      "",
    ]);
  });

  it("says how to make one where no document is a 特性分类表", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", dir, "list", "key-parts", "--today", "2026-12-04"], { lang: null })).stdout).toBe(
      "关键件、重要件项目明细表（共 0 项）\n\n序号  零件名称  图号  类别  关键特性  重要特性  形成特性的工序  特性分类表\n----  --------  ----  ----  --------  --------  --------------  ----------\n\n没有已发布的特性分类表：把列出零件名称、图号、特性和特性分类（关键/重要特性符号）的表单设为特性分类表（csr set <表单> --role characteristic-classification），本表即按其编制。\n",
    );
  });

  it("has a page of csr site with its downloads, and a sheet of csr export", async () => {
    const dir = await demo();
    const out = join(dir, "..", `site-${Date.now()}`);
    expect((await zh(dir, "site", "--out", out)).code).toBe(0);
    const page = readFileSync(join(out, "registers", "key-parts.html"), "utf8");
    expect(page).toContain("关键件、重要件项目明细表（共 3 项）");
    expect(page).toContain("CS3.012.001");
    const exported = join(dir, "..", `export-${Date.now()}.xlsx`);
    expect((await zh(dir, "export", "--out", exported)).code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    expect(book.worksheets.map((s) => s.name)).toContain("关键件重要件项目明细表");
  });
});
