/**
 * What a deviation (偏离: a document naming others under `deviates_from`) or a temporary document records
 * of its end: the evidence, after it is withdrawn, that a temporary change was time-limited and that the
 * standard process came back (IATF 16949 8.5.6.1.1; tester63 N4).
 */
import { translate, type Lang } from "../i18n/index.js";
import { revisionInForce } from "./index.js";
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
 * The versions a deviation released with its 实施日期 `effective` deviates from: those recorded, and, for
 * each document of `deviates_from` without one, its version in force on that day (`documents` by number);
 * a document not in force then gets none. Undefined when that adds nothing to what is recorded.
 * IATF 16949 8.5.6.1.1: a deviation is from a revision of the standard document; a later revision of it
 * is the moment to decide whether the deviation still applies (tester63 N7).
 */
export function deviatedVersionsOnRelease(doc: ControlledDocument, effective: string, documents: (id: string) => ControlledDocument | undefined): Record<string, string> | undefined {
  const recorded = { ...(doc.deviates_from_versions ?? {}) };
  let added = false;
  for (const id of doc.deviates_from ?? []) {
    if (deviatedVersion(doc, id) !== undefined) continue;
    const target = documents(id);
    const version = target === undefined ? undefined : revisionInForce(target, effective)?.version;
    if (version === undefined) continue;
    recorded[id] = version;
    added = true;
  }
  return added ? recorded : undefined;
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
