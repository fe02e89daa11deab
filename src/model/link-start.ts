/**
 * Which revision of a document addressed a CSR on a given day (tester52 D1, D3). A link
 * (`addressed`) says where the requirement is met now; a register of a past day, and the row of a
 * superseded requirement, need the revision that met it then. The records that date it, in the order
 * they are believed:
 *
 * 1. The revision record: a revision released to meet the requirement names it in its summary of
 *    change (修订内容摘要, "…（BCM-003）"), approved with the revision. The first revision of the
 *    document that cites the CSR's id, among those released during the CSR's review round of the day
 *    (from its receipt, or the restart by a new source revision, to the next restart), is where the
 *    link starts: the revisions before it did not contain the requirement of that round.
 * 2. The link's pin (`csr address`, `--confirm`), dated in that round: the revision it was made or
 *    confirmed against, and every later one, address it; for the revisions before it the pin says
 *    nothing. A pin that replaced an earlier confirmation of the round (`pin.history`) continues it
 *    when it was confirmed against the next revision or the same one: the link addresses the CSR from
 *    the first revision so confirmed (confirmedFrom; tester54a A12).
 *
 * Git's date of the commit that recorded a link is not used: the day a link was typed is not the day a
 * document began to meet the requirement (a repository adopted in 2026 records its 2024 links in 2026).
 * Without a citation or a pin of the round, the link is undated: it counts as recorded now, and a
 * register of a day whose revision differs from today's, or whose round is an earlier one, says so.
 */
import { recordedCsr, recordedDocument } from "./as-of.js";
import { issuedOn, revisionEffective, revisionInForce } from "./index.js";
import type { AddressedIn, ControlledDocument, Csr, LinkPin } from "./types.js";

/** The revision from which a link addresses the CSR's round: the first one citing it (`citation`), or the one its pin names (`pin`). */
export interface LinkStart {
  version: string;
  /** The day that revision took effect (its 实施日期, else its date). */
  effective: string;
  by: "citation" | "pin";
}

/** The CSR's review round that `day` falls in, as its record has them: from the receipt or a restart to the next restart. */
export function reviewRoundWindow(csr: Csr, day: string): { start: string; end?: string } {
  const record = recordedCsr(csr);
  const restarts = (record.review?.history ?? []).flatMap((round) => (round.source_revision !== undefined && round.closed !== undefined ? [round.closed] : []));
  if (record.review?.restarted !== undefined) restarts.push(record.review.restarted);
  const starts = [...new Set([record.received, ...restarts])].sort();
  const start = starts.filter((s) => s <= day).at(-1) ?? record.received;
  const end = starts.find((s) => s > day);
  return end === undefined ? { start } : { start, end };
}

/**
 * Whether a summary of change cites the CSR `id`, not one whose id only begins or ends with it (DYA-006, not
 * DYA-0061 nor XDYA-006). Chinese text may run on to the id ("按DYA-006修订"): only Latin letters, digits,
 * '_' and '-' are taken for part of an id.
 */
export function citesCsr(summary: string | undefined, id: string): boolean {
  if (!summary) return false;
  let at = summary.indexOf(id);
  while (at >= 0) {
    const before = summary[at - 1];
    const after = summary.slice(at + id.length, at + id.length + 2);
    if ((before === undefined || !/[A-Za-z0-9_-]/.test(before)) && !/^([A-Za-z0-9_]|-[A-Za-z0-9])/.test(after)) return true;
    at = summary.indexOf(id, at + 1);
  }
  return false;
}

/** Where `place` starts to address `csr` in the round of `day` (see the top of this file); undefined when no record dates it. */
export function linkStart(place: AddressedIn, doc: ControlledDocument, csr: Csr, day: string): LinkStart | undefined {
  const recorded = recordedDocument(doc);
  const revisions = recorded.revisions ?? [];
  const { start, end } = reviewRoundWindow(csr, day);
  const within = (date: string) => date >= start && (end === undefined || date < end);
  const id = recordedCsr(csr).id;
  const cited = revisions.findIndex((r) => r.date !== undefined && within(r.date) && citesCsr(r.summary, id));
  if (cited >= 0) return { version: revisions[cited]!.version, effective: revisionEffective(recorded, cited), by: "citation" };
  const since = place.pin && within(place.pin.date) ? confirmedSince(place, doc, csr) : undefined;
  const pinned = since === undefined ? -1 : revisions.findIndex((r) => r.version === since);
  if (pinned >= 0) return { version: revisions[pinned]!.version, effective: revisionEffective(recorded, pinned), by: "pin" };
  return undefined;
}

/**
 * The earliest confirmation of the link that its pin continues (tester54a A12): going back through
 * `pin.history` (each pin `csr address --confirm` replaced), as long as each earlier one was made in the
 * review round of the pin and confirmed against the revision its successor starts from (`previous`,
 * else `revision`; only `revision` in a reworded round: confirmedSince) or the one just before it: the document addressed the requirement from that
 * earlier revision on without a gap. The pin itself when nothing earlier continues it (a gap, another
 * round, a revision the document does not record); undefined for a link without a pin.
 */
export function confirmedFrom(place: AddressedIn, doc: ControlledDocument, csr: Csr): LinkPin | undefined {
  const pin = place.pin;
  if (pin === undefined) return undefined;
  const revisions = recordedDocument(doc).revisions ?? [];
  const at = (version: string | undefined) => (version === undefined ? -1 : revisions.findIndex((r) => r.version === version));
  const round = reviewRoundWindow(csr, pin.date);
  const { start } = round;
  const vouched = pinnedFrom(rewordedRound(csr, round) !== undefined);
  let first: LinkPin = pin;
  for (const earlier of [...(pin.history ?? [])].reverse()) {
    const from = at(vouched(first));
    const to = at(earlier.revision);
    const since = at(vouched(earlier));
    if (earlier.draft || earlier.date < start || earlier.date > first.date || from < 0 || since < 0 || to < from - 1 || since > from) break;
    first = earlier;
  }
  return first;
}

/**
 * The revision from which a link's pin says it addresses the CSR (undefined for a link without one):
 * the revision of its earliest confirmation that the pin continues (confirmedFrom), or that
 * confirmation's `previous`, the revision in force when it was confirmed against a later one
 * (tester20 F18: the link counted then, and that revision's text goes on addressing the requirement
 * until the new one takes effect). Not in a round that a new source revision opened by rewording the
 * requirement (tester58 F10): the earlier revision's text was written for the earlier wording, and the
 * confirmation vouches only for the revision it was made against.
 */
export function confirmedSince(place: AddressedIn, doc: ControlledDocument, csr: Csr): string | undefined {
  const first = confirmedFrom(place, doc, csr);
  if (first === undefined) return undefined;
  return pinnedFrom(rewordedRound(csr, reviewRoundWindow(csr, first.date)) !== undefined)(first);
}

/** The revision a pin vouches for: its `previous` as well, unless its round is a reworded one (confirmedSince). */
function pinnedFrom(reworded: boolean): (pin: LinkPin) => string | undefined {
  return (pin) => (reworded ? pin.revision : (pin.previous ?? pin.revision));
}

/**
 * How the revision of `doc` in force on `day` stands to the link's start: `before` it (the requirement
 * was not in it yet), `from` it on (dated), `revised` (the latest round, opened on `date` by the source
 * revision `revision` that changed the wording, has no record dating the link: made for the earlier
 * wording, unconfirmed), or `undated` — no record dates the link and the day is not
 * today's as far as the link goes: the document was revised after `day`, or the CSR reviewed again
 * after it. Undefined when the document has no revision in force that day, or nothing needs dating
 * (the revision and the round of `day` are those of now: the link as recorded now says it).
 */
export function linkStandingOn(
  place: AddressedIn,
  doc: ControlledDocument,
  csr: Csr,
  day: string,
): { kind: "before"; start: LinkStart } | { kind: "from"; start: LinkStart } | { kind: "revised"; revision: string; date: string } | { kind: "undated" } | undefined {
  const recorded = recordedDocument(doc);
  const inForce = revisionInForce(recorded, day);
  if (inForce === undefined) return undefined;
  const revisions = recorded.revisions ?? [];
  const round = reviewRoundWindow(csr, day);
  const revised = rewordedRound(csr, round);
  let start = linkStart(place, doc, csr, day);
  // A revision whose summary names the CSR dates a link; it confirms nothing: in a round a new source
  // revision opened by rewording the requirement, only a pin made or confirmed in the round does
  // (csr address --confirm … --by; tester58 F3). Without one the citation is set aside.
  if (start?.by === "citation" && revised && !(place.pin && place.pin.date >= round.start)) start = undefined;
  const at = revisions.indexOf(inForce);
  // A pin says nothing of the revisions before it, except in a reworded round: they were written for the
  // earlier wording, and it is the confirmation against its revision that dates the link (tester58 F10).
  if (start?.by === "citation" || (start && (revised || at >= revisions.findIndex((r) => r.version === start.version)))) {
    return at < revisions.findIndex((r) => r.version === start.version) ? { kind: "before", start } : { kind: "from", start };
  }
  // The latest round, opened by a new source revision that changed the requirement's wording (the round
  // it closed keeps the wording it reviewed: csr set), with no record of this round dating the link (no
  // citation, no pin made or confirmed since the restart): the link was made for the requirement as the
  // earlier revision worded it, and addresses the new one only once someone confirms it (csr address
  // --confirm; tester54a A4).
  if (revised) return { kind: "revised", ...revised };
  const revisedSince = revisions.some((r) => issuedOn(r) > day);
  const reviewedSince = round.end !== undefined;
  return revisedSince || reviewedSince ? { kind: "undated" } : undefined;
}

/**
 * The latest round (`round`, of reviewRoundWindow), when a new source revision opened it by changing the
 * requirement's wording (the round it closed keeps the wording it reviewed: csr set): the source revision
 * and the day the review restarted. Undefined for an earlier round, the first one, or a restart that kept the wording.
 */
export function rewordedRound(csr: Csr, round: { start: string; end?: string }): { revision: string; date: string } | undefined {
  const record = recordedCsr(csr);
  if (round.end !== undefined || round.start <= record.received) return undefined;
  const closed = (record.review?.history ?? []).find((h) => h.source_revision !== undefined && h.closed === round.start);
  if (!closed || (closed.title === undefined && closed.text === undefined && closed.clauses === undefined)) return undefined;
  return { revision: closed.revised_to ?? record.source.revision, date: round.start };
}

/**
 * What addressed a superseded CSR in `doc`, one of its `addressed` places (tester52 D1): the revision in
 * force on the day the CSR was superseded, not a later one, which may be the very revision that removed
 * the requirement. The CSR matrix, `csr show` and the review report (and the site, which prints the
 * latter two) name it from here alone, so that they cannot disagree.
 *
 * - `{ kind: "in-force", version }`: that revision; `withdrawn` is the day the document was withdrawn
 *   after the supersession, which changes nothing about what addressed the requirement while it stood.
 * - `{ kind: "withdrawn", date? }`: the document had been withdrawn by that day (7.5.3.2), or its
 *   withdrawal is undated: no revision of it addressed the requirement when it was superseded.
 * - `{ kind: "not-in-force" }`: none of its revisions had taken effect by that day (a draft, a first
 *   issue released to take effect later): the document did not address it either.
 */
export type SupersededAddressing = { kind: "in-force"; version: string; withdrawn?: string } | { kind: "withdrawn"; date?: string } | { kind: "not-in-force" };

export function addressedWhenSuperseded(doc: ControlledDocument, superseded: string): SupersededAddressing {
  const withdrawn = doc.status === "obsolete" ? (doc.obsolete?.date ?? "") : undefined;
  if (withdrawn !== undefined && withdrawn <= superseded) return withdrawn === "" ? { kind: "withdrawn" } : { kind: "withdrawn", date: withdrawn };
  const version = revisionInForce(doc, superseded)?.version;
  if (version === undefined) return { kind: "not-in-force" };
  return withdrawn === undefined ? { kind: "in-force", version } : { kind: "in-force", version, withdrawn };
}
