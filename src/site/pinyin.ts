/**
 * The pinyin of people's Chinese names, for the site's search: colleagues type a name in Latin
 * letters as they know it from e-mail addresses and logins, so 徐海涛 is found as xuhaitao,
 * xu haitao, xu hai tao, haitao and xht. The readings come from pinyin-pro's dictionary of
 * characters (`polyphonic`: every reading of each character), required from node_modules only when
 * `csr site` indexes a name with Chinese characters; not bundled into dist/cli/site.cjs, since most
 * of its cost (some 25 ms of CPU) is building that dictionary when it loads, which no code cache
 * saves.
 *
 * Every reading, not one guessed reading: only its bearer knows whether 乐 in a given name is le or
 * yue, and a surname is often read otherwise than the same character in a word (单 shan, 曾 zeng).
 * pinyin-pro's `pinyin` would pick one, after building its dictionary of words on its first call
 * (30 to 40 ms of CPU, as much again as loading the library); `polyphonic` reads only the
 * characters' dictionary. Names only: the pinyin of titles and texts would multiply what the site
 * ships (search-entries.js) for searches that people type in Chinese.
 */
import { createRequire } from "node:module";

type PinyinPro = typeof import("pinyin-pro");

const HAN = /\p{sc=Han}/u;
/** At most this many readings of a whole name are indexed (a name of four characters with four readings each has 256). */
const MAX_READINGS = 8;

let library: PinyinPro | undefined;

/**
 * The words a name is searched by in pinyin, space-separated ("xuhaitao xu hai tao haitao xuhai
 * xht"); "" for a name without Chinese characters.
 */
export function namePinyin(name: string): string {
  const chars = Array.from(name).filter((c) => HAN.test(c));
  if (chars.length === 0) return "";
  // CommonJS: one file for Node to read, where the ES module build is some thirty.
  library ??= createRequire(import.meta.url)("pinyin-pro") as PinyinPro;
  const readings = library
    .polyphonic(chars.join(""), { toneType: "none", type: "array" })
    .map((forms) => [...new Set(forms.filter((form) => /^[a-zü]+$/.test(form)).flatMap(spellings))])
    .filter((forms) => forms.length > 0);
  if (readings.length === 0) return "";
  const words = new Set<string>();
  for (const syllables of combinations(readings)) {
    words.add(syllables.join(""));
    for (const syllable of syllables) words.add(syllable);
    // Surname and given name apart, whichever their lengths (xu haitao, ouyang xiu).
    for (let i = 1; i < syllables.length; i++) {
      words.add(syllables.slice(0, i).join(""));
      words.add(syllables.slice(i).join(""));
    }
    if (syllables.length > 1) words.add(syllables.map((s) => s[0]).join(""));
  }
  return [...words].join(" ");
}

/** A reading as people type it: ü as v (with a Chinese input method) and as u (as in passports). */
function spellings(reading: string): string[] {
  return reading.includes("ü") ? [reading.replace(/ü/g, "v"), reading.replace(/ü/g, "u")] : [reading];
}

/** The readings of a whole name, the commonest (each character's first reading) first, at most MAX_READINGS. */
function combinations(readings: readonly string[][]): string[][] {
  let names: string[][] = [[]];
  for (const forms of readings) {
    names = names.flatMap((name) => forms.map((form) => [...name, form])).slice(0, MAX_READINGS);
  }
  return names;
}
