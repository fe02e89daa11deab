/**
 * `csr process add|update`: the process map (过程清单, processes.yaml) without hand-edited YAML — a
 * process's code (C1 顾客导向过程, S2 支持过程, M1 管理过程 …), name, type, owning department, the
 * clauses it covers (the clause matrix, IATF 16949 4.4.1) and its documents.
 *
 * A process's code is not changed here: documents and the clause matrix name it.
 *
 * `--manufacturing` marks a manufacturing process (制造过程, `manufacturing: true`): one that makes the product, audited by
 * a manufacturing process audit over every three-year cycle (IATF 16949 9.2.2.3, process/manufacturing-audit-due);
 * `--no-manufacturing` (update) takes the mark off.
 *
 * `--audit-months` sets the months within which the process is audited again (`audit_months`, its
 * audit frequency by risk, performance and changes, IATF 16949 9.2.2.1), over qms.yaml's
 * `internal_audit.interval_months` (csr organisation update --audit-interval); "" removes it. `--audit-reason` records why
 * (`audit_reason`: the risks, customer complaints, performance or changes that set it, IATF 16949 9.2.2.1), shown in the audit
 * programme; a changed interval given without one drops the reason of the interval it replaces, and one removed takes its
 * reason along. `--shifts` records the shifts the process runs (`shifts`, comma-separated; "" removes them), which the year's
 * manufacturing process audits cover (IATF 16949 9.2.2.3, process/audit-shift-coverage). `--owner-person` (update) names the
 * process owner (`owner_person`, a person of people.yaml; IATF 16949 5.3.1: top management assigns process owners) beside
 * the owning department; "" removes them.
 *
 * Errors (UserError, one line): a code that is not a code or is taken (compared without case), an
 * unknown type, department, clause (as `csr set` takes clauses) or document, adding what is listed
 * already or removing what is not, an audit interval that is not a whole number of months from 1 to 36
 * (schemas/processes.schema.json), a reason for a process without its own interval, nothing to change.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import type { Catalog } from "../../model/catalog.js";
import { processLabel } from "../../model/labels.js";
import { CODE_PATTERN } from "../../model/paths.js";
import { auditorRoster, auditStanding, defaultAuditMonths } from "../../model/process-audits.js";
import { localToday } from "../../core/dates.js";
import type { Process } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { auditMonthsOption, choiceOption, clauseOptionParts, clauseRef, clauseToRemove } from "../options.js";
import { departmentByCode, insiderOption, editFile, listOption, need, optionalAnswer, processByCode, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { departmentLabel, personLabel } from "../shared/people.js";
import { appendIn, yamlText, type FileChange } from "../shared/persist.js";
import { valuesOf } from "./audit-content.js";

export interface ProcessFlags {
  name?: string;
  nameEn?: string;
  type?: string;
  owner?: string;
  /** add: the clauses it covers. */
  clause?: string[];
  /** add: its documents. */
  document?: string[];
  /** update: clauses and documents to add or take out. */
  addClause?: string[];
  removeClause?: string[];
  addDocument?: string[];
  removeDocument?: string[];
  /** add/update: the months within which the process is audited again (audit_months); update: "" removes it. */
  auditMonths?: string;
  /** update: the process owner, a person of people.yaml (owner_person, IATF 16949 5.3.1); "" removes them. */
  ownerPerson?: string;
  /** add/update: why the process has its own interval (audit_reason); update: "" removes it. */
  auditReason?: string;
  /** add/update: the shifts the process runs, comma-separated (shifts); update: "" removes them. */
  shifts?: string;
  /** add/update: true marks a manufacturing process; update: false (--no-manufacturing) takes the mark off. */
  manufacturing?: boolean;
  yes?: boolean;
  commit?: boolean;
}

/** schemas/processes.schema.json type, in the order a process map lists them. */
export const PROCESS_TYPES = ["customer-oriented", "support", "management"] as const;
type ProcessType = (typeof PROCESS_TYPES)[number];
const PROCESSES = "processes.yaml";

export async function processAddCommand(ctx: CommandContext, code: string | undefined, flags: ProcessFlags): Promise<number> {
  return addProcess(ctx, code, flags);
}

/** `prompts` given: ask for whatever the flags left open, whatever the terminal (tests drive this). */
export async function addProcess(ctx: CommandContext, codeArg: string | undefined, flags: ProcessFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { ask } = session;
    const problem = (code: string) => (!CODE_PATTERN.test(code) ? t("process.bad-code", { code }) : taken(session, code));
    const code = (codeArg ?? (await need(ask, "<code>", t("process.needs.code"), (p) => p.input({ message: t("process.prompt.code"), required: true, validate: (v) => problem(v.trim()) ?? true })))).trim();
    const refused = problem(code);
    if (refused) throw new UserError(refused, t("process.code.hint"));
    const name = (flags.name ?? (await need(ask, "--name", t("process.needs.name"), (p) => p.input({ message: t("process.prompt.name"), required: true })))).trim();
    if (name === "") throw new UserError(t("process.empty-name"));
    const type =
      flags.type !== undefined
        ? choiceOption<ProcessType>(flags.type, "--type", PROCESS_TYPES, "support")
        : await need(ask, "--type", t("process.needs.type"), (p) => p.select({ message: t("process.prompt.type"), choices: PROCESS_TYPES.map((k) => ({ value: k, name: `${k}  ${t(`site.process.${k}`)}` })) }));
    const departments = [...session.index.departments.values()];
    const ownerGiven =
      flags.owner ??
      (ask ? await ask.select({ message: t("process.prompt.owner"), choices: [{ value: "", name: t("process.prompt.no-owner") }, ...departments.map((d) => ({ value: d.code, name: `${d.code}  ${d.name}` }))] }) : undefined);
    const owner = ownerGiven ? departmentByCode(session, ownerGiven, "--owner") : undefined;
    const nameEn = (flags.nameEn ?? (ask ? optionalAnswer(await ask.input({ message: t("process.prompt.name-en") })) : undefined))?.trim() || undefined;
    const inScope = catalogsInScope(session);
    const clauses = unique(clauseOptionParts(session.repo, flags.clause).map((c) => clauseRef(c, "--clause", inScope)));
    const documents = unique(listOption(flags.document).map((d) => documentNumber(session, d, "--document")));
    const auditMonths = flags.auditMonths === undefined ? undefined : (auditMonthsOption(flags.auditMonths, false, "process.bad-audit-months", "process.audit-months.hint") as number);
    const auditReason = flags.auditReason?.trim() || undefined;
    if (auditReason !== undefined && auditMonths === undefined) throw new UserError(t("process.audit-reason.no-interval", { code }), t("process.audit-reason.hint", { code }));
    const shifts = shiftsOption(flags.shifts);
    const process: Process = {
      code,
      name,
      ...(nameEn ? { name_en: nameEn } : {}),
      type,
      ...(owner ? { owner } : {}),
      ...(clauses.length > 0 ? { clauses } : {}),
      ...(documents.length > 0 ? { documents } : {}),
      ...(flags.manufacturing ? { manufacturing: true } : {}),
      ...(auditMonths !== undefined ? { audit_months: auditMonths } : {}),
      ...(auditReason !== undefined ? { audit_reason: auditReason } : {}),
      ...(shifts && shifts.length > 0 ? { shifts } : {}),
    };
    const lines = [
      t("process.added", {
        process: processLabel({ code, name, name_en: nameEn }),
        type: t(`site.process.${type}`),
        owner: owner ? departmentLabel(session.index, owner) : t("process.none"),
        clauses: clauses.length,
        documents: documents.length,
        path: PROCESSES,
      }),
    ];
    if (clauses.length === 0) lines.push(t("process.clauses-hint", { code }));
    await saveChanges(ctx, session, [addToProcesses(session, process)], lines, { commit: flags.commit, message: t("process.commit.add", { code, name }) });
    return 0;
  });
}

export async function processUpdateCommand(ctx: CommandContext, given: string, flags: ProcessFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = processByCode(session.repo, given);
    const process = located.value;
    const catalogs = catalogsInScope(session);
    const details: string[] = [];
    const scalars: Partial<Pick<Process, "name" | "name_en" | "type" | "owner">> = {};
    const manufacturing = flags.manufacturing === undefined || flags.manufacturing === (process.manufacturing === true) ? undefined : flags.manufacturing;
    if (manufacturing !== undefined) {
      const shownMark = (on: boolean) => t(on ? "process.manufacturing.yes" : "process.manufacturing.no");
      details.push(t("process.update.field", { field: t("process.field.manufacturing"), before: shownMark(!manufacturing), after: shownMark(manufacturing) }));
    }
    if (flags.name !== undefined) {
      if (flags.name.trim() === "") throw new UserError(t("process.empty-name"));
      scalars.name = flags.name.trim();
    }
    if (flags.nameEn !== undefined) scalars.name_en = flags.nameEn.trim();
    if (flags.type !== undefined) scalars.type = choiceOption<ProcessType>(flags.type, "--type", PROCESS_TYPES, "support");
    if (flags.owner !== undefined) scalars.owner = flags.owner.trim() === "" ? "" : departmentByCode(session, flags.owner, "--owner");
    const shown = (field: keyof typeof scalars, value: string | undefined) =>
      !value ? t("process.none") : field === "type" ? t(`site.process.${value as ProcessType}`) : field === "owner" ? departmentLabel(session.index, value) : value;
    for (const field of Object.keys(scalars) as (keyof typeof scalars)[]) {
      const before = process[field] ?? "";
      if (scalars[field] === before) delete scalars[field];
      else details.push(t("process.update.field", { field: t(`process.field.${field}`), before: shown(field, before), after: shown(field, scalars[field]) }));
    }
    const clauses = listEdit(
      process.clauses ?? [],
      unique(clauseOptionParts(session.repo, flags.addClause).map((c) => clauseRef(c, "--add-clause", catalogs))),
      unique(clauseOptionParts(session.repo, flags.removeClause).map((c) => clauseToRemove(c, catalogs))),
      process.code,
      "clause",
    );
    const documents = listEdit(process.documents ?? [], unique(listOption(flags.addDocument).map((d) => documentNumber(session, d, "--add-document"))), unique(listOption(flags.removeDocument)), process.code, "document");
    const auditMonths = flags.auditMonths === undefined ? undefined : auditMonthsOption(flags.auditMonths, true, "process.bad-audit-months", "process.audit-months.hint");
    const monthsChanged = auditMonths !== undefined && auditMonths !== (process.audit_months ?? "");
    if (monthsChanged) {
      const shownMonths = (months: number | "" | undefined) => (months === "" || months === undefined ? t("process.none") : t("process.months", { months, count: months }));
      details.push(t("process.update.field", { field: t("process.field.audit_months"), before: shownMonths(process.audit_months), after: shownMonths(auditMonths) }));
    }
    // The reason belongs to the interval it set (IATF 16949 9.2.2.1): given, it is recorded; an interval changed or removed without one drops the old.
    const months = auditMonths === undefined ? process.audit_months : auditMonths === "" ? undefined : auditMonths;
    const givenReason = flags.auditReason?.trim();
    if (givenReason && months === undefined) throw new UserError(t("process.audit-reason.no-interval", { code: process.code }), t("process.audit-reason.hint", { code: process.code }));
    const reason = givenReason !== undefined ? givenReason || undefined : monthsChanged ? undefined : process.audit_reason;
    if (reason !== process.audit_reason) details.push(t("process.update.field", { field: t("process.field.audit_reason"), before: process.audit_reason ?? t("process.none"), after: reason ?? t("process.none") }));
    // The process owner (过程所有者) top management assigns (IATF 16949 5.3.1), a person beside the owning department.
    const ownerPerson = flags.ownerPerson === undefined ? undefined : flags.ownerPerson.trim() === "" ? "" : insiderOption(session, flags.ownerPerson, "--owner-person", localToday()).id;
    const ownerPersonChanged = ownerPerson !== undefined && ownerPerson !== (process.owner_person ?? "");
    if (ownerPersonChanged) {
      const shownPerson = (id: string | undefined) => (id ? personLabel(session.index, id) : t("process.none"));
      details.push(t("process.update.field", { field: t("process.field.owner_person"), before: shownPerson(process.owner_person), after: shownPerson(ownerPerson) }));
    }
    const shifts = shiftsOption(flags.shifts);
    const shiftsChanged = shifts !== undefined && shifts.join("\n") !== (process.shifts ?? []).join("\n");
    if (shiftsChanged) {
      const shownShifts = (given: readonly string[] | undefined) => (given && given.length > 0 ? list(given) : t("process.none"));
      details.push(t("process.update.field", { field: t("process.field.shifts"), before: shownShifts(process.shifts), after: shownShifts(shifts) }));
    }
    for (const [edit, field] of [[clauses, "clauses"], [documents, "documents"]] as const) {
      if (!edit) continue;
      if (edit.added.length > 0) details.push(t("process.update.added", { field: t(`process.field.${field}`), items: list(edit.added) }));
      if (edit.removed.length > 0) details.push(t("process.update.removed", { field: t(`process.field.${field}`), items: list(edit.removed) }));
    }
    const asked = [flags.name, flags.nameEn, flags.type, flags.owner, clauses, documents, auditMonths, flags.auditReason, flags.shifts, flags.manufacturing, flags.ownerPerson].some((given) => given !== undefined);
    if (!asked) throw new UserError(t("process.update.nothing"), t("process.update.hint", { code: process.code }));
    const label = processLabel(process);
    if (details.length === 0) {
      ctx.stdout(`${t("process.update.same", { process: label })}\n`);
      return 0;
    }
    const change = editFile(session.root, located.file.path, "processes", (doc) => {
      for (const [field, value] of Object.entries(scalars)) {
        if (value === "") doc.deleteIn([...located.path, field]);
        else doc.setIn([...located.path, field], value);
      }
      for (const [edit, field] of [[clauses, "clauses"], [documents, "documents"]] as const) {
        if (!edit) continue;
        if (edit.after.length === 0) doc.deleteIn([...located.path, field]);
        else setList(doc, [...located.path, field], edit.after);
      }
      if (ownerPersonChanged) {
        if (ownerPerson === "") doc.deleteIn([...located.path, "owner_person"]);
        else if (process.owner_person !== undefined) doc.setIn([...located.path, "owner_person"], ownerPerson);
        else setBefore(doc, located.path, "owner_person", ownerPerson, ["clauses", "documents", "manufacturing", "audit_months", "audit_reason", "shifts", "audits", "planned_audits"]);
      }
      if (manufacturing === false) doc.deleteIn([...located.path, "manufacturing"]);
      else if (manufacturing === true) setBefore(doc, located.path, "manufacturing", true, ["audit_months", "audits"]);
      if (auditMonths === "") doc.deleteIn([...located.path, "audit_months"]);
      else if (auditMonths !== undefined && process.audit_months !== undefined) doc.setIn([...located.path, "audit_months"], auditMonths);
      else if (auditMonths !== undefined) setBefore(doc, located.path, "audit_months", auditMonths, ["audit_reason", "shifts", "audits", "planned_audits"]);
      if (reason !== process.audit_reason) {
        if (reason === undefined) doc.deleteIn([...located.path, "audit_reason"]);
        else if (process.audit_reason !== undefined) doc.setIn([...located.path, "audit_reason"], reason);
        else setBefore(doc, located.path, "audit_reason", reason, ["shifts", "audits", "planned_audits"]);
      }
      if (shiftsChanged) {
        if (shifts.length === 0) doc.deleteIn([...located.path, "shifts"]);
        else if (process.shifts !== undefined) setList(doc, [...located.path, "shifts"], shifts);
        else setBefore(doc, located.path, "shifts", doc.createNode(shifts, { flow: true }), ["audits", "planned_audits"]);
      }
    });
    const lines = [t("process.updated", { process: label, details: details.join(t("process.update.separator")) })];
    if (auditMonths !== undefined) lines.push(...auditOutlook({ ...process, audit_months: auditMonths === "" ? undefined : auditMonths }, session));
    // A frequency of its own without a reason recorded: the auditor asks why (IATF 16949 9.2.2.1: risks, performance, complaints).
    if (monthsChanged && months !== undefined && reason === undefined) lines.push(t("process.audit-reason.missing", { code: process.code }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.update", { code: process.code }) });
    return 0;
  });
}

/**
 * What the audit interval now means for `process` today: the next audit's due day after its last audit
 * (overdue said), or that it was never audited; nothing when no interval applies.
 */
function auditOutlook(process: Process, session: EditSession): string[] {
  const config = session.repo.config?.value;
  const standing = auditStanding(process, config, localToday(), auditorRoster(session.index.people, config), defaultAuditMonths(config, session.repo.processes.map((p) => p.value)));
  if (standing.months === undefined) return [t("process.audit-months.none", { code: process.code })];
  // A later audit by an auditor not qualified that day, or led from the process's own department, is said: the due day is reckoned without it (auditUncounted).
  const uncounted = standing.uncounted
    ? [t(standing.uncounted.why === "own-department" ? "process.audit-months.uncounted-own-department" : "process.audit-months.uncounted", { date: standing.uncounted.audit.date, report: standing.uncounted.audit.report })]
    : [];
  if (standing.state === "never") return [t("process.audit-months.never", { code: process.code, months: standing.months, count: standing.months }), ...uncounted];
  if (standing.state === "overdue") return [t("process.audit-months.overdue", { last: standing.last!.audit.date, due: standing.due!, months: standing.months, count: standing.months }), ...uncounted];
  return [t("process.audited.next", { due: standing.due!, months: standing.months, count: standing.months }), ...uncounted];
}

/** The catalogs of the standards qms.yaml puts in scope (those loaded), in its order. */
export const catalogsInScope = (session: EditSession): Catalog[] =>
  (session.repo.config?.value.standards ?? []).map((s) => session.repo.catalogs.get(s)).filter((c): c is Catalog => c !== undefined);

/** Why `code` cannot be a new process's, or undefined. */
function taken(session: EditSession, code: string): string | undefined {
  const found = session.repo.processes.find((p) => p.value.code.toLowerCase() === code.toLowerCase())?.value;
  return found ? t("process.exists", { process: processLabel(found) }) : undefined;
}

/** A document of the repository by its number. Errors: UserError with the nearest numbers. */
function documentNumber(session: EditSession, given: string, flag: string): string {
  const number = given.trim();
  if (session.index.documents.has(number)) return number;
  if (session.repo.unvalidated.documents.has(number)) throw new UserError(t("edit.document-invalid", { id: number }), t("edit.fix-first.hint"));
  throw new UserError(t("process.no-document", { flag, number }) + didYouMean(number, [...session.index.documents.keys()]));
}

interface ListEdit {
  after: string[];
  added: string[];
  removed: string[];
}

/** `before` without `removed`, with `added` at the end; undefined when neither is given. Errors: UserError for an item listed already or not listed. */
function listEdit(before: readonly string[], added: string[], removed: string[], code: string, what: "clause" | "document"): ListEdit | undefined {
  if (added.length === 0 && removed.length === 0) return undefined;
  for (const item of added) {
    if (removed.includes(item)) throw new UserError(t("process.add-and-remove", { item }));
    if (before.includes(item)) throw new UserError(t(`process.${what}-listed`, { code, item }));
  }
  for (const item of removed) if (!before.includes(item)) throw new UserError(t(`process.${what}-not-listed`, { code, item }) + didYouMean(item, before));
  return { after: [...before.filter((i) => !removed.includes(i)), ...added], added, removed };
}

/** Sets `key` of the map at `path` to `value`, placed before the first of `before` it holds (a process's audits stay last). */
function setBefore(doc: Document.Parsed, path: readonly (string | number)[], key: string, value: unknown, before: readonly string[]): void {
  const map = doc.getIn(path, true);
  if (!isMap(map)) return doc.setIn([...path, key], value);
  const at = map.items.findIndex((pair) => before.includes(String((pair.key as { value?: unknown })?.value ?? pair.key)));
  const pair = doc.createPair(key, value);
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/**
 * The shifts --shifts gives (comma-separated, ，、 as well; the names as the audits' --shift use them), trimmed, without repeats,
 * in order: [] for "" (remove them), undefined when not given.
 */
function shiftsOption(given: string | undefined): string[] | undefined {
  return given === undefined ? undefined : valuesOf([given]);
}

/** Sets a list, keeping the items (and their comments) that stay and the list's flow or block style. */
function setList(doc: Document.Parsed, path: (string | number)[], items: readonly string[]): void {
  const existing = doc.getIn(path, true);
  if (isSeq(existing)) {
    const kept = new Map(existing.items.map((node) => [String((node as { value?: unknown }).value), node]));
    existing.items = items.map((item) => kept.get(item) ?? doc.createNode(item));
    return;
  }
  doc.setIn(path, doc.createNode([...items], { flow: true }));
}

/** The new process at the end of processes.yaml's list (the file is created when absent), lists one line each. */
function addToProcesses(session: EditSession, process: Process): FileChange {
  const exists = existsSync(join(session.root, PROCESSES));
  const put = (doc: Document) => {
    const node = doc.createNode(process) as YAMLMap;
    for (const key of ["clauses", "documents"]) {
      const seq = node.get(key, true);
      if (isSeq(seq)) seq.flow = true;
    }
    if (isMap(node)) appendIn(doc, ["processes"], node);
  };
  if (exists) return editFile(session.root, PROCESSES, "processes", put);
  const doc = new Document({ processes: [] });
  put(doc);
  return { path: PROCESSES, kind: "processes", text: yamlText(doc), create: true };
}

const unique = (items: readonly string[]) => [...new Set(items.map((i) => i.trim()).filter(Boolean))];
