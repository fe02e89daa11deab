/**
 * The search tokenizer of the site, the same function when the index is built (Node) and when a
 * query is typed (the browser gets its source text, see search.ts). Chinese has no spaces between
 * words, so a run of Han (or kana, hangul) characters becomes its overlapping character pairs:
 * 特殊特性 -> 特殊, 殊特, 特性. A query is tokenized the same way and every pair must match, which
 * finds the phrase wherever it occurs without a dictionary. A run of one character is kept as it is.
 * Letters and digits form words, lower-cased; a word joined by - . / (QP-001, 8.3.3.3) is kept whole
 * and also split into its parts.
 *
 * It must stay self-contained (no imports, no outer variables): its source is shipped to the browser.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const runs = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}])+(?:[-./_](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}])+)*/gu;
  for (const match of String(text).matchAll(runs)) {
    const run = match[0];
    if (/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    } else {
      const word = run.toLowerCase();
      tokens.push(word);
      const parts = word.split(/[-./_]/);
      if (parts.length > 1) tokens.push(...parts.filter((p) => p !== ""));
    }
  }
  return tokens;
}
