/**
 * The management review's review figures read by a general manager (tester71 Q9): a review undecided past its deadline
 * is overdue from the calendar day after it, and the reviews overdue in the period that started before it, which the
 * period's timeliness rate does not count, are named beside the rate, not dropped from the page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const gjb = copyFixture("examples/gjb-demo");
const acme = copyFixture("examples/acme-auto");

/** The page's rows as JSON: 指标 → { value, detail }. */
async function rows(dir: string, lang: "zh-CN" | "en", ...args: string[]): Promise<Map<string, { value: string | number; detail: string }>> {
  // In the test's process (csrInProcess); the page's first text run, the .docx and the refusal go through the built binary below.
  const result = await csrInProcess(["-C", dir, "list", "management-review", "--format", "json", ...args], { lang });
  expect(result.code, result.stderr).toBe(0);
  const table = JSON.parse(result.stdout) as { rows: { item: string; value: string | number; detail: string }[] };
  return new Map(table.rows.map((r) => [r.item, r]));
}

describe("management review: reviews overdue in the period", () => {
  it("names beside the rate a source revision received before the period and overdue in it (gjb-demo's NES-JSXY-2025-07 A)", async () => {
    const zh = await rows(gjb, "zh-CN", "--today", "2026-12-06");
    expect(zh.get("评审及时率")).toEqual(
      expect.objectContaining({
        value: "—",
        detail: "期间没有已到期或已作出结论的评审，及时率无从计算；另有期间前起算、期间内逾期的 1 项不计入（及时率只计期间起算的轮次）：来源文件 NES-JSXY-2025-07 A 版（尚未登记要求）（2025-07-02 起算）",
      }),
    );
    expect(zh.get("其中已逾期")).toEqual(expect.objectContaining({ value: 1, detail: "来源文件 NES-JSXY-2025-07 A 版（尚未登记要求）" }));
    const en = await rows(gjb, "en", "--today", "2026-12-06");
    expect(en.get("Review timeliness rate")?.detail).toBe(
      "No review in the period was due or decided: no rate can be given; 1 review started before the period and overdue in it is not counted (the rate counts the rounds started in the period): source NES-JSXY-2025-07 revision A (no requirement registered) (started 2025-07-02)",
    );
  });

  it("names the CSR review rounds started the year before and still undecided past their deadline (acme-auto in January 2027)", async () => {
    const zh = await rows(acme, "zh-CN", "--from", "2027-01-01", "--to", "2027-01-10", "--today", "2027-01-10");
    expect(zh.get("评审及时率")?.detail).toBe("期间没有已到期或已作出结论的评审，及时率无从计算；另有期间前起算、期间内逾期的 2 项不计入（及时率只计期间起算的轮次）：BCM-005（2026-11-20 起算）、DYA-007（2026-11-24 起算）");
    expect(zh.get("其中已逾期")).toEqual(expect.objectContaining({ value: 2, detail: "BCM-005、DYA-007" }));
    // A round decided in time before the period is no input of it: on 2026-12-03 nothing was overdue yet.
    expect((await rows(acme, "zh-CN", "--from", "2026-12-01", "--to", "2026-12-03", "--today", "2026-12-03")).get("评审及时率")?.detail).not.toContain("期间前起算");
  });

  it("counts a review undecided on the Sunday after its Friday deadline as overdue and late alike (acme-auto's BCM-005: the page said 其中逾期 0 and 其中已逾期 1 the same day)", async () => {
    const en = await rows(acme, "en", "--today", "2026-12-06");
    expect(en.get("of which overdue")).toEqual(expect.objectContaining({ value: 1, detail: "BCM-005" }));
    expect(en.get("of which late (incl. overdue undecided)")).toEqual(expect.objectContaining({ value: 1, detail: "BCM-005" }));
    const zh = await rows(acme, "zh-CN", "--today", "2026-12-06");
    expect([zh.get("其中逾期（轮，含逾期未决定）"), zh.get("其中已逾期")].map((r) => `${r?.value} ${r?.detail}`)).toEqual(["1 BCM-005", "1 BCM-005"]);
  });
});

describe("management review in the first quarter (tester71 Q2)", () => {
  it("defaults to the previous calendar year from January to March, says so on stderr, and takes --from for the year to date", async () => {
    const january = csr(["-C", acme, "list", "management-review", "--today", "2027-01-10"], { lang: "zh-CN" });
    expect(january.code, january.stderr).toBe(0);
    expect(january.stdout.split("\n")[0]).toBe("管理评审输入（2026-01-01 至 2026-12-31）");
    expect(january.stderr.split("\n")[0]).toBe("未给 --from 和 --to：1—3 月的管理评审输入默认为上一自然年（2026 年全年）；本年至今请用 --from 2027-01-01。");
    const english = await csrInProcess(["-C", acme, "list", "management-review", "--today", "2027-03-31"], { lang: "en" });
    expect(english.stdout.split("\n")[0]).toBe("Management review inputs (2026-01-01 to 2026-12-31)");
    expect(english.stderr).toContain("from January to March the management review inputs default to the previous calendar year (the whole of 2026)");
    const toDate = await csrInProcess(["-C", acme, "list", "management-review", "--today", "2027-01-10", "--from", "2027-01-01"], { lang: "zh-CN" });
    expect(toDate.stdout.split("\n")[0]).toBe("管理评审输入（2027-01-01 至 2027-01-10）");
    expect(toDate.stderr).not.toContain("上一自然年");
    // From April on, the year to date, as before.
    expect((await csrInProcess(["-C", acme, "list", "management-review", "--today", "2027-04-01"], { lang: "zh-CN" })).stdout.split("\n")[0]).toBe("管理评审输入（2027-01-01 至 2027-04-01）");
  });
});


describe("management review as a Word file (tester71 Q8)", () => {
  it("writes the page with --out mr.docx, refusing .docx for another register", async () => {
    const out = join(tempDir(), "mr.docx");
    const result = csr(["-C", acme, "list", "management-review", "--today", "2026-12-06", "--out", out], { lang: "zh-CN" });
    expect(result.code, result.stderr).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(out))["word/document.xml"]!);
    for (const text of ["管理评审输入（2026-01-01 至 2026-12-06）", "期间：2026-01-01 至 2026-12-06", "期间收到的顾客特定要求", "BCM-004、BCM-005、DYA-004、DYA-005、DYA-006、DYA-007", "明细见"]) expect(xml).toContain(text);
    const other = csr(["-C", acme, "list", "external", "--out", join(tempDir(), "external.docx")], { lang: "en" });
    expect([other.code, other.stderr]).toEqual([2, "csr: Only list management-review is written as a Word file (.docx); for list external use .xlsx, .pdf, .html, .md, .csv or .json.\n"]);
  });
});
