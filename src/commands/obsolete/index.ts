/** `csr obsolete`: withdraw a document (作废), recording when, why and what replaces it, in one commit. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { list, sentences, t } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import { loadRepository } from "../../load/repository.js";
import { isOut } from "../../model/distribution.js";
import { buildIndex, currentRevision, type RepoIndex } from "../../model/index.js";
import { revisionEvent } from "../../model/recorded-events.js";
import type { ControlledDocument } from "../../model/types.js";
import { eventDateOption, refuseBefore } from "../options.js";
import type { CommandContext } from "../context.js";
import { copyList } from "../shared/people.js";
import { refuseUnreadableConfig } from "../shared/persist.js";
import { withRepositoryLock } from "../shared/transaction.js";
import { editDocument, findDocument, refuseOtherStagedFiles, refuseUnlessGitIsClean, refuseWithoutIdentity, setAfter, withGitErrors, writeAndCommit } from "../release/document.js";

/** Ids a `--superseded-by` typo may have meant: documents in force other than the one withdrawn. */
const successors = (index: RepoIndex, withdrawn: string): string[] =>
  [...index.documents].filter(([id, d]) => id !== withdrawn && d.value.status !== "obsolete").map(([id]) => id);

export interface ObsoleteFlags {
  reason?: string;
  supersededBy?: string;
  date?: string;
}

export async function obsoleteCommand(ctx: CommandContext, id: string, flags: ObsoleteFlags): Promise<number> {
  return withGitErrors(() => withdraw(ctx, id, flags));
}

/** Everything that can refuse is checked before the file is written; the write and commit go together or not at all. */
async function withdraw(ctx: CommandContext, id: string, flags: ObsoleteFlags): Promise<number> {
  const date = eventDateOption(flags.date, "--date");
  const reason = flags.reason?.trim();
  if (!reason) throw new UserError(t("obsolete.needs-reason"));
  const root = findRoot(ctx.dir);
  await refuseUnlessGitIsClean(root);
  return withRepositoryLock(ctx, root, async () => {
    const repo = loadRepository(root);
    refuseUnreadableConfig(repo);
    const index = buildIndex(repo);
    const { value: doc, file } = findDocument(repo, index, id);
    if (doc.status === "obsolete") throw new UserError(t("obsolete.already", { id, date: doc.obsolete?.date ?? t("obsolete.unrecorded-date") }));
    const current = currentRevision(doc);
    if (current) refuseBefore(date, "--date", { ...revisionEvent(current), of: doc.id });
    const successor = flags.supersededBy;
    if (successor !== undefined) {
      const replacement = index.documents.get(successor)?.value;
      if (!replacement) throw new UserError(sentences(t("obsolete.no-successor", { id: successor }) + didYouMean(successor, successors(index, id)), t("obsolete.no-successor.add-first")));
      if (successor === id) throw new UserError(t("obsolete.successor-self"));
      if (replacement.status === "obsolete") throw new UserError(t("obsolete.successor-obsolete", { id: successor }));
    }
    await refuseOtherStagedFiles(root, file.path);
    await refuseWithoutIdentity(root);
    const obsolete: NonNullable<ControlledDocument["obsolete"]> = { date, reason, ...(successor ? { superseded_by: successor } : {}) };
    const text = editDocument(readFileSync(join(root, file.path), "utf8"), (yaml) => {
      yaml.set("status", "obsolete");
      setAfter(yaml, "obsolete", obsolete, "status");
    });
    const commit = await writeAndCommit(root, { path: file.path, after: text, message: t("commit.obsolete", { id: doc.id, reason }) });
    ctx.stdout(t("obsolete.withdrew", { id: doc.id, path: file.path, date, commit }) + "\n");
    const referring = repo.documents.filter((d) => d.value.status !== "obsolete" && (["related", "forms"] as const).some((field) => d.value[field]?.includes(doc.id)));
    if (referring.length > 0) {
      ctx.stdout((successor ? t("obsolete.referring-successor", { id: doc.id, successor }) : t("obsolete.referring", { id: doc.id })) + "\n");
      for (const { value, file: at } of referring) {
        const fields = (["related", "forms"] as const).filter((field) => value[field]?.includes(doc.id));
        ctx.stdout(`  ${at.path}  ${value.id} ${value.title}${t("obsolete.fields", { fields: list(fields.map((field) => t(`obsolete.field.${field}`))) })}\n`);
      }
    }
    const csrs = repo.csrs.filter((c) => !c.value.superseded && (c.value.addressed ?? []).some((a) => a.document === doc.id));
    if (csrs.length > 0) {
      ctx.stdout(t("obsolete.addressed-csrs", { id: doc.id }) + "\n");
      for (const { value, file: at } of csrs) ctx.stdout(`  ${at.path}  ${value.id} ${value.title}\n`);
    }
    const copies = (doc.distribution ?? []).filter(isOut);
    if (copies.length > 0) {
      ctx.stdout(t("obsolete.to-recall", { copies: copyList(index, copies), id: doc.id }) + "\n");
    }
    return 0;
  });
}
