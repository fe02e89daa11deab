/**
 * The pre-commit hook that `csr init` writes, enabled as it says (`git config core.hooksPath hooks`),
 * run by real commits: csr's own (`--commit`, which commit through a temporary index) and git's
 * (`git commit -a`). One small repository for the whole file, whose CSR's review has been overdue
 * since 2025 (an error that only the date causes, whatever day the test runs) and whose calendar
 * names no public holidays, so that nothing else depends on the day.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { initFiles } from "../../src/commands/init/files.js";
import { ruleDocUrl } from "../../src/core/docs.js";
import { csr, csrInProcess, enableHooks, git, gitInit, makeRepo, minimalRepo, tempDir } from "../helpers.js";

const HOOK = initFiles(false).get("hooks/pre-commit")!;

const QP001 = [
  "id: QP-001",
  "title: 顾客特定要求管理程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: released",
  "effective: 2025-02-03",
  "revisions:",
  "  - version: A/0",
  "    date: 2025-02-03",
  "    summary: 首次发布",
  "    prepared: { by: zhang, date: 2025-01-20 }",
  "    reviewed: { by: li, date: 2025-01-27 }",
  "    approved: { by: wang, date: 2025-01-28 }",
  "sections:",
  "  - title: 目的",
  "    text: 确保顾客特定要求得到识别和评审。",
  "",
].join("\n");

const FILES = {
  "customers/HX.yaml": [
    "code: HX",
    "name: 华夏汽车有限公司",
    "class: A",
    "sources:",
    "  - id: HX-SQM",
    "    title: 华夏汽车供应商质量手册",
    "    department: QA",
    "    revisions:",
    '      - revision: "2025"',
    "        received: 2025-03-03",
    "        status: current",
    "",
  ].join("\n"),
  "csr/HX/HX-001.yaml": [
    "id: HX-001",
    "customer: HX",
    "source:",
    "  document: HX-SQM",
    '  revision: "2025"',
    '  section: "4.2"',
    'clauses: ["IATF16949:8.3.3.3"]',
    "title: 特殊特性使用顾客符号",
    "text: 图纸和控制计划上的特殊特性须使用华夏汽车的符号。",
    "received: 2025-03-03",
    "",
  ].join("\n"),
  "documents/QP-001.yaml": QP001,
  "hooks/pre-commit": HOOK,
  ".gitignore": "node_modules/\n",
};

/** The columns of a 程序文件一览表 as the import tests write it. */
const PROCEDURES_HEADER = "文件编号,文件名称,版本,归口部门,发布日期,编制,审核,批准";

/** What the hook adds to its report when HEAD has the overdue review of HX-001. */
const OVERDUE_LEFT_OUT = "csr: --staged: 1 error in HEAD already, not caused by this commit, not reported ('csr check' lists all findings).\n";

/** git run as a user does, the hook's output included; never throws. */
function gitRun(dir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const head = (dir: string) => git(dir, ["rev-parse", "HEAD"]).trim();

describe("the pre-commit hook of csr init", () => {
  let dir: string;
  beforeAll(() => {
    // test/helpers.ts's repository, in English and with no public holidays (nothing depends on the day).
    dir = minimalRepo(FILES);
    appendFileSync(join(dir, "qms.yaml"), "language: en\ncalendar:\n  base: none\n");
    chmodSync(join(dir, "hooks/pre-commit"), 0o755);
    gitInit(dir);
    enableHooks(dir);
  });

  it("lets csr's own commits through: the hook's check does not take the running command for an interrupted one", async () => {
    const before = head(dir);
    const result = await csrInProcess(["-C", dir, "review", "HX-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2025-03-10", "-y", "--commit"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^HX-001: opinion of 品质部 recorded: accept, by 张伟 \(zhang\) on 2025-03-10\.\nStill missing: 市场部\.\nCommitted [0-9a-f]{7}: csr review HX-001: 品质部 accept\n$/);
    expect(result.code).toBe(0);
    expect(git(dir, ["rev-parse", "HEAD~1"]).trim()).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("refuses csr's commit when the staged change adds an error, says what the hook found, and leaves everything as it was", async () => {
    // A department added to qms.yaml and not committed, then a copy handed out to it and committed: the
    // commit holds the copy alone, whose department the committed qms.yaml does not know.
    expect((await csrInProcess(["-C", dir, "department", "add", "LOG", "--name", "物流部", "-y"])).code).toBe(0);
    const before = head(dir);
    const result = await csrInProcess(["-C", dir, "distribute", "QP-001", "--to", "LOG", "--issued-by", "zhang", "--date", "2025-03-10", "-y", "--commit"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        "csr: The pre-commit hook hooks/pre-commit refused the commit of documents/QP-001.yaml; nothing was changed: documents/QP-001.yaml, the index and HEAD are as they were. It reported:",
        "  documents/QP-001.yaml",
        "  documents/QP-001.yaml:19:33 error ref/unresolved Unknown department 'LOG'. Use a code from 'departments' in qms.yaml or add it with 'csr department add'.",
        // The copy is QP-001's first: A/0 took effect five weeks before anyone had it (doc/effective-before-issue).
        "  documents/QP-001.yaml:19:62 warning doc/effective-before-issue QP-001 A/0 took effect on 2025-02-03, but its first controlled copy was handed out on 2025-03-10: until then its users were to work to a version they did not have. If it was handed out on or before 2025-02-03, correct the date of this copy; if it reached its users only on 2025-03-10, its effective date is wrong. Issue a version on the day it takes effect, or before.",
        "",
        "  Rule docs (also 'csr explain <rule-id>'):",
        `    doc/effective-before-issue  ${ruleDocUrl("doc/effective-before-issue")}`,
        `    ref/unresolved              ${ruleDocUrl("ref/unresolved")}`,
        "  ✖ 1 error, 1 warning in 1 file (5 files checked).",
        `  ${OVERDUE_LEFT_OUT.trimEnd()}`,
        "hint: Correct what the hook reports, then run the command again.",
        "",
      ].join("\n"),
    );
    expect(result.code).toBe(1);
    expect(head(dir)).toBe(before);
    expect(readFileSync(join(dir, "documents/QP-001.yaml"), "utf8")).toBe(QP001);
    expect(git(dir, ["status", "--porcelain"])).toBe(" M qms.yaml\n");
    expect(readdirSync(join(dir, ".git/csr-tmp"))).toEqual([]);
    git(dir, ["checkout", "-q", "qms.yaml"]);
  });

  it("lets git commit -a through while a review of a CSR the commit does not touch is overdue", () => {
    writeFileSync(join(dir, "customers/HX.yaml"), FILES["customers/HX.yaml"] + "# 联系人待补\n");
    writeFileSync(join(dir, "package.json"), "{}\n");
    git(dir, ["add", "package.json"]);
    expect(gitRun(dir, ["commit", "-q", "-a", "-m", "note"])).toEqual({ code: 0, stdout: "", stderr: `✔ No problems in 5 files.\n${OVERDUE_LEFT_OUT}` });
    expect(git(dir, ["show", "--name-only", "--format=%s"])).toBe("note\n\ncustomers/HX.yaml\npackage.json\n");
  });

  it("refuses a commit for what the staged change causes in a file it does not touch", () => {
    // The customer renamed: its file now names another code, and the unstaged CSR refers to a customer that is gone.
    writeFileSync(join(dir, "customers/HX.yaml"), FILES["customers/HX.yaml"].replace("code: HX", "code: HY"));
    const before = head(dir);
    const result = gitRun(dir, ["commit", "-q", "-a", "-m", "rename"]);
    expect(result.stderr.split("\n").filter((line) => /^\S+:\d+:\d+ error /.test(line))).toEqual([
      "csr/HX/HX-001.yaml:2:11 error ref/unresolved Unknown customer 'HX'. Did you mean 'HY'? Add the customer with 'csr customer add HX', or correct the code.",
      "customers/HX.yaml:1:7 error id/file-name The customer code 'HY' does not match the file name; rename the file to customers/HY.yaml or correct the code.",
    ]);
    expect(result.code).toBe(1);
    expect(head(dir)).toBe(before);
    git(dir, ["checkout", "-q", "customers/HX.yaml"]);
  });

  it("reports merge conflicts as such, and only then", async () => {
    git(dir, ["checkout", "-q", "-b", "side"]);
    writeFileSync(join(dir, "customers/HX.yaml"), FILES["customers/HX.yaml"] + "# side\n");
    git(dir, ["commit", "-q", "--no-verify", "-am", "side"]);
    git(dir, ["checkout", "-q", "-"]);
    writeFileSync(join(dir, "customers/HX.yaml"), FILES["customers/HX.yaml"] + "# main\n");
    git(dir, ["commit", "-q", "--no-verify", "-am", "main"]);
    gitRun(dir, ["merge", "-q", "side"]);
    expect(await csrInProcess(["-C", dir, "check", "--staged"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --staged: the index has unresolved merge conflicts (customers/HX.yaml), which git cannot commit either.\nhint: Resolve the merge conflicts ('git status' lists them) and 'git add' the files, then commit again.\n",
    });
    git(dir, ["merge", "--abort"]);
  });

  it("registers a requirement received long ago with csr add --commit: the hook does not refuse it for its overdue review, and csr check still reports that as an error", async () => {
    const before = head(dir);
    const added = await csrInProcess(["-C", dir, "add", "--customer", "HX", "--source", "HX-SQM", "--section", "4.3", "--clause", "IATF16949:8.5.1", "--title", "首件须经顾客认可", "--received", "2025-03-03", "-y", "--commit"]);
    expect(added.stderr).toBe("");
    const late = /^Registered HX-002 in csr\/HX\/HX-002\.yaml\.\nReview due 2025-03-17 \(10 working days after 2025-03-03\), which has passed: overdue by (\d+) working days\. Review it now and record the opinions and the decision with 'csr review HX-002' \(a decision after the deadline gives its reason with --late-reason\); until it is decided, csr check and the review timeliness register show it as overdue\.\nCommitted [0-9a-f]{7}: csr add HX-002: 首件须经顾客认可\n$/.exec(added.stdout);
    expect(late).not.toBeNull();
    expect(added.code).toBe(0);
    expect(git(dir, ["rev-parse", "HEAD~1"]).trim()).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    // The advice works in the state the command left: the CSR is there to be reviewed.
    expect((await csrInProcess(["-C", dir, "review", "HX-002", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "-y"])).code).toBe(0);
    // csr check (and CI) keep the overdue review an error, counting the days csr add said.
    const check = await csrInProcess(["-C", dir, "check", "--no-cache"]);
    expect(check.stdout).toContain(`csr/HX/HX-002.yaml:10:11 error csr/review-overdue The review of HX-002 is overdue: received on 2025-03-03, it was due on 2025-03-17 (10 working days) and is ${late![1]} working days late; record the missing opinions and the decision with 'csr review HX-002'.\n`);
    expect(check.code).toBe(1);
    git(dir, ["checkout", "-q", "csr/HX/HX-002.yaml"]);
  });

  it("lets git commit a late requirement, printing its overdue review as a warning of the commit", async () => {
    expect((await csrInProcess(["-C", dir, "add", "--customer", "HX", "--source", "HX-SQM", "--section", "4.4", "--clause", "IATF16949:8.5.2", "--title", "零件标签须含批次号", "--received", "2025-03-03", "-y"])).code).toBe(0);
    git(dir, ["add", "csr/HX/HX-003.yaml"]);
    const result = gitRun(dir, ["commit", "-q", "-m", "HX-003"]);
    const warning = result.stderr.split("\n").find((line) => line.startsWith("csr/HX/HX-003.yaml:"));
    expect(warning).toMatch(/^csr\/HX\/HX-003\.yaml:10:11 warning csr\/review-overdue The review of HX-003 is overdue: received on 2025-03-03, it was due on 2025-03-17 \(10 working days\) and is \d+ working days late; record the missing opinions and the decision with 'csr review HX-003'\.$/);
    expect(result.stderr).toContain("✖ 0 errors, 1 warning in 1 file (");
    expect(result.code).toBe(0);
    expect(git(dir, ["show", "--name-only", "--format=%s"])).toBe("HX-003\n\ncsr/HX/HX-003.yaml\n");
  });

  it("when the hook refuses a command's new file, says to write it without --commit first, as the file it reports on was not kept", async () => {
    // A hook that refuses every commit, for a reason csr cannot know.
    mkdirSync(join(dir, ".git/frozen"), { recursive: true });
    writeFileSync(join(dir, ".git/frozen/pre-commit"), "#!/bin/sh\necho 'error: commits are frozen' >&2\nexit 1\n", { mode: 0o755 });
    git(dir, ["config", "core.hooksPath", ".git/frozen"]);
    try {
      const before = head(dir);
      const result = await csrInProcess(["-C", dir, "add", "--customer", "HX", "--source", "HX-SQM", "--section", "4.5", "--clause", "IATF16949:8.5.4", "--title", "包装须防潮", "--received", "2025-03-03", "-y", "--commit"]);
      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr: [
          "csr: The pre-commit hook .git/frozen/pre-commit refused the commit of csr/HX/HX-004.yaml; nothing was changed: csr/HX/HX-004.yaml, the index and HEAD are as they were. It reported:",
          "  error: commits are frozen",
          "hint: The new file csr/HX/HX-004.yaml was not kept, so what the report says to do with it cannot be done yet: run the command again without --commit (the file is written, not committed), correct what the hook reports, then commit with git commit.",
          "",
        ].join("\n"),
      });
      expect(head(dir)).toBe(before);
      expect(git(dir, ["status", "--porcelain"])).toBe("");
    } finally {
      git(dir, ["config", "core.hooksPath", "hooks"]);
    }
  });

  it("refuses an import's commit as it refuses a command's: the hook's report, exit 1, and nothing of the import left (tester20 F34)", async () => {
    // As in the test above: a department in the working tree's qms.yaml only, which the commit of the import does not hold.
    expect((await csrInProcess(["-C", dir, "department", "add", "LOG", "--name", "物流部", "-y"])).code).toBe(0);
    const register = join(tempDir(), "程序文件一览表.csv");
    writeFileSync(register, `${PROCEDURES_HEADER}\nQP-003,仓储管理程序,A/0,物流部,2024-03-01,张伟,李娜,王强\nQP-004,检验控制程序,A/0,品质部,2024-03-01,张伟,李娜,王强\nQP-006,标识和可追溯性控制程序,A/0,品质部,2024-03-01,张伟,李娜,王强\nQP-007,监视和测量资源控制程序,A/0,品质部,2024-03-01,张伟,李娜,王强\n`);
    const before = head(dir);
    const result = csr(["-C", dir, "import", register, "--as", "procedures", "--commit"]);
    expect(result.stderr).toBe(
      [
        // Four files are named by the first two and a count, so that the first line stays one to read.
        "csr: The pre-commit hook hooks/pre-commit refused the commit of documents/QP-003.yaml, documents/QP-004.yaml and 2 more files; nothing was changed: documents/QP-003.yaml, documents/QP-004.yaml and 2 more files, the index and HEAD are as they were. It reported:",
        "  documents/QP-003.yaml",
        "  documents/QP-003.yaml:5:13 error ref/unresolved Unknown department 'LOG'. Use a code from 'departments' in qms.yaml or add it with 'csr department add'.",
        // Imported from a register, the four have their body on paper: one warning names them all.
        `  documents/QP-003.yaml:11:15 warning doc/body-on-paper The body of 4 released documents is not in the repository (imported from a register without their text): QP-003, QP-004, QP-006, QP-007. Their prints and site pages say only that the body is on the paper original, and no controlled copy of them can be printed. Import their Word originals one by one (csr import "<file>.docx"): the body completes the imported revision, needs no new revision, and what the register recorded is kept.`,
        "",
        "  Rule docs (also 'csr explain <rule-id>'):",
        `    doc/body-on-paper  ${ruleDocUrl("doc/body-on-paper")}`,
        `    ref/unresolved     ${ruleDocUrl("ref/unresolved")}`,
        "  ✖ 1 error, 1 warning in 1 file (11 files checked).",
        // The overdue reviews of HX-001 and of the two CSRs registered late above.
        "  csr: --staged: 3 errors in HEAD already, not caused by this commit, not reported ('csr check' lists all findings).",
        "hint: The new files documents/QP-003.yaml, documents/QP-004.yaml and 2 more files were not kept, so what the report says to do with them cannot be done yet: run the command again without --commit (the files are written, not committed), correct what the hook reports, then commit with git commit.",
        "",
      ].join("\n"),
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(1);
    expect(head(dir)).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe(" M qms.yaml\n");
    git(dir, ["checkout", "-q", "qms.yaml"]);
  });

  it("commits the forms a register links to procedures imported and committed before: their body is on paper, so the link completes the import (tester20 F6)", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, "程序文件一览表.csv"), `${PROCEDURES_HEADER}\nQP-005,不合格品控制程序,A/1,品质部,2024-03-01,张伟,李娜,王强\n`);
    writeFileSync(join(folder, "记录表单一览表.csv"), "表单编号,表单名称,版本,发布日期,归口部门,所属程序,保存期限\nQR-005-01,不合格品处置单,A/0,2024-03-01,品质部,QP-005,3年\n");
    expect(csr(["-C", dir, "import", join(folder, "程序文件一览表.csv"), "--as", "procedures", "--commit"]).code).toBe(0);
    const before = head(dir);
    const linked = csr(["-C", dir, "import", join(folder, "记录表单一览表.csv"), "--as", "forms", "--link-forms", "--prepared", "张伟", "--reviewed", "李娜", "--approved", "王强", "--commit"]);
    expect(linked.stderr).toBe("");
    expect(linked.stdout).toContain("Added the forms to their procedures:\n  documents/QP-005.yaml: forms + QR-005-01\n");
    expect(linked.code).toBe(0);
    expect(git(dir, ["rev-parse", "HEAD~1"]).trim()).toBe(before);
    expect(git(dir, ["show", "--name-only", "--format=%s"])).toBe("import 记录表单一览表.csv: 1 file\n\ndocuments/QP-005.yaml\ndocuments/QR-005-01.yaml\n");
    // Its body written in (as a Word import does) is the import completed too; once it is there, a change to it is a revision.
    appendFileSync(join(dir, "documents/QP-005.yaml"), "sections:\n  - title: 目的\n    text: 防止不合格品的非预期使用。\n");
    expect(gitRun(dir, ["commit", "-q", "-a", "-m", "QP-005 正文"]).code).toBe(0);
    writeFileSync(join(dir, "documents/QP-005.yaml"), readFileSync(join(dir, "documents/QP-005.yaml"), "utf8").replace("非预期使用", "非预期使用和交付"));
    const changed = gitRun(dir, ["commit", "-q", "-a", "-m", "QP-005 改正文"]);
    expect(changed.stderr).toContain("error doc/revision-not-bumped QP-005 was released as A/1 at HEAD and its content has changed since (sections), but no revision entry was added.");
    expect(changed.code).toBe(1);
    git(dir, ["checkout", "-q", "documents/QP-005.yaml"]);
  });
});

it("says in one line how to install csr when neither the repository nor the PATH has it", () => {
  const dir = makeRepo({ "hooks/pre-commit": HOOK, "NOTES.md": "x\n" }, tempDir());
  chmodSync(join(dir, "hooks/pre-commit"), 0o755);
  git(dir, ["init", "-q"]);
  git(dir, ["config", "core.hooksPath", "hooks"]);
  git(dir, ["add", "-A"]);
  // git itself by its full path; the hook's PATH is a folder with nothing in it.
  const gitPath = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
  const result = spawnSync(gitPath, ["-c", "user.name=Test User", "-c", "user.email=test@example.com", "commit", "-q", "-m", "notes"], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH: tempDir() } });
  expect(result.stderr).toBe(
    `csr: csr is not installed in this repository, so this commit cannot be checked: install it (npm install --save-dev ./qms-csr-<version>.tgz, or npm install --save-dev git+https://<git server>/<path of the csr repository>.git; see "Installing csr" in the README of csr), then commit again.\n`,
  );
  expect(result.status).toBe(1);
  expect(spawnSync(gitPath, ["rev-parse", "-q", "--verify", "HEAD"], { cwd: dir }).status).toBe(1);
});
