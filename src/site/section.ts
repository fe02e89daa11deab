/**
 * The markup of a site section (view.ts SiteSection: a titled table, list of links, or line saying
 * there is nothing), written by code rather than by a Handlebars partial: sections carry nearly
 * every cell of the site (a register page has tens of thousands), and Handlebars spends some
 * microseconds on each `{{#if}}` and `{{#each}}` step of a cell: 5 to 10% of the site's CPU. The
 * partial `site-section` (templates/site/site-section.hbs) calls this through the helper
 * `section-html`, so a repository that replaces the partial still lays sections out itself.
 */
import { cellMarkup, longRow, printedHeading, printedSignature, type BandView, type RegisterHeading, type TableView } from "../report/table.js";
import type { Cell, SiteRows, SiteSection } from "./view.js";

/** Text for an element or a quoted attribute: Handlebars's own escaping, so a page is the same whichever writes it. */
export type Escape = (text: string) => string;

/**
 * Where a page's markup goes, piece by piece: an array joined into a string (sectionHtml), or a page's
 * file, written as it is built (build.ts; commands/site writeParts). A register page at 10,000 entities
 * is megabytes: built whole, its rows and every cell's object lived until the page was written, and each
 * young generation collection copied them.
 */
export type Put = (text: string) => void;

/** The markup `write` puts out, as one string. */
export function collected(write: (put: Put) => void): string {
  const parts: string[] = [];
  write((text) => parts.push(text));
  return parts.join("");
}

export function sectionHtml(section: SiteSection, escape: Escape): string {
  return collected((put) => writeSection(section, escape, put));
}

/** The section's markup, put out a table row at a time. */
export function writeSection(section: SiteSection, escape: Escape, put: Put): void {
  const { id, title, downloads, table, items, notes, empty, heading, register } = section;
  let html = `<section class="site-section${register ? " site-register" : ""}"${id ? ` id="${escape(id)}"` : ""}>\n${title ? `<h2>${escape(title)}</h2>` : ""}\n`;
  if (downloads?.length) html += `<p class="site-downloads">${downloads.map((d) => `<a href="${escape(d.href ?? "")}" download>${escape(d.text)}</a>`).join("")}</p>`;
  html += "\n";
  if (heading) html += headingHtml(heading, escape);
  if (table) {
    const count = "rows" in table ? table.rows.length : table.count;
    if (count > 0) {
      // A box that scrolls is reached by the keyboard too (axe scrollable-region-focusable), named by its section (tester48 #7).
      // A register's headings break as its print's do, between words (printedHeading): a column empty in every row is as wide as
      // its heading's longest word, not one character, with the heading a character a line (投诉编号/审核报告, look65 #6).
      const heading = (header: string) => (register ? printedHeading(header, false) : escape(header));
      put(`${html}<div class="site-scroll" tabindex="0"${title ? ` role="region" aria-label="${escape(title)}"` : ""}>\n<table class="site-table">\n<thead><tr>${table.columns.map((c) => `<th scope="col">${heading(c.header)}</th>`).join("")}</tr></thead>\n<tbody>\n`);
      html = "";
      // Each row joined on its own and put out: added to one string cell by cell, a register's table was a
      // rope of millions of pieces, every one of them copied by each young generation collection it lived through.
      const rows = "rows" in table ? table.rows : undefined;
      for (let r = 0; r < count; r++) {
        const row = rows ? rows[r]! : (table as SiteRows).row(r);
        const cells = new Array<string>(row.length);
        for (let c = 0; c < cells.length; c++) {
          const cell = row[c]!;
          cells[c] = `<td${cell.className ? ` class="${escape(cell.className)}"` : ""}>${cellHtml(cell, escape, register === true)}</td>`;
        }
        const id = table.rowIds?.[r];
        put(`<tr${id ? ` id="${escape(id)}"` : ""}>${cells.join("")}</tr>\n`);
      }
      html += `</tbody>\n</table>\n</div>\n`;
    } else {
      html += `<p class="site-empty">${escape(empty ?? "")}</p>\n`;
    }
  }
  if (items?.length) html += `<ul class="site-items">${items.map((item) => `<li>${cellHtml(item, escape)}</li>`).join("")}</ul>\n`;
  else html += `${!table && empty ? `<p class="site-empty">${escape(empty)}</p>` : ""}\n`;
  for (const note of notes ?? []) html += `<p class="site-note">${typeof note === "string" ? escape(note) : cellHtml(note, escape)}</p>`;
  if (section.print) {
    put(html);
    html = "";
    writePrinted(section.print, escape, put);
  }
  put(`${html}\n</section>`);
}

/**
 * A register as `csr list --format html` prints it (templates/tables/table.html.hbs, from the same view: report/table.ts
 * tableView), shown on paper only (site.css .site-print), in place of the table a screen shows: every table headed by
 * the register's title and heading (organisation, form, as-of day) over its columns' heads, repeated on every page; in
 * bands when its columns do not fit the page, each band from a page of its own with the columns that identify a row;
 * the legend of the columns headed by a code, the notes and the signature lines (编制/审核/批准) after the last rows.
 * The site printed its screen table fitted to the page: English registers ran off the page at 8px (tester48 #6), and at 7px no one reads them.
 */
function writePrinted(view: TableView, escape: Escape, put: Put): void {
  put(`<div class="site-print">\n`);
  for (const part of view.bands ?? [view]) writePrintedTable(view, part, escape, put);
  put(`</div>\n`);
}

type Printed = Pick<TableView, "columns" | "rows" | "legend" | "notes" | "signatures" | "tail"> & Partial<Pick<BandView, "part" | "continued">>;

function writePrintedTable(view: TableView, table: Printed, escape: Escape, put: Put): void {
  const { columns } = table;
  // No column widths (csr list's <col style>): the site's Content-Security-Policy allows no inline style; the browser shares the page out.
  let html = `<table${table.part !== undefined ? ` class="band"` : ""}>\n`;
  const heading = view.heading ? `<div class="heading">${[view.heading.organisation, view.heading.form, view.heading.asOf].map((part) => `<span>${escape(part)}</span>`).join("")}</div>` : "";
  html += `<thead>\n<tr class="running"><th colspan="${columns.length}">${table.continued ? "" : `<p class="title">${escape(view.title)}</p>`}${heading}</th></tr>\n`;
  if (table.part !== undefined) html += `<tr class="band"><th colspan="${columns.length}">${table.continued ? `<span class="continued">${escape(table.continued)}</span>` : ""}${escape(table.part)}</th></tr>\n`;
  const kind = columns.map((c) => `${c.kind}${c.remarks ? " remarks" : ""}`);
  html += `<tr>${columns.map((c, i) => (c.short ? `<th class="${c.kind}" title="${escape(c.header)}">${escape(c.short)}</th>` : `<th class="${kind[i]}">${printedHeading(c.header, view.crowded)}</th>`)).join("")}</tr>\n</thead>\n<tbody>\n`;
  put(html);
  for (const { cells } of table.rows) {
    let row = longRow(cells) ? `<tr class="long">` : "<tr>";
    for (let i = 0; i < cells.length; i++) row += `<td class="${kind[i]}">${cellMarkup(cells[i]!, columns[i]!.kind, escape)}</td>`;
    put(`${row}</tr>\n`);
  }
  html = "";
  if (table.tail) {
    html += `<tr class="tail"><td colspan="${columns.length}">\n`;
    if (table.legend) html += `<div class="legend">${escape(table.legend.title)}\n<ul>${table.legend.items.map((item) => `<li>${escape(item)}</li>`).join("")}</ul>\n</div>\n`;
    if (table.notes.length) html += `<div class="notes">\n${table.notes.map((note) => `<p>${escape(note)}</p>\n`).join("")}</div>\n`;
    const h = view.heading;
    if (h && table.signatures.length) html += `<div class="signatures">${table.signatures.map((s) => `<span>${escape(printedSignature(s, h))}</span>`).join("")}</div>\n`;
    html += `</td></tr>\n`;
  }
  put(`${html}</tbody>\n</table>\n`);
}

/**
 * A register's heading as `csr list --format html` prints it (organisation, form number and version, as-of date)
 * above its table; the signature lines (编制/审核/批准) follow the table and are printed only (site.css).
 */
function headingHtml(heading: RegisterHeading, escape: Escape): string {
  return `<p class="site-heading">${[heading.organisation, heading.form, heading.asOf].filter(Boolean).map((part) => `<span>${escape(part)}</span>`).join("")}</p>\n`;
}

/**
 * A value, as a link when it has one (the partial `site-cell`). A register's cell without a link is laid out as
 * `csr list --format html` lays it out (report/table.ts cellMarkup: lines by <br>, numbers unbroken); a list's
 * values (a manual's ~190 clause numbers joined by "/") in a block of at most some 36 characters' width
 * (site.css .site-list), so the other columns keep their room.
 */
function cellHtml(cell: Cell, escape: Escape, register = false): string {
  if (cell.href) return `<a href="${escape(cell.href)}">${escape(cell.text)}</a>`;
  // A part that is a line break ends a line: a cell of several places, one a line, each linked (build.ts customerCsrSection).
  if (cell.parts) return cell.parts.map((part) => (part.href ? `<a href="${escape(part.href)}">${escape(part.text)}</a>` : part.text === "\n" ? "<br>" : escape(part.text))).join("");
  if (cell.className === "list") return `<div class="site-list">${register ? cellMarkup(cell.text, "list", escape) : listHtml(cell.text, escape)}</div>`;
  return register ? cellMarkup(cell.text, cell.className ?? "text", escape) : escape(cell.text);
}

/** A list's values, a line ending only after a separator; break opportunities in the text alone, not in an escape's ";". */
function listHtml(text: string, escape: Escape): string {
  return escape(text).replace(/(&[a-z0-9#]+;)|([/、，,；;])/gi, (_, entity: string | undefined, separator: string) => entity ?? `${separator}<wbr>`);
}
