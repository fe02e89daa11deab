import { repositoryCalendar } from "../../../load/calendar.js";
import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** Working days before a temporary document's last valid day from which doc/temporary-expired warns. */
export const TEMPORARY_WARN_WORKDAYS = 5;

/**
 * A temporary document (临时, `valid_until`, csr release --until) still released after its last valid day:
 * IATF 16949 8.5.6.1.1 has temporary changes of process controls time-limited and tracked, with the return
 * to the standard process verified. An error once past; a warning from TEMPORARY_WARN_WORKDAYS working days
 * (the repository's calendar) before the end, so that the return or an extension is decided in time.
 */
export const rule: Rule = {
  id: "doc/temporary-expired",
  severity: "error",
  scope: { files: "own" },
  clock: "soon-or-passed",
  summary: "A temporary document is still released after its last valid day (valid_until), or its end is near.",
  docs: {
    description:
      "A document released as temporary (`valid_until`, `csr release --until`), e.g. a deviation from a work instruction, is still released after its last valid day: work may go on under a deviation whose period has ended. It is an error from the day after `valid_until`; from 5 working days before it (the company calendar) it is a warning, so that the return to the standard process, or an extension by a new revision with a later `--until`, is decided in time. Withdrawing the document (`csr obsolete`) ends it. A temporary document has no periodic review. Temporary changes of process controls are time-limited, listed and tracked, with the return to the standard process verified ({{cite:temporary-change}}).",
    bad: `
status: released
effective: 2026-11-09
valid_until: 2026-11-20   # still released on 2026-11-27
`,
    good: `
status: obsolete
effective: 2026-11-09
valid_until: 2026-11-20   # withdrawn when its period ended
`,
    fix: "Withdraw it: `csr obsolete QP-031 --reason 临时偏离到期`, after verifying the return to the standard process; or release a new revision with a later `--until` if the deviation is extended.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const calendar = repositoryCalendar(ctx.repo.config?.value);
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const until = doc.valid_until;
      if (doc.status !== "released" || until === undefined) continue;
      const version = currentRevision(doc)?.version ?? "";
      if (until < today) {
        ctx.report({ file, path: ["valid_until"] }, t("rule.doc/temporary-expired", { document: doc.id, version, until }));
      } else if (calendar.addWorkdays(today, TEMPORARY_WARN_WORKDAYS) >= until) {
        // Not in force yet, it is said so: its end is near, it has not expired (breaker62 P12).
        const effective = doc.effective;
        const key = effective !== undefined && effective > today ? "rule.doc/temporary-expired.not-yet-in-force" : "rule.doc/temporary-expired.due-soon";
        ctx.report({ file, path: ["valid_until"] }, t(key, { document: doc.id, version, until, effective: effective ?? "" }), "warning");
      }
    }
  },
};
