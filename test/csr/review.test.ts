import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reviewCsr } from "../../src/commands/review/index.js";
import { checkJsonInProcess, csr, csrInProcess, git, gitInit, makeRepo } from "../helpers.js";
import { capture, read, validRepo } from "./fixture.js";

/** A CSR written by hand, with comments and a layout that an edit must keep. */
const HAND_WRITTEN = [
  "# 顾客 SQM 第 5.2 条",
  "id: DYA-011",
  "customer: DYA",
  "source: { document: DYA-SQM, revision: C, section: \"5.2\" }",
  "clauses: [IATF16949:8.5.1.1]   # 控制计划",
  "title: 控制计划变更须通知顾客",
  "received: 2026-11-20",
  "review:",
  "  required: [QA, MKT, PRD]   # 生产部也须会签",
  "  opinions:",
  "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-11-23 }",
  "",
].join("\n");

function repo(): string {
  return makeRepo({ "csr/DYA/DYA-011.yaml": HAND_WRITTEN }, validRepo());
}

const review = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "review", "DYA-011", ...args]);

describe("csr review with flags", () => {
  it("records an opinion, keeping comments, key order and layout of the rest of the file", async () => {
    const dir = repo();
    const result = await review(dir, "--department", "MKT", "--reviewer", "li", "--opinion", "accept-with-action", "--comment", "需通知顾客工程师", "--date", "2026-11-24");
    expect(result).toEqual({
      code: 0,
      stdout: "DYA-011: opinion of 市场部 recorded: accept-with-action, by 李娜 (li) on 2026-11-24.\nStill missing: 生产部.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(
      HAND_WRITTEN + "    - department: MKT\n      reviewer: li\n      opinion: accept-with-action\n      date: 2026-11-24\n      comment: 需通知顾客工程师\n",
    );
  });

  it("--required sets which departments countersign this CSR, in place of csr.reviewers, and names the opinions still missing; refused once decided", async () => {
    const dir = repo();
    expect(await review(dir, "--required", "QA", "生产部")).toEqual({
      code: 0,
      stdout: "DYA-011 is countersigned by 品质部, 生产部 (was 品质部, 市场部, 生产部).\nOpinions still missing: 生产部.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN.replace("  required: [QA, MKT, PRD]   # 生产部也须会签", "  required: [QA, PRD] # 生产部也须会签"));
    expect((await review(dir, "--required", "QA,PRD")).stdout).toBe("DYA-011 is countersigned by 品质部, 生产部 already; nothing changed.\nOpinions still missing: 生产部.\n");
    expect((await review(dir, "--required", "LOG")).stderr).toMatch(/^csr: --required LOG: /);
    expect((await review(dir, "--required", "QA", "--opinion", "accept")).stderr).toBe(
      "csr: --required stands alone: it sets which departments countersign this CSR, not with an opinion, a decision or signers.\n",
    );
    await review(dir, "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--force");
    const decided = read(dir, "csr/DYA/DYA-011.yaml");
    expect(await review(dir, "--required", "QA")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA-011's review round was decided on 2026-11-25; the departments that countersign it are those it was decided with and cannot change.\n",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(decided);
  });

  it("refuses a decision while required opinions are missing, and records it as forced with --force", async () => {
    const dir = repo();
    const refused = await review(dir, "--disposition", "must", "--by", "zhang", "--date", "2026-11-25");
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-011 still lacks the opinion of 市场部, 生产部 (required: 品质部, 市场部, 生产部).\nhint: Record them with 'csr review DYA-011 --department MKT ...'; if the countersigns are on a signed paper review record, record it first with 'csr review DYA-011 --record <number> --record-form <form>', then decide; or add --force to decide now (recorded as forced).\n",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN);

    const forced = await review(dir, "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--force");
    expect(forced.stdout).toBe("DYA-011: decision recorded: must meet, by 张伟 (zhang) on 2026-11-25.\nDecided without the opinion of 市场部, 生产部; recorded as forced.\n");
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN + "  decision:\n    disposition: must\n    by: zhang\n    date: 2026-11-25\n    forced: true\n");
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"]);
    expect(JSON.parse(check.stdout).findings.map((f: { rule: string; file: string }) => `${f.file} ${f.rule}`)).toEqual(["csr/DYA/DYA-011.yaml csr/not-addressed", "csr/DYA/DYA-011.yaml csr/forced-decision"]);
  });

  it("changes a decision only with --amend, keeping the earlier one in the review history", async () => {
    const dir = validRepo();
    const file = read(dir, "csr/DYA/DYA-003.yaml");
    const refused = await csrInProcess(["-C", dir, "review", "DYA-003", "--disposition", "optional", "--by", "zhang", "--date", "2026-11-26"]);
    expect(refused.stderr).toBe(
      "csr: DYA-003 is already decided: must meet, by 张伟 (zhang) on 2026-11-24.\nhint: Add --amend to change the decision (the earlier one is kept in the review history); to record only why it was late, give --late-reason alone.\n",
    );
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toBe(file);

    const amended = await csrInProcess(["-C", dir, "review", "DYA-003", "--disposition", "optional", "--by", "zhang", "--date", "2026-11-26", "--amend"]);
    expect(amended.stdout).toBe("DYA-003: decision recorded: optional, by 张伟 (zhang) on 2026-11-26.\nThe earlier decision (must meet, 2026-11-24) is kept in the review history.\n");
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toBe(
      file.replace(
        "  decision: { disposition: must, by: zhang, date: 2026-11-24 }\n",
        "  decision:\n    disposition: optional\n    by: zhang\n    date: 2026-11-26\n  history:\n    - reason: amended\n      closed: 2026-11-26\n      decision: {disposition: must, by: zhang, date: 2026-11-24}\n",
      ),
    );
    // The file keeps the code 'amended'; a Chinese reader is told 修改.
    expect((await csrInProcess(["-C", dir, "show", "DYA-003", "--today", "2026-11-27"], { lang: null })).stdout).toContain("  历次评审        修改，2026-11-26 结束\n                    结论 必须满足，张伟，2026-11-24\n");
    // The review report's 记录 and 评审组长, added to the decided review, dated --date (else today: test/ci/review-rewritten.test.ts).
    expect(await csrInProcess(["-C", dir, "review", "DYA-003", "--recorder", "li", "--leader", "王强", "--date", "2026-11-26"])).toEqual({
      code: 0,
      stdout: "DYA-003: Review report signed: recorded by 李娜 (li), review team leader 王强 (wang), 2026-11-26.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toContain("    date: 2026-11-26\n  history:\n    - reason: amended\n      closed: 2026-11-26\n      decision: {disposition: must, by: zhang, date: 2026-11-24}\n  recorder: {by: li, date: 2026-11-26}\n  leader: {by: wang, date: 2026-11-26}\n");
    expect((await csrInProcess(["-C", dir, "show", "DYA-003", "--today", "2026-11-27"], { lang: null })).stdout).toContain("  报告签字        记录 李娜，2026-11-26\n                  评审组长 王强，2026-11-26\n");
    expect((await csrInProcess(["-C", dir, "review", "DYA-003", "--recorder", "zhang"], { lang: null })).stderr).toBe(
      "csr: DYA-003 的评审报告上已有记录 李娜（li）（2026-11-26）；未作改动。\n提示：确需更换时加 --amend。\n",
    );
    expect((await csrInProcess(["-C", dir, "review", "DYA-001", "--leader", "zhang"])).stderr).toBe(
      "csr: DYA-001 has no decision yet: the review report's recorder and team leader are recorded with the decision.\nhint: Record them with it: 'csr review DYA-001 --disposition <disposition> --by <person> --recorder <person> --leader <person>'.\n",
    );
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);
  });

  it("replaces a department's opinion only with --amend", async () => {
    const dir = repo();
    const args = ["--department", "QA", "--reviewer", "zhang", "--opinion", "reject", "--comment", "现有设备达不到公差要求", "--date", "2026-11-26"];
    expect((await review(dir, ...args)).stderr).toBe(
      "csr: 品质部 has already given its opinion on DYA-011: accept, by 张伟 (zhang) on 2026-11-23.\nhint: Add --amend to replace it; the earlier opinion is kept in the review history.\n",
    );
    const amended = await review(dir, ...args, "--amend");
    expect(amended.stdout).toBe(
      "DYA-011: opinion of 品质部 recorded: reject, by 张伟 (zhang) on 2026-11-26.\nThe earlier opinion of 品质部 (accept, 2026-11-23) is kept in the review history.\nStill missing: 市场部, 生产部.\n",
    );
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain(
      "  opinions:\n    - department: QA\n      reviewer: zhang\n      opinion: reject\n      date: 2026-11-26\n      comment: 现有设备达不到公差要求\n  history:\n    - reason: amended\n      closed: 2026-11-26\n      opinions:\n        - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-23}\n",
    );
  });

  it("refuses an opinion changed after the decision and says to make the decision again first, never to move a date (tester23 F11)", async () => {
    const dir = repo();
    await review(dir, "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-24");
    await review(dir, "--department", "PRD", "--reviewer", "wang", "--opinion", "accept", "--date", "2026-11-24");
    expect((await review(dir, "--disposition", "must", "--by", "zhang", "--date", "2026-11-25")).code).toBe(0);
    const decided = read(dir, "csr/DYA/DYA-011.yaml");
    const opinion = ["--department", "QA", "--reviewer", "zhang", "--opinion", "reject", "--comment", "现有设备达不到公差要求", "--date", "2026-11-26", "--amend"];
    expect(await csrInProcess(["-C", dir, "review", "DYA-011", ...opinion], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-011 已于 2026-11-25 作出评审结论（必须满足）；品质部 2026-11-26 的意见在结论之后，结论须据此重新作出。\n" +
        "提示：先用 'csr review DYA-011 --disposition <结论> --by zhang --date 2026-11-26 --amend' 重新作出结论（<结论> 为 must（必须满足）、optional（可选）、not-applicable（不适用）或 rejected（不合理）；原结论保留在评审历史中），再记录此意见。不要把意见的日期改到结论之前。\n",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(decided);
    // The order the hint gives: both dated the day of the change, which csr check accepts.
    expect((await review(dir, "--disposition", "rejected", "--justification", "品质部改为不同意", "--by", "zhang", "--date", "2026-11-26", "--amend")).code).toBe(0);
    expect((await review(dir, ...opinion)).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);
  });

  it("refuses what csr check would reject: an unknown reviewer, a rejection without justification", async () => {
    const dir = repo();
    const unknown = await review(dir, "--department", "MKT", "--reviewer", "lii", "--opinion", "accept", "--date", "2026-11-24");
    expect(unknown.stderr).toBe(
      "csr: --reviewer lii: no person in people.yaml has this id or name (list them with 'csr list people'). Did you mean 'li' (李娜)?\n",
    );
    const unjustified = await review(dir, "--disposition", "rejected", "--by", "zhang", "--force", "--yes");
    expect(unjustified.stderr).toBe("csr: --justification is required (or run in a terminal to be asked for why it is rejected).\n");
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN);
  });

  it("refuses an inconsistent record as csr check reports it: wrong department, early date, decider without the approver role", async () => {
    const dir = repo();
    const foreign = await review(dir, "--department", "MKT", "--reviewer", "wang", "--opinion", "accept", "--date", "2026-11-24");
    expect(foreign.stderr).toBe(
      "csr: Nothing was written: the result would not pass 'csr check':\n  csr/DYA/DYA-011.yaml:13:17 csr/review-inconsistent DYA-011: 王强 (wang) of 生产部 gave the opinion of 市场部. An opinion is given by a member of the department, or by a delegate listed under 'delegates' of department MKT in qms.yaml.\n",
    );
    const early = await review(dir, "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-19");
    expect(early).toEqual({ code: 2, stdout: "", stderr: "csr: --date 2026-11-19 is before the receipt of DYA-011 (2026-11-20), which it must follow.\n" });
    const future = await review(dir, "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2099-12-31");
    expect(future).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/^csr: --date 2099-12-31 is after today \(\d{4}-\d{2}-\d{2}\): a record of something done cannot be dated in the future\.\n$/) });
    const byReviewer = await review(dir, "--disposition", "must", "--by", "li", "--force", "--date", "2026-11-24");
    expect(byReviewer.stderr).toContain("csr/review-inconsistent DYA-011: 李娜 (li) recorded the decision but does not have the role 'approver' in people.yaml.");
    expect(byReviewer.code).toBe(2);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN);
  });

  it("refuses an inconsistent record in Chinese when run in Chinese", async () => {
    const dir = repo();
    const foreign = await csrInProcess(["-C", dir, "review", "DYA-011", "--department", "MKT", "--reviewer", "wang", "--opinion", "accept", "--date", "2026-11-24"], { lang: "zh-CN" });
    expect(foreign.stderr).toContain(
      "  csr/DYA/DYA-011.yaml:13:17 csr/review-inconsistent DYA-011：生产部的王强（wang）给出了市场部的意见。部门的意见应由本部门的成员给出，或由 qms.yaml 中部门 MKT 的 'delegates' 所列的代理人给出。\n",
    );
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN);
  });

  it("records why a late decision was late, and reminds when no reason is given", async () => {
    const lateRepo = () => makeRepo({ "csr/DYA/DYA-011.yaml": HAND_WRITTEN.replace("received: 2026-11-20", "received: 2026-11-02") }, validRepo());
    const dir = lateRepo();
    const late = await review(dir, "--disposition", "must", "--by", "zhang", "--force", "--date", "2026-11-24", "--late-reason", "等待顾客澄清");
    expect(late.stdout).toBe(
      "DYA-011: decision recorded: must meet, by 张伟 (zhang) on 2026-11-24.\nDecided 6 working days after the review period (due 2026-11-16); reason for the delay recorded: 等待顾客澄清.\nDecided without the opinion of 市场部, 生产部; recorded as forced.\n",
    );
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("  late_reason: 等待顾客澄清\n");
    const reminder = await review(lateRepo(), "--disposition", "must", "--by", "zhang", "--force", "--date", "2026-11-24");
    expect(reminder.stdout).toContain("Decided after the review period (due 2026-11-16); record why with --late-reason (rule csr/review-late).\n");
    const early = await review(repo(), "--disposition", "must", "--by", "zhang", "--force", "--date", "2026-11-24", "--late-reason", "x");
    expect(early.stderr).toBe("csr: --late-reason is for a decision after the review period; DYA-011 was due on 2026-12-04 and is decided on 2026-11-24.\n");
  });

  it("refuses an opinion that accepts with action without saying which action", async () => {
    const dir = repo();
    const args = ["--department", "MKT", "--reviewer", "li", "--opinion", "accept-with-action", "--date", "2026-11-24"];
    expect(await review(dir, ...args)).toEqual({ code: 2, stdout: "", stderr: "csr: An opinion 'accept-with-action' needs --comment saying which action is needed, e.g. --comment 需更换标签模板.\n" });
    expect((await review(dir, ...args, "--comment", "  ")).code).toBe(2);
    expect((await csrInProcess(["-C", dir, "review", "DYA-011", ...args], { lang: "zh-CN" })).stderr).toBe("csr: 意见“有条件同意”需要用 --comment 写明需要采取的措施，例如 --comment 需更换标签模板。\n");
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN);
  });

  it("without a terminal, says what to record and names missing flags", async () => {
    const dir = repo();
    expect((await review(dir)).stderr).toBe("csr: Say what to record: --opinion with --department and --reviewer, or --disposition with --by.\n");
    expect((await review(dir, "--department", "MKT", "--opinion", "accept")).stderr).toBe("csr: --reviewer is required (or run in a terminal to be asked for the reviewer).\n");
    expect((await review(dir, "--opinion", "agree", "--department", "MKT", "--reviewer", "li")).stderr).toBe(
      "csr: --opinion must be one of accept, accept-with-action, reject; got 'agree'.\n",
    );
    expect((await csrInProcess(["-C", dir, "review", "DYA-12", "--opinion", "accept"])).stderr).toBe("csr: No CSR 'DYA-12' in this repository. Did you mean 'DYA-002'?\nhint: 'csr list' shows every CSR.\n");
  });
});

describe("csr review against a deadline in a year without public holidays", () => {
  it("records the decision and says on stderr that its deadline counts the statutory holidays of 2027, not its 调休", async () => {
    const dir = makeRepo({ "csr/DYA/DYA-011.yaml": HAND_WRITTEN.replace("  required: [QA, MKT, PRD]   # 生产部也须会签\n", "") + "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-11-24 }\n" }, validRepo());
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("review_days: 10", "review_days: 40"));
    const ctx = capture(dir);
    expect(await reviewCsr(ctx, "DYA-011", { disposition: "must", by: "张伟", date: "2026-11-25", yes: true })).toBe(0);
    expect(ctx.out).toBe("DYA-011: decision recorded: must meet, by 张伟 (zhang) on 2026-11-25.\n");
    expect(ctx.err).toBe(
      "note: csr has no holiday notice for 2027; the deadline 2027-01-18 counts its statutory public holidays, but its make-up days (调休: bridging days off, make-up working days) are not known and may move it by a few days (rule calendar/year-missing). Once that year's notice is published, write its days into qms.yaml with 'csr calendar notice <file>'.\n",
    );
  });
});

describe("the next step csr review suggests", () => {
  /** validRepo with 陈明, an approver listed before 张伟 who left on `left`. */
  function withDepartedApprover(left: string): string {
    const dir = validRepo();
    const people = read(dir, "people.yaml").replace("people:\n", `people:\n  - id: chen\n    name: 陈明\n    department: QA\n    roles: [approver]\n    left: ${left}\n`);
    writeFileSync(join(dir, "people.yaml"), people);
    return dir;
  }
  const opinion = (dir: string) => csrInProcess(["-C", dir, "review", "DYA-002", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-26"]);

  it("names an approver who still works there, not one who has left (tester16 F5)", async () => {
    const dir = withDepartedApprover("2026-01-01");
    expect(await opinion(dir)).toEqual({
      code: 0,
      stdout:
        "DYA-002: opinion of 市场部 recorded: accept, by 李娜 (li) on 2026-11-26.\nEvery required opinion is in; record the decision with 'csr review DYA-002 --disposition <disposition> --by zhang', <disposition> being must (must meet), optional, not-applicable (not applicable), or rejected.\n",
      stderr: "",
    });
    expect((await csrInProcess(["-C", dir, "review", "DYA-002", "--disposition", "must", "--by", "zhang"])).code).toBe(0);
  });

  it("names the role, not a person, when every approver has left", async () => {
    const dir = withDepartedApprover("2026-01-01");
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml").replace("roles: [reviewer, approver]", "roles: [reviewer]"));
    expect((await opinion(dir)).stdout).toBe(
      "DYA-002: opinion of 市场部 recorded: accept, by 李娜 (li) on 2026-11-26.\nEvery required opinion is in; record the decision with 'csr review DYA-002 --disposition <disposition> --by <approver>', <disposition> being must (must meet), optional, not-applicable (not applicable), or rejected.\n",
    );
  });
});

describe("csr review --record (tester16 F10)", () => {
  it("records the signed paper review record that csr/forced-decision asks for, as the rule's hint says to", async () => {
    const dir = repo();
    expect((await review(dir, "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--force")).code).toBe(0);
    const forced = async () => (await checkJsonInProcess(dir, "--today", "2026-11-26")).findings.filter((f) => f.rule === "csr/forced-decision").map((f) => f.message);
    expect(await forced()).toEqual([
      "DYA-011 was decided on 2026-11-25 without the countersigns of 市场部, 生产部 (forced), which are still missing (2 departments). Record them with 'csr review DYA-011 --department MKT --opinion ...', or record the signed paper review record with 'csr review DYA-011 --record <number>'.",
    ]);
    expect(await review(dir, "--record", "2026-11 评审记录 第12号")).toEqual({
      code: 0,
      stdout: "DYA-011: signed paper review record 2026-11 评审记录 第12号 recorded; its countersigns stand for the opinions missing here.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("  record:\n    ref: 2026-11 评审记录 第12号\n");
    expect(await forced()).toEqual([]);
  });

  it("takes no blank number, nothing besides it, and replaces a record only with --amend, keeping the earlier one", async () => {
    const dir = repo();
    const before = read(dir, "csr/DYA/DYA-011.yaml");
    expect(await review(dir, "--record", " ")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'csr: --record cannot be empty: give the number of the signed paper review record, e.g. --record "2026-11 评审记录 第12号".\n',
    });
    expect(await review(dir, "--record", "第12号", "--department", "MKT")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --record and --record-form record the signed paper review record: alone, or with the decision taken on it (--disposition); not with an opinion or --required, nor with signers or a late reason without --disposition.\n",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(before);
    expect((await review(dir, "--record", "第12号")).code).toBe(0);
    expect(await review(dir, "--record", "第13号")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA-011 already names its signed paper review record: 第12号.\nhint: Add --amend to replace it; the earlier record is kept in the review history.\n",
    });
    expect(await review(dir, "--record", "第13号", "--amend", "--date", "2026-11-26")).toEqual({
      code: 0,
      stdout: "DYA-011: signed paper review record 第13号 recorded; its countersigns stand for the opinions missing here.\nThe earlier review record (第12号) is kept in the review history.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("  record:\n    ref: 第13号\n  history:\n    - reason: amended\n      closed: 2026-11-26\n      record:\n        ref: 第12号\n");
  });
});

describe("csr review --record-form: the form the paper review record was filled in on", () => {
  const FORM = "id: QR-020-01\ntitle: 顾客特定要求评审记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n";
  const withForm = () => makeRepo({ "csr/DYA/DYA-011.yaml": HAND_WRITTEN, "documents/QR-020-01.yaml": FORM }, validRepo());
  // The built binary, as a document controller runs it.
  const reviewBin = (dir: string, ...args: string[]) => csr(["-C", dir, "review", "DYA-011", ...args]);

  it("records the form with the number, and takes only a form of the repository", () => {
    const dir = withForm();
    expect(reviewBin(dir, "--record", "第12号", "--record-form", "QR-020-1")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: --record-form: no form 'QR-020-1' in the repository. Did you mean 'QR-020-01'?\nhint: Give the number of the form the record was filled in on; 'csr list forms' lists the forms. A form not registered yet is added with 'csr new form'.\n",
    });
    expect(reviewBin(dir, "--record", "第12号", "--record-form", "WI-031")).toEqual({ code: 2, stdout: "", stderr: "csr: --record-form: WI-031 包装作业指导书 is of kind instruction, not a form.\n" });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN);
    expect(reviewBin(dir, "--record", "第12号", "--record-form", "QR-020-01")).toEqual({
      code: 0,
      stdout: "DYA-011: signed paper review record QR-020-01 第12号 recorded; its countersigns stand for the opinions missing here.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN + "  record:\n    form: QR-020-01\n    ref: 第12号\n");
  });

  it("alone, adds the form to the record already named, keeping its number; replacing a form takes --amend", () => {
    const dir = withForm();
    expect(reviewBin(dir, "--record-form", "QR-020-01")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA-011 names no signed paper review record yet: --record-form gives the form of one.\nhint: Give its number too: 'csr review DYA-011 --record <number> --record-form <form>'.\n",
    });
    expect(reviewBin(dir, "--record", "第12号").code).toBe(0);
    expect(reviewBin(dir, "--record-form", "QR-020-01")).toEqual({
      code: 0,
      stdout: "DYA-011: signed paper review record QR-020-01 第12号 recorded; its countersigns stand for the opinions missing here.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(HAND_WRITTEN + "  record:\n    ref: 第12号\n    form: QR-020-01\n");
    expect(reviewBin(dir, "--record-form", "QR-020-01")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA-011 already names its signed paper review record: QR-020-01 第12号.\nhint: Add --amend to replace it; the earlier record is kept in the review history.\n",
    });
  });
});

describe("csr/review-incomplete names the commands that complete the review, not a YAML edit (tester16 F10)", () => {
  const DECIDED = HAND_WRITTEN + "  decision: { disposition: must, by: zhang, date: 2026-11-25 }\n";
  const incomplete = async (dir: string) => (await checkJsonInProcess(dir, "--today", "2026-11-26")).findings.filter((f) => f.rule === "csr/review-incomplete").map((f) => f.message);
  const MESSAGE =
    "DYA-011 is decided (must) but the opinion of MKT, PRD is missing. Record it with 'csr review DYA-011 --department MKT --reviewer <person> --opinion <opinion> --date <date>'; if the opinions were given on a signed paper review record, record that with 'csr review DYA-011 --record <number> --record-form <form>'; if the decision was deliberately taken without it, record it again as forced with 'csr review DYA-011 --disposition must --by zhang --date 2026-11-25 --force --amend' (the earlier decision is kept in the review history).";

  it("the paper review record command it names settles it", async () => {
    const dir = makeRepo({ "csr/DYA/DYA-011.yaml": DECIDED, "documents/QR-020-01.yaml": "id: QR-020-01\ntitle: 顾客特定要求评审记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n" }, validRepo());
    expect(await incomplete(dir)).toEqual([MESSAGE]);
    expect((await review(dir, "--record", "第12号", "--record-form", "QR-020-01")).code).toBe(0);
    expect(await incomplete(dir)).toEqual([]);
  });

  it("the forced decision command it names settles it, keeping the earlier decision", async () => {
    const dir = makeRepo({ "csr/DYA/DYA-011.yaml": DECIDED }, validRepo());
    expect((await review(dir, "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--force", "--amend")).code).toBe(0);
    expect(await incomplete(dir)).toEqual([]);
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain(
      "  decision:\n    disposition: must\n    by: zhang\n    date: 2026-11-25\n    forced: true\n  history:\n    - reason: amended\n      closed: 2026-11-25\n      decision: {disposition: must, by: zhang, date: 2026-11-25}\n",
    );
  });
});

describe("step-by-step 会签 ended by the decision with --commit (tester18 F2)", () => {
  it("commits the opinions written before without --commit with the decision, and names them in the message", async () => {
    const dir = gitInit(repo());
    expect((await review(dir, "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-24")).code).toBe(0);
    expect((await review(dir, "--department", "PRD", "--reviewer", "wang", "--opinion", "accept", "--date", "2026-11-24")).code).toBe(0);
    const result = await csrInProcess(["-C", dir, "--lang", "zh-CN", "review", "DYA-011", "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: `DYA-011：已登记评审结论：必须满足，张伟（zhang），2026-11-25。\n已提交 ${hash}：csr review DYA-011：评审结论 必须满足；连同此前未提交的评审步骤：市场部 同意、生产部 同意\n`,
      stderr: "",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["show", "--format=", "--stat", "HEAD"])).toBe(" csr/DYA/DYA-011.yaml | 12 ++++++++++++\n 1 file changed, 12 insertions(+)\n");
  });

  it("names the departments to countersign by name in the commit message, as the opinions are (tester56 D16)", async () => {
    const dir = gitInit(repo());
    const result = await csrInProcess(["-C", dir, "--lang", "zh-CN", "review", "DYA-011", "--required", "MKT", "PRD", "--commit"]);
    expect(result.stdout.split("\n").at(-2)).toBe(`已提交 ${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}：csr review DYA-011：会签部门 市场部、生产部`);
  });

  it("still refuses when the file has other uncommitted changes than the review's", async () => {
    const dir = gitInit(repo());
    writeFileSync(join(dir, "csr/DYA/DYA-011.yaml"), HAND_WRITTEN.replace("title: 控制计划变更须通知顾客", "title: 控制计划变更须书面通知顾客"));
    expect((await review(dir, "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-24", "--commit")).stderr).toBe(
      "csr: csr/DYA/DYA-011.yaml has uncommitted changes, which --commit would commit along unseen.\nhint: Commit or undo them first, or leave out --commit.\n",
    );
  });
});
