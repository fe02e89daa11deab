/**
 * Special-characteristic symbols written in text (a CSR's wording, a procedure's definitions), for
 * comparing them with the symbol conversion table (symbols.yaml; IATF 16949 8.2.3.1.2, 8.3.3.3).
 * Only marks that are symbols by their shape are recognised: the geometric shapes (▽ ◇ ◆ △ …), the
 * stars (★ ☆) and circled letters (Ⓢ Ⓒ); letter codes such as SC cannot be told from words.
 */

import type { OwnSymbol, SymbolConversion } from "./types.js";

/** One mark: the geometric shapes block, the two stars, the circled Latin letters. */
const MARK = /[\u25A0-\u25FF\u2605\u2606\u24B6-\u24E9]/gu;

/**
 * The symbol marks of `text`, each once, in the order they first appear. A mark that starts a line
 * (after spaces) is a list bullet (■ ● …), not a symbol, and is left out.
 */
export function symbolMarks(text: string): string[] {
  const marks = new Set<string>();
  for (const match of text.matchAll(MARK)) {
    const before = text.slice(text.lastIndexOf("\n", match.index - 1) + 1, match.index);
    if (before.trim() === "") continue;
    marks.add(match[0]);
  }
  return [...marks];
}

/** A customer symbol in brackets after a mention of its customer, and our symbol, paired by 对应 in one sentence. */
export interface WrittenPairing {
  /** The sentence, as written (for the finding's quote). */
  sentence: string;
  customer: string;
  customerSymbol: string;
  symbol: string;
}

const SENTENCE = /[^。；;\n]+/gu;
const BRACKETED = /[（(]([^（）()\s]{1,4})[）)]/gu;

/**
 * The pairings of our symbols with customer symbols that `text` writes explicitly, e.g.
 * "重要特性（☆）：…，对应东岳SC（◇）和北辰重要特性（HI）": within one sentence, a bracketed symbol of
 * ours on one side of 对应 and, on the other, bracketed symbols each right after a mention of their
 * customer (code, name, or the name's first two characters) that the table knows as that customer's.
 * A sentence with more than one symbol of ours on a side is ambiguous and left out.
 *
 * `customers`: code → the ways the text may name it; `customerSymbols`: code → its symbols in the
 * table; `ours`: the table's symbols of ours (a bracketed mark, symbolMarks, that is no customer's counts too).
 */
export function writtenPairings(text: string, customers: ReadonlyMap<string, readonly string[]>, customerSymbols: ReadonlyMap<string, ReadonlySet<string>>, ours: ReadonlySet<string>): WrittenPairing[] {
  const pairings: WrittenPairing[] = [];
  for (const sentenceMatch of text.matchAll(SENTENCE)) {
    const sentence = sentenceMatch[0];
    const at = sentence.indexOf("对应");
    if (at < 0) continue;
    const ourSide: { symbol: string; left: boolean }[] = [];
    const theirs: { customer: string; symbol: string; left: boolean }[] = [];
    for (const match of sentence.matchAll(BRACKETED)) {
      const mark = match[1]!;
      const left = match.index < at;
      // The words right before the bracket, back to a list separator: "东岳SC" in "…和东岳SC（◇）".
      const lead = sentence.slice(0, match.index).split(/[，,、和及与：:]/u).at(-1)!;
      const customer = [...customers].find(([code, names]) => customerSymbols.get(code)?.has(mark) && names.some((name) => lead.includes(name)))?.[0];
      if (customer) theirs.push({ customer, symbol: mark, left });
      else if (ours.has(mark) || /^[\u25A0-\u25FF\u2605\u2606\u24B6-\u24E9]$/u.test(mark)) ourSide.push({ symbol: mark, left });
    }
    for (const side of [true, false]) {
      const mine = ourSide.filter((o) => o.left === side);
      if (mine.length !== 1) continue;
      for (const their of theirs.filter((c) => c.left !== side)) pairings.push({ sentence: sentence.trim(), customer: their.customer, customerSymbol: their.symbol, symbol: mine[0]!.symbol });
    }
  }
  return pairings;
}

/**
 * Shapes that mark check boxes, list items, pointers and levels (□ 合格 □ 不合格, ○/● in a check sheet, ▶ 注意 in
 * a step, ◔ ◑ ◕ the levels of a skills matrix form's legend) more often than characteristics: an unknown one of them
 * is ordinary text, not a symbol (symbol/unknown-symbol). Triangles pointing up or down (▲ △ ▼ ▽) stay symbols.
 */
const BOX_OR_BULLET = new Set(["□", "■", "○", "●", "◯", "◎", "▪", "▫", "◦", "◻", "◼", "◽", "◾", "▶", "▷", "▸", "▹", "►", "▻", "◀", "◁", "◂", "◃", "◄", "◅", "◐", "◑", "◒", "◓", "◔", "◕"]);

/** The marks of `line` that mark a characteristic: symbolMarks' without the check boxes and bullets `known` (the table's marks) does not have. */
export function characteristicMarks(line: string, known: ReadonlySet<string>): string[] {
  return symbolMarks(line).filter((m) => known.has(m) || !BOX_OR_BULLET.has(m));
}

/** Where a text shows a mark: the line (1-based), the line as written and the mark's offset in it (UTF-16 units). */
export interface MarkPlace {
  mark: string;
  line: number;
  text: string;
  index: number;
}

/**
 * The symbol marks of `text` that are not in `known` (the marks the symbol table's symbols and
 * customer symbols are written with), each once, at its first place. As symbolMarks: only marks by
 * their shape count, never a mark starting a line (a bullet); neither do the check-box and bullet
 * shapes (□ ○ ● …) unless the table uses them.
 */
export function unknownMarks(text: string, known: ReadonlySet<string>): MarkPlace[] {
  const found = new Map<string, MarkPlace>();
  text.split("\n").forEach((line, i) => {
    for (const match of line.matchAll(MARK)) {
      const mark = match[0];
      if (known.has(mark) || BOX_OR_BULLET.has(mark) || found.has(mark) || line.slice(0, match.index).trim() === "") continue;
      found.set(mark, { mark, line: i + 1, text: line, index: match.index });
    }
  });
  return [...found.values()];
}

/** The marks (by symbolMarks' shapes) that `values` are written with: ◇ of "◇", ▽ of "CC▽"; none of "SC". */
export function marksOf(values: Iterable<string>): Set<string> {
  const marks = new Set<string>();
  for (const value of values) for (const match of value.matchAll(MARK)) marks.add(match[0]);
  return marks;
}

/**
 * The marks a document may carry by the symbol table (symbols.yaml's rows): the symbols and customer symbols of the
 * rows in use, and the symbols a row replaced by `csr symbol update` (symbol/replaced-symbol reports those). Empty
 * for a repository without a table. Used by symbol/unknown-symbol and by csr release's special-characteristic reminder.
 * `own`: the organisation's own marks (symbols.yaml `own`), which a document may carry as well.
 */
export function tableMarks(rows: readonly SymbolConversion[], own: readonly OwnSymbol[] = []): Set<string> {
  const inUse = rows.filter((r) => !r.retired);
  return marksOf([...inUse.flatMap((r) => [r.symbol, r.customer_symbol]), ...inUse.flatMap((r) => (r.changes ?? []).map((c) => c.was.symbol ?? "")), ...own.map((r) => r.symbol)]);
}
