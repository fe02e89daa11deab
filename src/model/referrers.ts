/** Who points at a document: the documents, deviations, processes and CSRs that name it (a document's page of csr site, csr show <document>). */
import type { Repository } from "../load/repository.js";
import type { AddressedIn } from "./types.js";

export interface Referrers {
  /** Documents naming it under `related` or `forms`, once each, in the repository's order. */
  documents: string[];
  /** Documents deviating from it (`deviates_from`: a temporary deviation), once each, in the repository's order. */
  deviations: string[];
  /** Processes listing it under `documents`. */
  processes: string[];
  /** CSRs addressed in it, superseded ones included, with the place each names. */
  csrs: { id: string; place: AddressedIn }[];
}

/** For each document id named anywhere: the documents, processes and CSRs that point at it. */
export function documentReferrers(repo: Pick<Repository, "documents" | "processes" | "csrs">): Map<string, Referrers> {
  const map = new Map<string, Referrers>();
  const of = (id: string) => {
    let r = map.get(id);
    if (!r) map.set(id, (r = { documents: [], deviations: [], processes: [], csrs: [] }));
    return r;
  };
  for (const { value: doc } of repo.documents) for (const id of new Set([...(doc.related ?? []), ...(doc.forms ?? [])])) of(id).documents.push(doc.id);
  for (const { value: doc } of repo.documents) for (const id of new Set(doc.deviates_from ?? [])) of(id).deviations.push(doc.id);
  for (const { value: process } of repo.processes) for (const id of process.documents ?? []) of(id).processes.push(process.code);
  for (const { value: csr } of repo.csrs) for (const a of csr.addressed ?? []) of(a.document).csrs.push({ id: csr.id, place: a });
  return map;
}
