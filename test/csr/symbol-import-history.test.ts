/**
 * `csr import --as symbols` into a table that has the rows already: a retirement (停用) or change (修改)
 * the sheet records and the table lacks is said row by row, with the command that records it, never
 * passed over as "对应关系相同" (breaker61 M6).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, git, tempDir } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });

describe("csr import --as symbols of a sheet recording a retirement or change (breaker61 M6)", () => {
  it("names a retirement and a change the table lacks, with the command that records each, and writes nothing of them", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect((await zh(dir, "symbol", "retire", "BCM", "R", "--by", "chenjing", "--date", "2026-12-04", "--reason", "测试停用", "-y")).code).toBe(0);
    expect((await zh(dir, "symbol", "update", "BCM", "S", "--class", "关键", "--symbol", "★", "--by", "zhaoqiang", "--date", "2026-12-04", "--reason", "顾客变更", "-y")).code).toBe(0);
    const sheet = join(tempDir(), "symbols.xlsx");
    expect((await zh(dir, "list", "symbols", "--format", "xlsx", "--out", sheet)).code).toBe(0);
    git(dir, ["checkout", "-q", "symbols.yaml"]);
    const before = readFileSync(join(dir, "symbols.yaml"), "utf8");

    const result = await zh(dir, "import", sheet, "--as", "symbols", "--dry-run");
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").filter((l) => l.startsWith("第 3 行") || l.startsWith("第 4 行") || l.startsWith("将导入"))).toEqual([
      "第 3 行：本行记有 2026-12-04 赵强的修改，改为 ★（关键），对照表（symbols.yaml）中 BCM 的 S 仍是修改前的 S 安全特性 → ◆ 安全：修改未写入对照表；如确已修改，请运行 csr symbol update BCM S --symbol ★ --class 关键 --by zhaoqiang --date 2026-12-04 --reason 顾客变更（该行未导入）",
      "第 4 行：BCM 的 R 对应关系与对照表相同，但本行记有停用（2026-12-04 陈静：测试停用），对照表中该行仍在用：停用未写入；如确已停用，请运行 csr symbol retire BCM R --by chenjing --date 2026-12-04 --reason 测试停用（该行未导入）",
      "将导入 6 行中的 0 行；拒绝 2 行，与现有文件冲突 0 处。",
    ]);
    // The rows the table has as the sheet has them are said as before.
    expect(result.stdout).toContain("第 5 行：BCM 的 K 已在对照表中，对应关系相同，未重复写入\n");
    expect(readFileSync(join(dir, "symbols.yaml"), "utf8")).toBe(before);

    // Recorded in the table as the sheet says, the rows are the table's again.
    expect((await zh(dir, "symbol", "retire", "BCM", "R", "--by", "chenjing", "--date", "2026-12-04", "--reason", "测试停用", "-y")).code).toBe(0);
    const again = await zh(dir, "import", sheet, "--as", "symbols", "--dry-run");
    expect(again.stdout).toContain("第 4 行：BCM 的 R 已在对照表中，对应关系相同，未重复写入\n");
  }, 60_000);
});
