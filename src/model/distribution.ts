/**
 * Controlled copies (受控副本) and their recall (文件发放/回收记录): when a new version takes effect
 * or the document is withdrawn, the copies of what was in force before are taken back.
 */
import { workdaysLate, type WorkCalendar } from "./calendar.js";
import { editionInForceFrom, externalInForceFrom, externalPendingUntil } from "./external.js";
import { currentRevision, revisionEffective } from "./index.js";
import { releasedPendingUntil } from "./revision.js";
import { specialCharacteristics } from "./symbol-documents.js";
import type { ControlledCopy, ControlledDocument, Csr, Disposition, ElectronicIssue, Path, QmsConfig, SymbolConversion } from "./types.js";
import { decidedToMeet } from "./decision.js";

export const DEFAULT_RECALL_DAYS = 5;
export const DEFAULT_TRAINING_DAYS = 20;
const DEFAULT_SPECIAL_RECALL_DAYS = 0;

/** 受控号 are numbered through the document's life: one more than the highest ever given. */
export function nextCopyNumber(doc: ControlledDocument): number {
  return Math.max(0, ...(doc.distribution ?? []).map((c) => c.copy)) + 1;
}

/**
 * A copy still out as a controlled copy, in use or due back: neither taken back nor recorded lost, destroyed
 * or stamped 作废 and kept by its holder (作废留用: no longer a controlled copy, so neither in use nor due back).
 */
export function stillControlled(copy: ControlledCopy): boolean {
  return !copy.recalled && !copy.lost && !copy.destroyed && !copy.retained;
}

/**
 * A copy its holder still has in hand: still controlled (stillControlled), or stamped 作废 and kept (作废留用),
 * which is not recalled but stays with them. Who holds a document's copies (the site's person pages and search)
 * reads this; what is in use or to recall reads stillControlled.
 */
export function stillHeld(copy: ControlledCopy): boolean {
  return !copy.recalled && !copy.lost && !copy.destroyed;
}

/**
 * The edition a controlled copy handed out today is of: the current revision's version (A/1) of the
 * organisation's own documents. An external document is registered on receipt, not revised by the
 * organisation: its copies are of the publisher's edition as received (`external.revision`, e.g. C
 * or 2016), else of a revision recorded for it, else of its number itself, which for a standard
 * carries its year (GB/T 19001-2016). Recording a new edition makes the copies of the old one due back.
 */
export function copyEdition(doc: ControlledDocument): string | undefined {
  if (doc.kind === "external") return doc.external?.revision ?? currentRevision(doc)?.version ?? doc.id;
  return currentRevision(doc)?.version;
}

/**
 * A document with the edition of its copies, as messages name it: "QP-001 A/1"; a standard whose
 * number already carries its edition as the year (GJB 726A-2004, ISO 9001:2015) is named by its
 * number alone rather than "GJB 726A-2004 2004".
 */
export function withEdition(id: string, edition: string | undefined): string {
  if (edition === undefined || id === edition || id.endsWith(`-${edition}`) || id.endsWith(`:${edition}`)) return id;
  return `${id} ${edition}`;
}

/**
 * The last valid day (`valid_until`, YYYY-MM-DD) of a released temporary document (临时变更/偏离, csr release
 * --until) that has passed on `day`: from the day after it, the document is worked to no more and its copies
 * are due back as a withdrawn one's are (IATF 16949 8.5.6.1.1, 7.5.3.2; tester63 N2). Undefined otherwise.
 */
export function temporaryExpired(doc: ControlledDocument, day: string): string | undefined {
  const until = doc.valid_until;
  return doc.status === "released" && until !== undefined && until < day ? until : undefined;
}

/**
 * Copies still out although they are no longer in force: of an earlier version, or of a withdrawn
 * document; with `day`, also every copy of a temporary document past its last valid day (temporaryExpired).
 */
export function copiesToRecall(doc: ControlledDocument, day?: string): ControlledCopy[] {
  const version = copyEdition(doc);
  const ended = doc.status === "obsolete" || (day !== undefined && temporaryExpired(doc, day) !== undefined);
  return (doc.distribution ?? []).filter((c) => stillControlled(c) && (ended || c.version !== version));
}

/** Copies in force: of the current version of a document that is not withdrawn, still out. */
export function copiesInForce(doc: ControlledDocument): ControlledCopy[] {
  const version = copyEdition(doc);
  return doc.status === "obsolete" ? [] : (doc.distribution ?? []).filter((c) => stillControlled(c) && c.version === version);
}

/** The version the current one replaced: an external document's previous revision, else the revision before the last; undefined for a first version. */
function replacedEdition(doc: ControlledDocument): string | undefined {
  return doc.kind === "external" ? doc.external?.previous?.at(-1)?.revision : doc.revisions?.at(-2)?.version;
}

/**
 * The units that hold a document to work to (its places of use, IATF 16949 7.5.3.2.1): those with a
 * controlled copy still out, or an electronic issue, of the edition handed out now (copyEdition) or of
 * the one it replaces — in force until its successor takes effect (待实施, pendingTransition), and held
 * until the new copies replace it. Unit codes (departments, outside parties), each once, paper copies
 * first, in the record's order; none for a withdrawn document.
 */
export function holdingUnits(doc: ControlledDocument): string[] {
  if (doc.status === "obsolete") return [];
  const replaced = replacedEdition(doc);
  const versions = new Set([copyEdition(doc), replaced]);
  const paper = (doc.distribution ?? []).filter((c) => stillControlled(c) && versions.has(c.version)).map((c) => c.to);
  const electronic = (doc.electronic_issue ?? []).filter((e) => versions.has(e.version)).flatMap((e) => e.to);
  return [...new Set([...paper, ...electronic])];
}

const ISSUED_LEVELS: ReadonlySet<number> = new Set([1, 2, 3]);

/** The documents handed out to their places of use: the manual, procedures and work instructions (levels 1 to 3; forms are filled in, not issued). */
export function issuedToPointsOfUse(doc: Pick<ControlledDocument, "level" | "kind">): boolean {
  return ISSUED_LEVELS.has(doc.level) && doc.kind !== "form";
}

/** A record location on the shop floor, where a blank form is filled in: a workshop, a line, a station, an operation (扣压线 OP30, 生产部各车间). */
const SHOP_FLOOR = /车间|产线|生产线|线边|工位|工序|现场|班组|\bOP\s*\d|workshop|shop floor|production line|line ?side|station/i;

/**
 * Whether a form is used at a point of use, so that its blank in the version in force must reach it (IATF 16949 7.5.3.2,
 * ISO 9001 7.5.3.2 a; tester82 A17): named under `forms` by a released manual, procedure or work instruction (`users`,
 * their ids: formUsers), or its records kept on the shop floor (`record.location`: 车间, 产线, 工位, OP30 …). A form of
 * neither (an office register) is filled in where it is kept and is not asked to be issued.
 */
export function formAtPointOfUse(form: Pick<ControlledDocument, "kind" | "record">, users: readonly string[]): boolean {
  return form.kind === "form" && (users.length > 0 || SHOP_FLOOR.test(form.record?.location ?? ""));
}

/** For each form id: the released documents of levels 1 to 3 that name it under `forms`, in the repository's order. */
export function formUsers(documents: Iterable<ControlledDocument>): Map<string, ControlledDocument[]> {
  const users = new Map<string, ControlledDocument[]>();
  for (const doc of documents) {
    if (doc.status !== "released" || !issuedToPointsOfUse(doc)) continue;
    for (const id of new Set(doc.forms ?? [])) users.set(id, [...(users.get(id) ?? []), doc]);
  }
  return users;
}

/**
 * Whether the repository records where its documents go: a controlled copy or an electronic issue of some
 * document. One that records none keeps its distribution elsewhere (on paper registers), and what would be
 * said of each document's missing issue would be said of every document (doc/not-issued, csr release).
 */
export function recordsIssues(documents: Iterable<ControlledDocument>): boolean {
  for (const doc of documents) if ((doc.distribution ?? []).length > 0 || (doc.electronic_issue ?? []).length > 0) return true;
  return false;
}

/**
 * The units that use a document, to hand a version out to: its own department, those that held a copy or
 * were given an electronic issue of any version, and those the customer-specific requirements it meets
 * (`csrs`: the CSRs addressed in it) were distributed to; unit codes, each once, in that order.
 */
export function unitsOfUse(doc: ControlledDocument, csrs: readonly Csr[]): string[] {
  const csrUnits = csrs.flatMap((csr) => csrDistributedDepartments(csr));
  return [...new Set([doc.department, ...(doc.distribution ?? []).map((c) => c.to), ...(doc.electronic_issue ?? []).flatMap((e) => e.to), ...csrUnits])];
}

/**
 * The electronic issues (电子版发放, e.g. read-only on OA) of the version whose copies are handed out
 * now (copyEdition) of a document not withdrawn: those of an earlier version were replaced on the
 * system when the new one was issued, and a new version needs an issue of its own.
 */
export function electronicInForce(doc: ControlledDocument): ElectronicIssue[] {
  const version = copyEdition(doc);
  return doc.status === "obsolete" ? [] : (doc.electronic_issue ?? []).filter((e) => e.version === version);
}

/**
 * The electronic issues in use on `day`: of the version in force, or, while its successor is 待实施
 * (pendingTransition), of the one it replaces too, as paper copies are (copiesInUse).
 */
export function electronicInUse(doc: ControlledDocument, day: string): ElectronicIssue[] {
  if (doc.status === "obsolete") return [];
  const transition = pendingTransition(doc, day);
  const versions = new Set([copyEdition(doc), transition?.inForce]);
  return (doc.electronic_issue ?? []).filter((e) => versions.has(e.version));
}

/**
 * The copies due back on `day`: those to recall (copiesToRecall) except the ones of the version that
 * stays in force while its successor is 待实施 (pendingTransition).
 */
export function copiesDue(doc: ControlledDocument, day: string): ControlledCopy[] {
  const inForce = pendingTransition(doc, day)?.inForce;
  return copiesToRecall(doc, day).filter((c) => c.version !== inForce);
}

/** The copies in use at their holders on `day`: out and not due back (of the version in force, or of one about to be). */
export function copiesInUse(doc: ControlledDocument, day: string): ControlledCopy[] {
  const due = new Set(copiesDue(doc, day));
  return (doc.distribution ?? []).filter((c) => stillControlled(c) && !due.has(c));
}

/**
 * While the current version or edition is 待实施 on `day`, the one it replaces is still in force:
 * `pending` (the current one's, whose copies are not in use yet) takes effect on `until`, and copies
 * of `inForce` (the version before it; for an external document, the last of `external.previous`,
 * unknown for one recorded before that was kept) are in use until then, not yet due back. Undefined
 * when the current version is in force.
 */
export function pendingTransition(doc: ControlledDocument, day: string): { until: string; pending: string; inForce?: string } | undefined {
  const until = externalPendingUntil(doc, day) ?? releasedPendingUntil(doc, day);
  const pending = copyEdition(doc);
  if (until === undefined || pending === undefined) return undefined;
  const inForce = replacedEdition(doc);
  return { until, pending, ...(inForce !== undefined ? { inForce } : {}) };
}

/**
 * The units (departments, outside parties) without a copy of the version in force on `day`, which
 * IATF 16949 7.5.3.2.1 and GJB 9001C 7.5.3 want at every place of use (tester19 F5): those that held a
 * copy of the version before it (`previous`) and hold none of it (`version`, in force `since`). A unit
 * counts when its copy of the previous version was still out the day the current one was released (or,
 * external, received): one taken back before was left off the distribution on purpose, and so is one
 * whose copy of the current version was taken back. Undefined when no unit is left without: for a
 * withdrawn document, which needs no copies, one without an earlier version, and while the current
 * version is 待实施 (pendingTransition: the previous one is still in force, and `csr recall` warns when
 * a unit is left without it).
 */
export function unitsWithoutCopy(doc: ControlledDocument, day: string): { version: string; previous: string; since: string; units: string[] } | undefined {
  if (doc.status !== "released" || pendingTransition(doc, day)) return undefined;
  const version = copyEdition(doc);
  const previous = replacedEdition(doc);
  const released = doc.kind === "external" ? doc.external?.received : currentRevision(doc)?.date;
  const since = recallStart(doc);
  if (version === undefined || previous === undefined || previous === version || released === undefined || since === undefined || since > day) return undefined;
  const copies = doc.distribution ?? [];
  const ended = (c: ControlledCopy) => c.recalled ?? c.lost?.date ?? c.destroyed?.date ?? c.retained?.date;
  const held = copies.filter((c) => c.version === previous && (ended(c) ?? released) >= released).map((c) => c.to);
  // A unit given the version in force electronically (on OA) has it at its place of use too.
  const electronic = (doc.electronic_issue ?? []).filter((e) => e.version === version).flatMap((e) => e.to);
  const served = new Set([...copies.filter((c) => c.version === version && (stillControlled(c) || c.recalled !== undefined)).map((c) => c.to), ...electronic]);
  const units = [...new Set(held)].filter((unit) => !served.has(unit));
  return units.length > 0 ? { version, previous, since, units } : undefined;
}

/**
 * A released manual, procedure or work instruction whose version in force on `day` reached nobody, as
 * far as the record shows (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3; tester55 C2): no controlled copy of
 * that version is out and no electronic issue of it is recorded. Copies of an earlier version still
 * out are not of it (tester68 G3). A form likewise when it is used at a point of use (formAtPointOfUse; `users`, the
 * released documents of levels 1 to 3 that name it: formUsers; tester82 A17), unless one of them was issued on or after
 * the day its version took effect (the blank goes out with the procedure). The version and the day it took effect;
 * undefined when the document is of another level (a form not at a point of use), not in force yet (待实施) or was issued.
 */
export function versionNotIssued(doc: ControlledDocument, day: string, users: readonly ControlledDocument[] = []): { version: string; since: string } | undefined {
  if (doc.status !== "released" || !(issuedToPointsOfUse(doc) || formAtPointOfUse(doc, users.map((u) => u.id)))) return undefined;
  const version = copyEdition(doc);
  const since = recallStart(doc);
  if (version === undefined || since === undefined || since > day || pendingTransition(doc, day)) return undefined;
  if (copiesInForce(doc).length > 0 || electronicInForce(doc).length > 0) return undefined;
  // A form handed out with a document that names it (its blank attached to the procedure's copy, or on OA with it) once that
  // document's copy or electronic issue in force is dated on or after the form's version took effect: a form revised alone after it was not.
  const issuedWith = (user: ControlledDocument) => [...copiesInForce(user), ...electronicInForce(user)].some((issue) => issue.date >= since);
  return doc.kind === "form" && users.some(issuedWith) ? undefined : { version, since };
}

/**
 * The day from which the copies to recall are counted: the date the document was withdrawn, else
 * the day the version that replaced theirs took effect (for an external document, the day its new
 * edition is in force: received, or its 实施日期 when that is later, until which the old edition stays in use).
 */
export function recallStart(doc: ControlledDocument): string | undefined {
  if (doc.status === "obsolete") return doc.obsolete?.date;
  if (doc.kind === "external" && doc.external?.received) return externalInForceFrom(doc);
  return doc.effective ?? currentRevision(doc)?.date;
}

/** The working days within which copies no longer in force are taken back: `document_control.recall_days` (qms.yaml), default 5. */
export function recallDays(config: QmsConfig | undefined): number {
  return config?.document_control?.recall_days ?? DEFAULT_RECALL_DAYS;
}

/**
 * The last day for the copies to recall to be back (应回收日期): recallDays working days after
 * `start`, by default the day they stopped being in force (recallStart). doc/recall-overdue reports
 * a copy still out after it, and the distribution register prints it and whether it is past.
 */
export function recallDue(doc: ControlledDocument, calendar: WorkCalendar, config: QmsConfig | undefined, start = recallStart(doc)): string | undefined {
  return start === undefined ? undefined : calendar.addWorkdays(start, recallDays(config));
}

/**
 * The day a copy stopped (or stops) being in force, from which its recall period runs: for a copy of
 * an earlier version, the day the version after it took effect (revisionEffective; for an external
 * document, the day the edition after it was in force), so that a copy of A/0 still out, or taken
 * back, when A/2 is current was due back after A/1 took effect, not A/2; for a copy of the last
 * version of a withdrawn document, the withdrawal; of a released temporary document, its last valid
 * day (`valid_until`: due back the recall period after it, tester63 N2). Undefined for a copy of the
 * version in force of any other document.
 * A version the records do not list (a copy entered by hand) counts from recallStart.
 */
export function copyRecallStart(doc: ControlledDocument, copy: ControlledCopy): string | undefined {
  const edition = copyEdition(doc);
  if (copy.version === edition) return doc.status === "obsolete" ? doc.obsolete?.date : doc.status === "released" ? doc.valid_until : undefined;
  if (doc.kind === "external") {
    const editions = [...(doc.external?.previous ?? []), ...(doc.external ? [doc.external] : [])];
    const i = editions.findIndex((e) => e.revision === copy.version);
    const next = i >= 0 ? editions[i + 1] : undefined;
    if (next) return editionInForceFrom(next);
  } else {
    const i = (doc.revisions ?? []).findIndex((r) => r.version === copy.version);
    if (i >= 0 && i + 1 < (doc.revisions ?? []).length) return revisionEffective(doc, i + 1);
  }
  return recallStart(doc);
}

/**
 * The working days within which the copies of a superseded version of a document marking a special characteristic
 * (specialCharacteristics) are back: `document_control.special_recall_days` (qms.yaml), default 0, never more than
 * recallDays. With 0 the old copy at the station is due back on the day the new version takes effect, and overdue from
 * the working day after: the old and the new instruction for a ★ characteristic do not stand side by side (IATF 16949
 * 8.3.3.3, 8.5.1.1, 7.5.3.2; tester77 E7).
 */
export function specialRecallDays(config: QmsConfig | undefined): number {
  return Math.min(config?.document_control?.special_recall_days ?? DEFAULT_SPECIAL_RECALL_DAYS, recallDays(config));
}

/**
 * Whether `copy` is of a superseded version of a document marking a special characteristic with a symbol of ours
 * (symbols.yaml's `rows`), which is due back within specialRecallDays rather than recallDays. `doc` as its version in
 * force reads decides, not the copy's own version: once a released change takes a ★ off, the station is no longer run
 * as special and the old copy is an ordinary obsolete one (IATF 16949 8.5.1.1, 8.3.3.3; ISO 9001 7.5.3.2 d). The copies of a withdrawn
 * document's last version and of a temporary document past its last day keep recallDays: nothing replaced them at the station.
 */
export function specialRecall(doc: ControlledDocument, copy: ControlledCopy, rows: readonly SymbolConversion[]): boolean {
  return copy.version !== copyEdition(doc) && specialCharacteristics(doc, rows) !== undefined;
}

/**
 * The 应回收日期 of one copy: recallDue counted from copyRecallStart, within specialRecallDays for a copy of a
 * superseded version of a document marking a special characteristic (specialRecall; `rows`: symbols.yaml's rows);
 * undefined for a copy of the version in force. doc/recall-overdue, the distribution register, csr release, csr show
 * and the site all read it, so that they name one day.
 */
export function copyRecallDue(doc: ControlledDocument, copy: ControlledCopy, calendar: WorkCalendar, config: QmsConfig | undefined, rows: readonly SymbolConversion[]): string | undefined {
  const start = copyRecallStart(doc, copy);
  if (start === undefined) return undefined;
  return specialRecall(doc, copy, rows) ? calendar.addWorkdays(start, specialRecallDays(config)) : recallDue(doc, calendar, config, start);
}

/**
 * A copy taken back after its 应回收日期 (copyRecallDue): that day and the working days it was late
 * (workdaysLate, the rule a CSR's review is judged by: a copy back on the weekend after a Friday due
 * date used no working day past it and is back in time). Undefined for a copy back in time, not
 * taken back, or never due back. What the register's remark and `csr recall` say of a late return
 * (tester19 F4).
 */
export function recalledLate(doc: ControlledDocument, copy: ControlledCopy, calendar: WorkCalendar, config: QmsConfig | undefined, rows: readonly SymbolConversion[]): { due: string; days: number } | undefined {
  const { recalled } = copy;
  const due = recalled === undefined ? undefined : copyRecallDue(doc, copy, calendar, config, rows);
  const days = recalled === undefined || due === undefined ? 0 : workdaysLate(calendar, due, recalled);
  return days > 0 ? { due: due!, days } : undefined;
}

/** A CSR's distribution as csrDistributions lists it: `path` is of the entry in the file. */
export interface CsrDistributionEntry {
  departments: string[];
  date?: string;
  by?: string;
  source_revision?: string;
  path: Path;
}

/**
 * The distributions (发放) of a CSR, oldest first (IATF 16949 7.5.3.2.2: customer requirements are
 * distributed on the customer's schedule; a source revision may reach departments on different days,
 * and again after it changed). `distribution` is a list of `{departments, date, by?, source_revision?}`;
 * a file written before it was a list has one object `{departments?, date?}`, read as its one entry.
 */
export function csrDistributions(csr: Csr): CsrDistributionEntry[] {
  const given = csr.distribution;
  if (!given) return [];
  if (Array.isArray(given)) return given.map((d, i) => ({ ...d, path: ["distribution", i] }));
  return [{ departments: given.departments ?? [], ...(given.date ? { date: given.date } : {}), path: ["distribution"] }];
}

/** Every department a CSR was distributed to, in the order first distributed. */
export function csrDistributedDepartments(csr: Csr): string[] {
  return [...new Set(csrDistributions(csr).flatMap((d) => d.departments))];
}

/**
 * Whether a distribution of a CSR is of an earlier wording than the one now in force (tester54a A10): of a
 * source revision whose review round `csr source update` closed (in `review.history`), not the CSR's
 * current one; an entry without its revision (the one-object form), dated before the current round
 * restarted on a new revision. A revision confirmed unchanged closes no round: its distribution stands.
 */
export function distributionOutdated(csr: Csr, entry: CsrDistributionEntry): boolean {
  const closed = (csr.review?.history ?? []).filter((h) => h.source_revision !== undefined);
  if (entry.source_revision !== undefined) return entry.source_revision !== csr.source.revision && closed.some((h) => h.source_revision === entry.source_revision);
  const restarted = csr.review?.restarted;
  return restarted !== undefined && entry.date !== undefined && entry.date < restarted;
}

/**
 * The source revision of a distribution, as recorded or, for an entry without it dated before the current
 * round (distributionOutdated), of the first round closed after it. Undefined when unknown.
 */
export function distributionRevision(csr: Csr, entry: CsrDistributionEntry): string | undefined {
  if (entry.source_revision !== undefined) return entry.source_revision;
  if (!distributionOutdated(csr, entry)) return csr.source.revision;
  const after = (csr.review?.history ?? []).filter((h) => h.source_revision !== undefined && (entry.date === undefined || (h.closed ?? "") >= entry.date));
  return after.sort((a, b) => (a.closed ?? "").localeCompare(b.closed ?? ""))[0]?.source_revision;
}

/**
 * A CSR re-reviewed on a new source revision, distributed before but not since (tester54a A10; IATF 16949
 * 7.5.3.2.2, the CSR procedure: a changed requirement goes to the departments again): the revision not yet
 * distributed and the departments the earlier ones went to. Undefined when some distribution is of the
 * current wording, when it was never distributed, or once superseded.
 */
export function redistributionDue(csr: Csr): { revision: string; departments: string[] } | undefined {
  const entries = csrDistributions(csr);
  if (csr.superseded || entries.length === 0 || !entries.every((e) => distributionOutdated(csr, e))) return undefined;
  return { revision: csr.source.revision, departments: csrDistributedDepartments(csr) };
}

/**
 * What a re-review's decision changed of what is to be met (csr/not-redistributed): another disposition than the
 * round a new source revision closed, or a new wording (kept by that round) of a requirement to be met; undefined
 * when the re-review came to the same conclusion on the same wording, which leaves the departments' copy true.
 */
export function redistributionChange(csr: Csr): { was: Disposition; now: Disposition } | { wording: true } | undefined {
  const closed = [...(csr.review?.history ?? [])].reverse().find((h) => h.source_revision !== undefined);
  const now = csr.review?.decision;
  if (!closed || !now) return undefined;
  const was = closed.decision?.disposition;
  if (was !== undefined && was !== now.disposition) return { was, now: now.disposition };
  // A new wording of a requirement not to be met, before or now, asks nothing new of the departments.
  if (!decidedToMeet(now)) return undefined;
  const reworded = (closed.title !== undefined && closed.title !== csr.title) || (closed.text !== undefined && closed.text !== csr.text) || (closed.clauses !== undefined && closed.clauses.join() !== csr.clauses.join());
  return reworded ? { wording: true } : undefined;
}
