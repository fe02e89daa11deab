/**
 * A work instruction marking a special characteristic (★ of symbols.yaml) is held stricter at its station than a plain
 * one (IATF 16949 8.3.3.3, 8.5.1.1, 7.2.2; tester77 E7): whoever is untrained on its version in force is an error of
 * doc/training-overdue (a warning for the plain one), the copy of its superseded version is overdue from the working day
 * after the new version took effect (the plain one's after recall_days), and a person with no level at its station is an
 * error of person/station-unqualified. csr release and csr show say the day.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkJsonInProcess, commitAt, csrInProcess, gitInitEmpty, minimalRepo } from "../helpers.js";

const SYMBOLS = ["symbols:", "  - customer: DYA", "    customer_symbol: ▽", "    customer_class: CC", "    meaning: 关键特性", "    symbol: ★", "    class: 关键", ""].join("\n");

/** A work instruction at `station`, A/0 released 2026-03-02, A/1 released 2026-12-07 to take effect on Monday 2026-12-14. */
function instruction(id: string, station: string, step: string): string {
  const signed = (date: string) => [`    prepared: { by: zhang, date: ${date} }`, `    reviewed: { by: li, date: ${date} }`, `    approved: { by: wang, date: ${date} }`];
  return [
    `id: ${id}`,
    `title: ${station}拧紧作业指导书`,
    "level: 3",
    "kind: instruction",
    "department: QA",
    `stations: [${station}]`,
    "status: released",
    "effective: 2026-12-14",
    "revisions:",
    "  - version: A/0",
    "    date: 2026-03-02",
    "    summary: 首次发布",
    ...signed("2026-03-02"),
    "  - version: A/1",
    "    date: 2026-12-07",
    "    effective: 2026-12-14",
    "    summary: 改用定扭扳手",
    ...signed("2026-12-07"),
    "sections:",
    "  - title: 目的",
    "    text: 规定拧紧作业方法。",
    "  - title: 作业内容",
    "    text: |",
    "      1. 将软管总成放入夹具；",
    `      2. ${step}`,
    "distribution:",
    "  - {copy: 1, version: A/0, to: QA, issued_by: zhang, date: 2026-03-02}",
    "  - {copy: 2, version: A/1, to: QA, issued_by: zhang, date: 2026-12-07}",
    "training:",
    "  required: true",
    "  sessions:",
    "    - {revision: A/1, date: 2026-12-07, people: [zhao], trainer: li}",
    "",
  ].join("\n");
}

const STRICT = "WI-001-01";
const PLAIN = "WI-001-02";

let dir: string;
beforeAll(() => {
  dir = minimalRepo({
    "symbols.yaml": SYMBOLS,
    "customers/DYA.yaml": "code: DYA\nname: 东岳汽车\n",
    [`documents/${STRICT}.yaml`]: instruction(STRICT, "OP30", "用定扭扳手拧紧接头螺母至 25±2 N·m ★（东岳▽CC）。"),
    [`documents/${PLAIN}.yaml`]: instruction(PLAIN, "OP40", "用定扭扳手拧紧卡箍螺钉至 5±1 N·m。"),
  });
  writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("numbering:\n", "numbering:\n  - kind: instruction\n    pattern: WI-###-##\n"));
  // An operator at both stations, assessed at neither; zhang's level at OP30 makes people.yaml record levels.
  appendFileSync(
    join(dir, "people.yaml"),
    ["  - id: liu", "    name: 刘三", "    department: PRD", "    roles: []", "    operator: true", "    stations: [OP30, OP40]", "  - id: zhao", "    name: 赵六", "    department: PRD", "    roles: []", "    operator: true", "    stations: [OP30]", "    skills:", "      - {station: OP30, level: II, date: 2026-12-01, by: wang}", ""].join("\n"),
  );
  writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("  - code: MKT\n", "  - code: PRD\n    name: 生产部\n  - code: MKT\n"));
  gitInitEmpty(dir);
  commitAt(dir, "2026-12-07", "WI-001-01、WI-001-02 A/1");
});

const RULES = new Set(["doc/training-overdue", "doc/recall-overdue", "person/station-unqualified"]);
async function findings(today: string, ...args: string[]) {
  const { findings: all } = await checkJsonInProcess(dir, "--today", today, ...args);
  return all.filter((f) => RULES.has(f.rule)).map(({ rule, severity, file, line, column, message }) => ({ rule, severity, file, line, column, message }));
}

const TRAINING_STRICT = {
  rule: "doc/training-overdue",
  severity: "error",
  file: `documents/${STRICT}.yaml`,
  line: 34,
  column: 13,
  message: `${STRICT} A/1 took effect on 2026-12-14 and needs training, but training is recorded for 1 of the 2 people to train (due by 2026-12-14, the day it takes effect: training comes before the work). 'csr list training --missing --document ${STRICT}' lists the others; record their training with 'csr train ${STRICT} --people ... --date ... --trainer ... --record ...'. ${STRICT} marks special characteristic ★ (station OP30, section 2 作业内容): nobody untrained may work to it at the station, so this is an error.`,
};
const TRAINING_PLAIN = {
  rule: "doc/training-overdue",
  severity: "warning",
  file: `documents/${PLAIN}.yaml`,
  line: 34,
  column: 13,
  message: `${PLAIN} A/1 took effect on 2026-12-14 and needs training, but training is recorded for 0 of the 1 people to train (due by 2026-12-14, the day it takes effect: training comes before the work). 'csr list training --missing --document ${PLAIN}' lists the others; record their training with 'csr train ${PLAIN} --people ... --date ... --trainer ... --record ...'.`,
};
// liu at OP30 (★, no level: an error) and OP40 (plain: a warning); zhao at level II at OP30 (in training: a warning that says ★).
const UNQUALIFIED = [
  {
    rule: "person/station-unqualified",
    severity: "error",
    file: "people.yaml",
    line: 21,
    column: 16,
    message: `刘三 (liu) works at station OP30 (stations in people.yaml) without a level there: under supervision only. Once assessed, record it with 'csr qualify liu --station OP30 --level III --date <date> --by <assessor>'. ${STRICT} marks special characteristic ★ (station OP30, section 2 作业内容): nobody unassessed runs this station, so this is an error.`,
  },
  {
    rule: "person/station-unqualified",
    severity: "warning",
    file: "people.yaml",
    line: 21,
    column: 22,
    message: "刘三 (liu) works at station OP40 (stations in people.yaml) without a level there: under supervision only. Once assessed, record it with 'csr qualify liu --station OP40 --level III --date <date> --by <assessor>'.",
  },
  {
    rule: "person/station-unqualified",
    severity: "warning",
    file: "people.yaml",
    line: 27,
    column: 16,
    message: `赵六 (zhao) works at station OP30 (stations in people.yaml) at level II (works under supervision) only, so under supervision. Once they may work alone, record it with 'csr qualify zhao --station OP30 --level III --date <date> --by <assessor>'. ${STRICT} marks special characteristic ★ (station OP30, section 2 作业内容): they work under the supervision of someone at level III or IV.`,
  },
];

const RECALL_STRICT = {
  rule: "doc/recall-overdue",
  severity: "error",
  file: `documents/${STRICT}.yaml`,
  line: 31,
  column: 5,
  message: `Controlled copy 1 of ${STRICT} A/0 (品质部) is still out: A/0 was replaced on 2026-12-14, and ${STRICT} marks special characteristic ★ (station OP30, section 2 作业内容): the old version must not stand beside the new one, so copies were due back on 2026-12-14, the day the new version took effect. Take it back and record it with 'csr recall ${STRICT} --copy 1'.`,
};

describe("a work instruction marking ★ beside a plain one (tester77 E7)", () => {
  it("is an error where the plain one is a warning: training on the day it takes effect, the old copy from the next working day", async () => {
    expect(await findings("2026-12-14")).toEqual([TRAINING_STRICT, TRAINING_PLAIN, ...UNQUALIFIED]);
    expect(await findings("2026-12-15")).toEqual([RECALL_STRICT, TRAINING_STRICT, TRAINING_PLAIN, ...UNQUALIFIED]);
    // The plain instruction's copy: 5 working days (recall_days' default) after Monday 2026-12-14, reported from the day after.
    expect((await findings("2026-12-21")).filter((f) => f.rule === "doc/recall-overdue")).toEqual([RECALL_STRICT]);
    expect((await findings("2026-12-22")).filter((f) => f.rule === "doc/recall-overdue")).toEqual([
      RECALL_STRICT,
      { ...RECALL_STRICT, file: `documents/${PLAIN}.yaml`, message: `Controlled copy 1 of ${PLAIN} A/0 (品质部) is still out: A/0 was replaced on 2026-12-14, and copies were due back by 2026-12-21 (5 working days). Take it back and record it with 'csr recall ${PLAIN} --copy 1'.` },
    ]);
  });

  it("the register and csr show name the same day, and csr check says why in Chinese", async () => {
    const register = await csrInProcess(["-C", dir, "list", "distribution", "--format", "csv", "--today", "2026-12-10"], { lang: "zh-CN" });
    // The 应回收日期 column of the A/0 rows (no field of these rows holds a comma).
    const [header, ...rows] = register.stdout.trim().split("\n").map((l) => l.split(","));
    const column = header!.indexOf("应回收日期");
    expect(rows.filter((r) => r[header!.indexOf("版本/版次")] === "A/0").map((r) => [r[header!.indexOf("文件编号")], r[column]])).toEqual([
      [STRICT, "2026-12-14"],
      [PLAIN, "2026-12-21"],
    ]);
    const show = await csrInProcess(["-C", dir, "show", STRICT, "--today", "2026-12-10"], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => l.includes("特殊特性"))).toEqual([
      `  特殊特性        ${STRICT} 标注特殊特性 ★（工位 OP30，2 作业内容），要求更严：旧版受控副本应于新版实施当天 2026-12-14 回收，自次一工作日起即为回收逾期；应培训人员须在 2026-12-14 生效前完成培训，未培训者自该日起报为错误。`,
    ]);
    expect((await csrInProcess(["-C", dir, "show", PLAIN, "--today", "2026-12-10"], { lang: "zh-CN" })).stdout).not.toContain("特殊特性");
    const zh = await csrInProcess(["-C", dir, "check", "--today", "2026-12-15"], { lang: "zh-CN" });
    expect(zh.stdout.split("\n").filter((l) => l.includes(" error doc/"))).toEqual([
      `documents/${STRICT}.yaml:31:5 error doc/recall-overdue ${STRICT} A/0 的受控副本 1（品质部）仍未回收：A/0 版已于 2026-12-14 被替换；${STRICT} 标注特殊特性 ★（工位 OP30，2 作业内容），旧版不得与新版并存，副本应于新版实施当天 2026-12-14 回收。请回收并用 'csr recall ${STRICT} --copy 1' 记录。`,
      `documents/${STRICT}.yaml:34:13 error doc/training-overdue ${STRICT} A/1 版于 2026-12-14 生效且需要培训，但应培训的 2 人中只登记了 1 人的培训（应于生效之日 2026-12-14 前完成：培训先于作业）。未培训人员见 'csr list training --missing --document ${STRICT}'，培训后用 'csr train ${STRICT} --people ... --date ... --trainer ... --record ...' 记录。${STRICT} 标注特殊特性 ★（工位 OP30，2 作业内容）：未经培训者不得在工位上按其作业，故报为错误。`,
    ]);
  });

  it("qms.yaml's settings: rules lowers every finding to a warning; special_recall_days gives the ★ copies working days", async () => {
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    try {
      writeFileSync(join(dir, "qms.yaml"), qms.replace("rules:\n", "document_control:\n  special_recall_days: 2\nrules:\n  doc/training-overdue: warning\n"));
      const found = await findings("2026-12-16");
      expect(found.filter((f) => f.rule === "doc/training-overdue").map((f) => f.severity)).toEqual(["warning", "warning"]);
      // Set to error, the plain instruction's finding is an error too, as before the ★ case was made strict (review78 #6).
      writeFileSync(join(dir, "qms.yaml"), qms.replace("rules:\n", "rules:\n  doc/training-overdue: error\n"));
      expect((await findings("2026-12-16")).filter((f) => f.rule === "doc/training-overdue").map((f) => [f.file, f.severity])).toEqual([
        [`documents/${STRICT}.yaml`, "error"],
        [`documents/${PLAIN}.yaml`, "error"],
      ]);
      writeFileSync(join(dir, "qms.yaml"), qms.replace("rules:\n", "document_control:\n  special_recall_days: 2\nrules:\n  doc/training-overdue: warning\n"));
      expect(found.filter((f) => f.rule === "doc/recall-overdue")).toEqual([]);
      expect((await findings("2026-12-17")).filter((f) => f.rule === "doc/recall-overdue").map((f) => f.message)).toEqual([
        `Controlled copy 1 of ${STRICT} A/0 (品质部) is still out: A/0 was replaced on 2026-12-14, and ${STRICT} marks special characteristic ★ (station OP30, section 2 作业内容): copies were due back by 2026-12-16 (2 working days, document_control.special_recall_days). Take it back and record it with 'csr recall ${STRICT} --copy 1'.`,
      ]);
    } finally {
      writeFileSync(join(dir, "qms.yaml"), qms);
    }
  });
});

describe("a check sheet marking ★ that the station's work instruction uses (stations78; IATF 16949 8.5.1.1, 8.3.3.3)", () => {
  it("makes the station's unassessed operator an error, naming the form and the instruction using it", async () => {
    const plain = join(dir, `documents/${PLAIN}.yaml`);
    const sheet = join(dir, "documents/QR-001-01.yaml");
    const text = readFileSync(plain, "utf8");
    try {
      writeFileSync(plain, text.replace("distribution:\n", "forms: [QR-001-01]\ndistribution:\n"));
      writeFileSync(
        sheet,
        [
          "id: QR-001-01",
          "title: 卡箍拧紧检查表",
          "level: 4",
          "kind: form",
          "department: QA",
          "status: released",
          "revisions:",
          "  - version: A/0",
          "    date: 2026-03-02",
          "    summary: 首次发布",
          "    prepared: { by: zhang, date: 2026-03-02 }",
          "    reviewed: { by: li, date: 2026-03-02 }",
          "    approved: { by: wang, date: 2026-03-02 }",
          "sections:",
          "  - title: 检查项目",
          "    text: |",
          "      卡箍螺钉扭矩 5±1 N·m ★，每班首件记录。",
          "",
        ].join("\n"),
      );
      const found = (await findings("2026-12-14")).filter((f) => f.rule === "person/station-unqualified" && f.column === 22);
      expect(found).toEqual([
        {
          ...UNQUALIFIED[1],
          severity: "error",
          message: `${UNQUALIFIED[1]!.message} QR-001-01 marks special characteristic ★ (a form of ${PLAIN} at station OP40, section 1 检查项目): nobody unassessed runs this station, so this is an error.`,
        },
      ]);
      const zh = await csrInProcess(["-C", dir, "check", "--today", "2026-12-14"], { lang: "zh-CN" });
      expect(zh.stdout.split("\n").filter((l) => l.startsWith("people.yaml:21:22"))).toEqual([
        "people.yaml:21:22 error person/station-unqualified 刘三（liu）在工位 OP40 工作（people.yaml 中的 stations），但在此工位没有技能等级：只能在指导下操作。评定后用 'csr qualify liu --station OP40 --level III --date <日期> --by <评定人>' 登记。QR-001-01 标注特殊特性 ★（工位 OP40 的 WI-001-02 所用表单，1 检查项目）：未经评定者不得独立操作此工位，故报为错误。",
      ]);
    } finally {
      writeFileSync(plain, text);
      rmSync(sheet);
    }
  });
});

describe("csr release of a work instruction marking ★ (tester77 E7)", () => {
  it("says that the copies to recall and the people to train are due on the day it takes effect, because it marks ★", async () => {
    const file = join(dir, `documents/${STRICT}.yaml`);
    const text = readFileSync(file, "utf8")
      .replace("  - {copy: 1, version: A/0, to: QA, issued_by: zhang, date: 2026-03-02}", "  - {copy: 1, version: A/0, to: QA, issued_by: zhang, date: 2026-03-02, recalled: 2026-12-14, returned_by: zhang, received_by: wang}")
      .replace("people: [zhao], trainer: li}", "people: [zhao, liu], trainer: li}");
    writeFileSync(file, text);
    commitAt(dir, "2026-12-15", "WI-001-01 A/0 副本 1 回收");
    writeFileSync(file, text.replace("25±2 N·m ★", "26±2 N·m ★"));
    const release = await csrInProcess(
      ["-C", dir, "release", STRICT, "--summary", "扭矩改为26±2 N·m", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-16", "--effective", "2026-12-18", "--today", "2026-12-16", "-y"],
      { lang: "zh-CN" },
    );
    expect([release.code, release.stderr]).toEqual([0, ""]);
    // The copy and the training it already names, then the line saying why they are due on the day A/2 takes effect.
    expect(release.stdout.split("\n").filter((l) => /受控副本|培训|特殊特性/.test(l))).toEqual([
      `旧版受控副本（文件回收）：受控号 2（A/1，品质部）；A/2 自 2026-12-18 起实施，此前它们仍在使用，届时回收并用 'csr recall ${STRICT} --date <回收日期>' 登记，并用 'csr distribute ${STRICT} --to QA' 向持有单位发放 A/2。`,
      `${STRICT} A/2 需要培训：品质部共 2 人，应在 2026-12-18 实施前完成；名单：csr list training --missing --document ${STRICT}。`,
      `${STRICT} 标注特殊特性 ★（工位 OP30，2 作业内容），要求更严：旧版受控副本应于新版实施当天 2026-12-18 回收，自次一工作日起即为回收逾期；应培训人员须在 2026-12-18 生效前完成培训，未培训者自该日起报为错误。`,
      `${STRICT} A/2 改动了标注特殊特性（★ ▽）的内容：请评审该特性所在的控制计划和 PFMEA，需要时同步更改（IATF 16949 8.5.6.1、8.3.3.3）；文件未关联过程，请按图纸和零件找到对应的控制计划和 PFMEA。`,
    ]);
    // The distribution register gives copy 2 that day.
    const register = await csrInProcess(["-C", dir, "list", "distribution", "--format", "csv", "--document", STRICT, "--today", "2026-12-16"], { lang: "zh-CN" });
    const [header, ...rows] = register.stdout.trim().split("\n").map((l) => l.split(","));
    expect(rows.filter((r) => r[header!.indexOf("受控号")] === "2").map((r) => r[header!.indexOf("应回收日期")])).toEqual(["2026-12-18"]);
  });
});
