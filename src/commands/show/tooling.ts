/**
 * `csr show <tooling id>`: the card of one entry of tooling.yaml (工装台账) — a fixture, die, gauge or error-proofing
 * device — as an auditor traces it: its row of the register on a day (kind, stations, process, parts, owner and its
 * customer-property marking, status, location, frequency, next verification and maintenance), its verification
 * method, the documents whose text names it (the control plan, the work instructions), every verification with its
 * result and the reaction to a failed one, every maintenance, a gauge's calibration standing, calibrations and MSA studies
 * (7.1.5.1.1, 7.1.5.2), and the findings of csr check's tooling/* rules on it.
 * IATF 16949 8.5.1.5, 8.5.1.6, 8.5.3, 10.2.4; GJB 9001C 7.1.3, 8.5.1.
 */
import { reportedAt, type Finding } from "../../core/diagnostic.js";
import { displayWidth, localized, padEnd, visible } from "../../core/text.js";
import { language, t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import type { Located, Repository } from "../../load/repository.js";
import type { RepoIndex } from "../../model/index.js";
import { calibrationDue, customerOwner, documentsNaming, isGauge, lastMsa, maintenanceDue, msaVerdict, toolingStatus, verificationDue } from "../../model/tooling.js";
import type { Tooling } from "../../model/types.js";
import { personName, registerContext } from "../../report/registers/context.js";
import { calibrationLine, gaugeRegister, GAUGE_FACTS, msaLine, toolingRegister } from "../../report/registers/tooling.js";
import type { CommandContext } from "../context.js";

/** Labels are padded to at least this many terminal columns, as on the other cards. */
const LABEL_WIDTH = 16;
/** The register's columns the card's title line gives. */
const UNSHOWN = new Set(["no", "id", "name"]);

/**
 * The findings of csr check's tooling/* rules at `located`'s entry of tooling.yaml on `today` (YYYY-MM-DD): what the
 * card and the tooling's site page list against it. The rules alone are run: a card does not check the repository.
 */
export async function toolingFindings(repo: Repository, located: Located<Tooling>, today: string): Promise<Finding[]> {
  return findingsAt(repo, located, today, "tooling/");
}

/**
 * The findings of csr check's rules whose id begins with `prefix` (tooling/, first-article/; or with one of several) at
 * `located`'s entry of a list file (or at any of several entries) on `today` (YYYY-MM-DD): what a card lists against it.
 * Those rules alone are run.
 */
export async function findingsAt(repo: Repository, located: Located<unknown> | readonly Located<unknown>[], today: string, prefix: string | readonly string[]): Promise<Finding[]> {
  const [{ checkRepository }, { rules }] = await Promise.all([import("../../check/engine.js"), import("../../check/registry.js")]);
  const prefixes = typeof prefix === "string" ? [prefix] : prefix;
  const entries: readonly Located<unknown>[] = Array.isArray(located) ? located : [located as Located<unknown>];
  const { findings } = checkRepository(repo, { today }, rules.filter((r) => prefixes.some((p) => r.id.startsWith(p))));
  return findings.filter((f) => entries.some((e) => f.file === e.file.path && e.path.every((step, i) => reportedAt.get(f)?.path[i] === step)));
}

/**
 * A card as csr show prints an entry of a list file: its title line, then each field's label padded to one width (at least
 * LABEL_WIDTH columns) and its values one a line; control characters from the file escaped (show never steers the terminal).
 */
export function cardText(title: string, fields: readonly [label: string, values: readonly string[]][]): string {
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  const out = [title, "", ...fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`))];
  return visible(out.join("\n") + "\n");
}

/**
 * Prints `located`'s card as of `today` (YYYY-MM-DD): text, or with `json` its entry as tooling.yaml has it, records dated
 * after `today` left out (recordedBy), with what is derived from it that day (status, customer owner, next verification and
 * maintenance, the document sections naming it, the findings). Returns the exit code (0).
 */
export async function showTooling(ctx: CommandContext, repo: Repository, index: RepoIndex, located: Located<Tooling>, today: string, json: boolean): Promise<number> {
  const tooling = recordedBy(located.value, today);
  const rc = registerContext(repo, language(), undefined, undefined, index);
  const calendar = repositoryCalendar(repo.config?.value);
  const naming = documentsNaming(tooling.id, repo.documents.map((d) => d.value));
  const findings = await toolingFindings(repo, located, today);
  if (json) {
    const documents = naming.map(({ document, section }) => ({ id: document.id, title: document.title, section: section.number, sectionTitle: section.title }));
    const found = findings.map(({ rule, severity, line, column, message }) => ({ rule, severity, line, column, message }));
    // The last MSA study with its AIAG verdict (7.1.5.1.1).
    const study = lastMsa(tooling, today);
    const out = { file: located.file.path, asOf: today, tooling, status: toolingStatus(tooling), customerOwner: customerOwner(tooling) ?? null, verificationDue: verificationDue(tooling, today, calendar) ?? null, maintenanceDue: maintenanceDue(tooling, today) ?? null, calibrationDue: calibrationDue(tooling, today) ?? null, msa: study ? { ...study, verdict: msaVerdict(study) } : null, documents, findings: found };
    ctx.stdout(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const register = toolingRegister(rc, { today });
  const row = register.rows[repo.tooling.indexOf(located)]!;
  const fields: [string, string[]][] = [[t("show.label.file"), [located.file.path]]];
  for (const column of register.columns) {
    const value = row[column.key];
    if (UNSHOWN.has(column.key) || value === null || value === undefined || value === "") continue;
    fields.push([column.header, [String(value)]]);
  }
  if (tooling.verification?.method) fields.push([t("register.error-proofing.column.method"), [tooling.verification.method]]);
  if (isGauge(tooling)) {
    const gauges = gaugeRegister(rc, { today });
    const gauge = gauges.rows[repo.tooling.filter((l) => isGauge(l.value)).indexOf(located)]!;
    for (const column of gauges.columns) {
      const value = gauge[column.key];
      if (!GAUGE_FACTS.has(column.key) || value === null || value === undefined || value === "") continue;
      fields.push([column.key === "status" ? t("show.tooling.calibration-status") : column.header, [String(value)]]);
    }
  }
  const none = [t("show.document.none")];
  fields.push([t("show.tooling.documents"), naming.length > 0 ? naming.map(({ document, section }) => t("show.tooling.document-line", { id: document.id, title: localized(rc.lang, document.title, document.title_en), section: section.number, sectionTitle: localized(rc.lang, section.title, section.title_en) })) : none]);
  const verifications = tooling.verification?.records ?? [];
  if (tooling.verification) {
    fields.push([
      t("show.tooling.verifications"),
      verifications.length > 0
        ? verifications.map((r) => t("show.tooling.verification-line", { date: r.date, shift: r.shift ? ` ${r.shift}` : "", by: personName(rc, r.by), result: t(`tooling.result.${r.result}`), reaction: r.reaction ? t("show.tooling.reaction", { reaction: r.reaction }) : r.result === "fail" ? t("show.tooling.reaction", { reaction: t("register.error-proofing.no-reaction") }) : "" }))
        : none,
    ]);
  }
  const maintenance = tooling.maintenance?.records ?? [];
  if (tooling.maintenance) fields.push([t("show.tooling.maintenance"), maintenance.length > 0 ? maintenance.map((r) => t("show.tooling.maintenance-line", { date: r.date, by: personName(rc, r.by), work: r.work ?? "" }).trimEnd()) : none]);
  if (tooling.calibration) fields.push([t("show.tooling.calibrations"), (tooling.calibration.records ?? []).length > 0 ? tooling.calibration.records!.map((r) => calibrationLine(rc, r)) : none]);
  if ((tooling.msa ?? []).length > 0) fields.push([t("show.tooling.msa"), tooling.msa!.map((m) => msaLine(rc, m))]);
  fields.push([t("show.tooling.findings"), findings.length > 0 ? findings.map((f) => t("show.tooling.finding-line", { severity: t(f.severity === "error" ? "show.tooling.error" : "show.tooling.warning"), rule: f.rule, line: f.line, message: f.message })) : none]);
  ctx.stdout(cardText(`${tooling.id}  ${localized(rc.lang, tooling.name, tooling.name_en)}`, fields));
  return 0;
}

/** `tooling` as recorded by `today` (YYYY-MM-DD): its verifications, maintenance, calibrations and MSA dated after it left out, as the card and the register read it. */
function recordedBy(tooling: Tooling, today: string): Tooling {
  const by = <T extends { records?: { date: string }[] }>(plan: T): T => (plan.records === undefined ? plan : { ...plan, records: plan.records.filter((r) => r.date <= today) });
  return {
    ...tooling,
    ...(tooling.verification ? { verification: by(tooling.verification) } : {}),
    ...(tooling.maintenance ? { maintenance: by(tooling.maintenance) } : {}),
    ...(tooling.calibration ? { calibration: by(tooling.calibration) } : {}),
    ...(tooling.msa ? { msa: tooling.msa.filter((m) => m.date <= today) } : {}),
  };
}
