/**
 * The documents to review for a new edition of a standard (换版评审清单): the released documents that
 * cite a clause the new edition renumbers, splits or removes, in the old numbering or, after
 * 'csr standard migrate', in the new one, with the department that owns each and whether its review
 * for the edition (csr periodic-review --for-edition, a `reviews` entry with `edition`) is recorded.
 * IATF's transition rules for a new edition (as for the 2016 one) expect the organisation to review
 * its documented information against the new requirements before the transition audit; a clause
 * kept under its number and title needs no such decision (clause/superseded-edition is silent on it).
 */
import { UserError } from "../../core/errors.js";
import { correspondingClauses, formerNumbers, parseClauseRef, type Catalog } from "../../model/catalog.js";
import { issuedOn } from "../../model/index.js";
import type { ControlledDocument, PeriodicReview } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, departmentName, documentsOn, documentTitle, documentVersion, personName, t, type RegisterContext } from "./context.js";
import { periodicReviewResult } from "./periodic-reviews.js";

/**
 * The catalog of the new edition the register is for: `id` when given (a catalog with `supersedes`),
 * else the repository's one new edition. UserError when there is none, or `id` supersedes nothing.
 */
export function newEditionCatalog(ctx: RegisterContext, id: string | undefined): Catalog {
  const editions = [...ctx.repo.catalogs.values()].filter((c) => c.supersedes && ctx.repo.catalogs.has(c.supersedes.standard));
  const choices = editions.map((c) => c.id).join(t(ctx, "common.list-separator"));
  if (id === undefined) {
    if (editions.length === 0) throw new UserError(t(ctx, "edition-review.none"));
    return editions[0]!;
  }
  // Without any new edition, how to add one (as csr periodic-review --for-edition says it), rather than "new editions: none" (breaker59 H10).
  if (editions.length === 0) throw new UserError(t(ctx, "edition-review.not-new", { id }), t(ctx, "edition-review.none"));
  const catalog = editions.find((c) => c.id === id);
  if (!catalog) throw new UserError(t(ctx, "edition-review.unknown", { id, choices }));
  return catalog;
}

/**
 * For each old clause of `successor`'s supersession that needs a decision, what became of it: the
 * new numbers ([] removed; undefined when the new edition lacks the number and the correspondence
 * does not say). A clause kept under its number and title is left out.
 */
export function changedClauses(successor: Catalog, old: Catalog): Map<string, string[] | undefined> {
  const changed = new Map<string, string[] | undefined>();
  for (const [number, clause] of old.clauses) {
    const to = correspondingClauses(successor, number);
    const same = to?.length === 1 && to[0] === number && successor.clauses.get(number)?.title === clause.title;
    if (!same) changed.set(number, to);
  }
  return changed;
}

/**
 * The old clauses a list of clause references (STANDARD:CLAUSE, either edition) reaches among those
 * the new edition renumbers, splits or removes (changedClauses), in the old catalog's order: what puts
 * a document on the register of documents to review for the edition. [] when none.
 */
export function changedClausesReached(successor: Catalog, old: Catalog, changed = changedClauses(successor, old)): (refs: readonly string[] | undefined) => string[] {
  const former = formerNumbers(successor, old);
  return (refs) => {
    const numbers = new Set<string>();
    for (const text of refs ?? []) {
      const ref = parseClauseRef(text);
      if (ref?.standard === old.id && changed.has(ref.clause)) numbers.add(ref.clause);
      if (ref?.standard === successor.id) for (const n of former.get(ref.clause) ?? []) if (changed.has(n)) numbers.add(n);
    }
    return [...old.clauses.keys()].filter((n) => numbers.has(n));
  };
}

/** Dated `today`: the documents released by then and the reviews recorded by then. */
export function editionReviewRegister(ctx: RegisterContext, options: { today: string; standard: string | undefined }): Table {
  const { today } = options;
  const successor = newEditionCatalog(ctx, options.standard);
  const old = ctx.repo.catalogs.get(successor.supersedes!.standard)!;
  const changed = changedClauses(successor, old);
  const separator = t(ctx, "common.list-separator");
  const reached = changedClausesReached(successor, old, changed);
  const describe = (number: string): string => {
    const to = changed.get(number);
    if (to === undefined) return t(ctx, "register.edition-review.unlisted", { from: number });
    if (to.length === 0) return t(ctx, "register.edition-review.removed", { from: number });
    return t(ctx, to.length > 1 ? "register.edition-review.split" : "register.edition-review.renumbered", { from: number, to: to.join(separator) });
  };
  const documents = documentsOn(ctx, today)
    .list.filter((d) => d.status === "released" && d.kind !== "external")
    .flatMap((doc) => {
      const clauses = reached(doc.clauses);
      return clauses.length > 0 ? [{ doc, clauses }] : [];
    })
    .sort((a, b) => compareIds(a.doc.id, b.doc.id));
  const reviewOf = (doc: ControlledDocument): PeriodicReview | undefined => {
    // The review as the file has it today: documentsOn gives the released content, which may predate it.
    const own = ctx.repo.documents.find((d) => d.value.id === doc.id)?.value ?? doc;
    return (own.reviews ?? []).filter((r) => r.edition === successor.id && r.date <= today).at(-1);
  };
  /**
   * Where the document stands for the edition: not reviewed; done (继续有效, or 需修订 answered by a
   * revision issued on or after the review's day, by `today`); or reviewed with its 需修订/拟作废 still
   * open — the document is not ready for the edition until it is revised or withdrawn (breaker59 H3).
   */
  const standing = (doc: ControlledDocument, review: PeriodicReview | undefined): "not-reviewed" | "reviewed" | "revised" | "revision-pending" | "withdrawal-pending" => {
    if (!review) return "not-reviewed";
    if (review.result !== "revise" && review.result !== "withdraw") return "reviewed";
    const revised = (doc.revisions ?? []).some((r) => issuedOn(r) >= review.date && issuedOn(r) <= today);
    if (review.result === "revise") return revised ? "revised" : "revision-pending";
    return "withdrawal-pending";
  };
  const rows = documents.map(({ doc, clauses }, i) => {
    const review = reviewOf(doc);
    const state = standing(doc, review);
    return {
      no: i + 1,
      id: doc.id,
      title: documentTitle(ctx, doc),
      version: documentVersion(doc),
      department: departmentName(ctx, doc.department),
      clauses: clauses.map(describe).join(t(ctx, "register.edition-review.clause-separator")),
      status: t(ctx, `register.edition-review.${state}`),
      date: review?.date ?? "",
      by: review ? personName(ctx, review.by) : "",
      result: review ? periodicReviewResult(ctx, { ...review, edition: undefined }) : "",
      comment: review?.comment ?? "",
      state,
    };
  });
  const reviewed = rows.filter((r) => r.state === "reviewed" || r.state === "revised").length;
  const open = rows.filter((r) => r.state === "revision-pending" || r.state === "withdrawal-pending").length;
  const processes = ctx.repo.processes.filter((p) => reached(p.value.clauses).length > 0).length;
  const csrs = ctx.repo.csrs.filter((c) => reached(c.value.clauses).length > 0).length;
  const data = { old: old.title, edition: successor.title, id: successor.id };
  const listHints = [
    ...(rows.some((r) => r.state === "not-reviewed") ? [t(ctx, "register.edition-review.hint", data)] : []),
    ...(processes + csrs > 0 ? [t(ctx, "register.edition-review.others.hint", { ...data, from: old.id })] : []),
  ];
  return {
    id: "edition-review",
    title: t(ctx, "register.edition-review.title", { ...data, count: rows.length }),
    sheet: t(ctx, "register.edition-review.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.edition-review.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "register.edition-review.column.id"), kind: "id" },
      { key: "title", header: t(ctx, "register.edition-review.column.title") },
      { key: "version", header: t(ctx, "register.edition-review.column.version"), kind: "code" },
      { key: "department", header: t(ctx, "register.edition-review.column.department"), kind: "name" },
      { key: "clauses", header: t(ctx, "register.edition-review.column.clauses") },
      { key: "status", header: t(ctx, "register.edition-review.column.status"), kind: "code" },
      { key: "date", header: t(ctx, "register.edition-review.column.date"), date: true },
      { key: "by", header: t(ctx, "register.edition-review.column.by"), kind: "name" },
      { key: "result", header: t(ctx, "register.edition-review.column.result"), kind: "code" },
      { key: "comment", header: t(ctx, "register.edition-review.column.comment") },
    ],
    rows: rows.map(({ state: _, ...row }) => row),
    notes: [
      t(ctx, "register.edition-review.scope", data),
      t(ctx, "register.edition-review.summary", { reviewed, count: rows.length }),
      ...(open > 0 ? [t(ctx, "register.edition-review.open", { open })] : []),
      ...(processes + csrs > 0 ? [t(ctx, "register.edition-review.others", { ...data, processes, csrs })] : []),
    ],
    // How to record a review is for the one working through the list (csr list), not for a csr export (breaker59 H10);
    // so is the command that lists the processes and CSRs, not for the printed register, its workbook or the site's page.
    ...(listHints.length > 0 ? { listHints } : {}),
  };
}
