import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { closest, escapeHtml, isolateBidi, levenshtein, shellArgument } from "../../src/core/text.js";

describe("levenshtein", () => {
  it("counts the edits between two texts", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("QP-001", "QP-0001")).toBe(1);
    expect(levenshtein("", "QA")).toBe(2);
    expect(levenshtein("品质部", "品质")).toBe(1);
    expect(levenshtein("QE", "QE")).toBe(0);
  });

  it("gives the distance below a limit, and at least the limit when it is not below", () => {
    expect(levenshtein("kitten", "sitting", 4)).toBe(3);
    expect(levenshtein("kitten", "sitting", 3)).toBeGreaterThanOrEqual(3);
    expect(levenshtein("CSR-001", "QP-0001", 2)).toBeGreaterThanOrEqual(2);
    expect(levenshtein("abcdef", "uvwxyz", 1)).toBeGreaterThanOrEqual(1);
  });
});

describe("closest", () => {
  it("picks the nearest candidate within a third of the word's length, the first of equals", () => {
    expect(closest("QP-0001", ["QQ-0009", "QP-0002", "QP-0003"])).toBe("QP-0002");
    expect(closest("qp-0001", ["QP-0001"])).toBe("QP-0001");
    expect(closest("xyz", ["abc", "uvw"])).toBeUndefined();
  });

  it("first names the same number written with its family prefix or without leading zeros (tester16 F17)", () => {
    expect(closest("QP-001", ["CS/QP-002", "CS/QP-001", "CS/QP-003"])).toBe("CS/QP-001");
    expect(closest("BD-9", ["BD-001", "BD-008", "BD-009"])).toBe("BD-009");
    expect(closest("QP-0001", ["QP-0002", "QP-001"])).toBe("QP-001");
    // Two families with that number: neither is named for it, the nearest by edits is.
    expect(closest("QP-001", ["CS/QP-001", "XS/QP-001"])).toBeUndefined();
    expect(closest("QP-001", ["CS/QP-001", "XS/QP-001", "QP-002"])).toBe("QP-002");
  });
});

describe("closest, against its plain form", () => {
  // The plain form closest had before de9d0b1e: numberAsMeant made for every candidate, the distance by
  // levenshtein. closest now matches numbers without making them (isNumberAsMeant) and measures words of
  // up to 32 UTF-16 units bit-parallel (distancesFrom): both must give what the plain form gives.
  const asMeant = (id: string) => id.toLowerCase().slice(id.lastIndexOf("/") + 1).replace(/\d+/g, (digits) => String(Number(digits)));
  function plain(word: string, all: string[]): string | undefined {
    const meant = asMeant(word);
    const same = /\d/.test(meant) ? all.filter((c) => asMeant(c) === meant) : [];
    if (same.length === 1) return same[0];
    let best: string | undefined;
    let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
    const lower = word.toLowerCase();
    for (const c of all) {
      const other = c.toLowerCase();
      if (Math.abs(other.length - lower.length) >= bestDistance) continue;
      const d = levenshtein(lower, other, bestDistance);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  it("names the same candidate for words near and far, ASCII, CJK, İ, surrogate pairs, long digit runs, 32 units and more", () => {
    // A fixed pseudo-random sequence (mulberry32): the same words in every run.
    let seed = 20261203;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const parts = ["Q", "P", "q", "p", "-", "/", "0", "0", "1", "9", "CS", "WI", "品", "质", "部", "İ", "ß", "😀", "12345678901234567890", "12345678901234567891", "007", "a", "b"];
    const wordOf = (length: number) => Array.from({ length }, () => pick(parts)).join("");
    const mutated = (word: string) => {
      let text = word;
      for (let edits = Math.floor(random() * 4); edits > 0; edits--) {
        const at = Math.floor(random() * (text.length + 1));
        const op = random();
        text = op < 0.4 ? text.slice(0, at) + pick(parts) + text.slice(at) : op < 0.7 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick(parts) + text.slice(at + 1);
      }
      return text;
    };
    let named = 0;
    for (let n = 0; n < 3000; n++) {
      const word = wordOf(1 + Math.floor(random() * 24));
      const all = Array.from({ length: 12 }, () => (random() < 0.7 ? mutated(word) : wordOf(1 + Math.floor(random() * 24))));
      const expected = plain(word, all);
      if (expected !== undefined) named++;
      expect({ word, all, found: closest(word, all) }).toEqual({ word, all, found: expected });
    }
    // Number rounds a run of more than 15 digits: two such runs that differ in their last digits are one number, as before.
    expect(closest("QP-12345678901234567890", ["WI-1", "QP-12345678901234567891"])).toBe(plain("QP-12345678901234567890", ["WI-1", "QP-12345678901234567891"]));
    // Most words have a candidate near enough to be named: the comparison is not of undefined with undefined.
    expect(named).toBeGreaterThan(1500);
  });
});

describe("shellArgument", () => {
  it("quotes a number with a space, so that a suggested command can be copied, and leaves others as they are", () => {
    expect(shellArgument("GB/T 19001-2016")).toBe('"GB/T 19001-2016"');
    expect(shellArgument("CS/QP-006")).toBe("CS/QP-006");
  });

  it("quotes every character a shell would read, so that the pasted command gets the value as written (note37)", () => {
    expect(shellArgument("第2版(2024)")).toBe('"第2版(2024)"');
    expect(shellArgument("A&B")).toBe('"A&B"');
    expect(shellArgument("Rev 'B'")).toBe(`"Rev 'B'"`);
    expect(shellArgument('12" 标签')).toBe(`'12" 标签'`);
    expect(shellArgument("$HOME 'x'")).toBe(`'$HOME '\\''x'\\'''`);
    expect(shellArgument("IATF16949:8.5.4")).toBe("IATF16949:8.5.4");
    expect(shellArgument("第2版")).toBe("第2版");
    // What a shell makes of them: each value as written.
    const values = ["第2版(2024)", "A&B", "Rev 'B'", '12" 标签', "$HOME 'x'", "a\\b!`c`", "*", "#1", "x;y|z<>", "[A]{B}~"];
    expect(execFileSync("bash", ["-c", `printf '%s\\n' ${values.map(shellArgument).join(" ")}`], { encoding: "utf8" })).toBe(values.map((v) => `${v}\n`).join(""));
  });
});

describe("isolateBidi", () => {
  const [FSI, PDI, RLO, LRE, PDF, RLI, RLM] = ["\u2068", "\u2069", "\u202e", "\u202a", "\u202c", "\u2067", "\u200f"];

  it("gives a text without bidirectional formatting characters back as it is, Arabic and Hebrew letters too", () => {
    for (const text of ["特殊特性管理程序", "Control plan", "", "مرحبا", "QP-012 <b>"]) expect(isolateBidi(text)).toBe(text);
  });

  it("closes what a value leaves open, innermost first, and puts it in an isolate of its own", () => {
    expect(isolateBidi(`标题${RLO}`)).toBe(`${FSI}标题${RLO}${PDF}${PDI}`);
    expect(isolateBidi(`a${LRE}b${RLI}c`)).toBe(`${FSI}a${LRE}b${RLI}c${PDI}${PDF}${PDI}`);
    // Closed within the value: nothing to add but the isolate.
    expect(isolateBidi(`${RLO}逆序${PDF}`)).toBe(`${FSI}${RLO}逆序${PDF}${PDI}`);
    expect(isolateBidi(`x${RLM}`)).toBe(`${FSI}x${RLM}${PDI}`);
  });

  it("leaves out a PDI with no isolate of the value open, which would end the value's isolate early", () => {
    expect(isolateBidi(`${PDI}${RLO}标题`)).toBe(`${FSI}${RLO}标题${PDF}${PDI}`);
    // A PDI closes the embeddings opened inside its isolate (UAX #9 X6a); a PDF inside an isolate closes nothing outside it.
    expect(isolateBidi(`${RLI}${LRE}a${PDI}b${RLO}`)).toBe(`${FSI}${RLI}${LRE}a${PDI}b${RLO}${PDF}${PDI}`);
    expect(isolateBidi(`${LRE}${RLI}${PDF}a`)).toBe(`${FSI}${LRE}${RLI}${PDF}a${PDI}${PDF}${PDI}`);
  });

  it("is applied by escapeHtml after escaping", () => {
    expect(escapeHtml(`<b>${RLO}`)).toBe(`${FSI}&lt;b&gt;${RLO}${PDF}${PDI}`);
    expect(escapeHtml(`"QP-012"`)).toBe("&quot;QP-012&quot;");
  });
});
