/**
 * csr site for the year-end work (tester71 Q2): in January to March the 管理评审输入 page is the previous calendar year, as
 * `csr list management-review` then gives it, and the year to date has a page of its own; each 明细见 cell links to the
 * register page of the same site; the disposal register lists the batches due by 31 December of the current year; the
 * dashboard counts the record batches due for disposal and the external and customer documents due for their check by then,
 * each number linking to its list ("—" while qms.yaml sets no check period), and the coming year's plan of periodic reviews
 * beside the periodic reviews due, linking to its register page. On sites of acme-auto, built by the binary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, git, tempDir } from "../helpers.js";

function site(dir: string, today: string, lang: "zh-CN" | "en"): (path: string) => string {
  const out = join(tempDir(), "site");
  const result = csr(["-C", dir, "site", "--out", out, "--today", today, "--lang", lang]);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringContaining(lang === "en" ? "Built the site" : "已生成网站") });
  return (path) => readFileSync(join(out, path), "utf8");
}

const heading = (html: string) => html.match(/<h1>(.*?)<\/h1>/s)?.[1];

/** The dashboard panel `id`'s numbers: "count label -> link". */
function panelNumbers(html: string, id: string): string[] {
  const panel = html.split(`id="panel-${id}">`)[1]?.split("</section>")[0] ?? "";
  return [...panel.matchAll(/<a class="site-number[^"]*" href="([^"]*)"><span class="count">([^<]*)<\/span> <span class="label">([^<]*)<\/span>/g)].map((m) => `${m[2]} ${m[3]} -> ${m[1]}`);
}

/** The first cell of each row of a page's table. */
const firstCells = (html: string) => [...html.matchAll(/<tr(?: id="[^"]*")?>\s*<td[^>]*>(.*?)<\/td>\s*<td[^>]*>(.*?)<\/td>\s*<td[^>]*>(.*?)<\/td>\s*<td[^>]*>(.*?)<\/td>/gs)].map((m) => [m[2], m[4]].map((c) => c!.replace(/<[^>]+>/g, "")).join(" "));

describe("csr site for the year-end work", () => {
  let dir: string;
  beforeAll(() => {
    dir = committedFixture("examples/acme-auto");
  });

  it("shows in February the previous calendar year's management review inputs and, on a page of its own, the year to date", () => {
    for (const [lang, last, toDate] of [
      ["zh-CN", "管理评审输入（2026-01-01 至 2026-12-31）", "管理评审输入（2027-01-01 至 2027-02-10）"],
      ["en", "Management review inputs (2026-01-01 to 2026-12-31)", "Management review inputs (2027-01-01 to 2027-02-10)"],
    ] as const) {
      const read = site(dir, "2027-02-10", lang);
      expect(heading(read("registers/management-review.html"))).toBe(last);
      expect(heading(read("registers/management-review-year-to-date.html"))).toBe(toDate);
      expect(read("registers/index.html")).toContain(`<a href="../registers/management-review-year-to-date.html">${toDate}</a>`);
      expect(read("registers/disposals.html")).toContain(lang === "en" ? "by 2027-12-31" : "2027-12-31 前保存期满");
    }
  }, 240_000);

  it("links each 明细见 of the management review to the register page, lists the disposals due by 31 December, and counts both year-end numbers", () => {
    const read = site(dir, "2026-12-06", "zh-CN");
    const review = read("registers/management-review.html");
    expect(review).toContain('<td><a href="../registers/periodic-reviews.html">文件定期评审记录</a></td></tr>');
    expect(review).toContain('<td><a href="../registers/reviews.html">评审及时性</a></td></tr>');
    expect(review).toContain('<td><a href="../registers/changes.html">变更报告</a></td></tr>');
    expect(heading(read("registers/disposals.html"))).toBe("到期记录清单（2026-12-31 前保存期满 2 批）");
    expect(panelNumbers(read("index.html"), "year-end")).toEqual(["2 保存期满待处置的记录批次 -> lists/records-due-disposal.html", "— 到期待核对的外来文件（含顾客文件） -> lists/external-check-due.html"]);
    expect(read("index.html")).toContain("qms.yaml 没有规定外来文件的核对周期（document_control.external_check_months）");
    expect(firstCells(read("lists/records-due-disposal.html"))).toEqual(["HH-F-045 2022年度", "HH-F-045 2023年度"]);
    // Beside the periodic reviews due, the coming year's plan of them (csr list periodic-reviews --year 2027), a register page of its own.
    expect(panelNumbers(read("index.html"), "documents")).toContain("25 2027 年度定期评审计划（份） -> registers/periodic-review-plan.html");
    expect(heading(read("registers/periodic-review-plan.html"))).toBe("2027 年度文件定期评审计划（共 25 份）");
  }, 240_000);

  it("counts the external and customer documents whose check falls due by 31 December once qms.yaml sets the period", () => {
    const checked = committedFixture("examples/acme-auto");
    expect(csr(["-C", checked, "organisation", "update", "--external-check-months", "12", "--commit"]).code).toBe(0);
    expect(git(checked, ["status", "--short"])).toBe("");
    const read = site(checked, "2026-12-06", "en");
    expect(panelNumbers(read("index.html"), "year-end")).toEqual(["2 record batches due for disposal -> lists/records-due-disposal.html", "2 external documents (customer documents included) due for their check -> lists/external-check-due.html"]);
    expect(firstCells(read("lists/external-check-due.html"))).toEqual(["customer document Beichen Supplier Quality Requirements", "customer document Dongyue Special Characteristics Specification"]);
  }, 240_000);
});
