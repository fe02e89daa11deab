import { t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import { worksOn } from "../../../model/people.js";
import { independent, skillLevelOn, stationInstructions } from "../../../model/skills.js";
import { specialCharacteristicLabel } from "../../../model/labels.js";
import { specialCharacteristics } from "../../../model/symbol-documents.js";
import { contentInForce } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.2.1, 7.2.2 and 8.5.1 e (GJB 9001C 7.2 上岗资格): a person working at a station is qualified for it, or
 * works there under supervision. Once people.yaml records a level (csr qualify), each station of a person's
 * `stations` (at work today) where they have no level, or only I or II, is reported on that station's entry.
 * An error where a released work instruction naming the station, or a released form it uses (its `forms`: the check
 * sheet on which the station records the characteristic), marks a special characteristic (★ of symbols.yaml; IATF
 * 16949 8.3.3.3, 8.5.1.1; tester77 E7) and the person has no level there at all: nobody unassessed runs a special
 * characteristic; a level I or II there is in training under supervision, which the records allow, and stays a warning.
 * Each document as its version in force reads: a copy of an older version still held at the station does not decide.
 */
export const rule: Rule = {
  id: "person/station-unqualified",
  severity: "error",
  warningsFollowSetting: true,
  // Every document's sections and forms: a form used at a station has none of its own (revising: what is in force).
  scope: { files: "all", reads: (file) => (file.kind === "document" ? [file.data.status, file.data.revising ?? null, file.data.stations ?? [], file.data.key_operations ?? [], file.data.forms ?? [], file.data.sections ?? null] : null) },
  summary: "A person works at a station (people.yaml stations) without a level there, or only at level I or II: under supervision only.",
  docs: {
    description:
      "Once `people.yaml` records a qualification level (`skills`, written by `csr qualify`), a person at work today who is listed at a station (`stations`) is to have level III (独立操作) or IV (能培训他人) there to run it alone; with no level, or only I (培训中) or II (在指导下操作), they work at it under supervision only ({{cite:station-qualification}}). Reported on the station's entry of the person's `stations`: as an error where a released work instruction or form naming the station (its `stations`), or a released form such an instruction uses (its `forms`: the check sheet on which the characteristic is recorded at the station), marks a special characteristic (a symbol of ours of `symbols.yaml`, such as ★, in its text; {{cite:special-characteristics}}) and the person has no level there, since nobody unassessed runs it — each as its version in force reads, not the draft of a document being revised, nor an older version whose copy is still held at the station (that copy is to be recalled: `doc/recall-overdue`); elsewhere, and for a level I or II there (in training, under supervision), as a warning. A station a released document marks 关键工序 (`key_operations`) is left to `person/key-operation-uncertified`.",
    bad: `
    stations: [OP20, OP30]   # people.yaml, 王小二
    operator: true
    skills:
      - {station: OP20, level: III, date: 2026-11-02, by: zhang}
      - {station: OP30, level: II, date: 2026-11-02, by: zhang}   # works at OP30 under supervision
`,
    good: `
    stations: [OP20, OP30]   # people.yaml, 王小二
    operator: true
    skills:
      - {station: OP20, level: III, date: 2026-11-02, by: zhang}
      - {station: OP30, level: III, date: 2026-11-25, by: li}   # assessed at level III
`,
    fix: "Assess the person at the station and record the level with `csr qualify <person> --station <station> --level III --date <day> --by <assessor>` (a level III or IV needs the training on the station's work instructions first: `csr train`); while they are in training, make sure they work under supervision, or take the station out of their `stations` with `csr person update <person> --station …`.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const located = [...ctx.index.people.values()];
    if (!located.some((p) => (p.value.skills ?? []).length > 0)) return;
    const rows = ctx.repo.symbols.map((s) => s.value);
    // The version in force decides, not the draft of the next one in the file (修订中; review78 #1).
    const documents = [...ctx.index.documents.values()].map((d) => contentInForce(d.value, ctx.options.inForce));
    const byId = new Map(documents.map((d) => [d.id, d]));
    // The first released work instruction naming the station, or released form one of them uses (a check sheet
    // recording the characteristic there), that marks a special characteristic, with where it does.
    const specialAt = new Map<string, string | undefined>();
    const special = (station: string) => {
      if (!specialAt.has(station)) {
        const instructions = stationInstructions(documents, station);
        const own = instructions.flatMap((doc) => {
          const found = specialCharacteristics(doc, rows);
          return found ? [specialCharacteristicLabel(doc, found)] : [];
        });
        const forms = instructions.flatMap((doc) =>
          (doc.forms ?? []).flatMap((id) => {
            const form = byId.get(id);
            const found = form?.status === "released" ? specialCharacteristics(form, rows) : undefined;
            return form && found ? [specialCharacteristicLabel(form, found, doc)] : [];
          }),
        );
        specialAt.set(station, [...own, ...forms][0]);
      }
      return specialAt.get(station);
    };
    // A 关键工序 (a released document's key_operations) asks more, and person/key-operation-uncertified reports it.
    const keyOperations = new Set(documents.flatMap((d) => (d.status === "released" ? (d.key_operations ?? []) : [])));
    for (const { value: person, file, path } of located) {
      if (!ctx.keeps(file) || !worksOn(person, today)) continue;
      (person.stations ?? []).forEach((station, i) => {
        if (keyOperations.has(station)) return;
        const level = skillLevelOn(person, station, today);
        if (independent(level)) return;
        const message = t(level === undefined ? "rule.person/station-unqualified" : "rule.person/station-unqualified.level", { who: personWithId(person), station, level: level ?? "", name: level ? t(`value.skill-level.${level}`) : "", id: person.id });
        const marking = special(station);
        if (marking === undefined) ctx.report({ file, path: [...path, "stations", i] }, message, "warning");
        else if (level === undefined) ctx.report({ file, path: [...path, "stations", i] }, message + t("rule.person/station-unqualified.special", { special: marking }));
        else ctx.report({ file, path: [...path, "stations", i] }, message + t("rule.person/station-unqualified.special-level", { special: marking }), "warning");
      });
    }
  },
};
