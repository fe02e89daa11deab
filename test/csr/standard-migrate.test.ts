/**
 * Moving to a new edition of a standard: a repository gets the catalog of a fictitious second edition
 * of IATF 16949 (test/fixtures/editions/IATF16949E2.yaml: 8.3.3.3 renumbered 8.3.3.4, 8.5.1.1 split,
 * 4.4.1.2 removed, 8.5.4 unchanged), `csr check` reports the old references, `csr standard migrate`
 * rewrites those with one counterpart, and the clause matrix shows both numberings.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, copyRepository, csrInProcess, FIXTURES, git, gitInit, makeRepo, minimalRepo } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";
import { localToday } from "../../src/core/dates.js";

const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);
const findings = (stdout: string) => stdout.split("\n").filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l));
const QP_020_CLAUSES = "clauses: [IATF16949:8.3.3.3, IATF16949:4.4.1.2, IATF16949:7.5.1.1, IATF16949:8.5.4, IATF16949E2:8.5.4]   # 特殊特性";

describe("moving to a new edition", () => {
  let dir: string;

  beforeAll(async () => {
    dir = validRepo();
    makeRepo(
      {
        "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")),
        "documents/QP-020.yaml": read(dir, "documents/QP-020.yaml").replace("status: released\n", `status: released\n${QP_020_CLAUSES}\n`),
      },
      dir,
    );
    // Confirmed links, which a migration must not turn suspect: only the clause numbers change.
    expect((await csrInProcess(["-C", dir, "address", "--pin-all", "--by", "zhang", "--date", "2026-11-27"])).code).toBe(0);
    gitInit(dir);
    // The new catalog came into the repository on 2026-11-20: a migration cannot be dated before it.
    git(dir, ["commit", "--amend", "-q", "--no-edit", "--date", "2026-11-20T10:00:00+08:00"]);
  });

  it("lists with --dry-run what would be rewritten and what is left for the user, and writes nothing", async () => {
    const files = snapshot(dir);
    expect(await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--dry-run"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "将把 10 处对 IATF 16949:2016 的引用（9 个文件）改为 IATF 16949 第二版（虚构示例）：",
        "  documents/QP-020.yaml:7:11  IATF16949:8.3.3.3 → IATF16949E2:8.3.3.4",
        "  documents/QP-020.yaml:7:68  IATF16949:8.5.4 → IATF16949E2:8.5.4（已引用，删除重复项）",
        "  csr/DYA/DYA-001.yaml:4:11  IATF16949:8.3.3.3 → IATF16949E2:8.3.3.4",
        "  csr/DYA/DYA-003.yaml:4:11  IATF16949:8.5.4 → IATF16949E2:8.5.4",
        "  csr/DYA/DYA-004.yaml:4:11  IATF16949:8.3.3.3 → IATF16949E2:8.3.3.4",
        "  csr/DYA/DYA-005.yaml:4:11  IATF16949:8.3.3.3 → IATF16949E2:8.3.3.4",
        "  csr/DYA/DYA-006.yaml:4:11  IATF16949:8.3.3.3 → IATF16949E2:8.3.3.4",
        "  csr/DYA/DYA-007.yaml:4:11  IATF16949:8.5.4 → IATF16949E2:8.5.4",
        "  csr/DYA/DYA-008.yaml:4:11  IATF16949:8.5.4 → IATF16949E2:8.5.4",
        "  csr/DYA/DYA-009.yaml:4:11  IATF16949:8.3.3.3 → IATF16949E2:8.3.3.4",
        "将重新确认 4 个顾客特定要求的落实链接：顾客特定要求只是条款号变了。",
        "以下 5 处未修改，请您决定：",
        "  documents/QP-020.yaml:7:30  IATF16949:4.4.1.2: IATF 16949 第二版（虚构示例）已删除该条款：请删除该引用，或改引现行适用的条款",
        "  documents/QP-020.yaml:7:49  IATF16949:7.5.1.1: IATF 16949 第二版（虚构示例）中没有条款 7.5.1.1，条款对应关系也未列出：请在 standards/IATF16949E2.yaml 的 supersedes.correspondence 中补充",
        "  csr/DYA/DYA-002.yaml:4:11  IATF16949:8.5.1.1: IATF 16949 第二版（虚构示例）中拆分为 IATF16949E2:8.5.1.1 或 IATF16949E2:8.5.1.8：请改引适用的条款",
        "  csr/DYA/DYA-004.yaml:4:30  IATF16949:8.5.1.1: IATF 16949 第二版（虚构示例）中拆分为 IATF16949E2:8.5.1.1 或 IATF16949E2:8.5.1.8：请改引适用的条款",
        "  csr/DYA/DYA-010.yaml:4:11  IATF16949:8.5.1.1: IATF 16949 第二版（虚构示例）中拆分为 IATF16949E2:8.5.1.1 或 IATF16949E2:8.5.1.8：请改引适用的条款",
        `将在 standards/IATF16949E2.yaml 中记下迁移日期 ${localToday()}（supersedes.migrated）：此前评审的记录仍引用 IATF 16949:2016 的条款。`,
        "将把 IATF16949E2 加入 qms.yaml 的 'standards'。",
        "仍有 5 处引用 IATF16949，IATF16949 保留在 'standards' 中，条款矩阵同时显示两个版本。全部改完后，请从 qms.yaml 的 'standards' 中删除 IATF16949。",
        "未写入（--dry-run）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(snapshot(dir)).toEqual(files);
  });

  it("says which files it cannot read, whose references it leaves", async () => {
    const broken = makeRepo({ "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")), "documents/QP-030.yaml": "id: QP-030\nclauses: [IATF16949:8.3.3.3\n" }, minimalRepo());
    expect((await csrInProcess(["-C", broken, "standard", "migrate", "IATF16949", "IATF16949E2", "--dry-run"])).stdout).toBe(
      [
        "No reference to IATF 16949:2016 is left to rewrite as IATF 16949 第二版（虚构示例） (already migrated, or there was none).",
        "Not migrated: 1 file that csr cannot read (documents/QP-030.yaml); correct it as 'csr check' says, then run the command again.",
        "Would add IATF16949E2 to 'standards' in qms.yaml.",
        "No reference to IATF16949 remains. To show both editions during the transition, keep IATF16949 in 'standards' of qms.yaml; to work to IATF 16949 第二版（虚构示例） alone, remove it from that list.",
        "Nothing was written (--dry-run).",
        "",
      ].join("\n"),
    );
  });

  it("reports before the migration only the references that need a decision; unchanged clauses map silently", async () => {
    const during = findings((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).stdout).filter((l) => l.includes("clause/superseded-edition"));
    // 8.5.4 keeps its number and title in the new edition: eleven references that need a decision, none for 8.5.4.
    expect(during.map((l) => l.split(" ").slice(0, 4).join(" "))).toEqual([
      "csr/DYA/DYA-001.yaml:4:11 warning clause/superseded-edition 'IATF16949:8.3.3.3'",
      "csr/DYA/DYA-002.yaml:4:11 warning clause/superseded-edition 'IATF16949:8.5.1.1'",
      "csr/DYA/DYA-004.yaml:4:11 warning clause/superseded-edition 'IATF16949:8.3.3.3'",
      "csr/DYA/DYA-004.yaml:4:30 warning clause/superseded-edition 'IATF16949:8.5.1.1'",
      "csr/DYA/DYA-005.yaml:4:11 warning clause/superseded-edition 'IATF16949:8.3.3.3'",
      "csr/DYA/DYA-006.yaml:4:11 warning clause/superseded-edition 'IATF16949:8.3.3.3'",
      "csr/DYA/DYA-009.yaml:4:11 warning clause/superseded-edition 'IATF16949:8.3.3.3'",
      "csr/DYA/DYA-010.yaml:4:11 warning clause/superseded-edition 'IATF16949:8.5.1.1'",
      "documents/QP-020.yaml:7:11 warning clause/superseded-edition 'IATF16949:8.3.3.3'",
      "documents/QP-020.yaml:7:30 warning clause/superseded-edition 'IATF16949:4.4.1.2'",
      "documents/QP-020.yaml:7:49 warning clause/superseded-edition 'IATF16949:7.5.1.1'",
    ]);
    // After the transition an unmigrated file is one finding for its unchanged clauses, beside those that need a decision.
    const after = findings((await csrInProcess(["-C", dir, "check", "--today", "2027-07-01"])).stdout).filter((l) => l.includes("clause/superseded-edition"));
    expect(after).toHaveLength(15);
    expect(after.filter((l) => l.startsWith("documents/QP-020.yaml")).at(-1)).toBe(
      "documents/QP-020.yaml:7:68 error clause/superseded-edition 'IATF16949:8.5.4' cites IATF 16949:2016, which IATF 16949 第二版（虚构示例） supersedes, as does 1 reference in this file in all; their clauses keep number and title there. Run 'csr standard migrate IATF16949 IATF16949E2'. The transition ended on 2027-06-30: audits are to the new edition only.",
    );
  });

  it("refuses a catalog that does not supersede the old edition, and an unknown one", async () => {
    expect(await csrInProcess(["-C", dir, "standard", "migrate", "ISO9001", "IATF16949E2"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: IATF16949E2 does not supersede ISO9001 (its 'supersedes' names 'IATF16949').\nhint: Give standards/IATF16949E2.yaml 'supersedes: {standard: ISO9001, correspondence: [...]}' from the new edition's correspondence table.\n",
    });
    expect((await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF1694E2"])).stderr).toBe(
      "csr: No catalog 'IATF1694E2'. Did you mean 'IATF16949E2'?\nhint: A new edition's catalog is standards/<ID>.yaml of the repository, with 'edition' and 'supersedes' (docs/format.md, standards/).\n",
    );
  });

  it("refuses a day of the migration after today or before the new catalog was added, and writes nothing (breaker59 H2)", async () => {
    const head = git(dir, ["rev-parse", "HEAD"]);
    const today = localToday();
    expect(await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--date", "2099-01-01", "--commit"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: --date 2099-01-01 is after today (${today}): a record of something done cannot be dated in the future.\n`,
    });
    expect(await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--date", "2026-11-19", "--commit"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2026-11-19 早于新版目录 standards/IATF16949E2.yaml 加入仓库的日期（2026-11-20）：迁移不可能早于新版目录存在。请填写实际迁移的日期。\n",
    });
    expect([git(dir, ["rev-parse", "HEAD"]), git(dir, ["status", "--porcelain"])]).toEqual([head, ""]);
  });

  it("rewrites each reference with one counterpart in place, re-pins confirmed links, puts the new edition in scope and commits", async () => {
    const result = await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--date", "2026-11-27", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("Rewrote 10 references to IATF 16949:2016 (files: 9) as IATF 16949 第二版（虚构示例）:");
    expect(lines.slice(11, 13)).toEqual(["Re-pinned 4 confirmed CSR links: only the clause numbers of the CSRs changed.", "Left as they are, for you to decide (5):"]);
    expect(lines.slice(-5)).toEqual([
      "Recorded the day of the migration, 2026-11-27, in standards/IATF16949E2.yaml (supersedes.migrated): a review record dated before it keeps citing the clauses of IATF 16949:2016.",
      "Added IATF16949E2 to 'standards' in qms.yaml.",
      "IATF16949 stays in 'standards' while 5 references to it remain, so the clause matrix shows both editions. Once none remains, remove IATF16949 from 'standards' in qms.yaml.",
      `Committed ${hash}: csr standard migrate IATF16949 IATF16949E2: clause references moved from IATF 16949:2016 to IATF 16949 第二版（虚构示例）`,
      "",
    ]);
    expect(read(dir, "documents/QP-020.yaml")).toContain("\nclauses: [IATF16949E2:8.3.3.4, IATF16949:4.4.1.2, IATF16949:7.5.1.1, IATF16949E2:8.5.4] # 特殊特性\n");
    // Only the scalars change where nothing is dropped: the rest of the line stays byte for byte.
    expect(read(dir, "csr/DYA/DYA-004.yaml")).toContain("\nclauses: [IATF16949E2:8.3.3.4, IATF16949:8.5.1.1]\n");
    expect(read(dir, "qms.yaml")).toContain("\nstandards: [IATF16949, IATF16949E2]\n");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n").sort()).toEqual(
      ["csr/DYA/DYA-001.yaml", "csr/DYA/DYA-003.yaml", "csr/DYA/DYA-004.yaml", "csr/DYA/DYA-005.yaml", "csr/DYA/DYA-006.yaml", "csr/DYA/DYA-007.yaml", "csr/DYA/DYA-008.yaml", "csr/DYA/DYA-009.yaml", "documents/QP-020.yaml", "qms.yaml", "standards/IATF16949E2.yaml"],
    );
    expect(read(dir, "standards/IATF16949E2.yaml")).toContain("  transition_ends: 2027-06-30\n  correspondence:");
    expect(read(dir, "standards/IATF16949E2.yaml")).toContain("  migrated: 2026-11-27\n");
    // No link turned suspect, and what is left is reported once per reference: a warning during the transition …
    const during = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"]);
    expect(findings(during.stdout).map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual([
      "csr/DYA/DYA-002.yaml:4:11 warning clause/superseded-edition",
      "csr/DYA/DYA-004.yaml:4:32 warning clause/superseded-edition",
      "csr/DYA/DYA-010.yaml:4:11 warning clause/superseded-edition",
      "documents/QP-020.yaml:7:32 warning clause/superseded-edition",
      "documents/QP-020.yaml:7:51 warning clause/superseded-edition",
    ]);
    // … an error after its end.
    const after = findings((await csrInProcess(["-C", dir, "check", "--today", "2027-07-01"])).stdout).filter((l) => l.includes("clause/superseded-edition"));
    expect(after.at(-1)).toBe(
      "documents/QP-020.yaml:7:51 error clause/superseded-edition 'IATF16949:7.5.1.1' cites IATF 16949:2016, which IATF 16949 第二版（虚构示例） supersedes: there is no clause 7.5.1.1 there, and the correspondence in standards/IATF16949E2.yaml does not list it. Add it to 'supersedes.correspondence' there. The transition ended on 2027-06-30: audits are to the new edition only.",
    );
    expect(after.every((l) => / error /.test(l))).toBe(true);
  });

  it("lists no coverage lost or gained between the commits before and after the migration: renumbering is no change of coverage (breaker59 H1)", async () => {
    const result = await csrInProcess(["-C", dir, "changes", "HEAD~1", "HEAD", "--format", "csv"], { lang: null });
    const commit = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    // One row for the migration (below), no other: before the fix, the migrated clauses of IATF 16949:2016 read 失去覆盖 and their new numbers 新覆盖.
    expect([result.code, result.stdout.split(/\r?\n/)]).toEqual([
      0,
      [
        "\uFEFF类别,变更,编号,名称,变更前,变更后,说明,日期",
        `条款覆盖,标准换版,IATF 16949,IATF 16949:2016,IATF 16949:2016,IATF 16949 第二版（虚构示例）,10 处对 IATF 16949:2016 的引用（9 个文件）改为 IATF 16949 第二版（虚构示例）（csr standard migrate）；提交人：Test User（提交 ${commit}）,2026-11-27`,
        "",
      ],
    ]);
  });

  it("says in one row of the change report that the references moved to the new edition, how many, by whom and when, in every format, not that nothing changed", async () => {
    const commit = git(dir, ["rev-parse", "HEAD"]).trim();
    const table = await csrInProcess(["-C", dir, "changes", "HEAD~1", "HEAD"], { lang: null });
    // The migration is dated 2026-11-27 (--date), the commit today: the note says the row's day lies outside the commits'.
    expect(table.stdout.split("\n").slice(-4)).toEqual(["", "条款覆盖：标准换版 1", `按提交比较：列出两次提交之间记入仓库的变更；日期一栏是记录上的日期，不是提交的日期。其中 1 项的日期不在 ${localToday()} 至 ${localToday()} 之间。`, ""]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "changes", "HEAD~1", "HEAD", "--format", "json"], { lang: null })).stdout) as { changes: unknown[] };
    expect(json.changes).toEqual([{ area: "coverage", kind: "migrated", id: "IATF16949", title: "IATF 16949:2016", from: "IATF16949", to: "IATF16949E2", detail: "Test User", migrated: { references: 10, files: 9 }, commit, date: "2026-11-27" }]);
    const en = await csrInProcess(["-C", dir, "changes", "HEAD~1", "HEAD", "--format", "md", "--lang", "en"], { lang: null });
    expect(en.stdout.split("\n").filter((l) => l.includes("edition migrated"))).toEqual([
      `| Clause coverage | edition migrated | IATF 16949 | IATF 16949:2016 | IATF 16949:2016 | IATF 16949 第二版（虚构示例） | 10 references to IATF 16949:2016 (files: 9) moved to IATF 16949 第二版（虚构示例） (csr standard migrate); committed by Test User (${commit.slice(0, 7)}) | 2026-11-27 |`,
      "Clause coverage: edition migrated 1  ",
    ]);
  });

  it("says in words that a second run finds nothing left to rewrite (breaker59 H10)", async () => {
    const again = await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--dry-run"]);
    expect([again.code, again.stdout.split("\n")[0], again.stderr]).toEqual([0, "No reference to IATF 16949:2016 is left to rewrite as IATF 16949 第二版（虚构示例） (already migrated, or there was none).", ""]);
  });

  it("names the new edition by its catalog's title where a document prints its clauses, never by its id", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "csr-e2-")), "DYA-001.md");
    expect((await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--out", out], { lang: null })).code).toBe(0);
    const line = readFileSync(out, "utf8").split("\n").find((l) => l.includes("对应条款"));
    expect(line).toContain("IATF 16949 第二版（虚构示例） 8.3.3.4 ");
    expect(line).not.toContain("IATF16949E2");
  });

  it("prints the new edition's matrix without --standard during the transition, and says so", async () => {
    const result = await csrInProcess(["-C", dir, "matrix", "clauses", "--format", "md", "--today", "2026-11-27"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("## IATF 16949 第二版（虚构示例）（202X版）条款覆盖矩阵");
    expect(result.stderr.split("\n")[0]).toBe("输出的是体系范围内的新版 IATF 16949 第二版（虚构示例）的矩阵；被替代版本的矩阵：--standard IATF16949。");
  });

  it("shows the new edition's clauses with their old numbers while both editions are in scope", async () => {
    expect(await csrInProcess(["-C", dir, "matrix", "clauses", "--standard", "IATF16949E2", "--format", "md", "--today", "2026-11-27"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "## IATF 16949 第二版（虚构示例）（202X版）条款覆盖矩阵",
        "",
        "东岳测试零部件有限公司 ｜ 截至 2026-11-27",
        "",
        "| 条款 | 原条款（2016版） | 条款名称 | QP-020 特殊特性管理程序 | 质量手册 | 其他文件 | 覆盖 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| 8 | 8 | 运行 |  |  |  | 未覆盖 |",
        "| 8.3 | 8.3 | 产品和服务的设计和开发 |  |  |  | 已覆盖 |",
        "| 8.3.3 | 8.3.3 | 设计和开发输入 |  |  |  | 已覆盖 |",
        "| 8.3.3.4 | 8.3.3.3 | 特殊特性 | ● |  |  | 已覆盖 |",
        "| 8.5 | 8.5 | 生产和服务提供 |  |  |  | 未覆盖 |",
        "| 8.5.1 | 8.5.1 | 生产和服务提供的控制 |  |  |  | 未覆盖 |",
        "| 8.5.1.1 | 8.5.1.1 | 控制计划 |  |  |  | 未覆盖 |",
        "| 8.5.1.8 | 8.5.1.1 | 控制计划的评审（虚构） |  |  |  | 未覆盖 |",
        "| 8.5.4 | 8.5.4 | 防护 | ● |  |  | 已覆盖 |",
        "",
        "覆盖率：4/9 (44.4%)（计每个适用的编号条款）  ",
        "其中由程序文件覆盖：4/9 (44.4%)（只计程序文件本身对应的条款）  ",
        "● 直接对应；△ 仅对应上级条款（继承）；○ 通过下级文件对应  ",
        "未覆盖：8 运行  ",
        "未覆盖：8.5 生产和服务提供  ",
        "未覆盖：8.5.1 生产和服务提供的控制  ",
        "未覆盖：8.5.1.1 控制计划  ",
        "未覆盖：8.5.1.8 控制计划的评审（虚构）  ",
        "IATF 16949 第二版（虚构示例）替代 IATF 16949:2016（过渡期至 2027-06-30）；“原条款（2016版）”列为旧版中对应的条款。  ",
        // The fixture's draft is left out, as from the controlled document list (auditor17 F7).
        "另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。  ",
        "",
      ].join("\n"),
      stderr: "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。\n",
    });
    // The old edition's matrix says it is superseded; the command that moves the references is for the one who runs it, on stderr.
    const old = await csrInProcess(["-C", dir, "matrix", "clauses", "--standard", "IATF16949", "--format", "json", "--today", "2026-11-27"], { lang: null });
    expect([old.code, old.stderr, (JSON.parse(old.stdout) as { notes: string[] }).notes.filter((note) => note.includes("替代"))]).toEqual([
      0,
      // QP-020's IATF16949E2:8.5.4 counts for 2016 8.5.4, above 8.5.4.1 (tester58 F2).
      "要覆盖继承的条款，请在满足这些条款的文件中直接对应；如果对应上级条款即覆盖其下级条款，请在 qms.yaml 中设置 coverage.inherit_from_parent: true。\n引用 IATF 16949:2016 条款的文件请改引 IATF 16949 第二版（虚构示例）的条款：csr standard migrate IATF16949 IATF16949E2。\n用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。\n",
      ["IATF 16949:2016 已被 IATF 16949 第二版（虚构示例）替代（过渡期至 2027-06-30）；过渡期内仍按 IATF 16949:2016 审核，引用 IATF 16949 第二版（虚构示例）条款的文件计入其对应的旧版条款（“新版条款（202X版）”列为新版中对应的条款）。"],
    ]);
    const crossReference = await csrInProcess(["-C", dir, "matrix", "clauses", "--standard", "IATF16949E2", "--style", "cross-reference", "--format", "csv"]);
    expect(crossReference.stdout.split("\r\n").slice(0, 5)).toEqual([
      "\ufeffNo.,Clause,Former clause (2016),Title,Process,Procedure,Level-3 documents,Level-4 forms,Manual,Coverage",
      "1,\"=\"\"8\"\"\",\"=\"\"8\"\"\",运行,,,,,,not covered",
      "2,\"=\"\"8.3\"\"\",\"=\"\"8.3\"\"\",产品和服务的设计和开发,,,,,,covered",
      "3,8.3.3,8.3.3,设计和开发输入,,,,,,covered",
      "4,8.3.3.4,8.3.3.3,特殊特性,,QP-020 特殊特性管理程序,,,,covered",
    ]);
  });

  it("counts the migrated references for the old edition's clauses they correspond to, which the auditor still audits against (tester58 F2)", async () => {
    const matrix = async (root: string) => (await csrInProcess(["-C", root, "matrix", "clauses", "--standard", "IATF16949", "--format", "md", "--today", "2026-11-27"], { lang: null })).stdout.split("\n");
    const after = await matrix(dir);
    const rows = (lines: string[], numbers: string[]) => lines.filter((l) => numbers.some((n) => l.startsWith(`| ${n} |`)));
    // QP-020 cites IATF16949E2:8.3.3.4 and IATF16949E2:8.5.4 now, and still IATF16949:4.4.1.2 (removed) and 7.5.1.1 (not in the correspondence).
    expect([after[4], ...rows(after, ["4.4.1.2", "8.3.3.3", "8.5.1.1", "8.5.4", "8.5.4.1"])]).toEqual([
      "| 条款 | 新版条款（202X版） | 条款名称 | QP-020 特殊特性管理程序 | 质量手册 | 其他文件 | 覆盖 |",
      "| 4.4.1.2 | 新版已删除 | 产品安全 | ● |  |  | 已覆盖 |",
      "| 8.3.3.3 | 8.3.3.4 | 特殊特性 | ● |  |  | 已覆盖 |",
      "| 8.5.1.1 | 8.5.1.1、8.5.1.8 | 控制计划 |  |  |  | 未覆盖 |",
      "| 8.5.4 | 8.5.4 | 防护 | ● |  |  | 已覆盖 |",
      "| 8.5.4.1 |  | 防护——补充 | △ |  |  | △ 由上级条款继承 |",
    ]);
    // The same matrix as before the migration, the column of new numbers aside.
    const before = join(mkdtempSync(join(tmpdir(), "csr-e2-before-")), "repo");
    git(dir, ["worktree", "add", "-q", "--detach", before, "HEAD~1"]);
    const table = (lines: string[]) => lines.filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
    expect(table(after).map((l) => l.split(" | ").filter((_, i) => i !== 1).join(" | "))).toEqual(table(await matrix(before)));
    expect(after.filter((l) => l.startsWith("覆盖率"))).toEqual((await matrix(before)).filter((l) => l.startsWith("覆盖率")));
  });

  it("keeps in a review report the clauses a review decided before the migration was made against, with the new number beside them (tester58 F8)", async () => {
    // A decision of 2026-11-25, two days before the migration (supersedes.migrated: 2026-11-27).
    expect((await csrInProcess(["-C", dir, "review", "DYA-001", "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--force", "-y"])).code).toBe(0);
    const clauses = async (...flags: string[]) => {
      const out = join(mkdtempSync(join(tmpdir(), "csr-e2-")), "DYA-001.md");
      expect((await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--out", out, ...flags], { lang: null })).code).toBe(0);
      return readFileSync(out, "utf8").split("\n").find((l) => l.includes("对应条款"))!.split(" | ").at(-1);
    };
    expect(await clauses("--today", "2026-12-01")).toBe("IATF 16949 8.3.3.3 特殊特性（现为 IATF 16949 第二版（虚构示例） 8.3.3.4 特殊特性） |");
    // As the record stood on the day of the decision: the new edition's numbers did not exist yet.
    expect(await clauses("--as-of", "2026-11-25")).toBe("IATF 16949 8.3.3.3 特殊特性 |");
  });

  it("keeps the recorded day of the migration on a second run: another --date is refused naming it, the same one is accepted (breaker59 H2)", async () => {
    expect(await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--date", "2026-11-28"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 迁移日期已记为 2026-11-27（standards/IATF16949E2.yaml 的 supersedes.migrated），--date 2026-11-28 未采用：此前评审的报告按该日期引用条款。\n提示：如记录的日期有误，请直接修改 standards/IATF16949E2.yaml 中的 supersedes.migrated 并提交；否则去掉 --date 重新运行。\n",
    });
    expect((await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--date", "2026-11-27", "--dry-run"])).code).toBe(0);
    expect(read(dir, "standards/IATF16949E2.yaml")).toContain("  migrated: 2026-11-27\n");
  });

  it("names a clause whose coverage changed by its standard's name or its catalog's title, never by the catalog's raw id; the JSON keeps the id (breaker59 H6)", async () => {
    makeRepo({ "documents/QP-020.yaml": read(dir, "documents/QP-020.yaml").replace("IATF16949E2:8.5.4]", "IATF16949E2:8.5.4, IATF16949E2:8.5.1.8]") }, dir);
    git(dir, ["commit", "-qm", "QP-020 cites 8.5.1.8", "documents/QP-020.yaml"]);
    const csv = await csrInProcess(["-C", dir, "changes", "HEAD~1", "HEAD", "--format", "csv"], { lang: null });
    expect([csv.code, csv.stdout.split(/\r?\n/)]).toEqual([
      0,
      ["\uFEFF类别,变更,编号,名称,变更前,变更后,说明,日期", "条款覆盖,新覆盖,IATF 16949 8.5.1.1,控制计划,未覆盖,已覆盖,,", "条款覆盖,新覆盖,IATF 16949 第二版（虚构示例） 8.5.1.8,控制计划的评审（虚构）,未覆盖,已覆盖,,", ""],
    ]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "changes", "HEAD~1", "HEAD", "--format", "json"], { lang: null })).stdout) as { changes: { id: string }[] };
    expect(json.changes.map((c) => c.id)).toEqual(["IATF16949:8.5.1.1", "IATF16949E2:8.5.1.8"]);
  });
});

describe("a repository migrated before csr recorded the day of the migration (no supersedes.migrated)", () => {
  let dir: string;
  const clauses = async (root: string, ...flags: string[]) => {
    const out = join(mkdtempSync(join(tmpdir(), "csr-e2-")), "DYA-001.md");
    expect((await csrInProcess(["-C", root, "render", "DYA-001", "--format", "md", "--out", out, ...flags], { lang: null })).code).toBe(0);
    return readFileSync(out, "utf8").split("\n").find((l) => l.includes("对应条款"))!.split(" | ").at(-1);
  };
  const BEFORE = "IATF 16949 8.3.3.3 特殊特性（现为 IATF 16949 第二版（虚构示例） 8.3.3.4 特殊特性） |";

  beforeAll(async () => {
    // Built as csr migrated before c2ebafb3: the catalog, a review decided against the old edition, then the
    // migration committed by hand under the user's own message, with no day in the catalog.
    dir = validRepo();
    makeRepo({ "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")) }, dir);
    gitInit(dir);
    git(dir, ["commit", "--amend", "-q", "--no-edit", "--date", "2026-11-20T10:00:00+08:00"]);
    expect((await csrInProcess(["-C", dir, "review", "DYA-001", "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--force", "-y"])).code).toBe(0);
    commitAt(dir, "2026-11-25", "DYA-001 评审");
    expect((await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2"])).code).toBe(0);
    makeRepo({ "standards/IATF16949E2.yaml": read(dir, "standards/IATF16949E2.yaml").replace(/\n {2}migrated: .*\n/, "\n") }, dir);
    expect(read(dir, "standards/IATF16949E2.yaml")).not.toContain("migrated:");
    commitAt(dir, "2026-11-27", "条款改引第二版");
  });

  it("keeps in a review report decided before the migration commit the clauses it was reviewed against", async () => {
    expect(await clauses(dir, "--today", "2026-12-01")).toBe(BEFORE);
    expect(await clauses(dir, "--as-of", "2026-11-26")).toBe("IATF 16949 8.3.3.3 特殊特性 |");
  });

  it("says on a run with nothing to rewrite the day git shows and how to record it, and writes nothing", async () => {
    const hash = git(dir, ["rev-parse", "--short", "HEAD"]).trim();
    const result = await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2"], { lang: null });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout.split("\n").filter((l) => l.startsWith("迁移日期"))).toEqual([
      `迁移日期未记录（standards/IATF16949E2.yaml 中没有 supersedes.migrated）。按 git 历史，条款引用于 2026-11-27 由 IATF 16949:2016 改为 IATF 16949 第二版（虚构示例）（提交 ${hash}），评审报告暂按该日期引用条款。核实后请记下：csr standard migrate IATF16949 IATF16949E2 --date 2026-11-27。`,
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("takes no commit that only adds references to the new edition for the migration: a history without one says so", async () => {
    // The same files taken in at once: nothing in git moved a reference from the old edition.
    const squashed = copyRepository(dir);
    git(squashed, ["checkout", "-q", "--orphan", "taken-in"]);
    commitAt(squashed, "2026-11-28", "导入");
    const result = await csrInProcess(["-C", squashed, "standard", "migrate", "IATF16949", "IATF16949E2", "--dry-run"]);
    expect(result.stdout.split("\n").filter((l) => l.startsWith("The day"))).toEqual([
      "The day of the migration is not recorded (no supersedes.migrated in standards/IATF16949E2.yaml), and no commit in the git history moved the references from IATF 16949:2016 to IATF 16949 第二版（虚构示例）: the report of a review decided before the migration cites the new clauses. Record the day the references were moved: csr standard migrate IATF16949 IATF16949E2 --date YYYY-MM-DD.",
    ]);
    expect(await clauses(squashed, "--today", "2026-12-01")).toBe("IATF 16949 第二版（虚构示例） 8.3.3.4 特殊特性 |");
  });

  it("records a missing day with --date, in a commit of its own, and keeps it from then on", async () => {
    const result = await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--date", "2026-11-27", "--commit"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((l) => /^(No reference|Recorded|Committed)/.test(l))).toEqual([
      "No reference to IATF 16949:2016 is left to rewrite as IATF 16949 第二版（虚构示例） (already migrated, or there was none).",
      "Recorded the day of the migration, 2026-11-27, in standards/IATF16949E2.yaml (supersedes.migrated): a review record dated before it keeps citing the clauses of IATF 16949:2016.",
      `Committed ${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}: csr standard migrate IATF16949 IATF16949E2 --date 2026-11-27: the day of the migration to IATF 16949 第二版（虚构示例） recorded`,
    ]);
    expect(git(dir, ["show", "--format=", "HEAD"])).toContain("\n+  migrated: 2026-11-27\n");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("standards/IATF16949E2.yaml\n");
    expect(await clauses(dir, "--today", "2026-12-01")).toBe(BEFORE);
    expect((await csrInProcess(["-C", dir, "standard", "migrate", "IATF16949", "IATF16949E2", "--date", "2026-11-26"])).code).toBe(2);
  });
});
