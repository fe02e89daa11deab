import type { Rule } from "../../rule.js";

/** IATF 16949 7.5.1.1: the documentation must show where each accepted CSR is addressed. */
export const rule: Rule = {
  id: "csr/not-addressed",
  severity: "warning",
  summary: "A CSR decided as must or optional names no document that addresses it.",
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      const disposition = csr.review?.decision?.disposition;
      if (csr.superseded || (disposition !== "must" && disposition !== "optional")) continue;
      if ((csr.addressed ?? []).length > 0) continue;
      ctx.report(
        { file, path: ["review", "decision", "disposition"] },
        `${csr.id} is decided '${disposition}' but no procedure, work instruction or form addresses it. Add 'addressed: [{document: <number>, section: <section>}]' naming the document that puts it into practice.`,
      );
    }
  },
};
