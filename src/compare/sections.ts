/**
 * A customer manual's text cut into sections by its headings. Customer CSR documents number
 * their sections ("4.2 特殊特性符号", "第三章 质量目标"), or are Markdown with `#` headings;
 * whatever comes before the first heading is a section without a number (a preamble).
 *
 * A line is a heading when it starts with a section number (1, 4.2, 5.3.1, optionally followed by
 * "." or "、"), an appendix's section number (A.1, B.2.3), an appendix mark (附录A, 附录 B, 附件1,
 * Annex A, Appendix C), a Chinese chapter or article mark (第三章, 第12条) or Markdown `#` marks, and
 * the title after it is short and is not a sentence (does not end in 。；; or ：) — so numbered list
 * items inside a section's text are not taken for headings. OEM manuals put many requirements in
 * appendices (tester64 N2): "A.1" lies under "附录A" as "4.2" lies under "4".
 */

export interface ManualSection {
  /** "4.2", "A.1", "第三章", "附录A", "Annex B", or null for the preamble and for unnumbered Markdown headings. */
  number: string | null;
  /** The heading's title, without the number ("" for the preamble). */
  title: string;
  /** The section's own text, without its sub-sections, lines joined with "\n". */
  text: string;
  /** 1-based line of the heading in the extracted text (1 for the preamble). */
  line: number;
}

const MAX_TITLE = 40;
// The parts of a section number, each written once: 4.2; A.1 (an appendix's section); 第三章; an appendix's
// words (附录A, 附录 B, 附件1 run on or spaced; Annex A, Appendix C spaced) and its letter or number.
const DECIMAL = String.raw`\d{1,3}(?:\.\d{1,3})*`;
const LETTERED = String.raw`[A-Z](?:\.\d{1,3})+`;
const CHAPTER_MARK = String.raw`第[一二三四五六七八九十百零〇\d]+[章节条部分]+`;
const APPENDIX_WORDS_ZH = ["附录", "附件"];
const APPENDIX_WORDS_EN = ["Annex", "ANNEX", "Appendix", "APPENDIX"];
const APPENDIX_ID = String.raw`[A-Z]|\d{1,2}`;
const APPENDIX_ZH = String.raw`(?:${APPENDIX_WORDS_ZH.join("|")})\s*(?:${APPENDIX_ID})`;
const APPENDIX_EN = String.raw`(?:${APPENDIX_WORDS_EN.join("|")})\s+(?:${APPENDIX_ID})`;
/** Not run on into a word: "附录A" of a citation, not of "附录Abc". */
const WORD_END = String.raw`(?![A-Za-z\d])`;
/** A section number as a customer document writes it: 4.2, A.1 (an appendix's), 第三章, 附录A, Annex B. */
const SECTION_NUMBER = `${DECIMAL}|${LETTERED}|${CHAPTER_MARK}|${APPENDIX_ZH}${WORD_END}|${APPENDIX_EN}${WORD_END}`;
const NUMBERED = new RegExp(String.raw`^(${DECIMAL}|${LETTERED})(?:[.、．]|\s)\s*(\S.*)$`);
const CHAPTER = new RegExp(String.raw`^(${CHAPTER_MARK})\s*(\S.*)?$`);
/** 附录A, 附录 B（规范性附录）, 附件1, Annex A, Appendix C: an appendix's own heading, with or without a title. */
const APPENDIX = new RegExp(String.raw`^(${APPENDIX_ZH}|${APPENDIX_EN})(?:[.、．:：]\s*|\s+|(?=[（(])|$)(\S.*)?$`);
/** An appendix's number written one way (sectionNumber: 附录A, Annex A), its letter or number captured. */
const APPENDIX_NUMBER = new RegExp(`^(?:${[...APPENDIX_WORDS_ZH, ...APPENDIX_WORDS_EN.map((w) => `${w} `)].join("|")})(${APPENDIX_ID})$`);
const MARKDOWN = /^#{1,6}\s+(.+?)\s*#*$/;

/** The number and title of a heading line, or undefined for a line of text. */
export function parseHeading(line: string): { number: string | null; title: string } | undefined {
  const trimmed = line.trim();
  const md = MARKDOWN.exec(trimmed);
  if (md) {
    const inner = parseHeading(md[1]!);
    return inner ?? { number: null, title: md[1]!.trim() };
  }
  const numbered = NUMBERED.exec(trimmed) ?? CHAPTER.exec(trimmed) ?? APPENDIX.exec(trimmed);
  if (!numbered) return undefined;
  const title = (numbered[2] ?? "").trim();
  if (title.length > MAX_TITLE || /[。；;：:，,]$/.test(title)) return undefined;
  // A bare number line (a page number in extracted PDF text) is not a heading.
  if (title === "" && /^[\d.]+$/.test(numbered[1]!)) return undefined;
  return { number: sectionNumber(numbered[1]!), title };
}

/** A section number written one way: "附录 A" as "附录A", "Annex  B" as "Annex B". */
function sectionNumber(number: string): string {
  return number.replace(/^(附录|附件)\s+/, "$1").replace(/\s+/g, " ");
}

/** The letter or number an appendix heading names ("A" of 附录A or Annex A), else undefined. */
function appendixOf(number: string): string | undefined {
  return APPENDIX_NUMBER.exec(number)?.[1];
}

export function splitSections(text: string): ManualSection[] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\f/g, "\n").split("\n");
  const sections: ManualSection[] = [];
  let current: ManualSection = { number: null, title: "", text: "", line: 1 };
  const body: string[] = [];
  const close = () => {
    current.text = body.join("\n").trim();
    // A heading that is only a number (附录A, 第三章) is a section: what lies under it is its text.
    if (current.text !== "" || current.title !== "" || current.number !== null) sections.push(current);
    body.length = 0;
  };
  lines.forEach((line, i) => {
    const heading = parseHeading(line);
    if (heading) {
      close();
      current = { ...heading, text: "", line: i + 1 };
    } else {
      body.push(line.trim());
    }
  });
  close();
  return sections;
}

/** Text as compared: whitespace (line breaks a PDF puts anywhere, indentation) does not count. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, "");
}

/** True when `number` lies under `parent` (4.2.1 under 4.2 and under 4; A.1 under 附录A and under Annex A). */
export function isUnder(number: string | null, parent: string | null): boolean {
  if (number === null || parent === null) return false;
  return number.startsWith(`${appendixOf(parent) ?? parent}.`);
}

/** A section's text with the text of every section under it, as a CSR that cites "4" covers 4.1 and 4.2. */
export function fullText(sections: readonly ManualSection[], index: number): string {
  const section = sections[index]!;
  const parts = [section.text];
  for (let i = index + 1; i < sections.length && isUnder(sections[i]!.number, section.number); i++) {
    parts.push(`${sections[i]!.number} ${sections[i]!.title}`, sections[i]!.text);
  }
  return parts.filter((p) => p !== "").join("\n");
}

const CITATION = new RegExp(String.raw`^\s*(${SECTION_NUMBER})?[.、．:：]?\s*(.*)$`);

/**
 * A citation cut into its section number (written one way, sectionNumber), the number as the
 * citation writes it (`written`, with what precedes it) and the rest: "3.10 年度全尺寸检验" →
 * { number: "3.10", written: "3.10", rest: "年度全尺寸检验" }; a citation by title has no number.
 */
export function splitCitation(cited: string): { number?: string; written?: string; rest: string } {
  const match = CITATION.exec(cited)!;
  if (match[1] === undefined) return { rest: match[2] ?? "" };
  return { number: sectionNumber(match[1]), written: cited.slice(0, cited.indexOf(match[1]) + match[1].length), rest: match[2] ?? "" };
}

/** 一 … 九十九 as a number (第三章, 第十二条), or a number written in digits; NaN for anything else. */
function chapterNumber(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let total = 0;
  let current = 0;
  for (const c of written) {
    if (c in digits) current = digits[c]!;
    else if (c === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else if (c === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}

/**
 * Where a cited section (a CSR's source.section) stands in its document, as a sort key: numbered
 * sections first in natural order (3.2 before 3.10 before 3.11; 第三章 as 3), then appendix
 * sections by letter (附录A, A.1, A.2, Annex B …), then 附件 1, 2 …; a citation by title alone, or
 * none, last. Compared with compareSectionKeys.
 */
export function sectionSortKey(cited: string | undefined): number[] {
  const { number } = splitCitation(cited ?? "");
  if (number === undefined) return [3];
  const chapter = /^第(.+?)[章节条部分]+$/.exec(number);
  if (chapter) {
    const n = chapterNumber(chapter[1]!);
    return Number.isNaN(n) ? [3] : [0, n];
  }
  if (/^\d/.test(number)) return [0, ...number.split(".").map(Number)];
  const attachment = /^附件(\d+)$/.exec(number);
  if (attachment) return [2, Number(attachment[1])];
  const letter = /^(?:附录|Annex |ANNEX |Appendix |APPENDIX )?([A-Z])(?:\.(.*))?$/.exec(number);
  if (letter) return [1, letter[1]!.charCodeAt(0), ...(letter[2] ? letter[2].split(".").map(Number) : [])];
  // 附录1, Annex 2: appendices numbered, not lettered.
  const numbered = /(\d+)$/.exec(number);
  return numbered ? [1, 1000 + Number(numbered[1])] : [3];
}

/** Orders two sectionSortKey keys: element by element, a section before the ones under it (3 before 3.1). */
export function compareSectionKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
