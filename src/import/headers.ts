/**
 * Recognising the columns of a register: the header texts seen in real Chinese and English
 * registers, and finding the header row below any title rows.
 */
import { USES_COLUMN_NAMES } from "../model/uses-remarks.js";
import type { RawRow } from "./read.js";

export type Field =
  | "no"
  | "title"
  | "number"
  | "version"
  | "versionNumber"
  | "department"
  | "clauses"
  | "prepared"
  | "reviewed"
  | "approved"
  | "countersigned"
  | "standardization"
  | "militaryRepresentative"
  | "issued"
  | "effective"
  | "publisher"
  | "remarks"
  | "retention"
  | "customerRetention"
  | "medium"
  | "location"
  | "keeper"
  | "procedure"
  | "level"
  | "kind"
  | "status"
  | "classification"
  | "customer"
  | "customerName"
  | "source"
  | "revision"
  | "section"
  | "text"
  | "category"
  | "received"
  | "restarted"
  | "disposition"
  | "decidedBy"
  | "decided"
  | "confirmedBy"
  | "confirmed"
  | "justification"
  | "lateReason"
  | "reviewRecord"
  | "reviewLeader"
  | "owner"
  | "due"
  | "requiredBy"
  | "completed"
  | "implementationStatus"
  | "addressed"
  | "implemented"
  | "evidence"
  | "verifiedBy"
  | "verified"
  | "superseded"
  | "supersededReason"
  | "supersededBy"
  | "distributed"
  | "training"
  | "level3"
  | "level4"
  | "uses"
  | "customerSymbol"
  | "customerClass"
  | "meaning"
  | "symbol"
  | "class"
  | "customerApproval"
  | "withdrawn"
  | "withdrawnReason";

const VARIANTS: Record<Field, string[]> = {
  no: ["序号", "no", "no.", "#", "sn", "s/n"],
  title: ["文件名称", "名称", "标题", "文件标题", "程序文件", "程序名称", "程序文件名称", "表单名称", "记录名称", "表格名称", "标准名称", "外来文件名称", "要求名称", "title", "name", "documenttitle", "procedure"],
  // 编码 and 编号 are used alike (文件编码规则); an external document list names its numbers 标准号 (tester54b B11).
  number: ["文件编号", "编号", "表单编号", "记录编号", "表格编号", "文件号", "文件编码", "表单编码", "记录编码", "编码", "标准号", "标准编号", "csr编号", "number", "no.", "documentnumber", "docno", "docno.", "id", "doc-id", "docid", "documentid"],
  // In a CSR list, 版本 next to 来源文件 is the customer document's revision (plan.ts csrFromRow).
  version: ["版本", "版本/版次", "版本号", "现行版本", "version", "rev", "rev.", "revision"],
  // 版次 next to 版本 is the revision number of A/2 (版本 A, 版次 2: plan.ts versionOfRow); a 版次 column alone is the version.
  versionNumber: ["版次", "修订次数", "修改次数"],
  department: ["制订部门", "制定部门", "责任部门", "归口部门", "主管部门", "编制部门", "部门", "使用部门", "department", "dept", "dept."],
  // 适用标准条款, 条款号 … as registers head the column (tester76 M7); 标准条款（GJB 9001C） names its standard (plan.ts clauseStandardOfHeader).
  clauses: ["条款", "对应条款", "标准条款", "相关条款", "适用条款", "适用标准条款", "对应标准条款", "相关标准条款", "标准条款号", "条款号", "对应条款号", "clause", "clauses", "clauseno", "clauseno."],
  prepared: ["编制", "编制/修订", "修订", "编制人", "制订", "制定", "拟制", "prepared", "prepared/revised", "preparedby", "author"],
  reviewed: ["审核", "审核人", "reviewed", "reviewedby", "checked"],
  approved: ["批准", "批准人", "approved", "approvedby"],
  // The GJB signatures of a revision, as csr's own 受控文件清单 heads them (register.documents.column.*) in a GJB repository.
  countersigned: ["会签", "会签人", "countersigned", "countersignedby"],
  standardization: ["标准化审查", "标准化审查人", "标审", "standardizationcheck", "standardizationcheckedby"],
  militaryRepresentative: ["军代表", "军代表签字", "军代表签署", "militaryrepresentative"],
  issued: ["发行日期", "发布日期", "日期", "issuedate", "date", "releasedate", "release"],
  // In a Chinese register 发布日期 (issued) and 实施日期 (in force from) are two dates; a document takes effect on the second.
  // (An English "Implementation date" is a CSR's implemented in a CSR list, a document's effective in a document register: plan.ts documentColumns.)
  effective: ["生效日期", "实施日期", "实施时间", "effectivedate", "effective"],
  // Who issued an external document (a standard's 发布单位), as the external document list heads it.
  publisher: ["发布单位", "发布机构", "颁布单位", "publisher", "issuedby"],
  remarks: ["备注", "说明", "remarks", "remark", "notes", "note", "comment", "comments"],
  retention: ["保存期限", "保存期", "保存年限", "保管期限", "retention", "retentionperiod"],
  // A customer's longer retention period, as csr's record list prints it (顾客特殊期限: 北辰汽车集团有限公司：停产后15年).
  customerRetention: ["顾客特殊期限", "顾客保存期限", "顾客要求保存期限", "customer-specificretention", "customerretention"],
  medium: ["存放方式", "保存方式", "储存方式", "保存形式", "medium", "storage"],
  location: ["存放地点", "保存地点", "存放位置", "location"],
  // The department that keeps a form's filled-in records: where they are kept, and the form's own department when the register names no other.
  keeper: ["保存部门", "保管部门", "归档部门", "keptby"],
  procedure: ["所属程序", "相关程序", "对应程序", "owningprocedure"],
  level: ["层级", "文件层级", "层次", "级别", "文件级别", "level"],
  kind: ["文件类别", "文件类型", "类型", "kind", "type", "doctype", "documenttype"],
  status: ["状态", "文件状态", "受控状态", "文件受控状态", "有效状态", "status"],
  // 密级 of a document (schemas: classification); 密 is the short header of a narrow column.
  classification: ["密级", "文件密级", "密", "保密等级", "classification", "securityclassification"],
  customer: ["顾客代码", "客户代码", "顾客", "客户", "customer", "customercode"],
  customerName: ["顾客名称", "客户名称", "customername"],
  source: ["来源文件", "来源", "顾客文件", "顾客文件名称", "客户文件", "客户文件名称", "csr文件名称", "csr来源文件", "csr文件", "source", "sourcedocument"],
  revision: ["来源版本", "顾客文件版本", "sourcerevision"],
  section: ["章节", "条目", "来源章节", "顾客文件章节", "section", "sourcesection"],
  text: ["要求内容", "内容", "要求", "顾客要求", "客户要求", "要求描述", "要求说明", "具体要求", "requirement", "requirementtext", "description", "text"],
  category: ["类别", "分类", "category"],
  received: ["接收日期", "接收时间", "收到日期", "收到时间", "收文日期", "received", "receiveddate"],
  restarted: ["换版重评日期", "重新评审日期", "重评起算日期", "reviewrestarted", "restarted"],
  disposition: ["处置", "处置结果", "评审结论", "disposition"],
  decidedBy: ["决定人", "处置人", "decidedby"],
  decided: ["决定日期", "处置日期", "评审日期", "decided", "decidedon", "decisiondate"],
  // Who confirmed the decision unchanged on a new source revision, and when (review.confirmations), as the CSR list prints them.
  confirmedBy: ["确认人", "换版确认人", "confirmedby"],
  confirmed: ["确认日期", "换版确认日期", "confirmedon", "confirmed"],
  justification: ["处置理由", "理由", "justification"],
  lateReason: ["逾期原因", "延期原因", "评审逾期原因", "latereason", "reasonfordelay"],
  reviewRecord: ["评审记录编号", "评审记录", "评审记录号", "评审表编号", "reviewrecord", "reviewrecordno", "reviewrecordno.", "reviewrecordnumber"],
  // Who signed the review report as the review team leader (review.leader), as the CSR list prints it beside 评审记录编号.
  reviewLeader: ["评审组长", "评审组长签字", "reviewleader", "reviewteamleader"],
  owner: ["负责人", "责任人", "实施负责人", "owner"],
  due: ["完成期限", "计划完成日期", "要求完成日期", "due", "duedate"],
  // The customer's date of a CSR (implementation.required_by), as the CSR list prints it beside 完成期限.
  requiredBy: ["顾客要求日期", "客户要求日期", "顾客实施日期", "customer'sdate", "customerdate", "requiredby"],
  // 完成日期 of a CSR list is the date implemented of a row whose status says it is done, else the date planned (plan.ts csrFromRow).
  completed: ["完成日期", "完成时间", "completiondate"],
  implementationStatus: ["实施状态", "implementationstatus"],
  // A Chinese CSR matrix heads the same column 对应文件 (对应程序文件, 相关文件, 支持文件); 对应程序 is read so too there (plan.ts csrColumns).
  addressed: ["落实文件", "落实位置", "对应文件", "对应程序文件", "相关文件", "支持文件", "addressedin"],
  implemented: ["导入生产日期", "实际完成日期", "实施完成日期", "implemented", "implementedon", "implementationdate"],
  evidence: ["实施证据", "证据", "evidence"],
  verifiedBy: ["验证人", "verifiedby"],
  verified: ["验证日期", "verifiedon", "verificationdate"],
  superseded: ["替代日期", "被替代日期", "supersededon"],
  supersededReason: ["替代原因", "被替代原因", "supersededreason", "supersededbecause"],
  supersededBy: ["替代要求", "替代为", "supersededby", "replacedby"],
  // The CSR list's 发放 and 培训 (tester55 C5): recognised to say why they are not imported (commands/import recordsNotImported).
  distributed: ["发放", "发放部门", "分发", "distributed", "distribution"],
  training: ["培训", "培训记录", "training"],
  // The report knows them too: the GJB procedure list prints the entries the import kept in the remarks (model/uses-remarks.ts).
  level3: [...USES_COLUMN_NAMES.level3],
  level4: [...USES_COLUMN_NAMES.level4],
  uses: [...USES_COLUMN_NAMES.uses],
  customerSymbol: ["顾客符号", "客户符号", "customersymbol"],
  customerClass: ["顾客分类", "客户分类", "顾客特性分类", "customerclass"],
  meaning: ["含义", "符号含义", "meaning"],
  symbol: ["本公司符号", "公司符号", "我司符号", "内部符号", "oursymbol"],
  class: ["本公司分类", "公司分类", "我司分类", "内部分类", "ourclass"],
  customerApproval: ["顾客认可", "客户认可", "顾客批准", "customerapproval"],
  // A withdrawn document's 作废日期 and 作废原因 (作废文件清单; obsolete.date and obsolete.reason).
  withdrawn: ["作废日期", "废止日期", "停用日期", "withdrawn", "withdrawndate", "obsoletedate"],
  withdrawnReason: ["作废原因", "废止原因", "停用原因", "withdrawalreason", "reasonforwithdrawal"],
};

/** The header texts read as each field, as docs/import.md lists them (test/audit/import-docs.test.ts keeps the page true). */
export const COLUMN_NAMES: Readonly<Record<Field, readonly string[]>> = VARIANTS;

/** A header that names the field, as registers write it: the first of its variants (Chinese). */
export function headerExample(field: Field): string {
  return VARIANTS[field][0]!;
}

export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s*:：]/g, "");
}

const LOOKUP = new Map<string, Field>();
for (const [field, variants] of Object.entries(VARIANTS) as [Field, string[]][]) {
  for (const v of variants) if (!LOOKUP.has(normalizeHeader(v))) LOOKUP.set(normalizeHeader(v), field);
}

/**
 * The field a header names: the whole text, else one language of a bilingual label — the part
 * outside or inside brackets ("文件名称(Title)"), the Chinese part and the rest ("文件名称 Document
 * Title"), or one line of a label broken inside the cell ("文件编号\nDoc. No.").
 */
export function headerField(text: string): Field | undefined {
  const h = normalizeHeader(text);
  if (!h) return undefined;
  const direct = LOOKUP.get(h);
  if (direct) return direct;
  const bracketed = /^(.*?)\((.*)\)$/.exec(h);
  if (bracketed) return LOOKUP.get(bracketed[1]!) ?? LOOKUP.get(bracketed[2]!);
  const plain = text.normalize("NFKC").trim();
  const chinese = /^([\p{Script=Han}/／、]+)\s*(.*)$/su.exec(plain);
  const parts = [...(chinese ? [chinese[1]!, chinese[2]!] : []), ...plain.split(/\r?\n/)];
  for (const part of parts) {
    const field = LOOKUP.get(normalizeHeader(part));
    if (field) return field;
  }
  return undefined;
}

/** A column that holds two fields at once ("Title / Doc-ID"): the register must be split first. */
export function combinedTitleAndNumber(text: string): boolean {
  const parts = normalizeHeader(text).split(/[/／+&]/);
  return parts.length === 2 && parts.every((p) => LOOKUP.has(p)) && new Set(parts.map((p) => LOOKUP.get(p))).size === 2;
}

export interface HeaderRow {
  row: number;
  /** Column index (0-based) of each recognised field; the first column wins when a field repeats. */
  columns: Map<Field, number>;
  /** The header text of each recognised field's column, as written. */
  labels: Map<Field, string>;
  /** Headers that were not recognised, to tell the user they were ignored. */
  ignored: string[];
  /**
   * Fields read from one part of a column that holds several signatures, 编制/审核/批准 with
   * 陈静/徐海涛/王建国 in its cells (tester54b B24): the part's index and how many parts the header names.
   */
  parts?: Map<Field, { part: number; of: number }>;
  /**
   * A CSR matrix's columns headed by a clause number (4.3.2, 8.7) whose cells mark the requirements of that clause
   * (●, √, ✓, ○): the column index and the header as written (tester76 M9; plan.ts clausesOfRow reads them as clauses).
   */
  marks?: { column: number; label: string }[];
}

/** The signatures a combined sign-off header names in order (编制/审核/批准), when each part is one and they differ. */
const SIGNATURE_FIELDS: ReadonlySet<Field> = new Set(["prepared", "reviewed", "approved", "countersigned", "standardization", "militaryRepresentative"]);
export function signatureParts(text: string): Field[] | undefined {
  const parts = text.normalize("NFKC").split(/[/／、|]/).map((p) => LOOKUP.get(normalizeHeader(p)));
  if (parts.length < 2 || parts.some((f) => f === undefined || !SIGNATURE_FIELDS.has(f))) return undefined;
  return new Set(parts).size === parts.length ? (parts as Field[]) : undefined;
}

const SEARCH_ROWS = 10;

const label = (cell: unknown) => (typeof cell === "string" ? cell.trim() : "");

/**
 * The header row is the first of the first ten rows with at least two recognised headers. A header
 * drawn over two rows (签署 merged over three columns, with 编制 / 审核 / 批准 below it; a merged cell
 * repeats its text in both rows) takes its second row too: then data starts below that.
 */
export function findHeaderRow(rows: RawRow[]): HeaderRow | undefined {
  for (const [index, raw] of rows.slice(0, SEARCH_ROWS).entries()) {
    const columns = new Map<Field, number>();
    const parts = new Map<Field, { part: number; of: number }>();
    raw.cells.forEach((cell, i) => {
      const field = headerField(label(cell));
      if (field && !columns.has(field)) columns.set(field, i);
      const signatures = field ? undefined : signatureParts(label(cell));
      signatures?.forEach((f, part) => {
        if (columns.has(f)) return;
        columns.set(f, i);
        parts.set(f, { part, of: signatures.length });
      });
    });
    if (columns.size < 2) continue;
    let last = raw;
    const below = rows[index + 1];
    if (below && below.row === raw.row + 1) {
      const labels = below.cells.map(label);
      const onlyHeaders = labels.every((t, i) => t === "" || t === label(raw.cells[i]) || headerField(t) !== undefined);
      const adds = labels.some((t, i) => t !== label(raw.cells[i]) && headerField(t) !== undefined && !columns.has(headerField(t)!));
      if (onlyHeaders && adds) {
        labels.forEach((t, i) => {
          const field = headerField(t);
          if (field && t !== label(raw.cells[i]) && !columns.has(field)) columns.set(field, i);
        });
        last = below;
      }
    }
    const used = new Set(columns.values());
    const width = Math.max(raw.cells.length, last.cells.length);
    const ignored = [...new Set(Array.from({ length: width }, (_, i) => (used.has(i) ? "" : label(last.cells[i]) || label(raw.cells[i]))).filter(Boolean))];
    const labels = new Map([...columns].map(([field, i]) => [field, label(last.cells[i]) || label(raw.cells[i])]));
    return { row: last.row, columns, labels, ignored, ...(parts.size ? { parts } : {}) };
  }
  return undefined;
}
