/**
 * Document-number patterns as written in qms.yaml: '#' is one digit, `{YYYY}` (or `{YY}`) the year the
 * number was given, everything else is literal; a pattern of '*' alone is any number, as an external
 * document's publisher writes it (GB/T 19001-2016, GJB 9001C-2017, Q/ABC 123-2020), with no next number to give.
 * A family with the year (HSD-WI-{YYYY}###: HSD-WI-2017011) counts its sequence within each year (tester71 Q10).
 */
import { escapeRegExp } from "../core/text.js";

/** The pattern that takes every number: external documents keep their publisher's numbers. */
export const ANY_NUMBER = "*";

/** The year tokens of a pattern, each with the digits it stands for. */
const YEAR_TOKENS: readonly { token: string; digits: number }[] = [
  { token: "{YYYY}", digits: 4 },
  { token: "{YY}", digits: 2 },
];

/** A pattern split into its year tokens and the text between them. */
function tokens(pattern: string): string[] {
  return pattern.split(/(\{YYYY\}|\{YY\})/).filter((part) => part !== "");
}

export function numberPatternToRegExp(pattern: string): RegExp {
  if (pattern === ANY_NUMBER) return /^.+$/;
  const body = tokens(pattern)
    .map((part) => {
      const year = YEAR_TOKENS.find((y) => y.token === part);
      return year ? `[0-9]{${year.digits}}` : [...part].map((ch) => (ch === "#" ? "[0-9]" : escapeRegExp(ch))).join("");
    })
    .join("");
  return new RegExp(`^${body}$`);
}

/** Whether a pattern numbers by the year: it has `{YYYY}` or `{YY}`. */
export function hasYearToken(pattern: string): boolean {
  return YEAR_TOKENS.some((y) => pattern.includes(y.token));
}

/** The pattern of the numbers given in `year` (YYYY): HSD-WI-{YYYY}### in 2027 is HSD-WI-2027###, whose sequence starts again at 001. */
export function patternOfYear(pattern: string, year: string): string {
  return pattern.replaceAll("{YYYY}", year).replaceAll("{YY}", year.slice(2));
}

/** The pattern with each year token as the digits it stands for (HSD-WI-{YYYY}### → HSD-WI-#######): to compare two patterns character by character. */
export function patternDigits(pattern: string): string {
  return pattern.replaceAll("{YYYY}", "####").replaceAll("{YY}", "##");
}

/**
 * Letters that read as a year but are literal (HSD-WI-YYYY###, HSD-WI-{yyyy}###, a token not closed): `csr new` would write
 * them into the number as they are (HSD-WI-YYYY001). The text that reads so, else undefined.
 */
export function literalYear(pattern: string): string | undefined {
  const rest = YEAR_TOKENS.reduce((text, y) => text.replaceAll(y.token, ""), pattern);
  return /\{[^}]*\}?|[{}]|Y{2,}|y{2,}/.exec(rest)?.[0];
}

/**
 * The patterns that say something about a number's kind: '*' fits every number and so tells
 * nothing (a number matched only by it is no hint that the document is external).
 */
export function tellingPatterns<T extends { pattern: string }>(numbering: readonly T[]): T[] {
  return numbering.filter((n) => n.pattern !== ANY_NUMBER);
}

/**
 * The kind of document a number is by qms.yaml `numbering`: the kind of the telling patterns it fits,
 * when they agree (CS/WI-001 fits CS/WI-###, an instruction's); undefined when none fits or they differ.
 */
export function numberKind<K extends string>(number: string, numbering: readonly { kind: K; pattern: string }[]): K | undefined {
  const kinds = new Set(tellingPatterns(numbering).filter((n) => numberPatternToRegExp(n.pattern).test(number)).map((n) => n.kind));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** The pattern a number belongs to: digits become '#', e.g. HSD-F-0018 -> HSD-F-####. */
export function patternOf(number: string): string {
  return number.replace(/[0-9]/g, "#");
}

/**
 * The documents numbered in one family of qms.yaml `numbering` (`entry`, one of `numbering`): those
 * of its kind whose number its pattern fits. '*' takes only the numbers no other family of the
 * kind fits, so a document is counted in one family. Returns them in the order given.
 */
export function documentsInFamily<D extends { kind: string; id: string }>(
  entry: { kind: string; pattern: string },
  numbering: readonly { kind: string; pattern: string }[],
  documents: readonly D[],
): D[] {
  const fits = numberPatternToRegExp(entry.pattern);
  const others = entry.pattern === ANY_NUMBER ? tellingPatterns(numbering.filter((n) => n.kind === entry.kind)).map((n) => numberPatternToRegExp(n.pattern)) : [];
  return documents.filter((d) => d.kind === entry.kind && fits.test(d.id) && !others.some((o) => o.test(d.id)));
}

/**
 * The family of qms.yaml `numbering` a document is numbered in (`numbering`, its entries): the one of its kind whose
 * pattern its number fits, '*' only where no other of the kind does (as documentsInFamily counts it); undefined when
 * none fits. What a `document_layouts` entry's `families` names (model/index.ts documentLayout).
 */
export function numberingFamilyOf<E extends { kind: string; pattern: string }>(numbering: readonly E[], doc: { kind: string; id: string }): E | undefined {
  const own = numbering.filter((n) => n.kind === doc.kind);
  return tellingPatterns(own).find((n) => numberPatternToRegExp(n.pattern).test(doc.id)) ?? own.find((n) => n.pattern === ANY_NUMBER);
}
