/**
 * `csr list suppliers` (合格供方名录) as an auditor reads it, on a real temporary repository: a
 * certificate lapsed or lapsing within qms.yaml `suppliers.certificate_warn_days` is marked in the
 * 证书 cell (已过期 / 即将到期), and a supplier conditionally approved or suspended shows under 备注 the
 * remark of its approval in effect (the condition, or why); an approved supplier's old remark is not shown.
 */
import { describe, expect, it } from "vitest";
import { csrInProcess, makeRepo } from "../helpers.js";
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
        "序号  供方代码  供方名称              供货范围  状态        批准日期    证书                                                                                  特殊特性  联系人  最近第二方审核  业绩等级  未关闭SCAR  备注",
        "----  --------  --------------------  --------  ----------  ----------  ------------------------------------------------------------------------------------  --------  ------  --------------  --------  ----------  -------------------------",
        "1     WXJJ      无锡精密机加有限公司  机加件    合格        2026-03-01  IATF 16949 0999（有效期至 2028-01-15）、ISO 14001 E12（有效期至 2026-11-30，已过期）",
        "2     CZXS      常州橡塑材料有限公司  O型圈     有条件合格  2026-03-01  IATF 16949 0123456（有效期至 2027-01-15，即将到期，还剩 40 天）                                                                               PPAP 待批准，限 200 件/月",
        "3     SZDZ      苏州电子有限公司      线束      暂停供货    2026-10-01                                                                                                                                                连续两批来料不合格",
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
        "No.  Code  Supplier              Supplies  Status                  Decided     Certificates                                                                      Special characteristics  Contacts  Last second-party audit  Rating  Open SCARs  Remarks",
        "---  ----  --------------------  --------  ----------------------  ----------  --------------------------------------------------------------------------------  -----------------------  --------  -----------------------  ------  ----------  -------------------------",
        "1    WXJJ  无锡精密机加有限公司  机加件    approved                2026-03-01  IATF 16949 0999 (valid until 2028-01-15), ISO 14001 E12 (valid until 2026-11-30)",
        "2    CZXS  常州橡塑材料有限公司  O型圈     conditionally approved  2026-03-01  IATF 16949 0123456 (valid until 2027-01-15)                                                                                                                       PPAP 待批准，限 200 件/月",
        "3    SZDZ  苏州电子有限公司      线束      approved                2026-01-01",
        "",
        "Approved: 2; conditionally approved: 1; suspended: 0; disqualified: 0; not yet evaluated: 0.",
        "",
      ].join("\n"),
      stderr: "",
    });
  });
});
