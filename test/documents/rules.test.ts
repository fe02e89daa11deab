import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, copyRepository, csrInProcess, git, gitInit, minimalRepo, tempDir, type JsonFinding } from "../helpers.js";

// As of a day the fixtures' dates were written for, of a year whose public holidays csr ships (else calendar/year-missing would be one finding more).
// csr in the test's process (csrInProcess): what is tested is the findings and what the commands write.
const check = (dir: string, ...args: string[]) => checkJsonInProcess(dir, "--today", "2026-12-01", ...args);

const brief = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`;
const messageOf = (findings: JsonFinding[], rule: string, file: string) => findings.find((f) => f.rule === rule && f.file === file)?.message;

describe("doc/* static rules", () => {
  it("find nothing in a repository of properly signed documents", async () => {
    const result = await check(copyFixture("test/fixtures/documents/valid"));
    expect(result.findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("report each violation of the invalid fixture at its node", async () => {
    const { findings, code } = await check(copyFixture("test/fixtures/documents/invalid"));
    expect(findings.map(brief)).toEqual([
      "documents/QP-001.yaml:14:14 error doc/version-sequence",
      "documents/QP-001.yaml:15:11 error doc/version-sequence",
      "documents/QP-002.yaml:8:5 error doc/approval-missing",
      "documents/QP-003.yaml:6:9 error doc/approval-missing",
      "documents/QP-004.yaml:12:21 error doc/approver-lacks-role",
      "documents/QP-004.yaml:13:21 error doc/approver-lacks-role",
      "documents/QP-005.yaml:13:21 error doc/self-approval",
      "documents/QP-006.yaml:8:9 error doc/obsolete-referenced",
      "documents/QP-007.yaml:14:14 error doc/version-sequence",
      "documents/QP-007.yaml:20:14 error doc/version-sequence",
    ]);
    expect(code).toBe(1);
    expect(findings.map((f) => f.message)).toEqual([
      "A/2 cannot follow A/0: it skips A/1. The version after A/0 is A/1 or B/0; correct the version.",
      "Revision A/2 is dated 2024-03-01, before the previous revision A/0 (2024-03-10); revisions are listed oldest first, so correct the date or the order.",
      "Revision A/0 of the released document QP-002 has no approved signature. Record the signatures of the paper original: csr sign QP-002 --approved <person> --date <date> (leave out --date when the original has no date).",
      "QP-003 is released but has no revision entry, so nobody approved it. Release it with 'csr release QP-003 ...', which records version, preparer and approver.",
      "王强 (wang) signed revision A/0 as reviewed but does not have the role 'reviewer' in people.yaml. Have an authorised person sign, or, if the role was granted, give it with 'csr person update wang --roles author,approver,reviewer'.",
      "李娜 (li) signed revision A/0 as approved but does not have the role 'approver' in people.yaml. Have an authorised person sign, or, if the role was granted, give it with 'csr person update li --roles author,reviewer,approver'.",
      "Revision A/0 of QP-005 is prepared and approved by the same person (wang). Another approver must approve it.",
      "QP-006 refers to QR-009-01, which is obsolete since 2024-01-10. Refer to the document now in force or remove the reference, and release a new revision of QP-006.",
      "B/1 cannot follow A/0: a new edition starts at B/0. The version after A/0 is A/1 or B/0; correct the version.",
      "B/1 cannot follow B/1: versions must not repeat or go backwards. The version after B/1 is B/2 or C/0; correct the version.",
    ]);
  });
});

const SIGNED = (version: string, date: string, summary: string, approver = "wang", preparer = "zhang") =>
  [
    `  - version: ${version}`,
    `    date: ${date}`,
    `    summary: ${summary}`,
    `    prepared: { by: ${preparer}, date: ${date} }`,
    `    reviewed: { by: li, date: ${date} }`,
    `    approved: { by: ${approver}, date: ${date} }`,
    "",
  ].join("\n");

const released = (id: string, text: string, revisions: string) =>
  [`id: ${id}`, `title: 程序 ${id}`, "level: 2", "kind: procedure", "department: QA", "status: released", "sections:", "  - title: 目的", `    text: ${text}`, "revisions:", revisions].join("\n");

const LI = { GIT_AUTHOR_NAME: "李娜", GIT_AUTHOR_EMAIL: "li@example.com" };
const WANG = { GIT_AUTHOR_NAME: "王强", GIT_AUTHOR_EMAIL: "wang@example.com" };

/**
 * The base commit has six released documents; the branch then makes a silent edit (QP-010, and
 * QP-030 in a Chinese-named folder), rewrites a revision (QP-011), self-approves (QP-012), releases
 * cleanly after moving the file (QP-013), skips a version (QP-014), and lets the approver commit
 * the change (QP-015).
 */
async function buildScenario(): Promise<{ repo: string; base: string }> {
  const a0 = SIGNED("A/0", "2024-01-10", "首次发布");
  const repo = gitInit(
    minimalRepo({
      "documents/QP-010.yaml": released("QP-010", "原文", a0),
      "documents/QP-011.yaml": released("QP-011", "原文", a0),
      "documents/QP-012.yaml": released("QP-012", "原文", a0),
      "documents/QP-013.yaml": released("QP-013", "原文", a0),
      "documents/QP-014.yaml": released("QP-014", "原文", a0),
      "documents/QP-015.yaml": released("QP-015", "原文", a0),
      "documents/子目录/QP-030.yaml": released("QP-030", "原文", a0),
    }),
  );
  const base = git(repo, ["rev-parse", "HEAD"]).trim();
  git(repo, ["checkout", "-q", "-b", "change"]);
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text);
  write("documents/QP-010.yaml", released("QP-010", "悄悄改了", a0));
  write("documents/子目录/QP-030.yaml", released("QP-030", "悄悄改了", a0));
  git(repo, ["commit", "-qam", "silent edits"], LI);
  write("documents/QP-011.yaml", released("QP-011", "新文", SIGNED("A/0", "2024-01-10", "首次发布（补记）") + SIGNED("A/1", "2024-05-01", "修订")));
  write("documents/QP-012.yaml", released("QP-012", "新文", a0 + SIGNED("A/1", "2024-05-01", "修订", "wang", "wang")));
  write("documents/QP-014.yaml", released("QP-014", "新文", a0 + SIGNED("A/2", "2024-05-01", "修订")));
  git(repo, ["commit", "-qam", "revisions"], LI);
  mkdirSync(join(repo, "documents/程序"));
  git(repo, ["mv", "documents/QP-013.yaml", "documents/程序/QP-013.yaml"]);
  git(repo, ["commit", "-qm", "move"], LI);
  write("documents/程序/QP-013.yaml", released("QP-013", "新文", a0));
  git(repo, ["commit", "-qam", "edit"], LI);
  expect((await csrInProcess(["-C", repo, "release", "QP-013", "--summary", "修订", "--prepared", "li", "--reviewed", "zhang", "--approved", "wang", "--date", "2024-05-01"])).code).toBe(0);
  write("documents/QP-015.yaml", released("QP-015", "新文", a0 + SIGNED("A/1", "2024-05-01", "修订")));
  git(repo, ["commit", "-qam", "approver edits and releases"], WANG);
  return { repo, base };
}

let built: Promise<{ repo: string; base: string }> | undefined;

/** buildScenario's repository, made once for the file and copied for each test (the same commits). */
async function scenario(): Promise<{ repo: string; base: string }> {
  built ??= buildScenario();
  const { repo, base } = await built;
  return { repo: copyRepository(repo), base };
}

const APPROVER = { ...WANG, GIT_COMMITTER_NAME: "王强", GIT_COMMITTER_EMAIL: "wang@example.com" };

/**
 * QP-010 released as A/0 at the base; on a branch, the draft of A/1 (修订中, csr submit) with its new
 * text committed by `author` (李娜, the preparer, unless said otherwise).
 */
async function drafted(author: Record<string, string> = LI): Promise<{ repo: string; base: string }> {
  const repo = gitInit(minimalRepo({ "documents/QP-010.yaml": released("QP-010", "原文", SIGNED("A/0", "2024-01-10", "首次发布")) }));
  const base = git(repo, ["rev-parse", "HEAD"]).trim();
  git(repo, ["checkout", "-q", "-b", "change"]);
  expect((await csrInProcess(["-C", repo, "submit", "QP-010", "--by", "li", "--date", "2024-05-01"])).code).toBe(0);
  const path = join(repo, "documents/QP-010.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("原文", "新文"));
  git(repo, ["commit", "-qam", "QP-010 A/1 修订稿"], author);
  return { repo, base };
}

/** `csr release` of QP-010 A/1 (编制 li, 审核 zhang, 批准 wang) run by the person whose git identity `env` gives: it commits and tags. */
const releaseA1 = (repo: string, env: Record<string, string>) =>
  csrInProcess(["-C", repo, "release", "QP-010", "--summary", "修订", "--prepared", "li", "--reviewed", "zhang", "--approved", "wang", "--date", "2024-05-01"], { env: { ...env, GIT_COMMITTER_NAME: env.GIT_AUTHOR_NAME!, GIT_COMMITTER_EMAIL: env.GIT_AUTHOR_EMAIL! } });

describe("doc/approved-by-author and the approver's own records of the approval (tester57 E7)", () => {
  it("does not count the approver's release commit as a change of the text", async () => {
    const { repo, base } = await drafted();
    expect((await releaseA1(repo, WANG)).code).toBe(0);
    expect(git(repo, ["log", "-1", "--format=%ae %s"])).toBe("wang@example.com release QP-010 A/1: 修订\n");
    expect((await check(repo, "--base", base)).findings.map(brief)).toEqual([]);
  });

  it("does not count the release as the approver's change in the pre-commit hook, nor uncommitted", async () => {
    const { repo } = await drafted();
    expect((await releaseA1(repo, WANG)).code).toBe(0);
    // The release's change staged, as the hook sees the commit csr release makes, by the approver.
    git(repo, ["reset", "-q", "--soft", "HEAD~1"]);
    const staged = await csrInProcess(["-C", repo, "check", "--format", "json", "--today", "2026-12-01", "--staged", "--base", "HEAD"], { env: APPROVER });
    const report = JSON.parse(staged.stdout) as { summary: { files: number }; findings: JsonFinding[] };
    expect({ code: staged.code, stderr: staged.stderr, findings: report.findings }).toEqual({ code: 0, stderr: `csr: no problems in ${report.summary.files} files.\n`, findings: [] });
    // And in the working tree of the approver.
    git(repo, ["reset", "-q"]);
    git(repo, ["config", "user.email", "wang@example.com"]);
    expect((await check(repo, "--base", "HEAD")).findings.map(brief)).toEqual([]);
  });

  it("does not count the approver's csr sign of the revision the preparer committed", async () => {
    const repo = gitInit(minimalRepo({ "documents/QP-010.yaml": released("QP-010", "原文", SIGNED("A/0", "2024-01-10", "首次发布")) }));
    const base = git(repo, ["rev-parse", "HEAD"]).trim();
    // 李娜 commits A/1 signed by its preparer and reviewer (张伟, 李娜); the approver's signature is on the paper original only.
    const unapproved = SIGNED("A/1", "2024-05-01", "修订").replace("    approved: { by: wang, date: 2024-05-01 }\n", "");
    writeFileSync(join(repo, "documents/QP-010.yaml"), released("QP-010", "新文", SIGNED("A/0", "2024-01-10", "首次发布") + unapproved));
    git(repo, ["commit", "-qam", "A/1"], LI);
    expect((await check(repo, "--base", base)).findings.map(brief)).toEqual(["documents/QP-010.yaml:17:5 error doc/approval-missing"]);
    const signed = await csrInProcess(["-C", repo, "sign", "QP-010", "--approved", "wang", "--date", "2024-05-01", "--commit"], { env: APPROVER });
    expect(signed.code).toBe(0);
    expect(git(repo, ["log", "-1", "--format=%ae"])).toBe("wang@example.com\n");
    expect((await check(repo, "--base", base)).findings.map(brief)).toEqual([]);
  });
});

describe("csr check --base", () => {
  it("reports silent edits, rewritten revisions, skipped versions and approvers who authored the change", async () => {
    const { repo, base } = await scenario();
    const { findings, code, stderr } = await check(repo, "--base", base);
    expect(stderr).toBe("");
    expect(findings.map(brief)).toEqual([
      "documents/QP-010.yaml:9:11 error doc/revision-not-bumped",
      "documents/QP-011.yaml:13:14 error doc/revision-history-rewritten",
      // QP-012's self-approving preparer also lacks the author (编制) role: a second finding of the same revision, intended.
      "documents/QP-012.yaml:20:21 error doc/approver-lacks-role",
      "documents/QP-012.yaml:22:21 error doc/self-approval",
      "documents/QP-014.yaml:17:14 error doc/revision-not-bumped",
      "documents/QP-014.yaml:17:14 error doc/version-sequence",
      "documents/QP-015.yaml:22:21 error doc/approved-by-author",
      "documents/子目录/QP-030.yaml:9:11 error doc/revision-not-bumped",
    ]);
    expect(code).toBe(1);
    const short = base;
    expect(messageOf(findings, "doc/revision-not-bumped", "documents/QP-010.yaml")).toBe(
      `QP-010 was released as A/0 at ${short} and its content has changed since (sections), but no revision entry was added. Record the change as revision A/1 or B/0 ('csr release QP-010 --summary ...'); for a draft to be countersigned and approved first, mark it as being revised with 'csr submit QP-010 --by <author>'; or undo the change.`,
    );
    expect(messageOf(findings, "doc/revision-history-rewritten", "documents/QP-011.yaml")).toBe(
      `The revision entry A/0 was changed since ${short} (summary). Restore it as it was: earlier entries are evidence of what was approved, and a correction is recorded as a new revision.`,
    );
    expect(messageOf(findings, "doc/revision-not-bumped", "documents/QP-014.yaml")).toBe(`The new revision entry is A/2, but QP-014 was at A/0 at ${short}; the next version is A/1 or B/0.`);
    expect(messageOf(findings, "doc/approved-by-author", "documents/QP-015.yaml")).toBe(
      `王强 (wang) approved A/1 of QP-015 but also changed the text of this file since ${short} (wang@example.com). The approver must not be the author of the change: let the preparer commit the change of the text and the approver only approve it (a commit that only records the approval or the release, such as 'csr release' or 'csr sign' makes, does not count), or have another approver sign.`,
    );
  });

  it("runs only the static rules without --base", async () => {
    const { repo } = await scenario();
    expect((await check(repo)).findings.map(brief)).toEqual(["documents/QP-012.yaml:20:21 error doc/approver-lacks-role", "documents/QP-012.yaml:22:21 error doc/self-approval", "documents/QP-014.yaml:17:14 error doc/version-sequence"]);
  });

  it("counts an uncommitted change as the work of the configured git user", async () => {
    const repo = gitInit(minimalRepo({ "documents/QP-010.yaml": released("QP-010", "原文", SIGNED("A/0", "2024-01-10", "首次发布")) }));
    git(repo, ["config", "user.email", "wang@example.com"]);
    writeFileSync(join(repo, "documents/QP-010.yaml"), released("QP-010", "新文", SIGNED("A/0", "2024-01-10", "首次发布") + SIGNED("A/1", "2024-05-01", "修订")));
    expect((await check(repo, "--base", "HEAD")).findings.map(brief)).toEqual(["documents/QP-010.yaml:22:21 error doc/approved-by-author"]);
  });

  it("names the approver who committed the change of the text even when they also released it", async () => {
    const { repo, base } = await drafted(WANG);
    expect((await releaseA1(repo, WANG)).code).toBe(0);
    const { findings } = await check(repo, "--base", base);
    expect(findings.map((f) => `${brief(f)} ${f.message}`)).toEqual([
      `documents/QP-010.yaml:28:11 error doc/approved-by-author 王强 (wang) approved A/1 of QP-010 but also changed the text of this file since ${base} (wang@example.com). The approver must not be the author of the change: let the preparer commit the change of the text and the approver only approve it (a commit that only records the approval or the release, such as 'csr release' or 'csr sign' makes, does not count), or have another approver sign.`,
    ]);
  });

  it("accepts withdrawing a released document without a new revision", async () => {
    const repo = gitInit(
      minimalRepo({
        "documents/QP-010.yaml": released("QP-010", "原文", SIGNED("A/0", "2024-01-10", "首次发布")),
      }),
    );
    const base = git(repo, ["rev-parse", "HEAD"]).trim();
    expect((await csrInProcess(["-C", repo, "obsolete", "QP-010", "--reason", "停用", "--date", "2026-11-30"])).code).toBe(0);
    expect((await check(repo, "--base", base)).findings).toEqual([]);
    expect(readFileSync(join(repo, "documents/QP-010.yaml"), "utf8")).toContain("status: obsolete\nobsolete:\n");
  });

  it("works when the document repository is a folder inside a larger git repository", async () => {
    const outer = tempDir();
    const repo = join(outer, "质量体系");
    renameSync(minimalRepo({ "documents/QP-010.yaml": released("QP-010", "原文", SIGNED("A/0", "2024-01-10", "首次发布")) }), repo);
    gitInit(outer);
    writeFileSync(join(repo, "documents/QP-010.yaml"), released("QP-010", "新文", SIGNED("A/0", "2024-01-10", "首次发布")));
    expect((await check(repo, "--base", "HEAD")).findings.map(brief)).toEqual(["documents/QP-010.yaml:9:11 error doc/revision-not-bumped"]);
  });

  it("names an unknown base revision", async () => {
    const repo = gitInit(minimalRepo());
    const result = await csrInProcess(["-C", repo, "check", "--base", "origin/nope"]);
    expect(result.stderr).toBe("csr: --base origin/nope: no such commit, branch or tag.\nhint: In CI, fetch the base branch first (e.g. 'git fetch origin main' and --base origin/main).\n");
    expect(result.code).toBe(2);
  });
});
