/**
 * A customer's source document (customers/<code>.yaml `sources`: a supplier quality manual, a CSR edition, a
 * 技术协议) is a document of external origin whose distribution is controlled (IATF 16949 7.5.3.2.2, GJB 9001C
 * 7.5.3): the controlled copies of its revisions handed to departments are recorded in its `distribution`, as a
 * document's are (文件发放/回收记录, tester66 N1). sourceAsDocument views it as an external document whose editions
 * are the revisions received, so that model/distribution.ts reads its copies as it reads a standard's: a newer
 * revision in force makes the copies of the one it replaced due back, from its 实施日期 when it has one.
 */
import { documentOn } from "./as-of.js";
import type { ControlledDocument, Customer, ExternalEdition, SourceDocument, SourceRevision } from "./types.js";

/**
 * `source` of `customer` as an external document: its revisions its editions (the last one held, those
 * before it `external.previous`), its copies and 密级 its own, kept by its 保管部门, issued by the customer;
 * withdrawn (all copies due back) when its last revision is marked superseded with none after it.
 */
export function sourceAsDocument(customer: Pick<Customer, "name">, source: SourceDocument): ControlledDocument {
  const edition = (r: SourceRevision): ExternalEdition => ({ revision: r.revision, ...(r.issued ? { issued: r.issued } : {}), ...(r.effective ? { effective: r.effective } : {}), received: r.received });
  const latest = source.revisions.at(-1)!;
  const previous = source.revisions.slice(0, -1).map(edition);
  return {
    id: source.id,
    title: source.title,
    ...(source.title_en ? { title_en: source.title_en } : {}),
    level: 4,
    kind: "external",
    department: source.department ?? "",
    status: latest.status === "superseded" ? "obsolete" : "released",
    external: { publisher: customer.name, ...edition(latest), ...(previous.length > 0 ? { previous } : {}) },
    ...(source.distribution ? { distribution: source.distribution } : {}),
    ...(source.classification ? { classification: source.classification } : {}),
  };
}

/**
 * The customers' source documents with a controlled copy on record, as external documents on `day`
 * (documentOn: a revision received later is not yet held, a copy handed out later not yet out, one taken
 * back later still out); those not yet received on that day left out.
 */
export function sourceCopyDocumentsOn(customers: readonly Customer[], day: string): ControlledDocument[] {
  return customers.flatMap((customer) =>
    (customer.sources ?? []).flatMap((source) => {
      if (!source.distribution?.length || source.revisions.length === 0) return [];
      const on = documentOn(sourceAsDocument(customer, source), day);
      return on ? [on] : [];
    }),
  );
}
