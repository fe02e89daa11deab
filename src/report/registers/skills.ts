/**
 * The skills matrix (多能工矩阵, `csr list skills`): the people who work at stations (operators, and anyone a station
 * or a level is recorded for) by row — 工号, 姓名, 部门 — and one column per station with their level on the day
 * (people.yaml `skills`, model/skills.ts): ◔ I 培训中, ◑ II 在指导下操作, ◕ III 独立操作, ● IV 能培训他人 on paper and
 * screen, I–IV in a CSV or workbook (which a spreadsheet sorts and csr reads back). Foot rows count the people at
 * work who may run each station alone (III or IV) and, when qms.yaml `skills.min_qualified` is above 0 (default 2),
 * mark the stations short of cover. IATF 16949 7.1.2, 7.2.1, 7.2.2, 8.5.1 e; GJB 9001C 7.2 (上岗资格).
 * A level III or IV whose station's work instruction took effect in a new revision after it, not trained since, is
 * marked (*) and said in a note under the table (model/skills.ts staleQualification).
 */
import { localized } from "../../core/text.js";
import { trainingSessionVersions } from "../../load/training-records.js";
import { worksOn } from "../../model/people.js";
import { opKey } from "../../model/characteristics.js";
import { keyOperations } from "../../model/key-parts.js";
import { knownStations, minQualified, qualifiedAt, skillLevelOn, skillRecordOn, staleQualification, SKILL_LEVELS } from "../../model/skills.js";
import type { Person, SkillLevel } from "../../model/types.js";
import type { Cell, Table } from "../table.js";
import { departmentName, documentsOn, peopleOf, t, type RegisterContext } from "./context.js";

/** The marks of levels I to IV on paper and screen (a quarter to a full circle, as supervisors draw them). */
export const LEVEL_MARKS: Record<SkillLevel, string> = { I: "◔", II: "◑", III: "◕", IV: "●" };

export interface SkillsOptions {
  today: string;
  /** The people of this department only (its code). */
  department?: string;
  /** This station's column only. */
  station?: string;
  /** Levels written I–IV (CSV, workbook, JSON: read back) instead of ◔ ◑ ◕ ●. */
  letters?: boolean;
}

/** Column keys of the stations: `at:OP20` (a station code may be any code, even one of the person columns' keys). */
const stationKey = (station: string) => `at:${station}`;

export function skillsMatrix(ctx: RegisterContext, options: SkillsOptions): Table {
  const { today } = options;
  const documents = documentsOn(ctx, today).list;
  const everyone = peopleOf(ctx);
  const all = knownStations(documents, everyone);
  const stations = options.station === undefined ? all : all.filter((s) => s === options.station);
  const atStations = (p: Person) => p.operator === true || (p.stations ?? []).length > 0 || (p.skills ?? []).some((r) => r.date <= today);
  const people = everyone.filter((p) => worksOn(p, today) && atStations(p) && (options.department === undefined || p.department === options.department) && (options.station === undefined || (p.stations ?? []).includes(options.station) || skillRecordOn(p, options.station, today) !== undefined));
  const versions = trainingSessionVersions(ctx.repo);
  const min = minQualified(ctx.repo.config?.value);
  const notes: string[] = [];
  const rows: Record<string, Cell>[] = people.map((p) => {
    const row: Record<string, Cell> = { number: p.number ?? "", name: localized(ctx.lang, p.name, p.name_en), department: departmentName(ctx, p.department) };
    for (const station of stations) {
      const level = skillLevelOn(p, station, today);
      let cell = level === undefined ? "" : options.letters ? level : LEVEL_MARKS[level];
      const record = skillRecordOn(p, station, today);
      const stale = record ? staleQualification(p, record, documents, today, versions) : [];
      if (stale.length > 0) {
        cell += "*";
        for (const s of stale) notes.push(t(ctx, "register.skills.stale", { person: row.name as string, station, document: s.document, version: s.version, effective: s.effective, date: record!.date }));
      }
      row[stationKey(station)] = cell;
    }
    return row;
  });
  // The people of the whole repository count for cover, not only the department listed: an absence is covered by whoever may run the station.
  const counts = stations.map((s) => qualifiedAt(everyone, s, today).length);
  const foot: Record<string, Cell>[] = [{ number: "", name: t(ctx, "register.skills.qualified-count"), department: "", ...Object.fromEntries(stations.map((s, i) => [stationKey(s), counts[i]!])) }];
  if (min > 0) foot.push({ number: "", name: t(ctx, "register.skills.short", { min }), department: "", ...Object.fromEntries(stations.map((s, i) => [stationKey(s), counts[i]! < min ? t(ctx, "register.skills.short-mark") : ""])) });
  const short = stations.filter((_, i) => counts[i]! < min);
  const department = options.department === undefined ? undefined : departmentName(ctx, options.department);
  const filter = department ?? options.station;
  return {
    id: "skills",
    title: t(ctx, filter === undefined ? "register.skills.title" : "register.skills.title-filtered", { date: today, filter: filter ?? "" }),
    asOf: { date: today, undatedTitle: t(ctx, filter === undefined ? "register.skills.title-undated" : "register.skills.title-filtered-undated", { filter: filter ?? "" }) },
    ...(filter !== undefined ? { filtered: { filter, register: t(ctx, "register.skills.register"), command: "csr list skills", name: `skills-${options.department ?? options.station}` } } : {}),
    sheet: t(ctx, "register.skills.sheet"),
    landscape: true,
    // A site's CSV and workbook of the matrix write the levels I–IV, as csr list skills --format csv|xlsx does.
    ...(options.letters ? {} : { downloadAs: skillsMatrix(ctx, { ...options, letters: true }) }),
    columns: [
      { key: "number", header: t(ctx, "register.skills.column.number"), kind: "code" },
      { key: "name", header: t(ctx, "register.skills.column.name"), kind: "name" },
      { key: "department", header: t(ctx, "register.skills.column.department"), kind: "name" },
      ...stations.map((s) => ({ key: stationKey(s), header: s, kind: "mark" as const })),
    ],
    rows: [...rows, ...foot],
    notes: [
      t(ctx, "register.skills.legend", { marks: SKILL_LEVELS.map((l) => t(ctx, options.letters ? "register.skills.legend-letter" : "register.skills.legend-item", { mark: LEVEL_MARKS[l], level: l, name: t(ctx, `value.skill-level.${l}`) })).join(t(ctx, "register.skills.legend-separator")) }),
      ...(stations.length === 0 ? [t(ctx, "register.skills.no-stations")] : []),
      ...(min > 0 ? [short.length > 0 ? t(ctx, "register.skills.short-note", { min, stations: short.join(t(ctx, "register.list-separator")), count: short.length }) : t(ctx, "register.skills.covered-note", { min })] : [t(ctx, "register.skills.min-off")]),
      ...keyOperationNotes(ctx, stations, today),
      ...notes,
    ],
    listHints: people.length === 0 ? [t(ctx, "register.skills.hint-none")] : short.length > 0 ? [t(ctx, "register.skills.hint-short", { station: short[0]! })] : [],
  };
}

/**
 * The stations of the matrix that a released document marks 关键工序 (`key_operations`; GJB 9001C-2017 8.5.1 关键过程), with
 * the documents marking them: their operators hold level III or IV (持证上岗; person/key-operation-uncertified). A note, not a
 * column header, so that the matrix's CSV and workbook read back with the station codes as they are.
 */
function keyOperationNotes(ctx: RegisterContext, stations: readonly string[], today: string): string[] {
  const marked = keyOperations(documentsOn(ctx, today).list);
  const shown = stations.filter((s) => marked.has(opKey(s)));
  if (shown.length === 0) return [];
  const separator = t(ctx, "register.list-separator");
  return [t(ctx, "register.skills.key-operations", { operations: shown.map((s) => t(ctx, "register.skills.key-operation", { station: s, documents: marked.get(opKey(s))!.join(separator) })).join(separator) })];
}
