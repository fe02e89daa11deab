/**
 * The skills matrix (多能工矩阵): each person's qualification level at each station (people.yaml `skills`, written by
 * csr qualify), as an auditor asks it (IATF 16949 7.2.1, 7.2.2, 8.5.1 e, 7.1.2; GJB 9001C 7.2 上岗资格): who may run
 * a station alone on a day, since when, who assessed it, and whether each station has cover. Levels: I 培训中 (in
 * training), II 在指导下操作 (works under supervision), III 独立操作 (works alone), IV 能培训他人 (can train others).
 * A person's records are a history: the latest record of a station dated by the day is the level then (a
 * withdrawal, `withdrawn`, takes it away), the earlier ones stay.
 */
import { revisionInForce, revisionEffective } from "./index.js";
import { worksOn } from "./people.js";
import { personSessionWay } from "./training-person.js";
import { evaluatedIneffective, sessionVersion, type SessionVersions } from "./training.js";
import type { ControlledDocument, Person, QmsConfig, Revision, SkillLevel, SkillRecord } from "./types.js";

export const SKILL_LEVELS: readonly SkillLevel[] = ["I", "II", "III", "IV"];

/** What qms.yaml `skills.min_qualified` is when not set: two people at level III or IV per station, so that one absence (leave, sickness, the other shift) still leaves one who may run it alone. */
export const DEFAULT_MIN_QUALIFIED = 2;

/** How many people each station needs at level III or IV (qms.yaml `skills.min_qualified`; DEFAULT_MIN_QUALIFIED when not set; 0: not checked). */
export function minQualified(config: QmsConfig | undefined): number {
  return config?.skills?.min_qualified ?? DEFAULT_MIN_QUALIFIED;
}

/** 1 to 4 for I to IV; 0 for none (no record, or withdrawn). */
export function levelRank(level: SkillLevel | undefined): number {
  return level === undefined ? 0 : SKILL_LEVELS.indexOf(level) + 1;
}

/** Whether a level lets its holder run the station alone (III 独立操作 or IV 能培训他人). */
export function independent(level: SkillLevel | undefined): boolean {
  return levelRank(level) >= 3;
}

/** The words a supervisor writes for each level, beside I–IV, 1–4 and Ⅰ–Ⅳ (in lower case, without spaces). */
const LEVEL_WORDS: Record<string, SkillLevel | 0> = {
  培训中: "I",
  在培训: "I",
  学习中: "I",
  在指导下操作: "II",
  指导下操作: "II",
  在指导下工作: "II",
  独立操作: "III",
  能独立操作: "III",
  可独立操作: "III",
  能培训他人: "IV",
  可培训他人: "IV",
  能指导他人: "IV",
  培训他人: "IV",
  ⅰ: "I",
  ⅱ: "II",
  ⅲ: "III",
  ⅳ: "IV",
};

/**
 * The level a person typed (`--level`): I–IV in any letter case or as Ⅰ–Ⅳ, 1–4, the Chinese words of the levels
 * (培训中/在培训, 在指导下操作, 独立操作, 能培训他人); 0 for a withdrawal (0, 撤销, 取消); undefined for anything else.
 */
export function skillLevelOf(given: string): SkillLevel | 0 | undefined {
  const text = given.normalize("NFKC").trim().replace(/\s+/g, "").replace(/^(level|等级|级别)/i, "").replace(/级$/, "");
  const upper = text.toUpperCase();
  if ((SKILL_LEVELS as readonly string[]).includes(upper)) return upper as SkillLevel;
  if (/^[0-4]$/.test(text)) return text === "0" ? 0 : SKILL_LEVELS[Number(text) - 1]!;
  if (["撤销", "取消", "withdrawn", "withdraw"].includes(text.toLowerCase())) return 0;
  return LEVEL_WORDS[text.toLowerCase()] ?? LEVEL_WORDS[given.trim().toLowerCase()];
}

/** The record of `person`'s level at `station` on `day` (YYYY-MM-DD): the latest dated by then (the later one written on the same day); undefined when none. A withdrawal is returned as such. */
export function skillRecordOn(person: Pick<Person, "skills">, station: string, day: string): SkillRecord | undefined {
  let found: SkillRecord | undefined;
  for (const record of person.skills ?? []) if (record.station === station && record.date <= day && (found === undefined || record.date >= found.date)) found = record;
  return found;
}

/** `person`'s level at `station` on `day`: undefined when none was recorded by then or it was withdrawn. */
export function skillLevelOn(person: Pick<Person, "skills">, station: string, day: string): SkillLevel | undefined {
  const record = skillRecordOn(person, station, day);
  return record?.withdrawn ? undefined : record?.level;
}

/**
 * Since when `person` has run `station` alone without a break up to `day` (the first day of the last run of records
 * at III or IV dated by then): an auditor's "since when"; undefined when not at III or IV on `day`.
 */
export function independentSince(person: Pick<Person, "skills">, station: string, day: string): string | undefined {
  const records = (person.skills ?? []).filter((r) => r.station === station && r.date <= day).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let since: string | undefined;
  for (const record of records) since = !record.withdrawn && independent(record.level) ? (since ?? record.date) : undefined;
  return since;
}

/**
 * The stations known to the repository, sorted (OP10 before OP100): those a work instruction names (`stations` of a
 * document not obsolete), those people work at (people.yaml `stations`) and those a qualification names.
 */
export function knownStations(documents: readonly ControlledDocument[], people: readonly Person[]): string[] {
  const stations = new Set<string>();
  for (const doc of documents) if (doc.status !== "obsolete") for (const s of doc.stations ?? []) stations.add(s);
  for (const person of people) {
    for (const s of person.stations ?? []) stations.add(s);
    for (const r of person.skills ?? []) if (typeof r?.station === "string") stations.add(r.station);
  }
  return [...stations].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** The released work instructions (any released document) naming `station` among their `stations`, in the order given. */
export function stationInstructions(documents: readonly ControlledDocument[], station: string): ControlledDocument[] {
  return documents.filter((d) => d.status === "released" && (d.stations ?? []).includes(station));
}

/**
 * The people at work on `day` qualified III or IV at `station` then, in the order given: who may run it alone
 * (IATF 16949 8.5.1 e; 7.1.2: enough people for the work).
 */
export function qualifiedAt(people: readonly Person[], station: string, day: string): Person[] {
  return people.filter((p) => worksOn(p, day) && independent(skillLevelOn(p, station, day)));
}

/**
 * The revision of `doc` whose training counts on `day` and the versions a session on it may name: the revision in
 * force that day, back to the last one that changed the work (an editorial revision needs no training of its own,
 * as documentCompletion counts it); undefined before the document took effect.
 */
export function trainingRevisionOn(doc: ControlledDocument, day: string): { revision: Revision; versions: Set<string> } | undefined {
  const inForce = revisionInForce(doc, day);
  if (!inForce) return undefined;
  const revisions = doc.revisions ?? [];
  let base = revisions.indexOf(inForce);
  while (base > 0 && revisions[base]!.editorial) base--;
  return { revision: revisions[base]!, versions: new Set(revisions.slice(base, revisions.indexOf(inForce) + 1).map((r) => r.version)) };
}

/**
 * Whether a session held by `day` on `versions` of `doc` trained `person` (named, with their department when it
 * names its trainees, or as its trainer), not failed by them nor evaluated not effective by `day`: a completed
 * training (IATF 16949 7.2.2). A department's session naming nobody (名单见签到表) does not tell who attended.
 */
export function trainedOn(person: Person, doc: ControlledDocument, versions: ReadonlySet<string>, day: string, sessionVersions?: SessionVersions): boolean {
  return (doc.training?.sessions ?? []).some((s) => {
    if (s.date > day || !versions.has(sessionVersion(doc, s, sessionVersions) ?? "")) return false;
    const way = personSessionWay(person, s);
    return way !== undefined && way !== "sign-in" && !(s.failed ?? []).includes(person.id) && !evaluatedIneffective(s, day);
  });
}

/** A work instruction revised after a person's qualification, on which they were not trained since (staleQualification). */
export interface UntrainedRevision {
  document: string;
  version: string;
  /** The day it took effect (YYYY-MM-DD). */
  effective: string;
}

/**
 * For a qualification at III or IV (`record`): the work instructions of its station (`documents`, as on `day`) whose
 * revision that changed the work took effect after the qualification's date, by `day`, and on which the person
 * was not trained by `day` (IATF 16949 7.2.2: training for changed work; the level no longer shows they can do
 * the work as it is now). [] for a lower level or a withdrawal.
 */
export function staleQualification(person: Person, record: SkillRecord, documents: readonly ControlledDocument[], day: string, sessionVersions?: SessionVersions): UntrainedRevision[] {
  if (record.withdrawn || !independent(record.level)) return [];
  const found: UntrainedRevision[] = [];
  for (const doc of stationInstructions(documents, record.station)) {
    const training = trainingRevisionOn(doc, day);
    if (!training) continue;
    const effective = revisionEffective(doc, (doc.revisions ?? []).indexOf(training.revision));
    if (effective <= record.date) continue;
    if (!trainedOn(person, doc, training.versions, day, sessionVersions)) found.push({ document: doc.id, version: training.revision.version, effective });
  }
  return found;
}
