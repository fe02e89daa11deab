/**
 * `csr supersede <CSR-id>`: records that a CSR no longer stands (已替代, `superseded` of
 * schemas/csr.schema.json): one requirement registered twice (csr/duplicate), or one the customer
 * withdrew or replaced outside a new revision of its document (a letter, an SQE e-mail), with the
 * date, the reason and the CSR that replaces it, as `csr source update` records it for a CSR that a
 * new revision drops. Nothing else in the file changes: its review, links and implementation stay
 * on record, and the registers list it as superseded (model/csr-status.ts), the successor linking
 * back to it. A superseded CSR stays superseded: the record is corrected in its file's history, not
 * rewritten by a second run.
 */
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { eventLabel } from "../../model/recorded-events.js";
import type { Csr } from "../../model/types.js";
import type { Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { eventDateOption, refuseBefore, type Follows } from "../options.js";
import { CSR_KEY_ORDER } from "../set/csr.js";
import { editFile, findCsrById, need, optionalAnswer, saveChanges, setInOrder, withEditSession, type EditSession } from "../shared/edit.js";

export interface SupersedeFlags {
  /** The CSR that replaces it, of the same customer and in force. */
  by?: string;
  reason?: string;
  date?: string;
  yes?: boolean;
  commit?: boolean;
}

export async function supersedeCommand(ctx: CommandContext, id: string, flags: SupersedeFlags): Promise<number> {
  return supersedeCsr(ctx, id, flags);
}

/** `prompts` given: ask whatever the terminal (tests drive this). */
export async function supersedeCsr(ctx: CommandContext, id: string, flags: SupersedeFlags, prompts?: Prompts): Promise<number> {
  return withEditSession(ctx, flags.yes, prompts, async (session) => {
    if (!session.index.csrs.has(id) && session.index.documents.has(id)) throw new UserError(t("supersede.document", { id }), t("supersede.document.hint", { id: shellArgument(id) }));
    const { value: csr, file } = findCsrById(session, id);
    if (csr.superseded) throw new UserError(t("supersede.already", { id, detail: supersession(csr.superseded) }));
    const received = (of: Csr): Follows => ({ what: eventLabel("rule.date/event.csr-received"), of: of.id, date: of.received });
    const date = eventDateOption(flags.date, "--date", { follows: received(csr) });
    // Asked for the reason, a user is asked for the successor too; one who gave --reason gave what they wanted.
    const asking = flags.reason === undefined ? session.ask : undefined;
    const byAnswer = flags.by ?? (asking ? optionalAnswer(await asking.input({ message: t("supersede.prompt.by", { id }), validate: (v) => (v.trim() === "" ? true : successorProblem(session, csr, v.trim()) ?? true) })) : undefined);
    const successor = byAnswer === undefined ? undefined : successorOf(session, csr, byAnswer.trim());
    if (successor) refuseBefore(date, "--date", received(successor));
    const reason = (flags.reason ?? (await need(session.ask, "--reason", t("supersede.needs.reason"), (p) => p.input({ message: t("supersede.prompt.reason"), required: true })))).trim();
    if (reason === "") throw new UserError(t("supersede.empty-reason"));

    const entry = { date, reason, ...(successor ? { by: successor.id } : {}) };
    const change = editFile(session.root, file.path, "csr", (doc) => setInOrder(doc, CSR_KEY_ORDER, "superseded", doc.createNode(entry, { flow: true })));
    const data = { id, title: csr.title, path: file.path, date, reason, by: successor?.id ?? "", byTitle: successor?.title ?? "" };
    const lines = [t(successor ? "supersede.done-by" : "supersede.done", data), t("supersede.kept", { id })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t(successor ? "commit.supersede-by" : "commit.supersede", data) });
    return 0;
  });
}

/** How a CSR was superseded, for a message: 2026-11-20（C 版改由 DYA-001 规定，被 DYA-001 替代）. */
function supersession(superseded: NonNullable<Csr["superseded"]>): string {
  return t(superseded.by ? "supersede.detail-by" : "supersede.detail", superseded);
}

/** What is wrong with `by` as the CSR that replaces `csr`, or undefined: one of its customer's, in force, and not itself. */
function successorProblem(session: EditSession, csr: Csr, by: string): string | undefined {
  const found = session.index.csrs.get(by)?.value;
  if (!found) {
    if (session.repo.unvalidated.csrs.has(by)) return t("edit.csr-invalid", { id: by });
    const inForce = [...session.index.csrs.values()].filter((c) => c.value.customer === csr.customer && !c.value.superseded && c.value.id !== csr.id).map((c) => c.value.id);
    return t("supersede.no-successor", { by }) + didYouMean(by, inForce);
  }
  if (found.id === csr.id) return t("supersede.self", { id: csr.id });
  if (found.customer !== csr.customer) return t("supersede.other-customer", { id: csr.id, customer: csr.customer, by, owner: found.customer });
  if (found.superseded) return t("supersede.successor-superseded", { by, detail: supersession(found.superseded) });
  return undefined;
}

/** The CSR `--by` names. Errors: UserError, one line (successorProblem). */
function successorOf(session: EditSession, csr: Csr, by: string): Csr {
  const problem = successorProblem(session, csr, by);
  if (problem) throw new UserError(problem, session.repo.unvalidated.csrs.has(by) ? t("edit.fix-first.hint") : undefined);
  return findCsrById(session, by).value;
}
