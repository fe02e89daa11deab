import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import type { Rule } from "../../rule.js";
import { workDescription, workOutsideEmployment } from "./work-dates.js";

/**
 * IATF 16949 7.5.3.2.1 (records are attributable) and 7.2 (who trained whom), GJB 9001C 7.5.3: a
 * record names the person who did the work, and someone who left (people.yaml `left`, set by `csr
 * person leave`: their last working day) did no work for the organisation after that day. Their records from before stay
 * valid; the writing commands refuse them for new work (commands/shared/people.ts resolvePerson). Work
 * before the day a person starts is person/work-before-joining's.
 */
export const rule: Rule = {
  id: "person/work-after-leaving",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A signature, opinion, decision, training or copy is recorded for a person after their last working day.",
  dependsOn: ["people.yaml"],
  docs: {
    description:
      "A record names a person as the one who did something (a revision's signature, a CSR opinion, decision or confirmation, a verification, a periodic review, a training given or attended, a controlled copy handed to them, an internal audit of a process) after the day they left (`left` in `people.yaml`, set by `csr person leave`: their last working day, as on a 离职证明). Someone who has left does no work for the organisation: such a record is not evidence ({{cite:attributable-records}}). What they did up to and on that day stays valid and is not reported; a copy they hand back later is not reported either. Work dated before the day a person starts is `person/work-before-joining`'s; earlier versions reported it under this rule.",
    bad: `
    reviewed: { by: li, date: 2026-11-23 }   # people.yaml: li left: 2026-11-20
`,
    good: `
    reviewed: { by: li, date: 2026-11-18 }
`,
    fix: "Have someone who is still with the organisation do the work and record it in their name; if the date the person left is wrong, correct it with `csr person update <id> --left <date>`.",
  },
  check(ctx) {
    for (const { problem, work: w, person, file, path } of workOutsideEmployment(ctx.repo, ctx.index)) {
      if (problem !== "after-leaving") continue;
      ctx.report(
        { file, path },
        t("rule.person/work-after-leaving", { who: personWithId(person), left: person.left!, date: w.date, what: workDescription(w, ctx.index), arg: shellArgument(w.person) }),
      );
    }
  },
};
