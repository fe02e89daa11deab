/**
 * `csr list suppliers` (合格供方名录) as an auditor reads it, on a real temporary repository: a
 * certificate lapsed or lapsing within qms.yaml `suppliers.certificate_warn_days` is marked in the
 * 证书 cell (已过期 / 即将到期), and a supplier conditionally approved or suspended shows under 备注 the
 * remark of its approval in effect (the condition, or why); an approved supplier's old remark is not shown. 下次审核 gives
 * the next second-party audit by risk (IATF 16949 8.4.2.4.1), 已逾期 from the first working day after it, as supplier/audit-due.
 */
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, makeRepo } from "../helpers.js";
import { supplierPeople, supplierQms } from "../suppliers-fixture.js";

const QMS = supplierQms([
  ["WXJJ", "无锡精密机加有限公司"],
  ["CZXS", "常州橡塑材料有限公司"],
  ["SZDZ", "苏州电子有限公司"],
]);

const FILES = {
  "qms.yaml": QMS,
  "people.yaml": supplierPeople(),
  "suppliers/WXJJ.yaml": [
    "code: WXJJ",
    "supplies: [机加件]",
    "approvals:",
    "  - {status: conditional, date: 2026-01-01, by: chenjing, remark: 首件待确认}",
    "  - {status: approved, date: 2026-03-01, by: chenjing}",
    "certificates:",
    "  - {standard: IATF 16949, number: '0999', valid_until: 2028-01-15}",
    "  - {standard: ISO 14001, number: E12, valid_until: 2026-11-30}",
    "",
  ].join("\n"),
  "suppliers/CZXS.yaml": [
    "code: CZXS",
    "supplies: [O型圈]",
    "approvals:",
    "  - {status: conditional, date: 2026-03-01, by: chenjing, remark: PPAP 待批准，限 200 件/月}",
    "certificates:",
    "  - {standard: IATF 16949, number: '0123456', valid_until: 2027-01-15}",
    "",
  ].join("\n"),
  "suppliers/SZDZ.yaml": [
    "code: SZDZ",
    "supplies: [线束]",
    "approvals:",
    "  - {status: approved, date: 2026-01-01, by: chenjing, remark: 年度评价}",
    "  - {status: suspended, date: 2026-10-01, by: chenjing, remark: 连续两批来料不合格}",
    "",
  ].join("\n"),
};

describe("csr list suppliers", () => {
  const dir = makeRepo(FILES);

  it("marks a lapsed or lapsing certificate and shows why a supplier is conditional or suspended", async () => {
    expect(await csrInProcess(["-C", dir, "list", "suppliers", "--today", "2026-12-06"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "合格供方名录（共 3 家供方）",
        "",
        "序号  供方代码  供方名称              供货范围  状态        批准日期    证书                                                                                  特殊特性  联系人  最近第二方审核  下次审核                          业绩等级  未关闭SCAR  备注",
        "----  --------  --------------------  --------  ----------  ----------  ------------------------------------------------------------------------------------  --------  ------  --------------  --------------------------------  --------  ----------  -------------------------",
        "1     WXJJ      无锡精密机加有限公司  机加件    合格        2026-03-01  IATF 16949 0999（有效期至 2028-01-15）、ISO 14001 E12（有效期至 2026-11-30，已过期）                                    2029-01-01（低风险，每 36 个月）",
        "2     CZXS      常州橡塑材料有限公司  O型圈     有条件合格  2026-03-01  IATF 16949 0123456（有效期至 2027-01-15，即将到期，还剩 40 天）                                                         2029-03-01（低风险，每 36 个月）                        PPAP 待批准，限 200 件/月",
        "3     SZDZ      苏州电子有限公司      线束      暂停供货    2026-10-01                                                                                                                                                                                  连续两批来料不合格",
        "",
        "合格 1 家，有条件合格 1 家，暂停供货 1 家，取消资格 0 家，待评价 0 家。",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("in English, and on a day before the suspension and with no certificate near its end, with nothing marked", async () => {
    expect(await csrInProcess(["-C", dir, "list", "suppliers", "--today", "2026-06-01"])).toEqual({
      code: 0,
      stdout: [
        "Approved supplier list (3 suppliers)",
        "",
        "No.  Code  Supplier              Supplies  Status                  Decided     Certificates                                                                      Special characteristics  Contacts  Last second-party audit  Next audit                                                     Rating  Open SCARs  Remarks",
        "---  ----  --------------------  --------  ----------------------  ----------  --------------------------------------------------------------------------------  -----------------------  --------  -----------------------  -------------------------------------------------------------  ------  ----------  -------------------------",
        "1    WXJJ  无锡精密机加有限公司  机加件    approved                2026-03-01  IATF 16949 0999 (valid until 2028-01-15), ISO 14001 E12 (valid until 2026-11-30)                                                              2029-01-01 (low-risk, every 36 months)",
        "2    CZXS  常州橡塑材料有限公司  O型圈     conditionally approved  2026-03-01  IATF 16949 0123456 (valid until 2027-01-15)                                                                                                   2029-03-01 (low-risk, every 36 months)                                             PPAP 待批准，限 200 件/月",
        "3    SZDZ  苏州电子有限公司      线束      approved                2026-01-01                                                                                                                                                2027-01-01 (high-risk: no valid certificate, every 12 months)",
        "",
        "Approved: 2; conditionally approved: 1; suspended: 0; disqualified: 0; not yet evaluated: 0.",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("marks the next second-party audit overdue from the first working day after it, on the card and as csr check warns (IATF 16949 8.4.2.4.1)", async () => {
    // CZXS's certificate lapsed on 2027-01-15: no valid certificate makes it high-risk, due 12 months after its first approval (2026-03-01),
    // a Monday. In time that day; overdue from Tuesday.
    const card = async (today: string) => (await csrInProcess(["-C", dir, "show", "CZXS", "--today", today], { lang: null })).stdout.split("\n").filter((l) => l.includes("下次审核"));
    expect(await card("2027-03-01")).toEqual(["  下次审核        2027-03-01（高风险：无有效体系证书，每 12 个月）"]);
    expect(await card("2027-03-02")).toEqual(["  下次审核        2027-03-01（已逾期；高风险：无有效体系证书，每 12 个月）"]);
    const due = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "supplier/audit-due");
    expect(await due("2027-03-01")).toEqual([]);
    expect((await due("2027-03-02")).map((f) => [f.file, f.line, f.message])).toEqual([
      [
        "suppliers/CZXS.yaml",
        1,
        "Supplier CZXS (常州橡塑材料有限公司) is a high-risk supplier (no valid certificate), to be audited every 12 months: never audited since it was approved on 2026-03-01, its audit was due by 2027-03-01 and is overdue. Audit the supplier and record it with 'csr supplier audited CZXS --date <date> --by <auditor> --report <report number> --result <passed|conditional|failed>'; qms.yaml suppliers.audit_months sets the months per risk class.",
      ],
    ]);
  });
});
