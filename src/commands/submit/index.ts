/**
 * `csr submit <documents...>`: a draft goes for approval (送审, status `draft` → `in-review`, 审批中),
 * or with `--withdraw` comes back from it (退回修改, `in-review` → `draft`). The status is what the
 * registers show as 审批中 and what `doc/form-no-fields` and `csr obsolete` treat as a document under
 * approval (IATF 16949 7.5.2 / GJB 9001C 7.5.2: documents are reviewed and approved before issue).
 * A document is submitted complete: a section without text (as `csr new` scaffolds it) is refused,
 * as `csr release` refuses it. Releasing (`csr release`) is the approval itself; it takes a draft or a
 * document in review alike.
 * Errors: UserError for an unknown document, one whose status does not allow the step, or empty
 * sections; nothing is written for any of the documents named when one is refused.
 */
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import type { CommandContext } from "../context.js";
import { refuseEmptySections } from "../release/index.js";
import { editFile, findDocumentById, saveChanges, withEditSession } from "../shared/edit.js";

export interface SubmitFlags {
  /** Back to draft (退回修改) instead of for approval. */
  withdraw?: boolean;
  yes?: boolean;
  commit?: boolean;
}

/** What to do instead, by the step refused and the document's status (a step is never refused for its own starting status: those two entries are not used). */
const HINTS = {
  submit: { "in-review": "submit.hint.submit.in-review", released: "submit.hint.submit.released", obsolete: "submit.hint.submit.obsolete", draft: "submit.hint.submit.in-review" },
  withdraw: { draft: "submit.hint.withdraw.draft", released: "submit.hint.withdraw.released", obsolete: "submit.hint.withdraw.obsolete", "in-review": "submit.hint.withdraw.draft" },
} as const;

export async function submitCommand(ctx: CommandContext, ids: string[], flags: SubmitFlags): Promise<number> {
  const [from, to] = flags.withdraw ? (["in-review", "draft"] as const) : (["draft", "in-review"] as const);
  return withEditSession(ctx, flags.yes, undefined, async (session) => {
    const named = [...new Set(ids)].map((id) => findDocumentById(session, id));
    for (const { value: doc } of named) {
      if (doc.status !== from) {
        const status = t(`value.document-status.${doc.status}`);
        throw new UserError(
          t(flags.withdraw ? "submit.withdraw.not-in-review" : "submit.not-draft", { id: doc.id, status }),
          t(HINTS[flags.withdraw ? "withdraw" : "submit"][doc.status], { id: doc.id }),
        );
      }
      if (!flags.withdraw) refuseEmptySections(doc, "submit.empty-sections");
    }
    const changes = named.map(({ file }) => editFile(session.root, file.path, "document", (yaml) => yaml.set("status", to)));
    const key = flags.withdraw ? "submit.withdrawn" : "submit.submitted";
    const lines = named.map(({ value: doc, file }) => t(key, { id: doc.id, title: doc.title, path: file.path }));
    const documents = list(named.map(({ value: doc }) => doc.id));
    await saveChanges(ctx, session, changes, lines, { commit: flags.commit, message: t(flags.withdraw ? "commit.submit.withdraw" : "commit.submit", { ids: documents }) });
    return 0;
  });
}
