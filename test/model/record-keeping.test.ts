/** model/record-keeping.ts: a form's retention period and location as English registers print them (tester19 F7, auditor16 F13). */
import { describe, expect, it } from "vitest";
import { customerRetentionText, recordKeepingText, recordsHeldOn, retentionTerm } from "../../src/model/record-keeping.js";

describe("retentionTerm", () => {
  it.each([
    ["3年", { kind: "years", count: 3 }],
    [" 1 年 ", { kind: "years", count: 1 }],
    ["6个月", { kind: "months", count: 6 }],
    ["18月", { kind: "months", count: 18 }],
    ["产品寿命期", { kind: "product-life" }],
    ["产品生命周期", { kind: "product-life" }],
    ["产品寿命期+1年", { kind: "product-life", plusYears: 1 }],
    ["产品寿命周期＋15年", { kind: "product-life", plusYears: 15 }],
    ["产品使用期加2年", { kind: "product-life", plusYears: 2 }],
    ["长期", { kind: "long-term" }],
    ["永久保存", { kind: "permanent" }],
  ])("reads %j", (text, term) => {
    expect(retentionTerm(text)).toEqual(term);
  });

  it.each(["员工离职后3年", "长期（保留历次版本）", "产品寿命期+1年（北辰产品：停产后15年）", "3 years", "三年", ""])("has no term for %j, printed as written", (text) => {
    expect(retentionTerm(text)).toBeUndefined();
  });
});

describe("recordKeepingText", () => {
  const departments = [{ code: "QA", name: "品质部", name_en: "Quality Assurance" }, { code: "HR", name: "人事部" }];

  it("in English: the form's own text first, then the words of a usual period and a department's English name", () => {
    expect(recordKeepingText("en", { record: { retention: "2年", location: "品质部" } }, departments)).toEqual({ retention: "2 years", location: "Quality Assurance", untranslated: false });
    expect(recordKeepingText("en", { record: { retention: "1年", location: "QA" } }, departments)).toEqual({ retention: "1 year", location: "Quality Assurance", untranslated: false });
    expect(recordKeepingText("en", { record: { retention: "2年", retention_en: "Two years from issue", location: "品质部", location_en: "QA archive" } }, departments)).toEqual({
      retention: "Two years from issue",
      location: "QA archive",
      untranslated: false,
    });
  });

  it("in English: what has no English is printed as written and said", () => {
    // A department without an English name is no translation.
    expect(recordKeepingText("en", { record: { retention: "长期", location: "人事部" } }, departments)).toEqual({ retention: "Long-term", location: "人事部", untranslated: true });
    expect(recordKeepingText("en", { record: { retention: "量检具报废后1年" } }, departments)).toEqual({ retention: "量检具报废后1年", location: "", untranslated: true });
    expect(recordKeepingText("en", { record: { medium: "paper" } }, departments)).toEqual({ retention: "", location: "", untranslated: false });
    expect(recordKeepingText("en", {}, departments)).toEqual({ retention: "", location: "", untranslated: false });
  });

  it("in Chinese: as written, the English text unused", () => {
    expect(recordKeepingText("zh-CN", { record: { retention: "3年", retention_en: "3 years", location: "品质部" } }, departments)).toEqual({ retention: "3年", location: "品质部", untranslated: false });
  });
});

describe("a customer's longer retention period (record.retention_customer, tester55 C11)", () => {
  const record = { retention: "3年", retention_customer: [{ customer: "BCM", period: "10年" }, { customer: "DYA", period: "停产后15年", period_en: "15 years after end of production" }] };

  it("keeps a withdrawn form's records listed while any period holds", () => {
    const withdrawn = { date: "2020-01-01", reason: "r" };
    expect(recordsHeldOn({ record: { retention: "3年", retention_customer: [{ customer: "BCM", period: "10年" }] }, obsolete: withdrawn }, "2029-12-31")).toBe(true);
    expect(recordsHeldOn({ record: { retention: "3年", retention_customer: [{ customer: "BCM", period: "10年" }] }, obsolete: withdrawn }, "2030-01-02")).toBe(false);
    expect(recordsHeldOn({ record: { retention: "3年" }, obsolete: withdrawn }, "2029-12-31")).toBe(false);
  });

  it("is printed as written in Chinese; in English, period_en or a whole term in words, else as written and said", () => {
    expect(customerRetentionText("zh-CN", { record })).toEqual([
      { customer: "BCM", period: "10年", untranslated: false },
      { customer: "DYA", period: "停产后15年", untranslated: false },
    ]);
    expect(customerRetentionText("en", { record })).toEqual([
      { customer: "BCM", period: "10 years", untranslated: false },
      { customer: "DYA", period: "15 years after end of production", untranslated: false },
    ]);
    expect(customerRetentionText("en", { record: { retention_customer: [{ customer: "BCM", period: "停产后15年" }] } })).toEqual([{ customer: "BCM", period: "停产后15年", untranslated: true }]);
  });
});
