/**
 * 外来文件有效性确认 (标准查新): the periodic check that each external document held — a customer's source
 * document (CSR 来源文件) or an external standard (kind external) — is still its publisher's current edition.
 * IATF 16949 4.3.2 and 7.5.3.2.2 ask the supplier to know and review the customer's current requirements;
 * 7.5.3.2 / GJB 9001C 7.5.3 to identify and control external documents. csr records each check
 * (`confirmations`, csr source confirm) and, when qms.yaml sets `document_control.external_check_months`,
 * reports one not made within that many months (doc/external-check-due).
 */
import { addMonths } from "../core/dates.js";
import type { ControlledDocument, CurrencyConfirmation, Customer, SourceDocument } from "./types.js";

/** An external document's edition held on a day, and when it was last known current: its receipt or its latest check. */
export interface HeldEdition {
  revision: string;
  /** YYYY-MM-DD it was received; undefined for an external standard recorded without one. */
  received: string | undefined;
  /** The latest check made by the day (date ≤ today), if any. */
  confirmed: CurrencyConfirmation | undefined;
  /** The confirmation's index in `confirmations`, for a finding's location. */
  confirmedIndex: number | undefined;
  /** For a customer source, the held revision's index in `revisions`. */
  revisionIndex?: number;
  /** The later of `received` and `confirmed.date`: the day from which the next check is counted. Undefined when neither is known. */
  since: string | undefined;
}

/** The latest check of `confirmations` made by `today` (in recording order, the later of equal dates), with its index. */
export function latestConfirmation(confirmations: readonly CurrencyConfirmation[] | undefined, today: string): { confirmation: CurrencyConfirmation; index: number } | undefined {
  let found: { confirmation: CurrencyConfirmation; index: number } | undefined;
  for (const [index, confirmation] of (confirmations ?? []).entries()) {
    if (confirmation.date <= today && (found === undefined || confirmation.date >= found.confirmation.date)) found = { confirmation, index };
  }
  return found;
}

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a >= b ? a : b);

/**
 * The revision of customer source `source` held on `today`: its last revision received by then, unless
 * that one is marked superseded (nothing held to check). Undefined before its first revision arrived.
 */
export function heldSourceEdition(source: SourceDocument, today: string): HeldEdition | undefined {
  let revisionIndex = -1;
  for (const [i, r] of source.revisions.entries()) if (r.received <= today) revisionIndex = i;
  const revision = source.revisions[revisionIndex];
  if (!revision || revision.status === "superseded") return undefined;
  const latest = latestConfirmation(source.confirmations, today);
  return { revision: revision.revision, received: revision.received, confirmed: latest?.confirmation, confirmedIndex: latest?.index, revisionIndex, since: later(revision.received, latest?.confirmation.date) };
}

/**
 * The edition of external standard `doc` (kind external) held: `external.revision`, else the number's own;
 * received on `external.received`, else on its current revision's date. Undefined for a document not in force.
 */
export function heldExternalEdition(doc: ControlledDocument, today: string): HeldEdition | undefined {
  if (doc.kind !== "external" || doc.status !== "released") return undefined;
  const received = doc.external?.received ?? doc.revisions?.at(-1)?.date;
  if (received !== undefined && received > today) return undefined;
  const latest = latestConfirmation(doc.external?.confirmations, today);
  return { revision: doc.external?.revision ?? doc.id, received, confirmed: latest?.confirmation, confirmedIndex: latest?.index, since: later(received, latest?.confirmation.date) };
}

/** The day by which the next check of an edition known current since `since` falls due: `months` calendar months later. */
export function nextCheckDue(since: string, months: number): string {
  return addMonths(since, months);
}

/**
 * Whether the check of an edition known current since `since` is overdue on `day`: its next check (nextCheckDue) fell
 * due before it. doc/external-check-due reports such an edition; the management review counts them (tester71 Q5).
 */
export function externalCheckOverdue(since: string, months: number, day: string): boolean {
  return nextCheckDue(since, months) < day;
}

/**
 * The departments holding a controlled copy of `revision` of `source` on `today` (its distribution: handed out by
 * then, not back, lost, destroyed or stamped 作废 and kept by then), each once.
 */
export function sourceHolders(source: SourceDocument, today: string, revision: string): string[] {
  const gone = (date: string | undefined) => date !== undefined && date <= today;
  const copies = (source.distribution ?? []).filter((c) => c.date <= today && c.version === revision && !gone(c.recalled) && !gone(c.lost?.date) && !gone(c.destroyed?.date) && !gone(c.retained?.date));
  return [...new Set(copies.map((c) => c.to))];
}

/**
 * The customer source documents held on `today` (heldSourceEdition) that no department keeps: none recorded as keeper
 * (`department`, csr source update --department) and no controlled copy of the revision held out (IATF 16949 7.5.3.2:
 * documents of external origin identified and controlled; tester70 P9). What the 外来文件清单 prints as 未登记 and
 * csr/source-keeper-missing reports; a dashboard counts them with this.
 */
export function sourcesWithoutKeeper(customers: readonly Customer[], today: string): { customer: string; source: SourceDocument; index: number; held: HeldEdition }[] {
  return customers.flatMap((customer) =>
    (customer.sources ?? []).flatMap((source, index) => {
      const held = heldSourceEdition(source, today);
      if (!held || source.department !== undefined || sourceHolders(source, today, held.revision).length > 0) return [];
      return [{ customer: customer.code, source, index, held }];
    }),
  );
}
