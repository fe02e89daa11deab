/** Lookup tables over a loaded repository, built once per check so that rules stay linear. */
import type { Located, Repository } from "../load/repository.js";
import { documentFileName } from "./paths.js";
import { numberingFamilyOf } from "./numbering.js";
import type { ControlledDocument, CorrectiveAction, Csr, Customer, Department, DocumentLayout, ExternalParty, Person, Process, Revision, SignatureRole } from "./types.js";

export interface RepoIndex {
  departments: Map<string, Department>;
  /** Outside parties (qms.yaml external_parties) by code: recipients of copies and the unit of outside people, never departments. */
  parties: Map<string, ExternalParty>;
  people: Map<string, Located<Person>>;
  customers: Map<string, Located<Customer>>;
  documents: Map<string, Located<ControlledDocument>>;
  processes: Map<string, Located<Process>>;
  csrs: Map<string, Located<Csr>>;
  /** The corrective action records (actions/) by id. */
  actions: Map<string, Located<CorrectiveAction>>;
}

/**
 * The people of people.yaml (`index.people`), in its order: those training is counted for (model/training-completion.ts),
 * the first of two with one id (byKey).
 */
export function peopleOf(ctx: { index: Pick<RepoIndex, "people"> }): Person[] {
  return [...ctx.index.people.values()].map((p) => p.value);
}

function byKey<T>(items: Located<T>[], key: (v: T) => string): Map<string, Located<T>> {
  const map = new Map<string, Located<T>>();
  for (const item of items) {
    const k = key(item.value);
    if (!map.has(k)) map.set(k, item);
  }
  return map;
}

/**
 * Documents by id. Of two files with one id (id/duplicate's finding, e.g. a pull request that copies
 * a released form to start a new one and forgets the number), the one with the longer revision
 * record is the document: a released form is not displaced by a draft that took its number, whose
 * file may sort first (documents/QR-012-02-新.yaml before documents/forms/QR-012-02.yaml). Among
 * equals, the file named by the id, then the first in path order (tester57 E6).
 */
function documentsById(documents: Located<ControlledDocument>[]): Map<string, Located<ControlledDocument>> {
  const map = new Map<string, Located<ControlledDocument>>();
  const rank = ({ value, file }: Located<ControlledDocument>) => (value.revisions?.length ?? 0) * 2 + (file.path.slice(file.path.lastIndexOf("/") + 1).replace(/\.ya?ml$/i, "") === documentFileName(value.id) ? 1 : 0);
  for (const item of documents) {
    const held = map.get(item.value.id);
    if (held === undefined || rank(item) > rank(held)) map.set(item.value.id, item);
  }
  return map;
}

export function buildIndex(repo: Repository): RepoIndex {
  return {
    departments: new Map((repo.config?.value.departments ?? []).map((d) => [d.code, d])),
    parties: new Map((repo.config?.value.external_parties ?? []).map((p) => [p.code, p])),
    people: byKey(repo.people, (p) => p.id),
    customers: byKey(repo.customers, (c) => c.code),
    documents: documentsById(repo.documents),
    processes: byKey(repo.processes, (p) => p.code),
    csrs: byKey(repo.csrs, (c) => c.id),
    actions: byKey(repo.actions, (a) => a.id),
  };
}

/**
 * The process of processes.yaml a user means by `given` (a command's argument): its code as written
 * there, else its code in any case, its name or its English name. Undefined when none is.
 */
export function findProcess<P extends { value: Process }>(processes: readonly P[], given: string): P | undefined {
  const text = given.trim();
  const key = text.toLowerCase();
  return processes.find((p) => p.value.code === text) ?? processes.find((p) => p.value.code.toLowerCase() === key || p.value.name === text || p.value.name_en === text);
}

/**
 * The day a revision was issued, for comparing with other days: its date, or, for an imported
 * revision its register gave no date (a form register without 发布日期), "": it was released before
 * the repository, so before every day a record gives, and in force on each of them until a later one.
 */
export function issuedOn(revision: Revision): string {
  return revision.date ?? "";
}

/** The latest revision entry of a document, if any. */
export function currentRevision(doc: ControlledDocument) {
  const revisions = doc.revisions ?? [];
  return revisions[revisions.length - 1];
}

/**
 * The revision entry in force on `date` (YYYY-MM-DD): the last one issued by then, or undefined when
 * none was (the document was not yet released). What a record made that day was made on (IATF 16949
 * 7.5.3.2.1: a record shows the form version it was made on), e.g. the version a periodic review
 * found in force, or the review form's version a CSR review report carries.
 */
export function revisionOn(doc: ControlledDocument, date: string) {
  return (doc.revisions ?? []).filter((r) => issuedOn(r) <= date).at(-1);
}

/**
 * The revision entry in force on `date` (YYYY-MM-DD): the last one that had taken effect by then, on
 * its 实施日期 (`effective`; the current one's is also the document's `effective`), else on its date.
 * Unlike revisionOn, a revision issued to take effect later (csr release --effective) is not yet in
 * force, and the one before it still is (IATF 16949 7.5.3.2.2: a change is implemented on a
 * recorded day); undefined when none had taken effect. What is worked to that day, and the form
 * revision a record made that day is made on.
 */
export function revisionInForce(doc: ControlledDocument, date: string) {
  return (doc.revisions ?? []).filter((_, i) => revisionEffective(doc, i) <= date).at(-1);
}

/** The day the document's `i`th revision takes effect: its 实施日期 (`effective`; the current one's is also the document's), else its date. */
export function revisionEffective(doc: ControlledDocument, i: number): string {
  const revisions = doc.revisions ?? [];
  const revision = revisions[i]!;
  return revision.effective ?? (i === revisions.length - 1 ? doc.effective : undefined) ?? issuedOn(revision);
}

/**
 * The revision of a form that a record made on `date` (YYYY-MM-DD) is made on, as its heading names
 * it (a register's form, a CSR review report's): the one in force that day (revisionInForce), else,
 * for a form issued but not yet in force, the one issued by then (revisionOn); undefined before the
 * form's first issue.
 */
export function formRevisionOn(form: ControlledDocument, date: string) {
  return revisionInForce(form, date) ?? revisionOn(form, date);
}

/** What a layout is chosen by: the document's level and kind, and its number (the numbering family it is in); no id, no family. */
export type LayoutSubject = Pick<ControlledDocument, "level" | "kind"> & { id?: string };

/**
 * How specifically a qms.yaml `document_layouts` entry names the document: 0 when it does not apply to it (a level,
 * kind or numbering family it names that the document is not of: each one named must fit), else 3 for an entry naming
 * numbering families (`families`: a family's name or pattern of qms.yaml `numbering`, as `csr new --family` takes it),
 * 2 for one naming kinds, 1 for one naming levels only.
 */
function layoutRank(layout: DocumentLayout, doc: LayoutSubject, family: { pattern: string; family?: string } | undefined): number {
  if (layout.levels !== undefined && !(layout.levels as number[]).includes(doc.level)) return 0;
  if (layout.kinds !== undefined && !(layout.kinds as string[]).includes(doc.kind)) return 0;
  if (layout.families !== undefined && !(family !== undefined && layout.families.some((f) => f === family.family || f === family.pattern))) return 0;
  return layout.families !== undefined ? 3 : layout.kinds !== undefined ? 2 : layout.levels !== undefined ? 1 : 0;
}

/**
 * The layout of qms.yaml `document_layouts` that a revision of the document issued on `date` (YYYY-MM-DD) was printed
 * on (docs/format.md, printed layouts): of the entries that name the document and applied by then (no `since`, or a
 * `since` on or before the date), the most specific (a numbering family's over a kind's over a level's: a 工艺规程
 * family of work instructions carries 会签, 标准化审查 and 军代表 cells the other instructions lack, GJB 9001C 7.5.2,
 * 8.5.1), among equals the one introduced last, the first listed among those. A layout is a form: a cell added to it
 * from a day on is no cell of the revisions issued before, which keep the layout in force then (a less specific one
 * where the family's came later). Without a date (nothing issued yet), the newest. Every reader of a layout (release,
 * check, render, the registers, the importers) goes through this one lookup.
 */
export function documentLayout(repo: Pick<Repository, "config">, doc: LayoutSubject, date?: string): DocumentLayout | undefined {
  const config = repo.config?.value;
  const family = doc.id === undefined ? undefined : numberingFamilyOf(config?.numbering ?? [], { kind: doc.kind, id: doc.id });
  let chosen: DocumentLayout | undefined;
  let chosenRank = 0;
  for (const layout of config?.document_layouts ?? []) {
    const rank = layoutRank(layout, doc, family);
    if (rank === 0) continue;
    if (date !== undefined && layout.since !== undefined && layout.since > date) continue;
    if (chosen === undefined || rank > chosenRank || (rank === chosenRank && (layout.since ?? "") > (chosen.since ?? ""))) {
      chosen = layout;
      chosenRank = rank;
    }
  }
  return chosen;
}

/** The signatures the header of the document's printed layout for a revision issued on `date` shows: each one a released document's current revision needs. */
export function layoutSignatures(repo: Pick<Repository, "config">, doc: LayoutSubject, date?: string): Set<SignatureRole> {
  return new Set((documentLayout(repo, doc, date)?.signatures ?? []).map((item) => (typeof item === "string" ? item : item.role)));
}

/**
 * Whether the person belongs to a military representative office (qms.yaml `external_parties` of
 * kind military-representative, the 军代表室): the customer's representative, who signs the
 * organisation's documents and review reports only as 军代表, never as its preparer, reviewer,
 * standardization checker or approver.
 */
export function isMilitaryRepresentative(index: Pick<RepoIndex, "parties" | "departments">, person: Pick<Person, "department">): boolean {
  // A code that is a department's too is id/duplicate's finding: its people are not judged on a guess.
  return index.parties.get(person.department)?.kind === "military-representative" && !index.departments.has(person.department);
}

/**
 * Whether the person belongs to an outside party other than a military representative office (a
 * supplier's contact, a customer's or a certification body's people): someone of people.yaml only to
 * be named as the holder of their party's copies, never on the company's own work (its staff list,
 * a corrective action's owner, a review, an evaluation of a supplier). The 军代表 has rules of its own
 * (isMilitaryRepresentative).
 */
export function isOutsider(index: Pick<RepoIndex, "parties" | "departments">, person: Pick<Person, "department">): boolean {
  const party = index.parties.get(person.department);
  return party !== undefined && party.kind !== "military-representative" && !index.departments.has(person.department);
}

/** The repository's military representative offices (external parties of kind military-representative). */
export function militaryParties(index: Pick<RepoIndex, "parties">): ExternalParty[] {
  return [...index.parties.values()].filter((p) => p.kind === "military-representative");
}

/**
 * The options of the signatures the document's layout prints (` --countersigned ...` and
 * so on, each followed by `placeholder`): what a hint naming `csr release` adds to --summary,
 * --prepared, --reviewed and --approved, since csr release requires each of them.
 */
export function layoutSignatureFlags(repo: Repository, doc: LayoutSubject, placeholder: string): string {
  const printed = layoutSignatures(repo, doc);
  return GJB_SIGNATURES.filter(([role]) => printed.has(role)).map(([, flag]) => ` ${flag} ${placeholder}`).join("");
}

/** The option of each signature of a revision, as `csr release`, its questions and `csr sign` name it in their messages. */
export const SIGNATURE_FLAGS: Readonly<Record<SignatureRole, string>> = {
  prepared: "--prepared",
  reviewed: "--reviewed",
  countersigned: "--countersigned",
  standardization: "--standardization",
  approved: "--approved",
  military_representative: "--military-representative",
};

/** The GJB 9001C signatures a layout may print (会签, 标准化审查, 军代表), with the `csr release`/`csr sign` option that records each. */
export const GJB_SIGNATURES = [
  ["countersigned", "--countersigned"],
  ["standardization", "--standardization"],
  ["military_representative", "--military-representative"],
] as const;
