/**
 * What an internal audit record says of the audit besides its team and date (tester78 A9; IATF 16949 9.2.2.1 "retain
 * documented information", ISO 19011 6.4/6.5, GJB 9001C 9.2): its scope (`--scope`, 审核范围), criteria (`--clause`, the
 * clauses; `--csr`, the customer-specific requirements sampled, 审核准则), auditees (`--auditee`, 受审核人) and findings
 * (`--finding`, each with its `--grade`, and optionally `--requirement` and `--evidence`, given in the same order: the n-th
 * --grade belongs to the n-th --finding). Read by csr process audited and its --amend.
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { processLabel } from "../../model/labels.js";
import { unknownShifts } from "../../model/process-audits.js";
import { AUDIT_FINDING_GRADES, type AuditFinding, type AuditFindingGrade, type Process } from "../../model/types.js";
import { clauseOptionParts, clauseRef } from "../options.js";
import type { EditSession } from "../shared/edit.js";
import { knownPerson } from "../shared/people.js";
import { catalogsInScope } from "./index.js";

export interface AuditContentFlags {
  scope?: string;
  clause?: string[];
  csr?: string[];
  auditee?: string[];
  finding?: string[];
  grade?: string[];
  requirement?: string[];
  evidence?: string[];
}

/** The content fields of an audit record, as processes.yaml stores them; a field not given is absent. */
export interface AuditContent {
  scope?: string;
  clauses?: string[];
  csrs?: string[];
  auditees?: string[];
  findings?: AuditFinding[];
}

/** The grade a user wrote: its English value, or the Chinese a 不符合项报告 uses (严重, 一般, 观察项). */
const GRADE_NAMES: Record<string, AuditFindingGrade> = { major: "major", minor: "minor", observation: "observation", 严重: "major", 严重不符合: "major", 一般: "minor", 一般不符合: "minor", 轻微: "minor", 观察: "observation", 观察项: "observation" };

/**
 * The content `flags` give, checked against the repository of `session`: each clause in a standard in scope and its catalog
 * (clauseRef), each CSR an id of csr/, each auditee a person of people.yaml (stored by id) or else a name kept as written,
 * each finding with its grade. Errors (UserError, one line): an unknown clause or CSR, a --grade, --requirement or
 * --evidence without --finding, a number of --grade other than of --finding, of --requirement or --evidence other than
 * none or one each, an unknown grade, an empty finding.
 */
export function auditContent(session: EditSession, flags: AuditContentFlags): AuditContent {
  const scope = flags.scope?.trim();
  const clauses = flags.clause === undefined ? undefined : unique(clauseOptionParts(session.repo, flags.clause).map((c) => clauseRef(c, "--clause", catalogsInScope(session))));
  const csrs = flags.csr === undefined ? undefined : unique(valuesOf(flags.csr).map((id) => knownCsr(session, id)));
  const auditees = flags.auditee === undefined ? undefined : unique(valuesOf(flags.auditee).map((given) => knownPerson(session.index, given, "--auditee")?.id ?? given));
  const findings = findingsOf(flags);
  return {
    ...(scope ? { scope } : {}),
    ...(clauses && clauses.length > 0 ? { clauses } : {}),
    ...(csrs && csrs.length > 0 ? { csrs } : {}),
    ...(auditees && auditees.length > 0 ? { auditees } : {}),
    ...(findings ? { findings } : {}),
  };
}

/** The findings --finding gives with their --grade, --requirement and --evidence by position; undefined without --finding. */
function findingsOf(flags: AuditContentFlags): AuditFinding[] | undefined {
  const texts = (flags.finding ?? []).map((f) => f.trim());
  const parallel = (["--grade", "--requirement", "--evidence"] as const).map((option) => ({ option, values: { "--grade": flags.grade, "--requirement": flags.requirement, "--evidence": flags.evidence }[option] }));
  if (flags.finding === undefined) {
    const stray = parallel.filter((p) => p.values !== undefined).map((p) => p.option);
    if (stray.length > 0) throw new UserError(t("process.audited.finding.stray", { options: list(stray) }), t("process.audited.finding.hint"));
    return undefined;
  }
  if (texts.some((text) => text === "")) throw new UserError(t("process.audited.finding.empty"), t("process.audited.finding.hint"));
  for (const { option, values } of parallel) {
    const count = values?.length ?? 0;
    if (option === "--grade" ? count !== texts.length : count !== 0 && count !== texts.length) {
      throw new UserError(t("process.audited.finding.count", { option, count, findings: texts.length }), t("process.audited.finding.hint"));
    }
  }
  return texts.map((text, i) => {
    const given = flags.grade![i]!.trim();
    const grade = GRADE_NAMES[given.toLowerCase()];
    if (!grade) throw new UserError(t("process.audited.finding.grade", { value: given, grades: list([...AUDIT_FINDING_GRADES]) }));
    const requirement = flags.requirement?.[i]?.trim();
    const evidence = flags.evidence?.[i]?.trim();
    return { grade, text, ...(requirement ? { requirement } : {}), ...(evidence ? { evidence } : {}) };
  });
}

/** The CSR id `given` names (as written, or in another letter case), or a UserError naming the unknown id. */
function knownCsr(session: EditSession, given: string): string {
  if (session.index.csrs.has(given)) return given;
  const other = [...session.index.csrs.keys()].find((id) => id.toLowerCase() === given.toLowerCase());
  if (other) return other;
  throw new UserError(t("process.audited.csr-unknown", { id: given }), t("process.audited.csr-unknown.hint"));
}

/**
 * The shifts `--shift` gives (valuesOf), refused (UserError, one line with a hint) when one is none of the process's own once it
 * records them (processes.yaml `shifts`, unknownShifts): an audit or plan of a shift the process does not run covers none of
 * its shifts (IATF 16949 9.2.2.3, process/audit-shift-coverage). The message names the known shifts; the hint how to add one.
 */
export function shiftsOf(process: Pick<Process, "code" | "name" | "name_en" | "shifts">, given: readonly string[] | undefined): string[] {
  const shifts = valuesOf(given);
  const unknown = unknownShifts(process, shifts);
  if (unknown.length === 0) return shifts;
  const own = process.shifts ?? [];
  throw new UserError(
    t("process.audited.unknown-shift", { shift: list(unknown), process: processLabel(process), shifts: list(own), count: unknown.length }),
    t("process.audited.unknown-shift.hint", { code: process.code, shifts: [...own, ...unknown].join(",") }),
  );
}

/** The values of a repeatable option, each also split at commas (`--shift 早班,夜班`, ，、 as well), trimmed, without repeats, in order. */
export function valuesOf(given: readonly string[] | undefined): string[] {
  return [...new Set((given ?? []).flatMap((v) => v.split(/[,，、]/)).map((v) => v.trim()).filter(Boolean))];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
