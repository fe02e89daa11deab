/**
 * `csr list actions --grep` (tester82 A6): at the next audit the third-party auditor reviews the previous audit's
 * nonconformities and the effectiveness of their corrective actions (IATF Rules 5.11; ISO 9001 9.3.2 c 6), recorded
 * however they were, so the corrective action register is searched as the CSR list is: by id, problem, product, source,
 * the customer's complaint number, the audit report, the notes of the D steps, the closure's evidence and the
 * read-across — any letter case and width, any of the words given.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess } from "../helpers.js";

const DAY = "2026-12-05";

/** examples/acme-auto (8D-2026-001, a complaint) with an internal audit's nonconformity and the CB's one recorded as found in house. */
function repository(): string {
  const dir = copyFixture("examples/acme-auto");
  writeFileSync(
    join(dir, "actions", "8D-2026-002.yaml"),
    [
      "id: 8D-2026-002",
      "title: 成品库未按先进先出发货",
      "title_en: Finished goods not shipped first in, first out",
      "source: audit",
      "process: C4",
      "audit_report: IA-2026-01",
      "received: 2026-10-13",
      "owner: zhangli",
      "steps:",
      "  D4: {due: 2026-10-27, done: 2026-10-23, by: zhoupeng, note: 库位标识未标入库日期，发货员按就近原则取货}",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(dir, "actions", "8D-2026-003.yaml"),
    [
      "id: 8D-2026-003",
      "title: 内审员资格证据不全",
      "title_en: Internal auditor qualification evidence incomplete",
      "source: internal",
      "received: 2026-11-20",
      "owner: zhangli",
      "steps:",
      "  D4: {due: 2026-11-27, done: 2026-11-25, by: zhangli, note: 第三方认证机构 SGS 监督审核开具的一般不符合项 NC-02：两名内审员无内审员培训证明}",
      "",
    ].join("\n"),
  );
  return dir;
}

describe("csr list actions --grep", () => {
  let dir: string;
  beforeAll(() => {
    dir = repository();
  });
  const ids = async (...args: string[]) =>
    (JSON.parse((await csrInProcess(["-C", dir, "list", "actions", ...args, "--format", "json", "--today", DAY], { lang: null })).stdout) as { rows: { id: string }[] }).rows.map((r) => r.id);

  it("keeps the records containing the word, and says so in the title, the note and on stderr", () => {
    expect(csr(["-C", dir, "list", "actions", "--grep", "第三方", "--today", DAY], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "纠正措施台账（含文字：“第三方”；共 1 项）",
        "",
        "序号  编号         来源      顾客/过程  投诉编号/审核报告  问题描述            产品安全  接收/提出日期  责任人  进度                            状态    相关文件修订  横向展开  不良质量成本(元)  关闭日期",
        "----  -----------  --------  ---------  -----------------  ------------------  --------  -------------  ------  ------------------------------  ------  ------------  --------  ----------------  --------",
        "1     8D-2026-003  内部发现                                内审员资格证据不全            2026-11-20     张丽    待 D3 采取围堵措施（未定期限）  进行中                0",
        "",
        "本表按条件筛选（含文字：“第三方”），不是完整的纠正措施台账。",
        "共 1 项：进行中 1 项（其中逾期 0 项），已关闭 0 项。",
        "",
      ].join("\n"),
      stderr: "完整的纠正措施台账：csr list actions。\n",
    });
  });

  it("looks in the id, the problem in either language, the source, the complaint number, the audit report and the D steps, in any letter case and width", async () => {
    expect(await ids("--grep", "8d-2026-00")).toEqual(["8D-2026-001", "8D-2026-002", "8D-2026-003"]);
    // The audit report, lower case; the customer's complaint number (东岳投诉 2026-05).
    expect(await ids("--grep", "ia-2026-01")).toEqual(["8D-2026-002"]);
    expect(await ids("--grep", "2026-05")).toEqual(["8D-2026-001"]);
    // The product, a D step's note (D4's root cause), the closure's evidence, the read-across.
    expect(await ids("--grep", "D1平台")).toEqual(["8D-2026-001"]);
    expect(await ids("--grep", "就近原则")).toEqual(["8D-2026-002"]);
    expect(await ids("--grep", "东岳SQE确认")).toEqual(["8D-2026-001"]);
    expect(await ids("--grep", "0.02mm")).toEqual(["8D-2026-001"]);
    // Full-width letters as ASCII; the source in Chinese and in English; the English problem.
    expect(await ids("--grep", "ＳＧＳ")).toEqual(["8D-2026-003"]);
    expect(await ids("--grep", "内审不符合项")).toEqual(["8D-2026-002"]);
    expect(await ids("--grep", "Customer Complaint")).toEqual(["8D-2026-001"]);
    expect(await ids("--grep", "first out")).toEqual(["8D-2026-002"]);
    expect(await ids("--grep", "无此文字")).toEqual([]);
  });

  it("keeps a record containing any of the words, and narrows with the other options", async () => {
    expect(await ids("--grep", "模具", "--grep", "先进先出")).toEqual(["8D-2026-001", "8D-2026-002"]);
    expect(await ids("--grep", "内审", "--status", "open")).toEqual(["8D-2026-002", "8D-2026-003"]);
    expect(await ids("--grep", "内审", "--source", "internal")).toEqual(["8D-2026-003"]);
  });

  it("refuses an empty word, and --grep for a list it does not search, in one line with exit 2", () => {
    expect(csr(["-C", dir, "list", "actions", "--grep", " ", "--today", DAY], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: --grep 需要要查找的文字，不能为空。\n" });
    expect(csr(["-C", dir, "list", "audits", "--grep", "NC-02"], { lang: "en" })).toEqual({ code: 2, stdout: "", stderr: "csr: --grep is for csr list and csr list actions only, not for 'csr list audits'.\n" });
  });
});
