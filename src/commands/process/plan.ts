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
 * The programme is reviewed and updated (IATF 16949 9.2.2.1): `--move <YYYY-MM>` changes the entry planned for that month
 * (its kind told by --kind when the month has several) to a new month or day (`--month`/`--date`) or team (`--by`), the
 * auditors checked again on the new day; `--cancel <YYYY-MM>` cancels it. Both take `--reason`, and keep the history in the
 * entry: what it was before each move under `moved` (month, day, auditors, the day changed and why), the cancellation under
 * `cancelled` (day and why). A cancelled entry is no longer process/planned-audit-missed's; csr list audit-plan shows both.
 *
 * Errors (UserError, one line): an unknown process, neither or both of --month and --date, a month or day before today's month
 * or today, an unknown --kind, customer or person, a --shift the process does not run once it lists its shifts (shiftsOf), a 军代表 as auditor, a person not at work on the planned day, an audit of that
 * kind already planned for the process that month, an auditor refused as above; for --move and --cancel: no entry (or several
 * kinds) planned that month, one already held or cancelled, no --reason, nothing changed, options they do not take.
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { processLabel } from "../../model/labels.js";
import { auditKind, plannedDay, planStanding, type IndexedPlan } from "../../model/process-audits.js";
import { AUDIT_KINDS, type AuditKind, type PlanChange, type PlannedAudit, type Process } from "../../model/types.js";
import { localToday } from "../../core/dates.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption } from "../options.js";
import { editFile, listOption, processByCode, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { personLabel } from "../shared/people.js";
import { appendIn } from "../shared/persist.js";
import { unknownCustomer } from "../../model/customers.js";
import { shiftsOf } from "./audit-content.js";
import { oneOrMany, valuesOf } from "./audited.js";
import { checkAuditTeam, teamReader } from "./team.js";

export interface ProcessPlanFlags {
  month?: string;
  date?: string;
  kind?: string;
  by?: string[];
  customer?: string[];
  shift?: string[];
  comment?: string;
  /** The month of the entry to change (its month, day or auditors). */
  move?: string;
  /** The month of the entry to cancel. */
  cancel?: string;
  /** Why it is moved or cancelled (required with --move and --cancel). */
  reason?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function processPlanCommand(ctx: CommandContext, given: string, flags: ProcessPlanFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = processByCode(session.repo, given);
    const process = located.value;
    if (flags.move !== undefined || flags.cancel !== undefined) return changePlan(ctx, session, located, flags);
    if (flags.reason !== undefined) throw new UserError(t("process.plan.reason-alone"), t("process.plan.change-hint", { code: process.code }));
    const today = localToday();
    const kind: AuditKind = flags.kind === undefined ? "qms" : choiceOption(flags.kind, "--kind", AUDIT_KINDS, "qms");
    const { month, date } = plannedWhen(flags, process.code, today);
    const label = processLabel(process);
    const planned = livePlans(process, kind, month);
    if (planned.length > 0) throw new UserError(t("process.plan.duplicate", { process: label, month, audit: t(`value.audit-kind.${kind}`) }));
    const customers = valuesOf(flags.customer);
    for (const code of customers) {
      if (!session.index.customers.has(code)) throw unknownCustomer(session.repo.customers.map((c) => c.value), code);
    }
    const shifts = shiftsOf(process, flags.shift);
    const day = plannedDay({ month, ...(date ? { date } : {}) });
    const by = teamReader(session, day)(listOption(flags.by), "--by");
    const { warnings } = checkAuditTeam(session, process, { by, kind }, day, "plan");
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
    const lines = [t("process.plan.recorded", { process: label, audit: t(`value.audit-kind.${kind}`), when: date ? t("process.plan.when-date", { month, date }) : month, details, path: located.file.path }), ...warnings];
    lines.push(t("process.plan.next", { code: process.code, month, kind }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.plan", { code: process.code, month }) });
    return 0;
  });
}

type Located = EditSession["repo"]["processes"][number];

/** The month and day of --month or --date (one of them, not before this month or today). Errors: UserError as the command's. */
function plannedWhen(flags: Pick<ProcessPlanFlags, "month" | "date">, code: string, today: string): { month: string; date?: string } {
  if ((flags.month === undefined) === (flags.date === undefined)) throw new UserError(t("process.plan.when"), t("process.plan.hint", { code }));
  if (flags.date !== undefined) {
    const date = dateOption(flags.date, "--date");
    if (date < today) throw new UserError(t("process.plan.date-past", { date, today }), t("process.plan.past-hint", { code }));
    return { month: date.slice(0, 7), date };
  }
  const month = monthOption(flags.month!, "--month");
  if (month < today.slice(0, 7)) throw new UserError(t("process.plan.month-past", { month, today }), t("process.plan.past-hint", { code }));
  return { month };
}

/** A month given as YYYY-MM (or YYYY-M), written YYYY-MM. Errors: UserError naming `flag` for what is no month. */
function monthOption(given: string, flag: string): string {
  const m = /^(\d{4})-(\d{1,2})$/.exec(given.normalize("NFKC").trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UserError(t("process.plan.bad-month", { flag, value: given }));
  return `${m[1]}-${m[2]!.padStart(2, "0")}`;
}

/** The entries of `process` of `kind` planned for `month` and not cancelled, with their index in planned_audits. */
function livePlans(process: Process, kind: AuditKind | undefined, month: string): IndexedPlan[] {
  return (process.planned_audits ?? []).flatMap((plan, index) => (plan.month === month && !plan.cancelled && (kind === undefined || auditKind(plan) === kind) ? [{ plan, index }] : []));
}

/**
 * `--move <month>` / `--cancel <month>`: the entry planned for that month (of --kind, or the only live one) moved to the new
 * --month/--date and/or --by, its auditors checked again on its new day, what it was kept under `moved`; or cancelled under
 * `cancelled`. Both with --reason (IATF 16949 9.2.2.1: the programme is reviewed and updated; why a planned audit was not held
 * is shown). Errors: UserError as the module's docstring lists.
 */
async function changePlan(ctx: CommandContext, session: EditSession, located: Located, flags: ProcessPlanFlags): Promise<number> {
  const process = located.value;
  const label = processLabel(process);
  const today = localToday();
  const cancel = flags.cancel !== undefined;
  const option = cancel ? "--cancel" : "--move";
  if (flags.move !== undefined && cancel) throw new UserError(t("process.plan.move-and-cancel"));
  const taken: [string, unknown][] = cancel ? [["--month", flags.month], ["--date", flags.date], ["--by", flags.by]] : [];
  const ignored = [...taken, ["--customer", flags.customer], ["--shift", flags.shift], ["--comment", flags.comment]].filter(([, value]) => value !== undefined).map(([name]) => name as string);
  if (ignored.length > 0) throw new UserError(t("process.plan.change-not-taken", { options: list(ignored), option }), t("process.plan.change-hint", { code: process.code }));
  const from = monthOption((flags.move ?? flags.cancel)!, option);
  const kind = flags.kind === undefined ? undefined : choiceOption<AuditKind>(flags.kind, "--kind", AUDIT_KINDS, "qms");
  const found = livePlans(process, kind, from);
  if (found.length === 0) {
    const months = (process.planned_audits ?? []).filter((p) => !p.cancelled && (kind === undefined || auditKind(p) === kind)).map((p) => p.month);
    throw new UserError(t("process.plan.change-none", { process: label, month: from, months: months.length > 0 ? list([...new Set(months)]) : t("process.plan.change-none-planned") }));
  }
  if (found.length > 1) throw new UserError(t("process.plan.change-kinds", { process: label, month: from, kinds: list(found.map((f) => auditKind(f.plan))) }));
  const { plan, index } = found[0]!;
  const audit = t(`value.audit-kind.${auditKind(plan)}`);
  const standing = planStanding(process, plan, today);
  if (standing.state === "done") throw new UserError(t("process.plan.change-done", { process: label, month: from, audit, date: standing.audit.audit.date, report: standing.audit.audit.report }));
  const reason = flags.reason?.trim();
  if (!reason) throw new UserError(t("process.plan.reason-missing", { option }), t(cancel ? "process.plan.cancel-hint" : "process.plan.move-hint", { code: process.code, month: from }));
  const path = [...located.path, "planned_audits", index];
  const was = planText(session, plan);
  if (cancel) {
    const change = editFile(session.root, located.file.path, "processes", (doc) => doc.setIn([...path, "cancelled"], doc.createNode({ on: today, reason }, { flow: true })));
    const lines = [t("process.plan.cancelled", { process: label, audit, plan: was, reason, path: located.file.path })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.plan-cancel", { code: process.code, month: from }) });
    return 0;
  }
  if (flags.month === undefined && flags.date === undefined && flags.by === undefined) throw new UserError(t("process.plan.move-nothing"), t("process.plan.move-hint", { code: process.code, month: from }));
  const when = flags.month === undefined && flags.date === undefined ? { month: plan.month, ...(plan.date ? { date: plan.date } : {}) } : plannedWhen(flags, process.code, today);
  const day = plannedDay(when);
  // The team kept is checked on the new day as a new one is: at work then, qualified then, impartial.
  const by = teamReader(session, day)(listOption(flags.by ?? plan.by), "--by");
  const moved: PlannedAudit = { ...plan, month: when.month, date: when.date, by: by.length > 0 ? by : undefined };
  if (moved.month === plan.month && moved.date === plan.date && (moved.by ?? []).join() === (plan.by ?? []).join()) throw new UserError(t("process.plan.move-same", { plan: was }));
  if (when.month !== plan.month && livePlans(process, auditKind(plan), when.month).length > 0) throw new UserError(t("process.plan.duplicate", { process: label, month: when.month, audit }));
  const { warnings } = checkAuditTeam(session, process, { by, kind: auditKind(plan) }, day, "plan");
  const before: PlanChange = { on: today, reason, month: plan.month, ...(plan.date ? { date: plan.date } : {}), ...(plan.by && plan.by.length > 0 ? { by: [...plan.by] } : {}) };
  const entry: PlannedAudit = Object.fromEntries(
    Object.entries({ ...moved, moved: [...(plan.moved ?? []), before] }).filter(([, value]) => value !== undefined),
  ) as unknown as PlannedAudit;
  const change = editFile(session.root, located.file.path, "processes", (doc) => doc.setIn(path, doc.createNode(orderedPlan(entry), { flow: true })));
  const lines = [t("process.plan.moved", { process: label, audit, was, now: planText(session, entry), reason, path: located.file.path }), ...warnings];
  lines.push(t("process.plan.next", { code: process.code, month: entry.month, kind: auditKind(plan) }));
  await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.plan-move", { code: process.code, month: from, to: entry.month }) });
  return 0;
}

/** A planned audit's keys in the order csr process plan writes them, the history last. */
function orderedPlan(plan: PlannedAudit): PlannedAudit {
  const order = ["month", "date", "kind", "by", "customer", "shift", "comment", "moved", "cancelled"] as const;
  return Object.fromEntries(order.filter((key) => plan[key] !== undefined).map((key) => [key, plan[key]])) as unknown as PlannedAudit;
}

/** An entry's month (and day) and auditors as the command's lines print them: 2026-12（2026-12-15），审核员 张丽（zhangli）. */
function planText(session: EditSession, plan: Pick<PlannedAudit, "month" | "date" | "by">): string {
  const when = plan.date ? t("process.plan.when-date", { month: plan.month, date: plan.date }) : plan.month;
  const by = (plan.by ?? []).length > 0 ? t("process.plan.by", { by: list(plan.by!.map((id) => personLabel(session.index, id))) }) : t("process.plan.no-auditors");
  return [when, by].join(t("process.plan.separator"));
}
