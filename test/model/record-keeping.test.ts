/** model/record-keeping.ts: a form's retention period and location as English registers print them (tester19 F7, auditor16 F13). */
import { describe, expect, it } from "vitest";
import { batchRetention, countedRetention, customerRetentionText, recordKeepingText, recordsHeldOn, retentionTerm } from "../../src/model/record-keeping.js";

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
    // As the English help of --retention offers it (tester65 N12).
    ["3 years", { kind: "years", count: 3 }],
    ["1 Year", { kind: "years", count: 1 }],
    ["3y", { kind: "years", count: 3 }],
    ["6 months", { kind: "months", count: 6 }],
    ["18m", { kind: "months", count: 18 }],
  ])("reads %j", (text, term) => {
    expect(retentionTerm(text)).toEqual(term);
  });

  it.each(["员工离职后3年", "长期（保留历次版本）", "产品寿命期+1年（北辰产品：停产后15年）", "three years", "三年", ""])("has no term for %j, printed as written", (text) => {
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

describe("countedRetention (tester60 J1)", () => {
  it.each([
    ["3年", undefined, { months: 36 }],
    ["6个月", undefined, { months: 6 }],
    ["产品寿命期+1年", undefined, { months: 12, after: "停止生产和售后服务供货" }],
    ["产品寿命期", undefined, { months: 0, after: "停止生产和售后服务供货" }],
    ["停产后15年", undefined, { months: 180, after: "停产" }],
    ["员工离职后3年", undefined, { months: 36, after: "员工离职" }],
    ["量检具报废后1年", undefined, { months: 12, after: "量检具报废" }],
    ["长期", undefined, { kept: true }],
    ["长期（保留历次版本）", undefined, { kept: true }],
    ["永久", undefined, { kept: true }],
    ["按法规要求", { years: 2, months: 6 }, { months: 30 }],
    ["入职起至离职后两年", { years: 2, after: "员工离职" }, { months: 24, after: "员工离职" }],
  ])("counts %j (term %j) as %j", (text, rule, counted) => {
    expect(countedRetention(text, rule)).toEqual(counted);
  });

  it.each(["按法规要求", "三年", "", "产品寿命期+1年（北辰产品：停产后15年）"])("cannot count %j without a term", (text) => {
    expect(countedRetention(text)).toBeUndefined();
  });
});

describe("batchRetention (tester60 J1)", () => {
  const batch = { to: "2024-12-31" };

  it("counts from the batch's last day; a customer's longer period decides and is named", () => {
    expect(batchRetention({ record: { retention: "1年" } }, batch)).toEqual({ kind: "ends", date: "2025-12-31", period: "1年" });
    expect(batchRetention({ record: { retention: "1年", retention_customer: [{ customer: "BCM", period: "5年" }, { customer: "DYA", period: "3年" }] } }, batch)).toEqual({ kind: "ends", date: "2029-12-31", period: "5年", customer: "BCM" });
    // As long as the form's: the form's own period decides.
    expect(batchRetention({ record: { retention: "3年", retention_customer: [{ customer: "DYA", period: "36个月" }] } }, batch)).toEqual({ kind: "ends", date: "2027-12-31", period: "3年" });
  });

  it("counts a period after an event from the batch's counted_from, and does not guess it", () => {
    const form = { record: { retention: "产品寿命期+1年", retention_customer: [{ customer: "BCM", period: "停产后15年" }] } };
    expect(batchRetention(form, { to: "2024-06-30", counted_from: "2025-03-31" })).toEqual({ kind: "ends", date: "2040-03-31", period: "停产后15年", customer: "BCM" });
    // Undated, by the customer's longer period that would decide, not the form's shorter one (tester62 N15).
    expect(batchRetention(form, batch)).toEqual({ kind: "undated", reason: "no-start", event: "停产", period: "停产后15年", customer: "BCM" });
    // The form's own when it is the longer one.
    const longer = { record: { retention: "停产后20年", retention_customer: [{ customer: "BCM", period: "停产后15年" }] } };
    expect(batchRetention(longer, batch)).toEqual({ kind: "undated", reason: "no-start", event: "停产", period: "停产后20年" });
  });

  it("counts 产品寿命期+N年 in calendar years after the end of production and service supply, to 31 December (IATF 16949 7.5.3.2.1, tester71 Q11)", () => {
    const form = { record: { retention: "产品寿命期+1年" } };
    expect(batchRetention(form, { to: "2024-06-30", counted_from: "2024-06-30" })).toEqual({ kind: "ends", date: "2025-12-31", period: "产品寿命期+1年" });
    expect(batchRetention({ record: { retention: "产品寿命期+2年" } }, { to: "2024-06-30", counted_from: "2024-01-01" })).toEqual({ kind: "ends", date: "2026-12-31", period: "产品寿命期+2年" });
    expect(batchRetention({ record: { retention: "产品寿命期" } }, { to: "2024-06-30", counted_from: "2024-06-30" })).toEqual({ kind: "ends", date: "2024-06-30", period: "产品寿命期" });
    expect(batchRetention(form, batch)).toEqual({ kind: "undated", reason: "no-start", event: "停止生产和售后服务供货", period: "产品寿命期+1年" });
    // A form that reads the clause otherwise counts to the day from its own event.
    expect(batchRetention({ record: { retention: "产品寿命期+1年", retention_term: { years: 1, after: "停产" } } }, { to: "2024-06-30", counted_from: "2024-06-30" })).toEqual({ kind: "ends", date: "2025-06-30", period: "产品寿命期+1年" });
  });

  it("says why a batch cannot be dated, and keeps a long-term one whatever the other periods", () => {
    expect(batchRetention({ record: { retention: "按法规要求" } }, batch)).toEqual({ kind: "undated", reason: "unreadable", period: "按法规要求" });
    expect(batchRetention({ record: { retention: "按法规要求", retention_term: { years: 2 } } }, batch)).toEqual({ kind: "ends", date: "2026-12-31", period: "按法规要求" });
    expect(batchRetention({ record: { retention: "3年", retention_customer: [{ customer: "BCM", period: "待顾客确认" }] } }, batch)).toEqual({ kind: "undated", reason: "unreadable", period: "待顾客确认", customer: "BCM" });
    expect(batchRetention({ record: {} }, batch)).toEqual({ kind: "undated", reason: "no-retention" });
    expect(batchRetention({ record: { retention: "3年", retention_customer: [{ customer: "BCM", period: "永久" }] } }, batch)).toEqual({ kind: "kept", period: "永久", customer: "BCM" });
  });
});
