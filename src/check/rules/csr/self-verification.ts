import type { Rule } from "../../rule.js";
import { localized } from "../../../core/text.js";
import { language, t } from "../../../i18n/index.js";
import { selfVerified } from "../../../model/csr-status.js";

/**
 * Segregation of duties for a CSR's implementation, as doc/self-approval holds it for documents: the
 * verification is another person's check that the requirement went into production (the example's
 * QP-015 has 品质部 verify it in internal and process audits), so it is not its owner's own signature.
 */
export const rule: Rule = {
  id: "csr/self-verification",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A CSR's implementation is verified by the person who owns it.",
  docs: {
    description:
      "A CSR decided `must` or `optional` whose `implementation.verified.by` is its `implementation.owner`. The verification is an independent check that the requirement went into production as decided, usually by the quality department in an internal or process audit ({{cite:audit-impartiality}}: auditors are chosen so that the audit is objective and impartial); the owner who implemented it signing as its verifier is no such check, as a document's preparer approving it is none (`doc/self-approval`). Superseded CSRs and those not to be implemented are not reported. `csr implement` refuses to record such a verification while the rule is an error, and records it with a warning when `qms.yaml` sets the rule to `warning`.",
    bad: `
implementation: {owner: wang, status: verified, implemented: 2026-11-16, verified: {by: wang, date: 2026-11-20}}
`,
    good: `
implementation: {owner: wang, status: verified, implemented: 2026-11-16, verified: {by: zhang, date: 2026-11-20}}
`,
    fix: "Have someone other than the owner verify the implementation (e.g. the quality department in its next internal or process audit) and record it with `csr implement <CSR> --verified-by <person> --date <date> --amend`; the verification replaced stays in `implementation.history`. Where the owner changed, correct the owner with `csr implement <CSR> --owner <person>`.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file) || !selfVerified(csr)) continue;
      const person = csr.implementation!.owner!;
      const owner = ctx.index.people.get(person)?.value;
      const name = owner ? localized(language(), owner.name, owner.name_en) : person;
      ctx.report({ file, path: ["implementation", "verified", "by"] }, t("rule.csr/self-verification", { csr: csr.id, name, person }));
    }
  },
};
