/**
 * The corrective action register (csr list actions, 纠正措施台账; actreg64): one row per record of
 * actions/, with its source, each step's due and done dates, where it stands (进度), its status judged on
 * the day, the revisions released to carry it out (csr release --action), read-across count and closure;
 * its filters; the card of one record (csr show <id>). csr in the test's process and the built binary on a copy of examples/acme-auto
 * in a real git repository: DYA sets 24 hours for containment, D4 in 5 working days, the 8D in 15
 * (customers/DYA.yaml complaint_deadlines).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, csr, csrInProcess, git } from "../helpers.js";

/** In Chinese, the repository's language; in the test's process (csrInProcess), the same stdout, stderr and exit code. */
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
/** The built binary, for the register's first listing and the card (csr list actions, csr show), whose output it keeps asserted. */
const bin = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });

/** A step of the state the tests start from, by csr in the test's process (csrInProcess): what they check is what the binary prints of it; exit 0 required. */
async function setUp(dir: string, ...args: string[]): Promise<void> {
  const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
  if (result.code !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`);
}

/**
 * Three records as a quality engineer keeps them: an audit nonconformity of June whose D5 was due on
 * 06-30 and nothing is done, an internal finding of October closed on 11-05, and DYA's complaint of
 * 11-02 with D3 on time, D4 two working days late and a read-across; QP-010 A/2 released on 11-12 for
 * the complaint and the audit nonconformity.
 */
const RECORDS: Record<string, string> = {
  "NC-2026-001": "id: NC-2026-001\ntitle: 首件检验未经班组长确认\nsource: audit\nprocess: C3\naudit_report: IA-2026-01\nreceived: 2026-06-08\nowner: huangjun\nsteps:\n  D5:\n    due: 2026-06-30\n",
  "NC-2026-002": [
    "id: NC-2026-002",
    "title: 库房温湿度记录缺失",
    "source: internal",
    "process: C3",
    "received: 2026-10-10",
    "owner: huangjun",
    "steps:",
    ...[["D3", "2026-10-12"], ["D4", "2026-10-14"], ["D5", "2026-10-15"], ["D6", "2026-10-20"], ["D7", "2026-10-22"]].map(([step, done]) => `  ${step}:\n    done: ${done}\n    by: huangjun`),
    "  D8:\n    done: 2026-11-05\n    verified_by: zhaoqiang\n    evidence: 连续4周记录完整",
    "",
  ].join("\n"),
  "8D-2026-012": [
    "id: 8D-2026-012",
    "title: D1制动软管扣压外径超差",
    "title_en: D1 brake hose crimp diameter out of tolerance",
    "source: complaint",
    "customer: DYA",
    "complaint: DYA-C-2026-031",
    "product: D1制动软管总成",
    "product_en: D1 brake hose assembly",
    "received: 2026-11-02",
    "owner: gaoyang",
    "csr: [DYA-002, DYA-004]",
    "steps:",
    "  D3: {due: 2026-11-03, done: 2026-11-03, by: huangjun, note: 库存及在途产品全检}",
    "  D4: {due: 2026-11-09, done: 2026-11-11, note: 扣压模具磨损未纳入点检}",
    "  D8: {due: 2026-11-23}",
    "read_across:",
    "  - {document: WI-010-02, result: 硫化工序无同类失效模式, by: zhoupeng, date: 2026-11-19}",
    "",
  ].join("\n"),
};

/**
 * Three records as a quality engineer keeps them (as csr action open|step|readacross|close writes them;
 * action.test.ts runs those): an audit nonconformity of June whose D5 was due on 06-30 and nothing is
 * done, an internal finding of October closed on 11-05, and DYA's complaint of 11-02 with D3 on time,
 * D4 two working days late and a read-across; QP-010 A/2 released on 11-12 for the complaint and the
 * audit nonconformity (csr release --action).
 */
const acme = builtOnce(async () => {
  const dir = committedFixture("examples/acme-auto");
  const processes = join(dir, "processes.yaml");
  // C3's audit of 2026 (IA-2026-01, of 2026-10-13 in acme-auto) held in June instead, with the nonconformity NC-2026-001 raised there.
  writeFileSync(processes, readFileSync(processes, "utf8").replace("    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n    audits:\n      - {date: 2025-10-14, by: [zhaoqiang, lina], report: IA-2025-01, nonconformities: 0}\n      - {date: 2026-10-13, by: [zhaoqiang, lina], report: IA-2026-01, nonconformities: 0}\n", "    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n    audits:\n      - {date: 2025-10-14, by: [zhaoqiang, lina], report: IA-2025-01, nonconformities: 0}\n      - {date: 2026-06-08, by: [zhaoqiang], report: IA-2026-01, nonconformities: 1}\n"));
  // These three records in place of the example's own (8D-2026-001, DYA's complaint 2026-05 closed in April): the register as they make it.
  rmSync(join(dir, "actions"), { recursive: true });
  mkdirSync(join(dir, "actions"));
  for (const [id, text] of Object.entries(RECORDS)) writeFileSync(join(dir, "actions", `${id}.yaml`), text);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-qm", "corrective actions"]);
  await setUp(dir, "submit", "QP-010", "--by", "zhaoqiang", "--date", "2026-11-10");
  const path = join(dir, "documents/procedures/QP-010.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("首件检验合格后方可批量生产。", "首件检验合格并经班组长签字确认后方可批量生产。"));
  git(dir, ["commit", "-qam", "body"]);
  await setUp(dir, "release", "QP-010", "--summary", "首件确认", "--total-pages", "2", "--action", "8D-2026-012,NC-2026-001", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-12", "-y");
  return dir;
});

describe("csr list actions", () => {
  it("lists every record with where it stands on the day, the revisions that carry it out and the totals", async () => {
    const dir = await acme();
    const result = bin(dir, "list", "actions", "--today", "2026-11-20");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "纠正措施台账（共 3 项）",
      "",
      "序号  编号         来源          顾客/过程             投诉编号/审核报告  问题描述                接收/提出日期  责任人  进度                                                           状态    相关文件修订  横向展开  关闭日期",
      "----  -----------  ------------  --------------------  -----------------  ----------------------  -------------  ------  -------------------------------------------------------------  ------  ------------  --------  ----------",
      "1     NC-2026-001  内审不符合项  C3 生产过程控制       IA-2026-01         首件检验未经班组长确认  2026-06-08     黄军    待 D3 采取围堵措施，D5 要求 2026-06-30 前，已逾期 94 个工作日  逾期    QP-010 A/2    0",
      "2     NC-2026-002  内部发现      C3 生产过程控制                          库房温湿度记录缺失      2026-10-10     黄军    已验证关闭                                                     已关闭                0         2026-11-05",
      "3     8D-2026-012  顾客投诉      东岳汽车股份有限公司  DYA-C-2026-031     D1制动软管扣压外径超差  2026-11-02     高扬    待 D5 选定纠正措施，D8 要求 2026-11-23 前                      进行中  QP-010 A/2    1",
      "",
      "共 3 项：进行中 2 项（其中逾期 1 项），已关闭 1 项。",
      "",
    ]);
    // A past day: what was done since is not yet done, and the complaint's D4 is past due.
    const before = await run(dir, "list", "actions", "--today", "2026-11-10");
    expect(before.stdout.split("\n").slice(-5)).toEqual([
      "3     8D-2026-012  顾客投诉      东岳汽车股份有限公司  DYA-C-2026-031     D1制动软管扣压外径超差  2026-11-02     高扬    待 D4 分析根本原因，要求 2026-11-09 前，已逾期 1 个工作日      逾期                  0",
      "",
      "共 3 项：进行中 2 项（其中逾期 2 项），已关闭 1 项。",
      "本表按记录还原为 2026-11-10 当日的状态：此后记录的事项未计入。",
      "",
    ]);
  });

  it("keeps each step's due and done date in the file formats, and prints in English", async () => {
    const dir = await acme();
    const csv = await run(dir, "list", "actions", "--today", "2026-11-20", "--format", "csv");
    expect(csv.stdout.replace(/^\uFEFF/, "").split("\r\n").slice(0, 4).join("\n").split("\n")).toEqual([
      "序号,编号,来源,顾客/过程,投诉编号/审核报告,问题描述,零件/产品,接收/提出日期,责任人,D3要求日期,D3完成日期,D4要求日期,D4完成日期,D5要求日期,D5完成日期,D6要求日期,D6完成日期,D7要求日期,D7完成日期,D8要求日期,D8完成日期,进度,状态,相关文件修订,横向展开,关闭日期,效果验证",
      "1,NC-2026-001,内审不符合项,C3 生产过程控制,IA-2026-01,首件检验未经班组长确认,,2026-06-08,黄军,,,,,2026-06-30,,,,,,,,待 D3 采取围堵措施，D5 要求 2026-06-30 前，已逾期 94 个工作日,逾期,QP-010 A/2,0,,",
      "2,NC-2026-002,内部发现,C3 生产过程控制,,库房温湿度记录缺失,,2026-10-10,黄军,,2026-10-12,,2026-10-14,,2026-10-15,,2026-10-20,,2026-10-22,,2026-11-05,已验证关闭,已关闭,,0,2026-11-05,赵强：连续4周记录完整",
      "3,8D-2026-012,顾客投诉,东岳汽车股份有限公司,DYA-C-2026-031,D1制动软管扣压外径超差,D1制动软管总成,2026-11-02,高扬,2026-11-03,2026-11-03,2026-11-09,2026-11-11,,,,,,,2026-11-23,,待 D5 选定纠正措施，D8 要求 2026-11-23 前,进行中,QP-010 A/2,1,,",
    ]);
    const en = await csrInProcess(["-C", dir, "list", "actions", "--today", "2026-11-20", "--status", "overdue"], { lang: "en" });
    expect(en.stderr).toBe(
      "The whole corrective action register: csr list actions.\n1 corrective action record has no English problem or product and prints it as written (NC-2026-001): add title_en (and product_en) to its file in actions/ ('csr action open' takes them as --title-en and --product-en for a new record).\n",
    );
    expect(en.stdout.split("\n").filter((line) => /^(Corrective|1 |This|1 record)/.test(line))).toEqual([
      "Corrective action register (status overdue; 1 record)",
      "1    NC-2026-001  internal audit nonconformity  C3 Production     IA-2026-01              首件检验未经班组长确认  2026-06-08  Huang Jun  next: D3 containment to put in place; D5 due 2026-06-30, 94 working days overdue  overdue  QP-010 A/2  0",
      "This register is filtered (status overdue) and is not the whole corrective action register.",
      "1 record: 1 open (1 overdue), 0 closed.",
    ]);
  });

  it("prints a record's English problem and product in English, and says on stderr which records have none (tester65 N6)", async () => {
    const dir = await acme();
    const en = await csrInProcess(["-C", dir, "list", "actions", "--today", "2026-11-20", "--format", "csv"], { lang: "en" });
    expect(en.stdout.split("\r\n")[3]).toMatch(/^3,8D-2026-012,customer complaint,"Dongyue Automobile Co\., Ltd\.",DYA-C-2026-031,D1 brake hose crimp diameter out of tolerance,D1 brake hose assembly,2026-11-02,/);
    expect(en.stderr).toBe(
      "2 corrective action records have no English problem or product and print them as written (NC-2026-001, NC-2026-002): add title_en (and product_en) to their files in actions/ ('csr action open' takes them as --title-en and --product-en for a new record).\n",
    );
    const card = (await csrInProcess(["-C", dir, "show", "8D-2026-012", "--today", "2026-11-20"], { lang: "en" })).stdout.split("\n");
    expect([card[0], card.find((line) => line.startsWith("  Part/product"))]).toEqual(["8D-2026-012  D1 brake hose crimp diameter out of tolerance", "  Part/product    D1 brake hose assembly"]);
    expect((await run(dir, "list", "actions", "--today", "2026-11-20")).stderr).toBe("");
  });

  it("narrows to a customer's complaints, a status, a source and the records received in a period, and says so", async () => {
    const dir = await acme();
    const rows = async (...args: string[]) => {
      const result = await run(dir, "list", "actions", "--today", "2026-11-20", ...args);
      expect([result.code, result.stderr]).toEqual([0, "完整的纠正措施台账：csr list actions。\n"]);
      const lines = result.stdout.split("\n");
      return [lines[0], ...lines.slice(4).filter((line) => /^\d/.test(line)).map((line) => line.split(/\s+/)[1]), ...lines.filter((line) => line.startsWith("本表"))];
    };
    expect(await rows("--customer", "DYA")).toEqual(["纠正措施台账（顾客：东岳汽车股份有限公司；共 1 项）", "8D-2026-012", "本表按条件筛选（顾客：东岳汽车股份有限公司），不是完整的纠正措施台账。"]);
    expect(await rows("--status", "进行中")).toEqual(["纠正措施台账（状态：进行中（含逾期）；共 2 项）", "NC-2026-001", "8D-2026-012", "本表按条件筛选（状态：进行中（含逾期）），不是完整的纠正措施台账。"]);
    expect(await rows("--status", "closed", "--source", "internal")).toEqual(["纠正措施台账（来源：内部发现；状态：已关闭；共 1 项）", "NC-2026-002", "本表按条件筛选（来源：内部发现；状态：已关闭），不是完整的纠正措施台账。"]);
    expect(await rows("--source", "内审不符合项")).toEqual(["纠正措施台账（来源：内审不符合项；共 1 项）", "NC-2026-001", "本表按条件筛选（来源：内审不符合项），不是完整的纠正措施台账。"]);
    expect(await rows("--from", "2026-10-01", "--to", "2026-10-31")).toEqual(["纠正措施台账（接收/提出日期：2026-10-01 至 2026-10-31；共 1 项）", "NC-2026-002", "本表按条件筛选（接收/提出日期：2026-10-01 至 2026-10-31），不是完整的纠正措施台账。"]);
    const refused = async (args: string[], stderr: string) => {
      const result = await run(dir, "list", "actions", ...args);
      expect([result.code, result.stdout, result.stderr]).toEqual([2, "", stderr]);
    };
    await refused(["--customer", "DYX"], "csr: --customer：未知顾客 'DYX'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。是否应为 'DYA'？\n");
    await refused(["--status", "open-ish"], "csr: --status 必须是 open、overdue、closed 之一；实际为 'open-ish'。\n");
    await refused(["--department", "QA"], "csr: --department 只用于 csr list distribution、csr list documents、csr list forms、csr list training 和 csr list skills，不用于 'csr list actions'。\n");
    await refused(["--overdue"], "csr: --overdue 只用于 csr list 和 csr list distribution，不用于 'csr list actions'。\n");
    const other = await run(dir, "list", "documents", "--source", "audit");
    expect([other.code, other.stderr]).toEqual([2, "csr: --source 只用于 csr list actions，不用于 'csr list documents'。\n"]);
  });

  it("is a sheet of csr export", async () => {
    const dir = await acme();
    const out = join(dir, "..", "export-actions.xlsx");
    expect((await run(dir, "export", "--out", out, "--today", "2026-11-20")).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("纠正措施台账")!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
    const header = [1, 2, 3, 4, 5].find((r) => values(r)[1] === "编号")!;
    expect(values(header).slice(0, 9)).toEqual(["序号", "编号", "来源", "顾客/过程", "投诉编号/审核报告", "问题描述", "零件/产品", "接收/提出日期", "责任人"]);
    expect(values(header + 3).slice(0, 13)).toEqual([3, "8D-2026-012", "顾客投诉", "东岳汽车股份有限公司", "DYA-C-2026-031", "D1制动软管扣压外径超差", "D1制动软管总成", "2026-11-02", "高扬", "2026-11-03", "2026-11-03", "2026-11-09", "2026-11-11"]);
  });
});

describe("csr show <action id>", () => {
  it("gives a record's card: source, each step against its due date on the working-day calendar, read-across and the revisions that name it", async () => {
    const dir = await acme();
    const card = bin(dir, "show", "8D-2026-012", "--today", "2026-11-20");
    expect([card.code, card.stderr]).toEqual([0, ""]);
    expect(card.stdout.split("\n")).toEqual([
      "8D-2026-012  D1制动软管扣压外径超差",
      "",
      "  文件            actions/8D-2026-012.yaml",
      "  来源            顾客投诉：东岳汽车股份有限公司（DYA），投诉编号 DYA-C-2026-031",
      "  零件/产品       D1制动软管总成",
      "  接收/提出日期   2026-11-02",
      "  责任人          高扬",
      "  顾客特定要求    DYA-002 顾客投诉的围堵和8D报告时限",
      "                  DYA-004 控制计划的年度评审和变更后提交",
      "  状态            进行中：待 D5 选定纠正措施，D8 要求 2026-11-23 前",
      "  步骤            D3 围堵措施：2026-11-03 完成，黄军，按期（要求 2026-11-03 前）——库存及在途产品全检",
      "                  D4 根本原因分析：2026-11-11 完成，逾期 2 个工作日（要求 2026-11-09 前）——扣压模具磨损未纳入点检",
      "                  D5 选定纠正措施：未定期限，尚未完成",
      "                  D6 实施并验证纠正措施：未定期限，尚未完成",
      "                  D7 预防再发生：未定期限，尚未完成",
      "                  D8 关闭（效果验证）：要求 2026-11-23 前完成，尚未完成",
      "  横向展开        2026-11-19 WI-010-02 橡胶件硫化作业指导书：硫化工序无同类失效模式（周鹏）",
      "  相关文件修订    QP-010 A/2  生产过程控制程序  2026-11-12",
      "",
    ]);
    // On a past day: D4, done on 11-11, is past due and not yet done; the read-across and the revision are not yet there.
    const before = (await run(dir, "show", "8D-2026-012", "--today", "2026-11-10")).stdout.split("\n");
    expect(before.slice(9, 12)).toEqual(["  状态            逾期：待 D4 分析根本原因，要求 2026-11-09 前，已逾期 1 个工作日", "  步骤            D3 围堵措施：2026-11-03 完成，黄军，按期（要求 2026-11-03 前）——库存及在途产品全检", "                  D4 根本原因分析：要求 2026-11-09 前完成，已逾期 1 个工作日，尚未完成"]);
    expect(before.slice(-5)).toEqual(["  横向展开        无", "  相关文件修订    无", "", "本卡按记录还原为 2026-11-10 当日的状态：此后记录的事项未计入。", ""]);
    const en = (await csrInProcess(["-C", dir, "show", "NC-2026-001", "--today", "2026-11-20"], { lang: "en" })).stdout.split("\n");
    expect(en.filter((line) => /^ {2}(Source|Status|Revisions)|D5 corrective/.test(line))).toEqual([
      "  Source          internal audit nonconformity: C3 Production, audit report IA-2026-01",
      "  Status          overdue, next: D3 containment to put in place; D5 due 2026-06-30, 94 working days overdue",
      "                  D5 corrective action chosen: due 2026-06-30, 94 working days overdue, not done",
      "  Revisions       QP-010 A/2  Production Process Control Procedure  2026-11-12",
    ]);
    const closed = (await run(dir, "show", "NC-2026-002")).stdout.split("\n");
    expect(closed.filter((line) => /状态|D8/.test(line))).toEqual(["  状态            已关闭（2026-11-05 验证有效）", "                  D8 关闭（效果验证）：2026-11-05 完成，赵强——连续4周记录完整"]);
    const json = JSON.parse((await run(dir, "show", "8D-2026-012", "--today", "2026-11-24", "--format", "json")).stdout);
    expect([json.status, json.currentStep, json.overdueSteps, json.revisions]).toEqual(["overdue", { step: "D5", dueStep: "D8", due: "2026-11-23", overdue: true }, ["D8"], [{ document: "QP-010", version: "A/2", date: "2026-11-12" }]]);
    const unknown = await run(dir, "show", "8D-2026-013");
    // An id of none of what csr show shows says that a corrective action record was looked for too (breaker64 P13).
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([
      2,
      "",
      "csr: 仓库中没有文件、CSR、顾客、顾客来源文件、供方、工装或纠正措施记录 '8D-2026-013'。是否应为 '8D-2026-012'？\n提示：'csr list' 列出全部 CSR，'csr list documents' 列出全部文件，'csr list external' 列出顾客来源文件和外来文件，'csr list actions' 列出纠正措施记录。\n",
    ]);
    // A record's file that cannot be read is named, as a CSR's or a document's is; one that reads but breaks the format, by its id.
    writeFileSync(join(dir, "actions/8D-2026-013.yaml"), "id: 8D-2026-013\ntitle: [\n");
    const broken = await run(dir, "show", "8D-2026-013");
    expect([broken.code, broken.stdout, broken.stderr]).toEqual([
      2,
      "",
      "csr: 8D-2026-013 的文件 actions/8D-2026-013.yaml 无法读取：第 2 行第 8 列，yaml/syntax（YAML 语法错误：方括号 [ ] 没有闭合：缺少结尾的 ]，或下一行的缩进不够）。\n提示：请修正该文件（运行 'csr check' 查看详情），然后重新运行命令。\n",
    ]);
    writeFileSync(join(dir, "actions/dya-complaint.yaml"), RECORDS["NC-2026-001"]!.replace("id: NC-2026-001", "id: NC-2026-003").replace("received: 2026-06-08", "received: 2026-13-01"));
    const invalid = await run(dir, "show", "NC-2026-003");
    expect([invalid.code, invalid.stdout, invalid.stderr]).toEqual([2, "", "csr: 纠正措施记录 NC-2026-003 的文件有错误，csr 无法可靠地读取。\n提示：请运行 'csr check'，先修正该文件。\n"]);
  });
});
