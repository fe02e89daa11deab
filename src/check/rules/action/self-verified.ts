import type { Rule } from "../../rule.js";
import { localized } from "../../../core/text.js";
import { language, t } from "../../../i18n/index.js";
import { selfVerifiedRole, stepNameKey } from "../../../model/actions.js";
import { worksToGjb9001C } from "../../../model/citations.js";

/**
 * A corrective action closed (D8) by the person who did its work (tester78 A11): its owner, or the one who recorded D6 or
 * D7. `csr action close` refuses such a verifier; this finds one written by hand. 8D D8; IATF 16949 10.2.3, 10.2.1 f.
 */
export const rule: Rule = {
  id: "action/self-verified",
  severity: "warning",
  scope: { files: "own" },
  summary: "A corrective action's effectiveness is verified by the person who did its work.",
  docs: {
    description:
      "A closed corrective action whose `steps.D8.verified_by` is its `owner`, or the person who recorded its D6 (corrective action implemented) or D7 (recurrence prevented). The verification of effectiveness is a check that the action taken removed the cause ({{cite:corrective-action}}), made by someone other than the one who did the work — in an internal audit's nonconformity, usually the auditor in a follow-up audit; the owner signing the action off is no such check. `csr action close` refuses such a verifier; this rule finds one written by hand.",
    bad: `
  D7: {done: 2026-11-17, by: li}
  D8: {done: 2026-11-20, verified_by: zhang, evidence: 连续3周记录完整}   # zhang owns the action
`,
    good: `
  D7: {done: 2026-11-17, by: li}
  D8: {done: 2026-11-20, verified_by: wang, evidence: 跟踪审核：连续3周记录完整}
`,
    fix: "Have someone other than the owner and the ones who did D6 and D7 verify the effectiveness (e.g. the auditor in a follow-up audit) and correct `verified_by`, `done` and `evidence` of D8 to that verification.",
  },
  check(ctx) {
    const gjb = worksToGjb9001C(ctx.repo.config?.value);
    for (const { value: action, file } of ctx.repo.actions) {
      const verifier = action.steps?.D8?.verified_by;
      if (!ctx.keeps(file) || verifier === undefined) continue;
      const role = selfVerifiedRole(action, verifier);
      if (role === undefined) continue;
      const person = ctx.index.people.get(verifier)?.value;
      const name = person ? localized(language(), person.name, person.name_en) : verifier;
      const did = role === "owner" ? t("rule.action/self-verified.owner") : t("rule.action/self-verified.step", { step: `${role} ${t(stepNameKey(role, gjb))}` });
      ctx.report({ file, path: ["steps", "D8", "verified_by"] }, t("rule.action/self-verified", { id: action.id, name, person: verifier, did }));
    }
  },
};
