/**
 * `csr set <CSR-id>`: corrects what `csr add` registered, without hand-edited YAML: the title, the
 * requirement text, the clauses, the section of the source document, the category and the date
 * received.
 *
 * The section, the category and the date received are registration facts: they are corrected at any
 * time. The title, the text and the clauses are the requirement the departments reviewed: once the
 * review is decided, changing them changes the requirement, which the customer does with a new
 * revision of its document (`csr source update`, a new review round). Only a typing error made when
 * registering may be corrected then, said so with `--amend`; the decision stays, and the corrected
 * value is in the file's git history (the commit says it was a correction).
 *
 * The English title (title_en, which the English registers print) is a translation of the title for
 * readers of those registers, not the requirement the departments reviewed: it is added or corrected
 * at any time, decided or not.
 *
 * A corrected date received moves the review deadline (unless a new source revision restarted the
 * review, whose deadline counts from that revision): the output gives the new one.
 *
 * The source document (and its revision) is a registration fact too: a requirement the customer sent
 * in a letter or an e-mail after its manual, registered against the manual, is moved to the letter
 * once that is recorded (`--source`, tester20 F19). The review stays as it is. A CSR with records that
 * name revisions of its source (a review round restarted by a new revision, a confirmation, a
 * distribution or training of a revision) is not moved: those records would name the wrong document.
 * A requirement the customer states anew in another document is a new CSR, and the old one is
 * superseded by it (`csr supersede`).
 */
import { isSeq } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { conjunction, language, list, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { estimatedDeadlineNote } from "../../model/calendar.js";
import { categoryNotAllowed, DEFAULT_REVIEW_DAYS, latestRevision, reviewDue, sourceRevisionTakenFrom } from "../../model/csr-status.js";
import { csrDistributions } from "../../model/distribution.js";
import { REQUIREMENT_FIELDS, wordingMoved, type RequirementField } from "../../model/csr-requirement.js";
import type { Csr, CsrAmendment, SourceDocument, SourceRevision } from "../../model/types.js";
import { revisionName } from "../../i18n/values.js";
import { receivedAfterSource, receivedBeforeSource, sourceAmendHint } from "../add/ask.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { deadlinesToCheck, documentsToCheck } from "../shared/documents-to-check.js";
import { classificationOption, eventDateAnswer, eventDateOption } from "../options.js";
import { CLASSIFICATIONS, classificationName, csrClassification, higherClassification, withheldLevel } from "../../model/classification.js";
import { editFile, findCsrById, personOption, saveChanges, setInOrder, type EditSession } from "../shared/edit.js";
import { appendIn } from "../shared/persist.js";
import { classificationLowering, loweringRecorded } from "./classification.js";
import { clauseList, listChange, sameList, setList, type SetFlags } from "./index.js";

/** The options of `csr set` that correct a CSR. */
export interface CsrFieldFlags {
  title?: string;
  titleEn?: string;
  text?: string;
  section?: string;
  category?: string;
  /** The source document the requirement came from (one of the customer's), by id. */
  source?: string;
  /** That document's revision; the latest one when only --source is given. */
  sourceRevision?: string;
  /** A correction of a typing error in a decided CSR's title, text or clauses. */
  amend?: boolean;
  /** Why (--amend): written with the correction under `amendments`. */
  reason?: string;
}

/** The order of a CSR file's keys, as csr add writes them and the schema lists the rest: a new key goes where it belongs. */
export const CSR_KEY_ORDER: readonly (keyof Csr)[] = [
  "id", "customer", "source", "clauses", "title", "title_en", "text", "category", "classification", "received", "review", "addressed", "implementation", "distribution", "superseded", "training", "remarks", "amendments", "classification_changes",
];


/** The options of `csr set` that are a document's only, with the flag that names each. */
const DOCUMENT_OPTIONS: readonly [keyof SetFlags, string][] = [
  ["processes", "--processes"], ["addProcess", "--add-process"], ["removeProcess", "--remove-process"], ["addForm", "--add-form"], ["removeForm", "--remove-form"],
  ["addRelated", "--add-related"], ["removeRelated", "--remove-related"], ["retention", "--retention"], ["medium", "--medium"], ["location", "--location"], ["retentionEn", "--retention-en"], ["locationEn", "--location-en"], ["retentionTerm", "--retention-term"], ["reviewInterval", "--review-interval"],
  ["edition", "--edition"], ["issued", "--issued"], ["effective", "--effective"],
];

/** The options of `csr set` that are a CSR's only, with the flag that names each. */
export const CSR_OPTIONS: readonly [keyof CsrFieldFlags, string][] = [
  ["title", "--title"], ["titleEn", "--title-en"], ["text", "--text"], ["section", "--section"], ["category", "--category"], ["source", "--source"], ["sourceRevision", "--source-revision"], ["amend", "--amend"], ["reason", "--reason"],
];

type Field = "title" | "title_en" | "text" | "source" | "section" | "category" | "clauses" | "received" | "classification" | "remarks";
const FIELDS: readonly Field[] = ["title", "title_en", "section", "clauses", "text", "category", "received", "source", "classification", "remarks"];

interface FieldChange {
  field: Field;
  after: string | string[] | undefined;
  text: string;
}

const given = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);

/** Whether the options name a field of a CSR (and so the question at a terminal is not needed). */
function anyField(flags: SetFlags & CsrFieldFlags): boolean {
  return [flags.title, flags.titleEn, flags.text, flags.section, flags.category, flags.source, flags.sourceRevision, flags.received, flags.clauses, flags.addClause, flags.removeClause, flags.classification, flags.remarks].some(given);
}

export async function setCsr(ctx: CommandContext, session: EditSession, id: string, options: SetFlags & CsrFieldFlags): Promise<number> {
  const misplaced = DOCUMENT_OPTIONS.find(([key]) => given(options[key]));
  if (misplaced) throw new UserError(t("set.csr.document-option", { flag: misplaced[1], id }));
  // A file that fails its schema is worked from, and the change written only if it repairs the file (shared/repair.ts).
  const { value: csr, file } = findCsrById(session, id, { repair: true });
  const repaired = session.repairs.find((r) => r.path === file.path)?.fields ?? [];
  const asked = session.ask && !anyField(options);
  const flags = asked ? { ...options, ...(await askField(session, session.ask!, csr)) } : options;
  if (!anyField(flags)) throw new UserError(t("set.nothing", { id }), t("set.csr.nothing.hint"));

  const changes: FieldChange[] = [];
  const text = (field: "title" | "title_en" | "text" | "section" | "category" | "remarks", value: string | undefined, before: string | undefined) => {
    if (value === undefined) return;
    const after = value.trim() === "" ? undefined : value.trim();
    if (after === undefined && field === "title") throw new UserError(t("set.csr.empty-title"));
    if (after === before) return;
    changes.push({ field, after, text: after === undefined ? t("set.csr.cleared", { before: before ?? "" }) : before === undefined ? after : t("set.was", { value: after, before }) });
  };
  text("title", flags.title, csr.title);
  text("title_en", flags.titleEn, csr.title_en);
  // A new title without its English in the same command: the English on file translates the old
  // title, and the English registers would print it (tester23 F17). It goes.
  if (changes.some((c) => c.field === "title") && flags.titleEn === undefined && csr.title_en !== undefined) {
    changes.push({ field: "title_en", after: undefined, text: t("set.stale-english", { before: csr.title_en, flag: "--title-en" }) });
  }
  text("text", flags.text, csr.text);
  const move = sourceMove(session, csr, flags);
  if (move) changes.push({ field: "source", after: undefined, text: t("set.was", { value: sourceName(move.source.id, move.revision.revision), before: sourceName(csr.source.document, csr.source.revision) }) });
  // A section of the document the CSR leaves is no section of the one it moves to.
  const section = flags.section ?? (move && move.source.id !== csr.source.document ? "" : undefined);
  text("section", section, csr.source.section);
  const category = flags.category?.trim();
  const allowed = categoryNotAllowed(session.repo.config?.value, category === "" ? undefined : category);
  if (allowed) throw new UserError(t("add.unknown-category", { category: category!, allowed: list(allowed) }) + didYouMean(category!, allowed), t("add.unknown-category-hint", { category: shellArgument(category!) }));
  text("category", flags.category, csr.category);
  // The 备注 of the CSR list (tester76 M9): a note for its readers, not the requirement, so set decided or not.
  text("remarks", flags.remarks, csr.remarks);
  const clauses = clauseList(session, csr.id, csr.clauses ?? [], flags);
  if (clauses && clauses.after.length === 0) throw new UserError(t("set.csr.no-clauses", { id }));
  if (clauses && !sameList(clauses.before, clauses.after)) changes.push({ field: "clauses", after: clauses.after, text: listChange(clauses) });
  if (move) {
    // Compared with the revision it moves to, as date/received-before-source will compare it.
    const received = flags.received === undefined ? csr.received : eventDateOption(flags.received, "--received");
    if (received < move.revision.received) {
      if (flags.received !== undefined) throw new UserError(receivedBeforeSource(move.source, received, "--received", move.revision)!, sourceAmendHint(move.source, move.revision));
      const data = { id, received, source: move.source.id, revision: revisionName(move.revision.revision), sourceReceived: move.revision.received };
      throw new UserError(t("set.csr.source-received-later", data), t("set.csr.source-received-later.hint", data));
    }
    if (received !== csr.received) changes.push({ field: "received", after: received, text: t("set.was", { value: received, before: csr.received }) });
  } else if (flags.received !== undefined) {
    const received = eventDateOption(flags.received, "--received");
    const customer = session.repo.customers.find((c) => c.value.code === csr.customer)?.value;
    const source = customer?.sources?.find((s) => s.id === csr.source.document);
    // The revision the CSR was taken from, as date/received-before-source and date/received-after-source
    // compare it: a CSR moved on to a later revision or confirmed unchanged in it was received with an earlier one.
    const revision = sourceRevisionTakenFrom(csr, customer);
    const early = source && revision ? receivedBeforeSource(source, received, "--received", revision) : undefined;
    if (early) throw new UserError(early, sourceAmendHint(source!, revision));
    if (received !== csr.received) changes.push({ field: "received", after: received, text: csr.received === undefined ? received : t("set.was", { value: received, before: csr.received }) });
  }
  const classification = classificationChange(session, csr, flags.classification);
  if (classification) changes.push(classification);
  const customerOfCsr = session.repo.customers.find((c) => c.value.code === csr.customer)?.value;
  const lowering = classificationLowering(session, id, csrClassification(customerOfCsr, csr), classification ? classificationOption(flags.classification!) : undefined, flags, flags.amend === true);
  // The commit message of a CSR marked 秘密 or above (before or after) names a changed text, not the text: a PR's
  // commit list, the hosting's mails and every git log are read outside the repository's access control (tester57 E2).
  const withheld = withheldLevel(higherClassification(csrClassification(customerOfCsr, csr), flags.classification === undefined ? "" : classificationOption(flags.classification)));
  if (changes.length === 0) {
    ctx.stdout(t("set.unchanged", { id }) + "\n");
    return 0;
  }

  const decision = csr.review?.decision;
  // A title shortened while its whole wording moves to text unchanged (a CSR list imported without a
  // 要求名称 column takes each title from the requirement's wording): the reviewed requirement reads the same.
  const after = (field: "title" | "text") => {
    const change = changes.find((c) => c.field === field);
    return change ? (change.after as string | undefined) : csr[field];
  };
  const movedWording = wordingMoved(csr, { title: after("title") ?? csr.title, text: after("text") });
  // A field the file had no valid value for (an import left it out) is given, not changed: the departments reviewed the paper's (shared/repair.ts).
  const requirement = changes.filter((c): c is FieldChange & { field: RequirementField } => (REQUIREMENT_FIELDS as readonly string[]).includes(c.field) && !(movedWording && (c.field === "title" || c.field === "text")) && !repaired.includes(c.field));
  // The new revision's wording entered after the round's decision, before any link was confirmed for it (tester56 D1): the
  // same as before the decision, the wording of the new round, not a correction; the links stay unconfirmed (csr/suspect-link).
  const lateWording = decision && requirement.length > 0 && !flags.amend ? revisedRound(csr, true) : undefined;
  const newWording =
    lateWording !== undefined && requirement.every((c) => csr.review!.history![lateWording]![c.field] === undefined) && !(csr.addressed ?? []).some((a) => a.pin !== undefined && a.pin.date >= csr.review!.restarted!)
      ? lateWording
      : undefined;
  if (decision && requirement.length > 0 && !flags.amend && newWording === undefined) {
    const fields = conjunction(requirement.map((c) => t(`set.csr.requirement.${c.field}`)));
    throw new UserError(
      t("set.csr.decided", { id, fields, date: decision.date, disposition: t(`value.disposition.${decision.disposition}`) }),
      // A round restarted by a new source revision reviewed that revision: registering it again is not the way (tester56 D1).
      t(csr.review?.restarted ? "set.csr.decided.hint-revised" : "set.csr.decided.hint", { id: shellArgument(id), source: shellArgument(csr.source.document), named: revisionName(csr.source.revision) }),
    );
  }

  const amended = decision !== undefined && requirement.length > 0 && newWording === undefined;
  const reason = flags.reason?.trim();
  if (reason !== undefined && !amended && !lowering) throw new UserError(t("set.csr.reason-without-amend", { id }));
  if (reason === "") throw new UserError(t("set.csr.empty-reason"));
  // Who corrected the reviewed requirement is on record, as who decided it (tester57 leftover): --by, required.
  if (amended && flags.by === undefined) throw new UserError(t("set.csr.amend-without-by", { id }), t("set.csr.amend-without-by.hint", { id: shellArgument(id) }));
  const amendedBy = amended ? personOption(session, flags.by!, "--by", localToday()).id : undefined;
  // The correction stays on record in the file (csr/requirement-changed reads it): the value each field had, the day and why.
  const amendments: CsrAmendment[] = amended
    ? requirement.map((c) => {
        const was = c.field === "clauses" ? csr.clauses : csr[c.field];
        return { date: localToday(), field: c.field, ...(was === undefined ? {} : { was }), ...(reason ? { reason } : {}), by: amendedBy! };
      })
    : [];
  // A requirement the customer changed in a new source revision (csr source update restarted the
  // review, no decision yet in the new round): the new wording is the new revision's, not a
  // correction, and the round that reviewed the old one keeps it (tester54a A1), so that its review
  // report and every view of a day before the restart print the text the departments decided on.
  const closing = revisedRound(csr) ?? newWording;
  const kept = closing === undefined || amended ? [] : requirement.filter((c) => csr.review!.history![closing]![c.field] === undefined);
  const change = editFile(session.root, file.path, "csr", (doc) => {
    for (const c of kept) {
      const was = c.field === "clauses" ? csr.clauses : csr[c.field];
      if (was === undefined) continue;
      const node = doc.createNode(was);
      if (isSeq(node)) node.flow = true;
      doc.setIn(["review", "history", closing!, c.field], node);
    }
    for (const amendment of amendments) {
      const node = doc.createNode(amendment);
      // The clauses replaced on one line, as the file's own clauses are written.
      const was = node.get("was", true);
      if (isSeq(was)) was.flow = true;
      appendIn(doc, ["amendments"], node);
    }
    if (lowering) setInOrder(doc, CSR_KEY_ORDER, "classification_changes", doc.createNode([...(csr.classification_changes ?? []), lowering]));
    for (const c of changes) {
      // Clauses an import left out go where a CSR file has them, before the title.
      if (c.field === "clauses" && isSeq(doc.get("clauses", true))) setList(doc, "clauses", c.after as string[]);
      else if (c.field === "clauses") setInOrder(doc, CSR_KEY_ORDER, "clauses", doc.createNode(c.after, { flow: true }));
      else if (c.field === "source") {
        doc.setIn(["source", "document"], move!.source.id);
        doc.setIn(["source", "revision"], move!.revision.revision);
      } else if (c.field === "section") {
        if (c.after === undefined) doc.deleteIn(["source", "section"]);
        else doc.setIn(["source", "section"], c.after);
      } else if (c.after === undefined) doc.delete(c.field);
      else setInOrder(doc, CSR_KEY_ORDER, c.field, doc.createNode(c.after));
    }
  });
  const lines = [t("set.updated", { id, title: csr.title ?? (changes.find((c) => c.field === "title")?.after as string | undefined), path: file.path }), ...changes.map((c) => `  ${t(`set.field.${c.field}`)}${t("set.colon")}${c.text}`)];
  if (lowering) lines.push(loweringRecorded(session, lowering));
  const config = session.repo.config?.value;
  const calendar = repositoryCalendar(config);
  const moved = changes.find((c) => c.field === "received");
  let note: string | undefined;
  if (moved) {
    const corrected: Csr = { ...csr, received: moved.after as string };
    const due = reviewDue(corrected, calendar, config);
    const days = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
    lines.push(
      csr.review?.restarted
        ? t("set.csr.due-restarted", { due, restarted: csr.review.restarted })
        : csr.received === undefined
          ? t("set.csr.review-due-new", { due, count: days, received: corrected.received })
          : t("set.csr.review-due", { due, count: days, received: corrected.received, before: reviewDue(csr, calendar, config) }),
    );
    // A deadline the correction puts in the past is said to be past, as csr add says it of a late registration.
    const late = -calendar.workdaysBetween(localToday(), due);
    if (late > 0 && !csr.review?.decision && !csr.review?.restarted) lines.push(t("set.csr.overdue", { id, count: late }));
    note = estimatedDeadlineNote(calendar, corrected.received, due);
  }
  // Where the requirement came from is no part of what was reviewed: the review moves with it.
  if (move && decision) lines.push(t("set.csr.source-decided", { id, date: decision.date }));
  if (movedWording) lines.push(t("set.csr.wording-moved", { id }));
  if (amended) lines.push(t("set.csr.amended", { id, date: decision.date }));
  if (closing !== undefined && !amended && requirement.length > 0) {
    const round = csr.review!.history![closing]!;
    lines.push(t("set.csr.revised", { id, revision: revisionName(csr.source.revision), earlier: revisionName(round.source_revision!), fields: conjunction(requirement.map((c) => t(`set.csr.requirement.${c.field}`))) }));
    if (decision) lines.push(t("set.csr.revised-decided", { id, date: decision.date }));
  }
  // A new wording makes the places it is addressed suspect (csr/suspect-link): say which, as csr source update does (tester64 N6).
  const reworded = changes.some((c) => c.field === "text") && !amended && !movedWording;
  const toCheck = reworded ? documentsToCheck([{ csr, change: "text" }]) : undefined;
  if (toCheck) lines.push(toCheck);
  const deadlines = reworded ? deadlinesToCheck([{ csr, change: "text" }], (code) => session.repo.customers.map((c) => ({ value: c.value, path: c.file.path })).find((c) => c.value.code === code)) : undefined;
  if (deadlines) lines.push(deadlines);
  const summary = changes
    .map((c) => (withheld !== "" && (c.field === "text" || c.field === "remarks") ? t("commit.set.withheld", { field: t(`set.field.${c.field}`), classification: classificationName(language(), withheld) }) : `${t(`set.field.${c.field}`)} ${c.text}`))
    .join(t("set.commit-separator"));
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.set", { id, summary }) + (amended ? t("commit.set.amended") : "") });
  if (note) ctx.stderr(note);
  const late = receivedLate(session, csr, move, flags.received !== undefined, (moved?.after as string | undefined) ?? csr.received);
  if (late) ctx.stderr(late + "\n");
  return 0;
}

/**
 * The index in `review.history` of the round a new source revision closed to open the current one,
 * while the current round has no decision (or, `decided`, has one): the round that reviewed the requirement as the earlier
 * revision worded it (csr source update). Undefined when the review was not restarted.
 */
function revisedRound(csr: Csr, decided = false): number | undefined {
  const review = csr.review;
  if (!review?.restarted || (review.decision && !decided)) return undefined;
  const history = review.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const round = history[i]!;
    if (round.source_revision === undefined) continue;
    return round.closed === review.restarted && round.source_revision !== csr.source.revision ? i : undefined;
  }
  return undefined;
}

/**
 * csr add's warning (receivedAfterSource) when the CSR as set, moved to another source or given
 * another date received, is dated received after the revision it is then taken from (tester23 F4):
 * the move was committed, and csr check reports date/received-after-source.
 */
function receivedLate(session: EditSession, csr: Csr, move: SourceMove | undefined, receivedGiven: boolean, received: string): string | undefined {
  if (!move && !receivedGiven) return undefined;
  const customer = session.repo.customers.find((c) => c.value.code === csr.customer)?.value;
  const source = move?.source ?? customer?.sources?.find((s) => s.id === csr.source.document);
  const revision = move?.revision ?? sourceRevisionTakenFrom(csr, customer);
  return source && revision && received > revision.received ? receivedAfterSource(csr.id, csr.customer, received, source, revision) : undefined;
}

interface SourceMove {
  source: SourceDocument;
  revision: SourceRevision;
}

/**
 * The source document and revision `--source` and `--source-revision` move the CSR to, checked;
 * undefined when neither is given or they name where it is. Only one of its customer's documents,
 * by a revision recorded there; `--source` alone takes that document's latest revision. A CSR whose
 * records name revisions of its source (revisionRecords) stays where it is.
 * Errors: UserError, one line naming the customer's source documents or the document's revisions.
 */
function sourceMove(session: EditSession, csr: Csr, flags: CsrFieldFlags): SourceMove | undefined {
  if (flags.source === undefined && flags.sourceRevision === undefined) return undefined;
  const customers = session.repo.customers.map((c) => c.value);
  const sources = customers.find((c) => c.code === csr.customer)?.sources ?? [];
  const id = flags.source?.trim() ?? csr.source.document;
  const source = sources.find((s) => s.id === id);
  const known = list(sources.map((s) => s.id)) || t("add.none");
  if (!source) {
    const owner = customers.find((c) => c.code !== csr.customer && (c.sources ?? []).some((s) => s.id === id));
    if (owner) throw new UserError(t("set.csr.source-of-other-customer", { id: csr.id, customer: csr.customer, source: id, owner: owner.code, sources: known }));
    throw new UserError(t("set.csr.unknown-source", { customer: csr.customer, source: id, sources: known }) + didYouMean(id, sources.map((s) => s.id)), t("set.csr.unknown-source.hint", { customer: csr.customer }));
  }
  const named = flags.sourceRevision?.trim() ?? (source.id === csr.source.document ? csr.source.revision : latestRevision(source)!.revision);
  const revision = source.revisions.find((r) => r.revision === named);
  if (!revision) throw new UserError(t("set.csr.unknown-source-revision", { source: source.id, revision: named, known: list(source.revisions.map((r) => r.revision)) }));
  if (source.id === csr.source.document && revision.revision === csr.source.revision) return undefined;
  const records = revisionRecords(csr);
  if (records.length > 0) {
    throw new UserError(
      t("set.csr.source-records", { id: csr.id, records: list(records), source: csr.source.document }),
      t("set.csr.source-records.hint", { id: shellArgument(csr.id), customer: shellArgument(csr.customer) }),
    );
  }
  return { source, revision };
}

/**
 * The records of a CSR that name a revision of its source document, by kind: review rounds closed
 * by a new revision (and the restart of the current one), confirmations, implementation records
 * closed with a round, distributions and training sessions. They say what happened with that
 * document's revisions, which a move to another document or revision would contradict.
 */
function revisionRecords(csr: Csr): string[] {
  const review = csr.review;
  const kinds: [boolean, string][] = [
    [review?.restarted !== undefined || (review?.history ?? []).some((h) => h.source_revision !== undefined || h.revised_to !== undefined), "rounds"],
    [(review?.confirmations ?? []).length > 0, "confirmations"],
    [(csr.implementation?.history ?? []).some((h) => h.source_revision !== undefined || h.revised_to !== undefined), "implementation"],
    [csrDistributions(csr).some((d) => d.source_revision !== undefined), "distribution"],
    [(csr.training?.sessions ?? []).some((s) => s.revision !== undefined), "training"],
  ];
  return kinds.filter(([named]) => named).map(([, kind]) => t(`set.csr.record.${kind as "rounds" | "confirmations" | "implementation" | "distribution" | "training"}`));
}

/**
 * `--classification`: the CSR's 密级 is register data (set under the 保密 rules, decided or not). One
 * equal to its source document's is not written (the key goes): the CSR inherits it and follows it.
 */
function classificationChange(session: EditSession, csr: Csr, given: string | undefined): FieldChange | undefined {
  if (given === undefined) return undefined;
  const classification = classificationOption(given);
  const customer = session.repo.customers.find((c) => c.value.code === csr.customer)?.value;
  const before = csrClassification(customer, csr);
  const inherited = csrClassification(customer, { source: csr.source });
  const after = classification === inherited ? undefined : classification;
  if (after === csr.classification) return undefined;
  const name = (value: string) => classificationName(language(), value);
  const text = before === "" ? name(classification) : after === undefined ? t("set.csr.classification-inherited", { value: name(classification), source: csr.source.document, before: name(before) }) : t("set.was", { value: name(classification), before: name(before) });
  return { field: "classification", after, text };
}

/** A source document and revision as the output names them: DYA-SQM C 版. */
const sourceName = (document: string, revision: string) => `${document} ${revisionName(revision)}`;

/**
 * The one field a terminal user chose to correct and its new value, as the options would give it,
 * the present value offered: a list of clauses answered whole, comma-separated.
 */
async function askField(session: EditSession, ask: Prompts, csr: Csr): Promise<SetFlags & CsrFieldFlags> {
  const field = await ask.select({ message: t("set.prompt.field", { id: csr.id }), choices: FIELDS.map((f) => ({ value: f, name: t(`set.field.${f}`) })) });
  if (field === "clauses") return { clauses: await ask.input({ message: t("set.prompt.list", { field: t("set.field.clauses") }), default: csr.clauses.join(","), required: true }) };
  if (field === "received") return { received: await ask.input({ message: t("set.field.received"), default: csr.received, validate: eventDateAnswer() }) };
  if (field === "source") return askSource(session, ask, csr);
  if (field === "classification") {
    const present = csrClassification(session.repo.customers.find((c) => c.value.code === csr.customer)?.value, csr);
    return { classification: await ask.select({ message: t("set.field.classification"), choices: CLASSIFICATIONS.map((c) => ({ value: c, name: classificationName(language(), c) })), ...(present ? { default: present } : {}) }) };
  }
  if (field === "category" && session.repo.config?.value.csr?.categories?.length) {
    const categories = session.repo.config.value.csr.categories;
    return { category: await ask.select({ message: t("set.field.category"), choices: categories.map((c) => ({ value: c })), ...(csr.category && categories.includes(csr.category) ? { default: csr.category } : {}) }) };
  }
  const present = field === "section" ? csr.source.section : csr[field as Exclude<Field, "section" | "clauses" | "received" | "source" | "classification">];
  const answer = await ask.input({ message: t(`set.field.${field}`), ...(present ? { default: present } : {}), required: field === "title" });
  return field === "title_en" ? { titleEn: answer } : { [field]: answer };
}

/**
 * The source document to move the CSR to, among its customer's, the present one offered, and its
 * revision when it has more than one recorded (the latest offered, or the present one of the same document).
 */
async function askSource(session: EditSession, ask: Prompts, csr: Csr): Promise<CsrFieldFlags> {
  const sources = session.repo.customers.find((c) => c.value.code === csr.customer)?.value.sources ?? [];
  const source = await ask.select({
    message: t("set.field.source"),
    choices: sources.map((s) => ({ value: s.id, name: `${s.id}  ${s.title}${t("prompt.add.source-revision", { revision: revisionName(latestRevision(s)!.revision) })}` })),
    ...(sources.some((s) => s.id === csr.source.document) ? { default: csr.source.document } : {}),
  });
  const revisions = sources.find((s) => s.id === source)!.revisions;
  if (revisions.length < 2) return { source };
  const present = source === csr.source.document ? csr.source.revision : revisions.at(-1)!.revision;
  const sourceRevision = await ask.select({
    message: t("set.prompt.source-revision", { source }),
    choices: [...revisions].reverse().map((r) => ({ value: r.revision, name: t("set.prompt.source-revision.choice", { revision: revisionName(r.revision), received: r.received }) })),
    default: present,
  });
  return { source, sourceRevision };
}
