/**
 * `csr set <external> --edition <rev> --received <date> [--issued] [--effective]`: a new edition of an
 * external document under the same number (a customer drawing's revision D, a standard reissued),
 * as `csr source update` records a customer's new source revision. For the organisation it is
 * register data, not a revision of its own (docs/format.md, content and register data): the publisher's
 * edition and dates under `external` are replaced, and the copies of the old edition become due back,
 * counted from the day the new one is in force (model/distribution.ts recallStart, doc/recall-overdue).
 *
 * The old edition is kept with its dates under `external.previous` (oldest first): the external
 * document list still shows it, in force until the new one is (IATF 16949 7.5.3.2, GJB 9001C 7.5.3:
 * the list says which edition is valid on a day, both during a transition), and each controlled copy
 * names the edition it is of (`distribution[].version`, the entry's `revision`).
 */
import { isSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { copiesToRecall, copyEdition } from "../../model/distribution.js";
import { externalInForceFrom } from "../../model/external.js";
import { eventLabel } from "../../model/recorded-events.js";
import type { Located } from "../../load/repository.js";
import type { ControlledDocument, ExternalEdition } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { dateOption, eventDateOption } from "../options.js";
import { publisherDates } from "../new/index.js";
import { editFile, saveChanges, type EditSession } from "../shared/edit.js";
import { toRecallLine } from "../shared/people.js";

export interface EditionFlags {
  edition?: string;
  issued?: string;
  effective?: string;
  received?: string;
  /** Without --edition: a date recorded already is corrected (a typing error), not added. */
  amend?: boolean;
  commit?: boolean;
}

type External = NonNullable<ControlledDocument["external"]>;
const FIELDS = ["revision", "issued", "effective", "received"] as const;

/** Whether any option of a new edition is given. */
export function editionGiven(flags: EditionFlags): boolean {
  return [flags.edition, flags.issued, flags.effective, flags.received].some((v) => v !== undefined);
}

/**
 * Records the new edition: `external.revision`, `issued`, `effective` and `received` replaced (a date
 * not given is the old edition's no more, so it is removed) and the old ones appended to
 * `external.previous`, then prints what changed and the copies
 * of the old edition now due back. Errors: UserError, one line (not external, withdrawn, no new edition,
 * dates out of order or after today).
 */
export async function setEdition(ctx: CommandContext, session: EditSession, found: Located<ControlledDocument>, flags: EditionFlags): Promise<number> {
  const { value: document, file } = found;
  const id = document.id;
  const arg = shellArgument(id);
  if (document.kind !== "external") throw new UserError(t("set.edition.not-external", { id, arg, kind: t(`value.kind.${document.kind}`) }));
  if (flags.amend) throw new UserError(t("set.edition.amend", { id }));
  if (document.status === "obsolete") throw new UserError(t("set.edition.obsolete", { id, date: document.obsolete?.date ?? "" }));
  const old: External = document.external ?? {};
  const oldEdition = copyEdition(document);
  const edition = flags.edition?.trim();
  if (!edition) throw new UserError(t("set.edition.no-edition", { id: arg }));
  if (edition === oldEdition) throw new UserError(t("set.edition.same", { id, edition }));
  if (flags.received === undefined) throw new UserError(t("set.edition.no-received", { id: arg }));
  const next = editionData(id, edition, old, flags);

  const replaced: ExternalEdition = { revision: oldEdition ?? id, ...pick(old, ["issued", "effective", "received"]) };
  // Taken out and written again in the order csr new external writes them, after the publisher, then
  // the editions replaced, the earlier ones' entries kept as they are written.
  const change = editFile(session.root, file.path, "document", (doc) => {
    const previous = doc.getIn(["external", "previous"], true);
    for (const field of [...FIELDS, "previous"]) doc.deleteIn(["external", field]);
    for (const field of FIELDS) if (next[field] !== undefined) doc.setIn(["external", field], next[field]);
    const entry = doc.createNode(replaced, { flow: true });
    if (isSeq(previous)) previous.items.push(entry);
    doc.setIn(["external", "previous"], isSeq(previous) ? previous : doc.createNode([entry]));
  });
  const updated: ControlledDocument = {
    ...document,
    external: { ...(old.publisher !== undefined ? { publisher: old.publisher } : {}), ...next, previous: [...(old.previous ?? []), replaced] },
  };
  const from = externalInForceFrom(updated)!;
  const lines = [t(from > next.received ? "set.edition.recorded-later" : "set.edition.recorded", { id, title: document.title, path: file.path, edition, received: next.received, from })];
  for (const field of FIELDS) {
    const before = field === "revision" ? oldEdition : old[field];
    const after = next[field];
    if (before === after) continue;
    const value = after ?? t("set.none");
    lines.push(`  ${t(`set.edition.field.${field}`)}${t("set.colon")}${before === undefined ? value : t("set.was", { value, before })}`);
  }
  lines.push(t("set.edition.previous-kept", { before: replaced.revision }));
  lines.push(...recallLines(session, updated, from, edition, oldEdition ?? id, arg));
  lines.push(t("set.edition.register-data", { id }));
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.set-edition", { id, edition, before: oldEdition ?? id, received: next.received }) });
  return 0;
}

/**
 * `csr set <external> --received / --issued / --effective` without --edition: the dates of the edition
 * on file, register data like the edition itself. A date not recorded is added; one recorded that
 * differs is a correction and needs `--amend` (else the user may have meant a new edition, which is
 * --edition); the commit message says so. Checked as a new edition's dates are: received not after
 * today, not before the date issued nor the receipt of the edition it replaced; 实施日期 not before the
 * date issued; and by the rules the record is checked with (a copy handed out before the receipt).
 * Copies of a replaced edition due back from another day are named. Errors: UserError, one line.
 */
export async function correctEdition(ctx: CommandContext, session: EditSession, found: Located<ControlledDocument>, flags: EditionFlags): Promise<number> {
  const { value: document, file } = found;
  const id = document.id;
  const arg = shellArgument(id);
  if (document.kind !== "external") throw new UserError(t("set.edition.not-external", { id, arg, kind: t(`value.kind.${document.kind}`) }));
  const old: External = document.external ?? {};
  const edition = copyEdition(document) ?? id;
  const { issue } = publisherDates({ issued: flags.issued ?? old.issued, effective: flags.effective ?? old.effective }, id);
  const replaced = old.previous?.at(-1);
  const replacedReceipt = replaced?.received ? { what: eventLabel("rule.date/event.doc-external-received"), date: replaced.received, of: id } : undefined;
  const follows = issue && replacedReceipt ? (issue.date > replacedReceipt.date ? issue : replacedReceipt) : (issue ?? replacedReceipt);
  const next: External = {
    ...old,
    ...(flags.issued !== undefined ? { issued: dateOption(flags.issued, "--issued") } : {}),
    ...(flags.effective !== undefined ? { effective: dateOption(flags.effective, "--effective") } : {}),
    ...(flags.received !== undefined ? { received: eventDateOption(flags.received, "--received", follows ? { follows } : {}) } : {}),
  };
  if (next.issued !== undefined && next.received !== undefined && next.issued > next.received) {
    throw new UserError(t("source.amend.issued-after-received", { issued: next.issued, received: next.received }));
  }
  const fields = (["issued", "effective", "received"] as const).filter((field) => next[field] !== old[field]);
  if (fields.length === 0) {
    ctx.stdout(t("set.unchanged", { id }) + "\n");
    return 0;
  }
  const corrected = fields.filter((field) => old[field] !== undefined);
  if (corrected.length > 0 && !flags.amend) {
    const recorded = list(corrected.map((field) => `${t(`set.edition.field.${field}`)} ${old[field]}`));
    const args = fields.map((field) => `--${field} ${next[field]}`).join(" ");
    throw new UserError(t("set.edition.recorded-already", { id, edition, recorded }), t("set.edition.recorded-already.hint", { id: arg, args }));
  }
  const change = editFile(session.root, file.path, "document", (doc) => {
    // In the order csr new external writes them, after the publisher and before the editions replaced.
    const previous = doc.getIn(["external", "previous"], true);
    for (const field of [...FIELDS, "previous"]) doc.deleteIn(["external", field]);
    for (const field of FIELDS) if (next[field] !== undefined) doc.setIn(["external", field], next[field]);
    if (previous !== undefined) doc.setIn(["external", "previous"], previous);
  });
  const texts = fields.map((field) => {
    const before = old[field];
    const value = next[field] ?? t("set.none");
    return { field, text: before === undefined ? value : t("set.was", { value, before }) };
  });
  const lines = [t("set.edition.corrected", { id, title: document.title, path: file.path, edition }), ...texts.map(({ field, text }) => `  ${t(`set.edition.field.${field}`)}${t("set.colon")}${text}`)];
  const updated: ControlledDocument = { ...document, external: next };
  const from = externalInForceFrom(updated);
  if (replaced && from !== undefined && from !== externalInForceFrom(document) && copiesToRecall(updated).length > 0) lines.push(...recallLines(session, updated, from, edition, replaced.revision, arg));
  const amended = corrected.length > 0;
  if (amended) lines.push(t("set.edition.amended", { id }));
  lines.push(t("set.edition.register-data", { id }));
  const summary = texts.map(({ field, text }) => `${t(`set.edition.field.${field}`)} ${text}`).join(t("set.commit-separator"));
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.set", { id, summary: t("set.edition.commit", { edition, summary }) }) + (amended ? t("commit.set.amended") : "") });
  return 0;
}

/** The fields of `value` among `keys` that are set. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Pick<T, K>;
}

/**
 * The new edition's data, checked: the dates read as date options; 实施日期 and the day received not
 * before the date issued; the day received a record (not after today), not before the old edition's.
 */
function editionData(id: string, edition: string, old: External, flags: EditionFlags): External & { received: string } {
  const { issued, issue, effective } = publisherDates(flags, id);
  const oldReceipt = old.received ? { what: eventLabel("rule.date/event.doc-external-received"), date: old.received, of: id } : undefined;
  const follows = issue && oldReceipt ? (issue.date > oldReceipt.date ? issue : oldReceipt) : (issue ?? oldReceipt);
  const received = eventDateOption(flags.received, "--received", follows ? { follows } : {});
  return { revision: edition, ...(issued ? { issued } : {}), ...(effective ? { effective } : {}), received };
}

/** The copies of the old edition still out, due back within the recall period from the day the new one is in force; or that none is. */
function recallLines(session: EditSession, document: ControlledDocument, from: string, edition: string, oldEdition: string, arg: string): string[] {
  const due = copiesToRecall(document);
  if (due.length === 0) return [t("set.edition.none-out", { edition: oldEdition, new: edition, arg })];
  return [toRecallLine(session.index, session.repo.config?.value, due, from, arg, edition)];
}
