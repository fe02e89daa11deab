/**
 * The cells of a heat-map row (templates/site/site-coverage.hbs), written by code rather than by
 * Handlebars for the reason section.ts gives: the heat map of one standard is a clause per row by a
 * process or procedure per column, some 15,000 cells at 75 columns, and Handlebars's `{{#each}}`
 * and `{{#if}}` steps per cell took most of the page's time. csr's partial `site-coverage` calls
 * this through the helper `heat-map-cells`; a repository's own partial may still lay cells out itself.
 */
import type { Escape } from "./section.js";

/**
 * One cell: its mark, its state's class ("" for a blank cell: no class), and, when marked, the link to the process
 * or document and what the link says.
 * A cell of the manual or other-documents column lists documents instead: `links`, one per document, shown
 * separated by `text` (the list separator).
 */
export interface HeatMapCell {
  text: string;
  className: string;
  href?: string;
  label: string;
  links?: { text: string; href?: string; label: string }[];
}

export function heatMapCellsHtml(cells: readonly HeatMapCell[], escape: Escape): string {
  let html = "";
  for (const { text, className, href, label, links } of cells) {
    html += className ? `<td class="${escape(className)}">` : "<td>";
    if (links) {
      html += links.map((l) => (l.href ? `<a href="${escape(l.href)}" title="${escape(l.label)}" aria-label="${escape(l.label)}">${escape(l.text)}</a>` : escape(l.text))).join(escape(text));
    } else if (href) html += `<a href="${escape(href)}" title="${escape(label)}" aria-label="${escape(label)}">${escape(text)}</a>`;
    html += "</td>";
  }
  return html;
}
