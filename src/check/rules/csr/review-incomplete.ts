import { missingOpinions } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";

/** A decision is the project group's joint judgement: it stands only on every required countersignature. */
export const rule: Rule = {
  id: "csr/review-incomplete",
  severity: "error",
  summary: "A CSR's decision is recorded while opinions of required departments are missing.",
  check(ctx) {
    const config = ctx.repo.config?.value;
    for (const { value: csr, file } of ctx.repo.csrs) {
      const decision = csr.review?.decision;
      if (csr.superseded || !decision || decision.forced) continue;
      const missing = missingOpinions(csr, config);
      if (missing.length === 0) continue;
      ctx.report(
        { file, path: ["review", "decision"] },
        `${csr.id} is decided (${decision.disposition}) but the opinion of ${missing.join(", ")} is missing. Record it with 'csr review ${csr.id} --department ${missing[0]} --opinion ...', or mark the decision 'forced: true' if it was deliberately taken without it.`,
      );
    }
  },
};
