/**
 * The departments whose 会签 (countersignature) a revision of a document needs: those qms.yaml's
 * `document_control.countersign` names for its kind, and those the document adds
 * (`countersign_departments`). A change is reviewed by the functions it concerns before it is
 * approved (IATF 16949 7.5.2, 8.5.6; GJB 9001C 7.5.2 会签): the QA countersignature of a work
 * instruction's inspection frequency, say. The document's own department is never asked: its people
 * prepare and review it, and a 会签 is the agreement of the others.
 */
import { servesUnit } from "./person-work.js";
import type { ControlledDocument, CountersignDepartment, Department, Person, QmsConfig, Signature } from "./types.js";

/**
 * The department codes (in the order qms.yaml, then the document, names them; each once) whose 会签 a
 * revision of `doc` issued on `date` (YYYY-MM-DD) needs: an entry `{department, since}` only from its
 * day on. Empty for an external document, which its publisher approved.
 */
export function countersignRequired(config: QmsConfig | undefined, doc: Pick<ControlledDocument, "kind" | "department" | "countersign_departments">, date: string): string[] {
  if (doc.kind === "external") return [];
  const entries: CountersignDepartment[] = [...(config?.document_control?.countersign?.[doc.kind] ?? []), ...(doc.countersign_departments ?? [])];
  const codes = entries.flatMap((entry) => (typeof entry === "string" ? [entry] : date >= entry.since ? [entry.department] : []));
  return [...new Set(codes)].filter((code) => code !== doc.department);
}

/** One required department and the people (people.yaml ids) whose 会签 counts as its: its members and its delegates (qms.yaml `departments[].delegates`). */
export interface CountersignState {
  department: string;
  by: string[];
}

/**
 * Each department of `required` with who countersigned for it among `signatures` (a revision's
 * `countersigned`): a person of people.yaml counts for the department they belong to and for the
 * departments that name them as a delegate. A signer unknown to `people` counts for none (ref/unresolved's).
 */
export function countersignStates(required: readonly string[], signatures: readonly Pick<Signature, "by">[] | undefined, people: ReadonlyMap<string, { value: Person }>, departments: ReadonlyMap<string, Department>): CountersignState[] {
  const signers = (signatures ?? []).flatMap((s) => people.get(s.by)?.value ?? []);
  return required.map((department) => ({ department, by: signers.filter((p) => servesUnit(p, department, departments)).map((p) => p.id) }));
}

/** The departments of `required` that none of `signers` countersigns for (countersignStates). */
export function countersignMissing(required: readonly string[], signers: readonly Pick<Person, "id" | "department">[], departments: ReadonlyMap<string, Department>): string[] {
  return required.filter((department) => !signers.some((p) => servesUnit(p, department, departments)));
}
