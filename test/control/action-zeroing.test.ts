/**
 * A quality problem brought to 归零 in a GJB 9001C repository (tester66 N7): GJB 9001C 10.2 and the 质量问题归零
 * practice (GJB 5707) judge technical 归零 on five criteria, 定位准确、机理清楚、问题复现、措施有效、举一反三, and
 * 举一反三 (read-across) is never skipped without a word. csr action close refuses a record without read-across
 * unless --no-read-across-reason says why none applies; csr action zero records where each criterion is evidenced;
 * csr show and csr list actions print them; action/zeroing-incomplete warns of a closed record without them. The
 * built binary on a copy of examples/gjb-demo (qms.yaml standards: [GJB9001C]) in a real git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJson, copyFixture, csr, gitInit } from "../helpers.js";

const run = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });
const read = (dir: string) => readFileSync(join(dir, "actions", "8D-2026-001.yaml"), "utf8");

/** NES's complaint opened and its steps D3–D7 done, committed. */
const worked = builtOnce(() => {
  const dir = gitInit(copyFixture("examples/gjb-demo"));
  expect(run(dir, "action", "open", "--title", "电源模块输出纹波超差", "--customer", "NES", "--received", "2026-11-02", "--owner", "chenhw", "--commit").code).toBe(0);
  for (const [step, date] of [["D3", "2026-11-03"], ["D4", "2026-11-09"], ["D5", "2026-11-10"], ["D6", "2026-11-16"], ["D7", "2026-11-17"]] as const) {
    expect(run(dir, "action", "step", "8D-2026-001", step, "--date", date, "--by", "chenhw", "--commit").code).toBe(0);
  }
  return dir;
});

const close = (dir: string, ...more: string[]) => run(dir, "action", "close", "8D-2026-001", "--verified-by", "liuzm", "--date", "2026-11-20", "--evidence", "归零评审通过", ...more);
const zeroingFindings = (dir: string) => checkJson(dir, "--today", "2026-11-27").findings.filter((f) => f.rule === "action/zeroing-incomplete").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

describe("a quality problem in a GJB 9001C repository", () => {
  it("is not closed without read-across (举一反三) or the reason none applies", async () => {
    const dir = await worked();
    const refused = close(dir);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      "",
      "csr: GJB 9001C 10.2（质量问题归零）要求举一反三，8D-2026-001 没有记录横向展开：先用 'csr action readacross 8D-2026-001 <文件编号或过程> --result <结果> --by <检查人>' 记录，确无可展开的，关闭时用 --no-read-across-reason \"<理由>\" 写明。\n",
    ]);
    expect(read(dir)).not.toContain("D8");
    const closed = close(dir, "--no-read-across-reason", "定制单件产品，无同类产品和过程", "--commit");
    expect(closed.stderr).toBe("");
    expect(closed.stdout.split("\n").slice(0, 2)).toEqual([
      "已关闭 8D-2026-001：2026-11-20 由 刘志明（liuzm）验证有效，证据：归零评审通过（actions/8D-2026-001.yaml）",
      "8D-2026-001 质量问题归零尚缺 定位准确、机理清楚、问题复现、措施有效 的证据：用 'csr action zero 8D-2026-001' 记录。",
    ]);
    expect(read(dir)).toContain("  D8:\n    done: 2026-11-20\n    verified_by: liuzm\n    evidence: 归零评审通过\n    no_read_across: 定制单件产品，无同类产品和过程\n");
    const line = read(dir).split("\n").indexOf("    done: 2026-11-20") + 1;
    expect(zeroingFindings(dir)).toEqual([
      `actions/8D-2026-001.yaml:${line}:11 Quality problem 8D-2026-001 is closed, but its zeroing (归零) records no evidence of located (定位准确), mechanism understood (机理清楚), reproduced (问题复现), actions effective (措施有效). Record where each is evidenced (the report, test or record number): 'csr action zero 8D-2026-001 --located <evidence> --mechanism <evidence> --reproduced <test> --effective <verification> --read-across <read-across>'; read-across checks may also be recorded one by one with 'csr action readacross 8D-2026-001'.`,
    ]);
  });

  it("records where each of the five criteria is evidenced, shown on the card and in the register", async () => {
    const dir = await worked();
    expect(run(dir, "action", "readacross", "8D-2026-001", "--product", "同型电源模块 PM-28 系列", "--result", "3 种已排查，同批电容已更换", "--by", "chenhw", "--date", "2026-11-18", "--commit").code).toBe(0);
    const noReason = close(dir, "--no-read-across-reason", "无同类产品");
    expect([noReason.code, noReason.stderr]).toEqual([2, "csr: 8D-2026-001 已记录 1 项横向展开，不能再写 --no-read-across-reason。\n"]);
    expect(close(dir, "--commit").code).toBe(0);
    const zero = run(dir, "action", "zero", "8D-2026-001", "--located", "失效分析报告 FA-2026-012", "--mechanism", "电容 ESR 偏高（试验报告 SY-2026-031）");
    expect(zero.stderr).toBe("");
    expect(zero.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录 8D-2026-001 质量问题归零的证据：定位准确：失效分析报告 FA-2026-012；机理清楚：电容 ESR 偏高（试验报告 SY-2026-031）（actions/8D-2026-001.yaml）",
      "8D-2026-001 质量问题归零尚缺 问题复现、措施有效 的证据：用 'csr action zero 8D-2026-001' 记录。",
    ]);
    expect(read(dir)).toMatch(/\nzeroing:\n {2}located: 失效分析报告 FA-2026-012\n {2}mechanism: 电容 ESR 偏高（试验报告 SY-2026-031）\n$/);
    const card = run(dir, "show", "8D-2026-001").stdout;
    expect(card).toContain(
      [
        "  质量问题归零    定位准确：失效分析报告 FA-2026-012",
        "                  机理清楚：电容 ESR 偏高（试验报告 SY-2026-031）",
        "                  问题复现：未记录（csr action zero 8D-2026-001）",
        "                  措施有效：未记录（csr action zero 8D-2026-001）",
        "                  举一反三：横向展开 1 项（见上）",
      ].join("\n"),
    );
    expect(run(dir, "show", "8D-2026-001", "--lang", "en").stdout).toContain("read across (举一反三): 1 read-across check (above)");
    const register = run(dir, "list", "actions").stdout.split("\n");
    expect(register.find((l) => l.startsWith("序号"))).toContain("横向展开  质量问题归零");
    expect(register.find((l) => l.includes("8D-2026-001"))).toContain("已验证关闭  已关闭                1         3/5，缺 问题复现、措施有效");
    const again = run(dir, "action", "zero", "8D-2026-001", "--located", "FA-2026-013");
    expect([again.code, again.stderr]).toEqual([2, "csr: 8D-2026-001 已记录定位准确的证据：失效分析报告 FA-2026-012。\n提示：如证据登记有误，再次给出 --located 并加 --amend 更正（git 保留原文件）。\n"]);
    const rest = run(dir, "action", "zero", "8D-2026-001", "--reproduced", "高温 85 ℃ 复现试验 SY-2026-032", "--effective", "3 批次纹波合格（JY-2026-118）");
    expect(rest.stdout.split("\n")[1]).toBe("8D-2026-001 质量问题归零的五条均已记录证据。");
    expect(zeroingFindings(dir)).toEqual([]);
  });

  it("corrects a criterion's evidence with --amend, saying what it replaces (tester66 N7 rest)", async () => {
    const dir = await worked();
    expect(run(dir, "action", "zero", "8D-2026-001", "--located", "失效分析报告 FA-2026-012", "--commit").code).toBe(0);
    const same = run(dir, "action", "zero", "8D-2026-001", "--located", "失效分析报告 FA-2026-012");
    expect([same.code, same.stdout, same.stderr]).toEqual([0, "8D-2026-001 已记录这些证据（定位准确：失效分析报告 FA-2026-012），未作修改。\n", ""]);
    const amended = run(dir, "action", "zero", "8D-2026-001", "--located", "失效分析报告 FA-2026-013", "--mechanism", "电容 ESR 偏高", "--amend", "--commit");
    expect([amended.code, amended.stderr]).toEqual([0, ""]);
    expect(amended.stdout.split("\n").slice(0, 3)).toEqual([
      "已记录 8D-2026-001 质量问题归零的证据：定位准确：失效分析报告 FA-2026-013；机理清楚：电容 ESR 偏高（actions/8D-2026-001.yaml）",
      "已更正原登记的证据“定位准确：失效分析报告 FA-2026-012”；git 保留原文件。",
      "8D-2026-001 质量问题归零尚缺 问题复现、措施有效、举一反三 的证据：用 'csr action zero 8D-2026-001' 记录。",
    ]);
    expect(amended.stdout).toContain("质量问题 8D-2026-001：更正归零证据（定位准确、机理清楚）");
    expect(read(dir)).toMatch(/\nzeroing:\n {2}located: 失效分析报告 FA-2026-013\n {2}mechanism: 电容 ESR 偏高\n$/);
    const english = run(dir, "action", "zero", "8D-2026-001", "--mechanism", "ESR", "--lang", "en");
    expect([english.code, english.stderr]).toEqual([2, "csr: 8D-2026-001 already records the evidence of mechanism understood (机理清楚): 电容 ESR 偏高.\nhint: If that evidence is recorded wrong, give --mechanism again with --amend to correct it (git keeps the old file).\n"]);
  });

  it("is listed in the 质量问题归零/纠正措施台账, as GJB 9001C units name the register", async () => {
    const dir = await worked();
    expect(run(dir, "list", "actions").stdout.split("\n")[0]).toBe("质量问题归零/纠正措施台账（共 1 项）");
    expect(run(dir, "list", "actions", "--lang", "en").stdout.split("\n")[0]).toBe("Quality problem zeroing and corrective action register (1 record)");
    const open = run(dir, "list", "actions", "--status", "open").stdout;
    expect(open.split("\n")[0]).toBe("质量问题归零/纠正措施台账（状态：进行中（含逾期）；共 1 项）");
    expect(open).toContain("本表按条件筛选（状态：进行中（含逾期）），不是完整的质量问题归零/纠正措施台账。");
  });

  it("is closed as before in an IATF 16949 repository, with no read-across asked for", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(run(dir, "action", "open", "NC-2026-009", "--source", "internal", "--title", "成品库温湿度记录缺失", "--received", "2026-11-02", "--owner", "gaoyang", "--commit").code).toBe(0);
    for (const step of ["D3", "D4", "D5", "D6", "D7"]) expect(run(dir, "action", "step", "NC-2026-009", step, "--date", "2026-11-10", "--commit").code).toBe(0);
    const closed = run(dir, "action", "close", "NC-2026-009", "--verified-by", "zhaoqiang", "--date", "2026-11-20", "--evidence", "连续3周记录完整");
    expect([closed.code, closed.stderr, closed.stdout.split("\n").length]).toEqual([0, "", 3]);
    expect(run(dir, "list", "actions").stdout).not.toContain("质量问题归零");
    expect(run(dir, "list", "actions").stdout.split("\n")[0]).toBe("纠正措施台账（共 1 项）");
  });
});
