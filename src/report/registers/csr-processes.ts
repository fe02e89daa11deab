/**
 * The processes a customer-specific requirement concerns, for the internal audit programme: IATF 16949
 * 9.2.2.1 has the programme include the customer-specific QMS requirements, and 9.2.2.3 has the
 * manufacturing process audit use the customer's specific approaches, so the auditor of a process asks
 * which CSRs to sample there. A CSR concerns the processes its addressing documents (落实文件) serve, by
 * the one definition of `csr list processes` and the site's process page (servingDocuments: a document
 * released on the day that the process lists or that names the process).
 */
import { isWithin } from "../../model/coverage.js";
import type { ControlledDocument, Csr, Process } from "../../model/types.js";
import { servingDocuments } from "./clauses.js";

/** The processes each document of `documents` serves (servingDocuments), by document number, each list in the order of processes.yaml. */
export function processesByDocument(processes: readonly Process[], documents: readonly ControlledDocument[]): Map<string, Process[]> {
  const served = new Map<string, Process[]>();
  for (const process of processes) {
    for (const doc of servingDocuments(process, documents)) served.set(doc.id, [...(served.get(doc.id) ?? []), process]);
  }
  return served;
}

/**
 * The processes `csr` concerns: those its addressing documents serve (`byDocument`, processesByDocument),
 * each once, in the order of processes.yaml; none for a requirement addressed nowhere yet, or only in
 * documents no process is served by (a draft, a withdrawn document, one neither listed by a process nor naming one).
 */
export function csrProcesses(csr: Csr, byDocument: ReadonlyMap<string, readonly Process[]>, processes: readonly Process[]): Process[] {
  const served = new Set((csr.addressed ?? []).flatMap((place) => byDocument.get(place.document) ?? []));
  return processes.filter((p) => served.has(p));
}

/**
 * The clauses of `csr` that `process` addresses (a clause the process lists, or one under it: 8.5.1.1
 * under 8.5.1), in the CSR's order: how a requirement no document places in a process yet (received, not
 * yet addressed) still points the process's auditor to it.
 */
export function clausesInProcess(csr: Csr, process: Process): string[] {
  const own = process.clauses ?? [];
  return csr.clauses.filter((clause) => own.some((c) => isWithin(clause, c)));
}
