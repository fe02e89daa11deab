/**
 * `csr process audited <code>`: an internal audit of a process (内部审核记录), appended to the process's
 * `audits` in processes.yaml: the day it ended (`--date`, not after today), the auditors (`--by`, people
 * of people.yaml at work that day, the team leader first), the audit report's number (`--report`) and
 * the nonconformities raised against the process (`--nonconformities`, 0 for 符合). IATF 16949 9.2.2.1:
 * the audit programme covers every process; the process list (csr list processes) prints the last audit
 * and, with an interval, when the next falls due (process/audit-due warns after).
 *
 * `--kind manufacturing-process|product` records a manufacturing process audit (IATF 16949 9.2.2.3) or a product audit
 * (9.2.2.4) instead of a QMS audit by process (9.2.2.2, the default, written without `kind`), with the part number
 * (`--part`, a product audit's required), the customer (`--customer`, a code of customers/) and the shift (`--shift`).
 * Its auditors are expected to hold a qualification of that kind (process/auditor-unqualified). Nonconformities raised
 * are followed by a corrective action opened against the audit's report (csr action open --source audit): said.
 *
 * A date that is a day off in the working-day calendar (qms.yaml calendar) is recorded with a note line.
 *
 * An auditor of the department that owns the process (9.2.2 c, impartiality) is recorded with a
 * warning line, as csr check's process/auditor-impartiality reports it; refused while qms.yaml sets
 * that rule to error. So is an auditor without an internal auditor qualification on the audit's date
 * once people.yaml marks internal auditors (IATF 16949 7.2.3, process/auditor-unqualified): the audit
 * took place and its record is kept; the warning asks for the qualification to be recorded, or for a
 * qualified auditor next time.
 *
 * `--trainee` (实习审核员, auditing under the team leader's guidance) and `--expert` (技术专家), repeatable, record
 * the rest of the audit team (ISO 19011 5.5.4; IATF 16949 7.2.3): people at work that day who need no auditor
 * qualification and are no auditors of the audit. An unqualified auditor other than a qualified team leader is
 * told to be recorded as --trainee when they audited under the leader's guidance (tester78 A7).
 *
 * Errors (UserError, one line): an unknown process, a missing option, a date after today or before the
 * publication of the earliest edition of the standards in scope (earliestAuditDay: a year typed wrong), an
 * unknown person or one not at work that day (before their 到岗日期 or after leaving), a count that is
 * not a whole number of 0 or more, the same report recorded for the process already, an auditor of
 * the owning department while process/auditor-impartiality is an error, a 军代表 (a person of a
 * military representative office: the customer's, not one of the organisation's auditors, GJB 9001C 9.2), an unknown
 * --kind or customer, a --shift the process does not run once it lists its shifts (shiftsOf; on --amend too), a product audit
 * without --part, a part number on a QMS audit.
 */
import { isMap, isScalar, isSeq, type Document as YamlDocument, type Node } from "yaml";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { addMonths, localToday } from "../../core/dates.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { departmentLabel, processLabel } from "../../model/labels.js";
import { yearlyMonths, auditCustomers, auditInterval, auditKind, auditShifts, sameAuditReport, earliestAuditDay, findingsNonconformities, IATF_CYCLE_MONTHS, plansFulfilledBy, threeYearCycle } from "../../model/process-audits.js";
import { AUDIT_FINDING_GRADES, AUDIT_KINDS, type AuditKind, type Process, type ProcessAudit } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption, eventDateOption } from "../options.js";
import { editFile, listOption, processByCode, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { personLabel } from "../shared/people.js";
import { appendIn } from "../shared/persist.js";
import { unknownCustomer } from "../../model/customers.js";
import { auditContent, shiftsOf, valuesOf, type AuditContent, type AuditContentFlags } from "./audit-content.js";
import { checkAuditTeam, teamReader } from "./team.js";

export interface ProcessAuditedFlags extends AuditContentFlags {
  date?: string;
  by?: string[];
  report?: string;
  nonconformities?: string;
  /** qms (default), manufacturing-process or product. */
  kind?: string;
  part?: string;
  /** Repeatable (or comma-separated): each customer whose part or requirements the audit sampled. */
  customer?: string[];
  /** Repeatable (or comma-separated): each shift audited (IATF 16949 9.2.2.3: every shift, the hand-over included). */
  shift?: string[];
  /** Repeatable: auditors-in-training (实习审核员), people of people.yaml. */
  trainee?: string[];
  /** Repeatable: technical experts (技术专家), people of people.yaml. */
  expert?: string[];
  comment?: string;
  /** The report of a recorded audit to correct (csr process audited <code> --amend <report>): only the fields given change. */
  amend?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function processAuditedCommand(ctx: CommandContext, given: string, flags: ProcessAuditedFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = processByCode(session.repo, given);
    const process = located.value;
    if (flags.amend !== undefined) return amendAudit(ctx, session, located, flags);
    const kind: AuditKind = flags.kind === undefined ? "qms" : choiceOption(flags.kind, "--kind", AUDIT_KINDS, "qms");
    // A product audit is of a product: its part number is what the record is about (IATF 16949 9.2.2.4).
    // Findings recorded give the count (tester78 A9): --nonconformities is then not asked for.
    const needed = (kind === "product" ? (["--date", "--by", "--report", "--nonconformities", "--part"] as const) : (["--date", "--by", "--report", "--nonconformities"] as const)).filter(
      (flag) => flag !== "--nonconformities" || flags.finding === undefined,
    );
    const missing = needed.filter((flag) => {
      const value = { "--date": flags.date, "--by": listOption(flags.by).join(""), "--report": flags.report?.trim(), "--nonconformities": flags.nonconformities?.trim(), "--part": flags.part?.trim() }[flag];
      return value === undefined || value === "";
    });
    if (missing.length > 0) {
      throw new UserError(
        t(kind === "qms" ? "process.audited.missing" : "process.audited.missing-kind", { flags: list(missing), audit: t(`value.audit-kind.${kind}`) }),
        t(kind === "qms" ? "process.audited.hint" : "process.audited.hint-kind", { code: process.code, kind }),
      );
    }
    // A part number on a QMS audit by process is a --kind left out, not a detail of the system audit.
    if (kind === "qms" && flags.part !== undefined) throw new UserError(t("process.audited.part-qms", { part: flags.part.trim() }), t("process.audited.hint-kind", { code: process.code, kind: "product" }));
    const part = flags.part?.trim() || undefined;
    // Several customers or shifts are one audit's sample (tester78 A3): every one kept, none taking another's place.
    const shifts = shiftsOf(process, flags.shift);
    const customers = valuesOf(flags.customer);
    for (const code of customers) {
      if (!session.index.customers.has(code)) throw unknownCustomer(session.repo.customers.map((c) => c.value), code);
    }
    const customer = oneOrMany(customers);
    const shift = oneOrMany(shifts);
    const date = auditDay(session, process, flags.date!);
    const content = auditContent(session, flags);
    const nonconformities = nonconformitiesOf(flags.nonconformities, content);
    // The team (ISO 19011 5.5.4): people at work that day, each in one role; trainees and experts are asked for no qualification.
    const member = teamReader(session, date);
    const by = member(listOption(flags.by), "--by");
    const trainees = member(valuesOf(flags.trainee), "--trainee");
    const experts = member(valuesOf(flags.expert), "--expert");
    const report = flags.report!.trim();
    const label = processLabel(process);
    // The same audit recorded twice (a command repeated after an interruption) would count twice in the programme.
    // In any letter case: people read IA-2026-02 and ia-2026-02 as one report (tester62 N10); the message names it as recorded.
    const recorded = (process.audits ?? []).find((a) => a.report.toLowerCase() === report.toLowerCase());
    if (recorded) throw new UserError(t("process.audited.duplicate", { process: label, report: recorded.report }));
    // IATF 16949 7.2.3: once people.yaml lists qualified internal auditors, the audit team is taken from that list (tester62 N2);
    // 9.2.2 c: an auditor of the department that owns the process audits their own department's work.
    const { warnings, uncounted, auditor } = checkAuditTeam(session, process, { by, trainees, experts, kind }, date, "audited");
    const comment = flags.comment?.trim();
    const entry: ProcessAudit = {
      date,
      by,
      ...(trainees.length > 0 ? { trainees } : {}),
      ...(experts.length > 0 ? { experts } : {}),
      report,
      nonconformities,
      ...(kind !== "qms" ? { kind } : {}),
      ...(part ? { part } : {}),
      ...(customer ? { customer } : {}),
      ...(shift ? { shift } : {}),
      ...(comment ? { comment } : {}),
      ...content,
    };
    const change = editFile(session.root, located.file.path, "processes", (doc) => {
      // One line an audit, as a register row reads; an audit with its scope, criteria or findings in block form, read as a report.
      appendIn(doc, [...located.path, "audits"], auditNode(doc, entry));
    });
    const result = nonconformities === 0 ? t("process.audited.conforming") : t("process.audited.nonconforming", { count: nonconformities });
    const team = [
      list(by.map((id) => personLabel(session.index, id))),
      ...(trainees.length > 0 ? [t("process.audited.trainees", { who: list(trainees.map((id) => personLabel(session.index, id))) })] : []),
      ...(experts.length > 0 ? [t("process.audited.experts", { who: list(experts.map((id) => personLabel(session.index, id))) })] : []),
    ].join(t("process.audited.subject.separator"));
    const lines = [
      kind === "qms"
        ? t("process.audited.recorded", { process: label, date, subject: auditSubject(undefined, customers, shifts), by: team, report, result, path: located.file.path })
        : t("process.audited.recorded-kind", { process: label, audit: t(`value.audit-kind.${kind}`), date, subject: auditSubject(part, customers, shifts), by: team, report, result, path: located.file.path }),
    ];
    lines.push(...contentLines(session, content));
    // The annual plan's entry for this process, kind and month is fulfilled by this audit (IATF 16949 9.2.2.1).
    if (plansFulfilledBy(process, kind, date).length > 0) lines.push(t("process.audited.plan-fulfilled", { month: date.slice(0, 7) }));
    // An audit recorded puts the programme in use: GJB 9001C's yearly default applies from it on (defaultAuditMonths).
    const months = auditInterval(process, session.repo.config?.value, yearlyMonths(session.repo.config?.value));
    // An audit by an auditor not qualified that day (breaker63 P4), or led from the process's own department (tester78 A8), does
    // not reset the interval (auditUncounted): no new due day is promised.
    if (uncounted === "unqualified") lines.push(t(kind === "qms" ? "process.audited.uncounted" : "process.audited.uncounted-kind", { auditor, kind }));
    else if (uncounted === "own-department") lines.push(t("process.audited.uncounted-own-department", { leader: personLabel(session.index, by[0]!), department: departmentLabel(session.index, process.owner!) }));
    else if (kind === "qms" && months !== undefined) lines.push(t("process.audited.next", { due: addMonths(date, months), months, count: months }));
    else if (kind === "lpa") lines.push(t("process.audited.lpa"));
    else if (kind === "manufacturing-process" && threeYearCycle(session.repo.config?.value)) {
      // IATF 16949 9.2.2.3: each manufacturing process over every three-year cycle (process/manufacturing-audit-due).
      lines.push(process.manufacturing ? t("process.audited.next-manufacturing", { due: addMonths(date, IATF_CYCLE_MONTHS) }) : t("process.audited.not-manufacturing", { code: process.code }));
    }
    // A day off is the usual typo in an audit record (tester62 N11): said, as csr release --effective says it, not refused.
    lines.push(...restDay(session, process, date, report));
    lines.push(...warnings);
    // A nonconformity is followed up by a corrective action traced to this audit (IATF 16949 10.2.1): how to open it.
    if (nonconformities > 0) lines.push(t("process.audited.action-hint", { code: shellArgument(process.code), report: shellArgument(report) }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.audited", { code: process.code, date, report }) });
    return 0;
  });
}

/**
 * The day an audit ended, as --date gives it (YYYY-MM-DD), for a record or its correction: not after today (an audit to
 * come belongs in the annual plan, csr process plan: tester78 A2) and not before the publication of the earliest edition
 * of the standards in scope (earliestAuditDay: a year typed wrong). Errors: UserError (one line) saying which.
 */
function auditDay(session: EditSession, process: Process, given: string): string {
  const asked = dateOption(given, "--date");
  if (asked > localToday()) throw new UserError(t("options.date-future", { flag: "--date", value: asked, today: localToday() }), t("process.audited.future-hint", { code: process.code, date: asked }));
  const date = eventDateOption(given, "--date");
  const earliest = earliestAuditDay(session.repo.config?.value.standards ?? [], session.repo.catalogs);
  if (earliest && date < earliest.date) {
    throw new UserError(
      earliest.published
        ? t("process.audited.before-published", { date, published: earliest.date, standard: earliest.standard })
        : t("process.audited.before-standard", { date, year: earliest.year, standard: earliest.standard }),
    );
  }
  return date;
}

/** The note line for an audit dated on a day off of the working-day calendar (qms.yaml calendar), said, not refused (tester62 N11); none on a working day. */
function restDay(session: EditSession, process: Process, date: string, report: string): string[] {
  if (repositoryCalendar(session.repo.config?.value).isWorkday(date)) return [];
  return [t("process.audited.rest-day", { date, report: shellArgument(report), code: shellArgument(process.code) })];
}

/**
 * The nonconformities an audit record gives: with findings recorded, their number (findingsNonconformities), a
 * --nonconformities that says otherwise refused (one source of the count, tester78 A9); else --nonconformities, a whole
 * number of 0 or more. Errors: UserError (one line).
 */
function nonconformitiesOf(given: string | undefined, content: AuditContent): number {
  const count = given?.trim();
  if (count !== undefined && !/^\d{1,4}$/.test(count)) throw new UserError(t("process.audited.bad-count", { value: count }));
  if (content.findings === undefined) return Number(count);
  const counted = findingsNonconformities(content.findings);
  if (count !== undefined && Number(count) !== counted) throw new UserError(t("process.audited.finding.disagree", { value: count, count: counted, findings: content.findings.length }));
  return counted;
}

/** The lines csr process audited echoes of what the record says of the audit's scope, criteria, auditees and findings. */
function contentLines(session: EditSession, content: AuditContent): string[] {
  const lines: string[] = [];
  if (content.scope) lines.push(t("process.audited.content.scope", { scope: content.scope }));
  const criteria = [...(content.clauses ?? []), ...(content.csrs ?? [])];
  if (criteria.length > 0) lines.push(t("process.audited.content.criteria", { criteria: list(criteria) }));
  if (content.auditees) lines.push(t("process.audited.content.auditees", { who: list(content.auditees.map((id) => (session.index.people.has(id) ? personLabel(session.index, id) : id))) }));
  if (content.findings) {
    const graded = AUDIT_FINDING_GRADES.map((grade) => ({ grade, n: content.findings!.filter((f) => f.grade === grade).length })).filter((g) => g.n > 0);
    lines.push(t("process.audited.content.findings", { count: content.findings.length, grades: graded.map((g) => t("process.audited.content.grade-count", { grade: t(`value.finding-grade.${g.grade}`), n: g.n })).join(t("process.audited.subject.and")) }));
  }
  return lines;
}

/**
 * An audit record as processes.yaml writes it: on one line, as a register row reads, until it records its scope, criteria,
 * auditees or findings; then in block form, read as a report, its lists of names and clauses each on one line.
 */
function auditNode(doc: YamlDocument, entry: object): Node {
  const content = Object.keys(CONTENT_OPTION).some((key) => (entry as Record<string, unknown>)[key] !== undefined);
  const node = doc.createNode(entry, { flow: !content });
  if (content && isMap(node)) {
    for (const pair of node.items) {
      const value: unknown = pair.value;
      if (isSeq(value) && value.items.every((item) => isScalar(item))) value.flow = true;
    }
  }
  return node;
}

/** The option that gives each content field of an audit record (auditContent). */
const CONTENT_OPTION = { scope: "scope", clauses: "clause", csrs: "csr", auditees: "auditee", findings: "finding" } as const;

/** A content field's value as --amend prints it before → after: lists joined, each finding as grade: text. */
function contentText(session: EditSession, key: keyof typeof CONTENT_OPTION, value: AuditContent[keyof AuditContent]): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (key === "findings") return (value as NonNullable<AuditContent["findings"]>).map((f) => t("process.audited.amend.finding", { grade: t(`value.finding-grade.${f.grade}`), text: f.text })).join(t("process.audited.amend.finding-separator"));
  const values = value as string[];
  return list(key === "auditees" ? values.map((id) => (session.index.people.has(id) ? personLabel(session.index, id) : id)) : values);
}

/** The option that names a member of the audit team in each field of an audit record. */

export { valuesOf };

/** One value as it was always written (`customer: DYA`), several as a list (`customer: [DYA, BCM]`), none left out. */
export function oneOrMany(values: readonly string[]): string | string[] | undefined {
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : [...values];
}

/** What an audit looked at, as its record line says it: part number, customers, shifts (those given). */
function auditSubject(part: string | undefined, customers: readonly string[], shifts: readonly string[]): string {
  const customer = customers.join(t("process.audited.subject.and"));
  const shift = shifts.join(t("process.audited.subject.and"));
  return [part && t("process.audited.subject.part", { part }), customer && t("process.audited.subject.customer", { customer }), shift && t("process.audited.subject.shift", { shift })]
    .filter((s): s is string => Boolean(s))
    .map((s) => s + t("process.audited.subject.separator"))
    .join("");
}

/**
 * `csr process audited <code> --amend <report>`: corrects the recorded audit of that report (sameAuditReport) in place, as
 * csr source update --amend corrects a recorded revision (tester78 A10: a part number typed wrong, a weekend date). Only
 * the fields given change (--date, --part, --nonconformities, --comment, the content, and the team, customers and shifts:
 * amendTeam, which checks a team or date changed on the day); the rest is kept; each change is printed
 * before → after. The record is evidence (IATF 16949 7.5.3.2.1, 9.2.2.1): git keeps what it said before. Errors: an unknown
 * report, nothing to change, a date after today, a count that is not a whole number, a part number on a QMS audit.
 */
async function amendAudit(ctx: CommandContext, session: EditSession, located: EditSession["repo"]["processes"][number], flags: ProcessAuditedFlags): Promise<number> {
  const process = located.value;
  const label = processLabel(process);
  const wanted = flags.amend!.trim();
  const index = (process.audits ?? []).findIndex((a) => sameAuditReport(a.report, wanted));
  if (index < 0) {
    const reports = (process.audits ?? []).map((a) => a.report);
    throw new UserError(t("process.audited.amend.unknown", { process: label, report: wanted, reports: reports.length > 0 ? list(reports) : t("process.audited.amend.none") }));
  }
  // Only the fields listed correct a record; another option given would be dropped without a word (review78 item 5).
  const ignored = ([["--report", flags.report], ["--kind", flags.kind]] as const)
    .filter(([, value]) => value !== undefined)
    .map(([option]) => option);
  if (ignored.length > 0) throw new UserError(t("process.audited.amend.not-taken", { options: list(ignored), report: wanted }));
  const audit = process.audits![index]!;
  const changes: { key: keyof ProcessAudit; field: string; was: string; now: string; value: unknown }[] = [];
  if (flags.date !== undefined) {
    // A corrected date is held to what a recorded one is (auditDay): not after today, not before the standard was published.
    const date = auditDay(session, process, flags.date);
    if (date !== audit.date) changes.push({ key: "date", field: "date", was: audit.date, now: date, value: date });
  }
  if (flags.part !== undefined) {
    const part = flags.part.trim();
    if (auditKind(audit) === "qms") throw new UserError(t("process.audited.part-qms", { part }), t("process.audited.hint-kind", { code: process.code, kind: "product" }));
    if (part !== "" && part !== audit.part) changes.push({ key: "part", field: "part", was: audit.part ?? "", now: part, value: part });
  }
  // Scope, criteria, auditees and findings given replace those recorded (tester78 A9); the findings give the count.
  const content = auditContent(session, flags);
  const given = (["scope", "clauses", "csrs", "auditees", "findings"] as const).filter((key) => flags[CONTENT_OPTION[key]] !== undefined);
  for (const key of given) {
    const was = contentText(session, key, audit[key]);
    const now = contentText(session, key, content[key]);
    if (was !== now) changes.push({ key, field: key, was, now, value: content[key] });
  }
  const findings = flags.finding !== undefined ? content.findings : audit.findings;
  if (flags.nonconformities !== undefined || flags.finding !== undefined) {
    const count = nonconformitiesOf(flags.nonconformities, findings ? { findings } : {});
    if (count !== audit.nonconformities) changes.push({ key: "nonconformities", field: "nonconformities", was: String(audit.nonconformities), now: String(count), value: count });
  }
  if (flags.comment !== undefined) {
    const comment = flags.comment.trim();
    if (comment !== (audit.comment ?? "")) changes.push({ key: "comment", field: "comment", was: audit.comment ?? "", now: comment, value: comment });
  }
  const warnings = amendTeam(session, process, audit, flags, changes);
  if (changes.length === 0) throw new UserError(t("process.audited.amend.nothing", { report: audit.report }), t("process.audited.amend.hint", { code: process.code, report: audit.report }));
  const change = editFile(session.root, located.file.path, "processes", (doc) => {
    if (changes.some((c) => c.key in CONTENT_OPTION)) {
      // Content added to a one-line record: the whole record written again in block form, read as a report.
      const updated: Record<string, unknown> = { ...audit };
      for (const c of changes) {
        if (c.value === undefined || c.value === "") delete updated[c.key];
        else updated[c.key] = c.value;
      }
      doc.setIn([...located.path, "audits", index], auditNode(doc, updated));
    } else {
      for (const c of changes) {
        if (c.value === undefined) doc.deleteIn([...located.path, "audits", index, c.key]);
        else doc.setIn([...located.path, "audits", index, c.key], Array.isArray(c.value) ? doc.createNode(c.value, { flow: true }) : c.value);
      }
    }
  });
  const none = t("process.audited.amend.empty");
  const lines = [
    t("process.audited.amend.done", { process: label, report: audit.report, path: located.file.path }),
    ...changes.map((c) => t("process.audited.amend.change", { field: c.field, was: c.was || none, now: c.now || none })),
    ...warnings,
  ];
  // A date moved to another month fulfils that month's plan entry, no longer the old one's (IATF 16949 9.2.2.1).
  const moved = changes.find((c) => c.key === "date");
  if (moved) lines.push(...restDay(session, process, moved.now, audit.report));
  if (moved && moved.was.slice(0, 7) !== moved.now.slice(0, 7)) {
    if (plansFulfilledBy(process, auditKind(audit), moved.was).length > 0) lines.push(t("process.audited.amend.plan-unfulfilled", { month: moved.was.slice(0, 7) }));
    if (plansFulfilledBy(process, auditKind(audit), moved.now).length > 0) lines.push(t("process.audited.plan-fulfilled", { month: moved.now.slice(0, 7) }));
  }
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.amended", { code: process.code, report: audit.report }) });
  return 0;
}

/**
 * The audit team, customers and shifts of an amended record (--by, --trainee, --expert, --customer, --shift; "" empties a
 * trainee, expert, customer or shift list), pushed onto `changes` as before → after. When the date or the team changes, the
 * whole team (given or kept) is checked on the (new) day as when recorded: at work, no 军代表, one role each, impartial (9.2.2 c)
 * and qualified for the kind (IATF 16949 7.2.3): the warning lines are returned, refused while qms.yaml sets the rule to error.
 */
function amendTeam(session: EditSession, process: Process, audit: ProcessAudit, flags: ProcessAuditedFlags, changes: { key: keyof ProcessAudit; field: string; was: string; now: string; value: unknown }[]): string[] {
  const names = (ids: readonly string[] | undefined) => list((ids ?? []).map((id) => personLabel(session.index, id)));
  const customers = flags.customer !== undefined ? valuesOf(flags.customer) : undefined;
  for (const code of customers ?? []) if (!session.index.customers.has(code)) throw unknownCustomer(session.repo.customers.map((c) => c.value), code);
  for (const [key, values, was] of [["customer", customers, auditCustomers(audit)], ["shift", flags.shift !== undefined ? shiftsOf(process, flags.shift) : undefined, auditShifts(audit)]] as const) {
    if (values !== undefined && values.join() !== was.join()) changes.push({ key, field: key, was: was.join(t("process.audited.subject.and")), now: values.join(t("process.audited.subject.and")), value: oneOrMany(values) });
  }
  const date = (changes.find((c) => c.key === "date")?.value as string | undefined) ?? audit.date;
  if (date === audit.date && flags.by === undefined && flags.trainee === undefined && flags.expert === undefined) return [];
  const member = teamReader(session, date);
  const team = (given: string[] | undefined, kept: readonly string[] | undefined, option: "--by" | "--trainee" | "--expert") =>
    member(given === undefined ? [...(kept ?? [])] : option === "--by" ? listOption(given) : valuesOf(given), option);
  const by = team(flags.by, audit.by, "--by");
  if (by.length === 0) throw new UserError(t("process.audited.missing", { flags: "--by", audit: t("value.audit-kind.qms") }), t("process.audited.amend.hint", { code: process.code, report: audit.report }));
  const trainees = team(flags.trainee, audit.trainees, "--trainee");
  const experts = team(flags.expert, audit.experts, "--expert");
  for (const [key, now, was] of [["by", by, audit.by], ["trainees", trainees, audit.trainees ?? []], ["experts", experts, audit.experts ?? []]] as const) {
    if (now.join() !== was.join()) changes.push({ key, field: key, was: names(was), now: names(now), value: now.length > 0 ? now : undefined });
  }
  return checkAuditTeam(session, process, { by, trainees, experts, kind: auditKind(audit) }, date, "audited").warnings;
}
