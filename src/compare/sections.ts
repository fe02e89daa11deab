/**
 * A customer manual's text cut into sections by its headings. Customer CSR documents number
 * their sections ("4.2 特殊特性符号", "第三章 质量目标"), or are Markdown with `#` headings;
 * whatever comes before the first heading is a section without a number (a preamble).
 *
 * A line is a heading when it starts with a section number (1, 4.2, 5.3.1, optionally followed by
 * "." or "、"), a Chinese chapter or article mark (第三章, 第12条) or Markdown `#` marks, and the
 * title after it is short and is not a sentence (does not end in 。；; or ：) — so numbered list
 * items inside a section's text are not taken for headings.
 */

export interface ManualSection {
  /** "4.2", "第三章", or null for the preamble and for unnumbered Markdown headings. */
  number: string | null;
  /** The heading's title, without the number ("" for the preamble). */
  title: string;
  /** The section's own text, without its sub-sections, lines joined with "\n". */
  text: string;
  /** 1-based line of the heading in the extracted text (1 for the preamble). */
  line: number;
}

const MAX_TITLE = 40;
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})*)(?:[.、．]|\s)\s*(\S.*)$/;
const CHAPTER = /^(第[一二三四五六七八九十百零〇\d]+[章节条部分]+)\s*(\S.*)?$/;
const MARKDOWN = /^#{1,6}\s+(.+?)\s*#*$/;

/** The number and title of a heading line, or undefined for a line of text. */
export function parseHeading(line: string): { number: string | null; title: string } | undefined {
  const trimmed = line.trim();
  const md = MARKDOWN.exec(trimmed);
  if (md) {
    const inner = parseHeading(md[1]!);
    return inner ?? { number: null, title: md[1]!.trim() };
  }
  const numbered = NUMBERED.exec(trimmed) ?? CHAPTER.exec(trimmed);
  if (!numbered) return undefined;
  const title = (numbered[2] ?? "").trim();
  if (title.length > MAX_TITLE || /[。；;：:，,]$/.test(title)) return undefined;
  // A bare number line (a page number in extracted PDF text) is not a heading.
  if (title === "" && !numbered[1]!.startsWith("第")) return undefined;
  return { number: numbered[1]!, title };
}

export function splitSections(text: string): ManualSection[] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\f/g, "\n").split("\n");
  const sections: ManualSection[] = [];
  let current: ManualSection = { number: null, title: "", text: "", line: 1 };
  const body: string[] = [];
  const close = () => {
    current.text = body.join("\n").trim();
    if (current.text !== "" || current.title !== "") sections.push(current);
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

/** True when `number` lies under `parent` (4.2.1 under 4.2 and under 4). */
export function isUnder(number: string | null, parent: string | null): boolean {
  return number !== null && parent !== null && number.startsWith(`${parent}.`);
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
