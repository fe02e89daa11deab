/**
 * `csr record batch add <form> <name> --from <date> --to <date> [--counted-from <date>]` registers a
 * batch of filled records kept on a form (记录批次: a year's 点检表, one product's traceability records)
 * as `record.batches[]`, in the order of its last day; `csr record batch set <form> <name>
 * --counted-from <date>` gives (or, with "", removes) the day of the event a retention period counts
 * from (产品寿命期: the end of production and service supply; 员工离职) on a batch registered already.
 * `csr list disposals` dates the batches, `csr record dispose` records their disposal (IATF 16949
 * 7.5.3.2.1, GJB 9001C 7.5.3). Atomic writes; with --commit, one commit. Errors (UserError, one line): an
 * unknown form, a document that is not a form, a name the form has already (add) or has not (set), a
 * date that is no date, a batch whose last day comes before its first, an event day before the batch's
 * first record, a batch disposed of already (set), a name of more than one line or 60 characters.
 */
import { isSeq, type YAMLSeq } from "yaml";
import { UserError } from "../../core/errors.js";
import { didYouMean, localized } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import type { ControlledDocument, RecordBatch } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { editFile, findDocumentById, saveChanges, withEditSession, type EditSession } from "../shared/edit.js";

export interface RecordBatchFlags {
  from?: string;
  to?: string;
  countedFrom?: string;
  /** Nothing is asked: a no-op, as for every writing command. */
  yes?: boolean;
  commit?: boolean;
}

export async function recordBatchAddCommand(ctx: CommandContext, formId: string, batchName: string, flags: RecordBatchFlags): Promise<number> {
  const name = batchNameOption(batchName);
  if (flags.from === undefined) throw new UserError(t("cli.error.required-option", { option: "--from <date>" }), t("record.batch.dates-hint"));
  if (flags.to === undefined) throw new UserError(t("cli.error.required-option", { option: "--to <date>" }), t("record.batch.dates-hint"));
  const from = dateOption(flags.from, "--from");
  const to = dateOption(flags.to, "--to");
  if (to < from) throw new UserError(t("record.batch.to-before-from", { from, to }));
  const countedFrom = flags.countedFrom === undefined || flags.countedFrom.trim() === "" ? undefined : dateOption(flags.countedFrom, "--counted-from");
  if (countedFrom !== undefined && countedFrom < from) throw new UserError(t("record.batch.counted-before-from", { countedFrom, from }));
  return withEditSession(ctx, true, undefined, async (session) => {
    const { form, path } = formOf(session, formId);
    const batches = form.record?.batches ?? [];
    if (batches.some((b) => b.name === name)) throw new UserError(t("record.batch.duplicate", { id: form.id, batch: name }), t("record.batch.duplicate.hint", { id: form.id, batch: name }));
    const batch: RecordBatch = { name, from, to, ...(countedFrom ? { counted_from: countedFrom } : {}) };
    // Oldest first, as the schema keeps them: after every batch that ends on or before this one's last day.
    const at = batches.filter((b) => b.to <= to).length;
    const change = editFile(session.root, path, "document", (doc) => {
      const node = doc.createNode(batch, { flow: true });
      if (batches.length === 0) {
        const sequence = doc.createNode([]) as YAMLSeq;
        sequence.items.push(node);
        doc.setIn(["record", "batches"], sequence);
      } else {
        const sequence = doc.getIn(["record", "batches"], true);
        if (isSeq(sequence)) sequence.items.splice(at, 0, node);
      }
    });
    const title = localized(language(), form.title, form.title_en);
    const lines = [t(countedFrom ? "record.batch.added-counted" : "record.batch.added", { id: form.id, title, batch: name, from, to, countedFrom: countedFrom ?? "" })];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("record.batch.add.commit", { id: form.id, batch: name }) });
    return 0;
  });
}

export async function recordBatchSetCommand(ctx: CommandContext, formId: string, batchName: string, flags: RecordBatchFlags): Promise<number> {
  if (flags.countedFrom === undefined) throw new UserError(t("cli.error.required-option", { option: "--counted-from <date>" }), t("record.batch.set-hint"));
  const clear = flags.countedFrom.trim() === "";
  const countedFrom = clear ? undefined : dateOption(flags.countedFrom, "--counted-from");
  return withEditSession(ctx, true, undefined, async (session) => {
    const { form, path } = formOf(session, formId);
    const batches = form.record?.batches ?? [];
    const name = batchName.trim();
    const index = batches.findIndex((b) => b.name === name);
    if (index < 0) {
      if (batches.length === 0) throw new UserError(t("record.dispose.no-batches", { id: form.id }), t("record.dispose.no-batches.hint", { id: form.id }));
      throw new UserError(t("record.dispose.unknown-batch", { id: form.id, batch: name, batches: list(batches.map((b) => b.name)) }) + didYouMean(name, batches.map((b) => b.name)));
    }
    const batch = batches[index]!;
    if (batch.disposal) throw new UserError(t("record.batch.disposed", { id: form.id, batch: name, date: batch.disposal.date }));
    if (countedFrom !== undefined && batch.from !== undefined && countedFrom < batch.from) throw new UserError(t("record.batch.counted-before-from", { countedFrom, from: batch.from }));
    if ((batch.counted_from ?? "") === (countedFrom ?? "")) {
      ctx.stdout(t(clear ? "record.batch.unchanged-none" : "record.batch.unchanged", { id: form.id, batch: name, countedFrom: countedFrom ?? "" }) + "\n");
      return 0;
    }
    const change = editFile(session.root, path, "document", (doc) => {
      if (countedFrom === undefined) doc.deleteIn(["record", "batches", index, "counted_from"]);
      else doc.setIn(["record", "batches", index, "counted_from"], countedFrom);
    });
    const lines = [
      countedFrom === undefined
        ? t("record.batch.counted-cleared", { id: form.id, batch: name, before: batch.counted_from ?? "" })
        : t(batch.counted_from ? "record.batch.counted-changed" : "record.batch.counted-set", { id: form.id, batch: name, before: batch.counted_from ?? "", countedFrom }),
    ];
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t("record.batch.set.commit", { id: form.id, batch: name }) });
    return 0;
  });
}

function formOf(session: EditSession, formId: string): { form: ControlledDocument; path: string } {
  const { value: form, file } = findDocumentById(session, formId);
  if (form.kind !== "form") throw new UserError(t("record.dispose.not-a-form", { id: form.id }));
  return { form, path: file.path };
}

/** A batch's name as the schema takes it: one line of at most 60 characters; else a UserError. */
function batchNameOption(value: string): string {
  const name = value.trim();
  if (name === "" || /[\r\n\u0000-\u001f]/.test(name) || name.length > 60) throw new UserError(t("record.batch.name"));
  return name;
}
