/**
 * `--deviates-from` of `csr new` and `csr set`: the documents a deviation (偏离, e.g. a temporary
 * deviation from a work instruction; IATF 16949 8.5.6.1.1, 8.7.1.1) deviates from, written on the
 * deviation itself (`deviates_from`). The documents it names are left as they are: a deviation applies
 * beside the standard process for a time, and the standard document is not revised for it
 * (tester61 L12). Their cards and site pages list it (model/referrers.ts).
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { supersedingRevision } from "../../model/deviations.js";
import type { ControlledDocument } from "../../model/types.js";
import { findDocumentById, listOption, type EditSession } from "./edit.js";

/**
 * --deviates-from `given` of the document `id` (comma-separated document numbers, each maybe with the
 * version it deviates from: WI-010-01@A/1,QP-010), read in one pass:
 * - `numbers`, its `deviates_from` (repeated ones once; [] for "", csr set: the link removed): each exists,
 *   is not `id` itself, is not withdrawn (its successor named), and is not itself a deviation from `id`,
 *   directly or through others not withdrawn (a loop would make the standard document a deviation from its own
 *   deviation; breaker62 P2; the loops doc/deviation-loop reports);
 * - `versions`, its `deviates_from_versions` ({WI-010-01: "A/1"}): which revision of each document the
 *   deviation deviates from (IATF 16949 8.5.6.1.1: after a new revision of the standard document, whether the
 *   deviation still applies to it is decided and recorded; tester63 N7). A number given without a version is not in it.
 *   A version is the one in force on `on.day` (YYYY-MM-DD: today for a deviation not released; a released one's
 *   实施日期, model/deviations.ts deviationDay, `on.released`) or a later one, never one replaced by then (breaker64 P5).
 * Errors: UserError, one line, naming the number: for the numbers first (unknown, itself, withdrawn, a loop),
 * then for a version the document has no revision of (its versions listed), or an empty one, or one replaced
 * (the version in force named).
 */
export function deviationOption(session: EditSession, id: string, given: readonly string[] | string, on: { day: string; released: boolean }): { numbers: string[]; versions: Record<string, string> } {
  const items = listOption(given).map(splitVersion);
  const numbers = [...new Set(items.map((item) => item.number))];
  const targets = new Map<string, ControlledDocument>();
  for (const number of numbers) {
    if (number === id) throw new UserError(t("deviation.self", { id }));
    const target = findDocumentById(session, number).value;
    if (target.status === "obsolete") {
      const successor = target.obsolete?.superseded_by;
      throw new UserError(t(successor ? "deviation.obsolete-successor" : "deviation.obsolete", { number, date: target.obsolete?.date ?? "", successor: successor ?? "" }));
    }
    if (deviatesFromTransitively(session, number, id)) throw new UserError(t("deviation.loop", { id, number }));
    targets.set(number, target);
  }
  const versions: Record<string, string> = {};
  for (const { number, version } of items) {
    if (version === undefined) continue;
    const known = (targets.get(number)!.revisions ?? []).map((r) => r.version);
    if (!known.includes(version)) throw new UserError(t(known.length > 0 ? "deviation.unknown-version" : "deviation.unreleased-version", { number, version, known: known.join(t("common.list-separator")) }));
    const superseding = supersedingRevision(targets.get(number)!, version, on.day);
    if (superseding) {
      throw new UserError(t(on.released ? "deviation.superseded-version-released" : "deviation.superseded-version", { id, number, version, current: superseding.version, since: superseding.since, day: on.day }));
    }
    versions[number] = version;
  }
  return { numbers, versions };
}

/**
 * Whether the document `from` deviates from `id`, directly or through the deviations it deviates from.
 * Unknown and withdrawn documents are not followed, as doc/deviation-loop does not follow them
 * (model/deviation-loops.ts liveDeviationLoops: a withdrawn document's `deviates_from` applies nowhere),
 * so that the command refuses exactly the loops the rule reports (audit64 5a).
 */
function deviatesFromTransitively(session: EditSession, from: string, id: string): boolean {
  const seen = new Set<string>();
  const pending = [from];
  for (let number = pending.pop(); number !== undefined; number = pending.pop()) {
    if (seen.has(number)) continue;
    seen.add(number);
    const doc = session.index.documents.get(number)?.value;
    if (doc === undefined || doc.status === "obsolete") continue;
    const targets = doc.deviates_from ?? [];
    if (targets.includes(id)) return true;
    pending.push(...targets);
  }
  return false;
}

/** WI-010-01@A/1 as its number and version (each trimmed); a number alone without a version. */
export function splitVersion(item: string): { number: string; version?: string } {
  const at = item.indexOf("@");
  return at === -1 ? { number: item } : { number: item.slice(0, at).trim(), version: item.slice(at + 1).trim() };
}
