/**
 * A form's blank sheet to print and fill in (tester59 G10): what the shop floor takes to the line, the form's
 * number and version in the running header of every printed page (so a filled-in record shows which version of
 * the form it was made on: IATF 16949 7.5.3.2.1, records; GJB 9001C 7.5.3), its title, its table or items
 * (the form's `sections`, as `csr render` prints them under 表单) and its record keeping; no header block of
 * signatures, no revision record, no stamp: a filled-in form is a record, not a copy of the document. A line on
 * paper says which version it is and asks the user to check it is still the current one; on a screen, a bar above
 * it says what the page is and links back to the form's page. Written by code, on the site's and the documents'
 * style sheets (document.css lays it out on A4, as a document page; site.css hides the bar in print).
 */
import type { SectionView, SheetView } from "../render/view.js";
import type { Escape } from "./section.js";

/** What the blank sheet shows; every text plain (escaped here) but the sections' bodies, rendered Markdown as on a document page. */
export interface BlankFormView {
  lang: string;
  /** The page's Content-Security-Policy: a constant of csr, inserted unescaped. */
  csp: string;
  /** From the page back to the site's root ("../"). */
  root: string;
  organisation: string;
  title: string;
  /** The running header's right part: 文件编号：HH-F-052 · 版本/版次：A/1. */
  identity: string;
  sections: readonly SectionView[];
  /** The form's sheet (document `sheet`), printed after the sections as csr render prints it; `date` the label of a signature's date box. */
  sheet?: { view: SheetView; date: string };
  /** 记录保存 with its three values (保存期限, 保存方式, 存放地点) as labels and values, when the form has them. */
  record?: { title: string; fields: { label: string; value: string }[] };
  /** The line on paper under the sheet: which version this is, to be checked against the current one. */
  note: string;
  /** The bar on a screen: what the page is, and the link back to the form's page. */
  screen: { text: string; back: { text: string; href: string } };
}

/** The blank sheet's whole page. */
export function blankFormHtml(view: BlankFormView, escape: Escape): string {
  let html = `<!DOCTYPE html>\n<html lang="${escape(view.lang)}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${view.csp}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n<title>${escape(view.title)} · ${escape(view.organisation)}</title>\n`;
  html += `<link rel="icon" href="data:,">\n<link rel="stylesheet" href="${escape(view.root)}assets/document.css">\n<link rel="stylesheet" href="${escape(view.root)}assets/site.css">\n</head>\n<body class="blank-form">\n`;
  html += `<main id="main" class="site-document">\n<div class="site-status" role="note"><p class="site-status-line">${escape(view.screen.text)}</p><p class="site-status-note"><a href="${escape(view.screen.back.href)}">${escape(view.screen.back.text)}</a></p></div>\n<table class="page">\n<thead><tr><td><div class="running-header"><span>${escape(view.organisation)}</span><span>${escape(view.title)}</span><span class="nowrap">${escape(view.identity)}</span></div></td></tr></thead>\n<tbody><tr><td>\n`;
  html += `<h1 class="blank-form-title">${escape(view.title)}</h1>\n<section class="form-sheet">\n`;
  for (const s of view.sections) html += `<section class="depth-${s.depth}"><h${s.heading}>${escape(`${s.number} ${s.title}`.trim())}</h${s.heading}>${s.body ? `<div class="section-body">${s.body}</div>` : ""}</section>\n`;
  if (view.sheet) html += sheetHtml(view.sheet.view, view.sheet.date, escape);
  html += `</section>\n`;
  if (view.record) html += `<table class="record">\n<caption>${escape(view.record.title)}</caption>\n<tr>${view.record.fields.map((f) => `<th>${escape(f.label)}</th><td>${escape(f.value)}</td>`).join("")}</tr>\n</table>\n`;
  html += `<p class="blank-form-note">${escape(view.note)}</p>\n</td></tr></tbody>\n</table>\n</main>\n</body>\n</html>\n`;
  return html;
}

/** A form's sheet as templates/html/partials/sheet.hbs prints it: fields, the table with its rows to fill in, notes, signatures. */
export function sheetHtml(sheet: SheetView, date: string, escape: Escape): string {
  let html = "";
  if (sheet.fieldRows.length > 0) html += `<table class="sheet-fields">\n${sheet.fieldRows.map((row) => `<tr>${row.map((f) => `<th>${escape(f)}</th><td></td>`).join("")}</tr>\n`).join("")}</table>\n`;
  html += `<table class="sheet">\n<thead><tr>${sheet.columns.map((c) => `<th${c.width ? ` width="${escape(c.width)}"` : ""}>${escape(c.label)}</th>`).join("")}</tr></thead>\n<tbody>\n`;
  html += sheet.rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join("")}</tr>\n`).join("");
  html += `</tbody>\n</table>\n`;
  if (sheet.notes) html += `<p class="sheet-notes">${escape(sheet.notes)}</p>\n`;
  if (sheet.signatures.length > 0) html += `<table class="sheet-signatures">\n<tr>${sheet.signatures.map((s) => `<th>${escape(s)}</th><td></td><th>${escape(date)}</th><td></td>`).join("")}</tr>\n</table>\n`;
  return html;
}
