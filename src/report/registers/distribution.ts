/**
 * The distribution and recall register (文件发放/回收记录): every controlled copy of every
 * document, with its number (受控号), version, recipient, the dates handed out and taken back, and
 * whether it is in force, due back, back, lost or destroyed; the remarks say who handed it back, or
 * when a copy that did not come back was lost or destroyed, who confirmed it and what happened.
 */
import { copyRecordedAfter, releaseRecordedAfter } from "../../model/as-of.js";
import { copiesToRecall, pendingTransition } from "../../model/distribution.js";
import type { ControlledCopy } from "../../model/types.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, departmentName, documentsOn, documentTitle, personName, t, type RegisterContext } from "./context.js";

/**
 * Dated `today`, the copies as their records show them that day (documentsOn): one handed out later
 * is left out, one taken back, lost or destroyed later is still out, and due back when the version
 * in force or the withdrawal on that day makes it so. A version released or received ahead of its
 * 实施日期 is 待实施 until then, and the copies of the version before it in use, not yet due back
 * (model/distribution.ts pendingTransition).
 */
export function distributionRegister(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const documents = documentsOn(ctx, today)
    .list.filter((d) => (d.distribution ?? []).length > 0)
    .sort((a, b) => compareIds(a.id, b.id));
  // Whether a copy is due back depends on the releases and withdrawals too.
  const recordedAfter = ctx.repo.documents.some(({ value }) => (value.distribution ?? []).length > 0 && (copyRecordedAfter(value, today) || releaseRecordedAfter(value, today)));
  let toRecall = 0;
  const rows = documents.flatMap((doc) => {
    const transition = pendingTransition(doc, today);
    const due = new Set(copiesToRecall(doc).filter((c) => c.version !== transition?.inForce));
    toRecall += due.size;
    return (doc.distribution ?? [])
      .slice()
      .sort((a, b) => a.copy - b.copy)
      .map((copy) => ({
        number: doc.id,
        title: documentTitle(ctx, doc),
        version: copy.version,
        copy: copy.copy,
        to: departmentName(ctx, copy.to),
        holder: personName(ctx, copy.holder),
        date: copy.date,
        recalled: copy.recalled ?? null,
        state: copy.recalled
          ? t(ctx, "register.distribution.recalled")
          : copy.lost
            ? t(ctx, "recall.register.lost")
            : copy.destroyed
              ? t(ctx, "recall.register.destroyed")
              : due.has(copy)
                ? t(ctx, "register.distribution.to-recall")
                : transition && copy.version === transition.pending
                  ? t(ctx, "register.distribution.pending", { date: transition.until })
                  : transition && copy.version === transition.inForce
                    ? t(ctx, "register.distribution.in-use-until", { date: transition.until })
                    : t(ctx, "register.distribution.in-use"),
        remark: copyRemark(ctx, copy),
      }));
  });
  return {
    id: "distribution",
    title: t(ctx, "register.distribution.title", { count: rows.length }),
    sheet: t(ctx, "register.distribution.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.distribution.column.no"), kind: "number" },
      { key: "number", header: t(ctx, "register.distribution.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.distribution.column.title") },
      { key: "version", header: t(ctx, "register.distribution.column.version"), kind: "code" },
      { key: "copy", header: t(ctx, "register.distribution.column.copy"), kind: "id" },
      { key: "to", header: t(ctx, "register.distribution.column.to"), kind: "name" },
      { key: "holder", header: t(ctx, "register.distribution.column.holder"), kind: "name" },
      { key: "date", header: t(ctx, "register.distribution.column.date"), date: true },
      { key: "recalled", header: t(ctx, "register.distribution.column.recalled"), date: true },
      { key: "state", header: t(ctx, "register.distribution.column.state"), kind: "code" },
      { key: "remark", header: t(ctx, "recall.register.column.remark") },
    ],
    rows: rows.map((r, i) => ({ no: i + 1, ...r })),
    notes: [t(ctx, "register.distribution.note", { count: toRecall }), ...asOfNotes(ctx, today, recordedAfter)],
  };
}

/** Who handed a copy back, or how one that did not come back was lost or destroyed (遗失, 销毁). */
function copyRemark(ctx: RegisterContext, copy: ControlledCopy): string {
  const gone = copy.lost ? { key: "recall.register.remark-lost" as const, loss: copy.lost } : copy.destroyed ? { key: "recall.register.remark-destroyed" as const, loss: copy.destroyed } : undefined;
  if (gone) return t(ctx, gone.key, { date: gone.loss.date, by: personName(ctx, gone.loss.by), remark: gone.loss.remark });
  return copy.returned_by ? t(ctx, "recall.register.returned-by", { by: personName(ctx, copy.returned_by) }) : "";
}
