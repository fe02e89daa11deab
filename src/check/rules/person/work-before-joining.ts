import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import type { Rule } from "../../rule.js";
import { workDescription, workOutsideEmployment } from "./work-dates.js";

/**
 * IATF 16949 7.5.3.2.1 (records are attributable) and 7.2, GJB 9001C 7.5.3: a record names the person
 * who did the work, and someone who starts on a day (people.yaml `joined`, 到岗日期, set by `csr person
 * add/update --from`: a successor added before a hand-over) did no work for the organisation before
 * it. Split off person/work-after-leaving, whose id said "after leaving" of work before joining
 * (breaker61 M4); `splitFrom` keeps a qms.yaml that set the old id meaning what it meant.
 */
export const rule: Rule = {
  id: "person/work-before-joining",
  severity: "error",
  splitFrom: "person/work-after-leaving",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A signature, opinion, decision, training, copy or audit is recorded for a person before their first working day.",
  dependsOn: ["people.yaml"],
  docs: {
    description:
      "A record names a person as the one who did something (a revision's signature, a CSR opinion, decision or confirmation, a verification, a periodic review, a training given or attended, a controlled copy handed to them, an internal audit of a process) before the day they start (`joined` in `people.yaml`, set by `csr person add --from` or `csr person update --from`: their first working day, 到岗日期, e.g. of a successor added before a hand-over). Before that day the person did no work for the organisation: such a record is not evidence ({{cite:attributable-records}}). Work on that day and after is theirs. `csr person update --from` refuses a start date after work already recorded in the person's name, and the writing commands refuse the person for work dated before it.\n\nEarlier versions reported these findings as `person/work-after-leaving`. While `qms.yaml` does not set this rule under `rules:`, it follows a setting of `person/work-after-leaving`: `person/work-after-leaving: off` turns both off, as it did.",
    bad: `
    reviewed: { by: zhao, date: 2026-11-23 }   # people.yaml: zhao joined: 2026-11-25
`,
    good: `
    reviewed: { by: zhao, date: 2026-11-26 }
`,
    fix: "Have someone who was at work that day do the work and record it in their name; if the start date is wrong, correct it with `csr person update <id> --from <date>` (or take it out with `--no-from`).",
  },
  check(ctx) {
    for (const { problem, work: w, person, file, path } of workOutsideEmployment(ctx.repo, ctx.index)) {
      if (problem !== "before-joining") continue;
      ctx.report(
        { file, path },
        t("rule.person/work-before-joining", { who: personWithId(person), joined: person.joined!, date: w.date, what: workDescription(w, ctx.index), arg: shellArgument(w.person) }),
      );
    }
  },
};
