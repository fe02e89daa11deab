import { revisionDate, revisionSummary, rewrittenEntries } from "../../../model/revision.js";
import type { ControlledDocument } from "../../../model/types.js";
import { releaseTag } from "../../../model/paths.js";
import type { Located } from "../../../load/repository.js";
import type { Rule, RuleContext } from "../../rule.js";
import { documentPairs, releasedSinceBranch } from "./compare.js";
import { language, list, t } from "../../../i18n/index.js";

/** The revision record is evidence of what was approved when: entries are appended, never edited. */
export const rule: Rule = {
  id: "doc/revision-history-rewritten",
  severity: "error",
  scope: { files: "own" },
  summary: "A revision entry that existed at the base revision, or at the current version's release tag, was edited or removed.",
  docs: {
    description:
      "A revision entry that existed at the base revision (`--base`) and has since been edited (date, summary, pages, total pages or a signature: 编制, 审核, 会签, 标准化审查, 批准, 军代表) or removed. Without `--base`, `csr check` compares a released document's entries with those its current version's release tag recorded (`csr release` tags `QP-016/A-0`), so an entry edited in the working tree is reported before it is committed; `csr release` refuses to commit such an edit with the next revision. Entries are matched by version. A signature recorded where the entry had none, or a 会签 added after those recorded (补签 from the paper original, `csr sign`), is not a rewrite; nor, while the document's body was on paper at the base (imported from a register without its text), is the paper record its Word original brings with the body (`csr import FILE.docx`): the revisions before the imported one, and the summary, pages and total pages the imported entry lacked. `csr history` marks the same changes. Each entry is evidence of what was approved, by whom and when (ISO 9001 7.5.3.2 c: protected from unintended alteration); an auditor compares it with the signed paper copy and with git, and an entry that changes after the fact destroys that evidence.",
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
    fix: "Restore the entry as it was (`git show <base>:<file>`, or `git show <tag>:<file>` for a release tag), and record any correction as a new revision.",
  },
  check(ctx) {
    const rev = ctx.options.base?.rev;
    // Without a base, a released document whose file differs from its current version's release tag (options.released).
    if (!ctx.options.base) {
      for (const current of ctx.index.documents.values()) {
        const version = current.value.revisions?.at(-1)?.version;
        const released = version === undefined ? undefined : ctx.options.released?.get(releaseTag(current.value.id, version));
        if (released) report(ctx, current, released.document, t("rule.doc/revision-history-rewritten.tag", { tag: released.tag }));
      }
    }
    for (const pair of documentPairs(ctx)) {
      // The target released the document while this branch kept its draft: doc/revision-not-bumped says so, once (tester57 E4).
      if (releasedSinceBranch(ctx, pair)) continue;
      report(ctx, pair.current, pair.base, rev ?? "");
    }
  },
};

/** One finding per entry of `before` that `current` removed or edited; `base` names where the entry was recorded (a revision or a tag). */
function report(ctx: RuleContext, current: Located<ControlledDocument>, before: ControlledDocument | undefined, base: string): void {
  for (const { was, index, fields } of rewrittenEntries(before, current.value)) {
    if (index === -1) {
      ctx.report(
        { file: current.file, path: current.value.revisions ? ["revisions"] : ["id"], key: true },
        // An imported revision has no summary of its own: it reads as csr says elsewhere, 导入前已发布的版本 (tester54b B16).
        t(revisionSummary(was, language()) === "" ? "rule.doc/revision-history-rewritten.removed-undescribed" : "rule.doc/revision-history-rewritten.removed", { version: was.version, date: revisionDate(was, language()), summary: revisionSummary(was, language()), base }),
      );
    } else {
      ctx.report({ file: current.file, path: ["revisions", index, fields[0]!] }, t("rule.doc/revision-history-rewritten.changed", { version: was.version, base, fields: list(fields) }));
    }
  }
}
