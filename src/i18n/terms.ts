/**
 * The wording of the repository's standards. "顾客特定要求" (customer-specific requirements, CSR) is
 * IATF 16949's defined term (3.1, 4.3.2, 7.5.1.1); GJB 9001C-2017 and ISO 9001:2015 speak of 顾客要求
 * / customer requirements and their review (8.2.2, 8.2.3). A register titled 顾客特定要求评审报告 in
 * a GJB 9001C organisation shows the 军代表 an automotive term, so a repository whose standards do not
 * include IATF 16949 reads every catalog text with the general term instead: the substitution is made
 * once, on the whole catalog, rather than message by message. Chinese writes the short name "CSR" in
 * many texts (a rule's finding, a list's definition, a command's help) where a GJB 9001C reader, who never
 * met the abbreviation, expects the term: it says 顾客要求 there too (a customer's "CSR 来源文件" is its
 * 来源文件, as the registers name it). English keeps the abbreviation, except where it writes it for the term (the
 * registers' names "CSR list", "CSR matrix", and "CSRs" for the requirements together, as the change
 * report's area and the export's sheets name them), says the general term there too, and in a text
 * that is the abbreviation alone: a register's column header ("CSR", "Document/CSR").
 */
import type { Lang } from "./index.js";

export type Wording = "iatf" | "general";

/** Replacements per language, longest first (the parenthesised abbreviation goes with the term). */
const GENERAL: Readonly<Record<Lang, readonly (readonly [string, string])[]>> = {
  "zh-CN": [
    ["顾客特定要求（CSR）", "顾客要求"],
    ["顾客特定要求", "顾客要求"],
  ],
  en: [
    ["Customer-Specific Requirement", "Customer Requirement"],
    ["Customer-specific requirement", "Customer requirement"],
    ["customer-specific requirement", "customer requirement"],
  ],
};

/** English abbreviations of the term, in lower case: capitalised where they start a text or a sentence (ABBREVIATED). */
const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ["CSR review timeliness", "customer requirement review timeliness"],
  // The site's labels where Chinese writes the term (顾客特定要求评审, 顾客特定要求培训逾期, 负责实施的顾客特定要求).
  ["CSR reviews", "customer requirement reviews"],
  ["CSR implementations", "customer requirement implementations"],
  ["training on a CSR", "training on a customer requirement"],
  ["CSR matrix", "customer requirements matrix"],
  ["CSR list", "customer requirements list"],
  ["CSRs", "customer requirements"],
];
/** English texts that are the abbreviation alone, as the registers' column headers are: the general term in their place. */
const HEADERS: ReadonlyMap<string, string> = new Map([
  ["CSR", "Customer requirement"],
  ["Document/CSR", "Document/customer requirement"],
]);
/**
 * Chinese texts that write the abbreviation: phrases first, then the abbreviation alone, a word of its own
 * (not CSR_SITE_URL), with the space that sets it off from Chinese dropped (the space before a placeholder
 * or a Latin word kept).
 */
const ZH_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = (
  [
    ["顾客的 CSR 来源文件", "顾客来源文件"],
    ["顾客 CSR 来源文件", "顾客来源文件"],
    ["CSR 来源文件", "来源文件"],
    ["顾客的 CSR", "顾客要求"],
    ["CSR 要求内容", "顾客要求的内容"],
    ["CSR", "顾客要求"],
  ] as const
).map(([abbreviated, general]) => [new RegExp(`( ?)(?<!\\w)${abbreviated}(?!\\w)( ?)`, "g"), general] as const);
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Chinese `general` in place of `abbreviated`, the spaces that set it off from Chinese dropped. */
function zhGeneral(text: string, abbreviated: RegExp, general: string): string {
  return text.replace(abbreviated, (match: string, before: string, after: string, at: number, whole: string) => {
    const keep = (space: string, neighbour: string | undefined) => (space !== "" && neighbour !== undefined && !CHINESE.test(neighbour) ? space : "");
    return `${keep(before, whole[at - 1])}${general}${keep(after, whole[at + match.length])}`;
  });
}

const ABBREVIATED = new RegExp(`\\b(?:${ABBREVIATIONS.map(([a]) => a).join("|")})\\b`, "g");
/** Where a text or a sentence starts (a help example's comment line too): what comes before such a place. */
const SENTENCE_START = /(?:^|[.!?]\s+|\n[\s#]*)$/;

let wording: Wording = "iatf";

/** IATF 16949's terms when it is among the standards (or none csr knows is named: an IATF repository, as `csr init` makes it), the general ones otherwise. */
export function setWording(value: Wording): void {
  wording = value;
}

export function currentWording(): Wording {
  return wording;
}

/** A text (a catalog entry, a label, a rule's documentation) in the repository's wording. */
export function inWording(text: string, lang: Lang, chosen: Wording = wording): string {
  if (chosen === "iatf") return text;
  if (text.includes(lang === "en" ? "pecific" : "特定")) for (const [term, general] of GENERAL[lang]) text = text.replaceAll(term, general);
  if (lang === "zh-CN" && text.includes("CSR")) {
    for (const [abbreviated, general] of ZH_ABBREVIATIONS) text = zhGeneral(text, abbreviated, general);
    return text;
  }
  if (lang === "en" && text.includes("CSR")) {
    const header = HEADERS.get(text);
    if (header !== undefined) return header;
    text = text.replace(ABBREVIATED, (abbreviation: string, at: number, whole: string) => {
      const general = ABBREVIATIONS.find(([a]) => a === abbreviation)![1];
      // A phrase that starts in lower case ("training on a CSR") stays so, as its text wrote it.
      return SENTENCE_START.test(whole.slice(0, at)) && abbreviation.startsWith("CSR") ? general[0]!.toUpperCase() + general.slice(1) : general;
    });
  }
  return text;
}
