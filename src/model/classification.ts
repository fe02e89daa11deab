/**
 * 密级, the confidentiality level a document is marked with (a GJB layout prints it above the title
 * and in the running header). The values are the markings Chinese organisations print: 非密 and 公开
 * (not secret), 内部 (internal: the organisation's own working secrets, the usual default of a GJB
 * layout), and the three levels of 国家秘密 (state secrets, 保守国家秘密法): 秘密, 机密, 绝密.
 * schemas/common.schema.json `classification` lists the same values (test/model/classification.test.ts).
 */
import { translate, type Lang, type MessageKey } from "../i18n/index.js";
import type { Repository } from "../load/repository.js";
import { documentLayout, type LayoutSubject } from "./index.js";
import type { ControlledDocument, Csr, Customer } from "./types.js";

export const CLASSIFICATIONS = ["非密", "公开", "内部", "秘密", "机密", "绝密"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * The name of each 密级 in the reader's language (classification.name.*): in Chinese the marking
 * itself; in English the terms of the official English text of the Law on Guarding State Secrets
 * (保守国家秘密法: 绝密 top secret, 机密 secret, 秘密 confidential), with the marking beside them, as
 * the paper copy is stamped with it.
 */
const CLASSIFICATION_NAMES: Record<Classification, MessageKey> = {
  非密: "classification.name.unclassified",
  公开: "classification.name.public",
  内部: "classification.name.internal",
  秘密: "classification.name.confidential",
  机密: "classification.name.secret",
  绝密: "classification.name.top-secret",
};

/** A 密级 (a value of CLASSIFICATIONS, or "" for none) as a page, register or message in `lang` prints it; "" stays "". */
export function classificationName(lang: Lang, classification: string): string {
  const key = CLASSIFICATION_NAMES[classification as Classification];
  return key ? translate(lang, key) : classification;
}

/** The levels of 国家秘密: a document marked so is handled on a need-to-know basis, never published. */
const STATE_SECRETS: ReadonlySet<string> = new Set<Classification>(["秘密", "机密", "绝密"]);

/** The 密级 a document is marked with: its own, else its layout's default (layoutClassification); "" for none. */
export function documentClassification(repo: Pick<Repository, "config">, doc: Pick<ControlledDocument, "classification"> & LayoutSubject): string {
  return doc.classification ?? layoutClassification(repo, doc);
}

/**
 * The 密级 the document's layout (model/index.ts documentLayout: by its level, kind or numbering family) gives one that has none of its own (qms.yaml `document_layouts`); "" for none.
 * Not an external document's: a standard or a customer's document is marked by its publisher, and the organisation's
 * layout for its own work instructions does not make a published GJB standard 内部.
 */
export function layoutClassification(repo: Pick<Repository, "config">, doc: LayoutSubject): string {
  return doc.kind === "external" ? "" : (documentLayout(repo, doc)?.classification ?? "");
}

/** Whether the document is marked with a level of 国家秘密 (its own marking or its layout's default). */
export function isStateSecret(repo: Pick<Repository, "config">, doc: Pick<ControlledDocument, "classification"> & LayoutSubject): boolean {
  return STATE_SECRETS.has(documentClassification(repo, doc));
}

/**
 * The 密级 a CSR is marked with: its own, else its source document's (a military customer's 订货合同 or
 * 技术协议, whose requirements it quotes); "" for none. Customer sources have no layout, so no default.
 */
export function csrClassification(customer: Pick<Customer, "sources"> | undefined, csr: Pick<Csr, "classification" | "source">): string {
  return csr.classification ?? customer?.sources?.find((s) => s.id === csr.source.document)?.classification ?? "";
}

/** Whether a CSR is marked with a level of 国家秘密 (its own marking or its source document's). */
export function isStateSecretCsr(customer: Pick<Customer, "sources"> | undefined, csr: Pick<Csr, "classification" | "source">): boolean {
  return STATE_SECRETS.has(csrClassification(customer, csr));
}

/** Whether a 密级 (a value of CLASSIFICATIONS, or "") is a level of 国家秘密. */
export function isStateSecretLevel(classification: string): boolean {
  return STATE_SECRETS.has(classification);
}

/**
 * How strictly a 密级 is held, for comparing two markings: 非密 and 公开 (and none) 0, 内部 1, then the
 * three levels of 国家秘密 in order. A record derived from a classified one must not be held less strictly.
 */
export function classificationRank(classification: string): number {
  return ({ 内部: 1, 秘密: 2, 机密: 3, 绝密: 4 } as Record<string, number>)[classification] ?? 0;
}

/**
 * The 密级 a register carries: the most strictly held of its rows' (classificationRank), undefined when none is
 * marked above 非密/公开. A printed list that quotes classified requirements is itself a carrier of that 密级 and
 * is marked with the highest it holds, as the review report of each is (Table.classification).
 */
export function highestClassification(classifications: Iterable<string>): string | undefined {
  let top = "";
  for (const c of classifications) if (classificationRank(c) > classificationRank(top)) top = c;
  return top === "" ? undefined : top;
}

/**
 * The documents marked less strictly than a CSR addressed in them (a CSR's `addressed` names the document), by id:
 * the CSRs above the document's 密级, sorted, and the highest of their 密级. The section that addresses a requirement
 * writes it into the document, which then carries it under its own, lower 密级 (doc/classification-below-csr).
 */
export function documentsBelowTheirCsrs(repo: Pick<Repository, "config" | "csrs" | "customers" | "documents">): Map<string, { csrs: string[]; classification: string }> {
  const customers = new Map(repo.customers.map((c) => [c.value.code, c.value]));
  const addressed = new Map<string, { id: string; classification: string }[]>();
  for (const { value: csr } of repo.csrs) {
    const classification = csrClassification(customers.get(csr.customer), csr);
    if (classificationRank(classification) === 0) continue;
    for (const document of new Set((csr.addressed ?? []).map((a) => a.document))) addressed.set(document, [...(addressed.get(document) ?? []), { id: csr.id, classification }]);
  }
  const out = new Map<string, { csrs: string[]; classification: string }>();
  if (addressed.size === 0) return out;
  for (const { value: doc } of repo.documents) {
    const csrs = addressed.get(doc.id);
    if (csrs === undefined || out.has(doc.id)) continue;
    const own = classificationRank(documentClassification(repo, doc));
    const above = csrs.filter((c) => classificationRank(c.classification) > own);
    if (above.length === 0) continue;
    const top = above.reduce((a, b) => (classificationRank(b.classification) > classificationRank(a.classification) ? b : a)).classification;
    out.set(doc.id, { csrs: above.map((c) => c.id).sort(), classification: top });
  }
  return out;
}

/**
 * A 密级 as a register or a user writes it: the marking, also with 级 after it (秘密级), or its English name as
 * English output prints it (classificationName: internal, Internal (内部), top secret, top-secret; any letter
 * case), so what `--lang en` shows can be typed back (tester65 N15); undefined when it is none of CLASSIFICATIONS.
 */
export function readClassification(text: string): Classification | undefined {
  const plain = text.normalize("NFKC").replace(/\s/g, "");
  const word = plain.length > 2 && plain.endsWith("级") ? plain.slice(0, -1) : plain;
  if ((CLASSIFICATIONS as readonly string[]).includes(word)) return word as Classification;
  return englishNames().get(englishKey(text));
}

/** An English name as compared: NFKC, lower case, blanks and hyphens one space ("Top-Secret" → "top secret"). */
const englishKey = (text: string): string => text.normalize("NFKC").trim().toLowerCase().replace(/[\s-]+/g, " ");

/** Each 密级 by its English name, alone ("internal") and as printed with the marking ("internal (内部)"), built on first use. */
let ENGLISH_NAMES: Map<string, Classification> | undefined;
function englishNames(): Map<string, Classification> {
  if (ENGLISH_NAMES) return ENGLISH_NAMES;
  ENGLISH_NAMES = new Map();
  for (const c of CLASSIFICATIONS) {
    ENGLISH_NAMES.set(englishKey(classificationName("en", c)), c);
    ENGLISH_NAMES.set(englishWord(c), c);
  }
  return ENGLISH_NAMES;
}

/** The 密级 a user may type, in `lang`: the markings, in English each with its English name (内部 (internal)). */
export function classificationChoices(lang: Lang): string[] {
  return CLASSIFICATIONS.map((c) => (lang === "en" ? `${c} (${englishWord(c)})` : c));
}

/** The English name of the 密级 `c` as typed: its printed English name without the marking in brackets, keyed (internal, top secret). */
function englishWord(c: Classification): string {
  return englishKey(classificationName("en", c).replace(/\s*\(.*\)\s*$/, ""));
}

/**
 * The 密级 under which a file's text is not quoted where it leaves the repository's access control: CI output
 * (logs, PR annotations, Code Quality and JUnit reports) and commit messages (a PR's commit list, notification
 * mails). The site withholds the same (site/…: 密级为秘密，不在网站上发布). A level of 国家秘密, else "".
 */
export function withheldLevel(classification: string): string {
  return isStateSecretLevel(classification) ? classification : "";
}

/**
 * The highest 密级 a repository file's text marks, read from the text itself, for a file that could not be
 * parsed (a syntax error's finding would quote a line of it): any `classification:` in it, a document's layout
 * default for its `level:`, a CSR's source document's (the customer's `sources`). "" for none.
 */
export function textClassification(repo: Pick<Repository, "config" | "customers">, path: string, text: string): string {
  let top = "";
  const take = (classification: string | undefined) => {
    if (classification !== undefined && classificationRank(classification) > classificationRank(top)) top = classification;
  };
  for (const m of text.matchAll(/^[ \t-]*classification:[ \t]*["']?([^\s"'#]+)/gm)) take(readClassification(m[1]!));
  if (path.startsWith("documents/")) {
    const level = /^level:[ \t]*(\d+)/m.exec(text);
    const kind = /^kind:[ \t]*["']?([\w-]+)/m.exec(text)?.[1];
    const id = /^id:[ \t]*["']?([^\s"'#]+)/m.exec(text)?.[1];
    if (level) take(layoutClassification(repo, { level: Number(level[1]) as ControlledDocument["level"], kind: kind as ControlledDocument["kind"], ...(id ? { id } : {}) }));
  }
  const csr = /^csr\/([^/]+)\//.exec(path);
  if (csr) {
    const document = /^[ \t]+document:[ \t]*["']?([^\s"'#]+)/m.exec(text)?.[1];
    const customer = repo.customers.find((c) => c.value.code === csr[1])?.value;
    if (document) take(customer?.sources?.find((s) => s.id === document)?.classification);
  }
  return top;
}

/** The stricter of two 密级 (classificationRank). */
export function higherClassification(a: string, b: string): string {
  return classificationRank(b) > classificationRank(a) ? b : a;
}
