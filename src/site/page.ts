/**
 * The site's own pages (customers, processes, people, registers, lists, findings: the partial
 * `site-generic` in `site-page`, with the partials site-nav, site-cell, site-section and
 * site-footer) and the frame every page shares (site-nav), written by code, byte for byte as the
 * templates give them. A register or list page is one long section (section.ts), but Handlebars
 * still walks the frame, the facts and their values step by step on each of the site's some 300
 * such pages at 10,000 entities. A repository that replaces any of those templates (GENERIC_TEMPLATES)
 * gets its own through Handlebars (site/build.ts). test/site/page-html.test.ts compares both.
 */
import { collected, type Escape, type Put } from "./section.js";
import type { Cell, Chrome, Fact, SiteSection } from "./view.js";

/** The templates a generic page is made of, as a repository would name them under templates/html/ to replace them. */
export const GENERIC_TEMPLATES = ["partials/site-generic", "partials/site-page", "partials/site-nav", "partials/site-cell", "partials/site-section", "partials/site-footer"] as const;

/** What the partial `site-generic` is given. */
export interface GenericView {
  title: string;
  lead?: string;
  facts?: Fact[];
  sections: SiteSection[];
  site: Chrome;
}

/**
 * The partial `site-nav`: the link past the navigation, the organisation, the navigation, the search
 * box and, on a page with them, the entity's findings (site.alerts). `section` is the helper `section-html`.
 */
export function siteNavHtml(site: Chrome, escape: Escape, section: (section: SiteSection) => string): string {
  let html = `<a class="site-skip" href="#main">${escape(site.skip)}</a>\n<header class="site-header">\n<div class="site-brand">${escape(site.organisation)}</div>\n<nav class="site-nav" aria-label="${escape(site.navLabel)}">\n<ul>`;
  for (const item of site.nav) html += `<li><a href="${escape(item.href)}"${item.current ? ` aria-current="page"` : ""}>${escape(item.text)}</a></li>`;
  html += `</ul>\n</nav>\n<form class="site-search" role="search" action="${escape(site.search.action)}" method="get">\n<input type="search" name="q" aria-label="${escape(site.search.label)}" placeholder="${escape(site.search.label)}">\n<button type="submit">${escape(site.search.button)}</button>\n</form>\n</header>\n`;
  if (site.notice) html += `<p class="site-notice" role="note">${escape(site.notice)}</p>\n`;
  if (site.alerts) html += `<aside class="site-alerts">${section(site.alerts)}\n</aside>\n`;
  return html;
}

/** The partial `site-generic` in `site-page`: a whole page. */
export function genericPageHtml(view: GenericView, escape: Escape, section: (section: SiteSection) => string): string {
  return collected((put) => writeGenericPage(view, escape, put, (s, into) => into(section(s))));
}

/** The same page put out piece by piece, each section by `section` (section.ts writeSection): a register page is megabytes. */
export function writeGenericPage(view: GenericView, escape: Escape, put: Put, section: (section: SiteSection, put: Put) => void): void {
  const { site } = view;
  const root = escape(site.root);
  let html = `<!DOCTYPE html>\n<html lang="${escape(site.lang)}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${site.csp}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n<title>${escape(view.title)} · ${escape(site.organisation)}</title>\n`;
  if (site.canonical) html += `<link rel="canonical" href="${escape(site.canonical)}">\n`;
  html += `<link rel="icon" href="data:,">\n<link rel="stylesheet" href="${root}assets/site.css">\n`;
  for (const script of site.scripts) html += `<script src="${root}${escape(script)}" defer></script>\n`;
  html += `</head>\n<body class="site">\n${siteNavHtml(site, escape, (s) => collected((into) => section(s, into)))}<main id="main" class="site-main">\n<h1>${escape(view.title)}</h1>\n${view.lead ? `<p class="site-lead">${escape(view.lead)}</p>` : ""}\n`;
  if (view.facts?.length) {
    const separator = escape(site.listSeparator);
    html += `<dl class="site-facts">\n`;
    // A value of class "nobr" is kept on one line (a qualification period's dates), as the template does.
    for (const fact of view.facts) html += `<div><dt>${escape(fact.label)}</dt><dd>${fact.values.map((value) => (value.className === "nobr" ? `<span class="nobr">${cellHtml(value, escape)}</span>` : cellHtml(value, escape))).join(separator)}</dd></div>\n`;
    html += `</dl>\n`;
  }
  put(html);
  for (const s of view.sections) {
    section(s, put);
    put("\n");
  }
  put(`\n</main>\n<footer class="site-footer">${escape(site.footer)}</footer>\n</body>\n</html>\n`);
}

/** The partial `site-cell`: a value, as a link when it has one. */
function cellHtml(cell: Cell, escape: Escape): string {
  return cell.href ? `<a href="${escape(cell.href)}">${escape(cell.text)}</a>` : escape(cell.text);
}
