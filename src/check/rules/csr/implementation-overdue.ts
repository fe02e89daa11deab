import type { Rule } from "../../rule.js";

/** IATF 16949 7.5.3.2.2: changes are implemented on the customer's schedule, so a missed due date is a finding. */
export const rule: Rule = {
  id: "csr/implementation-overdue",
  severity: "error",
  summary: "A CSR is past its implementation due date and not implemented.",
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const implementation = csr.implementation;
      const disposition = csr.review?.decision?.disposition;
      if (csr.superseded || !implementation?.due || disposition === "rejected" || disposition === "not-applicable") continue;
      if (implementation.status === "implemented" || implementation.status === "verified") continue;
      if (implementation.due >= ctx.options.today) continue;
      const owner = implementation.owner ? ` (owner: ${implementation.owner})` : "";
      ctx.report(
        { file, path: ["implementation", "due"] },
        `${csr.id} was to be implemented by ${implementation.due}${owner} but its implementation status is '${implementation.status ?? "planned"}'. Record 'status: implemented' with the 'implemented' date and evidence, or agree a new due date and record it.`,
      );
    }
  },
};
