/**
 * The terminal styles csr prints in (the check report, csr diff's changed words) as ANSI SGR codes, closed and reopened
 * around line breaks (what chalk writes at its basic level), so a pager or a terminal that draws line by line keeps
 * each line's style; plain text without colour. chalk itself cost a tenth of a check answered from the cache, mostly
 * to detect a terminal that csr's caller has already detected.
 */

/** A style: `text` in it, unchanged without colour or when empty. */
export type Style = (text: string) => string;

/** The styles, each applying its SGR code only when `color` (the caller has decided: a terminal, no NO_COLOR). */
export function styles(color: boolean): { underline: Style; dim: Style; red: Style; green: Style; yellow: Style } {
  const style = (open: number, close: number): Style => (text) =>
    color && text !== "" ? `\x1b[${open}m${text.replace(/\r?\n/g, (lineEnd) => `\x1b[${close}m${lineEnd}\x1b[${open}m`)}\x1b[${close}m` : text;
  return { underline: style(4, 24), dim: style(2, 22), red: style(31, 39), green: style(32, 39), yellow: style(33, 39) };
}
