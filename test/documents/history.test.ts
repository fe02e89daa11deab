import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentCommits, unrevisedNotes } from "../../src/commands/history/index.js";
import { setLanguage } from "../../src/i18n/index.js";
import { builtOnce, csr, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const DRAFT = "id: QP-020\ntitle: 顾客特定要求管理程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nsections:\n  - title: 目的\n    text: 规定评审方法。\n";
const SIGNERS = ["--prepared", "zhang", "--reviewed", "li", "--approved", "wang"];
const LI = { GIT_AUTHOR_NAME: "李娜", GIT_AUTHOR_EMAIL: "li@example.com" };

/** draft -> release A/0 -> silent edit by 李娜 -> move into a Chinese-named folder -> release A/1: made once and copied for each test (builtOnce). */
const scenario = builtOnce(async (): Promise<string> => {
  const repo = gitInit(minimalRepo({ "documents/QP-020.yaml": DRAFT }));
  expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", ...SIGNERS, "--date", "2024-01-10"])).code).toBe(0);
  const file = join(repo, "documents/QP-020.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("规定评审方法。", "规定评审方法和期限。"));
  git(repo, ["commit", "-qam", "改了目的"], LI);
  mkdirSync(join(repo, "documents/程序文件"));
  git(repo, ["mv", "documents/QP-020.yaml", "documents/程序文件/QP-020.yaml"]);
  git(repo, ["commit", "-qm", "按类别归档"]);
  expect((await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加期限", ...SIGNERS, "--date", "2024-02-01"])).code).toBe(0);
  return repo;
});

/**
 * QP-020's history after each `csr sign` of `signs` (committed) and a hand edit of `edit` ([from, to]) committed as
 * `message`: each commit's subject and whether csr history marks it as a rewrite of the revision record.
 */
async function signedThenEdited(files: Record<string, string>, signs: string[][], [from, to]: [string, string], message: string): Promise<[string, boolean][]> {
  const repo = gitInit(minimalRepo(files));
  for (const args of signs) expect((await csrInProcess(["-C", repo, "sign", "QP-020", ...args, "--commit"])).stderr).toBe("");
  const file = join(repo, "documents/QP-020.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
  git(repo, ["commit", "-qam", message]);
  return (await documentCommits(repo, "documents/QP-020.yaml")).map((c) => [c.message.split(":")[0]!, c.historyRewritten]);
}

describe("csr history", () => {
  it("shows each revision beside the commit that made it and marks the silent edit", async () => {
    const repo = await scenario();
    const result = csr(["-C", repo, "history", "QP-020", "--format", "json"]);
    expect(result.code).toBe(0);
    const history = JSON.parse(result.stdout) as { file: string; revisions: { version: string; commit: string }[]; commits: Record<string, unknown>[] };
    const hashes = git(repo, ["log", "--format=%h", "--reverse"]).trim().split("\n");
    expect(history.file).toBe("documents/程序文件/QP-020.yaml");
    expect(history.revisions.map((r) => [r.version, r.commit])).toEqual([["A/0", hashes[1]], ["A/1", hashes[4]]]);
    expect(history.commits.map((c) => [c.commit, c.author, c.message, c.path, c.version, c.newRevisions, c.unrevised])).toEqual([
      [hashes[0], "Test User", "initial", "documents/QP-020.yaml", "", [], false],
      [hashes[1], "Test User", "release QP-020 A/0: 首次发布", "documents/QP-020.yaml", "A/0", ["A/0"], false],
      [hashes[2], "李娜", "改了目的", "documents/QP-020.yaml", "A/0", [], true],
      [hashes[3], "Test User", "按类别归档", "documents/程序文件/QP-020.yaml", "A/0", [], false],
      [hashes[4], "Test User", "release QP-020 A/1: 增加期限", "documents/程序文件/QP-020.yaml", "A/1", ["A/1"], false],
    ]);
  });

  it("does not mark signatures recorded after the fact (补签) as a rewrite, but marks a recorded signature changed", async () => {
    const form = "id: QR-001-01\ntitle: 文件发放回收记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: released\nrecord: {retention: 3年}\nrevisions:\n  - version: A/0\n    date: 2023-05-08\n    imported: true\n";
    const repo = gitInit(minimalRepo({ "documents/QR-001-01.yaml": form }));
    expect((await csrInProcess(["-C", repo, "sign", "QR-001-01", "--prepared", "zhang", "--date", "2023-05-06", "--commit"])).code).toBe(0);
    expect((await csrInProcess(["-C", repo, "sign", "QR-001-01", "--reviewed", "li", "--approved", "wang", "--commit"])).code).toBe(0);
    const file = join(repo, "documents/QR-001-01.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("date: 2023-05-06", "date: 2023-05-07"));
    git(repo, ["commit", "-qam", "改了编制日期"]);
    expect((await documentCommits(repo, "documents/QR-001-01.yaml")).map((c) => [c.message.split(":")[0], c.historyRewritten])).toEqual([
      ["initial", false],
      ["sign QR-001-01", false],
      ["sign QR-001-01", false],
      ["改了编制日期", true],
    ]);
    expect((await csrInProcess(["-C", repo, "history", "QR-001-01"], { lang: null })).stdout.split("\n").filter((l) => l.includes("!"))).toEqual([expect.stringMatching(/ 改了编制日期 +A\/0 +! 修订记录被改动$/)]);
  });

  it("does not mark a customer's notification, approval or late reason recorded later (csr sign) as a rewrite, but marks a day changed (mend66a)", async () => {
    const doc = "id: QP-020\ntitle: 顾客特定要求管理程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: released\nrevisions:\n  - version: A/0\n    date: 2024-01-10\n    summary: 首次发布\n    customer_notices:\n      - customer: DYA\n        due: 2024-01-17\n";
    const customer = (code: string) => `code: ${code}\nname: 东岳汽车${code}\n`;
    const signs = [["--customer-notified", "DYA=2024-01-19", "--customer-approved", "DYA=2024-01-22"], ["--late-reason", "DYA=SQE出差"], ["--customer-notified", "DYB=2024-01-23"]];
    const files = { "documents/QP-020.yaml": doc, "customers/DYA.yaml": customer("DYA"), "customers/DYB.yaml": customer("DYB") };
    expect(await signedThenEdited(files, signs, ["notified: 2024-01-19", "notified: 2024-01-18"], "改了通知日期")).toEqual([
      ["initial", false],
      ["Customer notification/approval recorded", false],
      ["Customer notification/approval recorded", false],
      ["Customer notification/approval recorded", false],
      ["改了通知日期", true],
    ]);
  });

  it("does not mark a notice's evidence recorded later (csr sign --notice-ref, --notice-to, --approval-ref) as a rewrite, but marks one changed", async () => {
    const doc = "id: QP-020\ntitle: 顾客特定要求管理程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: released\nrevisions:\n  - version: A/0\n    date: 2024-01-10\n    summary: 首次发布\n    customer_notices:\n      - customer: DYA\n        due: 2024-01-17\n        notified: 2024-01-16\n        approved: 2024-01-22\n";
    const signs = [["--notice-ref", "DYA=PCN-2024-01", "--notice-to", "DYA=刘涛"], ["--approval-ref", "DYA=PSW-2024-003"]];
    const files = { "documents/QP-020.yaml": doc, "customers/DYA.yaml": "code: DYA\nname: 东岳汽车\n" };
    expect(await signedThenEdited(files, signs, ["PCN-2024-01", "PCN-2024-02"], "改了通知单号")).toEqual([
      ["initial", false],
      ["Customer notification/approval recorded", false],
      ["Customer notification/approval recorded", false],
      ["改了通知单号", true],
    ]);
  });

  it("prints both tables with Chinese text aligned and a note on the silent edit", async () => {
    const repo = await scenario();
    const result = await csrInProcess(["-C", repo, "history", "QP-020"]);
    expect(result.code).toBe(0);
    const hashes = git(repo, ["log", "--format=%h", "--reverse"]).trim().split("\n");
    const lines = result.stdout.split("\n");
    // Signers as csr show names them in a terminal (编制, 审核, 批准 as the printed revision record): the id, then the name (two columns per Chinese character).
    expect(lines.slice(0, 5)).toEqual([
      "QP-020 顾客特定要求管理程序: revision record (documents/程序文件/QP-020.yaml)",
      "",
      "Version  Date        Summary   Prepared    Reviewed  Approved   Commit",
      "-------  ----------  --------  ----------  --------  ---------  -------",
      `A/0      2024-01-10  首次发布  zhang 张伟  li 李娜   wang 王强  ${hashes[1]}`,
    ]);
    const silent = lines.find((l) => l.includes("改了目的"))!;
    expect(silent).toContain("李娜 <li@example.com>");
    expect(silent).toMatch(/改了目的\s+A\/0\s+! changed without a new revision$/);
    expect(lines.find((l) => l.includes("增加期限") && l.includes("@"))).toMatch(/A\/1\s+new revision A\/1$/);
    // A/1 was released after the silent edit: history to state, nothing to advise.
    expect(result.stdout.trimEnd().split("\n").slice(-2)).toEqual([
      "",
      "1 commit changed the released document without a new revision (marked !); the change went out with the later A/1, so there is nothing left to release.",
    ]);
  });

  it("advises a new revision only for what changed after the last release", async () => {
    const repo = await scenario();
    const file = join(repo, "documents/程序文件/QP-020.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("规定评审方法和期限。", "规定评审方法、期限和记录。"));
    git(repo, ["commit", "-qam", "又改了目的"], LI);
    const commits = await documentCommits(repo, "documents/程序文件/QP-020.yaml");
    expect(commits.map((c) => c.unrevised)).toEqual([false, false, true, false, false, true]);
    expect(unrevisedNotes(commits, "QP-020")).toEqual([
      "1 commit changed the released document without a new revision (marked !); the change went out with the later A/1, so there is nothing left to release.",
      "1 commit changed the document after its release A/1 without a new revision (marked !). Release a new revision with 'csr release QP-020'.",
    ]);
    setLanguage("zh-CN");
    try {
      expect(unrevisedNotes(commits.slice(0, 5), "QP-020")).toEqual(["有 1 个提交在没有新版本的情况下更改了已发布的文件（标有 !）；这些更改已随之后的 A/1 发布，无需再发布。"]);
      expect(unrevisedNotes([...commits.slice(0, 2), commits[2]!], "QP-020")).toEqual(["A/0 发布后，有 1 个提交在没有新版本的情况下更改了这份已发布的文件（标有 !）。请用 'csr release QP-020' 发布新版本。"]);
    } finally {
      setLanguage("en");
    }
  });

  it("lists only the document's own commits: a near-identical procedure copied or replaced is another document", async () => {
    // Scaffolded procedures differ in little more than id and title: git --follow pairs them as a copy or a rename.
    const released = (id: string, title: string) =>
      DRAFT.replace("QP-020", id).replace("顾客特定要求管理程序", title).replace("status: draft", "status: released\nrevisions:\n  - { version: A/0, date: 2024-01-10, summary: 首次发布 }");
    const repo = gitInit(minimalRepo({ "documents/QP-001.yaml": released("QP-001", "文件控制程序") }));
    writeFileSync(join(repo, "documents/QP-002.yaml"), released("QP-002", "记录控制程序"));
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-qm", "发布 QP-002"]);
    // QP-002's file replaced by QP-003's in one commit: a rename to git, another document to the auditor.
    git(repo, ["rm", "-q", "documents/QP-002.yaml"]);
    writeFileSync(join(repo, "documents/QP-003.yaml"), released("QP-003", "记录控制程序"));
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-qm", "发布 QP-003"]);
    expect(git(repo, ["log", "-1", "--follow", "--name-status", "--format=", "--", "documents/QP-003.yaml"]).trim()).toMatch(/^R\d+\tdocuments\/QP-002.yaml\tdocuments\/QP-003.yaml$/);
    expect((await documentCommits(repo, "documents/QP-003.yaml")).map((c) => [c.message, c.path, c.newRevisions, c.unrevised])).toEqual([["发布 QP-003", "documents/QP-003.yaml", ["A/0"], false]]);
    const qp002 = git(repo, ["log", "-1", "--format=%h", "HEAD~1"]).trim();
    expect(git(repo, ["log", "--follow", "--name-status", "--format=", `${qp002}`, "--", "documents/QP-002.yaml"]).trim().split("\n")[0]).toMatch(/^C\d+\tdocuments\/QP-001.yaml\tdocuments\/QP-002.yaml$/);
    const result = await csrInProcess(["-C", repo, "history", "QP-003"], { lang: null });
    expect(result.stdout).not.toContain("!");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toMatch(/ 发布 QP-003 +A\/0 +新版本 A\/0$/);
  });

  it("lists the revision record of a repository not yet committed to, and says the file has no commits yet", async () => {
    const repo = minimalRepo({ "documents/QP-020.yaml": DRAFT.replace("status: draft", "status: released\nrevisions:\n  - { version: A/0, date: 2024-01-10, summary: 首次发布, prepared: { by: zhang }, approved: { by: wang } }") });
    git(repo, ["init", "-q"]);
    const result = await csrInProcess(["-C", repo, "history", "QP-020"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("A/0      2024-01-10  首次发布  zhang 张伟            wang 王强  (before git)");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("documents/QP-020.yaml has not been committed to git yet: once it is, the commits that change it are listed here.");
  });

  it("has 会签, 标准化审查 and 军代表 columns where a revision records them (GJB 9001C), as the printed revision record", async () => {
    const gjb = "  - { version: A/0, date: 2024-01-10, summary: 首次发布, prepared: { by: zhang }, reviewed: { by: li }, countersigned: [{ by: li }, { by: wang }], standardization: { by: li }, approved: { by: wang }, military_representative: { by: zhang } }";
    const repo = gitInit(minimalRepo({ "documents/QP-020.yaml": DRAFT.replace("status: draft", `status: released\nrevisions:\n${gjb}`) }));
    const result = await csrInProcess(["-C", repo, "history", "QP-020"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[2]!.split(/ {2,}/)).toEqual(["Version", "Date", "Summary", "Prepared", "Reviewed", "Countersigned", "Standardization review", "Approved", "Military representative", "Commit"]);
    expect(lines[4]!.split(/ {2,}/)).toEqual(["A/0", "2024-01-10", "首次发布", "zhang 张伟", "li 李娜", "li 李娜, wang 王强", "li 李娜", "wang 王强", "zhang 张伟", git(repo, ["log", "-1", "--format=%h"]).trim()]);
    const json = JSON.parse((await csrInProcess(["-C", repo, "history", "QP-020", "--format", "json"])).stdout) as { revisions: Record<string, unknown>[] };
    expect(json.revisions[0]).toMatchObject({ countersigned: ["li", "wang"], standardization: "li", military_representative: "zhang" });
    const zh = (await csrInProcess(["-C", repo, "history", "QP-020"], { lang: null })).stdout.split("\n");
    expect(zh[2]!.split(/ {2,}/)).toEqual(["版本", "日期", "修订内容摘要", "编制", "审核", "会签", "标准化审查", "批准", "军代表", "提交"]);
    expect(zh[4]).toContain("li 李娜、wang 王强");
  });

  it("has no 会签, 标准化审查 or 军代表 column where no revision records one", async () => {
    const repo = await scenario();
    const header = (await csrInProcess(["-C", repo, "history", "QP-020"])).stdout.split("\n")[2]!;
    expect(header.split(/ {2,}/)).toEqual(["Version", "Date", "Summary", "Prepared", "Reviewed", "Approved", "Commit"]);
  });

  it("marks the commits of a draft made under csr submit (修订中) as such, not as a change without a revision; prints a revision's 生效日期 when it took effect after its date (tester54a A17, A18)", async () => {
    const repo = await scenario();
    const path = "documents/程序文件/QP-020.yaml";
    expect((await csrInProcess(["-C", repo, "submit", "QP-020", "--date", "2024-03-01", "-y", "--commit"])).code).toBe(0);
    const file = join(repo, path);
    writeFileSync(file, readFileSync(file, "utf8").replace("规定评审方法和期限。", "规定评审方法、期限和记录。"));
    git(repo, ["commit", "-qam", "QP-020 修订稿：增加记录"], LI);
    expect(await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "增加记录", ...SIGNERS, "--date", "2024-03-10", "--effective", "2024-03-18"])).toMatchObject({ code: 0, stderr: "" });
    const commits = await documentCommits(repo, path);
    expect(commits.slice(5).map((c) => [c.message.split(/[:：]/)[0], c.unrevised, c.draft])).toEqual([
      ["submit the revision of QP-020 for approval (being revised, the version in force unchanged)", false, undefined],
      ["QP-020 修订稿", false, "2024-03-01"],
      ["release QP-020 A/2", false, undefined],
    ]);
    const history = (await csrInProcess(["-C", repo, "history", "QP-020"], { lang: null })).stdout.split("\n");
    expect(history.slice(2, 7).map((l) => l.split(/ {2,}/).slice(0, 4))).toEqual([
      ["版本", "日期", "生效日期", "修订内容摘要"],
      ["----", "----------", "----------", "------------"],
      ["A/0", "2024-01-10", "2024-01-10", "首次发布"],
      ["A/1", "2024-02-01", "2024-02-01", "增加期限"],
      ["A/2", "2024-03-10", "2024-03-18", "增加记录"],
    ]);
    // The draft is no "!": only the silent edit of A/0 is, and the note counts that one alone.
    expect(history.filter((l) => l.includes("修订稿"))).toEqual([expect.stringMatching(/QP-020 修订稿：增加记录 +A\/1 +修订稿（2024-03-01 送审）$/)]);
    expect(history.filter((l) => l.includes("!"))).toHaveLength(2);
    // The printed revision record has the column, every revision's own day, the header the version in force's.
    const md = await csrInProcess(["-C", repo, "render", "QP-020", "--format", "md", "--out", join(repo, "out", "QP-020.md")], { lang: null });
    expect(md.code).toBe(0);
    const record = readFileSync(join(repo, "out", "QP-020.md"), "utf8").split("\n").filter((l) => l.startsWith("| 20") || l.startsWith("| 日期"));
    expect(record.map((l) => l.split("|").slice(1, 4).map((c) => c.trim()))).toEqual([
      ["日期", "生效日期", "修订内容摘要"],
      ["2024-01-10", "2024-01-10", "首次发布"],
      ["2024-02-01", "2024-02-01", "增加期限"],
      ["2024-03-10", "2024-03-18", "增加记录"],
    ]);
  });

  it("marks the commit that gives a draft up (csr submit --withdraw, the text as released) as such, not as a change without a revision (tester54a A18, note37)", async () => {
    const repo = await scenario();
    const path = "documents/程序文件/QP-020.yaml";
    const file = join(repo, path);
    const released = readFileSync(file, "utf8");
    expect((await csrInProcess(["-C", repo, "submit", "QP-020", "--date", "2024-03-01", "-y", "--commit"])).code).toBe(0);
    writeFileSync(file, readFileSync(file, "utf8").replace("规定评审方法和期限。", "规定评审方法、期限和记录。"));
    git(repo, ["commit", "-qam", "QP-020 修订稿：增加记录"], LI);
    // The draft undone and withdrawn in one commit, as README says to give a change up; then an edit without a revision.
    writeFileSync(file, readFileSync(file, "utf8").replace("规定评审方法、期限和记录。", "规定评审方法和期限。"));
    expect(await csrInProcess(["-C", repo, "submit", "QP-020", "--withdraw", "-y"])).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(file, "utf8")).toBe(released);
    git(repo, ["commit", "-qam", "撤回 QP-020 修订稿"], LI);
    writeFileSync(file, released.replace("规定评审方法和期限。", "规定评审方法和时限。"));
    git(repo, ["commit", "-qam", "改了一个词"], LI);
    const commits = await documentCommits(repo, path);
    expect(commits.slice(5).map((c) => [c.message.split(/[:：]/)[0], c.unrevised, c.draft, c.draftWithdrawn])).toEqual([
      ["submit the revision of QP-020 for approval (being revised, the version in force unchanged)", false, undefined, undefined],
      ["QP-020 修订稿", false, "2024-03-01", undefined],
      ["撤回 QP-020 修订稿", false, undefined, "A/1"],
      ["改了一个词", true, undefined, undefined],
    ]);
    const history = (await csrInProcess(["-C", repo, "history", "QP-020"], { lang: null })).stdout.split("\n");
    expect(history.filter((l) => / 撤回 QP-020 | 改了一个词 /.test(l)).map((l) => l.split(/ {2,}/).slice(3))).toEqual([
      ["撤回 QP-020 修订稿", "A/1", "撤回修订稿，恢复为 A/1 的文本"],
      ["改了一个词", "A/1", "! 未升版即更改"],
    ]);
    // The note counts the silent edits of A/0 and of A/1 alone: the withdrawal is none.
    expect(history).toContain("A/1 发布后，有 1 个提交在没有新版本的情况下更改了这份已发布的文件（标有 !）。请用 'csr release QP-020' 发布新版本。");
  });
});
