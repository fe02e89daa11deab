/**
 * Section text (Markdown) as Word paragraphs and tables: paragraphs, bold and italic, line breaks,
 * bullet and numbered lists (real Word numbering, so that Word and the importer see lists), GFM
 * tables and code. Raw HTML is off, as in the HTML output: it arrives as text.
 */
import type MarkdownIt from "markdown-it";
import type { Paragraph, Table } from "docx";

type Docx = typeof import("docx");
type Token = ReturnType<MarkdownIt["parse"]>[number];

/** Numbering definitions the body's lists refer to; the document declares them once. */
export const BULLET_LIST = "csr-bullet";
export const ORDERED_LIST = "csr-ordered";

/** The text area of an A4 page with the margins of docx.ts, twips. */
export const TEXT_WIDTH = 9922;
/** The text area of an A4 landscape page with the same margins (297 mm less 35 mm), twips: a landscape document's body tables fill it. */
export const LANDSCAPE_TEXT_WIDTH = 14854;

export interface BodyContext {
  docx: Docx;
  md: MarkdownIt;
  /** Each numbered list restarts at 1: every list gets a numbering instance of its own. */
  nextListInstance: () => number;
  /** The width the body's tables fill, twips: TEXT_WIDTH, or LANDSCAPE_TEXT_WIDTH on a landscape page (view.ts printOrientation). */
  textWidth?: number;
}

interface ListState {
  ordered: boolean;
  instance: number;
}

/** One section's Markdown as Word blocks. */
export function markdownToDocx(ctx: BodyContext, markdown: string): (Paragraph | Table)[] {
  const tokens = ctx.md.parse(markdown, {});
  const blocks: (Paragraph | Table)[] = [];
  const lists: ListState[] = [];
  // A list item's first paragraph carries the number; the item's further paragraphs are indented only.
  let itemStarted = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({ ordered: token.type === "ordered_list_open", instance: ctx.nextListInstance() });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open":
        itemStarted = true;
        break;
      case "inline": {
        const parent = tokens[i - 1];
        if (parent?.type !== "paragraph_open" && parent?.type !== "heading_open") break;
        const heading = parent.type === "heading_open";
        const list = lists[lists.length - 1];
        const { Paragraph } = ctx.docx;
        const children = inlineRuns(ctx.docx, token.children ?? [], heading);
        if (list && itemStarted) {
          const level = Math.min(lists.length - 1, 3);
          blocks.push(new Paragraph({ children, numbering: { reference: list.ordered ? ORDERED_LIST : BULLET_LIST, level, instance: list.instance } }));
          itemStarted = false;
        } else if (list) {
          blocks.push(new Paragraph({ children, indent: { left: 420 * lists.length } }));
        } else {
          blocks.push(new Paragraph({ children }));
        }
        break;
      }
      case "fence":
      case "code_block":
        blocks.push(codeBlock(ctx.docx, token.content));
        break;
      case "table_open": {
        const end = tokens.findIndex((t, j) => j > i && t.type === "table_close");
        blocks.push(markdownTable(ctx.docx, tokens.slice(i, end + 1), ctx.textWidth));
        i = end;
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

interface RunStyle {
  bold: boolean;
  italics: boolean;
  strike: boolean;
  code: boolean;
}

function inlineRuns(docx: Docx, tokens: Token[], bold = false) {
  const { TextRun } = docx;
  const runs: InstanceType<Docx["TextRun"]>[] = [];
  const style: RunStyle = { bold, italics: false, strike: false, code: false };
  const text = (value: string, extra: Partial<RunStyle> = {}) => {
    const s = { ...style, ...extra };
    runs.push(new TextRun({ text: value, bold: s.bold || undefined, italics: s.italics || undefined, strike: s.strike || undefined, font: s.code ? "Courier New" : undefined }));
  };
  for (const token of tokens) {
    switch (token.type) {
      case "text":
        text(token.content);
        break;
      case "code_inline":
        text(token.content, { code: true });
        break;
      case "strong_open":
        style.bold = true;
        break;
      case "strong_close":
        style.bold = bold;
        break;
      case "em_open":
        style.italics = true;
        break;
      case "em_close":
        style.italics = false;
        break;
      case "s_open":
        style.strike = true;
        break;
      case "s_close":
        style.strike = false;
        break;
      case "softbreak":
      case "hardbreak":
        // Authors write one line per thought; Word shows each as its own line, as the HTML output's reader sees it.
        runs.push(new TextRun({ text: "", break: 1 }));
        break;
      case "image":
        text(token.content);
        break;
      default:
        break;
    }
  }
  return runs;
}

function codeBlock(docx: Docx, content: string) {
  const { Paragraph, TextRun } = docx;
  const lines = content.replace(/\n$/, "").split("\n");
  return new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, font: "Courier New", break: i > 0 ? 1 : undefined })) });
}

function markdownTable(docx: Docx, tokens: Token[], textWidth = TEXT_WIDTH) {
  const rows: { header: boolean; cells: Token[][] }[] = [];
  let header = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "thead_open") header = true;
    else if (t.type === "thead_close") header = false;
    else if (t.type === "tr_open") rows.push({ header, cells: [] });
    else if (t.type === "inline") rows[rows.length - 1]?.cells.push(t.children ?? []);
  }
  return table(
    docx,
    rows.map((r) => ({ header: r.header, cells: r.cells.map((c) => inlineRuns(docx, c, r.header)) })),
    undefined,
    false,
    textWidth,
  );
}

/**
 * A bordered table that fills the text width, its header rows shaded and repeated on each page. A
 * `wide` row is its first cell across every column (a note that belongs to the whole table).
 * Given `widths`, the columns keep them (a fixed layout: Word and LibreOffice do not resize them to
 * the content, so a date column stays as wide as a date); without, they share the width evenly
 * and Word may fit them to their content. With `keepTogether`, every row is kept on the page of the
 * next (keep with next on its paragraphs), so that the table is never split across pages: a
 * signature block whose names and dates print on two pages is not a record an auditor accepts.
 * `textWidth` (twips) is the width a table without `widths` fills: a landscape page's (LANDSCAPE_TEXT_WIDTH).
 */
export function table(docx: Docx, rows: { header: boolean; wide?: boolean; cells: InstanceType<Docx["TextRun"]>[][] }[], widths?: number[], keepTogether = false, textWidth = TEXT_WIDTH) {
  const { Paragraph, Table, TableCell, TableRow, TableLayoutType, WidthType, ShadingType } = docx;
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  const columnWidths = widths ?? Array.from({ length: columns }, () => Math.floor(textWidth / columns));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    layout: widths ? TableLayoutType.FIXED : undefined,
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: r.header || undefined,
          cantSplit: true,
          children: Array.from(
            { length: r.wide ? 1 : columns },
            (_, c) =>
              new TableCell({
                width: { size: r.wide ? textWidth : (columnWidths[c] ?? 0), type: WidthType.DXA },
                columnSpan: r.wide && columns > 1 ? columns : undefined,
                shading: r.header ? { type: ShadingType.CLEAR, fill: "F0F0F0", color: "auto" } : undefined,
                children: [new Paragraph({ keepNext: (keepTogether && i < rows.length - 1) || undefined, children: r.cells[c] ?? [] })],
              }),
          ),
        }),
    ),
  });
}
