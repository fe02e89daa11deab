/**
 * A CSR whose record says 已验证 by its own implementation owner (a hand edit; csr implement refuses
 * it while csr/self-verification is an error) is no verification (tester53 N4): wherever its status
 * or implementation status is printed, 已验证 is marked, and it counts as 已实施, not 已验证, with a
 * line saying why. The example's BCM-002 is verified by zhangli; here by its owner zhaoqiang.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, commitAt, committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const DAY = "2026-12-04";
const MARK = "已验证（验证人即实施负责人，见 csr check）";
const NOTE = "BCM-002 的实施由实施负责人本人验证（csr/self-verification），不是独立验证：状态注明“验证人即实施负责人”，计为已实施，不计为已验证。";

/** acme-auto with BCM-002 verified by its owner, committed; with `rule` set in qms.yaml for csr/self-verification when given. */
const selfVerified = builtOnce((rule?: string) => {
  const dir = committedFixture("examples/acme-auto");
  const file = join(dir, "csr", "BCM", "BCM-002.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("  verified:\n    by: zhangli\n", "  verified:\n    by: zhaoqiang\n"));
  if (rule) writeFileSync(join(dir, "qms.yaml"), `${readFileSync(join(dir, "qms.yaml"), "utf8")}rules:\n  csr/self-verification: ${rule}\n`);
  commitAt(dir, "2026-12-01", "BCM-002 验证人改为赵强");
  return dir;
});

/** The row of BCM-002 in a CSV, its cells. */
function rowOf(csv: string): string[] {
  return csv.split(/\r?\n/).find((l) => l.includes(",BCM-002,") || l.startsWith("BCM-002,"))!.split(",");
}

describe("a CSR verified by its own implementation owner", () => {
  it("csr check reports it, and csr show marks its status and its implementation", async () => {
    const dir = await selfVerified();
    const check = await csrInProcess(["-C", dir, "check", "--today", DAY], { lang: "zh-CN" });
    expect(check.stdout.split("\n").filter((l) => l.startsWith("csr/BCM/BCM-002.yaml:") && l.includes("csr/self-verification")).map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual(["csr/BCM/BCM-002.yaml:51:9 error csr/self-verification"]);
    const show = await csrInProcess(["-C", dir, "show", "BCM-002", "--today", DAY], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => /^ {2}(状态|实施) /.test(l))).toEqual([
      `  状态            ${MARK}`,
      `  实施            ${MARK}，负责人 赵强，期限 2025-11-28，2025-10-31 实施，验证人 赵强 2025-12-10`,
    ]);
    const en = await csrInProcess(["-C", dir, "show", "BCM-002", "--today", DAY], { lang: "en" });
    expect(en.stdout.split("\n").filter((l) => /^ {2}(Status|Implementation) /.test(l))).toEqual([
      "  Status          verified (by the implementation's owner, see csr check)",
      "  Implementation  verified (by the implementation's owner, see csr check), owner zhaoqiang Zhao Qiang, due 2025-11-28, implemented 2025-10-31, verified by zhaoqiang Zhao Qiang 2025-12-10",
    ]);
  });

  it("the CSR list and the matrix mark it in their status columns, count it as implemented, and say why", async () => {
    const dir = await selfVerified();
    const list = await csrInProcess(["-C", dir, "list", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
    const header = list.stdout.replace(/^\uFEFF/, "").split(/\r?\n/)[0]!.split(",");
    const row = rowOf(list.stdout);
    expect([row[header.indexOf("实施状态")], row[header.indexOf("状态")]]).toEqual([MARK, MARK]);
    const text = await csrInProcess(["-C", dir, "list", "--today", DAY], { lang: "zh-CN" });
    expect(text.stdout.split("\n").filter((l) => l.includes("验证人即实施负责人"))).toEqual([expect.stringMatching(new RegExp(`^BCM-002 .* 赵强 +${MARK.replace(/[()（）]/g, ".")}$`)), NOTE]);
    // Counted where 已实施 is: --status implemented lists it, --status verified does not.
    expect((await csrInProcess(["-C", dir, "list", "--status", "verified", "--today", DAY], { lang: "zh-CN" })).stdout).not.toContain("BCM-002");
    expect((await csrInProcess(["-C", dir, "list", "--status", "implemented", "--today", DAY], { lang: "zh-CN" })).stdout).toContain("BCM-002");
    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
    expect(rowOf(matrix.stdout).at(-3)).toBe(MARK);
    const md = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "md", "--today", DAY], { lang: "zh-CN" });
    expect(md.stdout.split("\n").filter((l) => l.startsWith("BCM-002 的实施"))).toEqual([`${NOTE}  `]);
  });

  it("the 实施完成率 of csr list --from/--to counts it implemented, not verified, and names it", async () => {
    const dir = await selfVerified();
    const list = await csrInProcess(["-C", dir, "list", "--from", "2025-09-01", "--to", "2025-09-30", "--today", DAY], { lang: "zh-CN" });
    expect(list.stdout.split("\n").filter((l) => l.includes("实施完成率") || l.startsWith("BCM-002 的"))).toEqual([
      "所列要求中须满足的（必须满足或可选，未被替代）2 项：已实施 2 项（其中已验证 0 项；验证人即实施负责人的 1 项（BCM-002）计为已实施，不计为已验证），实施完成率 100%（2/2）。",
      NOTE,
    ]);
  });

  it("the review report (md, html) and the site's CSR page mark it", async () => {
    const dir = await selfVerified();
    const out = tempDir();
    expect((await csrInProcess(["-C", dir, "render", "BCM-002", "--format", "md", "--out", join(out, "BCM-002.md"), "--today", DAY], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(out, "BCM-002.md"), "utf8").split("\n").filter((l) => l.includes("验证人即"))).toEqual([`| 状态 | ${MARK} |  |  |`, `- 实施状态：${MARK}`]);
    expect((await csrInProcess(["-C", dir, "render", "BCM-002", "--format", "html", "--out", join(out, "BCM-002.html"), "--today", DAY], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(out, "BCM-002.html"), "utf8").match(/<td[^>]*>已验证[^<]*<\/td>/g)).toEqual([`<td colspan="3">${MARK}</td>`, `<td>${MARK}</td>`]);
    const site = join(tempDir(), "site");
    expect(csr(["-C", dir, "site", "--out", site, "--today", DAY], { lang: null }).code).toBe(0);
    const page = readFileSync(join(site, "csr", "BCM-002.html"), "utf8");
    expect(page).toContain(`状态：${MARK}`);
    expect(page).not.toMatch(/>已验证</);
  });

  it("with csr/self-verification off in qms.yaml, the organisation accepts it: plain 已验证", async () => {
    const dir = await selfVerified("off");
    const show = await csrInProcess(["-C", dir, "show", "BCM-002", "--today", DAY], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => /^ {2}(状态|实施) /.test(l))).toEqual(["  状态            已验证", "  实施            已验证，负责人 赵强，期限 2025-11-28，2025-10-31 实施，验证人 赵强 2025-12-10"]);
  });
});
