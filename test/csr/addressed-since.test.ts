/**
 * Which revision of a document addressed a CSR on a day (tester52 D1, D3): a superseded requirement
 * by the revision in force when it was superseded, not by the later one that removed it; a register
 * of a past day not by a revision released before the one that cites the requirement in its summary
 * of change; a link no record dates, marked as such. The example's records: QP-011, QP-002 and
 * QR-011-01 A/1 (2025-12-15) cite BCM-003; QP-012 A/2 and QR-012-02 A/1 (2026-04-08) cite DYA-006,
 * which superseded DYA-003 on 2026-03-23; QP-013 A/2 and QR-013-01 A/1 (2026-04-08) cite DYA-002,
 * reviewed again on revision D of DYA-SQM from 2026-03-16. The customer's dates (顾客要求日期): DYA-SQM D's
 * 2026-04-01 for DYA-002, the later 2026-12-31 Dongyue agreed for DYA-006.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAt, committedFixture, csrInProcess, ROOT, tempDir } from "../helpers.js";

const ACME = join(ROOT, "examples", "acme-auto");

/** The rows of DYA-002, DYA-003, DYA-006 and BCM-003 in the CSV of the matrix of `today`, and the notes under the matrix (its JSON). */
async function matrixRows(today: string): Promise<{ rows: string[]; lines: string[] }> {
  const csv = await csrInProcess(["-C", ACME, "matrix", "csr", "--format", "csv", "--today", today], { lang: "zh-CN" });
  expect(csv.code).toBe(0);
  const json = await csrInProcess(["-C", ACME, "matrix", "csr", "--format", "json", "--today", today], { lang: "zh-CN" });
  return { rows: csv.stdout.split(/\r?\n/).filter((l) => /^(DYA-00[236]|BCM-003),/.test(l)), lines: (JSON.parse(json.stdout) as { notes: string[] }).notes };
}

/** Each requirement's text, the matrix's 要求内容 after 要求摘要, with 处置 and 处置理由 after it (tester74 T13). */
const TEXT = {
  BCM: "成品批次须可追溯至原材料批次（胶料混炼批次、钢丝批次）；追溯记录保存至该零件停产后15年。",
  DYA002: "收到投诉后24小时内完成围堵并回复；D4根本原因分析5个工作日内提交；完整8D报告15个工作日内提交。（C版为8D报告10个工作日内提交。）",
  DYA003: "供东岳的产品需要返工时，供应商须提交返工方案并取得东岳SQE书面批准后方可实施和交付。",
  DYA006: "返工前须进行风险评估并经供应商内部批准；返工作业指导书须受控；返工品100%复检，记录可追溯至批次。",
};
const DYA = "东岳汽车股份有限公司,DYA-SQM 东岳汽车供应商质量手册";
const BCM = `北辰汽车集团有限公司,BCM-SQR 北辰汽车供应商质量要求,V2.0,7.2 产品追溯,7.5.3.2.1/8.5.2.1,批次追溯至胶料批次，追溯记录保存至停产后15年,${TEXT.BCM},必须满足,,2025-09-08,2025-09-22,2025-09-17,按期`;
const BCM_END = "黄军";
const BCM_EVIDENCE = "MES已上线胶料批次字段；2026-01-26追溯演练从成品批次追溯到胶料批次用时40分钟。";
const DYA002 = `${DYA},D,7.3 质量问题响应,10.2.3/10.2.6,顾客投诉的围堵和8D报告时限,${TEXT.DYA002},必须满足,,2026-03-16,2026-03-30,2026-03-23,按期`;
const DYA002_C = `${DYA},C,7.3 质量问题响应,10.2.3/10.2.6,顾客投诉的围堵和8D报告时限,${TEXT.DYA002},必须满足,,2024-06-17,2024-07-01,2024-06-24,按期`;
const DYA002_EVIDENCE = "QP-013 A/2、QR-013-01 A/1已发布；东岳投诉2026-05号8D按新时限于接收后第12个工作日关闭。";
const DYA003 = `${DYA},C,8.4 返工,8.7.1.4,返工产品须事先取得东岳SQE书面批准,${TEXT.DYA003},必须满足,,2024-06-17,2024-07-01,2024-06-24,按期,QP-012,5.4 返工和返修`;
// A withdrawn document serves no process: its 过程 cell (after the link's) is empty.
const DYA003_WITHDRAWN = DYA003;
const DYA003_EVIDENCE = "QP-012 A/1已发布；2024年下半年3次返工均取得东岳书面批准。";
const DYA006 = `${DYA},D,8.4 返工,8.7.1.4/8.7.1.5,返工前风险评估，返工品100%复检并可追溯,${TEXT.DYA006},必须满足,,2026-03-16,2026-03-30,2026-03-23,按期`;
const DYA006_EVIDENCE = "QP-012 A/2已发布；8名返工操作工中5名已完成培训；东岳SQE刘涛2026-03-20邮件同意返工操作工培训于2026年内完成。";

describe("the CSR matrix: which revision addressed a requirement", () => {
  it("today: a superseded requirement shows the revision in force when it was superseded, its link not counted (D1)", async () => {
    const { rows, lines } = await matrixRows("2026-12-03");
    expect(rows).toEqual([
      `BCM-003,${BCM},QP-011,5.3 追溯记录,A/1,标识和可追溯性控制程序,未确认,C4,${BCM_END},2026-01-30,,2026-01-26,已实施,${BCM_EVIDENCE},2026-12-03`,
      `BCM-003,${BCM},QP-002,5.3 保存期限,A/1,记录控制程序,未确认,S1,${BCM_END},2026-01-30,,2026-01-26,已实施,${BCM_EVIDENCE},2026-12-03`,
      `BCM-003,${BCM},QR-011-01,,A/1,产品追溯记录,未确认,C4,${BCM_END},2026-01-30,,2026-01-26,已实施,${BCM_EVIDENCE},2026-12-03`,
      `DYA-002,${DYA002},QP-013,5.2 顾客投诉时限,A/2,纠正措施控制程序,未确认,C5、M4,张丽,2026-04-30,2026-04-01,2026-04-20,已实施,${DYA002_EVIDENCE},2026-12-03`,
      `DYA-002,${DYA002},QR-013-01,,A/1,8D问题解决报告,未确认,C5、M4,张丽,2026-04-30,2026-04-01,2026-04-20,已实施,${DYA002_EVIDENCE},2026-12-03`,
      // Not A/2, which replaced the written approval by an internal one (DYA-006).
      `DYA-003,${DYA003},A/1（替代时）,不合格品控制程序,已替代（2026-03-23），不计入落实,S6,赵强,2024-07-31,,2024-07-15,已替代,${DYA003_EVIDENCE},2026-12-03`,
      `DYA-006,${DYA006},QP-012,5.4 返工和返修,A/2,不合格品控制程序,未确认,S6,黄军,2026-12-18,2026-12-31,,已落实到文件,${DYA006_EVIDENCE},2026-12-03`,
      `DYA-006,${DYA006},QR-012-02,,A/1,返工返修确认记录,未确认,S6,黄军,2026-12-18,2026-12-31,,已落实到文件,${DYA006_EVIDENCE},2026-12-03`,
    ]);
    // A superseded requirement's link is not among the blank, unconfirmed ones; nothing needs dating today.
    expect(lines.filter((l) => l.includes("链接状态"))).toEqual(["链接状态“未确认”的 15 处尚未核实，要求或落实章节变更时不会标出；“已确认”指已核实并锁定，此后要求或落实章节变更时标为“可疑”，须重新核实。"]);
  });

  it("on 2026-03-30: DYA-002 and DYA-006 are decided, not addressed, until the revisions that cite them (D3)", async () => {
    const { rows, lines } = await matrixRows("2026-03-30");
    expect(rows).toEqual([
      `BCM-003,${BCM},QP-011,5.3 追溯记录,A/1,标识和可追溯性控制程序,未确认,C4,${BCM_END},2026-01-30,,2026-01-26,已实施,${BCM_EVIDENCE},2026-03-30`,
      `BCM-003,${BCM},QP-002,5.3 保存期限,A/1,记录控制程序,未确认,S1,${BCM_END},2026-01-30,,2026-01-26,已实施,${BCM_EVIDENCE},2026-03-30`,
      `BCM-003,${BCM},QR-011-01,,A/1,产品追溯记录,未确认,C4,${BCM_END},2026-01-30,,2026-01-26,已实施,${BCM_EVIDENCE},2026-03-30`,
      `DYA-002,${DYA002},QP-013,5.2 顾客投诉时限,A/1,纠正措施控制程序,自 A/2（2026-04-08）起落实，当日不计入,C5、M4,张丽,2026-04-30,2026-04-01,,已决定,${DYA002_EVIDENCE},2026-03-30`,
      `DYA-002,${DYA002},QR-013-01,,A/0,8D问题解决报告,自 A/1（2026-04-08）起落实，当日不计入,C5、M4,张丽,2026-04-30,2026-04-01,,已决定,${DYA002_EVIDENCE},2026-03-30`,
      `DYA-003,${DYA003},A/1（替代时）,不合格品控制程序,已替代（2026-03-23），不计入落实,S6,赵强,2024-07-31,,2024-07-15,已替代,${DYA003_EVIDENCE},2026-03-30`,
      `DYA-006,${DYA006},QP-012,5.4 返工和返修,A/1,不合格品控制程序,自 A/2（2026-04-08）起落实，当日不计入,S6,黄军,2026-12-18,2026-12-31,,已决定,${DYA006_EVIDENCE},2026-03-30`,
      `DYA-006,${DYA006},QR-012-02,,A/0,返工返修确认记录,自 A/1（2026-04-08）起落实，当日不计入,S6,黄军,2026-12-18,2026-12-31,,已决定,${DYA006_EVIDENCE},2026-03-30`,
    ]);
    expect(lines.find((l) => l.startsWith("尚未落实到文件的要求"))).toBe(
      "尚未落实到文件的要求：DYA-002（QP-013 自 A/2（2026-04-08）起落实、QR-013-01 自 A/1（2026-04-08）起落实）、DYA-004（QP-010 自 A/1（2026-04-08）起落实）、DYA-006（QP-012 自 A/2（2026-04-08）起落实、QR-012-02 自 A/1（2026-04-08）起落实）",
    );
  });

  it("on 2025-12-01: BCM-003 is not addressed by the A/0 revisions; links no record dates are marked and named, and the note says the links are today's (D3)", async () => {
    const { rows, lines } = await matrixRows("2025-12-01");
    // BCM-001's 处置理由 (decided not to apply in 2025) brings the column on that day too.
    expect(rows).toEqual([
      `BCM-003,${BCM},QP-011,5.3 追溯记录,A/0,标识和可追溯性控制程序,自 A/1（2025-12-15）起落实，当日不计入,C4,${BCM_END},2026-01-30,,已决定,${BCM_EVIDENCE},2025-12-01`,
      `BCM-003,${BCM},QP-002,5.3 保存期限,A/0,记录控制程序,自 A/1（2025-12-15）起落实，当日不计入,S1,${BCM_END},2026-01-30,,已决定,${BCM_EVIDENCE},2025-12-01`,
      `BCM-003,${BCM},QR-011-01,,A/0,产品追溯记录,自 A/1（2025-12-15）起落实，当日不计入,C4,${BCM_END},2026-01-30,,已决定,${BCM_EVIDENCE},2025-12-01`,
      // Its round of revision C: QP-013 A/2 cites DYA-002 for revision D; nothing dates the link of revision C's round.
      `DYA-002,${DYA002_C},QP-013,5.2 顾客投诉时限,A/1,纠正措施控制程序,未能确定,C5、M4,张丽,2026-04-30,,已落实到文件,${DYA002_EVIDENCE},2025-12-01`,
      `DYA-002,${DYA002_C},QR-013-01,,A/0,8D问题解决报告,未能确定,C5、M4,张丽,2026-04-30,,已落实到文件,${DYA002_EVIDENCE},2025-12-01`,
      `DYA-003,${DYA003},A/1,不合格品控制程序,未能确定,S6,赵强,2024-07-31,2024-07-15,已实施,${DYA003_EVIDENCE},2025-12-01`,
    ]);
    expect(lines.filter((l) => l.startsWith("尚未落实到文件的要求") || l.startsWith("链接状态为") || l.startsWith("落实文件和落实章节"))).toEqual([
      "尚未落实到文件的要求：BCM-003（QP-011 自 A/1（2025-12-15）起落实、QP-002 自 A/1（2025-12-15）起落实、QR-011-01 自 A/1（2025-12-15）起落实）",
      "链接状态为“未能确定”的 3 处，文件在 2025-12-01 之后已换版或要求此后已重新评审，而修订记录未引用该要求、链接也未在当轮建立或确认，无法确定当日的版本已落实，按现在的记录计入：DYA-002 QP-013、DYA-002 QR-013-01、DYA-003 QP-012。",
      "落实文件和落实章节没有记录日期，按现在的记录列出；2025-12-01 当日是否已落实，按各文件当日的版本判断：在当轮评审期间发布、修订内容摘要引用该要求编号的第一个版本之前的版本，不计入；链接在当轮建立或确认（pin）的，自当时的版本起计入；两者都没有而文件此后已换版（或要求此后已重新评审）的，无法确定，按现在的记录计入（链接状态“未能确定”）。",
    ]);
  });

  it("the CSR list of 2025-12-01 gives BCM-003 as decided and names it not addressed, as the matrix does", async () => {
    const result = await csrInProcess(["-C", ACME, "list", "csr", "--format", "json", "--today", "2025-12-01"], { lang: "zh-CN" });
    const list = JSON.parse(result.stdout) as { rows: { id: string; status: string }[]; notes: string[] };
    expect(list.rows.filter((r) => ["BCM-003", "DYA-002", "DYA-003"].includes(r.id)).map((r) => [r.id, r.status])).toEqual([["BCM-003", "已决定"], ["DYA-002", "已落实到文件"], ["DYA-003", "已实施"]]);
    expect(list.notes.filter((n) => n.startsWith("尚未落实到文件的要求"))).toEqual(["尚未落实到文件的要求：BCM-003（QP-011 自 A/1（2025-12-15）起落实、QP-002 自 A/1（2025-12-15）起落实、QR-011-01 自 A/1（2025-12-15）起落实）"]);
  });
});

describe("csr show and the review report of a superseded requirement (D1)", () => {
  it("csr show DYA-003 names QP-012 A/1, the version in force when it was superseded", async () => {
    const result = await csrInProcess(["-C", ACME, "show", "DYA-003", "--today", "2026-12-03"], { lang: "zh-CN" });
    expect(result.stdout.split("\n").filter((l) => l.includes("QP-012 不合格品"))).toEqual(["  落实文件        QP-012 不合格品控制程序 A/1（2026-03-23 替代时的现行版本；已替代，不计入落实），章节 5.4 返工和返修"]);
    const json = JSON.parse((await csrInProcess(["-C", ACME, "show", "DYA-003", "--format", "json", "--today", "2026-12-03"], { lang: "zh-CN" })).stdout) as { addressed: { version: string; supersededIn: string | null }[] };
    expect(json.addressed.map((a) => [a.version, a.supersededIn])).toEqual([["A/2", "A/1"]]);
  });

  it("csr render DYA-003 cites QP-012 A/1 in section 4, marked", async () => {
    const out = join(tempDir(), "DYA-003.md");
    expect((await csrInProcess(["-C", ACME, "render", "DYA-003", "--format", "md", "--out", out, "--today", "2026-12-03"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(out, "utf8").split("\n").filter((l) => l.includes("QP-012 不合格品"))).toEqual(["  - QP-012 不合格品控制程序（A/1） 【2026-03-23 替代时的版本；已替代，不计入落实】 章节 5.4 返工和返修"]);
  });
});

/**
 * One rule for a superseded requirement's document (model/link-start.ts addressedWhenSuperseded), so that
 * the matrix, csr show and the review report say the same of DYA-003 → QP-012: a withdrawal after the
 * supersession changes nothing about which revision addressed it (A/1), and is said; one before it means
 * no revision of QP-012 addressed it when it was superseded (2026-03-23).
 */
describe("a superseded requirement's document withdrawn after or before the supersession", () => {
  /** The three lines about QP-012 of DYA-003 in a copy of acme-auto where QP-012 was withdrawn on `withdrawn`: matrix (CSV row), show, render. */
  async function threeOutputs(withdrawn: string): Promise<[string[], string[], string[]]> {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents", "procedures", "QP-012.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("status: released\n", `status: obsolete\nobsolete:\n  date: ${withdrawn}\n  reason: 并入QP-010\n`));
    commitAt(dir, withdrawn, "QP-012 作废");
    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", "--today", "2026-12-03"], { lang: "zh-CN" });
    const show = await csrInProcess(["-C", dir, "show", "DYA-003", "--today", "2026-12-03"], { lang: "zh-CN" });
    const out = join(tempDir(), "DYA-003.md");
    expect((await csrInProcess(["-C", dir, "render", "DYA-003", "--format", "md", "--out", out, "--today", "2026-12-03"], { lang: "zh-CN" })).code).toBe(0);
    return [
      matrix.stdout.split(/\r?\n/).filter((l) => l.startsWith("DYA-003,")),
      show.stdout.split("\n").filter((l) => l.includes("QP-012 不合格品")),
      readFileSync(out, "utf8").split("\n").filter((l) => l.includes("QP-012 不合格品")),
    ];
  }

  it("withdrawn on 2026-06-01, after: all three name A/1, superseded, and the withdrawal", async () => {
    expect(await threeOutputs("2026-06-01")).toEqual([
      [`DYA-003,${DYA003_WITHDRAWN},A/1（替代时）,不合格品控制程序,已替代（2026-03-23），不计入落实；文件已于 2026-06-01 作废,,赵强,2024-07-31,,2024-07-15,已替代,${DYA003_EVIDENCE},2026-12-03`],
      ["  落实文件        QP-012 不合格品控制程序 A/1（2026-03-23 替代时的现行版本；已替代，不计入落实；文件已于 2026-06-01 作废），章节 5.4 返工和返修"],
      ["  - QP-012 不合格品控制程序（A/1） 【2026-03-23 替代时的版本；已替代，不计入落实；文件已于 2026-06-01 作废】 章节 5.4 返工和返修"],
    ]);
  });

  it("withdrawn on 2026-03-20, before: all three say withdrawn, not counted, and name no revision that addressed it", async () => {
    expect(await threeOutputs("2026-03-20")).toEqual([
      [`DYA-003,${DYA003_WITHDRAWN},已作废 2026-03-20,不合格品控制程序,不计入落实,,赵强,2024-07-31,,2024-07-15,已替代,${DYA003_EVIDENCE},2026-12-03`],
      ["  落实文件        QP-012 不合格品控制程序 A/2（已于 2026-03-20 作废，不再落实），章节 5.4 返工和返修"],
      ["  - QP-012 不合格品控制程序（A/2） 【已作废 2026-03-20，不计入落实】 章节 5.4 返工和返修"],
    ]);
  });
});
