/**
 * A revision of a released document in preparation (修订中, tester16 F12): `csr submit` on a released
 * document marks it (`revising`), the draft may be committed and checked against a base without a new
 * revision entry, while registers, prints and the document's card keep the version in force with its
 * text as released; `--draft` prints the draft; `--withdraw` only once the text is back; `csr release`
 * records the revision and removes the mark. On a real git repository whose A/0 was released by csr
 * (release tag QP-001/A-0).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo, releasedProcedure, tempDir, withoutYearCheck } from "../helpers.js";

const FILE = "documents/QP-001.yaml";
const OLD = "规定文件的编制、审批和发放。";
const NEW = "规定文件的编制、会签、审批和发放。";

const draft = ["id: QP-001", "title: 文件控制程序", "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - title: 目的", `    text: ${OLD}`, ""].join("\n");

/** QP-001 released as A/0 by csr release (tagged), then its text edited in the working tree. */
async function revisedRepo(): Promise<string> {
  const dir = gitInit(withoutYearCheck(minimalRepo({ [FILE]: draft })));
  const released = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-03-02", "-y"]);
  expect([released.code, released.stderr]).toEqual([0, ""]);
  expect(git(dir, ["tag"]).trim()).toBe("QP-001/A-0");
  writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), "utf8").replace(OLD, NEW).replace("title: 文件控制程序", "title: 文件与会签控制程序"));
  return dir;
}

const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe("csr submit on a released document (修订中)", () => {
  it("marks the revision, lets the draft be committed, and keeps the version in force in registers, prints and the card", async () => {
    const dir = await revisedRepo();
    // Unmarked, the edit is an unreleased change.
    expect(rulesOf((await checkJsonInProcess(dir, "--base", "HEAD")).findings)).toEqual(["doc/revision-not-bumped"]);
    // Without --base too: the release tag QP-001/A-0 says what was approved.
    expect(rulesOf((await checkJsonInProcess(dir)).findings)).toEqual(["doc/revision-not-bumped"]);

    const submitted = await csrInProcess(["-C", dir, "submit", "QP-001", "--by", "zhang", "--date", "2026-11-30"], { lang: "zh-CN" });
    expect([submitted.code, submitted.stderr]).toEqual([0, ""]);
    expect(submitted.stdout).toBe(
      "修订稿已送审：QP-001 文件与会签控制程序（documents/QP-001.yaml），张伟（zhang）于 2026-11-30 送审，修订中；现行版本 A/0 照常有效，登记、打印和网站都用它发布时的文本，直到 'csr release QP-001' 发布新版本。修订稿可以提交、在合并请求中会签。\n已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect(parse(readFileSync(join(dir, FILE), "utf8")).revising).toEqual({ since: "2026-11-30", by: "zhang" });
    expect((await checkJsonInProcess(dir, "--base", "HEAD")).findings).toEqual([]);
    expect((await checkJsonInProcess(dir)).findings).toEqual([]);
    git(dir, ["commit", "-qam", "QP-001 修订稿，待会签"]);
    expect((await checkJsonInProcess(dir, "--base", "HEAD~1")).findings).toEqual([]);

    const listed = await csrInProcess(["-C", dir, "list", "documents", "--format", "csv", "--today", "2026-12-01"], { lang: "zh-CN" });
    // The version in force with its content as released: its title, not the draft's.
    expect(listed.stdout).toMatch(/^.*QP-001,文件控制程序,.*A\/0,.*$/m);
    expect(listed.stdout).not.toContain("文件与会签控制程序");
    // Who submitted it (送审人, csr submit --by), in every register that says it is being revised (tester57 E19).
    expect(listed.stdout).toContain("已发布（修订中，2026-11-30 由张伟送审）");
    const procedures = await csrInProcess(["-C", dir, "list", "procedures", "--format", "csv", "--today", "2026-12-01"]);
    expect(procedures.stdout).toContain("being revised (submitted 2026-11-30 by 张伟)");
    // Before the day it was submitted, the register of that day does not say so.
    expect((await csrInProcess(["-C", dir, "list", "procedures", "--format", "csv", "--today", "2026-11-29"])).stdout).not.toContain("being revised");
    const card = await csrInProcess(["-C", dir, "show", "QP-001", "--today", "2026-12-01"]);
    expect(card.stdout).toMatch(/^ {2}Status +released \(being revised, submitted 2026-11-30 by 张伟\)$/m);
    // The card is of A/0 as released (its title, its 相关文件), and says what the draft changes (tester56 D9).
    expect(card.stdout.split("\n").slice(0, 1)).toEqual(["QP-001  文件控制程序"]);
    expect(card.stdout).toMatch(/^ {2}Being revised +since 2026-11-30 \(submitted by 张伟\), the file holds the draft of the next version; this card lists A\/0 as released \(draft: csr render QP-001 --draft\)$/m);

    const inForce = await csrInProcess(["-C", dir, "render", "QP-001", "--format", "md", "--out", join(dir, "out", "in-force.md")]);
    expect(inForce.code).toBe(0);
    expect(inForce.stderr).toBe(
      "Rendered 1 file (md, en).\nQP-001 is being revised (submitted 2026-11-30): printed is version A/0 in force, as released; print the revision draft with 'csr render QP-001 --draft'.\n",
    );
    const printed = readFileSync(join(dir, "out", "in-force.md"), "utf8");
    expect(printed).toContain(OLD);
    expect(printed).not.toContain(NEW);
    expect(printed).toContain("| A/0 |");

    const drafted = await csrInProcess(["-C", dir, "render", "QP-001", "--draft", "--format", "md", "--out", join(dir, "out", "draft.md")]);
    expect([drafted.code, drafted.stderr]).toEqual([0, "Rendered 1 file (md, en).\n"]);
    const draftText = readFileSync(join(dir, "out", "draft.md"), "utf8");
    expect(draftText).toContain(NEW);
    expect(draftText).toContain("# 文件与会签控制程序");
    expect(draftText).toContain("**【DRAFT】**");
    expect(draftText).toContain("revision draft (in force: A/0)");
    // A/0's signers did not approve the draft: its signature row has blanks to sign (________), its revision record keeps them.
    expect(draftText).toContain("| Prepared | ________ Date: ________ | Reviewed | ________ Date: ________ | Approved | ________ Date: ________ |");
    expect(printed).toContain("| Prepared | 张伟 2026-03-02 | Reviewed | 李娜 2026-03-02 | Approved | 王强 2026-03-02 |");

    const copy = await csrInProcess(["-C", dir, "render", "QP-001", "--draft", "--copy", "1"]);
    expect([copy.code, copy.stderr]).toEqual([2, "csr: --draft does not go with --copy: a controlled copy is of the version in force, not of the revision draft.\n"]);

    const again = await csrInProcess(["-C", dir, "submit", "QP-001"]);
    expect([again.code, again.stderr]).toEqual([
      2,
      "csr: The revision of QP-001 was submitted on 2026-11-30 and is still being revised.\nhint: Once countersigned and approved, 'csr release QP-001' issues the new version; to give the revision up, 'csr submit QP-001 --withdraw'.\n",
    ]);

    const released = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "增加会签", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-01", "-y"]);
    expect([released.code, released.stderr]).toEqual([0, ""]);
    const after = parse(readFileSync(join(dir, FILE), "utf8"));
    expect(after.revising).toBeUndefined();
    expect(after.revisions.map((r: { version: string }) => r.version)).toEqual(["A/0", "A/1"]);
    const printedA1 = await csrInProcess(["-C", dir, "render", "QP-001", "--format", "md", "--out", join(dir, "out", "a1.md")]);
    expect(printedA1.stderr).toBe("Rendered 1 file (md, en).\n");
    expect(readFileSync(join(dir, "out", "a1.md"), "utf8")).toContain(NEW);
  });

  it("lists the revision in review as 审批中 beside the version in force: csr list documents --status in-review, and the export's 在编文件 holds it as a row csr import reads as a revision, not a new document (tester49 #14, note32)", async () => {
    const dir = await revisedRepo();
    expect((await csrInProcess(["-C", dir, "submit", "QP-001", "--by", "zhang", "--date", "2026-11-30"])).code).toBe(0);
    git(dir, ["commit", "-qam", "QP-001 修订稿，待会签"]);
    // A content change of the draft says it goes with the release, and not also that it is register data (tester57 E16).
    const remarked = await csrInProcess(["-C", dir, "set", "QP-001", "--remarks", "会签后发布"], { lang: "zh-CN" });
    expect(remarked.stdout.split("\n").slice(2)).toEqual(["QP-001 已发布，备注印在文件上，属于文件内容：请发布新版本（'csr release QP-001 --summary ...'）。", "已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。", ""]);
    git(dir, ["commit", "-qam", "备注"]);
    const listed = await csrInProcess(["-C", dir, "list", "documents", "--status", "in-review", "--today", "2026-12-01"], { lang: "zh-CN" });
    expect(listed.stdout.split("\n").filter((l) => /文件清单|QP-001|修订稿在审批中/.test(l)).map((l) => l.replace(/ {2,}/g, " | ").trim())).toEqual([
      "文件清单（审批中，共 1 份）",
      "1 | 二级 | QP-001 | 文件控制程序 | 品质部 | A/0 | 审批中（A/0 的修订稿，2026-11-30 由张伟送审；现行版本 A/0 仍有效）",
      "已发布文件的修订稿在审批中（QP-001）：列为审批中，版本栏是现行版本，签署和日期待修订稿发布时填写；修订稿发布前，现行版本仍在受控文件清单中有效使用。",
    ]);
    // Not yet submitted on the day of the register: not in review.
    expect((await csrInProcess(["-C", dir, "list", "documents", "--status", "in-review", "--today", "2026-11-29"], { lang: "zh-CN" })).stdout).toContain("文件清单（审批中，共 0 份）");
    const book = join(tempDir(), "registers.xlsx");
    expect((await csrInProcess(["-C", dir, "export", "--out", book], { lang: null })).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const rows: string[] = [];
    workbook.getWorksheet("在编文件")?.eachRow((row) => {
      rows.push([...new Set((row.values as unknown[]).filter((v) => v !== null && v !== undefined && v !== "").map(String))].join(" | "));
    });
    // A row, as in the list of documents in review: its status says whose revision it is (note32 left-out).
    expect(rows.filter((r) => /在编文件清单|QP-001/.test(r))).toEqual([
      "在编文件清单（草稿及审批中，共 1 份）",
      "1 | 二级 | QP-001 | 文件控制程序 | 品质部 | A/0 | 审批中（A/0 的修订稿，2026-11-30 由张伟送审；现行版本 A/0 仍有效）",
      "已发布文件的修订稿在审批中（QP-001）：列为审批中，版本栏是现行版本，签署和日期待修订稿发布时填写；修订稿发布前，现行版本仍在受控文件清单中有效使用。",
    ]);
    // csr import --sheet 在编文件 reads the row as the revision of a document, not a new document, and says so: in the
    // repository that marks it, nothing to import; in one without QP-001, refused with what to do.
    const imported = async (into: string) => {
      const result = await csrInProcess(["-C", into, "import", book, "--as", "documents", "--sheet", "在编文件", "--dry-run"], { lang: "zh-CN" });
      return { code: result.code, lines: result.stdout.split("\n").filter((l) => /^第 \d+ 行|导入 \d+ 行/.test(l)) };
    };
    expect(await imported(dir)).toEqual({
      code: 0,
      lines: ["第 3 行：QP-001：这一行是已发布文件的修订稿（现行版本 A/0，2026-11-30 送审），不是新文件；仓库中的 QP-001 已标记修订中（2026-11-30 送审），与该行相同，无需导入", "将导入 1 行中的 0 行。"],
    });
    // A register that names another submitter than the repository records is said, not taken over the file.
    const other = join(tempDir(), "在编文件.csv");
    writeFileSync(other, "序号,层级,文件编号,文件名称,部门,版本,状态\n1,二级,QP-001,文件控制程序,品质部,A/0,审批中（A/0 的修订稿，2026-11-30 由李娜送审；现行版本 A/0 仍有效）\n");
    const differs = await csrInProcess(["-C", dir, "import", other, "--as", "documents", "--dry-run"], { lang: "zh-CN" });
    expect(differs.stdout.split("\n").filter((l) => /^第 \d+ 行/.test(l))).toEqual([
      "第 2 行：QP-001：这一行是已发布文件的修订稿（现行版本 A/0，2026-11-30 由李娜送审），不是新文件；仓库中的 QP-001 已标记修订中（2026-11-30 送审），送审人记为张伟，与该行不同：仓库未改动。请核对送审记录；仓库记录有误的，更正 documents/QP-001.yaml 中 revising 的 by",
    ]);
    expect(await imported(gitInit(withoutYearCheck(minimalRepo())))).toEqual({
      code: 1,
      lines: [
        "第 3 行：QP-001：这一行是已发布文件的修订稿（现行版本 A/0，2026-11-30 送审），不是新文件；仓库中没有 QP-001。请先导入列有其现行版本 A/0 的受控文件清单，再把修订稿写入 documents/QP-001.yaml，用 'csr submit QP-001 --date 2026-11-30' 标记修订中（该行未导入）",
        "将导入 1 行中的 0 行；拒绝 1 行，与现有文件冲突 0 处。",
      ],
    });
  });

  it("reads the status of a revision in review in either language, as typed: the version in force and the day submitted", async () => {
    const { revisionInReview } = await import("../../src/import/plan.js");
    expect([
      revisionInReview("审批中（A/0 的修订稿，2026-11-30 送审；现行版本 A/0 仍有效）"),
      revisionInReview("审批中(B/1的修订稿, 2026-12-01送审; 现行版本B/1仍有效)"),
      revisionInReview("in review (revision of A/2, submitted 2026-11-30; A/2 stays in force)"),
      revisionInReview("审批中（A/0 的修订稿，2026-11-30 送审；现行版本 A/1 仍有效）"),
      revisionInReview("审批中"),
      revisionInReview("审批中（A/3 的修订稿，2027-03-31 送审；现行版本 A/2 仍有效，A/3 于 2027-04-01 实施）"),
      revisionInReview("in review (revision of A/3, submitted 2027-03-31; A/2 stays in force, A/3 from 2027-04-01)"),
      // With its submitter (送审人, tester57 E19), spaces taken out as from the rest.
      revisionInReview("审批中（A/0 的修订稿，2026-11-30 由张伟送审；现行版本 A/0 仍有效）"),
      revisionInReview("审批中（A/3 的修订稿，2027-03-31 由 张 伟 送审；现行版本 A/2 仍有效，A/3 于 2027-04-01 实施）"),
      revisionInReview("in review (revision of A/2, submitted 2026-11-30 by Zhang Wei; A/2 stays in force)"),
    ]).toEqual([
      { version: "A/0", since: "2026-11-30" },
      { version: "B/1", since: "2026-12-01" },
      { version: "A/2", since: "2026-11-30" },
      undefined,
      undefined,
      { version: "A/3", since: "2027-03-31" },
      { version: "A/3", since: "2027-03-31" },
      { version: "A/0", since: "2026-11-30", by: "张伟" },
      { version: "A/3", since: "2027-03-31", by: "张伟" },
      { version: "A/2", since: "2026-11-30", by: "ZhangWei" },
    ]);
  });

  it("says both marks of a version 待实施 whose next revision is already in review, and which version is in force until then (tester56 D9)", async () => {
    const dir = await revisedRepo();
    for (const id of ["QP-002", "QP-003"]) {
      writeFileSync(join(dir, `documents/${id}.yaml`), draft.replaceAll("QP-001", id));
      expect((await csrInProcess(["-C", dir, "release", id, "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-03-02", "-y"])).code).toBe(0);
    }
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), "utf8") + "related: [QP-002]\n");
    const released = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "增加会签", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-01", "--effective", "2026-12-20", "-y"]);
    expect([released.code, released.stderr]).toEqual([0, ""]);
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), "utf8").replace("related: [QP-002]", "related: [QP-003]"));
    expect((await csrInProcess(["-C", dir, "submit", "QP-001", "--date", "2026-12-02"])).code).toBe(0);
    const zh = async (...args: string[]) => (await csrInProcess(["-C", dir, ...args, "--today", "2026-12-05"], { lang: "zh-CN" })).stdout;
    // The status names the version in force first (tester61 L11); the procedure list's 版本 is A/0, in force, and 备注 names A/1 to come (breaker62 P8).
    const status = "已发布（A/0 现行；A/1 待实施，2026-12-20 实施）；修订中（2026-12-02 送审）";
    expect((await zh("list", "documents", "--format", "csv")).split("\n").filter((l) => l.includes("QP-001"))[0]).toContain(`,${status},`);
    expect((await zh("list", "procedures", "--format", "csv")).split("\n").filter((l) => l.includes("QP-001"))[0]!.trimEnd()).toMatch(/,A\/0,[^,]*,[^,]*,[^,]*,2026-03-02,A\/1 待实施（2026-12-20 实施）；修订中（2026-12-02 送审）$/);
    expect((await zh("list", "documents", "--status", "in-review", "--format", "csv")).split("\n").filter((l) => l.includes("QP-001"))[0]).toContain(",审批中（A/1 的修订稿，2026-12-02 送审；现行版本 A/0 仍有效，A/1 于 2026-12-20 实施）,");
    const card = (await zh("show", "QP-001")).split("\n");
    expect(card.filter((l) => /^ {2}(状态|修订中|现行版本|相关文件) /.test(l)).map((l) => l.trim().replace(/ {2,}/g, " | "))).toEqual([
      `状态 | ${status}`,
      "修订中 | 2026-12-02 起修订，文件中是下一版的修订稿；本卡片所列为 A/1 发布时的内容；修订稿另增相关文件 QP-003；删去相关文件 QP-002（修订稿：csr render QP-001 --draft）",
      "现行版本 | A/0；A/1 待实施（2026-12-20 实施）",
      "相关文件 | QP-002 文件控制程序",
    ]);
  });

  it("gives a revision up only once the text is back to the version in force", async () => {
    const dir = await revisedRepo();
    expect((await csrInProcess(["-C", dir, "submit", "QP-001"])).code).toBe(0);
    const before = readFileSync(join(dir, FILE), "utf8");
    const refused = await csrInProcess(["-C", dir, "submit", "QP-001", "--withdraw"]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      "csr: The text of QP-001 differs from version A/0 in force as released: given up, the revision would leave unreleased changes in the released document.\n" +
        "hint: To drop the draft, restore documents/QP-001.yaml to the text A/0 was released with first (git checkout QP-001/A-0 -- documents/QP-001.yaml; without that tag, git log -- documents/QP-001.yaml finds the commit that recorded A/0), then give the revision up; to issue it, 'csr release QP-001'.\n",
    ]);
    expect(readFileSync(join(dir, FILE), "utf8")).toBe(before);
    // The text restored, the mark is taken away and the document is as released.
    writeFileSync(join(dir, FILE), before.replace(NEW, OLD).replace("title: 文件与会签控制程序", "title: 文件控制程序"));
    const withdrawn = await csrInProcess(["-C", dir, "submit", "QP-001", "--withdraw"]);
    expect([withdrawn.code, withdrawn.stderr, withdrawn.stdout]).toEqual([0, "", "Revision given up: QP-001 文件控制程序 (documents/QP-001.yaml), no longer being revised; version A/0 in force.\n"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const notRevising = await csrInProcess(["-C", dir, "submit", "QP-001", "--withdraw"]);
    expect(notRevising.stderr).toBe(
      "csr: QP-001 is released, not in review: there is nothing to return.\nhint: QP-001 is not being revised: there is no revision to give up. Revise it and 'csr release QP-001' a new version, or 'csr obsolete QP-001' when it is no longer used.\n",
    );
    const draftOfNothing = await csrInProcess(["-C", dir, "render", "QP-001", "--draft"]);
    expect([draftOfNothing.code, draftOfNothing.stderr]).toEqual([2, "csr: QP-001 is not being revised: --draft is for a released document being revised ('csr submit QP-001').\n"]);
  });

  it("says so, and shows the draft stamped DRAFT, when git never had the text in force (the first commit already held the draft)", async () => {
    // Adopted mid-revision: A/0 was released on paper; the file committed first is already the draft, marked 修订中.
    const file = releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: NEW }).replace("sections:", "revising: { since: 2026-11-30, by: zhang }\nsections:");
    const dir = gitInit(withoutYearCheck(minimalRepo({ [FILE]: file })));
    const unread = "QP-001 is being revised, but the text of version A/0 in force as released could not be read from git (tag QP-001/A-0): printed is the revision draft in its file, stamped DRAFT.\n";
    const rendered = await csrInProcess(["-C", dir, "render", "QP-001", "--format", "md", "--out", join(dir, "out", "qp.md"), "--today", "2026-12-01"]);
    expect([rendered.code, rendered.stderr]).toEqual([0, `Rendered 1 file (md, en).\n${unread}`]);
    const printed = readFileSync(join(dir, "out", "qp.md"), "utf8");
    expect(printed).toContain("**【DRAFT】**");
    expect(printed).toContain("revision draft (in force: A/0)");

    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-01"])).code).toBe(0);
    const page = readFileSync(join(out, "documents", readdirSync(join(out, "documents")).find((name) => name.startsWith("QP-001"))!), "utf8");
    expect(page).toContain("<h2>Being revised: this page shows the draft</h2>");
    expect(page).toContain(
      "QP-001 is being revised (submitted 2026-11-30), but git does not have the text of version A/0 in force as released (tag QP-001/A-0): this page shows the revision draft in its file, stamped DRAFT, not the text in force.",
    );
    expect(page).toContain(NEW);
    expect(page).toContain("revision draft (in force: A/0)");
  });
});
