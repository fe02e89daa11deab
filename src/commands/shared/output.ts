/** Printing or writing a register in the format the user asked for; shared by list, matrix and export. */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { refuseDataPath } from "../../core/write.js";
import { configProblem, type Repository } from "../../load/repository.js";
import { DUPLICATE_KEY, unreadableFiles, unreadableNote } from "../../load/silent.js";
import { catalog, language, shortList, t, translate } from "../../i18n/index.js";
import type { Lang } from "../../report/registers/context.js";
import { firstSentence, localized } from "../../core/text.js";
import { formRevisionOn } from "../../model/index.js";
import { classificationName } from "../../model/classification.js";
import { fileSafe } from "../../site/pages.js";
import { renderTableTemplate, TABLE_FORMATS, terminalLayout, toCsv, withAsOfColumn, toJson, toTerminal, writeXlsx, type RegisterHeading, type Table, type TableFormat } from "../../report/table.js";
import { choiceOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { applyChange, withRepositoryLock } from "./transaction.js";

export interface OutputFlags {
  format?: string;
  out?: string;
  /** Replace an existing --out file. */
  force?: boolean;
}

const BY_EXTENSION: Record<string, TableFormat> = { ".md": "md", ".html": "html", ".htm": "html", ".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".pdf": "pdf" };

/**
 * An auditor takes a register, matrix, workbook or site for the whole record, so none of them may
 * look complete when csr could not read a data file. This is the one place that decides, for
 * every command that prints or writes one:
 * - a file with merge-conflict markers, or an unreadable qms.yaml or people.yaml (every row would
 *   then be wrong: clause references, names), stops the command before anything is printed: one
 *   line, exit 1 (the file's finding is an error);
 * - so does a key written twice in any file, named by file:line:column as csr check reports it
 *   (yaml/duplicate-key): csr check reads the first value, a register does not choose one;
 * - any other unreadable file is named on stderr, and the register says under its table that it
 *   is incomplete (incompleteNote); the command still writes what it could and exits 1.
 */
export function refuseOrWarnUnreadable(ctx: CommandContext, repo: Repository): void {
  const conflicted = [...new Set(repo.problems.filter((p) => p.problem.rule === "file/merge-conflict").map((p) => p.path))];
  if (conflicted.length > 0) {
    const first = repo.problems.find((p) => p.path === conflicted[0])!;
    throw new UserError(t("output-gap.conflict", { files: shortList(conflicted), line: first.problem.line }), undefined, 1);
  }
  const config = configProblem(repo);
  if (config) throw new UserError(t("output-gap.config", config), undefined, 1);
  // A key written twice: csr check reads the first value, but a register printed with one of two values nobody chose reads as
  // meant, and one leaving the file out (a whole processes.yaml) as all there is. So every register refuses, as for qms.yaml.
  const twice = repo.problems.find((p) => p.problem.rule === DUPLICATE_KEY);
  if (twice) throw new UserError(t("output-gap.duplicate-key", { path: twice.path, line: twice.problem.line, column: twice.problem.column, reason: firstSentence(twice.problem.message) }), undefined, 1);
  const files = unreadableFiles(repo.problems);
  if (files.length > 0) ctx.stderr(t("output.left-out", { count: files.length, files: shortList(files) }) + "\n");
}

/** The line under a register that says it lacks the files csr could not read; undefined when it lacks none. */
export function incompleteNote(repo: Repository, lang: Lang): string | undefined {
  return unreadableNote(repo.problems, lang);
}

/** The language of the run (--lang, else the repository's language, else Chinese; see src/i18n/resolve.ts). */
export function languageOf(): Lang {
  return language();
}

/** The extension of a register written into a folder, by format; a terminal table is plain text. */
const EXTENSIONS: Record<TableFormat, string> = { table: "txt", md: "md", html: "html", csv: "csv", json: "json", xlsx: "xlsx", pdf: "pdf" };

/**
 * Where a register goes and in which format. `--out` of `csr list`, `csr matrix` and `csr changes`
 * names a file, whose extension gives the format unless --format does; or a folder, when it ends
 * with / (or \ on Windows) or names a folder that exists: the register is then written into it as
 * `<name>.<ext>` (`procedures.xlsx`, `csr-matrix.pdf`; `name` is the register's id, see
 * docs/tables.md), and --format, which a folder cannot give, is required. A name without an
 * extension that is not a folder could be either, so it is refused rather than guessed.
 * Errors (UserError, one line each): a folder without --format; a name without an extension; an
 * extension that names no format, without --format; an extension that names another format than --format.
 */
export function tableOutput(flags: OutputFlags, dir: string, name: string): { format: TableFormat; out?: string } {
  const { out } = flags;
  if (out === undefined) return { format: choiceOption(flags.format, "--format", TABLE_FORMATS, "table") };
  if (isFolder(out, dir)) {
    if (flags.format === undefined) throw new UserError(t("out.folder-needs-format", { out, name }));
    const format = choiceOption(flags.format, "--format", TABLE_FORMATS, "table");
    return { format, out: join(out, `${name}.${EXTENSIONS[format]}`) };
  }
  const extension = extname(out).toLowerCase();
  if (extension === "") throw new UserError(t("out.file-or-folder", { out, example: `${out}.${EXTENSIONS[choiceOption(flags.format, "--format", TABLE_FORMATS, "xlsx")]}` }));
  const guessed = BY_EXTENSION[extension];
  if (!guessed && flags.format === undefined) throw new UserError(t("output.unknown-extension", { out }));
  const format = choiceOption(flags.format, "--format", TABLE_FORMATS, guessed ?? "table");
  // A PDF under the name .xlsx is a file nobody can open by its name: the two must agree.
  if (guessed && format !== guessed) throw new UserError(t("out.table-format", { out, extension: extension.slice(1), format, suffix: EXTENSIONS[format] }));
  return { format, out };
}

/** `out` names a folder: it ends with a path separator, or a folder of that name exists (relative to `dir`). */
export function isFolder(out: string, dir: string): boolean {
  if (/[\\/]$/.test(out)) return true;
  try {
    return statSync(resolve(dir, out)).isDirectory();
  } catch {
    return false;
  }
}

/** Text, or a workbook that is streamed into the file it is given. */
export type TableOutput = string | ((path: string) => Promise<void>);

/** Warns about a workbook cell cut to Excel's limit; the cell itself ends with a marker. */
export function cutWarning(ctx: CommandContext): (where: string, length: number) => void {
  return (where, length) => ctx.stderr(t("output.cell-cut", { where, length }) + "\n");
}

export async function renderTable(table: Table, format: TableFormat, repo: Repository, lang: Lang, onCut?: (where: string, length: number) => void, width?: number): Promise<TableOutput> {
  switch (format) {
    case "table":
      return toTerminal(table, width);
    case "md":
    case "html":
      return renderTableTemplate(table, format, { root: repo.root, lang });
    case "csv":
      return toCsv(table);
    case "json":
      return toJson(table);
    case "xlsx":
      return (path) => writeXlsx([table], path, onCut);
    case "pdf":
      return printTable(table, repo, lang);
  }
}

/**
 * A register as PDF: its HTML printed by the system's Chromium, as `csr render` prints documents,
 * with 第 x 页 共 y 页 at the foot of every page. Chromium and a Chinese font are checked before
 * anything is written.
 */
async function printTable(table: Table, repo: Repository, lang: Lang): Promise<TableOutput> {
  const { findChromium, pageFooter, requireCjkFont, startPdfPrinter } = await import("../../render/pdf.js");
  const { loadLabels } = await import("../../render/environment.js");
  const chromium = findChromium();
  requireCjkFont();
  const html = await renderTableTemplate(table, "html", { root: repo.root, lang, printOnly: true });
  const footer = pageFooter(loadLabels(repo.root, lang));
  return async (path) => {
    const printer = await startPdfPrinter(chromium, [html]);
    try {
      writeFileSync(path, await printer.print(html, footer));
    } finally {
      await printer.close();
    }
  };
}

/**
 * --out may name a register somebody keeps by hand, so an existing file is replaced only with
 * --force; the write itself is atomic.
 */
export async function writeOutput(ctx: CommandContext, root: string, out: string, content: TableOutput, force = false): Promise<void> {
  const path = resolve(ctx.dir, out);
  refuseDataPath(root, path, "--out");
  if (!force && existsSync(path)) throw new UserError(t("output.exists", { out }), t("output.exists.hint"));
  await withRepositoryLock(ctx, root, async () => {
    await applyChange(root, { writes: [{ path, content }] });
    return 0;
  });
  ctx.stderr(t("output.wrote", { out }) + "\n");
}

/** Whether `format` is a print (md, html, xlsx, pdf): read by someone who did not run the command, it carries its heading and notes; a terminal's, CSV's or JSON's reader is told on stderr. */
export function isPrinted(format: TableFormat): boolean {
  return format === "md" || format === "html" || format === "xlsx" || format === "pdf";
}

/** A register under its heading; the heading names the as-of day (or the span), so the title no longer does. */
export function withHeading(repo: Repository, table: Table, lang: Lang, today: string): Table {
  const title = table.asOf?.undatedTitle ?? table.span?.untitledTitle;
  return { ...table, ...(title !== undefined ? { title } : {}), heading: registerHeading(repo, table, lang, today) };
}

/**
 * What heads a printed register: the organisation, the register's own form (qms.yaml
 * `registers.forms`, by table id, with the form's revision of `today`, formRevisionOn: a register rebuilt
 * as of a past day is the record made that day, on the form of that day, auditor16 F23), the as-of
 * date and the signature lines of `registers.signatures`, filled for a signed edition (Table.edition).
 */
function registerHeading(repo: Repository, table: Table, lang: Lang, today: string): RegisterHeading {
  const config = repo.config?.value;
  const register = table.form ?? table.id;
  const formId = register ? config?.registers?.forms?.[register] : undefined;
  const form = formId ? repo.documents.find((d) => d.value.id === formId)?.value : undefined;
  const version = form ? (formRevisionOn(form, today)?.version ?? "") : "";
  return {
    organisation: config ? localized(lang, config.organisation.name, config.organisation.name_en) : "",
    // A filtered register on its form is an extract of that record, said beside the number in every format (tester74 T11).
    form: formId ? translate(lang, table.filtered ? "output.heading.form-extract" : "output.heading.form", { form: formId + (version ? ` ${version}` : ""), ...(table.filtered ? { filter: table.filtered.filter } : {}) }) : "",
    asOf: table.span?.label ?? (table.edition ? translate(lang, "output.heading.as-of-edition", { today, edition: table.edition.name }) : translate(lang, "output.heading.as-of", { today })),
    ...(table.classification ? { classification: translate(lang, "output.heading.classification", { classification: classificationName(lang, table.classification) }) } : {}),
    pageOf: translate(lang, "output.heading.page-x-of-y", { page: "{page}", pages: "{pages}" }),
    page: translate(lang, "output.heading.page-x", { page: "{page}" }),
    date: translate(lang, "output.heading.date"),
    signatures: [...new Set([...(config?.registers?.signatures ?? []), ...(table.signatures ?? [])])].map((label) => signatureLabel(lang, label)),
    ...(table.edition ? { signed: Object.fromEntries(table.edition.signatures.map((s) => [signatureLabel(lang, s.role), { name: s.name, date: s.date }])) } : {}),
    separator: lang === "en" ? " | " : " ｜ ",
    colon: lang === "en" ? ": " : "：",
    gap: lang === "en" ? "   " : "　",
  };
}

/**
 * A signature line's label as printed: qms.yaml names them in Chinese (编制, 审核, 批准); an English
 * register gives the usual ones in English (output.signature.<label>), any other as written.
 */
function signatureLabel(lang: Lang, label: string): string {
  if (lang !== "en") return label;
  // Looked up, not translated: a label the catalog does not name is printed as written, not as its key.
  return catalog(lang)[`output.signature.${label}`] ?? label;
}

/**
 * Prints or writes a register. A register read from the working tree (`today` given) carries
 * incompleteNote when files could not be read, and the command then exits 1; CSV leaves the note
 * out because `csr import` reads every line of a CSV back as a row, so there the exit code and
 * stderr say it. For the same reason a filtered register's CSV (Table.filtered) starts with its
 * header row like any other, and stderr says that it is filtered (any other format: how to list
 * the whole one, as the register's hints are printed, printHints); written into a folder, a filtered
 * register of any format is named after its filter (`distribution-PRD.csv`), not as the whole one.
 */
export async function emitTable(ctx: CommandContext, table: Table, flags: OutputFlags, repo: Repository, lang: Lang, today?: string, name = table.filtered ? fileSafe(table.filtered.name) : (table.id ?? "table")): Promise<number> {
  const { format, out } = tableOutput(flags, ctx.dir, name);
  const note = today !== undefined ? incompleteNote(repo, lang) : undefined;
  if (note && format !== "csv") table = { ...table, notes: [...(table.notes ?? []), note] };
  // Fitted to the terminal only when printed on it: a file written with --out keeps every row on one line.
  const width = out ? undefined : ctx.width;
  // A footnote of the printed register; a terminal's reader and a CSV's or JSON's are told on stderr.
  const quoted = quotedNote(table, format, lang, width);
  const footnote = quoted !== undefined && isPrinted(format);
  if (footnote) table = { ...table, notes: [...(table.notes ?? []), quoted] };
  if (today !== undefined && isPrinted(format)) table = withHeading(repo, table, lang, today);
  else if (format === "csv") table = withAsOfColumn(table, lang);
  if (format === "xlsx" && !out) {
    throw new UserError(t("output.xlsx-needs-out"));
  }
  if (format === "pdf" && !out) {
    throw new UserError(t("output.pdf-needs-out"));
  }
  const content = await renderTable(table, format, repo, lang, cutWarning(ctx), width);
  if (out) await writeOutput(ctx, repo.root, out, content, flags.force);
  else if (typeof content === "string") ctx.stdout(content);
  // A filtered register says so under its table (a CSV cannot); how to list the whole one is for the one who runs the command.
  const filtered = table.filtered && translate(lang, format === "csv" ? "output.csv-filtered" : "output.filtered", { ...table.filtered, count: table.rows.length });
  // A CSV has no heading to mark: each row says its 密级, and the one who writes the file is told what it carries.
  const classified = format === "csv" && table.classification ? translate(lang, "output.csv-classified", { classification: classificationName(lang, table.classification) }) : undefined;
  printHints(ctx, [...(quoted !== undefined && !footnote ? [quoted] : []), ...(classified ? [classified] : []), ...(filtered ? [filtered] : []), ...(table.hints ?? []), ...(table.listHints ?? [])]);
  return note ? 1 : 0;
}

const HAN = /\p{Script=Han}/u;

/**
 * Under a register in English that quotes the organisation's records as written (Table.quotes), how many of the
 * cells `format` prints hold Chinese (a terminal: the columns it shows at `width`): csr translates its own words,
 * never a record's. Undefined in Chinese, for any other register, and when no cell printed holds Chinese.
 */
function quotedNote(table: Table, format: TableFormat, lang: Lang, width: number | undefined): string | undefined {
  if (!table.quotes || lang !== "en") return undefined;
  const columns = format === "table" ? terminalLayout(table, width).columns : table.columns;
  const count = table.rows.reduce((sum, row) => sum + columns.filter((c) => HAN.test(String(row[c.key] ?? ""))).length, 0);
  return count > 0 ? translate(lang, "output.quoted-chinese", { count }) : undefined;
}

/** A register's hints (Table.hints), each once, on stderr: for the one who runs the command, never in the register (tester23 F12). */
export function printHints(ctx: CommandContext, hints: Iterable<string>): void {
  for (const hint of new Set(hints)) ctx.stderr(`${hint}\n`);
}
