/**
 * The text `csr edit` gives an editor and reads back, and the table row it appends: pure functions,
 * no files. A document's body is its numbered sections (model/sections.ts); each section's `text` is
 * Markdown, so the whole body reads as one Markdown file with a `## 5.2 标题` heading per section.
 */
import { structuredPatch } from "diff";
import type { NumberedSection } from "../../model/sections.js";
import { codeLines, markdownTables, tableRowCells } from "../../model/markdown-tables.js";

/** A section's heading line in the whole body's Markdown: `## 5.2 产品设计和开发`. */
export function headingLine(section: Pick<NumberedSection, "number" | "title">): string {
  return `## ${section.number} ${section.title}`;
}

/** A heading of the body's Markdown: `## ` then a section number, then the title. */
const HEADING = /^## +([0-9]+(?:\.[0-9]+)*) +(.*?)\s*$/;

/**
 * The 1-based lines of `text` that read as a body heading (`## 5.2 …`) outside a code fence. A
 * section whose text has one cannot be edited with the whole body: reading it back would split it.
 */
export function headingLinesIn(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const code = codeLines(lines);
  return lines.flatMap((line, i) => (!code[i] && HEADING.test(line) ? [i + 1] : []));
}

/** A section's text as csr compares it: without the line breaks and spaces it ends with ("" for none). */
export function normalText(text: string | undefined): string {
  return (text ?? "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
}

/**
 * The whole body as Markdown: each section's heading line, a blank line, its text, a blank line;
 * nested sections in reading order after their parent, each under its own `##` heading (the number
 * says the level). Ends with one line break.
 */
export function bodyMarkdown(sections: readonly NumberedSection[]): string {
  return sections.map((s) => {
    const text = normalText(s.section.text);
    return text === "" ? `${headingLine(s)}\n` : `${headingLine(s)}\n\n${text}\n`;
  }).join("\n");
}

/** What went wrong reading the body back: `line` 1-based in the edited file; `expected` the heading the body has there. */
export type BodyProblem =
  | { kind: "before-first"; line: number }
  | { kind: "heading"; line: number; found: string; expected: string }
  | { kind: "missing"; expected: string }
  | { kind: "extra"; line: number; found: string };

/**
 * The text of each section read back from the whole body's Markdown (bodyMarkdown, edited): in the
 * order of `sections`, each normalText'd. Only texts change: the headings must be those of
 * `sections`, in order (a section is added or removed with --add-section / --remove-section, where
 * its number and the CSR links to it are looked after). Errors are returned, not thrown.
 */
export function parseBody(markdown: string, sections: readonly NumberedSection[]): { texts: string[] } | { problem: BodyProblem } {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const texts: string[][] = [];
  const code = codeLines(lines);
  let current: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!code[i] && HEADING.test(line)) {
      const expected = sections[texts.length];
      const found = line.trimEnd();
      if (!expected) return { problem: { kind: "extra", line: i + 1, found } };
      if (found !== headingLine(expected).trimEnd()) return { problem: { kind: "heading", line: i + 1, found, expected: headingLine(expected) } };
      texts.push((current = []));
      continue;
    }
    if (current) current.push(line);
    else if (line.trim() !== "") return { problem: { kind: "before-first", line: i + 1 } };
  }
  if (texts.length < sections.length) return { problem: { kind: "missing", expected: headingLine(sections[texts.length]!) } };
  return { texts: texts.map((t) => normalText(t.join("\n")).replace(/^(?:[ \t]*\n)+/, "")) };
}

/** One line of a short diff: kept for context, removed or added. */
export interface DiffLine {
  op: " " | "-" | "+";
  line: string;
}

/**
 * The lines that changed between two texts of a section, with `context` unchanged lines around each
 * change; hunks apart are separated by an `undefined` (printed as …).
 */
export function shortDiff(before: string, after: string, context = 1): (DiffLine | undefined)[] {
  const patch = structuredPatch("", "", before === "" ? "" : `${before}\n`, after === "" ? "" : `${after}\n`, "", "", { context });
  const out: (DiffLine | undefined)[] = [];
  patch.hunks.forEach((hunk, i) => {
    if (i > 0) out.push(undefined);
    for (const line of hunk.lines) {
      if (line.startsWith("\\")) continue;
      out.push({ op: line[0] as DiffLine["op"], line: line.slice(1) });
    }
  });
  return out;
}

/** Where a row goes in a section's Markdown table, or why it cannot. */
export type RowPlacement =
  | { text: string }
  | { problem: "no-table" }
  | { problem: "several-tables"; count: number }
  | { problem: "cells"; cells: number; header: number };

/**
 * `text` with `row` appended to its Markdown table, after the table's last row. The row is given as
 * the user types it, with or without its outer pipes (`| OP40 | 检验 |`, `OP40 | 检验`), and must have
 * as many cells as the table's header, counted as doc/table-malformed counts them (unescaped pipes).
 * A text with no table, or several (which one is meant is unclear), has no place for it.
 */
export function appendTableRow(text: string, row: string): RowPlacement {
  const lines = normalText(text).split("\n");
  const tables = markdownTables(lines);
  if (tables.length === 0) return { problem: "no-table" };
  if (tables.length > 1) return { problem: "several-tables", count: tables.length };
  const { header, last } = tables[0]!;
  const trimmed = row.trim();
  const written = `${trimmed.startsWith("|") ? "" : "| "}${trimmed}${/(?<!\\)\|$/.test(trimmed) ? "" : " |"}`;
  const cells = tableRowCells(written);
  const want = tableRowCells(lines[header]!);
  if (cells !== want) return { problem: "cells", cells, header: want };
  return { text: [...lines.slice(0, last + 1), written, ...lines.slice(last + 1)].join("\n") };
}
