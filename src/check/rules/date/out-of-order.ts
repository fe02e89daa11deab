import { t } from "../../../i18n/index.js";
import { describe } from "../../../model/recorded-events.js";
import type { Rule } from "../../rule.js";
import { eventFindings } from "./events.js";

/** Records are evidence (IATF 16949 7.5.3): see model/recorded-events.ts for which event follows which. */
export const rule: Rule = {
  id: "date/out-of-order",
  severity: "error",
  scope: { files: "own" },
  summary: "A record of something done is dated before the event it follows.",
  docs: {
    description:
      "A recorded event is dated before the event it follows: a verification before the implementation; an implementation in production before the first decision to meet the CSR (must or optional) of the review round in force, the current one (an earlier round's decision does not count: a new source revision that changed the requirement closed that round and its implementation record), and a record closed with an earlier round (`implementation.history`) before that round's decision; before its receipt while undecided; a distribution, training, confirmation, link pin, restart or supersession of a CSR before the CSR was received; a restart of a CSR's review (`review.restarted`) before the last round of `review.history` closed (a new source revision closes one round and starts the next on the same day; the reports never take a round of the history for the current one); a review (审核), 会签 or 标准化审查 signature before the preparation (编制); an approval (批准) before the last of those; a 军代表 (military representative) signature before the approval (or before the preparation when the approval is undated); a periodic review before the document's first revision; a document made obsolete before its current revision; a controlled copy handed out before its version's revision date, or recalled before it was handed out; a training on a version before that version; a customer document (or an external document) received before it was issued; a management review's report approved, or an output done, before the review was held (management-reviews.yaml); a quality objective's measured period ending before the objective's `from`, or beginning after its `to` (objectives.yaml); a signature of a register's edition before the day it stands as (register-editions.yaml); a cost of poor quality recorded before the corrective action record was received. Such a record cannot be true as it stands ({{cite:records}}: records are evidence). When the earlier date is itself after today, only `date/in-future` reports it; a revision dated before the previous one is `doc/version-sequence`'s finding, a CSR received before the source revision it was taken from `date/received-before-source`'s, and the opinions and decision of the current review round are `csr/review-inconsistent`'s. The writing commands refuse such a date.",
    bad: `
  status: verified
  implemented: 2026-11-20
  verified: {by: zhang, date: 2026-11-18}   # before the implementation
`,
    good: `
  status: verified
  implemented: 2026-11-20
  verified: {by: zhang, date: 2026-11-25}
`,
    fix: "Correct whichever of the two dates is wrong, as the paper record shows.",
  },
  check(ctx) {
    const today = ctx.options.today;
    for (const { problem, event, id, file, path } of eventFindings(ctx.repo, today)) {
      if (problem !== "out-of-order") continue;
      ctx.report({ file, path }, t("rule.date/out-of-order", { id, what: describe(event.what), date: event.date, follows: describe(event.follows!.what), followsDate: event.follows!.date }));
    }
  },
};
