/**
 * `csr site --customer <code>`: the site as an audit pack for one customer's SQE (second-party audit,
 * IATF 16949 4.3.2, 7.5.1.1, 7.5.3.2.2; tester70 P8). The repository is narrowed before any page is
 * built, so that every page, register, workbook and the search index are made from what the pack holds
 * and nothing else: that customer (without the organisation's internal view of it: its notes and its
 * class), its CSRs and their reviews, the documents tied to it (model/customer-ties.ts: those addressing
 * its CSRs, and those with a revision made for its complaint or notified to it, as csr changes --customer
 * lists them; tester74 T1), its rows of the symbol conversion table, its corrective actions, the internal audits
 * by process and its own manufacturing process and product audits (packAudits), the tooling it owns and ours its documents
 * name (packTooling); no management review record (management-reviews.yaml); no other customer's CSR, source,
 * audit or page, and no text naming another customer (other-customers.ts; tester74 T2).
 * The findings and the change report are narrowed to the same files and entities.
 */
import { reportedAt, type Finding } from "../core/diagnostic.js";
import { t } from "../i18n/index.js";
import type { Located, Repository } from "../load/repository.js";
import type { Change } from "../model/changes.js";
import { customerDocumentIds, customerDocuments, isCustomerDocumentChange } from "../model/customer-ties.js";
import { auditCustomers, auditKind } from "../model/process-audits.js";
import type { ControlledDocument, CorrectiveAction, Process, Tooling } from "../model/types.js";
import { customerOwner, documentsNaming } from "../model/tooling.js";
import { otherCustomers, withoutOtherCustomers, type OtherCustomers } from "./other-customers.js";
import { unknownCustomer } from "../model/customers.js";

export interface CustomerScope {
  /** The customer's code. */
  customer: string;
  /** The repository as the pack holds it. */
  repo: Repository;
  /** The documents of the repository the pack leaves out: a reference to one says so instead of linking. */
  outside: ReadonlySet<string>;
  /** Whether a finding concerns what the pack holds (its file is one the pack keeps). */
  keeps(finding: Finding): boolean;
  /** The change report's rows the pack keeps (of its documents, CSRs, sources, symbol rows; the people's). */
  keepsChange(change: Change): boolean;
  /** What names another customer (other-customers.ts). */
  others: OtherCustomers;
  /** A document as the pack shows it (a release tag's text, an earlier revision's): without what names another customer. */
  shownDocument(doc: ControlledDocument): ControlledDocument;
  /** The document as its file has it, for a document of the pack's repository: a CSR link is judged on the text it was pinned to. */
  textOf(doc: ControlledDocument): ControlledDocument;
  /** A change report's row as the pack shows it: its words that name another customer withheld. */
  shownChange(change: Change): Change;
  /** A finding as the pack shows it: a message naming another customer says only that it is withheld. */
  shownFinding(finding: Finding): Finding;
}

/** The repository narrowed to `code`'s audit pack; a code no customer has is refused, naming the customers there are. */
export function customerScope(repo: Repository, code: string): CustomerScope {
  const customer = repo.customers.find((c) => c.value.code === code);
  if (!customer) {
    throw unknownCustomer(repo.customers.map((c) => c.value), code);
  }
  const csrs = repo.csrs.filter((c) => c.value.customer === code);
  const csrIds = new Set(csrs.map((c) => c.value.id));
  const tied = customerDocuments({ csrs: repo.csrs.map((c) => c.value), documents: repo.documents.map((d) => d.value), actions: repo.actions.map((a) => a.value) }, code);
  const tiedIds = customerDocumentIds(tied);
  const others = otherCustomers(
    repo.customers.map((c) => c.value),
    code,
    repo.csrs.filter((c) => c.value.customer !== code).map((c) => c.value.id),
  );
  const note = t("site.customer-pack.other-customer");
  const originals = new Map<ControlledDocument, ControlledDocument>();
  const shownDocument = (doc: ControlledDocument) => {
    const shown = withoutOtherCustomers(doc, code, others, note);
    originals.set(shown, doc);
    return shown;
  };
  const documents = repo.documents.filter((d) => tiedIds.has(d.value.id)).map((d) => ({ ...d, value: shownDocument(d.value) }));
  const kept = new Set(documents.map((d) => d.value.id));
  const sources = new Set((customer.value.sources ?? []).map((s) => s.id));
  // The organisation's own view of the customer (its share of sales, what to watch for, its class) is not the customer's to read.
  const { notes: _notes, class: _class, ...shown } = customer.value;
  const files = new Set([customer.file.path, ...csrs.map((c) => c.file.path), ...documents.map((d) => d.file.path)]);
  const tooling = packTooling(repo, code, documents.map((d) => d.value));
  const scoped: Repository = {
    ...repo,
    customers: [{ ...customer, value: shown }],
    csrs,
    documents,
    processes: repo.processes.map((p) => ({ ...p, value: { ...packAudits(p.value, code), ...(p.value.documents && { documents: p.value.documents.filter((id) => kept.has(id)) }) } })),
    symbols: repo.symbols.filter((s) => s.value.customer === code),
    // The cost of poor quality a complaint cost the organisation (scrap, sorting, the charge; csr action cost) is its own
    // figure for its management review, not the customer's to read, as its notes and class of the customer are not.
    actions: repo.actions.filter((a) => a.value.customer === code).map((a) => ({ ...a, value: withoutCost(a.value) })),
    tooling,
    // The management reviews are top management's own record, naming every customer's performance: not the SQE's.
    managementReviews: [],
  };
  const said = (text: string | undefined) => (others.names(text) ? note : text);
  return {
    customer: code,
    repo: scoped,
    outside: new Set(repo.documents.map((d) => d.value.id).filter((id) => !kept.has(id))),
    keeps: (finding) => files.has(finding.file) || tooling.some((e) => e.file.path === finding.file && e.path.every((step, i) => reportedAt.get(finding)?.path[i] === step)),
    keepsChange: (change) => {
      switch (change.area) {
        case "document":
          return change.id.startsWith(`${code}-`) || isCustomerDocumentChange(tied, code, change);
        case "csr":
          return csrIds.has(change.id);
        case "source":
          return sources.has(change.id);
        case "symbol":
          return change.id.startsWith(`${code} `);
        case "coverage":
          return false;
        default:
          return true;
      }
    },
    others,
    shownDocument,
    textOf: (doc) => originals.get(doc) ?? doc,
    shownChange: (change) => {
      const fields = (["title", "detail", "detail_en", "reason", "reason_en", "remark", "evidence"] as const).filter((key) => others.names(change[key]));
      const sections = change.sections?.some((s) => others.names(s.title) || others.names(s.title_en) || others.names(s.was?.title)) ? change.sections.map((s) => (others.names(s.title) || others.names(s.title_en) || others.names(s.was?.title) ? { number: s.number, change: s.change, title: note } : s)) : undefined;
      if (fields.length === 0 && !sections) return change;
      return { ...change, ...Object.fromEntries(fields.map((key) => [key, said(change[key])])), ...(sections && { sections }) };
    },
    shownFinding: (finding) => (others.names(finding.message) ? { ...finding, message: t("site.customer-pack.finding-withheld", { rule: finding.rule }) } : finding),
  };
}

/**
 * `repo` narrowed as customerScope narrows the working tree, for the repository as committed at the end of a past day
 * (the drafts of that day's register of unreleased documents): a customer not in it yet leaves none of its documents.
 */
export function packOf(repo: Repository, code: string): Repository {
  if (repo.customers.some((c) => c.value.code === code)) return customerScope(repo, code).repo;
  return { ...repo, customers: [], csrs: [], documents: [], symbols: [], actions: [], tooling: [], managementReviews: [], processes: repo.processes.map((p) => ({ ...p, value: { ...packAudits(p.value, code), ...(p.value.documents && { documents: [] }) } })) };
}

/**
 * The entries of tooling.yaml `code`'s pack shows (IATF 16949 8.5.1.6, 8.5.3): the tooling the customer owns (顾客财产), and
 * the company's own that makes its parts — named in the text of a document the pack keeps (`documents`: the control plan,
 * a work instruction addressing its CSRs), the tie the pack keeps documents by. Tooling of another customer, and ours that
 * no document of the pack names, is not this customer's to read.
 */
function packTooling(repo: Repository, code: string, documents: readonly ControlledDocument[]): Located<Tooling>[] {
  return repo.tooling.filter(({ value }) => {
    const owner = customerOwner(value);
    return owner === code || (owner === undefined && documentsNaming(value.id, documents).length > 0);
  });
}

/**
 * `process` with the audits `code`'s pack shows: those naming that customer (its product and manufacturing process
 * audits, IATF 16949 9.2.2.3 and 9.2.2.4, the SQE's own parts) and the QMS audits by process naming no customer; a
 * product or manufacturing process audit of another customer's part, or of none named, is not this customer's to read.
 * An audit that sampled several customers (tester78 A3) names this one alone in its pack: the others are not its to read.
 */
function packAudits(process: Process, code: string): Process {
  if (!process.audits) return process;
  const audits = process.audits.filter((a) => auditCustomers(a).includes(code) || (a.customer === undefined && auditKind(a) === "qms"));
  return { ...process, audits: audits.map((a) => (a.customer !== undefined && a.customer !== code ? { ...a, customer: code } : a)) };
}

/** A corrective action record without its costs of poor quality (`cost`), as a customer's pack shows it. */
function withoutCost(action: CorrectiveAction): CorrectiveAction {
  const { cost: _cost, ...shown } = action;
  return shown;
}
