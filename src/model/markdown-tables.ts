/**
 * The Markdown tables of a section's text, read one way by every reader (doc/table-malformed, the characteristic
 * rows of a PFMEA or control plan, csr edit --append-row): a header row containing `|`, a delimiter row under it
 * (DELIMITER), and the body rows that follow while a line has a `|` and is not blank, as markdown-it reads a table.
 * Lines in a ``` or ~~~ fence are code, not tables.
 */

/** A delimiter row: cells of dashes with optional alignment colons, at least one pipe. */
export const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a table row as written: split on unescaped pipes, without the leading and trailing pipe, trimmed, `\|` read as `|`. */
export function tableCells(line: string): string[] {
  return placedTableCells(line).map((cell) => cell.text);
}

/** A cell of a table row: its text as tableCells gives it, and where that text starts in the row as written (0-based). */
export interface PlacedCell {
  text: string;
  at: number;
}

/**
 * The cells of a table row (`line`, as written) with where each starts in it, so that a finding points at the cell, not
 * the row (doc/fmea-rating-invalid): split on unescaped pipes, the leading and trailing pipe left out, trimmed, `\|` read as
 * `|`; an empty cell placed just after its opening pipe.
 */
export function placedTableCells(line: string): PlacedCell[] {
  const cells: PlacedCell[] = [];
  const start = line.search(/\S/);
  let from = line[start] === "|" ? start + 1 : Math.max(start, 0);
  const end = line.trimEnd().length - (/(?<!\\)\|\s*$/.test(line) && line.trimEnd().length - 1 > start ? 1 : 0);
  for (let i = from; i <= end; i++) {
    if (i === end || (line[i] === "|" && line[i - 1] !== "\\")) {
      const raw = line.slice(from, i);
      const lead = raw.trim() === "" ? Math.min(raw.length, 1) : raw.length - raw.trimStart().length;
      cells.push({ text: raw.trim().replace(/\\\|/g, "|"), at: from + lead });
      from = i + 1;
    }
  }
  return cells;
}

/** How many cells a table row has (tableCells' count): what markdown-it compares with the header's. */
export function tableRowCells(line: string): number {
  return tableCells(line).length;
}

/** One table of `lines`: the 0-based indexes of its header row, its delimiter row (header + 1) and its last body row (the delimiter's when it has none). */
export interface MarkdownTable {
  header: number;
  delimiter: number;
  last: number;
}

/**
 * Which of `lines` (a text split at line ends) are code: a line that opens or closes a ``` or ~~~ fence, and every
 * line between. A fence is closed by a fence line of its own character; one left open runs to the end. Every reader
 * of a section's Markdown (tables, csr edit's body headings) skips code so.
 */
export function codeLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!opening) return fence !== undefined;
    if (fence === undefined) fence = opening[0];
    else if (opening[0] === fence) fence = undefined;
    return true;
  });
}

/** The tables of `lines` (a text split at line ends), in order, outside code fences. */
export function markdownTables(lines: readonly string[]): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  const code = codeLines(lines);
  for (let i = 0; i < lines.length; i++) {
    if (code[i] || i === 0 || !DELIMITER.test(lines[i]!) || !lines[i - 1]!.includes("|")) continue;
    let last = i;
    while (last + 1 < lines.length && lines[last + 1]!.includes("|") && lines[last + 1]!.trim() !== "") last++;
    tables.push({ header: i - 1, delimiter: i, last });
  }
  return tables;
}
