/**
 * The labels of a controlled document's header block and of its revision record, in the variants
 * seen in real procedures and work instructions (the seed documents: 文件编号 / 编号 / Doc No.,
 * 版本 / 版次 / 版本版次, 制订部门 / 编制部门, 编制 / 制订, 审核, 批准; 修订记录 with 日期, 修订内容摘要,
 * 页次, 版本/版次, and 文件修改记录 with 修改版本, 修改页数, 修改内容描述, 修改人, 批准人, 生效日期).
 */

export type HeaderField =
  | "number"
  | "title"
  | "version"
  | "revision"
  | "department"
  | "issued"
  | "effective"
  | "prepared"
  | "reviewed"
  | "approved"
  | "pages"
  | "retention"
  | "medium"
  | "location"
  | "classification"
  | "countersigned"
  | "standardization"
  | "military_representative";

// The GJB 9001C signatures, one spelling list for the header block and the revision record, as csr render
// prints them in either (document_layouts; tester63 N3).
const COUNTERSIGNED = /^(会签|会签人|countersigned|counter-signed)$/;
const STANDARDIZATION = /^(标准化审查|标准化|标准化审查人|standardization|standardizationreview|std\.review)$/;
const MILITARY_REPRESENTATIVE = /^(军代表|军代表签字|militaryrepresentative|militaryrep\.?|mil\.rep\.?)$/;

const HEADER_LABELS: [RegExp, HeaderField][] = [
  [/^(文件编号|文件编码|文件代号|编号|docno\.?|documentno\.?|documentnumber|number)$/, "number"],
  [/^(文件名称|文件标题|名称|title|documenttitle)$/, "title"],
  [/^(版本\/版次|版本版次|版次\/版本|版本\/修订|版本号|版本|version|rev\.?|revision)$/, "version"],
  [/^(版次|修订次数|修订号|修改次数)$/, "revision"],
  [/^(制订部门|制定部门|编制部门|归口部门|主管部门|责任部门|发布部门|department|issuingdepartment)$/, "department"],
  [/^(制订日期|制定日期|编制日期|发布日期|发行日期|issued|issuedate|dateofissue|firstissued)$/, "issued"],
  [/^(生效日期|实施日期|effective|effectivedate)$/, "effective"],
  [/^(编制|制订|制定|拟制|编写|起草|编制人|preparedby|prepared|author)$/, "prepared"],
  [/^(审核|审查|审核人|reviewedby|reviewed|checkedby)$/, "reviewed"],
  [/^(批准|核准|批准人|approvedby|approved)$/, "approved"],
  [/^(页次|页数|总页数|pages)$/, "pages"],
  // A form's header block: how long its records are kept, on what and where (record).
  [/^(保存期限|保存期|保存年限|保管期限|retention|retentionperiod)$/, "retention"],
  [/^(保存方式|存放方式|储存方式|保存形式|medium|storage)$/, "medium"],
  [/^(存放地点|保存地点|存放位置|保存部门|location)$/, "location"],
  // The 密级 marking a GJB layout prints above the title (qms.yaml document_layouts classification).
  [/^(密级|classification)$/, "classification"],
  // The GJB signatures a document_layouts entry prints (csr render writes them so).
  [COUNTERSIGNED, "countersigned"],
  [STANDARDIZATION, "standardization"],
  [MILITARY_REPRESENTATIVE, "military_representative"],
];

export type RevisionField =
  | "index"
  | "number"
  | "date"
  | "summary"
  | "basis"
  | "pages"
  | "version"
  | "by"
  | "reviewedBy"
  | "countersigned"
  | "standardization"
  | "approvedBy"
  | "military_representative"
  | "effective"
  | "totalPages";

const REVISION_LABELS: [RegExp, RevisionField][] = [
  [/^(序号|no\.?)$/, "index"],
  [/^(文件编号|编号|docno|documentno)$/, "number"],
  [/^(日期|修订日期|修改日期|更改日期|变更日期|发布日期|date|revisiondate)$/, "date"],
  [/^(修订内容摘要|修订内容|修改内容|修改内容描述|更改内容|变更内容|内容摘要|修订说明|修改说明|更改说明|summary|description|descriptionofchange|change)$/, "summary"],
  [/^(页次|修改页数|修订页次|修改页次|修改页码|更改页次|页码|pages|pagesaffected)$/, "pages"],
  [/^(版本\/版次|版本版次|版本|版次|修改版本|修订版本|新版本|新版次|version|rev\.?|revision)$/, "version"],
  [/^(修订人|修改人|更改人|变更人|编制|编制人|拟制|preparedby|changedby|by)$/, "by"],
  [/^(审核|审核人|reviewedby)$/, "reviewedBy"],
  [/^(批准人|批准|核准|approvedby)$/, "approvedBy"],
  // The GJB 9001C signatures and the change's basis, as csr render prints them (tester63 N3).
  [COUNTERSIGNED, "countersigned"],
  [STANDARDIZATION, "standardization"],
  [MILITARY_REPRESENTATIVE, "military_representative"],
  [/^(更改原因\/依据|更改原因|更改依据|修订原因|reason\/request\/ecn|reason)$/, "basis"],
  [/^(生效日期|实施日期|effective|effectivedate)$/, "effective"],
  [/^(总页数|totalpages)$/, "totalPages"],
];

/** Captions written above (or in the first row of) a revision record. */
export const REVISION_CAPTION = /^(修订记录|文件修改记录|修改记录|修订履历|更改记录|变更记录|文件修订记录|revisionrecord|revisionhistory|revisions)$/;

/** A label as compared: full-width forms folded, spaces and a trailing colon removed, lower case. */
export function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s/g, "")
    .replace(/[:：]$/, "")
    .toLowerCase();
}

export function headerField(text: string): HeaderField | undefined {
  const key = labelKey(text);
  const hit = HEADER_LABELS.find(([re]) => re.test(key));
  if (hit) return hit[1];
  // "编制/日期", "审核（签名）": a signature label with its date or signature note.
  const bare = key.replace(/(\/日期|\/date|[(（]?签[名字][)）]?)$/, "");
  const signature = HEADER_LABELS.find(([re, field]) => ["prepared", "reviewed", "approved"].includes(field) && re.test(bare));
  return signature?.[1];
}

export function revisionField(text: string): RevisionField | undefined {
  const key = labelKey(text);
  return REVISION_LABELS.find(([re]) => re.test(key))?.[1];
}

/** "文件编号：QP-020" (one cell or one paragraph line): the label and its value. */
export function labelAndValue(line: string): { field: HeaderField; value: string } | undefined {
  const m = /^([^:：]{1,14})[:：]\s*(.*)$/s.exec(line.normalize("NFKC").trim());
  if (!m) return undefined;
  const field = headerField(m[1]!);
  return field ? { field, value: m[2]!.trim() } : undefined;
}
