import { isSuccessor, revisedContent, successors } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";
import { documentPairs } from "./compare.js";

/** A released document changes only through a new revision: its printed copies must stay true. */
export const rule: Rule = {
  id: "doc/revision-not-bumped",
  severity: "error",
  summary: "A released document's content changed since the base revision without a new revision entry.",
  check(ctx) {
    const rev = ctx.options.base?.rev;
    for (const { current, base } of documentPairs(ctx)) {
      if (!base || base.status !== "released" || revisedContent(base) === revisedContent(current.value)) continue;
      const doc = current.value;
      const before = base.revisions ?? [];
      const last = before[before.length - 1]?.version;
      const added = (doc.revisions ?? []).slice(before.length);
      const next = last ? successors(last).join(" or ") : "A/0";
      if (added.length === 0) {
        ctx.report(
          { file: current.file, path: doc.revisions ? ["revisions"] : ["id"], key: true },
          `${doc.id} was released${last ? ` as ${last}` : ""} at ${rev} and its content has changed since, but no revision entry was added. Record the change as revision ${next} ('csr release ${doc.id} --summary ...'), or undo the change.`,
        );
      } else if (last && !isSuccessor(last, added[0]!.version)) {
        ctx.report(
          { file: current.file, path: ["revisions", before.length, "version"] },
          `The new revision entry is ${added[0]!.version}, but ${doc.id} was at ${last} at ${rev}; the next version is ${next}.`,
        );
      }
    }
  },
};
