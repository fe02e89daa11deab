/**
 * A CSR's distribution (csr distribute <CSR>) and training (csr train <CSR>) as the review report,
 * csr show and the report's Word and Markdown outputs print them: the recorded facts, not only
 * whether training is required. A small repository in a real temporary git repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git } from "../helpers.js";
import { decidedCsrYaml, threeDepartmentRepo } from "./three-departments.js";

const decidedCsr = decidedCsrYaml();

function smallRepo(extra: Record<string, string> = {}): string {
  return threeDepartmentRepo({
    "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    department: QA\n    revisions:\n      - {revision: C, received: 2026-03-10}\n",
    "csr/DYA/DYA-001.yaml": decidedCsr,
    ...extra,
  });
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("csr train on a CSR, as the review report shows it", () => {
  it("shows 需要培训 while no session is recorded, then 部分培训 with how many of the people to train are, and every session with its record number (breaker63 P1)", async () => {
    const dir = smallRepo();
    const out = join(dir, "out");
    await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--out", out, "--today", "2026-11-27"], { lang: null });
    // 培训期限 as csr list training --missing gives it (csrTrainingDeadline): 20 working days from the decision, overdue by 2026-11-27 (train75).
    expect(read(dir, "out/DYA-001.review.zh-CN.md")).toContain("- 培训：需要培训\n- 培训期限：2026-04-13（期限自 2026-03-13 评审决定起算；逾期 157 个工作日）\n\n| 记录 |");

    const trained = await csrInProcess(["-C", dir, "train", "DYA-001", "--people", "zhao", "li", "--trainer", "zhang", "--record", "TR-2026-090", "--date", "2026-11-20", "-y"], { lang: null });
    expect(trained.stderr).toBe("");
    expect(trained.code).toBe(0);
    await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--out", out, "--today", "2026-11-27"], { lang: null });
    expect(read(dir, "out/DYA-001.review.zh-CN.md")).toContain(
      ["- 培训：部分培训（已培训 2/3 人）", "- 培训期限：2026-04-13（期限自 2026-03-13 评审决定起算；逾期 157 个工作日）", "", "培训记录", "", "| 培训日期 | 来源文件版本 | 参训人员 | 培训人 | 记录编号 |", "| --- | --- | --- | --- | --- |", "| 2026-11-20 | C | 赵磊、李娜 | 张伟 | TR-2026-090 |", ""].join("\n"),
    );
    await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "html", "--out", out, "--today", "2026-11-27"], { lang: null });
    const html = read(dir, "out/DYA-001.review.zh-CN.html");
    expect(html).toContain('<tr><th>培训</th><td colspan="3">部分培训（已培训 2/3 人）</td></tr><tr><th>培训期限</th><td colspan="3">2026-04-13（期限自 2026-03-13 评审决定起算；逾期 157 个工作日）</td></tr>');
    expect(html).toContain('<tr><td class="nowrap">2026-11-20</td><td class="nowrap">C</td><td>赵磊、李娜</td><td class="nowrap">张伟</td><td class="nowrap">TR-2026-090</td></tr>');

    const shown = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(shown.stdout).toContain("  培训            部分培训（已培训 2/3 人，含培训人 1 人）\n                  2026-11-20，来源文件 C 版，赵磊、李娜，培训人 张伟，记录 TR-2026-090\n                  培训期限 2026-04-13（期限自 2026-03-13 评审决定起算；逾期 157 个工作日）\n");
    // 李娜 and the trainer 张伟 of 品质部 and 市场部, which reviewed it; 生产部's 赵磊 is not among the people to train. Once 王强 is: 已培训.
    expect((await csrInProcess(["-C", dir, "train", "DYA-001", "--people", "wang", "--trainer", "zhang", "--record", "TR-2026-092", "--date", "2026-11-23", "-y"], { lang: null })).code).toBe(0);
    const all = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(all.stdout).toContain("  培训            已培训\n                  2026-11-20，来源文件 C 版，赵磊、李娜，培训人 张伟，记录 TR-2026-090\n                  2026-11-23，来源文件 C 版，王强，培训人 张伟，记录 TR-2026-092\n");
  });

  it("counts a session on an earlier source revision as no training on the current one", async () => {
    const dir = smallRepo({
      "csr/DYA/DYA-001.yaml": decidedCsr + "  sessions:\n    - {revision: B, date: 2026-03-12, people: [zhao], trainer: zhang, record: TR-2026-001}\n",
    });
    const shown = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(shown.stdout).toContain("  培训            需要培训\n                  2026-03-12，来源文件 B 版，赵磊，培训人 张伟，记录 TR-2026-001\n");
  });

  // tester56 D4: a record number on its own says no revision; committed before the round for D began, it trained C.
  it("counts a record number given on its own for the current revision only when committed after the current round began", async () => {
    const reReviewed = [
      "id: DYA-001",
      "customer: DYA",
      'source: {document: DYA-SQM, revision: D, section: "4.2"}',
      "clauses: [IATF16949:8.3.3.3]",
      "title: 特殊特性符号须按顾客要求标识",
      "received: 2026-03-10",
      "review:",
      "  restarted: 2026-06-01",
      "  opinions:",
      "    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-06-02}",
      "    - {department: MKT, reviewer: li, opinion: accept, date: 2026-06-03}",
      "  decision: {disposition: must, by: wang, date: 2026-06-05}",
      "  history:",
      "    - source_revision: C",
      "      closed: 2026-06-01",
      "      reason: 顾客升版为D版",
      "      opinions:",
      "        - {department: QA, reviewer: zhang, opinion: accept, date: 2026-03-11}",
      "        - {department: MKT, reviewer: li, opinion: accept, date: 2026-03-12}",
      "      decision: {disposition: must, by: wang, date: 2026-03-13}",
      "training:",
      "  required: true",
      "  records: [TR-2026-001]",
      "",
    ].join("\n");
    const dir = smallRepo({
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    department: QA\n    revisions:\n      - {revision: C, received: 2026-03-10}\n      - {revision: D, received: 2026-06-01}\n",
      "csr/DYA/DYA-001.yaml": reReviewed,
    });
    git(dir, ["commit", "-q", "--amend", "--no-edit"], { GIT_COMMITTER_DATE: "2026-05-20T10:00:00+08:00" });
    const earlier = "TR-2026-001（2026-05-20 登记，早于本轮评审开始的 2026-06-01，不是 D 版的培训）";
    const shown = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(shown.stdout).toContain(`  培训            需要培训；培训记录 ${earlier}\n`);
    const checked = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"], { lang: "en" });
    expect((JSON.parse(checked.stdout) as { findings: { rule: string; message: string }[] }).findings.filter((f) => f.rule === "csr/training-overdue").map((f) => f.message)).toEqual([
      "DYA-001 was decided on 2026-06-05 and needs training, but no training on DYA-SQM revision D is recorded (due by 2026-07-06, 20 working days). Record it with 'csr train DYA-001 --people ... --date ... --trainer ... --record ...'.",
    ]);

    // Written since the last commit: after the round began, so D's training.
    writeFileSync(join(dir, "csr/DYA/DYA-001.yaml"), reReviewed.replace("records: [TR-2026-001]", "records: [TR-2026-001, TR-2026-060]"));
    const trained = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(trained.stdout).toContain(`  培训            只登记了记录编号 ${earlier}、TR-2026-060，受训人员见该记录\n`);
    const register = await csrInProcess(["-C", dir, "list", "training", "--format", "csv", "--today", "2026-11-27"], { lang: null });
    expect(register.stdout.split(/\r?\n/).slice(1, 3)).toEqual([`1,,DYA-001,特殊特性符号须按顾客要求标识,,,,${earlier}`, "2,,DYA-001,特殊特性符号须按顾客要求标识,,,,TR-2026-060"]);
  });

  it("tells a record that was there when the round began from one added since, by commit order, when the new revision was registered late and dated back (tester58 F4)", async () => {
    const dir = smallRepo({ "csr/DYA/DYA-001.yaml": decidedCsr.replace("  required: true\n", "  required: true\n  records: [TR-2025-014]\n") });
    git(dir, ["commit", "-q", "--amend", "--no-edit"], { GIT_COMMITTER_DATE: "2026-11-01T10:00:00+08:00" });
    // csr source update of revision D, received on 2026-09-28 and registered five weeks later.
    const restarted = decidedCsr
      .replace('revision: C, section', 'revision: D, section')
      .replace("review:\n", "review:\n  restarted: 2026-09-28\n  history:\n    - source_revision: C\n      closed: 2026-09-28\n      reason: 顾客升版为D版\n      decision: {disposition: must, by: wang, date: 2026-03-13}\n")
      .replace(/  opinions:\n(    - .*\n)+  decision: .*\n/, "")
      .replace("  required: true\n", "  required: true\n  records: [TR-2025-014]\n");
    writeFileSync(join(dir, "csr/DYA/DYA-001.yaml"), restarted);
    writeFileSync(join(dir, "customers/DYA.yaml"), read(dir, "customers/DYA.yaml") + "      - {revision: D, received: 2026-09-28}\n");
    git(dir, ["commit", "-q", "-am", "csr source update DYA-SQM D"], { GIT_COMMITTER_DATE: "2026-11-02T10:00:00+08:00" });
    const before = "TR-2025-014（2026-09-28 本轮评审开始时已有此记录，不是 D 版的培训）";
    const shown = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(shown.stdout).toContain(`  培训            需要培训；培训记录 ${before}\n`);
    const english = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: "en" });
    expect(english.stdout).toContain("TR-2025-014 (already recorded when this round of review began on 2026-09-28: not training on revision D)");

    writeFileSync(join(dir, "csr/DYA/DYA-001.yaml"), restarted.replace("records: [TR-2025-014]", "records: [TR-2025-014, TR-2026-050]"));
    git(dir, ["commit", "-q", "-am", "csr train DYA-001"], { GIT_COMMITTER_DATE: "2026-11-03T10:00:00+08:00" });
    const trained = await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--today", "2026-11-27"], { lang: null });
    expect(trained.code).toBe(0);
    expect(read(dir, trained.stdout.trim()).split("\n").filter((l) => l.startsWith("- 培训"))).toEqual([`- 培训：只登记了记录编号，受训人员见该记录（记录编号：${before}、TR-2026-050）`]);
  });
});

describe("csr train of a department and of operators outside people.yaml (tester56 D8)", () => {
  it("keeps the department and the trainees as given, prints them in csr show and the register, and points --people 生产部 to --department", async () => {
    const dir = smallRepo();
    const refused = await csrInProcess(["-C", dir, "train", "DYA-001", "--people", "生产部", "--trainer", "zhang", "--record", "TR-2026-091", "--date", "2026-11-20", "-y"], { lang: null });
    expect(refused.stderr).toBe('csr: --people 生产部：这是部门，不是 people.yaml 中的人员。培训整个部门用 --department PRD；不在人员名单中的操作工用 --trainees "张三(1023),李四"（按签到表上的写法）。\n');
    expect(refused.code).toBe(2);
    const trained = await csrInProcess(["-C", dir, "train", "DYA-001", "--department", "生产部", "--trainees", "张三(1023),李四", "--trainer", "zhang", "--record", "TR-2026-091", "--date", "2026-11-20", "-y"], { lang: null });
    expect(trained.stdout).toBe("DYA-001（来源文件 DYA-SQM 版本 C）：已登记生产部：张三(1023)、李四的培训；2026-11-20，培训人：张伟（zhang），记录：TR-2026-091。\n已写入 csr/DYA/DYA-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toContain("  sessions:\n    - {revision: C, date: 2026-11-20, department: PRD, trainees: [张三(1023), 李四], trainer: zhang, record: TR-2026-091}\n");
    const shown = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    // A training of 生产部, which is not among the departments to train on DYA-001: of those to train, only its trainer 张伟.
    expect(shown.stdout).toContain("  培训            部分培训（已培训 1/3 人，含培训人 1 人）\n                  2026-11-20，来源文件 C 版，生产部：张三(1023)、李四，培训人 张伟，记录 TR-2026-091\n");
    const register = await csrInProcess(["-C", dir, "list", "training", "--format", "csv", "--today", "2026-11-27"], { lang: null });
    expect(register.stdout.split(/\r?\n/)[1]).toBe("1,2026-11-20,DYA-001,特殊特性符号须按顾客要求标识,C,生产部：张三(1023)、李四,张伟,TR-2026-091");
    const checked = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"], { lang: "en" });
    expect((JSON.parse(checked.stdout) as { findings: { rule: string; message: string }[] }).findings.map((f) => `${f.rule} ${f.message}`)).toEqual([
      "csr/training-overdue DYA-001 was decided on 2026-03-13 and needs training, but training on DYA-SQM revision C is recorded for 1 of the 3 people to train (due by 2026-04-13, 20 working days). 'csr list training --missing --document DYA-001' lists the others; record their training with 'csr train DYA-001 --people ... --date ... --trainer ... --record ...'.",
    ]);
  });
});

describe("csr train of people of several departments, some trainees and several departments (tester66 N2, N10)", () => {
  it("lists each person of people.yaml under their own department and the trainees under --department, which takes several", async () => {
    const dir = smallRepo();
    const trained = csr(["-C", dir, "train", "DYA-001", "--people", "zhao", "li", "--department", "生产部", "--trainees", "张三(1023),李四", "--trainer", "zhang", "--record", "TR-2026-091", "--date", "2026-11-20", "-y"], { lang: null });
    expect(trained.stderr).toBe("");
    expect(trained.stdout.split("\n")[0]).toBe("DYA-001（来源文件 DYA-SQM 版本 C）：已登记生产部：赵磊（zhao）、张三(1023)、李四；市场部：李娜（li）的培训；2026-11-20，培训人：张伟（zhang），记录：TR-2026-091。");
    const register = csr(["-C", dir, "list", "training", "--format", "csv", "--today", "2026-11-27"], { lang: null });
    expect(register.stdout.split(/\r?\n/)[1]).toBe("1,2026-11-20,DYA-001,特殊特性符号须按顾客要求标识,C,生产部：赵磊、张三(1023)、李四；市场部：李娜,张伟,TR-2026-091");
    const shown = csr(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(shown.stdout).toContain("                  2026-11-20，来源文件 C 版，生产部：赵磊、张三(1023)、李四；市场部：李娜，培训人 张伟，记录 TR-2026-091\n");

    const spaced = csr(["-C", dir, "train", "DYA-001", "--department", "PRD", "品质部", "--trainer", "zhang", "--record", "TR-2026-092", "--date", "2026-11-21", "-y"], { lang: null });
    expect(spaced.stderr).toBe("");
    const commas = csr(["-C", dir, "train", "DYA-001", "--department", "PRD，市场部", "--trainees", "王五", "--trainer", "zhang", "--record", "TR-2026-093", "--date", "2026-11-22", "-y"], { lang: null });
    expect(commas.stdout.split("\n")[0]).toBe("DYA-001（来源文件 DYA-SQM 版本 C）：已登记生产部、市场部：王五的培训；2026-11-22，培训人：张伟（zhang），记录：TR-2026-093。");
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toContain(
      [
        "    - {revision: C, date: 2026-11-21, department: [PRD, QA], trainer: zhang, record: TR-2026-092}",
        "    - {revision: C, date: 2026-11-22, department: [PRD, MKT], trainees: [王五], trainer: zhang, record: TR-2026-093}",
        "",
      ].join("\n"),
    );
    const checked = csr(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"], { lang: "en" });
    // TR-2026-092 names nobody: who of 品质部 it trained is on its sign-in sheet, so 王强 is still to be trained (tester72 Q1).
    expect((JSON.parse(checked.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(["csr/training-overdue"]);
  });
});

describe("csr distribute on a CSR", () => {
  it("records the departments and the date on the CSR, which the report prints as 发放部门", async () => {
    const dir = smallRepo();
    const result = await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "PRD", "品质部", "--date", "2026-11-19", "-y", "--commit"], { lang: null });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^DYA-001：已登记于 2026-11-19 发放给生产部、品质部。\n已提交 [0-9a-f]{7}：csr distribute DYA-001：生产部、品质部\n$/);
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(decidedCsr + "distribution:\n  - {departments: [PRD, QA], date: 2026-11-19, source_revision: C}\n");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("csr/DYA/DYA-001.yaml\n");
    const out = join(dir, "out");
    await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--out", out, "--today", "2026-11-27"], { lang: null });
    expect(read(dir, "out/DYA-001.review.zh-CN.md")).toContain("- 发放部门：生产部、品质部（2026-11-19）\n");
  });

  it("adds departments distributed to on the same day, and changes nothing when all are recorded", async () => {
    const dir = smallRepo();
    await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "PRD", "--date", "2026-11-19", "-y"], { lang: null });
    const more = await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "PRD", "QA", "--date", "2026-11-19", "-y"], { lang: null });
    expect(more.stdout).toBe("DYA-001：已登记于 2026-11-19 发放给品质部。\n发放部门共：生产部、品质部。\n已写入 csr/DYA/DYA-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    const again = await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "QA", "--date", "2026-11-19", "-y"], { lang: null });
    expect(again).toEqual({ code: 0, stdout: "DYA-001 已于 2026-11-19 发放给品质部；未作更改。\n", stderr: "" });
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(decidedCsr + "distribution:\n  - {departments: [PRD, QA], date: 2026-11-19, source_revision: C}\n");
  });

  it("records each distribution with its day and who distributed it, and reads a file of the one-object form", async () => {
    // Written before distribution was a list: read as its one entry, rewritten as a list on the next distribution.
    const dir = smallRepo({ "csr/DYA/DYA-001.yaml": decidedCsr + "distribution: {departments: [PRD], date: 2026-11-19}\n" });
    const later = await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "MKT", "PRD", "--by", "张伟", "--date", "2026-11-20", "-y"], { lang: null });
    expect(later).toEqual({ code: 0, stdout: "DYA-001：已登记于 2026-11-20 发放给市场部、生产部。\n发放人：张伟（zhang）。\n已写入 csr/DYA/DYA-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(
      decidedCsr + "distribution:\n  - {departments: [PRD], date: 2026-11-19}\n  - {departments: [MKT, PRD], date: 2026-11-20, by: zhang, source_revision: C}\n",
    );
    const shown = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-27"], { lang: null });
    expect(shown.stdout).toContain("  发放            生产部，2026-11-19 发放\n                  市场部、生产部，2026-11-20 发放，发放人 张伟\n");
    const out = join(dir, "out");
    await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--out", out, "--today", "2026-11-27"], { lang: null });
    expect(read(dir, "out/DYA-001.review.zh-CN.md")).toContain("- 发放部门：生产部（2026-11-19）；市场部、生产部（2026-11-20，张伟）\n");
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);
  });

  it("refuses an unknown department with a did-you-mean, an unknown distributor, copies, an undecided CSR and an unknown id", async () => {
    const dir = smallRepo({ "csr/DYA/DYA-002.yaml": decidedCsr.replace("DYA-001", "DYA-002").replace(/review:[\s\S]*training:\n {2}required: true\n/, "") });
    const unknown = await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "PRDD", "--date", "2026-11-19", "-y"], { lang: null });
    expect(unknown).toEqual({ code: 2, stdout: "", stderr: "csr: --to PRDD：qms.yaml 中没有这个部门。可用的部门：QA（品质部）、MKT（市场部）、PRD（生产部）。是否应为 'PRD'？\n" });
    await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "PRD", "--date", "2026-11-19", "-y"], { lang: null });
    expect((await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "MKT", "--by", "zhaoo", "--date", "2026-11-20", "-y"], { lang: null })).stderr).toMatch(/^csr: --by zhaoo：people\.yaml 中没有 id 或姓名为此的人员/);
    expect((await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "MKT", "--copies", "2", "-y"], { lang: null })).stderr).toBe("csr: --copies 只用于文件的受控副本；CSR DYA-001 只登记发放给哪些部门和发放日期。\n");
    // A holder named after a department (csr distribute <document> --to QA:zhang) is for a controlled copy too.
    expect((await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "MKT:李娜", "-y"], { lang: null })).stderr).toBe("csr: --to MKT:李娜 只用于文件的受控副本；CSR DYA-001 只登记发放给哪些部门和发放日期。\n");
    expect((await csrInProcess(["-C", dir, "distribute", "DYA-002", "--to", "MKT", "--date", "2026-11-19", "-y"], { lang: null })).stderr).toBe(
      "csr: DYA-002 尚未作出评审结论；CSR 在评审结论作出后才发放给相关部门。\n提示：请先记录评审结论：'csr review DYA-002 --disposition ... --by ...'。\n",
    );
    expect((await csrInProcess(["-C", dir, "distribute", "DYA-01", "--to", "MKT", "-y"], { lang: null })).stderr).toBe("csr: 仓库中没有文件或 CSR 'DYA-01'。是否应为 'DYA-001'？\n");
  });
});
