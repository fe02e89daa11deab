/**
 * One customer as its SQE audits it (tester74 T7): `csr show <customer>` by code, full name or a short name gives its card
 * (contacts, sources with the revision held and its check, CSRs by status, reviews overdue, implementations open, symbols,
 * complaints open, documents tied, the commands to go further), `--format json` its data; `csr list customers` the
 * customer list (顾客清单); and every option taking a customer refuses an unknown one on one line naming the customers.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";

const DAY = "2026-12-06";
const EXAMPLE = "examples/acme-auto";

describe("csr show <customer>", () => {
  it("prints the customer's card on the day, from the binary", () => {
    const run = csr(["-C", EXAMPLE, "show", "BCM", "--today", DAY], { lang: "zh-CN" });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(
      [
        "BCM  北辰汽车集团有限公司",
        "",
        "  文件            customers/BCM.yaml",
        "  顾客代码        BCM（B 类顾客）",
        "  英文名称        Beichen Motor Group Co., Ltd.",
        "  联系人          马骏，供应商质量经理，ma.jun@bcm.example.com，022-6600-5678",
        "                  许雯，物流包装工程师，xu.wen@bcm.example.com",
        "  备注            2025年定点，供应商用车橡胶密封件及制动软管总成。要求严格的批次追溯和统一包装标签；特殊过程评估参照其自有评估表。",
        "  来源文件        BCM-SQR 北辰汽车供应商质量要求：现行 V2.0 版（2025-09-08 接收）；未做有效性确认",
        "                  BCM-PKG 北辰汽车零部件包装与标识要求：现行 A 版（2026-10-12 接收）；未做有效性确认",
        "                  BCM-SPA 北辰汽车特殊过程评估要求：现行 1.0 版（2026-11-20 接收）；未做有效性确认",
        "  CSR             共 5 条：已接收 1，已决定 1，已实施 1，已验证 1，不适用 1",
        "  逾期未评审      BCM-005  特殊过程每年按北辰评估表自评并提交结果（评审期限 2026-12-04，已逾期 1 个工作日）",
        "  待实施          BCM-004  零件标签采用北辰统一二维码格式（已决定，黄军，完成期限 2026-12-25）",
        "  特殊特性符号    S 安全特性 → ◆ 安全",
        "                  R 法规特性 → ◆ 安全",
        "                  K 关键特性 → ★ 关键",
        "                  HI 重要特性 → ☆ 重要",
        "  未关闭投诉/8D   无",
        "  关联文件        QP-002、QP-006、QP-011、QR-011-01、WI-011-01",
        "  另见            csr list --customer BCM；csr list reviews --customer BCM",
        "                  csr list symbols --customer BCM；csr list actions --customer BCM",
        "                  csr list flow-down --customer BCM；csr site --customer BCM（审核资料包）",
        "",
      ].join("\n"),
    );
  });

  it("finds the customer by its code in any case, its full name and a short name; gives its data as JSON", async () => {
    for (const given of ["DYA", "dya", "东岳汽车股份有限公司", "东岳汽车", "Dongyue Automobile Co., Ltd."]) {
      const run = await csrInProcess(["-C", EXAMPLE, "show", given, "--today", DAY], { lang: "zh-CN" });
      expect([run.code, run.stdout.split("\n")[0]], given).toEqual([0, "DYA  东岳汽车股份有限公司"]);
    }
    const en = await csrInProcess(["-C", EXAMPLE, "show", "DYA", "--today", DAY], { lang: "en" });
    expect(en.stdout.split("\n").filter((l) => /^ {2}(Sources|CSRs|Reviews overdue|To implement|Open complaints)/.test(l))).toEqual([
      "  Sources             DYA-SQM Dongyue Supplier Quality Manual: D held (received 2026-03-16, effective 2026-04-01); never confirmed current",
      "  CSRs                7: in review 1, addressed 2, implemented 1, verified 2, superseded 1",
      "  Reviews overdue     none",
      "  To implement        DYA-004  Annual control plan review and submission after changes (addressed, Zhou Peng, due 2026-12-31)",
      "  Open complaints/8D  none",
    ]);
    const json = JSON.parse((await csrInProcess(["-C", EXAMPLE, "show", "BCM", "--today", DAY, "--format", "json"])).stdout);
    expect(json.csrsByStatus).toEqual({ received: ["BCM-005"], decided: ["BCM-004"], implemented: ["BCM-003"], verified: ["BCM-002"], "not-applicable": ["BCM-001"] });
    expect(json.overdueReviews).toEqual([{ id: "BCM-005", due: "2026-12-04", workdaysLeft: -1 }]);
    expect(json.openImplementations).toEqual([{ id: "BCM-004", status: "decided", owner: "huangjun", due: "2026-12-25" }]);
    expect(json.sources.map((s: { id: string; revision: string }) => `${s.id} ${s.revision}`)).toEqual(["BCM-SQR V2.0", "BCM-PKG A", "BCM-SPA 1.0"]);
    expect([json.file, json.customer.code, json.openActions]).toEqual(["customers/BCM.yaml", "BCM", []]);
    // A part of two customers' names names neither: the refusal says what csr show takes.
    const both = await csrInProcess(["-C", EXAMPLE, "show", "汽车", "--today", DAY], { lang: "zh-CN" });
    expect([both.code, both.stderr.split("\n")[0]]).toEqual([2, "csr: 仓库中没有文件、CSR、顾客、顾客来源文件、供方、工装或纠正措施记录 '汽车'。"]);
  });
});

describe("csr list customers", () => {
  it("lists each customer with its sources, CSRs, open and overdue reviews, open implementations and complaints", () => {
    const run = csr(["-C", EXAMPLE, "list", "customers", "--today", DAY, "--format", "csv"], { lang: "zh-CN" });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.replace(/^\uFEFF/, "").split(/\r?\n/)).toEqual([
      "序号,顾客代码,顾客名称,等级,来源文件（现行版本）,CSR 数,评审中,逾期未评审,待实施,未关闭投诉/8D,最近计分卡",
      "1,BCM,北辰汽车集团有限公司,B,BCM-SQR V2.0、BCM-PKG A、BCM-SPA 1.0,5,1,BCM-005,1,,",
      "2,DYA,东岳汽车股份有限公司,A,DYA-SQM D、DYA-SC B、DYA-KPI 2027版,7,1,,2,,2026-10：PPM 26，交付准时率 98.4%，等级 A，排名 8/62，抱怨 0 次",
      "",
    ]);
  });

  it("prints the list in English, and on the form qms.yaml maps to it", async () => {
    const en = await csrInProcess(["-C", EXAMPLE, "list", "customers", "--today", DAY], { lang: "en" });
    expect(en.stdout).toBe(
      [
        "Customer list (2 customers)",
        "",
        "No.  Code  Customer                       Class  Sources (revision held)               CSRs  In review  Reviews overdue  To implement  Open complaints/8D  Latest scorecard",
        "---  ----  -----------------------------  -----  ------------------------------------  ----  ---------  ---------------  ------------  ------------------  -----------------------------------------------------------------",
        "1    BCM   Beichen Motor Group Co., Ltd.  B      BCM-SQR V2.0, BCM-PKG A, BCM-SPA 1.0  5     1          BCM-005          1",
        "2    DYA   Dongyue Automobile Co., Ltd.   A      DYA-SQM D, DYA-SC B, DYA-KPI 2027版   7     1                           2                                 2026-10: PPM 26, delivery 98.4%, grade A, rank 8/62, complaints 0",
        "",
        "Everything about one customer: csr show <customer code>.",
        "",
      ].join("\n"),
    );
    const dir = committedFixture(EXAMPLE);
    expect((await csrInProcess(["-C", dir, "organisation", "update", "--register-form", "customers=QR-005-01", "-y"])).code).toBe(0);
    const md = await csrInProcess(["-C", dir, "list", "customers", "--today", DAY, "--format", "md"], { lang: "zh-CN" });
    expect(md.stdout).toContain("QR-005-01");
  });
});

describe("an unknown customer, wherever a customer is taken", () => {
  it("is refused on one line naming every customer, by every command", async () => {
    const dir = committedFixture(EXAMPLE);
    const out = tempDir();
    const line = (flag: string) => `csr: ${flag}：未知顾客 'XYZ'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。\n`;
    const commands: [string[], string][] = [
      [["list", "--customer", "XYZ"], "--customer"],
      [["list", "reviews", "--customer", "XYZ"], "--customer"],
      [["list", "symbols", "--customer", "XYZ"], "--customer"],
      [["list", "actions", "--customer", "XYZ"], "--customer"],
      [["list", "audits", "--customer", "XYZ"], "--customer"],
      [["list", "flow-down", "--customer", "XYZ"], "--customer"],
      [["matrix", "csr", "--customer", "XYZ"], "--customer"],
      [["changes", "2026-01-01", "2026-12-06", "--customer", "XYZ"], "--customer"],
      [["export", "--customer", "XYZ", "--out", join(out, "x.xlsx")], "--customer"],
      [["site", "--customer", "XYZ", "--out", join(out, "site")], "--customer"],
      [["add", "--customer", "XYZ", "--source", "DYA-SQM", "--clause", "8.5.1", "--title", "t", "-y"], "--customer"],
      [["action", "open", "--customer", "XYZ", "--title", "t", "--received", "2026-12-01", "--owner", "zhangli", "--complaint", "C1", "-y"], "--customer"],
      [["symbol", "add", "--customer", "XYZ", "--customer-symbol", "A", "--customer-class", "B", "--symbol", "★", "--class", "关键", "-y"], "--customer"],
      [["source", "update", "DYA-SQM", "--customer", "XYZ", "--revision", "E", "--received", "2026-12-01", "-y"], "--customer"],
      [["source", "confirm", "--customer", "XYZ", "--by", "zhangli", "-y"], "--customer"],
      [["import", "--customer", "XYZ", "--as", "csr", "x.csv"], "--customer"],
      [["sign", "QP-010", "--customer-notified", "XYZ", "-y"], "--customer-notified"],
    ];
    for (const [args, flag] of commands) {
      // Each refuses the customer before anything of the day is read; the lists are pinned to the day all the same.
      const run = await csrInProcess(["-C", dir, ...args, ...(["list", "matrix"].includes(args[0]!) ? ["--today", DAY] : [])], { lang: "zh-CN" });
      expect([run.code, run.stderr], args.join(" ")).toEqual([2, line(flag)]);
    }
  });
});
