/**
 * A distribution and recall register (受控文件发放回收登记表, 文件发放/回收记录) given to `csr import`
 * (`--as distribution`, or recognised by its columns: a document number and a copy number beside a department,
 * holder or issue date): each row is the controlled copy `csr distribute <document> --to <unit> --copy <n>`
 * records (the paper's 发放号 kept as its 受控号, givenCopyNumbers' rules), and a row with a 回收日期 the recall
 * `csr recall` records on it (`recalled`, `returned_by` 交回人, `received_by` 回收人), its 备注 the copy's `remark`. IATF 16949 7.5.3.2.1,
 * GJB 9001C 7.5.3: the record of who holds which copy, and that the copies of a replaced version came back.
 * Nothing is written here: the result is a plan the import command prints and carries out.
 */
import { compactText, shellArgument } from "../core/text.js";
import { t, translate } from "../i18n/index.js";
import { buildIndex, issuedOn, revisionInForce } from "../model/index.js";
import { copyEdition, nextCopyNumber } from "../model/distribution.js";
import { servesUnit } from "../model/person-work.js";
import { worksOn } from "../model/people.js";
import { departmentNamed } from "../model/department-names.js";
import { departmentLabel } from "../model/labels.js";
import type { ControlledCopy, ControlledDocument, Person } from "../model/types.js";
import type { Repository } from "../load/repository.js";
import { cellKey, cellText, normalizeDate, normalizeVersion, personIdFromName } from "./normalize.js";
import { normalizeHeader } from "./headers.js";
import { peopleWritten, unknownDepartment } from "./plan.js";
import { namesakeRefusal } from "../model/person-names.js";
import type { RawCell, RawSheet } from "./read.js";

export type Column = "no" | "number" | "title" | "version" | "copy" | "to" | "holder" | "issuedBy" | "date" | "recalled" | "returnedBy" | "receivedBy" | "location" | "remarks";

/** The column names a distribution register is read by (normalizeHeader: no spaces, `*` or colons, lower case). */
export const DISTRIBUTION_HEADERS: Readonly<Record<string, Column>> = {
  序号: "no",
  no: "no",
  文件编号: "number",
  编号: "number",
  文件号: "number",
  文件编码: "number",
  documentnumber: "number",
  docno: "number",
  文件名称: "title",
  名称: "title",
  title: "title",
  版本: "version",
  "版本/版次": "version",
  版本号: "version",
  版次: "version",
  version: "version",
  rev: "version",
  发放号: "copy",
  受控号: "copy",
  分发号: "copy",
  受控编号: "copy",
  分发编号: "copy",
  发放编号: "copy",
  份号: "copy",
  copyno: "copy",
  copy: "copy",
  领用部门: "to",
  发放部门: "to",
  接收部门: "to",
  分发部门: "to",
  使用部门: "to",
  部门: "to",
  department: "to",
  issuedto: "to",
  领用人: "holder",
  签收人: "holder",
  领取人: "holder",
  接收人: "holder",
  holder: "holder",
  发放人: "issuedBy",
  issuedby: "issuedBy",
  发放日期: "date",
  分发日期: "date",
  领用日期: "date",
  issuedate: "date",
  dateissued: "date",
  回收日期: "recalled",
  收回日期: "recalled",
  recalled: "recalled",
  recalldate: "recalled",
  交回人: "returnedBy",
  归还人: "returnedBy",
  returnedby: "returnedBy",
  回收人: "receivedBy",
  收回人: "receivedBy",
  receivedby: "receivedBy",
  使用场所: "location",
  使用地点: "location",
  location: "location",
  备注: "remarks",
  说明: "remarks",
  remarks: "remarks",
};

/** The import kind's name and the other words --as may give for it. */
export const DISTRIBUTION_WORDS = new Set(["distribution", "copies", "发放", "发放回收", "发放记录", "发放回收记录", "文件发放", "受控文件发放回收登记表", "发放回收登记表"]);

/** A 备注 that says what the 回收日期 says already (换版回收): read, nothing more to keep. */
const RECALL_REMARK = /^(?:已?换版回收|已?回收|已?收回|换版|版本更新回收|recalled)$/i;

const columnOf = (cell: RawCell | undefined): Column | undefined => DISTRIBUTION_HEADERS[normalizeHeader(cellText(cell))];

interface Header {
  /** Index in sheet.rows. */
  at: number;
  row: number;
  columns: Map<Column, number>;
  /** Labels of the columns not read, as written. */
  unread: string[];
  /** Labels of the columns csr's own register computes (应回收日期, 状态), as written. */
  computed: string[];
}

/** The columns `csr list distribution` computes from the records (应回收日期, 状态), in either language: computed again, not read. */
const COMPUTED = new Set((["zh-CN", "en"] as const).flatMap((lang) => (["register.distribution.column.due-by", "register.distribution.column.state"] as const).map((key) => normalizeHeader(translate(lang, key)))));

/** The header row: among the first ten, one with a document number and a copy number column beside a department, holder or issue date column. */
function distributionHeader(sheet: RawSheet): Header | undefined {
  for (const [at, raw] of sheet.rows.slice(0, 10).entries()) {
    const columns = new Map<Column, number>();
    const unread: string[] = [];
    const computed: string[] = [];
    raw.cells.forEach((cell, i) => {
      const label = cellText(cell);
      if (label === "") return;
      const column = columnOf(cell);
      if (column && !columns.has(column)) columns.set(column, i);
      else if (COMPUTED.has(normalizeHeader(label))) computed.push(label);
      else unread.push(label);
    });
    if (columns.has("number") && columns.has("copy") && (columns.has("to") || columns.has("holder") || columns.has("date"))) return { at, row: raw.row, columns, unread, computed };
  }
  return undefined;
}

/** Whether the sheet is a distribution and recall register (its header as distributionHeader finds it). */
export function isDistributionRegister(sheet: RawSheet): boolean {
  return distributionHeader(sheet) !== undefined;
}

/** One copy the register records, as it goes into its document's `distribution`. */
export interface PlannedCopy {
  row: number;
  id: string;
  path: string;
  entry: ControlledCopy;
}

export interface DistributionPlan {
  /** 1-based row of the header. */
  header: number;
  /** Rows with a document number or a copy number. */
  dataRows: number;
  /** Column labels not read. */
  unread: string[];
  /** Columns csr's own register computes (应回收日期, 状态): computed again from the records, not read. */
  computed: string[];
  /** The people columns the register has (发放人 issuedBy, 交回人 returnedBy …): a copy record lacks those it has not. */
  columns: Column[];
  copies: PlannedCopy[];
  /** Rows the repository holds as written (a register imported again). */
  unchanged: number[];
  /** Rows whose 备注 is the only thing the repository's copy lacks: the remark added to that copy (`at`, its index in `distribution`). */
  remarks: { row: number; id: string; path: string; at: number; copy: number; remark: string }[];
  refused: { row: number; message: string }[];
  /** What a row said that is read otherwise than written, or not kept. */
  notes: { row: number; message: string }[];
  /** Rows above the header that hold text (the title, the register's own form number): said, not read. */
  titleRows: { row: number; text: string }[];
}

/**
 * The copies of a distribution register, checked as `csr distribute --to --copy` and `csr recall` check them: the
 * document in the repository (released or withdrawn), the version in its revision record (empty: the one in force on
 * the issue day), the copy number a positive integer (`004` is 4) not used for another copy of the document nor by an
 * earlier row, the unit a department (code, name, alias) or outside party of qms.yaml, people (领用人, 发放人, 交回人,
 * 回收人) of people.yaml (csr's copy records name people by id), the holder one of the unit (or its delegate), dates
 * read as the other registers read them, none after `today`, the copy handed out on or after its version's date and
 * before the next version took effect, taken back on or after that. A copy the document records already with the same
 * number is counted as unchanged when the record is the row's, else the row is refused. Errors: none; every problem is
 * a refused row or a note. Undefined when the sheet has no distribution header.
 */
export function planDistribution(sheet: RawSheet, repo: Repository, today: string): DistributionPlan | undefined {
  const header = distributionHeader(sheet);
  if (!header) return undefined;
  const index = buildIndex(repo);
  const departments = repo.config?.value.departments ?? [];
  const parties = repo.config?.value.external_parties ?? [];
  const people = repo.people.map((p) => p.value);
  const plan: DistributionPlan = { header: header.row, dataRows: 0, unread: header.unread, computed: header.computed, columns: [...header.columns.keys()], copies: [], unchanged: [], remarks: [], refused: [], notes: [], titleRows: [] };
  for (const raw of sheet.rows.slice(0, header.at)) {
    const text = raw.cells.map(cellText).filter(Boolean);
    if (text.length > 0) plan.titleRows.push({ row: raw.row, text: [...new Set(text)].join(" ") });
  }
  /** Copy numbers per document taken by earlier rows: the row that took each. */
  const taken = new Map<string, Map<number, number>>();
  /** Documents with this import's copies appended, for the next free number and the version in force. */
  const planned = new Map<string, ControlledCopy[]>();
  for (const raw of sheet.rows.slice(header.at + 1)) {
    const get = (column: Column) => {
      const at = header.columns.get(column);
      return at === undefined ? undefined : raw.cells[at];
    };
    const text = (column: Column) => cellText(get(column));
    const number = cellKey(get("number"));
    const copyText = cellKey(get("copy"));
    if (number === "" && copyText === "") {
      const rest = raw.cells.map(cellText).filter(Boolean);
      // A sign-off or note under the table (编制：孙敏): said, never dropped silently.
      if (rest.length > 0) plan.notes.push({ row: raw.row, message: t("import.distribution.not-a-copy", { text: rest.join(" ") }) });
      continue;
    }
    plan.dataRows++;
    const refuse = (message: string) => plan.refused.push({ row: raw.row, message });
    const located = repo.documents.find((d) => d.value.id === number) ?? repo.documents.find((d) => d.value.id.toLowerCase() === number.toLowerCase());
    if (!located) {
      refuse(number === "" ? t("import.distribution.no-number") : t("import.distribution.unknown-document", { id: number }));
      continue;
    }
    const document = located.value;
    const id = document.id;
    if (document.status !== "released" && document.status !== "obsolete") {
      refuse(t("import.distribution.not-released", { id, status: t(`value.document-status.${document.status}`) }));
      continue;
    }
    const title = text("title");
    if (title !== "" && compactText(title.normalize("NFKC")) !== compactText(document.title.normalize("NFKC"))) {
      plan.notes.push({ row: raw.row, message: t("import.distribution.other-title", { id, title, repository: document.title }) });
    }
    // Dates first: the version of a row without one is the one in force on its issue day.
    const dateText = text("date");
    const date = normalizeDate(get("date"));
    if (!date) {
      refuse(dateText === "" ? t("import.distribution.no-date", { id }) : t("import.distribution.bad-date", { column: t("import.distribution.column.date"), value: dateText }));
      continue;
    }
    const recalledText = text("recalled");
    const recalled = recalledText === "" ? undefined : normalizeDate(get("recalled"));
    if (recalledText !== "" && !recalled) {
      refuse(t("import.distribution.bad-date", { column: t("import.distribution.column.recalled"), value: recalledText }));
      continue;
    }
    const future = [date, recalled].find((d) => d !== undefined && d > today);
    if (future) {
      refuse(t("import.distribution.future", { date: future, today }));
      continue;
    }
    if (recalled && recalled < date) {
      refuse(t("import.distribution.recalled-before", { recalled, date }));
      continue;
    }
    const versionText = text("version");
    let version: string | undefined;
    if (document.kind === "external") {
      version = copyEdition(document);
      if (versionText !== "" && compactText(versionText) !== version) {
        refuse(t("import.distribution.external-edition", { id, version: versionText, edition: version ?? "" }));
        continue;
      }
    } else {
      version = versionText === "" ? revisionInForce(document, date)?.version : normalizeVersion(versionText);
      if (versionText !== "" && !version) {
        refuse(t("import.distribution.bad-version", { value: versionText }));
        continue;
      }
      const revisions = document.revisions ?? [];
      const at = revisions.findIndex((r) => r.version === version);
      if (at === -1) {
        refuse(
          version === undefined
            ? t("import.distribution.no-version-in-force", { id, date })
            : t("distribute.old-version.unknown", { id, version, versions: revisions.map((r) => r.version).join(t("register.list-separator")) }) + t("import.distribution.unknown-version.hint"),
        );
        continue;
      }
      if (versionText !== "" && version !== versionText) plan.notes.push({ row: raw.row, message: t("import.distribution.read-as", { column: t("import.distribution.column.version"), value: versionText, read: version! }) });
      const revision = revisions[at]!;
      if (issuedOn(revision) !== "" && date < issuedOn(revision)) {
        refuse(t("import.distribution.before-version", { date, id, version: version!, since: issuedOn(revision) }));
        continue;
      }
      const next = revisions[at + 1];
      const until = next ? (next.effective ?? issuedOn(next)) : undefined;
      if (next && until && date >= until) {
        refuse(t("distribute.old-version.superseded", { date, id, version: version!, next: next.version, until }).replace(/^--date /, ""));
        continue;
      }
    }
    // The copy number as the paper writes it (发放号 004): 4, as csr distribute --copy takes it.
    let copy: number;
    const numbers = taken.get(id) ?? new Map<number, number>();
    taken.set(id, numbers);
    const all = [...(document.distribution ?? []), ...(planned.get(id) ?? [])];
    if (copyText === "") {
      copy = nextCopyNumber({ ...document, distribution: all });
      plan.notes.push({ row: raw.row, message: t("import.distribution.numbered", { id, copy }) });
    } else if (!/^\d{1,6}$/.test(copyText) || Number(copyText) < 1) {
      refuse(t("import.distribution.bad-copy", { value: text("copy") }));
      continue;
    } else copy = Number(copyText);
    const earlier = numbers.get(copy);
    if (earlier !== undefined) {
      refuse(t("import.distribution.copy-twice", { id, copy, row: earlier }));
      continue;
    }
    // The unit: a department by code, name or alias, else an outside party (the 军代表室).
    const toText = text("to");
    const toKey = cellKey(get("to"));
    const named = departmentNamed(departments, toKey);
    const department = named?.department;
    const party = department || toKey === "" ? undefined : departmentNamed(parties, toKey)?.department;
    const to = department?.code ?? party?.code;
    if (!to) {
      refuse(toKey === "" ? t("import.distribution.no-unit", { id }) : unknownDepartment(toText, toKey, departments));
      continue;
    }
    if (named?.alias) {
      plan.notes.push({ row: raw.row, message: t("import.distribution.read-as", { column: t("import.distribution.column.to"), value: toText, read: to }) });
    }
    // People: ids of people.yaml, as every copy record names them; one it lacks is added first with csr person add.
    const person = (column: Column): Person | undefined | false => {
      const written = text(column);
      if (written === "") return undefined;
      const named = peopleWritten(written, people);
      // A name two people share names neither: the row is refused, never given to the first of them.
      if (named.length > 1) {
        refuse(namesakeRefusal(t(`import.distribution.column.${column as "holder"}`), written, named, index));
        return false;
      }
      const found = named[0];
      // Someone who had not joined, or had left, on the day the row records (csr distribute and csr recall check the same).
      const day = column === "returnedBy" || column === "receivedBy" ? recalled! : date;
      if (found && !worksOn(found, day)) {
        refuse(t("import.distribution.not-working", { column: t(`import.distribution.column.${column as "holder"}`), person: `${found.name}（${found.id}）`, date: day, joined: found.joined ?? "—", left: found.left ?? "—" }));
        return false;
      }
      if (found) return found;
      const unit = column === "holder" || column === "returnedBy" ? to : undefined;
      refuse(t("import.distribution.unknown-person", { column: t(`import.distribution.column.${column as "holder"}`), name: written, command: `csr person add ${shellArgument(personIdFromName(written))} --name ${shellArgument(written)} --department ${unit ?? t("import.distribution.department-placeholder")}` }));
      return false;
    };
    const holder = person("holder");
    if (holder === false) continue;
    if (holder && !servesUnit(holder, to, index.departments)) {
      refuse(t("distribute.holder-elsewhere", { holder: `${holder.name}（${holder.id}）`, department: departmentLabel(index, holder.department), to: departmentLabel(index, to) }));
      continue;
    }
    const issuedBy = person("issuedBy");
    if (issuedBy === false) continue;
    const returnedBy = person("returnedBy");
    if (returnedBy === false) continue;
    const receivedBy = person("receivedBy");
    if (receivedBy === false) continue;
    if (!recalled && (returnedBy || receivedBy)) {
      refuse(t("import.distribution.returned-without-date", { id, copy }));
      continue;
    }
    const location = text("location");
    // 备注 (破损换发, 遗失补发, 现场张贴) is kept on the copy; one that says only what the 回收日期 says (换版回收) is read, not kept twice.
    const remarks = text("remarks");
    const recallSaid = recalled !== undefined && RECALL_REMARK.test(compactText(remarks.normalize("NFKC")));
    const remark = recallSaid ? "" : remarks;
    const entry: ControlledCopy = {
      copy,
      version: version!,
      to,
      ...(holder ? { holder: holder.id } : {}),
      ...(location ? { location } : {}),
      ...(issuedBy ? { issued_by: issuedBy.id } : {}),
      date,
      ...(remark ? { remark } : {}),
      ...(recalled ? { recalled } : {}),
      ...(returnedBy ? { returned_by: returnedBy.id } : {}),
      ...(receivedBy ? { received_by: receivedBy.id } : {}),
    };
    const at = (document.distribution ?? []).findIndex((c) => c.copy === copy);
    const existing = at < 0 ? undefined : document.distribution![at]!;
    const differing = existing ? differingFields(existing, entry) : [];
    // A 备注 the paper added since (现场张贴) on a copy otherwise as recorded: added to the copy, said on its row.
    if (existing && differing.length === 1 && differing[0] === "remark" && existing.remark === undefined) {
      numbers.set(copy, raw.row);
      plan.remarks.push({ row: raw.row, id, path: located.file.path, at, copy, remark: entry.remark! });
      continue;
    }
    if (existing && differing.length > 0) {
      const data = { id, copy, version: existing.version, to: departmentLabel(index, existing.to), date: existing.date };
      refuse(differing.length === 1 && differing[0] === "remark" ? t("import.distribution.remark-differs", { ...data, recorded: existing.remark!, remark: entry.remark ?? "", path: located.file.path }) : t("import.distribution.copy-used", data));
      continue;
    }
    numbers.set(copy, raw.row);
    if (recallSaid) plan.notes.push({ row: raw.row, message: t("import.distribution.remark-read", { remarks, recalled: recalled! }) });
    if (existing) {
      plan.unchanged.push(raw.row);
      continue;
    }
    planned.set(id, [...(planned.get(id) ?? []), entry]);
    plan.copies.push({ row: raw.row, id, path: located.file.path, entry });
  }
  return plan;
}

/**
 * The fields the row gives that the repository's copy records otherwise (none: the copy is the row's; the repository may
 * hold more, a location, a loss). A row without a 备注 leaves the copy's as it is.
 */
function differingFields(existing: ControlledCopy, entry: ControlledCopy): (keyof ControlledCopy)[] {
  return (Object.keys(entry) as (keyof ControlledCopy)[]).filter((key) => existing[key] !== entry[key]);
}

/** The documents `copies` go to, with their `distribution` as the import leaves it. */
export function withPlannedCopies(repo: Repository, copies: readonly PlannedCopy[]): ControlledDocument[] {
  const ids = [...new Set(copies.map((c) => c.id))];
  return ids.map((id) => {
    const document = repo.documents.find((d) => d.value.id === id)!.value;
    return { ...document, distribution: [...(document.distribution ?? []), ...copies.filter((c) => c.id === id).map((c) => c.entry)] };
  });
}
