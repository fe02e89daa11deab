/**
 * A released document whose content a command changes (`csr set --add-form`, `csr new --used-by`)
 * without a revision being prepared: the file now holds the draft of its next revision, so it is
 * marked as `csr submit` marks one (修订中, `revising.since`), and the registers, `csr render` (its
 * controlled copies) and `csr site` keep giving the version in force with its text as released
 * (IATF 16949 / GJB 9001C 7.5.3.2: a change is approved before the changed text is issued;
 * tester54a A2). `csr release` removes the mark; `csr submit --withdraw`, once the change is undone.
 */
import type { Document } from "yaml";
import { t } from "../../i18n/index.js";
import { shellArgument } from "../../core/text.js";
import { currentRevision, revisionInForce } from "../../model/index.js";
import { releasedPendingUntil } from "../../model/revision.js";
import type { ControlledDocument } from "../../model/types.js";
import { setAfter } from "../release/document.js";

export function markRevising(yaml: Document.Parsed, document: ControlledDocument, today: string): void {
  setAfter(yaml, "revising", { since: today }, document.effective !== undefined ? "effective" : "status");
}

/** The line that says the document is now 修订中 and what stays in force. */
export function revisingMarked(document: ControlledDocument, today: string): string {
  return t("revising.marked", { id: document.id, idArg: shellArgument(document.id), since: today, version: versionInForceText(document, today) });
}

/**
 * The version in force on `today` (YYYY-MM-DD) as a 修订中 line names it: "A/1", or, while the current
 * version is released to take effect later (待实施), the one before it with the pending one and its
 * 实施日期, "A/1（A/2 于 2026-12-14 实施）" (IATF 16949 7.5.3.2.1: until then the earlier version is
 * the one registers and controlled copies give; tester61 L2). "" for a document never released.
 */
export function versionInForceText(document: ControlledDocument, today: string): string {
  const current = currentRevision(document)?.version ?? "";
  const effective = releasedPendingUntil(document, today);
  const inForce = effective === undefined ? undefined : revisionInForce(document, today)?.version;
  return inForce === undefined ? current : t("revising.version-pending", { version: inForce, pending: current, effective: effective! });
}
