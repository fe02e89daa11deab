import type { Rule } from "../../rule.js";
import { documentPairs } from "./compare.js";
import { list, t } from "../../../i18n/index.js";

/**
 * Segregation of duties checked against git (ISO 9001 7.5.2 c: a change is approved by someone other
 * than its author): the approver of a new revision did not commit the change of its text. It needs
 * `--base` (to know the commits) and people's git e-mails in people.yaml. A commit that only records
 * the approval or the release (the approver running `csr release` or `csr sign`) is not the change
 * (load/base.ts changeAuthors, model/revision.ts recordsOnly; tester57 E7).
 */
export const rule: Rule = {
  id: "doc/approved-by-author",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "The approver of a new revision authored commits that changed the document's text (needs --base and people's e-mails).",
  dependsOn: ["people.yaml"],
  docs: {
    description:
      "(With `--base`, and only for people whose `emails` are listed in `people.yaml`.) A revision added since the base whose approver is the author of a commit that changed the document's text since the base. An uncommitted change in the working tree counts as the work of the configured git user (`git config user.email`); with `--staged` (the pre-commit hook), a staged change counts as the work of the commit's author (`GIT_AUTHOR_EMAIL`, else `git config user.email`). The YAML can say that someone else prepared the change, but git records who made it: if the approver made the change, nobody independent approved it.\n\nA change that only records what was done about the text is nobody's authorship of it: the revision entry with its signatures, the status and 生效日期, the electronic issue and the other register data ([docs/format.md](format.md#content-and-register-data)), all that `csr release`, `csr sign` and `csr submit` write. So the approver may run `csr release <id>` (which commits) or `csr sign <id> --approved <self> --commit` on a revision whose text the preparer committed; and a document controller (文控) or the preparer may record the release naming the approver, whose signature is then that of the paper original: csr has no commit of theirs to compare, and reports nothing.",
    fix: "Let the preparer commit the change of the text and the approver only approve it (the approver may then release or sign it themselves), or have another approver sign.",
  },
  check(ctx) {
    const base = ctx.options.base;
    if (!base) return;
    for (const { current, base: before } of documentPairs(ctx)) {
      const authors = base.authors.get(current.file.path);
      if (!authors) continue;
      const revisions = current.value.revisions ?? [];
      for (let i = before?.revisions?.length ?? 0; i < revisions.length; i++) {
        const by = revisions[i]!.approved?.by;
        const approver = by === undefined ? undefined : ctx.index.people.get(by)?.value;
        const shared = (approver?.emails ?? []).filter((e) => authors.has(e.toLowerCase()));
        if (!approver || shared.length === 0) continue;
        ctx.report(
          { file: current.file, path: ["revisions", i, "approved", "by"] },
          t("rule.doc/approved-by-author", { name: approver.name, person: approver.id, version: revisions[i]!.version, document: current.value.id, base: base.rev, emails: list(shared) }),
        );
      }
    }
  },
};
