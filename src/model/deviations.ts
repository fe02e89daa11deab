/**
 * What a deviation (偏离: a document naming others under `deviates_from`) or a temporary document records
 * of its end: the evidence, after it is withdrawn, that a temporary change was time-limited and that the
 * standard process came back (IATF 16949 8.5.6.1.1; tester63 N4).
 */
import { translate, type Lang } from "../i18n/index.js";
import type { ControlledDocument } from "./types.js";

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
