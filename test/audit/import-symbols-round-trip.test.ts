/**
 * The symbol conversion table (特殊特性符号对照表, QR-014-01) carries its rows out and back in (io59): its 顾客认可 and
 * 备注 come back as symbols.yaml records them — an approval with the conversion it approved and its source document,
 * an approval the row no longer has (未认可) with the earlier ones, a retirement and each change with who made it (printed
 * by name, read back as the people.yaml id) — and what the table cannot give back is said on the row, never dropped unsaid.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { copyFixture, csrInProcess, tempDir } from "../helpers.js";

type Row = Record<string, unknown> & { customer: string; customer_symbol: string };

const symbolsOf = (dir: string) => (parse(readFileSync(join(dir, "symbols.yaml"), "utf8")) as { symbols: Row[] }).symbols;

describe("symbol conversion table: list, import into a copy without symbols.yaml, the same rows", { timeout: 60_000 }, () => {
  let example: string;
  beforeAll(() => {
    example = copyFixture("examples/acme-auto");
    const rows = symbolsOf(example);
    const row = (customer: string, symbol: string) => rows.find((r) => r.customer === customer && r.customer_symbol === symbol)!;
    // Approved for the customer's source revision; changed since an approval, with one before it; retired.
    (row("DYA", "▽").approved as Record<string, unknown>).source = "DYA-SQM/C";
    Object.assign(row("BCM", "S"), {
      approved: { by: "王工（北辰SQE）", date: "2025-10-10", conversion: { customer_symbol: "S", customer_class: "安全特性", meaning: "影响车辆安全的特性", symbol: "★", class: "关键" } },
      earlier_approvals: [{ by: "王工（北辰SQE）", date: "2025-06-01", evidence: "函", conversion: { customer_symbol: "S", customer_class: "安全", symbol: "★", class: "关键" } }],
      changes: [{ date: "2026-02-01", by: "zhangli", reason: "BCM-SQR V3.0", was: { symbol: "★", class: "关键" } }],
    });
    row("BCM", "HI").retired = { date: "2026-05-01", by: "zhangli", reason: "V3.0 取消" };
    writeFileSync(join(example, "symbols.yaml"), stringify({ symbols: rows }));
  });

  it.each([
    { name: "xlsx", file: "对照表.xlsx", out: ["--out"] },
    { name: "csv", file: "对照表.csv", out: ["--format", "csv", "--out"] },
  ])("$name", async ({ file, out }) => {
    const table = join(tempDir(), file);
    expect((await csrInProcess(["-C", example, "list", "symbols", ...out, table, "--today", "2026-12-04"], { lang: "zh-CN" })).code).toBe(0);
    const copy = copyFixture("examples/acme-auto");
    rmSync(join(copy, "symbols.yaml"));
    const imported = await csrInProcess(["-C", copy, "import", table, "--as", "symbols", "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(imported.stderr).toBe("");
    // Who retired and who changed a row is printed by name and comes back as their people.yaml id: every row is imported.
    expect(imported.code).toBe(0);
    expect(imported.stdout.split("\n").filter((line) => /^第 \d+ 行：/.test(line))).toEqual([]);
    const before = symbolsOf(example);
    const after = symbolsOf(copy);
    const key = (r: Row) => `${r.customer} ${r.customer_symbol}`;
    // The table lists the rows by customer, as they come back.
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    for (const row of after) {
      const was = before.find((r) => key(r) === key(row))!;
      if (key(row) !== "BCM S") expect(row, key(row)).toEqual(was);
    }
    // The changed row: its current approval (of the conversion before the change) and the earlier one come back with
    // the conversions they approved, less the meaning, which the table's 备注 does not print; the change itself is said above.
    expect(after.find((r) => key(r) === "BCM S")).toEqual({
      customer: "BCM",
      customer_symbol: "S",
      customer_class: "安全特性",
      meaning: "影响车辆安全的特性",
      symbol: "◆",
      class: "安全",
      approved: { by: "王工（北辰SQE）", date: "2025-10-10", conversion: { customer_symbol: "S", customer_class: "安全特性", symbol: "★", class: "关键" } },
      earlier_approvals: [{ by: "王工（北辰SQE）", date: "2025-06-01", evidence: "函", conversion: { customer_symbol: "S", customer_class: "安全", symbol: "★", class: "关键" } }],
      changes: [{ date: "2026-02-01", by: "zhangli", reason: "BCM-SQR V3.0", was: { symbol: "★", class: "关键" } }],
    });
    expect(after.find((r) => key(r) === "BCM HI")!.retired).toEqual({ date: "2026-05-01", by: "zhangli", reason: "V3.0 取消" });
    expect(after.find((r) => key(r) === "DYA ▽")!.approved).toMatchObject({ source: "DYA-SQM/C", evidence: "邮件" });
  });

  it("says, and refuses the row, where the table names nobody (printed before csr named them) or someone not in people.yaml", async () => {
    const printed = join(tempDir(), "对照表.csv");
    expect((await csrInProcess(["-C", example, "list", "symbols", "--format", "csv", "--out", printed, "--today", "2026-12-04"], { lang: "zh-CN" })).code).toBe(0);
    const text = readFileSync(printed, "utf8");
    expect(text).toContain("2026-05-01 张丽 停用：V3.0 取消");
    const importing = async (table: string) => {
      const file = join(tempDir(), "对照表.csv");
      writeFileSync(file, table);
      const copy = copyFixture("examples/acme-auto");
      rmSync(join(copy, "symbols.yaml"));
      const imported = await csrInProcess(["-C", copy, "import", file, "--as", "symbols", "--today", "2026-12-04"], { lang: "zh-CN" });
      return { code: imported.code, rows: imported.stdout.split("\n").filter((line) => /^第 \d+ 行：/.test(line)).map((line) => line.replace(/^第 \d+ 行：/, "")) };
    };
    expect(await importing(text.replace("2026-05-01 张丽 停用", "2026-05-01 停用").replace("2026-02-01 张丽 修改", "2026-02-01 修改"))).toEqual({
      code: 1,
      rows: [
        "“备注”中的 '2026-02-01 修改，原为 S 安全特性 → ★ 关键（BCM-SQR V3.0）' 是本行的修改记录，清单没有修改人（symbols.yaml 的 changes[].by），未导入；修改前后的对照见原记录",
        "“备注”中的 '2026-05-01 停用：V3.0 取消' 说本行已停用，但清单没有停用人（symbols.yaml 的 retired.by），本行未导入：删去该说明后导入本行，再用 'csr symbol retire BCM HI --by <停用人> --date 2026-05-01 --reason \"V3.0 取消\"' 登记停用（该行未导入）",
      ],
    });
    expect(await importing(text.replace("2026-05-01 张丽 停用", "2026-05-01 钱七 停用"))).toEqual({
      code: 1,
      rows: ["“备注”中的 '2026-05-01 钱七 停用：V3.0 取消' 所写的 钱七 不在 people.yaml 中，本行未导入：先用 'csr person add' 加入此人，再导入本行（该行未导入）"],
    });
  });
});
