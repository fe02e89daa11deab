import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";

/** Segregation of duties: whoever prepares a revision does not approve it. */
export const rule: Rule = {
  id: "doc/self-approval",
  severity: "error",
  summary: "The current revision is approved by the person who prepared it.",
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const current = currentRevision(doc);
      const by = current?.approved?.by;
      if (!current || by === undefined || by !== current.prepared?.by) continue;
      ctx.report(
        { file, path: ["revisions", doc.revisions!.length - 1, "approved", "by"] },
        `Revision ${current.version} of ${doc.id} is prepared and approved by the same person (${by}). Another approver must approve it.`,
      );
    }
  },
};
