/**
 * Where the training on a document's current version stands on a day, as its card (csr show) and its
 * page of csr site say it above the sessions recorded with csr train: the reading of
 * doc/training-overdue and csr list training --missing (trainingPhase; IATF 16949 7.2.2, training due
 * within `document_control.training_days` working days of the version taking effect).
 */
import { translate, type Lang } from "../i18n/index.js";
import type { WorkCalendar } from "./calendar.js";
import { DEFAULT_TRAINING_DAYS } from "./distribution.js";
import { currentRevision } from "./index.js";
import { trainingPhase } from "./training-completion.js";
import { documentTrained, sessionVersion, type SessionVersions } from "./training.js";
import type { ControlledDocument, QmsConfig, TrainingSession } from "./types.js";

/**
 * `trained` once a session on the current version is recorded; else, while one is required, the
 * phase of trainingPhase (`before` the version takes effect on `start`, `in-force` with nobody trained,
 * `overdue` after `due`; `count` its working days as trainingPhase counts them), or `undated` for a
 * version imported without a date (its training is on paper); `not-required` when the document is not
 * marked `training: {required: true}` or is not released.
 */
export type DocumentTrainingState = { version: string } & ({ state: "trained" | "undated" | "not-required" } | { state: "before" | "in-force" | "overdue"; start: string; due: string; count: number });

/** The DocumentTrainingState of `doc` on `today` (YYYY-MM-DD); undefined for a document without a version. */
export function documentTrainingState(doc: ControlledDocument, config: QmsConfig | undefined, calendar: WorkCalendar, today: string, versions?: SessionVersions): DocumentTrainingState | undefined {
  const current = currentRevision(doc);
  if (current === undefined) return undefined;
  const version = current.version;
  if (documentTrained(doc, version, versions)) return { version, state: "trained" };
  if (doc.status !== "released" || !doc.training?.required) return { version, state: "not-required" };
  const start = doc.effective ?? current.date;
  if (start === undefined) return { version, state: "undated" };
  const { phase, due, count } = trainingPhase(calendar, start, config?.document_control?.training_days ?? DEFAULT_TRAINING_DAYS, today);
  return { version, state: phase, start, due, count };
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

export function documentTrainingRecord(doc: ControlledDocument, config: QmsConfig | undefined, calendar: WorkCalendar, today: string, versions: () => SessionVersions): DocumentTrainingRecord | undefined {
  const sessions = [...(doc.training?.sessions ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!doc.training?.required && sessions.length === 0) return undefined;
  // A session that names its revision needs nothing from git (sessionVersion).
  const read = sessions.some((s) => s.revision === undefined) ? versions() : undefined;
  const state = documentTrainingState(doc, config, calendar, today, read);
  return { ...(state ? { state } : {}), sessions: sessions.map((session) => ({ session, version: sessionVersion(doc, session, read) })) };
}

/** A DocumentTrainingState in `lang`, as the card and the page print it: `A/2 已培训`, `A/2 需要培训：…，应于 2026-12-16 前完成`. */
export function documentTrainingText(lang: Lang, state: DocumentTrainingState): string {
  if (state.state === "not-required") return translate(lang, "train.state.not-required");
  return translate(lang, `show.document.training.${state.state}`, { version: state.version, ...("due" in state ? { start: state.start, due: state.due } : {}) });
}
