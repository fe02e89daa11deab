/**
 * The Chinese font of a PDF run, cut down to the characters the run prints and handed to Chromium as
 * a web font (an @font-face with the font's bytes in a data: URL).
 *
 * Used with the full browser only (render/pdf.ts): Chromium's headless shell prints system fonts
 * without the copies below, and a web font only adds work there.
 *
 * Why: Chromium copies the whole file of every font a page uses each time it prints the page (to its
 * print compositor, then into the PDF's font subset). A CJK font file is large (WenQuanYi Zen Hei
 * 17 MB, Noto Serif CJK 25 MB and more), so printing a short procedure cost mostly page faults: 47
 * documents of examples/acme-auto made 1.23 million of them with the system font against 0.16
 * million for the same pages in ASCII. Given the same glyphs as a font of a few hundred KB, the run
 * spends about a quarter less CPU (11.6 s → 8.5 s, every Chromium process counted), and prints the same glyphs: the
 * PDF embeds the same font (its name table is kept) with the same outlines.
 *
 * Which font: the one Chromium would use for the page's text, found through fontconfig as Chromium
 * finds it (Linux):
 * - the first family of the page's font-family list that is installed: the web font takes its name
 *   and covers every character of the run (it stands in for that family);
 * - otherwise, for a Chinese page, the font fontconfig gives for the list's generic family with
 *   language zh-cn (Chromium's fallback for Han characters): the web font takes the first family's
 *   name, but only for the CJK blocks (unicode-range), so that Latin text falls through to the rest
 *   of the list as before.
 * Anything that does not work out (no fontconfig, no such font, a font harfbuzz cannot read) leaves
 * the page as it was: the PDF is then printed with the system's font, only more slowly.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A face of a font file: fontconfig's file and index (the face within a .ttc collection). */
interface Face {
  file: string;
  index: number;
}

/** The CJK blocks a fallback web font is used for (CSS unicode-range): radicals to Hangul-free compatibility forms, full-width forms, the supplementary ideographs. */
const CJK_RANGES: readonly [number, number][] = [
  [0x2e80, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x3ffff],
];
/** CSS's generic font families, which a font-family list names without quotes. */
export const GENERIC_FAMILIES: ReadonlySet<string> = new Set(["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"]);
/** fontconfig's weights: FC_WEIGHT_REGULAR and FC_WEIGHT_BOLD. */
const REGULAR = 80;
const BOLD = 200;

/**
 * The first font-family list of a page's style sheet (the html or body rule of csr's templates),
 * as family names without quotes, e.g. ["Noto Serif CJK SC", "Source Han Serif SC", "serif"].
 * Empty when the page names none.
 */
export function pageFontFamilies(html: string): string[] {
  const declared = /font-family\s*:\s*([^;}]+)/i.exec(html)?.[1] ?? "";
  return declared
    .split(",")
    .map((name) => name.trim().replace(/^["']|["']$/g, ""))
    .filter(Boolean);
}

/**
 * The @font-face rules (CSS text) that give Chromium the run's CJK font as a subset holding only
 * the characters of `texts` (the run's pages); "" when there is nothing to do or it cannot be done (see the module's
 * comment). `families`: the page's font-family list (pageFontFamilies); `lang`: the page's language
 * (the fallback font is only looked for on a Chinese page, as Chromium's depends on the language).
 * Costs about 60 to 100 ms (harfbuzz's WebAssembly and one font file read).
 */
export async function cjkFontFaces(texts: Iterable<string>, families: readonly string[], lang: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const chosen = installedFamily(families, env);
    if (chosen) {
      const characters = distinct(texts, () => true);
      const faces = [`@font-face{font-family:${cssString(chosen.family)};font-weight:normal;src:url(data:font/sfnt;base64,${(await subset(chosen.regular, characters)).toString("base64")});}`];
      if (chosen.bold) faces.push(`@font-face{font-family:${cssString(chosen.family)};font-weight:bold;src:url(data:font/sfnt;base64,${(await subset(chosen.bold, characters)).toString("base64")});}`);
      return faces.join("");
    }
    const first = families.find((name) => !GENERIC_FAMILIES.has(name.toLowerCase()));
    if (!first || !/^zh\b/i.test(lang)) return "";
    const characters = distinct(texts, inCjkBlock);
    if (characters === "") return "";
    const generic = families.find((name) => GENERIC_FAMILIES.has(name.toLowerCase())) ?? "serif";
    const fallback = fcFaces(["fc-match", "-f", "%{family}\\t%{file}\\t%{index}\\t%{weight}\\t%{slant}\\n", `${generic}:lang=zh-cn`], env)[0];
    if (!fallback) return "";
    const ranges = CJK_RANGES.map(([from, to]) => `U+${from.toString(16).toUpperCase()}-${to.toString(16).toUpperCase()}`).join(",");
    return `@font-face{font-family:${cssString(first)};font-weight:normal;unicode-range:${ranges};src:url(data:font/sfnt;base64,${(await subset(fallback, characters)).toString("base64")});}`;
  } catch {
    return "";
  }
}

/**
 * The first named family of the list that fontconfig has (one `fc-list` of every font, matched by
 * any of a font's family names, case-insensitively as fontconfig does), with its regular face and
 * its bold face when it has a separate one.
 */
function installedFamily(families: readonly string[], env: NodeJS.ProcessEnv): { family: string; regular: Face; bold?: Face } | undefined {
  const wanted = families.filter((family) => !GENERIC_FAMILIES.has(family.toLowerCase()));
  if (wanted.length === 0) return undefined;
  const fonts = fcFaces(["fc-list", ":", "--format", "%{family}\\t%{file}\\t%{index}\\t%{weight}\\t%{slant}\\n"], env);
  for (const family of wanted) {
    // Upright faces only (fontconfig slant 0): the italic ones have the same weights.
    const all = fonts.filter((font) => font.families.includes(family.toLowerCase()) && font.slant === 0);
    if (all.length === 0) continue;
    const nearest = (weight: number) => [...all].sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight))[0]!;
    const regular = nearest(REGULAR);
    const bold = nearest(BOLD);
    return { family, regular, ...(bold.weight >= BOLD && (bold.file !== regular.file || bold.index !== regular.index) ? { bold } : {}) };
  }
  return undefined;
}

/**
 * Faces printed by an fc-list/fc-match command as "families\tfile\tindex\tweight\tslant" lines (families:
 * fontconfig's comma-separated names, kept lower-cased); none when fontconfig is missing or fails.
 */
function fcFaces([command, ...args]: string[], env: NodeJS.ProcessEnv): (Face & { weight: number; slant: number; families: string[] })[] {
  const result = spawnSync(command!, args, { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) return [];
  return result.stdout
    .split("\n")
    .map((line) => line.split("\t"))
    .filter((parts) => parts.length === 5 && parts[1] !== "")
    .map(([families, file, index, weight, slant]) => ({
      families: families!.split(",").map((name) => name.trim().toLowerCase()),
      file: file!,
      index: Number(index) || 0,
      weight: Number(weight) || REGULAR,
      slant: Number(slant) || 0,
    }));
}

const inCjkBlock = (code: number) => CJK_RANGES.some(([from, to]) => code >= from && code <= to);

function distinct(texts: Iterable<string>, keep: (code: number) => boolean): string {
  const seen = new Set<number>();
  for (const text of texts) {
    for (const character of text) {
      const code = character.codePointAt(0)!;
      if (keep(code)) seen.add(code);
    }
  }
  return String.fromCodePoint(...seen);
}

/**
 * A CSS string literal of any text, safe inside an HTML style element: every character outside
 * printable ASCII, and quotes, backslashes and angle brackets, as a CSS hex escape ("第" → "\\7b2c ").
 */
export function cssString(value: string): string {
  return `"${[...value].map((c) => (/[\x20-\x7e]/.test(c) && !/["\\<>]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join("")}"`;
}

type Harfbuzz = Record<string, (...args: number[]) => number> & { memory: WebAssembly.Memory };
let harfbuzz: Promise<Harfbuzz> | undefined;

/** harfbuzz's subsetter (hb-subset) as WebAssembly, from the harfbuzzjs package: loaded once per process. */
function loadHarfbuzz(): Promise<Harfbuzz> {
  harfbuzz ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    const { instance } = await WebAssembly.instantiate(wasm);
    const exports = instance.exports as unknown as Harfbuzz;
    exports._initialize?.();
    return exports;
  })();
  return harfbuzz;
}

/** HB_MEMORY_MODE_WRITABLE: harfbuzz may use the bytes in place. */
const HB_MEMORY_MODE_WRITABLE = 2;

/**
 * The face cut to `characters` with harfbuzz (hb_subset: glyphs, layout closure and the name table
 * kept as hb-subset keeps them by default), as the bytes of a font file (TrueType or CFF, as the face is).
 * Errors: Error when harfbuzz cannot subset the face.
 */
async function subset(face: Face, characters: string): Promise<Buffer> {
  const hb = await loadHarfbuzz();
  const font = readFileSync(face.file);
  const input = hb.hb_subset_input_create_or_fail!();
  const bytes = hb.malloc!(font.byteLength);
  let source = 0;
  let cut = 0;
  try {
    new Uint8Array(hb.memory.buffer).set(font, bytes);
    const blob = hb.hb_blob_create!(bytes, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    source = hb.hb_face_create!(blob, face.index);
    hb.hb_blob_destroy!(blob);
    const unicodes = hb.hb_subset_input_unicode_set!(input);
    for (const character of characters) hb.hb_set_add!(unicodes, character.codePointAt(0)!);
    cut = hb.hb_subset_or_fail!(source, input);
    if (cut === 0) throw new Error(`harfbuzz could not subset ${face.file} (face ${face.index})`);
    const result = hb.hb_face_reference_blob!(cut);
    try {
      const length = hb.hb_blob_get_length!(result);
      if (length === 0) throw new Error(`harfbuzz gave an empty subset of ${face.file} (face ${face.index})`);
      return Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data!(result, 0), length));
    } finally {
      hb.hb_blob_destroy!(result);
    }
  } finally {
    if (cut !== 0) hb.hb_face_destroy!(cut);
    if (source !== 0) hb.hb_face_destroy!(source);
    hb.hb_subset_input_destroy!(input);
    hb.free!(bytes);
  }
}
