import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { codeWithLabel } from "../../../i18n/values.js";
import { csrWork, documentWork, type PersonWork } from "../../../model/person-work.js";
import { describe } from "../../../model/recorded-events.js";
import type { SourceFile } from "../../../load/source.js";
import type { Path } from "../../../model/types.js";
import { worksOn } from "../../../model/people.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2.1 (records are attributable) and 7.2 (who trained whom), GJB 9001C 7.5.3: a
 * record names the person who did the work, and someone who left (people.yaml `left`, set by `csr
 * person leave`: their last working day) did no work for the organisation after that day. Their records from before stay
 * valid; the writing commands refuse them for new work (commands/shared/people.ts resolvePerson). The same
 * holds before the day they start (`joined`, set by `csr person add/update --from`: a successor added before
 * a hand-over), which is reported with its own message.
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
      "A record names a person as the one who did something (a revision's signature, a CSR opinion, decision or confirmation, a verification, a periodic review, a training given or attended, a controlled copy handed to them) after the day they left (`left` in `people.yaml`, set by `csr person leave`: their last working day, as on a 离职证明). Someone who has left does no work for the organisation: such a record is not evidence ({{cite:attributable-records}}). What they did up to and on that day stays valid and is not reported; a copy they hand back later is not reported either. The same holds before the day a person starts (`joined`, set by `csr person add --from`, e.g. a successor added before a hand-over): work in their name dated before it is reported too.",
    bad: `
    reviewed: { by: li, date: 2026-11-23 }   # people.yaml: li left: 2026-11-20
`,
    good: `
    reviewed: { by: li, date: 2026-11-18 }
`,
    fix: "Have someone who is still with the organisation do the work and record it in their name; if the date the person left is wrong, correct it with `csr person update <id> --left <date>`.",
  },
  check(ctx) {
    // Most repositories have nobody who left: then there is no work to list.
    if (![...ctx.index.people.values()].some((p) => p.value.left !== undefined || p.value.joined !== undefined)) return;
    const report = (file: SourceFile, path: Path, work: PersonWork[]) => {
      for (const w of work) {
        const person = ctx.index.people.get(w.person)?.value;
        if (person === undefined || worksOn(person, w.date)) continue;
        const left = person.left!;
        if (person.joined !== undefined && person.joined > w.date) {
          const what = describe(w.what) + (w.as ? t(`rule.person/work.as.${w.as}`) : "");
          ctx.report({ file, path: [...path, ...w.path] }, t("rule.person/work-after-leaving.before-joining", { who: codeWithLabel(person.name, person.id), joined: person.joined, date: w.date, what, arg: shellArgument(w.person) }));
          continue;
        }
        ctx.report(
          { file, path: [...path, ...w.path] },
          t("rule.person/work-after-leaving", {
            who: codeWithLabel(person!.name, person!.id),
            left,
            date: w.date,
            what: describe(w.what) + (w.as ? t(`rule.person/work.as.${w.as}`) : ""),
            arg: shellArgument(w.person),
          }),
        );
      }
    };
    for (const { value, file, path } of ctx.index.csrs.values()) report(file, path, csrWork(value));
    for (const { value, file, path } of ctx.index.documents.values()) report(file, path, documentWork(value));
  },
};
