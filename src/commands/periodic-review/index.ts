/**
 * `csr periodic-review <document>`: a periodic review (定期评审) found the document still suitable
 * without a change. It is recorded under `reviews`, which resets doc/periodic-review-due; it is
 * not a revision, so `csr check --base` does not ask for one.
 */
import { addMonths } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { currentRevision } from "../../model/index.js";
import { revisionEvent } from "../../model/recorded-events.js";
import { eventDateOption } from "../options.js";
import { appendIn } from "../shared/persist.js";
import { personLabel } from "../shared/people.js";
import { editFile, findDocumentById, need, withEditSession, optionalAnswer, personOption, personChoices, saveChanges } from "../shared/edit.js";

export interface PeriodicReviewFlags {
  by?: string;
  date?: string;
  comment?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function periodicReviewCommand(ctx: CommandContext, id: string, flags: PeriodicReviewFlags): Promise<number> {
  return recordPeriodicReview(ctx, id, flags);
}

export async function recordPeriodicReview(ctx: CommandContext, id: string, flags: PeriodicReviewFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    const { value: document, file } = findDocumentById(session, id);
    if (document.status !== "released") throw new UserError(t("periodic-review.not-released", { id, status: t(`value.document-status.${document.status}`) }));
    const { ask } = session;
    // It confirms the current version, so it cannot come before that version was issued.
    const current = currentRevision(document);
    const date = eventDateOption(flags.date, "--date", { follows: current ? { ...revisionEvent(current), of: id } : undefined });
    const by = personOption(
      session,
      flags.by ?? (await need(ask, "--by", t("periodic-review.needs.by"), (p) => p.select({ message: t("prompt.periodic-review.by"), choices: personChoices(session, document.department) }))),
      "--by",
      date,
    ).id;
    const comment = flags.comment ?? (ask ? optionalAnswer(await ask.input({ message: t("prompt.comment-optional") })) : undefined);
    const change = editFile(session.root, file.path, "document", (doc) => appendIn(doc, ["reviews"], { by, date, ...(comment ? { comment } : {}) }));
    const months = document.review_interval_months;
    const lines = [t("periodic-review.recorded", { id, by: personLabel(session.index, by), date })];
    if (months) lines.push(t("periodic-review.next", { due: addMonths(date, months) }));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("commit.periodic-review", { id, by: personLabel(session.index, by), date }) });
    return 0;
  });
}
