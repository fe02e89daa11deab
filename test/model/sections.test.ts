import { describe, expect, it } from "vitest";
import { addressedSectionLabel, closingSectionNumbers, documentSections, findSection, parseSectionReference } from "../../src/model/sections.js";
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
    expect(findSection(sections, "5.2 防错").titleMismatch).toBe("防错");
  });

  it("print as the document numbers them, in the chosen language", () => {
    expect(addressedSectionLabel(procedure, "5.2", "zh-CN")).toBe("5.2 顾客投诉时限");
    expect(addressedSectionLabel(procedure, "顾客投诉时限", "en")).toBe("5.2 Complaint deadlines");
    expect(addressedSectionLabel(procedure, "9.9 不存在", "zh-CN")).toBe("9.9 不存在");
    expect(addressedSectionLabel(undefined, "5.2", "zh-CN")).toBe("5.2");
    expect(addressedSectionLabel(procedure, undefined, "zh-CN")).toBe("");
  });
});
