/**
 * `csr qualify <person> --station OP20 --level III --date D --by <assessor> [--evidence N]`: records a person's
 * qualification level at a station (多能工矩阵; IATF 16949 7.2.1, 7.2.2, 8.5.1 e; GJB 9001C 7.2 上岗资格) in
 * people.yaml `skills`, as a history: a later record of the same station supersedes the earlier one, which stays.
 * `--withdraw --reason <text>` (or `--level 0`) withdraws it. Levels: I 培训中, II 在指导下操作, III 独立操作,
 * IV 能培训他人 (also 1–4 and the Chinese words: model/skills.ts skillLevelOf).
 *
 * Refused (UserError, one line, nothing written): an unknown person, or one not at work on the day (before they
 * joined, after they left: resolvePerson); a station no work instruction names and nobody works at (with the commands that add it);
 * an assessor who is the person, an operator, or neither at IV at the station on the day nor with the reviewer or
 * approver role (the 班组长/主管 who signs; model decision documented in docs/skills.md); a level III or IV without a
 * completed training on the revision in force of each work instruction of the station (naming the csr train command:
 * IATF 16949 7.2.2, trained before working alone); a date before the station's latest record (it would not change
 * the level, only hide the order of the history); a withdrawal without a reason or of no level.
 */
import { isSeq, type Document } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { trainingSessionVersions } from "../../load/training-records.js";
import { independent, knownStations, minQualified, qualifiedAt, skillLevelOf, skillRecordOn, stationInstructions, trainedOn, trainingRevisionOn } from "../../model/skills.js";
import type { Person, SkillLevel, SkillRecord } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";
import { personLabel, resolvePerson } from "../shared/people.js";

export interface QualifyFlags {
  station?: string;
  level?: string;
  date?: string;
  by?: string;
  evidence?: string;
  withdraw?: boolean;
  reason?: string;
  yes?: boolean;
  commit?: boolean;
}

/** schemas/common.schema.json code, as csr person --station takes a station. */
const STATION = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export async function qualifyCommand(ctx: CommandContext, given: string, flags: QualifyFlags): Promise<number> {
  return withEditSession(ctx, true, undefined, async (session) => {
    // A level is recorded when assessed: not on a day still to come (as every dated record, date/in-future).
    const date = eventDateOption(flags.date, "--date");
    const person = resolvePerson(session.index, given, "<person>", date);
    const label = personLabel(session.index, person.id);
    const station = stationOption(session, person, flags.station);
    const level = levelOption(flags);
    const people = session.repo.people.map((p) => p.value);
    const latest = skillRecordOn(person, station, "9999-12-31");
    if (latest && date < latest.date) throw new UserError(t("qualify.before-latest", { date, station, latest: latest.date, level: recordText(latest) }));
    if (flags.by === undefined) throw new UserError(t("qualify.needs-by"));
    const by = resolvePerson(session.index, flags.by, "--by", date);
    refuseAssessor(session, person, by, station, date);
    const evidence = flags.evidence?.trim() || undefined;
    const reason = flags.reason?.trim() || undefined;
    let record: SkillRecord;
    if (level === 0) {
      if (!reason) throw new UserError(t("qualify.needs-reason"));
      const held = skillRecordOn(person, station, date);
      if (!held || held.withdrawn) throw new UserError(t("qualify.nothing-to-withdraw", { person: label, station }));
      record = { station, withdrawn: true, date, by: by.id, ...(evidence ? { evidence } : {}), reason };
    } else {
      if (reason) throw new UserError(t("qualify.reason-without-withdraw"));
      if (independent(level)) refuseUntrained(session, person, station, level, date);
      record = { station, level, date, by: by.id, ...(evidence ? { evidence } : {}) };
    }
    if (latest && JSON.stringify(latest) === JSON.stringify(record)) {
      ctx.stdout(`${t("qualify.same", { person: label, station, date, level: recordText(latest) })}\n`);
      return 0;
    }
    const located = session.repo.people.find((p) => p.value.id === person.id)!;
    const change = editFile(session.root, located.file.path, "people", (doc) => appendRecord(doc, [...located.path, "skills"], record));
    const after = { ...person, skills: [...(person.skills ?? []), record] };
    const min = minQualified(session.repo.config?.value);
    const count = qualifiedAt(people.map((p) => (p.id === person.id ? after : p)), station, date).length;
    const lines = [
      level === 0
        ? t("qualify.withdrawn", { person: label, station, level: recordText(latest!), date, by: personLabel(session.index, by.id), reason: reason! })
        : t("qualify.recorded", { person: label, station, level, name: t(`value.skill-level.${level}`), date, by: personLabel(session.index, by.id), evidence: evidence ? t("qualify.evidence", { evidence }) : "" }),
      ...(latest && level !== 0 ? [t("qualify.supersedes", { date: latest.date, level: recordText(latest), by: personLabel(session.index, latest.by) })] : []),
      ...(min > 0 ? [t(count < min ? "qualify.cover-short" : "qualify.cover", { station, count, min, date })] : []),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("qualify.commit", { id: person.id, station, level: level === 0 ? t("qualify.commit-withdrawn") : level, date }) });
    return 0;
  });
}

/** I–IV with its name (III 独立操作), or 撤销 for a withdrawal. */
function recordText(record: SkillRecord): string {
  return record.withdrawn || record.level === undefined ? t("qualify.withdrawn-level") : t("qualify.level", { level: record.level, name: t(`value.skill-level.${record.level}`) });
}

/** --level / --withdraw: the level, or 0 for a withdrawal. Errors: UserError when neither is given, both are, or the level is unknown. */
function levelOption(flags: QualifyFlags): SkillLevel | 0 {
  if (flags.level === undefined) {
    if (flags.withdraw) return 0;
    throw new UserError(t("qualify.needs-level"));
  }
  const level = skillLevelOf(flags.level);
  if (level === undefined) throw new UserError(t("qualify.bad-level", { level: flags.level }));
  if (flags.withdraw && level !== 0) throw new UserError(t("qualify.level-and-withdraw", { level: flags.level }));
  return level;
}

/**
 * --station: a station code the repository knows (model/skills.ts knownStations: a work instruction names it, someone
 * works at it or is qualified at it). Errors: UserError for none given, not a code, or unknown (with the two commands
 * that make it known and the nearest known station).
 */
function stationOption(session: EditSession, person: Person, given: string | undefined): string {
  if (given === undefined || given.trim() === "") throw new UserError(t("qualify.needs-station"));
  const station = given.normalize("NFKC").trim();
  if (!STATION.test(station)) throw new UserError(t("person.bad-station", { station }));
  const known = knownStations(session.repo.documents.map((d) => d.value), session.repo.people.map((p) => p.value));
  const same = known.find((s) => s.toLowerCase() === station.toLowerCase());
  if (same) return same;
  throw new UserError(t("qualify.unknown-station", { station, person: shellArgument(person.id) }) + didYouMean(station, known));
}

/**
 * Who may assess (评定人): somebody else, not an operator (an operator trains, but the sign-off of a level is the
 * supervisor's: IATF 16949 7.2.2 / GJB 9001C 7.2 上岗资格 by the organisation), who either is qualified IV at the
 * station on the day (能培训他人: e.g. the 班组长 of the line) or has the reviewer or approver role (the 主管 or
 * manager who signs documents). Errors: UserError naming the reason.
 */
function refuseAssessor(session: EditSession, person: Person, by: Person, station: string, date: string): void {
  const label = personLabel(session.index, by.id);
  if (by.id === person.id) throw new UserError(t("qualify.by-self", { by: label }));
  if (by.operator) throw new UserError(t("qualify.by-operator", { by: label }));
  const iv = skillRecordOn(by, station, date);
  if (!iv?.withdrawn && iv?.level === "IV") return;
  if (by.roles.includes("reviewer") || by.roles.includes("approver")) return;
  throw new UserError(t("qualify.by-unqualified", { by: label, station, date }));
}

/**
 * A level III or IV needs a completed training on each work instruction of the station in force on the day
 * (model/skills.ts trainedOn), before the person works alone (IATF 16949 7.2.2). Errors: UserError naming the
 * instructions and their versions, with the csr train command for the first.
 */
function refuseUntrained(session: EditSession, person: Person, station: string, level: SkillLevel, date: string): void {
  const versions = trainingSessionVersions(session.repo);
  const missing = stationInstructions(session.repo.documents.map((d) => d.value), station).flatMap((doc) => {
    const training = trainingRevisionOn(doc, date);
    return training && !trainedOn(person, doc, training.versions, date, versions) ? [{ id: doc.id, version: training.revision.version }] : [];
  });
  if (missing.length === 0) return;
  throw new UserError(
    t("qualify.untrained", { person: personLabel(session.index, person.id), station, level, date, documents: list(missing.map((m) => `${m.id} ${m.version}`)), count: missing.length }),
    t("qualify.untrained.hint", { document: shellArgument(missing[0]!.id), id: shellArgument(person.id) }),
  );
}

/** Appends the record to the person's `skills` as one flow-style line, creating the list after the other fields. */
function appendRecord(doc: Document.Parsed, path: (string | number)[], record: SkillRecord): void {
  const node = doc.createNode(record, { flow: true });
  const existing = doc.getIn(path, true);
  if (isSeq(existing)) existing.add(node);
  else doc.setIn(path, doc.createNode([node]));
}
