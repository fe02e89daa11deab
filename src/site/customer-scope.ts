/**
 * `csr site --customer <code>`: the site as an audit pack for one customer's SQE (second-party audit,
 * IATF 16949 4.3.2, 7.5.1.1, 7.5.3.2.2; tester70 P8). The repository is narrowed before any page is
 * built, so that every page, register, workbook and the search index are made from what the pack holds
 * and nothing else: that customer (without the organisation's internal view of it: its notes and its
 * class), its CSRs and their reviews, the documents that address them, its rows of the symbol
 * conversion table, its corrective actions; no other customer's CSR, source or page. The findings and
 * the change report are narrowed to the same files and entities.
 */
import { UserError } from "../core/errors.js";
import type { Finding } from "../core/diagnostic.js";
import { t } from "../i18n/index.js";
import type { Repository } from "../load/repository.js";
import type { Change } from "../model/changes.js";
import type { ControlledDocument } from "../model/types.js";

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
}

/** The repository narrowed to `code`'s audit pack; a code no customer has is refused, naming the customers there are. */
export function customerScope(repo: Repository, code: string): CustomerScope {
  const customer = repo.customers.find((c) => c.value.code === code);
  if (!customer) {
    const codes = repo.customers.map((c) => c.value.code).join(", ");
    throw new UserError(t("site-command.customer-unknown", { code, codes: codes || "—" }));
  }
  const csrs = repo.csrs.filter((c) => c.value.customer === code);
  const csrIds = new Set(csrs.map((c) => c.value.id));
  // The documents addressing its requirements, in any round on record: where the SQE follows them into the QMS.
  const addressing = new Set(csrs.flatMap((c) => (c.value.addressed ?? []).map((a) => a.document)));
  const others = new Set(repo.csrs.filter((c) => c.value.customer !== code).map((c) => c.value.id));
  const documents = repo.documents.filter((d) => addressing.has(d.value.id)).map((d) => ({ ...d, value: withoutOtherCustomers(d.value, code, others) }));
  const kept = new Set(documents.map((d) => d.value.id));
  const sources = new Set((customer.value.sources ?? []).map((s) => s.id));
  // The organisation's own view of the customer (its share of sales, what to watch for, its class) is not the customer's to read.
  const { notes: _notes, class: _class, ...shown } = customer.value;
  const files = new Set([customer.file.path, ...csrs.map((c) => c.file.path), ...documents.map((d) => d.file.path)]);
  const scoped: Repository = {
    ...repo,
    customers: [{ ...customer, value: shown }],
    csrs,
    documents,
    processes: repo.processes.map((p) => ({ ...p, value: { ...p.value, ...(p.value.documents && { documents: p.value.documents.filter((id) => kept.has(id)) }) } })),
    symbols: repo.symbols.filter((s) => s.value.customer === code),
    actions: repo.actions.filter((a) => a.value.customer === code),
  };
  return {
    customer: code,
    repo: scoped,
    outside: new Set(repo.documents.map((d) => d.value.id).filter((id) => !kept.has(id))),
    keeps: (finding) => files.has(finding.file),
    keepsChange: (change) => {
      switch (change.area) {
        case "document":
          return kept.has(change.id);
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
  };
}

/**
 * `repo` narrowed as customerScope narrows the working tree, for the repository as committed at the end of a past day
 * (the drafts of that day's register of unreleased documents): a customer not in it yet leaves none of its documents.
 */
export function packOf(repo: Repository, code: string): Repository {
  if (repo.customers.some((c) => c.value.code === code)) return customerScope(repo, code).repo;
  return { ...repo, customers: [], csrs: [], documents: [], symbols: [], actions: [], processes: repo.processes.map((p) => ({ ...p, value: { ...p.value, ...(p.value.documents && { documents: [] }) } })) };
}

/**
 * A document of the pack without what it records of other customers: a revision whose summary cites another
 * customer's requirement (增加胶料混炼批次栏（BCM-003）) says only that it concerns another customer, and the
 * notifications of its revisions to other customers and their retention periods are left out.
 */
function withoutOtherCustomers(doc: ControlledDocument, code: string, others: ReadonlySet<string>): ControlledDocument {
  const cites = (text: string | undefined) => text !== undefined && [...others].some((id) => text.includes(id));
  const revisions = doc.revisions?.map((r) => {
    const notices = r.customer_notices?.filter((n) => n.customer === code);
    const summary = cites(r.summary) || cites(r.summary_en);
    return {
      ...r,
      ...(summary && { summary: t("site.customer-pack.other-customer"), summary_en: t("site.customer-pack.other-customer") }),
      ...(r.customer_notices && { customer_notices: notices }),
    };
  });
  return { ...doc, ...(revisions && { revisions }) };
}
