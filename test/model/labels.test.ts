/**
 * processLabel and processCodeLabel: a process as a reader knows it, in the language asked for — a register or an 8D
 * report rendered in English from a Chinese run names its processes in English (the one function csr render's action
 * report, csr show <action>, the registers and the site share; audit81).
 */
import { describe, expect, it } from "vitest";
import { processCodeLabel, processLabel } from "../../src/model/labels.js";

const c3 = { code: "C3", name: "生产过程控制", name_en: "Production process control" };
const m2 = { code: "M2", name: "内部审核" };
const processes = new Map([c3, m2].map((p) => [p.code, { value: p }]));

describe("processLabel", () => {
  it("gives the code and the name in the language asked for, the Chinese name when there is no English one", () => {
    expect(processLabel(c3, "zh-CN")).toBe("C3 生产过程控制");
    expect(processLabel(c3, "en")).toBe("C3 Production process control");
    expect(processLabel(m2, "en")).toBe("M2 内部审核");
    expect(processLabel({ code: "S9", name: "" }, "en")).toBe("S9");
  });

  it("names a process by its code, the code as written when no process has it", () => {
    expect(processCodeLabel(processes, "C3", "en")).toBe("C3 Production process control");
    expect(processCodeLabel(processes, "C3", "zh-CN")).toBe("C3 生产过程控制");
    expect(processCodeLabel(processes, "C9", "en")).toBe("C9");
  });
});
