/**
 * Where one revision of a document stands on a day, in one line: released when and approved by whom, the
 * day it takes effect, the training on it and its controlled copies at the points of use, with the old
 * version's copies not yet taken back. The line of each revision of an engineering change (csr changes
 * --ecn / --change-request) and of each document addressing a CSR (csr show <CSR>), so that the thread
 * drawing revision → review → PFMEA → control plan → work instruction → training → copies at the station
 * reads in one place (IATF 16949 8.5.6.1, 7.5.3.2.2, 7.2.2, 7.5.3.2.1). The training is that of the
 * document card (documentTrainingRecord), the copies those of its distribution record.
 */
import { repositoryCalendar } from "../../load/calendar.js";
import { trainingSessionVersions } from "../../load/training-records.js";
import { documentTrainingRecord, documentTrainingText } from "../../model/document-training.js";
import { currentRevision, revisionOn } from "../../model/index.js";
import { copyOn } from "../../model/as-of.js";
import { stillControlled } from "../../model/distribution.js";
import type { ControlledCopy, ControlledDocument, Revision } from "../../model/types.js";
import { departmentName, personName, type RegisterContext } from "./context.js";
import { translate } from "../../i18n/index.js";

/** "1 号 A/1 生产部 拧紧工位 OP30 黄军": a controlled copy as the document card and the revision line list it. */
export function copyText(rc: RegisterContext, copy: ControlledCopy): string {
  return translate(rc.lang, "show.document.copy", { copy: copy.copy, version: copy.version, to: copy.location ? `${departmentName(rc, copy.to)} ${copy.location}` : departmentName(rc, copy.to), holder: copy.holder ? ` ${personName(rc, copy.holder)}` : "" });
}

/**
 * The line of `revision` of `doc` on `day` (YYYY-MM-DD): "2026-12-07 发布，批准 张丽，2026-12-14 实施；培训 A/1
 * 部分培训（已培训 2/3 人）：…；受控副本 2 号 A/1 生产部 拧紧工位 OP30 黄军；旧版未回收 1 号 A/0 …". A revision no
 * longer current says which replaced it (its training and copies are the later one's to show); a withdrawn
 * document, the day. The training is said only for a document marked as needing it or with a session.
 */
export function revisionStateText(rc: RegisterContext, doc: ControlledDocument, revision: Revision, day: string): string {
  const say = (key: Parameters<typeof translate>[1], data?: Parameters<typeof translate>[2]) => translate(rc.lang, key, data);
  const sep = say("common.list-separator");
  const released = [
    revision.date ? say("revision-state.released", { date: revision.date }) : say("revision-state.undated"),
    revision.approved ? say("revision-state.approved", { by: personName(rc, revision.approved.by) }) : "",
    revision.effective && revision.effective !== revision.date ? say("revision-state.effective", { date: revision.effective }) : "",
  ]
    .filter(Boolean)
    .join(say("show.comma"));
  // As the record stood on `day` (csr changes of a past period): the revision issued last by then, a withdrawal made by then,
  // a copy recalled, lost, destroyed or kept by then.
  const current = revisionOn(doc, day);
  if (doc.status === "obsolete" && (doc.obsolete?.date ?? "") <= day) return [released, say("revision-state.withdrawn", { date: doc.obsolete?.date ?? "" })].join(say("register.remarks-separator"));
  if (current !== revision) return [released, say("revision-state.replaced", { version: current?.version ?? "" })].join(say("register.remarks-separator"));
  const config = rc.repo.config?.value;
  const people = [...rc.index.people.values()].map((p) => p.value);
  const training = documentTrainingRecord(doc, config, repositoryCalendar(config), people, day, () => trainingSessionVersions(rc.repo))?.state;
  const issued = (doc.distribution ?? []).filter((c) => c.version === revision.version && c.date <= day);
  const gone = (c: ControlledCopy) => !stillControlled(copyOn(c, day));
  const out = issued.filter((c) => !gone(c));
  const back = issued.length - out.length;
  // Copies of the versions before it still at their holders: in use until it takes effect, then due back.
  const older = (doc.distribution ?? []).filter((c) => c.version !== revision.version && c.date <= day && !gone(c));
  const copies = [
    out.length > 0 ? say("revision-state.copies", { copies: out.map((c) => copyText(rc, c)).join(sep) }) : issued.length === 0 ? say("revision-state.no-copies") : "",
    back > 0 ? say("revision-state.copies-back", { count: back }) : "",
    older.length > 0 ? say("revision-state.older-out", { copies: older.map((c) => copyText(rc, c)).join(sep) }) : "",
  ].filter(Boolean);
  return [released, training ? say("revision-state.training", { state: documentTrainingText(rc.lang, training) }) : "", ...copies].filter(Boolean).join(say("register.remarks-separator"));
}

/**
 * A document's line on a CSR's card (csr show <CSR>): "WI-010-03 A/1（ECN DYA-ECN-2026-201）：…" its current revision with
 * the customer change notices it carries (else its change request) and, for a deviation, what it deviates from, then
 * revisionStateText on `day`. Undefined for a document with no revision yet (a draft).
 */
export function documentStateLine(rc: RegisterContext, doc: ControlledDocument, day: string): string | undefined {
  const revision = currentRevision(doc);
  if (revision === undefined) return undefined;
  const sep = translate(rc.lang, "common.list-separator");
  const notes = [
    doc.deviates_from?.length ? translate(rc.lang, "show.addressed-state.deviation", { from: doc.deviates_from.join(sep) }) : "",
    revision.ecn?.length ? translate(rc.lang, "show.addressed-state.ecn", { ecn: revision.ecn.join(sep) }) : revision.change_request ? translate(rc.lang, "show.addressed-state.change-request", { number: revision.change_request }) : "",
  ].filter(Boolean);
  const noted = notes.length > 0 ? translate(rc.lang, "show.parenthesis", { text: notes.join(translate(rc.lang, "show.comma")) }) : "";
  return translate(rc.lang, "show.addressed-state.line", { id: doc.id, version: revision.version, notes: noted, state: revisionStateText(rc, doc, revision, day) });
}
