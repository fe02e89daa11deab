/**
 * `csr record dispose <form> <batch> --approved-by <person> --method <method> [--date <date>]
 * [--witness <person>] [--record <number>] [--commit]`: records that a batch of records kept on a form
 * (record.batches) was disposed of (销毁记录: IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3, the 记录控制程序's
 * 到期记录销毁审批), as `disposal: {date, approved_by, method, witness, record}` on the batch. `csr list
 * disposals` then lists it apart, with its record. Errors (UserError, one line): an unknown form, a
 * document that is not a form, an unknown batch (naming the form's batches), a name two batches of
 * the form have (doc/record-batch-duplicate), a batch disposed of
 * already, a date in the future, a date before the batch's retention ends by the longest period that
 * applies (a customer's longer one named), a batch whose retention csr cannot date or that is kept
 * long-term, an unknown person or one who had left by the date, a method or record number of more than
 * one line.
 */
import { UserError } from "../../core/errors.js";
import { didYouMean, localized } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { batchRetention, PRODUCT_LIFE_EVENT, type DecidingPeriod } from "../../model/record-keeping.js";
import type { RecordDisposal } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { eventDateOption } from "../options.js";
import { editFile, findDocumentById, saveChanges, withEditSession } from "../shared/edit.js";
import { personLabel, resolvePerson } from "../shared/people.js";

export interface RecordDisposeFlags {
  date?: string;
  approvedBy?: string;
  method?: string;
  witness?: string;
  record?: string;
  /** Nothing is asked: a no-op, as for every writing command. */
  yes?: boolean;
  commit?: boolean;
}

export async function recordDisposeCommand(ctx: CommandContext, formId: string, batchName: string, flags: RecordDisposeFlags): Promise<number> {
  if (flags.approvedBy === undefined) throw new UserError(t("cli.error.required-option", { option: "--approved-by <person>" }), t("record.dispose.needs-approval"));
  if (flags.method === undefined) throw new UserError(t("cli.error.required-option", { option: "--method <method>" }), t("record.dispose.method-examples"));
  const method = oneLineOption(flags.method, "--method");
  const number = flags.record === undefined ? undefined : oneLineOption(flags.record, "--record");
  return withEditSession(ctx, true, undefined, async (session) => {
    const date = eventDateOption(flags.date, "--date");
    const { value: form, file } = findDocumentById(session, formId);
    if (form.kind !== "form") throw new UserError(t("record.dispose.not-a-form", { id: form.id }));
    const batches = form.record?.batches ?? [];
    const index = batches.findIndex((b) => b.name === batchName.trim());
    if (index < 0) {
      if (batches.length === 0) throw new UserError(t("record.dispose.no-batches", { id: form.id }), t("record.dispose.no-batches.hint", { id: form.id }));
      throw new UserError(t("record.dispose.unknown-batch", { id: form.id, batch: batchName, batches: list(batches.map((b) => b.name)) }) + didYouMean(batchName, batches.map((b) => b.name)));
    }
    const batch = batches[index]!;
    // Two batches of one name (doc/record-batch-duplicate): the disposal would be the first one's, whichever was destroyed.
    const named = batches.filter((b) => b.name === batch.name).length;
    if (named > 1) throw new UserError(t("record.dispose.ambiguous-batch", { id: form.id, count: named, batch: batch.name }), t("record.dispose.ambiguous-batch.hint", { path: file.path }));
    if (batch.disposal) throw new UserError(t("record.dispose.already", { id: form.id, batch: batch.name, date: batch.disposal.date, person: personLabel(session.index, batch.disposal.approved_by) }));
    const retention = batchRetention(form, batch);
    const period = (deciding: DecidingPeriod) => (deciding.customer === undefined ? deciding.period : t("record.dispose.customer-period", { customer: deciding.customer, period: deciding.period }));
    if (retention.kind === "kept") throw new UserError(t("record.dispose.kept", { id: form.id, batch: batch.name, period: period(retention) }));
    if (retention.kind === "undated") {
      const why = retention.reason === "no-start" ? t("register.disposals.remark.no-start", { event: retention.event === PRODUCT_LIFE_EVENT ? t("record.retention.product-life-event") : retention.event }) : t(`register.disposals.remark.${retention.reason}`);
      throw new UserError(t("record.dispose.undated", { id: form.id, batch: batch.name, why }), retention.reason === "no-start" ? t("record.dispose.undated.hint", { id: form.id, batch: batch.name }) : undefined);
    }
    if (date < retention.date) throw new UserError(t(retention.customer === undefined ? "record.dispose.too-early" : "record.dispose.too-early-customer", { id: form.id, batch: batch.name, date, ends: retention.date, period: retention.period, customer: retention.customer ?? "" }));
    const approver = resolvePerson(session.index, flags.approvedBy!, "--approved-by", date);
    const witness = flags.witness === undefined ? undefined : resolvePerson(session.index, flags.witness, "--witness", date);
    const disposal: RecordDisposal = { date, approved_by: approver.id, method, ...(witness ? { witness: witness.id } : {}), ...(number ? { record: number } : {}) };
    const change = editFile(session.root, file.path, "document", (doc) => {
      doc.setIn(["record", "batches", index, "disposal"], doc.createNode(disposal, { flow: true }));
    });
    const title = localized(language(), form.title, form.title_en);
    const lines = [
      t(witness ? "record.dispose.recorded-witnessed" : "record.dispose.recorded", {
        id: form.id,
        title,
        batch: batch.name,
        date,
        method,
        approver: personLabel(session.index, approver.id),
        witness: witness ? personLabel(session.index, witness.id) : "",
      }),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("record.dispose.commit", { id: form.id, batch: batch.name }) });
    return 0;
  });
}

/** An option's text as one register cell: trimmed, one line, at most 60 characters; else a UserError naming the option. */
function oneLineOption(value: string, flag: string): string {
  const text = value.trim();
  if (text === "" || /[\r\n\u0000-\u001f]/.test(text) || text.length > 60) throw new UserError(t("record.dispose.one-line", { flag }));
  return text;
}
