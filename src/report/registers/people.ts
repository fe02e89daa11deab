/**
 * The people register (人员名单): who may be named where a command takes a person, with the id and
 * the name (either of which the command accepts), department, job title and roles, in the order of
 * people.yaml; a person who left is marked so. Once people.yaml marks internal auditors, a column gives
 * each person's internal auditor qualifications, every period (a lapse between two shows, breaker63 P3) (内审员资格, IATF 16949 7.2.3: the list of qualified
 * internal auditors) with its validity and proof. A lookup for the document controller at the terminal (`csr list people`), and
 * the list of the organisation's people and its internal auditors a third-party auditor asks for (ISO 9001 7.1.2, IATF 16949
 * 7.2.3; tester82 A6): a sheet of `csr export` and a page of `csr site`.
 */
import { localized } from "../../core/text.js";
import type { MessageData, MessageKey } from "../../i18n/index.js";
import { isOutsider } from "../../model/index.js";
import { marksAuditors } from "../../model/process-audits.js";
import type { AuditorQualification } from "../../model/types.js";
import type { Table } from "../table.js";
import { departmentName, t, type RegisterContext } from "./context.js";

export function peopleRegister(ctx: RegisterContext): Table {
  // People of an outside party other than the 军代表室 (a supplier's contacts) are no staff: the supplier list names them (tester73 S10).
  const everyone = ctx.repo.people.map((p) => p.value);
  const people = everyone.filter((p) => !isOutsider(ctx.index, p));
  const outside = everyone.length - people.length;
  const auditors = marksAuditors(people);
  return {
    id: "people",
    title: t(ctx, "people.register.title", { count: people.length }),
    sheet: t(ctx, "people.register.sheet"),
    columns: [
      { key: "no", header: t(ctx, "people.register.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "people.register.column.id"), kind: "id" },
      { key: "name", header: t(ctx, "people.register.column.name"), kind: "name" },
      { key: "department", header: t(ctx, "people.register.column.department"), kind: "name" },
      { key: "title", header: t(ctx, "people.register.column.title") },
      { key: "roles", header: t(ctx, "people.register.column.roles"), kind: "list" },
      ...(auditors ? [{ key: "auditor", header: t(ctx, "people.register.column.auditor") }] : []),
    ],
    rows: people.map((p, i) => ({
      no: i + 1,
      id: p.id,
      name: localized(ctx.lang, p.name, p.name_en),
      department: departmentName(ctx, p.department),
      // Marked where the job title is: the person is still named by the records they signed.
      title: p.left === undefined ? (p.title ?? "") : t(ctx, p.title ? "people.register.left-title" : "people.register.left", { title: p.title ?? "", date: p.left }),
      roles: p.roles.map((r) => t(ctx, `value.role.${r}`)).join(t(ctx, "register.list-separator")),
      ...(auditors ? { auditor: qualificationsText(p.internal_auditor ?? [], (key, data) => t(ctx, key, data)) } : {}),
    })),
    ...(outside > 0 ? { notes: [t(ctx, "people.register.outside", { count: outside })] } : {}),
  };
}

/**
 * A person's latest auditor qualification as people read it: `2024-03-15 起（NS-2024-03）`,
 * `2024-03-15 至 2027-03-14`, led by its kinds when it gives them (`产品审核员、制造过程审核员 2025-05-01 起`; none
 * given: a QMS auditor's, 内审员, IATF 16949 7.2.3); "" when none. `translate`: the messages of the output's language.
 */
export function qualificationText(periods: readonly AuditorQualification[], translate: (key: MessageKey, data?: MessageData) => string): string {
  const latest = periods.at(-1);
  if (!latest) return "";
  const dates = latest.until === undefined ? translate("person.auditor.from", { since: latest.since }) : translate("person.auditor.span", { since: latest.since, until: latest.until });
  const span = latest.kinds ? translate("person.auditor.kinds", { kinds: latest.kinds.map((kind) => translate(`value.auditor-kind.${kind}`)).join(translate("register.list-separator")), span: dates }) : dates;
  return latest.record ? translate("person.auditor.with-record", { span, record: latest.record }) : span;
}

/**
 * Every internal auditor qualification period of a person, earliest first, as people read them:
 * `2026-01-01 至 2026-06-30（NS-001）、2026-09-01 起（NS-002）`; "" when none. The gap between two periods is a
 * time the person could not audit (process/auditor-unqualified), so none is left out (breaker63 P3).
 */
export function qualificationsText(periods: readonly AuditorQualification[], translate: (key: MessageKey, data?: MessageData) => string): string {
  return auditorPeriods(periods, translate).join(translate("register.list-separator"));
}

/** The periods of qualificationsText, each as its own text (a page keeps each whole): [] when none. */
export function auditorPeriods(periods: readonly AuditorQualification[], translate: (key: MessageKey, data?: MessageData) => string): string[] {
  return [...periods]
    .filter((q) => typeof q?.since === "string")
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0))
    .map((q) => qualificationText([q], translate));
}
