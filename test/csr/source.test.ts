import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, makeRepo } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const update = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "source", "update", "DYA-SQM", ...args]);

describe("csr source update", () => {
  it("supersedes the old revision and restarts the review of every CSR taken from it", async () => {
    const dir = validRepo();
    makeRepo({ "sources/DYA-SQM-D.pdf": "%PDF-1.4\n" }, dir);
    const result = await update(dir, "--revision", "D", "--issued", "2026-11-24", "--received", "2026-11-27", "--file", "sources/DYA-SQM-D.pdf");
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "DYA-SQM revision D recorded (received 2026-11-27); revision C is superseded.",
        "9 CSRs to review again against revision D, due 2026-12-11:",
        "  DYA-001  特殊特性符号按顾客规定标识  (was on revision C)",
        "  DYA-002  控制计划须经顾客批准  (was on revision C)",
        "  DYA-003  包装须使用顾客周转箱  (was on revision C)",
        "  DYA-004  关键特性须在作业指导书中标识  (was on revision C)",
        "  DYA-005  特殊特性清单每年评审  (was on revision C)",
        "  DYA-006  特殊特性变更须通知顾客  (was on revision C)",
        "  DYA-007  每批次附第三方检测报告  (was on revision C)",
        "  DYA-008  出口包装熏蒸要求  (was on revision C)",
        "  DYA-010  首件检验记录保存五年  (was on revision C)",
        "Record each requirement's new wording in revision D before it is reviewed with 'csr set <id> --text …' (e.g. csr set DYA-001 --text …); the old wording stays with the earlier round.",
        "DYA-005, DYA-006 were implemented or verified against the earlier revision: those records go to implementation.history with the earlier round; once decided under revision D, record their implementation and verification again with csr implement.",
        "Documents to check: WI-031 5.2 (DYA-003 changed), QP-020 5.3 (DYA-004 changed), QP-020 (DYA-005 changed), QP-020 5.6 (DYA-006 changed), QP-020 5.9 (DYA-010 changed).",
        "",
      ].join("\n"),
    );
    expect(read(dir, "customers/DYA.yaml")).toContain(
      "      - revision: C\n        issued: 2026-11-10\n        received: 2026-11-20\n        supersedes: B\n        status: superseded\n      - revision: D\n        issued: 2026-11-24\n        received: 2026-11-27\n        file: sources/DYA-SQM-D.pdf\n        status: current\n        supersedes: C\n",
    );
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toBe(
      [
        "id: DYA-003",
        "customer: DYA",
        'source: {document: DYA-SQM, revision: D, section: "6.3"}',
        "clauses: [IATF16949:8.5.4]",
        "title: 包装须使用顾客周转箱",
        "received: 2026-11-20",
        "review:",
        "  history:",
        "    - source_revision: C",
        "      closed: 2026-11-27",
        "      revised_to: D",
        "      opinions:",
        "        - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-23}",
        "        - {department: MKT, reviewer: li, opinion: accept-with-action, date: 2026-11-23, comment: 需采购周转箱}",
        "      decision: {disposition: must, by: zhang, date: 2026-11-24}",
        "  restarted: 2026-11-27",
        "addressed:",
        '  - { document: WI-031, section: "5.2" }',
        "",
      ].join("\n"),
    );
    expect(read(dir, "csr/DYA/DYA-009.yaml")).toContain("revision: B");

    const list = await csrInProcess(["-C", dir, "list", "--today", "2026-11-27", "--format", "json", "--lang", "en"]);
    const rows = (JSON.parse(list.stdout) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.slice(0, 3).map((r) => [r.id, r.revision, r.status, r.reviewDue, r.daysLeft])).toEqual([
      ["DYA-001", "D", "received", "2026-12-11", 10],
      ["DYA-002", "D", "received", "2026-12-11", 10],
      ["DYA-003", "D", "received", "2026-12-11", 10],
    ]);
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).stdout).toBe("✔ No problems in 16 files.\n");
  });

  it("moves the round's paper review record into its history entry, where csr show, the review report and the site print it", async () => {
    const dir = validRepo();
    const before = read(dir, "csr/DYA/DYA-003.yaml");
    const record = "  record: {ref: 2026-11 评审记录 第3号}\n";
    makeRepo({ "csr/DYA/DYA-003.yaml": before.replace("review:\n", `review:\n${record}`) }, dir);
    expect((await update(dir, "--revision", "D", "--received", "2026-11-27")).stderr).toBe("");
    const after = read(dir, "csr/DYA/DYA-003.yaml");
    expect(after).toContain("      revised_to: D\n      opinions:\n");
    expect(after).toContain("      record: {ref: 2026-11 评审记录 第3号}\n      decision: {disposition: must, by: zhang, date: 2026-11-24}\n  restarted: 2026-11-27\n");
    expect(after.split("\n").filter((line) => line.includes("record"))).toHaveLength(1);
    // The new round has no record: its opinions are missing, not on paper.
    const show = await csrInProcess(["-C", dir, "show", "DYA-003", "--today", "2026-11-27"]);
    expect(show.stdout).toContain("需采购周转箱\n                    review record 2026-11 评审记录 第3号\n                    decision must meet, zhang 张伟, 2026-11-24\n");
    expect(show.stdout).toContain("  Missing         QA 品质部, MKT 市场部\n");
    const out = join(dir, "out", "report.md");
    expect((await csrInProcess(["-C", dir, "render", "DYA-003", "--format", "md", "--out", out, "--today", "2026-11-27"])).code).toBe(0);
    expect(read(dir, "out/report.md")).toContain("| 1 | C | Received 2026-11-20; Review due 2026-12-04; Decided 2026-11-24; Timeliness on time | Departments to countersign: 品质部, 市场部; 品质部 张伟 accept 2026-11-23; 市场部 李娜 accept with action 2026-11-23; Review record (the departments' signed opinions): 2026-11 评审记录 第3号 | must meet 张伟 2026-11-24 | closed on 2026-11-27 for the re-review of revision D |\n");
    const site = join(dir, "_site");
    expect((await csrInProcess(["-C", dir, "site", "--out", site, "--today", "2026-11-27"])).code).toBe(0);
    // The site's CSR page is the review report: its 历次评审 table names the record as the report does.
    expect(read(site, "csr/DYA-003.html")).toContain("Review record (the departments&#x27; signed opinions): 2026-11 评审记录 第3号");
  });

  it("can be run again with the same revision: nothing changes twice", async () => {
    const dir = validRepo();
    await update(dir, "--revision", "D", "--received", "2026-11-27");
    const after = tree(dir).map((f) => [f, read(dir, f)]);
    const again = await update(dir, "--revision", "D", "--received", "2026-11-27");
    expect(again.stdout).toBe("DYA-SQM revision D was already recorded (received 2026-11-27).\nNo CSR of DYA was still on an earlier revision of DYA-SQM.\n");
    expect(tree(dir).map((f) => [f, read(dir, f)])).toEqual(after);
  });

  it("moves the CSRs left behind when the revision was recorded by hand", async () => {
    const dir = validRepo();
    makeRepo({ "csr/DYA/DYA-001.yaml": read(dir, "csr/DYA/DYA-001.yaml").replace("revision: C", "revision: B") }, dir);
    const stale = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"]);
    // Left on B, received 2025-06-05, with the date C was received: date/received-after-source says so too.
    expect(JSON.parse(stale.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(["csr/source-superseded", "date/received-after-source"]);
    const result = await update(dir, "--revision", "C", "--received", "2026-11-20");
    expect(result.stdout).toBe(
      "DYA-SQM revision C was already recorded (received 2026-11-20).\n1 CSR to review again against revision C, due 2026-12-04:\n  DYA-001  特殊特性符号按顾客规定标识  (was on revision B)\nRecord the requirement's new wording in revision C before it is reviewed: csr set DYA-001 --text …; the old wording stays with the earlier round.\n",
    );
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);
  });

  it("commits the customer file and the affected CSRs with one message", async () => {
    const dir = validRepo({ git: true });
    git(dir, ["config", "commit.gpgsign", "false"]);
    const result = await update(dir, "--revision", "D", "--received", "2026-11-27", "--commit");
    expect(result.stdout).toMatch(/\nCommitted [0-9a-f]{7}: csr source update DYA-SQM rev D \(9 CSRs to re-review\)\n$/);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).split("\n").filter(Boolean)).toEqual([
      "csr source update DYA-SQM rev D (9 CSRs to re-review)",
      "csr/DYA/DYA-001.yaml",
      "csr/DYA/DYA-002.yaml",
      "csr/DYA/DYA-003.yaml",
      "csr/DYA/DYA-004.yaml",
      "csr/DYA/DYA-005.yaml",
      "csr/DYA/DYA-006.yaml",
      "csr/DYA/DYA-007.yaml",
      "csr/DYA/DYA-008.yaml",
      "csr/DYA/DYA-010.yaml",
      "customers/DYA.yaml",
    ]);
  });

  it("needs --customer when two customers have a source document of that id", async () => {
    const dir = validRepo();
    makeRepo({ "customers/DYB.yaml": read(dir, "customers/DYA.yaml").replace("code: DYA", "code: DYB").replace("东岳越野车", "东岳商用车") }, dir);
    expect((await update(dir, "--revision", "D", "--received", "2026-11-27")).stderr).toBe("csr: DYA-SQM is a source document of DYA and DYB.\nhint: Say which customer with --customer.\n");
    expect((await update(dir, "--revision", "D", "--received", "2026-11-27", "--customer", "DYB")).stdout).toBe(
      "DYA-SQM revision D recorded (received 2026-11-27); revision C is superseded.\nNo CSR of DYB was still on an earlier revision of DYA-SQM.\n",
    );
    expect(read(dir, "customers/DYA.yaml")).not.toContain("revision: D");
  });

  it("refuses an attachment outside the repository or missing, an older revision, and an unknown source", async () => {
    const dir = validRepo();
    const before = tree(dir).map((f) => [f, read(dir, f)]);
    expect((await update(dir, "--revision", "D", "--received", "2026-11-27", "--file", "../secret.pdf")).stderr).toMatch(/^csr: The path '.*secret\.pdf' is outside the repository/);
    expect((await update(dir, "--revision", "D", "--received", "2026-11-27", "--file", "sources/none.pdf")).stderr).toBe(
      "csr: --file 'sources/none.pdf' does not exist; add the customer's document to the repository first.\n",
    );
    expect((await update(dir, "--revision", "B", "--received", "2026-11-27")).stderr).toBe(
      "csr: Revision B of DYA-SQM is already recorded and is not the latest (C).\nhint: Give the new revision's own mark with --revision; to correct the dates it was recorded with, add --amend.\n",
    );
    expect((await csrInProcess(["-C", dir, "source", "update", "DYA-SOM", "--revision", "D", "--received", "2026-11-27"])).stderr).toBe(
      "csr: No source document 'DYA-SOM'. Did you mean 'DYA-SQM'?\nhint: Known source documents: DYA-SQM. Register a new one with 'csr source add <customer> --id <id> --title <title> --revision <revision> --received <date>'.\n",
    );
    expect(tree(dir).map((f) => [f, read(dir, f)])).toEqual(before);
  });
});

describe("csr source update --department: the department that keeps the source document (保管部门)", () => {
  it("alone, sets the custodian without recording a revision, says which department kept it before, and refuses an unknown one", async () => {
    const dir = validRepo();
    const before = read(dir, "customers/DYA.yaml");
    expect(await update(dir, "--department", "品质部")).toEqual({ code: 0, stdout: "DYA-SQM is kept by 品质部.\n", stderr: "" });
    expect(read(dir, "customers/DYA.yaml")).toBe(before.replace("    title: 供应商质量手册\n", "    title: 供应商质量手册\n    department: QA\n"));
    expect(await update(dir, "--department", "PRD")).toEqual({ code: 0, stdout: "DYA-SQM is kept by 生产部 (was 品质部).\n", stderr: "" });
    const kept = read(dir, "customers/DYA.yaml");
    expect((await update(dir, "--department", "LOG")).stderr).toMatch(/^csr: --department LOG: /);
    expect(await update(dir, "--issued", "2026-11-20")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: required option '--revision <rev>' not specified\nhint: A new revision needs --revision and --received; to set only the custodian department, give --department alone.\n",
    });
    expect(read(dir, "customers/DYA.yaml")).toBe(kept);
    const list = await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", "2026-11-27"]);
    expect(list.stdout.split(/\r?\n/)[1]).toMatch(/^1,.*,DYA-SQM,.*,生产部$/);
  });
});

describe("csr source update: only what changed costs a review", () => {
  it("keeps the decision of an unchanged CSR with one confirmation, supersedes a removed one, and re-reviews the rest", async () => {
    const dir = validRepo();
    const result = await update(dir, "--revision", "D", "--received", "2026-11-27", "--unchanged", "DYA-003", "DYA-004", "--removed", "DYA-008", "--by", "zhang", "--date", "2026-11-28", "-y");
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").slice(0, 2)).toEqual(["DYA-SQM revision D recorded (received 2026-11-27); revision C is superseded.", "6 CSRs to review again against revision D, due 2026-12-11:"]);
    expect(result.stdout.split("\n").slice(8)).toEqual([
      "Record each requirement's new wording in revision D before it is reviewed with 'csr set <id> --text …' (e.g. csr set DYA-001 --text …); the old wording stays with the earlier round.",
      "DYA-005, DYA-006 were implemented or verified against the earlier revision: those records go to implementation.history with the earlier round; once decided under revision D, record their implementation and verification again with csr implement.",
      "2 CSRs unchanged in revision D; decision kept, confirmed by 张伟 (zhang) on 2026-11-28:",
      "  DYA-003  包装须使用顾客周转箱",
      "  DYA-004  关键特性须在作业指导书中标识",
      "1 CSR removed in revision D, now superseded:",
      "  DYA-008  出口包装熏蒸要求",
      "Documents to check: QP-020 (DYA-005 changed), QP-020 5.6 (DYA-006 changed), QP-020 5.9 (DYA-010 changed).",
      "",
    ]);
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toBe(
      [
        "id: DYA-003",
        "customer: DYA",
        'source: {document: DYA-SQM, revision: D, section: "6.3"}',
        "clauses: [IATF16949:8.5.4]",
        "title: 包装须使用顾客周转箱",
        "received: 2026-11-20",
        "review:",
        "  opinions:",
        "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-11-23 }",
        "    - { department: MKT, reviewer: li, opinion: accept-with-action, date: 2026-11-23, comment: 需采购周转箱 }",
        "  decision: { disposition: must, by: zhang, date: 2026-11-24 }",
        "  confirmations:",
        "    - {source_revision: D, by: zhang, date: 2026-11-28}",
        "addressed:",
        '  - { document: WI-031, section: "5.2" }',
        "",
      ].join("\n"),
    );
    expect(read(dir, "csr/DYA/DYA-008.yaml")).toMatch(/\nsuperseded:\n  date: 2026-11-27\n  reason: DYA-SQM D 版已删除此要求\n$/);
    expect(read(dir, "csr/DYA/DYA-008.yaml")).toContain("revision: C");
    const list = await csrInProcess(["-C", dir, "list", "--today", "2026-11-28", "--format", "json"], { lang: null });
    const statuses = Object.fromEntries((JSON.parse(list.stdout).rows as { id: string; status: string }[]).map((r) => [r.id, r.status]));
    expect([statuses["DYA-003"], statuses["DYA-008"], statuses["DYA-001"]]).toEqual(["已决定", "已替代", "已接收"]);
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-28"])).stdout).toBe("✔ No problems in 16 files.\n");
  });

  it("refuses a CSR that is not on the old revision, and --unchanged without --by", async () => {
    const dir = validRepo();
    expect((await update(dir, "--revision", "D", "--received", "2026-11-27", "--unchanged", "DYA-009", "--by", "zhang", "-y")).stderr).toBe(
      "csr: DYA-009 is not one of the CSRs taken from an earlier revision of this source document (DYA-001, DYA-002, DYA-003, DYA-004, DYA-005, DYA-006, DYA-007, DYA-008, DYA-010).\n",
    );
    expect((await update(dir, "--revision", "D", "--received", "2026-11-27", "--unchanged", "DYA-003", "-y")).stderr).toBe(
      "csr: --by is required (or run in a terminal to be asked for who confirms the unchanged CSRs).\n",
    );
  });
});
