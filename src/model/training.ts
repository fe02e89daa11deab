/**
 * Trainings still to be given (IATF 16949 7.2.2, 7.3.2; the CSR procedure's training step): a
 * released document marked `training: {required: true}` is trained on its current version, a
 * decided CSR (must / optional) marked so on its source revision. It is open until a session on
 * that revision is recorded (for a CSR, or a record number), and its deadline is
 * `document_control.training_days` working days (default 20) from the day the version took effect
 * or the CSR was decided: the same facts as doc/training-overdue and csr/training-overdue report
 * once the deadline has passed. It concerns the people of the departments concerned: a document's
 * own department and those holding a controlled copy in force (not an outside party holding one:
 * the 军代表室 is not trained by the organisation); the departments a CSR was distributed to and
 * those that reviewed it.
 */
import type { WorkCalendar } from "./calendar.js";
import { requiredDepartments } from "./csr-status.js";
import { copiesInForce, csrDistributedDepartments, DEFAULT_TRAINING_DAYS } from "./distribution.js";
import { currentRevision } from "./index.js";
import type { ControlledDocument, Csr, QmsConfig } from "./types.js";

export interface OpenTraining {
  kind: "document" | "csr";
  id: string;
  /** The document version or the CSR's source revision the training is on. */
  revision: string;
  /** Training is due by this day (YYYY-MM-DD). */
  due: string;
  /** Department codes whose people are to be trained. */
  departments: string[];
}

/**
 * Where a CSR's training stands, as the review report, the site and `csr show` print it:
 * `trained` once a session on its current source revision is recorded (or a record number, which
 * says nothing of the revision and csr/training-overdue counts as done), `open` while it is
 * required and none is, `not-required` otherwise.
 */
export type CsrTrainingState = "trained" | "open" | "not-required";

export function csrTrainingState(csr: Csr): CsrTrainingState {
  const training = csr.training;
  if ((training?.sessions ?? []).some((s) => s.revision === csr.source.revision) || (training?.records ?? []).length > 0) return "trained";
  return training?.required ? "open" : "not-required";
}

export function openTrainings(documents: readonly ControlledDocument[], csrs: readonly Csr[], config: QmsConfig | undefined, calendar: WorkCalendar): OpenTraining[] {
  const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
  const trained = (sessions: { revision?: string }[] | undefined, revision: string) => (sessions ?? []).some((s) => s.revision === revision);
  const open: OpenTraining[] = [];
  const outside = new Set((config?.external_parties ?? []).map((p) => p.code));
  for (const doc of documents) {
    const current = currentRevision(doc);
    if (doc.status !== "released" || !doc.training?.required || !current || trained(doc.training.sessions, current.version)) continue;
    // A version imported without a date was released, and trained on, before the repository: its record is on paper.
    const from = doc.effective ?? current.date;
    if (from === undefined) continue;
    open.push({
      kind: "document",
      id: doc.id,
      revision: current.version,
      due: calendar.addWorkdays(from, days),
      departments: [...new Set([doc.department, ...copiesInForce(doc).map((c) => c.to).filter((to) => !outside.has(to))])],
    });
  }
  for (const csr of csrs) {
    const decision = csr.review?.decision;
    if (csr.superseded || !decision || (decision.disposition !== "must" && decision.disposition !== "optional")) continue;
    if (csrTrainingState(csr) !== "open") continue;
    open.push({
      kind: "csr",
      id: csr.id,
      revision: csr.source.revision,
      due: calendar.addWorkdays(decision.date, days),
      departments: [...new Set([...csrDistributedDepartments(csr), ...requiredDepartments(csr, config), ...(csr.review?.opinions ?? []).map((o) => o.department)])],
    });
  }
  return open;
}
