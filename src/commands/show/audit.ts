/**
 * `csr show <audit report no.>` (IA-2026-02, MPA-…, PA-…): the whole internal audit recorded under that report in
 * processes.yaml (tester78 A9; IATF 16949 9.2.2.1 "retain documented information", ISO 19011 6.5/6.6, GJB 9001C 9.2): for
 * each process it covered, the kind, date, audit team with roles, part, customers and shifts, scope, criteria (clauses
 * and CSRs), auditees, result, findings (grade, what was found, requirement, evidence), the corrective actions opened
 * against it with where each stands, and the comment. One report often covers several processes: one block each.
 */
import { displayWidth, localized, padEnd, shellArgument, visible } from "../../core/text.js";
import { language, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Repository } from "../../load/repository.js";
import { actionOn, actionStatus } from "../../model/actions.js";
import { worksToGjb9001C } from "../../model/citations.js";
import type { RepoIndex } from "../../model/index.js";
import { processLabel } from "../../model/labels.js";
import { actionsAgainstAudit, auditCounts, auditUncounted, auditCustomers, auditKind, auditNonconformities, auditShifts, auditorRoster, type AuditEntry, type UncountedReason } from "../../model/process-audits.js";
import { registerContext, customerName, personName } from "../../report/registers/context.js";
import { auditorNames } from "../../report/registers/audits.js";
import type { CommandContext } from "../context.js";
import { statusText } from "./action.js";

/** Labels are padded to at least this many terminal columns, as on the other cards. */
const LABEL_WIDTH = 16;

/**
 * Prints the audit of `entries` (auditsByReport's, one or more) as of `today` (YYYY-MM-DD): text, or with `json` each entry
 * as processes.yaml records it with its process, its file, whether it counts in the programme and the actions opened against
 * it (ids, status that day). Returns the exit code (0).
 */
export function showAudit(ctx: CommandContext, repo: Repository, index: RepoIndex, entries: readonly AuditEntry[], today: string, json: boolean): number {
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const roster = auditorRoster(index.people, repo.config?.value);
  const actions = repo.actions.flatMap(({ value }) => actionOn(value, today) ?? []);
  const fileOf = (code: string) => repo.processes.find((p) => p.value.code === code)?.file.path ?? "processes.yaml";
  if (json) {
    const audits = entries.map(({ process, audit }) => ({
      file: fileOf(process.code),
      process: process.code,
      audit,
      counts: auditCounts(process, audit, roster),
      nonconformities: auditNonconformities({ process, audit }, actions),
      actions: actionsAgainstAudit(actions, process, audit).map((a) => ({ id: a.id, status: actionStatus(a, today) })),
    }));
    ctx.stdout(JSON.stringify({ report: entries[0]!.audit.report, asOf: today, audits }, null, 2) + "\n");
    return 0;
  }
  const calendar = repositoryCalendar(repo.config?.value);
  const gjb = worksToGjb9001C(repo.config?.value);
  const none = t("show.document.none");
  const blocks = entries.map(({ process, audit }) => {
    const fields: [string, string[]][] = [
      [t("show.label.file"), [fileOf(process.code)]],
      [t("show.audit.process"), [processLabel(process)]],
      [t("show.audit.kind"), [t(`value.audit-kind.${auditKind(audit)}`)]],
      [t("show.audit.date"), [audit.date]],
      [t("show.audit.team"), [auditorNames(rc, process, audit, roster), ...uncountedText(auditUncounted(process, audit, roster))]],
    ];
    if (audit.part) fields.push([t("show.audit.part"), [audit.part]]);
    const customers = auditCustomers(audit);
    if (customers.length > 0) fields.push([t("show.audit.customer"), [customers.map((c) => customerName(rc, c)).join(t("register.list-separator"))]]);
    const shifts = auditShifts(audit);
    if (shifts.length > 0) fields.push([t("show.audit.shift"), [shifts.join(t("register.list-separator"))]]);
    if (audit.scope) fields.push([t("show.audit.scope"), [audit.scope]]);
    const csrs = (audit.csrs ?? []).map((id) => {
      const csr = index.csrs.get(id)?.value;
      return csr ? t("show.audit.csr", { id, title: localized(rc.lang, csr.title, csr.title_en) }) : id;
    });
    const criteria = [...(audit.clauses ?? []), ...csrs];
    if (criteria.length > 0) fields.push([t("show.audit.criteria"), criteria]);
    if (audit.auditees) fields.push([t("show.audit.auditees"), [audit.auditees.map((id) => (index.people.has(id) ? personName(rc, id) : id)).join(t("register.list-separator"))]]);
    const count = auditNonconformities({ process, audit }, actions);
    fields.push([t("show.audit.result"), [count === 0 ? t("process.audited.conforming") : t("process.audited.nonconforming", { count })]]);
    const findings = (audit.findings ?? []).flatMap((f, i) => [
      t("show.audit.finding", { n: i + 1, grade: t(`value.finding-grade.${f.grade}`), text: f.text }),
      ...(f.requirement ? [t("show.audit.finding.requirement", { requirement: f.requirement })] : []),
      ...(f.evidence ? [t("show.audit.finding.evidence", { evidence: f.evidence })] : []),
    ]);
    if (findings.length > 0) fields.push([t("show.audit.findings"), findings]);
    // What the record leaves out is said, with the command that adds it (IATF 16949 9.2.2.1: the results retained; tester78 A9).
    // Each field left out with the option that adds it; a conforming audit (no nonconformity) has no findings to add.
    const missing = [
      ...(audit.scope ? [] : [[t("show.audit.scope"), t("show.audit.add.scope")]]),
      ...(criteria.length > 0 ? [] : [[t("show.audit.criteria"), t("show.audit.add.criteria")]]),
      ...(audit.auditees ? [] : [[t("show.audit.auditees"), t("show.audit.add.auditees")]]),
      ...(findings.length > 0 || count === 0 ? [] : [[t("show.audit.findings"), t("show.audit.add.findings")]]),
    ];
    if (missing.length > 0) {
      const line = t("show.audit.missing-line", { fields: missing.map(([field]) => field).join(t("register.list-separator")), code: shellArgument(process.code), report: shellArgument(audit.report), options: missing.map(([, option]) => option).join(" ") });
      fields.push([t("show.audit.missing"), [line]]);
    }
    const opened = actionsAgainstAudit(actions, process, audit);
    fields.push([t("show.audit.actions"), opened.length > 0 ? opened.map((a) => t("show.audit.action", { id: a.id, title: localized(rc.lang, a.title, a.title_en), status: statusText(a, today, calendar, gjb) })) : [none]]);
    if (audit.comment) fields.push([t("show.audit.comment"), [audit.comment]]);
    const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
    return fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`));
  });
  const title = t("show.audit.title", { report: entries[0]!.audit.report, count: entries.length });
  // Values from the files are shown with their control characters escaped: show never steers the terminal.
  ctx.stdout(visible([title, "", ...blocks.flatMap((b, i) => (i === 0 ? b : ["", ...b]))].join("\n") + "\n"));
  return 0;
}

/** Why the audit does not count in the audit programme, a line under its team (auditUncounted); none when it counts. */
function uncountedText(why: UncountedReason | undefined): string[] {
  return why === undefined ? [] : [t(why === "own-department" ? "show.audit.uncounted-own-department" : "show.audit.uncounted")];
}
