/**
 * The characteristic rows of a PFMEA or control plan, read from the Markdown tables users already write
 * (model/characteristics.ts): tester77's control plan and PFMEA rows as he wrote them (E3), an English AIAG
 * layout with merged operation cells and bracketed rating headers, and the tables that are not read.
 */
import { describe, expect, it } from "vitest";
import { characteristicRows, marksIn, opKey, opsNamed, ratingProblems, tableCharacteristics } from "../../src/model/characteristics.js";

const OURS = ["★", "☆", "◆"];

/** tester77's QR-010-01 A/1 section 1 (控制计划（生产）), as written. */
const CONTROL_PLAN = [
  "| 工序号 | 工序名称 | 设备/工装 | 特性 | 特殊特性 | 规格/公差 | 测量技术 | 容量/频率 | 控制方法 | 反应计划 |",
  "|---|---|---|---|---|---|---|---|---|---|",
  "| OP20 | 扣压 | 扣压机 KY-02 | 扣压外径 | ★ | 图纸 | 千分尺 | 5件/2h | SPC | 停机隔离 |",
  "| OP30 | 接头拧紧 | 电动定扭扳手 ET-30；定位夹具 FX-30-02；防错：拧紧计数 EP-30-01 | 拧紧扭矩 | ★ | 25±2 N·m | 控制器扭矩监控 | 100% | 防错（未完成不放行）+每班标准样件验证 | 停机、隔离上次验证以来产品、100%复测 |",
  "",
].join("\n");

/** tester77's QR-007-03 A/1 section 1 (PFMEA（OP30 接头拧紧）), as written: the mark with the customer's beside it. */
const PFMEA = [
  "| 工序 | 过程功能/要求 | 失效模式 | 失效影响 | S | 失效起因 | 预防控制 | O | 探测控制 | D | AP | 特殊特性 |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
  "| OP30 | 接头螺母拧紧 25±2 N·m | 扭矩不足/过大 | 制动液渗漏，制动失效 | 10 | 气动扳手扭矩漂移；漏拧 | 电动定扭扳手（控制器记录）；新夹具FX-30-02定位 | 2 | 扭矩监控100%+拧紧计数防错（未完成不放行），每班标准样件验证 | 2 | H | ★（东岳▽CC） |",
  "",
].join("\n");

describe("tableCharacteristics reads the rows of the tables users write", () => {
  it("reads tester77's control plan: operation, name, characteristic, our mark and the reaction plan, at the row's line", () => {
    expect(tableCharacteristics(CONTROL_PLAN, OURS)).toEqual([
      { line: 3, text: CONTROL_PLAN.split("\n")[2], op: "OP20", opName: "扣压", characteristic: "扣压外径", marks: ["★"], reaction: "停机隔离" },
      { line: 4, text: CONTROL_PLAN.split("\n")[3], op: "OP30", opName: "接头拧紧", characteristic: "拧紧扭矩", marks: ["★"], reaction: "停机、隔离上次验证以来产品、100%复测" },
    ]);
  });

  it("reads tester77's PFMEA: the failure mode as the characteristic, S/O/D and AP, our ★ and not DYA's ▽", () => {
    expect(tableCharacteristics(PFMEA, OURS)).toEqual([{ line: 3, text: PFMEA.split("\n")[2], op: "OP30", characteristic: "扭矩不足/过大", marks: ["★"], s: 10, o: 2, d: 2, ap: "H" }]);
  });

  it("reads an English layout: product and process characteristics joined, a merged operation cell continued, bracketed headers, the first S/O/D/AP", () => {
    const text = [
      "Intro line.",
      "",
      "| Op No. | Process Name | Product Characteristic | Process Characteristic | Special Char. | Severity (S) | Occurrence (O) | Detection (D) | Action Priority | S | O | D | AP |",
      "| :-- | --- | --- | --- | :-: | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 10 | Crimp | Crimp OD | Crimp pressure | ☆ | 7 | 4 | 5 | M | 7 | 2 | 5 | L |",
      "|  |  | Crimp length |  |  | ５ | 11 | x | low |  |  |  |  |",
      "| OP-020 | Assembly \\| torque | Torque |  | SC | 9 | 3 | 3 | High |  |  |  |  |",
    ].join("\n");
    expect(tableCharacteristics(text, [...OURS, "SC"])).toEqual([
      { line: 5, text: text.split("\n")[4], op: "OP10", opName: "Crimp", characteristic: "Crimp OD / Crimp pressure", marks: ["☆"], s: 7, o: 4, d: 5, ap: "M" },
      // The operation and its name continue from the row above; ５ is a rating (NFKC), 11 and x are not, "low" is L.
      { line: 6, text: text.split("\n")[5], op: "OP10", opName: "Crimp", characteristic: "Crimp length", marks: [], s: 5, ap: "L" },
      { line: 7, text: text.split("\n")[6], op: "OP20", opName: "Assembly | torque", characteristic: "Torque", marks: ["SC"], s: 9, o: 3, d: 3, ap: "H" },
    ]);
  });

  it("leaves alone tables without an operation or without a characteristic column, and tables in a code fence", () => {
    const text = [
      "| 特性 | 特殊特性 |",
      "|---|---|",
      "| 扣压外径 | ★ |",
      "",
      "| 工序号 | 设备 |",
      "|---|---|",
      "| OP20 | 扣压机 |",
      "",
      "```",
      "| 工序号 | 特性 | 特殊特性 |",
      "|---|---|---|",
      "| OP20 | 扣压外径 | ★ |",
      "```",
    ].join("\n");
    expect(tableCharacteristics(text, OURS)).toEqual([]);
  });

  it("characteristicRows gives each row its section's number, title and path", () => {
    const rows = characteristicRows({ sections: [{ title: "目的", text: "无" }, { title: "控制计划（生产）", text: CONTROL_PLAN }] }, OURS);
    expect(rows.map((r) => [r.section, r.title, r.path, r.line, r.op])).toEqual([
      ["2", "控制计划（生产）", ["sections", 1], 3, "OP20"],
      ["2", "控制计划（生产）", ["sections", 1], 4, "OP30"],
    ]);
  });
});

describe("operations and marks are compared as written in several ways", () => {
  it("opKey makes OP30, OP 30, op-030, 30 and ３０ one operation, and leaves other text as written", () => {
    expect(["OP30", "OP 30", "op-030", "30", "３０", " 扣压 "].map(opKey)).toEqual(["OP30", "OP30", "OP30", "OP30", "OP30", "扣压"]);
  });

  it("opsNamed finds the operations a text names, not a word that contains OP", () => {
    expect(opsNamed("适用于OP30工位；OP 40 和 op-050 见另页；STOP10 不是工序，OP30 再次出现。")).toEqual(["OP30", "OP40", "OP50"]);
  });

  it("marksIn finds our symbols in the order written, a letter symbol only as a word of its own", () => {
    expect(marksIn("☆ 与 ★，SC", ["★", "☆", "SC"])).toEqual(["☆", "★", "SC"]);
    expect(marksIn("DESCRIPTION", ["SC"])).toEqual([]);
  });
});

describe("ratingProblems says which S/O/D/AP cells tableCharacteristics leaves out (doc/fmea-rating-invalid)", () => {
  it("reports each cell that is not a rating 1–10 or H/M/L, where it starts in the row, and an AP missing beside S/O/D", () => {
    const text = [
      "| Op No. | Process Name | Product Characteristic | Severity (S) | Occurrence (O) | Detection (D) | Action Priority | S | AP |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 10 | Crimp \\| press | Crimp OD | 0 | ５ | x | low | 99 | Q |",
      "|  |  | Crimp length | 7 | 4 | 5 |  |  |  |",
      "| 20 | Torque | Torque | 10 | 高 | - | / |  |  |",
      "| 30 | Label | Label | 7 | 4 |  |  |  |  |",
    ].join("\n");
    const rows = text.split("\n");
    const at = (line: number, cell: string) => rows[line - 1]!.indexOf(`| ${cell} |`) + 2;
    const row = (line: number, op: string, characteristic: string) => ({ line, text: rows[line - 1], op, characteristic });
    // ５ is a rating (NFKC), "low" is L, the second S and AP columns are not read; "-" and "/" are blank.
    expect(ratingProblems(text)).toEqual([
      { ...row(3, "OP10", "Crimp OD"), at: at(3, "0"), column: "s", cell: "0", kind: "invalid" },
      { ...row(3, "OP10", "Crimp OD"), at: at(3, "x"), column: "d", cell: "x", kind: "invalid" },
      { ...row(4, "OP10", "Crimp length"), at: rows[3]!.indexOf("| 5 |") + 6, column: "ap", cell: "", kind: "missing" },
      { ...row(5, "OP20", "Torque"), at: at(5, "高"), column: "o", cell: "高", kind: "invalid" },
    ]);
    // The rows read leave those cells out, as before.
    expect(tableCharacteristics(text, OURS).map((r) => [r.s, r.o, r.d, r.ap])).toEqual([
      [undefined, 5, undefined, "L"],
      [7, 4, 5, undefined],
      [10, undefined, undefined, undefined],
      [7, 4, undefined, undefined],
    ]);
  });

  it("finds nothing in tester77's PFMEA and control plan, nor in a table csr does not read or one in a code fence", () => {
    expect(ratingProblems(PFMEA)).toEqual([]);
    expect(ratingProblems(CONTROL_PLAN)).toEqual([]);
    expect(ratingProblems(["| 特性 | S |", "|---|---|", "| 扭矩 | 11 |"].join("\n"))).toEqual([]);
    expect(ratingProblems(["```", "| 工序 | 失效模式 | S |", "|---|---|---|", "| OP30 | 扭矩不足 | 11 |", "```"].join("\n"))).toEqual([]);
  });
});
