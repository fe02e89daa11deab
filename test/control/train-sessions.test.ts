/**
 * A training coordinator's corrections and shared sessions (tester72 Q7, Q9): the same session is not recorded twice,
 * a session recorded wrongly is removed by command and committed (its history stays in git), and one session covering
 * several documents is recorded on each, all or nothing. Real commits in a temporary git repository, the built binary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git } from "../helpers.js";
import { THREE_DEPARTMENTS_QMS, threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const required = "training:\n  required: true\n";
/** QP-005 and QP-006 released (A/1 in force since 2026-10-12), both needing training, and QP-007 a draft. */
const repo = () =>
  threeDepartmentRepo({
    "documents/QP-005.yaml": trainingProcedure() + required,
    "documents/QP-006.yaml": trainingProcedure().replace("id: QP-005", "id: QP-006").replace("title: 培训程序", "title: 培训评价程序") + required,
    "documents/QP-007.yaml": ["id: QP-007", "title: 岗位资格程序", "level: 2", "kind: procedure", "department: QA", "status: draft", ""].join("\n"),
  });
const train = (dir: string, ...args: string[]) => csr(["-C", dir, "train", ...args, "--trainer", "zhang", "-y"]);
/** `train` in the test's process (csrInProcess): the variations after the built binary's first runs of csr train, their stdout, stderr and exit code asserted alike. */
const trainIn = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "train", ...args, "--trainer", "zhang", "-y"]);
const sessionsOf = (dir: string, id: string) => readFileSync(join(dir, "documents", `${id}.yaml`), "utf8").split("\n").filter((line) => line.includes("date: 2026-11"));

describe("the same training session recorded twice (tester72 Q7)", () => {
  it("is refused in one line saying where the first one is", async () => {
    const dir = repo();
    expect(train(dir, "QP-005", "--people", "zhao", "--date", "2026-11-20", "--record", "TR-2026-070", "--commit").code).toBe(0);
    const again = train(dir, "QP-005", "--people", "zhao", "--date", "2026-11-20", "--record", "TR-2026-071");
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(
      "csr: QP-005 A/1: this training of 2026-11-20 is recorded already at documents/QP-005.yaml line 31 (record TR-2026-070); it is not recorded twice. If that entry is wrong, remove it with 'csr train QP-005 --remove --date 2026-11-20 --record TR-2026-070' and record it again.\n",
    );
    expect(sessionsOf(dir, "QP-005")).toHaveLength(1);
    // Other people trained on the same day are another session.
    expect((await trainIn(dir, "QP-005", "--people", "li", "--date", "2026-11-20", "--record", "TR-2026-070")).code).toBe(0);
    expect(sessionsOf(dir, "QP-005")).toHaveLength(2);
  });
});

describe("a session recorded wrongly (tester72 Q7)", () => {
  it("is removed by command, committed, and stays in git's history", async () => {
    const dir = repo();
    expect((await trainIn(dir, "QP-005", "--department", "PRD", "--date", "2026-11-20", "--record", "TR-2026-072", "--commit")).code).toBe(0);
    const removed = csr(["-C", dir, "train", "QP-005", "--remove", "--date", "2026-11-20", "--commit"]);
    expect(removed.stderr).toBe("");
    expect(removed.code).toBe(0);
    expect(removed.stdout.split("\n")[0]).toBe("QP-005 A/1: training of 生产部 (names on the sign-in sheet) removed; 2026-11-20, trainer 张伟 (zhang), record TR-2026-072 (documents/QP-005.yaml).");
    expect(sessionsOf(dir, "QP-005")).toEqual([]);
    expect(readFileSync(join(dir, "documents/QP-005.yaml"), "utf8")).toContain("training:\n  required: true\n");
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr train QP-005 A/1 --remove: training of 2026-11-20 removed (TR-2026-072)");
    expect(git(dir, ["show", "HEAD~1:documents/QP-005.yaml"])).toContain("record: TR-2026-072");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("is told by --record when the day has several, and one not recorded is refused naming those that are", async () => {
    const dir = repo();
    expect((await trainIn(dir, "QP-005", "--people", "zhao", "--date", "2026-11-20", "--record", "TR-2026-073")).code).toBe(0);
    expect((await trainIn(dir, "QP-005", "--people", "li", "--date", "2026-11-20", "--record", "TR-2026-074")).code).toBe(0);
    const several = await csrInProcess(["-C", dir, "train", "QP-005", "--remove", "--date", "2026-11-20"]);
    expect([several.code, several.stderr]).toEqual([2, "csr: QP-005 has 2 trainings of 2026-11-20 (records TR-2026-073, TR-2026-074); say which with --record.\n"]);
    const none = await csrInProcess(["-C", dir, "train", "QP-005", "--remove", "--date", "2026-11-21"]);
    expect([none.code, none.stderr]).toEqual([2, "csr: QP-005 has no training of 2026-11-21; the training recorded: 2026-11-20 TR-2026-073, 2026-11-20 TR-2026-074.\n"]);
    expect((await csrInProcess(["-C", dir, "train", "QP-005", "--remove", "--date", "2026-11-20", "--record", "TR-2026-073"])).code).toBe(0);
    expect(sessionsOf(dir, "QP-005")).toEqual(["    - {revision: A/1, date: 2026-11-20, people: [li], trainer: zhang, record: TR-2026-074}"]);
  });
});

describe("one session covering several documents (tester72 Q9)", () => {
  it("is recorded on each, in one commit", async () => {
    const dir = repo();
    const done = await trainIn(dir, "QP-005", "QP-006", "--department", "PRD", "--date", "2026-11-20", "--record", "TR-2026-075", "--commit");
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout.split("\n").slice(0, 2)).toEqual([
      "QP-005 A/1: training of 生产部 (names on the sign-in sheet) recorded; 2026-11-20, trainer 张伟 (zhang), record TR-2026-075.",
      "QP-006 A/1: training of 生产部 (names on the sign-in sheet) recorded; 2026-11-20, trainer 张伟 (zhang), record TR-2026-075.",
    ]);
    expect(git(dir, ["log", "-1", "--format=%s", "--name-only"]).trim().split("\n").filter(Boolean)).toEqual([
      "csr train QP-005 A/1, QP-006 A/1 (2 documents): 生产部 trained",
      "documents/QP-005.yaml",
      "documents/QP-006.yaml",
    ]);
  });

  it("records nothing when one document refuses it, and lists every refusal", async () => {
    const dir = repo();
    expect((await trainIn(dir, "QP-006", "--department", "PRD", "--date", "2026-11-20", "--record", "TR-2026-076", "--commit")).code).toBe(0);
    const refused = await trainIn(dir, "QP-005", "QP-006", "QP-007", "QP-099", "--department", "PRD", "--date", "2026-11-20", "--record", "TR-2026-076");
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n").slice(0, 3)).toEqual([
      "csr: 2 of the 4 documents cannot record this training; nothing was changed:",
      "  QP-007 is draft; training is recorded on a released document.",
      "  No document or CSR 'QP-099' in the repository. Did you mean 'QP-005'?",
    ]);
    // The duplicate on QP-006 is told once the documents themselves are known.
    const duplicate = await trainIn(dir, "QP-005", "QP-006", "--department", "PRD", "--date", "2026-11-20", "--record", "TR-2026-076");
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr.split("\n")[0]).toBe("csr: 1 of the 2 documents cannot record this training; nothing was changed:");
    expect(duplicate.stderr.split("\n")[1]).toContain("QP-006 A/1: this training of 2026-11-20 is recorded already at documents/QP-006.yaml line 31");
    expect(sessionsOf(dir, "QP-005")).toEqual([]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("is removed from each document at once", async () => {
    const dir = repo();
    expect((await trainIn(dir, "QP-005", "QP-006", "--department", "PRD", "--date", "2026-11-20", "--record", "TR-2026-077", "--commit")).code).toBe(0);
    const removed = await csrInProcess(["-C", dir, "train", "QP-005", "QP-006", "--remove", "--date", "2026-11-20", "--record", "TR-2026-077", "--commit"]);
    expect(removed.code).toBe(0);
    expect([sessionsOf(dir, "QP-005"), sessionsOf(dir, "QP-006")]).toEqual([[], []]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr train QP-005 A/1, QP-006 A/1 (2 documents) --remove: training of 2026-11-20 removed (TR-2026-077)");
  });
});

describe("a release of a document needing training (tester72 Q4)", () => {
  const RELEASE = ["release", "QP-005", "--summary", "修订培训评价方法", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-11-10", "--force", "-y"];
  const release = (dir: string, ...args: string[]) => csr(["-C", dir, ...RELEASE, ...args]);
  /** `release` in the test's process (csrInProcess), after the built binary's first release here. */
  const releaseIn = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...RELEASE, ...args]);
  // The copies of A/0 still out are not this test's matter.
  const qms = THREE_DEPARTMENTS_QMS.replace("rules:\n", "rules:\n  doc/recall-overdue: off\n");
  const releasable = () => threeDepartmentRepo({ "qms.yaml": qms, "documents/QP-005.yaml": trainingProcedure() + required });
  const trainingLines = (stdout: string) => stdout.split("\n").filter((line) => line.includes("needs training"));

  it("says who needs training before it takes effect, and that in force at once they are overdue from today, proposing a day (ops75 P1)", async () => {
    const dir = releasable();
    const done = release(dir);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    // QP-005 is 品质部's; the copies still out are of A/0, two versions back: 张伟 and 王强 are to train. Released on Tuesday
    // 2026-11-10, five working days on is Tuesday 2026-11-17.
    expect(trainingLines(done.stdout)).toEqual([
      "QP-005 A/2 needs training: 2 people of 品质部, but it takes effect on 2026-11-10 and training comes before the work (IATF 16949 7.2.2): whoever is untrained is overdue from that day; give the training time with csr set QP-005 --effective 2026-11-17 (on release: --effective 2026-11-17); who: csr list training --missing --document QP-005.",
    ]);
    const overdue = async (today: string) => (JSON.parse((await csrInProcess(["-C", dir, "check", "--today", today, "--format", "json"])).stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === "doc/training-overdue").length;
    expect(await overdue("2026-11-10")).toBe(1);
    // As proposed: the effective day postponed, the days before it are for training.
    expect(csr(["-C", dir, "set", "QP-005", "--effective", "2026-11-17", "--commit"]).code).toBe(0);
    expect(await overdue("2026-11-10")).toBe(0);
    expect(await overdue("2026-11-16")).toBe(0);
    expect(await overdue("2026-11-17")).toBe(1);
    const standing = JSON.parse(csr(["-C", dir, "list", "training", "--missing", "--document", "QP-005", "--format", "json", "--today", "2026-11-10"]).stdout) as { rows: { due: string; standing: string }[] };
    expect(standing.rows.map((r) => `${r.due} ${r.standing}`)).toEqual(["2026-11-17 takes effect in 5 working days", "2026-11-17 takes effect in 5 working days"]);
  });

  it("proposes the working days of qms.yaml's training_lead_days, in Chinese", async () => {
    const dir = threeDepartmentRepo({ "qms.yaml": qms + "document_control:\n  training_lead_days: 3\n", "documents/QP-005.yaml": trainingProcedure() + required });
    const done = await csrInProcess(["-C", dir, "release", "QP-005", "--summary", "修订培训评价方法", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-11-10", "--force", "-y"], { lang: "zh-CN" });
    expect(done.code).toBe(0);
    expect(done.stdout.split("\n").filter((line) => line.includes("需要培训"))).toEqual([
      "QP-005 A/2 需要培训：品质部共 2 人，但本版于 2026-11-10 即生效，而培训应在生效前完成（IATF 16949 7.2.2），未培训者自该日起即为培训逾期；用 csr set QP-005 --effective 2026-11-13 推迟生效，给培训留出时间（发布时即可用 --effective 2026-11-13）；名单：csr list training --missing --document QP-005。",
    ]);
  });

  it("says the day it takes effect for a revision released ahead of it", async () => {
    const done = await releaseIn(releasable(), "--effective", "2026-11-25");
    expect(done.code).toBe(0);
    expect(trainingLines(done.stdout)).toEqual(["QP-005 A/2 needs training: 2 people of 品质部, before it takes effect on 2026-11-25; who: csr list training --missing --document QP-005."]);
  });

  it("needs no training for an editorial revision: the training stays on the last one that changed the work", async () => {
    const trainedOnA1 = "  sessions:\n    - {revision: A/1, date: 2026-10-13, people: [zhang, wang], trainer: zhang, record: TR-2026-040}\n";
    const dir = threeDepartmentRepo({ "qms.yaml": qms, "documents/QP-005.yaml": trainingProcedure() + required + trainedOnA1 });
    const done = await releaseIn(dir, "--editorial");
    expect(done.stderr).toBe("");
    expect(trainingLines(done.stdout)).toEqual([]);
    expect(done.stdout).toContain("QP-005 A/2 is an editorial change and needs no training; the training on A/1 is complete.\n");
    expect(readFileSync(join(dir, "documents/QP-005.yaml"), "utf8")).toContain("    editorial: true\n");
    const missing = await csrInProcess(["-C", dir, "list", "training", "--missing", "--document", "QP-005", "--today", "2027-01-20"]);
    expect(missing.stdout).toContain("as of 2027-01-20, 0 in total");
    const check = csr(["-C", dir, "check", "--today", "2027-01-20", "--format", "json"]);
    expect(JSON.parse(check.stdout).findings.filter((f: { rule: string }) => f.rule === "doc/training-overdue")).toEqual([]);
  });

  it("says who is still to be trained on the version before an editorial one", async () => {
    const trainedOnA1 = "  sessions:\n    - {revision: A/1, date: 2026-10-13, people: [zhang], trainer: li, record: TR-2026-040}\n";
    const dir = threeDepartmentRepo({ "qms.yaml": qms, "documents/QP-005.yaml": trainingProcedure() + required + trainedOnA1 });
    const done = await releaseIn(dir, "--editorial");
    expect(done.stdout).toContain("QP-005 A/2 is an editorial change and needs no training; 1 person is still to be trained on A/1: csr list training --missing --document QP-005.\n");
    // A session on the editorial version counts for A/1.
    expect((await csrInProcess(["-C", dir, "train", "QP-005", "--people", "wang", "--date", "2026-11-11", "--trainer", "zhang", "--record", "TR-2026-080", "-y"])).code).toBe(0);
    expect(csr(["-C", dir, "show", "QP-005", "--today", "2026-11-12"]).stdout).toMatch(/Training +A\/1 trained/);
  });

  it("says nothing of training for a document not marked as needing it", async () => {
    const dir = threeDepartmentRepo({ "qms.yaml": qms, "documents/QP-005.yaml": trainingProcedure() });
    const done = await releaseIn(dir);
    expect(done.code).toBe(0);
    expect(trainingLines(done.stdout)).toEqual([]);
  });
});
