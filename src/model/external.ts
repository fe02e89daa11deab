/**
 * When an external document is in force (现行有效). A Chinese standard carries two dates of its
 * publisher's, 发布日期 (`external.issued`) and 实施日期 (`external.effective`: GB/T 19001-2016 was
 * issued on 2016-12-30 and in force from 2017-07-01), and the organisation adds the day it received
 * it. It is in force from the later of the day received and its 实施日期; before its 实施日期 it is
 * registered and controlled but 待实施 (not yet in force), and the edition it replaces stays in use.
 * Without `effective`, from the day received.
 */
import type { ControlledDocument, ExternalEdition } from "./types.js";

/** The day an external document is in force from: the later of `received` and `effective`; undefined when neither is recorded. */
export function externalInForceFrom(doc: ControlledDocument): string | undefined {
  return editionInForceFrom(doc.external ?? {});
}

/** The day an edition is in force from, as for the document (externalInForceFrom). */
export function editionInForceFrom(edition: Pick<ExternalEdition, "received" | "effective">): string | undefined {
  const { received, effective } = edition;
  if (received === undefined || effective === undefined) return received ?? effective;
  return effective > received ? effective : received;
}

/**
 * The 实施日期 of a released external document that is not yet in force on `today` (待实施); undefined
 * when it is in force or not external. The day received is a record, never after today (date/in-future).
 */
export function externalPendingUntil(doc: ControlledDocument, today: string): string | undefined {
  if (doc.kind !== "external" || doc.status !== "released") return undefined;
  const effective = doc.external?.effective;
  return effective !== undefined && effective > today ? effective : undefined;
}
