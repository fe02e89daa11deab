/**
 * The confidentiality notice (保密声明) printed under the header block of a controlled document's
 * controlled print (the 受控 stamp; an external document's too). Real procedures carry one forbidding
 * lending or copying without permission (reference/domain.md, header block of a procedure), so csr
 * prints a default one until qms.yaml sets `confidentiality` (the organisation's own wording) or turns
 * it off with `confidentiality: ""`. Its wording says the copy is controlled (本文件为…受控文件), so a
 * draft, a withdrawn document, a review report (a record) and a page of `csr site` (非受控) do not carry it.
 */
import { localized } from "../core/text.js";
import { translate, type Lang } from "../i18n/index.js";
import { classificationRank } from "./classification.js";
import type { QmsConfig } from "./types.js";

/**
 * The notice in `lang`: qms.yaml's own (its `confidentiality_en` in English), else csr's default; "" when turned off.
 * An external document's copy (`external`) takes csr's default: the organisation's own wording speaks of
 * its own documents (本文件为本公司内部受控文件), which a standard its publisher wrote is not. A document
 * marked 秘密 or above gets a notice that names its 密级 instead (render/view.ts documentView).
 */
export function confidentialityNotice(config: Pick<QmsConfig, "confidentiality" | "confidentiality_en">, lang: Lang, external = false): string {
  if (config.confidentiality === undefined || (external && config.confidentiality !== "")) return translate(lang, "render.confidentiality-default");
  return localized(lang, config.confidentiality, config.confidentiality_en);
}

/**
 * The 密级 the organisation's notice gives every document it is printed on: the highest marking its
 * wording names (本文件为…内部受控文件: 内部), "" for none. 秘密 in 商业秘密, 工作秘密 or 国家秘密 names
 * a kind of secret, not a document's 密级. The notice is read in Chinese, the language of the markings.
 */
export function noticeClassification(text: string): string {
  const named = [...text.matchAll(/内部|绝密|机密|(?<![业作家])秘密/g)].map((m) => m[0]);
  return named.reduce((a, b) => (classificationRank(b) > classificationRank(a) ? b : a), "");
}

/**
 * The notice as a draft carries it (csr render --draft, a document never released): the same handling rule, without
 * the word that calls the copy controlled (受控, controlled), as a draft is no controlled copy (tester57 E11); so does a
 * print without --copy (tester67a A6). `external`: the notice of an external document's print (csr's default names it 外来文件).
 */
export function draftNotice(notice: string, external = false): string {
  // "本文件为受控文件" (csr's default) without the word would read "本文件为文件": an external document's is 外来文件, not ours.
  const plain = notice
    .replace(/为受控文件/g, external ? "为外来文件" : "为本公司文件")
    .replace(/受控/g, "")
    .replace(/\b[Cc]ontrolled\s+/g, "");
  return plain === notice ? notice : plain.replace(/^[a-z]/, (c) => c.toUpperCase());
}
