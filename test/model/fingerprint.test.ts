import { describe, expect, it } from "vitest";
import { changedEnds, csrFingerprint, linkedSection, sectionFingerprint, SectionPrints } from "../../src/model/fingerprint.js";
import type { AddressedIn, ControlledDocument, Csr } from "../../src/model/types.js";

const doc = {
  id: "QP-014",
  sections: [
    { title: "目的", text: "规定产品标识的方法。" },
    { title: "作业流程", sections: [{ title: "来料标识", text: "仓库在来料上贴待检标签。" }, { title: "包装标签", text: "标签含批次号。" }] },
  ],
} as unknown as ControlledDocument;

const requirement = { id: "DYA-001", title: "包装标签须含批次号", text: "每箱标签含批次号。", clauses: ["IATF16949:8.5.2"] } as unknown as Csr;

describe("section fingerprints remembered over a pass (SectionPrints)", () => {
  it("gives what sectionFingerprint gives for a numbered section, a title and the whole body, and undefined for a section that is gone", () => {
    const prints = new SectionPrints();
    expect(prints.of(doc, "2.2")).toBe(sectionFingerprint(doc, linkedSection(doc, "2.2")));
    expect(prints.of(doc, "来料标识")).toBe(sectionFingerprint(doc, linkedSection(doc, "2.1")));
    expect(prints.of(doc, undefined)).toBe(sectionFingerprint(doc, undefined));
    expect(prints.of(doc, "2.2")).not.toBe(prints.of(doc, "2.1"));
    expect(prints.of(doc, "9")).toBeUndefined();
    expect(prints.of(doc, "9")).toBeUndefined();
  });

  it("makes changedEnds answer as it does without it, link after link on the same document", () => {
    const csrPrint = csrFingerprint(requirement);
    const pin = (section: string) => ({ section, csr: csrPrint, date: "2026-06-30" });
    const places: AddressedIn[] = [
      { document: "QP-014", section: "2.2", pin: pin(sectionFingerprint(doc, linkedSection(doc, "2.2"))) },
      { document: "QP-014", section: "2.2", pin: pin("000000000000") },
      { document: "QP-014", pin: pin(sectionFingerprint(doc, undefined)) },
      { document: "QP-014", section: "2.1", pin: { ...pin(sectionFingerprint(doc, linkedSection(doc, "2.1"))), csr: "000000000000" } },
      { document: "QP-014", section: "7", pin: pin("000000000000") },
      { document: "QP-014", section: "2.2" },
    ];
    const prints = new SectionPrints();
    const remembered = places.map((place) => changedEnds(requirement, place, doc, csrPrint, prints));
    expect(remembered).toEqual([{ section: false, csr: false }, { section: true, csr: false }, { section: false, csr: false }, { section: false, csr: true }, undefined, undefined]);
    expect(remembered).toEqual(places.map((place) => changedEnds(requirement, place, doc)));
  });
});

describe("the texts a fingerprint is made of (line endings and blanks at line ends normalised)", () => {
  // The fingerprints as pins written before the shortcut for texts with nothing to normalise hold them.
  const pinned = (text: string) => csrFingerprint({ ...requirement, text } as Csr);
  it("fingerprints a text as saved with CRLF, blanks at line ends or around it as the text without them", () => {
    const plain = pinned("每箱标签含批次号。\n包装须防潮。");
    expect(plain).toBe("a248ae0d1b6f");
    for (const text of ["每箱标签含批次号。\r\n包装须防潮。\r\n", "每箱标签含批次号。 \t\n包装须防潮。  ", "每箱标签含批次号。\r包装须防潮。", "  每箱标签含批次号。\n包装须防潮。\n\n"]) expect(pinned(text)).toBe(plain);
  });
  it("drops blanks before JavaScript's other line breaks too, and keeps blanks inside a line", () => {
    expect(pinned("每箱标签含批次号。 \u2028包装须防潮。")).toBe(pinned("每箱标签含批次号。\u2028包装须防潮。"));
    expect(pinned("每箱标签含批次号。\t\u2029包装须防潮。")).toBe(pinned("每箱标签含批次号。\u2029包装须防潮。"));
    expect(pinned("每箱 标签")).not.toBe(pinned("每箱标签"));
  });
});
