/** Document-number patterns as written in qms.yaml: '#' is one digit, everything else is literal. */

export function numberPatternToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === "#" ? "[0-9]" : ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`);
}

/** The pattern a number belongs to: digits become '#', e.g. HSD-F-0018 -> HSD-F-####. */
export function patternOf(number: string): string {
  return number.replace(/[0-9]/g, "#");
}
