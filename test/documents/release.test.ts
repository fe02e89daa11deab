import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, git, gitInit, minimalRepo } from "../helpers.js";

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

function repoWith(files: Record<string, string>): string {
  return gitInit(minimalRepo(files));
}

const head = (dir: string) => git(dir, ["rev-parse", "HEAD"]).trim();

describe("csr release", () => {
  it("releases a draft as A/0, keeps its comments, commits the file alone and tags it", () => {
    const repo = repoWith({ "documents/QP-020.yaml": DRAFT });
    const result = csr(["-C", repo, "release", "QP-020", "--summary", "首次发布", "--pages", "全部", ...SIGNERS, "--date", "2024-03-01"]);
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
    expect(csr(["-C", repo, "check"]).code).toBe(0);
  });

  it("counts revisions within the edition, and starts a new edition with --major", () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    expect(csr(["-C", repo, "release", "QP-020", "--summary", "增加评审期限", ...SIGNERS, "--date", "2024-05-01"]).stdout).toMatch(/^Released QP-020 A\/1 .* tag QP-020\/A-1\.\n$/);
    expect(csr(["-C", repo, "release", "QP-020", "--major", "--summary", "换版", ...SIGNERS, "--date", "2024-06-01"]).stdout).toMatch(/^Released QP-020 B\/0 .* tag QP-020\/B-0\.\n$/);
    const text = readFileSync(join(repo, "documents/QP-020.yaml"), "utf8");
    expect(text).toContain("effective: 2024-06-01\n");
    expect([...text.matchAll(/version: (\S+)/g)].map((m) => m[1])).toEqual(["A/0", "A/1", "B/0"]);
    expect(git(repo, ["log", "--format=%s"])).toBe("release QP-020 B/0: 换版\nrelease QP-020 A/1: 增加评审期限\ninitial\n");
  });

  it("writes '/' in a document number as '_' in the tag", () => {
    const repo = repoWith({ "documents/CS_QP-006.yaml": DRAFT.replace("id: QP-020", "id: CS/QP-006") });
    const result = csr(["-C", repo, "release", "CS/QP-006", "--summary", "首次发布", ...SIGNERS]);
    expect(result.code).toBe(0);
    expect(git(repo, ["tag"])).toBe("CS_QP-006/A-0\n");
  });

  describe("refuses, writing and committing nothing, when", () => {
    const refusals: [string, string[], string][] = [
      ["the approver is not an approver", ["--summary", "x", "--prepared", "zhang", "--reviewed", "li", "--approved", "li"], "csr: --approved li: 李娜 does not have the role 'approver' in people.yaml (roles: author, reviewer).\nhint: Choose a person with the role 'approver', or add the role in people.yaml if it was granted.\n"],
      ["the reviewer is not a reviewer", ["--summary", "x", "--prepared", "zhang", "--reviewed", "wang", "--approved", "wang"], "csr: --reviewed wang: 王强 does not have the role 'reviewer' in people.yaml (roles: approver).\nhint: Choose a person with the role 'reviewer', or add the role in people.yaml if it was granted.\n"],
      ["the approver prepared the change", ["--summary", "x", "--prepared", "wang", "--reviewed", "li", "--approved", "wang"], "csr: 王强 (wang) cannot approve a change they prepared; another approver must sign (segregation of duties).\n"],
      ["a named person is unknown", ["--summary", "x", "--prepared", "zhan", "--reviewed", "li", "--approved", "wang"], "csr: --prepared zhan: no such person in people.yaml. Did you mean 'zhang'?\n"],
      ["the summary is missing", SIGNERS, "csr: --summary is required: what changed, e.g. --summary '增加评审期限'.\n"],
    ];
    for (const [when, args, stderr] of refusals) {
      it(when, () => {
        const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
        const before = head(repo);
        const result = csr(["-C", repo, "release", "QP-020", ...args]);
        expect(result.stderr).toBe(stderr);
        expect(result.code).toBe(2);
        expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
        expect(head(repo)).toBe(before);
        expect(git(repo, ["tag"])).toBe("");
      });
    }

    it("another file is staged", () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      writeFileSync(join(repo, "people.yaml"), readFileSync(join(repo, "people.yaml"), "utf8") + "# staged\n");
      git(repo, ["add", "people.yaml"]);
      const result = csr(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: Other files are staged for commit (people.yaml); csr commits this document on its own and wrote nothing.\nhint: Commit them or unstage them ('git restore --staged <file>') first.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
    });

    it("the repository has unresolved conflicts", () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      git(repo, ["checkout", "-q", "-b", "other"]);
      writeFileSync(join(repo, "documents/QP-020.yaml"), RELEASED.replace("顾客特定要求管理程序", "顾客要求管理程序"));
      git(repo, ["commit", "-qam", "other title"]);
      git(repo, ["checkout", "-q", "main"]);
      writeFileSync(join(repo, "documents/QP-020.yaml"), RELEASED.replace("顾客特定要求管理程序", "顾客特殊要求管理程序"));
      git(repo, ["commit", "-qam", "main title"]);
      expect(() => git(repo, ["merge", "-q", "other"])).toThrow();
      const conflicted = readFileSync(join(repo, "documents/QP-020.yaml"), "utf8");
      const result = csr(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: The repository has unresolved merge conflicts (documents/QP-020.yaml); csr writes nothing until they are resolved.\nhint: Resolve the conflicts, 'git add' the files and commit, then run the command again.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(conflicted);
    });

    it("the tag exists already", () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
      git(repo, ["tag", "QP-020/A-1"]);
      const result = csr(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(
        "csr: The tag QP-020/A-1 exists already; QP-020 A/1 was released before.\nhint: Check 'csr history' and 'git tag', and remove a stray tag only if that release never happened.\n",
      );
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
    });

    it("the folder is not a git repository", () => {
      const repo = minimalRepo({ "documents/QP-020.yaml": RELEASED });
      const result = csr(["-C", repo, "release", "QP-020", "--summary", "x", ...SIGNERS]);
      expect(result.stderr).toBe(`csr: ${repo} is not a git repository; csr records releases as git commits.\nhint: Run 'git init' and commit the repository first.\n`);
      expect(result.code).toBe(2);
    });
  });
});

describe("csr obsolete", () => {
  const QP030 = RELEASED.replace(/QP-020/g, "QP-030").replace("顾客特定要求管理程序", "顾客要求管理程序（新）");

  it("records the date, reason and successor, and commits", () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED, "documents/QP-030.yaml": QP030 });
    const result = csr(["-C", repo, "obsolete", "QP-020", "--reason", "由 QP-030 替代", "--superseded-by", "QP-030", "--date", "2024-07-01"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`Withdrew QP-020 (documents/QP-020.yaml) on 2024-07-01: commit ${git(repo, ["rev-parse", "--short", "HEAD"]).trim()}.\n`);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(
      RELEASED.replace("status: released\n", "status: obsolete\nobsolete:\n  date: 2024-07-01\n  reason: 由 QP-030 替代\n  superseded_by: QP-030\n"),
    );
    expect(git(repo, ["log", "-1", "--format=%s"])).toBe("obsolete QP-020: 由 QP-030 替代\n");
    expect(csr(["-C", repo, "check"]).code).toBe(0);
  });

  const refusals: [string, string[], string][] = [
    ["the successor is unknown", ["--reason", "x", "--superseded-by", "QP-031"], "csr: --superseded-by QP-031: no such document. Did you mean 'QP-030'? Add the new document first.\n"],
    ["the successor is the document itself", ["--reason", "x", "--superseded-by", "QP-020"], "csr: --superseded-by names the document itself; name the document that replaces it.\n"],
    ["the reason is missing", [], "csr: --reason is required: say why the document is withdrawn, e.g. --reason '由 QP-030 替代'.\n"],
  ];
  for (const [when, args, stderr] of refusals) {
    it(`refuses when ${when}`, () => {
      const repo = repoWith({ "documents/QP-020.yaml": RELEASED, "documents/QP-030.yaml": QP030 });
      const before = head(repo);
      const result = csr(["-C", repo, "obsolete", "QP-020", ...args]);
      expect(result.stderr).toBe(stderr);
      expect(result.code).toBe(2);
      expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(RELEASED);
      expect(head(repo)).toBe(before);
    });
  }

  it("refuses a document that is obsolete already", () => {
    const repo = repoWith({ "documents/QP-020.yaml": RELEASED });
    expect(csr(["-C", repo, "obsolete", "QP-020", "--reason", "停用", "--date", "2024-07-01"]).code).toBe(0);
    const result = csr(["-C", repo, "obsolete", "QP-020", "--reason", "again"]);
    expect(result.stderr).toBe("csr: QP-020 is obsolete already (since 2024-07-01).\n");
    expect(result.code).toBe(2);
  });
});
