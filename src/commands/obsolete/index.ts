/** `csr obsolete`: withdraw a document (作废), recording when, why and what replaces it, in one commit. */
import { documentLayoutOwner } from "../../model/layouts.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../core/errors.js";
import { didYouMean, shellArgument } from "../../core/text.js";
import { conjunction, list, sentences, t } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import { buildRepository, loadRepository, type Located, type Repository } from "../../load/repository.js";
import { parseText } from "../../load/source.js";
import { localToday } from "../../core/dates.js";
import type { Finding } from "../../core/diagnostic.js";
import { citations } from "../../model/citations.js";
import { isScalar, isSeq, type Document } from "yaml";
import { findingsAdded } from "../../check/added.js";
import { MENTION } from "../../check/rules/doc/obsolete-mentioned.js";
import { documentSections } from "../../model/sections.js";
import { stillControlled } from "../../model/distribution.js";
import { buildIndex, currentRevision, layoutSignatures, type RepoIndex } from "../../model/index.js";
import { processLabel } from "../../model/labels.js";
import { revisionEvent } from "../../model/recorded-events.js";
import type { ControlledDocument, FormUser, Person } from "../../model/types.js";
import { releasedRevisions } from "../../load/base.js";
import { releaseTag } from "../../model/paths.js";
import { compareIds } from "../../report/registers/context.js";
import { dateOption, eventDateAnswer, refuseBefore } from "../options.js";
import { canPrompt, loadPrompts, type Prompts } from "../add/prompting.js";
import { optionalAnswer } from "../shared/edit.js";
import type { CommandContext } from "../context.js";
import { copyList, resolvePerson } from "../shared/people.js";
import { refuseMilitarySigners, requireRole } from "../release/index.js";
import { refuseUncommitted, refuseUnreadableConfig } from "../shared/persist.js";
import { applyChange, runGit, withRepositoryLock } from "../shared/transaction.js";
import { editDocument, findDocument, refuseOtherStagedFiles, refuseUnlessGitIsClean, refuseWithoutIdentity, setAfter, withGitErrors } from "../release/document.js";

/**
 * The documents whose released versions used the form withdrawn last (`obsolete.used_by`), so that the
 * record list keeps naming the procedure that governed its records still kept (tester55 C11, C12): each
 * released document whose current version lists it in `forms`, and, the usual order of a form's
 * withdrawal (the procedure revised first, so that no document in force refers to it), each whose
 * earlier version listed it: the latest such version, however many revisions back (its records may
 * still be kept), each read from its release tag, or the commit that recorded it (one batch for all).
 */
async function lastUsers(root: string, repo: Repository, form: string): Promise<FormUser[]> {
  const released = repo.documents.filter(({ value }) => value.status === "released" && value.kind !== "form" && currentRevision(value) !== undefined);
  const users: FormUser[] = released.filter(({ value }) => value.forms?.includes(form)).map(({ value }) => ({ document: value.id, version: currentRevision(value)!.version }));
  const replaced = released.filter(({ value }) => !value.forms?.includes(form) && (value.revisions?.length ?? 0) > 1);
  // Each earlier version of each, newest first.
  const earlier = replaced.map(({ value, file }) => value.revisions!.slice(0, -1).reverse().map((r) => ({ id: value.id, path: file.path, version: r.version })));
  const before = await releasedRevisions(root, earlier.flat());
  for (const versions of earlier) {
    const last = versions.find((w) => before.get(releaseTag(w.id, w.version))?.forms?.includes(form));
    if (last) users.push({ document: last.id, version: last.version });
  }
  return users.sort((a, b) => compareIds(a.document, b.document));
}

/** Ids a `--superseded-by` typo may have meant: documents in force other than the one withdrawn. */
const successors = (index: RepoIndex, withdrawn: string): string[] =>
  [...index.documents].filter(([id, d]) => id !== withdrawn && d.value.status !== "obsolete").map(([id]) => id);

const REFERENCE_FIELDS = ["related", "forms"] as const;
type ReferenceField = (typeof REFERENCE_FIELDS)[number];

/** A document not in force that refers to the withdrawn one, and what becomes of its reference. */
interface SettledDraft extends Located<ControlledDocument> {
  fields: ReferenceField[];
  /** The file with the reference replaced, when csr replaces it; undefined when the user must act. */
  text?: string;
  /** What else was done (replaced), or what remains to do, in one sentence (left alone). */
  note?: string;
}

/**
 * A draft is not in force, so csr brings its references up to date itself: the withdrawn document is
 * replaced by its successor in `related` and `forms`, in the same commit as the withdrawal. Left to
 * the user, with what to do, are: a draft without a successor to refer to (what to refer to instead
 * is the author's call); one in review (its reviewers must see the change); one with uncommitted
 * changes (csr would commit them unseen); and a form reference whose successor is not a form.
 * A draft that lists the successor already, or is the successor, just loses the old reference.
 */
async function settleDrafts(root: string, drafts: Located<ControlledDocument>[], withdrawn: ControlledDocument, successor: ControlledDocument | undefined): Promise<SettledDraft[]> {
  const settled: SettledDraft[] = [];
  for (const draft of drafts) {
    const fields = REFERENCE_FIELDS.filter((field) => draft.value[field]?.includes(withdrawn.id));
    const where = list(fields.map((field) => t(`obsolete.field.${field}`)));
    const todo = (key: `obsolete.todo.${"no-successor" | "in-review" | "not-a-form" | "uncommitted"}`) => settled.push({ ...draft, fields, note: t(key, { id: withdrawn.id, successor: successor?.id ?? "", fields: where }) });
    if (!successor) todo("obsolete.todo.no-successor");
    else if (draft.value.status === "in-review") todo("obsolete.todo.in-review");
    else if (fields.includes("forms") && successor.kind !== "form" && draft.value.id !== successor.id) todo("obsolete.todo.not-a-form");
    else if ((await runGit(root, ["status", "--porcelain", "-z", "--", draft.file.path])).stdout !== "") todo("obsolete.todo.uncommitted");
    else {
      const self = draft.value.id === successor.id;
      const listed = !self && fields.some((field) => draft.value[field]!.includes(successor.id));
      const text = editDocument(readFileSync(join(root, draft.file.path), "utf8"), (yaml) => fields.forEach((field) => replaceReference(yaml, field, withdrawn.id, self ? undefined : successor.id)));
      const note = self ? t("obsolete.replaced-self", { id: withdrawn.id }) : listed ? t("obsolete.replaced-listed", { id: withdrawn.id, successor: successor.id }) : undefined;
      settled.push({ ...draft, fields, text, ...(note ? { note } : {}) });
    }
  }
  return settled;
}

/** In the list `field`, `from` becomes `to` (keeping its place and style), or goes when `to` is listed already or undefined. */
function replaceReference(yaml: Document.Parsed, field: ReferenceField, from: string, to: string | undefined): void {
  const items = yaml.get(field, true);
  if (!isSeq(items)) return;
  let listed = to !== undefined && items.items.some((item) => isScalar(item) && item.value === to);
  items.items = items.items.filter((item) => {
    if (!isScalar(item) || item.value !== from) return true;
    if (listed || to === undefined) return false;
    item.value = to;
    listed = true;
    return true;
  });
}

/**
 * The withdrawn document's titles (Chinese and English) that its readers could still be sent to, and
 * what each becomes: the successor's title in the same language (its Chinese one when it has no
 * English one), or undefined without a successor. A title that a document not withdrawn bears too
 * (the successor kept it) still names a document in force, so it is left out, as doc/obsolete-mentioned does.
 */
function withdrawnTitles(documents: readonly Located<ControlledDocument>[], withdrawn: ControlledDocument, successor: ControlledDocument | undefined): Map<string, string | undefined> {
  const borne = new Set(documents.filter((d) => d.value.id !== withdrawn.id && d.value.status !== "obsolete").flatMap((d) => [d.value.title, d.value.title_en]));
  const titles = new Map<string, string | undefined>();
  if (!borne.has(withdrawn.title)) titles.set(withdrawn.title, successor?.title);
  if (withdrawn.title_en && !borne.has(withdrawn.title_en)) titles.set(withdrawn.title_en, successor ? (successor.title_en ?? successor.title) : undefined);
  return titles;
}

/** The sections of `doc` whose text mentions one of `titles` in book-title marks, by number and where they are. */
function mentioningSections(doc: ControlledDocument, titles: ReadonlyMap<string, unknown>) {
  return documentSections(doc).filter(({ section }) => [...(section.text ?? "").matchAll(MENTION)].some((match) => titles.has(match[1]!.trim())));
}

/** A document not in force whose text mentions 《the withdrawn title》, and what becomes of the mentions. */
interface MentioningDraft extends Located<ControlledDocument> {
  /** Numbers of the sections that mention it. */
  sections: string[];
  /** Whether csr rewrote them, in the same commit as the withdrawal. */
  rewritten: boolean;
  /** What remains to do, when csr left them. */
  note?: string;
}

/**
 * A draft's text that sends its reader to the withdrawn document by title (填写《采购申请单》) is
 * brought up to date with its references: 《old title》 becomes 《successor's title》 in the same
 * commit, under the same conditions (a successor named, the draft not in review and without
 * uncommitted changes), unless the draft is the successor itself. `edited` holds the drafts' new
 * text from the reference replacement, and gets the rewritten ones.
 */
async function rewriteMentions(root: string, drafts: Located<ControlledDocument>[], titles: ReadonlyMap<string, string | undefined>, successor: ControlledDocument | undefined, edited: Map<string, string>): Promise<MentioningDraft[]> {
  const out: MentioningDraft[] = [];
  for (const draft of drafts) {
    const found = mentioningSections(draft.value, titles);
    if (found.length === 0) continue;
    const sections = found.map((s) => s.number);
    const todo = (key: `obsolete.mention-todo.${"no-successor" | "self" | "in-review" | "uncommitted"}`) => out.push({ ...draft, sections, rewritten: false, note: t(key, { successor: [...titles.values()][0] ?? "" }) });
    if (!successor) todo("obsolete.mention-todo.no-successor");
    // The withdrawn document merged into this one: 《its own title》 would read as nonsense; the author rewrites the sentence.
    else if (draft.value.id === successor.id) todo("obsolete.mention-todo.self");
    else if (draft.value.status === "in-review") todo("obsolete.mention-todo.in-review");
    else if (!edited.has(draft.file.path) && (await runGit(root, ["status", "--porcelain", "-z", "--", draft.file.path])).stdout !== "") todo("obsolete.mention-todo.uncommitted");
    else {
      const before = edited.get(draft.file.path) ?? readFileSync(join(root, draft.file.path), "utf8");
      const text = editDocument(before, (yaml) => {
        for (const { path } of found) {
          const node = yaml.getIn([...path, "text"], true);
          if (isScalar(node) && typeof node.value === "string") node.value = node.value.replace(MENTION, (whole, title: string) => (titles.has(title.trim()) ? `《${titles.get(title.trim())!}》` : whole));
        }
      });
      edited.set(draft.file.path, text);
      out.push({ ...draft, sections, rewritten: true });
    }
  }
  return out;
}

/**
 * A document in force must not send its readers to a withdrawn one: obsolete documents are kept
 * from unintended use (7.5.3.2 of IATF 16949, GJB 9001C and ISO 9001; the message cites the
 * standards in scope). So a released document that still refers to it or mentions its title, a CSR
 * addressed in it alone, a register printed on it, are put right first (a released document by a
 * new revision), and the document is withdrawn after. The rules run today on the repository as it
 * will be after the withdrawal (`written`: the files by path, the withdrawn document and the drafts
 * brought up to date), as csr check and the pre-commit hook will on its commit, and the errors it
 * adds (those not there before) refuse it before anything is written, where the hook would refuse
 * the commit after. A repository that sets such a rule to `warning` withdraws, and the command lists
 * what is left to do.
 * Errors: UserError with one line per error added (file:line:col rule message, the message saying how to fix it).
 */
async function refuseErrorsAdded(repo: Repository, written: ReadonlyMap<string, string>, id: string): Promise<void> {
  const { runCheck } = await import("../../check/engine.js");
  const today = localToday();
  const errors = (r: Repository) => runCheck(r, { today }).filter((f) => f.severity === "error");
  const key = (f: Finding) => [f.file, f.rule, f.message].join("\0");
  const files = repo.files.map((f) => (written.has(f.path) ? parseText(f.path, f.kind, written.get(f.path)!) : f));
  const { added } = findingsAdded(errors(repo), errors(buildRepository(repo.root, files)), key);
  if (added.length === 0) return;
  const lines = added.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
  throw new UserError([t("obsolete.findings", { id, count: added.length, clause: list(citations(repo.config?.value.standards, "document-control")) }), ...lines].join("\n"), t("obsolete.findings.hint", { id }));
}

/**
 * The withdrawal commit holds the withdrawal alone, as its message says (7.5.3: git history is the
 * withdrawal's evidence): a file never committed (its registration and distribution would go in with
 * it) or with uncommitted changes is refused, as every --commit command refuses (persist.ts refuseUncommitted).
 */
async function refuseUncommittedRecord(root: string, path: string): Promise<void> {
  if ((await runGit(root, ["ls-tree", "--name-only", "HEAD", "--", path])).stdout.trim() === "") {
    throw new UserError(t("obsolete.never-committed", { path }), t("obsolete.never-committed.hint"));
  }
  await refuseUncommitted(root, path, { key: "obsolete.uncommitted", hint: "obsolete.uncommitted.hint" });
}

export interface ObsoleteFlags {
  reason?: string;
  supersededBy?: string;
  date?: string;
  /** Who approved the withdrawal (批准人): a person with the role approver, by id or name. */
  approvedBy?: string;
  /** The 军代表 who agreed to it: required where the document's layout has a 军代表 cell. */
  militaryRepresentative?: string;
  yes?: boolean;
}

/**
 * Whether the withdrawal of `doc` on `date` needs the 军代表's agreement: its level's printed layout (qms.yaml
 * document_layouts) has a 军代表 cell, as csr release requires the 军代表's signature of each revision (GJB 9001C
 * 7.5.3: the withdrawal of a document the customer's representative signed is agreed with them too). An external
 * document is the publisher's: the organisation withdraws its copy alone.
 */
function militaryAgreementNeeded(repo: Repository, doc: ControlledDocument, date: string): boolean {
  return doc.kind !== "external" && layoutSignatures(repo, doc, date).has("military_representative");
}

/**
 * Who approved the withdrawal and, where needed, the 军代表 who agreed (tester68 G6): a withdrawal is a change of the
 * document (GJB 9001C / IATF 16949 7.5.3.2), approved as its release was. Both are checked as csr release checks its
 * signers: people of people.yaml working on `date`, the approver with the role approver and not of the 军代表室, the
 * 军代表 of it (where qms.yaml has one) and not the approver.
 * Errors: UserError naming the options missing (where the layout has a 军代表 cell), an unknown person, a role missing.
 */
function withdrawalSigners(repo: Repository, index: RepoIndex, doc: ControlledDocument, flags: ObsoleteFlags, date: string): { approver?: Person; military?: Person } {
  const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const [approvedBy, militaryRepresentative] = [given(flags.approvedBy), given(flags.militaryRepresentative)];
  if (militaryAgreementNeeded(repo, doc, date) && (!approvedBy || !militaryRepresentative)) {
    const missing = [...(approvedBy ? [] : ["--approved-by"]), ...(militaryRepresentative ? [] : ["--military-representative"])];
    throw new UserError(t("obsolete.needs-military", { id: doc.id, owner: documentLayoutOwner(repo, doc, date), count: missing.length, flags: conjunction(missing.map((flag) => `${flag} ${t("release.layout-signature.person")}`)) }), t("obsolete.needs-military.hint", { id: shellArgument(doc.id) }));
  }
  const approver = approvedBy ? resolvePerson(index, approvedBy, "--approved-by", date) : undefined;
  const military = militaryRepresentative ? resolvePerson(index, militaryRepresentative, "--military-representative", date) : undefined;
  refuseMilitarySigners(index, [
    ["approved", "--approved-by", approver ? [approver] : []],
    ["military_representative", "--military-representative", military ? [military] : []],
  ]);
  if (approver) requireRole(approver, "approver", "--approved-by");
  if (military && military.id === approver?.id) throw new UserError(t("release.military-representative-approver", { name: military.name, id: military.id }));
  return { ...(approver ? { approver } : {}), ...(military ? { military } : {}) };
}

export async function obsoleteCommand(ctx: CommandContext, id: string, flags: ObsoleteFlags): Promise<number> {
  return obsoleteDocument(ctx, id, flags);
}

/** `prompts` given: ask whatever the terminal (tests drive this). */
export async function obsoleteDocument(ctx: CommandContext, id: string, flags: ObsoleteFlags, prompts?: Prompts): Promise<number> {
  return withGitErrors(async () => withdraw(ctx, id, await askedWithdrawal(ctx, id, flags, prompts)));
}

/**
 * Without --reason at a terminal, the withdrawal is asked (tester50b #2): the reason, the document
 * that replaces it (may be left blank; checked as --superseded-by is, a wrong one re-asked with the
 * one meant), and the date (today offered, not before the current revision). Read from the
 * repository as it is now; under the lock everything is checked again.
 */
async function askedWithdrawal(ctx: CommandContext, id: string, flags: ObsoleteFlags, prompts?: Prompts): Promise<ObsoleteFlags> {
  if (flags.reason?.trim()) return flags;
  const ask = prompts ?? (canPrompt(flags.yes) ? await loadPrompts() : undefined);
  if (!ask) return flags;
  const repo = loadRepository(findRoot(ctx.dir));
  const index = buildIndex(repo);
  // Another file with the number is said once, when the document is withdrawn below.
  const doc = findDocument(repo, index, id, () => undefined).value;
  if (doc.status === "obsolete") throw new UserError(t("obsolete.already", { id, date: doc.obsolete?.date ?? t("obsolete.unrecorded-date") }));
  const reason = (await ask.input({ message: t("obsolete.prompt.reason", { id }), required: true })).trim();
  const supersededBy =
    flags.supersededBy ??
    optionalAnswer(
      await ask.input({
        message: t("obsolete.prompt.successor"),
        validate: (v) => {
          const given = v.trim();
          return given === "" ? true : (successorProblem(index, id, given) ?? true);
        },
      }),
    );
  const current = currentRevision(doc);
  const date =
    flags.date ??
    (await ask.input({ message: t("obsolete.prompt.date"), default: localToday(), validate: eventDateAnswer(current ? { follows: { ...revisionEvent(current), of: doc.id } } : {}) })).trim();
  // Where the layout has a 军代表 cell the withdrawal is refused without its approver and 军代表: asked for, by id or name.
  const needed = militaryAgreementNeeded(repo, doc, date);
  const person = async (key: "obsolete.prompt.approved-by" | "obsolete.prompt.military-representative") => (await ask.input({ message: t(key, { id }), required: true })).trim();
  const approvedBy = flags.approvedBy ?? (needed ? await person("obsolete.prompt.approved-by") : undefined);
  const militaryRepresentative = flags.militaryRepresentative ?? (needed ? await person("obsolete.prompt.military-representative") : undefined);
  return { ...flags, reason, ...(supersededBy ? { supersededBy } : {}), date, ...(approvedBy ? { approvedBy } : {}), ...(militaryRepresentative ? { militaryRepresentative } : {}) };
}

/**
 * The refusal of a withdrawal dated after `today`: a record of what was done is not dated in the future
 * (date/in-future), and a planned end is not a withdrawal. A document meant to end on a day is a
 * temporary one (临时变更/偏离, IATF 16949 8.5.6.1.1): released with `--until` (valid_until), which
 * doc/temporary-expired tracks; it is withdrawn on that day or after (tester61 L4).
 */
function plannedEnd(doc: ControlledDocument, date: string, today: string): string {
  const until = doc.status === "released" ? doc.valid_until : undefined;
  return until === undefined ? t("obsolete.planned-end", { id: doc.id, date, today }) : t("obsolete.planned-end.temporary", { id: doc.id, date, today, until });
}

/** What is wrong with `successor` as the document replacing `id`, or undefined. */
function successorProblem(index: RepoIndex, id: string, successor: string): string | undefined {
  const replacement = index.documents.get(successor)?.value;
  if (!replacement) return t("obsolete.prompt.no-successor", { id: successor }) + didYouMean(successor, successors(index, id));
  if (successor === id) return t("obsolete.prompt.successor-self");
  if (replacement.status === "obsolete") return t("obsolete.prompt.successor-obsolete", { id: successor });
  return undefined;
}

/** Everything that can refuse is checked before the file is written; the write and commit go together or not at all. */
async function withdraw(ctx: CommandContext, id: string, flags: ObsoleteFlags): Promise<number> {
  const today = localToday();
  const date = dateOption(flags.date, "--date", today);
  const reason = flags.reason?.trim();
  if (!reason) throw new UserError(t("obsolete.needs-reason"));
  const root = findRoot(ctx.dir);
  await refuseUnlessGitIsClean(root);
  return withRepositoryLock(ctx, root, async () => {
    const repo = loadRepository(root);
    refuseUnreadableConfig(repo);
    const index = buildIndex(repo);
    const { value: doc, file } = findDocument(repo, index, id, (text) => ctx.stderr(text));
    if (doc.status === "obsolete") throw new UserError(t("obsolete.already", { id, date: doc.obsolete?.date ?? t("obsolete.unrecorded-date") }));
    if (date > today) throw new UserError(plannedEnd(doc, date, today));
    const current = currentRevision(doc);
    if (current) refuseBefore(date, "--date", { ...revisionEvent(current), of: doc.id });
    const successor = flags.supersededBy;
    if (successor !== undefined) {
      const replacement = index.documents.get(successor)?.value;
      if (!replacement) throw new UserError(sentences(t("obsolete.no-successor", { id: successor }) + didYouMean(successor, successors(index, id)), t("obsolete.no-successor.add-first")));
      if (successor === id) throw new UserError(t("obsolete.successor-self"));
      if (replacement.status === "obsolete") throw new UserError(t("obsolete.successor-obsolete", { id: successor }));
    }
    await refuseOtherStagedFiles(root, file.path);
    await refuseUncommittedRecord(root, file.path);
    await refuseWithoutIdentity(root);
    const { approver, military } = withdrawalSigners(repo, index, doc, flags, date);
    const usedBy = doc.kind === "form" ? await lastUsers(root, repo, doc.id) : [];
    const obsolete: NonNullable<ControlledDocument["obsolete"]> = {
      date,
      reason,
      ...(approver ? { approved_by: approver.id } : {}),
      ...(military ? { military_representative: military.id } : {}),
      ...(successor ? { superseded_by: successor } : {}),
      ...(usedBy.length > 0 ? { used_by: usedBy } : {}),
    };
    const text = editDocument(readFileSync(join(root, file.path), "utf8"), (yaml) => {
      yaml.set("status", "obsolete");
      setAfter(yaml, "obsolete", obsolete, "status");
    });
    const replacement = successor ? index.documents.get(successor)!.value : undefined;
    const referring = repo.documents.filter((d) => d.value.status !== "obsolete" && REFERENCE_FIELDS.some((field) => d.value[field]?.includes(doc.id)));
    const released = referring.filter((d) => d.value.status === "released");
    const drafts = await settleDrafts(root, referring.filter((d) => d.value.status !== "released"), doc, replacement);
    const replaced = drafts.filter((d) => d.text !== undefined);
    const titles = withdrawnTitles(repo.documents, doc, replacement);
    const edited = new Map(replaced.map((d) => [d.file.path, d.text!]));
    const others = repo.documents.filter((d) => d.value.id !== doc.id);
    const mentioning = await rewriteMentions(root, others.filter((d) => d.value.status === "draft" || d.value.status === "in-review"), titles, replacement, edited);
    await refuseErrorsAdded(repo, new Map([[file.path, text], ...edited]), doc.id);
    const applied = await applyChange(root, {
      writes: [{ path: join(root, file.path), content: text }, ...[...edited].map(([path, content]) => ({ path: join(root, path), content }))],
      commit: { message: t("commit.obsolete", { id: doc.id, reason }), paths: [file.path, ...edited.keys()].map((p) => join(root, p)) },
    });
    ctx.stdout(t("obsolete.withdrew", { id: doc.id, path: file.path, date, commit: applied.commit! }) + "\n");
    if (usedBy.length > 0) ctx.stdout(t("obsolete.used-by", { id: doc.id, users: list(usedBy.map((u) => `${u.document} ${u.version}`)) }) + "\n");
    const entry = (value: ControlledDocument, path: string, fields: readonly ReferenceField[]) =>
      `  ${path}  ${value.id} ${value.title}${t("obsolete.fields", { fields: list(fields.map((field) => t(`obsolete.field.${field}`))) })}`;
    if (replaced.length > 0) {
      ctx.stdout(t("obsolete.drafts-replaced", { id: doc.id, successor: successor! }) + "\n");
      for (const d of replaced) ctx.stdout(entry(d.value, d.file.path, d.fields) + (d.note ?? "") + "\n");
    }
    const remaining = drafts.filter((d) => d.text === undefined);
    if (remaining.length > 0) {
      ctx.stdout(t("obsolete.drafts-remaining", { id: doc.id }) + "\n");
      for (const d of remaining) ctx.stdout(`  ${d.file.path}  ${d.value.id} ${d.value.title}${t("obsolete.todo", { todo: d.note! })}\n`);
    }
    if (released.length > 0) {
      // The successor itself cannot refer to itself instead: it only drops the reference.
      const others = released.filter((d) => d.value.id !== successor);
      ctx.stdout((successor && others.length > 0 ? t("obsolete.referring-successor", { id: doc.id, successor }) : t("obsolete.referring", { id: doc.id })) + "\n");
      for (const { value, file: at } of released) {
        const self = value.id === successor;
        ctx.stdout(entry(value, at.path, REFERENCE_FIELDS.filter((field) => value[field]?.includes(doc.id))) + (self ? t("obsolete.referring-self") : "") + "\n");
      }
    }
    // A register printed on the withdrawn form (qms.yaml registers.forms) refers to it too (config/register-form).
    const registers = Object.entries(repo.config?.value.registers?.forms ?? {}).filter(([, number]) => number === doc.id).map(([register]) => register);
    if (registers.length > 0) ctx.stdout(t(successor ? "obsolete.register-forms-successor" : "obsolete.register-forms", { id: doc.id, registers: list(registers), successor: successor ?? "" }) + "\n");
    // A process of processes.yaml listing it (doc/obsolete-referenced): csr obsolete refuses while the rule is an error.
    const processes = repo.processes.filter((p) => p.value.documents?.includes(doc.id));
    if (processes.length > 0) {
      ctx.stdout(t("obsolete.processes", { id: doc.id }) + "\n");
      for (const { value, file: at } of processes) ctx.stdout(`  ${at.path}  ${processLabel(value)}\n`);
    }
    // Headings name the withdrawn title mentioned first (the Chinese one unless the successor kept it) and what it becomes.
    const [title = "", successorTitle = ""] = [...titles][0] ?? [];
    const sectionsOf = (d: Located<ControlledDocument>, sections: readonly string[]) => `  ${d.file.path}  ${d.value.id} ${d.value.title}${t("obsolete.sections", { sections: list(sections) })}`;
    const rewritten = mentioning.filter((d) => d.rewritten);
    if (rewritten.length > 0) {
      ctx.stdout(t("obsolete.mentions-rewritten", { title, successor: successorTitle }) + "\n");
      for (const d of rewritten) ctx.stdout(sectionsOf(d, d.sections) + "\n");
    }
    const unchanged = mentioning.filter((d) => !d.rewritten);
    if (unchanged.length > 0) {
      ctx.stdout(t("obsolete.mentions-remaining", { title }) + "\n");
      for (const d of unchanged) ctx.stdout(sectionsOf(d, d.sections) + t("obsolete.todo", { todo: d.note! }) + "\n");
    }
    const mentionedIn = others.filter((d) => d.value.status === "released").map((d) => ({ d, sections: mentioningSections(d.value, titles).map((s) => s.number) })).filter((m) => m.sections.length > 0);
    if (mentionedIn.length > 0) {
      ctx.stdout((replacement ? t("obsolete.mentioning-successor", { title, successor: successorTitle }) : t("obsolete.mentioning", { title })) + "\n");
      for (const { d, sections } of mentionedIn) ctx.stdout(sectionsOf(d, sections) + (d.value.id === replacement?.id ? t("obsolete.mentioning-self") : "") + "\n");
    }
    const csrs = repo.csrs.filter((c) => !c.value.superseded && (c.value.addressed ?? []).some((a) => a.document === doc.id));
    if (csrs.length > 0) {
      ctx.stdout(t("obsolete.addressed-csrs", { id: doc.id }) + "\n");
      for (const { value, file: at } of csrs) ctx.stdout(`  ${at.path}  ${value.id} ${value.title}\n`);
    }
    const copies = (doc.distribution ?? []).filter(stillControlled);
    if (copies.length > 0) {
      ctx.stdout(t("obsolete.to-recall", { copies: copyList(index, copies), id: shellArgument(doc.id) }) + "\n");
    }
    return 0;
  });
}
