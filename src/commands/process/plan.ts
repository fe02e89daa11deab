/**
 * `csr process plan <code>`: an audit of a process planned ahead, an entry of the annual internal audit plan (年度内部审核计划,
 * the form of csr list audit-plan; IATF 16949 9.2.2.1: a documented internal audit programme covering every process, at a
 * frequency by risk, every shift), appended to the process's `planned_audits` in processes.yaml: the month (`--month YYYY-MM`)
 * or the day (`--date`, its month recorded with it), not before today's month; the kind (`--kind`, qms by default); the
 * auditors planned (`--by`, the team leader first); the customers and shifts it is to sample (`--customer`, `--shift`, each
 * repeatable or comma-separated) and a comment. Recording the audit (csr process audited) within the month fulfils it
 * (planStanding); a month that ends with no audit of the kind is process/planned-audit-missed's.
 *
 * The auditors are checked when planned, as csr process audited checks them when the audit is recorded: an auditor of the
 * department owning the process (9.2.2 c, process/auditor-impartiality) and one without a qualification for the kind on the
 * planned day (plannedDay: the date, else the month's last day; IATF 16949 7.2.3, process/auditor-unqualified) are planned
 * with a warning line, refused while qms.yaml sets that rule to error.
 *
 * Errors (UserError, one line): an unknown process, neither or both of --month and --date, a month or day before today's month
 * or today, an unknown --kind, customer or person, a 军代表 as auditor, a person not at work on the planned day, an audit of that
 * kind already planned for the process that month, an auditor refused as above.
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { processLabel, departmentLabel } from "../../model/labels.js";
import { auditorRoster, ownDepartmentAuditors, plannedDay, unqualifiedAuditors } from "../../model/process-audits.js";
import { rule as impartialityRule } from "../../check/rules/process/auditor-impartiality.js";
import { qualificationGap, rule as qualificationRule } from "../../check/rules/process/auditor-unqualified.js";
import { configuredSeverity } from "../../check/engine.js";
import { AUDIT_KINDS, type AuditKind, type PlannedAudit } from "../../model/types.js";
import { localToday } from "../../core/dates.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption } from "../options.js";
import { editFile, listOption, personOption, processByCode, saveChanges, withEditSession } from "../shared/edit.js";
import { personLabel, refuseMilitaryWork } from "../shared/people.js";
import { appendIn } from "../shared/persist.js";
import { unknownCustomer } from "../../model/customers.js";
import { oneOrMany, valuesOf } from "./audited.js";

export interface ProcessPlanFlags {
  month?: string;
  date?: string;
  kind?: string;
  by?: string[];
  customer?: string[];
  shift?: string[];
  comment?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function processPlanCommand(ctx: CommandContext, given: string, flags: ProcessPlanFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = processByCode(session.repo, given);
    const process = located.value;
    const today = localToday();
    const kind: AuditKind = flags.kind === undefined ? "qms" : choiceOption(flags.kind, "--kind", AUDIT_KINDS, "qms");
    if ((flags.month === undefined) === (flags.date === undefined)) throw new UserError(t("process.plan.when"), t("process.plan.hint", { code: process.code }));
    let month: string;
    let date: string | undefined;
    if (flags.date !== undefined) {
      date = dateOption(flags.date, "--date");
      if (date < today) throw new UserError(t("process.plan.date-past", { date, today }), t("process.plan.past-hint", { code: process.code }));
      month = date.slice(0, 7);
    } else {
      const m = /^(\d{4})-(\d{1,2})$/.exec(flags.month!.normalize("NFKC").trim());
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UserError(t("process.plan.bad-month", { value: flags.month! }));
      month = `${m[1]}-${m[2]!.padStart(2, "0")}`;
      if (month < today.slice(0, 7)) throw new UserError(t("process.plan.month-past", { month, today }), t("process.plan.past-hint", { code: process.code }));
    }
    const planned = (process.planned_audits ?? []).find((p) => (p.kind ?? "qms") === kind && p.month === month);
    const label = processLabel(process);
    if (planned) throw new UserError(t("process.plan.duplicate", { process: label, month, audit: t(`value.audit-kind.${kind}`) }));
    const customers = valuesOf(flags.customer);
    for (const code of customers) {
      if (!session.index.customers.has(code)) throw unknownCustomer(session.repo.customers.map((c) => c.value), code);
    }
    const shifts = valuesOf(flags.shift);
    const day = plannedDay({ month, ...(date ? { date } : {}) });
    const by = [...new Set(listOption(flags.by).map((p) => {
      const person = personOption(session, p, "--by", day);
      refuseMilitaryWork(session.index, person, "--by", "auditor");
      return person.id;
    }))];
    const rules = session.repo.config?.value.rules ?? {};
    // The checks csr process audited makes when the audit is recorded, made when it is planned (tester78 A2): found before, not after.
    const own = ownDepartmentAuditors(process, { by, kind }, (id) => session.index.people.get(id)?.value);
    const impartiality = configuredSeverity(impartialityRule.id, rules);
    const owner = process.owner ? departmentLabel(session.index, process.owner) : "";
    const ownNames = list(own.map((o) => personLabel(session.index, o.person.id)));
    if (own.length > 0 && impartiality === "error") {
      throw new UserError(t("process.plan.own-department.refused", { who: ownNames, department: owner, process: label }), t("process.plan.other-auditor-hint", { code: process.code }));
    }
    const unqualified = unqualifiedAuditors({ by, date: day, kind }, auditorRoster(session.index.people));
    const qualification = configuredSeverity(qualificationRule.id, rules);
    const qualifying = kind === "lpa" ? "qms" : kind;
    const auditor = t(`value.auditor-kind.${qualifying}`);
    if (unqualified.length > 0 && qualification === "error") {
      const first = unqualified[0]!.person;
      throw new UserError(t("process.plan.unqualified.refused", { who: personLabel(session.index, first.id), date: day, why: qualificationGap(first, day, qualifying), auditor }), t("process.plan.other-auditor-hint", { code: process.code }));
    }
    const customer = oneOrMany(customers);
    const shift = oneOrMany(shifts);
    const comment = flags.comment?.trim();
    const entry: PlannedAudit = {
      month,
      ...(date ? { date } : {}),
      ...(kind !== "qms" ? { kind } : {}),
      ...(by.length > 0 ? { by } : {}),
      ...(customer ? { customer } : {}),
      ...(shift ? { shift } : {}),
      ...(comment ? { comment } : {}),
    };
    const change = editFile(session.root, located.file.path, "processes", (doc) => {
      appendIn(doc, [...located.path, "planned_audits"], doc.createNode(entry, { flow: true }));
    });
    const and = t("process.audited.subject.and");
    const details = [
      by.length > 0 ? t("process.plan.by", { by: list(by.map((id) => personLabel(session.index, id))) }) : t("process.plan.no-auditors"),
      ...(customers.length > 0 ? [t("process.plan.customer", { customer: customers.join(and) })] : []),
      ...(shifts.length > 0 ? [t("process.plan.shift", { shift: shifts.join(and) })] : []),
    ].join(t("process.plan.separator"));
    const lines = [t("process.plan.recorded", { process: label, audit: t(`value.audit-kind.${kind}`), when: date ? t("process.plan.when-date", { month, date }) : month, details, path: located.file.path })];
    if (own.length > 0 && impartiality === "warning") lines.push(t("process.plan.own-department", { who: ownNames, department: owner, process: label }));
    if (qualification === "warning") {
      for (const { person } of unqualified) lines.push(t("process.plan.unqualified", { who: personLabel(session.index, person.id), date: day, why: qualificationGap(person, day, qualifying), auditor }));
    }
    lines.push(t("process.plan.next", { code: process.code, month, kind }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.plan", { code: process.code, month }) });
    return 0;
  });
}
