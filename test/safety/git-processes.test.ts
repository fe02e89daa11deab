/**
 * How many git processes a writing command starts (issue 14: each costs 10 to 40 ms where starting a
 * process is slow), counted by a `git` first in PATH that logs its arguments and runs the real git;
 * and the short hash of a commit read from git commit's own summary, in real repositories.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedHash } from "../../src/commands/shared/transaction.js";
import { commitAt, committedFixture, copyFixture, csr, git, gitInit, gitInitEmpty, tempDir } from "../helpers.js";

const RELEASE = ["release", "QP-020", "--summary", "修订", "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", "2026-11-27", "--force"];
const REVIEW = ["review", "DYA-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-11-27", "--yes", "--commit"];

/** `csr args` in `dir` with a logging git first in PATH: its result and the git command lines it started. */
function countingGit(dir: string, args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string; gits: string[] } {
  const bin = tempDir("csr-git-log-");
  const log = join(bin, "log");
  const real = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
  writeFileSync(log, "");
  writeFileSync(join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, "git"), 0o755);
  const result = csr(["-C", dir, ...args], { env: { PATH: `${bin}:${process.env.PATH}`, ...env } });
  return { ...result, gits: readFileSync(log, "utf8").split("\n").filter(Boolean) };
}

describe("git processes of a writing command", () => {
  it("review --commit starts five: the status of the file once, where git is and HEAD in one, no git add of a file git knows (git commit -- <path> takes it), the short hash from git commit's summary", () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    const run = countingGit(dir, REVIEW);
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").at(-2)).toBe(`Committed ${hash}: csr review DYA-001: 品质部 accept`);
    expect(run.gits).toEqual([
      "-c core.quotepath=off ls-files -u -z",
      "-c core.quotepath=off --literal-pathspecs status --porcelain -- csr/DYA/DYA-001.yaml",
      "-c core.quotepath=off rev-parse --is-inside-work-tree --show-prefix --verify -q HEAD",
      "--literal-pathspecs -c core.quotepath=off ls-files -s -z -- csr/DYA/DYA-001.yaml",
      "--literal-pathspecs -c core.quotepath=off commit -m csr review DYA-001: 品质部 accept -- csr/DYA/DYA-001.yaml",
    ]);
  });

  it("review --commit still refuses a file with a hand edit, from that one status", () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    const path = join(dir, "csr/DYA/DYA-001.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/^title: .*$/m, "title: edited by hand"));
    const run = countingGit(dir, REVIEW);
    expect(run.stderr).toBe("csr: csr/DYA/DYA-001.yaml has uncommitted changes, which --commit would commit along unseen.\nhint: Commit or undo them first, or leave out --commit.\n");
    expect(run.code).toBe(2);
    expect(run.gits.filter((line) => / status /.test(line))).toHaveLength(2);
  });

  it("renumber --commit asks git once for the files in conflict, reads HEAD from the git directory and the hash from git commit", () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    const run = countingGit(dir, ["renumber", "DYA-009", "--commit", "--yes"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").at(-2)).toMatch(new RegExp(`^Committed ${git(dir, ["rev-parse", "--short", "HEAD"]).trim()}: csr renumber DYA-009`));
    expect(run.gits.filter((line) => / ls-files -u /.test(line))).toHaveLength(1);
    // The new file is added, the old one's deletion goes with git commit -- <paths>.
    expect(run.gits.filter((line) => / (add|rm) /.test(line))).toEqual([expect.stringMatching(/ add -A -- csr\/DYA\/DYA-\d{3}\.yaml$/)]);
    // HEAD before the commit read from the git directory's files (refFromFiles), not asked of git.
    expect(run.gits.filter((line) => / rev-parse -q --verify HEAD$/.test(line))).toEqual([]);
    expect(run.gits).toHaveLength(8);
  });

  it("release asks git once where it is and what HEAD is, and lists the index once for its conflicts and qms.yaml; HEAD before the commit, the tag's absence and its name's validity come from the git directory's files and csr", () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    const run = countingGit(dir, RELEASE);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(git(dir, ["tag"])).toBe("QP-020/A-2\n");
    expect(run.gits.slice(0, 2)).toEqual(["-c core.quotepath=off rev-parse --is-inside-work-tree --show-prefix --verify -q HEAD", "-c core.quotepath=off ls-files --stage -z"]);
    expect(run.gits.filter((line) => / ls-files -u | rev-parse --verify --quiet HEAD$| ls-files -- /.test(line))).toEqual([]);
    expect(run.gits.filter((line) => / rev-parse -q --verify HEAD$| tag -l | check-ref-format /.test(line))).toEqual([]);
    expect(run.gits).toHaveLength(11);
  });

  it("release in a folder of a larger git repository finds its qms.yaml tracked there, and refuses one that is not", () => {
    const top = tempDir();
    const dir = join(top, "质量", "csr");
    cpSync(copyFixture("test/fixtures/csr/valid"), dir, { recursive: true });
    gitInit(top);
    const run = countingGit(dir, RELEASE);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Released QP-020 A\/2 /);
    expect(git(top, ["tag"])).toBe("QP-020/A-2\n");
    expect(git(top, ["show", "--name-only", "--format=", "HEAD"])).toBe("质量/csr/documents/QP-020.yaml\n");
    git(top, ["rm", "-q", "--cached", "质量/csr/qms.yaml"]);
    git(top, ["commit", "-qm", "untrack qms.yaml"]);
    const untracked = countingGit(dir, ["obsolete", "WI-031", "--reason", "x", "--date", "2026-11-27"]);
    expect(untracked.stderr).toBe("csr: qms.yaml is not tracked by git, so the commit csr makes would not hold the repository's configuration.\nhint: Add and commit it first: git add qms.yaml && git commit -m '体系配置'.\n");
    expect(untracked.code).toBe(2);
  });

  it("init in a folder of a git repository asks where it is once, for itself and for the merge driver's setting", () => {
    const dir = tempDir();
    git(dir, ["init", "-q"]);
    const run = countingGit(dir, ["init", "sub"]);
    expect(run.code).toBe(0);
    expect(run.gits.map((line) => line.split(" ").slice(0, 4).join(" "))).toEqual([
      "-c core.quotepath=off rev-parse --is-inside-work-tree",
      "-c core.quotepath=off ls-files -u",
      "config merge.csr.name csr: CSR",
      "config merge.csr.driver if [",
    ]);
    expect(git(dir, ["config", "merge.csr.driver"])).toMatch(/^if \[ -x "sub\/node_modules\/.bin\/csr" \]/);
  });

  it("names the commit git made on a branch with ']' and '/' in German, whatever a pre-commit hook prints", () => {
    const dir = committedFixture("test/fixtures/csr/valid");
    git(dir, ["checkout", "-q", "-b", "fix]/a"]);
    writeFileSync(join(dir, ".git", "hooks", "pre-commit"), "#!/bin/sh\necho '[fix]/a 0000000] not this one'\n");
    chmodSync(join(dir, ".git", "hooks", "pre-commit"), 0o755);
    const run = countingGit(dir, REVIEW, { LANG: "C.UTF-8", LANGUAGE: "de" });
    expect(run.stdout.split("\n").at(-2)).toBe(`Committed ${git(dir, ["rev-parse", "--short", "HEAD"]).trim()}: csr review DYA-001: 品质部 accept`);
    expect(run.gits.some((line) => / rev-parse --short /.test(line))).toBe(false);
  });
});

describe("git processes of a period's changes", () => {
  it("csr changes of a period lists the history once (rev-list), for the commits at its two ends and the first commit", () => {
    const dir = gitInitEmpty(copyFixture("test/fixtures/csr/valid"));
    commitAt(dir, "2026-11-20", "initial");
    writeFileSync(join(dir, "notes.txt"), "later\n");
    commitAt(dir, "2026-12-02", "later");
    const [later, initial] = git(dir, ["rev-list", "HEAD"]).trim().split("\n");
    const run = countingGit(dir, ["changes", "2026-11-01", "2026-11-30", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.gits.filter((line) => / rev-list /.test(line))).toEqual(["-c core.quotepath=off rev-list --format=%H %cs %ct %P HEAD"]);
    // No commit before the period: compared from the first commit, to the last one by the period's end (not the later one).
    expect(JSON.parse(run.stdout).commits).toEqual({ from: { spec: initial!.slice(0, 7), commit: initial, date: "2026-11-20" }, to: { spec: "2026-11-30", commit: initial, date: "2026-11-20" } });
    const december = JSON.parse(countingGit(dir, ["changes", "2026-12-01", "2026-12-31", "--format", "json"]).stdout);
    expect(december.commits).toEqual({ from: { spec: "2026-12-01", commit: initial, date: "2026-11-20" }, to: { spec: "2026-12-31", commit: later, date: "2026-12-02" } });
  });
});

describe("git processes of a check", () => {
  it("a check of a repository without tags starts none; with a release tag, one for-each-ref and one cat-file for the released documents", () => {
    const dir = committedFixture("examples/acme-auto");
    // On a day of the example's story: from 2026-12-07 on, BCM-005's review is overdue (an error, exit 1).
    const untagged = countingGit(dir, ["check", "--format", "json", "--today", "2026-12-04"]);
    expect(untagged.code).toBe(0);
    expect(untagged.gits).toEqual([]);
    git(dir, ["tag", "WI-010-01/A-1"]);
    rmSync(join(dir, ".git", "csr-cache"), { recursive: true, force: true });
    const tagged = countingGit(dir, ["check", "--format", "json", "--today", "2026-12-04"]);
    expect(tagged.stdout).toBe(untagged.stdout);
    expect(tagged.gits.map((line) => line.replace(/^-c core\.quotepath=off /, "").split(" ").slice(0, 2).join(" "))).toEqual(["rev-parse --is-inside-work-tree", "for-each-ref --count=1", "cat-file --batch"]);
  });
});

describe("committedHash", () => {
  /** What `git commit` prints on its standard output in a new repository, in the language given. */
  const summaries = (language: string, detach: boolean) => {
    const dir = tempDir();
    const env = { LANG: "C.UTF-8", LC_ALL: "", LANGUAGE: language };
    git(dir, ["init", "-q"], env);
    writeFileSync(join(dir, "a"), "1\n");
    git(dir, ["add", "a"], env);
    const root = git(dir, ["commit", "-m", "first] one", "--", "a"], env);
    if (detach) git(dir, ["checkout", "-q", "--detach"], env);
    writeFileSync(join(dir, "a"), "2\n");
    const next = git(dir, ["commit", "-m", "second", "--", "a"], env);
    return { root, next, head: git(dir, ["rev-parse", "--short", "HEAD"]).trim(), first: git(dir, ["rev-parse", "--short", "HEAD~"]).trim() };
  };

  it.each([
    ["zh_CN", true],
    ["de", true],
    ["en", false],
  ])("reads the hash of a root commit and of a commit on a detached HEAD or a branch (LANGUAGE=%s)", (language, detach) => {
    const { root, next, head, first } = summaries(language, detach);
    expect(committedHash(root)).toBe(first);
    expect(committedHash(next)).toBe(head);
  });

  it("takes the last summary line and leaves to git a summary it cannot read", () => {
    expect(committedHash("[main 1111111] a\n 1 file changed\n[main 2222222] b ] [x 3333333] c\n")).toBe("2222222");
    expect(committedHash("[分离头指针 abcdef0] 测试\n")).toBe("abcdef0");
    expect(committedHash("")).toBeUndefined();
    expect(committedHash("[main] no hash\n")).toBeUndefined();
  });
});
