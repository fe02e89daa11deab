/**
 * `csr supplier add|update|certificate|audited`: the suppliers of the approved supplier list (合格供方名录;
 * IATF 16949 8.4.1.2, 8.4.2.3, 8.4.2.4, 8.4.2.4.1; GJB 9001C 8.4) without hand-edited YAML. A supplier is
 * an outside party of qms.yaml `external_parties` of kind supplier (code, name: it receives controlled
 * copies like any outside party) with its record in suppliers/<code>.yaml (model/suppliers.ts).
 *
 * `add` makes a new outside party of kind supplier, or makes a supplier of an outside party of kind
 * other (one added before suppliers had their kind, as `csr department add … --external other`), and
 * writes its record. `update` records an approval decision (status, date, by) and changes what it
 * supplies. `certificate` records a certificate, replacing the one of the same standard (renewed).
 * `audited` records a second-party audit in the supplier's record, not in the internal audit programme.
 *
 * Errors (UserError, one line): a code that is not a code, or a department's, or an outside party's of
 * another kind; no such supplier; a person who is no person of people.yaml, left, or is of an outside
 * party; an unknown status or result; a date not a date; an audit (`audited --date`) dated after today; nothing to
 * change.
 */
import { isMap, isScalar, isSeq, YAMLSeq, Document, type YAMLMap } from "yaml";
import { configuredSeverity } from "../../check/engine.js";
import { rule as unqualifiedRule, unqualifiedAuditMessage } from "../../check/rules/supplier/auditor-unqualified.js";
import { UserError } from "../../core/errors.js";
import { auditorQualification, marksAuditors } from "../../model/process-audits.js";
import { list, t } from "../../i18n/index.js";
import { militarySupplier } from "../../model/citations.js";
import { CODE_PATTERN } from "../../model/paths.js";
import type { Supplier } from "../../model/suppliers.js";
import { SUPPLIER_GRADES, SUPPLIER_STATUSES, type ExternalParty, type SupplierAudit, type SupplierCertificate, type SupplierRating, type SupplierRecord } from "../../model/types.js";
import { actionGrade, gradeAtOrBelow, maySupply, statusOn } from "../../model/suppliers.js";
import { openSupplierActions } from "../../model/actions.js";
import { localToday } from "../../core/dates.js";
import { language } from "../../i18n/index.js";
import { registerContext } from "../../report/registers/context.js";
import { ratingText } from "../../report/registers/suppliers.js";
import { rule as ratingRule } from "../../check/rules/supplier/rating-without-action.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption, eventDateOption } from "../options.js";
import { editFile, textListOption, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import { yamlText } from "../shared/persist.js";
import { personLabel, refuseMilitaryWork, refuseOutsidePerson, resolvePerson } from "../shared/people.js";
import { appendExternalParty } from "../shared/external-parties.js";
import { supplierLabel, supplierOption } from "../shared/suppliers.js";
import { appendFlowEntry, flowMap, ratingMeasure, ratingPeriod, refuseUnbegunPeriod } from "../shared/ratings.js";
import { customerGiven } from "../../model/customers.js";

export interface SupplierFlags {
  name?: string;
  nameEn?: string;
  /** What it supplies (供货范围), one or more. */
  supplies?: string[];
  /** true: it supplies parts with special characteristics; false: it no longer does. */
  specialCharacteristics?: boolean;
  /** csr supplier update: the standard its QMS development plan aims at (IATF 16949 8.4.2.3), e.g. "IATF 16949". */
  development?: string;
  /** The day the plan has it certified by (YYYY-MM-DD). */
  developmentDue?: string;
  /** How: the plan's steps or its record. */
  developmentNote?: string;
  /** The customer (code or name) who authorised buying from it without an ISO 9001 certificate (IATF 16949 8.4.2.3). */
  customerAuthorised?: string;
  /** The customer's letter or record of that authorisation. */
  authorisationRecord?: string;
  status?: string;
  date?: string;
  by?: string;
  remark?: string;
  standard?: string;
  number?: string;
  body?: string;
  validUntil?: string;
  report?: string;
  result?: string;
  /** csr supplier rate: the period rated (2026, 2026-H2, 2026-Q4, 2026-11). */
  period?: string;
  /** Delivered product quality, parts per million rejected (质量 PPM). */
  ppm?: string;
  /** On-time delivery in percent (交付准时率). */
  onTime?: string;
  /** Disruptions at the customer, field returns included (顾客干扰次数). */
  disruptions?: string;
  grade?: string;
  /** The rating's record number (评价记录编号). */
  record?: string;
  yes?: boolean;
  commit?: boolean;
}

/** The order csr writes a supplier record's keys in (schemas/supplier.schema.json). */
const ORDER = ["code", "supplies", "special_characteristics", "approvals", "development", "customer_authorisation", "certificates", "audits", "ratings"] as const;
const AUDIT_RESULTS = ["passed", "conditional", "failed"] as const;

export async function supplierAddCommand(ctx: CommandContext, code: string, flags: SupplierFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const config = session.repo.config;
    if (!config) throw new UserError(t("department.no-qms"));
    code = code.trim();
    if (!CODE_PATTERN.test(code)) throw new UserError(t("department.bad-code", { code }));
    const key = code.toLowerCase();
    const department = [...session.index.departments.values()].find((d) => d.code.toLowerCase() === key);
    if (department) throw new UserError(t("supplier.department", { code, department: t("people.department-choice", { code: department.code, name: department.name }) }));
    const party = [...session.index.parties.values()].find((p) => p.code.toLowerCase() === key);
    if (party && party.kind === "supplier") throw new UserError(t("supplier.exists", { supplier: label(party) }), t("supplier.exists.hint", { code: party.code }));
    if (party && party.kind !== undefined && party.kind !== "other") throw new UserError(t("supplier.party-kind", { party: label(party), kind: party.kind }));
    if (session.repo.suppliers.some((s) => s.value.code.toLowerCase() === key)) throw new UserError(t("supplier.record-exists", { path: session.repo.suppliers.find((s) => s.value.code.toLowerCase() === key)!.file.path }));
    const name = flags.name?.trim() ?? party?.name;
    if (name === undefined) throw new UserError(t("supplier.needs.name", { code }));
    if (name === "") throw new UserError(t("department.empty-name"));
    const supplies = textListOption(flags.supplies);
    const record: SupplierRecord = { code: party?.code ?? code, ...(supplies.length > 0 ? { supplies } : {}), ...(flags.specialCharacteristics ? { special_characteristics: true } : {}) };
    const changes: FileChange[] = [
      editFile(session.root, config.file.path, "qms", (doc) => (party ? turnIntoSupplier(doc, party.code, flags.name?.trim()) : appendExternalParty(doc, { code, name, ...(flags.nameEn?.trim() ? { name_en: flags.nameEn.trim() } : {}), kind: "supplier" }))),
      { path: `suppliers/${record.code}.yaml`, kind: "supplier", text: yamlText(new Document(record)), create: true },
    ];
    const supplier = t("people.department-choice", { code: record.code, name });
    const lines = [t(party ? "supplier.made-supplier" : "supplier.added", { supplier, path: `suppliers/${record.code}.yaml`, code: record.code }), t("supplier.next-step", { code: record.code, standard: militarySupplier(config.value.standards) ? "GJB 9001C" : "IATF 16949" })];
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t("supplier.commit.add", { code: record.code, name }) });
    return 0;
  });
}

export async function supplierUpdateCommand(ctx: CommandContext, given: string, flags: SupplierFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const supplier = supplierOption(session.repo, given);
    const details: string[] = [];
    const edits: ((doc: Document.Parsed) => void)[] = [];
    if (flags.status !== undefined) {
      const status = choiceOption(flags.status, "--status", SUPPLIER_STATUSES, "approved");
      const date = dateOption(flags.date, "--date");
      if (flags.by === undefined) throw new UserError(t("supplier.needs.by"));
      const by = insider(session, flags.by, "--by", date);
      const last = supplier.record?.value.approvals?.at(-1);
      if (last && last.date > date) throw new UserError(t("supplier.approval-before-last", { date, last: last.date, status: t(`supplier.status.${last.status}`) }));
      const approval = { status, date, by, ...(flags.remark?.trim() ? { remark: flags.remark.trim() } : {}) };
      edits.push((doc) => appendTo(doc, "approvals", approval));
      details.push(t("supplier.update.status", { status: t(`supplier.status.${status}`), date, by: personLabel(session.index, by) }));
    } else if (flags.date !== undefined || flags.by !== undefined || flags.remark !== undefined) throw new UserError(t("supplier.needs.status"));
    const supplies = textListOption(flags.supplies);
    if (supplies.length > 0) {
      edits.push((doc) => setKey(doc, "supplies", flowList(doc, supplies)));
      details.push(t("supplier.update.supplies", { supplies: list(supplies) }));
    }
    if (flags.specialCharacteristics !== undefined && flags.specialCharacteristics !== (supplier.record?.value.special_characteristics ?? false)) {
      edits.push((doc) => (flags.specialCharacteristics ? setKey(doc, "special_characteristics", doc.createNode(true)) : doc.delete("special_characteristics")));
      details.push(t(flags.specialCharacteristics ? "supplier.update.special-on" : "supplier.update.special-off"));
    }
    if (flags.development !== undefined || flags.developmentDue !== undefined || flags.developmentNote !== undefined) {
      const before = supplier.record?.value.development;
      const target = flags.development?.trim() || before?.target;
      if (!target) throw new UserError(t("supplier.development.needs-target"));
      const due = flags.developmentDue !== undefined ? dateOption(flags.developmentDue, "--development-due") : before?.due;
      const note = flags.developmentNote !== undefined ? flags.developmentNote.trim() || undefined : before?.note;
      const development = { target, ...(due ? { due } : {}), ...(note ? { note } : {}) };
      edits.push((doc) => setKey(doc, "development", flowMap(doc, development)));
      details.push(t(due ? "supplier.update.development-due" : "supplier.update.development", { target, due: due ?? "" }));
    }
    if (flags.customerAuthorised !== undefined) {
      const customer = customerGiven(session.repo.customers.map((c) => c.value), flags.customerAuthorised, "--customer-authorised").code;
      const record = flags.authorisationRecord?.trim();
      edits.push((doc) => setKey(doc, "customer_authorisation", flowMap(doc, { customer, ...(record ? { record } : {}) })));
      details.push(t(record ? "supplier.update.authorised-record" : "supplier.update.authorised", { customer, record: record ?? "" }));
    } else if (flags.authorisationRecord !== undefined) throw new UserError(t("supplier.authorisation.needs-customer"));
    if (edits.length === 0) throw new UserError(t("supplier.update.nothing"), t("supplier.update.hint", { code: supplier.code }));
    await saveChanges(ctx, session, [recordChange(session, supplier, edits)], [t("supplier.updated", { supplier: supplierLabel(supplier), details: details.join(t("department.update.separator")) })], {
      commit: flags.commit,
      message: t("supplier.commit.update", { code: supplier.code }),
    });
    return 0;
  });
}

export async function supplierCertificateCommand(ctx: CommandContext, given: string, flags: SupplierFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const supplier = supplierOption(session.repo, given);
    const standard = flags.standard?.trim();
    const number = flags.number?.trim();
    if (!standard || !number || flags.validUntil === undefined) throw new UserError(t("supplier.certificate.needs"));
    const certificate: SupplierCertificate = { standard, number, ...(flags.body?.trim() ? { body: flags.body.trim() } : {}), valid_until: dateOption(flags.validUntil, "--valid-until") };
    const before = supplier.record?.value.certificates ?? [];
    const replaced = before.findIndex((c) => c.standard.toLowerCase() === standard.toLowerCase());
    const edit = (doc: Document.Parsed) => {
      const seq = doc.get("certificates", true);
      if (replaced >= 0 && isSeq(seq)) seq.items[replaced] = flowMap(doc, certificate);
      else appendTo(doc, "certificates", certificate);
    };
    const old = before[replaced];
    const line = old
      ? t("supplier.certificate.replaced", { supplier: supplierLabel(supplier), standard, number, until: certificate.valid_until, oldNumber: old.number, oldUntil: old.valid_until })
      : t("supplier.certificate.added", { supplier: supplierLabel(supplier), standard, number, until: certificate.valid_until });
    await saveChanges(ctx, session, [recordChange(session, supplier, [edit])], [line], { commit: flags.commit, message: t("supplier.commit.certificate", { code: supplier.code, standard, number }) });
    return 0;
  });
}

export async function supplierAuditedCommand(ctx: CommandContext, given: string, flags: SupplierFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const supplier = supplierOption(session.repo, given);
    if (flags.by === undefined || flags.result === undefined) throw new UserError(t("supplier.audited.needs"));
    // An audit is recorded once held: a day after today is a typing error or a plan (as csr supplier rate refuses it).
    const date = eventDateOption(flags.date, "--date");
    const by = insider(session, flags.by, "--by", date);
    const result = choiceOption(flags.result, "--result", AUDIT_RESULTS, "passed");
    const audit: SupplierAudit = { date, by, ...(flags.report?.trim() ? { report: flags.report.trim() } : {}), result };
    const lines = [t("supplier.audited.recorded", { supplier: supplierLabel(supplier), date, by: personLabel(session.index, by), result: t(`supplier.audit.${result}`), report: audit.report ?? t("department.none") })];
    // What csr check will say of it, said now and not refused: the audit took place and stays on record (tester73 S4).
    const auditor = session.index.people.get(by)!.value;
    const people = [...session.index.people.values()].map((p) => p.value);
    if (configuredSeverity(unqualifiedRule.id, session.repo.config?.value.rules ?? {}) !== undefined && marksAuditors(people) && !auditorQualification(auditor, date, "second-party")) {
      lines.push(t("supplier.audited.unqualified", { rule: unqualifiedRule.id, message: unqualifiedAuditMessage(supplier, audit, auditor) }));
    }
    await saveChanges(ctx, session, [recordChange(session, supplier, [(doc) => appendTo(doc, "audits", audit)])], lines, { commit: flags.commit, message: t("supplier.commit.audited", { code: supplier.code, date }) });
    return 0;
  });
}

/**
 * `csr supplier rate <code> --period 2026-Q4 --grade A|B|C|D [--ppm 120 --on-time 96.5 --disruptions 0 --by --date --record]`:
 * records a supplier performance rating (供方业绩评价, IATF 16949 8.4.2.4: delivered product quality, delivery performance,
 * customer disruptions incl. field returns) in the supplier's record. A grade at or below qms.yaml `suppliers.action_grade`
 * (default C) with no open SCAR is said, as csr check's supplier/rating-without-action says it. Errors (UserError, one line):
 * a period not a year, half, quarter or month; a period rated already; a number not a number or out of range; no --grade.
 */
export async function supplierRateCommand(ctx: CommandContext, given: string, flags: SupplierFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const supplier = supplierOption(session.repo, given);
    if (flags.period === undefined || flags.grade === undefined || flags.by === undefined) throw new UserError(t("supplier.rate.needs"), t("supplier.rate.hint", { code: supplier.code }));
    const period = ratingPeriod(flags.period);
    const rated = (supplier.record?.value.ratings ?? []).find((r) => r.period === period);
    if (rated) throw new UserError(t("supplier.rate.rated", { supplier: supplierLabel(supplier), period, grade: rated.grade, date: rated.date }), t("supplier.rate.rated.hint", { path: supplier.record!.file.path }));
    const grade = choiceOption(flags.grade.trim().toUpperCase(), "--grade", SUPPLIER_GRADES, "A");
    const date = eventDateOption(flags.date, "--date");
    refuseUnbegunPeriod(period, date);
    const by = insider(session, flags.by, "--by", date);
    const ppm = ratingMeasure(flags.ppm, "--ppm", Infinity);
    const onTime = ratingMeasure(flags.onTime, "--on-time", 100);
    const disruptions = ratingMeasure(flags.disruptions, "--disruptions", Infinity, true);
    const rating: SupplierRating = { period, ...(ppm !== undefined ? { ppm } : {}), ...(onTime !== undefined ? { on_time: onTime } : {}), ...(disruptions !== undefined ? { disruptions } : {}), grade, date, by, ...(flags.record?.trim() ? { record: flags.record.trim() } : {}) };
    const rc = registerContext(session.repo, language(), undefined, undefined, session.index);
    const lines = [t("supplier.rate.recorded", { supplier: supplierLabel(supplier), rating: ratingText(rc, rating), by: personLabel(session.index, by), date })];
    const threshold = actionGrade(session.repo);
    // What csr check will say of it (supplier/rating-without-action), said now: the rating is recorded all the same.
    // A supplier not approved (待评价) or suspended is not bought from: the rule leaves it out, and so does this note (tester80 M12).
    const today = localToday();
    if (configuredSeverity(ratingRule.id, session.repo.config?.value.rules ?? {}) !== undefined && maySupply(statusOn(supplier, today)) && gradeAtOrBelow(grade, threshold) && openSupplierActions(session.repo.actions.map((a) => a.value), supplier.code, today).length === 0) {
      lines.push(t("supplier.rate.needs-action", { rule: ratingRule.id, grade, threshold, code: supplier.code }));
    }
    await saveChanges(ctx, session, [recordChange(session, supplier, [(doc) => appendTo(doc, "ratings", rating)])], lines, { commit: flags.commit, message: t("supplier.commit.rate", { code: supplier.code, period, grade }) });
    return 0;
  });
}

/** A person of the company for the supplier's evaluation or audit: one of people.yaml at work on `date`, of no outside party and no 军代表室 (GJB 9001C 8.4.1). */
function insider(session: EditSession, given: string, flag: string, date: string): string {
  const person = resolvePerson(session.index, given, flag, date);
  refuseOutsidePerson(session.index, person, flag);
  refuseMilitaryWork(session.index, person, flag, "supplier");
  return person.id;
}

/** The change to the supplier's record: its file edited in place, or written anew (with the edits) when it has none yet. */
function recordChange(session: EditSession, supplier: Supplier, edits: ((doc: Document.Parsed) => void)[]): FileChange {
  if (supplier.record) return editFile(session.root, supplier.record.file.path, "supplier", (doc) => edits.forEach((edit) => edit(doc)));
  const doc = new Document({ code: supplier.code }) as unknown as Document.Parsed;
  edits.forEach((edit) => edit(doc));
  return { path: `suppliers/${supplier.code}.yaml`, kind: "supplier", text: yamlText(doc), create: true };
}

function appendTo(doc: Document.Parsed, key: "approvals" | "certificates" | "audits" | "ratings", entry: object): void {
  appendFlowEntry(doc, key, entry, (node) => setKey(doc, key, node));
}

function flowList(doc: Document.Parsed, items: string[]): YAMLSeq {
  const node = doc.createNode(items) as YAMLSeq;
  node.flow = true;
  return node;
}

/** Sets a top-level key in place, or after the last key before it in ORDER. */
function setKey(doc: Document.Parsed, key: (typeof ORDER)[number], node: unknown): void {
  const contents = doc.contents as YAMLMap;
  const at = contents.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  if (at >= 0) {
    contents.items[at]!.value = node;
    return;
  }
  const rank = ORDER.indexOf(key);
  let after = -1;
  contents.items.forEach((pair, i) => {
    const k = isScalar(pair.key) ? String(pair.key.value) : "";
    if (ORDER.indexOf(k as (typeof ORDER)[number]) < rank) after = i;
  });
  contents.items.splice(after + 1, 0, doc.createPair(key, node));
}

/** An outside party of kind other made a supplier (its name changed when `name` is given): its copies and people stay its own. */
function turnIntoSupplier(doc: Document.Parsed, code: string, name: string | undefined): void {
  const parties = doc.get("external_parties", true);
  const entry = isSeq(parties) ? parties.items.find((item) => isMap(item) && item.get("code") === code) : undefined;
  if (!isMap(entry)) throw new UserError(t("department.no-list"));
  if (name) entry.set("name", name);
  entry.set("kind", "supplier");
}

const label = (party: ExternalParty) => t("people.department-choice", { code: party.code, name: party.name });
