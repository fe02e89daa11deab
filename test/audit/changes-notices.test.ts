/**
 * The change report and the site carry what a revision was released for and who was told (breaker64 P8): csr changes
 * --action and --customer list each revision's corrective action records and its 顾客通知/批准 (text, csv, xlsx, md,
 * json, en); --action needs no from date (every revision recorded against the record); the document's page on the site
 * lists the action ids and notices of its revisions. And the site's 引用本文件的文件和过程 lists what the released
 * documents name, not what only a draft of a revision in preparation names, as csr show does (tester64 N13).
 * On a copy of examples/acme-auto in a real git repository: DYA's complaint 8D-2026-002 received on 2026-11-02,
 * WI-010-02 A/2 released for it on 2026-11-10 (DYA's change notice due 2026-11-17) and notified on 2026-11-20.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";
import { releasedForAction } from "../released-for-action.js";

/** In the language given (Chinese unless said), in this process (csrInProcess); exit 0 required. The built binary runs the first report, the one without a from date and the refusal. */
async function run(dir: string, args: string[], lang: "zh-CN" | "en" = "zh-CN"): Promise<string> {
  const result = await csrInProcess(["-C", dir, ...args], { lang });
  if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

const released = builtOnce(async () => {
  const dir = await releasedForAction();
  await run(dir, ["sign", "WI-010-02", "--customer-notified", "DYA=2026-11-20", "--commit"]);
  return dir;
});

const HEADER = ["类别", "变更", "编号", "名称", "变更前", "变更后", "说明", "顾客通知/批准", "编制/审核/批准", "日期"];
// Of November: the git history starts later, so the sections the revision changed are not known (they are in a period up to today).
const ROW = ["文件", "换版", "WI-010-02", "橡胶件硫化作业指导书", "A/1", "A/2", "增加O形圈；纠正措施：8D-2026-002", "2026-11-20 通知顾客 DYA（逾期 3 个工作日，要求 2026-11-17 前）", "编制：高扬 2026-11-10；审核：黄军 2026-11-10；批准：张丽 2026-11-10", "2026-11-10"];

describe("csr changes --action and --customer carry the revision's corrective actions and customer notices (breaker64 P8)", () => {
  it("lists them in text and csv, and --action without a from date lists every revision recorded against the record", async () => {
    const dir = await released();
    const text = csr(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-002"], { lang: "zh-CN" });
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[0]).toBe("变更报告：2026-11-01 至 2026-11-30（仅 8D-2026-002）");
    expect(lines[2]!.split(/ {2,}/)).toEqual(HEADER);
    expect(lines[4]!.split(/ {2,}/)).toEqual(ROW);
    expect(lines[5]).toBe("");
    expect(lines[6]).toBe("文件：换版 1");

    const csv = (await run(dir, ["changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-002", "--format", "csv"])).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(csv).toEqual([HEADER.join(","), ROW.join(",")]);

    // No from date: the period starts on the day the record was received (the earliest of it and the revisions naming it), and ends today.
    const whole = csr(["-C", dir, "changes", "--action", "8d-2026-002"], { lang: "zh-CN" });
    expect(whole.code).toBe(0);
    expect(whole.stderr).toBe("只列出落实纠正措施 8D-2026-002（硫化不良）的变更：记在该措施下的换版，及其发放、回收、培训和作废。\n");
    const wholeLines = whole.stdout.split("\n");
    expect(wholeLines[0]).toMatch(/^变更报告：2026-11-02 至 \d{4}-\d{2}-\d{2}（仅 8D-2026-002）$/);
    expect(wholeLines[4]!.split(/ {2,}/)).toEqual(ROW.map((cell) => (cell === ROW[6] ? `${cell}；章节：修改 1 适用范围` : cell)));
    expect(wholeLines[6]).toBe("文件：换版 1");
  });

  it("shows the sections a released revision changed as released, not the working copy's next edit (review of stop 65)", async () => {
    const dir = await released();
    // The next revision begun in the working copy, not released: A/2's row still says what A/2 changed.
    const path = join(dir, "documents/instructions/WI-010-02.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("不得擅自更改；", "不得擅自更改，变更须经工艺员确认；"));
    const lines = (await run(dir, ["changes", "--action", "8D-2026-002"])).split("\n");
    expect(lines[4]!.split(/ {2,}/)).toEqual(ROW.map((cell) => (cell === ROW[6] ? `${cell}；章节：修改 1 适用范围` : cell)));
    const json = JSON.parse(await run(dir, ["changes", "--action", "8D-2026-002", "--format", "json"])) as { changes: { kind: string; id: string; sections?: unknown[] }[] };
    expect(json.changes.find((c) => c.id === "WI-010-02" && c.kind === "released")?.sections).toEqual([{ change: "changed", number: "1", title: "适用范围" }]);
  });

  it("gives them as data in json, and in English", async () => {
    const dir = await released();
    const json = JSON.parse(await run(dir, ["changes", "2026-11-01", "2026-11-30", "--customer", "DYA", "--format", "json"])) as { changes: { kind: string; id: string; actions?: string[]; customer_notices?: unknown[] }[] };
    const revision = json.changes.find((c) => c.id === "WI-010-02" && c.kind === "released");
    expect(revision?.actions).toEqual(["8D-2026-002"]);
    expect(revision?.customer_notices).toEqual([{ customer: "DYA", due: "2026-11-17", notified: "2026-11-20" }]);

    const en = (await run(dir, ["changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-002", "--format", "csv"], "en")).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(en[0]).toBe("Area,Change,ID,Title,Before,After,Detail,Customer notified/approved,Prepared/reviewed/approved,Date");
    expect(en[1]).toBe(
      `Documents,revised,WI-010-02,Rubber Moulding (Vulcanisation) Work Instruction,A/1,A/2,增加O形圈; corrective action 8D-2026-002,"notified to customer DYA on 2026-11-20 (3 working days late, due 2026-11-17)",prepared: Gao Yang 2026-11-10; reviewed: Huang Jun 2026-11-10; approved: Zhang Li 2026-11-10,2026-11-10`,
    );
  });

  it("writes them to md and xlsx", async () => {
    const dir = await released();
    const out = tempDir();
    await run(dir, ["changes", "2026-11-01", "2026-11-30", "--customer", "DYA", "--out", join(out, "dya.md")]);
    const md = readFileSync(join(out, "dya.md"), "utf8");
    expect(md).toContain("| 说明 | 顾客通知/批准 | 编制/审核/批准 | 日期 |");
    expect(md).toContain("| A/1 | A/2 | 增加O形圈；纠正措施：8D-2026-002 | 2026-11-20 通知顾客 DYA（逾期 3 个工作日，要求 2026-11-17 前） | 编制：高扬 2026-11-10；");
    await run(dir, ["changes", "2026-11-01", "2026-11-30", "--action", "8D-2026-002", "--out", join(out, "8d.xlsx")]);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, "8d.xlsx"));
    const sheet = book.worksheets[0]!;
    const header = findRow(sheet, "类别");
    expect(header).toBeDefined();
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
    expect(values(header!)).toEqual(HEADER);
    expect(values(header! + 1)).toEqual(ROW);
  });

  it("refuses a report without a from date but for --action, exit 2", () => {
    const result = csr(["-C", copyFixture("examples/acme-auto"), "changes", "--customer", "DYA"], { lang: "zh-CN" });
    expect(result).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少必需的参数 'from'（期间的开始日或较早的提交、标签；只有 --action、--ecn 或 --change-request 列出带该编号的全部换版时可以省略）；参见 'csr changes --help'。\n" });
  });
});

/** The row number of the first row of `sheet` whose first cell is `first`. */
function findRow(sheet: import("exceljs").Worksheet, first: string): number | undefined {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getRow(row).getCell(1).value === first) return row;
  return undefined;
}

/** The text of a section of a site page, from its heading on: tags dropped, blanks folded. */
function sectionText(html: string, heading: string, length: number): string {
  const at = html.indexOf(`>${heading}<`);
  return at < 0 ? "" : html.slice(at + 1).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().slice(0, length);
}

describe("csr site: revisions' corrective actions and notices, and references as released (breaker64 P8, tester64 N13)", () => {
  it("lists the action ids and notices of a document's revisions, and leaves out a reference only a draft revision makes", async () => {
    const dir = await released();
    // QP-011 being revised: its draft names a new work instruction, which its released A/1 does not.
    await run(dir, ["new", "instruction", "--title", "长城汽车包装标签作业指导书", "--department", "PRD", "--used-by", "QP-011", "-y"]);
    const path = join(dir, "documents/instructions/WI-011-02.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/^ {4}title_en: .*$/gm, "$&\n    text: 无。"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "WI-011-02 and QP-011's draft"]);
    await run(dir, ["release", "WI-011-02", "--summary", "新增", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-20", "-y"]);
    expect(await run(dir, ["show", "WI-011-02", "--today", "2026-12-05"])).not.toContain("引用本文件");

    const out = join(tempDir(), "site");
    await run(dir, ["site", "--out", out, "--today", "2026-12-05"]);
    const page = readFileSync(join(out, "documents/WI-010-02.html"), "utf8");
    const followUp = "换版的纠正措施和顾客通知 版本 日期 纠正措施 顾客通知/批准 A/2 2026-11-10 8D-2026-002 2026-11-20 通知顾客 DYA（逾期 3 个工作日，要求 2026-11-17 前） 条款";
    expect(sectionText(page, "换版的纠正措施和顾客通知", followUp.length)).toBe(followUp);
    // The version and the action id are read whole, as the site's other id cells: a narrow screen does not break 8D-2026-/001 (review of stop 65);
    // the id links to its row of the action register (look65 #5).
    expect(page).toContain('<tr><td class="code">A/2</td><td class="date">2026-11-10</td><td class="code"><a href="../registers/actions.html#action-8D-2026-002">8D-2026-002</a></td><td>2026-11-20 通知顾客 DYA');
    // The search finds the document by the corrective action its page prints (review of stop 65).
    const search = readFileSync(join(out, "assets/search-entries.js"), "utf8");
    expect(search).toMatch(/"key":"document:WI-010-02",[^}]*"text":"[^"]*\\n8D-2026-002(\\n|")/);
    // A document whose revisions record neither has no such section.
    expect(readFileSync(join(out, "documents/WI-010-01.html"), "utf8")).not.toContain("换版的纠正措施和顾客通知");

    const wi = readFileSync(join(out, "documents/WI-011-02.html"), "utf8");
    const none = "引用本文件的文件和过程 无 受控副本";
    expect(sectionText(wi, "引用本文件的文件和过程", none.length)).toBe(none);
    // QP-011 A/1 as released still names QP-002: that reference stays.
    expect(sectionText(readFileSync(join(out, "documents/QP-002.html"), "utf8"), "引用本文件的文件和过程", 60)).toContain("QP-011 标识和可追溯性控制程序");
  });
});
