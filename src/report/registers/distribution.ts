/**
 * The distribution and recall register (文件发放/回收记录): every controlled copy of every
 * document, with its number (受控号), version, 密级 (where any document listed is marked), recipient, who handed it out and when, when it was
 * taken back, who handed it back and who took it back, and whether it is in force, due back, back,
 * lost, destroyed or kept stamped 作废 (作废留用); the remarks say when a copy that did not come back
 * was lost, destroyed or stamped, by whom and what happened. A copy of a version no longer (or soon no
 * longer) in force has its 应回收日期 (copyRecallDue: the recall period after its version stopped being
 * in force), and one still out after that day is 回收逾期, as doc/recall-overdue and the dashboard say
 * (auditor16 F21); a copy taken back keeps that day, and one taken back after it says how late in its
 * remark (tester19 F4).
 */
import { copyRecordedAfter, releaseRecordedAfter } from "../../model/as-of.js";
import { classificationName, documentClassification } from "../../model/classification.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { workdaysLate } from "../../model/calendar.js";
import { copiesDue, copyEdition, copyRecallDue, pendingTransition, recallDays, recalledLate } from "../../model/distribution.js";
import type { ControlledCopy, ElectronicIssue } from "../../model/types.js";
import { electronicLabel } from "../../model/labels.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, departmentName, documentsOn, documentTitle, personName, t, type RegisterContext } from "./context.js";

/**
 * Which copies a register lists (csr list --document / --department / --holder): those of the
 * document of id `document` (the distribution register only), issued to the department (or outside
 * party) of code `department`, held by the person of id `holder`; all when none is given.
 */
export interface CopyFilter {
  document?: string;
  department?: string;
  holder?: string;
}

export function copyFilterKeeps(filter: CopyFilter, copy: ControlledCopy): boolean {
  return (filter.department === undefined || copy.to === filter.department) && (filter.holder === undefined || copy.holder === filter.holder);
}

/** Whether an electronic issue reaches the department of the filter; nobody signs for one, so none is held by a person (--holder). */
export function electronicFilterKeeps(filter: CopyFilter, issue: ElectronicIssue): boolean {
  return filter.holder === undefined && (filter.department === undefined || issue.to.includes(filter.department));
}

/**
 * What a filtered register says of its filter, in its title and in a note under it, so that nobody
 * takes it for the whole register (an auditor asking what 生产部 holds is shown part of it); undefined
 * when nothing is filtered. The note names the whole `register` and how to list it.
 */
export function filterNotes(ctx: RegisterContext, filter: CopyFilter, register: "distribution" | "documents"): { title: string; note: string; filtered: NonNullable<Table["filtered"]> } | undefined {
  const department = register === "distribution" ? "register.filter.issued-to" : "register.filter.held-by";
  const parts = [
    ...(filter.document !== undefined ? [t(ctx, "register.filter.document", { document: filter.document })] : []),
    ...(filter.department !== undefined ? [t(ctx, department, { department: departmentName(ctx, filter.department) })] : []),
    ...(filter.holder !== undefined ? [t(ctx, "register.filter.holder", { holder: personName(ctx, filter.holder) })] : []),
  ];
  if (parts.length === 0) return undefined;
  const text = parts.join(t(ctx, "register.remarks-separator"));
  const whole = { register: t(ctx, `register.${register}.whole`), command: `csr list ${register}` };
  const name = [register, ...(filter.document !== undefined ? [filter.document] : []), ...(filter.department !== undefined ? [filter.department] : []), ...(filter.holder !== undefined ? [filter.holder] : [])].join("-");
  return { title: text, note: t(ctx, "register.filter.note", { filter: text, ...whole }), filtered: { filter: text, ...whole, name } };
}

/**
 * Dated `today`, the copies as their records show them that day (documentsOn): one handed out later
 * is left out, one taken back, lost or destroyed later is still out, and due back when the version
 * in force or the withdrawal on that day makes it so. A version released or received ahead of its
 * 实施日期 is 待实施 until then, and the copies of the version before it in use, not yet due back
 * (model/distribution.ts pendingTransition).
 */
export function distributionRegister(ctx: RegisterContext, options: { today: string; filter?: CopyFilter }): Table {
  const { today, filter = {} } = options;
  const documents = documentsOn(ctx, today)
    .list.filter((d) => (filter.document === undefined || d.id === filter.document) && ((d.distribution ?? []).some((c) => copyFilterKeeps(filter, c)) || (d.electronic_issue ?? []).some((e) => electronicFilterKeeps(filter, e))))
    .sort((a, b) => compareIds(a.id, b.id));
  // Whether a copy is due back depends on the releases and withdrawals too.
  const recordedAfter = ctx.repo.documents.some(({ value }) => (value.distribution ?? []).length > 0 && (copyRecordedAfter(value, today) || releaseRecordedAfter(value, today)));
  // 密级, where any document listed is marked (as the controlled document list shows it): whose copies are classified (tester16 F15).
  const classified = documents.some((d) => documentClassification(ctx.repo, d) !== "");
  const config = ctx.repo.config?.value;
  const calendar = repositoryCalendar(config);
  let toRecall = 0;
  let overdue = 0;
  const perDocument = documents.map((doc) => {
    const transition = pendingTransition(doc, today);
    const due = new Set(copiesDue(doc, today).filter((c) => copyFilterKeeps(filter, c)));
    toRecall += due.size;
    const paper = (doc.distribution ?? [])
      .filter((c) => copyFilterKeeps(filter, c))
      .sort((a, b) => a.copy - b.copy)
      .map((copy) => {
        // Every copy of a version no longer (or soon no longer) in force keeps its 应回收日期, one taken back too, so that the record shows whether it came back in time (tester19 F4).
        const dueBy = copyRecallDue(doc, copy, calendar, config);
        const late = due.has(copy) && dueBy !== undefined && workdaysLate(calendar, dueBy, today) > 0;
        if (late) overdue++;
        return {
          number: doc.id,
          title: documentTitle(ctx, doc),
          version: copy.version,
          ...(classified ? { classification: classificationName(ctx.lang, documentClassification(ctx.repo, doc)) } : {}),
          copy: copy.copy,
          to: departmentName(ctx, copy.to),
          holder: personName(ctx, copy.holder),
          issuedBy: personName(ctx, copy.issued_by),
          date: copy.date,
          dueBy: dueBy ?? null,
          recalled: copy.recalled ?? null,
          returnedBy: personName(ctx, copy.returned_by),
          receivedBy: personName(ctx, copy.received_by),
          state: copy.recalled
            ? t(ctx, "register.distribution.recalled")
            : copy.lost
              ? t(ctx, "recall.register.lost")
              : copy.destroyed
                ? t(ctx, "recall.register.destroyed")
                : copy.retained
                  ? t(ctx, "recall.register.retained")
                : due.has(copy)
                  ? t(ctx, late ? "register.distribution.recall-overdue" : "register.distribution.to-recall")
                  : transition && copy.version === transition.pending
                    ? t(ctx, "register.distribution.pending", { date: transition.until })
                    : transition && copy.version === transition.inForce
                      ? t(ctx, "register.distribution.in-use-until", { date: transition.until })
                      : t(ctx, "register.distribution.in-use"),
          remark: copyRemark(ctx, copy, recalledLate(doc, copy, calendar, config)),
        };
      });
    // Issued electronically (read-only on OA): a row per department, no number, nobody signing for it; replaced on the system
    // by the next version's issue, or withdrawn with the document (tester55 C2).
    const edition = copyEdition(doc);
    const electronic = (doc.electronic_issue ?? []).filter((e) => electronicFilterKeeps(filter, e)).flatMap((issue) =>
      issue.to
        .filter((to) => filter.department === undefined || to === filter.department)
        .map((to) => ({
          number: doc.id,
          title: documentTitle(ctx, doc),
          version: issue.version,
          ...(classified ? { classification: classificationName(ctx.lang, documentClassification(ctx.repo, doc)) } : {}),
          copy: electronicLabel(issue.system, ctx.lang),
          to: departmentName(ctx, to),
          holder: "",
          issuedBy: personName(ctx, issue.issued_by),
          date: issue.date,
          dueBy: null,
          recalled: null,
          returnedBy: "",
          receivedBy: "",
          state:
            doc.status === "obsolete"
              ? t(ctx, "register.distribution.electronic-withdrawn")
              : transition && issue.version === transition.pending
                ? t(ctx, "register.distribution.pending", { date: transition.until })
                : transition && issue.version === transition.inForce
                  ? t(ctx, "register.distribution.in-use-until", { date: transition.until })
                  : issue.version === edition
                    ? t(ctx, "register.distribution.in-use")
                    : t(ctx, "register.distribution.electronic-superseded"),
          remark: "",
        })),
    );
    return { paper, electronic };
  });
  // Electronic issues after the numbered paper copies, as a record kept on paper adds them: the copies keep their row numbers.
  const rows = [...perDocument.flatMap((d) => d.paper), ...perDocument.flatMap((d) => d.electronic)];
  const filtered = filterNotes(ctx, filter, "distribution");
  return {
    id: "distribution",
    title: filtered ? t(ctx, "register.distribution.title-filtered", { filter: filtered.title, count: rows.length }) : t(ctx, "register.distribution.title", { count: rows.length }),
    ...(filtered ? { filtered: filtered.filtered } : {}),
    sheet: t(ctx, "register.distribution.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.distribution.column.no"), kind: "number" },
      { key: "number", header: t(ctx, "register.distribution.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.distribution.column.title") },
      { key: "version", header: t(ctx, "register.distribution.column.version"), kind: "code" },
      ...(classified ? [{ key: "classification", header: t(ctx, "register.distribution.column.classification"), kind: "code" as const }] : []),
      { key: "copy", header: t(ctx, "register.distribution.column.copy"), kind: "id" },
      { key: "to", header: t(ctx, "register.distribution.column.to"), kind: "name" },
      { key: "holder", header: t(ctx, "register.distribution.column.holder"), kind: "name" },
      { key: "issuedBy", header: t(ctx, "register.distribution.column.issued-by"), kind: "name" },
      { key: "date", header: t(ctx, "register.distribution.column.date"), date: true },
      { key: "dueBy", header: t(ctx, "register.distribution.column.due-by"), date: true },
      { key: "recalled", header: t(ctx, "register.distribution.column.recalled"), date: true },
      { key: "returnedBy", header: t(ctx, "register.distribution.column.returned-by"), kind: "name" },
      { key: "receivedBy", header: t(ctx, "register.distribution.column.received-by"), kind: "name" },
      { key: "state", header: t(ctx, "register.distribution.column.state"), kind: "code" },
      { key: "remark", header: t(ctx, "recall.register.column.remark"), remarks: true },
    ],
    rows: rows.map((r, i) => ({ no: i + 1, ...r })),
    notes: [...(filtered ? [filtered.note] : []), overdue > 0 ? t(ctx, "register.distribution.note-overdue", { count: toRecall, overdue, days: recallDays(config) }) : t(ctx, "register.distribution.note", { count: toRecall }), ...asOfNotes(ctx, today, recordedAfter)],
  };
}

/**
 * How a copy that did not come back was lost, destroyed or stamped 作废 and kept (遗失, 销毁, 作废留用):
 * when, by whom, what happened; of one taken back after its 应回收日期, how late (`late`, recalledLate).
 */
function copyRemark(ctx: RegisterContext, copy: ControlledCopy, late: { days: number } | undefined): string {
  if (late) return t(ctx, "register.distribution.recalled-late", { count: late.days });
  const gone = copy.lost
    ? { key: "recall.register.remark-lost" as const, loss: copy.lost }
    : copy.destroyed
      ? { key: "recall.register.remark-destroyed" as const, loss: copy.destroyed }
      : copy.retained
        ? { key: "recall.register.remark-retained" as const, loss: copy.retained }
        : undefined;
  return gone ? t(ctx, gone.key, { date: gone.loss.date, by: personName(ctx, gone.loss.by), remark: gone.loss.remark }) : "";
}
