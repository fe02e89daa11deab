/**
 * `csr periodic-review <document>`: the conclusion of a periodic review (定期评审) of a released
 * document, recorded under `reviews` without a new revision (`csr check --base` does not ask for
 * one). GJB 9001C 7.5.2/7.5.3 and IATF 16949 7.5.3 review documents for suitability and adequacy:
 * the conclusion is `suitable` (继续有效; restarts doc/periodic-review-due's interval), `revise`
 * (需修订) or `withdraw` (拟作废). The last two do not restart the interval: the document is
 * suitable again only when the new revision is released, or it is made obsolete. `--for-edition <id>`
 * says the review was also the review for a new edition of a standard (换版评审, 新版标准适用性评审;
 * `edition` in the entry), which the register of documents to review for it counts (csr list
 * edition-review): a review like any other, restarting the interval when the document is suitable.
 */
import { addMonths } from "../../core/dates.js";
import { changedClausesReached } from "../../report/registers/edition-review.js";
import type { Catalog } from "../../model/catalog.js";
import type { Repository } from "../../load/repository.js";
import { UserError } from "../../core/errors.js";
import { didYouMean, localized } from "../../core/text.js";
import { language, shortList, t } from "../../i18n/index.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { currentRevision } from "../../model/index.js";
import { PERIODIC_REVIEW_RESULTS, type ControlledDocument, type PeriodicReviewResult } from "../../model/types.js";
import { citingWithdrawal, nextPeriodicReview } from "../../model/periodic-review.js";
import { compareIds } from "../../report/registers/context.js";
import { revisionEvent } from "../../model/recorded-events.js";
import { choiceOption, dateOption, eventDateOption, refuseBefore } from "../options.js";
import { appendIn, type FileChange } from "../shared/persist.js";
import { personLabel, refuseMilitaryWork } from "../shared/people.js";
import { allOrNothing } from "../shared/all-or-nothing.js";
import { departmentByCode, editFile, findDocumentById, need, withEditSession, optionalAnswer, insiderOption, personChoices, saveChanges, type EditSession } from "../shared/edit.js";

export interface PeriodicReviewFlags {
  by?: string;
  date?: string;
  /** `suitable` (default), `revise` or `withdraw`, or its label (继续有效 / 需修订 / 拟作废). */
  result?: string;
  comment?: string;
  /** The catalog id of a new edition (IATF16949E2) this review is also for: 换版评审 (新版标准适用性评审). */
  forEdition?: string;
  /** For a revise or withdraw conclusion: the day it is to be carried out by (完成期限). */
  due?: string;
  /** For a revise or withdraw conclusion: who carries it out (责任人). */
  owner?: string;
  yes?: boolean;
  commit?: boolean;
}

export interface PeriodicReviewsFlags extends PeriodicReviewFlags {
  /** Also every released document whose periodic review falls due by this day (or is due now). */
  dueBy?: string;
  /** Only (of --due-by's) the documents of this department. */
  department?: string;
}

/**
 * One document as before; several (or a --due-by / --department selection) share one --by, --date,
 * --result and --comment, as a review meeting concludes on many documents at once (tester71 Q6): all
 * are written in one change and, with --commit, one commit; when any document is refused (its own
 * refusals: not released, reviewed before its current version, the same review recorded already),
 * each refusal is printed with its document and nothing is written, so the record is never half made.
 */
export async function periodicReviewCommand(ctx: CommandContext, ids: string[], flags: PeriodicReviewsFlags): Promise<number> {
  if (ids.length === 1 && flags.dueBy === undefined && flags.department === undefined) return recordPeriodicReview(ctx, ids[0]!, flags);
  if (ids.length === 0 && flags.dueBy === undefined) throw new UserError(t("periodic-review.batch.none-given"), t("periodic-review.batch.none-given.hint"));
  if (flags.department !== undefined && flags.dueBy === undefined) throw new UserError(t("periodic-review.batch.department-alone"));
  return recordPeriodicReviews(ctx, ids, flags);
}

async function recordPeriodicReviews(ctx: CommandContext, given: string[], flags: PeriodicReviewsFlags): Promise<number> {
  const dueBy = flags.dueBy === undefined ? undefined : dateOption(flags.dueBy, "--due-by");
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const department = flags.department === undefined ? undefined : departmentByCode(session, flags.department, "--department");
    const selected =
      dueBy === undefined
        ? []
        : session.repo.documents
            .map(({ value }) => value)
            .filter((doc) => (department === undefined || doc.department === department) && !given.includes(doc.id))
            .filter((doc) => {
              const next = nextPeriodicReview(doc);
              return next !== undefined && (next.due === undefined || next.due <= dueBy);
            })
            .map((doc) => doc.id)
            .sort(compareIds);
    const ids = [...new Set([...given, ...selected])];
    if (ids.length === 0) throw new UserError(t(department === undefined ? "periodic-review.batch.none-due" : "periodic-review.batch.none-due-department", { dueBy: dueBy ?? "", department: department ?? "" }));
    const result = flags.result === undefined ? "suitable" : choiceOption(flags.result, "--result", PERIODIC_REVIEW_RESULTS, "suitable");
    const edition = flags.forEdition === undefined ? undefined : editionOption(session.repo, flags.forEdition);
    const date = eventDateOption(flags.date, "--date");
    const { ask } = session;
    const reviewer = insiderOption(
      session,
      flags.by ?? (await need(ask, "--by", t("periodic-review.needs.by"), (p) => p.select({ message: t("prompt.periodic-review.by"), choices: personChoices(session, undefined, { organisation: true }) }))),
      "--by",
      date,
    );
    refuseMilitaryWork(session.index, reviewer, "--by", "periodic-review");
    const comment =
      result === "suitable"
        ? flags.comment?.trim() || undefined
        : (flags.comment?.trim() || (await need(ask, "--comment", t("periodic-review.needs.reason"), (p) => p.input({ message: t("prompt.periodic-review.reason"), required: true })))).trim();
    const follow = followUp(session, flags, result, date);
    const planned = allOrNothing(
      ids,
      (id) => {
        const { value: document, file } = findDocumentById(session, id);
        if (document.status !== "released") throw new UserError(t("periodic-review.not-released", { id, status: t(`value.document-status.${document.status}`) }));
        const current = currentRevision(document);
        refuseBefore(date, "--date", current ? { ...revisionEvent(current), of: id } : undefined);
        return planReview(session, document, file.path, { by: reviewer.id, date, result, comment, edition, ...follow });
      },
      { heading: (count, total) => t("periodic-review.batch.refused", { count, total }), hint: t("periodic-review.batch.refused.hint") },
    );
    const reviewerLabel = personLabel(session.index, reviewer.id);
    const lines = [t("periodic-review.batch.recorded", { count: planned.length, by: reviewerLabel, date, result: t(`value.periodic-review-result.${result}`) }), ...planned.flatMap((p) => p.lines.map((line) => `  ${line}`))];
    const message = t("commit.periodic-review.batch", { ids: shortList(ids), count: ids.length, result: t(`value.periodic-review-result.${result}`), by: reviewerLabel, date }) + (edition ? t("commit.periodic-review.for-edition", { edition: edition.title }) : "");
    await saveChanges(ctx, session, planned.map((p) => p.change), lines, { commit: flags.commit, message });
    return 0;
  });
}

interface Planned {
  change: FileChange;
  lines: string[];
}

/**
 * --due and --owner: the follow-up of a 需修订 / 拟作废 conclusion (完成期限, 责任人), as a 文件评审记录 carries it
 * and an auditor tracks it to closure (IATF 16949 7.5.3, 10.2). UserError, one line: either given with a
 * suitable conclusion, a due day before the review, an unknown person or one who had left by the review.
 */
function followUp(session: EditSession, flags: PeriodicReviewFlags, result: PeriodicReviewResult, date: string): { due?: string; owner?: string } {
  if (flags.due === undefined && flags.owner === undefined) return {};
  if (result === "suitable") throw new UserError(t("periodic-review.follow-up.suitable", { flag: flags.due !== undefined ? "--due" : "--owner" }));
  const due = flags.due === undefined ? undefined : dateOption(flags.due, "--due");
  if (due !== undefined && due < date) throw new UserError(t("periodic-review.follow-up.due-before", { due, date }));
  const owner = flags.owner === undefined ? undefined : insiderOption(session, flags.owner, "--owner", date).id;
  return { ...(due ? { due } : {}), ...(owner ? { owner } : {}) };
}

/** The review of one document as decided: its entry, refused when the same review is recorded already, and what to do next. */
function planReview(
  session: EditSession,
  document: ControlledDocument,
  path: string,
  decided: { by: string; date: string; result: PeriodicReviewResult; comment?: string | undefined; edition?: Catalog | undefined; due?: string; owner?: string },
): Planned {
  const { by, date, result, comment, edition, due, owner } = decided;
  const id = document.id;
  if ((document.reviews ?? []).some((r) => r.by === by && r.date === date))
    throw new UserError(t("periodic-review.duplicate", { id, by: personLabel(session.index, by), date }), t("periodic-review.duplicate.hint", { file: path }));
  // An entry without `result` means suitable (the entries written before the option): it is left out for suitable.
  const entry = { by, date, ...(result === "suitable" ? {} : { result }), ...(comment ? { comment } : {}), ...(due ? { due } : {}), ...(owner ? { owner } : {}), ...(edition ? { edition: edition.id } : {}) };
  const change = editFile(session.root, path, "document", (doc) => appendIn(doc, ["reviews"], entry));
  const months = document.review_interval_months;
  const reviewerLabel = personLabel(session.index, by);
  const lines = [edition ? t("periodic-review.recorded.edition", { id, by: reviewerLabel, date, edition: edition.title }) : t("periodic-review.recorded", { id, by: reviewerLabel, date })];
  // A document that cites no clause the edition renumbers, splits or removes is not on the register of documents to review for it (breaker59 H5).
  if (edition && changedClausesReached(edition, session.repo.catalogs.get(edition.supersedes!.standard)!)(document.clauses).length === 0)
    lines.push(t("periodic-review.edition-not-listed", { id, edition: edition.title }));
  if (result === "withdraw") lines.push(...withdrawalSteps(session.repo, id));
  else if (result !== "suitable") lines.push(t(`periodic-review.next.${result}`, { id }));
  else if (months) lines.push(t("periodic-review.next", { due: addMonths(date, months) }));
  if (due || owner) lines.push(t(due && owner ? "periodic-review.follow-up" : due ? "periodic-review.follow-up.due" : "periodic-review.follow-up.owner", { due: due ?? "", owner: owner ? personLabel(session.index, owner) : "" }));
  return { change, lines };
}

export async function recordPeriodicReview(ctx: CommandContext, id: string, flags: PeriodicReviewFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { value: document, file } = findDocumentById(session, id);
    if (document.status !== "released") throw new UserError(t("periodic-review.not-released", { id, status: t(`value.document-status.${document.status}`) }));
    const { ask } = session;
    // Refused before any question, so that a mistyped code is not found after the answers.
    const given = flags.result === undefined ? undefined : choiceOption(flags.result, "--result", PERIODIC_REVIEW_RESULTS, "suitable");
    const edition = flags.forEdition === undefined ? undefined : editionOption(session.repo, flags.forEdition);
    // It confirms the current version, so it cannot come before that version was issued.
    const current = currentRevision(document);
    const date = eventDateOption(flags.date, "--date", { follows: current ? { ...revisionEvent(current), of: id } : undefined });
    const reviewer = insiderOption(
      session,
      flags.by ?? (await need(ask, "--by", t("periodic-review.needs.by"), (p) => p.select({ message: t("prompt.periodic-review.by"), choices: personChoices(session, document.department, { organisation: true }) }))),
      "--by",
      date,
    );
    // The periodic review is the organisation's own (GJB 9001C 7.5.2): not the 军代表's.
    refuseMilitaryWork(session.index, reviewer, "--by", "periodic-review");
    const by = reviewer.id;
    // The same review recorded twice (a command repeated after an interruption) would print twice in the record (breaker59 H4).
    if ((document.reviews ?? []).some((r) => r.by === by && r.date === date))
      throw new UserError(t("periodic-review.duplicate", { id, by: personLabel(session.index, by), date }), t("periodic-review.duplicate.hint", { file: file.path }));
    const result =
      given ??
      (ask
        ? await ask.select({ message: t("prompt.periodic-review.result"), choices: PERIODIC_REVIEW_RESULTS.map((r) => ({ value: r, name: t(`value.periodic-review-result.${r}`) })) })
        : "suitable");
    // A review that finds the document unsuitable says why: the record is what the revision or withdrawal answers.
    const comment =
      result === "suitable"
        ? (flags.comment ?? (ask ? optionalAnswer(await ask.input({ message: t("prompt.comment-optional") })) : undefined))
        : (flags.comment?.trim() || (await need(ask, "--comment", t("periodic-review.needs.reason"), (p) => p.input({ message: t("prompt.periodic-review.reason"), required: true })))).trim();
    const { change, lines } = planReview(session, document, file.path, { by, date, result, comment, edition, ...followUp(session, flags, result, date) });
    const reviewerLabel = personLabel(session.index, by);
    const message =
      (result === "suitable" ? t("commit.periodic-review", { id, by: reviewerLabel, date }) : t(`commit.periodic-review.${result}`, { id, by: reviewerLabel, date })) +
      (edition ? t("commit.periodic-review.for-edition", { edition: edition.title }) : "");
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message });
    return 0;
  });
}

/**
 * The steps after a 拟作废 conclusion, in their order (tester60 J12): `csr obsolete` refuses while a
 * released document cites the document in `related` or `forms`, or a process of processes.yaml lists
 * it (doc/obsolete-referenced: a document in force must not send its readers to a withdrawn one, IATF
 * 16949 / GJB 9001C 7.5.3.2), so each is named with what to do first, and the withdrawal comes last.
 * Drafts citing it need nothing: csr obsolete --superseded-by re-points them.
 */
function withdrawalSteps(repo: Repository, id: string): string[] {
  const { documents: citing, processes } = citingWithdrawal(repo.documents.map((d) => d.value), repo.processes.map((p) => p.value), id);
  if (citing.length === 0 && processes.length === 0) return [t("periodic-review.next.withdraw", { id })];
  return [
    t("periodic-review.next.withdraw-first", { id, count: citing.length + processes.length }),
    ...citing.map((d) => `  ${t("periodic-review.next.withdraw-document", { document: d.id, title: localized(language(), d.title, d.title_en), id })}`),
    ...processes.map((p) => `  ${t("periodic-review.next.withdraw-process", { process: p.code, name: localized(language(), p.name, p.name_en), id })}`),
    t("periodic-review.next.withdraw-then", { id }),
  ];
}

/**
 * --for-edition: the catalog of a new edition (standards/<ID>.yaml with `supersedes` naming a catalog
 * csr has), by its id. UserError naming the new editions the repository has, the closest as a did-you-mean
 * (as doc/review-edition-unknown does for a record edited by hand), or saying it has none.
 */
function editionOption(repo: { catalogs: ReadonlyMap<string, Catalog> }, id: string): Catalog {
  const editions = [...repo.catalogs.values()].filter((c) => c.supersedes && repo.catalogs.has(c.supersedes.standard));
  const catalog = editions.find((c) => c.id === id);
  if (catalog) return catalog;
  throw new UserError(
    t("periodic-review.edition-unknown", { id }) + didYouMean(id, editions.map((c) => c.id)),
    editions.length > 0 ? t("periodic-review.edition-unknown.hint", { choices: editions.map((c) => c.id).join("、") }) : t("edition-review.none"),
  );
}
