/**
 * csr supersede <CSR-id>: a CSR registered twice, or withdrawn or replaced by the customer outside a
 * new revision of its document, is marked superseded (已替代) with the date, the reason and the CSR
 * that replaces it, without hand-edited YAML; the registers and csr check read it as they read the
 * field written by hand or by csr source update. The built binary on real git repositories; the
 * questions at a terminal driven with @inquirer/testing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { supersedeCsr } from "../../src/commands/supersede/index.js";
import { checkJson, csr, csrInProcess, git, makeRepo } from "../helpers.js";
import { capture, read, tree, validRepo } from "./fixture.js";

const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

describe("csr supersede", () => {
  it("records the date, the reason and the successor in the CSR's file alone, keeps its review, and the registers list it as superseded", () => {
    const dir = validRepo({ git: true });
    const before = read(dir, "csr/DYA/DYA-010.yaml");
    const result = csr(["-C", dir, "supersede", "DYA-010", "--by", "DYA-004", "--reason", "与 DYA-004 重复登记", "--date", "2026-11-27", "--commit"], { lang: "zh-CN" });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout:
        "已将 DYA-010 首件检验记录保存五年 标为已替代（csr/DYA/DYA-010.yaml）：2026-11-27，由 DYA-004 关键特性须在作业指导书中标识 替代；原因：与 DYA-004 重复登记\n" +
        "DYA-010 的评审、落实和实施记录保留；CSR 清单和矩阵将其列为已替代，不再计算其评审期限。\n" +
        `已提交 ${hash}：csr supersede DYA-010：由 DYA-004 替代（与 DYA-004 重复登记）\n`,
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-010.yaml")).toBe(before + "superseded: {date: 2026-11-27, reason: 与 DYA-004 重复登记, by: DYA-004}\n");
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe("csr/DYA/DYA-010.yaml");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const shown = csr(["-C", dir, "show", "DYA-010"]).stdout.split("\n");
    expect(shown.filter((l) => /^ {2}(Status|Review due|Decision|Superseded) /.test(l))).toEqual([
      "  Status          superseded",
      "  Review due      2026-12-04 (on time, 2 working days used); superseded by DYA-004 2026-11-27",
      "  Decision        must meet, zhang 张伟, 2026-11-24 (forced: required opinions were missing)",
      "  Superseded      2026-11-27: 与 DYA-004 重复登记 (by DYA-004)",
    ]);
    expect(checkJson(dir, "--today", "2026-11-27")).toEqual({ code: 0, stderr: "", findings: [] });
  });

  it("without a successor records a requirement the customer withdrew", async () => {
    const dir = validRepo();
    expect(await csrInProcess(["-C", dir, "supersede", "DYA-002", "--reason", "顾客 2026-11-26 函件撤销", "--date", "2026-11-26", "-y"])).toEqual({
      code: 0,
      stdout:
        "Marked DYA-002 控制计划须经顾客批准 superseded (csr/DYA/DYA-002.yaml): on 2026-11-26; reason: 顾客 2026-11-26 函件撤销\n" +
        "DYA-002's review, links and implementation stay on record; the registers list it as superseded and no longer count a review deadline for it.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toMatch(/\nsuperseded: \{date: 2026-11-26, reason: 顾客 2026-11-26 函件撤销\}\n$/);
  });

  it("refuses a CSR superseded already, a successor that is itself, superseded, unknown or another customer's, a document, a date before either CSR was received and a missing reason; nothing is written", async () => {
    const dir = validRepo({ git: true });
    makeRepo(
      {
        "customers/HHQ.yaml": "code: HHQ\nname: 华海汽车\nsources:\n  - id: HHQ-SQM\n    title: 供应商手册\n    revisions:\n      - revision: A\n        received: 2026-11-02\n",
        "csr/HHQ/HHQ-001.yaml": "id: HHQ-001\ncustomer: HHQ\nsource: {document: HHQ-SQM, revision: A}\nclauses: [IATF16949:8.5.4]\ntitle: 包装须使用顾客周转箱\nreceived: 2026-11-02\n",
      },
      dir,
    );
    const before = snapshot(dir);
    // The binary for the first refusal (as a user sees it), the others in this process: the same code, without a start of Node each.
    let spawned = false;
    const supersede = (...args: string[]) => (spawned ? csrInProcess(["-C", dir, "supersede", ...args, "-y"]) : ((spawned = true), Promise.resolve(csr(["-C", dir, "supersede", ...args, "-y"]))));
    const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });
    expect(await supersede("DYA-009", "--reason", "x")).toEqual(refused("csr: DYA-009 was superseded on 2026-11-20 (C 版改由 DYA-001 规定; replaced by DYA-001); nothing changed.\n"));
    expect(await supersede("DYA-010", "--by", "DYA-010", "--reason", "x")).toEqual(refused("csr: --by DYA-010: a CSR cannot replace itself.\n"));
    expect(await supersede("DYA-010", "--by", "DYA-009", "--reason", "x")).toEqual(refused("csr: --by DYA-009 was itself superseded on 2026-11-20 (C 版改由 DYA-001 规定; replaced by DYA-001): name the CSR in force.\n"));
    expect(await supersede("DYA-010", "--by", "DYA-04", "--reason", "x")).toEqual(refused("csr: --by DYA-04: no such CSR in the repository. Did you mean 'DYA-004'?\n"));
    expect(await supersede("DYA-010", "--by", "HHQ-001", "--reason", "x")).toEqual(
      refused("csr: --by HHQ-001 is a requirement of customer HHQ and DYA-010 one of customer DYA: only a CSR of the same customer can replace it.\n"),
    );
    expect(await supersede("DYA-001", "--by", "DYA-011", "--reason", "x")).toEqual(refused("csr: --by DYA-011: no such CSR in the repository. Did you mean 'DYA-010'?\n"));
    expect(await supersede("QP-009", "--reason", "x")).toEqual(refused("csr: QP-009 is a document, not a CSR.\nhint: A document is withdrawn with 'csr obsolete QP-009 --reason … --superseded-by …'.\n"));
    expect(await supersede("DYA-010", "--reason", "x", "--date", "2026-11-19")).toEqual(refused("csr: --date 2026-11-19 is before the receipt of DYA-010 (2026-11-20), which it must follow.\n"));
    expect(await supersede("DYA-010", "--by", "DYA-004")).toEqual(refused("csr: --reason is required (or run in a terminal to be asked for the reason).\n"));
    expect(await supersede("DYA-010", "--reason", " ")).toEqual(refused("csr: --reason cannot be empty: say why it is superseded.\n"));
    expect(snapshot(dir)).toEqual(before);
  });

  it("at a terminal without --reason, asks for the successor and the reason", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const done = supersedeCsr(ctx, "DYA-010", { date: "2026-11-27" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("CSR that replaces DYA-010 (blank if none)");
    screen.type("DYA-009");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("--by DYA-009 was itself superseded on 2026-11-20");
    for (let i = 0; i < 7; i++) screen.keypress("backspace");
    screen.type("DYA-004");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Reason");
    screen.type("duplicate of DYA-004");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "csr/DYA/DYA-010.yaml")).toMatch(/\nsuperseded: \{date: 2026-11-27, reason: duplicate of DYA-004, by: DYA-004\}\n$/);
  });
});

describe("a superseded CSR's review (IATF 16949 7.5.3.2.2)", () => {
  it("in the review-timeliness register, the CSR matrix and the review report: no deadline running for a review not decided, 已替代 with the date and successor, not counted overdue; a decided round keeps its verdict", async () => {
    const dir = validRepo({ git: true });
    // DYA-002 has one of its two opinions and no decision; DYA-010 was decided on time on 2026-11-24.
    expect((await csrInProcess(["-C", dir, "supersede", "DYA-002", "--by", "DYA-004", "--reason", "与 DYA-004 重复登记", "--date", "2026-11-27", "--commit"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "supersede", "DYA-010", "--by", "DYA-004", "--reason", "并入 DYA-004", "--date", "2026-11-27", "--commit"])).code).toBe(0);
    const rows = (out: string, pattern: RegExp) => out.split("\n").filter((l) => pattern.test(l)).map((l) => l.trimEnd());

    const reviews = csr(["-C", dir, "list", "reviews", "--today", "2026-12-20"], { lang: "zh-CN" });
    expect(reviews.code).toBe(0);
    expect(rows(reviews.stdout, /^\d+ +DYA-0(01|02|10) |逾期或/)).toEqual([
      "1     DYA-001  东岳越野车有限公司  DYA-SQM 供应商质量手册  C     接收  2026-11-20  2026-12-04                      20              逾期未决",
      "2     DYA-002  东岳越野车有限公司  DYA-SQM 供应商质量手册  C     接收  2026-11-20                                                  已替代（2026-11-27，由 DYA-004 替代）",
      "10    DYA-010  东岳越野车有限公司  DYA-SQM 供应商质量手册  C     接收  2026-11-20  2026-12-04  2026-11-24  张伟    2               按期                                                   强制决定，会签已补齐",
      // DYA-001, open past its deadline, and DYA-009, superseded past its own (the test below).
      "评审期限为起算日后第 10 个工作日（IATF 16949 7.5.3.2.2），按工作日历计算；逾期或逾期未决 2 项。",
    ]);
    expect(rows((await csrInProcess(["-C", dir, "list", "reviews", "--today", "2026-12-20"])).stdout, /^2 +DYA-002 /)).toEqual([
      "2    DYA-002  东岳越野车有限公司  DYA-SQM 供应商质量手册  C         received  2026-11-20                                                                   superseded (2026-11-27, by DYA-004)",
    ]);

    const matrix = csr(["-C", dir, "matrix", "csr", "--today", "2026-12-20"]);
    expect(rows(matrix.stdout, /^(CSR|DYA-0(01|02|10)) /)).toEqual([
      "CSR      Customer            Source document         Revision  Source section  Clauses          Requirement                   Requirement text  Disposition     Justification                   Received / restarted  Review due  Decided     Timeliness                                    Addressed in  Addressed section  Version                Document title    Link                                Processes  Owner  Due         Implemented on  Status          Evidence",
      "DYA-001  东岳越野车有限公司  DYA-SQM 供应商质量手册  C         4.2             8.3.3.3          特殊特性符号按顾客规定标识                                                                      2026-11-20            2026-12-04              overdue, undecided                                                                                                                                                                                        received",
      "DYA-002  东岳越野车有限公司  DYA-SQM 供应商质量手册  C         5.1             8.5.1.1          控制计划须经顾客批准                                                                            2026-11-20                                    superseded (2026-11-27, by DYA-004)                                                                                                                                                                       superseded",
      // The revision in force when it was superseded, its link no longer counted (tester52 D1).
      "DYA-010  东岳越野车有限公司  DYA-SQM 供应商质量手册  C         8.1             8.5.1.1          首件检验记录保存五年                            must meet                                       2026-11-20            2026-12-04  2026-11-24  on time                                       QP-020        5.9 变更通知       A/1 (when superseded)  特殊特性管理程序  superseded 2026-11-27; not counted                                                superseded",
    ]);

    const report = async (id: string, lang: "zh-CN" | "en") => {
      const out = join(dir, "out", `${id}.${lang}.md`);
      expect((await csrInProcess(["-C", dir, "render", id, "--format", "md", "--today", "2026-12-20", "--out", out], { lang })).code).toBe(0);
      return rows(readFileSync(out, "utf8"), /^\| (评审期限|评审用时|状态|Review due|Time taken|Status) \|/);
    };
    expect(await report("DYA-002", "zh-CN")).toEqual([
      "| 评审期限 |  | 决定日期 |  |",
      "| 评审用时 |  | 及时性 | 已替代 |",
      "| 状态 | 已替代：2026-11-27 由 DYA-004 替代；替代原因：与 DYA-004 重复登记 |  |  |",
    ]);
    expect(await report("DYA-002", "en")).toEqual([
      "| Review due |  | Decided |  |",
      "| Time taken |  | Timeliness | superseded |",
      "| Status | superseded: 2026-11-27, by DYA-004; reason: 与 DYA-004 重复登记 |  |  |",
    ]);
    expect(await report("DYA-010", "zh-CN")).toEqual([
      "| 评审期限 | 2026-12-04 | 决定日期 | 2026-11-24 |",
      "| 评审用时 | 2 个工作日 | 及时性 | 按期 |",
      "| 状态 | 已替代：2026-11-27 由 DYA-004 替代；替代原因：并入 DYA-004 |  |  |",
    ]);
  });

  it("a round superseded past its deadline stays late: its deadline, the working days to the supersession, 逾期，已替代, counted overdue", async () => {
    // DYA-009 (revision B) was received on 2025-06-05, due 2025-06-19, never decided, and superseded on 2026-11-20 by DYA-001 (revision C).
    const dir = validRepo();
    const rows = (out: string, pattern: RegExp) => out.split("\n").filter((l) => pattern.test(l)).map((l) => l.trimEnd());

    const reviews = await csrInProcess(["-C", dir, "list", "reviews", "--today", "2026-12-20"], { lang: "zh-CN" });
    expect(reviews.code).toBe(0);
    expect(rows(reviews.stdout, /^\d+ +DYA-009 |逾期或/)).toEqual([
      "9     DYA-009  东岳越野车有限公司  DYA-SQM 供应商质量手册  B     接收  2025-06-05  2025-06-19                      364             逾期，已替代（2026-11-20，由 DYA-001 替代）",
      "评审期限为起算日后第 10 个工作日（IATF 16949 7.5.3.2.2），按工作日历计算；逾期或逾期未决 3 项。",
    ]);
    expect(rows((await csrInProcess(["-C", dir, "list", "reviews", "--today", "2026-12-20"])).stdout, /^9 +DYA-009 /)).toEqual([
      "9    DYA-009  东岳越野车有限公司  DYA-SQM 供应商质量手册  B         received  2025-06-05            2025-06-19                          364                overdue, superseded (2026-11-20, by DYA-001)",
    ]);
    // The day before the supersession the round was open past its deadline, one working day less.
    expect(rows((await csrInProcess(["-C", dir, "list", "reviews", "--today", "2026-11-19"], { lang: "zh-CN" })).stdout, /^\d+ +DYA-009 /)).toEqual([
      "1     DYA-009  东岳越野车有限公司  DYA-SQM 供应商质量手册  B     接收  2025-06-05  2025-06-19                    363             逾期未决",
    ]);

    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--today", "2026-12-20"], { lang: "zh-CN" });
    expect(rows(matrix.stdout, /^DYA-009 /).map((l) => l.split(/ {2,}/))).toEqual([
      ["DYA-009", "东岳越野车有限公司", "DYA-SQM 供应商质量手册", "B", "4.9", "8.3.3.3", "特殊特性用三角符号标识", "2025-06-05", "2025-06-19", "逾期，已替代（2026-11-20，由 DYA-001 替代）", "已替代"],
    ]);

    const out = join(dir, "out", "DYA-009.md");
    expect(csr(["-C", dir, "render", "DYA-009", "--format", "md", "--today", "2026-12-20", "--out", out], { lang: "zh-CN" }).code).toBe(0);
    expect(rows(readFileSync(out, "utf8"), /^\| (评审期限|评审用时) \|/)).toEqual([
      "| 评审期限 | 2025-06-19 | 决定日期 |  |",
      "| 评审用时 | 364 个工作日 | 及时性 | 逾期，已替代 |",
    ]);
  });
});
