/**
 * One reading of a line marking a special characteristic (review78 #2): specialCharacteristics (training, recall,
 * stations) and the characteristic trace (marksIn) agree on a mark starting the line and on a letter symbol of ours as a
 * word of its own; a letter symbol inside a word, or a customer's symbol alone, marks none. Both read one function
 * (specialLines), once per document: the same lines for the same sections, whatever copy of the document is asked.
 */
import { describe, expect, it } from "vitest";
import { instructionMarks } from "../../src/model/characteristic-trace.js";
import { marksIn, ourSymbols, specialLines } from "../../src/model/characteristics.js";
import { specialCharacteristics } from "../../src/model/symbol-documents.js";
import type { SymbolConversion } from "../../src/model/types.js";

const ROWS = [
  { customer: "DYA", customer_symbol: "▽", symbol: "★", meaning: "关键特性" },
  { customer: "DYA", customer_symbol: "CC", symbol: "SC", meaning: "重要特性" },
] as unknown as SymbolConversion[];

const instruction = (text: string) => ({ kind: "instruction" as const, sections: [{ title: "作业内容", text }] });

describe("specialCharacteristics reads a line as the characteristic trace does", () => {
  it("counts a mark starting the line and a letter symbol as a word, as marksIn", () => {
    for (const [text, marks] of [
      ["★ 扣压外径：按图纸公差", ["★"]],
      ["SC 扭矩：按图纸", ["SC"]],
      ["扣压外径★：按图纸公差", ["★"]],
      ["DESC 说明", []],
      ["▽ 顾客符号", []],
    ] as const) {
      expect(marksIn(text, ["★", "SC"])).toEqual(marks);
      const found = specialCharacteristics(instruction(`适用范围。\n${text}`), ROWS);
      expect(found === undefined ? [] : found.marks).toEqual(marks);
      if (found) expect({ section: found.section, title: found.title, line: found.line, path: found.path }).toEqual({ section: "1", title: "作业内容", line: 2, path: ["sections", 0] });
    }
  });

  it("reads a document's lines once, for training, recall, stations and the trace alike", () => {
    const doc = { id: "WI-1", title: "扣压作业指导书", status: "released", stations: ["OP20"], ...instruction("1. 放入夹具；\n2. 扣压外径（★）和长度 SC；\n3. OP30 前检查★。") } as never;
    const ours = ourSymbols(ROWS);
    const lines = specialLines(doc, ours);
    expect(lines.map((l) => [l.line, l.marks])).toEqual([
      [2, ["★", "SC"]],
      [3, ["★"]],
    ]);
    // The same list for a copy of the document made from the same sections (its content in force), not a second walk.
    expect(specialLines({ ...(doc as object), status: "released" } as never, ours)).toBe(lines);
    expect(instructionMarks(doc, ours).map((m) => [m.line, m.marks, m.ops])).toEqual([
      [2, ["★", "SC"], ["OP20", "OP30"]],
      [3, ["★"], ["OP30"]],
    ]);
    expect(specialCharacteristics(doc, ROWS)).toEqual({ marks: ["★", "SC"], section: "1", title: "作业内容", line: 2, path: ["sections", 0] });
  });
});
