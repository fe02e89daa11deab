import { list, t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import { csrWork, documentWork, type PersonWork } from "../../../model/person-work.js";
import { describe } from "../../../model/recorded-events.js";
import type { SourceFile } from "../../../load/source.js";
import type { Path } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * Whether a piece of recorded work is a signature an operator may not give: a revision's 编制, 审核, 会签,
 * 标准化审查 or 批准, and a CSR review's opinion, decision, 记录 or 评审组长 (this round's or an earlier one's).
 * The 军代表's signature is person/military-signature's.
 */
function signs(work: PersonWork): boolean {
  if (work.path.includes("military_representative")) return false;
  if (work.path[0] === "revisions") return true;
  if (work.path[0] !== "review") return false;
  const field = work.path.at(-2);
  return field === "decision" || field === "recorder" || field === "leader" || work.path.at(-1) === "reviewer";
}

/**
 * IATF 16949 7.5.2 / GJB 9001C 7.5.2 (documents reviewed and approved by those authorised) and 8.2.3 (the review
 * of requirements by the departments' responsible people): an operator (操作工, people.yaml `operator: true`;
 * IATF 16949 7.2.1, 7.2.2) is trained and qualified at stations and holds copies, but signs nothing. `csr person
 * add|update` refuses an operator with roles, and `csr release`, `csr sign` and `csr review` refuse one as a
 * signer or reviewer (commands/shared/people.ts refuseOperator); this finds it in files written by hand.
 */
export const rule: Rule = {
  id: "person/operator-signature",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "An operator (people.yaml operator: true) holds roles, or signs a document's revision or a CSR's review.",
  dependsOn: ["people.yaml"],
  docs: {
    description:
      "An operator (操作工: `operator: true` in `people.yaml`) is trained and qualified at stations and holds controlled copies, but does not prepare, review, countersign or approve documents, nor give a department's opinion on a CSR or sign its review. `csr person add` and `csr person update` refuse an operator with `roles`, and `csr release`, `csr sign` and `csr review` refuse an operator as a signer or reviewer. Reported, for files written by hand: an operator with `roles` in `people.yaml`; a revision signature (编制 `prepared`, 审核 `reviewed`, 会签 `countersigned`, 标准化审查 `standardization`, 批准 `approved`) in an operator's name; and a CSR's review opinion (`review.opinions[].reviewer`), decision (`review.decision.by`) or review report signature (记录 `recorder`, 评审组长 `leader`), of the current round or an earlier one (`review.history`), in an operator's name. A signature in the name of someone not authorised to give it misstates who approved the document or reviewed the requirement ({{cite:document-approval}}; {{cite:requirements-review}}).",
    bad: `
    reviewed: { by: wangxiaoer, date: 2026-11-19 }   # wangxiaoer: operator: true in people.yaml
`,
    good: `
    reviewed: { by: li, date: 2026-11-19 }
`,
    fix: "Record each signature in the name of the person who signed in that capacity (a reviewer, approver or the department's responsible person); remove an operator's roles with `csr person update <id> --roles ''`. A person who is no operator (any more) loses the mark with `csr person update <id> --no-operator`.",
  },
  check(ctx) {
    const operator = (id: string) => {
      const person = ctx.index.people.get(id)?.value;
      return person?.operator ? person : undefined;
    };
    for (const { value: person, file, path } of ctx.index.people.values()) {
      if (!person.operator || person.roles.length === 0) continue;
      ctx.report({ file, path: [...path, "roles"] }, t("rule.person/operator-signature.roles", { who: personWithId(person), id: person.id, roles: list(person.roles.map((r) => t(`value.role.${r}`))) }));
    }
    const report = (file: SourceFile, path: Path, work: readonly PersonWork[]) => {
      for (const w of work) {
        const person = signs(w) ? operator(w.person) : undefined;
        if (person) ctx.report({ file, path: [...path, ...w.path] }, t("rule.person/operator-signature.signature", { who: personWithId(person), id: person.id, what: describe(w.what), date: w.date }));
      }
    };
    for (const { value, file, path } of ctx.index.csrs.values()) report(file, path, csrWork(value));
    for (const { value, file, path } of ctx.index.documents.values()) report(file, path, documentWork(value));
  },
};
