import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** Segregation of duties: whoever prepares a revision does not approve it. */
export const rule: Rule = {
  id: "doc/self-approval",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "The current revision is approved by the person who prepared it.",
  docs: {
    description:
      "A current revision whose approver is also its preparer. Segregation of duties: the approval is a second person's judgement of the change.",
    bad: `
    prepared: { by: wang, date: 2024-01-10 }
    reviewed: { by: li, date: 2024-01-10 }
    approved: { by: wang, date: 2024-01-10 }
`,
    good: `
    prepared: { by: zhang, date: 2024-01-10 }
    reviewed: { by: li, date: 2024-01-10 }
    approved: { by: wang, date: 2024-01-10 }
`,
    fix: "Have another approver approve the revision. `csr release` refuses to record a self-approval in the first place.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const current = currentRevision(doc);
      const by = current?.approved?.by;
      if (!current || by === undefined || by !== current.prepared?.by) continue;
      ctx.report(
        { file, path: ["revisions", doc.revisions!.length - 1, "approved", "by"] },
        t("rule.doc/self-approval", { version: current.version, document: doc.id, person: by }),
      );
    }
  },
};
