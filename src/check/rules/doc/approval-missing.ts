import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";

/** A released document is in force only with a recorded author (编制) and approver (批准). */
export const rule: Rule = {
  id: "doc/approval-missing",
  severity: "error",
  summary: "A released document's current revision has no approver or no preparer.",
  docs: {
    description:
      "A released document without any revision entry, or whose current (last) revision has no `prepared` or no `approved` signature. A document is in force only once it is approved (批准); the header of every printed copy shows who prepared and who approved the current version.",
    bad: `
    prepared: { by: zhang, date: 2024-01-10 }
    reviewed: { by: li, date: 2024-01-10 }
# no 'approved'
`,
    fix: "Add the signatures as signed on the paper copy, or release the document with `csr release`, which records them.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      if (doc.status !== "released") continue;
      const current = currentRevision(doc);
      if (!current) {
        ctx.report({ file, path: ["status"] }, `${doc.id} is released but has no revision entry, so nobody approved it. Release it with 'csr release ${doc.id} ...', which records version, preparer and approver.`);
        continue;
      }
      const index = doc.revisions!.length - 1;
      const missing = (["prepared", "approved"] as const).filter((role) => !current[role]);
      if (missing.length > 0) {
        ctx.report(
          { file, path: ["revisions", index] },
          `Revision ${current.version} of the released document ${doc.id} has no ${missing.join(" and no ")} signature. Add ${missing.map((m) => `'${m}: { by: <person>, date: <date> }'`).join(" and ")} as signed on the paper copy.`,
        );
      }
    }
  },
};
