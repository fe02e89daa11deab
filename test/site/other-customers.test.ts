/**
 * What a customer's audit pack withholds of another customer (tester74 T2): every customer of customers/ is read, its
 * code, name, short name and requirement ids marked, and a document's text withheld at the smallest unit that names
 * one: a table row (its cells kept), a list item, a paragraph, a section whose heading names one (with what is under it).
 */
import { describe, expect, it } from "vitest";
import { otherCustomers, shortNames, withheldSections, withheldText, withoutOtherCustomers } from "../../src/site/other-customers.js";
import type { ControlledDocument, Customer } from "../../src/model/types.js";

const NOTE = "（此处涉及其他顾客的内容，本资料包中已略去）";
const customers: Customer[] = [
  { code: "DYA", name: "东岳汽车股份有限公司", name_en: "Dongyue Automobile Co., Ltd." },
  { code: "BCM", name: "北辰汽车集团有限公司", name_en: "Beichen Motor Group Co., Ltd.", sources: [{ id: "BQ-SQR", title: "供应商质量要求", department: "QA", revisions: [] }] },
  { code: "XH", name: "星河新能源科技有限公司" },
] as Customer[];
const others = otherCustomers(customers, "DYA", ["BCM-004"]);

describe("otherCustomers: what names a customer other than the one audited", () => {
  it("derives the short name a customer goes by from its legal name, Chinese and English", () => {
    expect(shortNames(customers[1]!)).toEqual(["北辰", "Beichen"]);
    expect(shortNames(customers[2]!)).toEqual(["星河新能源"]);
    expect(shortNames({ name: "东岳汽车股份有限公司" })).toEqual(["东岳"]);
  });

  it("finds a code as a word in any letter case, a name as written, a source or requirement id; not the audited customer's names", () => {
    expect(others.names("按BCM-003保存")).toBe(true);
    expect(others.names("per bcm rules")).toBe(true);
    expect(others.names("ABCMX 工装")).toBe(false);
    expect(others.names("见 BQ-SQR 第 4 章")).toBe(true);
    expect(others.names("北辰关键特性（K）")).toBe(true);
    expect(others.names("Beichen's HI marks")).toBe(true);
    expect(others.names("星河新能源的电池壳")).toBe(true);
    expect(others.names("东岳CC（▽）对应★；DYA-001")).toBe(false);
    expect(others.names(undefined)).toBe(false);
  });

  it("keeps a mark the audited customer's own name contains off the list (two customers of one group)", () => {
    const group = otherCustomers([{ code: "DYA", name: "东岳汽车股份有限公司" }, { code: "DYT", name: "东岳汽车有限公司" }] as Customer[], "DYA", []);
    // Its full name stays a mark; the short name 东岳 both go by does not.
    expect(group.marks).toEqual(["DYT", "东岳汽车有限公司"]);
  });
});

describe("withheldText and withheldSections: the smallest unit naming another customer withheld, with a note", () => {
  it("withholds a table row whose cell names one, keeping the row's cells, and leaves the header and other rows", () => {
    const table = "| 顾客 | 符号 | 本公司 |\n| --- | --- | --- |\n| 东岳 | ▽ | ★ |\n| 北辰 | K | ★ |";
    expect(withheldText(table, others, NOTE)).toBe(`| 顾客 | 符号 | 本公司 |\n| --- | --- | --- |\n| 东岳 | ▽ | ★ |\n| ${NOTE} | | |`);
  });

  it("withholds a list item with its continued lines and a paragraph, and leaves the others as written", () => {
    const text = "本程序适用于全部产品。\n\n- 东岳：▽ → ★\n- 北辰：K → ★\n  继续说明\n- 通用：◆\n\n北辰另有要求时\n按其要求执行。";
    expect(withheldText(text, others, NOTE)).toBe(`本程序适用于全部产品。\n\n- 东岳：▽ → ★\n- ${NOTE}\n- 通用：◆\n\n${NOTE}`);
  });

  it("withholds a section whose heading names one, with its text and sections, and a subsection's item whose text does", () => {
    const sections = [
      { number: "5", title: "作业流程", sections: [{ number: "5.1", title: "东岳符号", text: "▽ → ★" }, { number: "5.2", title: "北辰符号", text: "K → ★", sections: [{ title: "细则", text: "略" }] }] },
      { number: "6", title: "相关文件", text: "- QP-010\n- BCM-004 包装要求" },
    ];
    expect(withheldSections(sections, others, NOTE)).toEqual([
      { number: "5", title: "作业流程", sections: [{ number: "5.1", title: "东岳符号", text: "▽ → ★" }, { number: "5.2", title: NOTE, text: NOTE }] },
      { number: "6", title: "相关文件", text: `- QP-010\n- ${NOTE}` },
    ]);
  });

  it("withholds a revision's summary and reason, the remarks and other customers' notices and retention periods of a document", () => {
    const doc = {
      id: "QR-011-01", title: "追溯记录", level: 4, kind: "form", department: "QA", status: "released", remarks: "北辰产品另存",
      revisions: [{ version: "A/1", date: "2026-01-05", summary: "增加胶料批次栏（BCM-003）", reason: "北辰要求", customer_notices: [{ customer: "BCM", notified: "2026-01-06" }, { customer: "DYA", notified: "2026-01-07" }] }],
      record: { retention: "3年", retention_customer: [{ customer: "BCM", period: "停产后15年" }] },
    } as unknown as ControlledDocument;
    const shown = withoutOtherCustomers(doc, "DYA", others, NOTE);
    expect(shown.remarks).toBe(NOTE);
    expect(shown.revisions).toEqual([{ version: "A/1", date: "2026-01-05", summary: NOTE, reason: NOTE, customer_notices: [{ customer: "DYA", notified: "2026-01-07" }] }]);
    expect(shown.record).toEqual({ retention: "3年", retention_customer: [] });
  });
});
