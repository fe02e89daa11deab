/**
 * A CSR's training deadline and refresher training (复训), through the built binary in a real temporary git repository:
 * - a CSR decided before its source revision's 实施日期 is trained by that day (the requirement binds the work from then,
 *   IATF 16949 7.2.2), one decided after it within training_days working days of the decision (tester75 T12);
 * - `csr train --require --retrain-months N` asks every person trained on the revision to be trained again N months after
 *   their last effective session: csr list training --missing lists them from that day (复训到期), csr check warns from the
 *   next (doc/retraining-due), csr show and the person's training file say so (tester75 Q11);
 * - a refresher done late starts the next interval on the day it was done, not on the day it was missed (train75:
 *   IATF 16949 7.2.2 asks for competence kept, which the training done shows from its day).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, checkJsonInProcess, csr, csrInProcess } from "../helpers.js";
import { decidedCsrYaml, threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const customer = (effective: string) =>
  `code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions:\n      - {revision: C, received: 2026-03-10, effective: ${effective}}\n`;
/** csr check's findings of one rule: in the worker (checkJsonInProcess), or on the built binary when `binary` (one run per story). */
const findings = async (dir: string, today: string, rule: string, binary = false) =>
  (binary ? checkJson(dir, "--today", today) : await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
type MissingRow = { id: string; effective: string | null; due: string | null; standing: string; person: string; remark: string };
/** csr list training --missing's rows, run in the worker (csrInProcess; the built binary's run is the Chinese one below). */
const missing = async (dir: string, today: string, ...args: string[]) =>
  (JSON.parse((await csrInProcess(["-C", dir, "list", "training", "--missing", "--format", "json", "--today", today, ...args])).stdout) as { rows: MissingRow[] }).rows.map((r) => [r.id, r.effective, r.due, r.standing, r.person, r.remark].join(" | "));

describe("a CSR's training deadline and its source revision's 实施日期 (tester75 T12)", () => {
  it("is that day for a CSR decided before it, with the day in 生效日期 and the remark saying so", async () => {
    // Decided Friday 2026-03-13, DYA-SQM C in force from Wednesday 2026-04-01: due that day and, the work bound by it from
    // then, overdue on it already (as a document's version, doc/training-overdue).
    const dir = threeDepartmentRepo({ "customers/DYA.yaml": customer("2026-04-01"), "csr/DYA/DYA-001.yaml": decidedCsrYaml() });
    expect((await missing(dir, "2026-03-31"))[0]).toBe("DYA-001 | 2026-04-01 | 2026-04-01 | takes effect in 1 working day | 张伟 | due by the day the requirement takes effect, 2026-04-01");
    expect((await missing(dir, "2026-04-01"))[0]).toBe("DYA-001 | 2026-04-01 | 2026-04-01 | overdue by 1 working day | 张伟 | due by the day the requirement takes effect, 2026-04-01");
    expect((await findings(dir, "2026-03-31", "csr/training-overdue"))).toEqual([]);
    expect((await findings(dir, "2026-04-01", "csr/training-overdue", true))).toEqual([
      "csr/DYA/DYA-001.yaml:13:13 DYA-001 was decided on 2026-03-13 and needs training, DYA-SQM revision C takes effect on 2026-04-01, but no training on it is recorded (due by the effective day, 2026-04-01). Record it with 'csr train DYA-001 --people ... --date ... --trainer ... --record ...'.",
    ]);
    const zh = JSON.parse(csr(["-C", dir, "list", "training", "--missing", "--format", "json", "--today", "2026-04-02"], { lang: "zh-CN" }).stdout) as { rows: MissingRow[] };
    expect(zh.rows[0]!.remark).toBe("期限自 2026-04-01 要求生效起算");
  });

  it("runs training_days working days from the decision for a CSR decided after it", async () => {
    const dir = threeDepartmentRepo({ "customers/DYA.yaml": customer("2026-03-01"), "csr/DYA/DYA-001.yaml": decidedCsrYaml() });
    expect((await missing(dir, "2026-04-02"))[0]).toBe("DYA-001 | 2026-03-01 | 2026-04-13 | in force, 6 working days left | 张伟 | due counted from the decision on 2026-03-13");
    expect((await findings(dir, "2026-04-13", "csr/training-overdue"))).toEqual([]);
    expect((await findings(dir, "2026-04-14", "csr/training-overdue"))).toHaveLength(1);
  });
});

describe("refresher training (复训, tester75 Q11)", () => {
  // QP-005 A/1 in force since 2026-10-12, held by 品质部, 生产部 and 市场部: all four people trained on 2026-10-20.
  const procedure = trainingProcedure() + "training:\n  required: true\n  sessions:\n    - {revision: A/1, date: 2026-10-20, people: [zhang, li, zhao], trainer: wang, record: TR-2026-050}\n";

  it("is set with --retrain-months, lists each person from the day it falls due, and is reported from the next", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure });
    const set = csr(["-C", dir, "train", "QP-005", "--retrain-months", "6"]);
    expect(set).toMatchObject({ code: 0, stderr: "" });
    expect(set.stdout.split("\n")[0]).toBe("QP-005: refresher training every 6 months (from each person's last effective session).");
    expect(readFileSync(join(dir, "documents/QP-005.yaml"), "utf8")).toContain("TR-2026-050}\n  retrain_months: 6\n");
    // The finding's position: the interval, on line 32, after its key.
    expect(readFileSync(join(dir, "documents/QP-005.yaml"), "utf8").split("\n")[31]).toBe("  retrain_months: 6");
    expect((await csrInProcess(["-C", dir, "train", "QP-005", "--retrain-months", "6"])).stdout).toBe("QP-005 is marked for refresher training every 6 months already.\n");
    expect(await csrInProcess(["-C", dir, "train", "QP-005", "--retrain-months", "0"])).toMatchObject({ code: 2, stderr: "csr: --retrain-months takes a whole number of months from 1 to 120, not '0'.\n" });

    // Due Tuesday 2027-04-20: not listed the day before; listed on it (today is the last day) and reported from the day after.
    expect((await missing(dir, "2027-04-19"))).toEqual([]);
    const remark = "refresher due (last trained 2026-10-20, every 6 months)";
    expect((await missing(dir, "2027-04-20"))).toEqual(["张伟", "李娜", "王强", "赵磊"].map((p) => `QP-005 | 2026-10-12 | 2027-04-20 | in force, today is the last day | ${p} | ${remark}`));
    expect((await findings(dir, "2027-04-20", "doc/retraining-due"))).toEqual([]);
    expect((await findings(dir, "2027-04-21", "doc/retraining-due"))).toEqual([
      "documents/QP-005.yaml:32:19 QP-005 needs refresher training every 6 months, and that of 张伟, 李娜, 王强, 赵磊 (4) on A/1 is overdue (the earliest last trained on 2026-10-20, due again by 2027-04-20). 'csr list training --missing --document QP-005' lists them; record it with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.",
    ]);

    // A new session starts the next interval of those it trains (written here: csr train takes no day after the real one).
    const file = join(dir, "documents/QP-005.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("TR-2026-050}\n", "TR-2026-050}\n    - {revision: A/1, date: 2027-04-22, people: [zhang, li], trainer: wang, record: TR-2027-011}\n"));
    expect((await missing(dir, "2027-04-23"))).toEqual([`QP-005 | 2026-10-12 | 2027-04-20 | overdue by 3 working days | 赵磊 | ${remark}`]);
    const card = csr(["-C", dir, "show", "QP-005", "--today", "2027-04-23"], { lang: "zh-CN" }).stdout;
    expect(card).toContain("复训：每 6 个月；复训到期：赵磊（上次培训 2026-10-20，应于 2027-04-20 前复训）\n");
    const person = JSON.parse((await csrInProcess(["-C", dir, "list", "training", "--person", "zhao", "--format", "json", "--today", "2027-04-23"])).stdout) as { rows: { subject: string; due: string | null; state: string }[] };
    expect(person.rows.at(-1)).toMatchObject({ subject: "QP-005", due: "2027-04-20", state: `${remark}; overdue by 3 working days` });
  });
});

describe("the annual training plan (年度培训计划, tester75 Q12)", () => {
  it("plans who owes training by the month of their deadline and refresher training by the month it falls due", async () => {
    const procedure = trainingProcedure() + "training:\n  required: true\n  retrain_months: 6\n  sessions:\n    - {revision: A/1, date: 2026-10-20, people: [zhang, li, zhao], trainer: wang, record: TR-2026-050, method: classroom}\n";
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure, "customers/DYA.yaml": customer("2026-04-01"), "csr/DYA/DYA-001.yaml": decidedCsrYaml() });
    const plan = JSON.parse(csr(["-C", dir, "list", "training-plan", "--year", "2027", "--format", "json", "--today", "2026-12-04"]).stdout) as { title: string; rows: Record<string, unknown>[] };
    expect(plan.title).toBe("Annual training plan 2027 (3 in total)");
    expect(plan.rows.map((r) => [r.month, r.id, r.kind, r.due, r.people, r.departments, r.trainer, r.method, r.remark].join(" | "))).toEqual([
      // DYA-001 was due when DYA-SQM C took effect, 2026-04-01: carried to January.
      "January | DYA-001 | new revision | 2026-04-01 | 张伟, 李娜, 王强 | 品质部, 市场部 |  |  | due 2026-04-01, already past: planned for January",
      "April | QP-005 | refresher | 2027-04-20 | 张伟, 李娜, 王强, 赵磊 | 品质部, 市场部, 生产部 | 王强 | classroom | refresher every 6 months",
      "October | QP-005 | refresher | 2027-10-20 | 张伟, 李娜, 王强, 赵磊 | 品质部, 市场部, 生产部 | 王强 | classroom | refresher every 6 months",
    ]);
    const zh = await csrInProcess(["-C", dir, "list", "training-plan", "--year", "2027", "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(zh.stdout.split("\n")[0]).toBe("2027 年度培训计划（共 3 条）");
    expect(zh.stdout).toContain("4 月      QP-005");
  });
});

describe("a refresher training done late (train75)", () => {
  const procedure = trainingProcedure() + "training:\n  required: true\n  sessions:\n    - {revision: A/1, date: 2026-10-20, people: [zhang, li, zhao], trainer: wang, record: TR-2026-050}\n";

  it("done late, counts the next refresher from the day it was done, not from the day it was missed (train75)", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure.replace("  required: true\n", "  required: true\n  retrain_months: 6\n") });
    // Due Tuesday 2027-04-20, missed; trained Monday 2027-05-10, recorded that day (csr train --today, its --date by default).
    const late = csr(["-C", dir, "train", "QP-005", "--people", "zhang", "li", "zhao", "--trainer", "wang", "--record", "TR-2027-031", "--today", "2027-05-10"]);
    expect(late).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, "documents/QP-005.yaml"), "utf8")).toMatch(/\n {4}- \{revision: A\/1, date: 2027-05-10, people: \[zhang, li, zhao\], trainer: wang, record: TR-2027-031/);
    // Six months from the day missed (2027-10-20) nobody is due nor overdue: the last session was on 2027-05-10.
    expect((await missing(dir, "2027-10-21"))).toEqual([]);
    expect((await findings(dir, "2027-10-21", "doc/retraining-due"))).toEqual([]);
    const card = (await csrInProcess(["-C", dir, "show", "QP-005", "--today", "2027-10-21"], { lang: "zh-CN" })).stdout;
    expect(card).toContain("复训：每 6 个月；下次复训 2027-11-10（张伟、李娜、王强、赵磊）\n");
    // Due six months after the session, Wednesday 2027-11-10, and reported from the day after (at retrain_months, line 30).
    const remark = "refresher due (last trained 2027-05-10, every 6 months)";
    expect((await missing(dir, "2027-11-10"))).toEqual(["张伟", "李娜", "王强", "赵磊"].map((p) => `QP-005 | 2026-10-12 | 2027-11-10 | in force, today is the last day | ${p} | ${remark}`));
    expect((await findings(dir, "2027-11-10", "doc/retraining-due"))).toEqual([]);
    expect((await findings(dir, "2027-11-11", "doc/retraining-due"))).toEqual([
      "documents/QP-005.yaml:30:19 QP-005 needs refresher training every 6 months, and that of 张伟, 李娜, 王强, 赵磊 (4) on A/1 is overdue (the earliest last trained on 2027-05-10, due again by 2027-11-10). 'csr list training --missing --document QP-005' lists them; record it with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.",
    ]);
  });
});
