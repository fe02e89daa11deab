import { staleSource } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";

/** A new revision of the customer's CSR document starts a new review of every requirement taken from it. */
export const rule: Rule = {
  id: "csr/source-superseded",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.superseded, f.data.customer, f.data.source] : f.kind === "customer" ? [f.data.code, f.data.sources] : null) },
  summary: "A CSR was reviewed against a revision of its source document that has been superseded.",
  docs: {
    description:
      "A CSR (not itself superseded) whose `source.revision` is a revision of the customer's source document that is marked `status: superseded` or is not the latest one recorded in `customers/<CODE>.yaml`. A new revision of the customer's CSR document can change any requirement taken from it, so every such CSR is reviewed again. `csr source update` does this: it records the new revision, moves each CSR's opinions and decision into `review.history`, sets `source.revision` and `review.restarted`. This rule finds CSRs that were left behind, e.g. when the revision was added to the customer file by hand.",
    bad: `
source: {document: DYA-SQM, revision: B, section: "4.2"}   # customers/DYA.yaml: B is superseded by C
`,
    good: `
source: {document: DYA-SQM, revision: C, section: "4.2"}
`,
    fix: "Run `csr source update <source> --revision <latest> --received <date>` (safe to repeat: it moves only the CSRs still on an older revision), then review them again; or, if the new revision dropped the requirement, add `--removed <csr>` to that command, which marks the CSR `superseded`.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const stale = staleSource(csr, ctx.index.customers.get(csr.customer)?.value);
      if (!stale) continue;
      const data = { csr: csr.id, reviewed: stale.reviewed.revision, reviewedNamed: revisionName(stale.reviewed.revision), source: stale.source.id, latest: stale.latest.revision, received: stale.latest.received };
      ctx.report(
        { file, path: ["source", "revision"] },
        t(stale.latest.revision === stale.reviewed.revision ? "rule.csr/source-superseded" : "rule.csr/source-superseded.with-latest", data),
      );
    }
  },
};
