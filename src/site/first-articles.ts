/**
 * A page per record of first-articles.yaml (首件鉴定; GJB 9001C-2017 8.5.1, GJB 908A; fai80), linked from the 首件鉴定台账's
 * page by its number: what `csr show FA-…` prints, for the 军代表 or an auditor — its row of the register as facts (product,
 * operation, process, the 工艺规程 or 图样 with its version and title, reason, change, day, team, 军代表, result, report),
 * csr check's findings on it, and the other inspections of the same product and operation (a failed one's repetition),
 * each linked to its page. Records dated after `today` have no page, as the register of that day has no row for them.
 */
import { localized } from "../core/text.js";
import { firstArticleSubject } from "../model/first-articles.js";
import { t, type RegisterContext } from "../report/registers/context.js";
import { firstArticleRegister } from "../report/registers/first-articles.js";
import type { GenericView } from "./page.js";
import type { EntityKind, SitePages } from "./pages.js";
import type { Cell, Fact, SiteSection } from "./view.js";

/** The register's columns the page's title gives. */
const UNSHOWN = new Set(["no", "id", "product"]);

export interface FirstArticlePagesInput {
  rc: RegisterContext;
  /** YYYY-MM-DD: the day of the register the page's facts are a row of. */
  today: string;
  pages: SitePages;
  /** The findings section of an entity's page (build.ts ownFindings); undefined when it has none. */
  findings: (page: string, kind: EntityKind, id: string) => SiteSection | undefined;
}

/** The ids of the records that have a page on `today` (YYYY-MM-DD): dated by then, each number once (a second record of a number is id/duplicate's). */
export function firstArticleIds(rc: RegisterContext, today: string): string[] {
  return [...new Set(rc.repo.firstArticles.filter((r) => r.value.date <= today).map((r) => r.value.id))];
}

/** Each record's page (its path, site-relative) and what it shows, in first-articles.yaml's order; the first record of a number only. */
export function firstArticlePages(input: FirstArticlePagesInput): { page: string; view: Omit<GenericView, "site"> }[] {
  const { rc, today, pages } = input;
  const register = firstArticleRegister(rc, { today });
  const recorded = rc.repo.firstArticles.filter((r) => r.value.date <= today);
  const none = t(rc, "site.none");
  return firstArticleIds(rc, today).map((id) => {
    const record = recorded.find((r) => r.value.id === id)!.value;
    const page = pages.page("first-article", id)!;
    const row = register.rows.find((r) => r.id === id)!;
    const document = record.document === undefined ? undefined : rc.index.documents.get(record.document)?.value;
    const facts: Fact[] = [];
    for (const column of register.columns) {
      const value = row[column.key];
      if (UNSHOWN.has(column.key) || value === null || value === undefined || value === "") continue;
      const href = column.key === "process" ? pages.link(page, "process", String(value)) : column.key === "document" && record.document !== undefined ? pages.link(page, "document", record.document) : undefined;
      facts.push({ label: column.header, values: [{ text: String(value), ...(href ? { href } : {}) }] });
      if (column.key === "document" && document) facts.push({ label: t(rc, "show.first-article.document-title"), values: [{ text: localized(rc.lang, document.title, document.title_en) }] });
    }
    const subject = firstArticleSubject(record);
    const others: Cell[] = recorded
      .filter((r) => r.value.id !== id && firstArticleSubject(r.value) === subject)
      .map(({ value }) => {
        const href = pages.link(page, "first-article", value.id);
        return { text: t(rc, "show.first-article.other-line", { id: value.id, date: value.date, result: t(rc, `value.first-article-result.${value.result}`), report: value.report }), ...(href ? { href } : {}) };
      });
    const findings = input.findings(page, "first-article", id);
    const sections: SiteSection[] = [...(findings ? [findings] : []), { title: t(rc, "show.first-article.same-operation"), items: others, empty: none }];
    return { page, view: { title: `${id} ${t(rc, "show.first-article.title", { product: record.product, operation: record.operation ?? record.process ?? "" })}`, facts, sections } };
  });
}
