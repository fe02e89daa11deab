/**
 * Document-number patterns as written in qms.yaml: '#' is one digit, everything else is literal;
 * a pattern of '*' alone is any number, as an external document's publisher writes it
 * (GB/T 19001-2016, GJB 9001C-2017, Q/ABC 123-2020), with no next number to give.
 */
import { escapeRegExp } from "../core/text.js";

/** The pattern that takes every number: external documents keep their publisher's numbers. */
export const ANY_NUMBER = "*";

export function numberPatternToRegExp(pattern: string): RegExp {
  if (pattern === ANY_NUMBER) return /^.+$/;
  const body = [...pattern].map((ch) => (ch === "#" ? "[0-9]" : escapeRegExp(ch))).join("");
  return new RegExp(`^${body}$`);
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
