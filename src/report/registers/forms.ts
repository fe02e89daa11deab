/** The form register (表单清单): each live form with its owning procedure and how its records are kept. */
import type { ControlledDocument } from "../../model/types.js";
import type { Table } from "../table.js";
import { compareIds, departmentName, documentTitle, documentVersion, issueDate, liveDocuments, t, type RegisterContext } from "./context.js";

const MEDIUM: Record<NonNullable<NonNullable<ControlledDocument["record"]>["medium"]>, [string, string]> = {
  paper: ["纸质", "paper"],
  electronic: ["电子", "electronic"],
  "paper+electronic": ["纸质+电子", "paper+electronic"],
};

export function formList(ctx: RegisterContext): Table {
  const forms = liveDocuments(ctx, (d) => d.kind === "form");
  return {
    id: "forms",
    title: ctx.lang === "en" ? `Form register (${forms.length} in total)` : `表单清单（共 ${forms.length} 份）`,
    sheet: t(ctx, "表单清单", "Forms"),
    columns: [
      { key: "no", header: t(ctx, "序号", "No.") },
      { key: "number", header: t(ctx, "表单编号", "Number") },
      { key: "title", header: t(ctx, "表单名称", "Title") },
      { key: "version", header: t(ctx, "版本", "Version") },
      { key: "issued", header: t(ctx, "发行日期", "Issue date"), date: true },
      { key: "procedure", header: t(ctx, "所属程序", "Owning procedure") },
      { key: "department", header: t(ctx, "部门", "Department") },
      { key: "retention", header: t(ctx, "保存期限", "Retention") },
      { key: "medium", header: t(ctx, "存放方式", "Medium") },
      { key: "location", header: t(ctx, "存放地点", "Location") },
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
        procedure: owners.join(t(ctx, "、", ", ")),
        department: departmentName(ctx, form.department),
        retention: form.record?.retention ?? "",
        medium: medium ? t(ctx, ...MEDIUM[medium]) : "",
        location: form.record?.location ?? "",
      };
    }),
  };
}
