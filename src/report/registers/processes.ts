/**
 * The process list with its internal audits (过程清单 / 过程审核矩阵): what the audit team leader plans
 * the internal audit programme from. IATF 16949 9.2.2.1 asks for every process to be audited over a
 * three-year cycle, as often as its risk, performance and changes call for. A row per process of
 * processes.yaml, in its order: code, name, type, owning department, the clauses it addresses, the
 * released procedures that serve it and the other released documents that do (servingDocuments, the
 * definition the clause matrix's notes use), its process owner and KPIs (objectives set for it) once any process has them, its last audit (date, result, auditors, report number) and,
 * with an audit interval set (model/process-audits.ts), when it is next due. Once a process is marked a manufacturing
 * process (制造过程) or records a manufacturing process or product audit, the mark and the day of its last audit of each of
 * those kinds (IATF 16949 9.2.2.3, 9.2.2.4; one by an auditor not qualified for the kind does not count, lastAudit). A process no procedure
 * serves reads 无程序文件 in its procedures cell and, under the table, the note the clause matrix prints.
 */
import { daysBetween } from "../../core/dates.js";
import { localized } from "../../core/text.js";
import { auditNonconformities, auditorRoster, auditStanding, defaultAuditMonths, lastAudit, type AuditStanding } from "../../model/process-audits.js";
import { actionOn } from "../../model/actions.js";
import type { Table } from "../table.js";
import { uncountedNotes } from "./audits.js";
import { processNotes, servingDocuments } from "./clauses.js";
import { asOfNotes, clauseList, departmentName, documentsOn, personName, t, type RegisterContext } from "./context.js";

/** `today` (YYYY-MM-DD): the documents in force and the audits held that day, against which an audit is due. */
export function processRegister(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const config = ctx.repo.config?.value;
  const processes = ctx.repo.processes.map((p) => p.value);
  const documents = documentsOn(ctx, today).list;
  const separator = t(ctx, "register.list-separator");
  const roster = auditorRoster(ctx.index.people, config);
  // 尚未审核 is a fact with or without an interval (tester62 N17); a due day only with one.
  const timing = (standing: AuditStanding): string => {
    if (standing.state === "never") return t(ctx, "register.processes.never-audited");
    if (standing.due === undefined) return "";
    const left = daysBetween(today, standing.due);
    return left < 0 ? t(ctx, "register.processes.overdue", { count: -left }) : left === 0 ? t(ctx, "register.processes.due-today") : t(ctx, "register.processes.left", { count: left });
  };
  // A later audit that does not count (an auditor not qualified that day, a leader of the process's own department) is said beside the standing it did not change (breaker63 P4, tester78 A8).
  const status = (standing: AuditStanding): string => {
    const uncounted = standing.uncounted;
    const words = uncounted
      ? [t(ctx, uncounted.why === "own-department" ? "register.audit-own-department.status" : "register.audit-uncounted.status", { date: uncounted.audit.date, report: uncounted.audit.report })]
      : [];
    return [timing(standing), ...words].filter((w) => w !== "").join(t(ctx, "register.management-review.detail-separator"));
  };
  const fallback = defaultAuditMonths(config, processes);
  const standings = processes.map((p) => auditStanding(p, config, today, roster, fallback));
  const lastOfKind = (p: (typeof processes)[number], kind: "manufacturing-process" | "product") => lastAudit(p, today, roster, kind).last?.audit.date ?? null;
  // The manufacturing programme's columns (on a terminal too) once a process is marked or audited so (IATF 16949 9.2.2.3, 9.2.2.4): a repository without keeps its columns.
  const manufacturing = processes.some((p) => p.manufacturing === true || (p.audits ?? []).some((a) => a.kind === "manufacturing-process" || a.kind === "product"));
  // The last audit's result counts the actions opened against it as nonconformities raised (auditNonconformities, tester78 A6).
  const actions = ctx.repo.actions.flatMap(({ value }) => actionOn(value, today) ?? []);
  const resultOf = (count: number) => (count === 0 ? t(ctx, "register.processes.conforming") : t(ctx, "register.processes.nonconforming", { count }));
  const ownerPeople = processes.some((p) => p.owner_person !== undefined);
  // Each process's performance indicators (KPI): the objectives of objectives.yaml set for it by the day (IATF 16949 4.4.1 c,
  // 9.1.1.1; tester82 A13), once one is; a repository that sets none keeps its columns.
  const objectives = ctx.repo.objectives.map((o) => o.value).filter((o) => o.process !== undefined && (typeof o.from !== "string" || o.from <= today));
  const kpis = objectives.length > 0;
  const rows = processes.map((p, i) => {
    const serving = servingDocuments(p, documents);
    const procedures = serving.filter((d) => d.level === 2).map((d) => d.id);
    const standing = standings[i]!;
    const last = standing.last?.audit;
    return {
      no: i + 1,
      code: p.code,
      name: localized(ctx.lang, p.name, p.name_en),
      type: t(ctx, `site.process.${p.type}`),
      owner: departmentName(ctx, p.owner),
      ...(ownerPeople ? { "owner-person": p.owner_person ? personName(ctx, p.owner_person) : "" } : {}),
      ...(kpis ? { kpis: objectives.filter((o) => o.process === p.code).map((o) => `${o.id} ${localized(ctx.lang, o.text, o.text_en)}`).join(separator) } : {}),
      clauses: clauseList(ctx, p.clauses),
      procedures: procedures.length > 0 ? procedures.join(separator) : t(ctx, "register.processes.no-procedure"),
      others: serving
        .filter((d) => d.level !== 2)
        .map((d) => d.id)
        .join(separator),
      ...(manufacturing ? { manufacturing: p.manufacturing === true ? t(ctx, "register.processes.manufacturing") : "" } : {}),
      audited: last?.date ?? null,
      result: last ? resultOf(auditNonconformities({ process: p, audit: last }, actions)) : "",
      auditors: last ? last.by.map((id) => personName(ctx, id)).join(separator) : "",
      report: last?.report ?? "",
      interval: standing.months ?? null,
      due: standing.due ?? null,
      status: status(standing),
      ...(manufacturing ? { "manufacturing-audited": lastOfKind(p, "manufacturing-process"), "product-audited": lastOfKind(p, "product") } : {}),
    };
  });
  const interval = config?.internal_audit?.interval_months;
  return {
    id: "processes",
    title: t(ctx, "register.processes.title", { count: processes.length }),
    sheet: t(ctx, "register.processes.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.processes.column.no"), kind: "number" },
      { key: "code", header: t(ctx, "register.processes.column.code"), kind: "id" },
      // A process name is short and read whole (产品和过程设计开发（APQP）), as a department is.
      { key: "name", header: t(ctx, "register.processes.column.name"), kind: "name" },
      // 顾客导向 / "customer-oriented": wrapped in print like the status, so that the English page fits A4 landscape.
      { key: "type", header: t(ctx, "register.processes.column.type") },
      { key: "owner", header: t(ctx, "register.processes.column.owner"), kind: "name" },
      // The process owner (IATF 16949 5.3.1) once a process has one: a repository without keeps its columns.
      ...(ownerPeople ? [{ key: "owner-person", header: t(ctx, "register.processes.column.owner-person"), kind: "name" as const }] : []),
      ...(kpis ? [{ key: "kpis", header: t(ctx, "register.processes.column.kpis"), kind: "list" as const }] : []),
      { key: "clauses", header: t(ctx, "register.processes.column.clauses"), kind: "list" },
      { key: "procedures", header: t(ctx, "register.processes.column.procedures"), kind: "list" },
      { key: "others", header: t(ctx, "register.processes.column.others"), kind: "list" },
      // 是 beside a manufacturing process (processes.yaml `manufacturing: true`): those audited as such in every three-year cycle.
      ...(manufacturing ? [{ key: "manufacturing", header: t(ctx, "register.processes.column.manufacturing") }] : []),
      { key: "audited", header: t(ctx, "register.processes.column.audited"), date: true },
      { key: "result", header: t(ctx, "register.processes.column.result"), kind: "code" },
      // The auditor's note on the audit (tester62 N5) is in csr list audits (内部审核记录), with every audit: a 17th column made the
      // English page wider than A4 landscape prints at 8 pt. Auditors wrap as text: an empty list column took 8 em.
      { key: "auditors", header: t(ctx, "register.processes.column.auditors") },
      { key: "report", header: t(ctx, "register.processes.column.report"), kind: "id" },
      // Without an audit interval and with every process audited, these three are empty: left out of the print (printedIfAny).
      { key: "interval", header: t(ctx, "register.processes.column.interval"), kind: "number", printedIfAny: true },
      { key: "due", header: t(ctx, "register.processes.column.due"), date: true, printedIfAny: true },
      // Words (尚未审核, "not yet audited", 已逾期 19 天): wrapped, as the English ones are too long to keep on one line in print.
      { key: "status", header: t(ctx, "register.processes.column.status"), printedIfAny: true },
      // The QMS audit's columns are 上次审核 and the rest; a manufacturing process or product audit neither covers the clauses nor restarts its interval.
      ...(manufacturing
        ? [
            { key: "manufacturing-audited", header: t(ctx, "register.processes.column.manufacturing-audited"), date: true },
            { key: "product-audited", header: t(ctx, "register.processes.column.product-audited"), date: true },
          ]
        : []),
    ],
    rows,
    // With the manufacturing programme's columns, 18 in all: too many for the English page at a readable size.
    ...(manufacturing ? { crowded: true } : {}),
    // A terminal is too narrow for every column: the clauses and the other documents are in the files.
    terminal: ["code", "name", "owner", "procedures", ...(manufacturing ? ["manufacturing"] : []), "audited", "result", "report", "due", "status", ...(manufacturing ? ["manufacturing-audited", "product-audited"] : [])],
    notes: [
      ...processNotes(ctx, processes, documents),
      ...(interval !== undefined ? [t(ctx, "register.processes.interval", { months: interval })] : []),
      ...uncountedNotes(ctx, standings.map((s) => s.uncounted?.why)),
      ...asOfNotes(ctx, today, processes.some((p) => (p.audits ?? []).some((a) => a.date > today))),
    ],
    // Printed by `csr list processes`, not by `csr export`, where it would read as an instruction about the workbook.
    ...(standings.some((s) => s.months === undefined) ? { listHints: [t(ctx, "register.processes.no-interval.hint")] } : {}),
  };
}
