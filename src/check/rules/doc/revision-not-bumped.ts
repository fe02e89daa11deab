import { asCompleted, asCompletedRecord, bodyOnPaper, changedContentFields, isSuccessor, revisedContent, stableJson, successors } from "../../../model/revision.js";
import { isRecord } from "../../../core/guards.js";
import type { Located } from "../../../load/repository.js";
import { releaseTag } from "../../../model/paths.js";
import type { ControlledDocument, Path } from "../../../model/types.js";
import type { Rule, RuleContext } from "../../rule.js";
import { documentPairs, releasedSinceBranch } from "./compare.js";
import { disjunction, list, t } from "../../../i18n/index.js";

/** A released document changes only through a new revision: its printed copies must stay true. */
export const rule: Rule = {
  id: "doc/revision-not-bumped",
  severity: "error",
  scope: { files: "own" },
  summary: "A released document's content changed since the base revision without a new revision entry.",
  docs: {
    description:
      "(With `csr check --base <rev>`; the comparison with the release tag below also without it.) A document that was released at the base revision and whose content has changed since, without a new revision entry — or whose first new entry is not the version that follows the base's last one. Content is what the printed copy shows and its approvers approved: everything except the revision record and the register data kept about the document (its English title `title_en`, distribution and recall, electronic issues, training, periodic reviews, the clauses and processes it is mapped to, a form's record keeping `record`, the review interval; see [docs/format.md](format.md#content-and-register-data)); withdrawing the document (what `csr obsolete` writes) is not a content change. Documents are matched by id, so moving or renaming a file is not a change by itself. External documents (`kind: external`) are not compared: the organisation does not revise them, it records a new edition of the publisher's under `external` (and recalls the copies of the old one). A document marked as being revised (`revising`, 修订中: `csr submit <id>` on a released document) is not compared either: its file holds the draft of the next version, shared for 会签 and approval while the current version stays in force with the text of its release tag, and `csr release` records the new revision. A document imported from a register without its body (its current revision marked `imported`, no `sections`: the body is on paper) may have its `sections`, `related` and `forms` written in under that revision (a Word import, `csr import --link-forms`, `csr set --add-form`), and its `department` corrected to the one its paper header gives (`csr set --department`): that completes the import of the revision approved on paper rather than changing it ([docs/format.md](format.md#content-and-register-data)); once it has sections, a change to them needs a new revision.\n\nPrinted and distributed copies of a released document carry its version. If the text changes under the same version, two different documents exist with one number, and the revision record (修订记录) no longer tells the truth. This is the pull-request check: CI runs `csr check --base origin/main`. Whatever the base, a released document whose file changed since the base is also compared with the content at its current version's release tag (`csr release` tags `QP-016/A-0`): a document released and then edited in the same pull request is new at the base, but its tag records what was approved. Without `--base`, `csr check` compares every released document with its current version's release tag the same way (one git read for all the documents, none but a listing when the repository has no tags), so a released document edited in the working tree is reported before any pull request. The finding names the changed fields and stands on the first changed value, so that a pull request's annotation falls on a line of its diff.\n\nA draft edited on a branch while the target branch released it (its release tag names a version the branch's file has not recorded) is one finding, naming the version and its date: before the target is merged in, on the branch's first change; after a merge that kept the branch's draft (status draft, the release's revision entry missing), on its status, instead of a removed revision entry (doc/revision-history-rewritten) beside a content change. The branch's edits go into the next revision: merge the target keeping its release, mark the document as being revised with `csr submit <id> --by <author>`, and release it.",
    bad: `
sections:
  - title: 目的
    text: 规定顾客特定要求的识别、评审和落实期限。   # changed since the base, still A/0
`,
    good: `
  - version: A/1
    date: 2026-03-02
    summary: 增加落实期限
`,
    fix: "Record the change as a new revision with `csr release <id> --summary ...` (next revision, or `--major` for a new edition), or undo the change; to commit a revision draft for 会签 before it is released, mark it as being revised first with `csr submit <id>`. A document whose body is on its paper original (imported from a register) cannot be released by csr: undo the change, or import the Word original of its current revision (`csr import <file>.docx`) and revise it in the repository.",
  },
  check(ctx) {
    const rev = ctx.options.base?.rev;
    // Without a base, a released document edited since its release tag (csr check finds the tags: options.released).
    if (!ctx.options.base) for (const current of ctx.index.documents.values()) if (current.value.kind !== "external" && !current.value.revising) differsFromRelease(ctx, current);
    for (const pair of documentPairs(ctx)) {
      const { current, base } = pair;
      // An external document is not revised by the organisation: a new edition is recorded under `external`.
      // A document being revised (修订中, csr submit) holds the draft of its next version, which csr release records.
      if (current.value.kind === "external" || current.value.revising) continue;
      // Released on the target while this branch edited its draft: one finding, with the way to a new revision (tester57 E4).
      const released = releasedSinceBranch(ctx, pair);
      if (released) {
        const doc = current.value;
        const at = released.merged ? ["status"] : contentChange(base!, doc)?.at ?? ["status"];
        ctx.report(
          at.length > 0 ? { file: current.file, path: at } : { file: current.file, path: ["id"], key: true },
          t(released.merged ? "rule.doc/revision-not-bumped.released-since-branch-merged" : "rule.doc/revision-not-bumped.released-since-branch", {
            document: doc.id,
            version: released.version,
            date: released.date,
            base: rev ?? "",
            file: current.file.path,
            status: doc.status,
            next: disjunction(successors(released.version)),
            fields: list(contentChange(base!, doc)?.fields ?? []),
          }),
        );
        continue;
      }
      // A document whose body was on paper at the base may have it written in now (asCompleted: the import completed, not a change).
      if (!base || base.status !== "released" || revisedContent(asCompleted(base, current.value)) === revisedContent(current.value)) {
        differsFromRelease(ctx, current);
        continue;
      }
      const doc = current.value;
      const before = base.revisions ?? [];
      const last = before[before.length - 1]?.version;
      // The earlier revisions of the paper record written in with a body that was on paper are not new ones (asCompletedRecord).
      const record = asCompletedRecord(base, doc);
      const added = record.slice(before.length);
      const offset = (doc.revisions?.length ?? 0) - record.length;
      const next = last ? disjunction(successors(last)) : "A/0";
      if (added.length === 0) {
        // On the first changed value, so that a pull request's annotation falls on a line of its diff.
        const { fields, at } = contentChange(asCompleted(base, doc), doc)!;
        ctx.report(
          at.length > 0 ? { file: current.file, path: at } : { file: current.file, path: doc.revisions ? ["revisions"] : ["id"], key: true },
          // Its body on paper, csr release refuses it: the finding says what works, as that refusal does (tester54b B16).
          t(last && bodyOnPaper(doc) ? "rule.doc/revision-not-bumped.on-paper" : last ? "rule.doc/revision-not-bumped.as" : "rule.doc/revision-not-bumped", { document: doc.id, last: last ?? "", base: rev ?? "", next, fields: list(fields) }),
        );
      } else if (last && !isSuccessor(last, added[0]!.version)) {
        ctx.report(
          { file: current.file, path: ["revisions", before.length + offset, "version"] },
          t("rule.doc/revision-not-bumped.wrong-version", { version: added[0]!.version, document: doc.id, last, base: rev ?? "", next }),
        );
      } else {
        // Revised properly since the base, then perhaps edited after that new revision's release.
        differsFromRelease(ctx, current);
      }
    }
  },
};

/**
 * How a document's revised content (revisedContent) changed from `before` to `now`: the top-level
 * fields that differ and the path of the first changed value (a pull request's annotation falls on a
 * line of its diff); undefined when the content is the same.
 */
function contentChange(before: ControlledDocument, now: ControlledDocument): { fields: string[]; at: ReturnType<typeof firstChange> } | undefined {
  const change = changedContentFields(before, now);
  return change && { fields: change.fields, at: firstChange(change.was, change.is) };
}

/**
 * A released document whose current version has its release tag (`csr release` tags QP-016/A-0),
 * and whose content differs from the content at that tag: edited after its release, whatever the
 * base (a document released and then edited in the same pull request is new at the base). A draft
 * or a document in review is a new revision in preparation, not a claim to be the released text.
 */
function differsFromRelease(ctx: RuleContext, current: Located<ControlledDocument>): void {
  const doc = current.value;
  const version = doc.revisions?.at(-1)?.version;
  if (version === undefined || (doc.status !== "released" && doc.status !== "obsolete")) return;
  const released = (ctx.options.base?.released ?? ctx.options.released)?.get(releaseTag(doc.id, version));
  if (!released) return;
  const change = contentChange(released.document, doc);
  if (!change) return;
  const { fields, at } = change;
  ctx.report(
    at.length > 0 ? { file: current.file, path: at } : { file: current.file, path: ["revisions"], key: true },
    t("rule.doc/revision-not-bumped.tagged", { document: doc.id, last: released.version, tag: released.tag, next: disjunction(successors(released.version)), fields: list(fields) }),
  );
}

/**
 * The path of the first value, in the current document's order, that differs from the base's: a
 * changed scalar, an added key or item; the containing value when something was only removed.
 */
function firstChange(before: unknown, now: unknown, path: Path = []): Path {
  const differs = (a: unknown, b: unknown) => stableJson(a) !== stableJson(b);
  if (isRecord(before) && isRecord(now)) {
    const key = Object.keys(now).find((k) => differs(before[k], now[k]));
    if (key === undefined) return path;
    return key in before ? firstChange(before[key], now[key], [...path, key]) : [...path, key];
  }
  if (Array.isArray(before) && Array.isArray(now)) {
    const i = now.findIndex((item, j) => j >= before.length || differs(before[j], item));
    if (i === -1) return path;
    return i < before.length ? firstChange(before[i], now[i], [...path, i]) : [...path, i];
  }
  return path;
}
