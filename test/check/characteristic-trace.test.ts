/**
 * A special characteristic traced through the PFMEA, the control plan and the work instruction (IATF 16949 8.3.3.3;
 * tester77 E3, E8): symbol/characteristic-untraced, doc/ecn-out-of-order and doc/role-missing on one product's
 * documents as tester77 wrote them, with the gaps he could make: a ★ in the control plan the PFMEA lacks, a ☆ in
 * the PFMEA the control plan lacks, an operation no work instruction names, a ☆ in the instruction no control plan
 * has, a control plan released before its PFMEA; the documents are one product's by the change notice they share. Then csr set --role and csr show as a user runs them.
 */
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyRepository, csr, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const RULES = new Set(["symbol/characteristic-untraced", "doc/ecn-out-of-order", "doc/role-missing"]);

/** A released document's revision record: A/0 on 2026-03-02, A/1 on `day` carrying DYA-ECN-2026-201. */
function revisions(day: string): string[] {
  return [
    "revisions:",
    "  - version: A/0",
    "    date: 2026-03-02",
    "    summary: 首次发布",
    "    prepared: { by: zhang, date: 2026-02-20 }",
    "    reviewed: { by: li, date: 2026-02-25 }",
    "    approved: { by: wang, date: 2026-02-26 }",
    "  - version: A/1",
    `    date: ${day}`,
    "    summary: OP30拧紧扭矩标注★",
    "    ecn: [DYA-ECN-2026-201]",
    `    prepared: { by: zhang, date: ${day} }`,
    `    reviewed: { by: li, date: ${day} }`,
    `    approved: { by: wang, date: ${day} }`,
  ];
}

function form(id: string, title: string, role: string | undefined, day: string, table: string[]): string {
  return [
    `id: ${id}`,
    `title: ${title}`,
    "level: 4",
    "kind: form",
    "department: QA",
    ...(role ? [`role: ${role}`] : []),
    "status: released",
    ...revisions(day),
    "sections:",
    "  - title: 表格",
    "    text: |",
    ...table.map((line) => `      ${line}`),
    "",
  ].join("\n");
}

const build = builtOnce(() =>
  gitInit(
    minimalRepo({
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\n",
      "symbols.yaml": ["symbols:", "  - {customer: DYA, customer_symbol: ▽, customer_class: CC, symbol: ★, class: 关键}", "  - {customer: DYA, customer_symbol: ◇, customer_class: SC, symbol: ☆, class: 重要}", ""].join("\n"),
      // tester77's PFMEA row, and a ☆ at OP40 that the control plan does not carry.
      "documents/QR-007-03.yaml": form("QR-007-03", "D1制动软管总成过程FMEA（PFMEA）", "pfmea", "2026-12-07", [
        "| 工序 | 过程功能/要求 | 失效模式 | 失效影响 | S | 失效起因 | 预防控制 | O | 探测控制 | D | AP | 特殊特性 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        "| OP30 | 接头螺母拧紧 25±2 N·m | 扭矩不足/过大 | 制动液渗漏，制动失效 | 10 | 气动扳手扭矩漂移；漏拧 | 电动定扭扳手 | 2 | 扭矩监控100% | 2 | H | ★（东岳▽CC） |",
        "| OP40 | 气密检测 | 泄漏 | 制动液渗漏 | 8 | 密封圈漏装 | 防错 | 3 | 100%气密 | 2 | M | ☆ |",
      ]),
      // tester77's control plan rows, released two days before the PFMEA of the same ECN.
      "documents/QR-010-01.yaml": form("QR-010-01", "D1制动软管总成控制计划", "control-plan", "2026-12-05", [
        "| 工序号 | 工序名称 | 设备/工装 | 特性 | 特殊特性 | 规格/公差 | 测量技术 | 容量/频率 | 控制方法 | 反应计划 |",
        "|---|---|---|---|---|---|---|---|---|---|",
        "| OP20 | 扣压 | 扣压机 KY-02 | 扣压外径 | ★ | 图纸 | 千分尺 | 5件/2h | SPC | 停机隔离 |",
        "| OP30 | 接头拧紧 | 电动定扭扳手 ET-30 | 拧紧扭矩 | ★ | 25±2 N·m | 控制器扭矩监控 | 100% | 防错 | 停机、100%复测 |",
      ]),
      // A second product's control plan, a draft without a role: its title says what it is.
      "documents/QR-010-02.yaml": ["id: QR-010-02", "title: D2制动软管总成控制计划", "level: 4", "kind: form", "department: QA", "status: draft", "sections:", "  - title: 表格", "    text: 无", ""].join("\n"),
      "documents/WI-010-03.yaml": [
        "id: WI-010-03",
        "title: 制动软管总成接头拧紧作业指导书",
        "level: 3",
        "kind: instruction",
        "department: QA",
        "stations: [OP30]",
        "status: released",
        ...revisions("2026-12-07"),
        "sections:",
        "  - title: 作业内容",
        "    text: |",
        "      1. 将软管总成放入定位夹具 FX-30-02；",
        "      2. 用电动定扭扳手 ET-30 拧紧接头螺母至 **25±2 N·m ★**（东岳▽CC）；",
        "      3. 转 OP50 前目视检查接头外观☆。",
        "",
      ].join("\n"),
    }),
  ),
);

describe("a special characteristic is traced through the PFMEA, the control plan and the work instruction", () => {
  it("reports each gap at its table row or line, with the fix", async () => {
    const { findings } = await checkJsonInProcess(await build(), "--today", "2026-12-08");
    expect(findings.filter((f) => RULES.has(f.rule)).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      "documents/QR-007-03.yaml:28:7 warning symbol/characteristic-untraced QR-007-03 section 1, line 4: OP40 泄漏 is marked ☆, but no released work instruction of the same product covers OP40 (names it in its stations or text; compared: WI-010-03, tied to QR-007-03 by related, forms or an ECN), so the operator is not told of it. Name the station of its instruction with 'csr set <instruction> --station OP40', or write and release one for OP40.",
      "documents/QR-007-03.yaml:28:7 warning symbol/characteristic-untraced QR-007-03 section 1, line 4: OP40 泄漏 is marked ☆, but the control plan of the same product (QR-010-01) marks no characteristic ☆ at OP40. Mark it there and release a new revision, or correct this row if its mark is wrong.",
      "documents/QR-010-01.yaml:16:11 warning doc/ecn-out-of-order Control plan QR-010-01 A/1 was released on 2026-12-05, 2 days before PFMEA QR-007-03 A/1 (2026-12-07) of the same change DYA-ECN-2026-201, which it follows from. Check QR-010-01 against QR-007-03 A/1 and release a new revision if they differ; release the PFMEA first, then the control plan, then the work instructions.",
      "documents/QR-010-01.yaml:27:7 warning symbol/characteristic-untraced QR-010-01 section 1, line 3: OP20 扣压外径 is marked ★, but no released work instruction of the same product covers OP20 (names it in its stations or text; compared: WI-010-03, tied to QR-010-01 by related, forms or an ECN), so the operator is not told of it. Name the station of its instruction with 'csr set <instruction> --station OP20', or write and release one for OP20.",
      "documents/QR-010-01.yaml:27:7 warning symbol/characteristic-untraced QR-010-01 section 1, line 3: OP20 扣压外径 is marked ★, but the PFMEA of the same product (QR-007-03) marks no characteristic ★ at OP20. Mark it there and release a new revision, or correct this row if its mark is wrong.",
      "documents/QR-010-02.yaml:2:8 warning doc/role-missing QR-010-02 'D2制动软管总成控制计划' reads as a control plan but has no role, so the special characteristics of its tables are not traced. Give it its role: csr set QR-010-02 --role control-plan.",
      "documents/WI-010-03.yaml:27:7 warning symbol/characteristic-untraced WI-010-03 section 1, line 3 marks ☆ at OP50, but its product's control plan (QR-010-01) marks no characteristic ☆ at OP50. Add it to the control plan and release a new revision, or revise the instruction if the mark is wrong.",
    ]);
  });

  it("csr set --role gives a form its role (register data, committed) and csr show traces each special characteristic", async () => {
    const dir = copyRepository(await build());
    const set = csr(["-C", dir, "set", "QR-010-02", "--role", "control-plan", "--commit"], { lang: "zh-CN" });
    // The commit's hash depends on the day it is made.
    expect({ ...set, stdout: set.stdout.replace(/已提交 [0-9a-f]{7}/, "已提交 <sha>") }).toEqual({
      code: 0,
      stdout: "已修改 QR-010-02 D2制动软管总成控制计划（documents/QR-010-02.yaml）：\n  文件作用：控制计划（原为 无）\n已提交 <sha>：csr set QR-010-02：文件作用 控制计划（原为 无）\n",
      stderr: "",
    });
    expect(git(dir, ["show", "HEAD", "--format=", "--", "documents/QR-010-02.yaml"])).toContain("\n+role: control-plan\n");
    const wrong = csr(["-C", dir, "set", "QR-010-02", "--role", "fmea"], { lang: "en" });
    expect(wrong).toEqual({ code: 2, stdout: "", stderr: "csr: --role 'fmea': only pfmea (a process FMEA), control-plan (a control plan), process-flow (a process flow chart), characteristic-classification (a 特性分类表, GJB 190) or \"\" (none).\n" });
    const show = await csrInProcess(["-C", dir, "show", "QR-010-01", "--today", "2026-12-08"], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => /文件作用|特性追溯|^ {18}OP/.test(l))).toEqual([
      "  文件作用        控制计划",
      "  特性追溯        OP20 扣压外径 ★（第 1 节第 3 行）— PFMEA：QR-007-03 未标识；作业指导书：没有覆盖 OP20 的",
      "                  OP30 拧紧扭矩 ★（第 1 节第 4 行）— PFMEA：QR-007-03；作业指导书：WI-010-03",
    ]);
    const pfmea = await csrInProcess(["-C", dir, "show", "QR-007-03", "--today", "2026-12-08", "--format", "json"], { lang: "en" });
    const card = JSON.parse(pfmea.stdout) as { specialCharacteristics: { op: string; marks: string[]; s?: number; ap?: string; trace: unknown }[] };
    expect(card.specialCharacteristics.map(({ op, marks, s, ap, trace }) => ({ op, marks, s, ap, trace }))).toEqual([
      { op: "OP30", marks: ["★"], s: 10, ap: "H", trace: { paired: ["QR-010-01"], carried: ["QR-010-01"], instructions: ["WI-010-03"], covering: ["WI-010-03"], marking: ["WI-010-03"], untied: [] } },
      { op: "OP40", marks: ["☆"], s: 8, ap: "M", trace: { paired: ["QR-010-01"], carried: [], instructions: ["WI-010-03"], covering: [], marking: [], untied: [] } },
    ]);
  });
});
