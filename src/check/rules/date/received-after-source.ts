import { inDateRange } from "../../../core/dates.js";
import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { sourceRevisionTakenFrom } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { RECEIVED_AGAINST_SOURCE } from "./received-before-source.js";

/**
 * The review of a customer's requirement runs from the receipt of the customer's document (IATF
 * 16949 7.5.3.2.2: within ten working days of receipt): a CSR dated received after the revision it
 * was taken from starts the clock late, and a late review passes for 按期 (auditor16 F20).
 */
export const rule: Rule = {
  id: "date/received-after-source",
  severity: "warning",
  scope: RECEIVED_AGAINST_SOURCE,
  summary: "A CSR is dated received after the revision of its source document it was taken from.",
  docs: {
    description:
      "A CSR whose `received` date is after the `received` date, in `customers/<CODE>.yaml` (the external-document register), of the revision of its source document that it was taken from: the earliest revision it has been on. The review of a customer's requirements runs from the receipt of the customer's document ({{cite:requirements-review}}{{#IATF16949}}: within ten working days of receipt{{/IATF16949}}), not from the day the requirement was typed in: counted from the later date, the review deadline is late and a late review is listed as on time, while the external-document register shows when the document really arrived. `csr add` takes the source revision's date unless `--received` is given. A warning, not an error: a requirement may be identified in a document later, for a reason the review record should give; the clock still started at receipt. A CSR dated after today is reported by `date/in-future` alone.",
    bad: `
source: {document: DYA-SQM, revision: C, section: "4.2"}   # customers/DYA.yaml: C received 2026-11-06
received: 2026-11-10
`,
    good: `
source: {document: DYA-SQM, revision: C, section: "4.2"}
received: 2026-11-06
`,
    fix: "Set the CSR's `received` to the date the source revision was received: `csr set <CSR-id> --received <date>` (it prints the moved review deadline; a decided CSR whose review is then late needs `csr review <CSR-id> --late-reason`). If the customer sent the requirement separately (a letter, an e-mail, meeting minutes), register that as a source document of its own (`csr source add <customer> --id <id> --title <title> --revision <revision> --received <date>`) and move the requirement to it: `csr set <CSR-id> --source <id>`. If the revision's own date received is the wrong one, correct it with `csr source update <source> --revision <revision> --received <date> --amend`.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const revision = sourceRevisionTakenFrom(csr, ctx.index.customers.get(csr.customer)?.value);
      // A revision dated out of range is a typo, date/out-of-range's to report: no deadline counts from it.
      if (!revision || !inDateRange(revision.received) || csr.received <= revision.received) continue;
      // A CSR dated after today is date/in-future's one finding (one root cause, one finding).
      if (csr.received > ctx.options.today) continue;
      ctx.report(
        { file, path: ["received"] },
        t("rule.date/received-after-source", { id: csr.id, received: csr.received, source: csr.source.document, revision: revisionName(revision.revision), sourceReceived: revision.received, customer: csr.customer, sourceArg: shellArgument(csr.source.document), revisionArg: shellArgument(revision.revision) }),
      );
    }
  },
};
