/**
 * Reading a Word file into blocks: paragraphs (with their Markdown, list level and heading style)
 * and tables (cell by cell), in reading order, each with its place in the file. mammoth reads the
 * body (styles, numbering, bold, breaks, merged cells); the page headers and footers, which
 * mammoth leaves out and where many organisations keep the header block, are read from their XML
 * here. What cannot be carried into YAML (pictures, footnotes, comments, embedded objects) is
 * listed with its place.
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { readZip } from "../../load/zip.js";

export interface ParagraphBlock {
  type: "paragraph";
  /** Text without formatting, line breaks as "\n". */
  plain: string;
  /** Text as Markdown: **bold**, *italic*, line breaks as "\n". */
  markdown: string;
  /** Word's style name, e.g. "Heading 2", "Title"; empty for Normal. */
  style: string;
  /** Set for a paragraph in a Word list (bullets or numbering), level 0 for the outermost. */
  list?: { level: number; ordered: boolean };
  /** 1-based position among the body's paragraphs and tables. */
  place: number;
}

export interface TableCell {
  plain: string;
  markdown: string;
  colSpan: number;
}

export interface TableBlock {
  type: "table";
  rows: TableCell[][];
  place: number;
}

export type Block = ParagraphBlock | TableBlock;

export interface PageHeader {
  /** The part's file name in the package, e.g. "header1.xml", "footer1.xml". */
  part: string;
  blocks: Block[];
}

export interface Unreadable {
  /** The block it is in (its place), or undefined for something of the whole file. */
  place?: number;
  what: string;
}

export interface WordFile {
  blocks: Block[];
  /** The page headers and footers (word/header*.xml, word/footer*.xml) in part order: each part's tables and paragraphs. */
  pageHeaders: PageHeader[];
  unreadable: Unreadable[];
}

interface Element {
  type: string;
  children?: Element[];
  value?: string;
  styleName?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  isStrikethrough?: boolean;
  breakType?: string;
  colSpan?: number;
  rowSpan?: number;
  checked?: boolean;
  noteType?: string;
  altText?: string;
}

/**
 * Errors: UserError when the file is not a .docx, is damaged, or inflates beyond the limits of load/zip.ts.
 */
export async function readWordFile(path: string, shownAs: string): Promise<WordFile> {
  const parts = await readZip(path, shownAs);
  if (!parts.has("word/document.xml")) throw new UserError(t("import.word.no-body", { file: shownAs }));
  const { zipSync } = await import("fflate");
  // mammoth inflates the package again by itself: it gets the parts already checked, stored uncompressed.
  const checked = Buffer.from(zipSync(Object.fromEntries(parts), { level: 0 }));
  const { default: mammoth } = await import("mammoth");
  let root: Element | undefined;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: checked },
      {
        transformDocument: (document: Element) => {
          root = document;
          return document;
        },
      },
    );
  } catch (error) {
    // The XML parser's messages start with its own name; what is wrong follows.
    const reason = (error as Error).message.split("\n")[0]!.replace(/^.*\[xmldom \w+\]\s*/, "").trim();
    throw new UserError(t("import.word.unreadable-because", { file: shownAs, reason }));
  }
  if (!root) throw new UserError(t("import.word.unreadable", { file: shownAs }));
  const unreadable: Unreadable[] = result.messages
    .filter((m) => !/^Unrecognised (paragraph|run|table) style/.test(m.message))
    .map((m) => ({ what: m.message }));
  const blocks = toBlocks(root.children ?? [], unreadable);
  const pageHeaders = [...parts.keys()]
    .filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name))
    .sort()
    .map((name) => ({ part: name.slice("word/".length), blocks: headerBlocks(new TextDecoder().decode(parts.get(name))) }));
  return { blocks, pageHeaders, unreadable };
}

function toBlocks(elements: Element[], unreadable: Unreadable[]): Block[] {
  const blocks: Block[] = [];
  for (const element of elements) {
    const place = blocks.length + 1;
    if (element.type === "paragraph") {
      const { plain, markdown } = inline(element.children ?? [], (what) => unreadable.push({ place, what }));
      const level = element.numbering ? Number(element.numbering.level) || 0 : undefined;
      blocks.push({
        type: "paragraph",
        plain,
        markdown,
        style: element.styleName ?? "",
        ...(level !== undefined ? { list: { level, ordered: element.numbering!.isOrdered } } : {}),
        place,
      });
    } else if (element.type === "table") {
      const rows: TableCell[][] = [];
      for (const row of element.children ?? []) {
        if (row.type !== "tableRow") continue;
        rows.push(
          (row.children ?? [])
            .filter((c) => c.type === "tableCell")
            .map((cell) => {
              const paragraphs = (cell.children ?? []).map((p) => {
                if (p.type === "table") {
                  unreadable.push({ place, what: t("import.word.lost.nested-table") });
                }
                return inline(p.type === "paragraph" ? (p.children ?? []) : flatten(p), (what) => unreadable.push({ place, what }));
              });
              return {
                plain: paragraphs.map((p) => p.plain).join("\n").trim(),
                markdown: paragraphs.map((p) => p.markdown).join("\n").trim(),
                colSpan: cell.colSpan ?? 1,
              };
            }),
        );
      }
      blocks.push({ type: "table", rows, place });
    } else {
      unreadable.push({ place, what: t("import.word.lost.element", { type: element.type }) });
    }
  }
  return blocks;
}

/** The paragraphs of a nested table, as one run of text. */
function flatten(element: Element): Element[] {
  if (element.type === "paragraph") return [...(element.children ?? []), { type: "break", breakType: "line" }];
  return (element.children ?? []).flatMap(flatten);
}

interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
}

function inline(elements: Element[], lost: (what: string) => void): { plain: string; markdown: string } {
  const spans: Span[] = [];
  const walk = (items: Element[], bold: boolean, italic: boolean) => {
    for (const e of items) {
      switch (e.type) {
        case "run":
          walk(e.children ?? [], e.isBold === true, e.isItalic === true);
          break;
        case "hyperlink":
          walk(e.children ?? [], bold, italic);
          break;
        case "text":
          spans.push({ text: e.value ?? "", bold, italic });
          break;
        case "tab":
          spans.push({ text: "\t", bold: false, italic: false });
          break;
        case "break":
          if (e.breakType === "line" || e.breakType === undefined) spans.push({ text: "\n", bold: false, italic: false });
          break;
        case "checkbox":
          spans.push({ text: e.checked ? "☑" : "☐", bold, italic });
          break;
        case "image":
          lost(e.altText ? t("import.word.lost.picture-with-text", { text: e.altText }) : t("import.word.lost.picture"));
          break;
        case "noteReference":
          lost(t(e.noteType === "endnote" ? "import.word.lost.endnote" : "import.word.lost.footnote"));
          break;
        case "commentReference":
          lost(t("import.word.lost.comment"));
          break;
        case "bookmarkStart":
          break;
        default:
          lost(`a ${e.type} element`);
      }
    }
  };
  walk(elements, false, false);
  const plain = spans.map((s) => s.text).join("").replace(/[ \t\u3000]+\n/g, "\n").trim();
  return { plain, markdown: spansToMarkdown(spans) };
}

/** Adjacent spans of the same emphasis are joined first, so that "**市场部**" is not "**市**​**场部**". */
function spansToMarkdown(spans: Span[]): string {
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged
    .map((s) => {
      const text = escapeMarkdownText(s.text);
      if (!(s.bold || s.italic) || !text.trim()) return text;
      // Emphasis marks hug the text: the spaces and line breaks around it stay outside.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
      const mark = s.bold && s.italic ? "***" : s.bold ? "**" : "*";
      return m[2]!
        .split("\n")
        .map((line) => (line.trim() ? `${mark}${line}${mark}` : line))
        .join("\n")
        .replace(/^/, m[1]!)
        .concat(m[3]!);
    })
    .join("")
    .replace(/[ \t\u3000]+\n/g, "\n")
    .trim();
}

/** Characters that Markdown would read as emphasis or code are kept as text. */
function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*]/g, "\\$&").replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace("_", "\\_"));
}

/**
 * Tables and paragraphs of a page header or footer part. These hold little (a table of labels and
 * values, a logo, a line of text), so their XML is read directly: a cell's or paragraph's text is
 * the text of its w:t elements, and w:br and w:p ends are line breaks.
 */
export function headerBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  const text = (fragment: string) =>
    decodeXml(
      fragment
        // A field's instruction ("PAGE", "NUMPAGES") is code, not text; its shown result stays.
        .replace(/<w:(instrText|delText)\b[^>]*>[^<]*<\/w:\1>/g, "")
        .replace(/<w:br\b[^>]*\/>/g, "\n")
        .replace(/<w:tab\b[^>]*\/>/g, "\t")
        .replace(/<\/w:p>/g, "\n")
        .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_, t: string | undefined) => t ?? ""),
    ).trim();
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
  for (const table of tables) {
    const rows = [...table[0].matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>|<w:tc\s[\s\S]*?<\/w:tc>/g)].map((cell) => {
        const span = /<w:gridSpan w:val="(\d+)"/.exec(cell[0]);
        const value = text(cell[0]);
        return { plain: value, markdown: value, colSpan: span ? Number(span[1]) : 1 };
      }),
    );
    blocks.push({ type: "table", rows, place: blocks.length + 1 });
  }
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  for (const p of outside.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)) {
    const value = text(p[0]);
    if (value) blocks.push({ type: "paragraph", plain: value, markdown: value, style: "", place: blocks.length + 1 });
  }
  return blocks;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}
