/** Markdown in both directions: section text to HTML, and plain values made safe inside Markdown. */
import type { BodyRenderer } from "./view.js";

/**
 * Section text is untrusted: raw HTML is off (it comes out as text), links are not guessed, and
 * markdown-it's own link validation drops javascript: and similar URLs.
 */
export async function markdownToHtml(): Promise<BodyRenderer> {
  const { default: MarkdownIt } = await import("markdown-it");
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  return (text) => md.render(text);
}

/**
 * A plain value placed in Markdown: characters that would start markup (emphasis, links, raw HTML,
 * table cells, headings) are backslash-escaped, and line breaks become spaces so that a value
 * never breaks a table row.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/\r?\n/g, " ").replace(/[\\`*_[\]<>|#~&]/g, "\\$&");
}

/** Link schemes that open pages or send mail; any other (javascript:, data:, vbscript:, file: …) is neutralised. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * Section text placed in Markdown output: kept as Markdown, but made as safe as the HTML output.
 * Raw HTML (`<script>`, `<img onerror=…>`) becomes text (`&lt;script>`), and a link whose scheme
 * is not http, https or mailto (`[x](javascript:…)`, `[x]: data:…`) gets `#` before it, which
 * makes it a harmless link within the page. Code blocks and code spans are left as written.
 */
export function safeMarkdown(text: string): string {
  // Fenced code blocks and inline code spans are the odd parts of this split.
  return text
    .split(/(^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[^\n]*$|`[^`\n]+`)/m)
    .map((part, i) => (i % 2 === 1 ? part : neutralise(part)))
    .join("");
}

function neutralise(markdown: string): string {
  const scheme = (prefix: string, name: string) => (SAFE_SCHEMES.has(name.toLowerCase()) ? `${prefix}${name}:` : `${prefix}#${name}:`);
  return markdown
    .replace(/</g, "&lt;")
    .replace(/(\]\(\s*(?:&lt;)?\s*)([a-z][a-z0-9+.-]*):/gi, (_, prefix: string, name: string) => scheme(prefix, name))
    .replace(/^(\s{0,3}\[[^\]\n]+\]:\s*(?:&lt;)?\s*)([a-z][a-z0-9+.-]*):/gim, (_, prefix: string, name: string) => scheme(prefix, name));
}
