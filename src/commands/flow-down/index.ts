/**
 * `csr flow-down <csr>`: the passing of a customer requirement down to suppliers (传递至供方, IATF 16949
 * 8.4.3.1) and their acknowledgement (回执). `--to` records that it went to the suppliers named, by which
 * document (`--via`: the supplier manual of the repository, whose revision in force on the day is taken,
 * or a letter or quality agreement named as written, with `--revision`), on which day and under which
 * record; `--acknowledged` records each supplier's reply to its latest passing. `--require` marks the CSR
 * as to be passed down, which csr/flow-down-missing then watches; `--not-required --reason` records the decision
 * that it does not apply to suppliers (不适用于供方), on `--date` (default today) by `--by` (a person). Several
 * suppliers: all or none.
 */
import { UserError } from "../../core/errors.js";
import { AFTER_EVERY_DAY } from "../../core/dates.js";
import { didYouMean } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { revisionInForce } from "../../model/index.js";
import { eventLabel } from "../../model/recorded-events.js";
import { flowDownReadings, supplierParty } from "../../model/flow-down.js";
import type { SupplierFlowDown } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { appendIn } from "../shared/persist.js";
import { departmentLabel, personLabel, resolvePerson } from "../shared/people.js";
import { editFile, findCsrById, listOption, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";

export interface FlowDownFlags {
  to?: string[];
  acknowledged?: string[];
  via?: string;
  revision?: string;
  date?: string;
  record?: string;
  by?: string;
  require?: boolean;
  /** `--not-required`: the decision that the requirement does not apply to suppliers, with `--reason` (and `--date`, `--by`). */
  notRequired?: boolean;
  reason?: string;
  yes?: boolean;
  commit?: boolean;
}

/** The supplier's code an option names (by code or name); a department, a customer, a 军代表室 or an unknown code is refused naming the suppliers. */
function supplierCode(session: EditSession, given: string, flag: string): string {
  const key = given.trim().toLowerCase();
  const party = [...session.index.parties.values()].find((p) => p.code.toLowerCase() === key || p.name === given.trim() || p.name_en?.toLowerCase() === key);
  const suppliers = [...session.index.parties.values()].filter((p) => supplierParty(session.index.parties, p.code));
  const known = suppliers.length > 0 ? list(suppliers.map((p) => t("people.department-choice", { code: p.code, name: p.name }))) : t("flow-down.no-suppliers");
  if (party && supplierParty(session.index.parties, party.code)) return party.code;
  if (party) throw new UserError(t("flow-down.not-supplier", { flag, party: departmentLabel(session.index, party.code), known }));
  const department = [...session.index.departments.values()].find((d) => d.code.toLowerCase() === key || d.name === given.trim());
  if (department) throw new UserError(t("flow-down.department", { flag, department: departmentLabel(session.index, department.code), known }));
  throw new UserError(t("flow-down.unknown-supplier", { flag, code: given, known }) + didYouMean(given, suppliers.map((p) => p.code)));
}

export async function flowDownCommand(ctx: CommandContext, id: string, flags: FlowDownFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const located = findCsrById(session, id);
    const csr = located.value;
    const to = listOption(flags.to);
    const acknowledged = listOption(flags.acknowledged);
    if (to.length > 0 && acknowledged.length > 0) throw new UserError(t("flow-down.both"));
    if (flags.notRequired) return notRequired(ctx, session, located, flags, to.length > 0 ? "--to" : acknowledged.length > 0 ? "--acknowledged" : flags.require ? "--require" : undefined);
    if (flags.reason !== undefined) throw new UserError(t("flow-down.reason-alone"));
    if (csr.superseded && (to.length > 0 || flags.require)) throw new UserError(t("flow-down.superseded", { id }));
    if (to.length === 0 && acknowledged.length === 0) {
      if (!flags.require) throw new UserError(t("flow-down.nothing", { id }));
      if (csr.flow_down?.required) {
        ctx.stdout(t("flow-down.required-already", { id }) + "\n");
        return 0;
      }
      // Marked to be passed down after all: the decision that it does not apply goes with its reason.
      const change = editFile(session.root, located.file.path, "csr", (doc) => {
        doc.setIn(["flow_down", "required"], true);
        for (const key of ["reason", "date", "by"]) doc.deleteIn(["flow_down", key]);
      });
      await saveChanges(ctx, session, [change], [t("flow-down.required", { id })], { commit: flags.commit, message: t("commit.flow-down.required", { id }) });
      return 0;
    }
    if (to.length > 0) return passDown(ctx, session, located, to, flags);
    return acknowledge(ctx, session, located, acknowledged, flags);
  });
}

async function passDown(ctx: CommandContext, session: EditSession, located: ReturnType<typeof findCsrById>, given: string[], flags: FlowDownFlags): Promise<number> {
  const csr = located.value;
  const suppliers = [...new Set(given.map((g) => supplierCode(session, g, "--to")))];
  const via = flags.via?.trim();
  if (!via) throw new UserError(t("flow-down.needs-via", { id: csr.id }));
  const date = eventDateOption(flags.date, "--date", { follows: { what: eventLabel("rule.date/event.csr-received"), of: csr.id, date: csr.received } });
  const document = session.index.documents.get(via)?.value;
  let revision = flags.revision?.trim() || undefined;
  if (document) {
    // The revision the supplier received is the one in force on the day it was sent: recorded, so that the next revision asks for a new passing.
    const inForce = document.status === "released" ? revisionInForce(document, date)?.version : undefined;
    if (inForce === undefined) throw new UserError(t("flow-down.document-not-in-force", { document: via, date }));
    if (revision !== undefined && revision !== inForce) throw new UserError(t("flow-down.revision-differs", { document: via, revision, inForce, date }));
    revision = inForce;
  }
  const record = flags.record?.trim() || undefined;
  const entries: SupplierFlowDown[] = suppliers.map((supplier) => ({
    supplier,
    document: via,
    ...(revision ? { revision } : {}),
    date,
    ...(record ? { record } : {}),
    source_revision: csr.source.revision,
  }));
  const change = editFile(session.root, located.file.path, "csr", (doc) => {
    for (const entry of entries) appendIn(doc, ["flow_down", "suppliers"], doc.createNode(entry, { flow: true }));
  });
  const names = list(suppliers.map((s) => departmentLabel(session.index, s)));
  const line = t("flow-down.passed", { id: csr.id, suppliers: names, document: revision ? `${via} ${revision}` : via, date, record: record ? t("flow-down.record", { record }) : "" });
  await saveChanges(ctx, session, [change], [line], { commit: flags.commit, message: t("commit.flow-down.passed", { id: csr.id, suppliers: suppliers.join(" "), document: via }) });
  return 0;
}

async function acknowledge(ctx: CommandContext, session: EditSession, located: ReturnType<typeof findCsrById>, given: string[], flags: FlowDownFlags): Promise<number> {
  const csr = located.value;
  const suppliers = [...new Set(given.map((g) => supplierCode(session, g, "--acknowledged")))];
  const readings = new Map(flowDownReadings(csr, session.index.documents, flags.date ?? AFTER_EVERY_DAY).map((r) => [r.supplier, r]));
  const all = csr.flow_down?.suppliers ?? [];
  const latestIndex = (supplier: string) => all.map((e) => e.supplier).lastIndexOf(supplier);
  for (const supplier of suppliers) {
    const reading = readings.get(supplier);
    if (!reading) throw new UserError(t("flow-down.not-passed", { id: csr.id, supplier: departmentLabel(session.index, supplier), code: supplier }));
    if (reading.latest.acknowledged) throw new UserError(t("flow-down.already-acknowledged", { id: csr.id, supplier: departmentLabel(session.index, supplier), date: reading.latest.acknowledged.date }));
  }
  const latestPassing = suppliers.map((s) => readings.get(s)!.latest.date).sort().at(-1)!;
  const date = eventDateOption(flags.date, "--date", { follows: { what: eventLabel("flow-down.passed-event"), of: csr.id, date: latestPassing } });
  // The supplier's contact who signed the reply: a person of people.yaml by id, else the name as the reply gives it.
  const by = flags.by?.trim() || undefined;
  const record = flags.record?.trim() || undefined;
  const acknowledgement = { date, ...(by ? { by } : {}), ...(record ? { record } : {}) };
  const change = editFile(session.root, located.file.path, "csr", (doc) => {
    for (const supplier of suppliers) doc.setIn(["flow_down", "suppliers", latestIndex(supplier), "acknowledged"], doc.createNode(acknowledgement, { flow: true }));
  });
  const names = list(suppliers.map((s) => departmentLabel(session.index, s)));
  const line = t("flow-down.acknowledged", { id: csr.id, suppliers: names, date, by: by ? t("flow-down.by", { by: session.index.people.has(by) ? personLabel(session.index, by) : by }) : "", record: record ? t("flow-down.record", { record }) : "" });
  await saveChanges(ctx, session, [change], [line], { commit: flags.commit, message: t("commit.flow-down.acknowledged", { id: csr.id, suppliers: suppliers.join(" ") }) });
  return 0;
}

/**
 * `--not-required --reason`: the decision that the CSR does not apply to suppliers (IATF 16949 8.4.3.1 passes down the
 * applicable requirements only), with its reason, day and decider. Errors (UserError, one line): beside --to,
 * --acknowledged or --require (`other`); without --reason; a superseded CSR; a CSR passed to suppliers already (their
 * passings say it applies); the same decision recorded already (exit 0, said so).
 */
async function notRequired(ctx: CommandContext, session: EditSession, located: ReturnType<typeof findCsrById>, flags: FlowDownFlags, other: string | undefined): Promise<number> {
  const csr = located.value;
  if (other !== undefined) throw new UserError(t("flow-down.not-required-with", { flag: other }));
  const reason = flags.reason?.trim();
  if (!reason) throw new UserError(t("flow-down.needs-reason", { id: csr.id }));
  if (csr.superseded) throw new UserError(t("flow-down.superseded", { id: csr.id }));
  const passed = flowDownReadings(csr, session.index.documents, AFTER_EVERY_DAY);
  if (passed.length > 0) throw new UserError(t("flow-down.not-required-passed", { id: csr.id, suppliers: list(passed.map((r) => departmentLabel(session.index, r.supplier))) }));
  if (csr.flow_down?.required === false && csr.flow_down.reason === reason) {
    ctx.stdout(t("flow-down.not-required-already", { id: csr.id }) + "\n");
    return 0;
  }
  const date = eventDateOption(flags.date, "--date", { follows: { what: eventLabel("rule.date/event.csr-received"), of: csr.id, date: csr.received } });
  const by = flags.by === undefined ? undefined : resolvePerson(session.index, flags.by, "--by", date).id;
  const change = editFile(session.root, located.file.path, "csr", (doc) => {
    doc.setIn(["flow_down", "required"], false);
    doc.setIn(["flow_down", "reason"], reason);
    doc.setIn(["flow_down", "date"], date);
    if (by) doc.setIn(["flow_down", "by"], by);
    else doc.deleteIn(["flow_down", "by"]);
  });
  const line = t("flow-down.not-required", { id: csr.id, reason, date });
  await saveChanges(ctx, session, [change], [line], { commit: flags.commit, message: t("commit.flow-down.not-required", { id: csr.id }) });
  return 0;
}
