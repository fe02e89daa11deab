import { shellArgument } from "../../../core/text.js";
import { language, t } from "../../../i18n/index.js";
import { classificationName, csrClassification, higherClassification, withheldLevel } from "../../../model/classification.js";
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
      "(With `csr check --base <rev>`, and so in the pre-commit hook and CI.) A CSR whose review had a decision at the base revision has a different title, text or clauses now, while no new review round was opened since (a new revision of its source document, `csr source update`, moves the decided round to `review.history`) and its `amendments` record no correction of that field since (`csr set <id> --text … --amend`). The departments reviewed and decided on the requirement as it was worded then, and an auditor reads the file as that reviewed requirement ({{cite:requirements-review}}): a changed wording under the old decision is a requirement nobody reviewed. The title and text are compared as csr/duplicate compares them — white space, full-width and half-width forms, Chinese or ASCII punctuation and a final full stop aside — but letter case counts; clauses are compared in any order. A title shortened while the whole wording moves unchanged to the text (as `csr set` allows without `--amend`) is no change. A CSR new since the base, or not decided at the base, is not compared; neither is an English title (`title_en`), a translation. The finding stands on the changed field and quotes both values, shortened; the text of a CSR marked 秘密 or above (its own 密级 or its source document's, now or at the base) is not quoted — the message names the `git diff` that shows it — as CI logs, PR annotations and reports are read outside the repository's access control.",
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
    const customers = new Map(ctx.repo.customers.map((c) => [c.value.code, c.value]));
    const baseCustomers = new Map(base.repo.customers.map((c) => [c.value.code, c.value]));
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
        // The text of a CSR marked 秘密 or above (now or at the base) is not quoted: CI output is read outside the
        // repository's access control (tester57 E2). Its title and clauses are what the site shows of it too.
        const withheld = field === "text" ? withheldLevel(higherClassification(csrClassification(customers.get(csr.customer), csr), csrClassification(baseCustomers.get(before.customer), before))) : "";
        ctx.report(
          { file, path: csr[field] === undefined ? [] : [field] },
          t(withheld === "" ? "rule.csr/requirement-changed" : "rule.csr/requirement-changed.withheld", {
            id: csr.id,
            field: label,
            base: base.rev,
            was,
            now,
            classification: classificationName(language(), withheld),
            diff: `git diff ${shellArgument(base.rev)} -- ${shellArgument(file.path)}`,
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
