/**
 * IATF 16949 7.2.2: on-the-job training for a new or modified job comes before the work. A revision
 * released to take effect later is reported by doc/training-overdue from
 * `document_control.training_lead_days` working days (default 5) before its effective day while no
 * training on it is recorded, as in force untrained from that day, and as overdue after the training
 * period: one finding a day, never two (tester61 L5). Real commits in a temporary git repository,
 * the built binary.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, csr } from "../helpers.js";
import { threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const PATH = "documents/QP-005.yaml";
// QP-005 A/1 released on 2026-10-12; here it takes effect on Monday 2026-10-19.
const pending = (trainingProcedure() + "training:\n  required: true\n").replace("effective: 2026-10-12\n", "effective: 2026-10-19\n");

const W = "warning documents/QP-005.yaml:29:13 QP-005 A/1 ";
const TRAIN = "Record it with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.";
const findings = (dir: string, today: string) =>
  checkJson(dir, "--today", today).findings.filter((f) => f.rule === "doc/training-overdue").map((f) => `${f.severity} ${f.file}:${f.line}:${f.column} ${f.message}`);

describe("training due before a revision takes effect (tester61 L5)", () => {
  it("warns from five working days before the effective day, then as in force untrained, then as overdue, one finding each day", () => {
    const dir = threeDepartmentRepo({ [PATH]: pending });
    const result: Record<string, string[]> = {};
    for (const day of ["2026-10-09", "2026-10-12", "2026-10-16", "2026-10-19", "2026-11-16", "2026-11-17"]) result[day] = findings(dir, day);
    const before = (n: string) => [`${W}takes effect on 2026-10-19 (in ${n}) and needs training, but no training on A/1 is recorded: train before it takes effect. ${TRAIN}`];
    const inForce = [`${W}took effect on 2026-10-19 and needs training, but no training on A/1 is recorded: people are working to a revision they were not trained on (due by 2026-11-16, 20 working days). ${TRAIN}`];
    expect(result).toEqual({
      "2026-10-09": [],
      "2026-10-12": before("5 working days"),
      "2026-10-16": before("1 working day"),
      "2026-10-19": inForce,
      "2026-11-16": inForce,
      "2026-11-17": [`${W}took effect on 2026-10-19 and needs training, but no training on A/1 is recorded (due by 2026-11-16, 20 working days). ${TRAIN}`],
    });
  });

  it("takes the lead time from qms.yaml, counts who is trained, and says nothing once everyone to train on the revision is (breaker63 P1)", () => {
    const dir = threeDepartmentRepo({ [PATH]: pending });
    appendFileSync(join(dir, "qms.yaml"), "document_control:\n  training_lead_days: 2\n");
    expect(findings(dir, "2026-10-14")).toEqual([]);
    expect(findings(dir, "2026-10-15")).toEqual([`${W}takes effect on 2026-10-19 (in 2 working days) and needs training, but no training on A/1 is recorded: train before it takes effect. ${TRAIN}`]);
    const trained = csr(["-C", dir, "train", "QP-005", "--people", "zhao", "--date", "2026-10-15", "--trainer", "zhang", "--record", "TR-2026-050"]);
    expect(trained.code).toBe(0);
    // 赵磊 and the trainer 张伟 of the four to train (品质部 张伟 and 王强, 市场部 李娜 and 生产部 赵磊 hold it): not everyone.
    const others = "'csr list training --missing --document QP-005' lists the others; record their training with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.";
    expect(findings(dir, "2026-10-15")).toEqual([`${W}takes effect on 2026-10-19 (in 2 working days) and needs training, but training is recorded for 2 of the 4 people to train: train the others before it takes effect. ${others}`]);
    expect(findings(dir, "2026-11-17")).toEqual([`${W}took effect on 2026-10-19 and needs training, but training is recorded for 2 of the 4 people to train (due by 2026-11-16, 20 working days). ${others}`]);
    expect(csr(["-C", dir, "train", "QP-005", "--people", "zhang", "wang", "li", "--date", "2026-10-16", "--trainer", "zhang", "--record", "TR-2026-051"]).code).toBe(0);
    for (const day of ["2026-10-16", "2026-10-19", "2026-11-17"]) expect(findings(dir, day)).toEqual([]);
  });
});
