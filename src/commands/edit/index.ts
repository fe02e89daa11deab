/**
 * `csr edit <id>`: a document's body changed by a command, not by hand in YAML (tester77 E6: a
 * drawing change carried through a PFMEA, a control plan, a work instruction and a deviation took
 * six hand edits of `sections`, where indentation, `|` block scalars and numbering break).
 *
 * - `--section 5.2` (a number, a title, or both): the section's text, Markdown, in $VISUAL / $EDITOR,
 *   or from `--from <file>` / `--from -` (stdin). Without `--section`, the whole body as one Markdown
 *   file with a `## 5.2 标题` heading per section, of which only the texts change: a section is added
 *   or removed with `--add-section <title> [--after 5.2]` / `--remove-section 5.3`, where csr numbers
 *   it and looks after the CSR links to it (a section a CSR cites is not removed; csr/section-missing).
 * - `--append-row "| OP40 | … |"` with `--section`: a row appended to the section's one Markdown
 *   table, its cells counted as doc/table-malformed counts them.
 *
 * Only a draft, or a released document being revised (修订中, `csr submit`), is edited: IATF 16949 /
 * GJB 9001C 7.5.3.2, a change is approved before the changed text is issued, so a released
 * document's change belongs to its next revision, which `csr submit <id>` opens; a document in review
 * (审批中) is left as its reviewers see it (as `csr set` does); an obsolete one no longer changes.
 * The file is edited through the YAML Document API (every line the edit does not touch is kept byte
 * for byte, comments included), checked and written atomically under the repository lock (shared/
 * edit.ts), and the command prints a short diff and the findings of `csr check` on the document.
 * The editor runs before the lock is taken (another csr must not wait on it); the section must
 * still have the text the editor was given when the lock is taken, else nothing is written and the
 * edited text is kept where it was written (the git directory's csr-edit/).
 * Errors: UserError (exit 2) for a refused status, an unknown section, options that do not go
 * together, a body whose headings were changed, a row whose cells do not fit, a section a CSR
 * cites, an editor that failed, a merge conflict.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { isMap, isScalar, isSeq, parse, type Document, type Scalar, type YAMLMap } from "yaml";
import { localToday } from "../../core/dates.js";
import type { Finding } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { styles } from "../../core/styles.js";
import { didYouMean, shellArgument, visible } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { buildRepository, loadRepository, type Located } from "../../load/repository.js";
import { parseText } from "../../load/source.js";
import { buildIndex, currentRevision } from "../../model/index.js";
import { documentSections, findSection, onlyTitled, parseSectionReference, sectionLabel, sectionNumberProblems, successorReference, successorSection, type NumberedSection } from "../../model/sections.js";
import type { AddressedIn, ControlledDocument, Csr, Path, Section } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { editFile, findDocumentById, saveChanges, setInMapOrder, withEditSession, type EditSession } from "../shared/edit.js";
import type { FileChange } from "../shared/persist.js";
import { stateDirectory } from "../shared/transaction.js";
import { appendTableRow, bodyMarkdown, headingLinesIn, normalText, parseBody, shortDiff, type BodyProblem } from "./body.js";

export interface EditFlags {
  /** The section to edit: "5.2", "5.2 产品设计和开发" or a title; without it, the whole body. */
  section?: string;
  /** The new text from a file, or "-" for stdin, instead of an editor. */
  from?: string;
  /** The title of a section to add. */
  addSection?: string;
  /** With addSection: the section it follows (at that section's level); default: the end of the body. */
  after?: string;
  /** The section to remove. */
  removeSection?: string;
  /** The section to rename, with `title`. */
  renameSection?: string;
  /** With renameSection: the section's new title. */
  title?: string;
  /** A Markdown table row to append to the section's table. */
  appendRow?: string;
  commit?: boolean;
  yes?: boolean;
}

/** The order of a section's keys as the schema and `csr new` write them. */
const SECTION_KEYS = ["number", "title", "title_en", "renamed_from", "text", "sections"] as const;

type Mode = "text" | "add" | "remove" | "rename" | "row";

export async function editCommand(ctx: CommandContext, id: string, flags: EditFlags): Promise<number> {
  const mode = modeOf(flags);
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root);
  // The text the editor returns, read before the repository lock: another csr must not wait on an editor.
  let edited: { text: string; base: string; kept?: string } | undefined;
  if (mode === "text" && flags.from === undefined) {
    const repo = loadRepository(root);
    const { value: doc } = findIn(buildIndex(repo).documents, id);
    refuseStatus(doc);
    const target = targetOf(doc, flags.section);
    const fromEditor = runEditor(root, doc.id, target);
    if (fromEditor.unchanged) {
      ctx.stdout(t("edit-text.unchanged", { what: targetLabel(doc, target) }) + "\n");
      return 0;
    }
    edited = fromEditor;
  }
  const given = mode === "text" && flags.from !== undefined ? readFrom(ctx, flags.from) : mode === "add" && flags.from !== undefined ? normalText(readFrom(ctx, flags.from)) : undefined;
  try {
    return await withEditSession(ctx, true, undefined, async (session) => {
      const { value: doc, file } = findDocumentById(session, id);
      refuseStatus(doc);
      const sections = documentSections(doc);
      // Being revised, the links name the sections of the version in force (read from git; without it, the draft's as they were): csr release moves them.
      const inForce = mode === "add" || mode === "remove" || mode === "rename" ? await inForceSections(session, doc, sections) : undefined;
      const lines: string[] = [];
      let summary: string;
      let write: (yaml: Document.Parsed) => void;
      // The CSR files whose links to a renumbered section the edit re-points.
      let links: FileChange[] = [];
      let prepared: FileChange | undefined;
      if (mode === "text") {
        const target = targetOf(doc, flags.section);
        if (edited && currentText(target) !== edited.base) throw new UserError(t("edit-text.changed-meanwhile", { what: targetLabel(doc, target), path: file.path }));
        const texts = newTexts(doc, target, edited?.text ?? given!);
        if (texts.length === 0) {
          ctx.stdout(t("edit-text.unchanged", { what: targetLabel(doc, target) }) + "\n");
          return 0;
        }
        for (const { section, text } of texts) lines.push(...diffLines(ctx, doc, section, normalText(section.section.text), text));
        summary = list(texts.map(({ section }) => sectionLabel(section, session.lang)));
        lines.push(t("edit-text.changed", { id: doc.id, path: file.path, sections: summary }));
        write = (yaml) => {
          for (const { section, text } of texts) setSectionText(yaml, section.path, text);
        };
      } else if (mode === "row") {
        const section = sectionNamed(doc, sections, flags.section!, "--section");
        const placed = appendTableRow(section.section.text ?? "", flags.appendRow!);
        const where = { id: doc.id, section: sectionLabel(section, session.lang) };
        if ("problem" in placed) {
          if (placed.problem === "no-table") throw new UserError(t("edit-text.row.no-table", where), t("edit-text.row.hint", { ...where, idArg: shellArgument(doc.id), number: section.number }));
          if (placed.problem === "several-tables") throw new UserError(t("edit-text.row.several-tables", { ...where, tables: placed.count }), t("edit-text.row.hint", { ...where, idArg: shellArgument(doc.id), number: section.number }));
          throw new UserError(t("edit-text.row.cells", { ...where, cells: placed.cells, header: placed.header }));
        }
        lines.push(...diffLines(ctx, doc, section, normalText(section.section.text), placed.text));
        summary = t("edit-text.row.summary", where);
        lines.push(t("edit-text.row.done", { ...where, path: file.path }));
        write = (yaml) => setSectionText(yaml, section.path, placed.text);
      } else if (mode === "remove") {
        const section = sectionNamed(doc, sections, flags.removeSection!, "--remove-section");
        const label = sectionLabel(section, session.lang);
        const below = (section.section.sections ?? []).length;
        if (below > 0) throw new UserError(t("edit-text.remove.has-subsections", { id: doc.id, section: label, subsections: below }));
        refuseCited(session.repo.csrs, doc, sections, section, inForce);
        write = (yaml) => {
          yaml.deleteIn(section.path);
          const parent = section.path.slice(0, -1);
          const seq = yaml.getIn(parent, true);
          if (isSeq(seq) && seq.items.length === 0) yaml.deleteIn(parent);
        };
        summary = t("edit-text.remove.summary", { section: label });
        lines.push(t("edit-text.remove.done", { id: doc.id, section: label, path: file.path }));
        const renumbered = editedDocument(doc, file.path, session.root, write);
        prepared = renumbered.change;
        links = repoint(session, doc, { all: sections, before: sections.filter((s) => s !== section), after: documentSections(renumbered.doc) }, lines, inForce);
      } else if (mode === "add") {
        const after = flags.after === undefined ? undefined : sectionNamed(doc, sections, flags.after, "--after");
        // A title typed with its number ("5.3 检验") is the title; the number must be the one it gets.
        const typed = parseSectionReference(flags.addSection!);
        const title = (typed.number === undefined ? flags.addSection! : (typed.title ?? "")).trim();
        if (title === "") throw new UserError(t("edit-text.add.no-title"));
        write = (yaml) => addSection(yaml, after, title, given ?? "");
        // Where the new section goes: after `after` at its level, else at the end of the body.
        const at = after ? [...after.path.slice(0, -1), Number(after.path.at(-1)) + 1] : ["sections", sections.filter((s) => s.depth === 1).length];
        const renumbered = editedDocument(doc, file.path, session.root, write);
        prepared = renumbered.change;
        const placed = documentSections(renumbered.doc);
        const added = placed.find((s) => s.path.join("/") === at.join("/"))!;
        refuseNumbering(doc, sections, placed);
        if (typed.number !== undefined && typed.number !== added.number) throw new UserError(t("edit-text.add.number", { id: doc.id, number: typed.number, title, placed: added.number }));
        summary = t("edit-text.add.summary", { section: sectionLabel(added, session.lang) });
        lines.push(t(after ? "edit-text.add.done.after" : "edit-text.add.done", { id: doc.id, section: sectionLabel(added, session.lang), after: after?.number ?? "", path: file.path }));
        if (!given) lines.push(t("edit-text.add.empty", { idArg: shellArgument(doc.id), number: added.number }));
        links = repoint(session, doc, { all: sections, before: sections, after: placed.filter((s) => s !== added), draft: placed }, lines, inForce);
      } else {
        const section = sectionNamed(doc, sections, flags.renameSection!, "--rename-section");
        const title = flags.title!.trim();
        const label = sectionLabel(section, session.lang);
        if (title === section.title) {
          ctx.stdout(t("edit-text.rename.same", { id: doc.id, section: label }) + "\n");
          return 0;
        }
        const renamed = renameLinks(session, doc, sections, section, title, inForce);
        // The title the version in force gives the section, which the links to it keep until the release (none: new in the draft).
        const was = inForce ? (section.section.renamed_from ?? (onlyTitled(inForce, section.title) ? section.title : undefined)) : undefined;
        write = (yaml) => {
          const map = yaml.getIn(section.path, true);
          if (!isMap(map)) throw new Error(`a section is a mapping: ${section.path.join(".")}`);
          map.set("title", title);
          if (was === undefined || was === title) map.delete("renamed_from");
          else setInMapOrder(yaml, map, SECTION_KEYS, "renamed_from", yaml.createNode(was));
        };
        summary = t("edit-text.rename.summary", { section: label, title });
        lines.push(t("edit-text.rename.done", { id: doc.id, section: label, title, path: file.path }));
        lines.push(...renamed.lines);
        links = renamed.changes;
      }
      // Adding or removing a section has edited the file once already, to number the sections after it: that change is the one written.
      const change = prepared ?? editFile(session.root, file.path, "document", write);
      await saveChanges(ctx, session, [change, ...links], lines, { commit: flags.commit, message: t("commit.edit", { id: doc.id, summary }) });
      ctx.stdout(findingsText(ctx, doc.id, await findingsAfter(session, [change, ...links], file.path, doc.id)) + "\n");
      if (edited?.kept) rmSync(edited.kept, { force: true });
      return 0;
    });
  } catch (error) {
    // The text typed in the editor is not lost with a refusal: it stays in its file, and the refusal says where.
    if (error instanceof UserError && edited?.kept) {
      const hint = t("edit-text.kept", { path: edited.kept, idArg: shellArgument(id), section: flags.section === undefined ? "" : ` --section ${shellArgument(flags.section)}`, file: shellArgument(edited.kept) });
      throw new UserError(error.message, error.hint ? `${error.hint}\n${hint}` : hint, error.exitCode);
    }
    throw error;
  }
}

/** Which of the four edits the flags ask for. Errors: UserError for flags that do not go together. */
function modeOf(flags: EditFlags): Mode {
  const asked = [flags.addSection !== undefined && "--add-section", flags.removeSection !== undefined && "--remove-section", flags.renameSection !== undefined && "--rename-section", flags.appendRow !== undefined && "--append-row"].filter((f): f is string => f !== false);
  if (asked.length > 1) throw new UserError(t("edit-text.flags.together", { flags: list(asked) }));
  if (flags.after !== undefined && flags.addSection === undefined) throw new UserError(t("edit-text.flags.after-alone"));
  if (flags.title !== undefined && flags.renameSection === undefined) throw new UserError(t("edit-text.flags.title-alone"));
  if (flags.appendRow !== undefined) {
    if (flags.section === undefined) throw new UserError(t("edit-text.flags.row-needs-section"));
    if (flags.from !== undefined) throw new UserError(t("edit-text.flags.together", { flags: list(["--append-row", "--from"]) }));
    return "row";
  }
  if (asked.length === 1 && flags.section !== undefined) throw new UserError(t("edit-text.flags.together", { flags: list([asked[0]!, "--section"]) }));
  if (flags.removeSection !== undefined) {
    if (flags.from !== undefined) throw new UserError(t("edit-text.flags.together", { flags: list(["--remove-section", "--from"]) }));
    return "remove";
  }
  if (flags.renameSection !== undefined) {
    if (flags.from !== undefined) throw new UserError(t("edit-text.flags.together", { flags: list(["--rename-section", "--from"]) }));
    if (flags.title === undefined || flags.title.trim() === "") throw new UserError(t("edit-text.flags.rename-needs-title"));
    return "rename";
  }
  return flags.addSection !== undefined ? "add" : "text";
}

function findIn(documents: ReadonlyMap<string, Located<ControlledDocument>>, id: string): Located<ControlledDocument> {
  const found = documents.get(id);
  if (!found) throw new UserError(t("edit.no-document", { id }) + didYouMean(id, documents.keys()));
  return found;
}

/**
 * Refuses a document whose body is not to be edited now (IATF 16949 / GJB 9001C 7.5.3.2): obsolete;
 * in review (审批中), which its reviewers must see as submitted; released and not being revised,
 * whose change belongs to its next revision (`csr submit <id>` opens it). Errors: UserError, one line.
 */
function refuseStatus(doc: ControlledDocument): void {
  const idArg = shellArgument(doc.id);
  if (doc.status === "obsolete") throw new UserError(t("edit-text.obsolete", { id: doc.id, date: doc.obsolete?.date ?? "" }));
  if (doc.status === "in-review") throw new UserError(t("set.in-review", { id: doc.id }), t("set.in-review.hint", { id: idArg }));
  if (doc.status === "released" && doc.revising === undefined) throw new UserError(t("edit-text.released", { id: doc.id, idArg, version: currentRevision(doc)?.version ?? "" }));
}

/** The section named by --section, or the whole body. */
type Target = { section: NumberedSection } | { body: readonly NumberedSection[] };

function targetOf(doc: ControlledDocument, section: string | undefined): Target {
  const sections = documentSections(doc);
  if (section !== undefined) return { section: sectionNamed(doc, sections, section, "--section") };
  if (sections.length === 0) throw new UserError(t("edit-text.no-sections", { id: doc.id }), t("edit-text.no-sections.hint", { idArg: shellArgument(doc.id) }));
  // A text with a line that reads as a body heading would be split in two when read back.
  const split = sections.find((s) => headingLinesIn(s.section.text ?? "").length > 0);
  if (split) throw new UserError(t("edit-text.body.heading-in-text", { id: doc.id, section: sectionLabel(split, "zh-CN"), idArg: shellArgument(doc.id), number: split.number }));
  return { body: sections };
}

/** The text given to the editor for `target`: the section's text, or the whole body as Markdown. */
function currentText(target: Target): string {
  return "section" in target ? normalText(target.section.section.text) : bodyMarkdown(target.body);
}

function targetLabel(doc: ControlledDocument, target: Target): string {
  return "section" in target ? `${doc.id} ${sectionLabel(target.section, "zh-CN")}` : doc.id;
}

/**
 * The section a flag names, by number, title or both (model/sections.ts findSection). Errors:
 * UserError for a document without sections, a section it does not have (with the nearest), a title
 * several sections have, and a number and title of two different sections.
 */
function sectionNamed(doc: ControlledDocument, sections: readonly NumberedSection[], given: string, flag: string): NumberedSection {
  const labels = sections.map((s) => sectionLabel(s, "zh-CN"));
  if (sections.length === 0) throw new UserError(t("edit-text.no-sections", { id: doc.id }), t("edit-text.no-sections.hint", { idArg: shellArgument(doc.id) }));
  const lookup = findSection(sections, given);
  if (lookup.found && lookup.movedFrom === undefined) return lookup.found;
  if (lookup.titled) throw new UserError(t("edit-text.section.several", { id: doc.id, flag, section: given, numbers: list(lookup.titled.map((s) => s.number)) }));
  throw new UserError(t("edit-text.section.unknown", { id: doc.id, flag, section: given, sections: list(labels) }) + didYouMean(given, labels));
}

/** The sections whose text the edited `input` changes, with their new text (normalText'd). Errors: UserError for a body whose headings do not match. */
function newTexts(doc: ControlledDocument, target: Target, input: string): { section: NumberedSection; text: string }[] {
  if ("section" in target) {
    const text = normalText(input);
    return text === normalText(target.section.section.text) ? [] : [{ section: target.section, text }];
  }
  const parsed = parseBody(input, target.body);
  if ("problem" in parsed) throw new UserError(bodyProblemText(doc, parsed.problem), t("edit-text.body.hint", { idArg: shellArgument(doc.id) }));
  return target.body.flatMap((section, i) => (parsed.texts[i] === normalText(section.section.text) ? [] : [{ section, text: parsed.texts[i]! }]));
}

function bodyProblemText(doc: ControlledDocument, problem: BodyProblem): string {
  switch (problem.kind) {
    case "before-first":
      return t("edit-text.body.before-first", { id: doc.id, line: problem.line });
    case "heading":
      return t("edit-text.body.heading", { id: doc.id, line: problem.line, found: problem.found, expected: problem.expected });
    case "missing":
      return t("edit-text.body.missing", { id: doc.id, expected: problem.expected });
    case "extra":
      return t("edit-text.body.extra", { id: doc.id, line: problem.line, found: problem.found });
  }
}

/**
 * Sets a section's `text` (at `path`, the section's place in the YAML): a text of several lines as a
 * `|` block, one line in the style it had (plain unless it needs quotes); no text removes the key,
 * as `csr new` scaffolds a section to write. A new key goes where the schema's order puts it (before
 * `sections`).
 */
function setSectionText(yaml: Document.Parsed, path: Path, text: string): void {
  const map = yaml.getIn(path, true);
  if (!isMap(map)) throw new Error(`a section is a mapping: ${path.join(".")}`);
  if (text === "") return void map.delete("text");
  const node = yaml.createNode(text.includes("\n") ? `${text}\n` : text) as Scalar;
  const old = map.get("text", true);
  if (text.includes("\n")) node.type = "BLOCK_LITERAL";
  else if (isScalar(old) && (old.type === "QUOTE_DOUBLE" || old.type === "QUOTE_SINGLE")) node.type = old.type;
  setInMapOrder(yaml, map, SECTION_KEYS, "text", node);
}

/** Adds a section titled `title` (its number follows on, as model/sections.ts numbers it) after `after` at its level, or at the end of the body. */
function addSection(yaml: Document.Parsed, after: NumberedSection | undefined, title: string, text: string): void {
  const map = yaml.createNode({ title } as Record<string, unknown>) as YAMLMap<unknown, unknown>;
  if (text !== "") {
    const node = yaml.createNode(text.includes("\n") ? `${text}\n` : text) as Scalar;
    if (text.includes("\n")) node.type = "BLOCK_LITERAL";
    map.set("text", node);
  }
  const parent = after ? after.path.slice(0, -1) : ["sections"];
  const seq = yaml.getIn(parent, true);
  if (!isSeq(seq)) return void yaml.setIn(parent, yaml.createNode([map]));
  seq.items.splice(after ? Number(after.path.at(-1)) + 1 : seq.items.length, 0, map);
}

/** The document as `write` leaves its file (read back from the edited YAML), for the numbers the edit gives its sections. */
function editedDocument(doc: ControlledDocument, path: string, root: string, write: (yaml: Document.Parsed) => void): { change: FileChange; doc: ControlledDocument } {
  const change = editFile(root, path, "document", write);
  return { change, doc: { ...doc, sections: (parse(change.text) as { sections?: Section[] }).sections ?? [] } };
}

/**
 * Refuses an edit that makes a section number declared twice or under another parent (doc/section-
 * number): a section added before one that declares the number it would follow on to. Errors:
 * UserError naming the number.
 */
function refuseNumbering(doc: ControlledDocument, before: readonly NumberedSection[], after: readonly NumberedSection[]): void {
  const had = new Set(sectionNumberProblems(doc, before).map((p) => p.message));
  const added = sectionNumberProblems({ sections: [] }, after).filter((p) => !had.has(p.message));
  if (added.length > 0) throw new UserError(t("edit-text.numbering", { id: doc.id, problem: added[0]!.message }));
}

/**
 * The sections of the version in force of a released document being revised (修订中), numbered, which
 * the CSR links to it name until `csr release` moves them to the draft's (release/links.ts; the CSR
 * matrix an auditor is given meanwhile cites the copies in use, IATF 16949 7.5.1.1): read from git
 * (load/base.ts revisedInForce), else the draft's as they were before the edit (no git, a shallow
 * clone). Undefined for a document not being revised: its links name its own sections.
 */
async function inForceSections(session: EditSession, doc: ControlledDocument, sections: readonly NumberedSection[]): Promise<readonly NumberedSection[] | undefined> {
  if (doc.status !== "released" || doc.revising === undefined) return undefined;
  const { revisedInForce } = await import("../../load/base.js");
  const released = (await revisedInForce(session.root, session.repo.documents.filter(({ value }) => value.id === doc.id))).get(doc.id);
  return released ? documentSections(released) : sections;
}

/**
 * The section of the draft (`draft`: its sections, numbered) a CSR's link names: for a document being
 * revised (`inForce`: its version in force's sections), where a link to the version in force goes at the
 * release (model/sections.ts successorSection), unless it was made to the draft's own text (pin.draft);
 * otherwise the section it names as written. Undefined when it names none.
 */
function citedIn(draft: readonly NumberedSection[], inForce: readonly NumberedSection[] | undefined, place: AddressedIn): NumberedSection | undefined {
  if (place.section === undefined) return undefined;
  if (inForce && !place.pin?.draft) return successorSection(draft, inForce, place.section);
  return findSection(draft, place.section).found;
}

/**
 * After a section is added or removed: the line that says which sections the edit gives another
 * number ("2 控制方法 → 3"), and the CSR links to them re-pointed, as `csr release` re-points them
 * (release/links.ts), so that no CSR cites a section under its old number (csr/section-missing) and
 * the change commits with its links. `sections.before` and `sections.after` are the sections the edit
 * keeps, in reading order, before and after it; `sections.all` every section before it, the links are
 * looked up in; `sections.draft` every section after it (default: `after`). A link by title alone needs
 * no change; one by number keeps its form (`3.1` → `4.1`, `3.1 包装` → `4.1 包装`).
 * A document being revised (`inForce`): a link to the version in force is not changed (the matrix
 * prints the copies in use until the release, which moves it); a line says where it goes then. A link
 * made to the draft's text (pin.draft) is re-pointed as in a draft.
 * Returns the CSR files changed, and pushes a line for each link re-pointed.
 */
function repoint(session: EditSession, doc: ControlledDocument, sections: { all: readonly NumberedSection[]; before: readonly NumberedSection[]; after: readonly NumberedSection[]; draft?: readonly NumberedSection[] }, lines: string[], inForce: readonly NumberedSection[] | undefined): FileChange[] {
  const { all, before, after } = sections;
  const moved = new Map<string, NumberedSection>();
  before.forEach((b, i) => {
    if (after[i] && after[i]!.number !== b.number) moved.set(b.path.join("/"), after[i]!);
  });
  const shown = before.flatMap((b, i) => (moved.has(b.path.join("/")) ? [`${b.number} ${b.title} → ${after[i]!.number}`] : []));
  if (shown.length > 0) lines.push(t("edit-text.renumbered", { sections: list(shown) }));
  const changes: FileChange[] = [];
  const pending: string[] = [];
  for (const { value: csr, file } of session.repo.csrs) {
    const places = (csr.addressed ?? []).flatMap((place, i) => {
      if (place.document !== doc.id || place.section === undefined) return [];
      if (inForce && !place.pin?.draft) {
        const to = successorReference(sections.draft ?? after, inForce, place.section);
        if (to !== undefined && to !== place.section) pending.push(`${csr.id} ${place.section} → ${to}`);
        return [];
      }
      const ref = parseSectionReference(place.section);
      const found = findSection(all, place.section);
      const to = ref.number !== undefined && found.found && found.movedFrom === undefined ? moved.get(found.found.path.join("/")) : undefined;
      return to ? [{ i, from: place.section, to: ref.title === undefined ? to.number : `${to.number} ${ref.title}` }] : [];
    });
    if (places.length === 0) continue;
    changes.push(editFile(session.root, file.path, "csr", (yaml) => {
      for (const { i, to } of places) yaml.setIn(["addressed", i, "section"], to);
    }));
    for (const { from, to } of places) lines.push(t("edit-text.repointed", { csr: csr.id, from, to, path: file.path }));
  }
  if (pending.length > 0) lines.push(t("edit-text.links-pending", { id: doc.id, version: currentRevision(doc)?.version ?? "", links: list(pending) }));
  return changes;
}

/**
 * The CSR links a rename of `section` (to `title`) concerns. A link that names it in the text edited
 * (a draft; or, in a document being revised, a link made to the draft's text) takes the new title
 * (`5.5 外部实验室` → `5.5 外部检测机构`; a number alone stays as written): returned as changed files,
 * each said in a line. A link to the version in force keeps its title until the release, which moves it
 * to the renamed section through `renamed_from` (release/links.ts): a line says so. Errors: UserError
 * when the rename would change what a CSR cites unsaid: another section has the title already (a link
 * by title would no longer tell them apart), or a link written with the new title now names another
 * section, or none, and would name this one.
 */
function renameLinks(session: EditSession, doc: ControlledDocument, sections: readonly NumberedSection[], section: NumberedSection, title: string, inForce: readonly NumberedSection[] | undefined): { changes: FileChange[]; lines: string[] } {
  const other = sections.find((s) => s !== section && (s.title === title || s.title_en === title));
  if (other) throw new UserError(t("edit-text.rename.taken", { id: doc.id, other: sectionLabel(other, "zh-CN"), title }));
  const key = section.path.join("/");
  const moved = session.repo.csrs.flatMap(({ value: csr }) =>
    (csr.addressed ?? []).flatMap((place) => {
      if (place.document !== doc.id || place.section === undefined || parseSectionReference(place.section).title !== title) return [];
      return citedIn(sections, inForce, place)?.path.join("/") === key ? [] : [`${csr.id}（${place.section}）`];
    }),
  );
  if (moved.length > 0) throw new UserError(t("edit-text.rename.would-cite", { id: doc.id, section: sectionLabel(section, "zh-CN"), title, csrs: list(moved) }), t("edit-text.rename.would-cite.hint"));
  const changes: FileChange[] = [];
  const cited: string[] = [];
  const lines: string[] = [];
  const pending: string[] = [];
  for (const { value: csr, file } of session.repo.csrs) {
    const places = (csr.addressed ?? []).flatMap((place, i) => {
      if (place.document !== doc.id || citedIn(sections, inForce, place)?.path.join("/") !== key) return [];
      cited.push(`${csr.id}（${place.section!}）`);
      if (inForce && !place.pin?.draft) {
        pending.push(`${csr.id} ${place.section!} → ${section.number} ${title}`);
        return [];
      }
      // A number alone still names the section; a title (or number and title) takes the new one.
      const ref = parseSectionReference(place.section!);
      if (ref.title === undefined || ref.title !== section.title) return [];
      return [{ i, from: place.section!, to: ref.number === undefined ? title : `${ref.number} ${title}` }];
    });
    if (places.length === 0) continue;
    changes.push(editFile(session.root, file.path, "csr", (yaml) => {
      for (const { i, to } of places) yaml.setIn(["addressed", i, "section"], to);
    }));
    for (const { from, to } of places) lines.push(t("edit-text.repointed", { csr: csr.id, from, to, path: file.path }));
  }
  if (pending.length > 0) lines.push(t("edit-text.links-pending", { id: doc.id, version: currentRevision(doc)?.version ?? "", links: list(pending) }));
  return { changes, lines: cited.length > 0 ? [t("edit-text.rename.cited", { csrs: list(cited) }), ...lines] : lines };
}

/**
 * Refuses to remove a section a CSR cites (its `addressed[].section` finds it, citedIn: csr/section-missing,
 * and `csr release` would refuse the revision for the broken link). Errors: UserError naming the CSRs
 * and the `csr address` that re-points or removes a link.
 */
function refuseCited(csrs: readonly Located<Csr>[], doc: ControlledDocument, sections: readonly NumberedSection[], section: NumberedSection, inForce: readonly NumberedSection[] | undefined): void {
  const key = section.path.join("/");
  const citing = csrs.flatMap(({ value: csr }) =>
    (csr.addressed ?? []).flatMap((place) => (place.document === doc.id && citedIn(sections, inForce, place)?.path.join("/") === key ? [`${csr.id}（${place.section}）`] : [])),
  );
  if (citing.length === 0) return;
  const first = csrs.find(({ value }) => citing[0]!.startsWith(`${value.id}（`))!.value.id;
  throw new UserError(
    t("edit-text.remove.cited", { id: doc.id, section: sectionLabel(section, "zh-CN"), csrs: list(citing) }),
    t("edit-text.remove.cited.hint", { csr: shellArgument(first), idArg: shellArgument(doc.id) }),
  );
}

/** The header line naming the section, then its short diff: `- ` removed, `+ ` added, `  ` unchanged, `  …` between hunks. */
function diffLines(ctx: CommandContext, doc: ControlledDocument, section: NumberedSection, before: string, after: string): string[] {
  const c = styles(ctx.color);
  return [
    t("edit-text.diff.header", { id: doc.id, section: sectionLabel(section, "zh-CN") }),
    ...shortDiff(before, after).map((d) => (d === undefined ? "  …" : d.op === "-" ? c.red(`- ${visible(d.line)}`) : d.op === "+" ? c.green(`+ ${visible(d.line)}`) : `  ${visible(d.line)}`)),
  ];
}

/** The text of `--from`: a file (relative to -C's directory, as every csr path option) or "-" for stdin. Errors: UserError for a file that cannot be read. */
function readFrom(ctx: CommandContext, from: string): string {
  if (from === "-") return readFileSync(0, "utf8");
  const path = resolve(ctx.dir, from);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(t("edit-text.from.unreadable", { path: from, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
}

/**
 * Writes the target's text to `csr-edit/<id>-<section>.md` in csr's state directory (the git
 * directory: inside the repository, as git keeps COMMIT_EDITMSG), opens the editor on it and reads
 * it back. `unchanged` when the text read back is the text given (compared as normalText).
 * The editor: $VISUAL, else $EDITOR (run through the shell, as git runs them, so `code --wait` works),
 * else `editor`, `nano` or `vi`, whichever is installed (notepad on Windows), on a terminal only.
 * Errors: UserError without an editor, or when it fails (the file is kept and named).
 */
function runEditor(root: string, id: string, target: Target): { unchanged: true } | { unchanged: false; text: string; base: string; kept: string } {
  const base = currentText(target);
  const configured = process.env.VISUAL?.trim() || process.env.EDITOR?.trim();
  const editor = configured || defaultEditor();
  if (!editor || (!configured && process.stdin.isTTY !== true)) throw new UserError(t("edit-text.editor.none"), t("edit-text.editor.none.hint", { idArg: shellArgument(id) }));
  const folder = join(stateDirectory(root), "csr-edit");
  mkdirSync(folder, { recursive: true });
  const name = `${id}-${"section" in target ? target.section.number : "body"}`.replace(/[^A-Za-z0-9._-]+/g, "_");
  const path = join(folder, `${name}.md`);
  writeFileSync(path, base === "" ? "" : `${base}\n`);
  const run = process.platform === "win32"
    ? spawnSync(editor, [path], { stdio: "inherit", shell: true })
    : spawnSync("sh", ["-c", `${editor} "$@"`, editor, path], { stdio: "inherit" });
  if (run.error || run.status !== 0) throw new UserError(t("edit-text.editor.failed", { editor, code: run.error ? run.error.message : String(run.status ?? run.signal) }), t("edit-text.kept.only", { path }));
  const text = readFileSync(path, "utf8");
  if ("section" in target ? normalText(text) === base : normalText(text) === normalText(base)) {
    rmSync(path, { force: true });
    return { unchanged: true };
  }
  return { unchanged: false, text, base, kept: path };
}

/** The first of `editor`, `nano`, `vi` on the PATH (Debian's `editor` is the one the system chose); notepad on Windows. */
function defaultEditor(): string | undefined {
  if (process.platform === "win32") return "notepad";
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  return ["editor", "nano", "vi"].find((name) => dirs.some((dir) => existsSync(join(dir, name))));
}

/**
 * The findings of `csr check` (as the command runs it without --base) on the document's file after the
 * edit, with the csr/section-missing findings of the CSRs that cite the document.
 */
async function findingsAfter(session: EditSession, changes: readonly FileChange[], path: string, id: string): Promise<Finding[]> {
  // The repository as written: the session's, with the changed files read from their new text (as verifyChanges builds it), not loaded again.
  const written = new Set(changes.map((c) => c.path));
  const repo = buildRepository(session.root, [...session.repo.files.filter((f) => !written.has(f.path)), ...changes.map((c) => parseText(c.path, c.kind, c.text))]);
  const load = await import("../../load/base.js");
  // Only the edited document's releases are asked of git: its findings, and the CSR links to it, are the ones shown.
  const edited = repo.documents.filter(({ value }) => value.id === id);
  const released = await load.releasesChanged(session.root, edited);
  const inForce = await load.revisedInForce(session.root, edited);
  const { checkRepository } = await import("../../check/engine.js");
  const { findings } = checkRepository(repo, { today: localToday(), ...(released.size ? { released } : {}), ...(inForce.size ? { inForce } : {}) });
  const citing = new Set(repo.csrs.filter(({ value }) => value.addressed?.some((a) => a.document === id)).map(({ file }) => file.path));
  return findings.filter((f) => f.file === path || (f.rule === "csr/section-missing" && citing.has(f.file)));
}

/** `检查 QP-007：没有发现问题。`, or that line's heading and one `file:line:col severity rule message` line per finding, as `csr check` prints them. */
function findingsText(ctx: CommandContext, id: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return t("edit-text.check.clean", { id });
  const c = styles(ctx.color);
  return [
    t("edit-text.check.findings", { id }),
    ...findings.map((f) => `  ${visible(f.file)}:${f.line}:${f.column} ${f.severity === "error" ? c.red("error") : c.yellow("warning")} ${c.dim(f.rule)} ${visible(f.message)}`),
  ].join("\n");
}
