/** The parts of a register's 备注 that ask for a revision, which csr release clears (tester76 M4). */
import { describe, expect, it } from "vitest";
import { revisionDueRemark } from "../../src/model/revision-remarks.js";

describe("revisionDueRemark", () => {
  it("finds 待修订, 待换版 and their kin as a part of their own, and keeps the other parts with their separators", () => {
    expect(revisionDueRemark("待修订")).toEqual({ said: "待修订", rest: "" });
    expect(revisionDueRemark(" 需修订。 ")).toEqual({ said: "需修订。", rest: "" });
    expect(revisionDueRemark("待修订；外发顾客")).toEqual({ said: "待修订", rest: "外发顾客" });
    expect(revisionDueRemark("外发顾客、含附件，待换版")).toEqual({ said: "待换版", rest: "外发顾客、含附件" });
    expect(revisionDueRemark("To be revised; sent to customer")).toEqual({ said: "To be revised", rest: "sent to customer" });
  });

  it("leaves remarks that only mention a revision among other words, and none", () => {
    expect(revisionDueRemark("待修订后发放顾客")).toBeUndefined();
    expect(revisionDueRemark("外发顾客")).toBeUndefined();
    expect(revisionDueRemark("")).toBeUndefined();
    expect(revisionDueRemark(undefined)).toBeUndefined();
  });
});
