/**
 * The characteristic trace compares one product's documents only (review78 #7; IATF 16949 8.3.3.3): acme-auto makes
 * brake hose assemblies (WI-010-01, crimping at OP20) and rubber mouldings (WI-010-02, vulcanising, here at OP30). The
 * brake hose control plan QR-010-11, which WI-010-01 names among its forms, marks ★ at OP20 and OP30: its OP30 is not
 * covered by the rubber part's instruction for its own OP30, and the finding says which instructions it compared and
 * which one of another product (or not tied yet) covers the operation number; the rubber part's ★, tied to no control
 * plan, is said to be traced to none. A control plan being revised is traced as its version in force reads, not as
 * its draft (review78 #1). Real git repository (acme-auto, committed), csr in the worker, pinned to 2026-12-04.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, commitAt, committedFixture, csrInProcess, tempDir, type JsonFinding } from "../helpers.js";

const DAY = "2026-12-04";

const PLAN = [
  "id: QR-010-11",
  "title: 制动软管总成控制计划",
  "level: 4",
  "kind: form",
  "department: QA",
  "processes: [C3]",
  "role: control-plan",
  "status: released",
  "effective: 2026-11-02",
  "revisions:",
  "  - version: A/0",
  "    date: 2026-11-02",
  "    summary: 首次发布",
  "    prepared: {by: gaoyang, date: 2026-10-26}",
  "    reviewed: {by: huangjun, date: 2026-10-28}",
  "    approved: {by: zhangli, date: 2026-11-02}",
  "record:",
  "  retention: 产品寿命期+1年",
  "sections:",
  "  - title: 控制计划",
  "    text: |",
  "      | 工序号 | 工序名称 | 特性 | 特殊特性 | 反应计划 |",
  "      |---|---|---|---|---|",
  "      | OP20 | 扣压 | 扣压外径 | ★ | 停机隔离 |",
  "      | OP30 | 接头拧紧 | 拧紧扭矩 | ★ | 停机、100%复测 |",
  "",
].join("\n");

const build = builtOnce(() => {
  const dir = committedFixture("examples/acme-auto");
  writeFileSync(join(dir, "documents/forms/QR-010-11.yaml"), PLAN);
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(join(dir, path), "utf8");
    if (!text.includes(from)) throw new Error(`${path}: no '${from}'`);
    writeFileSync(join(dir, path), text.replace(from, to));
  };
  // The brake hose crimping instruction: at OP20, naming its product's control plan.
  edit("documents/instructions/WI-010-01.yaml", "processes: [C3]\n", "processes: [C3]\nstations: [OP20]\n");
  edit("documents/instructions/WI-010-01.yaml", "forms: [HH-F-052]\n", "forms: [HH-F-052, QR-010-11]\n");
  // The rubber part's vulcanising instruction: its own OP30, its mould temperature ★.
  edit("documents/instructions/WI-010-02.yaml", "processes: [C3]\n", "processes: [C3]\nstations: [OP30]\n");
  edit("documents/instructions/WI-010-02.yaml", "确认模温达到170 ± 5 ℃；", "确认模温达到170 ± 5 ℃（★）；");
  commitAt(dir, "2026-12-01", "制动软管总成控制计划；硫化工位 OP30");
  return dir;
});

async function untraced(dir: string, lang: "en" | "zh-CN" = "en"): Promise<string[]> {
  const result = await csrInProcess(["-C", dir, "check", "--today", DAY, "--format", "json"], { lang });
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings
    .filter((f) => f.rule === "symbol/characteristic-untraced")
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
}

const EXPECTED = [
  "documents/forms/QR-010-11.yaml:25:7 QR-010-11 section 1, line 4: OP30 拧紧扭矩 is marked ★, but no released work instruction of the same product covers OP30 (names it in its stations or text; compared: WI-010-01, tied to QR-010-11 by related, forms or an ECN), so the operator is not told of it. Name the station of its instruction with 'csr set <instruction> --station OP30', or write and release one for OP30. WI-010-02 covers OP30 but is not tied to QR-010-11: if it is this product's instruction, name it with 'csr set WI-010-02 --add-form QR-010-11'.",
  "documents/instructions/WI-010-02.yaml:48:7 WI-010-02 section 2, line 1 marks ★ at OP30, but the instruction is tied to no released control plan (by related, forms or an ECN), so the mark is traced to none. Name its product's control plan with 'csr set WI-010-02 --add-form <control plan>'.",
];

describe("the characteristic trace within one product", () => {
  it("does not count another product's instruction for the same operation number, and names what it compared", async () => {
    const dir = await build();
    expect(await untraced(dir)).toEqual(EXPECTED);
    expect(await untraced(dir, "zh-CN")).toEqual([
      "documents/forms/QR-010-11.yaml:25:7 QR-010-11 第 1 节第 4 行：OP30 拧紧扭矩 标为特殊特性 ★，而没有同一产品的已发布作业指导书覆盖 OP30（在 stations 或正文中写明 OP30；比较了经相关文件、表单或 ECN 与 QR-010-11 关联的：WI-010-01），操作者得不到它的指导。请用 'csr set <作业指导书> --station OP30' 写明其工位，或编写并发布 OP30 的作业指导书。WI-010-02 覆盖 OP30，但与 QR-010-11 没有关联：若它是本产品的作业指导书，请用 'csr set WI-010-02 --add-form QR-010-11' 写明。",
      "documents/instructions/WI-010-02.yaml:48:7 WI-010-02 第 2 节第 1 行在 OP30 以 ★ 标识特殊特性，而该作业指导书与已发布的控制计划都没有关联（相关文件、表单或 ECN），标识无从追溯。请用 'csr set WI-010-02 --add-form <控制计划>' 写明本产品的控制计划。",
    ]);
  });

  it("traces a control plan being revised as its version in force reads, not its draft", async () => {
    const dir = await build();
    expect((await csrInProcess(["-C", dir, "submit", "QR-010-11", "--by", "gaoyang", "--date", "2026-12-02"])).code).toBe(0);
    // The draft drops OP30's row and marks a new OP40: neither is what the shop floor works to until it is released.
    const draft = join(tempDir(), "section.md");
    writeFileSync(draft, ["| 工序号 | 工序名称 | 特性 | 特殊特性 | 反应计划 |", "|---|---|---|---|---|", "| OP20 | 扣压 | 扣压外径 | ★ | 停机隔离 |", "| OP40 | 气密 | 泄漏 | ★ | 停机隔离 |", ""].join("\n"));
    const edited = await csrInProcess(["-C", dir, "edit", "QR-010-11", "--section", "1", "--from", draft, "--today", DAY]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(readFileSync(join(dir, "documents/forms/QR-010-11.yaml"), "utf8")).toContain("| OP40 | 气密 | 泄漏 | ★ | 停机隔离 |");
    const findings = await untraced(dir);
    // The row in force is no longer in the file: its finding is at the section's text.
    expect(findings).toEqual([EXPECTED[0]!.replace("QR-010-11.yaml:25:7", "QR-010-11.yaml:24:11"), EXPECTED[1]]);
  });
});
