/**
 * The words that changed between two texts of a section, for the 修订前后对照表 (文件更改对照表) that
 * trains operators on what a revision changed (IATF 16949 7.5.3.2 identification of changes).
 * Chinese has no spaces between words: each Han character (and each punctuation mark) is a token, a
 * run of Latin letters or digits (a number such as 0.05, a word, a document number QP-006) is one,
 * and a run of whitespace is one. Tokens are compared with the `diff` package's diffArrays.
 */
import { diffArrays } from "diff";
import { styles } from "../core/styles.js";
import { escapeHtml } from "../core/text.js";

/** A run of text: " " in both texts, "-" only in the old one, "+" only in the new one. */
export interface WordPart {
  op: " " | "-" | "+";
  text: string;
}

const TOKEN = /[A-Za-z0-9][A-Za-z0-9._\-/%]*|\s+|[\s\S]/gu;

/** The tokens of `text` as wordDiff compares them; joined they give `text` back. */
export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The parts of the two texts, in order, adjacent parts of one kind merged; "" on both sides gives []. */
export function wordDiff(before: string, after: string): WordPart[] {
  const out: WordPart[] = [];
  for (const part of diffArrays(tokens(before), tokens(after))) {
    const op = part.added ? "+" : part.removed ? "-" : " ";
    const text = part.value.join("");
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text !== "") out.push({ op, text });
  }
  return out;
}

/** One side of a diff: the old text (its common and removed parts) or the new text (its common and added parts). */
export function side(parts: readonly WordPart[], which: "before" | "after"): WordPart[] {
  return parts.filter((p) => p.op === " " || p.op === (which === "before" ? "-" : "+"));
}

/**
 * A side as plain text with markers that survive without colour (NO_COLOR, a pipe, a print-out):
 * removed [-…-], added {+…+}, as `git diff --word-diff` writes them; coloured red and green too when `color`, each
 * line of a part spanning lines in its colour (core/styles.ts, as the check report).
 */
export function markedText(parts: readonly WordPart[], color: boolean): string {
  const { red, green } = styles(color);
  return parts.map((p) => (p.op === " " ? p.text : p.op === "-" ? red(`[-${p.text}-]`) : green(`{+${p.text}+}`))).join("");
}

/** A side as HTML (escaped): removed text in <del>, added in <ins>, line breaks as <br>. Markdown takes it too. */
export function markedHtml(parts: readonly WordPart[]): string {
  const br = (s: string) => escapeHtml(s).replace(/\n/g, "<br>");
  return parts.map((p) => (p.op === " " ? br(p.text) : p.op === "-" ? `<del>${br(p.text)}</del>` : `<ins>${br(p.text)}</ins>`)).join("");
}
