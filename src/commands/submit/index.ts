/**
 * `csr submit <documents...>`: a document goes for approval (送审), or with `--withdraw` comes back
 * from it. IATF 16949 7.5.2 / GJB 9001C 7.5.2: documents are reviewed and approved before issue, and
 * 7.5.3.2: a change is approved before the changed text is issued.
 * - A draft: status `draft` → `in-review` (审批中), with the day and who submitted it (`submitted:
 *   {since, by?}`, the change report's 送审 row), back with `--withdraw` (退回修改, removing it). The
 *   status is what the registers show as 审批中 and what `doc/form-no-fields` and `csr obsolete` treat
 *   as a document under approval.
 * - A released document: its revision goes for 会签 and approval (修订中, `revising: {since, by?}`):
 *   the file holds the draft of the next version, which may be committed and reviewed in a pull
 *   request (doc/revision-not-bumped leaves it to `csr release`), while the current revision stays in
 *   force with the text of its release tag (registers, `csr render`, `csr site`). `--withdraw` gives
 *   the revision up (removes the mark) once the text is back to the version in force: a released
 *   document never holds unreleased text unmarked.
 * A document is submitted complete: a section without text (as `csr new` scaffolds it) is refused,
 * as `csr release` refuses it. Releasing (`csr release`) is the approval itself; it takes a draft, a
 * document in review or a revision in preparation alike, and removes the mark.
 * Errors: UserError for an unknown document, one whose status does not allow the step, a revision
 * already submitted, an external document, empty sections, or a withdrawal whose text differs from
 * the version in force; nothing is written for any of the documents named when one is refused.
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { releasedRevisions } from "../../load/base.js";
import { currentRevision } from "../../model/index.js";
import { releaseTag } from "../../model/paths.js";
import { revisionEvent } from "../../model/recorded-events.js";
import { revisedContent } from "../../model/revision.js";
import type { ControlledDocument } from "../../model/types.js";
import { shellArgument } from "../../core/text.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { gitRead } from "../../load/git.js";
import { refuseEmptySections } from "../release/index.js";
import { setAfter } from "../release/document.js";
import { personLabel } from "../shared/people.js";
import { versionInForceText } from "../shared/revising.js";
import { editFile, findDocumentById, personOption, saveChanges, withEditSession } from "../shared/edit.js";

export interface SubmitFlags {
  /** Back to draft (退回修改), or a revision given up, instead of for approval. */
  withdraw?: boolean;
  /** The day a revision of a released document is submitted (default today). */
  date?: string;
  /** Who submits a revision of a released document (people.yaml id or name). */
  by?: string;
  yes?: boolean;
  commit?: boolean;
}

/** What to do instead, by the step refused and the document's status (a step is never refused for its own starting status: those two entries are not used). */
const HINTS = {
  submit: { "in-review": "submit.hint.submit.in-review", released: "submit.hint.submit.in-review", obsolete: "submit.hint.submit.obsolete", draft: "submit.hint.submit.in-review" },
  withdraw: { draft: "submit.hint.withdraw.draft", released: "submit.hint.withdraw.released", obsolete: "submit.hint.withdraw.obsolete", "in-review": "submit.hint.withdraw.draft" },
} as const;

export async function submitCommand(ctx: CommandContext, ids: string[], flags: SubmitFlags): Promise<number> {
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const named = [...new Set(ids)].map((id) => findDocumentById(session, id));
    // A released document's revision (修订中); every other document by its status.
    const revision = (doc: ControlledDocument) => doc.status === "released";
    for (const { value: doc } of named) {
      if (revision(doc)) {
        if (doc.kind === "external") throw new UserError(t("submit.revising.external", { id: doc.id }), t("submit.revising.external.hint", { id: shellArgument(doc.id) }));
        if (!flags.withdraw && doc.revising) throw new UserError(t("submit.revising.already", { id: doc.id, since: doc.revising.since }), t("submit.revising.already.hint", { id: shellArgument(doc.id) }));
        if (flags.withdraw && !doc.revising) throw new UserError(t("submit.withdraw.not-in-review", { id: doc.id, status: t("value.document-status.released") }), t(HINTS.withdraw.released, { id: doc.id }));
      } else {
        const from = flags.withdraw ? "in-review" : "draft";
        if (doc.status !== from) {
          const status = t(`value.document-status.${doc.status}`);
          throw new UserError(
            t(flags.withdraw ? "submit.withdraw.not-in-review" : "submit.not-draft", { id: doc.id, status }),
            t(HINTS[flags.withdraw ? "withdraw" : "submit"][doc.status], { id: doc.id }),
          );
        }
      }
      if (!flags.withdraw) refuseEmptySections(doc, "submit.empty-sections");
    }
    const revisions = named.filter(({ value }) => revision(value));
    if (flags.withdraw) await refuseUnreleasedText(session.root, revisions);
    // A revision is submitted on or after the day the version it revises was issued.
    const first = revisions.map(({ value }) => value).find((doc) => currentRevision(doc));
    const date = !flags.withdraw ? eventDateOption(flags.date, "--date", { follows: first ? { ...revisionEvent(currentRevision(first)!), of: first.id } : undefined }) : undefined;
    if (date !== undefined) for (const { value: doc, file } of named) if (!revision(doc)) refuseBeforeDraft(session.root, doc.id, file.path, date);
    const by = flags.by !== undefined && date !== undefined ? personOption(session, flags.by, "--by", date) : undefined;
    const changes = named.map(({ value: doc, file }) =>
      editFile(session.root, file.path, "document", (yaml) => {
        if (!revision(doc)) {
          yaml.set("status", flags.withdraw ? "draft" : "in-review");
          // When and by whom a draft was submitted (送审), as for a revision: the change report's row of it.
          if (flags.withdraw) yaml.delete("submitted");
          else setAfter(yaml, "submitted", { since: date!, ...(by ? { by: by.id } : {}) }, "status");
        } else if (flags.withdraw) yaml.delete("revising");
        else setAfter(yaml, "revising", { since: date!, ...(by ? { by: by.id } : {}) }, doc.effective !== undefined ? "effective" : "status");
      }),
    );
    const lines = named.map(({ value: doc, file }) => {
      const values = { id: doc.id, title: doc.title, path: file.path, version: date === undefined ? (currentRevision(doc)?.version ?? "") : versionInForceText(doc, date), since: date ?? "", by: by ? personLabel(session.index, by.id) : "" };
      if (!revision(doc)) return t(flags.withdraw ? "submit.withdrawn" : "submit.submitted", values);
      return t(flags.withdraw ? "submit.revising.withdrawn" : by ? "submit.revising.submitted.by" : "submit.revising.submitted", values);
    });
    const message = [
      ...(named.length > revisions.length ? [t(flags.withdraw ? "commit.submit.withdraw" : "commit.submit", { ids: list(named.filter(({ value }) => !revision(value)).map(({ value }) => value.id)) })] : []),
      ...(revisions.length > 0 ? [t(flags.withdraw ? "commit.submit.revising.withdraw" : "commit.submit.revising", { ids: list(revisions.map(({ value }) => value.id)) })] : []),
    ].join("；");
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message });
    return 0;
  });
}

/**
 * Refuses a draft's submission dated before the draft existed: before the day its file was first
 * committed (the author date of the commit that added it, followed through a renumbering's rename;
 * no bound when it is not committed or git is not there), as a draft carries no creation date of its
 * own. The 送审 row of the change report would otherwise date a submission before the document, and
 * the requirement it implements, existed (breaker59 H8). Errors: UserError, one line naming the
 * earliest day allowed.
 */
function refuseBeforeDraft(root: string, id: string, path: string, date: string): void {
  const added = gitRead(root, ["log", "--follow", "--diff-filter=A", "--format=%as", "--", path])?.trim().split("\n").at(-1);
  if (added && /^\d{4}-\d{2}-\d{2}$/.test(added) && date < added) throw new UserError(t("submit.date-before-draft", { id, date, added, path }));
}

/**
 * Refuses to give up a revision while the file's text differs from the version in force as released
 * (its release tag, or the commit that recorded it: load/base.ts releasedRevisions): unmarked, the
 * released document would hold unreleased text. A version whose release git does not have (imported,
 * released before the repository) cannot be compared: the withdrawal goes ahead, and `csr check
 * --base` compares the text with the base as for any released document.
 */
async function refuseUnreleasedText(root: string, revisions: readonly { value: ControlledDocument; file: { path: string } }[]): Promise<void> {
  const wanted = revisions.flatMap(({ value, file }) => {
    const version = currentRevision(value)?.version;
    return version === undefined ? [] : [{ id: value.id, path: file.path, version }];
  });
  const released = await releasedRevisions(root, wanted);
  for (const { id, path, version } of wanted) {
    const doc = revisions.find((r) => r.value.id === id)!.value;
    const tag = releaseTag(id, version);
    const then = released.get(tag);
    if (then && revisedContent(then) !== revisedContent(doc)) {
      throw new UserError(t("submit.revising.withdraw-changed", { id, version }), t("submit.revising.withdraw-changed.hint", { id: shellArgument(id), tag: shellArgument(tag), path: shellArgument(path), version }));
    }
  }
}
