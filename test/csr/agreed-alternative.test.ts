/**
 * A requirement the organisation could not accept as written, with an alternative agreed with the customer
 * (IATF 16949 4.3.2, 7.5.3.2.2; tester74 T4): csr review --disposition rejected --alternative … records who at
 * the customer agreed it, when and where that is recorded; the CSR is then met by the alternative, so csr implement
 * takes it, its status and training run as for a must-meet CSR, and the matrix shows the alternative under 处置理由.
 * A plain rejection stays not to be met: csr address says so. The example's DYA-005 (rejected: no third-party burst test
 * report with every lot; agreed with 东岳's SQE 刘涛 on 2026-03-25: a yearly third-party type test and the in-house
 * laboratory's report with every lot) is the story; taken out again, it is the plain rejection the commands start from.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, commitAt, committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const DAY = "2026-12-04";
const FILE = join("csr", "DYA", "DYA-005.yaml");
const WHY = "逐批第三方试验周期约5天，无法满足JIT交付";
const ALTERNATIVE = "每年一次第三方型式试验加每批内部实验室报告";
const AGREE = ["--alternative", ALTERNATIVE, "--agreed-with", "刘涛", "--agreed-on", "2026-03-25", "--agreed-record", "MKT-2026-031"];
const AMEND = ["review", "DYA-005", "--amend", "--disposition", "rejected", "--justification", WHY, "--by", "wangjg", "--date", "2026-03-26"];
/** The example's own: its justification and the alternative as csr show and the registers print it. */
const EXAMPLE_WHY = "逐批第三方爆破试验周期约5天、费用高，无法满足JIT交付，且内部实验室已按实验室范围每批抽检爆破压力。";
const EXAMPLE_ALTERNATIVE = "每年一次由CNAS认可的第三方实验室做爆破压力型式试验，每一交付批次随附内部实验室爆破压力试验报告（2026-03-25 经顾客 刘涛（东岳SQE）同意，电话会议纪要MKT-2026-031）";

/**
 * acme-auto with DYA-005 rejected outright, committed: its alternative, the documents addressing it, its implementation
 * and its training taken out (a rejected requirement has none of them).
 */
const rejectedOutright = builtOnce(() => {
  const dir = committedFixture("examples/acme-auto");
  const yaml = readFileSync(join(dir, FILE), "utf8");
  const plain = yaml
    .replace(/ {4}alternative:\n(?: {6}.*\n)+/, "")
    .replace(/\naddressed:\n[\s\S]*?\ndistribution:/, "\ndistribution:")
    .replace(/\ntraining:\n[\s\S]*$/, "\ntraining:\n  required: false\n");
  if (/alternative|addressed|implementation|sessions/.test(plain)) throw new Error(`DYA-005 not made plain:\n${plain}`);
  writeFileSync(join(dir, FILE), plain);
  commitAt(dir, "2026-03-26", "DYA-005 不合理");
  return dir;
});

/** DYA-005 rejected outright, then its decision amended to carry the agreed alternative, committed. */
const withAlternative = builtOnce(async () => {
  const dir = await rejectedOutright();
  const review = await csrInProcess(["-C", dir, ...AMEND, ...AGREE], { lang: "zh-CN" });
  if (review.code !== 0) throw new Error(review.stderr);
  commitAt(dir, "2026-03-26", "DYA-005 替代方案");
  return dir;
});

describe("an alternative agreed with the customer for a rejected requirement", () => {
  it("csr review records it under the decision and says what follows", async () => {
    const dir = await rejectedOutright();
    const run = csr(["-C", dir, ...AMEND, ...AGREE], { lang: "zh-CN" });
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      "DYA-005：已登记评审结论：不合理，按与顾客商定的替代方案满足，王建国（wangjg），2026-03-26。",
      `DYA-005：替代方案（2026-03-25 经顾客 刘涛 同意，MKT-2026-031）：${ALTERNATIVE}。此后按替代方案落实、实施和培训：csr address、csr implement 照常使用。`,
      "原结论（不合理，2026-03-26）保留在评审历史中。",
    ]);
    const yaml = readFileSync(join(dir, FILE), "utf8");
    expect(yaml).toContain(`    alternative:\n      text: ${ALTERNATIVE}\n      agreed_with: 刘涛\n      agreed_on: 2026-03-25\n      record: MKT-2026-031\n`);
  });

  it("csr show prints the example's alternative on a line of its own, the CSR verified (met by it), not rejected", async () => {
    const dir = committedFixture("examples/acme-auto");
    const show = await csrInProcess(["-C", dir, "show", "DYA-005", "--today", DAY], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => /^ {2}(状态|评审结论|替代方案) /.test(l))).toEqual([
      "  状态            已验证",
      `  评审结论        不合理，按与顾客商定的替代方案满足，王建国，2026-03-26：${EXAMPLE_WHY}`,
      `  替代方案        ${EXAMPLE_ALTERNATIVE}`,
    ]);
    const amended = await withAlternative();
    const en = await csrInProcess(["-C", amended, "show", "DYA-005", "--today", DAY], { lang: "en" });
    expect(en.stdout.split("\n").filter((l) => l.startsWith("  Alternative "))).toEqual([`  Alternative     ${ALTERNATIVE} (agreed by the customer's 刘涛 on 2026-03-25, MKT-2026-031)`]);
  });

  it("the example's DYA-005 is addressed, implemented, verified and trained as the alternative: csr check finds nothing in it", async () => {
    const dir = committedFixture("examples/acme-auto");
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY], { lang: "zh-CN" });
    expect(check.stdout.split("\n").filter((l) => l.includes("DYA-005") || l.includes("QP-006"))).toEqual([]);
  });

  it("the review report (csr render, as the site's CSR page) names the disposition and the alternative, in every format", async () => {
    const dir = committedFixture("examples/acme-auto");
    const out = tempDir();
    for (const format of ["md", "html"]) {
      const run = await csrInProcess(["-C", dir, "render", "DYA-005", "--format", format, "--out", join(out, `DYA-005.${format}`), "--today", DAY], { lang: "zh-CN" });
      expect(run.code).toBe(0);
    }
    const md = readFileSync(join(out, "DYA-005.md"), "utf8");
    expect(md).toContain(`| 不合理（按商定替代方案满足） | 王建国 | 2026-03-26 | ${EXAMPLE_WHY} |\n\n替代方案：${EXAMPLE_ALTERNATIVE}\n\n## 4 `);
    const html = readFileSync(join(out, "DYA-005.html"), "utf8");
    expect(html).toContain("<tr><th>结论</th><td>不合理（按商定替代方案满足）</td>");
    expect(html).toContain(`<tr class="decision-alternative"><th>替代方案</th><td colspan="5">${EXAMPLE_ALTERNATIVE}</td></tr>`);
    // The site's CSR page is this page written by code (src/site/report.ts), byte for byte: test/site/report-html.test.ts.
    expect(html).not.toMatch(/<td>不合理<\/td>/);
  });

  it("csr implement takes it, and csr check holds it to the customer's date and to being addressed", async () => {
    const dir = await withAlternative();
    const implement = await csrInProcess(["-C", dir, "implement", "DYA-005", "--owner", "zhangli", "--due", "2026-03-31", "--date", "2026-03-27"], { lang: "zh-CN" });
    expect(implement.code).toBe(0);
    expect(implement.stdout.split("\n")[0]).toBe("DYA-005：已登记实施情况。状态：计划中，负责人：张丽（zhangli），期限：2026-03-31，顾客实施日期：2026-04-01（DYA-SQM D 版）。");
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY], { lang: "zh-CN" });
    expect(check.stdout.split("\n").filter((l) => l.startsWith("csr/DYA/DYA-005.yaml:")).map((l) => l.split(" ").slice(1, 3).join(" "))).toEqual([
      // The amended decision is a new one: its review report is to be signed again (csr/review-unsigned).
      "warning csr/review-unsigned",
      "warning csr/not-addressed",
      "error csr/implementation-overdue",
    ]);
    expect(check.stdout).toContain("DYA-005 的结论为“不合理，按与顾客商定的替代方案满足”，但没有任何程序文件、作业指导书或表单落实它。");
  });

  it("its training follows: once required, csr show and csr list training --missing ask for it", async () => {
    const dir = await withAlternative();
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), "utf8").replace("training:\n  required: false\n", "training:\n  required: true\n"));
    commitAt(dir, "2026-03-27", "DYA-005 须培训");
    const show = await csrInProcess(["-C", dir, "show", "DYA-005", "--today", DAY], { lang: "zh-CN" });
    expect(show.stdout.split("\n").find((l) => l.startsWith("  培训 "))).not.toContain("不需要培训");
    const missing = await csrInProcess(["-C", dir, "list", "training", "--missing", "--document", "DYA-005", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain("DYA-005");
  });

  it("the CSR matrix and the CSR list show 不合理（按商定替代方案满足） and the alternative under 处置理由", async () => {
    const dir = committedFixture("examples/acme-auto");
    for (const args of [["matrix", "csr", "--customer", "DYA"], ["list", "--customer", "DYA"]]) {
      const run = await csrInProcess(["-C", dir, ...args, "--format", "json", "--today", DAY], { lang: "zh-CN" });
      const table = JSON.parse(run.stdout) as { rows: Record<string, unknown>[] };
      const row = table.rows.find((r) => r.id === "DYA-005")!;
      expect([row.disposition, row.justification]).toEqual(["不合理（按商定替代方案满足）", `${EXAMPLE_WHY}\n替代方案：${EXAMPLE_ALTERNATIVE}`]);
    }
  });

  it("in English it reads as met by the customer-agreed alternative, never as refused, and an English list is read back so (tester82 A15)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const words = "not feasible — met by customer-agreed alternative";
    for (const args of [["matrix", "csr", "--customer", "DYA"], ["list", "--customer", "DYA"]]) {
      const run = await csrInProcess(["-C", dir, ...args, "--format", "json", "--today", DAY], { lang: "en" });
      const row = (JSON.parse(run.stdout) as { rows: Record<string, unknown>[] }).rows.find((r) => r.id === "DYA-005")!;
      expect(row.disposition).toBe(words);
    }
    const show = await csrInProcess(["-C", dir, "show", "DYA-005", "--today", DAY], { lang: "en" });
    expect(show.stdout.split("\n").filter((l) => l.startsWith("  Decision "))).toEqual([expect.stringContaining(words)]);
    const out = tempDir();
    const render = await csrInProcess(["-C", dir, "render", "DYA-005", "--format", "md", "--out", join(out, "DYA-005.md"), "--today", DAY], { lang: "en" });
    expect(render.code).toBe(0);
    const report = readFileSync(join(out, "DYA-005.md"), "utf8");
    expect(report).toContain(words);
    expect(report).not.toMatch(/rejected|unreasonable/);
  });

  it("csr address of a CSR rejected without an alternative warns that it is not to be met and how to record one; of one with an alternative, it does not", async () => {
    const plain = await rejectedOutright();
    const run = await csrInProcess(["-C", plain, "address", "DYA-005", "QP-012", "--section", "5.4", "--date", "2026-03-27"], { lang: "zh-CN" });
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe(
      '注意：DYA-005 的评审结论是“不合理”，不需满足，落实到 QP-012 5.4 返工和返修 不计为落实；若已与顾客商定替代方案，请用 csr review DYA-005 --amend --disposition rejected --justification "…" --alternative "…" --agreed-with <顾客同意人> --agreed-on <日期> 登记。',
    );
    const agreed = await csrInProcess(["-C", await withAlternative(), "address", "DYA-005", "QP-012", "--section", "5.4", "--date", "2026-03-27"], { lang: "zh-CN" });
    expect(agreed.stdout).not.toContain("注意");
  });

  it("csr review refuses an alternative with another disposition, without who agreed it, or agreed after the decision", async () => {
    const dir = await rejectedOutright();
    const cases: [string[], string][] = [
      [["review", "DYA-005", "--amend", "--disposition", "must", "--by", "wangjg", "--date", "2026-03-26", ...AGREE], "替代方案只用于结论“不合理”（原文无法接受、与顾客另行商定）；结论“必须满足”按原文满足或不需满足，请去掉 --alternative。"],
      [[...AMEND, "--alternative", ALTERNATIVE, "--agreed-on", "2026-03-25"], "替代方案须写明顾客同意人和日期：--alternative \"…\" --agreed-with <顾客同意人> --agreed-on <YYYY-MM-DD>（可加 --agreed-record <会议纪要或函件编号>）。"],
      [[...AMEND, "--agreed-with", "刘涛", "--agreed-on", "2026-03-25"], "--agreed-with、--agreed-on 和 --agreed-record 描述与顾客商定的替代方案：请同时用 --alternative 写明替代方案本身。"],
      [[...AMEND, "--alternative", ALTERNATIVE, "--agreed-with", "刘涛", "--agreed-on", "2026-03-27"], "--agreed-on 2026-03-27 晚于结论日期 2026-03-26：替代方案须在作出结论前已获顾客同意；请核对日期，或在顾客同意后再登记结论（--date）。"],
    ];
    for (const [args, message] of cases) {
      const run = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
      expect({ code: run.code, stderr: run.stderr.trim() }).toEqual({ code: 2, stderr: `csr: ${message}` });
    }
    expect(readFileSync(join(dir, FILE), "utf8")).not.toContain("alternative");
  });

  it("csr check rejects an alternative under a decision other than rejected (schema)", async () => {
    const dir = committedFixture("examples/acme-auto");
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), "utf8").replace("    disposition: rejected\n    justification", "    disposition: must\n    justification"));
    commitAt(dir, "2026-03-27", "hand edit");
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY], { lang: "en" });
    expect(check.stdout.split("\n").filter((l) => l.startsWith("csr/DYA/DYA-005.yaml:") && l.includes("schema"))).toHaveLength(1);
  });
});
