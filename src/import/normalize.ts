/** Turning the values real registers contain into the repository's formats. */
import type { Disposition, Role } from "../model/types.js";
import { readDate } from "../core/dates.js";
import { compactText } from "../core/text.js";
import { UnreadableCell, type RawCell } from "./read.js";

/** A cell's text exactly as the register shows it (titles and free text are written like this), trimmed. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === undefined || cell instanceof UnreadableCell) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/**
 * A value that is looked up or parsed (number, code, name, department, date, version): full-width
 * forms folded (NFKC), every space (also U+3000) and invisible character (U+200B …) removed, so that
 * "陈　静", "QP-101<U+200B>" and "ＱＰ－１０１" find 陈静 and QP-101.
 */
export function cellKey(cell: RawCell | undefined): string {
  return compactText(cellText(cell).normalize("NFKC"));
}

/** B0 -> B/0, a1 -> A/1, "A/1" stays, "A" -> A/0, A版 / A/0版 / 第A版 -> A/0; anything else is not a version. */
export function normalizeVersion(text: string): string | undefined {
  // A/1 as registers and Word headers spell it: A1, A.1, A版, A/1版, A版1次, A版第1次, 第A版第1次修订 (tester76 M6).
  const m = /^第?([A-Za-z])\s*版?\s*(?:[/\-.]?\s*第?\s*(\d+)\s*(?:次修订|次修改|次|版次|版)?)?(?:版次|版)?$/.exec(compactText(text.normalize("NFKC")));
  if (!m) return undefined;
  return `${m[1]!.toUpperCase()}/${Number(m[2] ?? 0)}`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell, an Excel serial number, or text like 2018/12/8, 2021.05.05, 2021-5-5, 2021年5月5日. */
export function normalizeDate(cell: RawCell | undefined): string | undefined {
  if (cell === undefined || cell === "") return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return serialDate(cell);
  if (cell instanceof UnreadableCell) return undefined;
  const text = compactText(cell.normalize("NFKC"));
  if (/^\d+(\.\d+)?$/.test(text) && !/^\d{8}$/.test(text)) return serialDate(Number(text));
  const date = readDate(text);
  return date === "ambiguous" ? undefined : date;
}

/** Serial numbers between 1950 and 2150 only: a small number in a date column is more likely a typo. */
function serialDate(serial: number): string | undefined {
  if (serial < 18264 || serial > 91311) return undefined;
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

export type Medium = "paper" | "electronic" | "paper+electronic";

export function normalizeMedium(text: string): Medium | undefined {
  const t = text.toLowerCase().replace(/\s/g, "");
  const paper = /纸|paper|hard/.test(t);
  const electronic = /电子|electronic|digital|系统|电脑/.test(t);
  if (paper && electronic) return "paper+electronic";
  if (paper) return "paper";
  if (electronic) return "electronic";
  return undefined;
}

export type Level = 1 | 2 | 3 | 4;
export type Kind = "manual" | "procedure" | "instruction" | "form" | "external";

// 一阶文件 … 四阶文件 (also 一层次) are how many plants name the levels.
const LEVEL_WORDS: [RegExp, Level][] = [
  [/^(1|一|一级|一级文件|一阶|一阶文件|一层次|一层次文件|level1|l1)$/, 1],
  [/^(2|二|二级|二级文件|二阶|二阶文件|二层次|二层次文件|level2|l2)$/, 2],
  [/^(3|三|三级|三级文件|三阶|三阶文件|三层次|三层次文件|level3|l3)$/, 3],
  [/^(4|四|四级|四级文件|四阶|四阶文件|四层次|四层次文件|level4|l4)$/, 4],
];

const KIND_WORDS: [RegExp, Kind, Level][] = [
  [/手册|manual|^qm$/, "manual", 1],
  [/程序|procedure|^sop$|^qp$/, "procedure", 2],
  [/外来|external/, "external", 3],
  [/作业指导|指导书|管理办法|办法|规范|规定|制度|instruction|^wi$/, "instruction", 3],
  [/表单|记录|表格|form|record|^frm$/, "form", 4],
];

export const KIND_OF_LEVEL: Record<Level, Kind> = { 1: "manual", 2: "procedure", 3: "instruction", 4: "form" };

export function normalizeLevel(text: string): Level | undefined {
  const t = text.toLowerCase().replace(/\s/g, "");
  return LEVEL_WORDS.find(([re]) => re.test(t))?.[1];
}

export function normalizeKind(text: string): { kind: Kind; level: Level } | undefined {
  const t = compactText(text.normalize("NFKC")).toLowerCase();
  const hit = KIND_WORDS.find(([re]) => re.test(t));
  return hit ? { kind: hit[1], level: hit[2] } : undefined;
}

export type Status = "draft" | "in-review" | "released" | "obsolete";

export function normalizeStatus(text: string): Status | undefined {
  const t = text.toLowerCase().replace(/\s/g, "");
  // 失效 / 已失效 is as common as 作废 for a withdrawn document (tester54b B3); 有效 is not it.
  if (/作废|废止|停用|失效|obsolete|withdrawn/.test(t)) return "obsolete";
  if (/草稿|草案|draft/.test(t)) return "draft";
  if (/审批中|评审中|审核中|inreview|review/.test(t)) return "in-review";
  if (/发布|受控|有效|现行|在用|使用中|released|current|valid|inuse/.test(t)) return "released";
  return undefined;
}

/**
 * A person id made from a name as signed in a register: invisible characters and the padding
 * between CJK characters removed, other runs of spaces made one ("陈　静" -> 陈静, "John  Smith" ->
 * "John Smith"), so that the id reads as the name.
 */
export function personIdFromName(text: string): string {
  const han = /\p{Script=Han}/u;
  return text
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .trim()
    .replace(/\s+/g, (space, at: number, s: string) => (han.test(s[at - 1]!) || han.test(s[at + space.length]!) ? "" : " "))
    .replace(/\p{Cc}/gu, "");
}

/** The pattern people.yaml ids follow (schemas/common.schema.json personId). */
export const PERSON_ID = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_.'’·・-]| (?=[\p{L}\p{N}]))*$/u;

/** What a signature on a document shows its signer may do: 编制 author, 审核 reviewer, 批准 approver. */
export const SIGNING_ROLE = { prepared: "author", reviewed: "reviewer", approved: "approver" } as const satisfies Record<string, Role>;

/** The disposition words of CSR lists (必须满足 / 可选 / 不适用 / 不合理) and their English forms, as docs/import.md lists them. */
export const DISPOSITION_WORDS: Readonly<Record<Disposition, readonly string[]>> = {
  // 接受 / 同意 / 可满足: the everyday words of Chinese CSR lists for a requirement the supplier takes on (tester54b B23); the import says them as 必须满足.
  must: ["必须满足", "必须", "应满足", "满足", "接受", "同意", "可满足", "must", "must meet"],
  optional: ["可选", "可选择", "选择性", "optional"],
  "not-applicable": ["不适用", "N/A", "NA", "not applicable", "not-applicable"],
  // The CSR list's words for one rejected as written with an alternative agreed with the customer: the alternative is read from 处置理由.
  // "rejected (agreed alternative met)" is how English lists printed it before tester82 A15 (read as the CSR refused).
  rejected: ["不合理", "拒绝", "不接受", "rejected", "reject", "unreasonable", "unreasonable (rejected)", "不合理（按商定替代方案满足）", "rejected (agreed alternative met)", "not feasible — met by customer-agreed alternative"],
};

/** The disposition words of a CSR list saying a rejection has an alternative agreed with the customer (register.disposition.rejected-alternative). */
const ALTERNATIVE_WORDS = ["不合理（按商定替代方案满足）", "rejected (agreed alternative met)", "not feasible — met by customer-agreed alternative"];

/** Whether a 处置 cell says the requirement is rejected as written and met by an alternative agreed with the customer. */
export function saysAgreedAlternative(text: string): boolean {
  return ALTERNATIVE_WORDS.some((w) => dispositionKey(w) === dispositionKey(text));
}

/**
 * The alternative agreed with the customer as the CSR list and the matrix print it in 处置理由, on a line of its own
 * after the justification (register.csr.alternative in either language: `替代方案：<text>（<YYYY-MM-DD> 经顾客 <who>
 * 同意，<record>）`, `Alternative: <text> (agreed by the customer's <who> on <YYYY-MM-DD>, <record>)`), split from the
 * justification before it; `alternative` undefined when no line is one.
 */
export function splitAlternative(cell: string): { justification: string; alternative?: { text: string; agreed_with: string; agreed_on: string; record?: string } } {
  const lines = cell.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    const zh = /^替代方案[：:]\s*(.+)[（(](\d{4}-\d{2}-\d{2}) 经顾客 (.+?) ?同意(?:[，,]\s*(.*))?[）)]$/u.exec(line);
    const en = /^Alternative:\s*(.+) \(agreed by the customer's (.+) on (\d{4}-\d{2}-\d{2})(?:, (.*))?\)$/u.exec(line);
    const parts = zh ? { text: zh[1]!, on: zh[2]!, with: zh[3]!, record: zh[4] } : en ? { text: en[1]!, with: en[2]!, on: en[3]!, record: en[4] } : undefined;
    if (!parts || !parts.text.trim() || !parts.with.trim()) continue;
    const record = parts.record?.trim();
    return {
      justification: lines.filter((_, j) => j !== i).join("\n").trim(),
      alternative: { text: parts.text.trim(), agreed_with: parts.with.trim(), agreed_on: parts.on, ...(record ? { record } : {}) },
    };
  }
  return { justification: cell };
}

const dispositionKey = (text: string) => compactText(text.normalize("NFKC")).toLowerCase();
const DISPOSITION = new Map(Object.entries(DISPOSITION_WORDS).flatMap(([disposition, words]) => words.map((w) => [dispositionKey(w), disposition as Disposition] as const)));

/** The disposition words that are not csr's own and not a form of it (接受 for 必须满足): a reading of them is said. */
export const DISPOSITION_SPELLINGS: ReadonlySet<string> = new Set(["接受", "同意", "可满足"].map(dispositionKey));

export function normalizeDisposition(text: string): Disposition | undefined {
  return DISPOSITION.get(dispositionKey(text));
}
