/** Markdown in both directions: section text to HTML, and plain values made safe inside Markdown. */
import { isolateBidi } from "../core/text.js";
import type { BodyRenderer } from "./view.js";

/**
 * Section text is untrusted: raw HTML is off (it comes out as text), links are not guessed, and
 * markdown-it's own link validation drops javascript: and similar URLs. A single line break stays
 * a line break (`breaks`): Chinese procedure text is written one step per line ("5.1 …", "5.2 …"),
 * and Markdown's rule of joining such lines into one paragraph would run the steps together; the
 * Word output does the same (docx-body.ts), so every print shows the lines as the author wrote them.
 * `site`: for `csr site`'s pages, which carry no file of the repository beside them: an image that is
 * not inside the text (`data:`) and a link that is neither to a web page or a mail address (http:,
 * https:, mailto:) nor within the page (`#…`) show as their text and address, as an image on another
 * host does. From a site opened by file:// or served under a path, `../../x.png` loaded a file outside
 * the site and `//host/x` opened a share on that host (tester50a #2).
 */
export async function markdownToHtml(options: { site?: boolean } = {}): Promise<BodyRenderer> {
  const { default: MarkdownIt } = await import("markdown-it");
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
  // A table column's alignment (`|:--|--:|`) as a class, not markdown-it's style attribute: the site's
  // document pages allow no inline style (Content-Security-Policy), and document-style sets the classes.
  md.core.ruler.push("align_classes", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const align = /^text-align:(left|center|right)$/.exec(token.attrGet("style") ?? "")?.[1];
      if (!align) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align}`);
    }
  });
  // An image on another host (http:, https:, //) is not fetched: its alt text and its address as text. A page or a
  // PDF that loads it tells that host who reads the document and when; the site's Content-Security-Policy blocks it
  // anyway and leaves a broken image and a console error (tester47 #6). An image beside the document is kept.
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, mdOptions, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    if (options.site ? /^data:/i.test(src) : !REMOTE.test(src)) return image(tokens, idx, mdOptions, env, self);
    const alt = self.renderInlineAsText(token.children ?? [], mdOptions, env);
    return `<span class="remote-image">${md.utils.escapeHtml(alt ? `${alt} (${src})` : src)}</span>`;
  };
  if (options.site) {
    // A link that would leave the site for a file or a share: its text, then its address, in a span.
    md.core.ruler.push("site_links", (state) => {
      for (const block of state.tokens) {
        const children = block.children;
        if (block.type !== "inline" || !children) continue;
        let href: string | undefined;
        for (let i = 0; i < children.length; i++) {
          const token = children[i]!;
          if (token.type === "link_open") {
            const target = token.attrGet("href") ?? "";
            href = /^(?:https?:|mailto:|#)/i.test(target) ? undefined : target;
            if (href !== undefined) [token.tag, token.attrs] = ["span", [["class", "local-link"]]];
          } else if (token.type === "link_close" && href !== undefined) {
            token.tag = "span";
            // An autolink's text is its address already; else the address as written (not percent-encoded).
            if (token.markup !== "autolink") {
              const address = new state.Token("text", "", 0);
              address.content = ` (${state.md.normalizeLinkText(href)})`;
              children.splice(i + 1, 0, address);
            }
            href = undefined;
          }
        }
      }
    });
  }
  return (text) => (PLAIN_LINE.test(text) ? `<p>${text}</p>\n` : md.render(text));
}

/** An address on another host: a scheme followed by // (http://, https://, ftp://) or a protocol-relative //. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/**
 * One line of text with no ASCII punctuation, no control character and no white space at either end
 * (一句中文要求，第29项。): nothing in it can start Markdown, and nothing needs escaping, so markdown-it
 * makes it a paragraph as it stands. Most section and CSR texts are such lines; markdown-it spends
 * some microseconds of parsing and tokens on each (0.2 to 0.5 s of a site of 10,000 entities).
 * test/render/markdown.test.ts compares both on every character at each place.
 */
const PLAIN_LINE = /^[^\s\x00-\x1f!-/:-@[-`{-~\x7f](?:[^\x00-\x1f!-/:-@[-`{-~\x7f\u2028\u2029]*[^\s\x00-\x1f!-/:-@[-`{-~\x7f])?$/;

/**
 * A plain value placed in Markdown: characters that would start markup (emphasis, links, raw HTML,
 * table cells, headings) are backslash-escaped, and line breaks become spaces so that a value
 * never breaks a table row; a value that could reorder the text around it is isolated (isolateBidi).
 */
export function escapeMarkdown(value: string): string {
  return isolateBidi(value.replace(/\r?\n/g, " ").replace(/[\\`*_[\]<>|#~&]/g, "\\$&"));
}

/** Link schemes that open pages or send mail; any other (javascript:, data:, vbscript:, file: …) is neutralised. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * Section text placed in Markdown output: kept as Markdown, but made as safe as the HTML output.
 * Raw HTML (`<script>`, `<img onerror=…>`) becomes text (`&lt;script>`), and a link whose scheme
 * is not http, https or mailto (`[x](javascript:…)`, `[x]: data:…`) gets `#` before it, which
 * makes it a harmless link within the page. An image on another host (`![图](https://…)`, or by a
 * reference `![图][r]`) becomes its alt text and address as text (`图 (https://…)`), as the HTML output
 * shows it (markdownToHtml): a Markdown viewer would fetch it. Code blocks and code spans are left as written.
 * Single line breaks are made hard breaks (hardLineBreaks), as the HTML and Word outputs show them.
 */
export function safeMarkdown(text: string): string {
  // Fenced code blocks and inline code spans are the odd parts of this split.
  return hardLineBreaks(text)
    .split(/(^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[^\n]*$|`[^`\n]+`)/m)
    .map((part, i) => (i % 2 === 1 ? part : neutralise(part)))
    .join("");
}

/**
 * The Markdown for "this line ends here" (two trailing spaces) on every line that another non-blank
 * line follows, so that any Markdown viewer shows the lines as markdown-it's `breaks` option does.
 * Lines inside fenced code blocks and indented code lines are left alone (the spaces would be
 * content there), and so are headings, table rows and lines before a new list item, table row,
 * heading or quote, which end their line anyway.
 */
const ENDS_ITS_LINE = /^ {0,3}(?:#|\|)/;
const STARTS_A_BLOCK = /^\s*(?:[-*+]\s|\d+[.)]\s|#|\||>)/;

function hardLineBreaks(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: string | undefined;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(```|~~~)/.exec(line)?.[1];
    if (marker) fence = fence === undefined ? marker : fence === marker ? undefined : fence;
    if (fence || marker || line.trim() === "" || lines[i + 1]!.trim() === "" || /^(?: {4}|\t)/.test(line) || / {2}$|\\$/.test(line) || ENDS_ITS_LINE.test(line) || STARTS_A_BLOCK.test(lines[i + 1]!)) continue;
    lines[i] = `${line}  `;
  }
  return lines.join("\n");
}

/** An inline image: alt text, address (bare or in <>, whose < is &lt; by then), optional title. */
const INLINE_IMAGE = /!\[([^\]\n]*)\]\(\s*(?:&lt;([^>\n]*)>|([^\s)]+))(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
/** A reference image (`![alt][label]`, `![alt][]`, `![label]`) and a link reference definition (`[label]: address`). */
const REFERENCE_IMAGE = /!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?(?![(:])/g;
const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:\s*(?:&lt;([^>\n]*)>|(\S+))/gm;

/** `alt (address)` for an image on another host, the address escaped so that no Markdown reads it as markup. */
function remoteImageText(alt: string, address: string): string {
  const text = escapeMarkdown(address);
  return alt ? `${alt} (${text})` : text;
}

function withoutRemoteImages(markdown: string): string {
  const labels = new Map<string, string>();
  for (const [, label, angled, bare] of markdown.matchAll(DEFINITION)) {
    const key = label!.trim().toLowerCase();
    if (!labels.has(key)) labels.set(key, angled ?? bare!);
  }
  return markdown
    .replace(INLINE_IMAGE, (image, alt: string, angled: string | undefined, bare: string | undefined) => {
      const address = angled ?? bare!;
      return REMOTE.test(address) ? remoteImageText(alt, address) : image;
    })
    .replace(REFERENCE_IMAGE, (image, alt: string, label: string | undefined) => {
      const address = labels.get((label || alt).trim().toLowerCase());
      return address !== undefined && REMOTE.test(address) ? remoteImageText(alt, address) : image;
    });
}

function neutralise(markdown: string): string {
  const scheme = (prefix: string, name: string) => (SAFE_SCHEMES.has(name.toLowerCase()) ? `${prefix}${name}:` : `${prefix}#${name}:`);
  return withoutRemoteImages(markdown.replace(/</g, "&lt;"))
    .replace(/(\]\(\s*(?:&lt;)?\s*)([a-z][a-z0-9+.-]*):/gi, (_, prefix: string, name: string) => scheme(prefix, name))
    .replace(/^(\s{0,3}\[[^\]\n]+\]:\s*(?:&lt;)?\s*)([a-z][a-z0-9+.-]*):/gim, (_, prefix: string, name: string) => scheme(prefix, name));
}
