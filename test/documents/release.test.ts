import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/engine.js";
import { loadRepository } from "../../src/load/repository.js";
import { BIN, checkJsonInProcess, csr, csrInProcess, git, gitInit, makeRepo, minimalRepo, tempDir, type RunResult } from "../helpers.js";

const DRAFT = [
  "# 文控：首次发布前的草稿",
  "id: QP-020",
  "title: 顾客特定要求管理程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: draft # 发布时由 csr release 改写",
  "sections:",
  "  - title: 目的",
  "    text: 规定顾客特定要求的识别与评审。",
  "",
].join("\n");

const RELEASED = [
  "id: QP-020",
  "title: 顾客特定要求管理程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: released",
  "effective: 2024-01-10",
  "revisions:",
  "  - version: A/0",
  "    date: 2024-01-10",
  "    summary: 首次发布",
  "    prepared: { by: zhang, date: 2024-01-10 }",
  "    reviewed: { by: li, date: 2024-01-10 }",
  "    approved: { by: wang, date: 2024-01-10 }",
  "",
].join("\n");

const SIGNERS = ["--prepared", "zhang", "--reviewed", "li", "--approved", "wang"];

/**
 * A repository whose documents were committed as released with another title, then edited and the
 * edit committed: a release records a change, and csr release refuses a document whose content is
 * the same as at the commit that added its current revision.
 */
function repoWith(files: Record<string, string>): string {
  const issued = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, path.startsWith("documents/") ? text.replace(/^title: (.*)$/m, "title: $1（初版）") : text]));
  const repo = gitInit(minimalRepo(issued));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(repo, path), text);
  git(repo, ["commit", "-qam", "edit"]);
  return repo;
}

/**
 * repoWith, where a released document left referring to a withdrawn one or mentioning its title is
 * a warning (qms.yaml rules), so that csr obsolete withdraws and lists it rather than refusing.
 */
function lenientRepoWith(files: Record<string, string>): string {
  const repo = repoWith(files);
  appendFileSync(join(repo, "qms.yaml"), "  doc/obsolete-referenced: warning\n  doc/obsolete-mentioned: warning\n");
  git(repo, ["commit", "-qam", "the rules as warnings"]);
  return repo;
}

const head = (dir: string) => git(dir, ["rev-parse", "HEAD"]).trim();

/**
 * Runs the binary as a user without any git identity: HOME is an empty folder, no system config,
 * no identity in the environment, and the repository's own user.email removed; user.useConfigOnly
 * stops git from guessing an address from the host name.
 */
function csrWithoutIdentity(repo: string, args: string[]): RunResult {
  git(repo, ["config", "--unset", "user.email"]);
  git(repo, ["config", "user.useConfigOnly", "true"]);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^GIT_(AUTHOR|COMMITTER)_|^EMAIL$/.test(key)) env[key] = value;
  }
  Object.assign(env, { HOME: tempDir("csr-home-"), XDG_CONFIG_HOME: tempDir("csr-xdg-"), GIT_CONFIG_NOSYSTEM: "1", NO_COLOR: "1" });
  const result = spawnSync(process.execPath, [BIN, "--lang", "en", ...args], { encoding: "utf8", env, input: "" });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts that a failed command left the repository exactly as it was: file, index, HEAD and tags. */
function expectUntouched(repo: string, path: string, text: string, before: string, result: RunResult): void {
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  expect(readFileSync(join(repo, path), "utf8")).toBe(text);
  expect(git(repo, ["status", "--porcelain"])).toBe("");
  expect(head(repo)).toBe(before);
}

describe("csr release", () => {
  it("releases a draft as A/0, keeps its comments, commits the file alone and tags it", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": DRAFT });
    // 总页数 is a whole number of pages: a refusal writes nothing.
    const refused = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", "--total-pages", "6页", ...SIGNERS, "--date", "2024-03-01"]);
    expect([refused.code, refused.stderr]).toEqual([2, "csr: --total-pages expects the number of pages of the printed controlled copy (a whole number from 1 to 9999), got '6页'.\n"]);
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", "--pages", "全部", "--total-pages", "6", ...SIGNERS, "--date", "2024-03-01"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const commit = git(repo, ["rev-parse", "--short", "HEAD"]).trim();
    expect(result.stdout).toBe(`Released QP-020 A/0 (documents/QP-020.yaml): commit ${commit}, tag QP-020/A-0.\n`);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(
      [
        "# 文控：首次发布前的草稿",
        "id: QP-020",
        "title: 顾客特定要求管理程序",
        "level: 2",
        "kind: procedure",
        "department: QA",
        "status: released # 发布时由 csr release 改写",
        "effective: 2024-03-01",
        "revisions:",
        "  - version: A/0",
        "    date: 2024-03-01",
        "    summary: 首次发布",
        "    pages: 全部",
        "    total_pages: 6",
        "    prepared:",
        "      by: zhang",
        "      date: 2024-03-01",
        "    reviewed:",
        "      by: li",
        "      date: 2024-03-01",
        "    approved:",
        "      by: wang",
        "      date: 2024-03-01",
        "sections:",
        "  - title: 目的",
        "    text: 规定顾客特定要求的识别与评审。",
        "",
      ].join("\n"),
    );
    expect(git(repo, ["log", "-1", "--format=%s|%an <%ae>"])).toBe("release QP-020 A/0: 首次发布|Test User <test@example.com>\n");
    expect(git(repo, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/QP-020.yaml\n");
    expect(git(repo, ["tag", "--points-at", "HEAD"])).toBe("QP-020/A-0\n");
    expect(git(repo, ["status", "--porcelain"])).toBe("");
    expect((await csrInProcess(["-C", repo, "check"])).code).toBe(0);
  });

  it("refuses a document whose sections have no text, as csr new scaffolds them, naming each empty section", async () => {
    const scaffolded = DRAFT.replace(
      "sections:\n",
      "sections:\n  - title: 职责\n  - number: 5\n    title: 作业流程\n    sections:\n      - title: 接收\n        text: 市场部接收顾客文件。\n      - title: 评审\n        text: \"  \"\n",
    );
    const repo = repoWith({ "documents/QP-020.yaml": scaffolded });
    const release = ["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--date", "2024-03-01"];
    expect(await csrInProcess(release)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-020 has sections without text: 1 职责, 5.2 评审. A controlled document is not released blank.\nhint: Write them first; a section with nothing to say says so (e.g. 'None.', 无。), and a section the document does not need is removed.\n",
    });
    expect((await csrInProcess(release, { lang: "zh-CN" })).stderr).toBe(
      "csr: QP-020 有章节没有内容：1 职责、5.2 评审。受控文件不能空白发布。\n提示：请先编写这些章节；没有内容的章节也请写明（例如“无。”），文件不需要的章节请删除。\n",
    );
    expect(git(repo, ["status", "--porcelain"])).toBe("");
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(scaffolded);

    // Marked released by hand instead: csr check finds the same sections blank (doc/empty-section).
    writeFileSync(join(repo, "documents/QP-020.yaml"), scaffolded.replace("status: draft", "status: released"));
    const findings = runCheck(loadRepository(repo), { today: "2024-03-01" }).filter((f) => f.rule === "doc/empty-section");
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      "9:12 QP-020 is released, but section 1 职责 has no text: it was issued blank. Write it (a section with nothing to say says so, e.g. 无。) or remove it, and release the change as a new version (csr release QP-020).",
      "15:16 QP-020 is released, but section 5.2 评审 has no text: it was issued blank. Write it (a section with nothing to say says so, e.g. 无。) or remove it, and release the change as a new version (csr release QP-020).",
    ]);
  });

  it("records each signature with its own date, and refuses dates out of order", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": DRAFT });
    const dates = ["--prepared-date", "2024-02-20", "--reviewed-date", "2024-02-23", "--approved-date", "2024-02-28"];
    const late = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--prepared-date", "2024-02-20", "--reviewed-date", "2024-03-02", "--approved-date", "2024-02-28", "--date", "2024-03-01"]);
    expect(late).toMatchObject({ code: 2, stdout: "", stderr: "csr: --approved-date 2024-02-28 is before --reviewed-date 2024-03-02; a revision is prepared, reviewed, approved and then takes effect, in that order.\n" });
    const early = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--approved-date", "2024-03-05", "--date", "2024-03-01"]);
    expect(early.stderr).toBe("csr: --date 2024-03-01 is before --approved-date 2024-03-05; a revision is prepared, reviewed, approved and then takes effect, in that order.\n");
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, ...dates, "--date", "2024-03-01"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain(
      ["    prepared:", "      by: zhang", "      date: 2024-02-20", "    reviewed:", "      by: li", "      date: 2024-02-23", "    approved:", "      by: wang", "      date: 2024-02-28", ""].join("\n"),
    );
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain("effective: 2024-03-01\n");
  });

  it("counts revisions within the edition, and starts a new edition with --major", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加评审期限", ...SIGNERS, "--date", "2024-05-01"])).stdout).toMatch(/^Released QP-020 A\/1 .* tag QP-020\/A-1\.\n$/);
    writeFileSync(join(repo, "documents/QP-020.yaml"), readFileSync(join(repo, "documents/QP-020.yaml"), "utf8").replace("title: 顾客特定要求管理程序", "title: 顾客特定要求控制程序"));
    // The edit, not committed, is released with the revision as --include-changes asks.
    expect((await csrInProcess(["-C", repo, "release", "QP-020", "--major", "--summary", "换版", ...SIGNERS, "--date", "2024-06-01", "--include-changes"])).stdout).toMatch(/^Released QP-020 B\/0 .* tag QP-020\/B-0\.\n$/);
    const text = readFileSync(join(repo, "documents/QP-020.yaml"), "utf8");
    expect(text).toContain("effective: 2024-06-01\n");
    expect([...text.matchAll(/version: (\S+)/g)].map((m) => m[1])).toEqual(["A/0", "A/1", "B/0"]);
    expect(git(repo, ["log", "--format=%s"])).toBe("release QP-020 B/0: 换版\nrelease QP-020 A/1: 增加评审期限\nedit\ninitial\n");
  });

  it("records the electronic issue of each release when qms.yaml says every release is issued on OA, to every department unless it names them (tester55 C2)", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    appendFileSync(join(repo, "qms.yaml"), "document_control:\n  electronic_issue: { system: OA, issued_by: wang }\n");
    git(repo, ["commit", "-qam", "OA"]);
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加评审期限", ...SIGNERS, "--date", "2024-05-01"]);
    expect(result.stdout.split("\n").slice(1)).toEqual(["QP-020 A/1: issued electronically (OA, read-only) to 品质部, 市场部 on 2024-05-01, as qms.yaml's document_control.electronic_issue says (recorded).", ""]);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toMatch(/\nelectronic_issue:\n {2}- \{version: A\/1, to: \[QA, MKT\], date: 2024-05-01, system: OA, issued_by: wang\}\n$/);
    expect(git(repo, ["status", "--porcelain"])).toBe("");
    // A department the company does not have is refused before anything is written.
    writeFileSync(join(repo, "qms.yaml"), readFileSync(join(repo, "qms.yaml"), "utf8").replace("{ system: OA, issued_by: wang }", "{ system: OA, to: [QA, PRD] }"));
    git(repo, ["commit", "-qam", "OA to PRD"]);
    writeFileSync(join(repo, "documents/QP-020.yaml"), readFileSync(join(repo, "documents/QP-020.yaml"), "utf8").replace("title: 顾客特定要求管理程序", "title: 顾客特定要求控制程序"));
    git(repo, ["commit", "-qam", "edit"]);
    const refused = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "改名", ...SIGNERS, "--date", "2024-06-01"]);
    expect(refused).toEqual({ code: 2, stdout: "", stderr: "csr: 'PRD' under document_control.electronic_issue.to in qms.yaml is not a department or outside party code; correct it and release again.\n" });
    expect(git(repo, ["status", "--porcelain"])).toBe("");
  });

  it("names the uncommitted changes of the document's file that it commits with the revision, without a terminal as with --include-changes", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    const path = join(repo, "documents/QP-020.yaml");
    const edited = RELEASED.replace("title: 顾客特定要求管理程序", "title: 顾客特定要求控制程序");
    writeFileSync(path, edited);
    const args = ["-C", repo, "release", "QP-020", "--summary", "改名", ...SIGNERS, "--date", "2024-05-01"];
    const released = await csrInProcess(args);
    expect([released.code, released.stderr]).toEqual([0, ""]);
    expect(released.stdout.split("\n").slice(-2, -1)).toEqual([
      "The uncommitted changes of documents/QP-020.yaml (title; +1 −1 lines) were committed as part of the new revision of QP-020 ('git show --stat HEAD' shows them).",
    ]);
    expect(released.stdout).toMatch(/^Released QP-020 A\/1 /);
    expect(git(repo, ["show", "HEAD:documents/QP-020.yaml"])).toContain("title: 顾客特定要求控制程序\n");
    expect(git(repo, ["status", "--porcelain"])).toBe("");

    // A draft never committed is the whole file; a change of a comment alone is said to be one.
    const fresh = gitInit(minimalRepo({}));
    makeRepo({ "documents/QP-020.yaml": DRAFT }, fresh);
    const first = await csrInProcess(["--lang", "zh-CN", "-C", fresh, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "-y"]);
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n").at(-2)).toBe("documents/QP-020.yaml 此前从未提交（新文件，10 行），整个文件作为 QP-020 的新修订提交。");
    writeFileSync(join(fresh, "documents/QP-020.yaml"), readFileSync(join(fresh, "documents/QP-020.yaml"), "utf8").replace("# 文控：首次发布前的草稿", "# 文控：草稿"));
    const again = await csrInProcess(["-C", fresh, "release", "QP-020", "--summary", "注释", ...SIGNERS, "--force", "--include-changes"]);
    expect(again.stdout).not.toContain("uncommitted");
    writeFileSync(join(fresh, "documents/QP-020.yaml"), readFileSync(join(fresh, "documents/QP-020.yaml"), "utf8").replace("# 文控：草稿", "# 文控：定稿"));
    const third = await csrInProcess(["-C", fresh, "release", "QP-020", "--summary", "注释", ...SIGNERS, "--force"]);
    expect(third.stdout.split("\n").at(-2)).toMatch(/^The uncommitted changes of documents\/QP-020.yaml \(comments or layout only; \+1 −1 lines\)/);
  });

  it("refuses an uncommitted edit of a revision entry already recorded, which it would commit with the new revision, writing nothing (tester72 Q15)", () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    const path = join(repo, "documents/QP-020.yaml");
    // A careless edit of the body that also rewrote the summary of A/0.
    const edited = RELEASED.replace("title: 顾客特定要求管理程序", "title: 顾客特定要求控制程序").replace("summary: 首次发布", "summary: 首次发布（补）");
    writeFileSync(path, edited);
    const before = head(repo);
    const refused = csr(["-C", repo, "release", "QP-020", "--summary", "改名", ...SIGNERS, "--date", "2024-05-01", "--include-changes"], { lang: "zh-CN" });
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: documents/QP-020.yaml 中已有的修订记录有尚未提交的改动（A/0 的 summary）：QP-020 的修订记录是各版本批准内容的证据，发布不会把这些改动随新修订一并提交；未写入任何内容。\n" +
        "提示：请把这些修订记录改回原样（'git diff -- documents/QP-020.yaml' 可查看改动），更正应作为新的修订记录；然后重新发布。\n",
    });
    expect([readFileSync(path, "utf8"), head(repo), git(repo, ["tag", "-l"])]).toEqual([edited, before, ""]);
    // A removed entry is named too, in English.
    writeFileSync(path, RELEASED.replace("title: 顾客特定要求管理程序", "title: 顾客特定要求控制程序").replace(/revisions:\n[\s\S]*$/, "revisions: []\n"));
    expect(csr(["-C", repo, "release", "QP-020", "--summary", "改名", ...SIGNERS, "--date", "2024-05-01", "-y"]).stderr.split("\n")[0]).toBe(
      "csr: documents/QP-020.yaml has uncommitted edits of revision entries already recorded (A/0 removed): QP-020's revision record is the evidence of what each version approved, and a release does not commit such edits with the new revision; nothing was written.",
    );
  });

  it("has csr check compare a released document's revision entries with its release tag, without --base (tester72 Q15)", () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    git(repo, ["tag", "QP-020/A-0"]);
    const path = join(repo, "documents/QP-020.yaml");
    expect(csr(["-C", repo, "check", "--today", "2024-06-01"]).code).toBe(0);
    writeFileSync(path, RELEASED.replace("summary: 首次发布", "summary: 首次发布（补）"));
    const checked = csr(["-C", repo, "check", "--today", "2024-06-01", "--format", "json"]);
    const findings = (JSON.parse(checked.stdout) as { findings: { rule: string; line: number; column: number; message: string }[] }).findings;
    expect(findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      [
        "doc/revision-history-rewritten",
        11,
        14,
        "The revision entry A/0 was changed since the release tag QP-020/A-0 (summary). Restore it as it was: earlier entries are evidence of what was approved, and a correction is recorded as a new revision.",
      ],
    ]);
    expect(checked.code).toBe(1);
  });

  it("writes '/' in a document number as '_' in the tag", async () => {
    const repo = repoWith({ "documents/CS_QP-006.yaml": DRAFT.replace("id: QP-020", "id: CS/QP-006") });
    writeFileSync(join(repo, "qms.yaml"), readFileSync(join(repo, "qms.yaml"), "utf8").replace("pattern: QP-###", "pattern: CS/QP-###"));
    git(repo, ["commit", "-qam", "numbering"]);
    const result = await csrInProcess(["-C", repo, "release", "CS/QP-006", "--summary", "首次发布", ...SIGNERS]);
    expect(result.code).toBe(0);
    expect(git(repo, ["tag"])).toBe("CS_QP-006/A-0\n");
  });

  describe("refuses, writing and committing nothing, when", () => {
    const refusals: [string, string[], string][] = [
      ["the approver is not an approver", ["--summary", "x", "--prepared", "zhang", "--reviewed", "li", "--approved", "li"], "csr: --approved li: 李娜 does not have the role 'approver' in people.yaml (roles: author, reviewer).\nhint: Choose a person with the role 'approver', or, if it was granted, give it with 'csr person update li --roles author,reviewer,approver'.\n"],
      ["the reviewer is not a reviewer", ["--summary", "x", "--prepared", "zhang", "--reviewed", "wang", "--approved", "wang"], "csr: --reviewed wang: 王强 does not have the role 'reviewer' in people.yaml (roles: approver).\nhint: Choose a person with the role 'reviewer', or, if it was granted, give it with 'csr person update wang --roles approver,reviewer'.\n"],
      ["the approver prepared the change", ["--summary", "x", "--prepared", "wang", "--reviewed", "li", "--approved", "wang"], "csr: 王强 (wang) cannot approve a change they prepared; another approver must sign (segregation of duties).\n"],
      ["the reviewer prepared the change", ["--summary", "x", "--prepared", "zhang", "--reviewed", "zhang", "--approved", "wang"], "csr: 张伟 (zhang) cannot review a change they prepared; another reviewer must sign (segregation of duties).\n"],
      ["a named person is unknown", ["--summary", "x", "--prepared", "zhan", "--reviewed", "li", "--approved", "wang"], "csr: --prepared zhan: no person in people.yaml has this id or name (list them with 'csr list people'). Did you mean 'zhang' (张伟)?\n"],
      ["the summary is missing", SIGNERS, "csr: --summary is required: what changed, e.g. --summary '增加评审期限'.\n"],
    ];
    for (const [when, args, stderr] of refusals) {
      it(when, async () => {
        const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
        const before = head(repo);
        const result = await csrInProcess(["-C", repo, "release", "QP-020", ...args]);
        expect(result.stderr).toBe(stderr);
        expect(result.code).toBe(2);
        expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
        expect(head(repo)).toBe(before);
        expect(git(repo, ["tag"])).toBe("");
      });
    }

    it("the preparer is not an author (编制), as docs/format.md has it (month report #7)", async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      writeFileSync(join(repo, "people.yaml"), readFileSync(join(repo, "people.yaml"), "utf8") + "  - id: zhao\n    name: 赵敏\n    department: QA\n    roles: [reviewer]\n");
      git(repo, ["commit", "-qam", "zhao"]);
      const before = head(repo);
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", "--prepared", "zhao", "--reviewed", "li", "--approved", "wang"]);
      expect(result.stderr).toBe(
        "csr: --prepared zhao: 赵敏 does not have the role 'author' in people.yaml (roles: reviewer).\nhint: Choose a person with the role 'author', or, if it was granted, give it with 'csr person update zhao --roles reviewer,author'.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
      expect(head(repo)).toBe(before);
      expect(git(repo, ["tag"])).toBe("");
    });

    it("the approver is not an approver, said in Chinese with each role's meaning beside its code", async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", "--prepared", "zhang", "--reviewed", "li", "--approved", "li"], { lang: "zh-CN" });
      expect(result.stderr).toBe(
        "csr: --approved li：people.yaml 中的李娜没有 approver（批准）角色；现有角色：author（编制）、reviewer（审核）。\n提示：请选择具有 approver（批准）角色的人；如果已授予该角色，请用 'csr person update li --roles author,reviewer,approver' 补上。\n",
      );
      expect(result.code).toBe(2);
    });

    it("another file is staged", async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      writeFileSync(join(repo, "people.yaml"), readFileSync(join(repo, "people.yaml"), "utf8") + "# staged\n");
      git(repo, ["add", "people.yaml"]);
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: Other files are staged for commit (people.yaml); csr commits this document on its own and wrote nothing.\nhint: Commit them or unstage them ('git restore --staged <file>') first.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
    });

    it("the repository has unresolved conflicts", async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      git(repo, ["checkout", "-q", "-b", "other"]);
      writeFileSync(join(repo, "documents/QP-020.yaml"), RELEASED.replace("顾客特定要求管理程序", "顾客要求管理程序"));
      git(repo, ["commit", "-qam", "other title"]);
      git(repo, ["checkout", "-q", "main"]);
      writeFileSync(join(repo, "documents/QP-020.yaml"), RELEASED.replace("顾客特定要求管理程序", "顾客特殊要求管理程序"));
      git(repo, ["commit", "-qam", "main title"]);
      expect(() => git(repo, ["merge", "-q", "other"])).toThrow();
      const conflicted = readFileSync(join(repo, "documents/QP-020.yaml"), "utf8");
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: The repository has unresolved merge conflicts (documents/QP-020.yaml); csr writes nothing until they are resolved.\nhint: Resolve the conflicts, 'git add' the files and commit, then run the command again.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(conflicted);
    });

    it("the tag exists already", async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      git(repo, ["tag", "QP-020/A-1"]);
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: The tag QP-020/A-1 exists already; QP-020 A/1 was released before.\nhint: Check 'csr history' and 'git tag', and remove a stray tag only if that release never happened.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
    });

    it("the document has not changed since its last release (unless --force)", async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加评审期限", ...SIGNERS, "--date", "2024-05-01"])).code).toBe(0);
      const released = readFileSync(join(repo, "documents/QP-020.yaml"), "utf8");
      const before = head(repo);
      const again = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS, "--yes"]);
      expect(again).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "csr: QP-020 has not changed since its release A/1 (tag QP-020/A-1); a new revision records a change.\nhint: Edit the document first (its distribution, recall, training and periodic review records, clauses, processes, record keeping and review interval are register data, not its content), or pass --force to release it again unchanged.\n",
      });
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(released);
      expect(head(repo)).toBe(before);
      expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "年度评审，无变化", ...SIGNERS, "--force"])).stdout).toMatch(/^Released QP-020 A\/2 /);
    });

    it("only the distribution record changed since the release: it is not content", async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加评审期限", ...SIGNERS, "--date", "2024-05-01"])).code).toBe(0);
      expect((await csrInProcess(["-C", repo, "distribute", "QP-020", "--to", "QA", "--date", "2024-05-02", "-y", "--commit"])).code).toBe(0);
      const before = head(repo);
      const again = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS, "--date", "2024-05-03"]);
      expect(again.stderr.split("\n")[0]).toBe("csr: QP-020 has not changed since its release A/1 (tag QP-020/A-1); a new revision records a change.");
      expect(again.code).toBe(2);
      expect(head(repo)).toBe(before);
    });

    it("the document has not changed since the commit that added its revision, when the release has no tag", async () => {
      const repo = gitInit(minimalRepo({ "documents/QP-020.yaml": RELEASED }));
      const added = git(repo, ["rev-parse", "--short", "HEAD"]).trim();
      writeFileSync(join(repo, "documents/QP-020.yaml"), RELEASED + "distribution:\n  - {copy: 1, version: A/0, to: QA, date: 2024-01-11}\n");
      git(repo, ["commit", "-qam", "发放"]);
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: `csr: QP-020 has not changed since its release A/0 (commit ${added}, which added that revision); a new revision records a change.\nhint: Edit the document first (its distribution, recall, training and periodic review records, clauses, processes, record keeping and review interval are register data, not its content), or pass --force to release it again unchanged.\n`,
      });
      // A change of content committed after that commit is released.
      writeFileSync(join(repo, "documents/QP-020.yaml"), readFileSync(join(repo, "documents/QP-020.yaml"), "utf8").replace("title: 顾客特定要求管理程序", "title: 顾客特定要求控制程序"));
      git(repo, ["commit", "-qam", "改名"]);
      expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "改名", ...SIGNERS])).stdout).toMatch(/^Released QP-020 A\/1 /);
    });

    it("says in one line that it could not compare when git has no commit adding the revision", async () => {
      // Copied in from an older system and not committed yet.
      const repo = gitInit(minimalRepo({}));
      const path = join(repo, "documents", "QP-020.yaml");
      makeRepo({ "documents/QP-020.yaml": RELEASED }, repo);
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS, "--date", "2024-05-01", "--include-changes"]);
      expect(result.stderr).toBe("Note: no release tag and no commit in git's history adds QP-020 A/0, so csr could not compare the document with its last release; releasing it as asked.\n");
      expect(result.stdout).toMatch(/^Released QP-020 A\/1 /);
      expect(readFileSync(path, "utf8")).toContain("  - version: A/1\n");
    });

    it("the repository has no commit yet", async () => {
      const repo = minimalRepo({ "documents/QP-020.yaml": RELEASED });
      git(repo, ["init", "-q"]);
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: The repository has no commit yet; csr records this change as a commit on top of the repository's history.\nhint: Commit the repository first: git add -A && git commit -m '初始文件'.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
    });

    it("qms.yaml is not tracked by git", async () => {
      const repo = minimalRepo({ "documents/QP-020.yaml": RELEASED });
      git(repo, ["init", "-q"]);
      git(repo, ["add", "documents", "people.yaml"]);
      git(repo, ["commit", "-qm", "documents only"]);
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: qms.yaml is not tracked by git, so the commit csr makes would not hold the repository's configuration.\nhint: Add and commit it first: git add qms.yaml && git commit -m '体系配置'.\n",
      );
      expect(result.code).toBe(2);
    });

    it("the folder is not a git repository", async () => {
      const repo = minimalRepo({ "documents/QP-020.yaml": RELEASED });
      const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(`csr: ${repo} is not a git repository; csr records releases as git commits.\nhint: Run 'git init' and commit the repository first.\n`);
      expect(result.code).toBe(2);
    });
  });
});

describe("csr release with the signatures of a GJB layout", () => {
  /** Level 2 prints 会签, 标准化审查 and 军代表 (docs/format.md, Printed layouts per level). */
  function gjbRepo(): string {
    const repo = minimalRepo({ "documents/QP-020.yaml": DRAFT });
    const qms = readFileSync(join(repo, "qms.yaml"), "utf8");
    writeFileSync(join(repo, "qms.yaml"), `${qms}document_layouts:\n  - levels: [2]\n    signatures: [prepared, reviewed, countersigned, standardization, approved, military_representative]\n`);
    const people = readFileSync(join(repo, "people.yaml"), "utf8");
    writeFileSync(
      join(repo, "people.yaml"),
      `${people}  - id: zhao\n    name: 赵敏\n    department: QA\n    roles: [author, reviewer, approver, standardization]\n  - id: jun\n    name: 孙军代\n    department: QA\n    roles: [author]\n`,
    );
    return gitInit(repo);
  }

  it("takes the 会签 people spaced, at commas or both, as --to and --people take theirs (tester66 N10)", async () => {
    const repo = gjbRepo();
    const result = csr(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--countersigned", "李娜", "zhao，王强", "--standardization", "赵敏", "--military-representative", "jun", "--date", "2024-03-01", "-y"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain(["    countersigned:", "      - by: li", "        date: 2024-03-01", "      - by: zhao", "        date: 2024-03-01", "      - by: wang", "        date: 2024-03-01", ""].join("\n"));
  });

  it("records 会签 (several people), 标准化审查 and 军代表, each with its date, by id or name, and takes effect once the 军代表 has signed", async () => {
    const repo = gjbRepo();
    const result = await csrInProcess([
      "-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS,
      "--countersigned", "李娜,zhao", "--countersigned", "王强", "--standardization", "赵敏", "--military-representative", "jun",
      "--prepared-date", "2024-02-20", "--reviewed-date", "2024-02-23", "--countersigned-date", "2024-02-26", "--approved-date", "2024-02-28", "--military-representative-date", "2024-03-02", "--date", "2024-03-01", "--effective", "2024-03-02",
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[1]).toBe("QP-020 A/0 takes effect on 2024-03-02 (released on 2024-03-01).");
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain(
      [
        "    prepared:", "      by: zhang", "      date: 2024-02-20",
        "    reviewed:", "      by: li", "      date: 2024-02-23",
        "    countersigned:", "      - by: li", "        date: 2024-02-26", "      - by: zhao", "        date: 2024-02-26", "      - by: wang", "        date: 2024-02-26",
        "    standardization:", "      by: zhao", "      date: 2024-02-28",
        "    approved:", "      by: wang", "      date: 2024-02-28",
        "    military_representative:", "      by: jun", "      date: 2024-03-02",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain("effective: 2024-03-02\nrevisions:\n  - version: A/0\n    date: 2024-03-01\n    effective: 2024-03-02\n");
    expect((await csrInProcess(["-C", repo, "check", "--today", "2024-03-05"])).code).toBe(0);
  });

  it("requires each signature the layout prints, and refuses a 会签 dated after the approval", async () => {
    const repo = gjbRepo();
    const before = head(repo);
    const missing = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--countersigned", "li", "--military-representative", "jun"]);
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: The printed layout of level 2 documents (qms.yaml document_layouts) has a 标准化审查 (standardization) signature; give it with --standardization <person>.\n",
    });
    const zh = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--standardization", "zhao", "--military-representative", "jun"], { lang: "zh-CN" });
    expect(zh.stderr).toBe("csr: 2 级文件的版式（qms.yaml 的 document_layouts）有会签签字栏；请用 --countersigned <人员> 给出。\n");
    // All the missing ones at once (tester18 F8), not one a run.
    const none = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS], { lang: "zh-CN" });
    expect(none.stderr).toBe(
      "csr: 2 级文件的版式（qms.yaml 的 document_layouts）有会签、标准化审查和军代表签字栏；请用 --countersigned <人员>、--standardization <人员> 和 --military-representative <人员> 给出。\n",
    );
    expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--countersigned", "li"])).stderr).toBe(
      "csr: The printed layout of level 2 documents (qms.yaml document_layouts) has 标准化审查 (standardization) and 军代表 (military representative) signatures; give them with --standardization <person> and --military-representative <person>.\n",
    );
    const late = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--countersigned", "li", "--standardization", "zhao", "--military-representative", "jun", "--countersigned-date", "2024-03-02", "--date", "2024-03-01"]);
    expect(late.stderr).toBe("csr: --approved-date 2024-03-01 is before --countersigned-date 2024-03-02; a revision is prepared, reviewed, approved and then takes effect, in that order.\n");
    expect(head(repo)).toBe(before);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(DRAFT);
  });

  it("refuses the preparer as 标准化审查 or 军代表, the approver as 军代表, a 标准化审查 without the role, and a 军代表 before the approval", async () => {
    const repo = gjbRepo();
    const release = async (...gjb: string[]) => (await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--countersigned", "li", ...gjb])).stderr;
    expect(await release("--standardization", "zhao", "--military-representative", "zhang")).toBe(
      "csr: 张伟 (zhang) prepared the change and cannot sign it as the military representative (军代表); the military representative must sign it (segregation of duties).\n",
    );
    expect(await release("--standardization", "zhao", "--military-representative", "wang")).toBe(
      "csr: 王强 (wang) approved the change and cannot also sign it as the military representative (军代表): the representative's signature is the customer's, not the organisation's approval.\n",
    );
    expect(await release("--standardization", "li", "--military-representative", "jun")).toBe(
      "csr: --standardization li: 李娜 does not have the role 'standardization' in people.yaml (roles: author, reviewer).\nhint: Choose a person with the role 'standardization', or, if it was granted, give it with 'csr person update li --roles author,reviewer,standardization'.\n",
    );
    // With the role, the preparer still may not check their own document.
    writeFileSync(join(repo, "people.yaml"), readFileSync(join(repo, "people.yaml"), "utf8").replace("roles: [author, reviewer]\n    emails: [zhang@example.com]", "roles: [author, reviewer, standardization]\n    emails: [zhang@example.com]"));
    git(repo, ["commit", "-qam", "张伟 标准化审查"]);
    expect(await release("--standardization", "zhang", "--military-representative", "jun")).toBe(
      "csr: 张伟 (zhang) cannot check the standardization (标准化审查) of a change they prepared; another person with the role 'standardization' must sign (segregation of duties).\n",
    );
    expect(await release("--standardization", "zhao", "--military-representative", "jun", "--date", "2024-03-01", "--military-representative-date", "2024-01-05")).toBe(
      "csr: --military-representative-date 2024-01-05 is before --approved-date 2024-03-01: the military representative (军代表) signs the approved revision, on the day of the approval or later.\n",
    );
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(DRAFT);
  });

  it("refuses an effective date before the 军代表's signature or the release, and a GJB signature the level's layout does not print; --effective may lie ahead", async () => {
    const repo = gjbRepo();
    const release = async (...args: string[]) => (await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--countersigned", "li", "--standardization", "zhao", "--military-representative", "jun", ...args])).stderr;
    expect(await release("--date", "2024-03-01", "--military-representative-date", "2024-03-04")).toBe(
      "csr: The effective date (the release date, --date 2024-03-01) is before the military representative's signature (--military-representative-date 2024-03-04): a document cannot take effect before the military representative has signed it.\n" +
        "hint: Give the day it takes effect with --effective 2024-03-04 (or later); the release date --date stays.\n",
    );
    expect(await release("--date", "2024-03-01", "--military-representative-date", "2024-03-04", "--effective", "2024-03-03")).toBe(
      "csr: --effective 2024-03-03 is before the military representative's signature (--military-representative-date 2024-03-04): a document cannot take effect before the military representative has signed it.\nhint: Give the day it takes effect with --effective 2024-03-04 (or later); the release date --date stays.\n",
    );
    expect(await release("--date", "2024-03-01", "--effective", "2024-02-28")).toBe("csr: --effective 2024-02-28 is before the release date --date 2024-03-01: a document cannot take effect before it is released.\n");
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(DRAFT);
    // A level the layout does not list prints no 标准化审查 or 军代表 cell (its default layout has a 会签 cell for a revision countersigned: tester56 D6).
    writeFileSync(join(repo, "documents/QP-020.yaml"), DRAFT.replace("level: 2", "level: 3"));
    git(repo, ["commit", "-qam", "三级"]);
    expect(await release("--date", "2024-03-01")).toBe(
      "csr: QP-020 is one of the level 3 documents, and their printed layout (qms.yaml document_layouts) has no 标准化审查 (standardization) and 军代表 (military representative) cells: the signatures recorded with --standardization and --military-representative would be printed on no copy, and the controlled copies would contradict the record.\n" +
        "hint: If these documents need these signatures from now on, give them a layout that applies from 2024-03-01 (revisions issued before keep theirs; --family sets one for a numbering family, --kind for a kind of document, --level for a level): csr organisation layout set --level 3 --since 2024-03-01 --signatures 编制,审核,标准化审查,批准,军代表. Otherwise leave the options out.\n",
    );
    const future = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--date", "2024-03-01", "--effective", "2099-01-01"]);
    expect([future.code, future.stdout.split("\n")[1]]).toEqual([0, "QP-020 A/0 takes effect on 2099-01-01 (released on 2024-03-01)."]);
    expect((await checkJsonInProcess(repo, "--today", "2024-03-05")).findings).toEqual([]);
  });

  it("refuses a reviewer who also approves (segregation of duties)", async () => {
    const repo = gjbRepo();
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "zhao", "--approved", "赵敏", "--countersigned", "li", "--standardization", "zhao", "--military-representative", "jun"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "csr: 赵敏 (zhao) cannot both review and approve a revision: the approval is a second judgement after the review (segregation of duties).\n" });
  });
});

describe("csr release refuses a document with errors of its own once released", () => {
  const FORM = ["id: QR-020-01", "title: 顾客特定要求清单", "level: 4", "kind: form", "department: QA", "status: draft", ""].join("\n");

  it("a form never released in its forms, and a form without a retention period; the form first, then the procedure", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": DRAFT + "forms: [QR-020-01]\n", "documents/QR-020-01.yaml": FORM });
    const procedure = ["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--date", "2024-03-01"];
    const form = ["-C", repo, "release", "QR-020-01", "--summary", "首次发布", ...SIGNERS, "--date", "2024-03-01"];
    expect(await csrInProcess(procedure)).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: QP-020 has 1 error of its own once released; csr releases no document with errors (IATF 16949 7.5.2):",
        "  documents/QP-020.yaml:25:9 doc/unreleased-referenced QP-020 refers to QR-020-01, which has never been released (draft). Release QR-020-01 first ('csr release QR-020-01'), or remove the reference and release a new revision of QP-020.",
        "hint: Fix them as each message says ('csr explain <rule>' tells more), then release QP-020 again.",
        "",
      ].join("\n"),
    });
    expect((await csrInProcess(form)).stderr.split("\n").slice(0, 2)).toEqual([
      "csr: QR-020-01 has 1 error of its own once released; csr releases no document with errors (IATF 16949 7.5.2):",
      "  documents/QR-020-01.yaml:4:7 doc/record-retention-missing QR-020-01 is a released form but does not say how long its records are kept. Give it a retention period with 'csr set QR-020-01 --retention <period>' (e.g. 3年 or 产品寿命期+1年; --medium and --location say how and where they are kept); record keeping is register data and needs no new revision.",
    ]);
    expect(git(repo, ["tag"])).toBe("");
    writeFileSync(join(repo, "documents/QR-020-01.yaml"), FORM + "record: {retention: 3年, medium: paper, location: 品质部}\n");
    expect((await csrInProcess([...form, "--include-changes"])).stdout).toMatch(/^Released QR-020-01 A\/0 /);
    expect((await csrInProcess(procedure)).stdout).toMatch(/^Released QP-020 A\/0 /);
    expect((await csrInProcess(["-C", repo, "check", "--today", "2024-03-01"])).code).toBe(0);
  });

  it("a form drafted alongside a revision in progress (修订中): a warning on the draft's reference, an error once the revision is released without it (tester57 E5)", async () => {
    const revising = RELEASED + "revising: {since: 2024-03-01, by: zhang}\nforms: [QR-020-01]\n";
    const repo = repoWith({ "documents/QP-020.yaml": revising, "documents/QR-020-01.yaml": FORM });
    const checked = await checkJsonInProcess(repo, "--today", "2024-03-02");
    expect([checked.code, checked.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)]).toEqual([
      0,
      [
        "documents/QP-020.yaml:16:9 warning doc/unreleased-referenced The draft of QP-020 (under revision) refers to QR-020-01, which has never been released (draft): release QR-020-01 ('csr release QR-020-01') before (or on the day of) the new revision of QP-020; until then csr release does not release QP-020.",
      ],
    ]);
    const released = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加表单", ...SIGNERS, "--date", "2024-03-05"]);
    expect([released.code, released.stderr.split("\n")[1]]).toEqual([
      2,
      "  documents/QP-020.yaml:27:9 doc/unreleased-referenced QP-020 refers to QR-020-01, which has never been released (draft). Release QR-020-01 first ('csr release QR-020-01'), or remove the reference and release a new revision of QP-020.",
    ]);
  });

  it("an obsolete form in its forms, said with the successor to refer to", async () => {
    const obsolete = FORM.replace("status: draft", "status: obsolete\nobsolete: {date: 2024-02-01, reason: 换版, superseded_by: QR-020-02}");
    const successor = FORM.replace(/QR-020-01/g, "QR-020-02").replace("status: draft", "status: released\nrevisions:\n  - {version: A/0, date: 2024-02-01, summary: 首次发布}\nrecord: {retention: 3年}");
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED + "forms: [QR-020-01]\n", "documents/QR-020-01.yaml": obsolete, "documents/QR-020-02.yaml": successor });
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS, "--date", "2024-03-01"]);
    expect(result.stderr.split("\n")[0]).toBe("csr: QP-020 has 1 error of its own once released; csr releases no document with errors (IATF 16949 7.5.2):");
    expect(result.stderr.split("\n")[1]).toBe(
      "  documents/QP-020.yaml:27:9 doc/obsolete-referenced QP-020 refers to QR-020-01, which is obsolete since 2024-02-01. Refer to QR-020-02, which supersedes it, or remove the reference, and release a new revision of QP-020.",
    );
    expect(result.code).toBe(2);
  });
});

describe("csr release is all or nothing", () => {
  it("refuses a document number that makes an invalid tag name, writing nothing", async () => {
    const text = RELEASED.replace("id: QP-020", "id: QP..015");
    const repo = repoWith({ "documents/QP..015.yaml": text });
    const before = head(repo);
    const result = await csrInProcess(["-C", repo, "release", "QP..015", "--summary", "x", ...SIGNERS]);
    expect(result.stderr).toMatch(/^csr: 'QP\.\.015\/A-1' is not a valid git tag name, so QP\.\.015 cannot be released under its number; nothing was written: renumber the document/);
    expectUntouched(repo, "documents/QP..015.yaml", text, before, result);
    expect(git(repo, ["tag"])).toBe("");
    // A rerun is refused the same way rather than releasing A/2.
    expect((await csrInProcess(["-C", repo, "release", "QP..015", "--summary", "x", ...SIGNERS])).stderr).toBe(result.stderr);
  });

  it("refuses without a git identity, leaving the file unmodified and unstaged", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    const before = head(repo);
    const result = csrWithoutIdentity(repo, ["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
    expect(result.stderr).toMatch(/^csr: git has no user\.name\/user\.email \(.*\); nothing was written: run git config user\.name "Your Name" and git config user\.email you@example\.com/);
    expectUntouched(repo, "documents/QP-020.yaml", RELEASED, before, result);
    expect(git(repo, ["tag"])).toBe("");
    // The rerun, once git has an identity, releases A/1 and not A/2.
    git(repo, ["config", "user.email", "test@example.com"]);
    expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS])).stdout).toMatch(/^Released QP-020 A\/1 /);
  });

  it("obsolete refuses without a git identity too", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    const before = head(repo);
    const result = csrWithoutIdentity(repo, ["-C", repo, "obsolete", "QP-020", "--reason", "停用"]);
    expect(result.stderr).toMatch(/^csr: git has no user\.name\/user\.email/);
    expectUntouched(repo, "documents/QP-020.yaml", RELEASED, before, result);
  });

  it("puts the file and the index back when the commit fails (a pre-commit hook refuses)", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    const before = head(repo);
    const hook = join(repo, ".git", "hooks", "pre-commit");
    writeFileSync(hook, "#!/bin/sh\necho 'error: commits are frozen' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
    expect(result.stderr).toBe(
      "csr: The pre-commit hook .git/hooks/pre-commit refused the commit of documents/QP-020.yaml; nothing was changed: documents/QP-020.yaml, the index and HEAD are as they were. It reported:\n  error: commits are frozen\nhint: Correct what the hook reports, then run the command again.\n",
    );
    // Exit 1, as for the findings of a check: the hook refused the data, the command itself ran.
    expect(result.code).toBe(1);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
    expect(git(repo, ["status", "--porcelain"])).toBe("");
    expect(head(repo)).toBe(before);
    expect(git(repo, ["tag"])).toBe("");
  });

  it("undoes the commit when the tag cannot be made, so that a rerun releases the same version", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    // A tag named like the document blocks every tag below it (refs/tags/QP-020 is a file, not a folder).
    git(repo, ["tag", "QP-020"]);
    const before = head(repo);
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
    expect(result.stderr).toMatch(/^csr: Could not tag the release QP-020\/A-1 \(git: .*\); nothing was changed: documents\/QP-020\.yaml, the index and HEAD are as they were\.\n$/);
    expectUntouched(repo, "documents/QP-020.yaml", RELEASED, before, result);
    expect(git(repo, ["tag"])).toBe("QP-020\n");
    git(repo, ["tag", "-d", "QP-020"]);
    expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS])).stdout).toMatch(/^Released QP-020 A\/1 .* tag QP-020\/A-1\.\n$/);
  });
});

describe("csr release and obsolete change only the lines they edit", () => {
  const LONG = "本程序适用于公司所有顾客特定要求（CSR）的识别、评审、分发、实施与变更管理，包括整车厂、一级供应商及其指定的二级供应商所提出的全部质量、交付、包装、标识及追溯要求，以及相关的内部审核与管理评审输入。";
  const LAYOUT = [
    "id: QP-020",
    "title: 顾客特定要求管理程序",
    "level: 2",
    "kind: procedure",
    "department: QA",
    "status: released   # 由 csr release 维护",
    "effective: 2024-01-10",
    "processes: [S1]",
    "revisions:",
    "  - version: A/0",
    "    date: 2024-01-10",
    "    summary: 首次发布",
    "    prepared: { by: zhang, date: 2024-01-10 }",
    "    reviewed: { by: li, date: 2024-01-10 }",
    "    approved: { by: wang, date: 2024-01-10 }",
    "sections:",
    "  # 目的与范围",
    "  - title: 范围",
    `    text: ${LONG}`,
    "",
  ].join("\n");

  it("release: only effective and the new revision entry differ", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": LAYOUT, "processes.yaml": "processes:\n  - code: S1\n    name: 顾客要求\n    type: support\n" });
    const result = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加评审期限", ...SIGNERS, "--date", "2024-05-01"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const after = LAYOUT.replace("effective: 2024-01-10", "effective: 2024-05-01").replace(
      "sections:",
      [
        "  - version: A/1",
        "    date: 2024-05-01",
        "    summary: 增加评审期限",
        "    prepared:",
        "      by: zhang",
        "      date: 2024-05-01",
        "    reviewed:",
        "      by: li",
        "      date: 2024-05-01",
        "    approved:",
        "      by: wang",
        "      date: 2024-05-01",
        "sections:",
      ].join("\n"),
    );
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(after);
    const diff = git(repo, ["diff", "-U0", "HEAD~1", "--", "documents/QP-020.yaml"]).split("\n").filter((l) => /^[-+](?![-+])/.test(l));
    expect(diff.filter((l) => l.startsWith("-"))).toEqual(["-effective: 2024-01-10"]);
    expect(diff.filter((l) => l.startsWith("+"))).toHaveLength(13);
  });

  it("obsolete: only status and the obsolete block differ", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": LAYOUT, "processes.yaml": "processes:\n  - code: S1\n    name: 顾客要求\n    type: support\n" });
    const result = await csrInProcess(["-C", repo, "obsolete", "QP-020", "--reason", "停用", "--date", "2024-07-01"]);
    expect(result.stderr).toBe("");
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(
      LAYOUT.replace("status: released   # 由 csr release 维护\n", "status: obsolete # 由 csr release 维护\nobsolete:\n  date: 2024-07-01\n  reason: 停用\n"),
    );
  });
});

describe("csr obsolete", () => {
  const QP030 = RELEASED.replace(/QP-020/g, "QP-030").replace("顾客特定要求管理程序", "顾客要求管理程序（新）");

  it("records the date, reason and successor, and commits", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED, "documents/QP-030.yaml": QP030 });
    const result = await csrInProcess(["-C", repo, "obsolete", "QP-020", "--reason", "由 QP-030 替代", "--superseded-by", "QP-030", "--date", "2024-07-01"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`Withdrew QP-020 (documents/QP-020.yaml) on 2024-07-01: commit ${git(repo, ["rev-parse", "--short", "HEAD"]).trim()}.\n`);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(
      RELEASED.replace("status: released\n", "status: obsolete\nobsolete:\n  date: 2024-07-01\n  reason: 由 QP-030 替代\n  superseded_by: QP-030\n"),
    );
    expect(git(repo, ["log", "-1", "--format=%s"])).toBe("obsolete QP-020: 由 QP-030 替代\n");
    expect((await csrInProcess(["-C", repo, "check"])).code).toBe(0);
  });

  const refusals: [string, string[], string][] = [
    ["the successor is unknown", ["--reason", "x", "--superseded-by", "QP-031"], "csr: --superseded-by QP-031: no such document. Did you mean 'QP-030'? Add the new document first.\n"],
    ["the successor is the document itself", ["--reason", "x", "--superseded-by", "QP-020"], "csr: --superseded-by names the document itself; name the document that replaces it.\n"],
    ["the reason is missing", [], "csr: --reason is required: say why the document is withdrawn, e.g. --reason '由 QP-030 替代'.\n"],
  ];
  for (const [when, args, stderr] of refusals) {
    it(`refuses when ${when}`, async () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED, "documents/QP-030.yaml": QP030 });
      const before = head(repo);
      const result = await csrInProcess(["-C", repo, "obsolete", "QP-020", ...args]);
      expect(result.stderr).toBe(stderr);
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
      expect(head(repo)).toBe(before);
    });
  }

  it("does not suggest the withdrawn document itself as its successor", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    const result = await csrInProcess(["-C", repo, "obsolete", "QP-020", "--reason", "x", "--superseded-by", "QP-021"]);
    expect(result.stderr).toBe("csr: --superseded-by QP-021: no such document. Add the new document first.\n");
    expect(result.code).toBe(2);
  });

  describe("documents that refer to the withdrawn one", () => {
    const form = (id: string) => `id: ${id}\ntitle: 表单${id}\nlevel: 4\nkind: form\ndepartment: QA\n${RELEASED.split("\n").slice(5).join("\n")}record: {retention: 3年}\n`;
    const procedure = (id: string, status: string, refs: string) => `id: ${id}\ntitle: 程序${id}\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: ${status}\n${refs}sections:\n  - title: 目的\n    text: 无。\n`;
    const files = {
      "documents/QR-020-01.yaml": form("QR-020-01"),
      "documents/QR-020-02.yaml": form("QR-020-02"),
      "documents/QP-020.yaml": RELEASED + "forms: [QR-020-01]\n",
      "documents/QP-021.yaml": procedure("QP-021", "draft", "related: [QP-020]\nforms: [QR-020-01, QR-021-01] # 表单\n"),
      "documents/QP-022.yaml": procedure("QP-022", "draft", "forms:\n  - QR-020-02\n  - QR-020-01\n"),
      "documents/QP-023.yaml": procedure("QP-023", "in-review", "forms: [QR-020-01]\n"),
      "documents/QP-024.yaml": procedure("QP-024", "draft", "forms: [QR-020-01]\n"),
    };

    it("drafts get the successor in the same commit; a released document, one in review and one with uncommitted changes are named with what to do", async () => {
      const repo = lenientRepoWith(files);
      const dirty = files["documents/QP-024.yaml"].replace("无。", "起草中。");
      writeFileSync(join(repo, "documents/QP-024.yaml"), dirty);
      const result = await csrInProcess(["-C", repo, "obsolete", "QR-020-01", "--reason", "换版", "--superseded-by", "QR-020-02", "--date", "2024-07-01"]);
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(
        [
          `Withdrew QR-020-01 (documents/QR-020-01.yaml) on 2024-07-01: commit ${head(repo).slice(0, 7)}.`,
          "QR-020-01 is recorded as used last by QP-020 A/0 (obsolete.used_by): while its records are kept, the record list names the procedure they were made under.",
          "Drafts that referred to QR-020-01 now refer to QR-020-02 (in the same commit):",
          "  documents/QP-021.yaml  QP-021 程序QP-021 (related records)",
          "  documents/QP-022.yaml  QP-022 程序QP-022 (related records); QR-020-02 was listed already, so QR-020-01 was removed",
          "Documents not in force that still refer to QR-020-01, left as they are:",
          "  documents/QP-023.yaml  QP-023 程序QP-023: it is in review, and its reviewers must see the change; replace QR-020-01 by QR-020-02 in its related records and have it reviewed again",
          "  documents/QP-024.yaml  QP-024 程序QP-024: it has changes not committed, which csr would commit unseen; replace QR-020-01 by QR-020-02 in its related records yourself",
          "Documents that still refer to QR-020-01; remove the reference or refer to QR-020-02 and release a new revision of each:",
          "  documents/QP-020.yaml  QP-020 顾客特定要求管理程序 (related records)",
          "",
        ].join("\n"),
      );
      expect(git(repo, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("obsolete QR-020-01: 换版\n\ndocuments/QP-021.yaml\ndocuments/QP-022.yaml\ndocuments/QR-020-01.yaml\n");
      expect(readFileSync(join(repo, "documents/QP-021.yaml"), "utf8")).toBe(files["documents/QP-021.yaml"].replace("[QR-020-01, QR-021-01]", "[QR-020-02, QR-021-01]"));
      expect(readFileSync(join(repo, "documents/QP-022.yaml"), "utf8")).toBe(files["documents/QP-022.yaml"].replace("  - QR-020-01\n", ""));
      expect(readFileSync(join(repo, "documents/QP-023.yaml"), "utf8")).toBe(files["documents/QP-023.yaml"]);
      expect(readFileSync(join(repo, "documents/QP-024.yaml"), "utf8")).toBe(dirty);
      expect(git(repo, ["status", "--porcelain"])).toBe(" M documents/QP-024.yaml\n");
    });

    it("records the procedure version that used the form last, that before a revision which dropped it too; csr set --retention-customer gives a customer's own period (tester55 C11)", async () => {
      const repo = repoWith({ "documents/QR-020-01.yaml": form("QR-020-01"), "documents/QP-020.yaml": RELEASED + "forms: [QR-020-01]\n", "customers/BCM.yaml": "code: BCM\nname: 北辰汽车集团有限公司\n" });
      writeFileSync(join(repo, "documents/QP-020.yaml"), RELEASED);
      const revised = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "停用 QR-020-01", ...SIGNERS, "--date", "2024-06-03", "-y"]);
      expect([revised.code, revised.stderr]).toEqual([0, ""]);
      const withdrawn = await csrInProcess(["-C", repo, "obsolete", "QR-020-01", "--reason", "停用", "--date", "2024-07-01"]);
      expect(withdrawn.stdout.split("\n")[1]).toBe("QR-020-01 is recorded as used last by QP-020 A/0 (obsolete.used_by): while its records are kept, the record list names the procedure they were made under.");
      expect(parse(readFileSync(join(repo, "documents/QR-020-01.yaml"), "utf8")).obsolete.used_by).toEqual([{ document: "QP-020", version: "A/0" }]);
      const set = await csrInProcess(["-C", repo, "set", "QR-020-01", "--retention-customer", "北辰汽车集团有限公司=停产后15年", "-y", "--commit"], { lang: "zh-CN" });
      expect([set.code, set.stderr, set.stdout.split("\n")[1]]).toEqual([0, "", "  顾客特殊期限：BCM 停产后15年"]);
      expect(parse(readFileSync(join(repo, "documents/QR-020-01.yaml"), "utf8")).record).toEqual({ retention: "3年", retention_customer: [{ customer: "BCM", period: "停产后15年" }] });
      const forms = (await csrInProcess(["-C", repo, "list", "forms", "--format", "csv", "--today", "2024-07-02"], { lang: "zh-CN" })).stdout;
      expect(forms.split("\n").find((l) => l.includes("QR-020-01"))).toMatch(/,QP-020 A\/0,.*,3年,北辰汽车集团有限公司：停产后15年,/);
      expect((await csrInProcess(["-C", repo, "set", "QR-020-01", "--retention-customer", "BCM:15年", "-y"], { lang: "zh-CN" })).stderr).toBe("csr: --retention-customer BCM:15年：应为 <顾客>=<期限>，例如 BCM=停产后15年；<顾客>= 删除该顾客的期限。\n");
      const removed = await csrInProcess(["-C", repo, "set", "QR-020-01", "--retention-customer", "BCM=", "-y"], { lang: "zh-CN" });
      expect([removed.code, removed.stdout.split("\n")[1]]).toEqual([0, "  顾客特殊期限：无（原为 BCM 停产后15年）"]);
      expect(parse(readFileSync(join(repo, "documents/QR-020-01.yaml"), "utf8")).record).toEqual({ retention: "3年" });
    });

    it("records the procedure version that used the form last when it was dropped two revisions back, and the latest version that listed it", async () => {
      const repo = repoWith({ "documents/QR-020-01.yaml": form("QR-020-01"), "documents/QP-020.yaml": RELEASED + "forms: [QR-020-01]\n", "documents/QP-021.yaml": RELEASED.replace("QP-020", "QP-021") + "forms: [QR-020-01]\n" });
      const release = async (id: string, text: string, summary: string, date: string) => {
        writeFileSync(join(repo, `documents/${id}.yaml`), text);
        const released = await csrInProcess(["-C", repo, "release", id, "--summary", summary, ...SIGNERS, "--date", date, "-y"]);
        expect([released.code, released.stderr]).toEqual([0, ""]);
      };
      const text = (id: string) => readFileSync(join(repo, `documents/${id}.yaml`), "utf8");
      // QP-020: A/1 drops the form, A/2 changes something else. QP-021: A/1 keeps it, A/2 drops it.
      await release("QP-020", text("QP-020").replace("forms: [QR-020-01]\n", ""), "停用 QR-020-01", "2024-06-03");
      await release("QP-020", text("QP-020").replace("管理程序", "控制程序"), "更名", "2024-06-10");
      await release("QP-021", text("QP-021").replace("管理程序", "控制程序"), "更名", "2024-06-03");
      await release("QP-021", text("QP-021").replace("forms: [QR-020-01]\n", ""), "停用 QR-020-01", "2024-06-10");
      const withdrawn = await csrInProcess(["-C", repo, "obsolete", "QR-020-01", "--reason", "停用", "--date", "2024-07-01"]);
      expect(withdrawn.stdout.split("\n")[1]).toBe("QR-020-01 is recorded as used last by QP-020 A/0, QP-021 A/1 (obsolete.used_by): while its records are kept, the record list names the procedure they were made under.");
      expect(parse(readFileSync(join(repo, "documents/QR-020-01.yaml"), "utf8")).obsolete.used_by).toEqual([{ document: "QP-020", version: "A/0" }, { document: "QP-021", version: "A/1" }]);
    });

    it("without a successor, or with one that is not a form, a draft is left with what to do", async () => {
      const repo = lenientRepoWith({ ...files, "documents/QP-030.yaml": RELEASED.replace("QP-020", "QP-030") });
      const withdrawn = await csrInProcess(["-C", repo, "obsolete", "QR-020-01", "--reason", "并入 QP-030", "--superseded-by", "QP-030", "--date", "2024-07-01"]);
      expect(withdrawn.stdout.split("\n").slice(2, 5)).toEqual([
        "Documents not in force that still refer to QR-020-01, left as they are:",
        "  documents/QP-021.yaml  QP-021 程序QP-021: QP-030 is not a form; remove QR-020-01 from its related records, and refer to QP-030 under related documents if it should",
        "  documents/QP-022.yaml  QP-022 程序QP-022: QP-030 is not a form; remove QR-020-01 from its related records, and refer to QP-030 under related documents if it should",
      ]);
      expect(git(repo, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/QR-020-01.yaml\n");
      const other = lenientRepoWith(files);
      const bare = await csrInProcess(["-C", other, "obsolete", "QR-020-02", "--reason", "停用", "--date", "2024-07-01"]);
      expect(bare.stdout.split("\n").slice(1, 3)).toEqual([
        "Documents not in force that still refer to QR-020-02, left as they are:",
        "  documents/QP-022.yaml  QP-022 程序QP-022: no successor was named; remove QR-020-02 from its related records, or refer to the document that replaces it",
      ]);
    });
  });

  describe("documents that mention the withdrawn one by its title", () => {
    const form = (id: string, title: string) => `id: ${id}\ntitle: ${title}\nlevel: 4\nkind: form\ndepartment: QA\n${RELEASED.split("\n").slice(5).join("\n")}record: {retention: 3年}\n`;
    const mentioning = (id: string, status: string, text: string) =>
      `id: ${id}\ntitle: 程序${id}\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: ${status}\nsections:\n  - title: 目的\n    text: 无。\n  - title: 作业流程\n    sections:\n      - title: 采购\n        text: |\n          ${text}\n`;
    const files = {
      "documents/QR-009-01.yaml": form("QR-009-01", "采购申请单"),
      "documents/QR-009-02.yaml": form("QR-009-02", "采购申请单（电子版）"),
      "documents/QP-021.yaml": mentioning("QP-021", "draft", "采购员填写《采购申请单》，经理批准后按《 采购申请单 》下单；《采购申请单（电子版）》另行规定。"),
      "documents/QP-022.yaml": mentioning("QP-022", "in-review", "采购员填写《采购申请单》。"),
      "documents/QP-023.yaml": mentioning("QP-023", "draft", "采购员填写《采购申请单》。"),
      "documents/QP-024.yaml": mentioning("QP-024", "released", "采购员填写《采购申请单》。").replace("status: released\n", RELEASED.split("\n").slice(5).join("\n")),
    };

    it("drafts name the successor's title in the same commit; a released document, one in review and one with uncommitted changes are named with what to do", async () => {
      const repo = lenientRepoWith(files);
      const dirty = files["documents/QP-023.yaml"].replace("无。", "起草中。");
      writeFileSync(join(repo, "documents/QP-023.yaml"), dirty);
      const result = await csrInProcess(["-C", repo, "obsolete", "QR-009-01", "--reason", "改用电子表单", "--superseded-by", "QR-009-02", "--date", "2024-07-01"]);
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(
        [
          `Withdrew QR-009-01 (documents/QR-009-01.yaml) on 2024-07-01: commit ${head(repo).slice(0, 7)}.`,
          "Drafts that mentioned 《采购申请单》 now mention 《采购申请单（电子版）》 (in the same commit):",
          "  documents/QP-021.yaml  QP-021 程序QP-021 (sections 2.1)",
          "Documents not in force that still mention 《采购申请单》, left as they are:",
          "  documents/QP-022.yaml  QP-022 程序QP-022 (sections 2.1): it is in review, and its reviewers must see the change; write 《采购申请单（电子版）》 instead and have it reviewed again",
          "  documents/QP-023.yaml  QP-023 程序QP-023 (sections 2.1): it has changes not committed, which csr would commit unseen; write 《采购申请单（电子版）》 instead yourself",
          "Released documents that still mention 《采购申请单》 (doc/obsolete-mentioned); mention 《采购申请单（电子版）》 instead and release a new revision of each:",
          "  documents/QP-024.yaml  QP-024 程序QP-024 (sections 2.1)",
          "",
        ].join("\n"),
      );
      expect(git(repo, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("obsolete QR-009-01: 改用电子表单\n\ndocuments/QP-021.yaml\ndocuments/QR-009-01.yaml\n");
      expect(readFileSync(join(repo, "documents/QP-021.yaml"), "utf8")).toBe(
        files["documents/QP-021.yaml"].replace("采购员填写《采购申请单》，经理批准后按《 采购申请单 》下单", "采购员填写《采购申请单（电子版）》，经理批准后按《采购申请单（电子版）》下单"),
      );
      for (const path of ["documents/QP-022.yaml", "documents/QP-024.yaml"]) expect(readFileSync(join(repo, path), "utf8")).toBe(files[path as keyof typeof files]);
      expect(readFileSync(join(repo, "documents/QP-023.yaml"), "utf8")).toBe(dirty);
    });

    it("without a successor, the drafts that still mention the title are named", async () => {
      const repo = lenientRepoWith(files);
      const result = await csrInProcess(["-C", repo, "obsolete", "QR-009-01", "--reason", "停用", "--date", "2024-07-01"], { lang: null });
      expect(result.stdout.split("\n").slice(1)).toEqual([
        "以下尚未生效的文件仍提及《采购申请单》，未作更改：",
        "  documents/QP-021.yaml  QP-021 程序QP-021（章节 2.1）：没有给出替代文件；发布前请改为提及替代它的文件",
        "  documents/QP-022.yaml  QP-022 程序QP-022（章节 2.1）：没有给出替代文件；发布前请改为提及替代它的文件",
        "  documents/QP-023.yaml  QP-023 程序QP-023（章节 2.1）：没有给出替代文件；发布前请改为提及替代它的文件",
        "以下已发布文件仍提及《采购申请单》（doc/obsolete-mentioned）；请改为提及替代它的文件，并为每份文件发布新版本：",
        "  documents/QP-024.yaml  QP-024 程序QP-024（章节 2.1）",
        "",
      ]);
      expect(git(repo, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/QR-009-01.yaml\n");
    });

    it("the successor itself is left to its author when it mentions the document merged into it", async () => {
      const repo = lenientRepoWith(files);
      const result = await csrInProcess(["-C", repo, "obsolete", "QR-009-01", "--reason", "并入 QP-021", "--superseded-by", "QP-021", "--date", "2024-07-01"]);
      expect(result.stdout.split("\n").slice(1, 6)).toEqual([
        "Drafts that mentioned 《采购申请单》 now mention 《程序QP-021》 (in the same commit):",
        "  documents/QP-023.yaml  QP-023 程序QP-023 (sections 2.1)",
        "Documents not in force that still mention 《采购申请单》, left as they are:",
        "  documents/QP-021.yaml  QP-021 程序QP-021 (sections 2.1): it is the successor itself; remove or rewrite the mention",
        "  documents/QP-022.yaml  QP-022 程序QP-022 (sections 2.1): it is in review, and its reviewers must see the change; write 《程序QP-021》 instead and have it reviewed again",
      ]);
      expect(readFileSync(join(repo, "documents/QP-021.yaml"), "utf8")).toBe(files["documents/QP-021.yaml"]);
    });

    it("a title the successor kept is left as it is", async () => {
      const repo = repoWith({ ...files, "documents/QR-009-02.yaml": form("QR-009-02", "采购申请单") });
      const result = await csrInProcess(["-C", repo, "obsolete", "QR-009-01", "--reason", "换号", "--superseded-by", "QR-009-02", "--date", "2024-07-01"]);
      expect(result.stdout).toBe(`Withdrew QR-009-01 (documents/QR-009-01.yaml) on 2024-07-01: commit ${head(repo).slice(0, 7)}.\n`);
    });
  });

  it("refuses a document that is obsolete already", async () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    expect((await csrInProcess(["-C", repo, "obsolete", "QP-020", "--reason", "停用", "--date", "2024-07-01"])).code).toBe(0);
    const result = await csrInProcess(["-C", repo, "obsolete", "QP-020", "--reason", "again"]);
    expect(result.stderr).toBe("csr: QP-020 is obsolete already (since 2024-07-01).\n");
    expect(result.code).toBe(2);
  });
});
