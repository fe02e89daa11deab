/**
 * `csr list training --missing` (未完成培训人员清单, tester61 L5; IATF 16949 7.2.2 training before the
 * work, 7.3): for each revision needing training — one released to take effect later too — who of
 * people.yaml is still to be trained, their department, the day it takes effect, the training deadline
 * and the working days left or overdue, as doc/training-overdue counts them. Real commits in a temporary
 * git repository; the built binary for the first list in each language and the refusal, csr in the test's
 * process (csrInProcess) for the others.
 */
import { describe, expect, it } from "vitest";
import { csr, csrInProcess } from "../helpers.js";
import { missing, missingBinary, rows } from "./training-list.js";
import { pendingTrainingProcedure, threeDepartmentRepo } from "../control/three-departments.js";

// QP-005 A/2, released 2026-11-10 to take effect on 2026-11-25, of 品质部 with a copy of A/2 at 生产部; 张伟 trained on it on 2026-11-20
// by 李娜 of 市场部 (counted as trained too, where she is to be: a trainer is trained by the session he gives, breaker63 P11).
const session = "    - {revision: A/2, date: 2026-11-20, people: [zhang], trainer: li, record: TR-2026-050}\n";
const procedure = (sessions: string) => pendingTrainingProcedure() + "training:\n  required: true\n  sessions:\n" + sessions;

const NOTE =
  "The people to train are those of people.yaml at work in the departments concerned (a document's own department and those holding this version or the one it replaces, on paper or electronically; a CSR's distribution and countersigning departments); a department's training counts the people in that department on its day (one that names nobody counts nobody: the names are on its sign-in sheet), and a session's trainer counts as trained by it (IATF 16949 7.2); people outside people.yaml (operators) are on the training records, not in this list. Training is given before the revision takes effect (IATF 16949 7.2.2); \"Training due\" is the latest day: for a document's version the day it takes effect, whoever is untrained being overdue from that day (from its release for one in force at once); for a CSR decided before its source revision's effective date, that day too, else 20 working days after its decision; for someone who joined later (people.yaml `joined`), 20 working days after their first day; for a revision not yet in force, \"takes effect in\" counts the working days left before it, today included. A CSR's \"Effective\" is its source revision's effective date (the remark says which day its training is due from).";
const HINT = "Record each training once given with 'csr train <id> --people ... --date ... --trainer ... --record ...'.\n";


describe("csr list training --missing (tester61 L5)", () => {
  it("names who still lacks training on a revision not yet in force, then in force, then overdue, with the days left as csr check counts them", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure(session) });
    const before = missingBinary(dir, "2026-11-18");
    expect(before.stderr).toBe(HINT);
    expect(before.code).toBe(0);
    expect(before.stdout.split("\n").slice(0, 3)).toEqual(["People still to be trained (as of 2026-11-18, 3 in total)", "", expect.stringMatching(/^No\. {2}Document\/CSR {2}Title {5}Revision {2}Effective {3}Training due {2}Left\/overdue {20}Name {2}Department {2}Remarks$/)]);
    // 张伟 is trained from 2026-11-20 on, not before.
    expect(rows(before.stdout)).toEqual([
      ["1", "QP-005", "培训程序", "A/2", "2026-11-25", "2026-11-25", "takes effect in 5 working days", "张伟", "品质部"],
      ["2", "QP-005", "培训程序", "A/2", "2026-11-25", "2026-11-25", "takes effect in 5 working days", "王强", "品质部"],
      ["3", "QP-005", "培训程序", "A/2", "2026-11-25", "2026-11-25", "takes effect in 5 working days", "赵磊", "生产部"],
    ]);
    expect(before.stdout.trimEnd().split("\n").at(-1)).toBe(NOTE);
    expect(rows((await missing(dir, "2026-11-24")).stdout).map((r) => [r[6], r[7]])).toEqual([
      ["takes effect in 1 working day", "王强"],
      ["takes effect in 1 working day", "赵磊"],
    ]);
    // Due by the day it takes effect: whoever works to it untrained from that day is overdue (tester72 Q14, ops75 P1).
    expect(rows((await missing(dir, "2026-11-25")).stdout).map((r) => [r[6], r[7]])).toEqual([
      ["overdue by 1 working day", "王强"],
      ["overdue by 1 working day", "赵磊"],
    ]);
    expect(rows((await missing(dir, "2026-12-02")).stdout).map((r) => r[6])).toEqual(["overdue by 6 working days", "overdue by 6 working days"]);
    // Past the deadline, as doc/training-overdue would say if nobody were trained.
    expect(rows((await missing(dir, "2026-12-25")).stdout).map((r) => [r[6], r[7], r[8]])).toEqual([
      ["overdue by 23 working days", "王强", "品质部"],
      ["overdue by 23 working days", "赵磊", "生产部"],
    ]);
  });

  it("names the departments holding the version in force, on paper or electronically, before the new one takes effect (breaker62 P9)", async () => {
    // No copy of A/2 is out yet: 生产部 holds A/1 on paper, 市场部 reads it on OA; both work to it until A/2 takes effect.
    const held = procedure(session)
      .replace("  - {copy: 5, version: A/2, to: PRD, holder: zhao, date: 2026-11-12}\n", "  - {copy: 5, version: A/1, to: PRD, holder: zhao, date: 2026-10-14}\n")
      .concat("electronic_issue:\n  - {version: A/1, to: [MKT], date: 2026-10-14, system: OA}\n");
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": held });
    const before = await missing(dir, "2026-11-18");
    expect(before.code).toBe(0);
    // 张伟 is trained on 2026-11-20.
    expect(rows(before.stdout).map((r) => [r[6], r[7], r[8]])).toEqual([
      ["takes effect in 5 working days", "张伟", "品质部"],
      ["takes effect in 5 working days", "李娜", "市场部"],
      ["takes effect in 5 working days", "王强", "品质部"],
      ["takes effect in 5 working days", "赵磊", "生产部"],
    ]);
    // A copy of A/0, two versions back and due back since A/1, is not a place where A/2 will be used.
    const recalled = held.replace("{copy: 5, version: A/1", "{copy: 5, version: A/0").replace("electronic_issue:\n  - {version: A/1", "electronic_issue:\n  - {version: A/0");
    const old = threeDepartmentRepo({ "documents/QP-005.yaml": recalled });
    expect(rows((await missing(old, "2026-11-18")).stdout).map((r) => [r[7], r[8]])).toEqual([
      ["张伟", "品质部"],
      ["王强", "品质部"],
    ]);
  });

  it("prints in Chinese and as CSV like the other registers", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure(session) });
    const zh = csr(["-C", dir, "--lang", "zh-CN", "list", "training", "--missing", "--today", "2026-12-25"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout.split("\n")[0]).toBe("未完成培训人员清单（截至 2026-12-25，共 2 条）");
    expect(rows(zh.stdout)).toEqual([
      ["1", "QP-005", "培训程序", "A/2", "2026-11-25", "2026-11-25", "逾期 23 个工作日", "王强", "品质部"],
      ["2", "QP-005", "培训程序", "A/2", "2026-11-25", "2026-11-25", "逾期 23 个工作日", "赵磊", "生产部"],
    ]);
    const csv = await missing(dir, "2026-11-24", "--format", "csv");
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(
      [
        // The day the list was made on, as every register that depends on the day carries it in a CSV.
        "\uFEFFNo.,Document/CSR,Title,Revision,Effective,Training due,Left/overdue,Name,Department,Remarks,As of",
        "1,QP-005,培训程序,A/2,2026-11-25,2026-11-25,takes effect in 1 working day,王强,品质部,,2026-11-24",
        "2,QP-005,培训程序,A/2,2026-11-25,2026-11-25,takes effect in 1 working day,赵磊,生产部,,2026-11-24",
        "",
      ].join("\r\n").replace(/\r\n$/, "\r\n"),
    );
  });

  it("lists nobody once everyone is trained and says how many revisions it left out", async () => {
    const all = session + "    - {revision: A/2, date: 2026-11-23, people: [wang], department: PRD, trainer: zhang, record: TR-2026-051}\n";
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure(all) });
    const result = await missing(dir, "2026-11-24");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "People still to be trained (as of 2026-11-24, 0 in total)",
        "",
        "No.  Document/CSR  Title  Revision  Effective  Training due  Left/overdue  Name  Department  Remarks",
        "---  ------------  -----  --------  ---------  ------------  ------------  ----  ----------  -------",
        "",
        NOTE,
        "1 more revision needing training has everyone trained and is not listed.",
        "",
      ].join("\n"),
    );
  });

  it("lists one department's people or one document's, and says it is filtered (breaker62 P9)", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure(session) });
    const prd = await missing(dir, "2026-11-24", "--department", "生产部");
    expect(prd.code).toBe(0);
    expect(prd.stdout.split("\n")[0]).toBe("People still to be trained (department 生产部; as of 2026-11-24, 1 in total)");
    expect(rows(prd.stdout).map((r) => [r[1], r[7], r[8]])).toEqual([["QP-005", "赵磊", "生产部"]]);
    expect(prd.stdout).toContain("\nThis register is filtered (department 生产部) and is not the whole list of people still to be trained.\n");
    expect(prd.stderr).toBe("The whole list of people still to be trained: csr list training --missing.\n" + HINT);
    // 市场部 holds no copy of A/1 or A/2: QP-005 does not concern it.
    expect(rows((await missing(dir, "2026-11-24", "--department", "MKT")).stdout)).toEqual([]);
    const csv = await missing(dir, "2026-11-24", "--document", "QP-005", "--department", "QA", "--format", "csv");
    expect(csv.stdout.split("\r\n").slice(1, -1)).toEqual(["1,QP-005,培训程序,A/2,2026-11-25,2026-11-25,takes effect in 1 working day,王强,品质部,,2026-11-24"]);
    expect(csv.stderr).toContain("csr: this CSV is filtered (document/CSR QP-005; department 品质部), 1 row");
    // The training records themselves: the sessions that trained the department's people.
    const records = async (department: string) => (await csrInProcess(["-C", dir, "list", "training", "--department", department, "--today", "2026-12-01"])).stdout.split("\n")[0];
    expect([await records("QA"), await records("PRD")]).toEqual(["Training register (department 品质部; 1 in total)", "Training register (department 生产部; 0 in total)"]);
    expect(await missing(dir, "2026-11-24", "--document", "QP-0055")).toMatchObject({ code: 2, stdout: "", stderr: "csr: No document or CSR 'QP-0055' in the repository. Did you mean 'QP-005'?\n" });
  });

  it("is refused for the other lists in one line", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure(session) });
    const result = csr(["-C", dir, "list", "procedures", "--missing"]);
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: "csr: --missing is for csr list training only, not for 'csr list procedures'.\n" });
  });
});
