import { setWording, type Wording } from "../i18n/terms.js";

/**
 * The clause an output cites for a requirement, in the standards the repository is under (qms.yaml
 * `standards`). A GJB 9001C organisation is audited against GJB 9001C by the 军代表 and its
 * certification body: a register footer citing IATF 16949 there points them to a standard the
 * organisation does not claim. Registers, site pages and messages cite through this one table.
 */
export type CitedRequirement =
  | "requirements-review"
  | "requirements-change"
  | "document-approval"
  | "documents-in-use"
  | "document-control"
  | "requirements-matrix"
  | "records"
  | "attributable-records"
  | "record-retention"
  | "special-characteristics"
  | "requirements-training"
  | "change-training"
  | "training-effectiveness"
  | "audit-impartiality"
  | "auditor-competence"
  | "station-qualification"
  | "key-operation"
  | "station-cover"
  | "second-party-auditor-competence"
  | "audit-programme"
  | "manufacturing-process-audit"
  | "temporary-change"
  | "corrective-action"
  | "customer-change-notice"
  | "supplier-monitoring"
  | "supplier-audit"
  | "customer-confidentiality"
  | "tooling-management"
  | "error-proofing"
  | "calibration"
  | "calibration-laboratory"
  | "measurement-system"
  | "customer-tooling"
  | "first-article"
  | "quality-objectives"
  | "management-review"
  | "management-review-outputs"
  | "complaint-records"
  | "process-owners";

/** The standards csr knows clause numbers for, as their documents name them. */
const STANDARD_NAMES: Readonly<Record<string, string>> = { IATF16949: "IATF 16949", GJB9001C: "GJB 9001C", ISO9001: "ISO 9001" };

/**
 * A standard as its documents name it (`GJB9001C` is GJB 9001C); a catalog csr does not know (a
 * repository's own, such as a new edition's `standards/IATF16949E2.yaml`) by the title its catalog
 * gives (`title`), and by its id only when neither is known.
 */
export function standardName(id: string, catalogTitle?: string): string {
  return STANDARD_NAMES[id] ?? (catalogTitle || id);
}

/**
 * IATF 16949 7.5.3.2.2 sets the ten-working-day review of customer requirements and their changes
 * and their implementation on the customer's schedule; GJB 9001C-2017 and ISO 9001:2015 review the
 * requirements for products and services under 8.2.3 (GJB 9001B's 7.2.2 before 2017) and handle their
 * changes under 8.2.4. Documents are approved for suitability and adequacy before issue under 7.5.2
 * and controlled in use (distribution, access, retrieval, obsolete copies, retention) under 7.5.3.2
 * in all three (ISO 9001's numbering, which IATF 16949 and GJB 9001C keep); IATF 16949 adds the
 * record retention periods of 7.5.3.2.1. The CSR matrix, where in the organisation's own documents
 * each requirement is met, is named by IATF 16949 7.5.1.1, a supplement to 7.5.1; GJB 9001C and
 * ISO 9001 have only 7.5.1, the documented information the organisation determines it needs.
 * Special characteristics are IATF 16949 8.2.3.1.2 / 8.3.3.3; GJB 9001C and ISO 9001 specify the
 * characteristics essential to safe and proper use as a design output (8.3.5), where GJB lists its
 * key and important items (关键件、重要件). Training on customer requirements and on changed
 * documents is IATF 16949 4.3.2 with 7.2.2 and 7.2.2 with 7.3.2; competence (7.2) and awareness
 * (7.3) in the other two. Who did the work a record names (a signature, a training given) is
 * evidence under the records' control (IATF 16949 7.5.3.2.1, 7.5.3 in the others) and competence (7.2).
 * Internal audits are objective and impartial (9.2.2 c in all three): who verifies a CSR's
 * implementation in an audit did not implement it (csr/self-verification). The audit programme, with
 * its frequency, is 9.2.2 in all three; IATF 16949 9.2.2.1 adds every process over a three-year cycle.
 * Changes to production are controlled under 8.5.6 in all three; IATF 16949 8.5.6.1.1 has temporary
 * changes of process controls time-limited, listed and tracked (a deviation's end date).
 * Nonconformity and corrective action, the action taken and its effectiveness reviewed, is 10.2 in
 * all three; IATF 16949 10.2.6 adds customer complaints (the customer's deadlines in its CSR).
 * A change notified to the customer, and approved by it where it requires, before or as it is put in
 * place is IATF 16949 8.5.6.1; 8.5.6 (control of changes) in GJB 9001C and ISO 9001.
 * External providers are evaluated, selected, monitored and re-evaluated under 8.4.1 in GJB 9001C (with its
 * 合格供方名录) and ISO 9001; IATF 16949 8.4.2.4 adds supplier monitoring (and 8.4.2.3 their QMS certification).
 * A customer's confidential information is kept under IATF 16949 8.1.2 (customer-contracted products and projects), as
 * property belonging to customers (intellectual property included) under 8.5.3 in GJB 9001C and ISO 9001.
 * Production tooling is managed (its maintenance planned, its change level known) under IATF 16949 8.5.1.6 with
 * 8.5.1.5 (TPM), under 7.1.3 (infrastructure) and 8.5.1 in GJB 9001C (工装) and ISO 9001; error-proofing devices
 * are tested at the control plan's frequency under IATF 16949 10.2.4, controlled production (8.5.1) in the others;
 * customer-owned tooling is the customer's property (IATF 16949 8.5.1.6, 8.5.3).
 */
const CLAUSES: Readonly<Record<CitedRequirement, Readonly<Record<string, readonly string[]>>>> = {
  "requirements-review": { IATF16949: ["7.5.3.2.2"], GJB9001C: ["8.2.3"], ISO9001: ["8.2.3"] },
  "requirements-change": { IATF16949: ["7.5.3.2.2"], GJB9001C: ["8.2.4"], ISO9001: ["8.2.4"] },
  "document-approval": { IATF16949: ["7.5.2"], GJB9001C: ["7.5.2"], ISO9001: ["7.5.2"] },
  "documents-in-use": { IATF16949: ["7.5.2", "7.5.3"], GJB9001C: ["7.5.2", "7.5.3"], ISO9001: ["7.5.2", "7.5.3"] },
  "document-control": { IATF16949: ["7.5.3.2"], GJB9001C: ["7.5.3.2"], ISO9001: ["7.5.3.2"] },
  "requirements-matrix": { IATF16949: ["7.5.1.1"], GJB9001C: ["7.5.1"], ISO9001: ["7.5.1"] },
  records: { IATF16949: ["7.5.3"], GJB9001C: ["7.5.3"], ISO9001: ["7.5.3"] },
  "attributable-records": { IATF16949: ["7.5.3.2.1", "7.2"], GJB9001C: ["7.5.3", "7.2"], ISO9001: ["7.5.3", "7.2"] },
  "record-retention": { IATF16949: ["7.5.3.2.1"], GJB9001C: ["7.5.3.2"], ISO9001: ["7.5.3.2"] },
  "special-characteristics": { IATF16949: ["8.2.3.1.2", "8.3.3.3"], GJB9001C: ["8.3.5"], ISO9001: ["8.3.5"] },
  "requirements-training": { IATF16949: ["4.3.2", "7.2.2"], GJB9001C: ["7.2", "7.3"], ISO9001: ["7.2", "7.3"] },
  "change-training": { IATF16949: ["7.2.2", "7.3.2"], GJB9001C: ["7.2", "7.3"], ISO9001: ["7.2", "7.3"] },
  "training-effectiveness": { IATF16949: ["7.2.2"], GJB9001C: ["7.2"], ISO9001: ["7.2"] },
  "audit-impartiality": { IATF16949: ["9.2.2"], GJB9001C: ["9.2.2"], ISO9001: ["9.2.2"] },
  "auditor-competence": { IATF16949: ["7.2.3"], GJB9001C: ["7.2"], ISO9001: ["7.2"] },
  "key-operation": { IATF16949: ["8.5.1"], GJB9001C: ["8.5.1"], ISO9001: ["8.5.1"] },
  "station-qualification": { IATF16949: ["7.2.1", "7.2.2", "8.5.1"], GJB9001C: ["7.2", "8.5.1"], ISO9001: ["7.2", "8.5.1"] },
  "station-cover": { IATF16949: ["7.1.2", "8.5.1"], GJB9001C: ["7.1.2", "8.5.1"], ISO9001: ["7.1.2", "8.5.1"] },
  "second-party-auditor-competence": { IATF16949: ["7.2.4"], GJB9001C: ["7.2"], ISO9001: ["7.2"] },
  "audit-programme": { IATF16949: ["9.2.2.1"], GJB9001C: ["9.2.2"], ISO9001: ["9.2.2"] },
  "manufacturing-process-audit": { IATF16949: ["9.2.2.3"], GJB9001C: ["9.2.2"], ISO9001: ["9.2.2"] },
  "temporary-change": { IATF16949: ["8.5.6.1.1"], GJB9001C: ["8.5.6"], ISO9001: ["8.5.6"] },
  "corrective-action": { IATF16949: ["10.2.1", "10.2.6"], GJB9001C: ["10.2"], ISO9001: ["10.2"] },
  "customer-change-notice": { IATF16949: ["8.5.6.1"], GJB9001C: ["8.5.6"], ISO9001: ["8.5.6"] },
  "supplier-monitoring": { IATF16949: ["8.4.2.4"], GJB9001C: ["8.4.1"], ISO9001: ["8.4.1"] },
  "supplier-audit": { IATF16949: ["8.4.2.4.1"], GJB9001C: ["8.4.2"], ISO9001: ["8.4.2"] },
  "customer-confidentiality": { IATF16949: ["8.1.2"], GJB9001C: ["8.5.3"], ISO9001: ["8.5.3"] },
  "tooling-management": { IATF16949: ["8.5.1.6", "8.5.1.5"], GJB9001C: ["7.1.3", "8.5.1"], ISO9001: ["7.1.3", "8.5.1"] },
  "error-proofing": { IATF16949: ["10.2.4"], GJB9001C: ["8.5.1"], ISO9001: ["8.5.1"] },
  "customer-tooling": { IATF16949: ["8.5.1.6", "8.5.3"], GJB9001C: ["8.5.3"], ISO9001: ["8.5.3"] },
  // Measuring equipment calibrated or verified at intervals, traceable, its out-of-tolerance findings reacted to (IATF 16949
  // 7.1.5.2.1); by a laboratory of defined scope, an external one accredited to ISO/IEC 17025 (7.1.5.3); the measurement
  // system analysed for each system of the control plan (7.1.5.1.1).
  calibration: { IATF16949: ["7.1.5.2", "7.1.5.2.1"], GJB9001C: ["7.1.5.2"], ISO9001: ["7.1.5.2"] },
  "calibration-laboratory": { IATF16949: ["7.1.5.3.2"], GJB9001C: ["7.1.5.2"], ISO9001: ["7.1.5.2"] },
  "measurement-system": { IATF16949: ["7.1.5.1.1"], GJB9001C: ["7.1.5.1"], ISO9001: ["7.1.5.1"] },
  // 首件鉴定 (GJB 908A) is asked of production control by GJB 9001C-2017 8.5.1; IATF 16949 verifies job set-ups with first-off parts (8.5.1.3).
  "first-article": { IATF16949: ["8.5.1.3"], GJB9001C: ["8.5.1"], ISO9001: ["8.5.1"] },
  // Quality objectives are set and monitored (6.2, IATF 16949 6.2.2.1) and their achievement reviewed by management (9.3.2 c 2).
  "quality-objectives": { IATF16949: ["6.2.2.1", "9.3.2.1"], GJB9001C: ["6.2", "9.3.2"], ISO9001: ["6.2", "9.3.2"] },
  // Management review at planned intervals, IATF 16949: at least annually; its outputs and their follow-up.
  "management-review": { IATF16949: ["9.3.1"], GJB9001C: ["9.3.1"], ISO9001: ["9.3.1"] },
  "management-review-outputs": { IATF16949: ["9.3.3", "9.3.2.1"], GJB9001C: ["9.3.3", "9.3.2"], ISO9001: ["9.3.3", "9.3.2"] },
  // Customer feedback monitored (IATF 16949 9.1.2.1: customer complaints among the performance indicators) and each complaint handled as a corrective action (10.2.6).
  "complaint-records": { IATF16949: ["9.1.2.1", "10.2.6"], GJB9001C: ["9.1.2", "10.2"], ISO9001: ["9.1.2", "10.2"] },
  // Top management assigns responsibility and authority for each process (5.3); IATF 16949 names the process owners (5.1.1.3, 5.3.1).
  "process-owners": { IATF16949: ["5.1.1.3", "5.3.1"], GJB9001C: ["5.3"], ISO9001: ["5.3"] },
};

/** The standards csr knows clauses for among those given, in their order; IATF 16949 when none (a repository without `standards` is an IATF one, as `csr init` makes it). */
function knownStandards(standards: readonly string[] | undefined): string[] {
  const known = [...new Set(standards ?? [])].filter((id) => STANDARD_NAMES[id] !== undefined);
  return known.length > 0 ? known : ["IATF16949"];
}

/**
 * ["GJB 9001C 8.2.3"]: one citation per standard in scope that csr knows, in the order of
 * `standards`; IATF 16949's when none is known (a repository without `standards` is an IATF one,
 * as `csr init` makes it).
 */
export function citations(standards: readonly string[] | undefined, requirement: CitedRequirement, separator = ", "): string[] {
  return knownStandards(standards).map((id) => `${STANDARD_NAMES[id]} ${CLAUSES[requirement][id]!.join(separator)}`);
}

/** Whether a repository of these standards is under the standard (an id such as IATF16949; a repository naming none csr knows is an IATF one). */
export function underStandard(standards: readonly string[] | undefined, id: string): boolean {
  return knownStandards(standards).includes(id);
}

let inScope: readonly string[] | undefined;

/** The standards of the repository this run works in (qms.yaml `standards`, read before parsing, i18n/resolve.ts). */
export function setStandardsInScope(standards: readonly string[] | undefined): void {
  inScope = standards;
  setWording(wordingOf(standards));
}

/** IATF 16949's terms (顾客特定要求) in an IATF repository, the general ones (顾客要求) under GJB 9001C or ISO 9001 alone (i18n/terms.ts). */
export function wordingOf(standards: readonly string[] | undefined): Wording {
  return knownStandards(standards).includes("IATF16949") ? "iatf" : "general";
}

export function standardsInScope(): readonly string[] | undefined {
  return inScope;
}

/**
 * A text written for every standard, as the repository's standards read it. Rule documentation
 * (`csr explain`, SARIF help) writes `{{cite:KEY}}` for a clause (KEY a CitedRequirement:
 * "IATF 16949 7.5.3.2.2" in an IATF repository, "GJB 9001C 8.2.3" in a GJB 9001C one), and
 * `{{#ID}}…{{/ID}}` / `{{^ID}}…{{/ID}}` (mustache's sections, ID a standard such as IATF16949) for
 * what holds only in a repository under that standard / not under it, such as IATF 16949's ten
 * working days; `{{standard}}` is the id of the first of them, for a clause reference to copy
 * (`{{standard}}:8.3`). `separator` joins several clauses of one standard ("、" in Chinese); several
 * standards are joined by " / ". An unknown KEY is a bug of the text: it throws.
 */
export function forStandards(text: string, standards: readonly string[] | undefined, separator: string): string {
  const known = knownStandards(standards);
  return text
    .replace(/\{\{([#^])([\w]+)\}\}([\s\S]*?)\{\{\/\2\}\}/g, (_whole, kind: string, id: string, inner: string) => ((kind === "#") === known.includes(id) ? inner : ""))
    .replace(/\{\{cite:([\w-]+)\}\}/g, (_whole, key: string) => {
      if (!(key in CLAUSES)) throw new Error(`Unknown citation {{cite:${key}}}: add it to CLAUSES in src/model/citations.ts.`);
      return citations(standards, key as CitedRequirement, separator).join(" / ");
    })
    .replaceAll("{{standard}}", known[0]!);
}

/**
 * A clause reference to show as an example of STANDARD:CLAUSE ("GJB9001C:8.3"), in the first
 * standard in scope that csr knows: a GJB 9001C user copying the example gets a reference their
 * repository accepts. IATF 16949's special characteristics clause when none is known.
 */
export function clauseReferenceExample(standards: readonly string[] | undefined): string {
  const known = (standards ?? []).find((id) => STANDARD_NAMES[id] !== undefined) ?? "IATF16949";
  return known === "IATF16949" ? "IATF16949:8.3.3.3" : `${known}:8.3`;
}

/**
 * Whose examples the help shows (cli/help.ts): a military supplier's (CS/QP-… documents, 质量部, the
 * 会签, 标准化审查 and 军代表 signatures, 军代表室) where GJB 9001C is in scope and IATF 16949 is not,
 * the rule by which the procedure list takes the GJB layout (report/registers/procedures.ts); an
 * automotive supplier's otherwise, citing the first standard in scope.
 */
export function helpExamples(standards: readonly string[] | undefined): "gjb" | "iatf" {
  return militarySupplier(standards) ? "gjb" : "iatf";
}

/**
 * Whether the repository works to GJB 9001C (qms.yaml `standards` names it, alone or beside IATF 16949): its
 * corrective actions are 质量问题归零 (10.2, technical and management 归零 with 举一反三; the registers and commands
 * speak of 质量问题 and 归零 rather than of 8D steps), and the 军代表 traces each
 * revision after a document's first to its approved change request and checks a controlled copy against its 总页数
 * (7.5.3; doc/change-request-missing, doc/total-pages-inconsistent).
 */
export function worksToGjb9001C(config: { standards?: readonly string[] } | undefined): boolean {
  return underStandard(config?.standards, "GJB9001C");
}

/**
 * A military supplier's repository: GJB 9001C in scope and IATF 16949 not. Its help shows a military supplier's
 * examples (helpExamples) and its procedure list takes the GJB layout (report/registers/procedures.ts); a repository
 * under both keeps the automotive ones, though it works to GJB 9001C (worksToGjb9001C).
 */
export function militarySupplier(standards: readonly string[] | undefined): boolean {
  return underStandard(standards, "GJB9001C") && !underStandard(standards, "IATF16949");
}
