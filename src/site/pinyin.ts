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
 *
 * `npm run build` writes what `polyphonic` gives for every Chinese character to
 * dist/precompiled/pinyin.json (readingsTable), which the site reads instead of loading
 * pinyin-pro: loading the library cost each site build 50 to 100 ms of CPU, reading the table
 * about 5 ms. The table is used only when it was made from the pinyin-pro installed; otherwise (no
 * build, another version) the library is asked as before.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PRECOMPILED_DIR } from "../load/package.js";

type PinyinPro = typeof import("pinyin-pro");

const HAN = /\p{sc=Han}/u;
/** At most this many readings of a whole name are indexed (a name of four characters with four readings each has 256). */
const MAX_READINGS = 8;

let library: PinyinPro | undefined;

/** pinyin-pro itself, required from node_modules (CommonJS: one file for Node to read, where the ES module build is some thirty). */
function pinyinPro(): PinyinPro {
  return (library ??= createRequire(import.meta.url)("pinyin-pro") as PinyinPro);
}

/** `polyphonic`'s options: every reading, without tones, one array a character. */
const POLYPHONIC = { toneType: "none", type: "array" } as const;

/** The table the build made (PRECOMPILED_PINYIN), as written: the installed pinyin-pro's version and each character's readings. */
interface ReadingsTable {
  version: string;
  /** Characters by their readings: the readings space-separated as the key, the characters that have exactly them as the value. */
  readings: Record<string, string>;
}

const PRECOMPILED_PINYIN = join(PRECOMPILED_DIR, "pinyin.json");

/** Every Chinese character's readings as `polyphonic` gives them (the build writes this to PRECOMPILED_PINYIN). */
export function readingsTable(): ReadingsTable {
  const characters: string[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCodePoint(code);
    if (HAN.test(character)) characters.push(character);
  }
  const readings: Record<string, string> = {};
  pinyinPro()
    .polyphonic(characters.join(""), POLYPHONIC)
    .forEach((forms, i) => {
      const character = characters[i]!;
      // A character pinyin-pro does not know comes back as itself: the table leaves it out, as namePinyin does.
      if (forms.length === 1 && forms[0] === character) return;
      const key = forms.join(" ");
      readings[key] = (readings[key] ?? "") + character;
    });
  return { version: installedVersion(), readings };
}

function installedVersion(): string {
  const main = createRequire(import.meta.url).resolve("pinyin-pro");
  return (JSON.parse(readFileSync(join(dirname(main), "..", "package.json"), "utf8")) as { version: string }).version;
}

/**
 * The build's table as read for looking characters up, or null when there is none made from the
 * installed pinyin-pro: every group's characters in one string (`characters`), where group `i` ends
 * before `ends[i]` and has the readings `forms[i]`. A name's few characters are looked up in it
 * (indexOf) rather than all 21,000 put in a Map, which cost 30 ms.
 */
let table: { characters: string; ends: number[]; forms: string[] } | null | undefined;
const known = new Map<string, string[]>();

export function precompiledReadings(): typeof table {
  if (table !== undefined) return table;
  table = null;
  try {
    const made = JSON.parse(readFileSync(PRECOMPILED_PINYIN, "utf8")) as ReadingsTable;
    if (made.version !== installedVersion()) return table;
    const ends: number[] = [];
    let end = 0;
    for (const characters of Object.values(made.readings)) ends.push((end += characters.length));
    table = { characters: Object.values(made.readings).join(""), ends, forms: Object.keys(made.readings) };
  } catch {
    // No build (tests run the sources): pinyin-pro is asked.
  }
  return table;
}

/** A character's readings in the build's table; undefined for one it does not have. */
function tableReadings(made: NonNullable<typeof table>, character: string): string[] | undefined {
  let forms = known.get(character);
  if (forms) return forms;
  // A surrogate pair is found whole: a Chinese character of the BMP is no surrogate, so it never matches half of one.
  const at = made.characters.indexOf(character);
  if (at < 0) return undefined;
  let low = 0;
  let high = made.ends.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (made.ends[middle]! > at) high = middle;
    else low = middle + 1;
  }
  forms = made.forms[low]!.split(" ");
  known.set(character, forms);
  return forms;
}

/** Every reading of each character, as pinyin-pro's `polyphonic` gives them (a character it does not know: itself). */
export function characterReadings(chars: readonly string[]): string[][] {
  const precompiled = precompiledReadings();
  if (precompiled) return chars.map((c) => tableReadings(precompiled, c) ?? [c]);
  return pinyinPro().polyphonic(chars.join(""), POLYPHONIC);
}

/**
 * The words a name is searched by in pinyin, space-separated ("xuhaitao xu hai tao haitao xuhai
 * xht xuht xuhait"); "" for a name without Chinese characters.
 */
export function namePinyin(name: string): string {
  const chars = Array.from(name).filter((c) => HAN.test(c));
  if (chars.length === 0) return "";
  const readings = characterReadings(chars)
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
    // The surname whole and the given name by its initials, as company e-mail addresses and logins
    // are often made (zhaolf for 赵磊芳, ouyangx for 欧阳修): typed so, the person is found by it,
    // not a fuzzy neighbour (zhaoln, 赵丽娜) alone (tester48 #9).
    for (let i = 1; i < syllables.length; i++) words.add(syllables.slice(0, i).join("") + syllables.slice(i).map((s) => s[0]).join(""));
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
