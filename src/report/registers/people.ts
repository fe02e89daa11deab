/**
 * The people register (人员名单): who may be named where a command takes a person, with the id and
 * the name (either of which the command accepts), department, job title and roles, in the order of
 * people.yaml; a person who left is marked so. A lookup for the document controller at the terminal (`csr list people`), not a
 * record auditors ask for, so it is not a sheet of `csr export`.
 */
import { localized } from "../../core/text.js";
import type { Table } from "../table.js";
import { departmentName, t, type RegisterContext } from "./context.js";

export function peopleRegister(ctx: RegisterContext): Table {
  const people = ctx.repo.people.map((p) => p.value);
  return {
    id: "people",
    title: t(ctx, "people.register.title", { count: people.length }),
    sheet: t(ctx, "people.register.sheet"),
    columns: [
      { key: "no", header: t(ctx, "people.register.column.no"), kind: "number" },
      { key: "id", header: t(ctx, "people.register.column.id"), kind: "id" },
      { key: "name", header: t(ctx, "people.register.column.name"), kind: "name" },
      { key: "department", header: t(ctx, "people.register.column.department"), kind: "name" },
      { key: "title", header: t(ctx, "people.register.column.title") },
      { key: "roles", header: t(ctx, "people.register.column.roles"), kind: "list" },
    ],
    rows: people.map((p, i) => ({
      no: i + 1,
      id: p.id,
      name: localized(ctx.lang, p.name, p.name_en),
      department: departmentName(ctx, p.department),
      // Marked where the job title is: the person is still named by the records they signed.
      title: p.left === undefined ? (p.title ?? "") : t(ctx, p.title ? "people.register.left-title" : "people.register.left", { title: p.title ?? "", date: p.left }),
      roles: p.roles.map((r) => t(ctx, `value.role.${r}`)).join(t(ctx, "register.list-separator")),
    })),
  };
}
