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
