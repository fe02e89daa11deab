/**
 * `csr diff <id> [--from <version>] [--to <version>]`: the 修订前后对照表 (文件更改对照表) of a document —
 * for each section a revision changed, its text before and after with the words that changed marked,
 * and the revision's summary as 更改原因 — that a change request carries and operators are trained on
 * (IATF 16949 7.5.3.2 identification of changes, 7.2.2; GJB 9001C 7.5.3). The texts are the document as
 * each version was released, from git (load/base.ts releasedRevisions: the release tag, else the commit
 * that recorded the version). A document marked 秘密 or above names its changed sections by number only.
 */
import { UserError } from "../../core/errors.js";
import { localized } from "../../core/text.js";
import { escapeHtml } from "../../core/text.js";
import { t } from "../../i18n/index.js";
import { releasedRevisions } from "../../load/base.js";
import { findRoot } from "../../load/discover.js";
import { isGitRepository } from "../../load/git.js";
import { alignSections } from "../../compare/align.js";
import { normalizeText } from "../../compare/sections.js";
import { markedHtml, markedText, side, wordDiff, type WordPart } from "../../compare/words.js";
import { isStateSecret } from "../../model/classification.js";
import { buildIndex } from "../../model/index.js";
import { releaseTag } from "../../model/paths.js";
import { revisionSummary } from "../../model/revision.js";
import { documentSections, type NumberedSection } from "../../model/sections.js";
import type { ControlledDocument, Revision } from "../../model/types.js";
import type { Repository } from "../../load/repository.js";
import { choiceOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { findDocument } from "../release/document.js";
import { emitTable, languageOf, writeOutput } from "../shared/output.js";
import { localToday } from "../../core/dates.js";
import { CELL_MARKS, type Table } from "../../report/table.js";
import { fileSafe } from "../../site/pages.js";
import { readRepository } from "../shared/read.js";

export interface DiffFlags {
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  force?: boolean;
}

/** One version at an end of the comparison, as the header prints it. */
export interface DiffEnd {
  version: string;
  /** The revision's date (YYYY-MM-DD), null when imported without one. */
  date: string | null;
  /** people.yaml id of who approved it, "" when not recorded. */
  approved: string;
}

/** A section a revision added, removed or changed: its number and title in each text, and the words of its text. */
export interface SectionDiff {
  change: "added" | "removed" | "changed";
  /** "4.2 文件评审" in the older text; null for an added section. */
  before: string | null;
  after: string | null;
  /** The words of the section's text, before and after (compare/words.ts); absent for a document marked 秘密 or above. */
  words?: WordPart[];
}

export interface DocumentDiff {
  document: string;
  title: string;
  from: DiffEnd;
  to: DiffEnd;
  /** The summaries (and reasons) of the revisions after `from` up to `to`: the 更改原因. */
  reason: string;
  /** Marked 秘密 or above: sections by number only, no text. */
  secret: boolean;
  sections: SectionDiff[];
}

const FORMATS = ["text", "md", "html", "json", "pdf", "xlsx"] as const;

export async function diffCommand(ctx: CommandContext, id: string, flags: DiffFlags): Promise<number> {
  const format = choiceOption(flags.format, "--format", FORMATS, "text");
  const root = findRoot(ctx.dir);
  const repo = await readRepository(root);
  const { value: doc, file } = findDocument(repo, buildIndex(repo), id, (text) => ctx.stderr(text));
  const revisions = doc.revisions ?? [];
  const known = revisions.map((r) => r.version);
  const pick = (version: string | undefined, fallback: number, flag: string): number => {
    if (version === undefined) {
      if (fallback < 0) throw new UserError(t("diff.too-few", { id: doc.id, versions: known.join(t("common.list-separator")) || t("diff.none") }));
      return fallback;
    }
    const i = known.indexOf(version);
    if (i < 0) throw new UserError(t("diff.unknown-version", { id: doc.id, flag, version, versions: known.join(t("common.list-separator")) || t("diff.none") }));
    return i;
  };
  const toIndex = pick(flags.to, known.length - 1, "--to");
  const fromIndex = pick(flags.from, toIndex - 1, "--from");
  if (fromIndex >= toIndex) throw new UserError(t("diff.order", { from: known[fromIndex]!, to: known[toIndex]! }));
  if (!(await isGitRepository(root))) throw new UserError(t("diff.not-git", { root }));
  const [from, to] = [revisions[fromIndex]!, revisions[toIndex]!];
  const texts = await releasedRevisions(root, [from, to].map((r) => ({ id: doc.id, path: file.path, version: r.version })));
  const text = (r: Revision): ControlledDocument => {
    const found = texts.get(releaseTag(doc.id, r.version));
    // The latest version, released and not yet committed: the working copy holds its text.
    if (found) return found;
    if (r === revisions.at(-1) && doc.revising === undefined) return doc;
    throw new UserError(t("diff.no-text", { id: doc.id, version: r.version, path: file.path }), t("diff.no-text.hint"));
  };
  const result = documentDiff(repo, doc, revisions.slice(fromIndex + 1, toIndex + 1), end(from), end(to), text(from), text(to));
  if (format === "pdf" || format === "xlsx") return emitTable(ctx, diffTable(repo, result), { format, ...(flags.out !== undefined ? { out: flags.out } : {}), ...(flags.force ? { force: true } : {}) }, repo, languageOf(), localToday(), `${fileSafe(doc.id)}-diff`);
  const out = format === "json" ? JSON.stringify(result, null, 2) + "\n" : format === "md" ? toMarkdown(repo, result) : format === "html" ? toHtml(repo, result) : toText(repo, result, ctx.color && !flags.out);
  if (flags.out) await writeOutput(ctx, root, flags.out, out, flags.force);
  else ctx.stdout(out);
  return 0;
}

const end = (r: Revision): DiffEnd => ({ version: r.version, date: r.date ?? null, approved: r.approved?.by ?? "" });

const heading = (s: NumberedSection) => `${s.number} ${s.title}`;

/**
 * The sections added, removed and changed (title or text, whitespace aside) from `older` to `newer`, paired as
 * model/changes.ts pairs them for csr changes (compare/align.ts: by title, then number, then similar text), in the
 * newer text's order; `revisions`: those after the older version up to the newer, whose summaries are the 更改原因.
 */
export function documentDiff(repo: Pick<Repository, "config">, doc: ControlledDocument, revisions: readonly Revision[], from: DiffEnd, to: DiffEnd, older: ControlledDocument, newer: ControlledDocument): DocumentDiff {
  const secret = isStateSecret(repo, newer) || isStateSecret(repo, older);
  const [a, b] = [documentSections(older), documentSections(newer)];
  const manual = (s: NumberedSection) => ({ number: s.number, title: s.title, text: s.section.text ?? "", line: 0 });
  const named = (s: NumberedSection) => (secret ? s.number : heading(s));
  const sections = alignSections(a.map(manual), b.map(manual)).flatMap((pair): SectionDiff[] => {
    const was = pair.old === null ? undefined : a[pair.old]!;
    const is = pair.new === null ? undefined : b[pair.new]!;
    const [before, after] = [was?.section.text?.trim() ?? "", is?.section.text?.trim() ?? ""];
    if (was && is && normalizeText(was.title) === normalizeText(is.title) && normalizeText(before) === normalizeText(after)) return [];
    return [
      {
        change: !was ? "added" : !is ? "removed" : "changed",
        before: was ? named(was) : null,
        after: is ? named(is) : null,
        ...(secret ? {} : { words: wordDiff(before, after) }),
      },
    ];
  });
  const lang = languageOf();
  const reason = revisions.map((r) => [revisionSummary(r, lang), r.reason ?? ""].filter(Boolean).join(t("diff.reason-separator"))).filter(Boolean).join(t("common.list-separator"));
  return { document: doc.id, title: localized(lang, doc.title, doc.title_en), from, to, reason, secret, sections };
}

function person(repo: Repository, id: string): string {
  if (id === "") return t("diff.not-recorded");
  const p = repo.people.find((x) => x.value.id === id)?.value;
  return p ? `${id} ${localized(languageOf(), p.name, p.name_en)}` : id;
}

/** The header lines: title, each end's version, date and approver, and the 更改原因. */
function header(repo: Repository, d: DocumentDiff): string[] {
  const endLine = (label: string, e: DiffEnd) => t("diff.end", { label, version: e.version, date: e.date ?? t("revision.date.unknown"), approved: person(repo, e.approved) });
  return [
    t("diff.title", { id: d.document, title: d.title, from: d.from.version, to: d.to.version }),
    endLine(t("diff.before"), d.from),
    endLine(t("diff.after"), d.to),
    `${t("diff.reason")}${t("diff.colon")}${d.reason || t("diff.not-recorded")}`,
  ];
}

const sectionName = (s: SectionDiff) => (s.before && s.after && s.before !== s.after ? `${s.before} → ${s.after}` : (s.after ?? s.before)!);

/** The section as a row names it: its number and title (both when renamed) and what the revision did to it. */
const sectionLabel = (s: SectionDiff) => sectionName(s) + t(`diff.change.${s.change}`);

/**
 * One side of a section as every format prints it: its words marked by `mark` (terminal, HTML or printed cell); the
 * note for a document marked 秘密 or above, which has no words; (无) for a section not in that text or left empty.
 * `plain` makes the notes fit the format (escapeHtml for HTML).
 */
function sideCell(s: SectionDiff, which: "before" | "after", mark: (parts: readonly WordPart[]) => string, plain: (text: string) => string = (text) => text): string {
  if (!s.words) return plain(t("diff.secret-cell"));
  if ((which === "before" ? s.before : s.after) === null) return plain(t("diff.empty"));
  return mark(side(s.words, which)) || plain(t("diff.empty"));
}

/** The terminal's report: a block per section, the removed words [-…-] and added {+…+} (red and green with `color`). */
export function toText(repo: Repository, d: DocumentDiff, color: boolean): string {
  const lines = header(repo, d);
  if (d.secret) lines.push(t("diff.secret"));
  if (d.sections.length === 0) lines.push("", t("diff.no-sections"));
  for (const s of d.sections) {
    lines.push("", sectionLabel(s));
    if (!s.words) continue;
    const text = (which: "before" | "after") => indent(sideCell(s, which, (parts) => markedText(parts, color)));
    lines.push(`  ${t("diff.before")}${t("diff.colon")}${text("before")}`, `  ${t("diff.after")}${t("diff.colon")}${text("after")}`);
  }
  return lines.join("\n") + "\n";
}

const indent = (text: string) => text.replace(/\n/g, "\n    ");

/** A cell of the table as HTML (sideCell). */
const cell = (s: SectionDiff, which: "before" | "after") => sideCell(s, which, markedHtml, escapeHtml);

const COLUMNS = ["section", "before", "after", "reason"] as const;

/** The table as Markdown: the header as lines, the table's cells as HTML with <del> and <ins> (escaped, `|` too). */
export function toMarkdown(repo: Repository, d: DocumentDiff): string {
  const [title, ...rest] = header(repo, d);
  const md = (s: string) => s.replace(/\|/g, "\\|");
  const lines = [`# ${md(escapeHtml(title!))}`, "", ...rest.flatMap((l) => [md(escapeHtml(l)) + "  "]), ""];
  if (d.secret) lines.push(escapeHtml(t("diff.secret")), "");
  if (d.sections.length === 0) return [...lines, escapeHtml(t("diff.no-sections")), ""].join("\n");
  lines.push(`| ${COLUMNS.map((c) => t(`diff.column.${c}`)).join(" | ")} |`, `|${COLUMNS.map(() => "---").join("|")}|`);
  for (const s of d.sections) {
    lines.push(`| ${[escapeHtml(sectionLabel(s)), cell(s, "before"), cell(s, "after"), escapeHtml(d.reason)].map(md).join(" | ")} |`);
  }
  return lines.join("\n") + "\n";
}

/** The table as a page of its own (HTML, escaped): removed words struck through in red, added underlined in green. */
export function toHtml(repo: Repository, d: DocumentDiff): string {
  const [title, ...rest] = header(repo, d);
  const rows = d.sections.map((s) => `<tr><th scope="row">${escapeHtml(sectionLabel(s))}</th><td>${cell(s, "before")}</td><td>${cell(s, "after")}</td><td>${escapeHtml(d.reason)}</td></tr>`);
  return [
    "<!DOCTYPE html>",
    `<html lang="${languageOf()}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(title!)}</title>`,
    "<style>body{font-family:sans-serif}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:4px;vertical-align:top;text-align:left}del{color:#b00;text-decoration:line-through}ins{color:#070;text-decoration:underline}</style></head>",
    "<body>",
    `<h1>${escapeHtml(title!)}</h1>`,
    ...rest.map((l) => `<p>${escapeHtml(l)}</p>`),
    ...(d.secret ? [`<p>${escapeHtml(t("diff.secret"))}</p>`] : []),
    d.sections.length === 0
      ? `<p>${escapeHtml(t("diff.no-sections"))}</p>`
      : `<table><thead><tr>${COLUMNS.map((c) => `<th scope="col">${escapeHtml(t(`diff.column.${c}`))}</th>`).join("")}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`,
    "</body></html>",
    "",
  ].join("\n");
}

/** One side's words as a printed register's cell: removed and inserted words between CELL_MARKS. */
function markedCell(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.op === " " ? p.text : p.op === "-" ? `${CELL_MARKS.removed[0]}${p.text}${CELL_MARKS.removed[1]}` : `${CELL_MARKS.inserted[0]}${p.text}${CELL_MARKS.inserted[1]}`)).join("");
}

/**
 * The 修订前后对照表 as a printed register (csr diff --format pdf|xlsx), filed with the change record: under its title
 * the versions compared and the 更改原因 (Table.lines), the organisation and the register's form (qms.yaml
 * registers.forms `diff`) as every register's heading; the table 章节 / 修订前 / 修订后 with the words removed struck
 * through and those inserted underlined (also red and green, CELL_MARKS), and a legend saying so, so that a
 * black-and-white print keeps them. A document marked 秘密 or above has its sections by number only, in every format.
 */
export function diffTable(repo: Repository, d: DocumentDiff): Table {
  const [title, ...lines] = header(repo, d);
  const versions = `${d.from.version} → ${d.to.version}`;
  return {
    id: "diff",
    title: title!,
    sheet: t("diff.sheet"),
    columns: [
      { key: "section", header: t("diff.column.section"), kind: "text" },
      { key: "before", header: t("diff.column.before"), kind: "text" },
      { key: "after", header: t("diff.column.after"), kind: "text" },
    ],
    rows: d.sections.map((s) => ({ section: sectionLabel(s), before: sideCell(s, "before", markedCell), after: sideCell(s, "after", markedCell) })),
    lines,
    notes: [...(d.secret ? [t("diff.secret")] : []), ...(d.sections.length === 0 ? [t("diff.no-sections")] : []), ...(d.secret || d.sections.length === 0 ? [] : [t("diff.legend")])],
    span: { label: t("diff.versions", { versions }), untitledTitle: title! },
    quotes: true,
  };
}
