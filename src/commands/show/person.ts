/**
 * `csr show <person>` (id, name or 工号, when no CSR, document, customer or supplier has it): the person's card — 工号,
 * department, title, roles, stations, first and last day — and their qualification levels at stations
 * (多能工矩阵, people.yaml `skills`): each station's level on the day with since when they may run it alone, who
 * assessed it and its record, a level III or IV whose station's work instruction took effect in a new revision since
 * and was not trained on (model/skills.ts staleQualification), then the earlier records (history, superseded or
 * withdrawn). An auditor's question: who may run OP20 alone, since when, signed off by whom (IATF 16949 7.2.2, 8.5.1 e;
 * GJB 9001C 7.2 上岗资格).
 */
import { displayWidth, localized, padEnd, visible } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { trainingSessionVersions } from "../../load/training-records.js";
import type { Repository } from "../../load/repository.js";
import { isMilitaryRepresentative, type RepoIndex } from "../../model/index.js";
import { independentSince, skillRecordOn, staleQualification } from "../../model/skills.js";
import type { Person, SkillRecord } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { departmentLabel, personLabel } from "../shared/people.js";

const LABEL_WIDTH = 16;

/** Prints `person`'s card as of `today` (YYYY-MM-DD): text, or with `json` the people.yaml entry with each station's level that day. Returns 0. */
export function showPerson(ctx: CommandContext, repo: Repository, index: RepoIndex, person: Person, today: string, json: boolean): number {
  const documents = repo.documents.map((d) => d.value);
  const versions = trainingSessionVersions(repo);
  const stations = [...new Set((person.skills ?? []).map((r) => r.station))];
  const current = stations.flatMap((station) => {
    const record = skillRecordOn(person, station, today);
    return record ? [{ station, record, since: independentSince(person, station, today), stale: staleQualification(person, record, documents, today, versions) }] : [];
  });
  if (json) {
    const file = index.people.get(person.id)?.file.path ?? "people.yaml";
    ctx.stdout(JSON.stringify({ file, asOf: today, person, levels: current.map((c) => ({ station: c.station, level: c.record.withdrawn ? null : (c.record.level ?? null), date: c.record.date, by: c.record.by, independentSince: c.since ?? null, untrained: c.stale })) }, null, 2) + "\n");
    return 0;
  }
  const who = (id: string) => personLabel(index, id);
  const recordLine = (r: SkillRecord) =>
    r.withdrawn
      ? t("show.person.withdrawn", { station: r.station, date: r.date, by: who(r.by), reason: r.reason ?? "" })
      : t("show.person.level", { station: r.station, level: r.level ?? "", name: t(`value.skill-level.${r.level ?? "I"}`), date: r.date, by: who(r.by), evidence: r.evidence ? t("qualify.evidence", { evidence: r.evidence }) : "" });
  const fields: [string, string[]][] = [];
  if (person.number !== undefined) fields.push([t("show.person.number"), [person.number]]);
  fields.push([t("show.person.department"), [departmentLabel(index, person.department)]]);
  if (person.title) fields.push([t("show.person.title"), [person.title]]);
  if (person.roles.length > 0) fields.push([t("show.person.roles"), [list(person.roles.map((r) => t(`value.role.${r}`)))]]);
  const military = isMilitaryRepresentative(index, person);
  if (person.operator) fields.push([t("show.person.kind"), [t("show.person.operator")]]);
  else if (military) fields.push([t("show.person.kind"), [t("show.person.military")]]);
  if ((person.stations ?? []).length > 0) fields.push([t("show.person.stations"), [list(person.stations!)]]);
  if (person.joined) fields.push([t("show.person.joined"), [person.joined]]);
  if (person.left) fields.push([t("show.person.left"), [person.left]]);
  const levels = current.flatMap((c) => [
    recordLine(c.record) + (c.since ? t("show.person.since", { since: c.since }) : ""),
    ...c.stale.map((s) => `  ${t("show.person.stale", { document: s.document, version: s.version, effective: s.effective, id: person.id })}`),
  ]);
  // A 军代表 is no operator of the company: no levels, and no hint to qualify them (person/military-signature; tester81 J12).
  if (levels.length > 0 || !military) fields.push([t("show.person.levels", { date: today }), levels.length > 0 ? levels : [t("show.person.no-levels", { id: person.id })]]);
  const shown = new Set(current.map((c) => c.record));
  const history = (person.skills ?? []).filter((r) => !shown.has(r)).map(recordLine);
  if (history.length > 0) fields.push([t("show.person.history"), history]);
  const width = Math.max(LABEL_WIDTH, ...fields.map(([label]) => displayWidth(label) + 2));
  const out = [localized(language(), person.name, person.name_en) === person.id ? person.id : `${person.id}  ${localized(language(), person.name, person.name_en)}`, "", ...fields.flatMap(([label, values]) => values.map((v, i) => `  ${padEnd(i === 0 ? label : "", width)}${v}`))];
  ctx.stdout(visible(out.join("\n") + "\n"));
  return 0;
}
