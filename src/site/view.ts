/**
 * What the site's templates see. Values are plain text (Handlebars escapes them) with links
 * already made relative to the page; templates only lay them out.
 */
import { groupedNumber } from "../core/text.js";
import type { Lang } from "../render/view.js";
import { columnClass, type Cell as TableCell, type ColumnKind, type RegisterHeading, type Table, type TableView } from "../report/table.js";
import type { EntityKind, SitePages } from "./pages.js";

/** One value on a page, a link when `href` is set. */
export interface Cell {
  text: string;
  href?: string;
  /** A CSS class, e.g. "date" (no wrapping), "list" (a line may end after each separator) or a heat-map state. */
  className?: string;
  /**
   * The value in parts, each a link where it has `href`, in a table of a page written by code (section.ts): several
   * ids in one cell, each linked to its own row or page (8D-2026-001、8D-2026-004). `text` is the same value whole.
   */
  parts?: { text: string; href?: string }[];
}

export interface SiteTable {
  columns: { header: string; className?: string }[];
  rows: Cell[][];
  /** Each row's `id`, where another page links to the row (the corrective action register's, by the action's id). */
  rowIds?: readonly (string | undefined)[];
}

/**
 * A register's table for a page written by code (section.ts writeSection): each row's cells made as the
 * row is written, so that they die young, instead of every cell of the register at once (siteTable).
 */
export interface SiteRows {
  columns: { header: string; className?: string }[];
  count: number;
  row(index: number): Cell[];
  rowIds?: readonly (string | undefined)[];
}

/** A titled block of a page: a table, a list of links, or a line saying there is nothing. */
export interface SiteSection {
  id?: string;
  title: string;
  /** SiteRows only on a page written by code (build.ts): a repository's own templates are given a SiteTable. */
  table?: SiteTable | SiteRows;
  items?: Cell[];
  /** Lines under the table; one in parts (Cell.parts) where it names a register this site has a page of (build.ts noteLinker). */
  notes?: (string | Cell)[];
  /** Shown when the section has no rows or items. */
  empty?: string;
  downloads?: Cell[];
  /** A register's heading (organisation, form number, as-of date) above its table on a screen (on paper `print` carries it). */
  heading?: RegisterHeading;
  /** A register's or matrix's section: its cells are laid out as csr list's HTML lays them out (section.ts). */
  register?: boolean;
  /**
   * A register as it is printed (report/table.ts tableView on A4 landscape): on paper the section is this, as
   * `csr list --format html` prints a register (in bands when its columns do not fit the page), not the table a screen shows.
   */
  print?: TableView;
}

export interface Fact {
  label: string;
  values: Cell[];
}

/** The frame of every page: navigation, search box, footer. */
export interface Chrome {
  lang: Lang;
  /** The Content-Security-Policy of the page: a constant of csr, inserted unescaped. */
  csp: string;
  root: string;
  organisation: string;
  nav: { text: string; href: string; current: boolean }[];
  navLabel: string;
  search: { action: string; label: string; button: string };
  skip: string;
  footer: string;
  /** Between the values of one fact: 、 in Chinese, ", " in English. */
  listSeparator: string;
  canonical?: string;
  scripts: string[];
  /** Extra sections under a rendered document or review report. */
  sections: SiteSection[];
  /** What csr check reports about the entity of a rendered document or review report, shown above it. */
  alerts?: SiteSection;
  /** The site-wide notice under the header: working days counted without public holidays (calendar-notice.ts). */
  notice?: string;
  /** A document's status in a line a reader at the point of use reads first (build.ts documentStatusLine). */
  status?: PageStatus;
  /** A document's findings (document control's to-dos), folded under its text: `summary` is 文控待办（n）. */
  todo?: { summary: string; section: SiteSection };
}

/**
 * A document page's status line, at the top: `tone` ok (in force, may be used), pending (待实施) or stop (draft,
 * in review, withdrawn: not to be used); `parts` its words, a part with `href` a link (the replacement, the version
 * in force or coming); `note` what the 非受控 stamp means, where the page has it.
 */
export interface PageStatus {
  tone: "ok" | "pending" | "stop";
  parts: { text: string; href?: string }[];
  note?: string;
}

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/**
 * Register columns whose values are ids of entities that have pages. A cell links when each of its
 * comma-separated parts is such an id; any other cell stays text.
 */
const LINKED_COLUMNS: Record<string, EntityKind[]> = {
  // The tooling register's and the error-proofing record's 工装编号 / 装置编号 too, and the 首件鉴定台账's 编号.
  id: ["csr", "document", "tooling", "first-article"],
  number: ["document"],
  document: ["document"],
  procedure: ["document"],
  customer: ["customer"],
  csr: ["csr"],
  // The process list's 过程编号 and the disposal register's 表单编号.
  code: ["process"],
  form: ["document"],
};

export type Linker = (row: Record<string, TableCell>, key: string, text: string) => string | undefined;

/** Links by column, as LINKED_COLUMNS says. */
export function columnLinker(pages: SitePages, page: string): Linker {
  return (_row, key, text) => {
    const kinds = LINKED_COLUMNS[key];
    if (!kinds || text === "") return undefined;
    for (const kind of kinds) {
      const target = pages.link(page, kind, text);
      if (target) return target;
    }
    return undefined;
  };
}

/**
 * Each kind of column's class on a site page (site.css): codes, ids, dates and names stay on one line
 * (the browser would break FORD-002 or csr/review-overdue at its hyphen), free text gets a readable
 * width and prose a wider one (a 33-column register left a CJK text column one character wide).
 * Text, the default, has no class.
 */
const SITE_CELL_CLASS: Readonly<Record<ColumnKind | "date", string | undefined>> = {
  id: "code",
  code: "code",
  date: "date",
  name: "name",
  number: "number",
  mark: "mark",
  list: "list",
  prose: "prose",
  text: undefined,
};

/** A register or matrix (the same Table that `csr list` and `csr matrix` print) as a site table. */
export function siteTable(table: Table, link: Linker): SiteTable {
  const { columns, count, row } = siteRows(table, link);
  const rows = new Array<Cell[]>(count);
  for (let i = 0; i < count; i++) rows[i] = row(i);
  return { columns, rows };
}

/** The same table, a row's cells made when the row is asked for. */
export function siteRows(table: Table, link: Linker): SiteRows {
  const columns = table.columns.map((c) => ({ key: c.key, className: SITE_CELL_CLASS[columnClass(c)], grouped: c.grouped === true }));
  const rows = table.rows;
  return {
    columns: table.columns.map((c) => ({ header: c.header, ...(c.date ? { className: "date" } : {}) })),
    count: rows.length,
    // Cells are made field by field, not by spreading optional parts: a register has up to a few hundred thousand.
    row: (index) => {
      const row = rows[index]!;
      const cells = new Array<Cell>(columns.length);
      for (let c = 0; c < cells.length; c++) {
        const { key, className, grouped } = columns[c]!;
        const value = row[key];
        const cell: Cell = { text: value === null || value === undefined ? "" : grouped && typeof value === "number" ? groupedNumber(value) : String(value) };
        const target = link(row, key, cell.text);
        if (target) cell.href = target;
        if (className) cell.className = className;
        cells[c] = cell;
      }
      return cells;
    },
  };
}
