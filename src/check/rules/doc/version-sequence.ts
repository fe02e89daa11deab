import { isSuccessor, parseVersion, successors } from "../../../model/revision.js";
import type { Rule } from "../../rule.js";
import { disjunction, t } from "../../../i18n/index.js";

/**
 * Versions run A/0, A/1 … then B/0, with dates never going back. A malformed version (A1, a/1) is
 * already a schema/invalid-value finding: the schema holds the pattern. A revision imported without a
 * date was released before the repository (issuedOn), so before every dated one: it never follows one.
 */
export const rule: Rule = {
  id: "doc/version-sequence",
  severity: "error",
  scope: { files: "own" },
  summary: "Revision versions skip, repeat or go backwards, or revision dates go backwards.",
  docs: {
    description:
      "Revision entries whose versions do not follow each other — a skipped revision (A/0 → A/2), a repeated or backward version (A/1 → A/1, B/0 → A/3), a new edition that does not start at X/0 (A/2 → B/1), or a skipped edition (A/2 → C/0) — and revision dates that go backwards, including an entry without a date (an imported revision whose register gave none, released before the repository) after a dated one. A malformed version (`A1`, `a/1`) is reported by `schema/invalid-value`. The version scheme A/0, A/1 … B/0 lets a reader tell at once whether a copy is current; a gap makes people look for a revision that never existed, a date going back suggests a record written after the fact.",
    bad: `
  - version: A/0
    date: 2024-03-10
    summary: 首次发布
    prepared: { by: zhang, date: 2024-03-10 }
    reviewed: { by: li, date: 2024-03-10 }
    approved: { by: wang, date: 2024-03-10 }
  - version: A/2        # skips A/1
    date: 2024-03-01    # before A/0
`,
    fix: "Correct the version or the date; entries are listed oldest first.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const revisions = doc.revisions ?? [];
      for (let i = 1; i < revisions.length; i++) {
        const previous = revisions[i - 1]!;
        const revision = revisions[i]!;
        if (!isSuccessor(previous.version, revision.version)) {
          ctx.report({ file, path: ["revisions", i, "version"] }, t("rule.doc/version-sequence", { version: revision.version, previous: previous.version, problem: problem(previous.version, revision.version), next: disjunction(successors(previous.version)) }));
        }
        if (previous.date === undefined) continue;
        if (revision.date === undefined) {
          ctx.report({ file, path: ["revisions", i, "version"] }, t("rule.doc/version-sequence.undated", { version: revision.version, previous: previous.version, previousDate: previous.date }));
        } else if (revision.date < previous.date) {
          ctx.report({ file, path: ["revisions", i, "date"] }, t("rule.doc/version-sequence.date", { version: revision.version, date: revision.date, previous: previous.version, previousDate: previous.date }));
        }
      }
    }
  },
};

function problem(previous: string, next: string): string {
  const a = parseVersion(previous)!;
  const b = parseVersion(next)!;
  if (b.edition < a.edition || (b.edition === a.edition && b.revision <= a.revision)) return t("rule.doc/version-sequence.backwards");
  if (b.edition === a.edition) return t("rule.doc/version-sequence.skips", { version: `${a.edition}/${a.revision + 1}` });
  if (b.revision !== 0) return t("rule.doc/version-sequence.new-edition", { version: `${b.edition}/0` });
  return t("rule.doc/version-sequence.skips-edition", { edition: String.fromCharCode(a.edition.charCodeAt(0) + 1) });
}
