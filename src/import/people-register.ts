/**
 * A people register (人员名单: 姓名, 部门, 岗位 or 职务; Name, Department, Title) given to `csr import`:
 * people.yaml is kept with `csr person add`, not imported, so the import recognises the register and
 * gives the one command per row that records each person, rather than refusing it for a column of a
 * document register it lacks. `csr list people` prints such a register (序号, id, 姓名, 部门, 职务, 角色).
 */
import { compactText, shellArgument } from "../core/text.js";
import { t, translate } from "../i18n/index.js";
import type { RawCell, RawSheet } from "./read.js";

type Column = "id" | "name" | "department" | "title" | "roles";

const HEADERS: Record<string, Column> = {
  id: "id",
  工号: "id",
  姓名: "name",
  名字: "name",
  name: "name",
  部门: "department",
  所在部门: "department",
  department: "department",
  dept: "department",
  岗位: "title",
  职务: "title",
  职位: "title",
  title: "title",
  position: "title",
  jobtitle: "title",
  角色: "roles",
  roles: "roles",
};

const ROLES = ["author", "reviewer", "approver", "document-controller", "standardization"] as const;

function cellText(cell: RawCell | undefined): string {
  return typeof cell === "string" || typeof cell === "number" ? String(cell).trim() : "";
}

/** The header row and its columns when the sheet is a people register: a name and a department column, and no 文件编号/文件名称. */
function peopleHeader(sheet: RawSheet): { at: number; columns: Map<Column, number> } | undefined {
  for (const [at, row] of sheet.rows.slice(0, 10).entries()) {
    const columns = new Map<Column, number>();
    row.cells.forEach((cell, i) => {
      const column = HEADERS[compactText(cellText(cell)).toLowerCase()];
      if (column && !columns.has(column)) columns.set(column, i);
    });
    if (columns.has("name") && columns.has("department")) return { at, columns };
  }
  return undefined;
}

export function isPeopleRegister(sheet: RawSheet): boolean {
  return peopleHeader(sheet) !== undefined;
}

/**
 * The `csr person add` command of each person the register lists (a row with a name), in its row
 * order: the id column's id, else the name (people.yaml takes a name as the id); the department as
 * written (csr person add takes a code or a name); the title; the roles written as csr prints them
 * (编制、审核 or author, reviewer). Empty when the sheet is no people register.
 */
export function personAddCommands(sheet: RawSheet, known?: { people: readonly { id: string; name: string }[]; departments: readonly { code: string; name: string; name_en?: string }[] }): string[] {
  const header = peopleHeader(sheet);
  if (!header) return [];
  const roleIds = new Map(ROLES.flatMap((role) => [role, translate("zh-CN", `value.role.${role}`), translate("en", `value.role.${role}`)].map((word) => [compactText(word).toLowerCase(), role] as const)));
  const get = (cells: RawCell[], column: Column) => {
    const at = header.columns.get(column);
    return at === undefined ? "" : cellText(cells[at]);
  };
  return sheet.rows.slice(header.at + 1).flatMap(({ cells }) => {
    const name = get(cells, "name");
    if (name === "") return [];
    const roles = get(cells, "roles")
      .split(/[,，、;；\s]+/)
      .filter(Boolean)
      .map((word) => roleIds.get(compactText(word).toLowerCase()) ?? word);
    const department = get(cells, "department");
    const title = get(cells, "title");
    const id = get(cells, "id") || name;
    // A person people.yaml has already (by id or name): a comment, not a command that would add them twice (breaker60 K1).
    const existing = known?.people.find((p) => p.id === id || p.name === name);
    if (existing) return [`# ${t("import.people-register.known", { name, person: `${existing.name}（${existing.id}）` })}`];
    const args = [id, "--name", name, ...(department ? ["--department", department] : []), ...(title ? ["--title", title] : []), ...(roles.length > 0 ? ["--roles", roles.join(",")] : [])];
    // A department qms.yaml does not have: the command would be refused; said above it, as a shell comment.
    const unknown = known && department !== "" && !known.departments.some((d) => [d.code, d.name, d.name_en].includes(department));
    return [...(unknown ? [`# ${t("import.people-register.unknown-department", { department })}`] : []), `csr person add ${args.map(shellArgument).join(" ")} -y`];
  });
}
