/**
 * `csr source confirm <id>… --by <person> [--date <date>] [--via <where>] [--customer <code>] [--commit]`:
 * records that the edition of an external document held is still its publisher's current one, as checked
 * on `date` (外来文件有效性确认, 标准查新): a customer's source document (its last revision received, checked
 * on the customer's supplier portal) or an external standard (a document of kind external). IATF 16949
 * 4.3.2 / 7.5.3.2.2 ask the supplier to know the customer's current requirements, 7.5.3.2 and GJB 9001C 7.5.3
 * to control external documents: an auditor asks when the portal was last checked. Appends
 * `{date, by, revision, via}` to the source's `confirmations` (an external standard's
 * `external.confirmations`); the 外来文件清单 prints the latest as 最近核对, and doc/external-check-due counts
 * the months from it. Several ids, or `--customer <code>` alone (every source document of that customer held on the
 * day: its portal checked once a year, tester71 Q5), are recorded in one run and one commit, each as the one id would
 * be. Errors (UserError; nothing is written): no id and no --customer; a customer with no source held; an
 * id given twice; --via not one line; then, of each id (all of them listed, allOrNothing): unknown; a source whose
 * last revision is marked superseded, or a standard not in force; a date in the future or before the edition was
 * received; the same check (person, day) recorded already.
 */
import { UserError } from "../../core/errors.js";
import { conjunction, language, t } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { didYouMean, localized } from "../../core/text.js";
import { heldExternalEdition, heldSourceEdition, nextCheckDue, type HeldEdition } from "../../model/external-check.js";
import { eventLabel } from "../../model/recorded-events.js";
import type { CurrencyConfirmation } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { appendIn } from "../shared/persist.js";
import { personLabel, resolvePerson } from "../shared/people.js";
import { allOrNothing } from "../shared/all-or-nothing.js";
import { unknownCustomer } from "../../model/customers.js";

export interface SourceConfirmFlags {
  by?: string;
  date?: string;
  via?: string;
  customer?: string;
  /** Nothing is asked: a no-op, as for every writing command. */
  yes?: boolean;
  commit?: boolean;
}

export async function sourceConfirmCommand(ctx: CommandContext, ids: string[] | string, flags: SourceConfirmFlags): Promise<number> {
  if (flags.by === undefined) throw new UserError(t("cli.error.required-option", { option: "--by <person>" }), t("source.confirm.needs-by"));
  const given = (Array.isArray(ids) ? ids : [ids]).filter((id) => id !== undefined);
  if (given.length === 0 && flags.customer === undefined) throw new UserError(t("source.confirm.nothing"), t("source.confirm.nothing.hint"));
  const twice = given.find((id, i) => given.indexOf(id) !== i);
  if (twice !== undefined) throw new UserError(t("source.confirm.twice", { id: twice }));
  const via = flags.via?.trim();
  // A register cell and a check's note: one line, as long as a portal's name or address is.
  if (via !== undefined && (/[\r\n\u0000-\u001f]/.test(via) || via.length > 200)) throw new UserError(t("source.confirm.via-one-line"));
  return withEditSession(ctx, true, undefined, async (session) => {
    const today = eventDateOption(undefined, "--date");
    // --customer alone: every source document of the customer held on the day (one whose last revision is superseded holds none).
    const all = given.length > 0 ? given : customerSources(session, flags.customer!, today);
    // All or nothing: every source refused is listed, none is recorded (as csr periodic-review A B …).
    const checks = allOrNothing(all, (id) => confirmation(session, id, flags, today, via), {
      heading: (count, total) => t("source.confirm.refused", { count, total }),
      hint: t("source.confirm.refused.hint"),
    });
    // One edit per file: a customer's sources are in one file.
    const changes = [...new Set(checks.map((c) => c.file))].map((file) => {
      const mine = checks.filter((c) => c.file === file);
      return editFile(session.root, file, mine[0]!.kind, (doc) => {
        for (const c of mine) appendIn(doc, c.at, doc.createNode(c.entry, { flow: true }));
      });
    });
    const lines = checks.map((c) => c.line);
    const months = session.repo.config?.value.document_control?.external_check_months;
    if (months !== undefined) lines.push(t("source.confirm.next", { due: nextCheckDue(checks[0]!.entry.date, months), months, count: months }));
    const message = checks.length === 1 ? t("source.confirm.commit", { id: checks[0]!.id, named: checks[0]!.named }) : t("source.confirm.commit-many", { count: checks.length, ids: checks.map((c) => c.id).join(t("common.list-separator")) });
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message });
    return 0;
  });
}

/** The ids of the source documents of customer `code` held on `today` (heldSourceEdition), in their file's order. */
function customerSources(session: EditSession, code: string, today: string): string[] {
  const customer = session.repo.customers.find((c) => c.value.code === code)?.value;
  if (!customer) throw unknownCustomer(session.repo.customers.map((c) => c.value), code);
  const held = (customer.sources ?? []).filter((source) => heldSourceEdition(source, today) !== undefined).map((source) => source.id);
  if (held.length === 0) throw new UserError(t("source.confirm.customer-none", { code }));
  return held;
}

/** The check of one id as it will be recorded: the file and path it is appended to, the entry, and the line that says it. */
function confirmation(session: EditSession, id: string, flags: SourceConfirmFlags, today: string, via: string | undefined): { id: string; named: string; file: string; kind: "customer" | "document"; at: (string | number)[]; entry: CurrencyConfirmation; line: string } {
  const sources = session.repo.customers.flatMap((located) =>
    (located.value.sources ?? []).flatMap((source, i) => (source.id === id && (flags.customer === undefined || located.value.code === flags.customer) ? [{ located, source, i }] : [])),
  );
  if (sources.length > 1) throw new UserError(t("source.ambiguous", { id, customers: conjunction(sources.map((s) => s.located.value.code)) }), t("source.ambiguous.hint"));
  const found = sources[0];
  const external = found ? undefined : session.index.documents.get(id);
  if (!found && external?.value.kind !== "external") {
    const known = [...session.repo.customers.flatMap((c) => (c.value.sources ?? []).map((s) => s.id)), ...[...session.index.documents.values()].filter((d) => d.value.kind === "external").map((d) => d.value.id)];
    throw new UserError(t("source.confirm.unknown", { id }) + didYouMean(id, known), t("source.confirm.unknown.hint"));
  }
  const held: HeldEdition | undefined = found ? heldSourceEdition(found.source, today) : heldExternalEdition(external!.value, today);
  if (!held) throw new UserError(t(found ? "source.confirm.superseded" : "source.confirm.not-in-force", { id }));
  // In the language of the message: the English title with --lang en, where there is one.
  const titled = found ? found.source : external!.value;
  const title = localized(language(), titled.title, titled.title_en);
  const named = revisionName(held.revision);
  const date = eventDateOption(flags.date, "--date", {
    follows: held.received === undefined ? undefined : { what: eventLabel("rule.date/event.revision-received", { revision: held.revision }), of: id, date: held.received, external: true },
  });
  const person = resolvePerson(session.index, flags.by!, "--by", date);
  const confirmations = (found ? found.source.confirmations : external!.value.external?.confirmations) ?? [];
  if (confirmations.some((c) => c.by === person.id && c.date === date)) throw new UserError(t("source.confirm.duplicate", { id, person: personLabel(session.index, person.id), date }));
  const entry: CurrencyConfirmation = { date, by: person.id, revision: held.revision, ...(via ? { via } : {}) };
  return {
    id,
    named,
    file: found ? found.located.file.path : external!.file.path,
    kind: found ? "customer" : "document",
    at: found ? ["sources", found.i, "confirmations"] : ["external", "confirmations"],
    entry,
    line: t(via ? "source.confirm.recorded-via" : "source.confirm.recorded", { id, title, named, date, person: personLabel(session.index, person.id), via: via ?? "" }),
  };
}
