import { asCompletedRecord, changedRevisionFields, revisionDate, revisionSummary } from "../../../model/revision.js";
import type { Revision } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { documentPairs, releasedSinceBranch } from "./compare.js";
import { language, list, t } from "../../../i18n/index.js";

const FIELDS = ["date", "summary", "pages", "total_pages", "prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"] as const;

/** The revision record is evidence of what was approved when: entries are appended, never edited. */
export const rule: Rule = {
  id: "doc/revision-history-rewritten",
  severity: "error",
  scope: { files: "own" },
  summary: "A revision entry that existed at the base revision was edited or removed.",
  docs: {
    description:
      "(With `--base`.) A revision entry that existed at the base revision and has since been edited (date, summary, pages, total pages or a signature: 编制, 审核, 会签, 标准化审查, 批准, 军代表) or removed. Entries are matched by version. A signature recorded where the entry had none, or a 会签 added after those recorded (补签 from the paper original, `csr sign`), is not a rewrite; nor, while the document's body was on paper at the base (imported from a register without its text), is the paper record its Word original brings with the body (`csr import FILE.docx`): the revisions before the imported one, and the summary, pages and total pages the imported entry lacked. `csr history` marks the same changes. Each entry is evidence of what was approved, by whom and when; an auditor compares it with the signed paper copy and with git, and an entry that changes after the fact destroys that evidence.",
    bad: `
  - version: A/0
    date: 2026-01-05
    summary: 首次发布（补记）   # was "首次发布" at the base
`,
    good: `
  - version: A/0
    date: 2026-01-05
    summary: 首次发布
`,
    fix: "Restore the entry as it was (`git show <base>:<file>`), and record any correction as a new revision.",
  },
  check(ctx) {
    const rev = ctx.options.base?.rev;
    for (const pair of documentPairs(ctx)) {
      const { current, base } = pair;
      // The target released the document while this branch kept its draft: doc/revision-not-bumped says so, once (tester57 E4).
      if (releasedSinceBranch(ctx, pair)) continue;
      // Completing the paper record of a revision whose body was on paper rewrites nothing (asCompletedRecord).
      const now = asCompletedRecord(base, current.value);
      const offset = (current.value.revisions?.length ?? 0) - now.length;
      for (const old of base?.revisions ?? []) {
        const found = now.findIndex((r) => r.version === old.version);
        const i = found === -1 ? -1 : found + offset;
        if (i === -1) {
          ctx.report(
            { file: current.file, path: current.value.revisions ? ["revisions"] : ["id"], key: true },
            // An imported revision has no summary of its own: it reads as csr says elsewhere, 导入前已发布的版本 (tester54b B16).
            t(revisionSummary(old, language()) === "" ? "rule.doc/revision-history-rewritten.removed-undescribed" : "rule.doc/revision-history-rewritten.removed", { version: old.version, date: revisionDate(old, language()), summary: revisionSummary(old, language()), base: rev ?? "" }),
          );
          continue;
        }
        // A signature recorded where the entry had none (补签, csr sign) completes the record; it rewrites nothing.
        const changed = changedRevisionFields(old, now[found] as Revision, FIELDS);
        if (changed.length > 0) {
          ctx.report(
            { file: current.file, path: ["revisions", i, changed[0]!] },
            t("rule.doc/revision-history-rewritten.changed", { version: old.version, base: rev ?? "", fields: list(changed) }),
          );
        }
      }
    }
  },
};
