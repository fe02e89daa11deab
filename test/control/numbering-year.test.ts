/**
 * Numbering with the year (tester71 Q10): registers in the field embed it (HSD-WI-2017003, HSD-WI-2017011). A pattern
 * takes `{YYYY}` (or `{YY}`); `csr new` gives the next number of the current year, the sequence starting again each
 * year; letters that look like the token but are literal (HSD-WI-YYYY###) are refused in one line, as csr new would
 * write them into every number (HSD-WI-YYYY001). The built binary for each command path's first run, the variations in
 * the worker (csrInProcess).
 */
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";
import { today } from "../today.js";

const YEAR = today().slice(0, 4);
const LAST = String(Number(YEAR) - 1);

describe("a numbering pattern with the year", () => {
  it("refuses letters that look like a year token but are literal, in one line, writing nothing", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const zh = csr(["-C", dir, "numbering", "add", "HSD-WI-YYYY###", "--kind", "instruction", "--family", "HSDY"], { lang: "zh-CN" });
    expect([zh.code, zh.stdout, zh.stderr]).toEqual([2, "", "csr: 编号格式 HSD-WI-YYYY### 中的 YYYY 会原样写入每个编号；表示年份请写 {YYYY}（四位）或 {YY}（两位），如 HSD-WI-{YYYY}###。\n"]);
    const en = await csrInProcess(["-C", dir, "numbering", "add", "HSD-WI-{yyyy}###", "--kind", "instruction"], { lang: "en" });
    expect([en.code, en.stderr]).toEqual([2, "csr: In the number pattern HSD-WI-{yyyy}###, {yyyy} would be written into every number as it is; for the year write {YYYY} (four digits) or {YY} (two), e.g. HSD-WI-{YYYY}###.\n"]);
    expect((await csrInProcess(["-C", dir, "numbering", "add", "HSD-WI-{YYYY###", "--kind", "instruction"], { lang: "en" })).code).toBe(2);
  });

  it("gives the next number of the current year, starting again at 001 in a new year, and checks numbers of any year", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const added = csr(["-C", dir, "numbering", "add", "HSD-WI-{YYYY}###", "--kind", "instruction", "--family", "HSDY", "--commit"], { lang: "zh-CN" });
    expect(added.code, added.stderr).toBe(0);
    // A pattern with the year fits the same numbers as its digits would: HSD-WI-####### is refused beside it.
    const overlapping = await csrInProcess(["-C", dir, "numbering", "add", "HSD-WI-#######", "--kind", "instruction"], { lang: "en" });
    expect(overlapping.code).toBe(2);
    // Last year's document, numbered by hand: this year's sequence does not go on from it.
    const old = await csrInProcess(["-C", dir, "new", "instruction", "--number", `HSD-WI-${LAST}014`, "--title", "仓库管理规定", "--department", "QA", "-y"], { lang: "zh-CN" });
    expect(old.code, old.stderr).toBe(0);
    const first = csr(["-C", dir, "new", "instruction", "--family", "HSDY", "--title", "应急管理规定", "--department", "QA", "-y"], { lang: "zh-CN" });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`HSD-WI-${YEAR}001`);
    const second = await csrInProcess(["-C", dir, "new", "instruction", "--family", "HSDY", "--title", "叉车管理规定", "--department", "QA", "-y"], { lang: "zh-CN" });
    expect(second.stdout).toContain(`HSD-WI-${YEAR}002`);
    const list = csr(["-C", dir, "numbering", "list", "--format", "json"], { lang: "en" });
    expect(list.stdout).toContain(`HSD-WI-${YEAR}003`);
    const check = csr(["-C", dir, "check", "--format", "json"]);
    expect(check.stdout).not.toContain("id/number-pattern");
  });
});
