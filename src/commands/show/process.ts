/**
 * `csr show <process code>`: the card of one process of processes.yaml (过程清单; IATF 16949 4.4.1, 5.3.1, 9.1.1.1) as its
 * owner or an auditor reads it: its type, owning department and process owner (the person top management assigned, 5.3.1),
 * the clauses it covers, its documents, its last internal audit and its KPIs — the quality objectives set for it with
 * their last value against the target.
 */
import { localized } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import type { Located, Repository } from "../../load/repository.js";
import type { RepoIndex } from "../../model/index.js";
import { meetsTarget, periodDays, targetText } from "../../model/objectives.js";
import type { Process } from "../../model/types.js";
import { departmentName, personName, registerContext } from "../../report/registers/context.js";
import { objectiveText } from "../../report/registers/objectives.js";
import type { CommandContext } from "../context.js";
import { cardText } from "./tooling.js";

/**
 * Prints `located`'s card: text, or with `json` the process as processes.yaml has it with its objectives. The objectives'
 * last values are those of periods ended before `today` (YYYY-MM-DD). Returns the exit code (0).
 */
export function showProcess(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<Process>, today: string, json: boolean): number {
  const process = located.value;
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const objectives = repo.objectives.map((o) => o.value).filter((o) => o.process === process.code);
  if (json) {
    ctx.stdout(JSON.stringify({ file: located.file.path, asOf: today, process, objectives }, null, 2) + "\n");
    return 0;
  }
  const none = [t("show.document.none")];
  const lastAudit = (process.audits ?? []).filter((a) => a.date <= today).at(-1);
  const kpis = objectives.map((o) => {
    const last = (o.measurements ?? []).filter((m) => (periodDays(m.period)?.to ?? today) < today).at(-1);
    const value = last ? t("show.process.kpi-value", { period: last.period, value: last.value, unit: o.unit, result: t(meetsTarget(o, last.value) ? "register.objectives.result.met" : "show.objective.missed") }) : t("register.objectives.result.unmeasured");
    return t("show.process.kpi-line", { id: o.id, text: objectiveText(rc, o), target: targetText(o), owner: personName(rc, o.owner), value });
  });
  const fields: [string, string[]][] = [
    [t("show.label.file"), [located.file.path]],
    [t("site.process.type"), [t(`site.process.${process.type}`)]],
    [t("site.process.owner"), [process.owner ? departmentName(rc, process.owner) : t("show.document.none")]],
    [t("register.processes.column.owner-person"), [process.owner_person ? personName(rc, process.owner_person) : t("show.process.no-owner-person", { code: process.code })]],
    [t("site.process.clauses"), process.clauses && process.clauses.length > 0 ? [list(process.clauses)] : none],
    [t("show.process.documents"), process.documents && process.documents.length > 0 ? [list(process.documents)] : none],
    [t("show.process.last-audit"), lastAudit ? [t("show.process.audit-line", { date: lastAudit.date, report: lastAudit.report, by: lastAudit.by.map((p) => personName(rc, p)).join(t("common.list-separator")) })] : none],
    [t("show.process.kpis"), kpis.length > 0 ? kpis : none],
  ];
  ctx.stdout(cardText(`${process.code}  ${localized(rc.lang, process.name, process.name_en)}`, fields));
  return 0;
}
