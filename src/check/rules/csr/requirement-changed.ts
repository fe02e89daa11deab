import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { amendedSince, changeExcerpts, closedRounds, requirementChanges, type RequirementField } from "../../../model/csr-requirement.js";
import type { Csr } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

const FLAGS: Record<RequirementField, string> = { title: "--title", text: "--text", clauses: "--clauses" };

/**
 * The requirement a CSR's review decided on is what an auditor reads as reviewed (IATF 16949
 * 8.2.3.1, 7.5.3.2.2): `csr set` refuses to change a decided CSR's title, text or clauses unless the
 * change is said to correct a typing error (`--amend`, recorded under `amendments`), and the
 * customer's change comes with a new source revision and a new review round. A hand edit bypasses
 * both (tester23 F15); this is their counterpart in the pre-commit hook and CI, as
 * doc/revision-not-bumped is for a released document.
 */
export const rule: Rule = {
  id: "csr/requirement-changed",
  severity: "error",
  scope: { files: "own" },
  summary: "The title, text or clauses of a CSR decided at the base revision changed without a new review round or an amendment record.",
  docs: {
    description:
      "(With `csr check --base <rev>`, and so in the pre-commit hook and CI.) A CSR whose review had a decision at the base revision has a different title, text or clauses now, while no new review round was opened since (a new revision of its source document, `csr source update`, moves the decided round to `review.history`) and its `amendments` record no correction of that field since (`csr set <id> --text … --amend`). The departments reviewed and decided on the requirement as it was worded then, and an auditor reads the file as that reviewed requirement ({{cite:requirements-review}}): a changed wording under the old decision is a requirement nobody reviewed. The title and text are compared as csr/duplicate compares them — white space, full-width and half-width forms, Chinese or ASCII punctuation and a final full stop aside — but letter case counts; clauses are compared in any order. A title shortened while the whole wording moves unchanged to the text (as `csr set` allows without `--amend`) is no change. A CSR new since the base, or not decided at the base, is not compared; neither is an English title (`title_en`), a translation. The finding stands on the changed field and quotes both values, shortened.",
    bad: `
# csr/DYA/DYA-001.yaml: decided at the base with "提前60天书面通知"
text: 过程变更须提前30天书面通知东岳SQE。
`,
    good: `
# text: 过程变更须提前60天书面通知东岳SQE并获批准。 corrected with csr set --amend
amendments:
  - date: 2026-11-25
    field: text
    was: 过程变更须提前60天书面通知东岳SQE并获准。
    reason: 登记时漏录“批”字，与顾客手册原文核对
`,
    fix: "Change the field back to its wording at the base. If it corrects a typing error made when registering (the customer's document reads as corrected), make the correction with `csr set <id> --text <corrected text> --amend --reason <why>` (`--title`, `--clauses` likewise): the decision stands and the file records what was replaced, when and why. If the customer changed the requirement, record its new revision with `csr source update <source> --revision <revision> --received <date>`: the CSR is reviewed again, the earlier round kept on record. A requirement the customer states anew in another document is a new CSR that supersedes this one (`csr supersede`).",
  },
  check(ctx) {
    const base = ctx.options.base;
    if (!base) return;
    const decided = new Map<string, Csr>();
    for (const { value } of base.repo.csrs) if (value.review?.decision) decided.set(value.id, value);
    if (decided.size === 0) return;
    for (const { value: csr, file } of ctx.repo.csrs) {
      const before = decided.get(csr.id);
      if (!before || !ctx.keeps(file) || closedRounds(csr) > closedRounds(before)) continue;
      const amended = amendedSince(before, csr);
      for (const field of requirementChanges(before, csr)) {
        if (amended.has(field)) continue;
        const shown = (value: string | string[] | undefined) => (value === undefined ? t("rule.csr/requirement-changed.empty") : Array.isArray(value) ? value.join(", ") : value);
        const [was, now] = changeExcerpts(shown(before[field]), shown(csr[field]));
        const label = t(`set.csr.requirement.${field}`);
        const decision = before.review!.decision!;
        ctx.report(
          { file, path: csr[field] === undefined ? [] : [field] },
          t("rule.csr/requirement-changed", {
            id: csr.id,
            field: label,
            base: base.rev,
            was,
            now,
            date: decision.date,
            disposition: t(`value.disposition.${decision.disposition}`),
            command: `csr set ${shellArgument(csr.id)} ${FLAGS[field]} ${t("rule.csr/requirement-changed.corrected", { field: label })} --amend --reason ${t("rule.csr/requirement-changed.why")}`,
            source: shellArgument(csr.source.document),
          }),
        );
      }
    }
  },
};
