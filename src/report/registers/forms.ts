/**
 * The form register (表单清单): each released form (controlledDocuments: a draft form is not a
 * controlled one, as in the controlled document list) with its owning procedure and how its records
 * are kept; dated `today`, the forms and their owners as their records show them that day (documentsOn).
 */
import { documentOn, releaseRecordedAfter } from "../../model/as-of.js";
import type { Table } from "../table.js";
import { asOfNotes, compareIds, controlledDocuments, departmentName, documentTitle, documentVersion, issueDate, ownDocuments, t, unreleasedNotes, type RegisterContext } from "./context.js";

export function formList(ctx: RegisterContext, options: { today: string }): Table {
  const { today } = options;
  const { listed: forms, unreleased } = controlledDocuments(ctx, today, (d) => d.kind === "form");
  // The owners' records count too: a procedure released after the day does not own a form on it.
  const considered = ownDocuments(ctx).filter((d) => d.kind === "form" || (d.forms ?? []).length > 0);
  const notes = [...unreleasedNotes(ctx, unreleased), ...asOfNotes(ctx, today, considered.some((d) => releaseRecordedAfter(d, today)))];
  return {
    id: "forms",
    title: t(ctx, "register.forms.title", { count: forms.length }),
    ...(notes.length > 0 ? { notes } : {}),
    sheet: t(ctx, "register.forms.sheet"),
    columns: [
      { key: "no", header: t(ctx, "register.forms.column.no"), kind: "number" },
      { key: "number", header: t(ctx, "register.forms.column.number"), kind: "id" },
      { key: "title", header: t(ctx, "register.forms.column.title") },
      { key: "version", header: t(ctx, "register.forms.column.version"), kind: "code" },
      { key: "issued", header: t(ctx, "register.forms.column.issued"), date: true },
      { key: "procedure", header: t(ctx, "register.forms.column.procedure"), kind: "id" },
      { key: "department", header: t(ctx, "register.forms.column.department"), kind: "name" },
      { key: "retention", header: t(ctx, "register.forms.column.retention") },
      { key: "medium", header: t(ctx, "register.forms.column.medium"), kind: "code" },
      { key: "location", header: t(ctx, "register.forms.column.location") },
    ],
    rows: forms.map((form, i) => {
      const owners = (ctx.index.formUsers.get(form.id) ?? [])
        .map((d) => documentOn(d.value, today))
        // Its owners as controlled documents: a procedure still in draft does not own it yet.
        .filter((d) => d !== undefined && d.status === "released")
        .map((d) => d!.id)
        .sort(compareIds);
      const medium = form.record?.medium;
      return {
        no: i + 1,
        number: form.id,
        title: documentTitle(ctx, form),
        version: documentVersion(form),
        issued: issueDate(form),
        procedure: owners.join(t(ctx, "register.list-separator")),
        department: departmentName(ctx, form.department),
        retention: form.record?.retention ?? "",
        medium: medium ? t(ctx, `register.forms.medium.${medium}`) : "",
        location: form.record?.location ?? "",
      };
    }),
  };
}
