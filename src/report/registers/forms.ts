/** The form register (表单清单): each live form with its owning procedure and how its records are kept. */
import type { Table } from "../table.js";
import { compareIds, departmentName, documentTitle, documentVersion, issueDate, liveDocuments, t, type RegisterContext } from "./context.js";

export function formList(ctx: RegisterContext): Table {
  const forms = liveDocuments(ctx, (d) => d.kind === "form");
  return {
    id: "forms",
    title: t(ctx, "register.forms.title", { count: forms.length }),
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
        .map((d) => d.value)
        .filter((d) => d.status !== "obsolete")
        .map((d) => d.id)
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
