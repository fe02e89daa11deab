/**
 * Where the training on a document's current version stands on a day, as its card (csr show) and its
 * page of csr site say it above the sessions recorded with csr train: the reading of
 * doc/training-overdue and csr list training --missing (trainingPhase; IATF 16949 7.2.2, training due
 * by the day the version takes effect, a newcomer's within `document_control.training_days` working days of joining).
 */
import { translate, type Lang } from "../i18n/index.js";
import type { WorkCalendar } from "./calendar.js";
import { DEFAULT_TRAINING_DAYS } from "./distribution.js";
import { currentRevision } from "./index.js";
import { completionState, documentCompletion, personTrainingPeriod, trainingDue, trainingPhase, type TrainedCount } from "./training-completion.js";
import { documentTrained, sessionVersion, type SessionVersions } from "./training.js";
import type { ControlledDocument, Person, QmsConfig, TrainingSession } from "./types.js";

/**
 * `trained` once everyone to be trained on the current version is (completionState: the people of people.yaml in the
 * departments concerned, as csr list training --missing lists them; where nobody of them is in people.yaml, once a
 * session on it is recorded); else, while one is required, the phase of trainingPhase (`before` the version takes
 * effect on `start`, `in-force`, `overdue` after `due`; `count` its working days as trainingPhase counts them) with
 * `people` (TrainedCount) once some are trained or a session is recorded (部分培训 2/9 人, breaker63 P1), or `undated` for a
 * version imported without a date (its training is on paper); `not-required` when the document is not marked
 * `training: {required: true}` or is not released (then `trained` once a session on the version is recorded).
 */
export type DocumentTrainingState = { version: string } & ({ state: "trained" | "undated" | "not-required" } | { state: "before" | "in-force" | "overdue"; start: string; due: string; count: number; ahead: boolean; people?: TrainedCount });

/** The DocumentTrainingState of `doc` on `today` (YYYY-MM-DD), `people` those of people.yaml; undefined for a document without a version. */
export function documentTrainingState(doc: ControlledDocument, config: QmsConfig | undefined, calendar: WorkCalendar, people: readonly Person[], today: string, versions?: SessionVersions): DocumentTrainingState | undefined {
  const current = currentRevision(doc);
  if (current === undefined) return undefined;
  const version = current.version;
  const item = documentCompletion(doc, people, config, today, versions);
  if (item === undefined) return { version, state: documentTrained(doc, version, versions) ? "trained" : "not-required" };
  // After an editorial revision, the version to be trained on is the last that changed the work (documentCompletion).
  const trainedVersion = item.revision;
  const reading = completionState(item);
  if (reading === "trained") return { version: trainedVersion, state: "trained" };
  if (item.start === undefined) return { version: trainedVersion, state: "undated" };
  const days = config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS;
  // The soonest deadline of those still to train: a newcomer's runs from their first day (personTrainingPeriod, tester72 Q2).
  const periods = item.missing.map((id) => personTrainingPeriod(item, people.find((p) => p.id === id))!);
  const period = periods.sort((a, b) => trainingDue(calendar, a.start, days, a.ahead).localeCompare(trainingDue(calendar, b.start, days, b.ahead)))[0] ?? { start: item.start, ahead: item.ahead };
  const { phase, due, count } = trainingPhase(calendar, period.start, days, today, period.ahead);
  return { version: trainedVersion, state: phase, start: item.start, due, count, ahead: period.ahead, ...(reading === "partial" ? { people: { trained: item.trained.length, required: item.required.length, trainers: item.trainers.length } } : {}) };
}

/**
 * The training on a document as its card (csr show) and its page of csr site print it: where the training
 * on its current version stands on `today` (documentTrainingState; undefined for a document without a
 * version), and each session recorded, oldest first, with the version it trained (sessionVersion).
 * `versions` gives the versions of the sessions written without one (load/training-records.ts
 * trainingSessionVersions, read from git); asked only when such a session is recorded. Undefined for a
 * document not marked as needing training and without a session (IATF 16949 7.2.2).
 */
export interface DocumentTrainingRecord {
  state?: DocumentTrainingState;
  sessions: { session: TrainingSession; version: string | undefined }[];
}

export function documentTrainingRecord(doc: ControlledDocument, config: QmsConfig | undefined, calendar: WorkCalendar, people: readonly Person[], today: string, versions: () => SessionVersions): DocumentTrainingRecord | undefined {
  const sessions = [...(doc.training?.sessions ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!doc.training?.required && sessions.length === 0) return undefined;
  // A session that names its revision needs nothing from git (sessionVersion).
  const read = sessions.some((s) => s.revision === undefined) ? versions() : undefined;
  const state = documentTrainingState(doc, config, calendar, people, today, read);
  return { ...(state ? { state } : {}), sessions: sessions.map((session) => ({ session, version: sessionVersion(doc, session, read) })) };
}

/** A DocumentTrainingState in `lang`, as the card and the page print it: `A/2 已培训`, `A/2 需要培训：…，应于 2026-12-16 前完成`, `A/2 部分培训（已培训 2/9 人）：…`. */
export function documentTrainingText(lang: Lang, state: DocumentTrainingState): string {
  if (state.state === "not-required") return translate(lang, "train.state.not-required");
  if (!("due" in state)) return translate(lang, `show.document.training.${state.state}`, { version: state.version });
  const data = { version: state.version, start: state.start, due: state.due, ...state.people };
  // Released ahead of taking effect, its training is due by that day (trainingDue): no later day to name.
  const key = state.state === "before" && state.ahead ? "before-ahead" : state.state;
  return state.people ? translate(lang, `show.document.training.partial.${key}`, data) : translate(lang, `show.document.training.${key}`, data);
}
