import { describe, expect, it } from "vitest";
import { wrapText } from "../../src/cli/help.js";

describe("help text wrapping", () => {
  it("never starts a line with closing punctuation, also after a Latin word", () => {
    const wrapped = wrapText("列出一份清单：csr、procedures、documents、forms、external、obsolete、symbols、reviews、distribution、training", 40);
    expect(wrapped.split("\n")).toEqual(["列出一份清单：csr、procedures、", "documents、forms、external、obsolete、", "symbols、reviews、distribution、training"]);
  });
});
