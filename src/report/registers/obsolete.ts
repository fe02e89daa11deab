/**
 * The obsolete document list (作废文件清单): every withdrawn document with the date and reason it
 * was withdrawn, the last version in force, what replaced it and the copies still to be taken
 * back. The other registers list live documents only, so a withdrawn one is kept on record here.
 */
import { copyRecordedAfter, releaseRecordedAfter } from "../../model/as-of.js";
import { copiesToRecall, copyEdition } from "../../model/distribution.js";
import { deviatedNumber, withdrawnTemporaryText } from "../../model/deviations.js";
import type { ControlledDocument } from "../../model/types.js";
import type { Table } from "../table.js";
import { withdrawalApproval } from "../../model/withdrawal.js";
import { asOfNotes, compareIds, departmentName, documentsOn, documentTitle, documentVersion, personName, t, type RegisterContext } from "./context.js";

/** Dated `today`: the documents withdrawn by that day, with the copies still out on it (documentsOn). */
export function obsoleteList(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const docs = documentsOn(ctx, today)
    .list.filter((d) => d.status === "obsolete")
    .sort((a, b) => compareIds(a.id, b.id));
  const recordedAfter = ctx.repo.documents.some(({ value }) => value.status === "obsolete" && (releaseRecordedAfter(value, today) || copyRecordedAfter(value, today)));
  const rows = docs.map((doc, i) => {
    const successor = doc.obsolete?.superseded_by;
    const next = successor ? ctx.index.documents.get(successor)?.value : undefined;
    return {
      no: i + 1,
      // An external standard is not one of the organisation's levels, and its last edition is the publisher's.
      level: doc.kind === "external" ? t(ctx, "value.kind.external") : t(ctx, `register.level.${doc.level}`),
      number: doc.id,
      title: documentTitle(ctx, doc),
      department: departmentName(ctx, doc.department),
      version: doc.kind === "external" ? (copyEdition(doc) ?? "") : documentVersion(doc),
      withdrawn: doc.obsolete?.date ?? null,
      reason: doc.obsolete?.reason ?? "",
      approval: withdrawalApproval(ctx.lang, doc.obsolete, (id) => personName(ctx, id)),
      supersededBy: successor ? (next ? `${successor} ${documentTitle(ctx, next)}` : successor) : "",
      temporary: temporaryRemark(ctx, doc),
      toRecall: copiesToRecall(doc)
        .map((c) => c.copy)
        .join(t(ctx, "register.list-separator")),
    };
  });
  const open = rows.filter((r) => r.toRecall !== "").length;
  // Only a register holding a withdrawn temporary document or deviation has the column (tester63 N4).
  const temporary = rows.some((r) => r.temporary !== "");
  // Only a register holding a withdrawal whose approval is recorded has the column (csr obsolete --approved-by; tester68 G6).
  const approval = rows.some((r) => r.approval !== "");
  return {
    id: "obsolete",
    title: t(ctx, "register.obsolete.title", { count: rows.length }),
    sheet: t(ctx, "register.obsolete.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.obsolete.column.no"), kind: "number" },
      { key: "level", header: t(ctx, "register.obsolete.column.level"), kind: "code" },
      { key: "number", header: t(ctx, "register.obsolete.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.obsolete.column.title") },
      { key: "department", header: t(ctx, "register.obsolete.column.department"), kind: "name" },
      { key: "version", header: t(ctx, "register.obsolete.column.version"), kind: "code" },
      { key: "withdrawn", header: t(ctx, "register.obsolete.column.withdrawn"), date: true },
      { key: "reason", header: t(ctx, "register.obsolete.column.reason") },
      ...(approval ? [{ key: "approval", header: t(ctx, "register.obsolete.column.approval") }] : []),
      { key: "supersededBy", header: t(ctx, "register.obsolete.column.supersededBy") },
      ...(temporary ? [{ key: "temporary", header: t(ctx, "register.obsolete.column.temporary") }] : []),
      { key: "toRecall", header: t(ctx, "register.obsolete.column.toRecall"), kind: "list" },
    ],
    rows,
    notes: [t(ctx, "register.obsolete.note", { open }), ...asOfNotes(ctx, today, recordedAfter)],
  };
}

/**
 * A withdrawn temporary document's period and how it ended, and the documents a deviation deviated from:
 * 临时，2026-11-03 至 2026-11-30，2026-11-20 提前撤销；偏离 WI-010-01. The register keeps what the document
 * no longer shows anywhere in force: that the change was time-limited, and from what (IATF 16949 8.5.6.1.1).
 * "" for any other document.
 */
function temporaryRemark(ctx: RegisterContext, doc: ControlledDocument): string {
  const parts = [
    ...(doc.valid_until !== undefined ? [withdrawnTemporaryText(ctx.lang, doc) ?? ""] : []),
    ...(doc.deviates_from?.length ? [t(ctx, "register.obsolete.deviates-from", { documents: doc.deviates_from.map((id) => deviatedNumber(doc, id)).join(t(ctx, "register.list-separator")) })] : []),
  ];
  return parts.join(t(ctx, "register.remarks-separator"));
}
