/**
 * What every register builder needs besides the repository: the language, and lookups that turn
 * ids into what a reader of the register expects (people's names, department names, versions).
 */
import { localized } from "../../core/text.js";
import { translate, type MessageData, type MessageKey } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import { csrOn, csrRecordedAfter, documentOn, releasedContentOn, releaseRecordedAfter, reviewRecordedAfter } from "../../model/as-of.js";
import { inCatalogOrder, wholeChapters } from "../../model/catalog.js";
import { buildIndex, currentRevision, revisionEffective, revisionInForce, revisionOn, type RepoIndex } from "../../model/index.js";
import { deviatedVersion } from "../../model/deviations.js";
import { releaseTag } from "../../model/paths.js";
import { releasedPendingUntil, revisionDate } from "../../model/revision.js";
import type { ControlledDocument, Csr, Revision } from "../../model/types.js";

export type Lang = "zh-CN" | "en";
export const LANGS: readonly Lang[] = ["zh-CN", "en"];

export interface RegisterContext {
  repo: Repository;
  index: RepoIndex;
  lang: Lang;
  /** The document whose text a CSR link is judged on, when `repo` shows it without (see SectionPrints); itself by default. */
  textOf?: (doc: ControlledDocument) => ControlledDocument;
  /**
   * The documents as earlier revisions of them were released, by release tag (load/base.ts
   * releasedRevisions): a register of a past day shows each document with the content of the revision
   * issued by then (documentsOn). Undefined when the command read none: then the content is the current one.
   */
  released?: ReadonlyMap<string, ControlledDocument>;
  /**
   * For a register of a past day, the documents as their files were committed at the end of that day,
   * by id (load/base.ts committedDocumentsOn; `null`: first committed later): the status of a draft,
   * the 修订中 mark and a form's retention, which the YAML does not date (documentsOn). Undefined
   * when the command read none (today's register, no git): then these are the current ones.
   */
  committed?: ReadonlyMap<string, ControlledDocument | null>;
  /**
   * What every view of clause coverage says first when `repo` is a part of the quality system, not all of it (csr site
   * --customer's audit pack holds the documents addressing one customer's requirements): the clause matrices and
   * cross-reference, the site's heat map and the dashboard's clause panel count coverage from those documents alone.
   */
  coverageNote?: string;
}

/**
 * The RegisterContext of `repo` in `lang`, with what a register of a past day read from git (`released`,
 * `committed`, see RegisterContext); `index`: the repository's index when the command already built it
 * (buildIndex of the same `repo`), else built here.
 */
export function registerContext(repo: Repository, lang: Lang, released?: ReadonlyMap<string, ControlledDocument>, committed?: ReadonlyMap<string, ControlledDocument | null>, index?: RepoIndex): RegisterContext {
  return { repo, index: index ?? buildIndex(repo), lang, ...(released ? { released } : {}), ...(committed ? { committed } : {}) };
}

/** The context's coverageNote as notes, to lead the notes of a view of clause coverage. */
export function scopeNotes(ctx: RegisterContext): string[] {
  return ctx.coverageNote === undefined ? [] : [ctx.coverageNote];
}

/**
 * The message in the register's language, which a command may choose apart from the process's own
 * (`csr import` compares a sheet with the registers of both languages).
 */
export function t(ctx: RegisterContext, key: MessageKey, data?: MessageData): string {
  return translate(ctx.lang, key, data);
}

/**
 * A person's name as a register prints it: people.yaml's name in the register's language (ctx.lang); the id as
 * written for one people.yaml does not know (ref/unresolved reports it); "" for none. A register's owners and an
 * edition's signers (审核/批准, GJB 9001C 7.5.3) alike.
 */
export function personName(ctx: RegisterContext, id: string | undefined): string {
  if (!id) return "";
  const person = ctx.index.people.get(id)?.value;
  if (!person) return id;
  return localized(ctx.lang, person.name, person.name_en);
}

// The people of people.yaml in its order (model/index.ts), for the registers and the site.
export { peopleOf } from "../../model/index.js";

export function departmentName(ctx: RegisterContext, code: string | undefined): string {
  if (!code) return "";
  const dept = ctx.index.departments.get(code) ?? ctx.index.parties.get(code);
  if (!dept) return code;
  return localized(ctx.lang, dept.name, dept.name_en);
}

export function documentTitle(ctx: RegisterContext, doc: ControlledDocument): string {
  return localized(ctx.lang, doc.title, doc.title_en);
}

export function customerName(ctx: RegisterContext, code: string): string {
  const customer = ctx.index.customers.get(code)?.value;
  return customer ? localized(ctx.lang, customer.name, customer.name_en) : code;
}

export function documentVersion(doc: ControlledDocument): string {
  return currentRevision(doc)?.version ?? "";
}

/**
 * The issue date (发布日期) of the current version: its revision's date, or that it is on the paper
 * record (revisionDate). The date it takes effect (实施日期, `effective`) is another date in a Chinese
 * register, which may be later.
 */
export function issueDate(ctx: RegisterContext, doc: ControlledDocument): string | null {
  const current = currentRevision(doc);
  return current ? revisionDate(current, ctx.lang) : null;
}

/**
 * The revision a register's row of a document describes on `today` (YYYY-MM-DD), with its 版本, its
 * signatures (编制/审核/批准) and dates (发布日期, `issued`; 生效日期, `effective`): while a later version is
 * 待实施 (releasedPendingUntil), the one in force (revisionInForce), which the shop floor works to and an
 * auditor compares a copy in use with; otherwise the current one. `pending`: the version released to take
 * effect later (and its 实施日期) when the row shows the one before it, for its status or 备注 to name.
 * A first issue not yet in force is shown itself, with no `pending` (breaker62 P8; IATF 16949 7.5.3.2.1).
 */
export function revisionListed(ctx: RegisterContext, doc: ControlledDocument, today: string): { revision: Revision | undefined; version: string; issued: string | null; effective: string | null; pending?: { version: string; date: string } } {
  const date = releasedPendingUntil(doc, today);
  const inForce = date === undefined ? undefined : revisionInForce(doc, today);
  if (date === undefined || inForce === undefined) {
    return { revision: currentRevision(doc), version: documentVersion(doc), issued: issueDate(ctx, doc), effective: effectiveDate(ctx, doc) };
  }
  const effective = revisionEffective(doc, (doc.revisions ?? []).indexOf(inForce));
  return { revision: inForce, version: inForce.version, issued: revisionDate(inForce, ctx.lang), effective, pending: { version: documentVersion(doc), date } };
}

/**
 * A register row's 备注 of the version it lists (`listed`, revisionListed): `status` (a temporary document's
 * 临时（至 …）, a version's 待实施（… 实施）; pendingStatus) as it is, or, when the row lists the version in force
 * that a version released to take effect later replaces, beside that version named: A/2 待实施（2026-12-14 实施）
 * (breaker62 P8). "" without a status. The procedure lists and the form list (表单清单) say it alike.
 */
export function pendingRemark(ctx: RegisterContext, listed: Pick<ReturnType<typeof revisionListed>, "pending">, status: string | undefined): string {
  if (status === undefined) return "";
  return listed.pending ? t(ctx, "register.version.pending", { version: listed.pending.version, status }) : status;
}

/** The day the current version took or takes effect (生效日期): `effective`, else its issue date, as every deadline counts it. */
export function effectiveDate(ctx: RegisterContext, doc: ControlledDocument): string | null {
  return doc.effective ?? issueDate(ctx, doc);
}

export function statusLabel(ctx: RegisterContext, status: ControlledDocument["status"]): string {
  return t(ctx, `register.status.${status}`);
}

/**
 * A document's status on `today`, as `csr show`, its page of `csr site`, `csr show --format json` and
 * the status column of the document list give it, one computation for all (tester61 L11, L4):
 * - a released version that takes effect later (releasedPendingUntil) while an earlier one is in force
 *   (revisionInForce) names that one first: 已发布（A/1 现行；A/2 待实施，2026-12-14 实施）, as the 现行版本
 *   line does (versionInForce); a first issue not yet in force is 待实施（2026-12-14 实施）. Until its
 *   实施日期 the shop floor works to the version before (IATF 16949 7.5.3.2.1);
 * - a temporary document (`valid_until`, csr release --until) is 临时（至 2026-12-19）, 临时（2026-12-07 实施，
 *   至 2026-12-19） before it takes effect, and 临时（已于 2026-12-19 到期） once past that day and not withdrawn
 *   (doc/temporary-expired; IATF 16949 8.5.6.1.1 has temporary changes time-limited and tracked);
 * - otherwise its status (已发布, 草稿 …).
 * A released one whose next revision was submitted by then (`revising`, csr submit) adds 修订中（… 送审）:
 * 已发布（修订中，… 送审）, or after any of the marks above, as the procedure list's 备注 gives them:
 * 待实施（2027-04-01 实施）；修订中（2027-03-31 送审） (tester56 D9).
 */
export function documentStatus(ctx: RegisterContext, doc: ControlledDocument, today: string): string {
  const marked = markedStatus(ctx, doc, today);
  const since = revisingOn(doc, today);
  if (marked) return since ? [marked, revisingRemark(ctx, doc, since)].join(t(ctx, "register.remarks-separator")) : marked;
  return since ? t(ctx, withSubmitter(ctx, doc, "register.status.revising"), { status: statusLabel(ctx, doc.status), since, by: submitter(ctx, doc) }) : statusLabel(ctx, doc.status);
}

/** documentStatus's status of a released document that is not simply 已发布 (temporary, or not yet in force); undefined otherwise. */
function markedStatus(ctx: RegisterContext, doc: ControlledDocument, today: string): string | undefined {
  const temporary = temporaryStatus(ctx, doc, today);
  if (temporary) return temporary;
  const date = releasedPendingUntil(doc, today);
  if (date === undefined) return undefined;
  const inForce = revisionInForce(doc, today)?.version;
  return inForce === undefined ? t(ctx, "register.status.pending", { date }) : t(ctx, "register.status.released-pending", { inForce, version: documentVersion(doc), date });
}

/**
 * 临时（至 2026-12-19） for a released temporary document (`valid_until`, its last valid day) on `today`;
 * 临时（2026-12-07 实施，至 2026-12-19） before its 实施日期; 临时（已于 2026-12-19 到期） after its last day,
 * still released (doc/temporary-expired). Undefined for a document not temporary, or not released.
 * What the registers listing it (the document list's status, the procedure and instruction lists' 备注)
 * and csr show print.
 */
export function temporaryStatus(ctx: RegisterContext, doc: ControlledDocument, today: string): string | undefined {
  const until = doc.valid_until;
  if (doc.status !== "released" || until === undefined) return undefined;
  if (until < today) return t(ctx, "register.status.temporary-expired", { until });
  const date = releasedPendingUntil(doc, today);
  return date === undefined ? t(ctx, "register.status.temporary", { until }) : t(ctx, "register.status.temporary-pending", { date, until });
}

/** 修订中（2027-03-31 由张伟送审）: a released document's revision submitted on `since`, and by whom when `csr submit --by` recorded it (tester57 E19). */
export function revisingRemark(ctx: RegisterContext, doc: ControlledDocument, since: string): string {
  return t(ctx, withSubmitter(ctx, doc, "register.remark.revising"), { since, by: submitter(ctx, doc) });
}

/** Who submitted the revision in preparation (送审人, `revising.by`) by name; "" when not recorded. */
export function submitter(ctx: RegisterContext, doc: ControlledDocument): string {
  return doc.revising?.by !== undefined ? personName(ctx, doc.revising.by) : "";
}

/**
 * The message of a revision's status or remark that names its submitter (`<key>-by`), when the revision
 * records one; `key` otherwise. Both forms are read back by `csr import` (import/plan.ts revisionInReview).
 */
export function withSubmitter<K extends "register.remark.revising" | "register.status.revising" | "register.status.revision-in-review" | "register.status.revision-in-review-pending">(ctx: RegisterContext, doc: ControlledDocument, key: K): K | `${K}-by` {
  return submitter(ctx, doc) ? `${key}-by` : key;
}

/**
 * What a deviation (a document naming others under `deviates_from`) is on `today` (YYYY-MM-DD), as
 * the card and the site page of a document it deviates from list it: its status unless released (草稿,
 * 审批中); released, its 实施日期 while ahead and a temporary one's last day, as temporaryStatus words
 * them inside the brackets the list puts around the note: 临时，至 2026-12-19; 2026-12-07 实施，临时，至 …;
 * 临时，已于 2026-12-19 到期 (doc/temporary-expired). "" for a deviation in force without an end.
 * IATF 16949 8.5.6.1.1.
 */
export function deviationNote(ctx: RegisterContext, doc: ControlledDocument, today: string): string {
  if (doc.status !== "released") return documentStatus(ctx, doc, today);
  const until = doc.valid_until;
  const pending = releasedPendingUntil(doc, today);
  if (until !== undefined && until < today) return t(ctx, "register.deviation.expired", { until });
  if (until !== undefined) return pending === undefined ? t(ctx, "register.deviation.until", { until }) : t(ctx, "register.deviation.pending-until", { date: pending, until });
  return pending === undefined ? "" : t(ctx, "register.deviation.pending", { date: pending });
}

/**
 * The deviations from a document on `today` (`referrers`, model/referrers.ts), by number, with their
 * notes (deviationNote): a withdrawn one has ended and is not listed.
 */
export function deviationsOn(ctx: RegisterContext, ids: readonly string[], today: string, target?: string): { doc: ControlledDocument; note: string }[] {
  return ids
    .flatMap((id) => ctx.index.documents.get(id)?.value ?? [])
    .filter((d) => d.status !== "obsolete")
    .sort((a, b) => compareIds(a.id, b.id))
    .map((doc) => ({ doc, note: withDeviatedVersion(ctx, deviationNote(ctx, doc, today), doc, target) }));
}

/**
 * `note` with the version of `target` the deviation `doc` deviates from when recorded (偏离 A/1, model/deviations.ts
 * deviatedVersion): 临时，至 2026-11-30；偏离 A/1. A reader of the standard document's card or page sees whether the
 * deviation was issued against the version in force (IATF 16949 8.5.6.1.1; tester63 N7).
 */
export function withDeviatedVersion(ctx: RegisterContext, note: string, doc: ControlledDocument, target: string | undefined): string {
  const version = target === undefined ? undefined : deviatedVersion(doc, target);
  if (version === undefined) return note;
  return [note, t(ctx, "register.deviation.of-version", { version })].filter((part) => part !== "").join(t(ctx, "register.remarks-separator"));
}

/**
 * The deviations from a document withdrawn by `today` (`ids`: its referrers' deviations, model/referrers.ts), by
 * number: its 历次偏离, which its card and page keep after they ended (IATF 16949 8.5.6.1.1; tester63 N4).
 */
export function pastDeviations(ctx: RegisterContext, ids: readonly string[], today: string): ControlledDocument[] {
  return ids
    .flatMap((id) => ctx.index.documents.get(id)?.value ?? [])
    .filter((d) => d.status === "obsolete" && (d.obsolete?.date ?? "") <= today)
    .sort((a, b) => compareIds(a.id, b.id));
}

/** 待实施（… 实施） for a released version that takes effect after `today` (model/revision.ts releasedPendingUntil); undefined otherwise. */
export function pendingStatus(ctx: RegisterContext, doc: ControlledDocument, today: string): string | undefined {
  const pending = releasedPendingUntil(doc, today);
  return pending ? t(ctx, "register.status.pending", { date: pending }) : undefined;
}

/**
 * The day the revision in preparation of a released document (修订中, `revising`) was submitted, when
 * that is on or before `today`; undefined otherwise.
 */
export function revisingOn(doc: ControlledDocument, today: string): string | undefined {
  const since = doc.status === "released" ? doc.revising?.since : undefined;
  return since !== undefined && since <= today ? since : undefined;
}

/**
 * The version in force on `today` as a register prints it where it says which version is current
 * (现行版本: the CSR matrix, a document's page of csr site): the current one, or, while that one is
 * 待实施, the one it replaces (revisionInForce) followed by the current one marked as the procedure
 * list marks it (documentStatus): "A/1；A/2 待实施（2026-12-15 实施）". A first issue not yet in force
 * has only the marked one. Until its 实施日期 the shop floor works to the version before
 * (auditor16 F6: the CSR matrix gave A/2 as 现行 while the distribution register kept A/1 in use).
 */
export function versionInForce(ctx: RegisterContext, doc: ControlledDocument, today: string): string {
  const version = documentVersion(doc);
  if (releasedPendingUntil(doc, today) === undefined) return version;
  const pending = t(ctx, "register.version.pending", { version, status: pendingStatus(ctx, doc, today)! });
  const inForce = revisionInForce(doc, today)?.version;
  return inForce === undefined ? pending : t(ctx, "register.version.in-force", { inForce, pending });
}

/**
 * versionInForce by a document's id, of the document as its records show it on `today` (documentsOn):
 * what a review report names beside each 落实文件, as the CSR matrix of that day does (tester49 #3); ""
 * for an id of no document then.
 */
export function versionInForceOn(ctx: RegisterContext, today: string): (id: string) => string {
  // documentsOn on first use: `csr render` of documents alone asks for none.
  return (id) => {
    const doc = documentsOn(ctx, today).byId.get(id);
    return doc ? versionInForce(ctx, doc, today) : "";
  };
}

/** Document numbers in natural order: QP-2 before QP-10. */
// One collator for every comparison: localeCompare with options builds a new one per call, which dominates sorting 10,000 ids.
const ID_COLLATOR = new Intl.Collator("en", { numeric: true });

export function compareIds(a: string, b: string): number {
  return ID_COLLATOR.compare(a, b);
}

/**
 * Clause references as registers write them: in catalog order (inCatalogOrder), without the
 * standard when there is only one, joined by '/'; chapters named whole, one range a run
 * ("4–10（全部条款）", wholeChapters), as a manual names every clause (auditor16 F9).
 */
export function clauseList(ctx: RegisterContext, clauses: readonly string[] | undefined): string {
  const scope = ctx.repo.config?.value.standards ?? [];
  const list = inCatalogOrder(clauses ?? [], scope);
  const standards = new Set(list.map((c) => c.split(":")[0]));
  const bare = standards.size === 1 && scope.length === 1 && standards.has(scope[0]!);
  // Each standard's numbers, in the order of the list, compressed against its catalog.
  const groups = new Map<string, string[]>();
  for (const ref of list) {
    const colon = ref.indexOf(":");
    const standard = colon < 0 ? "" : ref.slice(0, colon);
    let group = groups.get(standard);
    if (!group) groups.set(standard, (group = []));
    group.push(colon < 0 ? ref : ref.slice(colon + 1));
  }
  return [...groups]
    .flatMap(([standard, numbers]) => {
      const catalog = ctx.repo.catalogs.get(standard);
      const prefix = bare || standard === "" ? "" : `${standard}:`;
      return (catalog ? wholeChapters(catalog, numbers) : numbers).map((item) =>
        typeof item === "string"
          ? `${prefix}${item}`
          : prefix + t(ctx, item.from === item.to ? "register.clauses.whole-chapter" : "register.clauses.whole-chapters", { from: item.from, to: item.to }),
      );
    })
    .join("/");
}

/**
 * The repository's documents as the records show them on `day` (model/as-of.ts documentOn), in the
 * order of the repository, without those not yet controlled on that day; `byId` as the index keeps
 * them (the first of an id). A document revised after `day` has the content of the revision issued
 * by then, as released (`ctx.released`); `unread` has those (as they are now) whose content of that
 * revision the command could not read from git, which keep their current content. Built once per
 * context and day: a site or a workbook builds several registers of the same day from them.
 */
export interface DocumentsOn {
  list: ControlledDocument[];
  byId: Map<string, ControlledDocument>;
  unread: Set<ControlledDocument>;
}

const documentsOnDay = new WeakMap<RegisterContext, { day: string; on: DocumentsOn }>();

export function documentsOn(ctx: RegisterContext, day: string): DocumentsOn {
  const known = documentsOnDay.get(ctx);
  if (known?.day === day) return known.on;
  const unread = new Set<ControlledDocument>();
  const list = ctx.repo.documents.flatMap(({ value }) => {
    const earlier = ctx.released && releasedContentOn(value, day);
    const released = earlier ? ctx.released!.get(releaseTag(value.id, earlier.version)) : undefined;
    if (earlier && !released) unread.add(value);
    const on = documentOn(value, day, released, ctx.committed?.get(value.id));
    return on ? [on] : [];
  });
  const byId = new Map<string, ControlledDocument>();
  for (const doc of list) if (!byId.has(doc.id)) byId.set(doc.id, doc);
  const on = { list, byId, unread };
  documentsOnDay.set(ctx, { day, on });
  return on;
}

/**
 * The organisation's own live documents on `day`: obsolete ones are withdrawn, external ones were
 * not written here; each kind has its own register (作废文件清单, 外来文件清单).
 */
export function liveDocuments(ctx: RegisterContext, day: string, keep: (doc: ControlledDocument) => boolean): ControlledDocument[] {
  return documentsOn(ctx, day)
    .list.filter((d) => d.status !== "obsolete" && d.kind !== "external" && keep(d))
    .sort((a, b) => compareIds(a.id, b.id));
}

/**
 * What a register of controlled documents lists on `day` (受控文件清单, 程序文件一览表 and the lists of
 * the other levels, 表单清单): of the live documents that `keep` selects (liveDocuments), the released
 * ones, in force or 待实施 (documentStatus says which); `unreleased` counts the drafts and documents in
 * review left out. A draft is not a controlled document: every register of a day lists the same
 * documents, with the same totals, and says how many it left out (unreleasedNotes; auditor16 F24).
 */
export function controlledDocuments(ctx: RegisterContext, day: string, keep: (doc: ControlledDocument) => boolean): { listed: ControlledDocument[]; unreleased: number } {
  const live = liveDocuments(ctx, day, keep);
  const listed = live.filter((d) => d.status === "released");
  return { listed, unreleased: live.length - listed.length };
}

/** The note under a register of controlled documents that left out `count` drafts and documents in review (controlledDocuments). */
export function unreleasedNotes(ctx: RegisterContext, count: number): string[] {
  return count > 0 ? [t(ctx, "register.documents.not-in-force", { count })] : [];
}

/**
 * Whether a register says what it prints in Chinese for want of English (title_en, meaning_en, …) and where that
 * English goes: only when it prints in English (`ctx.lang` en) from a repository not kept in English (csr.yaml
 * `language`, tester23 F22); never in Chinese.
 */
export function wantsTranslationHints(ctx: RegisterContext): boolean {
  return ctx.lang === "en" && ctx.repo.config?.value.language !== "en";
}

/** `{ hints }` to spread into a Table (Table.hints), or nothing when there are none. */
export function withHints(hints: string[]): { hints?: string[] } {
  return hints.length > 0 ? { hints } : {};
}

/** With unreleasedNotes, the command that lists what was left out: for the one who runs it (Table.hints), not the register's reader. */
export function unreleasedHints(ctx: RegisterContext, count: number): string[] {
  return count > 0 ? [t(ctx, "register.documents.not-in-force.hint")] : [];
}

/** The organisation's own documents of every status, withdrawn ones too: what a register of them was built from. */
export function ownDocuments(ctx: RegisterContext): ControlledDocument[] {
  return ctx.repo.documents.map((d) => d.value).filter((d) => d.kind !== "external");
}

/**
 * The line under a register dated `day` that was built from records of which some are dated after
 * it (`recordedAfter`): the register is what those records show on that day, not today's.
 */
export function asOfNotes(ctx: RegisterContext, day: string, recordedAfter: boolean): string[] {
  return recordedAfter ? [t(ctx, "register.as-of.note", { date: day })] : [];
}

/**
 * The lines under a register of documents dated `day` built from the records of `considered` (the
 * documents it lists and those whose data it prints): asOfNotes when one of them was released,
 * withdrawn or periodically reviewed after `day`, and which of them revised after `day` are listed with their current content
 * because that of the revision issued by then was not found in git (documentsOn `unread`).
 */
export function documentAsOfNotes(ctx: RegisterContext, day: string, considered: readonly ControlledDocument[]): string[] {
  const { unread } = documentsOn(ctx, day);
  const missing = considered.filter((d) => unread.has(d)).sort((a, b) => compareIds(a.id, b.id));
  const notes = asOfNotes(ctx, day, considered.some((d) => releaseRecordedAfter(d, day) || reviewRecordedAfter(d, day)));
  if (missing.length === 0) return notes;
  // A repository adopted with its revision history has no git record of the versions before: the first few name the rest.
  const shown = missing.slice(0, UNREAD_SHOWN).map((d) => `${d.id} ${revisionOn(d, day)!.version}`);
  const more = missing.length > shown.length ? t(ctx, "register.as-of.content-unread.more", { count: missing.length }) : "";
  return [...notes, t(ctx, "register.as-of.content-unread", { documents: shown.join(t(ctx, "register.list-separator")), more, count: missing.length, date: day })];
}

/** How many documents the note of documentAsOfNotes names before it counts the rest. */
const UNREAD_SHOWN = 10;

/**
 * The line under a CSR register dated `day` when a record of its requirements (`csrs`, as the
 * repository has them) is dated after that day (csrRecordedAfter): the register is rebuilt for the
 * day (csrsOn), and says so. A register that prints implementations (`shown`, its CSRs of that day)
 * says too that their owner, due date and evidence carry no date, so are as recorded now, and that a
 * requirement decided after the day shows none (csrOn; tester49 #4); one that prints where its
 * requirements are addressed, that those links are as recorded now and how the revision of the day is
 * judged (model/link-start.ts, tester52 D3).
 */
export function csrAsOfNotes(ctx: RegisterContext, day: string, csrs: readonly Csr[], shown?: readonly Csr[]): string[] {
  const notes = asOfNotes(ctx, day, csrs.some((csr) => csrRecordedAfter(csr, day)));
  if (notes.length === 0 || !shown) return notes;
  const undated = shown.some(({ implementation }) => implementation?.owner !== undefined || implementation?.due !== undefined || implementation?.evidence !== undefined);
  // Where a requirement is addressed is not dated either: the reader is told which revision counts on the day (model/link-start.ts, tester52 D3).
  const addressed = shown.some((csr) => (csr.addressed?.length ?? 0) > 0);
  return [...notes, ...(undated ? [t(ctx, "register.as-of.csr-undated", { date: day })] : []), ...(addressed ? [t(ctx, "register.as-of.csr-addressed", { date: day })] : [])];
}

/**
 * The repository's CSRs as their records show them on `day` (model/as-of.ts csrOn), in the order of
 * the repository, without those received later. Built once per context and day, as documentsOn: a
 * site or a workbook builds several CSR registers of the same day, and the review rounds judged once
 * per CSR (judgingRoundsOnce) need the same objects.
 */
const csrsOnDay = new WeakMap<RegisterContext, { day: string; on: Csr[] }>();

export function csrsOn(ctx: RegisterContext, day: string): Csr[] {
  const known = csrsOnDay.get(ctx);
  if (known?.day === day) return known.on;
  const on = ctx.repo.csrs.flatMap(({ value }) => {
    const csr = csrOn(value, day, ctx.index.customers.get(value.customer)?.value);
    return csr ? [csr] : [];
  });
  csrsOnDay.set(ctx, { day, on });
  return on;
}

/**
 * The CSRs of `day` (csrsOn) by id; of an id two files carry, the first file's, as the index keeps it
 * (ref/duplicate-id reports the others): what a document's card and page name.
 */
export function csrsOnById(ctx: RegisterContext, day: string): Map<string, Csr> {
  const byId = new Map<string, Csr>();
  for (const csr of csrsOn(ctx, day)) if (!byId.has(csr.id)) byId.set(csr.id, csr);
  return byId;
}
