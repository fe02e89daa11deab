import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { updateSource } from "../../src/commands/source/update.js";
import { asDocx, asText, REVISION_A, REVISION_B } from "../compare/manuals.js";
import { checkJsonInProcess, csr, csrInProcess, gitInit, minimalRepo } from "../helpers.js";
import { capture, read } from "./fixture.js";

const CITED: [string, string, string][] = [
  ["DYA-001", "2.1 体系认证", "供应商须保持IATF 16949认证有效"],
  ["DYA-002", "2.2 内部审核", "每年进行过程审核"],
  ["DYA-004", "3.2 控制计划", "控制计划须经顾客批准"],
  ["DYA-005", "4 包装与标识", "包装标签须含批次号"],
];

const decidedCsr = (id: string, section: string, title: string) =>
  [
    `id: ${id}`,
    "customer: DYA",
    `source: { document: DYA-SQM, revision: A, section: ${section} }`,
    "clauses: [IATF16949:8.3.3.3]",
    `title: ${title}`,
    "received: 2026-01-05",
    "review:",
    "  opinions:",
    "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-01-06 }",
    "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-01-06 }",
    "  decision: { disposition: must, by: wang, date: 2026-01-07 }",
    "",
  ].join("\n");

/** A repository whose customer's revision A is kept as a file, with four decided CSRs citing its sections. */
function repoWithManual(a: string | Buffer, ext: string): string {
  const files: Record<string, string | Buffer> = {
    "customers/DYA.yaml": ["code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    department: QA", "    revisions:", `      - { revision: A, received: 2026-01-05, file: customers/DYA/手册A.${ext} }`, ""].join("\n"),
    [`customers/DYA/手册A.${ext}`]: a,
  };
  for (const [id, section, title] of CITED) files[`csr/DYA/${id}.yaml`] = decidedCsr(id, section, title);
  return gitInit(minimalRepo(files));
}

const COMPARISON = [
  "Compared customers/DYA/手册A.docx with customers/DYA/手册B.docx:",
  "  DYA-001  2.1 体系认证: unchanged",
  "  DYA-002  2.2 内部审核: changed",
  "      - 供应商每年至少进行一次过程审核。",
  "      + 供应商每年至少进行一次过程审核和一次产品审核。",
  "  DYA-004  3.2 控制计划: unchanged (now 3.3 控制计划)",
  "  DYA-005  4 包装与标识: removed",
  "New sections that no CSR cites yet (register them with 'csr add' if they are requirements):",
  "  3.2 特殊特性的防错",
  "  5 供应商绩效考核",
];

// Each test runs csr several times; on a loaded 2-core machine that can take longer than the default.
describe("csr source update with the customer's files", { timeout: 120_000 }, () => {
  it("compares the sections, and with --accept keeps unchanged decisions, supersedes removed CSRs and reopens only the changed", async () => {
    const dir = repoWithManual(await asDocx(REVISION_A), "docx");
    writeFileSync(join(dir, "customers/DYA/手册B.docx"), await asDocx(REVISION_B));
    const result = csr(["-C", dir, "source", "update", "DYA-SQM", "--revision", "B", "--received", "2026-03-02", "--file", "customers/DYA/手册B.docx", "--accept", "--by", "wang", "--date", "2026-03-03"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        ...COMPARISON,
        "DYA-SQM revision B recorded (received 2026-03-02); revision A is superseded.",
        "1 CSR to review again against revision B, due 2026-03-16:",
        "  DYA-002  每年进行过程审核  (was on revision A)",
        "Record the requirement's new wording in revision B before it is reviewed: csr set DYA-002 --text …; the old wording stays with the earlier round.",
        "2 CSRs unchanged in revision B; decision kept, confirmed by 王强 (wang) on 2026-03-03:",
        "  DYA-001  供应商须保持IATF 16949认证有效",
        "  DYA-004  控制计划须经顾客批准",
        "1 CSR removed in revision B, now superseded:",
        "  DYA-005  包装标签须含批次号",
        "Wrote customers/DYA.yaml and 5 more files; not committed (git commit it, or run with --commit).",
        "",
      ].join("\n"),
    );
    expect(result.code).toBe(0);
    expect(read(dir, "csr/DYA/DYA-004.yaml")).toBe(
      decidedCsr("DYA-004", "3.2 控制计划", "控制计划须经顾客批准")
        .replace("source: { document: DYA-SQM, revision: A, section: 3.2 控制计划 }", "source: {document: DYA-SQM, revision: B, section: 3.3 控制计划}")
        .replace(
          "  decision: { disposition: must, by: wang, date: 2026-01-07 }\n",
          "  decision: { disposition: must, by: wang, date: 2026-01-07 }\n  confirmations:\n    - {source_revision: B, by: wang, date: 2026-03-03}\n",
        ),
    );
    expect(read(dir, "csr/DYA/DYA-005.yaml")).toBe(`${decidedCsr("DYA-005", "4 包装与标识", "包装标签须含批次号")}superseded:\n  date: 2026-03-02\n  reason: DYA-SQM B 版已删除此要求\n`);
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain("  restarted: 2026-03-02\n");
    // The kept decisions still need their documents (the fixture has none); nothing is stale or overdue.
    const check = await checkJsonInProcess(dir, "--today", "2026-03-03");
    expect(check.findings.map((f) => [f.rule, f.file])).toEqual([
      ["csr/not-addressed", "csr/DYA/DYA-001.yaml"],
      ["csr/not-addressed", "csr/DYA/DYA-004.yaml"],
    ]);
  });

  it("without confirmation only proposes: every CSR is reviewed again, and it says how to confirm", async () => {
    const dir = repoWithManual(asText(REVISION_A), "txt");
    writeFileSync(join(dir, "customers/DYA/手册B.txt"), asText(REVISION_B));
    const result = await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "B", "--received", "2026-03-02", "--file", "customers/DYA/手册B.txt"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("4 CSRs to review again against revision B, due 2026-03-16:\n");
    expect(result.stdout).toContain("The comparison's proposals were not applied: every CSR is reviewed again. Take them with --accept, or name CSRs with --unchanged / --removed.\n");
  });

  it("--unchanged and --removed overrule the proposal; --accept needs a comparison", async () => {
    const dir = repoWithManual(asText(REVISION_A), "txt");
    writeFileSync(join(dir, "customers/DYA/手册B.txt"), asText(REVISION_B));
    const base = ["-C", dir, "source", "update", "DYA-SQM", "--revision", "B", "--received", "2026-03-02"];
    expect(await csrInProcess([...base, "--accept", "--by", "wang"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --accept takes the proposals of the file comparison, and there is none.\nhint: Give the new revision's file with --file; the previous revision needs its file too (recorded, or --previous-file).\n",
    });
    expect(read(dir, "customers/DYA.yaml")).not.toContain("revision: B");
    const result = await csrInProcess([...base, "--file", "customers/DYA/手册B.txt", "--accept", "--unchanged", "DYA-002", "--removed", "DYA-001", "--by", "wang", "--date", "2026-03-03"]);
    expect(result.stdout).toContain("2 CSRs unchanged in revision B; decision kept, confirmed by 王强 (wang) on 2026-03-03:\n  DYA-002  每年进行过程审核\n  DYA-004  控制计划须经顾客批准\n");
    expect(result.stdout).toContain("2 CSRs removed in revision B, now superseded:\n  DYA-001  供应商须保持IATF 16949认证有效\n  DYA-005  包装标签须含批次号\n");
  });
});

const EDITION_A = ["# 东岳汽车顾客特定要求 A", "", "## 3 PPAP", "", "### 3.10 年度全尺寸检验", "", "每年对所有零件进行一次全尺寸检验。", "", "## 附录A", "", "### A.1 管理评审输入", "", "顾客绩效指标须作为管理评审输入。", ""];
const EDITION_B = ["# 东岳汽车顾客特定要求 B", "", "## 3 PPAP", "", "### 3.10 软件版本管理", "", "含软件的零件须标明软件版本号。", "", "### 3.11 年度全尺寸检验", "", "每年对所有零件进行一次全尺寸检验。", "", "## 附录 A", "", "### A.1 管理评审输入", "", "顾客绩效指标须作为管理评审输入。", ""];

describe("csr source update with appendix and renumbered sections (tester64 N2, N10)", { timeout: 120_000 }, () => {
  it("pairs A.1 under 附录A as unchanged, and a renumbered section cited by its bare number keeps the bare form", () => {
    const files: Record<string, string> = {
      "customers/DYA.yaml": ["code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 顾客特定要求", "    revisions:", "      - { revision: A, received: 2026-01-05, file: customers/DYA/A.md }", ""].join("\n"),
      "customers/DYA/A.md": EDITION_A.join("\n"),
      "csr/DYA/DYA-001.yaml": decidedCsr("DYA-001", '"3.10"', "年度全尺寸检验"),
      "csr/DYA/DYA-002.yaml": decidedCsr("DYA-002", "A.1", "管理评审输入"),
    };
    const dir = gitInit(minimalRepo(files));
    writeFileSync(join(dir, "customers/DYA/B.md"), EDITION_B.join("\n"));
    const result = csr(["-C", dir, "source", "update", "DYA-SQM", "--revision", "B", "--received", "2026-03-02", "--file", "customers/DYA/B.md", "--accept", "--by", "wang", "--date", "2026-03-03"]);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").slice(0, 6)).toEqual([
      "Compared customers/DYA/A.md with customers/DYA/B.md:",
      "  DYA-001  3.10: unchanged (now 3.11 年度全尺寸检验)",
      "  DYA-002  A.1: unchanged",
      "New sections that no CSR cites yet (register them with 'csr add' if they are requirements):",
      "  3.10 软件版本管理",
      "DYA-SQM revision B recorded (received 2026-03-02); revision A is superseded.",
    ]);
    expect(result.stdout).toContain("2 CSRs unchanged in revision B; decision kept, confirmed by 王强 (wang) on 2026-03-03:\n");
    expect(result.code).toBe(0);
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toContain('source: {document: DYA-SQM, revision: B, section: "3.11"}\n');
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain("source: {document: DYA-SQM, revision: B, section: A.1}\n");
  });
});

describe("the documents to check after a new revision (tester64 N6)", { timeout: 120_000 }, () => {
  it("csr source update and csr set --text end with the places the changed and removed requirements are addressed", async () => {
    const dir = repoWithManual(asText(REVISION_A), "txt");
    writeFileSync(join(dir, "customers/DYA/手册B.txt"), asText(REVISION_B));
    const addressed = (document: string, section: string) => `addressed:\n  - { document: ${document}, section: ${section} }\n`;
    writeFileSync(join(dir, "csr/DYA/DYA-002.yaml"), decidedCsr("DYA-002", "2.2 内部审核", "每年进行过程审核") + addressed("QP-007", "5.4 产品和过程确认"));
    writeFileSync(join(dir, "csr/DYA/DYA-005.yaml"), decidedCsr("DYA-005", "4 包装与标识", "包装标签须含批次号") + addressed("QP-013", "5"));
    writeFileSync(join(dir, "csr/DYA/DYA-001.yaml"), decidedCsr("DYA-001", "2.1 体系认证", "供应商须保持IATF 16949认证有效") + addressed("QP-002", "4"));
    const result = csr(["-C", dir, "source", "update", "DYA-SQM", "--revision", "B", "--received", "2026-03-02", "--file", "customers/DYA/手册B.txt", "--accept", "--by", "wang", "--date", "2026-03-03", "--lang", "zh-CN"]);
    expect(result.code).toBe(0);
    // DYA-001, unchanged, leaves QP-002 as it was.
    expect(result.stdout).toContain("  DYA-005  包装标签须含批次号\n需核查的文件：QP-007 5.4（DYA-002 已变更）、QP-013 5（DYA-005 已删除）。\n");
    const set = csr(["-C", dir, "set", "DYA-002", "--text", "供应商每年至少进行一次过程审核和一次产品审核。", "-y", "--lang", "en"]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("\nDocuments to check: QP-007 5.4 (DYA-002's wording changed).\n");
  });
});

describe("csr source update at a terminal", () => {
  const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;

  it("asks for each CSR with the comparison's proposal preselected, then who confirms", async () => {
    const dir = repoWithManual(asText(REVISION_A), "txt");
    writeFileSync(join(dir, "customers/DYA/手册B.txt"), asText(REVISION_B));
    const ctx = capture(dir);
    const done = updateSource(ctx, "DYA-SQM", { revision: "B", received: "2026-03-02", file: "customers/DYA/手册B.txt", date: "2026-03-03" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("DYA-001 供应商须保持IATF 16949认证有效");
    expect(screen.getScreen()).toContain("❯ unchanged: keep the decision, record the confirmation");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ changed: review it again (会签)");
    screen.keypress("enter");
    // A changed requirement's new wording (tester54a A16), left blank.
    await screen.next();
    expect(screen.getScreen()).toContain("New wording of DYA-002 in revision B");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("DYA-004 控制计划须经顾客批准");
    screen.keypress("up");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ removed: mark it superseded");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Confirmed by");
    // Only those who may decide: a confirmation keeps the decision in force.
    expect(screen.getScreen()).not.toContain("李娜");
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toContain("2 CSRs to review again against revision B, due 2026-03-16:\n  DYA-002  每年进行过程审核  (was on revision A)\n  DYA-004  控制计划须经顾客批准  (was on revision A)\n");
    expect(ctx.out).toContain("1 CSR unchanged in revision B; decision kept, confirmed by 王强 (wang) on 2026-03-03:\n  DYA-001  供应商须保持IATF 16949认证有效\n");
  });
});
