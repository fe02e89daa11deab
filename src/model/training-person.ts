/**
 * A person's training file (员工培训档案; IATF 16949 7.2.1, 7.2.2, GJB 9001C 7.2): every session that trained
 * them, on which document or CSR and revision — named as a trainee, trained with their department (the department
 * they worked in on the session's day, as training completion counts it), or as the session's trainer — and, beside
 * it, what they still miss (model/training-completion.ts: the revisions whose `missing` names them). Auditors ask
 * "show me this operator's training record": `csr list training --person` and the person's page of csr site.
 */
import { departmentOn } from "./people.js";
import { namesTrainees } from "./training-completion.js";
import { sessionDepartments, sessionVersion, type SessionVersions } from "./training.js";
import type { ControlledDocument, Csr, Person, TrainingSession } from "./types.js";

/**
 * How a session trained the person: `named` among its people; `department` with the department they were in on its
 * day (a session naming its trainees); `sign-in` a department's session naming nobody, whose sign-in sheet (签到表)
 * says whether they attended — it counts nobody as trained (tester72 Q1), but belongs in their file to look up;
 * `trainer` they gave it (a trainer counts as trained on what he teaches, breaker63 P11).
 */
export type PersonSessionWay = "named" | "department" | "sign-in" | "trainer";

export interface PersonSession {
  kind: "document" | "csr";
  /** The document's or CSR's id. */
  id: string;
  session: TrainingSession;
  /** The document version or CSR source revision trained (sessionVersion); undefined when nothing tells. */
  revision: string | undefined;
  way: PersonSessionWay;
}

/** How `session` trained `person`, or undefined when it did not. */
export function personSessionWay(person: Person, session: TrainingSession): PersonSessionWay | undefined {
  if ((session.people ?? []).includes(person.id)) return "named";
  const code = departmentOn(person, session.date);
  if (code !== undefined && sessionDepartments(session).includes(code)) return namesTrainees(session) ? "department" : "sign-in";
  if (session.trainer === person.id) return "trainer";
  return undefined;
}

/**
 * The sessions held by `day` (YYYY-MM-DD) that trained `person` on any of `documents` (obsolete ones too: the file
 * keeps what they were trained on) and `csrs`, oldest first (then documents before CSRs, by id as given).
 * `versions` dates a document's sessions written without a revision (load/training-records.ts).
 */
export function personSessions(person: Person, documents: readonly ControlledDocument[], csrs: readonly Csr[], day: string, versions?: SessionVersions): PersonSession[] {
  const found: PersonSession[] = [];
  for (const doc of documents) {
    for (const session of doc.training?.sessions ?? []) {
      const way = session.date <= day ? personSessionWay(person, session) : undefined;
      if (way !== undefined) found.push({ kind: "document", id: doc.id, session, revision: sessionVersion(doc, session, versions), way });
    }
  }
  for (const csr of csrs) {
    for (const session of csr.training?.sessions ?? []) {
      const way = session.date <= day ? personSessionWay(person, session) : undefined;
      if (way !== undefined) found.push({ kind: "csr", id: csr.id, session, revision: session.revision, way });
    }
  }
  // Stable: the same day keeps documents before CSRs, each in the order given.
  return found.sort((a, b) => (a.session.date < b.session.date ? -1 : a.session.date > b.session.date ? 1 : 0));
}
