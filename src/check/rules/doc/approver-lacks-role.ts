import { currentRevision } from "../../../model/index.js";
import type { Role } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { codeWithLabel, personWithId } from "../../../i18n/values.js";

const SIGNATURES: [role: "prepared" | "reviewed" | "standardization" | "approved", needs: Role][] = [
  ["prepared", "author"],
  ["reviewed", "reviewer"],
  ["standardization", "standardization"],
  ["approved", "approver"],
];

/**
 * Only people authorised in people.yaml prepare (编制), review (审核), check a GJB document's
 * standardization (标准化审查) and approve (批准). Only the current revision is checked: earlier ones were signed
 * under the roles of their day.
 */
export const rule: Rule = {
  id: "doc/approver-lacks-role",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "The current revision is approved (or prepared, reviewed, or checked for standardization) by someone without that role in people.yaml.",
  dependsOn: ["people.yaml"],
  docs: {
    description:
      "A current revision approved by someone without the role `approver`, reviewed by someone without the role `reviewer`, prepared (编制) by someone without the role `author`, or (GJB) checked for standardization (标准化审查) by someone without the role `standardization`, in `people.yaml`. Only the current revision is checked: earlier revisions were signed under the roles people had then. An unknown person is reported by `ref/unresolved`. Who may prepare, review and approve documents is an authorisation the organisation defines; a signature from anyone else does not release the document.",
    bad: `
    reviewed: { by: wang, date: 2024-01-10 }   # wang has roles [approver]
    approved: { by: li, date: 2024-01-10 }     # li has roles [author, reviewer]
`,
    good: `
    reviewed: { by: li, date: 2024-01-10 }
    approved: { by: wang, date: 2024-01-10 }
`,
    fix: "Have an authorised person sign, or, when the role has really been granted, give it to the person with `csr person update <id> --roles <roles>` (the list replaces the person's roles: name the ones they have too).",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const current = currentRevision(doc);
      if (!current) continue;
      for (const [signature, needs] of SIGNATURES) {
        const by = current[signature]?.by;
        const person = by === undefined ? undefined : ctx.index.people.get(by)?.value;
        if (!person || person.roles.includes(needs)) continue;
        ctx.report(
          { file, path: ["revisions", doc.revisions!.length - 1, signature, "by"] },
          t(`rule.doc/approver-lacks-role.${signature}`, {
            who: personWithId(person),
            version: current.version,
            role: codeWithLabel(needs, t(`value.role.${needs}`)),
            command: `csr person update ${person.id} --roles ${[...person.roles, needs].join(",")}`,
          }),
        );
      }
    }
  },
};
