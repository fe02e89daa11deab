import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRECOMPILED_DIR } from "../../src/load/package.js";
import { characterReadings, namePinyin, precompiledReadings } from "../../src/site/pinyin.js";

describe("the pinyin a name is searched by", () => {
  it("is the whole name run together, each syllable, surname and given name apart, the initials, and the surname whole with the given name's initials", () => {
    expect(namePinyin("徐海涛")).toBe("xuhaitao xu hai tao haitao xuhai xht xuht xuhait");
    expect(namePinyin("张丽")).toBe("zhangli zhang li zl zhangl");
    // A surname of two characters: ouyang and xiu apart, ouyangx as its bearer's e-mail address may be.
    expect(namePinyin("欧阳修")).toBe("ouyangxiu ou yang xiu yangxiu ouyang oyx ouyx ouyangx");
  });

  it("finds 赵磊芳 by zhaolf, as a company's logins are often made, and not 赵丽娜, whose words differ from it by a letter (tester48 #9)", () => {
    expect(namePinyin("赵磊芳").split(" ")).toContain("zhaolf");
    expect(namePinyin("赵丽娜").split(" ")).not.toContain("zhaolf");
    expect(namePinyin("赵丽娜").split(" ")).toContain("zhaoln");
  });

  it("has every reading of a character with several, as only the name's bearer knows which is theirs", () => {
    // 单 is dan in a word, shan as a surname; 信 xin or shen.
    expect(namePinyin("单雄信").split(" ")).toEqual(expect.arrayContaining(["shanxiongxin", "shan", "xiongxin", "sxx", "danxiongxin"]));
    // ü as typed with a Chinese input method (v) and as written in a passport (u).
    expect(namePinyin("吕强")).toBe("lvqiang lv qiang lq lvq lvjiang jiang lj lvj luqiang lu luq lujiang luj");
  });

  it("reads only the Chinese characters of a name, and gives nothing for a name without any", () => {
    expect(namePinyin("李娜 Lina")).toBe(namePinyin("李娜"));
    expect(namePinyin("John Smith")).toBe("");
  });

  it("reads every character's readings from the build's table as pinyin-pro gives them", () => {
    const made = JSON.parse(readFileSync(join(PRECOMPILED_DIR, "pinyin.json"), "utf8")) as { version: string; readings: Record<string, string> };
    const require = createRequire(import.meta.url);
    expect(made.version).toBe((require("pinyin-pro/package.json") as { version: string }).version);
    expect(precompiledReadings()).not.toBeNull();
    const characters = Array.from(Object.values(made.readings).join(""));
    expect(characters.length).toBeGreaterThan(20_000);
    // With characters it does not have (a rare character outside the BMP; Latin): themselves, as pinyin-pro gives them.
    const asked = [...characters, "\u{2B81D}", "𠀀", "A"];
    const library = require("pinyin-pro") as typeof import("pinyin-pro");
    expect(characterReadings(asked)).toEqual(library.polyphonic(asked.join(""), { toneType: "none", type: "array" }));
  });
});
