/**
 * doc/training-overdue reports the people still untrained on a document's version from the day it takes effect:
 * training comes before the work (IATF 16949 7.2.2; ops75 P1: a version in force at once left its people 20 working
 * days to work to it untrained). csr/training-overdue reports missing training on a CSR once its training period
 * (`document_control.training_days` working days, default 20) is over, and not before: the due day itself, and the
 * days off right after it, are in time, as for every deadline csr counts in working days (workdaysLate; tester66 N3).
 * Real commits in a temporary git repository, the built binary.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, csr } from "../helpers.js";
import { decidedCsrYaml, threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const PATH = "documents/QP-005.yaml";
// QP-005 A/1 released here on Monday 2026-10-19 to take effect at once. One released ahead of taking effect: training-who.test.ts.
const pending = (trainingProcedure() + "training:\n  required: true\n").replace("effective: 2026-10-12\n", "effective: 2026-10-19\n").replace("    date: 2026-10-12\n", "    date: 2026-10-19\n");

const W = "warning documents/QP-005.yaml:29:13 QP-005 A/1 ";
const TRAIN = "Record it with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.";
const findings = (dir: string, today: string, rule = "doc/training-overdue") =>
  checkJson(dir, "--today", today).findings.filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.file}:${f.line}:${f.column} ${f.message}`);
const standing = (dir: string, today: string) =>
  (JSON.parse(csr(["-C", dir, "list", "training", "--missing", "--format", "json", "--today", today], { lang: "en" }).stdout) as { rows: { standing: string; due: string }[] }).rows.map((r) => `${r.due} ${r.standing}`);

describe("a document's training due by the day it takes effect (ops75 P1)", () => {
  it("says nothing before the version takes effect; reports whoever is untrained from that day, as the missing-training list counts it", () => {
    const dir = threeDepartmentRepo({ [PATH]: pending });
    const result: Record<string, string[]> = {};
    for (const day of ["2026-10-16", "2026-10-19", "2026-10-20"]) result[day] = findings(dir, day);
    const overdue = [`${W}took effect on 2026-10-19 and needs training, but no training on A/1 is recorded (due by 2026-10-19, the day it takes effect: training comes before the work). ${TRAIN}`];
    expect(result).toEqual({ "2026-10-16": [], "2026-10-19": overdue, "2026-10-20": overdue });
    expect(standing(dir, "2026-10-19")[0]).toBe("2026-10-19 overdue by 1 working day");
    expect(standing(dir, "2026-10-20")[0]).toBe("2026-10-19 overdue by 2 working days");
  });

  it("counts a session held on the day it takes effect, and reports the people it left out", () => {
    const dir = threeDepartmentRepo({ [PATH]: pending });
    expect(csr(["-C", dir, "train", "QP-005", "--people", "zhao", "--date", "2026-10-19", "--trainer", "zhang", "--record", "TR-2026-050"]).code).toBe(0);
    const others = "'csr list training --missing --document QP-005' lists the others; record their training with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.";
    expect(findings(dir, "2026-10-16")).toEqual([]);
    expect(findings(dir, "2026-10-19")).toEqual([`${W}took effect on 2026-10-19 and needs training, but training is recorded for 2 of the 4 people to train (due by 2026-10-19, the day it takes effect: training comes before the work). ${others}`]);
    expect(csr(["-C", dir, "train", "QP-005", "--people", "li", "wang", "--date", "2026-10-19", "--trainer", "zhang", "--record", "TR-2026-051"]).code).toBe(0);
    expect(findings(dir, "2026-10-19")).toEqual([]);
  });
});

const decidedCsr = decidedCsrYaml();

describe("a CSR's training reported once its period is over (tester66 N3)", () => {
  it("says nothing on the due day nor on the days off right after it; reports it from the next working day", () => {
    const dir = threeDepartmentRepo({
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions:\n      - {revision: C, received: 2026-03-10}\n",
      "csr/DYA/DYA-001.yaml": decidedCsr,
    });
    // Decided on Friday 2026-03-13; 19 working days (清明 2026-04-06 off): due Friday 2026-04-10.
    appendFileSync(join(dir, "qms.yaml"), "document_control:\n  training_days: 19\n");
    for (const day of ["2026-04-09", "2026-04-10", "2026-04-11", "2026-04-12"]) expect(findings(dir, day, "csr/training-overdue")).toEqual([]);
    expect(findings(dir, "2026-04-13", "csr/training-overdue")).toEqual([
      "warning csr/DYA/DYA-001.yaml:13:13 DYA-001 was decided on 2026-03-13 and needs training, but no training on DYA-SQM revision C is recorded (due by 2026-04-10, 19 working days). Record it with 'csr train DYA-001 --people ... --date ... --trainer ... --record ...'.",
    ]);
  });
});
