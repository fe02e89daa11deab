/**
 * Outside parties (qms.yaml `external_parties`): the military representative office (军代表室) of a
 * GJB 9001C supplier receives controlled copies and returns them, and its 军代表 is a person of
 * people.yaml, but it is no department: no CSR opinion, no owning department, no CSR distribution,
 * no training. A small repository in a real temporary git repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { WorkCalendar } from "../../src/model/calendar.js";
import { openTrainings } from "../../src/model/training-completion.js";
import { checkJsonInProcess, csrInProcess, git, tempDir } from "../helpers.js";
import { decidedCsrYaml, threeDepartmentRepo } from "./three-departments.js";

/**
 * The findings of `csr check --today <today>` but doc/training-overdue's: QP-001 needs training and
 * none is recorded, which csr check warns of from its effective day (tester61 L5); these tests are
 * about the 军代表室, which is never trained by the organisation.
 */
async function findingsOn(dir: string, today: string) {
  return (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule !== "doc/training-overdue");
}

const procedure = [
  "id: QP-001",
  "title: 文件控制程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: released",
  "effective: 2026-11-02",
  "training: {required: true}",
  "revisions:",
  "  - version: A/0",
  "    date: 2026-11-02",
  "    summary: 首次发布",
  "    prepared: {by: zhang, date: 2026-10-28}",
  "    reviewed: {by: li, date: 2026-10-29}",
  "    approved: {by: wang, date: 2026-10-30}",
  "sections:",
  "  - {title: 目的, text: 控制文件。}",
  "",
].join("\n");

const decidedCsr = decidedCsrYaml({ section: false, tail: [] });

function repoWithMro(): string {
  const dir = threeDepartmentRepo({
    "documents/QP-001.yaml": procedure,
    "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    department: QA\n    revisions:\n      - {revision: C, received: 2026-03-10}\n",
    "csr/DYA/DYA-001.yaml": decidedCsr,
  });
  git(dir, ["config", "core.quotepath", "false"]);
  const append = (path: string, text: string) => writeFileSync(join(dir, path), readFileSync(join(dir, path), "utf8") + text);
  append("qms.yaml", "external_parties:\n  - {code: MRO, name: 军代表室, name_en: Military Representative Office, kind: military-representative}\n");
  append("people.yaml", "  - {id: liujd, name: 刘军代, department: MRO, title: 驻厂军代表, roles: []}\n");
  git(dir, ["commit", "-qam", "军代表室"]);
  return dir;
}

describe("an outside party (军代表室) holds controlled copies", () => {
  it("receives a copy by name with its 军代表 as holder, shows in the register, is recalled, and a late recall names it", async () => {
    const dir = repoWithMro();
    expect((await findingsOn(dir, "2026-11-02"))).toEqual([]);
    const handedOut = await csrInProcess(["-C", dir, "distribute", "QP-001", "--to", "QA", "--holder", "刘军代", "--date", "2026-11-03", "-y"]);
    expect([handedOut.code, handedOut.stderr]).toEqual([2, "csr: 刘军代 (liujd) belongs to Military Representative Office, not to the receiving department (品质部): a controlled copy is held by a person of the department it is issued to.\nhint: Name a holder of the receiving department, or issue the copy to Military Representative Office: 'csr distribute QP-001 --to MRO --holder liujd --date 2026-11-03'.\n"]);
    expect((await csrInProcess(["-C", dir, "distribute", "QP-001", "--to", "军代表室", "--holder", "刘军代", "--issued-by", "wang", "--date", "2026-11-03", "-y", "--commit"])).stdout).toMatch(
      /^QP-001 A\/0: 1 controlled copy handed out on 2026-11-03:\n  copy 1  Military Representative Office, holder 刘军代 \(liujd\)\nIssued by 王强 \(wang\)\.\nCommitted [0-9a-f]{7}: csr distribute QP-001 A\/0: copies 1\n$/,
    );
    const release = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "修订", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-11-10", "--force"]);
    expect(release.stdout.split("\n")[1]).toBe(
      "Controlled copies of the earlier version to recall (文件回收): 1 (A/0, Military Representative Office). Record their return with 'csr recall QP-001', and hand out A/1 where they were used with 'csr distribute QP-001 --to MRO'.",
    );
    const late = await findingsOn(dir, "2026-11-27");
    expect(late.map((f) => `${f.rule} ${f.message}`)).toEqual([
      "doc/no-copy-in-force QP-001 A/1 is in force since 2026-11-10, and Military Representative Office held a controlled copy of A/0 but holds none of A/1: hand it out with 'csr distribute QP-001 --to MRO'.",
      "doc/recall-overdue Controlled copy 1 of QP-001 A/0 (Military Representative Office) is still out: A/0 was replaced on 2026-11-10, and copies were due back by 2026-11-17 (5 working days). Take it back and record it with 'csr recall QP-001 --copy 1'.",
      // A/0 took effect on 2026-11-02 and its one copy, the 军代表室's, went out on 2026-11-03.
      "doc/effective-before-issue QP-001 A/0 took effect on 2026-11-02, but its first controlled copy was handed out on 2026-11-03: until then its users were to work to a version they did not have. If it was handed out on or before 2026-11-02, correct the date of this copy; if it reached its users only on 2026-11-03, its effective date is wrong. Issue a version on the day it takes effect, or before.",
    ]);
    expect((await csrInProcess(["-C", dir, "recall", "QP-001", "--by", "刘军代", "--received-by", "wang", "--date", "2026-11-18", "-y"])).stdout).toBe(
      "QP-001: 1 copy taken back on 2026-11-18: 1 (A/0, Military Representative Office). Handed back by 刘军代 (liujd). Received back by 王强 (wang).\nNote: 1 (A/0, Military Representative Office): due back by 2026-11-17, returned 1 working day late (the distribution register's remarks say so).\nNo copy is due back any more.\nWrote documents/QP-001.yaml; not committed (git commit it, or run with --commit).\n",
    );
    const list = await csrInProcess(["-C", dir, "list", "distribution", "--format", "csv"], { lang: null });
    expect(list.stdout).toBe(["\ufeff序号,文件编号,文件名称,版本/版次,受控号,发放部门,领用人,发放人,发放日期,应回收日期,回收日期,交回人,回收人,状态,备注", "1,QP-001,文件控制程序,A/0,1,军代表室,刘军代,王强,2026-11-03,2026-11-17,2026-11-18,刘军代,王强,已回收,逾期 1 个工作日回收", ""].join("\r\n"));
  });

  it("is not trained by the organisation: a copy in force at the 军代表室 adds no department to train", async () => {
    const dir = repoWithMro();
    await csrInProcess(["-C", dir, "distribute", "QP-001", "--to", "MRO", "PRD", "--date", "2026-11-03", "-y"]);
    const repo = loadRepository(dir);
    const open = openTrainings(repo.documents.map((d) => d.value), [], repo.people.map((p) => p.value), repo.config?.value, new WorkCalendar(repo.config?.value.calendar), "2026-11-03");
    expect(open.map((o) => o.departments)).toEqual([["QA", "PRD"]]);
    // Nor does its 军代表's page in the site offer the department's countersigns or trainings.
    expect((await csrInProcess(["-C", dir, "site", "--out", "site", "--today", "2026-11-03"])).code).toBe(0);
    const page = readFileSync(join(dir, "site", "people", "liujd.html"), "utf8");
    expect([page.includes('id="training"'), page.includes('id="to-review"'), page.includes("Current versions signed")]).toEqual([false, false, true]);
  });

  it("is no department: refused as a CSR's recipient or a document's department, reported as a reviewer or a duplicate code", async () => {
    const dir = repoWithMro();
    const department = await csrInProcess(["-C", dir, "new", "procedure", "--title", "军检程序", "--department", "MRO", "-y"]);
    expect([department.code, department.stderr]).toEqual([
      2,
      "csr: --department MRO (Military Representative Office) is an outside party, not a department of the organisation: only a department will do here. Its departments: QA (品质部), MKT (市场部), PRD (生产部).\n",
    ]);
    const csr = await csrInProcess(["-C", dir, "distribute", "DYA-001", "--to", "MRO", "--date", "2026-11-03", "-y"]);
    expect([csr.code, csr.stderr]).toEqual([
      2,
      "csr: --to MRO (Military Representative Office) is an outside party, not a department of the organisation: only a department will do here. Its departments: QA (品质部), MKT (市场部), PRD (生产部).\n",
    ]);
    const unknown = await csrInProcess(["-C", dir, "distribute", "QP-001", "--to", "军代室", "-y"]);
    expect(unknown.stderr).toBe("csr: --to 军代室: no such department or outside party in qms.yaml. Its departments and outside parties: QA (品质部), MKT (市场部), PRD (生产部), MRO (Military Representative Office).\n");
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    writeFileSync(join(dir, "qms.yaml"), qms.replace("code: MRO, name: 军代表室", "code: QA, name: 军代表室"));
    writeFileSync(join(dir, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8").replace("department: MRO", "department: QA"));
    expect((await findingsOn(dir, "2026-11-02")).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      "17 id/duplicate The department id 'QA' is already used on line 5. Ids must be unique: give this one a new id or merge the two.",
    ]);
    writeFileSync(join(dir, "qms.yaml"), qms.replace("reviewers: [QA, MKT]", "reviewers: [QA, MKT, MRO]"));
    git(dir, ["checkout", "people.yaml"]);
    expect((await findingsOn(dir, "2026-11-02")).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      "15 ref/unresolved 'MRO' is an outside party (军代表室), not a department of the organisation: it may only receive controlled copies and be the unit of outside people, not appear here. Use a department code from 'departments' in qms.yaml.",
    ]);
  });
});

describe("the 军代表 of the 军代表室 signs the review report (GJB 9001C 8.2.3: the customer takes part in the review)", () => {
  it("records review.military_representative for a person of the office only, shows and prints it, and keeps it per round", async () => {
    const dir = repoWithMro();
    const run = (...args: string[]) => csrInProcess(["-C", dir, ...args]);
    const notMilitary = await run("review", "DYA-001", "--military-representative", "zhang", "--date", "2026-03-14");
    expect([notMilitary.code, notMilitary.stderr]).toEqual([
      2,
      "csr: --military-representative 张伟 (zhang) belongs to 品质部 and is no military representative: the military representative's signature on a review report is made by a person of Military Representative Office.\n",
    ]);
    const asRecorder = await run("review", "DYA-001", "--recorder", "liujd", "--date", "2026-03-14");
    expect(asRecorder.stderr).toBe("csr: --recorder 刘军代 (liujd) is a military representative: a military representative signs only as such (--military-representative), not as the review report's recorder.\n");
    const signed = await run("review", "DYA-001", "--military-representative", "刘军代", "--date", "2026-03-14");
    expect([signed.code, signed.stdout]).toEqual([0, "DYA-001: Review report signed: military representative 刘军代 (liujd), 2026-03-14.\nWrote csr/DYA/DYA-001.yaml; not committed (git commit it, or run with --commit).\n"]);
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toContain("  decision: {disposition: must, by: wang, date: 2026-03-13}\n  military_representative: {by: liujd, date: 2026-03-14}\n");
    expect((await run("show", "DYA-001")).stdout).toContain("\n  Report signed   military representative liujd 刘军代, 2026-03-14\n");
    await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--out", "out"], { lang: null });
    const report = readFileSync(join(dir, "out", "DYA-001.review.zh-CN.md"), "utf8");
    expect(report.slice(report.lastIndexOf("| 记录"))).toBe("| 记录 | ________ | 评审组长 | ________ | 批准 | 王强 | 军代表 | 刘军代 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 日期 | ________ | 日期 | ________ | 日期 | 2026-03-13 | 日期 | 2026-03-14 |\n");
    expect((await findingsOn(dir, "2026-11-02"))).toEqual([]);
    // A new source revision restarts the review: the signature goes with its round into the history.
    expect((await run("source", "update", "DYA-SQM", "--revision", "D", "--received", "2026-03-20", "-y")).code).toBe(0);
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toMatch(/ {6}decision: \{disposition: must, by: wang, date: 2026-03-13\}\n {6}military_representative: \{by: liujd, date: 2026-03-14\}\n/);
    // Written by hand for someone who had left by then: the person rules know the signature.
    writeFileSync(join(dir, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8").replace("roles: []}", "roles: [], left: 2026-03-01}"));
    expect((await findingsOn(dir, "2026-11-02")).map((f) => f.rule)).toContain("person/work-after-leaving");
  });

  it("signs the organisation's documents only as 军代表, and takes none of its roles", async () => {
    const dir = repoWithMro();
    const run = async (...args: string[]) => (await csrInProcess(["-C", dir, ...args])).stderr;
    expect(await run("person", "update", "liujd", "--roles", "reviewer,approver")).toBe(
      "csr: 刘军代 (liujd) belongs to Military Representative Office and is a military representative: a military representative signs only as such and takes none of the organisation's roles (reviewer, approver).\n" +
        "hint: Leave out --roles (a military representative needs none), or put the person in a department of the organisation.\n",
    );
    expect(await run("person", "add", "xiaoli", "--name", "小李", "--department", "MRO", "--roles", "reviewer", "-y")).toMatch(/^csr: 小李 \(xiaoli\) belongs to Military Representative Office and is a military representative/);
    // A people.yaml written by hand: refused at release and at 补签, reported by csr check.
    writeFileSync(join(dir, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8").replace("roles: []}", "roles: [reviewer]}"));
    git(dir, ["commit", "-qam", "军代表 审核"]);
    writeFileSync(join(dir, "documents/QP-001.yaml"), procedure.replace("控制文件。", "控制文件和记录。"));
    git(dir, ["commit", "-qam", "修订"]);
    expect(await run("release", "QP-001", "--summary", "修订", "--prepared", "zhang", "--reviewed", "刘军代", "--approved", "wang", "--date", "2026-11-10")).toBe(
      "csr: --reviewed 刘军代 (liujd) belongs to Military Representative Office and is a military representative: a military representative signs only as such (--military-representative), not in the reviewed cell of the organisation's document.\n",
    );
    expect(await run("sign", "QP-001", "--reviewed", "liujd")).toMatch(/^csr: --reviewed 刘军代 \(liujd\) belongs to Military Representative Office and is a military representative/);
    // csr import's signature options check the signers as csr sign does.
    const register = join(tempDir(), "程序文件一览表.csv");
    writeFileSync(register, "序号,文件名称,文件编号,版本,部门\n1,记录控制程序,QP-002,A/0,QA\n");
    expect(await run("import", register, "--as", "procedures", "--reviewed", "刘军代", "--dry-run")).toMatch(/^csr: --reviewed 刘军代 \(liujd\) belongs to Military Representative Office and is a military representative/);
    expect((await findingsOn(dir, "2026-11-10")).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(["people.yaml:6 person/military-signature"]);
  });

  it("is refused where qms.yaml names no military representative office", async () => {
    const dir = repoWithMro();
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("kind: military-representative", "kind: other"));
    const refused = await csrInProcess(["-C", dir, "review", "DYA-001", "--military-representative", "liujd", "--date", "2026-03-14"]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      "csr: --military-representative: qms.yaml's external_parties has no military representative office (kind: military-representative), so this repository has no military representative to sign.\n" +
        "hint: Add the office with 'csr department add MRO --name 军代表室 --external military-representative', then its military representatives with 'csr person add <id> --name <name> --department MRO'.\n",
    ]);
  });
});
