import { isSuccessor, parseVersion, successors } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";

/**
 * Versions run A/0, A/1 … then B/0, with dates never going back. A malformed version (A1, a/1) is
 * already a schema/invalid-value finding: the schema holds the pattern.
 */
export const rule: Rule = {
  id: "doc/version-sequence",
  severity: "error",
  summary: "Revision versions skip, repeat or go backwards, or revision dates go backwards.",
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const revisions = doc.revisions ?? [];
      for (let i = 1; i < revisions.length; i++) {
        const previous = revisions[i - 1]!;
        const revision = revisions[i]!;
        if (!isSuccessor(previous.version, revision.version)) {
          ctx.report({ file, path: ["revisions", i, "version"] }, `${revision.version} cannot follow ${previous.version}: ${problem(previous.version, revision.version)} The version after ${previous.version} is ${successors(previous.version).join(" or ")}; correct the version.`);
        }
        if (revision.date < previous.date) {
          ctx.report({ file, path: ["revisions", i, "date"] }, `Revision ${revision.version} is dated ${revision.date}, before the previous revision ${previous.version} (${previous.date}); revisions are listed oldest first, so correct the date or the order.`);
        }
      }
    }
  },
};

function problem(previous: string, next: string): string {
  const a = parseVersion(previous)!;
  const b = parseVersion(next)!;
  if (b.edition < a.edition || (b.edition === a.edition && b.revision <= a.revision)) return "versions must not repeat or go backwards.";
  if (b.edition === a.edition) return `it skips ${a.edition}/${a.revision + 1}.`;
  if (b.revision !== 0) return `a new edition starts at ${b.edition}/0.`;
  return `it skips edition ${String.fromCharCode(a.edition.charCodeAt(0) + 1)}.`;
}
