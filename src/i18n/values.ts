/**
 * Value codes in sentences. A file holds codes (`released`, `approver`, `procedure`); a Chinese
 * reader needs the meaning too, and the code where it is to be typed. The labels live in the
 * catalogs as `value.<domain>.<code>`; in English the label is the code itself, so English text
 * shows the code alone, except a review's disposition, which reads as the CSR matrix words it
 * (must meet, not applicable) wherever English prints one (tester65 N2); its code is still typed.
 */
import { compactText, didYouMean, localized } from "../core/text.js";
import { catalog, language, LANGS, t, translate, type Lang } from "./index.js";

/** `code（label）` in Chinese, the code alone where its label is the code. */
export function codeWithLabel(code: string, label: string): string {
  return label === code ? code : t("value.code-with-label", { code, label });
}

/**
 * A person of people.yaml in a message, as every output names people: 张丽（zhangli）, in English by the
 * English name where people.yaml gives one, Zhang Li (zhangli); the name alone when it is the id.
 */
export function personWithId(person: { id: string; name: string; name_en?: string }): string {
  return codeWithLabel(localized(language(), person.name, person.name_en), person.id);
}

/**
 * `codes` each with its label, when they all are values of one domain of the catalog (the allowed
 * values of a schema enum, say); else the codes unchanged. Domains are told apart by their whole
 * set of codes, so `rejected` (a disposition) and `reject` (an opinion) are never confused.
 */
export function codesWithLabels(codes: readonly string[]): string[] {
  const entries = catalog(language());
  const domain = domainOf(entries, codes);
  return domain === undefined ? [...codes] : codes.map((code) => codeWithLabel(code, entries[`value.${domain}.${code}`]!));
}

function domainOf(entries: Record<string, string>, codes: readonly string[]): string | undefined {
  if (codes.length === 0) return undefined;
  const first = `.${codes[0]}`;
  for (const key of Object.keys(entries)) {
    if (!key.startsWith("value.") || !key.endsWith(first)) continue;
    const domain = key.slice("value.".length, key.length - first.length);
    if (codes.every((code) => `value.${domain}.${code}` in entries)) return domain;
  }
  return undefined;
}

/**
 * A source document's revision as a sentence names it: in Chinese "C 版", but a revision that
 * says 版 itself ("2027版") is not given a second one.
 */
export function revisionName(revision: string): string {
  return revisionNameIn(language(), revision);
}

/** revisionName in `lang`, for an output printed in a language of its own (the review report, the site). */
export function revisionNameIn(lang: Lang, revision: string): string {
  return translate(lang, /版\s*$/.test(revision) ? "value.revision.named" : "value.revision", { revision });
}

/**
 * " Did you mean 'x'?" for a value that is not one of `codes`: the code whose label is the value in
 * either language, as a user types the word csr showed them (已发布 → released), else the code
 * closest in spelling; empty when neither is found.
 */
export function suggestCode(text: string, codes: readonly string[]): string {
  const labelled = codeOfLabel(text, codes);
  return labelled ? t("common.sentence-separator") + t("common.did-you-mean", { candidate: labelled }) : didYouMean(text, codes);
}

/**
 * The code among `codes` with `text` as its label, in either language, under any catalog prefix
 * that labels all of them (value.document-status, csr-status …): 已决定 → decided. Undefined when
 * no label matches.
 */
export function codeOfLabel(text: string, codes: readonly string[]): string | undefined {
  const key = (s: string) => compactText(s.normalize("NFKC")).toLowerCase();
  const wanted = key(text);
  if (codes.length === 0 || !wanted) return undefined;
  for (const lang of LANGS) {
    const entries = catalog(lang);
    const suffix = `.${codes[0]}`;
    for (const k of Object.keys(entries)) {
      if (!k.endsWith(suffix)) continue;
      const prefix = k.slice(0, -suffix.length);
      if (!codes.every((code) => `${prefix}.${code}` in entries)) continue;
      const code = codes.find((c) => key(entries[`${prefix}.${c}`]!) === wanted);
      if (code) return code;
    }
  }
  return undefined;
}
