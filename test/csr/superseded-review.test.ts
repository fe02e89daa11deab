/**
 * tester52 D13: `csr show` of a superseded CSR printed "评审期限 （已被取代）", hiding the deadline its review
 * met (DYA-003: due 2024-07-01, decided in 5 working days); and its review report, on the site and from
 * `csr render`, was stamped 作废 with a red watermark, as if the record were withdrawn. The review record of a
 * superseded requirement stays valid and retained: it is stamped 已替代, without a watermark.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");
const dueLine = (stdout: string) => stdout.split("\n").filter((l) => /^ {2}(评审期限|Review due) /.test(l));

describe("a superseded CSR's review", () => {
  it("csr show prints the round's deadline and how it ended, then the supersession", async ({ expect }) => {
    const zh = await csrInProcess(["-C", ACME, "show", "DYA-003", "--today", "2026-12-01"], { lang: "zh-CN" });
    expect(dueLine(zh.stdout)).toEqual(["  评审期限        2024-07-01（按期，用时 5 个工作日）；已于 2026-03-23 被 DYA-006 取代"]);
    const en = await csrInProcess(["-C", ACME, "show", "DYA-003", "--today", "2026-12-01"]);
    expect(dueLine(en.stdout)).toEqual(["  Review due      2024-07-01 (on time, 5 working days used); superseded by DYA-006 2026-03-23"]);
    // Superseded undecided long after its deadline: the late review the supersession does not undo.
    const undecided = await csrInProcess(["-C", "test/fixtures/csr/valid", "show", "DYA-009", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(dueLine(undecided.stdout)).toEqual(["  评审期限        2025-06-19（逾期 354 个工作日仍未作出结论）；已于 2026-11-20 被 DYA-001 取代"]);
  });

  it("its review report is stamped 已替代, not 作废, and has no watermark", async ({ expect }) => {
    const dir = tempDir();
    const out = join(dir, "DYA-003.html");
    expect((await csrInProcess(["-C", ACME, "render", "DYA-003", "--format", "html", "--out", out, "--today", "2026-12-01"], { lang: "zh-CN" })).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<div class="stamp stamp-superseded-record">已替代</div>');
    expect(html).not.toContain("作废");
    expect(html).not.toContain('class="watermark"');
  });
});
