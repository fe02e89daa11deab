/**
 * csr changes --customer (tester61 L6): a change report for one customer holds only that customer's CSRs,
 * sources, symbols and the documents that address its CSRs or cite its notices, and says so on stderr; an
 * unknown customer is refused with the closest code (exit 2).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, ROOT } from "../helpers.js";

const example = join(ROOT, "examples/acme-auto");

describe("csr changes --customer", () => {
  it("leaves out the other customer's rows of the acme-auto half year and says it is filtered", () => {
    const all = csr(["-C", example, "changes", "2026-01-01", "2026-06-30"], { lang: "zh-CN" });
    expect(all.stdout).toMatch(/^顾客特定要求 {2}已实施 {4}BCM-003 /m);
    const dya = csr(["-C", example, "changes", "2026-01-01", "2026-06-30", "--customer", "DYA"], { lang: "zh-CN" });
    expect(dya.code).toBe(0);
    expect(dya.stderr).toBe("只列出顾客 DYA（东岳汽车股份有限公司）的变更：其 CSR、来源文件、特性符号，落实其 CSR 或引用其通知的文件，以及记在其投诉纠正措施下或已通知该顾客的换版。\n");
    const lines = dya.stdout.split("\n");
    expect(lines.filter((line) => line.includes("BCM"))).toEqual([]);
    expect(lines.filter((line) => line.startsWith("顾客特定要求  已实施")).map((line) => line.split(/ {2,}/)[2])).toEqual(["DYA-005", "DYA-002"]);
    expect(lines.some((line) => /^顾客来源文件 {2}新版本 {4}DYA-SQM /.test(line))).toBe(true);
    expect(lines.some((line) => /^文件 {10}换版 {6}QP-013 /.test(line))).toBe(true);
    const json = JSON.parse(csr(["-C", example, "changes", "2026-01-01", "2026-06-30", "--customer", "DYA", "--format", "json"]).stdout) as { changes: { area: string; id: string }[] };
    expect(json.changes.filter((c) => c.area === "csr").every((c) => c.id.startsWith("DYA-"))).toBe(true);
    expect(json.changes.some((c) => c.area === "person" || c.area === "coverage")).toBe(false);
  });

  it("refuses an unknown customer with the closest code, exit 2", () => {
    const run = csr(["-C", example, "changes", "2026-01-01", "2026-06-30", "--customer", "DYB"], { lang: "zh-CN" });
    expect(run).toEqual({ code: 2, stdout: "", stderr: "csr: --customer：未知顾客 'DYB'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。是否应为 'DYA'？\n" });
  });
});
