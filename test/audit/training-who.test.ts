/**
 * Who a training session trained (tester72): a department's session trains the people in that department on its
 * day, not those who joined or moved in later, and one naming nobody (名单见签到表) counts nobody (IATF 16949 7.2.2:
 * a session cannot train someone who was not yet there; ISO 9001 7.2 d, evidence per person). Real commits in a
 * temporary git repository; the built binary for the first session and the GJB list, csr in the test's process
 * (csrInProcess) for the rest.
 */
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, csr, csrInProcess } from "../helpers.js";
import { missing, rows } from "./training-list.js";
import { pendingTrainingProcedure, threeDepartmentRepo, trainingProcedure } from "../control/three-departments.js";

const procedure = pendingTrainingProcedure() + "training:\n  required: true\n";
const trainArgs = (dir: string, args: string[]) => ["-C", dir, "train", "QP-005", "--trainer", "zhang", "--date", "2026-11-20", "-y", ...args];
/** csr train through the built binary (the first session), `train` in the test's process (csrInProcess). */
const trainBinary = (dir: string, ...args: string[]) => csr(trainArgs(dir, args));
const train = (dir: string, ...args: string[]) => csrInProcess(trainArgs(dir, args));

describe("a department's training session (tester72 Q1)", () => {
  it("trains the people in the department on its day, not one who joined it later", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure });
    expect((await csrInProcess(["-C", dir, "person", "add", "sun", "--name", "孙杰", "--department", "PRD", "--from", "2026-11-23", "-y"])).code).toBe(0);
    const trained = trainBinary(dir, "--department", "PRD", "--trainees", "张三(1023)", "--record", "TR-2026-060");
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
    // 赵磊 was in 生产部 on 2026-11-20; 孙杰 came on 2026-11-23 and still owes the training.
    expect(rows((await missing(dir, "2026-11-24", "--department", "PRD")).stdout).map((r) => [r[7], r[8]])).toEqual([["孙杰", "生产部"]]);
  });

  it("counts nobody for a session naming nobody: its names are on the sign-in sheet", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure });
    const trained = await train(dir, "--department", "PRD", "--record", "TR-2026-061");
    expect(trained.code).toBe(0);
    expect(trained.stdout).toContain("生产部 (names on the sign-in sheet)");
    const list = await missing(dir, "2026-11-24", "--department", "PRD");
    expect(rows(list.stdout).map((r) => r.at(-1))).toEqual(["Only record number TR-2026-061 is recorded: who was trained is on that record (1 person to train)"]);
    const zh = await csrInProcess(["-C", dir, "list", "training", "--document", "QP-005"], { lang: "zh-CN" });
    expect(zh.stdout).toContain("生产部（名单见签到表）");
  });
});

describe("the training deadline of a revision released ahead of taking effect (tester72 Q14, ops75 P1)", () => {
  it("is the day it takes effect, not training_days after it: whoever is untrained is overdue from that day", async () => {
    // QP-005 A/2 released on 2026-11-10 to take effect on 2026-11-25: nobody trained.
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure });
    expect(rows((await missing(dir, "2026-11-24")).stdout).map((r) => [r[5], r[6], r[7]])).toEqual([
      ["2026-11-25", "takes effect in 1 working day", "张伟"],
      ["2026-11-25", "takes effect in 1 working day", "王强"],
      ["2026-11-25", "takes effect in 1 working day", "赵磊"],
    ]);
    const overdue = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "doc/training-overdue").map((f) => f.message);
    expect(await overdue("2026-11-24")).toEqual([]);
    expect(await overdue("2026-11-25")).toEqual([
      "QP-005 A/2 took effect on 2026-11-25 and needs training, but no training on A/2 is recorded (due by 2026-11-25, the day it takes effect: training comes before the work). Record it with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.",
    ]);
    expect((await csrInProcess(["-C", dir, "show", "QP-005", "--today", "2026-11-20"], { lang: "zh-CN" })).stdout).toContain("  培训            A/2 需要培训：2026-11-25 实施，应在实施前完成\n");
  });
});

describe("a newcomer's training deadline (tester72 Q2)", () => {
  it("runs from their first day, not from the day the revision took effect", async () => {
    // QP-005 A/1 in force since 2026-10-12, everyone trained on it; 孙杰 joins 生产部 on 2026-12-01.
    const trainedAll = "  sessions:\n    - {revision: A/1, date: 2026-10-13, people: [zhang, li, wang, zhao], trainer: zhang, record: TR-2026-040}\n";
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": trainingProcedure() + "training:\n  required: true\n" + trainedAll });
    expect((await csrInProcess(["-C", dir, "person", "add", "sun", "--name", "孙杰", "--department", "PRD", "--from", "2026-12-01", "-y"])).code).toBe(0);
    expect(rows((await missing(dir, "2026-12-01")).stdout).map((r) => [r[4], r[5], r[6], r[7]])).toEqual([["2026-10-12", "2026-12-29", "in force, 20 working days left", "孙杰"]]);
    const overdue = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "doc/training-overdue").length;
    expect([await overdue("2026-12-01"), await overdue("2026-12-29"), await overdue("2026-12-30")]).toEqual([0, 0, 1]);
  });
});

describe("the missing list's note in a GJB 9001C repository (tester72 Q13)", () => {
  it("cites GJB 9001C 7.2, not IATF 16949", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect((await csrInProcess(["-C", dir, "train", "CS/WI-003", "--require", "-y"])).code).toBe(0);
    const list = csr(["-C", dir, "list", "training", "--missing", "--today", "2026-12-06"], { lang: "zh-CN" });
    expect(list.stdout).toContain("（GJB 9001C 7.2）");
    expect(list.stdout).not.toContain("IATF");
  });
});
