/**
 * A review decided after its deadline stays late in the CSR list (tester52 D2): the decided row keeps
 * its 评审期限 and says by how many working days it was late, the footer counts it beside the open
 * overdue ones, `--overdue` lists it, and every output words it "逾期 N 个工作日". And the registers
 * of a period (tester52 D12): `--from`/`--to` on the CSR list, the review-timeliness register and the
 * CSR matrix, with the period's rounds and 评审及时率 under each. On copies of the examples, with the
 * tester's commands: the first run of each kind of output (a text list, a CSV's note on stderr, a
 * refusal) through the built binary, the other runs and the records they list by csr in the test's
 * process (csrInProcess).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const TODAY = "2026-12-04";

/** A command through the built binary: the first run of each kind of output (a text list, a CSV's note on stderr, a refusal). */
function runBinary(dir: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  return csr(["-C", dir, ...args], { lang: null });
}

/** The same command in this process (csrInProcess), for the variations. */
function run(dir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return csrInProcess(["-C", dir, ...args], { lang: null });
}

/** A writing command of the setup, run in this process (csrInProcess): it must succeed without a word on stderr. */
async function record(dir: string, ...args: string[]): Promise<void> {
  const result = await csrInProcess(["-C", dir, ...args], { lang: null });
  expect([result.code, result.stderr]).toEqual([0, ""]);
}

function succeeded(result: { code: number; stdout: string; stderr: string }): string {
  expect(result.stderr.includes("csr: ") && result.code !== 0 ? result.stderr : "").toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

const okBinary = (dir: string, ...args: string[]): string => succeeded(runBinary(dir, ...args));
const ok = async (dir: string, ...args: string[]): Promise<string> => succeeded(await run(dir, ...args));

/** The lines after the table: the register's notes. */
function notes(stdout: string): string[] {
  const lines = stdout.trimEnd().split("\n");
  return lines.slice(lines.lastIndexOf("") + 1);
}

describe("a review decided late in the CSR list (tester52 D2)", () => {
  let gjb: string;
  beforeAll(async () => {
    gjb = committedFixture("examples/gjb-demo");
    await record(gjb, "source", "add", "NES", "--id", "NES-HT2026-01", "--title", "XX型电源模块订货合同技术协议", "--revision", "1.0", "--issued", "2026-11-10", "--received", "2026-11-16", "-y");
    await record(gjb, "add", "--customer", "NES", "--source", "NES-HT2026-01", "--section", "6.2", "--clause", "GJB9001C:8.5.1", "--title", "关键工序100%检验并军检", "--text", "关键工序完成后100%检验，关键件须经军代表检验验收", "--category", "质量保证要求", "-y");
    for (const [department, reviewer] of [["SAL", "tangl"], ["RD", "yangf"], ["QA", "chenhw"]] as const) {
      await record(gjb, "review", "NES-001", "--department", department, "--reviewer", reviewer, "--opinion", "accept", "--date", "2026-12-02", "-y");
    }
    await record(gjb, "review", "NES-001", "--disposition", "must", "--by", "liuzm", "--late-reason", "等待顾客澄清军检范围", "--military-representative", "wangjd", "--date", "2026-12-03", "-y");
  });

  const footer =
    "评审中逾期 0 项；逾期作出结论 1 项（NES-001）。评审期限为当前评审轮次的期限，作出结论后仍列出；剩余工作日按 qms.yaml 的工作日历计算，只对评审中的要求列出，负数为逾期的工作日数。换版前的评审轮次见顾客要求评审及时性记录（csr list reviews）。";
  // 剩余工作日 holds numbers only; the lateness of a decision is in 期限说明 beside it, which the list then has (aud68 A5).
  const DEADLINE_NOTE = "剩余工作日只写数字，期限次日起即为逾期（负数）；期限说明写明逾期作出结论的，逾期的工作日数。";

  it("keeps the decided row's deadline, says how late, and counts it in the footer", async () => {
    const out = okBinary(gjb, "list", "--today", TODAY);
    expect(out).toContain("NES-001  NES       6.2   8.5.1  关键工序100%检验并军检  2026-11-30              逾期 3 个工作日作出结论          已决定\n");
    expect(notes(out)).toEqual([footer, DEADLINE_NOTE, "尚未落实到文件的要求：NES-001"]);
    // Picked by heading: a GJB repository's list has the 军代表 columns (tester55 D12) and every list 发放 and 培训 (tester55 C5).
    const lines = (await ok(gjb, "list", "--today", TODAY, "--format", "csv")).trimEnd().split("\n").map((line) => line.split(","));
    const picked = ["编号", "评审期限", "剩余工作日", "期限说明", "决定日期", "逾期原因", "状态"].map((heading) => lines[0]!.indexOf(heading));
    expect(picked.every((i) => i >= 0)).toBe(true);
    const csv = lines.map((cells) => picked.map((i) => cells[i]).join(","));
    expect(csv).toEqual(["编号,评审期限,剩余工作日,期限说明,决定日期,逾期原因,状态", "NES-001,2026-11-30,,逾期 3 个工作日作出结论,2026-12-03,等待顾客澄清军检范围,已决定"]);
  });

  it("lists a review decided late under --overdue", async () => {
    const out = await ok(gjb, "list", "--overdue", "--today", TODAY);
    expect(out.split("\n")[0]).toBe("顾客要求清单（评审逾期，含逾期作出结论；共 1 项）");
    expect(out).toContain("\nNES-001  NES       6.2   8.5.1  关键工序100%检验并军检  2026-11-30              逾期 3 个工作日作出结论          已决定\n");
    expect(notes(out)).toEqual(["本表按条件筛选（评审逾期，含逾期作出结论），不是完整的顾客要求清单。", footer, DEADLINE_NOTE, "尚未落实到文件的要求：NES-001"]);
  });

  it("words the lateness the same in the review-timeliness register, the matrix and the review report", async () => {
    expect(await ok(gjb, "list", "reviews", "--today", TODAY)).toContain("  2026-11-16  2026-11-30  2026-12-03  刘志明  13              逾期 3 个工作日  等待顾客澄清军检范围\n");
    expect(await ok(gjb, "matrix", "csr", "--today", TODAY)).toContain("  必须满足  2026-11-16  2026-11-30  2026-12-03  逾期 3 个工作日  ");
    const out = join(tempDir(), "NES-001.md");
    await ok(gjb, "render", "NES-001", "--format", "md", "--out", out, "--today", TODAY);
    expect(readFileSync(out, "utf8")).toContain("| 评审用时 | 13 个工作日 | 及时性 | 逾期 3 个工作日 |\n");
  });
});

describe("the registers of a period: --from/--to (tester52 D12)", () => {
  let acme: string;
  beforeAll(() => {
    acme = committedFixture("examples/acme-auto");
  });

  const tally = "2025-12-04 至 2026-12-04 期间起算的评审 7 轮：按期 5 轮，逾期 0 轮；另有尚未到期 2 轮，不计入及时率；评审及时率 100%（5/5）。";

  it("lists the review rounds started in the period, with the period's timeliness rate", async () => {
    const out = okBinary(acme, "list", "reviews", "--from", "2025-12-04", "--to", TODAY, "--today", TODAY);
    expect(out.split("\n")[0]).toBe("顾客特定要求评审及时性记录（2025-12-04 至 2026-12-04 起算；共 7 项，截至 2026-12-04）");
    expect(out.split("\n").slice(4, 11).map((line) => line.split(/\s+/).slice(1, 2).join(""))).toEqual(["BCM-004", "BCM-005", "DYA-002", "DYA-004", "DYA-005", "DYA-006", "DYA-007"]);
    expect(notes(out)).toEqual([
      "本表按条件筛选（起算期间：2025-12-04 至 2026-12-04），不是完整的顾客特定要求评审及时性记录。",
      "评审期限为起算日后第 10 个工作日（IATF 16949 7.5.3.2.2），按工作日历计算；逾期或逾期未决 0 项。",
      tally,
    ]);
  });

  it("narrows the CSR list and the matrix to the CSRs reviewed in the period, in every format", async () => {
    const list = await ok(acme, "list", "--from", "2025-12-04", "--customer", "DYA", "--today", TODAY);
    expect(list.split("\n")[0]).toBe("顾客特定要求清单（起算期间：2025-12-04 至 2026-12-04；顾客：东岳汽车股份有限公司；共 5 项）");
    // QP-015 §5.14's two rates: reviews in time, and implementation of the requirements to be met (DYA-002 implemented; DYA-004, DYA-006 in progress);
    // then DYA-002 put into production after Dongyue's date.
    expect(notes(list).slice(-3)).toEqual([
      "2025-12-04 至 2026-12-04 期间起算的评审 5 轮：按期 4 轮，逾期 0 轮；另有尚未到期 1 轮，不计入及时率；评审及时率 100%（4/4）。",
      "所列要求中须满足的（必须满足或可选，未被替代）4 项：已实施 2 项（其中已验证 1 项），实施完成率 50%（2/4）。",
      "晚于顾客要求日期实施 1 项：DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）。顾客要求日期为来源文件版本的实施日期，或 CSR 自己登记的日期（csr check 规则 csr/late-for-customer）。",
    ]);
    expect(notes(await ok(acme, "list", "--from", "2024-01-01", "--to", "2025-12-31", "--today", TODAY, "--lang", "en")).slice(-3)).toEqual([
      "Review rounds started 2024-01-01 to 2025-12-31: 6; on time 6, late 0; review timeliness rate 100% (6/6).",
      "Of the CSRs listed, to be met (must or optional, not superseded): 4; implemented 4 (2 verified), implementation rate 100% (4/4).",
      "Implemented after the customer's date: 1: DYA-002 (in production 2026-04-20, 12 working days after 2026-04-01). The customer's date is the effective date of the source revision, or one recorded on the CSR (csr check rule csr/late-for-customer).",
    ]);
    const matrix = await ok(acme, "matrix", "csr", "--from", "2025-12-04", "--today", TODAY, "--format", "md");
    expect(matrix).toContain("顾客特定要求矩阵（起算期间：2025-12-04 至 2026-12-04）");
    expect(matrix).toContain(`本表按条件筛选（起算期间：2025-12-04 至 2026-12-04），不是完整的顾客特定要求矩阵。  \n${tally}  \n`);
    const csv = runBinary(acme, "matrix", "csr", "--from", "2025-12-04", "--today", TODAY, "--format", "csv");
    // A row a place: DYA-005's two in QP-006; its 处置理由 cell runs on to a second line (the agreed alternative), which starts no row.
    expect(csv.stdout.trimEnd().split("\n").slice(1).filter((line) => /^[A-Z]{3}-\d{3},/.test(line)).map((line) => line.split(",")[0])).toEqual(["BCM-004", "BCM-005", "DYA-002", "DYA-002", "DYA-004", "DYA-005", "DYA-005", "DYA-006", "DYA-006", "DYA-007"]);
    expect(csv.stderr).toContain("这份 CSV 按条件筛选（起算期间：2025-12-04 至 2026-12-04）");
  });

  // The year's figures for the management review are asked for in December (tester60 J7, breaker60 K8): counted up to today, said so.
  it("counts a period that runs past today up to today, and says so in its period and a note", async () => {
    const asked = "所查期间至 2026-12-31，尚未过完：本表计至今天（2026-12-04），之后的日子尚无记录；2026-12-31 之后再生成一次即为全期的记录。";
    const reviews = await ok(acme, "list", "reviews", "--from", "2025-12-04", "--to", "2026-12-31", "--today", TODAY);
    expect(reviews.split("\n")[0]).toBe("顾客特定要求评审及时性记录（2025-12-04 至 2026-12-04 起算；共 7 项，截至 2026-12-04）");
    expect(notes(reviews)).toEqual([
      "本表按条件筛选（起算期间：2025-12-04 至 2026-12-04，截至今日），不是完整的顾客特定要求评审及时性记录。",
      asked,
      "评审期限为起算日后第 10 个工作日（IATF 16949 7.5.3.2.2），按工作日历计算；逾期或逾期未决 0 项。",
      tally,
    ]);
    const list = await ok(acme, "list", "--from", "2025-12-04", "--to", "2026-12-31", "--today", TODAY);
    expect(list.split("\n")[0]).toBe("顾客特定要求清单（起算期间：2025-12-04 至 2026-12-04，截至今日；共 7 项）");
    expect(notes(list).slice(0, 2)).toEqual(["本表按条件筛选（起算期间：2025-12-04 至 2026-12-04，截至今日），不是完整的顾客特定要求清单。", asked]);
    const matrix = await ok(acme, "matrix", "csr", "--from", "2025-12-04", "--to", "2026-12-31", "--today", TODAY, "--format", "md");
    expect(matrix).toContain(`本表按条件筛选（起算期间：2025-12-04 至 2026-12-04，截至今日），不是完整的顾客特定要求矩阵。  \n${asked}  \n${tally}  \n`);
    const periodic = await ok(acme, "list", "periodic-reviews", "--from", "2026-01-01", "--to", "2026-12-31", "--today", TODAY);
    expect(periodic.split("\n")[0]).toBe("文件定期评审记录（2026-01-01 至 2026-12-04，截至今日；共 0 次）");
    expect(notes(periodic)).toEqual(["本表按条件筛选（评审日期：2026-01-01 至 2026-12-04，截至今日），不是完整的文件定期评审记录。", asked]);
    const distribution = await ok(acme, "list", "distribution", "--from", "2026-01-01", "--to", "2026-12-31", "--today", TODAY);
    expect(distribution.split("\n")[0]).toBe("文件发放/回收记录（期间：2026-01-01 至 2026-12-04，截至今日；共 38 份）");
    expect(notes(distribution).slice(0, 3)).toEqual([
      "本表按条件筛选（期间：2026-01-01 至 2026-12-04，截至今日），不是完整的文件发放/回收记录。",
      asked,
      "列出 2026-01-01 至 2026-12-04 期间发放、回收、遗失、销毁或作废留用的副本，以及截至 2026-12-04 仍待回收的副本。",
    ]);
    // The file is named by the days it counts: the same period asked again after 2026-12-31 is another file.
    const csv = runBinary(acme, "list", "reviews", "--from", "2025-12-04", "--to", "2026-12-31", "--today", TODAY, "--format", "csv");
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain("这份 CSV 按条件筛选（起算期间：2025-12-04 至 2026-12-04，截至今日），共 7 行");
    const dir = tempDir();
    await ok(acme, "list", "reviews", "--from", "2025-12-04", "--to", "2026-12-31", "--today", TODAY, "--format", "xlsx", "--out", dir);
    expect(readdirSync(dir)).toEqual(["reviews-2025-12-04-2026-12-04.xlsx"]);
    expect(notes(await ok(acme, "list", "reviews", "--from", "2025-12-04", "--to", "2026-12-31", "--today", TODAY, "--lang", "en")).slice(0, 2)).toEqual([
      "This register is filtered (review started 2025-12-04 to 2026-12-04, up to today) and is not the whole CSR review timeliness register.",
      "The period asked for runs to 2026-12-31, which has not ended: this register counts up to today (2026-12-04), the days after it have no records yet; run it again after 2026-12-31 for the whole period.",
    ]);
  });

  // tester60 J11: a verdict kept on one line took the printed page and left the customer two characters a line. It wraps like the
  // other free text, and the page shares its width among them.
  it("prints the review register with its verdict wrapping and widths given to the free-text columns", async () => {
    const out = join(tempDir(), "reviews.html");
    await ok(acme, "list", "reviews", "--from", "2026-01-01", "--today", "2026-12-05", "--format", "html", "--out", out);
    const html = readFileSync(out, "utf8");
    // BCM-005, due Friday 2026-12-04, is overdue from the Saturday.
    expect(html).toContain('<td class="text">逾期未决</td>');
    const cols = html.slice(html.indexOf("<colgroup>"), html.indexOf("</colgroup>")).match(/<col[^>]*>/g)!.slice(1);
    // 顾客, 来源文件, 及时性, 逾期原因 and 备注 are given widths; the columns that never wrap keep their values' width.
    expect(cols.map((col, i) => (col.includes("width") ? i : -1)).filter((i) => i >= 0)).toEqual([2, 3, 11, 12, 13]);
  });

  it("refuses a period it cannot list", async () => {
    // The first refusal through the built binary, the others in this process.
    let first = true;
    const refused = async (...args: string[]) => {
      const result = first ? runBinary(acme, ...args, "--today", TODAY) : await run(acme, ...args, "--today", TODAY);
      first = false;
      expect(result.code).toBe(2);
      return result.stderr.trimEnd();
    };
    expect(await refused("list", "--to", "2026-06-30")).toBe("csr: --to 2026-06-30 需要 --from：期间从 --from 的日期起，例如 --from 2026-01-01 --to 2026-06-30。");
    expect(await refused("list", "reviews", "--from", "2026-07-01", "--to", "2026-06-30")).toBe("csr: --from 2026-07-01 晚于 --to 2026-06-30：期间的第一天不能晚于最后一天。");
    expect(await refused("list", "reviews", "--from", "2027-01-01", "--to", "2027-12-31")).toBe("csr: --from 2027-01-01 晚于今天（2026-12-04）：这一期间尚未开始，尚无记录。");
    // Without --to (today by default) the same refusal, not one about a --to the user did not give (breaker61 M12).
    expect(await refused("list", "reviews", "--from", "2027-01-01")).toBe("csr: --from 2027-01-01 晚于今天（2026-12-04）：这一期间尚未开始，尚无记录。");
    expect(await refused("list", "documents", "--from", "2026-01-01")).toBe("csr: --from 只用于 csr list、csr list reviews、csr list distribution、csr list training、csr list periodic-reviews、csr list management-review、csr list audits、csr list actions、csr list error-proofing、csr list first-articles 和 csr list supervision，不用于 'csr list documents'。");
    expect(await refused("matrix", "clauses", "--from", "2026-01-01")).toBe("csr: --from 只用于 csr list、csr list reviews（按评审起算日期）、csr list distribution（按发放和回收日期）、csr list periodic-reviews（按评审日期）和 csr matrix csr，不用于 'matrix clauses'。");
  });
});
