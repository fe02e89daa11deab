/**
 * `csr process audited <code>`: an internal audit of a process (内部审核记录), appended to the process's
 * `audits` in processes.yaml: the day it ended (`--date`, not after today), the auditors (`--by`, people
 * of people.yaml at work that day, the team leader first), the audit report's number (`--report`) and
 * the nonconformities raised against the process (`--nonconformities`, 0 for 符合). IATF 16949 9.2.2.1:
 * the audit programme covers every process; the process list (csr list processes) prints the last audit
 * and, with an interval, when the next falls due (process/audit-due warns after).
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
 * Errors (UserError, one line): an unknown process, a missing option, a date after today or before the
 * publication of the earliest edition of the standards in scope (earliestAuditDay: a year typed wrong), an
 * unknown person or one not at work that day (before their 到岗日期 or after leaving), a count that is
 * not a whole number of 0 or more, the same report recorded for the process already, an auditor of
 * the owning department while process/auditor-impartiality is an error, a 军代表 (a person of a
 * military representative office: the customer's, not one of the organisation's auditors, GJB 9001C 9.2).
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { addMonths } from "../../core/dates.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { processLabel } from "../../model/labels.js";
import { auditInterval, auditorRoster, earliestAuditDay, ownDepartmentAuditors, unqualifiedAuditors } from "../../model/process-audits.js";
import { rule as impartialityRule } from "../../check/rules/process/auditor-impartiality.js";
import { qualificationGap, rule as qualificationRule } from "../../check/rules/process/auditor-unqualified.js";
import { configuredSeverity } from "../../check/engine.js";
import { departmentLabel } from "../../model/labels.js";
import type { ProcessAudit } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, listOption, personOption, processByCode, saveChanges, withEditSession } from "../shared/edit.js";
import { personLabel, refuseMilitaryWork } from "../shared/people.js";
import { appendIn } from "../shared/persist.js";

export interface ProcessAuditedFlags {
  date?: string;
  by?: string[];
  report?: string;
  nonconformities?: string;
  comment?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function processAuditedCommand(ctx: CommandContext, given: string, flags: ProcessAuditedFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    const located = processByCode(session.repo, given);
    const process = located.value;
    const missing = (["--date", "--by", "--report", "--nonconformities"] as const).filter((flag) => {
      const value = { "--date": flags.date, "--by": listOption(flags.by).join(""), "--report": flags.report?.trim(), "--nonconformities": flags.nonconformities?.trim() }[flag];
      return value === undefined || value === "";
    });
    if (missing.length > 0) throw new UserError(t("process.audited.missing", { flags: list(missing) }), t("process.audited.hint", { code: process.code }));
    const date = eventDateOption(flags.date, "--date");
    const earliest = earliestAuditDay(session.repo.config?.value.standards ?? [], session.repo.catalogs);
    if (earliest && date < earliest.date) {
      throw new UserError(
        earliest.published
          ? t("process.audited.before-published", { date, published: earliest.date, standard: earliest.standard })
          : t("process.audited.before-standard", { date, year: earliest.year, standard: earliest.standard }),
      );
    }
    const count = flags.nonconformities!.trim();
    if (!/^\d{1,4}$/.test(count)) throw new UserError(t("process.audited.bad-count", { value: count }));
    const nonconformities = Number(count);
    // GJB 9001C 9.2: the organisation's own people audit it; a 军代表 is the customer's representative (tester62 N3).
    const by = [...new Set(listOption(flags.by).map((p) => {
      const person = personOption(session, p, "--by", date);
      refuseMilitaryWork(session.index, person, "--by", "auditor");
      return person.id;
    }))];
    const report = flags.report!.trim();
    // 9.2.2 c: an auditor of the department that owns the process audits their own department's work.
    const own = ownDepartmentAuditors(process, { by }, (id) => session.index.people.get(id)?.value);
    const impartiality = configuredSeverity(impartialityRule.id, session.repo.config?.value.rules ?? {});
    const label = processLabel(process);
    // The same audit recorded twice (a command repeated after an interruption) would count twice in the programme.
    // In any letter case: people read IA-2026-02 and ia-2026-02 as one report (tester62 N10); the message names it as recorded.
    const recorded = (process.audits ?? []).find((a) => a.report.toLowerCase() === report.toLowerCase());
    if (recorded) throw new UserError(t("process.audited.duplicate", { process: label, report: recorded.report }));
    // IATF 16949 7.2.3: once people.yaml lists qualified internal auditors, the audit team is taken from that list (tester62 N2).
    const unqualified = unqualifiedAuditors({ by, date }, auditorRoster(session.index.people));
    const qualification = configuredSeverity(qualificationRule.id, session.repo.config?.value.rules ?? {});
    if (unqualified.length > 0 && qualification === "error") {
      const first = unqualified[0]!.person;
      throw new UserError(
        t("process.audited.unqualified.refused", { who: personLabel(session.index, first.id), date, why: qualificationGap(first, date) }),
        t("process.audited.unqualified.hint", { id: first.id }),
      );
    }
    const owner = process.owner ? departmentLabel(session.index, process.owner) : "";
    const auditors = list(own.map((o) => personLabel(session.index, o.person.id)));
    if (own.length > 0 && impartiality === "error") {
      throw new UserError(t("process.audited.own-department.refused", { who: auditors, department: owner, process: label }), t("process.audited.own-department.hint", { code: process.code }));
    }
    const comment = flags.comment?.trim();
    const entry: ProcessAudit = { date, by, report, nonconformities, ...(comment ? { comment } : {}) };
    const change = editFile(session.root, located.file.path, "processes", (doc) => {
      // One line an audit, as a register row reads.
      appendIn(doc, [...located.path, "audits"], doc.createNode(entry, { flow: true }));
    });
    const result = nonconformities === 0 ? t("process.audited.conforming") : t("process.audited.nonconforming", { count: nonconformities });
    const lines = [t("process.audited.recorded", { process: label, date, by: list(by.map((id) => personLabel(session.index, id))), report, result, path: located.file.path })];
    const months = auditInterval(process, session.repo.config?.value);
    // An audit by an auditor not qualified that day does not reset the interval (auditCounts, breaker63 P4): no new due day is promised.
    if (unqualified.length > 0) lines.push(t("process.audited.uncounted"));
    else if (months !== undefined) lines.push(t("process.audited.next", { due: addMonths(date, months), months, count: months }));
    // A day off is the usual typo in an audit record (tester62 N11): said, as csr release --effective says it, not refused.
    if (!repositoryCalendar(session.repo.config?.value).isWorkday(date)) lines.push(t("process.audited.rest-day", { date, report, path: located.file.path }));
    if (own.length > 0 && impartiality === "warning") lines.push(t("process.audited.own-department", { who: auditors, department: owner, process: label }));
    if (qualification === "warning") {
      for (const { person } of unqualified) lines.push(t("process.audited.unqualified", { who: personLabel(session.index, person.id), date, why: qualificationGap(person, date), id: person.id }));
    }
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("process.commit.audited", { code: process.code, date, report }) });
    return 0;
  });
}
