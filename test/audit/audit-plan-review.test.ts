/**
 * The annual internal audit plan against the audits held, where top management and the site read it (IATF 16949 9.2.2.1 last
 * sentence: the programme's performance reviewed; 9.3.2.1): csr list management-review's line of audits planned in the period
 * (held as planned, not held, cancelled, moved, not yet due, each naming its entries), and csr site's pages of the plan (this
 * year's and the coming year's, with xlsx/csv downloads) with the dashboard's count of planned audits not held.
 * On a copy of examples/acme-auto in a real git repository: planned on 2026-11-02 for November, C2 audited 2026-11-20 (held as
 * planned), C3 not held, C4's product audit cancelled and C1's moved to 2027-01 on 2026-11-10, S1 planned for December.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";

const DAY = "2026-12-04";
const planned = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  const on = (day: string) => ["--today", day, "-y", "--commit"];
  for (const args of [
    ["process", "plan", "C2", "--month", "2026-11", "--by", "zhangli", ...on("2026-11-02")],
    ["process", "plan", "C3", "--month", "2026-11", "--by", "zhangli", ...on("2026-11-02")],
    ["process", "plan", "C4", "--month", "2026-11", "--kind", "product", ...on("2026-11-02")],
    ["process", "plan", "C1", "--month", "2026-11", "--by", "zhangli", ...on("2026-11-02")],
    ["process", "plan", "S1", "--month", "2026-12", ...on("2026-11-02")],
    ["process", "plan", "C4", "--cancel", "2026-11", "--reason", "该产品停产", ...on("2026-11-10")],
    ["process", "plan", "C1", "--move", "2026-11", "--month", "2027-01", "--reason", "顾客审核占用审核组", ...on("2026-11-10")],
    ["process", "audited", "C2", "--date", "2026-11-20", "--by", "zhangli", "--report", "IA-2026-20", "--nonconformities", "0", ...on("2026-11-20")],
  ]) {
    const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  }
  return dir;
});

/** The management review's row of audits planned against held, as 指标,数值,说明,明细见. */
async function planRow(dir: string, lang: "zh-CN" | "en", ...args: string[]): Promise<string | undefined> {
  const result = await csrInProcess(["-C", dir, "list", "management-review", "--format", "json", ...args], { lang });
  expect(result.code, result.stderr).toBe(0);
  const rows = (JSON.parse(result.stdout) as { rows: Record<string, string | number>[] }).rows;
  return rows.filter((r) => String(r.source) === (lang === "en" ? "Annual internal audit plan" : "年度内部审核计划")).map((r) => [r.item, r.value, r.detail, r.source].join(",")).join("\n") || undefined;
}

describe("the audit plan against the audits held (IATF 16949 9.2.2.1, 9.3.2.1)", () => {
  it("gives the management review a line of audits planned in the period: held, not held, cancelled, moved, not yet due, each named", async () => {
    const dir = await planned();
    expect(await planRow(dir, "zh-CN", "--today", DAY)).toBe(
      "期间计划的内部审核：按计划完成 / 计划（年度内部审核计划）,1 / 5,按计划完成 1：C2 2026-11（IA-2026-20）；未按计划审核 1：C3 2026-11；已取消 1：C4 2026-11 产品审核（该产品停产）；改期 1：C1 2026-11 → 2027-01（顾客审核占用审核组）；尚未到期 1：S1 2026-12,年度内部审核计划",
    );
    expect(await planRow(dir, "en", "--today", DAY)).toBe(
      "Audits planned for the period: held as planned / planned (annual internal audit plan),1 / 5,held as planned 1: C2 2026-11 (IA-2026-20); not held as planned 1: C3 2026-11; cancelled 1: C4 2026-11 product audit (该产品停产); moved 1: C1 2026-11 → 2027-01 (顾客审核占用审核组); not yet due 1: S1 2026-12,Annual internal audit plan",
    );
    // The period read as the plan stood on its last day: on 2026-11-05 nothing was yet cancelled, moved or held.
    expect(await planRow(dir, "zh-CN", "--from", "2026-11-01", "--to", "2026-11-05", "--today", DAY)).toBe(
      "期间计划的内部审核：按计划完成 / 计划（年度内部审核计划）,0 / 4,尚未到期 4：C1 2026-11、C2 2026-11、C3 2026-11、C4 2026-11 产品审核,年度内部审核计划",
    );
    // A calendar year reviewed after it: December has ended on the period's last day (review79 #2), as the year's plan says.
    expect(await planRow(dir, "zh-CN", "--from", "2026-01-01", "--to", "2026-12-31", "--today", "2027-01-10")).toBe(
      "期间计划的内部审核：按计划完成 / 计划（年度内部审核计划）,1 / 5,按计划完成 1：C2 2026-11（IA-2026-20）；未按计划审核 2：C3 2026-11、S1 2026-12；已取消 1：C4 2026-11 产品审核（该产品停产）；改期 1：C1 2026-11 → 2027-01（顾客审核占用审核组）,年度内部审核计划",
    );
    expect(await planRow(dir, "zh-CN", "--from", "2026-01-01", "--to", "2026-10-31", "--today", DAY)).toBe("期间计划的内部审核：按计划完成 / 计划（年度内部审核计划）,0,期间没有计划的审核（csr process plan）,年度内部审核计划");
    // A repository that plans no audit in processes.yaml gets no such line.
    expect(await planRow(copyFixture("examples/acme-auto"), "zh-CN", "--today", DAY)).toBeUndefined();
  });

  it("puts this year's and the coming year's plan on the site with downloads, and counts the planned audit not held on the dashboard", async () => {
    const dir = await planned();
    const out = join(tempDir(), "site");
    const site = await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null });
    expect(site.code, site.stderr).toBeLessThan(2);
    const read = (path: string) => readFileSync(join(out, path), "utf8");
    for (const file of ["audit-plan.html", "audit-plan.xlsx", "audit-plan.csv", "audit-plan-next.html", "audit-plan-next.xlsx", "audit-programme.html"]) expect(existsSync(join(out, "registers", file)), file).toBe(true);
    const csv = await csrInProcess(["-C", dir, "list", "audit-plan", "--format", "csv", "--today", DAY], { lang: null });
    expect(read("registers/audit-plan.csv")).toBe(csv.stdout);
    expect(read("registers/audit-plan.html")).toContain("<h1>2026 年度内部审核计划（共 5 项）</h1>");
    expect(read("registers/audit-plan-next.html")).toContain("<h1>2027 年度内部审核计划（共 1 项）</h1>");
    const index = read("index.html");
    const panel = index.slice(index.indexOf('id="panel-audit-programme"'), index.indexOf("</section>", index.indexOf('id="panel-audit-programme"')));
    expect(panel).toContain('href="lists/audit-plan-missed.html"');
    expect(panel).toContain('href="registers/audit-plan.html"');
    expect(panel.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("1 计划未审核");
    const missed = read("lists/audit-plan-missed.html");
    expect(missed).toContain("C3");
    expect(missed).not.toContain("C4");
  });
});
