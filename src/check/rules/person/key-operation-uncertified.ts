import { t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import { worksOn } from "../../../model/people.js";
import { independent, skillLevelOn } from "../../../model/skills.js";
import { contentInForce } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";

/**
 * GJB 9001C-2017 8.5.1 关键过程 (关键工序): the operators of a 关键工序 are certified (持证上岗). A released document's
 * `key_operations` marks an operation (its station code, OP40) 关键工序; at it, each person at work today who lists the
 * station in `stations` is to hold level III or IV there (csr qualify): one with no level, or only I or II, is reported
 * on that station's entry of their `stations`; and a 关键工序 that nobody at work today holds level III or IV at is
 * reported on the document's entry of `key_operations`. Errors: a 关键工序 is not run under supervision by the untrained.
 * person/station-unqualified leaves these stations to this rule.
 */
export const rule: Rule = {
  id: "person/key-operation-uncertified",
  severity: "error",
  // A document's status and key_operations decide which stations are 关键工序; people.yaml is a foundation.
  scope: { files: "all", reads: (file) => (file.kind === "document" ? [file.data.id, file.data.status, file.data.revising ?? null, file.data.key_operations ?? []] : null) },
  summary: "An operator at a 关键工序 (key operation) holds no level III or IV there, or nobody at work does.",
  docs: {
    description:
      "A released document marks an operation 关键工序 with `key_operations` (`csr set <document> --key-operation OP40`; its station code, as `csr qualify` and `people.yaml` `stations` write it). The operators of a 关键工序 hold a valid qualification for it ({{cite:key-operation}}, 关键过程: 持证上岗): each person at work today whose `stations` lists it is to have level III (独立操作) or IV (能培训他人) there, recorded with `csr qualify` and not withdrawn. One with no level, or only I or II, is reported on that station's entry of their `stations`; a 关键工序 that nobody at work today holds level III or IV at is reported on the document's `key_operations` entry. Both are errors: unlike another station (`person/station-unqualified`, which leaves these stations to this rule), a 关键工序 is not run by someone in training.",
    bad: `
    stations: [OP40]   # people.yaml, 李强: OP40 is a 关键工序 (key_operations of WI-003)
    operator: true
    skills:
      - {station: OP40, level: II, date: 2026-10-12, by: zhang}
`,
    good: `
    stations: [OP40]   # people.yaml, 李强
    operator: true
    skills:
      - {station: OP40, level: III, date: 2026-11-25, by: zhang, evidence: SG-2026-07}   # certified
`,
    fix: "Assess the operator at the 关键工序 and record the certification with `csr qualify <person> --station OP40 --level III --date <day> --by <assessor> --evidence <certificate>`; until then, take the station out of their `stations` (`csr person update <person> --station …`) so that only certified operators run it.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const documents = [...ctx.index.documents.values()];
    const people = [...ctx.index.people.values()];
    const marked = new Map<string, string>();
    for (const located of documents) {
      const doc = contentInForce(located.value, ctx.options.inForce);
      if (doc.status !== "released") continue;
      (doc.key_operations ?? []).forEach((station, i) => {
        if (!marked.has(station)) marked.set(station, doc.id);
        if (!ctx.keeps(located.file)) return;
        if (people.some((p) => worksOn(p.value, today) && independent(skillLevelOn(p.value, station, today)))) return;
        ctx.report({ file: located.file, path: [...located.path, "key_operations", i] }, t("rule.person/key-operation-uncertified.nobody", { document: doc.id, station, today }));
      });
    }
    if (marked.size === 0) return;
    for (const { value: person, file, path } of people) {
      if (!ctx.keeps(file) || !worksOn(person, today)) continue;
      (person.stations ?? []).forEach((station, i) => {
        const document = marked.get(station);
        if (document === undefined) return;
        const level = skillLevelOn(person, station, today);
        if (independent(level)) return;
        const data = { who: personWithId(person), station, document, level: level ?? "", name: level ? t(`value.skill-level.${level}`) : "", id: person.id };
        ctx.report({ file, path: [...path, "stations", i] }, t(level === undefined ? "rule.person/key-operation-uncertified" : "rule.person/key-operation-uncertified.level", data));
      });
    }
  },
};
