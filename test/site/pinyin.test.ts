import { describe, expect, it } from "vitest";
import { namePinyin } from "../../src/site/pinyin.js";

describe("the pinyin a name is searched by", () => {
  it("is the whole name run together, each syllable, surname and given name apart, and the initials", () => {
    expect(namePinyin("徐海涛")).toBe("xuhaitao xu hai tao haitao xuhai xht");
    expect(namePinyin("张丽")).toBe("zhangli zhang li zl");
    // A surname of two characters: ouyang and xiu apart.
    expect(namePinyin("欧阳修")).toBe("ouyangxiu ou yang xiu yangxiu ouyang oyx");
  });

  it("has every reading of a character with several, as only the name's bearer knows which is theirs", () => {
    // 单 is dan in a word, shan as a surname; 信 xin or shen.
    expect(namePinyin("单雄信").split(" ")).toEqual(expect.arrayContaining(["shanxiongxin", "shan", "xiongxin", "sxx", "danxiongxin"]));
    // ü as typed with a Chinese input method (v) and as written in a passport (u).
    expect(namePinyin("吕强")).toBe("lvqiang lv qiang lq lvjiang jiang lj luqiang lu lujiang");
  });

  it("reads only the Chinese characters of a name, and gives nothing for a name without any", () => {
    expect(namePinyin("李娜 Lina")).toBe(namePinyin("李娜"));
    expect(namePinyin("John Smith")).toBe("");
  });
});
