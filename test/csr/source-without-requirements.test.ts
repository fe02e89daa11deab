/**
 * A customer source revision with no requirement for the supplier (tester55 C1): csr check reports one
 * received past its review period with no CSR and no recorded review (csr/source-unreviewed), and
 * `csr source update --without-requirements` records the review that found none (无特定要求), which
 * settles it; the site and the 外来文件清单 say it; refused for a revision with CSRs and from a person who may not decide.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csrInProcess, tempDir } from "../helpers.js";

describe("a customer source revision without requirements", () => {
  it("is reported past its review period until its review is recorded, by an approver, as finding none", async () => {
    const dir = copyFixture("examples/gjb-demo");
    const unreviewed = (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule === "csr/source-unreviewed");
    expect(unreviewed.map((f) => [f.file, f.line, f.severity])).toEqual([["customers/NES.yaml", 22, "warning"]]);
    expect(unreviewed[0]!.message).toContain("NES-JSXY-2025-07");
    // Not an approver: refused, nothing written.
    const before = readFileSync(join(dir, "customers/NES.yaml"), "utf8");
    const refused = await csrInProcess(["-C", dir, "source", "update", "NES-JSXY-2025-07", "--without-requirements", "--by", "maxl", "--date", "2025-07-10", "-y"], { lang: null });
    expect([refused.code, refused.stderr.trim()]).toEqual([2, "csr: 马晓岚（maxl）在 people.yaml 中没有 'approver'（批准人）角色，不能作出“无特定要求”的评审结论。"]);
    // With another option of a new revision: refused, saying why.
    const mixed = await csrInProcess(["-C", dir, "source", "update", "NES-JSXY-2025-07", "--without-requirements", "--received", "2025-07-03", "--by", "liuzm", "-y"], { lang: null });
    expect([mixed.code, mixed.stderr.trim()]).toEqual([2, "csr: --received 不能与 --without-requirements 同用：--without-requirements 只记录已登记版本的评审结论（无特定要求）。"]);
    expect(readFileSync(join(dir, "customers/NES.yaml"), "utf8")).toBe(before);
    const recorded = await csrInProcess(["-C", dir, "source", "update", "NES-JSXY-2025-07", "--revision", "A", "--without-requirements", "--by", "liuzm", "--date", "2025-07-10", "-y"], { lang: null });
    expect(recorded.stderr).toBe("");
    expect(recorded.stdout).toContain("已记录：NES-JSXY-2025-07 A 版（2025-07-02 接收）经评审无特定要求，");
    expect(readFileSync(join(dir, "customers/NES.yaml"), "utf8")).toContain("        no_requirements: {by: liuzm, date: 2025-07-10}\n");
    expect((await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule === "csr/source-unreviewed")).toEqual([]);
    // The customer's site page says so on the revision's row.
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-11-27"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(out, "customers", "NES.html"), "utf8")).toContain("<td>现行；经评审无特定要求（刘志明，2025-07-10）</td>");
    // And the 外来文件清单, in its 备注 column: only that row has one (note37).
    const listed = (await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", "2026-11-27"], { lang: null })).stdout.replace(/^\uFEFF/, "").split("\r\n");
    expect(listed[0]!.split(",").slice(-3)).toEqual(["状态", "保管部门", "备注"]);
    expect(listed.filter((line) => line.endsWith("）"))).toEqual([expect.stringMatching(/,NES-JSXY-2025-07,.*,A,.*,经评审无特定要求（刘志明，2025-07-10）$/)]);
  });

  it("is refused for a revision with CSRs registered from it", async () => {
    const dir = copyFixture("examples/acme-auto");
    const refused = await csrInProcess(["-C", dir, "source", "update", "BCM-SQR", "--without-requirements", "--by", "xuht", "--date", "2025-09-10", "-y"], { lang: null });
    expect([refused.code, refused.stderr.trim()]).toEqual([2, "csr: BCM-SQR V2.0 版已登记了 CSR（BCM-001、BCM-002、BCM-003），不能记为无特定要求。"]);
  });
});
