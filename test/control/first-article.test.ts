/**
 * The record of first article inspections (first-articles.yaml, 首件鉴定; GJB 9001C-2017 8.5.1, GJB 908A; tester79 G3):
 * `csr first-article add` records the product and operation, the 工艺规程 with its version in force on the day, the reason
 * and the change its revision records, the team and the 军代表 (read as every command reads a person), the result and the
 * report, numbered FA-<year>-NNN; it refuses a 军代表 in the team, a team member as 军代表, a report recorded already, a
 * day after today; `--amend` corrects a recorded one; `csr list first-articles` and `csr show FA-…` print them, and
 * first-article/failed-without-pass reports a failed one not inspected again. gjb-demo (with its example first-articles.yaml)
 * in a temporary git repository; the story's day is 2026-12-04.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "--today", "2026-12-04"], { lang: null });
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });
const ADD = ["first-article", "add", "XX-3 电源模块", "--operation", "焊接", "--document", "CS/WI-003", "--reason", "工艺更改", "--members", "罗欣,hejun", "--military-representative", "王建东", "--result", "不合格", "--report", "SJ-2026-07", "--date", "2026-12-01"];

const demo = builtOnce(() => gitInit(copyFixture("examples/gjb-demo")));

/** The story recorded: FA-2026-004, 焊接 made to CS/WI-003, failed on 2026-12-01. */
const recorded = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/gjb-demo"));
  expect((await zh(dir, ...ADD, "--commit")).code).toBe(0);
  return dir;
});

describe("csr first-article add", () => {
  it("records the inspection with the document's version in force and the change its revision records, committed (the binary)", async () => {
    const dir = await demo();
    expect(csr(["-C", dir, ...ADD, "--commit", "--today", "2026-12-04"], { lang: null })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^已记录首件鉴定 FA-2026-004：XX-3 电源模块 焊接，2026-12-01，不合格（报告 SJ-2026-07），写入 first-articles\.yaml。纠正后应重新进行首件鉴定，合格前不得转入批量生产（csr check：first-article\/failed-without-pass）。\n未记录更改单号：CS\/WI-003 的现行版本 A\/1 既未记为技术状态更改，也未要求首件鉴定（可用 --change-request 给出要求本次鉴定的更改）。\n已提交 [0-9a-f]{7}：首件鉴定 FA-2026-004：XX-3 电源模块，不合格\n$/,
      ),
      stderr: "",
    });
    expect(readFileSync(join(dir, "first-articles.yaml"), "utf8")).toContain(
      "    report: SJ-2026-06\n  - id: FA-2026-004\n    product: XX-3 电源模块\n    operation: 焊接\n    document: CS/WI-003\n    version: A/1\n    reason: process-change\n    date: 2026-12-01\n    members: [luox, hejun]\n    military_representative: wangjd\n    result: fail\n    report: SJ-2026-07\n",
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("takes the change request only from a version in force recorded as a 技术状态更改 (or calling for a first article)", async () => {
    const dir = copyFixture("examples/gjb-demo");
    const add = (document: string, report: string) => zh(dir, "first-article", "add", "XX-3 电源模块", "--operation", "包装", "--document", document, "--reason", "process-change", "--members", "luox", "--military-representative", "wangjd", "--result", "pass", "--report", report, "--date", "2026-12-03");
    // CS/WI-004 A/1 (2026-04-13) is the 技术状态更改 GG-2026-004; CS/WI-003 A/1 (2025) only corrected operator qualification (GG-2025-002).
    expect(await add("CS/WI-004", "X-1")).toEqual({
      code: 0,
      stdout: "已记录首件鉴定 FA-2026-004：XX-3 电源模块 包装，2026-12-03，合格（报告 X-1），写入 first-articles.yaml。\n更改单号 GG-2026-004 取自 CS/WI-004 的现行版本 A/1。\n",
      stderr: "",
    });
    expect((await add("CS/WI-003", "X-2")).stdout).toBe(
      "已记录首件鉴定 FA-2026-005：XX-3 电源模块 包装，2026-12-03，合格（报告 X-2），写入 first-articles.yaml。\n未记录更改单号：CS/WI-003 的现行版本 A/1 既未记为技术状态更改，也未要求首件鉴定（可用 --change-request 给出要求本次鉴定的更改）。\n",
    );
    const text = readFileSync(join(dir, "first-articles.yaml"), "utf8");
    expect(text).toContain("    document: CS/WI-004\n    version: A/1\n    reason: process-change\n    change_request: GG-2026-004\n");
    expect(text).toContain("    document: CS/WI-003\n    version: A/1\n    reason: process-change\n    date: 2026-12-03\n");
  });

  it("refuses a 军代表 in the team, a team member as 军代表, an unknown reason, what is missing, a report recorded already, a future day", async () => {
    const dir = await demo();
    const add = (...args: string[]) => zh(dir, "first-article", "add", "XX-3 电源模块", "--operation", "焊接", ...args);
    expect(await add("--reason", "new-product", "--members", "luox,wangjd", "--result", "pass", "--report", "X-1")).toEqual(refused("csr: 王建东（wangjd）是军代表：军代表以 --military-representative 参加首件鉴定，不列为鉴定组成员。\n"));
    expect(await add("--reason", "new-product", "--members", "luox", "--military-representative", "chenhw", "--result", "pass", "--report", "X-1")).toEqual(
      refused("csr: --military-representative 陈宏伟（chenhw）属于质量部，不是军代表：参加首件鉴定的军代表只能是军代表室的人员。\n"),
    );
    expect(await add("--reason", "改型", "--members", "luox", "--result", "pass", "--report", "X-1")).toEqual(
      refused("csr: --reason 必须是 new-product（新产品）、design-change（设计更改）、process-change（工艺更改）、resumption（停产后恢复）、relocation（转厂）、supplier-change（换供方）之一；实际为 '改型'。\n"),
    );
    expect(await add("--members", "luox")).toEqual(
      refused(
        "csr: 缺少 --reason、--result、--report。\n提示：例如：csr first-article add \"XX-3 电源模块\" --operation 灌封 --document <工艺规程编号> --reason process-change --members <人员>,<人员> --military-representative <军代表> --result pass --report <报告编号>\n",
      ),
    );
    expect(await add("--reason", "new-product", "--members", "luox", "--result", "pass", "--report", "sj-2026-05")).toEqual(refused("csr: 报告编号 sj-2026-05 已由 FA-2026-002 记录。\n"));
    expect(await add("--reason", "new-product", "--members", "luox", "--result", "pass", "--report", "X-1", "--date", "2026-12-05")).toEqual(
      refused("csr: --date 2026-12-05 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n"),
    );
    expect(await add("--process", "C9", "--reason", "new-product", "--members", "luox", "--result", "pass", "--report", "X-1")).toMatchObject({ code: 2, stderr: expect.stringContaining("processes.yaml 中没有过程 C9") });
  });
});

describe("csr first-article add --amend", () => {
  it("corrects the day and the team in place, printing each change; nothing to change and an unknown record are refused", async () => {
    const dir = await recorded();
    expect(await zh(dir, "first-article", "add", "--amend", "fa-2026-004", "--date", "2026-12-02", "--members", "luox,hejun,zhoul")).toEqual({
      code: 0,
      stdout: "已更正首件鉴定 FA-2026-004（first-articles.yaml）：\n  date：2026-12-01 → 2026-12-02\n  members：罗欣（luox）、何军（hejun）→ 罗欣（luox）、何军（hejun）、周琳（zhoul）\n已写入 first-articles.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(readFileSync(join(dir, "first-articles.yaml"), "utf8")).toContain("    date: 2026-12-02\n    members: [luox, hejun, zhoul]\n");
    expect(await zh(dir, "first-article", "add", "--amend", "FA-2026-004", "--date", "2026-12-02")).toEqual(
      refused("csr: FA-2026-004 没有需要更正的内容：所给出的项与记录相同。\n提示：例如：csr first-article add --amend FA-2026-004 --date <日期> --members <人员>,<人员>\n"),
    );
    expect(await zh(dir, "first-article", "add", "--amend", "FA-2026-009", "--date", "2026-12-02")).toEqual(
      refused("csr: 没有首件鉴定记录 FA-2026-009（已有：FA-2026-001、FA-2026-002、FA-2026-003、FA-2026-004）。是否应为 'FA-2026-001'？\n"),
    );
  });
});

describe("the record read back", () => {
  it("csr check reports the failed inspection not inspected again; the example's failed one was", async () => {
    const { findings } = await checkJsonInProcess(await recorded(), "--today", "2026-12-04");
    expect(findings.filter((f) => f.rule.startsWith("first-article/")).map((f) => [f.file, f.line, f.severity, f.message])).toEqual([
      [
        "first-articles.yaml",
        44,
        "warning",
        "First article inspection FA-2026-004 (XX-3 电源模块 焊接, 2026-12-01, report SJ-2026-07) failed, and no later one of the same product and operation passed. Once corrected, inspect a first article again and record it (csr first-article add … --result pass); batch production waits until one passes.",
      ],
    ]);
  });

  it("a pass recorded without the 军代表 is noted by the command and a warning of csr check until --amend records him (tester81 J8)", async () => {
    const dir = gitInit(copyFixture("examples/gjb-demo"));
    const added = await zh(dir, "first-article", "add", "XX-3 电源模块", "--operation", "灌封", "--process", "C3", "--document", "CS/WI-003", "--reason", "process-change", "--date", "2026-12-03", "--members", "luox,hejun", "--result", "pass", "--report", "SJ-2026-07");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("注意：未记录参加鉴定的军代表（--military-representative）。\n");
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-12-04");
    expect(findings.filter((f) => f.rule === "first-article/no-military-representative").map((f) => [f.file, f.line, f.column, f.severity, f.message])).toEqual([
      [
        "first-articles.yaml",
        44,
        13,
        "warning",
        "First article inspection FA-2026-004 of XX-3 电源模块 on 2026-12-03 is judged pass and records no military representative (军代表), though the military representative office had people at work that day: the 军代表 takes part in the first article inspection and agrees to its conclusion (GJB 908A). Record the 军代表 who took part: csr first-article add \"XX-3 电源模块\" --amend FA-2026-004 --military-representative wangjd.",
      ],
    ]);
    expect((await zh(dir, "first-article", "add", "XX-3 电源模块", "--amend", "FA-2026-004", "--military-representative", "wangjd")).code).toBe(0);
    expect((await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.rule.startsWith("first-article/"))).toEqual([]);
  });

  it("csr check reports what the command refuses, written by hand; csr show FA-… lists the second record of its number", async () => {
    const dir = copyFixture("examples/gjb-demo");
    const file = join(dir, "first-articles.yaml");
    const twice = ["  - id: FA-2026-001", "    product: XX-3 电源模块", "    operation: 焊接", "    process: C99", "    document: CS/WI-999", "    reason: new-product", "    date: 2026-11-21", "    members: [nobody, wangjd]", "    military_representative: luox", "    result: pass", "    report: sj-2026-03", ""];
    writeFileSync(file, readFileSync(file, "utf8") + twice.join("\n"));
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-12-04");
    expect(findings.filter((f) => f.file === "first-articles.yaml").map((f) => [f.line, f.rule])).toEqual([
      [35, "id/duplicate"],
      [38, "ref/unresolved"],
      [39, "ref/unresolved"],
      [42, "ref/unresolved"],
      [42, "person/military-signature"],
      [43, "person/military-signature"],
      [45, "id/duplicate"],
    ]);
    const card = (await zh(dir, "show", "FA-2026-001")).stdout;
    expect(card).toContain("  报告编号                SJ-2026-03\n");
    expect(card).toContain("  检查发现                错误 id/duplicate（第 35 行）：首件鉴定编号 'FA-2026-001' 已在第 4 行使用。");
    expect(card).toContain("错误 person/military-signature（第 42 行）：首件鉴定 FA-2026-001（2026-11-21）的首件鉴定组中有军代表室的军代表 王建东（wangjd）");
    expect(card).toContain("错误 id/duplicate（第 45 行）：首件鉴定报告编号 'sj-2026-03' 已在第 13 行使用。");
  });

  it("csr list first-articles prints the 首件鉴定台账, the failed one marked, as the register stood on --today", async () => {
    const dir = await recorded();
    const csv = (await zh(dir, "list", "first-articles", "--format", "csv")).stdout;
    expect(csv.split("\r\n").slice(0, 6)).toEqual([
      "\uFEFF序号,记录编号,产品/零部件,工序,过程,工艺规程/图样（版本）,鉴定原因,更改单号,鉴定日期,鉴定组,军代表,鉴定结论,报告编号,备注",
      "1,FA-2026-001,XX-3 电源模块,灌封,C3,,新产品,,2026-03-18,罗欣、何军、周琳,王建东,合格,SJ-2026-03,",
      "2,FA-2026-002,XX-3 电源模块,灌封,C3,,换供方,,2026-11-20,罗欣、何军、周琳,王建东,不合格,SJ-2026-05,改用 GF-2 灌封胶后灌封层气泡超标，延长真空脱泡时间后重新鉴定",
      "3,FA-2026-003,XX-3 电源模块,灌封,C3,,换供方,,2026-11-27,罗欣、何军、周琳,王建东,合格,SJ-2026-06,",
      "4,FA-2026-004,XX-3 电源模块,焊接,,CS/WI-003（A/1）,工艺更改,,2026-12-01,罗欣、何军,王建东,不合格，未重新鉴定,SJ-2026-07,",
      "",
    ]);
    const before = (await csrInProcess(["-C", dir, "list", "first-articles", "--today", "2026-11-25", "--from", "2026-11-01", "--to", "2026-11-30"], { lang: null })).stdout;
    expect(before).toContain("首件鉴定台账（共 1 项）");
    expect(before).toContain("FA-2026-002");
    expect(before).toContain("不合格，未重新鉴定");
    expect(before).toContain("共 1 次首件鉴定，其中不合格 1 次，尚未重新鉴定合格 1 次。");
  });

  it("csr show FA-… gives the card with the other inspections of the product and operation and its findings", async () => {
    const dir = await recorded();
    expect((await zh(dir, "show", "fa-2026-002")).stdout).toBe(
      [
        "FA-2026-002  XX-3 电源模块 灌封 首件鉴定",
        "",
        "  文件                    first-articles.yaml",
        "  工序                    灌封",
        "  过程                    C3",
        "  鉴定原因                换供方",
        "  鉴定日期                2026-11-20",
        "  鉴定组                  罗欣、何军、周琳",
        "  军代表                  王建东",
        "  鉴定结论                不合格",
        "  报告编号                SJ-2026-05",
        "  备注                    改用 GF-2 灌封胶后灌封层气泡超标，延长真空脱泡时间后重新鉴定",
        "  同一产品工序的其他鉴定  FA-2026-001  2026-03-18  合格  报告 SJ-2026-03",
        "                          FA-2026-003  2026-11-27  合格  报告 SJ-2026-06",
        "  检查发现                无",
        "",
      ].join("\n"),
    );
    const card = (await zh(dir, "show", "FA-2026-004")).stdout;
    expect(card).toContain("  工艺规程/图样（版本）   CS/WI-003（A/1）\n  文件名称                关键工序控制细则\n");
    expect(card).toContain("  鉴定结论                不合格，未重新鉴定\n");
    expect(card).toContain("  检查发现                警告 first-article/failed-without-pass（第 44 行）：首件鉴定 FA-2026-004");
    const json = JSON.parse((await zh(dir, "show", "FA-2026-004", "--format", "json")).stdout) as { firstArticle: { version: string }; documentTitle: string; findings: { rule: string }[] };
    expect(json.firstArticle.version).toBe("A/1");
    expect(json.documentTitle).toBe("关键工序控制细则");
    expect(json.findings.map((f) => f.rule)).toEqual(["first-article/failed-without-pass"]);
  });
});
