/**
 * The CSRs of an audited process (IATF 16949 9.2.2.1: customer-specific requirements in the audit
 * programme; 9.2.2.3: the manufacturing process audit with the customer's approaches; tester62 N8):
 * `csr list csr --process` keeps the CSRs whose addressing documents serve the process, and the CSR
 * matrix's 过程 column names those processes, by the definition `csr list processes` lists a process's
 * documents with.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, ROOT } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");
const DAY = "2026-11-27";

describe("CSRs by the audited process", () => {
  it("csr list csr --process lists the CSRs addressed in the process's documents, and names those no document places yet that cite its clauses", () => {
    const result = csr(["-C", ACME, "list", "csr", "--process", "C3", "--today", DAY], { lang: null });
    expect(result).toEqual({
      code: 0,
      stdout: [
        "顾客特定要求清单（过程：C3 生产过程控制；共 2 项）",
        "",
        "编号     顾客代码  章节              条款               要求名称                                      评审期限    剩余工作日  负责人  状态",
        "-------  --------  ----------------  -----------------  --------------------------------------------  ----------  ----------  ------  ------------",
        // WI-010-01, which C3 lists; QP-010, which C3 lists (DYA-006's QP-012 serves S6).
        "DYA-001  DYA       4.2 特殊特性符号  8.2.3.1.2/8.3.3.3  特殊特性须使用东岳符号或经认可的等效符号标注  2025-02-24              周鹏    已验证",
        "DYA-004  DYA       6.2 控制计划      8.5.1.1            控制计划的年度评审和变更后提交                2026-03-30              周鹏    已落实到文件",
        "",
        "本表按条件筛选（过程：C3 生产过程控制），不是完整的顾客特定要求清单。",
        // BCM-004 is addressed in a draft only, BCM-005 (a 9.2.2.3 special-process self-assessment) not yet reviewed.
        "另有 2 项要求尚无落实文件列入任何过程，其条款属于本过程，未列入上表：BCM-004（8.5.2.1/8.5.4.1）、BCM-005（8.5.1）。",
        "评审中逾期 0 项；逾期作出结论 0 项。评审期限为当前评审轮次的期限，作出结论后仍列出；剩余工作日按 qms.yaml 的工作日历计算，只对评审中的要求列出，负数为逾期的工作日数。换版前的评审轮次见顾客特定要求评审及时性记录（csr list reviews）。",
        "",
      ].join("\n"),
      stderr: "完整的顾客特定要求清单：csr list csr。\n",
    });
  });

  it("takes the process by its name or its code in any letter case, in English too", async () => {
    const ids = async (process: string, lang: "en" | null = null) =>
      (JSON.parse((await csrInProcess(["-C", ACME, "list", "csr", "--process", process, "--format", "json", "--today", DAY], { lang })).stdout) as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(await ids("生产过程控制")).toEqual(["DYA-001", "DYA-004"]);
    expect(await ids("c3")).toEqual(["DYA-001", "DYA-004"]);
    // QP-013 and QR-013-01 serve C5 and M4 both; QP-012 serves S6, for the superseded DYA-003 as for DYA-006.
    expect(await ids("M4")).toEqual(["DYA-002"]);
    expect(await ids("S6")).toEqual(["DYA-003", "DYA-006"]);
    const en = await csrInProcess(["-C", ACME, "list", "csr", "--process", "M2", "--today", DAY], { lang: "en" });
    expect(en.stdout.split("\n").filter((line) => /^(Customer-specific|This register|1 more)/.test(line))).toEqual([
      "Customer-specific requirements list (process M2 Internal audit; 0 in total)",
      "This register is filtered (process M2 Internal audit) and is not the whole customer-specific requirements list.",
      "1 more requirement, addressed in no document of any process yet, cites clauses of this process and is not listed above: BCM-005 (9.2.2.3).",
    ]);
  });

  it("refuses a process processes.yaml does not have in one line, exit 2, and --process for another list", () => {
    expect(csr(["-C", ACME, "list", "csr", "--process", "C9", "--today", DAY], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --process：没有过程 'C9'；已有的过程：C1、C2、C3、C4、C5、S1、S2、S3、S4、S5、S6、M1、M2、M3、M4。是否应为 'C1'？\n",
    });
    expect(csr(["-C", ACME, "list", "processes", "--process", "C3"], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: --process 只用于 csr list，不用于 'csr list processes'。\n" });
  });

  it("the CSR matrix's 过程 column names, for each place, the processes csr list processes lists its document under", async () => {
    const json = async (...args: string[]) => JSON.parse((await csrInProcess(["-C", ACME, ...args, "--format", "json", "--today", DAY], { lang: null })).stdout) as { rows: Record<string, string | number | null>[] };
    const processes = (await json("list", "processes")).rows;
    const serving = (document: string) =>
      processes.filter((p) => [p.procedures, p.others].some((cell) => String(cell ?? "").split("、").includes(document))).map((p) => p.code);
    const matrix = (await json("matrix", "csr")).rows;
    expect(matrix.map((r) => `${r.id} ${r.document} ${r.processes}`)).toEqual([
      "BCM-001  ",
      "BCM-002 QP-006 S3、S4",
      "BCM-003 QP-011 C4",
      "BCM-003 QP-002 S1",
      "BCM-003 QR-011-01 C4",
      // A draft serves no process yet.
      "BCM-004 WI-011-01 ",
      "BCM-005  ",
      "DYA-001 QP-014 C1、C2",
      "DYA-001 WI-010-01 C3",
      "DYA-001 QR-014-01 C2",
      "DYA-002 QP-013 C5、M4",
      "DYA-002 QR-013-01 C5、M4",
      "DYA-003 QP-012 S6",
      "DYA-004 QP-010 C3",
      // DYA-005 met by the alternative agreed with 东岳, in QP-006's two laboratory sections.
      "DYA-005 QP-006 S3、S4",
      "DYA-005 QP-006 S3、S4",
      "DYA-006 QP-012 S6",
      "DYA-006 QR-012-02 S6",
      "DYA-007  ",
    ]);
    for (const row of matrix.filter((r) => r.document !== "")) expect(String(row.processes).split("、").filter(Boolean), `${row.id} ${row.document}`).toEqual(serving(String(row.document)));
  });
});
