/**
 * csr site with suppliers: the approved supplier list (合格供方名录) has a register page with its workbook and CSV,
 * as every register, and the dashboard's 供方 panel counts the suppliers purchasing may not buy from, the open SCARs, the
 * suppliers past their audit or rated poorly with no SCAR, and those purchasing buys from whose certificate has lapsed or
 * lapses within qms.yaml suppliers.certificate_warn_days, linking to their rows. A repository without
 * suppliers (acme-auto, gjb-demo) has neither: test/site's other files keep their pages. Built by the binary.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, gitInit, makeRepo, tempDir } from "../helpers.js";
import { supplierPeople, supplierQms } from "../suppliers-fixture.js";

const QMS = supplierQms([
  ["CZXS", "常州橡塑材料有限公司"],
  ["WXJJ", "无锡精密机加有限公司"],
  ["SZDZ", "苏州电子有限公司"],
]);

const FILES = {
  "qms.yaml": QMS,
  "people.yaml": supplierPeople(),
  // Approved, its certificate lapsing in 40 days: counted.
  "suppliers/CZXS.yaml": "code: CZXS\nsupplies: [O型圈]\napprovals:\n  - {status: approved, date: 2026-06-01, by: chenjing}\ncertificates:\n  - {standard: IATF 16949, number: '0123456', valid_until: 2027-01-15}\n",
  // Conditional, its certificate valid for years: not counted.
  "suppliers/WXJJ.yaml": "code: WXJJ\nsupplies: [阀体]\napprovals:\n  - {status: conditional, date: 2026-09-10, by: chenjing, remark: PPAP 批准前每批全检}\ncertificates:\n  - {standard: IATF 16949, number: '0999', valid_until: 2029-01-15}\n",
  // Suspended: nothing is bought from it, its lapsed certificate is not counted.
  "suppliers/SZDZ.yaml": "code: SZDZ\nsupplies: [线束]\napprovals:\n  - {status: suspended, date: 2026-10-01, by: chenjing, remark: 连续两批来料不合格}\ncertificates:\n  - {standard: ISO 9001, number: Q1, valid_until: 2026-11-01}\n",
};

/** The dashboard panel `id`'s numbers: "count label -> link". */
function panelNumbers(html: string, id: string): string[] {
  const panel = html.split(`id="panel-${id}">`)[1]?.split("</section>")[0] ?? "";
  return [...panel.matchAll(/<a class="site-number[^"]*" href="([^"]*)"><span class="count">([^<]*)<\/span> <span class="label">([^<]*)<\/span>/g)].map((m) => `${m[2]} ${m[3]} -> ${m[1]}`);
}

describe("csr site with suppliers", () => {
  it("has the approved supplier list's page, workbook and CSV, and counts on the dashboard the suppliers bought from with a certificate lapsing", () => {
    const dir = gitInit(makeRepo(FILES));
    const out = join(tempDir(), "site");
    const result = csr(["-C", dir, "site", "--out", out, "--today", "2026-12-06", "--lang", "zh-CN"]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringContaining("已生成网站") });
    const read = (path: string) => readFileSync(join(out, path), "utf8");
    expect(["registers/suppliers.html", "registers/suppliers.xlsx", "registers/suppliers.csv"].map((f) => existsSync(join(out, f)))).toEqual([true, true, true]);
    const page = read("registers/suppliers.html");
    expect(page).toContain("<h1>合格供方名录（共 3 家供方）</h1>");
    expect(page.replace(/<[^>]+>/g, "")).toContain("IATF 16949 0123456（有效期至 2027-01-15，即将到期，还剩 40 天）");
    expect(page).toContain("PPAP 批准前每批全检");
    expect(read("registers/suppliers.csv")).toContain("ISO 9001 Q1（有效期至 2026-11-01，已过期）");
    expect(read("registers/index.html")).toContain('<a href="../registers/suppliers.html">合格供方名录（共 3 家供方）</a>');
    expect(panelNumbers(read("index.html"), "suppliers")).toEqual([
      "1 不在合格状态的供方（待评价、暂停或取消资格，不得采购） -> lists/suppliers-not-approved.html",
      "0 未关闭的供方纠正措施（SCAR） -> lists/supplier-scar-open.html",
      "0 第二方审核已逾期的供方 -> lists/suppliers-audit-due.html",
      "0 业绩评价差但没有未关闭 SCAR 的供方 -> lists/suppliers-rating-without-action.html",
      "1 证书已过期或即将到期 -> lists/supplier-certificates.html",
      "3 合格供方名录 -> registers/suppliers.html",
    ]);
    // Suspended since 2026-10-01: purchasing may not buy from it (tester80 M11).
    const barred = read("lists/suppliers-not-approved.html");
    expect([barred.includes("苏州电子有限公司"), barred.includes("常州橡塑材料有限公司"), barred.includes("无锡精密机加有限公司")]).toEqual([true, false, false]);
    const list = read("lists/supplier-certificates.html");
    expect(list).toContain("常州橡塑材料有限公司");
    expect(list).not.toContain("苏州电子有限公司");
    expect(list).not.toContain("无锡精密机加有限公司");
  }, 120_000);

  it("counts the open SCARs, urgent once one is overdue, and the suppliers rated poorly with none open, each listing them (tester80 M11)", () => {
    const dir = gitInit(
      makeRepo({
        ...FILES,
        // Conditional, rated C with no SCAR open: supplier/rating-without-action.
        "suppliers/WXJJ.yaml": `${FILES["suppliers/WXJJ.yaml"]}ratings:\n  - {period: 2026-Q3, ppm: 850, on_time: 88, disruptions: 1, grade: C, date: 2026-10-08, by: chenjing}\n`,
        // A SCAR asked of CZXS, its containment due on 2026-11-02 and not done.
        "actions/SCAR-2026-001.yaml": "id: SCAR-2026-001\ntitle: O型圈硬度超差\nsource: supplier\nsupplier: CZXS\nreceived: 2026-10-28\nowner: chenjing\nsteps:\n  D3:\n    due: 2026-11-02\n",
      }),
    );
    const out = join(tempDir(), "site");
    expect(csr(["-C", dir, "site", "--out", out, "--today", "2026-12-06", "--lang", "zh-CN"]).code).toBe(0);
    const read = (path: string) => readFileSync(join(out, path), "utf8");
    const index = read("index.html");
    expect(panelNumbers(index, "suppliers").slice(1, 4)).toEqual([
      "1 未关闭的供方纠正措施（SCAR） -> lists/supplier-scar-open.html",
      "0 第二方审核已逾期的供方 -> lists/suppliers-audit-due.html",
      "1 业绩评价差但没有未关闭 SCAR 的供方 -> lists/suppliers-rating-without-action.html",
    ]);
    expect(index).toContain('<a class="site-number alert" href="lists/supplier-scar-open.html">');
    expect(read("lists/supplier-scar-open.html")).toContain('<td class="code">SCAR-2026-001</td>');
    const rated = read("lists/suppliers-rating-without-action.html");
    expect([rated.includes("无锡精密机加有限公司"), rated.includes("常州橡塑材料有限公司")]).toEqual([true, false]);
  }, 120_000);
});
