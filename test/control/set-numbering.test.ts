/**
 * csr set (a document's clauses, forms and record keeping) and csr numbering add (a numbering
 * family in qms.yaml): the document controller's metadata edits as commands, on real git
 * repositories. Clauses and record keeping are register data, forms controlled content
 * (model/revision.ts REGISTER_FIELDS): what csr check --base and csr release make of each.
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { addNumbering } from "../../src/commands/numbering/add.js";
import { setDocument } from "../../src/commands/set/index.js";
import { capture } from "../csr/fixture.js";
import { checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";
import { today } from "../today.js";

/** The line csr set / csr new --used-by print when they mark a released document 修订中 (tester54a A2). */
const marked = (id: string) =>
  `${id} 现标记为修订中（${today()} 起，同 'csr submit ${id}'）：文件中是其下一版的修订稿，现行版本 A/0 照常有效，登记、受控副本和网站都用它发布时的文本，直到 'csr release ${id}' 发布新版本；不改了，撤销更改后用 'csr submit ${id} --withdraw' 取消修订。`;

const signed = (date: string) =>
  ["revisions:", "  - version: A/0", `    date: ${date}`, "    summary: 首次发布", `    prepared: {by: zhang, date: ${date}}`, `    reviewed: {by: li, date: ${date}}`, `    approved: {by: wang, date: ${date}}`];

const PROCEDURE = [
  "id: QP-001",
  "title: 生产过程控制程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "clauses: [IATF16949:8.5.1, IATF16949:8.5.1.1]  # 条款对照表",
  "status: released",
  "effective: 2024-03-01",
  ...signed("2024-03-01"),
  "related: []",
  "forms: [QR-001-01]",
  "sections:",
  "  - title: 目的",
  "    text: 在受控条件下组织生产。",
  "",
].join("\n");

/** A released form as an import writes it from a register without a retention column. */
const form = (id: string, title: string, extra: string[] = []) =>
  [`id: ${id}`, `title: ${title}`, "level: 4", "kind: form", "department: QA", "status: released", "effective: 2024-03-01", ...signed("2024-03-01"), ...extra, ""].join("\n");

function repo(): string {
  return gitInit(
    minimalRepo({
      "documents/QP-001.yaml": PROCEDURE,
      "documents/QR-001-01.yaml": form("QR-001-01", "首件检验记录"),
      "documents/WI-001.yaml": form("WI-001", "首件检验作业指导书").replace("level: 4\nkind: form", "level: 3\nkind: instruction"),
      "documents/QR-001-02.yaml": form("QR-001-02", "巡检记录", ["record: {retention: 3年, medium: paper, location: 品质部}"]),
      "documents/QR-009-01.yaml": form("QR-009-01", "旧巡检记录", ["record: {retention: 3年}"]).replace("status: released", "status: obsolete") +
        "obsolete: {date: 2024-06-01, reason: 换版, superseded_by: QR-001-02}\n",
    }),
  );
}

/** One repository for the tests that write nothing, made when the first of them runs. */
function shared(make: () => string): () => string {
  let dir: string | undefined;
  return () => (dir ??= make());
}
const untouched = shared(repo);

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const head = (dir: string) => git(dir, ["rev-parse", "HEAD"]).trim();
const rulesAt = async (dir: string, base: string) => (await checkJsonInProcess(dir, "--base", base)).findings.map((f) => `${f.file} ${f.rule}`);

describe("csr set <document> --remarks (备注, tester54a A8)", () => {
  it("changes a draft's remarks, and a released document's as the draft of its next revision, marked 修订中; \"\" removes them", async () => {
    const dir = repo();
    writeFileSync(join(dir, "documents/WI-001.yaml"), read(dir, "documents/WI-001.yaml").replace(/status: released\neffective: 2024-03-01\nrevisions:[\s\S]*$/, "status: draft\nremarks: 新编，计划2026年12月发布。\n"));
    const draft = await csrInProcess(["-C", dir, "set", "WI-001", "--remarks", " 新编。 "], { lang: null });
    expect(draft).toEqual({ code: 0, stdout: "已修改 WI-001 首件检验作业指导书（documents/WI-001.yaml）：\n  备注：新编。（原为 新编，计划2026年12月发布。）\n已写入 documents/WI-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect(read(dir, "documents/WI-001.yaml")).toMatch(/\nstatus: draft\nremarks: 新编。\n$/);
    const released = await csrInProcess(["-C", dir, "set", "QP-001", "--remarks", "适用于全部产线"], { lang: null });
    expect(released.stdout).toBe(
      `已修改 QP-001 生产过程控制程序（documents/QP-001.yaml）：\n  备注：适用于全部产线\nQP-001 已发布，备注印在文件上，属于文件内容：请发布新版本（'csr release QP-001 --summary ...'）。\n${marked("QP-001")}\n已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n`,
    );
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE.replace("effective: 2024-03-01\n", `effective: 2024-03-01\nrevising:\n  since: ${today()}\n`) + "remarks: 适用于全部产线\n");
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--remarks", ""], { lang: null })).stdout.split("\n")[1]).toBe("  备注：删除（原为 适用于全部产线）");
    expect(read(dir, "documents/QP-001.yaml")).not.toContain("remarks");
  });
});

describe("csr set <document> --title-en (register data, tester23 F5)", () => {
  it("gives a released procedure an English title without a new revision, which the English register prints, and removes it with \"\"", async () => {
    const dir = repo();
    const base = head(dir);
    const result = await csrInProcess(["-C", dir, "set", "QP-001", "--title-en", " Production Process Control Procedure ", "--commit"], { lang: null });
    expect(result.stderr).toBe("");
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    expect(result.stdout).toBe(
      [
        "已修改 QP-001 生产过程控制程序（documents/QP-001.yaml）：",
        "  英文标题：Production Process Control Procedure",
        "这些是 QP-001 的登记数据，不属于文件内容，不需要发布新版本。",
        `已提交 ${hash}：csr set QP-001：英文标题 Production Process Control Procedure`,
        "",
      ].join("\n"),
    );
    // After the title, where csr new writes it.
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE.replace("title: 生产过程控制程序\n", "title: 生产过程控制程序\ntitle_en: Production Process Control Procedure\n"));
    expect(await rulesAt(dir, base)).not.toContain("documents/QP-001.yaml doc/revision-not-bumped");
    const register = await csrInProcess(["-C", dir, "list", "procedures", "--lang", "en"]);
    expect(register.stdout).toContain("Production Process Control Procedure");
    expect(register.stdout).not.toContain("生产过程控制程序");
    const removed = await csrInProcess(["-C", dir, "set", "QP-001", "--title-en", ""], { lang: null });
    expect(removed.stdout).toContain("  英文标题：删除（原为 Production Process Control Procedure）\n");
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE);
  });
});

describe("csr set: clauses (register data)", () => {
  it("adds and removes clauses of a released procedure without a new revision, and commits them", async () => {
    const dir = repo();
    const base = head(dir);
    const result = await csrInProcess(["-C", dir, "set", "QP-001", "--add-clause", "8.5.2,IATF16949:8.5.1.3", "--remove-clause", "8.5.1.1", "--commit"], { lang: null });
    expect(result.stderr).toBe("");
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    expect(result.stdout).toBe(
      [
        "已修改 QP-001 生产过程控制程序（documents/QP-001.yaml）：",
        "  条款：增加 IATF16949:8.5.2、IATF16949:8.5.1.3；删除 IATF16949:8.5.1.1",
        "这些是 QP-001 的登记数据，不属于文件内容，不需要发布新版本。",
        `已提交 ${hash}：csr set QP-001：条款 增加 IATF16949:8.5.2、IATF16949:8.5.1.3；删除 IATF16949:8.5.1.1`,
        "",
      ].join("\n"),
    );
    // Kept in clause order, as the list was; the comment stays (one space before it, as csr writes a changed line).
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE.replace("clauses: [IATF16949:8.5.1, IATF16949:8.5.1.1]", "clauses: [IATF16949:8.5.1, IATF16949:8.5.1.3, IATF16949:8.5.2]").replace("]  #", "] #"));
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(await rulesAt(dir, base)).not.toContain("documents/QP-001.yaml doc/revision-not-bumped");
    // Nor does csr release take it for a change of content.
    const release = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "改条款", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2024-05-01", "-y"]);
    expect(release.stderr.split("\n")[0]).toBe(`csr: QP-001 has not changed since its release A/0 (commit ${base.slice(0, 7)}, which added that revision); a new revision records a change.`);
    expect(release.code).toBe(2);
  });

  it("replaces the whole list with --clauses, and removes it with --clauses \"\"", async () => {
    const dir = repo();
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--clauses", "IATF16949:8.5.6, 8.5.6.1"])).stdout).toBe(
      "Updated QP-001 生产过程控制程序 (documents/QP-001.yaml):\n  Clauses: added IATF16949:8.5.6, IATF16949:8.5.6.1; removed IATF16949:8.5.1, IATF16949:8.5.1.1\nThese are register data of QP-001, not its content: no new revision is needed.\nWrote documents/QP-001.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect(read(dir, "documents/QP-001.yaml")).toContain("clauses: [IATF16949:8.5.6, IATF16949:8.5.6.1] # 条款对照表\n");
    await csrInProcess(["-C", dir, "set", "QP-001", "--clauses", ""]);
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE.replace("clauses: [IATF16949:8.5.1, IATF16949:8.5.1.1]  # 条款对照表\n", ""));
    await csrInProcess(["-C", dir, "set", "QP-001", "--add-clause", "8.5.1"]);
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE.replace("clauses: [IATF16949:8.5.1, IATF16949:8.5.1.1]  # 条款对照表", "clauses: [IATF16949:8.5.1]"));
    // As registers write clauses (csr add --clause and csr new --clause take the same): the standard's name with a space, several after it.
    await csrInProcess(["-C", dir, "set", "QP-001", "--add-clause", "IATF 16949 8.5.2、8.5.4"]);
    await csrInProcess(["-C", dir, "set", "QP-001", "--remove-clause", "IATF 16949 8.5.1"]);
    expect(read(dir, "documents/QP-001.yaml")).toContain("clauses: [IATF16949:8.5.2, IATF16949:8.5.4]\n");
    expect((await csrInProcess(["-C", dir, "new", "procedure", "--title", "特殊特性管理程序", "--department", "QA", "--clause", "8.3.3.3", "--clause", "IATF 16949 8.3.3.1", "-y"])).stderr).toBe("");
    expect(read(dir, "documents/QP-002.yaml")).toContain("clauses:\n  - IATF16949:8.3.3.3\n  - IATF16949:8.3.3.1\n");
    expect(await csrInProcess(["-C", dir, "new", "procedure", "--title", "特殊特性管理程序", "--department", "QA", "--clause", "第8.5条", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --clause 第8.5条: write a clause as STANDARD:CLAUSE, e.g. IATF16949:8.3.3.3.\n",
    });
  });

  it.each([
    [["--add-clause", "8.5.9"], "csr: --add-clause 8.5.9: IATF 16949:2016 has no such clause; the nearest parent clause is IATF16949:8.5.\n"],
    [["--add-clause", "GJB9001C:8.3.7"], "csr: --add-clause GJB9001C:8.3.7: the standard GJB9001C is not in scope (standards in qms.yaml: IATF16949).\n"],
    [["--add-clause", "第8.5条"], "csr: --add-clause 第8.5条: write a clause as STANDARD:CLAUSE, e.g. IATF16949:8.3.3.3.\n"],
    [["--add-clause", "8.5.1"], "csr: QP-001 lists clause IATF16949:8.5.1 already.\n"],
    [["--remove-clause", "8.5.2"], "csr: QP-001 does not list clause IATF16949:8.5.2 (it lists: IATF16949:8.5.1, IATF16949:8.5.1.1). Did you mean 'IATF16949:8.5.1'?\n"],
    [["--clauses", "8.5.1", "--add-clause", "8.5.2"], "csr: --clauses gives the whole list; it cannot be combined with --add-clause or --remove-clause.\n"],
    [[], "csr: QP-001: nothing to change was given.\nhint: Use --clauses, --add-clause, --remove-clause for clauses, --processes, --add-process, --remove-process for processes, --add-form, --remove-form for related records, --add-related, --remove-related for related documents, --retention, --medium, --location (--retention-en, --location-en for English registers) for a form's record keeping, --remarks for the remarks (备注), --edition with --received for an external document's new edition.\n"],
  ])("refuses %j in one line, writing nothing", async (args, stderr) => {
    const dir = untouched();
    expect(await csrInProcess(["-C", dir, "set", "QP-001", ...args])).toEqual({ code: 2, stdout: "", stderr });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("links a document to processes of the process map, by code or name, refusing one processes.yaml does not have", async () => {
    const dir = repo();
    writeFileSync(
      join(dir, "processes.yaml"),
      "processes:\n  - {code: C3, name: 生产过程控制, type: customer-oriented}\n  - {code: S2, name: 文件和记录控制, type: support}\n",
    );
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--add-process", "C3,文件和记录控制"], { lang: null })).stdout).toBe(
      "已修改 QP-001 生产过程控制程序（documents/QP-001.yaml）：\n  过程：增加 C3、S2\n这些是 QP-001 的登记数据，不属于文件内容，不需要发布新版本。\n已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect(read(dir, "documents/QP-001.yaml")).toContain("department: QA\nprocesses: [C3, S2]\nclauses:");
    expect(await csrInProcess(["-C", dir, "set", "QP-001", "--add-process", "C4"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --add-process C4: processes.yaml has no such process. Did you mean 'C3'?\nhint: The processes and their codes are in processes.yaml; 'csr process add' adds one.\n",
    });
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--remove-process", "S9"])).stderr).toBe("csr: QP-001 does not list process S9 (it lists: C3, S2). Did you mean 'S2'?\n");
    await csrInProcess(["-C", dir, "set", "QP-001", "--processes", ""]);
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE);

    // At a terminal without a field option: which field, then its whole new value, the present one offered.
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const ctx = capture(dir);
    const done = setDocument(ctx, "QP-001", {}, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("What to change in QP-001");
    expect(screen.getScreen()).toContain("❯ Clauses\n  Processes\n  Related records");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Processes (the whole list, comma-separated)");
    screen.type("S2");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n")[1]).toBe("  Processes: added S2");
    expect(read(dir, "documents/QP-001.yaml")).toContain("department: QA\nprocesses: [S2]\n");
  });

  it("asks for the standard of a bare clause number when several are in scope", async () => {
    const dir = repo();
    writeFileSync(join(dir, "qms.yaml"), read(dir, "qms.yaml").replace("standards: [IATF16949]", "standards: [IATF16949, GJB9001C]"));
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--add-clause", "8.3.7"])).stderr).toBe(
      "csr: --add-clause 8.3.7: several standards are in scope; name the standard, e.g. IATF16949:8.3.7 or GJB9001C:8.3.7.\n",
    );
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--add-clause", "GJB9001C:8.3.7"])).stdout.split("\n")[1]).toBe("  Clauses: added GJB9001C:8.3.7");
  });
});

describe("csr set: forms (controlled content)", () => {
  it("writes a released procedure's new forms list and leaves it for the new revision to commit", async () => {
    const dir = repo();
    const base = head(dir);
    const result = await csrInProcess(["-C", dir, "set", "QP-001", "--add-form", "QR-001-02", "--remove-form", "QR-001-01", "--commit"], { lang: null });
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已修改 QP-001 生产过程控制程序（documents/QP-001.yaml）：",
        "  相关记录：增加 QR-001-02；删除 QR-001-01",
        "QP-001 已发布，相关记录属于文件内容：请发布新版本（'csr release QP-001 --summary ...'）；此更改未提交，留待发布时一并提交。",
        marked("QP-001"),
        "已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    // The new list is the draft of the next revision, marked as csr submit marks one (tester54a A2): the registers and controlled copies keep A/0 as released.
    expect(read(dir, "documents/QP-001.yaml")).toBe(PROCEDURE.replace("forms: [QR-001-01]", "forms: [QR-001-02]").replace("effective: 2024-03-01\n", `effective: 2024-03-01\nrevising:\n  since: ${today()}\n`));
    expect(head(dir)).toBe(base);
    expect((await csrInProcess(["-C", dir, "list", "procedures", "--format", "csv"], { lang: null })).stdout).toContain(`1,生产过程控制程序,QP-001,A/0,张伟,李娜,王强,2024-03-01,修订中（${today()} 送审）`);
    const release = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "更换首件检验记录", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2024-05-01", "-y"]);
    expect(release.stdout).toMatch(/^Released QP-001 A\/1 \(documents\/QP-001\.yaml\): commit [0-9a-f]{7}, tag QP-001\/A-1\.\n/);
    expect(await rulesAt(dir, base)).not.toContain("documents/QP-001.yaml doc/revision-not-bumped");
  });

  it.each([
    [["--add-form", "QR-001-03"], "csr: No form 'QR-001-03' in the repository. Did you mean 'QR-001-01'?\n"],
    [["--add-form", "QP-001"], "csr: QP-001 is of kind procedure, not a form; related records list forms only.\n"],
    [["--add-form", "QR-009-01"], "csr: QR-009-01 was withdrawn on 2024-06-01 and replaced by QR-001-02; list QR-001-02.\n"],
    [["--add-form", "QR-001-01"], "csr: QP-001 lists QR-001-01 among its related records already.\n"],
    [["--remove-form", "QR-001-02"], "csr: QP-001 does not list QR-001-02 among its related records (it lists: QR-001-01). Did you mean 'QR-001-01'?\n"],
    [["--add-form", "QR-001-02", "--remove-form", "QR-001-02"], "csr: QR-001-02 cannot be both added and removed.\n"],
  ])("refuses %j in one line, writing nothing", async (args, stderr) => {
    const dir = untouched();
    expect(await csrInProcess(["-C", dir, "set", "QP-001", ...args])).toEqual({ code: 2, stdout: "", stderr });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("lists work instructions as related documents (相关文件): csr set --add-related, csr new --used-by", async () => {
    const dir = repo();
    const result = await csrInProcess(["-C", dir, "set", "QP-001", "--add-related", "WI-001"], { lang: null });
    expect(result.stdout).toBe(
      `已修改 QP-001 生产过程控制程序（documents/QP-001.yaml）：\n  相关文件：增加 WI-001\nQP-001 已发布，相关文件属于文件内容：请发布新版本（'csr release QP-001 --summary ...'）。\n${marked("QP-001")}\n已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n`,
    );
    const revising = (text: string) => text.replace("effective: 2024-03-01\n", `effective: 2024-03-01\nrevising:\n  since: ${today()}\n`);
    expect(read(dir, "documents/QP-001.yaml")).toBe(revising(PROCEDURE.replace("related: []", "related: [WI-001]")));
    expect((await csrInProcess(["-C", dir, "numbering", "add", "WI-###", "--kind", "instruction", "-y"])).code).toBe(0);
    const made = await csrInProcess(["-C", dir, "new", "instruction", "--title", "巡检作业指导书", "--department", "QA", "--used-by", "QP-001", "-y"], { lang: null });
    expect([made.stderr, made.stdout.split("\n")[1]]).toEqual(["", "QP-001 的相关文件中已加入 WI-002；请为此发布 QP-001 的新版本。"]);
    expect(read(dir, "documents/QP-001.yaml")).toBe(revising(PROCEDURE.replace("related: []", "related: [WI-001, WI-002]")));
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--remove-related", "WI-001"])).stdout).toContain("  Related documents: removed WI-001\n");
  });

  it.each([
    [["--add-related", "QR-001-02"], "csr: QR-001-02 is a form: forms are listed as related records; use --add-form QR-001-02.\n"],
    [["--add-related", "QP-001"], "csr: QP-001 cannot list itself as a related document.\n"],
    [["--add-related", "WI-011"], "csr: No document 'WI-011' in the repository. Did you mean 'WI-001'?\n"],
    [["--remove-related", "WI-001"], "csr: QP-001 does not list WI-001 among its related documents (it lists: none).\n"],
  ])("refuses related documents %j in one line, writing nothing", async (args, stderr) => {
    const dir = untouched();
    expect(await csrInProcess(["-C", dir, "set", "QP-001", ...args])).toEqual({ code: 2, stdout: "", stderr });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("gives a form no forms, and changes no content of a withdrawn document", async () => {
    const dir = repo();
    expect((await csrInProcess(["-C", dir, "set", "QR-001-01", "--add-form", "QR-001-02"])).stderr).toBe("csr: QR-001-01 is a document of kind form and has no related records (forms).\n");
    writeFileSync(join(dir, "documents/QP-001.yaml"), PROCEDURE.replace("status: released", "status: obsolete") + "obsolete: {date: 2024-06-01, reason: 停用}\n");
    expect((await csrInProcess(["-C", dir, "set", "QP-001", "--remove-form", "QR-001-01"])).stderr).toBe("csr: QP-001 was withdrawn on 2024-06-01; its content no longer changes.\n");
  });
});

describe("csr set: a form's record keeping (register data)", () => {
  it("gives a form imported as released its retention period without a new revision", async () => {
    const dir = repo();
    const base = head(dir);
    expect(await rulesAt(dir, base)).toContain("documents/QR-001-01.yaml doc/record-retention-missing");
    const result = await csrInProcess(["-C", dir, "set", "QR-001-01", "--retention", "产品寿命期+1年", "--medium", "纸质", "--location", "品质部档案室", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    expect(result.stdout).toBe(
      [
        "已修改 QR-001-01 首件检验记录（documents/QR-001-01.yaml）：",
        "  保存期限：产品寿命期+1年",
        "  保存方式：纸质",
        "  存放地点：品质部档案室",
        "这些是 QR-001-01 的登记数据，不属于文件内容，不需要发布新版本。",
        `已提交 ${hash}：csr set QR-001-01：保存期限 产品寿命期+1年；保存方式 纸质；存放地点 品质部档案室`,
        "",
      ].join("\n"),
    );
    expect(read(dir, "documents/QR-001-01.yaml")).toBe(form("QR-001-01", "首件检验记录", ["record: {retention: 产品寿命期+1年, medium: paper, location: 品质部档案室}"]));
    expect((await rulesAt(dir, base)).filter((r) => r.startsWith("documents/QR-001-01.yaml"))).toEqual([]);
  });

  it("changes one field of an existing record, naming what it was; keeps a withdrawn form's records", async () => {
    const dir = repo();
    expect((await csrInProcess(["-C", dir, "set", "QR-001-02", "--retention", "5年", "--medium", "paper"])).stdout).toBe(
      "Updated QR-001-02 巡检记录 (documents/QR-001-02.yaml):\n  Retention: 5年 (was 3年)\nThese are register data of QR-001-02, not its content: no new revision is needed.\nWrote documents/QR-001-02.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect(read(dir, "documents/QR-001-02.yaml")).toContain("record: {retention: 5年, medium: paper, location: 品质部}\n");
    // Records filled in on a withdrawn form are still kept.
    expect((await csrInProcess(["-C", dir, "set", "QR-009-01", "--location", "档案室"])).stdout.split("\n")[1]).toBe("  Location: 档案室");
    expect((await csrInProcess(["-C", dir, "set", "QR-001-02", "--retention", "5年"])).stdout).toBe("QR-001-02 is like that already; nothing changed.\n");
  });

  it.each([
    [["QP-001", "--retention", "3年"], "csr: QP-001 is of kind procedure; --retention, --medium, --location and their --…-en are a form's record keeping.\n"],
    [["QR-001-01", "--retention", " "], "csr: --retention must not be empty.\n"],
    [["QR-001-01", "--medium", "cloud"], "csr: --medium must be one of paper, electronic, paper+electronic; got 'cloud'.\n"],
  ])("refuses %j in one line", async (args, stderr) => {
    expect(await csrInProcess(["-C", untouched(), "set", ...args])).toEqual({ code: 2, stdout: "", stderr });
  });

  it("does not commit edits it did not make", async () => {
    const dir = repo();
    writeFileSync(join(dir, "documents/QR-001-02.yaml"), read(dir, "documents/QR-001-02.yaml").replace("巡检记录", "过程巡检记录"));
    expect(await csrInProcess(["-C", dir, "set", "QR-001-02", "--retention", "5年", "--commit"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: documents/QR-001-02.yaml has uncommitted changes, which --commit would commit along unseen.\nhint: Commit or undo them first, or leave out --commit.\n",
    });
    expect(read(dir, "documents/QR-001-02.yaml")).toContain("retention: 3年");
  });
});

describe("csr numbering add", () => {
  const QMS = (numbering: string[]) =>
    ["organisation:", "  name: 测试", "standards: [IATF16949]", "departments:", "  - {code: QA, name: 品质部}", ...numbering, "rules:", "  coverage/clause-uncovered: off", ""].join("\n");
  const PEOPLE = "people:\n  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer, approver]}\n";
  const draft = (id: string, kind: string) => [`id: ${id}`, `title: 文件 ${id}`, `level: ${kind === "form" ? 4 : 2}`, `kind: ${kind}`, "department: QA", "status: draft", ""].join("\n");
  const numbered = (files: Record<string, string> = {}) =>
    gitInit(
      minimalRepo({
        "qms.yaml": QMS(["numbering:", '  - {kind: procedure, pattern: "QP-###", family: 现行}', '  - {kind: form, pattern: "QR-###-##", family: 现行}', "# 以下为本公司的其他设置"]),
        "people.yaml": PEOPLE,
        ...files,
      }),
    );

  const unchanged = shared(() => numbered());

  it("adds a family after the kind's last one, in its style, and csr new numbers from it", async () => {
    const dir = numbered({ "documents/HY-QP-004.yaml": draft("HY-QP-004", "procedure") });
    const result = await csrInProcess(["-C", dir, "numbering", "add", "HY-QP-###", "--kind", "procedure", "--family", "HY 新体系", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已在 qms.yaml 增加程序文件的编号体系 HY-QP-###（HY 新体系）。",
        "本仓库有 1 份程序文件的编号属于此体系。",
        "用 'csr new procedure --family HY-QP-###' 按此体系为新文件编号。",
        `已提交 ${hash}：csr numbering add HY-QP-###（程序文件）`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toBe(
      QMS([
        "numbering:",
        '  - {kind: procedure, pattern: "QP-###", family: 现行}',
        '  - {kind: procedure, pattern: "HY-QP-###", family: HY 新体系}',
        '  - {kind: form, pattern: "QR-###-##", family: 现行}',
        "# 以下为本公司的其他设置",
      ]),
    );
    const created = await csrInProcess(["-C", dir, "new", "procedure", "--family", "HY 新体系", "--title", "变更管理程序", "--department", "QA", "-y"]);
    expect(created.stdout.split("\n")[0]).toBe("Created HY-QP-005 变更管理程序 (documents/HY-QP-005.yaml), a draft procedure of 品质部 with 5 sections to fill in.");
  });

  it("starts numbering in a qms.yaml without it, and names the documents that now fit no pattern", async () => {
    const dir = gitInit(minimalRepo({ "qms.yaml": QMS([]), "people.yaml": PEOPLE, "documents/QP-001.yaml": draft("QP-001", "procedure"), "documents/F-01.yaml": draft("F-01", "form") }));
    expect((await csrInProcess(["-C", dir, "numbering", "add", "QP-###", "--kind", "procedure"])).stdout).toBe(
      [
        "Added the procedure numbering pattern QP-### to qms.yaml.",
        "1 procedure of the repository is numbered in it.",
        "Number a new document in it with 'csr new procedure --family QP-###'.",
        "Note: qms.yaml had no numbering before; 1 document now fits no pattern of its kind (csr check: id/number-pattern): add its family too.",
        "Wrote qms.yaml; not committed (git commit it, or run with --commit).",
        "",
      ].join("\n"),
    );
    expect(read(dir, "qms.yaml")).toContain("departments:\n  - {code: QA, name: 品质部}\nnumbering:\n  - kind: procedure\n    pattern: QP-###\nrules:\n");
  });

  it.each([
    [["QR-0##-##", "--kind", "instruction"], "csr: The pattern QR-0##-## fits numbers that QR-###-## (form) fits too; a number belongs to one family only.\n"],
    [["QP-###", "--kind", "procedure"], "csr: qms.yaml has the procedure pattern QP-### already.\n"],
    [["QP-", "--kind", "procedure"], "csr: Not a number pattern: QP-. Write # for each digit and otherwise letters, digits and _ . / -, e.g. HY-QP-###.\n"],
    [["QP ###", "--kind", "procedure"], "csr: Not a number pattern: QP ###. Write # for each digit and otherwise letters, digits and _ . / -, e.g. HY-QP-###.\n"],
    [["HY-QP-###", "--kind", "procedure", "--family", "现行"], "csr: The procedure family 现行 exists already (QP-###).\nhint: Give the new family another name: csr new --family chooses a family by its name.\n"],
    [["HY-QP-###", "-y"], "csr: --kind is required (or run in a terminal to be asked for the kind of document).\n"],
  ])("refuses %j in one line, writing nothing", async (args, stderr) => {
    const dir = unchanged();
    expect(await csrInProcess(["-C", dir, "numbering", "add", ...args])).toEqual({ code: 2, stdout: "", stderr });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("csr numbering list: each family with its next number and documents; csr numbering remove refuses a family in use and removes one unused", async () => {
    const dir = numbered({ "documents/QP-004.yaml": draft("QP-004", "procedure"), "documents/HY-QP-002.yaml": draft("HY-QP-002", "procedure"), "documents/X-1.yaml": draft("X-1", "form") });
    await csrInProcess(["-C", dir, "numbering", "add", "HY-QP-###", "--kind", "procedure", "--family", "HY", "--commit"]);
    expect(await csrInProcess(["-C", dir, "numbering", "list"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "编号体系（共 3 个）",
        "",
        "类别      名称  编号格式   下一个编号  文件数",
        "--------  ----  ---------  ----------  ------",
        "程序文件  现行  QP-###     QP-005      1",
        "程序文件  HY    HY-QP-###  HY-QP-003   1",
        "表单      现行  QR-###-##  QR-001-01   0",
        "",
        "每类文件的第一个编号体系是 csr new 不加 --family 时使用的体系。",
        "1 份文件的编号不属于其类别的任何编号体系（csr check：id/number-pattern）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(JSON.parse((await csrInProcess(["-C", dir, "numbering", "list", "--format", "json"])).stdout).families[1]).toEqual({ kind: "procedure", family: "HY", pattern: "HY-QP-###", next: "HY-QP-003", documents: 1 });
    expect(await csrInProcess(["-C", dir, "numbering", "remove", "HY"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 1 procedure is numbered in HY-QP-###: HY-QP-002. A family in use stays: its documents would fit no pattern.\nhint: Renumber them first, or keep the family; 'csr numbering list' shows what each family numbers.\n",
    });
    expect(await csrInProcess(["-C", dir, "numbering", "remove", "现行"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 现行 is declared for procedure and form; say which with --kind.\nhint: e.g. csr numbering remove 现行 --kind procedure\n",
    });
    expect((await csrInProcess(["-C", dir, "numbering", "remove", "QR-##-##"])).stderr).toBe("csr: qms.yaml has no numbering family QR-##-##. Did you mean 'QR-###-##'?\nhint: 'csr numbering list' shows the families, by pattern and name.\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const removed = await csrInProcess(["-C", dir, "numbering", "remove", "现行", "--kind", "form", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    expect(removed).toEqual({ code: 0, stdout: `已从 qms.yaml 删除表单编号体系 现行（QR-###-##）。\n已提交 ${hash}：csr numbering remove QR-###-##（表单）\n`, stderr: "" });
    expect(read(dir, "qms.yaml")).toBe(
      QMS(["numbering:", '  - {kind: procedure, pattern: "QP-###", family: 现行}', '  - {kind: procedure, pattern: "HY-QP-###", family: HY}', "# 以下为本公司的其他设置"]),
    );
  });

  it("asks at a terminal for the kind, the pattern (checked as typed) and the family name", async () => {
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const dir = numbered();
    const ctx = capture(dir);
    const done = addNumbering(ctx, undefined, {}, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Kind of document");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Number pattern (# for one digit, e.g. HY-QP-###)");
    screen.type("QP-1##");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("The pattern QP-1## fits numbers that QP-### (procedure) fits too");
    for (let i = 0; i < 6; i++) screen.keypress("backspace");
    screen.type("HY-QP-###");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Family name (optional)");
    screen.type("HY");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n")[0]).toBe("Added the procedure numbering family HY (HY-QP-###) to qms.yaml.");
    expect(read(dir, "qms.yaml")).toContain('  - {kind: procedure, pattern: "HY-QP-###", family: HY}\n');
  });
});

describe("a form's record keeping in English (tester19 F7, auditor16 F13)", () => {
  /** The repository with QA's English name and two forms whose record keeping has no English text of its own. */
  function english(): string {
    const dir = repo();
    writeFileSync(join(dir, "qms.yaml"), read(dir, "qms.yaml").replace("    name: 品质部\n", "    name: 品质部\n    name_en: Quality Assurance\n"));
    writeFileSync(join(dir, "documents/QR-001-03.yaml"), form("QR-001-03", "培训记录", ["record: {retention: 员工离职后3年, medium: paper, location: 人事档案室}"]));
    writeFileSync(join(dir, "documents/QR-001-04.yaml"), form("QR-001-04", "追溯记录", ["record: {retention: 产品寿命期 + 1年, medium: electronic, location: QA}"]));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "forms"]);
    return dir;
  }
  const register = async (dir: string) => (await csrInProcess(["-C", dir, "--lang", "en", "list", "forms", "--columns", "number,retention,location", "--today", "2026-12-01"])).stdout;

  it("prints the usual periods in English words and a department by its English name, and names the forms printed as written", async () => {
    const dir = english();
    const run = await csrInProcess(["-C", dir, "--lang", "en", "list", "forms", "--columns", "number,retention,location", "--today", "2026-12-01"]);
    expect(run.stdout).toBe(
      [
        "Form register (5 in total)",
        "",
        "Number     Retention              Location",
        "---------  ---------------------  -----------------",
        "QR-001-01",
        "QR-001-02  3 years                Quality Assurance",
        "QR-001-03  员工离职后3年          人事档案室",
        "QR-001-04  Product life + 1 year  Quality Assurance",
        // Withdrawn on 2024-06-01, its records kept 3 years: still on the list on 2026-12-01 (tester52 D9).
        "QR-009-01  3 years",
        "",
        "Listed last: 1 withdrawn form (QR-009-01), no longer filled in, whose filled records are still kept as the table says (retention, medium, location).",
        "Retention, medium and location carry no date: they are listed as registered now, which may differ from what was registered on 2026-12-01 (see csr history <form> for changes).",
        "",
      ].join("\n"),
    );
    // The hint is for whoever runs the command, not part of the register (tester23 F12).
    expect(run.stderr).toBe("1 form keeps its records with a retention period or location that has no English text, printed as written (QR-001-03): add it with 'csr set <form> --retention-en <text> --location-en <text>'.\n");
    // The Chinese register prints them as written, without a note.
    const chinese = (await csrInProcess(["-C", dir, "list", "forms", "--columns", "number,retention,location", "--today", "2026-12-01"], { lang: null })).stdout;
    expect(chinese.split("\n").slice(5, 8)).toEqual(["QR-001-02  3年               品质部", "QR-001-03  员工离职后3年     人事档案室", "QR-001-04  产品寿命期 + 1年  QA"]);
    expect(chinese).not.toContain("英文");
  });

  it("in a repository kept in English prints them as written, without a note (tester23 F22)", async () => {
    const dir = english();
    writeFileSync(join(dir, "qms.yaml"), `language: en\n${read(dir, "qms.yaml")}`);
    writeFileSync(join(dir, "documents/QR-001-03.yaml"), form("QR-001-03", "Training record", ["record: {retention: 3 years after leaving, medium: paper, location: HR archive}"]));
    const lines = (await register(dir)).split("\n");
    expect(lines.slice(6, 8)).toEqual(["QR-001-03  3 years after leaving  HR archive", "QR-001-04  产品寿命期 + 1年       QA"]);
    expect(lines.slice(-6)).toEqual(["QR-001-04  产品寿命期 + 1年       QA", "QR-009-01  3年", "", "Listed last: 1 withdrawn form (QR-009-01), no longer filled in, whose filled records are still kept as the table says (retention, medium, location).", "Retention, medium and location carry no date: they are listed as registered now, which may differ from what was registered on 2026-12-01 (see csr history <form> for changes).", ""]);
  });

  it("writes the form's own English text, which the register prints first, and removes it with \"\"", async () => {
    const dir = english();
    const set = await csrInProcess(["-C", dir, "set", "QR-001-03", "--retention-en", "3 years after the employee leaves", "--location-en", "HR archive room", "--commit"]);
    expect(set.stderr).toBe("");
    expect(set.stdout).toBe(
      [
        "Updated QR-001-03 培训记录 (documents/QR-001-03.yaml):",
        "  English retention: 3 years after the employee leaves",
        "  English location: HR archive room",
        "These are register data of QR-001-03, not its content: no new revision is needed.",
        `Committed ${git(dir, ["rev-parse", "--short", "HEAD"]).trim()}: csr set QR-001-03: English retention 3 years after the employee leaves; English location HR archive room`,
        "",
      ].join("\n"),
    );
    expect(read(dir, "documents/QR-001-03.yaml")).toContain(
      "record: {retention: 员工离职后3年, medium: paper, location: 人事档案室, retention_en: 3 years after the employee leaves, location_en: HR archive room}\n",
    );
    expect((await register(dir)).split("\n").slice(5)).toEqual(["QR-001-02  3 years                            Quality Assurance", "QR-001-03  3 years after the employee leaves  HR archive room", "QR-001-04  Product life + 1 year              Quality Assurance", "QR-009-01  3 years", "", "Listed last: 1 withdrawn form (QR-009-01), no longer filled in, whose filled records are still kept as the table says (retention, medium, location).", "Retention, medium and location carry no date: they are listed as registered now, which may differ from what was registered on 2026-12-01 (see csr history <form> for changes).", ""]);
    expect((await csrInProcess(["-C", dir, "set", "QR-001-03", "--location-en", ""])).stdout.split("\n")[1]).toBe("  English location: none (was HR archive room)");
    expect(read(dir, "documents/QR-001-03.yaml")).toContain("record: {retention: 员工离职后3年, medium: paper, location: 人事档案室, retention_en: 3 years after the employee leaves}\n");
    expect((await csrInProcess(["-C", dir, "set", "QR-001-03", "--location-en", ""])).stdout).toBe("QR-001-03 is like that already; nothing changed.\n");
    // A new retention without its English: the English of the old one goes, and the register says what has none (tester23 F17).
    expect((await csrInProcess(["-C", dir, "set", "QR-001-03", "--retention", "员工离职后5年"])).stdout.split("\n").slice(1, 3)).toEqual([
      "  Retention: 员工离职后5年 (was 员工离职后3年)",
      "  English retention: removed (was 3 years after the employee leaves, the English of the old text); give the new one with --retention-en",
    ]);
    expect(read(dir, "documents/QR-001-03.yaml")).toContain("record: {retention: 员工离职后5年, medium: paper, location: 人事档案室}\n");
    expect((await register(dir)).split("\n")[6]).toBe("QR-001-03  员工离职后5年          人事档案室");
    // The schema takes the English fields.
    expect((await checkJsonInProcess(dir)).findings.filter((f) => f.file === "documents/QR-001-03.yaml")).toEqual([]);
  });
});
