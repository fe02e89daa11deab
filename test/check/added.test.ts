import { describe, expect, it } from "vitest";
import { findingsAdded } from "../../src/check/added.js";

describe("findingsAdded", () => {
  const key = (f: { rule: string; n: number }) => f.rule;
  it("counts duplicates: one finding before covers one occurrence after, not all", () => {
    const before = [{ rule: "a", n: 1 }, { rule: "b", n: 2 }, { rule: "b", n: 3 }];
    const after = [{ rule: "a", n: 4 }, { rule: "a", n: 5 }, { rule: "b", n: 6 }, { rule: "c", n: 7 }, { rule: "a", n: 8 }];
    expect(findingsAdded(before, after, key)).toEqual({
      added: [{ rule: "a", n: 5 }, { rule: "c", n: 7 }, { rule: "a", n: 8 }],
      kept: [{ rule: "a", n: 4 }, { rule: "b", n: 6 }],
    });
  });
  it("with nothing before, everything is added; with nothing after, nothing", () => {
    expect(findingsAdded([], [{ rule: "a", n: 1 }, { rule: "a", n: 2 }], key)).toEqual({ added: [{ rule: "a", n: 1 }, { rule: "a", n: 2 }], kept: [] });
    expect(findingsAdded([{ rule: "a", n: 1 }], [], key)).toEqual({ added: [], kept: [] });
  });
  it("with two keys, a finding is had when either key still has one left, and only that key's is used up", () => {
    const rule = (f: { rule: string; n: number }) => f.rule;
    const place = (f: { rule: string; n: number }) => String(f.n);
    const before = [{ rule: "a", n: 1 }, { rule: "b", n: 2 }];
    const after = [{ rule: "a", n: 9 }, { rule: "c", n: 2 }, { rule: "a", n: 1 }, { rule: "c", n: 2 }];
    expect(findingsAdded(before, after, rule, place)).toEqual({
      added: [{ rule: "c", n: 2 }],
      kept: [{ rule: "a", n: 9 }, { rule: "c", n: 2 }, { rule: "a", n: 1 }],
    });
  });
});
