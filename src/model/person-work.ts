/**
 * The work a person is recorded as doing, with its date, and the open work assigned to a person: what
 * rules person/work-after-leaving, person/work-before-joining and person/left-with-open-work hold against
 * people.yaml's `left` and `joined`.
 *
 * A record names who did something (IATF 16949 7.5.3.2.1: records are attributable; 7.2: training
 * says who trained whom; GJB 9001C 5.3 / 7.5.3: signatures of those authorised). Someone who left the
 * organisation (离职) on day L did nothing for it from L on: a signature, an opinion, a decision, a
 * training given or attended, a copy handed out to them dated L or later is not evidence. What they
 * did before L stays valid. `returned_by` of a copy is not listed: handing back one's copies is what
 * a person does on leaving, and a copy returned late is still back.
 */
import type { Located } from "../load/repository.js";
import type { SourceFile } from "../load/source.js";
import { csrDistributions, stillControlled } from "./distribution.js";
import type { RepoIndex } from "./index.js";
import { eventLabel, type EventLabel } from "./recorded-events.js";
import { REPORT_SIGNER_ROLES, type ControlledCopy, type ControlledDocument, type Csr, type Department, type Path, type Person, type Process, type QmsConfig, type Signature, type TrainingSession } from "./types.js";

/**
 * One piece of recorded work: `person` (a people.yaml id) did `what` on `date` (YYYY-MM-DD), as its
 * trainer, a trainee or the holder a copy was handed to when `as` says so; `path` is of the person's id.
 */
export interface PersonWork {
  person: string;
  date: string;
  path: Path;
  what: EventLabel;
  as?: "trainer" | "trainee" | "holder";
}

type Add = (path: Path, person: unknown, date: unknown, what: EventLabel, as?: PersonWork["as"]) => void;

/** The list and the function that adds to it the work whose person and date are recorded. */
function collector(): { work: PersonWork[]; add: Add } {
  const work: PersonWork[] = [];
  const add: Add = (path, person, date, what, as) => {
    if (typeof person === "string" && typeof date === "string") work.push({ person, date, path, what, ...(as ? { as } : {}) });
  };
  return { work, add };
}

/** Open work assigned to a person: an implementation they own, a controlled copy they hold. */
export interface OpenAssignment {
  person: string;
  path: Path;
}

export function csrWork(csr: Csr): PersonWork[] {
  const { work, add } = collector();
  const review = csr.review;
  (review?.opinions ?? []).forEach((o, i) => add(["review", "opinions", i, "reviewer"], o.reviewer, o.date, eventLabel("rule.person/work.csr-opinion", { department: o.department })));
  add(["review", "decision", "by"], review?.decision?.by, review?.decision?.date, eventLabel("rule.person/work.csr-decision"));
  for (const role of REPORT_SIGNER_ROLES) add(["review", role, "by"], review?.[role]?.by, review?.[role]?.date, eventLabel(`rule.person/work.csr-${role}`));
  (review?.confirmations ?? []).forEach((c, i) => add(["review", "confirmations", i, "by"], c.by, c.date, eventLabel("rule.date/event.csr-confirmation", { revision: c.source_revision })));
  (review?.history ?? []).forEach((round, j) => {
    const n = j + 1;
    (round.opinions ?? []).forEach((o, i) => add(["review", "history", j, "opinions", i, "reviewer"], o.reviewer, o.date, eventLabel("rule.date/event.csr-round-opinion", { n, department: o.department })));
    add(["review", "history", j, "decision", "by"], round.decision?.by, round.decision?.date, eventLabel("rule.date/event.csr-round-decision", { n }));
    for (const role of REPORT_SIGNER_ROLES) add(["review", "history", j, role, "by"], round[role]?.by, round[role]?.date, eventLabel(`rule.person/work.csr-${role}`));
  });
  (csr.addressed ?? []).forEach((a, i) => add(["addressed", i, "pin", "by"], a.pin?.by, a.pin?.date, eventLabel("rule.date/event.csr-pin", { document: a.document })));
  const verified = csr.implementation?.verified;
  add(["implementation", "verified", "by"], verified?.by, verified?.date, eventLabel("rule.date/event.csr-verified"));
  (csr.implementation?.history ?? []).forEach((h, i) => add(["implementation", "history", i, "verified", "by"], h.verified?.by, h.verified?.date, eventLabel("rule.date/event.csr-verified")));
  for (const d of csrDistributions(csr)) add([...d.path, "by"], d.by, d.date, eventLabel("rule.date/event.csr-distributed"));
  trainingWork(csr.training?.sessions, add, () => eventLabel("rule.date/event.csr-training"));
  return work;
}

/** The signatures of a revision, in the order the record prints them. */
const SIGNATURES = ["prepared", "reviewed", "standardization", "approved", "military_representative"] as const;

export function documentWork(doc: ControlledDocument): PersonWork[] {
  const { work, add } = collector();
  (doc.revisions ?? []).forEach((r, k) => {
    const signed = (role: string, s: Signature | undefined, path: Path) => add(path, s?.by, s?.date, eventLabel(`rule.date/event.doc-${role as "prepared"}`, { version: r.version }));
    for (const role of SIGNATURES) signed(role, r[role], ["revisions", k, role, "by"]);
    (r.countersigned ?? []).forEach((c, i) => signed("countersigned", c, ["revisions", k, "countersigned", i, "by"]));
  });
  (doc.reviews ?? []).forEach((r, i) => add(["reviews", i, "by"], r.by, r.date, eventLabel("rule.date/event.doc-periodic-review")));
  (doc.distribution ?? []).forEach((c, i) => {
    // A copy handed over (csr hand-over) is signed for by its holder on the day of the last hand-over; each earlier receiver and
    // whoever handled a hand-over worked on its day.
    const handovers = c.handovers ?? [];
    const last = handovers.at(-1);
    add(["distribution", i, "holder"], c.holder, last?.date ?? c.date, last ? eventLabel("rule.date/event.doc-copy-handover", { copy: c.copy }) : eventLabel("rule.date/event.doc-copy-handed-out", { copy: c.copy, version: c.version }), "holder");
    handovers.forEach((h, j) => {
      if (j < handovers.length - 1) add(["distribution", i, "handovers", j, "to"], h.to, h.date, eventLabel("rule.date/event.doc-copy-handover", { copy: c.copy }), "holder");
      add(["distribution", i, "handovers", j, "by"], h.by, h.date, eventLabel("rule.date/event.doc-copy-handover", { copy: c.copy }));
    });
    add(["distribution", i, "issued_by"], c.issued_by, c.date, eventLabel("rule.date/event.doc-copy-handed-out", { copy: c.copy, version: c.version }));
    add(["distribution", i, "received_by"], c.received_by, c.recalled, eventLabel("rule.date/event.doc-copy-recalled", { copy: c.copy }));
    add(["distribution", i, "lost", "by"], c.lost?.by, c.lost?.date, eventLabel("rule.date/event.doc-copy-lost", { copy: c.copy }));
    add(["distribution", i, "destroyed", "by"], c.destroyed?.by, c.destroyed?.date, eventLabel("rule.date/event.doc-copy-destroyed", { copy: c.copy }));
    add(["distribution", i, "retained", "by"], c.retained?.by, c.retained?.date, eventLabel("rule.date/event.doc-copy-retained", { copy: c.copy }));
  });
  trainingWork(doc.training?.sessions, add, (s) => (s.revision ? eventLabel("rule.date/event.doc-training", { version: s.revision }) : eventLabel("rule.date/event.doc-training-unversioned")));
  return work;
}

/** Each auditor, auditor-in-training and technical expert of a process's internal audits (processes.yaml `audits`, csr process audited) took part on the audit's date. */
export function processWork(process: Process): PersonWork[] {
  const { work, add } = collector();
  (process.audits ?? []).forEach((a, i) =>
    (["by", "trainees", "experts"] as const).forEach((role) => (a[role] ?? []).forEach((person, j) => add(["audits", i, role, j], person, a.date, eventLabel("rule.date/event.process-audit", { report: a.report })))),
  );
  return work;
}

/** A session's trainer gave it and its people attended it, all on its date. */
function trainingWork(sessions: readonly TrainingSession[] | undefined, add: Add, label: (session: TrainingSession) => EventLabel) {
  (sessions ?? []).forEach((s, i) => {
    const what = label(s);
    add(["training", "sessions", i, "trainer"], s.trainer, s.date, what, "trainer");
    (s.people ?? []).forEach((p, j) => add(["training", "sessions", i, "people", j], p, s.date, what, "trainee"));
  });
}

/** An open implementation's owner (not yet implemented or verified). */
export function csrAssignments(csr: Csr): OpenAssignment[] {
  const implementation = csr.implementation;
  if (!implementation?.owner || implementation.implemented || implementation.verified || implementation.status === "implemented" || implementation.status === "verified") return [];
  if (csr.superseded) return [];
  return [{ person: implementation.owner, path: ["implementation", "owner"] }];
}

/** The holders of the copies still out. */
export function documentAssignments(doc: ControlledDocument): OpenAssignment[] {
  return (doc.distribution ?? []).flatMap((c: ControlledCopy, i) => (c.holder && stillControlled(c) ? [{ person: c.holder, path: ["distribution", i, "holder"] }] : []));
}

/**
 * A piece of open work a person answers for until it is handed over (IATF 16949 5.3 / 7.5.3.2, GJB 9001C
 * 5.3: responsibilities are assigned to people who can carry them): the implementation of a CSR they own,
 * a controlled copy they hold that is out, a department they serve as a delegate (qms.yaml `delegates`),
 * and the electronic issues they are set to make (qms.yaml `document_control.electronic_issue.issued_by`,
 * which csr release records as 发放人). `file` and `path` are of the field naming them.
 */
export type OpenWork = { person: string; file: SourceFile; path: Path } & (
  | { kind: "owner"; csr: string }
  | { kind: "holder"; document: string; copy: number; version: string; to: string }
  | { kind: "delegate"; department: string }
  | { kind: "electronic-issuer" }
);

/**
 * Every open work of the repository, each with the person it waits on, in file order: CSRs, documents,
 * then qms.yaml. Rule person/left-with-open-work reports those of people who left; `csr person leave`
 * lists a leaver's, so that the two never disagree.
 */
export function openWork(index: Pick<RepoIndex, "csrs" | "documents">, config: Located<QmsConfig> | undefined): OpenWork[] {
  const work: OpenWork[] = [];
  for (const { value: csr, file, path } of index.csrs.values()) {
    for (const a of csrAssignments(csr)) work.push({ kind: "owner", person: a.person, file, path: [...path, ...a.path], csr: csr.id });
  }
  for (const { value: doc, file, path } of index.documents.values()) {
    for (const a of documentAssignments(doc)) {
      // The assignment's path is ["distribution", index, "holder"].
      const copy = doc.distribution![a.path[1] as number]!;
      work.push({ kind: "holder", person: a.person, file, path: [...path, ...a.path], document: doc.id, copy: copy.copy, version: copy.version, to: copy.to });
    }
  }
  if (config) {
    config.value.departments.forEach((d, i) =>
      d.delegates?.forEach((person, j) => work.push({ kind: "delegate", person, file: config.file, path: ["departments", i, "delegates", j], department: d.code })),
    );
    const issuer = config.value.document_control?.electronic_issue?.issued_by;
    if (issuer !== undefined) work.push({ kind: "electronic-issuer", person: issuer, file: config.file, path: ["document_control", "electronic_issue", "issued_by"] });
  }
  return work;
}

/**
 * Whether `person` may hold a controlled copy issued to `unit` (a department or outside party code):
 * a copy is held where it is used (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3), by a member of the unit,
 * or by someone who serves it as a delegate named in qms.yaml (`departments[].delegates`).
 */
export function servesUnit(person: Pick<Person, "id" | "department">, unit: string, departments: ReadonlyMap<string, Department>): boolean {
  return person.department === unit || (departments.get(unit)?.delegates ?? []).includes(person.id);
}
