import { existsSync, readFileSync, writeFileSync, rmSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csr, csrInProcess, git, minimalRepo, tempDir } from "../helpers.js";

/** Commits everything as of a fixed moment in China Standard Time, so dates and tags are reproducible. */
function commitAt(dir: string, isoDay: string, message: string): void {
  const when = `${isoDay}T10:00:00+08:00`;
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const lines = (...l: string[]) => l.join("\n") + "\n";

const signed = (version: string, date: string, summary: string) => [
  `  - version: ${version}`,
  `    date: ${date}`,
  `    summary: ${summary}`,
  `    prepared: { by: zhang, date: ${date} }`,
  `    reviewed: { by: li, date: ${date} }`,
  `    approved: { by: wang, date: ${date} }`,
];

const procedure = (id: string, title: string, clauses: string, revisions: string[][], extra: string[] = []) =>
  lines(`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", `clauses: [${clauses}]`, "status: released", "revisions:", ...revisions.flat(), ...extra);

const customer = (revisions: string[]) => lines("code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", ...revisions);

const decided = (id: string, title: string, revision: string, addressed: string, extra: string[] = []) =>
  lines(
    `id: ${id}`,
    "customer: DYA",
    `source: { document: DYA-SQM, revision: ${revision} }`,
    "clauses: [IATF16949:8.3.3.3]",
    `title: ${title}`,
    "received: 2025-01-06",
    "review:",
    ...extra,
    "  opinions:",
    "    - { department: QA, reviewer: zhang, opinion: accept, date: 2025-01-07 }",
    "    - { department: MKT, reviewer: li, opinion: accept, date: 2025-01-07 }",
    "  decision: { disposition: must, by: wang, date: 2025-01-08 }",
    ...(addressed ? [`addressed: [{ document: ${addressed} }]`] : []),
  );

/**
 * A year of a small quality system: the state at the 2025 audit (tag audit-2025), a release, a
 * decision and a new person in June, a new customer revision, a withdrawal and a new CSR in
 * September (tag audit-2026).
 */
function scriptedHistory(): string {
  const dir = minimalRepo({
    "customers/DYA.yaml": customer(["      - { revision: A, received: 2025-01-06 }"]),
    "csr/DYA/DYA-001.yaml": decided("DYA-001", "特殊特性符号按顾客规定标识", "A", "QP-001"),
    "csr/DYA/DYA-002.yaml": lines("id: DYA-002", "customer: DYA", "source: { document: DYA-SQM, revision: A }", "clauses: [IATF16949:8.5.4]", "title: 包装标签须含批次号", "received: 2025-01-06"),
    "documents/QP-001.yaml": procedure("QP-001", "顾客特定要求管理程序", "IATF16949:4.3.2", [signed("A/0", "2025-01-02", "首次发布")]),
    "documents/WI-001.yaml": lines("id: WI-001", "title: 来料检验作业指导书", "level: 3", "kind: instruction", "department: QA", "status: released", "revisions:", ...signed("A/0", "2025-01-02", "首次发布")),
  });
  git(dir, ["init", "-q"]);
  git(dir, ["config", "user.name", "Test User"]);
  git(dir, ["config", "user.email", "test@example.com"]);
  commitAt(dir, "2025-01-10", "2025 年审核时的状态");
  git(dir, ["tag", "audit-2025"]);

  write(dir, {
    "documents/QP-001.yaml": procedure("QP-001", "顾客特定要求管理程序", "IATF16949:4.3.2", [signed("A/0", "2025-01-02", "首次发布"), signed("A/1", "2025-06-01", "增加评审时限")]),
    "documents/QP-002.yaml": procedure("QP-002", "文件控制程序", "IATF16949:7.5.3.2.2", [signed("A/0", "2025-06-01", "首次发布")]),
    "csr/DYA/DYA-002.yaml": lines(
      "id: DYA-002", "customer: DYA", "source: { document: DYA-SQM, revision: A }", "clauses: [IATF16949:8.5.4]", "title: 包装标签须含批次号", "received: 2025-01-06",
      "review:", "  decision: { disposition: optional, by: wang, date: 2025-06-02, forced: true }",
    ),
    "people.yaml": readFileSync(join(dir, "people.yaml"), "utf8").replace("    roles: [author, reviewer]\n  - id: wang", "    roles: [approver, author, reviewer]\n  - id: wang") + lines("  - id: chen", "    name: 陈静", "    department: QA", "    roles: [author]"),
  });
  commitAt(dir, "2025-06-02", "六月：QP-001 换版，DYA-002 决定，陈静加入");

  write(dir, {
    "customers/DYA.yaml": customer(["      - { revision: A, received: 2025-01-06, status: superseded }", "      - { revision: B, received: 2025-09-01, supersedes: A }"]),
    "csr/DYA/DYA-001.yaml": lines(
      "id: DYA-001", "customer: DYA", "source: { document: DYA-SQM, revision: B }", "clauses: [IATF16949:8.3.3.3]", "title: 特殊特性符号按顾客规定标识", "received: 2025-01-06",
      "review:", "  restarted: 2025-09-01", "  history:", "    - source_revision: A", "      closed: 2025-09-01", "      reason: 顾客发布 B 版", "      decision: { disposition: must, by: wang, date: 2025-01-08 }",
      "addressed: [{ document: QP-002, section: \"5.3\" }]",
    ),
    "csr/DYA/DYA-003.yaml": lines("id: DYA-003", "customer: DYA", "source: { document: DYA-SQM, revision: B }", "clauses: [IATF16949:8.7.1.4]", "title: 返工须经顾客批准", "received: 2025-09-01"),
    "documents/WI-001.yaml": lines(
      "id: WI-001", "title: 来料检验作业指导书", "level: 3", "kind: instruction", "department: QA", "status: obsolete", "revisions:", ...signed("A/0", "2025-01-02", "首次发布"),
      "obsolete: { date: 2025-09-05, reason: 并入 QP-002, superseded_by: QP-002 }",
    ),
  });
  commitAt(dir, "2025-09-05", "九月：顾客 B 版，WI-001 作废，DYA-003");
  git(dir, ["tag", "audit-2026"]);
  return dir;
}

interface ChangeJson {
  from: { spec: string; commit: string | null; date: string | null };
  to: { spec: string; commit: string | null; date: string | null };
  changes: { area: string; kind: string; id: string; title: string; from: string; to: string; detail: string; date: string | null }[];
}

const TZ = { TZ: "Asia/Shanghai" };

// Each test runs csr several times; on a loaded 2-core machine that can take longer than the default.
describe("csr changes", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = scriptedHistory();
  });

  it("reports every kind of change between two tags, as data", () => {
    const result = csr(["-C", dir, "changes", "audit-2025", "audit-2026", "--format", "json"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ChangeJson;
    expect(report.from).toEqual({ spec: "audit-2025", commit: git(dir, ["rev-parse", "audit-2025"]).trim(), date: "2025-01-10" });
    expect(report.to).toEqual({ spec: "audit-2026", commit: git(dir, ["rev-parse", "audit-2026"]).trim(), date: "2025-09-05" });
    expect(report.changes.map((c) => [c.area, c.kind, c.id, c.from, c.to, c.detail, c.date])).toEqual([
      ["document", "released", "QP-001", "A/0", "A/1", "A/1 增加评审时限", "2025-06-01"],
      ["document", "added", "QP-002", "", "A/0", "released", "2025-06-01"],
      ["document", "withdrawn", "WI-001", "released", "obsolete", "并入 QP-002 → QP-002", "2025-09-05"],
      ["csr", "reopened", "DYA-001", "A", "B", "顾客发布 B 版", "2025-09-01"],
      ["csr", "addressed", "DYA-001", "QP-001", "QP-002 5.3", "", null],
      ["csr", "decided", "DYA-002", "", "optional", "wang", "2025-06-02"],
      ["csr", "added", "DYA-003", "", "DYA-SQM B", "DYA", "2025-09-01"],
      ["source", "revised", "DYA-SQM", "A", "B", "DYA", "2025-09-01"],
      ["coverage", "gained", "IATF16949:7.5.3.2.2", "uncovered", "covered", "", null],
      ["person", "added", "chen", "", "author", "QA", null],
      ["person", "roles", "li", "author, reviewer", "approver, author, reviewer", "MKT", null],
    ]);
  });

  it("prints a CJK-aligned table by default, with a count per area", async () => {
    const result = await csrInProcess(["-C", dir, "changes", "audit-2025", "audit-2026"], { lang: null, env: TZ });
    expect(result.code).toBe(0);
    const short = (tag: string) => git(dir, ["rev-parse", "--short=7", tag]).trim();
    const out = result.stdout.split("\n");
    expect(out[0]).toBe(`变更报告：audit-2025 (${short("audit-2025")}, 2025-01-10) → audit-2026 (${short("audit-2026")}, 2025-09-05)`);
    expect(out.slice(2, 5)).toEqual([
      "类别          变更          编号                 名称                        变更前      变更后            说明                  日期",
      "------------  ------------  -------------------  --------------------------  ----------  ----------------  --------------------  ----------",
      "文件          换版          QP-001               顾客特定要求管理程序        A/0         A/1               A/1 增加评审时限      2025-06-01",
    ]);
    expect(out).toContain("顾客特定要求  已决定        DYA-002              包装标签须含批次号                      可选              王强                  2025-06-02");
    // Roles in the words signatures use (编制/审核/批准), not people.yaml's codes.
    expect(out.filter((line) => line.startsWith("人员与角色  "))).toEqual([
      "人员与角色    新增          chen                 陈静                                    编制              品质部",
      "人员与角色    角色变更      li                   李娜                        编制、审核  批准、编制、审核  市场部",
    ]);
    expect(out.slice(-6)).toEqual([
      "文件：新增 1，换版 1，作废 1",
      "顾客特定要求：新增 1，已决定 1，重新评审 1，落实文件变更 1",
      "顾客来源文件：新版本 1",
      "条款覆盖：新覆盖 1",
      "人员与角色：新增 1，角色变更 1",
      "",
    ]);
  });

  it("takes dates: from the start of the first day to the end of the last", async () => {
    const june = JSON.parse((await csrInProcess(["-C", dir, "changes", "2025-06-02", "2025-06-02", "--format", "json"], { lang: null, env: TZ })).stdout) as ChangeJson;
    expect(june.from.date).toBe("2025-01-10");
    expect(june.to.date).toBe("2025-06-02");
    expect(june.changes.map((c) => `${c.area} ${c.kind} ${c.id}`)).toEqual([
      "document released QP-001",
      "document added QP-002",
      "csr decided DYA-002",
      "coverage gained IATF16949:7.5.3.2.2",
      "person added chen",
      "person roles li",
    ]);
    const none = JSON.parse((await csrInProcess(["-C", dir, "changes", "2025-06-03", "2025-09-04", "--format", "json"], { lang: null, env: TZ })).stdout) as ChangeJson;
    expect(none.changes).toEqual([]);
  });

  it("before the first commit everything is new", async () => {
    const result = JSON.parse((await csrInProcess(["-C", dir, "changes", "2024-12-31", "audit-2025", "--format", "json"], { lang: null, env: TZ })).stdout) as ChangeJson;
    expect(result.from).toEqual({ spec: "2024-12-31", commit: null, date: null });
    expect(result.changes.filter((c) => c.area !== "coverage").map((c) => `${c.area} ${c.kind} ${c.id}`)).toEqual([
      "document added QP-001",
      "document added WI-001",
      "csr added DYA-001",
      "csr decided DYA-001",
      "csr added DYA-002",
      "source added DYA-SQM",
      "person added li",
      "person added wang",
      "person added zhang",
    ]);
    expect(result.changes.filter((c) => c.area === "coverage").map((c) => c.id)).toEqual(["IATF16949:4.3.2"]);
  });

  it("writes md, html and xlsx through --out, in English with --lang en", async () => {
    const out = tempDir();
    for (const ext of ["md", "html", "xlsx"]) {
      const result = await csrInProcess(["-C", dir, "changes", "audit-2025", "audit-2026", "--out", join(out, `changes.${ext}`), "--lang", "en"], { env: TZ });
      expect(result.stderr).toBe(`wrote ${join(out, `changes.${ext}`)}\n`);
      expect(result.code).toBe(0);
    }
    const md = readFileSync(join(out, "changes.md"), "utf8");
    expect(md).toContain("| Documents | withdrawn | WI-001 | 来料检验作业指导书 | released | obsolete | 并入 QP-002 → QP-002 | 2025-09-05 |");
    expect(md).toContain("CSRs: added 1, decided 1, reopened 1, addressed elsewhere 1");
    const html = readFileSync(join(out, "changes.html"), "utf8");
    expect(html).toContain('<td class="code">CSRs</td><td class="code">reopened</td><td class="id">DYA-001</td>');
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, "changes.xlsx"));
    const sheet = book.getWorksheet("Changes")!;
    expect(sheet.getRow(2).values).toEqual([undefined, "Area", "Change", "ID", "Title", "Before", "After", "Detail", "Date"]);
    expect(sheet.getCell("H3").value).toEqual(new Date("2025-06-01T00:00:00Z"));
    expect(sheet.rowCount).toBe(2 + 11 + 1 + 5);
  });

  it("refuses what is not a revision, and a folder without git", async () => {
    const bad = await csrInProcess(["-C", dir, "changes", "audit-2024"], { env: TZ });
    expect(bad).toEqual({ code: 2, stdout: "", stderr: "csr: audit-2024: no such commit, branch or tag (a date is written YYYY-MM-DD).\nhint: List tags with 'git tag', commits with 'git log --oneline'.\n" });
    const plain = minimalRepo();
    rmSync(join(plain, ".git"), { recursive: true, force: true });
    const nogit = await csrInProcess(["-C", plain, "changes", "HEAD~1"]);
    expect(nogit.code).toBe(2);
    expect(nogit.stderr).toMatch(/^csr: csr changes reads the git history; .* is not a git repository\.\n$/);
    expect(existsSync(join(plain, "out"))).toBe(false);
  });
});
