/**
 * A corrective action carried through the change flow (ca63 rests): csr release at a terminal offers the
 * open corrective action records for --action, ticking the one its reason or change request names, and
 * csr changes --action lists the revisions recorded against a record with their copies, in every format.
 * On a copy of examples/acme-auto in a real git repository: DYA's complaint 8D-2026-012 received on
 * 2026-11-02, QP-010 A/2 and the PFMEA QR-014-03 released for it. Prompts driven with @inquirer/testing.
 */
import { checkbox, input, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { releaseDocument } from "../../src/commands/release/index.js";
import { capture } from "../csr/fixture.js";
import { builtOnce, committedFixture, csr, csrInProcess, git } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), checkbox: wrapPrompt(checkbox) } as unknown as Prompts;

/** In Chinese, the repository's language, in the test's process (csrInProcess); exit 0 required. */
async function run(dir: string, ...args: string[]): Promise<string> {
  const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
  if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/**
 * A step of the state the tests start from, by csr in the test's process (csrInProcess): the records it writes are
 * what the tests read, not what they check; exit 0 required.
 */
async function setUp(dir: string, ...args: string[]): Promise<void> {
  const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
  if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
}

/** The complaint opened, a second record (an audit's) open too, and QP-010's text changed for its A/2, committed. */
const opened = builtOnce(async () => {
  const dir = committedFixture("examples/acme-auto");
  await setUp(dir, "action", "open", "8D-2026-012", "--title", "D1制动软管扣压外径超差", "--customer", "DYA", "--complaint", "DYA-C-2026-031", "--received", "2026-11-02", "--owner", "gaoyang", "--commit");
  await setUp(dir, "action", "open", "8D-2026-013", "--title", "卡箍漏装", "--customer", "BCM", "--received", "2026-11-04", "--owner", "gaoyang", "--commit");
  await setUp(dir, "submit", "QP-010", "--by", "zhaoqiang", "--date", "2026-11-10");
  const path = join(dir, "documents/procedures/QP-010.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("首件检验合格后方可批量生产。", "首件检验合格并经班组长签字确认后方可批量生产。"));
  git(dir, ["commit", "-qam", "body"]);
  return dir;
});

// With its 总页数, which QP-010's earlier revisions record: csr release would ask for it too (tester63 N15).
const SIGNED = { prepared: "huangjun", reviewed: "zhangli", approved: "xuht", date: "2026-11-12", totalPages: "2" };
const revisionOf = (dir: string) => readFileSync(join(dir, "documents/procedures/QP-010.yaml"), "utf8").split("  - version: A/2\n")[1]!;

describe("csr release at a terminal offers the open corrective actions", () => {
  it("asks when the reason names an open record, with that record ticked, though every other option is given", async () => {
    const dir = await opened();
    const done = releaseDocument(capture(dir), "QP-010", { ...SIGNED, summary: "首件确认", reason: "东岳投诉DYA-C-2026-031，8d-2026-012 D7永久措施" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe(
      [
        "? Corrective actions this revision carries out (may be left blank; those the reason or change request names are ticked)",
        "❯◉ 8D-2026-012  D1制动软管扣压外径超差  DYA",
        " ◯ 8D-2026-013  卡箍漏装  BCM",
        "",
        "↑↓ navigate • space select • a all • i invert • ⏎ submit",
      ].join("\n"),
    );
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(revisionOf(dir)).toContain("    reason: 东岳投诉DYA-C-2026-031，8d-2026-012 D7永久措施\n    actions:\n      - 8D-2026-012\n");
  });

  it("offers them, none ticked, when it asks for the summary and why; none chosen records none", async () => {
    const dir = await opened();
    const done = releaseDocument(capture(dir), "QP-010", SIGNED, prompts);
    for (const text of ["首件确认", "", "", ""]) {
      await screen.next();
      if (text) screen.type(text);
      screen.keypress("enter");
    }
    await screen.next();
    expect(screen.getScreen().split("\n").slice(1, 3)).toEqual(["❯◯ 8D-2026-012  D1制动软管扣压外径超差  DYA", " ◯ 8D-2026-013  卡箍漏装  BCM"]);
    screen.keypress("down");
    screen.keypress("space");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(revisionOf(dir)).toContain("    summary: 首件确认\n    actions:\n      - 8D-2026-013\n    total_pages: 2\n    prepared:");

    const other = await opened();
    const none = releaseDocument(capture(other), "QP-010", SIGNED, prompts);
    for (const text of ["首件确认", "", "", ""]) {
      await screen.next();
      if (text) screen.type(text);
      screen.keypress("enter");
    }
    await screen.next();
    screen.keypress("enter");
    expect(await none).toBe(0);
    expect(revisionOf(other)).not.toContain("actions:");
  });

  it("asks nothing of a record named only as the start of another id, nor when --action is given", async () => {
    const dir = await opened();
    const ctx = capture(dir);
    // 8D-2026-01 names no record (8D-2026-012 only starts with it): nothing is asked, and no prompt is waited for.
    expect(await releaseDocument(ctx, "QP-010", { ...SIGNED, summary: "首件确认", reason: "见8D-2026-01" }, prompts)).toBe(0);
    expect(revisionOf(dir)).not.toContain("actions:");
    const given = await opened();
    expect(await releaseDocument(capture(given), "QP-010", { ...SIGNED, summary: "首件确认", reason: "8D-2026-012 D7", action: ["8D-2026-013"] }, prompts)).toBe(0);
    expect(revisionOf(given)).toContain("    actions:\n      - 8D-2026-013\n");
  });

  it("offers a record received after the release's date but lets it not be ticked, and refuses a date before a ticked record's receipt (breaker64 P3)", async () => {
    const dir = await opened();
    // Released on 2026-11-03: 8D-2026-013 came in on 2026-11-04.
    const done = releaseDocument(capture(dir), "QP-010", { ...SIGNED, date: "2026-11-03", summary: "首件确认", reason: "8D-2026-012、8D-2026-013" }, prompts);
    await screen.next();
    expect(screen.getScreen().split("\n").slice(1, 3)).toEqual(["❯◉ 8D-2026-012  D1制动软管扣压外径超差  DYA", " - 8D-2026-013  卡箍漏装  BCM (received 2026-11-04, after the release date 2026-11-03)"]);
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(revisionOf(dir)).toContain("    actions:\n      - 8D-2026-012\n");

    // The date asked for last: not before 2026-11-04, the day the record ticked came in.
    const asked = await opened();
    const { date: _, ...undated } = SIGNED;
    const later = releaseDocument(capture(asked), "QP-010", { ...undated, summary: "首件确认", reason: "8D-2026-013 D7" }, prompts);
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toMatch(/^\? Release date, the revision's date \(YYYY-MM-DD\) \(\d{4}-\d{2}-\d{2}\)$/);
    screen.type("2026-11-03");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen().split("\n").at(-1)).toBe("> 2026-11-03 is before 2026-11-04, the day 8D-2026-013 was received: a revision cannot carry out what was received after it");
    for (let i = 0; i < "2026-11-03".length; i++) screen.keypress("backspace");
    screen.type("2026-11-04");
    screen.keypress("enter");
    expect(await later).toBe(0);
    expect(revisionOf(asked)).toContain("    date: 2026-11-04\n    summary: 首件确认\n    reason: 8D-2026-013 D7\n    actions:\n      - 8D-2026-013\n");

    // Every open record received after the date: none may be ticked, nothing is asked.
    const none = await opened();
    expect(await releaseDocument(capture(none), "QP-010", { ...SIGNED, date: "2026-11-01", summary: "首件确认", reason: "8D-2026-012" }, prompts)).toBe(0);
    expect(revisionOf(none)).not.toContain("actions:");
    // --action and --date given: refused before the first question, as without a terminal.
    const given = await opened();
    await expect(releaseDocument(capture(given), "QP-010", { ...undated, date: "2026-11-03", action: ["8D-2026-013"] }, prompts)).rejects.toThrow(
      "--action 8D-2026-013 was received on 2026-11-04, after this revision's date 2026-11-03: a revision cannot carry out what was received after it. Check --date or --action.",
    );
  });
});

/**
 * The complaint's changes: the containment deviation WI-010-03 (of WI-010-01) released for it on 2026-11-03, a
 * copy handed out, taken back and the deviation withdrawn on 2026-11-20; QP-010 A/2 and the PFMEA QR-014-03 A/0
 * released for it, A/2 handed out.
 */
const carried = builtOnce(async () => {
  const dir = await opened();
  await setUp(dir, "new", "instruction", "--title", "扣压外径全检临时作业", "--department", "PRD", "--deviates-from", "WI-010-01", "-y", "--commit");
  const deviation = join(dir, "documents/instructions/WI-010-03.yaml");
  writeFileSync(deviation, readFileSync(deviation, "utf8").replace(/^ {4}title_en: .*$/gm, "$&\n    text: 无。"));
  git(dir, ["commit", "-qam", "deviation body"]);
  await setUp(dir, "release", "WI-010-03", "--summary", "围堵全检", "--action", "8D-2026-012", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-03", "--until", "2026-11-30", "-y");
  await setUp(dir, "distribute", "WI-010-03", "--to", "PRD:huangjun", "--date", "2026-11-03", "--issued-by", "chenjing", "-y", "--commit");
  await setUp(dir, "recall", "WI-010-03", "--copy", "1", "--date", "2026-11-20", "--by", "huangjun", "-y", "--commit");
  await setUp(dir, "obsolete", "WI-010-03", "--date", "2026-11-20", "--reason", "永久措施已实施", "-y");
  await setUp(dir, "release", "QP-010", "--summary", "首件确认", "--total-pages", "2", "--reason", "8D-2026-012 D7", "--action", "8D-2026-012", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-12", "-y");
  await setUp(dir, "new", "form", "--number", "QR-014-03", "--title", "D1平台PFMEA（DY-BH-2201）", "--department", "ENG", "--retention", "产品寿命期+1年", "-y", "--commit");
  await setUp(dir, "release", "QR-014-03", "--summary", "首次发布", "--action", "8D-2026-012", "--prepared", "gaoyang", "--reviewed", "zhoupeng", "--approved", "zhangli", "--date", "2026-11-13", "-y");
  await setUp(dir, "distribute", "QP-010", "--to", "PRD:huangjun", "--date", "2026-11-17", "--issued-by", "chenjing", "-y", "--commit");
  return dir;
});

describe("csr changes --action", () => {
  it("lists the revisions recorded against the record and their copies, and says so", async () => {
    const dir = await carried();
    const result = csr(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--action", "8d-2026-012"], { lang: "zh-CN" });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("只列出落实纠正措施 8D-2026-012（D1制动软管扣压外径超差）的变更：记在该措施下的换版，及其发放、回收、培训和作废。\n");
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("变更报告：2026-11-01 至 2026-11-30（仅 8D-2026-012）");
    expect(lines.slice(4, 11).map((line) => line.split(/ {2,}/).slice(0, 3))).toEqual([
      ["文件", "新增", "WI-010-03"],
      ["文件", "发放", "WI-010-03"],
      ["文件", "换版", "QP-010"],
      ["文件", "新增", "QR-014-03"],
      ["文件", "发放", "QP-010"],
      ["文件", "回收", "WI-010-03"],
      ["文件", "作废", "WI-010-03"],
    ]);
    expect(lines[11]).toBe("");
    expect(lines[12]).toBe("文件：新增 2，换版 1，发放 2，回收 1，作废 1");
    // A terminal's reader has the scope on stderr; a printed report, read by someone who did not run it, says it under the table first (look65 #3).
    expect(result.stdout).not.toContain("只列出");
    const md = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-012", "--format", "md"], { lang: "zh-CN" });
    expect(md.stderr).toBe(result.stderr);
    const notes = md.stdout.slice(md.stdout.lastIndexOf("|\n") + 2).trim().split("\n").filter((line) => line.trim() !== "");
    expect(notes.slice(0, 2)).toEqual(["只列出落实纠正措施 8D-2026-012（D1制动软管扣压外径超差）的变更：记在该措施下的换版，及其发放、回收、培训和作废。  ", "文件：新增 2，换版 1，发放 2，回收 1，作废 1  "]);
  });

  it("gives the same rows as JSON and CSV", async () => {
    const dir = await carried();
    const json = JSON.parse(await run(dir, "changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-012", "--format", "json")) as { changes: { kind: string; id: string; from: string; to: string }[] };
    expect(json.changes.map((c) => [c.kind, c.id, c.from, c.to])).toEqual([
      ["added", "WI-010-03", "", "A/0"],
      ["issued", "WI-010-03", "", "A/0"],
      ["released", "QP-010", "A/1", "A/2"],
      ["added", "QR-014-03", "", "A/0"],
      ["issued", "QP-010", "", "A/2"],
      ["recalled", "WI-010-03", "A/0", ""],
      ["withdrawn", "WI-010-03", "A/0", "obsolete"],
    ]);
    const rows = (await run(dir, "changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-012", "--format", "csv")).trim().split("\n");
    expect(rows.slice(1).map((row) => row.split(",")[2])).toEqual(["WI-010-03", "WI-010-03", "QP-010", "QR-014-03", "QP-010", "WI-010-03", "WI-010-03"]);
  });

  it("refuses an id without a record, naming the closest, exit 2", async () => {
    const dir = await carried();
    const result = csr(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-021"], { lang: "zh-CN" });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe("csr: 没有纠正措施记录 '8D-2026-021'。是否应为 '8D-2026-001'？");
  });
});

describe("csr changes --customer takes in a complaint's changes (tester63 N13)", () => {
  it("lists the deviation and the PFMEA recorded against DYA's complaint, which address no DYA CSR, and not under BCM", async () => {
    const dir = await carried();
    const dya = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--customer", "DYA", "--format", "json"], { lang: "zh-CN" });
    expect(dya.stderr).toBe("只列出顾客 DYA（东岳汽车股份有限公司）的变更：其 CSR、来源文件、特性符号，落实其 CSR 或引用其通知的文件，以及记在其投诉纠正措施下或已通知该顾客的换版。\n");
    const ids = (JSON.parse(dya.stdout) as { changes: { area: string; kind: string; id: string }[] }).changes.filter((c) => c.area === "document").map((c) => `${c.kind} ${c.id}`);
    expect(ids).toEqual(["added WI-010-03", "issued WI-010-03", "released QP-010", "added QR-014-03", "issued QP-010", "recalled WI-010-03", "withdrawn WI-010-03"]);
    const bcm = JSON.parse(await run(dir, "changes", "2026-11-01", "2026-11-30", "--customer", "BCM", "--format", "json")) as { changes: { area: string; id: string }[] };
    expect(bcm.changes.filter((c) => c.area === "document").map((c) => c.id)).toEqual([]);
  });
});

describe("a revision's corrective actions in its revision record (tester65 N4)", () => {
  it("csr history, csr show and csr changes name them in the reason/request/ECN cell, in Chinese and English", async () => {
    const dir = await carried();
    const history = csr(["-C", dir, "history", "QR-014-03"], { lang: "zh-CN" });
    expect(history.code).toBe(0);
    expect(history.stdout.split("\n").find((line) => line.startsWith("A/0"))!.split(/ {2,}/).slice(0, 4)).toEqual(["A/0", "2026-11-13", "首次发布", "纠正措施：8D-2026-012"]);
    const english = await csrInProcess(["-C", dir, "history", "QP-010"], { lang: "en" });
    expect(english.code).toBe(0);
    expect(english.stdout.split("\n").find((line) => line.startsWith("A/2"))!.split(/ {2,}/).slice(0, 4)).toEqual(["A/2", "2026-11-12", "首件确认", "reason: 8D-2026-012 D7; corrective action 8D-2026-012"]);
    const show = csr(["-C", dir, "show", "QR-014-03", "--today", "2026-11-30"], { lang: "zh-CN" });
    expect(show.stdout).toContain("修订记录        A/0  2026-11-13  首次发布  纠正措施：8D-2026-012  须于 2026-11-20 前通知顾客 DYA\n");
    const changes = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--document", "QR-014-03", "--format", "json"], { lang: "zh-CN" });
    expect((JSON.parse(changes.stdout) as { changes: { kind: string; actions?: string[] }[] }).changes.filter((c) => c.kind === "added").map((c) => c.actions)).toEqual([["8D-2026-012"]]);
    const text = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--document", "QR-014-03"], { lang: "en" });
    expect(text.stdout).toContain("; corrective action 8D-2026-012");
  });
});
