/**
 * What a deviation (偏离: a document naming others under `deviates_from`) or a temporary document records
 * of its end: the evidence, after it is withdrawn, that a temporary change was time-limited and that the
 * standard process came back (IATF 16949 8.5.6.1.1; tester63 N4).
 */
import { translate, type Lang } from "../i18n/index.js";
import { revisionEffective, revisionInForce } from "./index.js";
import { releasedPendingUntil } from "./revision.js";
import type { ControlledDocument } from "./types.js";

/**
 * The version of `target` that the deviation `doc` deviates from (`deviates_from_versions`: recorded by
 * csr release, or csr new/set --deviates-from WI-010-01@A/1); undefined when not recorded (a deviation
 * released before csr recorded it, or one whose target was not in force).
 */
export function deviatedVersion(doc: Pick<ControlledDocument, "deviates_from_versions">, target: string): string | undefined {
  return Object.hasOwn(doc.deviates_from_versions ?? {}, target) ? doc.deviates_from_versions![target] : undefined;
}

/**
 * The revision of `target` in force on `day` (YYYY-MM-DD) when its `version` is an earlier one, replaced
 * by then: `version` and `since`, the day it took effect (revisionEffective). Undefined when `version` is
 * the one in force, a later one (issued to take effect after `day`, or the next revision a deviation was
 * confirmed for), not a version of `target`, or when nothing of `target` was in force on `day`.
 * A deviation is from the version of the standard document in force (IATF 16949 8.5.6.1.1): one from a
 * replaced version either is recorded wrongly or means work to an obsolete document (breaker64 P5).
 */
export function supersedingRevision(target: ControlledDocument, version: string, day: string): { version: string; since: string } | undefined {
  const revisions = target.revisions ?? [];
  const given = revisions.findIndex((r) => r.version === version);
  const inForce = revisionInForce(target, day);
  if (given === -1 || inForce === undefined) return undefined;
  const current = revisions.indexOf(inForce);
  return given < current ? { version: inForce.version, since: revisionEffective(target, current) } : undefined;
}

/**
 * The day the versions a deviation deviates from are judged on (supersedingRevision): its 实施日期 once
 * released (its current revision's effective date, revisionEffective), else `today` (a draft's are
 * recorded again on its release, deviatedVersionsOnRelease). YYYY-MM-DD.
 */
export function deviationDay(doc: ControlledDocument, today: string): string {
  const count = doc.revisions?.length ?? 0;
  return count > 0 ? revisionEffective(doc, count - 1) : today;
}

/**
 * The versions a deviation released with its 实施日期 `effective` deviates from (`documents` by number):
 * for each document of `deviates_from`, the version recorded, unless it had been replaced by that day;
 * for one without a version, and for one replaced, its version in force on that day (a document not in
 * force then gets none). `added` names the documents given a version, `replaced` those whose recorded
 * version was replaced, with that version. Undefined when nothing changes of what is recorded.
 * IATF 16949 8.5.6.1.1: a deviation is from the revision of the standard document in force; a later
 * revision of it is the moment to decide whether the deviation still applies (tester63 N7, breaker64 P5).
 */
export function deviatedVersionsOnRelease(
  doc: ControlledDocument,
  effective: string,
  documents: (id: string) => ControlledDocument | undefined,
): { versions: Record<string, string>; added: string[]; replaced: { target: string; was: string }[] } | undefined {
  const versions = { ...(doc.deviates_from_versions ?? {}) };
  const added: string[] = [];
  const replaced: { target: string; was: string }[] = [];
  for (const id of new Set(doc.deviates_from ?? [])) {
    const target = documents(id);
    if (target === undefined) continue;
    const recorded = deviatedVersion(doc, id);
    if (recorded !== undefined) {
      const superseding = supersedingRevision(target, recorded, effective);
      if (superseding === undefined) continue;
      versions[id] = superseding.version;
      replaced.push({ target: id, was: recorded });
      continue;
    }
    const version = revisionInForce(target, effective)?.version;
    if (version === undefined) continue;
    versions[id] = version;
    added.push(id);
  }
  return added.length > 0 || replaced.length > 0 ? { versions, added, replaced } : undefined;
}

/** WI-010-01 A/1, or WI-010-01 when the version it deviates from is not recorded. */
export function deviatedNumber(doc: Pick<ControlledDocument, "deviates_from_versions">, target: string): string {
  const version = deviatedVersion(doc, target);
  return version === undefined ? target : `${target} ${version}`;
}

/**
 * How a withdrawn deviation or temporary document ended, in `lang`: 临时，2026-11-03 至 2026-11-30，
 * 2026-11-20 提前撤销 (withdrawn before its last valid day `valid_until`), …，2026-11-30 到期作废 (on or
 * after it), 2026-11-20 作废 (a deviation without a last valid day). The period starts on its 实施日期,
 * else on its last revision's date. Undefined for a document not withdrawn.
 */
export function withdrawnTemporaryText(lang: Lang, doc: ControlledDocument): string | undefined {
  if (doc.status !== "obsolete") return undefined;
  const on = doc.obsolete?.date ?? "";
  if (doc.valid_until === undefined) return translate(lang, "show.document.deviation-withdrawn", { on });
  const from = doc.effective ?? doc.revisions?.at(-1)?.date ?? "";
  return translate(lang, on < doc.valid_until ? "show.document.temporary-withdrawn-early" : "show.document.temporary-withdrawn", { from, until: doc.valid_until, on });
}

/**
 * Whether the deviation (or any temporary document) `doc` is in force on `today` (YYYY-MM-DD): released, its 实施日期
 * reached and, for a temporary one, `valid_until` not passed (the day itself still in force). Whoever works to the
 * document it deviates from works to it too on that day: the site's page and a print of that document say so
 * (IATF 16949 8.5.6.1.1).
 */
export function deviationInForce(doc: ControlledDocument, today: string): boolean {
  return doc.status === "released" && releasedPendingUntil(doc, today) === undefined && (doc.valid_until === undefined || doc.valid_until >= today);
}
