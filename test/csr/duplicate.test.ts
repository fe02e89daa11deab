/**
 * One requirement registered twice (tester19 F8): `csr add` run again after an error, a list
 * imported again, a repeat left in the files. csr add refuses it (or asks), csr import refuses or
 * names it, csr/duplicate reports it.
 */
import { checkbox, input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addCsr } from "../../src/commands/add/index.js";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { setLanguage } from "../../src/i18n/index.js";
import { comparableText } from "../../src/model/csr-duplicates.js";
import { checkJsonInProcess, csr, csrInProcess, tempDir } from "../helpers.js";
import { today, weekdaysAfter } from "../today.js";
import { capture, read, sourceReceivedOn, tree, validRepo } from "./fixture.js";

const TITLE = "特殊特性工位须设防错并每班验证";
const TEXT = "涉及CC特性的工位须设置防错装置，每班开班用标准样件验证并记录。";
const add = (section: string, title: string, text: string) => ["add", "--customer", "DYA", "--source", "DYA-PKG", "--section", section, "--clause", "IATF16949:8.3.3.3", "--title", title, "--text", text, "--received", today()];

/** The fixture with DYA-011 registered from DYA-PKG (received the day the test runs, so its review is not overdue). */
async function registered(): Promise<{ dir: string; day: string }> {
  const dir = validRepo();
  const day = today();
  sourceReceivedOn(dir, day);
  expect((await csrInProcess(["-C", dir, ...add("5.3 防错验证", TITLE, TEXT)])).code).toBe(0);
  return { dir, day };
}

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search), checkbox: wrapPrompt(checkbox) } as unknown as Prompts;

describe("csr add of a requirement registered already", () => {
  it("refuses the same add run again, in one line naming the CSR and a hint, and writes nothing", async () => {
    const { dir } = await registered();
    const before = tree(dir);
    // Run again as typed after an error, and with the text typed half-width with spaces: the same requirement.
    for (const text of [TEXT, "涉及 CC 特性的工位须设置防错装置, 每班开班用标准样件验证并记录"]) {
      expect(await csrInProcess(["-C", dir, ...add("5.3 防错验证", TITLE, text)])).toEqual({
        code: 2,
        stdout: "",
        stderr: `csr: This requirement is registered already as DYA-011 “${TITLE}” (DYA-PKG, same text): not registered twice.\nhint: To correct DYA-011, use 'csr set DYA-011'; if this is another requirement, add --allow-duplicate.\n`,
      });
    }
    // The title again in the same section, the text corrected on the way: a repeat too.
    expect(await csrInProcess(["-C", dir, ...add("5.3 防错验证", TITLE, "涉及CC特性的工位须设置防错装置。")], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: 这条要求已登记为 DYA-011「${TITLE}」（DYA-PKG，同一章节、名称相同），未重复登记。\n提示：如需更正 DYA-011，请用 'csr set DYA-011'；如确是另一条要求，请加 --allow-duplicate 再登记。\n`,
    });
    expect(tree(dir)).toEqual(before);
  });

  it("registers another requirement of the same source, and a repeat given --allow-duplicate, which csr check then reports", async () => {
    const { dir, day } = await registered();
    // The same title under another section, with another text: another requirement.
    expect(await csrInProcess(["-C", dir, ...add("5.4", TITLE, "防错装置失效时须停机。")])).toEqual({
      code: 0,
      stdout: `Registered DYA-012 in csr/DYA/DYA-012.yaml.\nReview due ${weekdaysAfter(day, 10)} (10 working days after ${day}).\n`,
      stderr: "",
    });
    expect(await csrInProcess(["-C", dir, ...add("7.1", "防错", TEXT), "--allow-duplicate"])).toEqual({
      code: 0,
      stdout:
        `Registered DYA-013 in csr/DYA/DYA-013.yaml.\nReview due ${weekdaysAfter(day, 10)} (10 working days after ${day}).\n` +
        "Note: DYA-011 is the same requirement; csr check reports csr/duplicate until one of them is withdrawn or their texts say how they differ.\n",
      stderr: "",
    });
    const findings = (await checkJsonInProcess(dir, "--today", day)).findings.filter((f) => f.rule === "csr/duplicate");
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      `csr/DYA/DYA-013.yaml:10:7 DYA-013 is the same requirement as DYA-011: same customer and source document DYA-PKG, same text (white space, full/half-width forms and punctuation aside). Registered twice, it has two review deadlines and two matrix rows, and the two records drift apart. DYA-013 has no review record yet: delete the repeat with git rm csr/DYA/DYA-013.yaml. If they are two requirements, say how they differ with 'csr set DYA-013 --text ...'.`,
    ]);
  });

  it("asks at a terminal, naming the CSR; Enter keeps it and writes nothing, or registers another requirement", async () => {
    setLanguage("zh-CN");
    try {
      const { dir, day } = await registered();
      const before = tree(dir);
      const flags = { customer: "DYA", source: "DYA-PKG", section: "5.3 防错验证", clause: ["IATF16949:8.3.3.3"], title: TITLE, text: TEXT, category: "", received: day };
      const kept = capture(dir);
      const done = addCsr(kept, flags, prompts);
      await screen.next();
      expect(screen.getScreen()).toContain(`这条要求已登记为 DYA-011「${TITLE}」（DYA-PKG，要求内容相同）。仍要登记吗？`);
      expect(screen.getScreen()).toContain("❯ 不登记，沿用 DYA-011\n  登记为另一条要求");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(kept.out).toBe("未登记：沿用 DYA-011。\n");
      expect(tree(dir)).toEqual(before);

      const again = capture(dir);
      const registering = addCsr(again, flags, prompts);
      await screen.next();
      screen.keypress("down");
      screen.keypress("enter");
      expect(await registering).toBe(0);
      expect(again.out).toContain("已登记 DYA-012，文件 csr/DYA/DYA-012.yaml。\n");
      expect(again.out).toContain("注意：DYA-011 的要求与之相同；在撤销其中一条或写明区别之前，csr check 会报告 csr/duplicate。\n");
      expect(read(dir, "csr/DYA/DYA-012.yaml")).toContain(`text: ${TEXT}\n`);
    } finally {
      setLanguage("en");
    }
  });
});

describe("csr add of a requirement registered from another source document of the customer (tester23 F19)", () => {
  it("registers it and warns, naming the CSR and how to withdraw either one; csr check reports no csr/duplicate", async () => {
    const dir = validRepo();
    const day = today();
    sourceReceivedOn(dir, day);
    // DYA-003 (DYA-SQM) has this title and no text; an SQE e-mail repeats it, typed with a final stop.
    const result = csr(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-PKG", "--clause", "IATF16949:8.5.4", "--title", "包装须使用顾客周转箱。", "--received", day, "-y"], { lang: "zh-CN" });
    expect(result).toEqual({
      code: 0,
      stdout: `已登记 DYA-011，文件 csr/DYA/DYA-011.yaml。\n评审期限 ${weekdaysAfter(day, 10)}（接收日期 ${day} 之后 10 个工作日）。\n`,
      stderr:
        "csr: 警告：DYA-011 重复了已登记的 DYA-003「包装须使用顾客周转箱」（DYA-SQM，名称相同），将另行评审。若是同一要求，请勿重复登记：用 'csr supersede DYA-011 --by DYA-003 --reason <原因>' 撤销 DYA-011；若顾客以新文件重新提出并取代了原要求，则用 'csr supersede DYA-003 --by DYA-011 --reason <原因>' 撤销原要求。\n",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("title: 包装须使用顾客周转箱。\n");
    expect((await checkJsonInProcess(dir, "--today", day)).findings.filter((f) => f.rule === "csr/duplicate")).toEqual([]);
    // A superseded CSR's words (DYA-009) are no requirement in force: nothing to say.
    const again = csr(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-PKG", "--clause", "IATF16949:8.5.4", "--title", "特殊特性用三角符号标识", "--received", day, "-y"]);
    expect([again.code, again.stderr]).toEqual([0, ""]);
  });
});

describe("csr import --as csr of requirements registered already", () => {
  const HEADER = "编号,要求名称,要求内容,顾客代码,来源文件,章节,条款,接收日期";
  const row = (id: string, title: string, text: string, section = "5.3") => [id, title, `"${text}"`, "DYA", "DYA-PKG", section, "8.3.3.3", today()].join(",");

  it("refuses a row without an id that repeats a registered CSR or an earlier row, and names the repeat of a row with one", async () => {
    const { dir } = await registered();
    const list = join(tempDir(), "清单.csv");
    writeFileSync(
      list,
      [
        HEADER,
        // Row 2: DYA-011 again, typed with half-width punctuation.
        row("", TITLE, "涉及 CC 特性的工位须设置防错装置, 每班开班用标准样件验证并记录"),
        row("", "防错失效停机", "防错装置失效时须停机。", "5.4"),
        // Row 4: row 3 again.
        row("", "防错失效停机", "防错装置失效时须停机。", "5.4"),
        // Row 5: numbered by the list, so imported; said to repeat DYA-011.
        row("DYA-020", "防错", TEXT, "7.1"),
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", list, "--as", "csr"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      [
        "wrote csr/DYA/DYA-021.yaml",
        "wrote csr/DYA/DYA-020.yaml",
        "",
        "row 2: the requirement on this row has no id, and DYA-011 (csr/DYA/DYA-011.yaml) is a requirement of the same customer, source and text: not registered twice; if it is another requirement, give its id in an 编号 column (row not imported)",
        "row 4: the requirement on this row has no id, and row 3 (DYA-021) is a requirement of the same customer, source and text: not registered twice; if it is another requirement, give its id in an 编号 column (row not imported)",
        "row 5: DYA-020 is a requirement of the same customer, source and text as DYA-011 (csr/DYA/DYA-011.yaml), imported under the id the list gives; if it is registered twice, withdraw one (csr explain csr/duplicate)",
        "",
        "The list gives no CSR ids: its rows (1) got their customer's next free id, as csr add numbers:",
        "  row 3 → DYA-021",
      ].join("\n"),
    );
    // The fixture's own CSRs, received on fixed days, fall due as the days go by (csr/review-overdue, csr/review-due-soon,
    // csr/implementation-overdue, and from a day in a year whose holidays csr does not ship yet
    // calendar/year-missing): only the duplicate is this test's.
    expect(result.stdout).toMatch(/Imported rows: 2 of 4; rows refused: 2, conflicts with existing files: 0\.\ncsr check: errors: \d+, warnings: \d+ \((?:(?:csr\/review-overdue|csr\/review-due-soon|csr\/implementation-overdue|calendar\/year-missing) \d+, )*csr\/duplicate 1\)\.\n/);
    expect(existsSync(join(dir, "csr/DYA/DYA-022.yaml"))).toBe(false);
  });
});

describe("csr/duplicate", () => {
  it("compares texts as typed again: white space, full/half-width forms, Chinese or ASCII marks and the final stop aside", async () => {
    expect(comparableText("涉及 CC 特性的工位，须设置“防错”装置（每班验证）。")).toBe(comparableText("涉及ＣＣ特性的工位,须设置\"防错\"装置(每班验证)"));
    expect(comparableText("Cpk ≥ 1.33。")).toBe("cpk≥1.33");
    expect(comparableText("Cpk≥1.33")).not.toBe(comparableText("Cpk≥133"));
  });

  it("says to withdraw the repeat when both have a review record, and to delete the one without (the earlier one when only it has none)", async () => {
    const dir = validRepo();
    const day = today();
    sourceReceivedOn(dir, day);
    const file = (id: string, title: string, review = "") =>
      writeFileSync(join(dir, `csr/DYA/${id}.yaml`), [`id: ${id}`, "customer: DYA", "source: {document: DYA-PKG, revision: A}", "clauses: [IATF16949:8.3.3.3]", `title: ${title}`, `received: ${day}`, review, ""].join("\n"));
    const decided = `review:\n  record: {ref: 2026-11 评审记录 第12号}\n  decision: {disposition: must, by: wang, date: ${day}}`;
    file("DYA-011", TITLE, decided);
    file("DYA-012", TITLE, `review:\n  opinions:\n    - {department: QA, reviewer: zhang, opinion: accept, date: ${day}}`);
    file("DYA-020", TITLE);
    file("DYA-014", "防错失效停机");
    file("DYA-015", "防错失效停机", decided);
    const fixes = (await checkJsonInProcess(dir, "--today", day)).findings
      .filter((f) => f.rule === "csr/duplicate")
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.message.slice(f.message.indexOf("drift apart. ") + 13)}`);
    expect(fixes).toEqual([
      "csr/DYA/DYA-012.yaml:5:8 Both have review records: mark the repeat DYA-012 superseded with csr supersede DYA-012 --by DYA-011 --reason 'duplicate of DYA-011'. If they are two requirements, say how they differ with 'csr set DYA-012 --text ...'.",
      "csr/DYA/DYA-015.yaml:5:8 DYA-014 has no review record yet: delete the repeat with git rm csr/DYA/DYA-014.yaml. If they are two requirements, say how they differ with 'csr set DYA-015 --text ...'.",
      "csr/DYA/DYA-020.yaml:5:8 DYA-020 has no review record yet: delete the repeat with git rm csr/DYA/DYA-020.yaml. If they are two requirements, say how they differ with 'csr set DYA-020 --text ...'.",
    ]);
    // The command the finding names, run as a user pastes it, settles it: DYA-012 is no longer reported.
    expect(csr(["-C", dir, "supersede", "DYA-012", "--by", "DYA-011", "--reason", "duplicate of DYA-011", "-y"])).toEqual({
      code: 0,
      stdout:
        `Marked DYA-012 ${TITLE} superseded (csr/DYA/DYA-012.yaml): on ${day}, replaced by DYA-011 ${TITLE}; reason: duplicate of DYA-011\n` +
        "DYA-012's review, links and implementation stay on record; the registers list it as superseded and no longer count a review deadline for it.\n",
      stderr: "",
    });
    expect((await checkJsonInProcess(dir, "--today", day)).findings.filter((f) => f.rule === "csr/duplicate").map((f) => f.file)).toEqual(["csr/DYA/DYA-015.yaml", "csr/DYA/DYA-020.yaml"]);
  });
});
