/**
 * Which lists of `csr list` take which option: one table, so that every list refuses an option it
 * does not apply rather than ignore it. A whole register printed for a filtered one (103 copies under
 * `--status 待回收`) would be handed on as the answer to the question asked (tester60 J3).
 */
import { UserError } from "../../core/errors.js";
import { conjunction, t } from "../../i18n/index.js";

/** The lists of `csr list`: the CSR list (`csr`) and the registers. */
export const LISTS = ["csr", "procedures", "documents", "forms", "external", "obsolete", "symbols", "reviews", "distribution", "training", "training-plan", "periodic-reviews", "edition-review", "people", "management-review", "processes", "audits", "audit-programme", "audit-plan", "disposals", "actions", "suppliers", "flow-down", "customers", "skills", "tooling", "error-proofing", "gauges", "first-articles", "key-parts", "objectives", "management-review-outputs", "supervision", "register-editions"] as const;
export type ListName = (typeof LISTS)[number];

/**
 * Each narrowing option by its key in the parsed flags, with its flag and the lists it applies to.
 * The options every list takes (--format, --out, --force, --today, -y) are not here.
 */
export const LIST_OPTIONS: readonly { key: string; flag: string; lists: readonly ListName[] }[] = [
  // A customer's audits: the product and manufacturing process audits of its parts, the audits sampling its requirements (IATF 16949 9.2.2.2 to 9.2.2.4).
  { key: "customer", flag: "--customer", lists: ["csr", "symbols", "reviews", "actions", "audits", "flow-down"] },
  // The corrective actions asked of a supplier (SCAR, IATF 16949 8.4.2.4).
  { key: "supplier", flag: "--supplier", lists: ["actions", "flow-down"] },
  // The audits of a kind: QMS, manufacturing process, product (IATF 16949 9.2.2.1).
  { key: "kind", flag: "--kind", lists: ["audits"] },
  // Each list by its own states: a CSR's, a document's, a controlled copy's, a corrective action's.
  { key: "status", flag: "--status", lists: ["csr", "documents", "distribution", "actions"] },
  // The corrective actions of a customer complaint, an internal audit, an internal finding, a field failure.
  { key: "source", flag: "--source", lists: ["actions"] },
  // CSRs reviewed late; copies still out past their 应回收日期.
  { key: "overdue", flag: "--overdue", lists: ["csr", "distribution"] },
  // By the day a review round started, a copy was issued or came back, a training was held, a document was periodically reviewed, a process was audited, a corrective action was received.
  { key: "from", flag: "--from", lists: ["csr", "reviews", "distribution", "training", "periodic-reviews", "management-review", "audits", "actions", "error-proofing", "first-articles", "supervision"] },
  { key: "to", flag: "--to", lists: ["csr", "reviews", "distribution", "training", "periodic-reviews", "management-review", "audits", "actions", "error-proofing", "first-articles", "supervision"] },
  { key: "clause", flag: "--clause", lists: ["csr"] },
  { key: "owner", flag: "--owner", lists: ["csr"] },
  // The CSRs an internal auditor samples in a process: those its documents address (IATF 16949 9.2.2.1, 9.2.2.3).
  { key: "process", flag: "--process", lists: ["csr"] },
  // The CSRs of a kind, or those that speak of a thing (投诉, 8D), without knowing their clauses (tester63 N11).
  { key: "category", flag: "--category", lists: ["csr"] },
  // The CSRs, or the corrective actions, that speak of a thing (第三方, a customer's complaint number, a word of a D step; tester82 A6).
  { key: "grep", flag: "--grep", lists: ["csr", "actions"] },
  // A department's copies, the documents it holds; the training of its people, those of them still to train.
  { key: "department", flag: "--department", lists: ["distribution", "documents", "forms", "training", "skills"] },
  // One station's column of the skills matrix, and the people at it (IATF 16949 8.5.1 e).
  { key: "station", flag: "--station", lists: ["skills"] },
  { key: "holder", flag: "--holder", lists: ["distribution", "documents"] },
  { key: "document", flag: "--document", lists: ["distribution", "training"] },
  { key: "level", flag: "--level", lists: ["procedures"] },
  { key: "style", flag: "--style", lists: ["procedures"] },
  // The CSR list in the customer's section order or by id (tester64 N3).
  { key: "sort", flag: "--sort", lists: ["csr"] },
  { key: "columns", flag: "--columns", lists: ["csr", "procedures", "documents", "forms", "external", "obsolete"] },
  { key: "dueBy", flag: "--due-by", lists: ["external", "periodic-reviews", "disposals"] },
  // The annual plan of periodic reviews (年度文件定期评审计划).
  { key: "year", flag: "--year", lists: ["periodic-reviews", "training-plan", "audit-plan", "objectives"] },
  // The management review inputs with the registers they name, in one workbook.
  { key: "withDetails", flag: "--with-details", lists: ["management-review"] },
  // Who signed each document's version in force and when, where the repository does not work to GJB 9001C (tester79 G10).
  { key: "withSignatures", flag: "--with-signatures", lists: ["procedures", "documents"] },
  { key: "standard", flag: "--standard", lists: ["edition-review"] },
  // Who still lacks training on each revision needing it, not the training records (IATF 16949 7.2.2).
  { key: "missing", flag: "--missing", lists: ["training"] },
  // A person's training file (员工培训档案): what they were trained on and what they still miss (IATF 16949 7.2.2).
  { key: "person", flag: "--person", lists: ["training"] },
  // The tooling whose error-proofing verification or maintenance is due today or overdue (IATF 16949 10.2.4, 8.5.1.5), the
  // gauges whose calibration is owed within 30 days or overdue (7.1.5.2).
  { key: "due", flag: "--due", lists: ["tooling", "gauges"] },
  // One error-proofing device's verifications.
  { key: "tooling", flag: "--tooling", lists: ["error-proofing"] },
  // A signed edition of a register (register-editions.yaml, csr register sign; GJB 9001C 7.5.3): any register but the CSR list.
  { key: "edition", flag: "--edition", lists: LISTS.filter((l) => l !== "csr") },
];

/** How a list is typed: `csr list` for the CSR list, `csr list <register>` for the others. */
export function listCommandName(what: ListName): string {
  return what === "csr" ? "csr list" : `csr list ${what}`;
}

/**
 * Refuses the first option of `flags` (in the order of LIST_OPTIONS) that `what` does not take.
 * Errors: UserError, one line naming the option, the list, and the lists that take it.
 */
export function refuseInapplicableOptions(what: ListName, flags: Record<string, unknown>): void {
  for (const option of LIST_OPTIONS) {
    if (flags[option.key] === undefined || option.lists.includes(what)) continue;
    throw new UserError(t("list.option-only", { flag: option.flag, what: listCommandName(what), lists: conjunction(option.lists.map(listCommandName)) }));
  }
}
