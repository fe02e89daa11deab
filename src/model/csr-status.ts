/**
 * What state a CSR is in, derived from its recorded facts and never typed by hand:
 * received -> in-review -> decided -> addressed -> implemented -> verified,
 * with superseded, rejected and not-applicable as ends; unconfirmed (待确认落实) is a decided one whose
 * links are all to be confirmed (csr/suspect-link).
 */
import { translate, type Lang } from "../i18n/index.js";
import { revisionNameIn } from "../i18n/values.js";
import { workdaysLeft, type WorkCalendar } from "./calendar.js";
import { AFTER_EVERY_DAY } from "../core/dates.js";
import { currentRevision, revisionEffective, revisionInForce } from "./index.js";
import { changedEnds } from "./fingerprint.js";
import { decidedToMeet, rejectedOutright } from "./decision.js";
import { confirmedSince, linkStandingOn, reviewRoundWindow, rewordedRound } from "./link-start.js";
import { releasedPendingUntil } from "./revision.js";
import type { AddressedIn, ControlledDocument, Csr, Customer, Disposition, Opinion, QmsConfig, ReviewRecord, ReviewRound, SourceDocument, SourceRevision } from "./types.js";

export const CSR_STATUSES = [
  "received",
  "in-review",
  "decided",
  "unconfirmed",
  "addressed",
  "implemented",
  "verified",
  "superseded",
  "rejected",
  "not-applicable",
] as const;
export type CsrStatus = (typeof CSR_STATUSES)[number];

/**
 * The one vocabulary for statuses in every list, matrix and report (templates carry the same words):
 * the catalogs' `csr-status.<status>`, in the language asked for (a register's, which may differ from the run's).
 */
export function csrStatusLabel(status: CsrStatus, lang: Lang): string {
  return translate(lang, `csr-status.${status}`);
}

/**
 * The statuses of a CSR whose review is open: received or in review, neither decided nor
 * superseded. Its review deadline runs from receipt (IATF 16949 7.5.3.2.2), so a CSR that has no
 * opinion yet counts as much as one that has some.
 */
export const REVIEW_OPEN_STATUSES: readonly CsrStatus[] = ["received", "in-review"];

export function reviewOpen(status: CsrStatus): boolean {
  return REVIEW_OPEN_STATUSES.includes(status);
}

export const DEFAULT_REVIEW_DAYS = 10;
export const DEFAULT_WARN_DAYS = 2;

/**
 * Whether one entry of a CSR's `addressed` is, on `today`, a place where the organisation's QMS
 * addresses the requirement (IATF 16949 7.5.1.1): only a released document in force that day does.
 * Not a withdrawn one (7.5.3.2, auditor17 F14), not a draft or one in approval (not yet part of the
 * QMS, auditor17 F7), not a document unknown to the repository, and not a link made or confirmed
 * against a revision released to take effect later (csr release --effective, its pin's revision; a
 * first issue not yet in force, whatever the pin): the text that addresses it is not at the place of
 * use until its 实施日期 (auditor17 F10). A link without a pin to a document whose next revision is
 * pending counts: which revision it was made against is not recorded. So does one confirmed against
 * the pending revision whose pin records the revision in force as `previous` (csr address --confirm
 * of a link that counted then, tester20 F18): that revision's text addresses it until the new one's.
 */
export type Addressing =
  | { counts: true; undated?: true }
  | { counts: false; why: "withdrawn"; date?: string }
  | { counts: false; why: "pending"; version: string; date: string }
  | { counts: false; why: "later"; version: string; date: string }
  /** The requirement changed in source revision `revision` (review restarted on `date`) and the link was not confirmed since (tester54a A4). */
  | { counts: false; why: "revised"; revision: string; date: string }
  /**
   * Confirmed (pinned) against texts of which the requirement (`csr`) or the addressed section (`section`) changed since
   * (csr/suspect-link): whether the section still addresses the requirement is to be confirmed (tester64 N5).
   */
  | { counts: false; why: "suspect"; csr: boolean; section: boolean }
  /** Made on `date` against the draft of the document's next revision (修订中), text `version` (in force) does not have (tester56 D2). */
  | { counts: false; why: "draft"; version: string; date: string }
  | { counts: false; why: "unreleased" };

/**
 * With `csr` (the requirement the link is of, as on `today`), the revision in force is also judged
 * against the records that date the link (model/link-start.ts, tester52 D3): a revision before the first
 * one that cites the CSR in the round of `today` does not address it (`later`: from that revision, on
 * its 实施日期; `pending` when that revision is released and not yet in force), and a link no record
 * dates on a day whose revision or round is not today's counts as recorded now, `undated`.
 */
export function addressing(place: AddressedIn, doc: ControlledDocument | undefined, today: string, csr?: Csr): Addressing {
  if (doc?.status === "obsolete") return { counts: false, why: "withdrawn", ...(doc.obsolete?.date ? { date: doc.obsolete.date } : {}) };
  if (doc?.status !== "released") return { counts: false, why: "unreleased" };
  // Linked to text of a draft not released yet: no revision in force addresses the requirement (tester56 D2).
  if (place.pin?.draft) return { counts: false, why: "draft", version: place.pin.revision ?? "", date: place.pin.date };
  const until = releasedPendingUntil(doc, today);
  const pending = currentRevision(doc)?.version;
  const inForce = revisionInForce(doc, today)?.version;
  if (until !== undefined && pending !== undefined && (inForce === undefined || (place.pin?.revision === pending && place.pin.previous !== inForce))) return { counts: false, why: "pending", version: pending, date: until };
  const standing = csr === undefined ? undefined : linkStandingOn(place, doc, csr, today);
  if (standing?.kind === "before") {
    const { version, effective } = standing.start;
    return until !== undefined && version === pending ? { counts: false, why: "pending", version, date: until } : { counts: false, why: "later", version, date: effective };
  }
  if (standing?.kind === "revised") return { counts: false, why: "revised", revision: standing.revision, date: standing.date };
  // A link whose requirement or section changed since it was confirmed does not count until it is confirmed again (tester64 N5).
  const changed = csr === undefined ? undefined : changedEnds(csr, place, doc);
  // While a revision released to take effect later is pending, the file holds its text: a link confirmed against the one in force is
  // still that one's (csr release asks for a confirmation against the new text, which counts from its 实施日期).
  const section = changed?.section === true && !(until !== undefined && place.pin?.revision !== pending);
  if (changed !== undefined && (changed.csr || section)) return { counts: false, why: "suspect", csr: changed.csr, section };
  return standing?.kind === "undated" ? { counts: true, undated: true } : { counts: true };
}

/**
 * What every output writes of a link to be confirmed (addressing's `suspect`): which end changed and that it
 * does not count ("可疑：要求已变更，链接待确认，不计入落实"), in `lang`: the matrix's 链接状态, csr render, the site.
 */
export function unconfirmedLinkText(changed: { csr: boolean; section: boolean }, lang: Lang): string {
  const end = changed.section && changed.csr ? "suspect-both" : changed.section ? "suspect-section" : "suspect-requirement";
  return translate(lang, "register.csr.link.unconfirmed", { suspect: translate(lang, `register.csr.link.${end}`) });
}

/** A place of `addressed` and the day its text takes effect; `version` and `effective` absent for a document not released yet. */
export interface AddressingRevision {
  document: string;
  version?: string;
  effective?: string;
}

/**
 * The places where a CSR is addressed when every one of them takes effect after `date` (a date
 * implemented in production, tester18 F13), else undefined: the revision from which a link's pin says
 * it addresses the CSR (link-start.ts confirmedSince: its `previous` when it has one, tester20 F18, the
 * revision in force when it was confirmed against a later one; the earliest confirmation the pin
 * continues, tester54a A12) takes effect on its 实施日期; a link without a pin, on its document's first
 * revision's: which one it was made against is not known, and the earliest is the one that least
 * suspects the date; a document not released yet has none. In the latest review round, when a new
 * source revision opened it by rewording the requirement (tester58 F10), only the links confirmed in
 * that round address the new wording (the others are csr/suspect-link's), each from the revision it
 * was confirmed against, not its `previous`: what the earlier revisions say was written for the
 * earlier wording. Undefined too for a CSR addressed nowhere (or, in such a round, nowhere
 * confirmed), or in a document unknown to the repository.
 */
export function addressedOnlyAfter(csr: Csr, document: (id: string) => ControlledDocument | undefined, date: string): AddressingRevision[] | undefined {
  const latest = reviewRoundWindow(csr, AFTER_EVERY_DAY);
  const reworded = rewordedRound(csr, latest) !== undefined;
  const places = (csr.addressed ?? []).filter((place) => !reworded || (place.pin !== undefined && place.pin.date >= latest.start));
  if (places.length === 0) return undefined;
  const revisions: AddressingRevision[] = [];
  for (const place of places) {
    const doc = document(place.document);
    if (!doc) return undefined;
    if (doc.status !== "released" && doc.status !== "obsolete") {
      revisions.push({ document: doc.id });
      continue;
    }
    const all = doc.revisions ?? [];
    const since = confirmedSince(place, doc, csr);
    const i = Math.max(0, all.findIndex((r) => r.version === since));
    if (all[i] === undefined) return undefined;
    const effective = revisionEffective(doc, i);
    if (effective <= date) return undefined;
    revisions.push({ document: doc.id, version: all[i].version, effective });
  }
  return revisions;
}

/** A place that addresses a CSR and when its version first reached the points of use (undefined: not issued yet). */
export interface IssuedPlace {
  document: string;
  version?: string;
  issued?: string;
}

/** The levels handed out to the points of use: manuals, procedures and work instructions (forms are filled in, not issued). */
const ISSUED_LEVELS: ReadonlySet<number> = new Set([1, 2, 3]);

/**
 * The places of a CSR that are manuals, procedures or work instructions, when every one of them reached
 * the points of use after `date` (a date implemented in production, tester67a A3): no controlled copy or
 * electronic issue of the revision the place addresses from (as addressedOnlyAfter counts it) or of a
 * later one is dated on or before it. Each is named with the first version issued and the day. Undefined
 * when one was issued by then, when one's document records no issue at all (its distribution is kept
 * elsewhere: not known), or when no place is such a document. A document not released yet reached nobody.
 */
export function issuedOnlyAfter(csr: Csr, document: (id: string) => ControlledDocument | undefined, date: string): IssuedPlace[] | undefined {
  const latest = reviewRoundWindow(csr, AFTER_EVERY_DAY);
  const reworded = rewordedRound(csr, latest) !== undefined;
  const places = (csr.addressed ?? []).filter((place) => !reworded || (place.pin !== undefined && place.pin.date >= latest.start));
  const issued: IssuedPlace[] = [];
  for (const place of places) {
    const doc = document(place.document);
    if (!doc) return undefined;
    if (doc.kind === "form" || doc.kind === "external" || !ISSUED_LEVELS.has(doc.level) || issued.some((p) => p.document === doc.id)) continue;
    if (doc.status !== "released" && doc.status !== "obsolete") {
      issued.push({ document: doc.id });
      continue;
    }
    const copies = doc.distribution ?? [];
    const electronic = doc.electronic_issue ?? [];
    if (copies.length === 0 && electronic.length === 0) return undefined;
    const all = doc.revisions ?? [];
    const since = confirmedSince(place, doc, csr);
    const from = Math.max(0, all.findIndex((r) => r.version === since));
    const versions = new Set(all.slice(from).map((r) => r.version));
    const first = [...copies.map((c) => ({ version: c.version, date: c.date })), ...electronic.map((e) => ({ version: e.version, date: e.date }))]
      .filter((i) => versions.has(i.version))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
    if (first !== undefined && first.date <= date) return undefined;
    issued.push(first === undefined ? { document: doc.id } : { document: doc.id, version: first.version, issued: first.date });
  }
  return issued.length > 0 ? issued : undefined;
}

/**
 * `document` finds a document by id, as on `today`. A CSR counts as addressed only where a place of
 * its `addressed` does on `today` (addressing); one whose `addressed` names documents of which none
 * does is decided, not addressed, whatever was implemented or verified under them: the matrix lists it
 * as not yet addressed, and its status says the same. When a place fails only because its link is to
 * be confirmed (the requirement or the section changed since, or a new source revision reworded the
 * requirement: csr/suspect-link), the status is `unconfirmed` (待确认落实, tester64 N5).
 */
export function csrStatus(csr: Csr, document: (id: string) => ControlledDocument | undefined, today: string, config: QmsConfig | undefined): CsrStatus {
  if (csr.superseded) return "superseded";
  const decision = csr.review?.decision;
  if (!decision) return (csr.review?.opinions?.length ?? 0) > 0 ? "in-review" : "received";
  if (rejectedOutright(decision)) return "rejected";
  if (decision.disposition === "not-applicable") return "not-applicable";
  const places = (csr.addressed ?? []).map((place) => addressing(place, document(place.document), today, csr));
  const addressed = places.some((standing) => standing.counts);
  // Addressed once, its link to be confirmed since the requirement or its section changed (csr/suspect-link), is not addressed now (tester64 N5).
  if (places.length > 0 && !addressed) return places.some((standing) => !standing.counts && (standing.why === "suspect" || standing.why === "revised")) ? "unconfirmed" : "decided";
  const implementation = csr.implementation?.status;
  if (implementation === "verified") return verifiedByOwner(csr, config) ? "implemented" : "verified";
  if (implementation === "implemented") return "implemented";
  return addressed ? "addressed" : "decided";
}

/**
 * Whether a CSR to implement (decided must or optional, not superseded: the ones `csr implement`
 * records) has its implementation verified by the person who owns it (csr/self-verification).
 */
export function selfVerified(csr: Csr): boolean {
  if (csr.superseded || !decidedToMeet(csr.review?.decision)) return false;
  const { owner, verified } = csr.implementation ?? {};
  return owner !== undefined && verified?.by === owner;
}

/**
 * Whether a CSR's record says 已验证 but its verifier is the implementation's owner, while qms.yaml
 * keeps csr/self-verification on (tester53 N4): no independent check, so not verified. It counts as
 * implemented (csrStatus) in every status, list and rate, and prints as 已验证 marked
 * (implementationStatusText), pointing at the finding that says how to fix it. An organisation that
 * turned the rule off accepts such a verification: plain 已验证.
 */
export function verifiedByOwner(csr: Csr, config: QmsConfig | undefined): boolean {
  return csr.implementation?.status === "verified" && selfVerified(csr) && config?.rules?.["csr/self-verification"] !== "off";
}

/**
 * A CSR's status as every list, matrix, report and page prints it: its label (csrStatusLabel), or, for
 * one implemented whose record says 已验证 by its owner (verifiedByOwner), that 已验证 marked.
 */
export function csrStatusText(csr: Csr, status: CsrStatus, config: QmsConfig | undefined, lang: Lang): string {
  return status === "implemented" && verifiedByOwner(csr, config) ? translate(lang, "register.implementation.verified-by-owner") : csrStatusLabel(status, lang);
}

/**
 * A CSR's implementation status (implementation.status) as printed: `register.implementation.*`, with
 * 已验证 by its owner marked (verifiedByOwner); "" when none is recorded.
 */
export function implementationStatusText(csr: Csr, config: QmsConfig | undefined, lang: Lang): string {
  const status = csr.implementation?.status;
  if (status === undefined) return "";
  return translate(lang, verifiedByOwner(csr, config) ? "register.implementation.verified-by-owner" : `register.implementation.${status}`);
}

/** A part of an implementation record that a status of implemented or verified claims and the file lacks. */
export type ImplementationGap = "implemented" | "verified-by" | "verified-date";

/**
 * What a CSR's implementation record lacks for the status it states (IATF 16949 7.5.3.2.2 records
 * the day a change went into production): implemented needs the date implemented, verified also who
 * verified it and when. A list imported with 已实施 / 已验证 and no such columns gives such records
 * (tester20 F8): the status is the list's, the missing parts are not invented.
 */
export function implementationGaps(implementation: Csr["implementation"]): ImplementationGap[] {
  const status = implementation?.status;
  if (status !== "implemented" && status !== "verified") return [];
  const gaps: ImplementationGap[] = implementation?.implemented ? [] : ["implemented"];
  if (status === "verified" && !implementation?.verified) gaps.push("verified-by", "verified-date");
  else if (status === "verified" && !implementation?.verified?.date) gaps.push("verified-date");
  return gaps;
}

/**
 * The current round's opinions that the decision overrules: 不同意 (reject) opinions under a
 * decision to meet the requirement (must or optional). Such a decision owes a justification, how
 * the objection was resolved (`csr review`, csr/rejection-overruled). Empty without a decision.
 */
export function overruledOpinions(csr: Csr): Opinion[] {
  return overruledBy(csr.review?.decision?.disposition, csr.review?.opinions ?? []);
}

/** The opinions a decision of `disposition` would overrule (see overruledOpinions): for a decision being taken. */
export function overruledBy(disposition: Disposition | undefined, opinions: readonly Opinion[]): Opinion[] {
  return disposition === "must" || disposition === "optional" ? opinions.filter((o) => o.opinion === "reject") : [];
}

/** The review clock starts when the CSR was received, or again when a new source revision restarted it. */
export function reviewStart(csr: Csr): string {
  return csr.review?.restarted ?? csr.received;
}

export function reviewDue(csr: Csr, calendar: WorkCalendar, config: QmsConfig | undefined): string {
  return calendar.addWorkdays(reviewStart(csr), config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS);
}

/**
 * Departments whose opinion this CSR needs: its own list, else the repository's default. An outside
 * party listed there by mistake (ref/unresolved reports it) is no department and gives no opinion.
 */
export function requiredDepartments(csr: Csr, config: QmsConfig | undefined): string[] {
  const decided = csr.review?.decision?.date;
  // A department that countersigns since a day (csr department add|update --countersign) was not asked for reviews decided before it.
  const required = csr.review?.required ?? (config?.csr?.reviewers ?? []).flatMap((r) => (typeof r === "string" ? [r] : decided === undefined || decided >= r.since ? [r.department] : []));
  const outside = config?.external_parties;
  return outside?.length ? required.filter((code) => !outside.some((p) => p.code === code)) : required;
}

/**
 * The departments a review round had to countersign (须会签部门), as the review report, the site and csr show print
 * them, so that a round narrowed with `csr review --required` does not read as one with an opinion missing (tester56
 * D13): `own` when the CSR names a list of its own other than qms.yaml's csr.reviewers, and then what it leaves out
 * of them and adds to them; `missing`, the required departments without an opinion (none when a signed review record holds them); `extra`,
 * the departments that gave one without being required. `entry`: a round a new source revision closed
 * (review.history), with the list it kept; undefined for an amended decision's entry, which is no round of its own,
 * and for a round closed before csr kept the list while the CSR names one now, as nothing says whether it applied then.
 */
export interface Countersigning {
  required: string[];
  own: boolean;
  omitted: string[];
  added: string[];
  missing: string[];
  extra: string[];
}

export function countersigning(csr: Csr, config: QmsConfig | undefined, entry?: ReviewRound): Countersigning | undefined {
  const review = csr.review ?? {};
  if (entry !== undefined && (entry.source_revision === undefined || (entry.required === undefined && review.required !== undefined))) return undefined;
  const round = entry ?? review;
  const of = (required: string[] | undefined) => requiredDepartments({ ...csr, review: { ...(required ? { required } : {}), ...(round.decision ? { decision: round.decision } : {}) } }, config);
  const required = of(round.required);
  const configured = round.required === undefined ? required : of(undefined);
  const outside = new Set((config?.external_parties ?? []).map((p) => p.code));
  const given = [...new Set((round.opinions ?? []).map((o) => o.department))];
  return {
    required,
    // A list the same as qms.yaml's (kept for a closed round when the next one names its own) is no list of the CSR's own.
    own: round.required !== undefined && (required.length !== configured.length || required.some((d) => !configured.includes(d))),
    omitted: configured.filter((d) => !required.includes(d)),
    added: required.filter((d) => !configured.includes(d)),
    missing: round.record ? [] : required.filter((d) => !given.includes(d)),
    extra: given.filter((d) => !required.includes(d) && !outside.has(d)),
  };
}

/**
 * A round's countersigning on one line: "品质部、技术部、生产部（本 CSR 指定，不含 qms.yaml 评审部门中的 市场部）；未会签：生产部".
 * `missing`: whether to say the outstanding ones (a report lists them as rows of its own); "" when no department is required.
 */
export function countersigningText(c: Countersigning, lang: Lang, name: (code: string) => string, missing: boolean): string {
  if (c.required.length === 0 && c.extra.length === 0) return "";
  const list = (codes: string[]) => codes.map(name).join(translate(lang, "common.list-separator"));
  const notes = c.own
    ? [
        translate(lang, "render.csr.required-own"),
        ...(c.omitted.length > 0 ? [translate(lang, "render.csr.required-omitted", { departments: list(c.omitted) })] : []),
        ...(c.added.length > 0 ? [translate(lang, "render.csr.required-added", { departments: list(c.added) })] : []),
      ]
    : [];
  const head = c.required.length > 0 ? list(c.required) : translate(lang, "render.csr.required-none");
  const parts = [
    notes.length > 0 ? head + translate(lang, "render.csr.required-notes", { notes: notes.join(translate(lang, "render.csr.required-note-separator")) }) : head,
    ...(missing && c.missing.length > 0 ? [translate(lang, "render.csr.required-missing", { departments: list(c.missing) })] : []),
    ...(c.extra.length > 0 ? [translate(lang, "render.csr.required-extra", { departments: list(c.extra) })] : []),
  ];
  return parts.join(translate(lang, "render.csr.required-separator"));
}

export function missingOpinions(csr: Csr, config: QmsConfig | undefined): string[] {
  const given = new Set((csr.review?.opinions ?? []).map((o) => o.department));
  return requiredDepartments(csr, config).filter((d) => !given.has(d));
}

/** A review record on one line, as `csr show` and the review report print it: "QR-015-01 2023-07 第12号 (note)". */
export function reviewRecordText(record: ReviewRecord): string {
  const named = [record.form, record.ref].filter(Boolean).join(" ");
  return named && record.note ? `${named} (${record.note})` : named || (record.note ?? "");
}

/** An entry of `review.history` or `implementation.history`, as far as it says why it went there. */
export interface ClosedEntry {
  reason?: string;
  source_revision?: string;
  revised_to?: string;
}

/**
 * The reason `csr source update` wrote for a round it closed before it recorded `revised_to`, in the
 * repository's language: "DYA-SC 换版为 C，重新评审" or "new source revision C".
 */
const WRITTEN_REVISION_REASONS = [/^(?<source>\S+) 换版为 (?<to>\S+)，重新评审$/u, /^new source revision (?<to>\S+)$/u];

/**
 * Why an earlier round or record went to a history, for a reader (the file's language may differ
 * from the reader's): `csr review --amend` and `csr implement --amend` record the code `amended`,
 * named in `lang`; a round a new revision of its source document closed (`revised_to`, written by
 * `csr source update`; in older files its reason in the repository's words) is said from the data,
 * the source document `source` and its revisions, in `lang`; any other reason was written for people
 * and is kept as is.
 */
export function historyReason(entry: ClosedEntry, source: string, lang: Lang): string {
  if (entry.reason === "amended") return translate(lang, "report.history.amended");
  const written = entry.reason === undefined ? undefined : WRITTEN_REVISION_REASONS.map((pattern) => pattern.exec(entry.reason!)?.groups).find((groups) => groups !== undefined);
  if (entry.reason !== undefined && written === undefined) return entry.reason;
  const to = written?.to ?? entry.revised_to;
  if (to === undefined) return "";
  const data = { source: written?.source ?? source, to };
  return entry.source_revision === undefined ? translate(lang, "report.history.revised-to", data) : translate(lang, "report.history.revised", { ...data, from: entry.source_revision });
}

/**
 * Why and when an earlier round of `review.history` was closed, worded as its closing, not as its
 * own reason (tester55 C7): a round a new source revision closed, "2026-03-16 因 D 版换版重评而关闭："
 * and the reason written for it, if a person wrote one; an amended decision's entry, that it was
 * replaced. `closedBy` is the revision whose re-review closed the round (historyRounds).
 */
export function historyClosing(entry: ClosedEntry & { closed?: string }, closedBy: string | undefined, source: string, lang: Lang): string {
  const date = entry.closed;
  if (date === undefined) return historyReason(entry, source, lang);
  if (entry.reason === "amended") return translate(lang, "report.history.closed-amended", { date });
  if (entry.source_revision !== undefined && closedBy !== undefined) {
    const reason = writtenReason(entry);
    return translate(lang, reason === undefined ? "report.history.closed-revised" : "report.history.closed-revised-reason", { date, revision: revisionNameIn(lang, closedBy), reason: reason ?? "" });
  }
  const reason = historyReason(entry, source, lang);
  return translate(lang, reason ? "report.history.closed-reason" : "report.history.closed", { date, reason });
}

/**
 * The reason a person wrote for an earlier round or record going to a history (`--reason`), or
 * undefined where it is csr's own: `amended`, or the words `csr source update` wrote for a new
 * revision, which historyReason says from the data.
 */
export function writtenReason(entry: ClosedEntry): string | undefined {
  if (entry.reason === undefined || entry.reason === "amended") return undefined;
  return WRITTEN_REVISION_REASONS.some((pattern) => pattern.test(entry.reason!)) ? undefined : entry.reason;
}

/** The revision a source document is at now: the last one recorded (revisions are kept oldest first). */
export function latestRevision(source: SourceDocument): SourceRevision | undefined {
  return source.revisions[source.revisions.length - 1];
}

/** Source documents a new CSR may cite: those whose latest revision is not marked superseded. */
export function currentSources(customer: Customer): SourceDocument[] {
  return (customer.sources ?? []).filter((s) => latestRevision(s)?.status !== "superseded");
}

/**
 * The revision of its source document a CSR was taken from: the earliest one it has been on. `csr
 * source update` moves a CSR on to each new revision and leaves a trace of the one before: a closed
 * review round in `review.history` names the revision it reviewed, and a confirmation names the
 * revision it confirmed, so the CSR was on an earlier one (the revision recorded before it).
 * Undefined when the customer, the source or a revision the CSR has been on is not recorded in the
 * customer's file (ref/unresolved reports an unknown current revision), or the review was restarted
 * with no earlier round on record.
 */
export function sourceRevisionTakenFrom(csr: Csr, customer: Customer | undefined): SourceRevision | undefined {
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  if (!source) return undefined;
  const at = (revision: string | undefined) => (revision === undefined ? -1 : source.revisions.findIndex((r) => r.revision === revision));
  const current = at(csr.source.revision);
  if (current < 0) return undefined;
  // Most CSRs were never moved on: their revision is the one they are on, found without the lists below (a check asks for every CSR's).
  if (!csr.review?.history?.length && !csr.review?.confirmations?.length) return csr.review?.restarted !== undefined ? undefined : source.revisions[current];
  const rounds = (csr.review?.history ?? []).filter((round) => round.source_revision !== undefined).map((round) => at(round.source_revision));
  // A review restarted with no earlier round on record (a list imported with its restart date) was
  // on some earlier revision, which one is not known.
  if (csr.review?.restarted !== undefined && rounds.length === 0) return undefined;
  const confirmed = (csr.review?.confirmations ?? []).map((c) => at(c.source_revision) - 1);
  const earlier = [...rounds, ...confirmed];
  // A revision the CSR was on that the customer's file does not record: its date is not known.
  if (earlier.some((i) => i < 0)) return undefined;
  return source.revisions[Math.min(current, ...earlier)];
}

export interface StaleSource {
  source: SourceDocument;
  /** The revision the CSR was reviewed against. */
  reviewed: SourceRevision;
  latest: SourceRevision;
}

/**
 * A CSR reviewed against a revision that a later one replaced, and not yet moved on by
 * `csr source update`. Superseded CSRs are finished and never stale.
 */
export function staleSource(csr: Csr, customer: Customer | undefined): StaleSource | undefined {
  if (csr.superseded) return undefined;
  const source = customer?.sources?.find((s) => s.id === csr.source.document);
  const reviewed = source?.revisions.find((r) => r.revision === csr.source.revision);
  const latest = source && latestRevision(source);
  if (!source || !reviewed || !latest) return undefined;
  if (reviewed.status !== "superseded" && reviewed === latest) return undefined;
  return { source, reviewed, latest };
}

export interface CsrFacts {
  status: CsrStatus;
  reviewStart: string;
  /** Review deadline; only while the review is open (no decision, not superseded). */
  due?: string;
  /** Working days from `today` to `due`; negative once overdue, from the calendar day after it (workdaysLeft). */
  daysLeft?: number;
  /** Departments whose opinion is still missing; none when a signed review record (review.record) holds them. */
  missing: string[];
}

export interface FactsContext {
  config: QmsConfig | undefined;
  calendar: WorkCalendar;
  /** A document by id, as on `today`. */
  document: (id: string) => ControlledDocument | undefined;
  today: string;
}

/** Everything derived about one CSR on a given day, as shown by `csr list` and `csr show`. */
export function csrFacts(csr: Csr, ctx: FactsContext): CsrFacts {
  const status = csrStatus(csr, ctx.document, ctx.today, ctx.config);
  const due = reviewOpen(status) ? reviewDue(csr, ctx.calendar, ctx.config) : undefined;
  return {
    status,
    reviewStart: reviewStart(csr),
    due,
    daysLeft: due === undefined ? undefined : workdaysLeft(ctx.calendar, due, ctx.today),
    // A named paper record holds the current round's opinions, as csr/review-incomplete accepts them; an
    // earlier round's record is in its review.history entry (csr source update moves it with the round).
    missing: csr.superseded || csr.review?.record !== undefined ? [] : missingOpinions(csr, ctx.config),
  };
}

/**
 * The categories qms.yaml allows (csr.categories) when `category` is not one of them; undefined
 * when it is, or when qms.yaml lists none. `csr add` and the rule csr/unknown-category both use it.
 */
/** A CSR's category (类别) as a reader reads it: in English its name in qms.yaml `csr.categories_en`, where given. */
export function categoryName(config: QmsConfig | undefined, category: string | undefined, lang: Lang): string {
  if (category === undefined) return "";
  return lang === "en" ? (config?.csr?.categories_en?.[category] ?? category) : category;
}

export function categoryNotAllowed(config: QmsConfig | undefined, category: string | undefined): readonly string[] | undefined {
  const allowed = config?.csr?.categories;
  if (category === undefined || !allowed || allowed.length === 0 || allowed.includes(category)) return undefined;
  return allowed;
}
