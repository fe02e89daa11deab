/**
 * What a pull request and a commit are checked against: `--base` compares with the merge base
 * (as `git diff base...HEAD`), and the pre-commit hook checks the index, what is being committed.
 * Real git repositories with a fixed user; the hook runs through a real `git commit`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, csr, csrInProcess, enableHooks, git, type JsonFinding, tempDir } from "../helpers.js";

/** `csr init --example` (QP-001 released as A/0, HXQC-002 decided), committed on main: made once and copied for each test (builtOnce). */
const example = builtOnce(async (): Promise<string> => {
  const dir = tempDir();
  expect((await csrInProcess(["init", "--example"], { cwd: dir })).code).toBe(0);
  git(dir, ["config", "user.name", "Test User"]);
  git(dir, ["config", "user.email", "test@example.com"]);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "init"]);
  git(dir, ["branch", "-M", "main"]);
  return dir;
});

const IDENTITY = { GIT_AUTHOR_NAME: "Test User", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "Test User", GIT_COMMITTER_EMAIL: "test@example.com" };

const findings = async (dir: string, ...args: string[]) =>
  (await checkJsonInProcess(dir, "--today", "2026-11-27", ...args)).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);

describe("csr check --base", () => {
  it("compares with the merge base, so a release on the target branch after the branch was made is not the branch's change", async () => {
    const dir = await example();
    git(dir, ["checkout", "-q", "-b", "feature"]);
    writeFileSync(join(dir, "NOTES.md"), "x\n");
    git(dir, ["add", "NOTES.md"]);
    git(dir, ["commit", "-q", "-m", "notes"]);
    // Meanwhile QP-001 is renamed and released as A/1 on main.
    git(dir, ["checkout", "-q", "main"]);
    const qp001 = readFileSync(join(dir, "documents/QP-001.yaml"), "utf8");
    writeFileSync(
      join(dir, "documents/QP-001.yaml"),
      qp001
        .replace("title: 特殊特性管理程序", "title: 特殊特性控制程序")
        .replace("effective: 2026-02-01", "effective: 2026-03-02")
        .replace("    approved: { by: lisi, date: 2026-01-28 }\n", "    approved: { by: lisi, date: 2026-01-28 }\n  - version: A/1\n    date: 2026-03-02\n    summary: 更名\n    prepared: { by: zhangsan, date: 2026-02-20 }\n    reviewed: { by: zhaoliu, date: 2026-02-25 }\n    approved: { by: lisi, date: 2026-02-27 }\n"),
    );
    git(dir, ["commit", "-q", "-am", "release QP-001 A/1"]);
    expect(await findings(dir, "--base", "HEAD~1")).toEqual([]);
    git(dir, ["checkout", "-q", "feature"]);
    expect(await findings(dir, "--base", "main")).toEqual([]);
    expect(await findings(dir, "--base", "main", "--changed-only")).toEqual([]);
    // The branch's own change to the released document is still found.
    writeFileSync(join(dir, "documents/QP-001.yaml"), qp001.replace("department: QA", "department: MKT"));
    // On the changed line, with the changed field named.
    expect(await findings(dir, "--base", "main")).toEqual(["documents/QP-001.yaml:6:13 doc/revision-not-bumped"]);
  });
});

describe("csr check --base --added-only (the pull request's check csr init writes)", () => {
  it("reports what the branch adds to the target as it is now; the target's findings, such as a review overdue by the date alone, are counted (tester57 E10)", async () => {
    const dir = await example();
    const add = (section: string, received: string) =>
      csrInProcess(["-C", dir, "add", "--customer", "HXQC", "--source", "HX-SQM", "--section", section, "--clause", "IATF16949:8.3.3.3", "--title", `要求 ${section}`, "--text", `测试 ${section}`, "--category", "其他", "--received", received, "-y", "--commit"], { env: IDENTITY });
    // On main, a requirement whose review the date alone makes overdue on 2026-11-27.
    expect((await add("9.8", "2026-11-02")).code).toBe(0);
    git(dir, ["checkout", "-q", "-b", "feature"]);
    // The branch registers a late requirement of its own and breaks a reference.
    expect((await add("9.9", "2026-11-03")).code).toBe(0);
    const path = join(dir, "documents/QP-002.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("related: [QP-001]", "related: [QP-009]"));
    git(dir, ["commit", "-q", "-am", "broken"]);
    const all = await findings(dir, "--base", "main");
    expect(all.filter((f) => f.endsWith("csr/review-overdue"))).toEqual(["csr/HXQC/HXQC-003.yaml:12:11 csr/review-overdue", "csr/HXQC/HXQC-004.yaml:12:11 csr/review-overdue"]);
    const added = await checkJsonInProcess(dir, "--today", "2026-11-27", "--base", "main", "--added-only");
    expect({ code: added.code, stderr: added.stderr, findings: added.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`) }).toEqual({
      code: 1,
      stderr: "csr: --added-only: 1 error and 1 warning on main already, not caused by this branch, not reported ('csr check' on main lists all findings).\n",
      findings: [
        "csr/HXQC/HXQC-004.yaml:12:11 warning csr/review-overdue",
        "csr/HXQC/HXQC-004.yaml:12:11 warning date/received-after-source",
        "documents/QP-002.yaml:18:11 error doc/revision-not-bumped",
        "documents/QP-002.yaml:18:11 error ref/unresolved",
      ],
    });
    // Mended, the branch's check passes while main's overdue review stays main's.
    git(dir, ["revert", "--no-edit", "HEAD"], IDENTITY);
    const mended = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--base", "main", "--added-only", "--format", "github"]);
    expect([mended.code, mended.stdout.split("\n").filter((l) => l.startsWith("::error"))]).toEqual([0, []]);
    expect(await csrInProcess(["-C", dir, "check", "--added-only"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --added-only needs --base <rev>, the target branch of the pull request.\nhint: In a pull request: csr check --base origin/main --added-only\n",
    });
  });
});

describe("csr check --base --added-only: a new wrong value over an old one (tester69 T6)", () => {
  it("reports a finding at the place of the target's when the branch changed its file and the message differs; --format github shows the target's count as a warning", async () => {
    const dir = await example();
    const path = join(dir, "documents/QP-002.yaml");
    const qp002 = readFileSync(path, "utf8");
    // On main, an unknown clause already, and one in a file the branch leaves alone.
    writeFileSync(path, qp002.replace('clauses: ["IATF16949:4.3.2", "IATF16949:7.5.3.2.2"]', 'clauses: ["IATF16949:4.3.2", "IATF16949:7.5.3.2.9"]'));
    const qp001 = join(dir, "documents/QP-001.yaml");
    writeFileSync(qp001, readFileSync(qp001, "utf8").replace('"IATF16949:8.3.3.3"', '"IATF16949:8.3.3.9"'));
    git(dir, ["commit", "-q", "-am", "debt"]);
    git(dir, ["checkout", "-q", "-b", "feature"]);
    // The branch types two new wrong clauses, one where the old one was.
    writeFileSync(path, qp002.replace('clauses: ["IATF16949:4.3.2", "IATF16949:7.5.3.2.2"]', 'clauses: ["IATF16949:4.3.9", "IATF16949:7.5.3.2.8"]'));
    git(dir, ["commit", "-q", "-am", "clauses"]);
    const result = csr(["-C", dir, "check", "--today", "2026-11-27", "--base", "main", "--added-only", "--format", "github"]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").map((l) => l.replace(/,title=.*/, ""))).toEqual([
      "::error file=documents/QP-002.yaml,line=8,col=11",
      "::error file=documents/QP-002.yaml,line=8,col=30",
      "::warning::csr: --added-only: 1 error on main already, not caused by this branch, not reported ('csr check' on main lists all findings).",
      "csr: errors: 2, warnings: 0, in files: 1 (files checked: 11).",
      "",
    ]);
    // Said on the run's page (the warning above), not again in the log.
    expect(result.stderr).toBe("");
  });
});

describe("csr check --base with a number taken twice", () => {
  it("reports the new file that took a released document's number, once, and compares the released one with the base (tester57 E6)", async () => {
    const dir = await example();
    git(dir, ["checkout", "-q", "-b", "feature"]);
    // A new procedure started from a copy, its number left as it was; its file sorts before documents/QP-001.yaml.
    writeFileSync(join(dir, "documents/QP-001-新.yaml"), ["id: QP-001", "title: 新程序", "level: 2", "kind: procedure", "department: QA", "status: draft", ""].join("\n"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "new procedure"]);
    const check = await checkJsonInProcess(dir, "--today", "2026-11-27", "--base", "main");
    expect(check.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "documents/QP-001-新.yaml:1:5 id/duplicate The document number 'QP-001' is already used by documents/QP-001.yaml:1 (特殊特性管理程序). Numbers must be unique: if this is another document, give it an unused number ('csr new' gives the next free one), in its id and its file name; if it is the same document, delete this extra copy.",
    ]);
  });
});

describe("csr check --base and release tags (month report #4)", () => {
  it("reports a document released and then edited on the same branch against its release tag, though it is new at the base", async () => {
    const dir = await example();
    git(dir, ["checkout", "-q", "-b", "feature"]);
    const qp003 = readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")
      .replace("id: QP-001", "id: QP-003")
      .replace("title: 特殊特性管理程序", "title: 变更管理程序")
      .replace(/^status: released\neffective: .*\nrevisions:\n(    .*\n|  - .*\n)*/m, "status: draft\n")
      // Its text fills in QR-001-01 (特殊特性清单), which it keeps among its forms (doc/cited-not-listed).
      .replace(/^related: .*\n/gm, "");
    writeFileSync(join(dir, "documents/QP-003.yaml"), qp003);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "new QP-003"]);
    const release = await csrInProcess(["-C", dir, "release", "QP-003", "--summary", "首次发布", "--prepared", "zhangsan", "--reviewed", "zhaoliu", "--approved", "lisi", "--date", "2026-11-20"], {
      env: { GIT_AUTHOR_NAME: "Test User", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "Test User", GIT_COMMITTER_EMAIL: "test@example.com" },
    });
    expect(release.code).toBe(0);
    expect(git(dir, ["tag"])).toBe("QP-003/A-0\n");
    expect(await findings(dir, "--base", "main")).toEqual([]);
    const released = readFileSync(join(dir, "documents/QP-003.yaml"), "utf8");
    writeFileSync(join(dir, "documents/QP-003.yaml"), released.replace("识别、标识和控制产品与过程的特殊特性", "识别和控制特殊特性"));
    git(dir, ["commit", "-q", "-am", "sneaky"]);
    const check = await checkJsonInProcess(dir, "--today", "2026-11-27", "--base", "main");
    expect(check.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      "documents/QP-003.yaml:28:11 error doc/revision-not-bumped QP-003 was released as A/0 (tag QP-003/A-0) and its content has changed since (sections), but no revision entry was added. Record the change as revision A/1 or B/0 ('csr release QP-003 --summary ...'); for a draft to be countersigned and approved first, mark it as being revised with 'csr submit QP-003 --by <author>'; or undo the change.",
    ]);
    expect(check.code).toBe(1);
    // Undone, the document is the tagged one again.
    writeFileSync(join(dir, "documents/QP-003.yaml"), released);
    expect(await findings(dir, "--base", "main")).toEqual([]);
  });

  it("reports a document released at the base, revised and released again on the branch, then edited", async () => {
    const dir = await example();
    git(dir, ["checkout", "-q", "-b", "feature"]);
    const path = join(dir, "documents/QP-001.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("识别、标识和控制产品与过程的特殊特性", "识别、标识和控制特殊特性"));
    git(dir, ["commit", "-q", "-am", "edit"]);
    const env = { GIT_AUTHOR_NAME: "Test User", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "Test User", GIT_COMMITTER_EMAIL: "test@example.com" };
    expect((await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "修订", "--prepared", "zhangsan", "--reviewed", "zhaoliu", "--approved", "lisi", "--date", "2026-11-20"], { env })).code).toBe(0);
    expect(await findings(dir, "--base", "main")).toEqual([]);
    writeFileSync(path, readFileSync(path, "utf8").replace("识别、标识和控制特殊特性", "识别特殊特性"));
    git(dir, ["commit", "-q", "-am", "sneaky"]);
    expect(await findings(dir, "--base", "main")).toEqual(["documents/QP-001.yaml:35:11 doc/revision-not-bumped"]);
  });

  it("compares a document with its current version's tag, though a later version was released on another branch", async () => {
    const dir = await example();
    git(dir, ["checkout", "-q", "-b", "feature"]);
    const path = join(dir, "documents/QP-001.yaml");
    const release = async () =>
      expect((await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "修订", "--prepared", "zhangsan", "--reviewed", "zhaoliu", "--approved", "lisi", "--date", "2026-11-20"], { env: IDENTITY })).code).toBe(0);
    writeFileSync(path, readFileSync(path, "utf8").replace("识别、标识和控制产品与过程的特殊特性", "识别、标识和控制特殊特性"));
    git(dir, ["commit", "-q", "-am", "edit"]);
    await release();
    // Released once more as A/2 on a branch of its own (tag QP-001/A-2); this branch stays at A/1.
    git(dir, ["checkout", "-q", "-b", "other"]);
    writeFileSync(path, readFileSync(path, "utf8").replace("识别、标识和控制特殊特性", "标识特殊特性"));
    git(dir, ["commit", "-q", "-am", "edit again"]);
    await release();
    git(dir, ["checkout", "-q", "feature"]);
    expect(git(dir, ["tag"])).toBe("QP-001/A-1\nQP-001/A-2\n");
    expect(await findings(dir, "--base", "main")).toEqual([]);
    writeFileSync(path, readFileSync(path, "utf8").replace("识别、标识和控制特殊特性", "识别特殊特性"));
    git(dir, ["commit", "-q", "-am", "sneaky"]);
    const check = await checkJsonInProcess(dir, "--today", "2026-11-27", "--base", "main");
    expect(check.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "documents/QP-001.yaml:35:11 doc/revision-not-bumped QP-001 was released as A/1 (tag QP-001/A-1) and its content has changed since (sections), but no revision entry was added. Record the change as revision A/2 or B/0 ('csr release QP-001 --summary ...'); for a draft to be countersigned and approved first, mark it as being revised with 'csr submit QP-001 --by <author>'; or undo the change.",
    ]);
  });
});

describe("the pre-commit hook (csr check --staged)", () => {
  it("checks what is being committed, not the working tree", async () => {
    const dir = await example();
    writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
    enableHooks(dir);
    const commit = (message: string) => {
      try {
        git(dir, ["commit", "-q", "-m", message]);
        return "committed";
      } catch (error) {
        return (error as Error).message;
      }
    };
    const good = readFileSync(join(dir, "documents/QP-001.yaml"), "utf8");
    const broken = good.replace("related: [QP-002]", "related: [QP-009]");
    // Broken content staged, the working tree put back: the commit is refused.
    writeFileSync(join(dir, "documents/QP-001.yaml"), broken);
    git(dir, ["add", "documents/QP-001.yaml"]);
    writeFileSync(join(dir, "documents/QP-001.yaml"), good);
    const refused = commit("bad staged");
    expect(refused).toContain("documents/QP-001.yaml:18:11 error doc/revision-not-bumped QP-001 was released as A/0 at HEAD and its content has changed since (related),");
    expect(refused).toContain("error ref/unresolved");
    expect(git(dir, ["rev-list", "--count", "HEAD"])).toBe("1\n");
    // A good commit with a broken file left unstaged goes in, and the working tree is as it was.
    git(dir, ["reset", "-q"]);
    writeFileSync(join(dir, "documents/QP-001.yaml"), broken);
    writeFileSync(join(dir, "NOTES.md"), "x\n");
    git(dir, ["add", "NOTES.md", ".gitignore"]);
    expect(commit("notes")).toBe("committed");
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(broken);
    expect(git(dir, ["status", "--porcelain"])).toBe(" M documents/QP-001.yaml\n");
  });

  it("checks HEAD only when the index has findings, as HEAD's can only take some of them away", async () => {
    const dir = await example();
    const trace = join(dir, ".git", "trace");
    const gitCommands = () => readFileSync(trace, "utf8").split("\n").flatMap((l) => /trace: built-in: git (?:-c \S+ )*(.*)$/.exec(l)?.[1] ?? []);
    writeFileSync(join(dir, "NOTES.md"), "x\n");
    git(dir, ["add", "NOTES.md"]);
    expect(await csrInProcess(["-C", dir, "check", "--staged", "--today", "2026-11-27"], { env: { GIT_TRACE: trace } })).toEqual({ code: 0, stdout: "✔ No problems in 11 files.\n", stderr: "" });
    // The work tree found, the index listed and read; HEAD neither named nor read.
    expect(gitCommands()).toEqual(["rev-parse --is-inside-work-tree --show-prefix", "ls-files --stage -z", "cat-file --batch-check", "cat-file --batch"]);
  });

  it("with --base other than HEAD, credits HEAD's changes to HEAD's commits, the staged ones to the commit's author", async () => {
    const dir = await example();
    const people = join(dir, "people.yaml");
    writeFileSync(people, readFileSync(people, "utf8").replace("    roles: [reviewer, approver]\n", "    roles: [reviewer, approver]\n    emails: [lisi@example.com]\n"));
    git(dir, ["commit", "-q", "-am", "lisi's e-mail"]);
    git(dir, ["checkout", "-q", "-b", "feature"]);
    // Zhang San commits revision A/1, which Li Si approved.
    const path = join(dir, "documents/QP-001.yaml");
    writeFileSync(
      path,
      readFileSync(path, "utf8")
        .replace("识别、标识和控制产品与过程的特殊特性", "识别、标识和控制特殊特性")
        .replace("effective: 2026-02-01", "effective: 2026-03-02")
        .replace("    approved: { by: lisi, date: 2026-01-28 }\n", "    approved: { by: lisi, date: 2026-01-28 }\n  - version: A/1\n    date: 2026-03-02\n    summary: 修订\n    prepared: { by: zhangsan, date: 2026-02-20 }\n    reviewed: { by: zhaoliu, date: 2026-02-25 }\n    approved: { by: lisi, date: 2026-02-27 }\n"),
    );
    git(dir, ["commit", "-q", "-am", "A/1"], { GIT_AUTHOR_EMAIL: "zhangsan@example.com" });
    expect(await findings(dir, "--base", "main")).toEqual([]);
    // Li Si, the approver, stages a comment: no change of the text, nobody's authorship of it.
    writeFileSync(path, readFileSync(path, "utf8").replace("level: 2\n", "level: 2 # 程序文件\n"));
    git(dir, ["add", "documents/QP-001.yaml"]);
    const comment = await csrInProcess(["-C", dir, "check", "--format", "json", "--today", "2026-11-27", "--staged", "--base", "main"], { env: { GIT_AUTHOR_EMAIL: "lisi@example.com" } });
    expect({ code: comment.code, findings: (JSON.parse(comment.stdout) as { findings: JsonFinding[] }).findings }).toEqual({ code: 0, findings: [] });
    // Then a change of the text: the commit makes the approver an author.
    writeFileSync(path, readFileSync(path, "utf8").replace("识别、标识和控制特殊特性", "识别、标识和控制全部特殊特性"));
    git(dir, ["add", "documents/QP-001.yaml"]);
    const staged = await csrInProcess(["-C", dir, "check", "--format", "json", "--today", "2026-11-27", "--staged", "--base", "main"], { env: { GIT_AUTHOR_EMAIL: "lisi@example.com" } });
    const report = JSON.parse(staged.stdout) as { summary: { files: number }; findings: JsonFinding[] };
    expect({ code: staged.code, stderr: staged.stderr, findings: report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`) }).toEqual({
      code: 1,
      stderr: `csr: errors: 1, warnings: 0, in files: 1 (files checked: ${report.summary.files}).\n`,
      findings: [
        "documents/QP-001.yaml:23:21 doc/approved-by-author 李四 (lisi) approved A/1 of QP-001 but also changed the text of this file since main (lisi@example.com). The approver must not be the author of the change: let the preparer commit the change of the text and the approver only approve it (a commit that only records the approval or the release, such as 'csr release' or 'csr sign' makes, does not count), or have another approver sign.",
      ],
    });
  });
});
