/**
 * Training completion (培训完成率), an input to management review (IATF 16949 9.3.2.1 with 7.2.2):
 * for each revision that needs training on a day — the version in force of a released document
 * marked `training: {required: true}`, the source revision of a CSR decided to be met (must /
 * optional, not superseded) so marked — the people to be trained and those recorded as trained.
 * The people to be trained are the people of people.yaml in the departments the training concerns
 * (as openTrainings names them) who work on that day; a session trains the people it names and,
 * for a department's training (`department`), that department's people. Who a record number given
 * on its own trained is not recorded, nor are trainees outside people.yaml (operators): they are
 * said, not counted.
 */
import type { WorkCalendar } from "./calendar.js";
import { currentRevision } from "./index.js";
import { worksOn } from "./people.js";
import { csrTrainingDepartments, documentTrainingDepartments, onCurrentRevision, recordStandings, sessionVersion, type RecordDays, type SessionVersions } from "./training.js";
import type { ControlledDocument, Csr, Person, QmsConfig, TrainingSession } from "./types.js";

export interface TrainingCompletion {
  kind: "document" | "csr";
  id: string;
  /** The document version or the CSR's source revision to be trained on. */
  revision: string;
  /**
   * The day the training period starts (YYYY-MM-DD): a document version's day of taking effect
   * (`effective`, else its release date), a CSR's decision day; absent for a version imported
   * without a date (released, and trained on, before the repository: on the paper record).
   */
  start?: string;
  /** Department codes whose people are to be trained. */
  departments: string[];
  /** Person ids of people.yaml to be trained (in those departments, at work on the day), in people.yaml's order. */
  required: string[];
  /** Of `required`, those a session on the revision (held by the day) names or whose department it trained. */
  trained: string[];
  /** Of `required`, those not trained: `required` less `trained`. */
  missing: string[];
  /** How many sessions on the revision were held by the day (of any kind: people, a department, trainees outside people.yaml). */
  sessions: number;
  /** Trainees the sessions name who are not in people.yaml (e.g. 张三(1023)): recorded, not counted. */
  otherTrainees: string[];
  /** A CSR's record numbers given on their own for its current revision (`training.records`): who they trained is on the record itself. */
  recordsOnly: string[];
}

/**
 * Every revision needing training on `day` (YYYY-MM-DD) among `documents` (as on that day) and
 * `csrs`, documents first, each with who is to be and who was trained by that day. `people` are
 * people.yaml's; `recordDays` and `sessionVersions` date what only git tells (model/training.ts).
 */
export function trainingCompletion(documents: readonly ControlledDocument[], csrs: readonly Csr[], people: readonly Person[], config: QmsConfig | undefined, day: string, recordDays?: RecordDays, sessionVersions?: SessionVersions): TrainingCompletion[] {
  const outside = new Set((config?.external_parties ?? []).map((p) => p.code));
  const items: TrainingCompletion[] = [];
  for (const doc of documents) {
    const current = currentRevision(doc);
    if (doc.status !== "released" || doc.kind === "external" || !doc.training?.required || !current) continue;
    const sessions = (doc.training.sessions ?? []).filter((s) => s.date <= day && sessionVersion(doc, s, sessionVersions) === current.version);
    items.push(completion("document", doc.id, current.version, doc.effective ?? current.date, documentTrainingDepartments(doc, outside), sessions, [], people, day));
  }
  for (const csr of csrs) {
    const disposition = csr.review?.decision?.disposition;
    if (csr.superseded || !csr.training?.required || (disposition !== "must" && disposition !== "optional")) continue;
    const sessions = (csr.training.sessions ?? []).filter((s) => s.date <= day).filter(onCurrentRevision(csr));
    const records = recordStandings(csr, recordDays)
      .filter((r) => r.trained === "current")
      .map((r) => r.record);
    items.push(completion("csr", csr.id, csr.source.revision, csr.review!.decision!.date, csrTrainingDepartments(csr, config), sessions, records, people, day));
  }
  return items;
}

function completion(kind: TrainingCompletion["kind"], id: string, revision: string, start: string | undefined, departments: string[], sessions: readonly TrainingSession[], recordsOnly: string[], people: readonly Person[], day: string): TrainingCompletion {
  const required = people.filter((p) => departments.includes(p.department) && worksOn(p, day)).map((p) => p.id);
  const named = new Set(sessions.flatMap((s) => s.people ?? []));
  const departmentsTrained = new Set(sessions.flatMap((s) => (s.department === undefined ? [] : [s.department])));
  const isTrained = (id: string) => named.has(id) || departmentsTrained.has(people.find((p) => p.id === id)!.department);
  const trained = required.filter(isTrained);
  return {
    kind,
    id,
    revision,
    ...(start !== undefined ? { start } : {}),
    departments,
    required,
    trained,
    missing: required.filter((p) => !isTrained(p)),
    sessions: sessions.length,
    otherTrainees: [...new Set(sessions.flatMap((s) => s.trainees ?? []))],
    recordsOnly,
  };
}

/**
 * Where the training of a revision stands on `today` (YYYY-MM-DD), as doc/training-overdue and the
 * missing-training list (csr list training --missing) tell it: the revision takes effect on `start`
 * and its training is due `days` working days after (`due`, counted on `calendar`). Training comes
 * before the work (IATF 16949 7.2.2: on-the-job training for new or modified jobs, before the work):
 * - `before`: not yet in force; `count` working days until `start`;
 * - `in-force`: in force since `start`, due not passed; `count` working days left until `due`;
 * - `overdue`: `due` passed; `count` working days since it (at least 0: a day off right after it is 0).
 */
export type TrainingPhase = { phase: "before" | "in-force" | "overdue"; due: string; count: number };

export function trainingPhase(calendar: WorkCalendar, start: string, days: number, today: string): TrainingPhase {
  const due = calendar.addWorkdays(start, days);
  if (due < today) return { phase: "overdue", due, count: calendar.workdaysBetween(due, today) };
  if (start <= today) return { phase: "in-force", due, count: calendar.workdaysBetween(today, due) };
  return { phase: "before", due, count: calendar.workdaysBetween(today, start) };
}
