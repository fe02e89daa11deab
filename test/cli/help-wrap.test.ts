import { afterEach, describe, expect, it } from "vitest";
import { wrapText } from "../../src/cli/help.js";
import { language, setLanguage } from "../../src/i18n/index.js";

describe("help text wrapping", () => {
  const lang = language();
  afterEach(() => setLanguage(lang));

  it("keeps a Chinese term whole in English help", () => {
    setLanguage("en");
    expect(wrapText("hand out numbered controlled copies (受控号) of a document's current version", 40).split("\n")).toEqual([
      "hand out numbered controlled copies",
      "(受控号) of a document's current version",
    ]);
  });

  it("never starts a line with closing punctuation, also after a Latin word", () => {
    setLanguage("zh-CN");
    const wrapped = wrapText("列出一份清单：csr、procedures、documents、forms、external、obsolete、symbols、reviews、distribution、training", 40);
    expect(wrapped.split("\n")).toEqual(["列出一份清单：csr、procedures、", "documents、forms、external、obsolete、", "symbols、reviews、distribution、training"]);
  });
});
