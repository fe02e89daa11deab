import { t } from "../../../i18n/index.js";
import { describe } from "../../../model/recorded-events.js";
import type { Rule } from "../../rule.js";
import { eventFindings } from "./events.js";

/** Records are evidence ({{cite:records}}): see model/recorded-events.ts for which dates record an event. */
export const rule: Rule = {
  id: "date/in-future",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A record of something done is dated after today.",
  docs: {
    description:
      "A date that records something done lies after today (`--today`): a CSR received, restarted, confirmed, implemented, verified, distributed, trained or superseded; a review round of the history closed, its opinions and decision; a link pinned; a revision, its signatures (编制, 审核, 会签, 标准化审查, 批准, 军代表); a periodic review; a document made obsolete; an external document received; a controlled copy handed out or recalled; a training session; a customer document's revision received; an internal audit of a process; a verification or maintenance of tooling (tooling.yaml); a management review held, its report approved and an output done (management-reviews.yaml); a quality objective's measured period, which must be over (objectives.yaml: the period 2026-11 ends on 2026-11-30); the day an edition of a register stands as and its signatures (register-editions.yaml); a corrective action's cost of poor quality (`cost`). Records are evidence ({{cite:records}}): what is recorded as done cannot be dated in the future, and a deadline counted from such a date would be wrong. Planned dates (`implementation.due`, `effective`) are not records and are not reported; the opinions and decision of the current review round are checked by `csr/review-inconsistent`. The writing commands refuse such a date.",
    bad: `
implementation:
  owner: wang
  due: 2026-12-15              # a plan: may lie ahead
  status: verified
  implemented: 2026-11-30      # today is 2026-11-27
`,
    good: `
implementation:
  owner: wang
  due: 2026-12-15
  status: verified
  implemented: 2026-11-20
`,
    fix: "Write the day it was done. If it is not done yet, leave the date out until it is (a plan goes in `implementation.due`).",
  },
  check(ctx) {
    const today = ctx.options.today;
    for (const { problem, event, id, file, path } of eventFindings(ctx.repo, today)) {
      if (problem === "in-future") ctx.report({ file, path }, t(ctx.options.releaseDate ? "rule.date/in-future.release" : "rule.date/in-future", { id, what: describe(event.what), date: event.date, today }));
    }
  },
};
