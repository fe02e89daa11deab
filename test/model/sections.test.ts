import { describe, expect, it } from "vitest";
import { addressedSection, addressedSectionLabel, closingSectionNumbers, documentSections, findSection, parseSectionReference, sectionNumberOnly, unmarkedSection } from "../../src/model/sections.js";
import type { Section } from "../../src/model/types.js";

const procedure: { sections: Section[] } = {
  sections: [
    { title: "目的", title_en: "Purpose" },
    { title: "适用范围" },
    { title: "职责" },
    { number: 5, title: "作业流程", title_en: "Procedure", sections: [{ title: "问题解决" }, { title: "顾客投诉时限", title_en: "Complaint deadlines" }, { number: "5.5", title: "防错" }, { title: "横向展开" }] },
  ],
};

describe("section numbers", () => {
  it("are the declared ones, and an undeclared section follows on from the one before", () => {
    expect(documentSections(procedure).map((s) => `${s.number} ${s.title} @${s.path.join(".")}`)).toEqual([
      "1 目的 @sections.0",
      "2 适用范围 @sections.1",
      "3 职责 @sections.2",
      "5 作业流程 @sections.3",
      "5.1 问题解决 @sections.3.sections.0",
      "5.2 顾客投诉时限 @sections.3.sections.1",
      "5.5 防错 @sections.3.sections.2",
      "5.6 横向展开 @sections.3.sections.3",
    ]);
  });

  it("put 相关文件 and 相关记录 after the last top-level section", () => {
    expect(closingSectionNumbers(procedure)).toEqual({ related: "6", records: "7" });
    expect(closingSectionNumbers({})).toEqual({ related: "1", records: "2" });
  });

  it("resolve a citation by number, by number and title, or by title in either language", () => {
    const sections = documentSections(procedure);
    expect(parseSectionReference("5.2 顾客投诉时限")).toEqual({ number: "5.2", title: "顾客投诉时限" });
    expect(parseSectionReference("质量要求")).toEqual({ title: "质量要求" });
    expect(findSection(sections, "5.2").found?.title).toBe("顾客投诉时限");
    expect(findSection(sections, "5.2 Complaint deadlines").found?.number).toBe("5.2");
    expect(findSection(sections, "作业流程").found?.number).toBe("5");
    expect(findSection(sections, "4.2")).toEqual({});
    expect(findSection(sections, "5.5 防错").found?.number).toBe("5.5");
  });

  it("print as the document numbers them, in the chosen language", () => {
    expect(addressedSectionLabel(procedure, "5.2", "zh-CN")).toBe("5.2 顾客投诉时限");
    expect(addressedSectionLabel(procedure, "顾客投诉时限", "en")).toBe("5.2 Complaint deadlines");
    expect(addressedSectionLabel(procedure, "9.9 不存在", "zh-CN")).toBe("9.9 不存在（未找到该章节）");
    expect(addressedSectionLabel(undefined, "5.2", "zh-CN")).toBe("5.2");
    expect(addressedSectionLabel(procedure, undefined, "zh-CN")).toBe("");
  });
});

/**
 * QP-012 after a section 可疑产品 was put in before 顾客通知: 返工和返修, addressed as 5.4 when the
 * procedure was released, is now 5.5, and 5.4 is 顾客通知 (tester49 defect 1).
 */
const renumbered: { sections: Section[] } = {
  sections: [
    { title: "目的" },
    { title: "适用范围" },
    { title: "职责" },
    { title: "定义" },
    {
      title: "作业流程",
      title_en: "Procedure",
      sections: [{ title: "标识和隔离" }, { title: "评审和处置" }, { title: "可疑产品" }, { title: "顾客通知", title_en: "Customer notification" }, { title: "返工和返修", title_en: "Rework and repair" }, { title: "报废" }],
    },
  ],
};

describe("a citation whose section has moved or gone", () => {
  const sections = documentSections(renumbered);

  it("finds the section by its title under its new number, and says the number written", () => {
    expect(findSection(sections, "5.4 返工和返修")).toEqual({ found: sections.find((s) => s.number === "5.5"), movedFrom: "5.4" });
    expect(findSection(sections, "5.4 Rework and repair").found?.title).toBe("返工和返修");
    // Written as the document numbers it: found, with no number to report.
    expect(findSection(sections, "5.5 返工和返修")).toEqual({ found: sections.find((s) => s.number === "5.5") });
  });

  it("finds none when no section has the title written, and tells which section has the number now", () => {
    const lookup = findSection(sections, "5.4 追溯记录");
    expect(lookup.found).toBeUndefined();
    expect(lookup.numbered?.title).toBe("顾客通知");
    expect(findSection(sections, "9.1 追溯记录")).toEqual({});
  });

  it("finds none when several sections have the title written under other numbers", () => {
    const twice = documentSections({ sections: [{ title: "概述" }, { title: "检验", sections: [{ title: "要求" }] }, { title: "试验", sections: [{ title: "要求" }] }] });
    const lookup = findSection(twice, "4.1 要求");
    expect(lookup.found).toBeUndefined();
    expect(lookup.titled?.map((s) => s.number)).toEqual(["2.1", "3.1"]);
  });

  it("prints the section it found, marked with the number written, linked to the section found", () => {
    expect(addressedSection(renumbered, "5.4 返工和返修", "zh-CN")).toEqual({ section: "5.5 返工和返修（原写 5.4）", anchor: "section-5.5" });
    expect(addressedSection(renumbered, "5.4 返工和返修", "en")).toEqual({ section: "5.5 Rework and repair (recorded as 5.4)", anchor: "section-5.5" });
  });

  it("prints what was written, marked as not found and linked nowhere, never the title now under its number", () => {
    expect(addressedSection(renumbered, "5.4 追溯记录", "zh-CN")).toEqual({ section: "5.4 追溯记录（未找到该章节）", anchor: "" });
    expect(addressedSection(renumbered, "5.4 追溯记录", "en")).toEqual({ section: "5.4 追溯记录 (section not found)", anchor: "" });
  });

  it("prints numbers alone for a document marked 秘密, marked alike, and no title", () => {
    expect(addressedSection(renumbered, "5.4 返工和返修", "zh-CN", true)).toEqual({ section: "5.5（原写 5.4）", anchor: "section-5.5" });
    expect(addressedSection(renumbered, "5.4 追溯记录", "zh-CN", true)).toEqual({ section: "5.4（未找到该章节）", anchor: "" });
    expect(addressedSection(renumbered, "5.4", "zh-CN", true)).toEqual({ section: "5.4", anchor: "section-5.4" });
    expect(addressedSection(renumbered, "返工和返修", "zh-CN", true)).toEqual({ section: "5.5", anchor: "section-5.5" });
    // The site withholds the text of such a document from its pages: the number as written, unjudged.
    expect(addressedSection({ sections: [] }, "5.4 返工和返修", "zh-CN", true)).toEqual({ section: "5.4", anchor: "" });
    expect(sectionNumberOnly(renumbered, "返工和返修")).toBe("5.5");
  });

  it("prints a citation into a document without sections as written: csr has no text to judge it on (a body on paper)", () => {
    expect(addressedSection({}, "5.4 返工和返修", "zh-CN")).toEqual({ section: "5.4 返工和返修", anchor: "" });
  });

  it("prints a citation that resolves as before: number, title, or both", () => {
    expect(addressedSection(renumbered, "5.4", "zh-CN")).toEqual({ section: "5.4 顾客通知", anchor: "section-5.4" });
    expect(addressedSection(renumbered, "返工和返修", "zh-CN")).toEqual({ section: "5.5 返工和返修", anchor: "section-5.5" });
    expect(addressedSection(renumbered, "5.5 返工和返修", "en")).toEqual({ section: "5.5 Rework and repair", anchor: "section-5.5" });
  });
});

describe("a section as the CSR list prints it, read back", () => {
  it("is the reference it stands for, in either language", () => {
    expect(unmarkedSection("5.5 返工和返修（原写 5.4）")).toBe("5.5 返工和返修");
    expect(unmarkedSection("5.4 追溯记录（未找到该章节）")).toBe("5.4 追溯记录");
    expect(unmarkedSection("5.5 Rework and repair (recorded as 5.4)")).toBe("5.5 Rework and repair");
    expect(unmarkedSection("5.4 追溯记录 (section not found)")).toBe("5.4 追溯记录");
    expect(unmarkedSection("5.5（原写 5.4）")).toBe("5.5");
    expect(unmarkedSection("5.2 符号转换（含 5.2.1）")).toBe("5.2 符号转换（含 5.2.1）");
  });
});
