import { staleSource } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";

/** A new revision of the customer's CSR document starts a new review of every requirement taken from it. */
export const rule: Rule = {
  id: "csr/source-superseded",
  severity: "error",
  summary: "A CSR was reviewed against a revision of its source document that has been superseded.",
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const stale = staleSource(csr, ctx.index.customers.get(csr.customer)?.value);
      if (!stale) continue;
      const latest = stale.latest.revision === stale.reviewed.revision ? "" : `; the current revision is ${stale.latest.revision}`;
      ctx.report(
        { file, path: ["source", "revision"] },
        `${csr.id} was reviewed against revision ${stale.reviewed.revision} of ${stale.source.id}, which is superseded${latest}. Run 'csr source update ${stale.source.id} --revision ${stale.latest.revision} --received ${stale.latest.received}' to restart its review against that revision, or mark the CSR 'superseded' if the requirement was dropped.`,
      );
    }
  },
};
