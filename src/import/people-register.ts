/**
 * A people register (人员名单: 姓名, 部门, 岗位 or 职务; Name, Department, Title) given to `csr import`:
 * people.yaml is kept with `csr person add`, not imported, so the import recognises the register and
 * gives the one command per row that records each person, rather than refusing it for a column of a
 * document register it lacks. `csr list people` prints such a register (序号, id, 姓名, 部门, 职务, 角色).
 */
import { compactText, shellArgument } from "../core/text.js";
import { list, t, translate } from "../i18n/index.js";
import type { RawCell, RawSheet } from "./read.js";

type Column = "no" | "id" | "name" | "department" | "title" | "roles" | "number" | "stations" | "operator";

/**
 * The column names a people register (人员名单, 人员名册, 花名册) is read by, as compared (compactText, lower case).
 * 岗位 is a job title here (质量工程师), as `csr list people` prints 职务; a station is 工位 or 工序 (OP20).
 */
export const PEOPLE_HEADERS: Record<string, Column> = {
  // The row's number (序号), read as every register's is: nothing to record.
  序号: "no",
  no: "no",
  "no.": "no",
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
  id: "id",
  工号: "number",
  员工编号: "number",
  职工号: "number",
  员工号: "number",
  employeeno: "number",
  "employeeno.": "number",
  employeenumber: "number",
  工位: "stations",
  工序: "stations",
  station: "stations",
  stations: "stations",
  人员类别: "operator",
  岗位类别: "operator",
  是否操作工: "operator",
  operator: "operator",
};

const ROLES = ["author", "reviewer", "approver", "document-controller", "standardization"] as const;

/** What an operator column (人员类别, 岗位类别, 是否操作工) says of an operator (操作工): anything else is not one. */
const OPERATOR_WORDS = new Set(["操作工", "操作员", "一线员工", "一线操作工", "是", "operator", "yes", "y", "true"]);

/** A station code as schemas/common.schema.json takes it (and csr person add --station): OP20, L1-OP20. */
const STATION = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function cellText(cell: RawCell | undefined): string {
  return typeof cell === "string" || typeof cell === "number" ? String(cell).trim() : "";
}

/** The header row and its columns when the sheet is a people register: a name and a department column, and no 文件编号/文件名称. */
function peopleHeader(sheet: RawSheet): { at: number; columns: Map<Column, number>; unread: string[] } | undefined {
  for (const [at, row] of sheet.rows.slice(0, 10).entries()) {
    const columns = new Map<Column, number>();
    const unread: string[] = [];
    row.cells.forEach((cell, i) => {
      const column = PEOPLE_HEADERS[compactText(cellText(cell)).toLowerCase()];
      if (column && !columns.has(column)) columns.set(column, i);
      else if (cellText(cell) !== "") unread.push(cellText(cell));
    });
    if (columns.has("name") && columns.has("department")) return { at, columns, unread };
  }
  return undefined;
}

export function isPeopleRegister(sheet: RawSheet): boolean {
  return peopleHeader(sheet) !== undefined;
}

/**
 * The `csr person add` command of each person the register lists (a row with a name), in its row
 * order: the id column's id, else the name (people.yaml takes a name as the id); the 工号 (员工编号,
 * 职工号: `--number`); the department as written (csr person add takes a code or a name); the title;
 * the roles written as csr prints them (编制、审核 or author, reviewer); the stations (工位, 工序: codes
 * as written, several split at 、 , ， / ; ；: `--station OP20,OP30`); an operator (人员类别, 岗位类别,
 * 是否操作工 saying 操作工, 一线员工 or 是: `--operator`). IATF 16949 7.2.1, 7.2.2: operators are trained
 * for their stations. A row csr person add would refuse gives a shell comment instead of its command
 * (a 工号 an earlier row or people.yaml has, naming both; an operator with signing roles); a station
 * that is no code is said above the command, which leaves it out. Columns the register has that no option takes
 * (入职日期, 备注, a second 部门) are named first, in a comment line, as the other registers' imports name the columns they
 * do not read. Empty when the sheet is no people register.
 */
export function personAddCommands(sheet: RawSheet, known?: { people: readonly { id: string; name: string; number?: string }[]; departments: readonly { code: string; name: string; name_en?: string }[] }): string[] {
  const header = peopleHeader(sheet);
  if (!header) return [];
  const roleIds = new Map(ROLES.flatMap((role) => [role, translate("zh-CN", `value.role.${role}`), translate("en", `value.role.${role}`)].map((word) => [compactText(word).toLowerCase(), role] as const)));
  const get = (cells: RawCell[], column: Column) => {
    const at = header.columns.get(column);
    return at === undefined ? "" : cellText(cells[at]);
  };
  /** 工号 (NFKC, as csr person add compares them) → the row that gave it first. */
  const numbers = new Map<string, number>();
  const unread = header.unread.length > 0 ? [`# ${t("import.register.columns-not-imported", { columns: list(header.unread) })}`] : [];
  return [...unread, ...sheet.rows.slice(header.at + 1).flatMap(({ row, cells }) => {
    const name = get(cells, "name");
    if (name === "") return [];
    const roles = get(cells, "roles")
      .split(/[,，、;；\s]+/)
      .filter(Boolean)
      .map((word) => roleIds.get(compactText(word).toLowerCase()) ?? word);
    const department = get(cells, "department");
    const title = get(cells, "title");
    const id = get(cells, "id") || name;
    const number = get(cells, "number");
    const operator = OPERATOR_WORDS.has(compactText(get(cells, "operator")).toLowerCase());
    const written = [...new Set(get(cells, "stations").split(/[、,，/;；]+/).map((s) => s.trim()).filter(Boolean))];
    const stations = written.filter((s) => STATION.test(s));
    const notCodes = written.filter((s) => !STATION.test(s));
    // A person people.yaml has already (by id or name): a comment, not a command that would add them twice (breaker60 K1).
    const existing = known?.people.find((p) => p.id === id || p.name === name);
    if (existing) return [`# ${t("import.people-register.known", { name, person: `${existing.name}（${existing.id}）` })}`];
    if (number !== "") {
      const key = number.normalize("NFKC");
      const first = numbers.get(key);
      if (first !== undefined) return [`# ${t("import.people-register.number-twice", { row, name, number, first })}`];
      numbers.set(key, row);
      const holder = known?.people.find((p) => p.number?.normalize("NFKC").trim() === key);
      if (holder) return [`# ${t("import.people-register.number-taken", { row, name, number, person: `${holder.name}（${holder.id}）` })}`];
    }
    if (operator && roles.length > 0) return [`# ${t("import.people-register.operator-roles", { row, name, roles: roles.map((r) => ((ROLES as readonly string[]).includes(r) ? t(`value.role.${r as (typeof ROLES)[number]}`) : r)).join(t("register.list-separator")) })}`];
    const args = [
      id,
      "--name",
      name,
      ...(number ? ["--number", number] : []),
      ...(department ? ["--department", department] : []),
      ...(title ? ["--title", title] : []),
      ...(roles.length > 0 ? ["--roles", roles.join(",")] : []),
      ...(stations.length > 0 ? ["--station", stations.join(",")] : []),
      ...(operator ? ["--operator"] : []),
    ];
    // A department qms.yaml does not have: the command would be refused; said above it, as a shell comment.
    const unknown = known && department !== "" && !known.departments.some((d) => [d.code, d.name, d.name_en].includes(department));
    return [
      ...(notCodes.length > 0 ? [`# ${t("import.people-register.bad-station", { row, name, stations: notCodes.join(t("register.list-separator")) })}`] : []),
      ...(unknown ? [`# ${t("import.people-register.unknown-department", { department })}`] : []),
      `csr person add ${args.map(shellArgument).join(" ")} -y`,
    ];
  })];
}
