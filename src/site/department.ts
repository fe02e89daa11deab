/**
 * What csr site shows of one department (departments/<code>.html, tester70 P1) and of the controlled copies a
 * person holds (people/<id>.html, tester70 P2): the department head and the holder start from their own page,
 * not from five registers that cover every department. Each section is part of a register the site builds
 * anyway, taken by that register's own filter (csr list training --missing --department) or by its rows: the
 * distribution register's by the keys of each row (the rows csr list distribution --holder / --department lists),
 * 受控文件清单, 顾客特定要求清单, 变更报告. No figure is computed a second time. IATF 16949 7.5.3.2 (documents at the point of use), 7.5.3.2.1 (distribution and recall), 7.2.
 */
import { csrDistributedDepartments } from "../model/distribution.js";
import type { Change } from "../model/changes.js";
import type { Csr } from "../model/types.js";
import { copyRowKeys, isHeld } from "../report/registers/distribution.js";
import { departmentName, personName, t, type RegisterContext } from "../report/registers/context.js";
import { trainingMissingRegister } from "../report/registers/training-missing.js";
import { pickColumns, type Table } from "../report/table.js";
import { copiesDueBack } from "./panels.js";
import { siteTable, type Cell, type Linker, type SiteSection } from "./view.js";

/** A row of the distribution register that is an electronic issue (its 受控号 is the system's label, a copy's is its number). */
const electronic = (row: Table["rows"][number]) => typeof row.copy !== "number";

/** `rows` of the distribution register still held (isHeld): copies in use, to come into use, due back or kept stamped 作废; electronic issues still on the system. */
function stillHeld(rows: Table["rows"]): Table["rows"] {
  return rows.filter((row) => isHeld(copyRowKeys(row)!.state));
}

/**
 * The site's distribution register (文件发放/回收记录, as auditRegisters builds it) with its rows by the person holding each
 * copy and by the department each was issued to: the person and department pages take their parts from it, as `csr list
 * distribution --holder` and `--department` would list them, without building the register again for every page.
 */
export interface CopiesByKeys {
  register: Table;
  byHolder: ReadonlyMap<string, Table["rows"]>;
  byDepartment: ReadonlyMap<string, Table["rows"]>;
}

export function copiesByKeys(register: Table): CopiesByKeys {
  const byHolder = new Map<string, Table["rows"]>();
  const byDepartment = new Map<string, Table["rows"]>();
  const add = (map: Map<string, Table["rows"]>, key: string, row: Table["rows"][number]) => {
    const rows = map.get(key);
    if (rows) rows.push(row);
    else map.set(key, [row]);
  };
  for (const row of register.rows) {
    const keys = copyRowKeys(row)!;
    if (keys.holder !== undefined) add(byHolder, keys.holder, row);
    add(byDepartment, keys.to, row);
  }
  return { register, byHolder, byDepartment };
}

/** `rows` of the distribution register `register` in the columns `keys`, renumbered. */
function copyTable(register: Table, rows: Table["rows"], keys: readonly string[], link: Linker) {
  return siteTable({ ...pickColumns(register, keys), rows: rows.map((row, i) => ({ ...row, no: i + 1 })) }, link);
}

/**
 * A person's page: the paper copies the register names them as holder of (领用人) and still out, with 受控号, version,
 * the day issued, 应回收日期 and state (在用, 待回收 once a later version is released: the state the copies-to-recall
 * list gives), and the electronic issues to their department still on the system (tester70 P2).
 */
export function personCopiesSections(rc: RegisterContext, copies: CopiesByKeys, person: string, department: string, link: Linker): SiteSection[] {
  const none = t(rc, "site.none");
  const { register } = copies;
  const heldRows = stillHeld(copies.byHolder.get(person) ?? []).filter((row) => !electronic(row));
  const issued = rc.index.departments.has(department);
  const issuedRows = issued ? stillHeld(copies.byDepartment.get(department) ?? []).filter(electronic) : [];
  return [
    { id: "copies", title: t(rc, "site.person.copies", { count: heldRows.length }), table: copyTable(register, heldRows, ["number", "title", "version", "copy", "to", "date", "dueBy", "state"], link), empty: none },
    ...(issued ? [{ id: "electronic", title: t(rc, "site.person.electronic", { department: departmentName(rc, department), count: issuedRows.length }), table: copyTable(register, issuedRows, ["number", "title", "version", "copy", "date", "state"], link), empty: none }] : []),
  ];
}

/** What a department's page is built from, all as the site's registers of its day have it. */
export interface DepartmentInput {
  rc: RegisterContext;
  today: string;
  code: string;
  /** The controlled document list (受控文件清单) the site publishes. */
  documents: Table;
  /** The distribution register the site publishes, its rows by holder and department (copiesByKeys). */
  copies: CopiesByKeys;
  /** The CSR list (顾客特定要求清单) the site publishes, and the CSRs of its rows. */
  csrList: Table;
  csrs: readonly Csr[];
  /** The CSR countersigns the department still owes (as the person pages and the dashboard count them). */
  toReview: SiteSection;
  /** The change report of the days `changesFrom` to `today` (the site's changeReport), of changes concerning the department. */
  changes?: Table;
  /** Under them, links to all the department's changes of the report's period and to everyone's of the current and previous month (changes.ts). */
  changesLinks?: Cell[];
  changesFrom: string;
  link: Linker;
}

/**
 * A department's page: the documents it owns, what was issued to it and who holds each copy, the copies it has
 * to hand back, the CSRs distributed to it or whose implementation one of its people owns, the countersigns it
 * owes, its people who owe training and its changes of the last 30 days.
 */
export function departmentSections(input: DepartmentInput): SiteSection[] {
  const { rc, today, code, link } = input;
  const none = t(rc, "site.none");
  const name = departmentName(rc, code);
  const owned = input.documents.rows.filter((row) => row.department === name);
  const issued = input.copies.register;
  const issuedRows = input.copies.byDepartment.get(code) ?? [];
  const out = stillHeld(issuedRows);
  const dueBack = copiesDueBack(issuedRows);
  const people = new Set([...rc.index.people.values()].filter(({ value }) => value.department === code).map(({ value }) => value.id));
  const concerned = new Set(input.csrs.filter((csr) => csrDistributedDepartments(csr).includes(code) || (csr.implementation?.owner !== undefined && people.has(csr.implementation.owner))).map((csr) => csr.id));
  const csrRows = input.csrList.rows.filter((row) => concerned.has(String(row.id)));
  const csrKeys = ["id", "customer", "title", "status", "distributed", "owner", "due", "requiredBy", "implementationStatus"].filter((key) => input.csrList.columns.some((c) => c.key === key));
  const training = trainingMissingRegister(rc, { today, filter: { department: code } });
  const copyKeys = ["number", "title", "version", "copy", "holder", "date", "dueBy", "state"];
  return [
    {
      id: "documents",
      title: t(rc, "site.department.documents", { count: owned.length }),
      table: siteTable({ ...pickColumns(input.documents, ["number", "title", "version", "effective", "status"]), rows: owned }, link),
      empty: none,
    },
    { id: "issued", title: t(rc, "site.department.issued", { count: out.length }), table: copyTable(issued, out, copyKeys, link), empty: none },
    { id: "due-back", title: t(rc, "site.department.due-back", { count: dueBack.length }), table: copyTable(issued, dueBack, copyKeys, link), empty: none },
    { id: "csrs", title: t(rc, "site.department.csrs", { count: csrRows.length }), table: siteTable({ ...pickColumns(input.csrList, csrKeys), rows: csrRows }, link), empty: none },
    input.toReview,
    {
      id: "training",
      title: t(rc, "site.department.training", { count: training.rows.length }),
      // A row without a person is a revision whose trainees csr cannot tell (a record number alone): it names the department's people it should
      // have trained and says what to do in the head's words, where the register's remark speaks of how csr records it (tester70 P11's left-out end).
      table: siteTable(pickColumns({ ...training, rows: training.rows.map((row) => unconfirmedTraining(rc, row)) }, ["id", "title", "revision", "person", "due", "standing", "remark"]), link),
      empty: none,
    },
    {
      id: "changes",
      title: t(rc, "site.department.changes", { from: input.changesFrom, to: today, count: input.changes?.rows.length ?? 0 }),
      ...(input.changes ? { table: siteTable(pickColumns(input.changes, input.changes.columns.map((c) => c.key).filter((key) => key !== "no")), link) } : {}),
      ...(input.changesLinks ? { items: input.changesLinks } : {}),
      empty: none,
    },
  ];
}

/**
 * Whether a change of the change report concerns the department `code`: one of its documents (owned), a copy or
 * electronic issue to it, a CSR distributed to it or newly addressed in one of its documents, a training or CSR
 * implementation of one of its people, one of its people added, moved or gone. `owner`: each document's department; `department`: each person's.
 */
export function changeConcerns(code: string, change: Change, owner: (document: string) => string | undefined, department: (person: string) => string | undefined, implementer: (csr: string) => string | undefined): boolean {
  if ((change.departments ?? []).includes(code)) return true;
  if ((change.copies ?? []).some((c) => c.to === code)) return true;
  if (change.trained && (change.trained.people.some((p) => department(p) === code) || [change.trained.department ?? []].flat().includes(code))) return true;
  if (change.area === "document") return owner(change.id) === code;
  if (change.area === "person") return department(change.id) === code;
  // A CSR newly addressed in one of its documents (a WI of its line): the requirement now lands on its work (tester70 P11).
  if (change.area === "csr" && change.kind === "addressed") {
    const was = new Set(change.from.split(", "));
    return change.to.split(", ").some((place) => !was.has(place) && owner(place.split(" ")[0]!) === code);
  }
  if (change.area === "csr") {
    const person = implementer(change.id);
    return person !== undefined && department(person) === code && (change.kind === "implemented" || change.kind === "verified");
  }
  return false;
}

/**
 * A row of the missing-training list whose trainees csr cannot tell (`unconfirmed`: a training record registered by its number
 * alone, trainingMissingRegister) as a department head reads it: the people of the department it should have trained, and that
 * whether they were is not known until the record's attendees are entered. Any other row as it is.
 */
function unconfirmedTraining(rc: RegisterContext, row: Table["rows"][number]): Table["rows"][number] {
  const ids = typeof row.unconfirmedPeople === "string" && row.unconfirmedPeople !== "" ? row.unconfirmedPeople.split(" ") : [];
  if (ids.length === 0) return row;
  const separator = t(rc, "register.list-separator");
  const records = String(row.unconfirmedRecords ?? "").split(" ").join(separator);
  return { ...row, person: ids.map((id) => personName(rc, id)).join(separator), remark: t(rc, "site.department.training.unconfirmed", { records, count: ids.length }) };
}
