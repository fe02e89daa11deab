/**
 * The search tokenizer of the site, the same function when the index is built (Node) and when a
 * query is typed (the browser gets its source text, see search.ts). Chinese has no spaces between
 * words, so a run of Han (or kana, hangul) characters becomes its overlapping character pairs:
 * 特殊特性 -> 特殊, 殊特, 特性. A query is tokenized the same way and every pair must match, which
 * finds the phrase wherever it occurs without a dictionary. A run of one character is kept as it is.
 * Letters and digits form words, lower-cased; a word joined by - . / _ (QP-001, CS/QP-010, 8.3.3.3)
 * or by the : # + of a clause or section reference (IATF16949:8.5.1, QP-014#5.2, GJB9001C+IATF16949)
 * is kept whole (a reference is found as typed), split into its parts, and kept from each part on
 * (CS/QP-010 is found as QP-010, as people say it when several numbering families coexist), each also without its separators
 * (qp010: QP010 typed without the hyphen). A symbol (\p{So}: the special-characteristic marks
 * customers use, ◆ ★ ▽ ◇ △ ○) is a token of its own, so that `★` finds what is marked with it
 * (tester25 F12). The text is first brought to its NFKC form: letters, digits and hyphens typed
 * full-width with a Chinese input method (ＱＰ－０１４) are the ASCII ones (QP-014).
 *
 * With `stem` (the site's English stemmer, search.ts), a word of Latin letters alone (processes, Controlled;
 * not a number, a part of one or a clause: QP-010, cs, 8.3, GJB9001C) carries its stem after a tilde
 * (processes~process), which no text makes: the search page indexes and searches the word as typed and the
 * stem as a term of its own (~process), which finds the other forms of the word (process, processing)
 * without ranking them as the word itself. One token still, an entry's length is counted as before.
 *
 * It must stay self-contained (no imports, no outer variables): its source is shipped to the browser.
 */
export function tokenize(text: string, stem?: (word: string) => string): string[] {
  const tokens: string[] = [];
  const runs = /\p{So}|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}])+(?:[-./_:#+](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}])+)*/gu;
  for (const match of String(text).normalize("NFKC").matchAll(runs)) {
    const run = match[0];
    if (/^\p{So}$/u.test(run)) tokens.push(run);
    else if (/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    } else {
      const word = run.toLowerCase();
      tokens.push(stem && /^\p{sc=Latin}+$/u.test(word) ? `${word}~${stem(word)}` : word);
      // Parts at even places, separators at odd ones: cs / qp - 010.
      const pieces = word.split(/([-./_:#+])/);
      if (pieces.length > 1) {
        for (let i = 0; i < pieces.length; i += 2) {
          if (pieces[i] !== "") tokens.push(pieces[i]!);
          const rest = pieces.slice(i).join("");
          if (i > 0 && i < pieces.length - 1) tokens.push(rest);
          if (i < pieces.length - 1) tokens.push(pieces.slice(i).filter((_, j) => j % 2 === 0).join(""));
        }
      }
    }
  }
  return tokens;
}
