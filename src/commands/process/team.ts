/**
 * The audit team, read and checked one way when an audit is planned (csr process plan, --move), recorded (csr process
 * audited) and corrected (csr process audited --amend): each member a person at work on the audit's day, no 军代表
 * (GJB 9001C 9.2: the customer's representative, not one of the organisation's auditors), in one role of the team only
 * (ISO 19011 5.5.4); the team impartial (ISO 9001 / IATF 16949 9.2.2 c, process/auditor-impartiality) and its auditors
 * qualified for the kind of audit on the day (IATF 16949 7.2.3, process/auditor-unqualified).
 */
import { UserError } from "../../core/errors.js";
import { list, sentences, t } from "../../i18n/index.js";
import { departmentLabel, processLabel } from "../../model/labels.js";
import { auditTeamLeader, auditUncounted, auditorRoster, mayBeTrainee, ownDepartmentAuditors, unqualifiedAuditors, type UncountedReason } from "../../model/process-audits.js";
import { rule as impartialityRule } from "../../check/rules/process/auditor-impartiality.js";
import { qualificationGap, rule as qualificationRule } from "../../check/rules/process/auditor-unqualified.js";
import { configuredSeverity } from "../../check/engine.js";
import type { AuditKind, Person, Process } from "../../model/types.js";
import { personOption, type EditSession } from "../shared/edit.js";
import { personLabel, refuseMilitaryWork } from "../shared/people.js";

/** The option each role of the team is given with. */
export const OPTION_OF_ROLE = { by: "--by", trainees: "--trainee", experts: "--expert" } as const;

/**
 * A reader of one audit's team on `day`: called once per role with the option's names as given (ids, 工号, names), it returns
 * their people.yaml ids in order, a name given twice taken once. Errors (UserError): an unknown person or one not at work on
 * `day` (personOption), a 军代表, a person already in another role of this team.
 */
export function teamReader(session: EditSession, day: string): (names: readonly string[], option: (typeof OPTION_OF_ROLE)[keyof typeof OPTION_OF_ROLE]) => string[] {
  const seated = new Map<string, string>();
  return (names, option) => {
    const ids: string[] = [];
    for (const name of names) {
      const person = personOption(session, name, option, day);
      refuseMilitaryWork(session.index, person, option, "auditor");
      const role = seated.get(person.id);
      if (role === option) continue;
      if (role !== undefined) throw new UserError(t("process.audited.two-roles", { who: personLabel(session.index, person.id), option }));
      seated.set(person.id, option);
      ids.push(person.id);
    }
    return ids;
  };
}

/** An audit team: its auditors (the leader first), trainees and experts (ids), and the kind of audit. */
export interface AuditTeam {
  by: string[];
  trainees?: string[];
  experts?: string[];
  kind: AuditKind;
}

/**
 * The team of an audit of `process` on `day` checked for impartiality and qualification, worded for an audit planned
 * (`plan`) or held (`audited`, with the hint that an unqualified member led by a qualified auditor may be recorded as
 * --trainee). Returns the warning lines, whether every auditor was qualified, why the audit would not count toward the
 * programme (auditUncounted: an unqualified auditor, or a leader of the process's own department; undefined when it counts)
 * and the auditor the kind asks for (内审员, 制造过程审核员 …); throws UserError when qms.yaml sets either rule to error and the team breaks it.
 */
export function checkAuditTeam(
  session: EditSession,
  process: Process,
  team: AuditTeam,
  day: string,
  wording: "plan" | "audited",
): { warnings: string[]; qualified: boolean; uncounted: UncountedReason | undefined; auditor: string } {
  const rules = session.repo.config?.value.rules ?? {};
  const label = processLabel(process);
  const held = wording === "audited";
  const { kind } = team;
  const roster = auditorRoster(session.index.people, session.repo.config?.value);
  const unqualified = unqualifiedAuditors({ by: team.by, date: day, kind }, roster);
  // A layered process audit asks for no internal auditor qualification: none of its auditors is unqualified.
  const qualifying = kind === "lpa" ? "qms" : kind;
  const auditor = { auditor: t(`value.auditor-kind.${qualifying}`), kind };
  const about = (person: Person) => ({ who: personLabel(session.index, person.id), date: day, why: qualificationGap(person, day, qualifying), id: person.id, ...auditor });
  // An unqualified member of a team led by a qualified auditor may have audited under the leader's guidance (ISO 19011 5.5.4).
  const traineeHint = (index: number, id: string) =>
    held && mayBeTrainee(index, unqualified) ? [t("process.audited.unqualified.trainee", { who: personLabel(session.index, id), leader: personLabel(session.index, auditTeamLeader(team)!), id })] : [];
  const qualification = configuredSeverity(qualificationRule.id, rules);
  if (unqualified.length > 0 && qualification === "error") {
    const { person, index } = unqualified[0]!;
    if (!held) throw new UserError(t("process.plan.unqualified.refused", about(person)), t("process.plan.other-auditor-hint", { code: process.code }));
    throw new UserError(
      t(kind === "qms" ? "process.audited.unqualified.refused" : "process.audited.unqualified.refused-kind", about(person)),
      sentences(t(kind === "qms" ? "process.audited.unqualified.hint" : "process.audited.unqualified.hint-kind", { id: person.id, ...auditor }), ...traineeHint(index, person.id)),
    );
  }
  const own = ownDepartmentAuditors(process, team, (id) => session.index.people.get(id)?.value);
  const department = process.owner ? departmentLabel(session.index, process.owner) : "";
  const who = list(own.map((o) => personLabel(session.index, o.person.id)));
  const impartiality = configuredSeverity(impartialityRule.id, rules);
  if (own.length > 0 && impartiality === "error") {
    if (!held) throw new UserError(t("process.plan.own-department.refused", { who, department, process: label }), t("process.plan.other-auditor-hint", { code: process.code }));
    const options = [...new Set(own.map((o) => OPTION_OF_ROLE[o.role]))].join(t("process.audited.subject.separator"));
    throw new UserError(t("process.audited.own-department.refused", { options, who, department, process: label }), t("process.audited.own-department.hint", { code: process.code }));
  }
  const warnings: string[] = [];
  if (own.length > 0 && impartiality === "warning") warnings.push(t(held ? "process.audited.own-department" : "process.plan.own-department", { who, department, process: label }));
  if (qualification === "warning") {
    for (const { person, index } of unqualified) {
      if (!held) warnings.push(t("process.plan.unqualified", about(person)));
      else warnings.push(sentences(t(kind === "qms" ? "process.audited.unqualified" : "process.audited.unqualified-kind", about(person)), ...traineeHint(index, person.id)));
    }
  }
  return { warnings, qualified: unqualified.length === 0, uncounted: auditUncounted(process, { ...team, date: day }, roster), auditor: auditor.auditor };
}
