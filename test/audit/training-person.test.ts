/**
 * A person's training file (员工培训档案, tester72 Q6): `csr list training --person` lists every session that trained
 * them — by name, with their department, as its trainer — with revision, trainer and record number, then what they still
 * miss, as the missing-training list has it for them; the site's person page shows the sessions (IATF 16949 7.2.1, 7.2.2).
 * Real repositories in temporary folders; the first list and the refusal of --missing through the built binary, the
 * other lists and the site in the test's process (csrInProcess).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, tempDir } from "../helpers.js";
import { threeDepartmentRepo, trainingProcedure } from "../control/three-departments.js";

const required = "training:\n  required: true\n";
/** QP-005 A/1 (in force since 2026-10-12): 赵磊 trained by name, 生产部 as a department; QP-006 A/1 the same, nobody trained. */
const repo = () =>
  threeDepartmentRepo({
    "documents/QP-005.yaml":
      trainingProcedure() +
      required +
      "  sessions:\n" +
      "    - {revision: A/1, date: 2026-10-13, people: [zhao], trainer: zhang, record: TR-2026-040}\n" +
      "    - {revision: A/1, date: 2026-10-20, department: PRD, trainees: [张三(1023)], trainer: zhang, record: TR-2026-041}\n" +
      "    - {revision: A/1, date: 2026-10-21, department: PRD, trainer: wang, record: TR-2026-042}\n",
    "documents/QP-006.yaml": trainingProcedure().replace("id: QP-005", "id: QP-006").replace("title: 培训程序", "title: 培训评价程序") + required,
  });
/** The printed list's rows, each cell trimmed. */
const rows = (stdout: string) =>
  stdout
    .split("\n")
    .filter((line) => /^\s*\d+\s/.test(line))
    .map((line) => line.trim().split(/ {2,}/).map((cell) => cell.trim()));

describe("a person's training file (tester72 Q6)", () => {
  it("lists each training they received and what they still miss", async () => {
    const dir = repo();
    const list = csr(["-C", dir, "list", "training", "--person", "赵磊", "--today", "2026-11-02"]);
    expect(list.stderr).toBe("Record each training once given with 'csr train <id> --people ... --date ... --trainer ... --record ...'.\n");
    expect(list.code).toBe(0);
    expect(list.stdout.split("\n")[0]).toBe("Training file of 赵磊 (生产部) on 2026-11-02: 3 trainings, 1 missing");
    expect(rows(list.stdout)).toEqual([
      ["1", "2026-10-13", "QP-005", "培训程序", "A/1", "named", "张伟", "TR-2026-040", "trained"],
      ["2", "2026-10-20", "QP-005", "培训程序", "A/1", "with 生产部", "张伟", "TR-2026-041", "trained"],
      ["3", "2026-10-21", "QP-005", "培训程序", "A/1", "with 生产部 (names on the sign-in sheet)", "王强", "TR-2026-042", "attendance on the record's sign-in sheet"],
      ["4", "QP-006", "培训评价程序", "A/1", "2026-10-12", "not trained: overdue by 16 working days"],
    ]);
    // The trainer's own file: the sessions he gave.
    expect(rows((await csrInProcess(["-C", dir, "list", "training", "--person", "zhang", "--today", "2026-11-02"])).stdout).map((r) => r.slice(1, 6))).toEqual([
      ["2026-10-13", "QP-005", "培训程序", "A/1", "as trainer"],
      ["2026-10-20", "QP-005", "培训程序", "A/1", "as trainer"],
      ["QP-006", "培训评价程序", "A/1", "2026-10-12", "not trained: overdue by 16 working days"],
    ]);
  });

  it("is written as CSV and xlsx like the other lists, and refuses another narrowing", async () => {
    const dir = repo();
    const csv = await csrInProcess(["-C", dir, "list", "training", "--person", "zhao", "--today", "2026-11-02", "--format", "csv"], { lang: "zh-CN" });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n").slice(0, 2)).toEqual([
      "\uFEFF序号,培训日期,文件/要求,名称,版本,参加方式,培训人,记录编号,培训期限,状态,截至",
      "1,2026-10-13,QP-005,培训程序,A/1,本人参加,张伟,TR-2026-040,,已培训,2026-11-02",
    ]);
    const out = join(tempDir(), "zhao.xlsx");
    expect((await csrInProcess(["-C", dir, "list", "training", "--person", "zhao", "--today", "2026-11-02", "--out", out])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const both = csr(["-C", dir, "list", "training", "--person", "zhao", "--missing"]);
    expect([both.code, both.stderr]).toEqual([2, "csr: --person lists a person's whole training file (what they still miss included); it does not take --missing.\n"]);
    expect((await csrInProcess(["-C", dir, "list", "documents", "--person", "zhao"])).stderr).toContain("--person");
  });

  it("heads how the person took part (参加方式) apart from how the session was given (培训方式, the training register's)", async () => {
    const dir = repo();
    const file = join(dir, "documents", "QP-005.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("trainer: zhang, record: TR-2026-040}", "trainer: zhang, record: TR-2026-040, method: classroom}"));
    const header = async (args: string[], lang: "zh-CN" | "en") => {
      const listed = await csrInProcess(["-C", dir, "list", "training", ...args, "--today", "2026-11-02", "--format", "csv"], { lang });
      expect(listed.code, listed.stderr).toBe(0);
      return listed.stdout.replace(/^\uFEFF/, "").split("\r\n")[0]!.split(",");
    };
    expect((await header(["--person", "zhao"], "zh-CN")).slice(5, 7)).toEqual(["参加方式", "培训人"]);
    expect((await header(["--person", "zhao"], "en")).slice(5, 7)).toEqual(["Took part", "Trainer"]);
    expect((await header([], "zh-CN")).filter((h) => /方式/.test(h))).toEqual(["培训方式"]);
    expect(await header([], "en")).toContain("Method");
  });

  it("is on the person's page of the site", async () => {
    const dir = repo();
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-11-02"], { lang: "zh-CN" })).code).toBe(0);
    const page = readFileSync(join(out, "people", "zhao.html"), "utf8");
    const section = page.split('id="trained"')[1]!.split("</section>")[0]!;
    expect(section).toContain("本人的培训记录（3）");
    expect(section).toContain("TR-2026-041");
    expect(section).toContain("部门培训（生产部，名单见签到表）");
    expect(section).toContain('href="../documents/QP-005.html"');
  });
});
