/**
 * The Chinese font of a PDF run, cut down to the characters the run prints and handed to Chromium
 * once per run as a web font (render/pdf.ts adds it to the page with the FontFace API; the pages,
 * each set as the same page's content, keep it).
 *
 * Why: Chromium copies the whole file of every system font a page uses each time it prints the page,
 * and cuts the font's subset for the PDF from that file. A CJK font file is large (WenQuanYi Zen Hei
 * 17 MB in 45,000 glyphs, Noto Serif CJK 25 MB and more): the full browser copies it to its print
 * compositor, and both the browser and the headless shell subset it (harfbuzz, with its layout
 * closure) once per printed document. Bold Chinese text in a font without a bold face (WenQuanYi Zen
 * Hei) is printed as Type 3 glyph outlines, one Type 3 font for each 255 glyph ids that a page's
 * bold glyphs fall into: 43 of them in a two-page procedure of acme-auto with the system's font,
 * 3 with the cut one, whose few hundred glyphs are numbered from 1. Given the same glyphs as a font
 * of about 170 KB, Chromium prints the 47 documents of acme-auto in about a fifth less CPU, with the
 * same outlines (the PDF embeds the same font, its name table kept): pdftotext, pdfinfo's pages and
 * pdftoppm's pixels alike.
 *
 * Which font: the one Chromium would use for the page's text, found through fontconfig as Chromium
 * finds it (Linux):
 * - the first family of the page's font-family list that is installed: the web font takes its name
 *   and covers every character of the run (it stands in for that family);
 * - otherwise, for a Chinese page, the font fontconfig gives for the list's generic family with
 *   language zh-cn (Chromium's fallback for Han characters): the web font takes the first family's
 *   name, but only for the CJK blocks and the circled numbers of Chinese lists (CJK_RANGES, as its
 *   unicode-range), so that Latin text falls through to the rest of the list as before.
 * Anything that does not work out (no fontconfig, no such font, a font harfbuzz cannot read) leaves
 * the page as it was: the PDF is then printed with the system's font, only more slowly.
 */
import { spawnSync } from "node:child_process";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";

/** A face of a font file: fontconfig's file and index (the face within a .ttc collection). */
interface Face {
  file: string;
  index: number;
}

/**
 * The blocks a fallback web font is used for (CSS unicode-range): the enclosed alphanumerics of
 * Chinese numbered lists (①, ⑴, ⒈), the CJK radicals to the compatibility forms, full-width forms
 * and the supplementary ideographs. ① is in the range because Chromium's headless shell printed
 * it blank when it followed, in the same line, a character no installed font has (𠮷 of CJK
 * Extension B without an Extension B font) while it was left to the system's fallback.
 */
const CJK_RANGES: readonly [number, number][] = [
  [0x2460, 0x24ff],
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

/** A web font for Chromium: what an @font-face rule (or the FontFace API) says of it, and its bytes. */
export interface WebFont {
  family: string;
  weight: "normal" | "bold";
  /** CSS unicode-range, for a fallback font that stands in for the CJK blocks only. */
  unicodeRange?: string;
  /** The font file (TrueType or CFF, as the face it was cut from). */
  data: Buffer;
}

/**
 * The web fonts that give Chromium the run's CJK font as a subset holding only the characters of
 * `texts` (the run's pages); none when there is nothing to do or it cannot be done (see the
 * module's comment). `families`: the page's font-family list (pageFontFamilies); `lang`: the page's
 * language (the fallback font is only looked for on a Chinese page, as Chromium's depends on the
 * language). Costs about 0.2 to 0.3 s of CPU for a 17 MB font (harfbuzz's WebAssembly, the font file
 * read, the subset's layout closure).
 */
export async function cjkFonts(texts: Iterable<string>, families: readonly string[], lang: string, env: NodeJS.ProcessEnv = process.env): Promise<WebFont[]> {
  try {
    const chosen = installedFamily(families, env);
    if (chosen) {
      const characters = distinct(texts, () => true);
      const fonts: WebFont[] = [{ family: chosen.family, weight: "normal", data: await subset(chosen.regular, characters) }];
      if (chosen.bold) fonts.push({ family: chosen.family, weight: "bold", data: await subset(chosen.bold, characters) });
      return fonts;
    }
    const first = families.find((name) => !GENERIC_FAMILIES.has(name.toLowerCase()));
    if (!first || !/^zh\b/i.test(lang)) return [];
    const characters = distinct(texts, inCjkBlock);
    if (characters.length === 0) return [];
    const generic = families.find((name) => GENERIC_FAMILIES.has(name.toLowerCase())) ?? "serif";
    const fallback = fcFaces(["fc-match", "-f", "%{family}\\t%{file}\\t%{index}\\t%{weight}\\t%{slant}\\n", `${generic}:lang=zh-cn`], env)[0];
    if (!fallback) return [];
    const unicodeRange = CJK_RANGES.map(([from, to]) => `U+${from.toString(16).toUpperCase()}-${to.toString(16).toUpperCase()}`).join(",");
    return [{ family: first, weight: "normal", unicodeRange, data: await subset(fallback, characters) }];
  } catch {
    return [];
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

const inCjkBlock = (code: number) => code >= 0x2460 && CJK_RANGES.some(([from, to]) => code >= from && code <= to);

/** The distinct code points of the texts that `keep` keeps, in the order first met. */
function distinct(texts: Iterable<string>, keep: (code: number) => boolean): number[] {
  const seen = new Set<number>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (!seen.has(code) && keep(code)) seen.add(code);
    }
  }
  return [...seen];
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

/**
 * harfbuzz's subsetter (hb-subset) as WebAssembly, from the harfbuzzjs package: loaded once per
 * process, and run as V8's baseline compiler (Liftoff) makes it. A run cuts one or two fonts, and
 * V8's optimising compiler took about 0.6 s of CPU (on threads beside the run) to tier the 680 KB
 * module up, about twice what the cuts themselves cost (47 documents of acme-auto: csr's CPU 2.2 s
 * → 1.5 s). The flag is V8's for the whole process; csr loads no other WebAssembly.
 */
function loadHarfbuzz(): Promise<Harfbuzz> {
  harfbuzz ??= (async () => {
    setFlagsFromString("--liftoff-only");
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
 * The face cut to `characters` (code points) with harfbuzz (hb_subset: glyphs, layout closure and the
 * name table kept as hb-subset keeps them by default), as the bytes of a font file (TrueType or CFF,
 * as the face is). The font file is read straight into harfbuzz's memory: a CJK font is 17 to 30 MB,
 * and a copy of it in a Buffer first cost about 0.1 s of CPU more.
 * Errors: Error when the file cannot be read or harfbuzz cannot subset the face.
 */
async function subset(face: Face, characters: readonly number[]): Promise<Buffer> {
  const hb = await loadHarfbuzz();
  const input = hb.hb_subset_input_create_or_fail!();
  let bytes = 0;
  let source = 0;
  let cut = 0;
  try {
    const fd = openSync(face.file, "r");
    try {
      const size = fstatSync(fd).size;
      bytes = hb.malloc!(size);
      if (bytes === 0) throw new Error(`harfbuzz has no memory for ${face.file}`);
      for (let read = 0; read < size; ) {
        // The view is made again after each read: harfbuzz's memory is not grown meanwhile, but a view is cheap.
        const got = readSync(fd, new Uint8Array(hb.memory.buffer, bytes + read, size - read));
        if (got === 0) throw new Error(`${face.file} ended early`);
        read += got;
      }
      const blob = hb.hb_blob_create!(bytes, size, HB_MEMORY_MODE_WRITABLE, 0, 0);
      source = hb.hb_face_create!(blob, face.index);
      hb.hb_blob_destroy!(blob);
    } finally {
      closeSync(fd);
    }
    const unicodes = hb.hb_subset_input_unicode_set!(input);
    for (const code of characters) hb.hb_set_add!(unicodes, code);
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
    if (bytes !== 0) hb.free!(bytes);
  }
}
