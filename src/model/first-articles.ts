/**
 * The record of first article inspections (first-articles.yaml, 首件鉴定记录; GJB 9001C-2017 8.5.1, GJB 908A): the first
 * article of a product made at an operation (a new product, after a design or process change, after a stop, at another
 * site or with another supplier's material) is inspected against the 工艺规程 or 图样 it was made to, by a team with the
 * 军代表 attending, before batch production goes on. Pure functions of the data: csr first-article, csr list
 * first-articles, csr show FA-… and csr check's first-article/* rules read them.
 */
import type { Located } from "../load/repository.js";
import { revisionEffective } from "./index.js";
import { nextNumbered } from "./actions.js";
import type { ControlledDocument, FirstArticle, Revision } from "./types.js";

/** The letters of a record's number: FA-2026-001. */
export const FIRST_ARTICLE_PREFIX = "FA";

/**
 * The next free number of a record inspected in `year` (YYYY): FA-<year>-NNN, one more than the highest of that year among
 * `taken` (any letter case), three digits at least.
 */
export function nextFirstArticleId(taken: Iterable<string>, year: string): string {
  return nextNumbered(taken, `${FIRST_ARTICLE_PREFIX}-${year}-`);
}

/**
 * What a record inspected the first article of: its product and its operation (else its process), compared in NFKC,
 * without spaces and in any letter case, so that "XX-3 电源模块 / 灌封" and "xx-3电源模块 / 灌封" are one. Two records of
 * one subject are an inspection and its repetition.
 */
export function firstArticleSubject(record: Pick<FirstArticle, "product" | "operation" | "process">): string {
  const key = (s: string | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return `${key(record.product)}\n${key(record.operation ?? record.process)}`;
}

/**
 * The records judged 不合格 (fail) after which no record of the same subject (firstArticleSubject) was judged 合格 (pass):
 * dated later, or on the same day and written after it in `records` (file order). GJB 908A: a first article that fails is
 * corrected and inspected again; batch production goes on only after one passes. In `records`' order.
 */
export function failedWithoutPass<R extends { value: FirstArticle }>(records: readonly R[]): R[] {
  return records.filter((failed, i) => {
    if (failed.value.result !== "fail") return false;
    const subject = firstArticleSubject(failed.value);
    return !records.some((other, j) => other.value.result === "pass" && firstArticleSubject(other.value) === subject && (other.value.date > failed.value.date || (other.value.date === failed.value.date && j > i)));
  });
}

/**
 * The revisions of `document` whose change request asked for a new 首件鉴定 (`first_article_required`, csr release
 * --configuration-change --first-article-required; GJB 908A, GJB 9001C 7.5.3, 8.3.6, 8.5.1), in effect by `today`
 * (revisionEffective), that no 首件鉴定 of `records` follows: none names the document (`document`) or the change
 * (`change_request`) with a date on or after the revision's release day (its `date`, YYYY-MM-DD; else the day it took effect). A configuration change
 * that did not ask for one is not asked about (review80 2). Each with its index in `revisions` and the day it took effect.
 */
export function changesWithoutFirstArticle(document: ControlledDocument, records: readonly FirstArticle[], today: string): { revision: Revision; index: number; effective: string }[] {
  if (document.status === "obsolete") return [];
  return (document.revisions ?? []).flatMap((revision, index) => {
    if (revision.first_article_required !== true) return [];
    const effective = revisionEffective(document, index);
    if (effective > today) return [];
    const followed = records.some((r) => (r.document === document.id || (revision.change_request !== undefined && r.change_request === revision.change_request)) && r.date >= (revision.date ?? effective));
    return followed ? [] : [{ revision, index, effective }];
  });
}

/** The records of `records` made to document `id` (its 首件鉴定 history), oldest first as recorded. */
export function firstArticlesOf<R extends { value: FirstArticle }>(records: readonly R[], id: string): R[] {
  return records.filter((r) => r.value.document === id);
}

export type LocatedFirstArticle = Located<FirstArticle>;
