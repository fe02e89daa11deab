import { t } from "../../../i18n/index.js";
import { knownStations, minQualified, qualifiedAt } from "../../../model/skills.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.1.2 and 8.5.1 e (GJB 9001C 7.1.2, 8.5.1): enough competent people for the work, so that a station is
 * run by someone qualified to run it alone also when one of them is absent or on the other shift (多能工矩阵的顶岗).
 * Once people.yaml records a level (csr qualify), each station the repository knows with fewer people at work
 * qualified III or IV than qms.yaml `skills.min_qualified` (default 2; 0: off) is reported once, on people.yaml.
 */
export const rule: Rule = {
  id: "person/station-cover",
  severity: "warning",
  dependsOn: ["qms.yaml", "people.yaml"],
  // Of the files checked incrementally, only a document's stations (and whether it is obsolete) name a station.
  scope: { files: "all", reads: (file) => (file.kind === "document" ? [file.data.status, file.data.stations ?? []] : null) },
  summary: "A station has fewer people qualified to work alone (level III or IV) than qms.yaml skills.min_qualified asks.",
  docs: {
    description:
      "Once `people.yaml` records a qualification level (`skills`, written by `csr qualify`), each station the repository knows — named by a work instruction's `stations`, by a person's `stations` or by a level — needs at least `skills.min_qualified` of `qms.yaml` people at work today at level III (独立操作) or IV (能培训他人) there (default 2, so that one absence or the other shift leaves somebody who may run it alone; `0` turns the rule off). Enough competent people for the work and the appointment of competent people to it ({{cite:station-cover}}). One finding per station, on `people.yaml`; `csr list skills` marks the same stations in its foot rows.",
    bad: `
    operator: true   # people.yaml, 李四
    skills:
      - {station: OP20, level: III, date: 2026-10-12, by: zhang}
      - {station: OP20, withdrawn: true, date: 2026-11-20, by: zhang, reason: 调离工位}   # withdrawn: 王小二 alone at level III
`,
    good: `
    operator: true   # people.yaml, 李四
    skills:
      - {station: OP20, level: III, date: 2026-10-12, by: zhang}   # with 王小二, two people at level III
`,
    fix: "Train and assess more people at the station and record their level with `csr qualify <person> --station <station> --level III --date <day> --by <assessor> --evidence <record>`; or, where one qualified person is enough, set `skills.min_qualified` in `qms.yaml`.",
  },
  check(ctx) {
    const min = minQualified(ctx.repo.config?.value);
    const located = [...ctx.index.people.values()];
    if (min === 0 || located.length === 0 || !located.some((p) => (p.value.skills ?? []).length > 0)) return;
    const first = located[0]!;
    if (!ctx.keeps(first.file)) return;
    const people = located.map((p) => p.value);
    const { today } = ctx.options;
    const stations = knownStations([...ctx.index.documents.values()].map((d) => d.value), people);
    for (const station of stations) {
      const qualified = qualifiedAt(people, station, today);
      if (qualified.length >= min) continue;
      ctx.report({ file: first.file, path: ["people"] }, t("rule.person/station-cover", { station, count: qualified.length, min, people: qualified.map((p) => p.name).join("、") || t("person.none") }));
    }
  },
};
