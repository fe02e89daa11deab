/**
 * csr set <CSR-id>: what was typed wrong when a CSR was registered is corrected by command, not by
 * hand-editing csr/**.yaml (tester16 F11). Registration facts at any time; the requirement itself
 * (title, text, clauses) once decided only as a typing error, said with --amend. csr run in
 * process (csrInProcess) on real git repositories; the question at a terminal driven with @inquirer/testing.
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { setDocument } from "../../src/commands/set/index.js";
import { checkJsonInProcess, csrInProcess, FIXTURES, git, gitInit, tempDir } from "../helpers.js";
import { today, weekdaysAfter, workingDaysSince } from "../today.js";
import { capture, read, tree, validRepo, weekdayCalendar } from "./fixture.js";

/** The same files with the same texts: a refused command wrote nothing. */
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

describe("csr set <CSR-id>", () => {
  it("corrects an undecided CSR's clauses, title, section and date received, says the new review deadline and commits that file alone", async () => {
    const dir = validRepo();
    // Corrected to the day the test runs (csr set has no --today): the deadline it moves to is ahead.
    const day = today();
    weekdayCalendar(dir);
    gitInit(dir);
    const result = await csrInProcess(["-C", dir, "set", "DYA-001", "--remove-clause", "8.3.3.3", "--add-clause", "8.5.4", "--received", day, "--title", "标签须含顾客零件号", "--section", "", "-y", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout:
        "Updated DYA-001 特殊特性符号按顾客规定标识 (csr/DYA/DYA-001.yaml):\n" +
        "  Title: 标签须含顾客零件号 (was 特殊特性符号按顾客规定标识)\n" +
        "  Source section: removed (was 4.2)\n" +
        "  Clauses: added IATF16949:8.5.4; removed IATF16949:8.3.3.3\n" +
        `  Date received: ${day} (was 2026-11-20)\n` +
        `Review due ${weekdaysAfter(day, 10)} (10 working days after ${day}; was 2026-12-04).\n` +
        `Committed ${hash}: csr set DYA-001: Title 标签须含顾客零件号 (was 特殊特性符号按顾客规定标识); Source section removed (was 4.2); Clauses added IATF16949:8.5.4; removed IATF16949:8.3.3.3; Date received ${day} (was 2026-11-20)\n`,
      // Now after DYA-SQM C was received: csr set warns as csr add does (tester23 F4).
      stderr: `csr: warning: DYA-001 is dated received ${day}, after DYA-SQM C was received (2026-11-20), and its review is counted from ${day} (csr check reports date/received-after-source). If the customer sent the requirement separately (a letter, an e-mail, meeting minutes), register that as a source document of its own ('csr source add DYA --id <id> --title <title> --revision <revision> --received ${day}') and move the requirement to it with 'csr set DYA-001 --source <id>'; if it came with DYA-SQM, correct the date with 'csr set DYA-001 --received 2026-11-20'; if it is the date DYA-SQM C was received that is wrong, correct it with 'csr source update DYA-SQM --revision C --received <date> --amend'.\n`,
    });
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(
      `id: DYA-001\ncustomer: DYA\nsource: {document: DYA-SQM, revision: C}\nclauses: [IATF16949:8.5.4]\ntitle: 标签须含顾客零件号\nreceived: ${day}\n`,
    );
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe("csr/DYA/DYA-001.yaml");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("says when the corrected date received puts the review deadline in the past", async () => {
    const dir = validRepo();
    const customer = join(dir, "customers", "DYA.yaml");
    writeFileSync(customer, readFileSync(customer, "utf8").replace("issued: 2026-11-10\n        received: 2026-11-20", "issued: 2026-11-01\n        received: 2026-11-02"));
    const result = await csrInProcess(["-C", dir, "set", "DYA-001", "--received", "2026-11-03", "-y"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Updated DYA-001 特殊特性符号按顾客规定标识 (csr/DYA/DYA-001.yaml):",
      "  Date received: 2026-11-03 (was 2026-11-20)",
      "Review due 2026-11-17 (10 working days after 2026-11-03; was 2026-12-04).",
    ]);
    // Counted to the day the test runs, after 2026-11-17.
    expect(lines.slice(3)).toEqual([
      `That deadline has passed: overdue by ${workingDaysSince(dir, "2026-11-17")} working days. Record the opinions and the decision with 'csr review DYA-001' (a decision after the deadline gives its reason with --late-reason).`,
      "",
    ]);
  });

  it("adds the text and category where csr add writes them", async () => {
    const dir = validRepo();
    expect((await csrInProcess(["-C", dir, "set", "DYA-001", "--text", "按顾客的符号标识", "--category", "设计", "-y"])).code).toBe(0);
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(
      'id: DYA-001\ncustomer: DYA\nsource: { document: DYA-SQM, revision: C, section: "4.2" }\nclauses: [IATF16949:8.3.3.3]\ntitle: 特殊特性符号按顾客规定标识\ntext: 按顾客的符号标识\ncategory: 设计\nreceived: 2026-11-20\n',
    );
  });

  it("refuses to change a decided CSR's requirement, saying what to do instead; --amend corrects a typing error, the file records it with --reason and the commit says so (tester23 F15)", async () => {
    const dir = validRepo({ git: true });
    const before = snapshot(dir);
    expect(await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "包装须使用顾客专用周转箱", "--add-clause", "8.5.1", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-003 was decided on 2026-11-24 (must meet): changing its title and clauses changes the requirement that was reviewed; nothing changed.\n" +
        "hint: When the customer changed the requirement, record its new revision with 'csr source update DYA-SQM --revision <revision> --received <date>' and DYA-003 is reviewed again; if it is only a typing error made when registering (the text reviewed reads as corrected), add --amend with who corrects it, --by <person> (and --reason <why>, recorded with the correction).\n",
    });
    expect(snapshot(dir)).toEqual(before);
    // A registration fact is corrected without --amend, and without a reason.
    expect(await csrInProcess(["-C", dir, "set", "DYA-003", "--section", "6.4", "--reason", "核对原文", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --reason goes with --amend: it says why a decided CSR's title, text or clauses are corrected, and DYA-003 has no such correction here.\n",
    });
    expect((await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "包装须使用顾客专用周转箱", "--amend", "--reason", " ", "-y"])).stderr).toBe("csr: --reason cannot be empty: say why the requirement is corrected.\n");
    // Who corrects it is recorded, as who decided it: --by is required.
    expect(await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "包装须使用顾客专用周转箱", "--amend", "--reason", "漏录", "-y"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA-003 已有评审结论，更正其标题、要求内容或条款须写明更正人：--by <人员>。\n提示：例如 csr set DYA-003 … --amend --reason <原因> --by <people.yaml 中的 id 或姓名>\n",
    });
    expect(snapshot(dir)).toEqual(before);
    expect((await csrInProcess(["-C", dir, "set", "DYA-003", "--section", "6.4", "-y", "--commit"])).code).toBe(0);
    const amended = await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "包装须使用顾客专用周转箱", "--add-clause", "8.5.1", "--amend", "--reason", "与顾客手册原文核对，漏录“专用”", "--by", "李娜", "-y", "--commit"], { lang: "zh-CN" });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(amended).toEqual({
      code: 0,
      stdout:
        "已修改 DYA-003 包装须使用顾客周转箱（csr/DYA/DYA-003.yaml）：\n" +
        "  标题：包装须使用顾客专用周转箱（原为 包装须使用顾客周转箱）\n" +
        "  条款：增加 IATF16949:8.5.1\n" +
        "这是录入错误的更正：DYA-003 的评审结论（2026-11-24）仍然有效，更正前的内容记在其文件的 amendments 中。\n" +
        `已提交 ${hash}：csr set DYA-003：标题 包装须使用顾客专用周转箱（原为 包装须使用顾客周转箱）；条款 增加 IATF16949:8.5.1（更正录入错误）\n`,
      stderr: "",
    });
    // What each field was, the day and why, after the rest of the file.
    const file = read(dir, "csr/DYA/DYA-003.yaml");
    expect(file).toContain('source: {document: DYA-SQM, revision: C, section: "6.4"}\nclauses: [IATF16949:8.5.1, IATF16949:8.5.4]\ntitle: 包装须使用顾客专用周转箱\n');
    expect(file.slice(file.indexOf("amendments:"))).toBe(
      `amendments:\n  - date: ${today()}\n    field: title\n    was: 包装须使用顾客周转箱\n    reason: 与顾客手册原文核对，漏录“专用”\n    by: li\n` +
        `  - date: ${today()}\n    field: clauses\n    was: [IATF16949:8.5.4]\n    reason: 与顾客手册原文核对，漏录“专用”\n    by: li\n`,
    );
    // csr show prints them, in both languages and in its JSON (tester23).
    const show = async (lang: "en" | "zh-CN", ...args: string[]) => (await csrInProcess(["-C", dir, "show", "DYA-003", ...args], { lang })).stdout;
    const zh = await show("zh-CN");
    expect(zh.slice(zh.indexOf("  更正记录"))).toMatch(
      new RegExp(`^  更正记录 +${today()}，更正标题（原为 包装须使用顾客周转箱）：与顾客手册原文核对，漏录“专用”，更正人：李娜\n {2,}${today()}，更正条款（原为 IATF16949:8\\.5\\.4）：与顾客手册原文核对，漏录“专用”，更正人：李娜\n`),
    );
    const en = await show("en");
    expect(en.slice(en.indexOf("  Amendments"))).toMatch(
      new RegExp(`^  Amendments +${today()}, Title corrected \\(was 包装须使用顾客周转箱\\): 与顾客手册原文核对，漏录“专用”, corrected by li 李娜\n {2,}${today()}, Clauses corrected \\(was IATF16949:8\\.5\\.4\\): 与顾客手册原文核对，漏录“专用”, corrected by li 李娜\n`),
    );
    expect(JSON.parse(await show("en", "--format", "json")).csr.amendments).toEqual([
      { date: today(), field: "title", was: "包装须使用顾客周转箱", reason: "与顾客手册原文核对，漏录“专用”", by: "li" },
      { date: today(), field: "clauses", was: ["IATF16949:8.5.4"], reason: "与顾客手册原文核对，漏录“专用”", by: "li" },
    ]);
  });

  it("shortens a decided CSR's title without --amend when its whole wording moves to its text unchanged (tester20 F26)", async () => {
    const dir = validRepo({ git: true });
    const moved = await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "顾客周转箱", "--text", "包装须使用顾客周转箱", "-y", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(moved).toEqual({
      code: 0,
      stdout:
        "Updated DYA-003 包装须使用顾客周转箱 (csr/DYA/DYA-003.yaml):\n" +
        "  Title: 顾客周转箱 (was 包装须使用顾客周转箱)\n" +
        "  Text: 包装须使用顾客周转箱\n" +
        "DYA-003's whole wording moved to its text unchanged and only its title was shortened: the reviewed requirement is the same, and its decision stands.\n" +
        `Committed ${hash}: csr set DYA-003: Title 顾客周转箱 (was 包装须使用顾客周转箱); Text 包装须使用顾客周转箱\n`,
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toContain("title: 顾客周转箱\n");
    // Wording that differs from the title is a change of the requirement: refused as before.
    expect((await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "周转箱", "--text", "包装须使用顾客周转箱或同等包装", "-y"])).code).toBe(2);
  });

  it("adds, corrects and removes the English title of a decided CSR without --amend: a translation, not the requirement reviewed (tester19 F6)", async () => {
    const dir = validRepo({ git: true });
    const added = await csrInProcess(["-C", dir, "set", "DYA-003", "--title-en", "Customer returnable containers for packaging", "-y", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(added).toEqual({
      code: 0,
      stdout:
        "Updated DYA-003 包装须使用顾客周转箱 (csr/DYA/DYA-003.yaml):\n" +
        "  English title: Customer returnable containers for packaging\n" +
        `Committed ${hash}: csr set DYA-003: English title Customer returnable containers for packaging\n`,
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-003.yaml")).toContain("title: 包装须使用顾客周转箱\ntitle_en: Customer returnable containers for packaging\n");
    expect((await csrInProcess(["-C", dir, "set", "DYA-003", "--title-en", "", "-y"])).stdout).toBe(
      "Updated DYA-003 包装须使用顾客周转箱 (csr/DYA/DYA-003.yaml):\n  English title: removed (was Customer returnable containers for packaging)\nWrote csr/DYA/DYA-003.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect(read(dir, "csr/DYA/DYA-003.yaml")).not.toContain("title_en");
  });

  it("sets, changes and removes a decided CSR's 备注 without --amend; csr show prints it and the CSR list gives it a last column 备注 only while a CSR has one (tester76 M9)", async () => {
    const dir = validRepo({ git: true });
    const set = await csrInProcess(["-C", dir, "set", "DYA-003", "--remarks", "周转箱数量以东岳物流部邮件为准", "-y", "--commit"], { lang: "zh-CN" });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(set).toEqual({
      code: 0,
      stdout: `已修改 DYA-003 包装须使用顾客周转箱（csr/DYA/DYA-003.yaml）：\n  备注：周转箱数量以东岳物流部邮件为准\n已提交 ${hash}：csr set DYA-003：备注 周转箱数量以东岳物流部邮件为准\n`,
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-003.yaml").endsWith("remarks: 周转箱数量以东岳物流部邮件为准\n")).toBe(true);
    const shown = (await csrInProcess(["-C", dir, "show", "DYA-003", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout.split("\n");
    expect(shown.filter((line) => /^\s+备注\s/.test(line)).map((line) => line.trim().split(/\s+/))).toEqual([["备注", "周转箱数量以东岳物流部邮件为准"]]);
    const listed = async () => (await csrInProcess(["-C", dir, "list", "csr", "--format", "csv", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout.replace(/^\uFEFF/, "").split(/\r?\n/);
    const [header, ...rows] = await listed();
    // The last column but 截至 (the day a CSV's deadlines hold on).
    expect(header!.split(",").slice(-2)).toEqual(["备注", "截至"]);
    expect(rows.filter((row) => row.split(",")[1] === "DYA-003").map((row) => row.split(",").at(-2))).toEqual(["周转箱数量以东岳物流部邮件为准"]);
    expect(rows.filter((row) => /^\d+,DYA-00[12],/.test(row)).map((row) => row.split(",").at(-2))).toEqual(["", ""]);
    expect((await csrInProcess(["-C", dir, "set", "DYA-003", "--remarks", "", "-y"], { lang: "zh-CN" })).stdout).toContain("  备注：删除（原为 周转箱数量以东岳物流部邮件为准）\n");
    expect(read(dir, "csr/DYA/DYA-003.yaml")).not.toContain("remarks");
    expect((await listed())[0]!.split(",")).not.toContain("备注");
  });

  it("removes the English title with a new title given without it: it translated the old one (tester23 F17)", async () => {
    const dir = validRepo({ git: true });
    await csrInProcess(["-C", dir, "set", "DYA-003", "--title-en", "Customer returnable containers", "-y"]);
    const retitled = await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "包装须使用顾客周转箱或同等包装", "--amend", "--by", "li", "-y"]);
    expect(retitled.stdout.split("\n").slice(0, 3)).toEqual([
      "Updated DYA-003 包装须使用顾客周转箱 (csr/DYA/DYA-003.yaml):",
      "  Title: 包装须使用顾客周转箱或同等包装 (was 包装须使用顾客周转箱)",
      "  English title: removed (was Customer returnable containers, the English of the old text); give the new one with --title-en",
    ]);
    expect(read(dir, "csr/DYA/DYA-003.yaml")).not.toContain("title_en");
    // Given with it, the English stays as given.
    await csrInProcess(["-C", dir, "set", "DYA-003", "--title-en", "Returnable containers", "-y"]);
    expect((await csrInProcess(["-C", dir, "set", "DYA-003", "--title", "包装须使用顾客周转箱", "--title-en", "Customer returnable containers", "--amend", "--by", "li", "-y"])).stdout.split("\n").slice(1, 3)).toEqual([
      "  Title: 包装须使用顾客周转箱 (was 包装须使用顾客周转箱或同等包装)",
      "  English title: Customer returnable containers (was Returnable containers)",
    ]);
  });

  it("takes the date the CSR's source revision was received, for a CSR confirmed unchanged in a later one the revision it was taken from, as date/received-after-source says (auditor16 F20)", async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", "date-received-after-source", "invalid"), dir, { recursive: true });
    // DYA-002 was taken from revision B (received 2025-06-05) and confirmed unchanged in C (received 2026-11-06).
    const commands = (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.map((f) => /'(csr set [^']+)'/.exec(f.message)?.[1]);
    expect(commands).toEqual(["csr set DYA-001 --received 2026-11-06", "csr set DYA-002 --received 2025-06-05"]);
    expect(await csrInProcess(["-C", dir, ...commands[1]!.split(" ").slice(1), "-y"])).toEqual({
      code: 0,
      stdout: "Updated DYA-002 特殊特性清单须经顾客批准 (csr/DYA/DYA-002.yaml):\n  Date received: 2025-06-05 (was 2025-06-09)\nReview due 2025-06-19 (10 working days after 2025-06-05; was 2025-06-23).\n",
      stderr: "",
    });
    expect((await csrInProcess(["-C", dir, ...commands[0]!.split(" ").slice(1), "-y"])).code).toBe(0);
    expect(await checkJsonInProcess(dir, "--today", "2026-11-27")).toEqual({ code: 0, stderr: "", findings: [] });
    // Before the revision it was taken from, it is refused, naming that revision.
    expect((await csrInProcess(["-C", dir, "set", "DYA-002", "--received", "2025-06-04", "-y"])).stderr).toBe(
      "csr: --received 2025-06-04 is before DYA-SQM B was received (2025-06-05); a requirement cannot be received before the document it comes from. Correct the received date.\n" +
        "hint: If it is the date DYA-SQM B was received that was typed wrong, correct it with 'csr source update DYA-SQM --revision B --received <date> --amend' (the reviews it restarted move with it).\n",
    );
  });

  it("refuses a date received before the source revision, a document's option on a CSR and a CSR's on a document; nothing is written", async () => {
    const dir = validRepo();
    const before = snapshot(dir);
    const set = async (...args: string[]) => (await csrInProcess(["-C", dir, "set", ...args, "-y"]));
    expect((await set("DYA-001", "--received", "2026-11-19")).stderr).toBe(
      "csr: --received 2026-11-19 is before DYA-SQM C was received (2026-11-20; issued 2026-11-10); a requirement cannot be received before the document it comes from. Correct the received date.\n" +
        "hint: If it is the date DYA-SQM C was received that was typed wrong, correct it with 'csr source update DYA-SQM --revision C --received <date> --amend' (the reviews it restarted move with it).\n",
    );
    expect(await set("DYA-001", "--retention", "3年")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --retention is for a document; DYA-001 is a CSR: a CSR's --title, --title-en, --text, --section, --category, --source (--source-revision), --received, --classification and clauses (--clauses, --add-clause, --remove-clause) can be corrected.\n",
    });
    expect((await set("QP-009", "--title", "x")).stderr).toBe("csr: --title is for a CSR; QP-009 is a document.\n");
    expect((await set("DYA-01", "--title", "x")).stderr).toBe("csr: No document or CSR 'DYA-01' in the repository. Did you mean 'DYA-001'?\n");
    expect((await set("DYA-001", "--clauses", "")).stderr).toBe("csr: DYA-001 must keep at least one clause.\n");
    expect((await set("DYA-001")).stderr).toBe(
      "csr: DYA-001: nothing to change was given.\nhint: Use --title, --title-en, --text, --section, --category, --source (--source-revision), --received to correct what was registered, --classification for its 密级, --clauses, --add-clause, --remove-clause for the clauses.\n",
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it("at a terminal without an option, asks which field and its new value, the present one offered", async () => {
    const dir = validRepo();
    const day = today();
    weekdayCalendar(dir);
    const ctx = capture(dir);
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const done = setDocument(ctx, "DYA-001", {}, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("What to change in DYA-001");
    expect(screen.getScreen()).toContain("  English title\n");
    for (let i = 0; i < 6; i++) screen.keypress("down");
    expect(screen.getScreen()).toContain("❯ Date received");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Date received (2026-11-20)");
    screen.type(day);
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe(
      `Updated DYA-001 特殊特性符号按顾客规定标识 (csr/DYA/DYA-001.yaml):\n  Date received: ${day} (was 2026-11-20)\nReview due ${weekdaysAfter(day, 10)} (10 working days after ${day}; was 2026-12-04).\n`,
    );
  });
});
