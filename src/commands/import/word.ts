/**
 * `csr import FILE.docx` and `csr import FOLDER`: controlled documents kept in Word become
 * documents/<ID>.yaml. Every file is read and planned before anything is written, so references
 * between the files of one import resolve; existing files are never overwritten; what could not
 * be taken over is listed with its place in the file; one summary and the `csr check` result end
 * the report. Exit code 1 when a file was refused, existed already or could not be written, or
 * when a file written has an error-level finding.
 */
import { lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { stringify } from "yaml";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { insideRepository } from "../../core/write.js";
import { runCheck } from "../../check/engine.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Repository } from "../../load/repository.js";
import { planWordDocument, type WordImportOptions, type WordPlan } from "../../import/docx/document.js";
import { readWordFile } from "../../import/docx/read.js";
import type { CommandContext } from "../context.js";
import type { NewPerson } from "../../import/plan.js";
import { refuseCommitOutsideGit, refuseUncommitted, type FileChange } from "../shared/persist.js";
import { editFile } from "../shared/edit.js";
import { completeFromWord, wordCompletionRefusal, type Completion } from "../../import/complete.js";
import { currentRevision } from "../../model/index.js";
import { applyChange } from "../shared/transaction.js";
import { departmentFlag, filesWithErrors, peopleEdit, reportCheck, reportPeople, withPlannedFiles, type ImportFlags } from "./index.js";

const WORD_KINDS = ["procedures", "instructions", "forms", "documents"] as const;

/** `path` as the user gave it (relative to ctx.dir): a .docx file or a folder. */
export async function importWord(ctx: CommandContext, root: string, repo: Repository, path: string, flags: ImportFlags, today: string): Promise<number> {
  if (flags.as !== undefined && !(WORD_KINDS as readonly string[]).includes(flags.as)) {
    throw new UserError(t("import.word.bad-as", { kinds: list(WORD_KINDS), as: flags.as }));
  }
  const department = departmentFlag(repo, flags);
  const options: WordImportOptions = {
    as: (flags.as as WordImportOptions["as"] | undefined) ?? "documents",
    ...(department !== undefined ? { department } : {}),
    lang: repo.config?.value.language ?? "zh-CN",
    addPeople: flags.addPeople,
  };
  const files = wordFiles(path, ctx.dir);
  const plans: WordPlan[] = [];
  for (const file of files) {
    try {
      const word = await readWordFile(file.abs, file.shown);
      plans.push(planWordDocument(word, file.shown, repo, options));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      plans.push({ file: file.shown, refused: error.message, issues: [], mentions: [] });
    }
  }
  const conflicts = settleTargets(plans, repo, root);
  resolveMentions(plans, repo);
  const refusals = new Map<WordPlan, string>();
  const completions = completeRegistered(conflicts, refusals, repo, root);

  const failed = new Map<WordPlan, string>();
  const toWrite = plans.filter((p) => p.data && !p.refused && !conflicts.has(p) && !completions.has(p));
  const people = newPeople([...toWrite, ...completions.keys()]);
  const edits = [...(flags.addPeople ? [peopleEdit(root, people)].filter((e) => e !== undefined) : []), ...[...completions.values()].map((c) => c.change)];
  if (!flags.dryRun && toWrite.length + completions.size > 0) {
    await refuseOnConflicts(root);
    if (flags.commit) {
      await refuseCommitOutsideGit(root);
      await refuseUncommitted(root, edits.filter((e) => !e.create).map((e) => e.path));
    }
    // As for registers: a target whose folder cannot be made is reported; the others are written together, all or none.
    const writable = toWrite.filter((plan) => {
      try {
        mkdirSync(dirname(insideRepository(root, plan.path!)), { recursive: true });
        return true;
      } catch (error) {
        failed.set(plan, error instanceof Error ? error.message : String(error));
        return false;
      }
    });
    const writes = [
      ...writable.map((plan) => ({ path: insideRepository(root, plan.path!), content: toYaml(plan), create: true })),
      ...edits.map((e) => ({ path: insideRepository(root, e.path), content: e.text, create: e.create })),
    ];
    // As for registers, the commit is the change's own step, undone with the files when the pre-commit hook refuses it.
    const commit = flags.commit && writes.length > 0 ? { message: t("commit.import", { file: basename(path), count: writable.length + completions.size }), paths: writes.map((w) => w.path) } : undefined;
    await applyChange(root, { writes, commit });
  }

  const out: string[] = [];
  for (const plan of plans) {
    out.push(...describe(plan, conflicts.get(plan), failed.get(plan), flags.dryRun === true, completions.get(plan), refusals.get(plan)), "");
  }
  const written = [...toWrite.filter((p) => !failed.has(p)), ...completions.keys()];
  const refused = plans.filter((p) => p.refused).length;
  const tally = [t("import.word.refused", { count: refused }), t("import.word.conflicts", { count: conflicts.size })];
  if (failed.size) tally.push(t("import.word.not-written", { count: failed.size }));
  const planned = written.filter((p) => !completions.has(p)).map((p) => ({ row: 0, path: p.path!, id: p.id!, kind: p.data!.kind, data: p.data! }));
  const after = flags.dryRun ? withPlannedFiles(root, planned, edits) : loadRepository(root);
  const findings = runCheck(after, { today });
  // As the register import: the files it wrote or completed count, not findings the repository had before.
  const faulty = filesWithErrors(findings, [...planned.map((p) => p.path), ...[...completions.values()].map((c) => c.change.path)]);
  if (faulty > 0) tally.push(t(flags.dryRun ? "import.register.would-fail-check" : "import.register.fails-check", { count: faulty }));
  // Each file's report ends with an empty line already.
  const added = reportPeople(people, flags, (p) => list(p.files), repo).slice(1);
  if (added.length) out.push(...added, "");
  out.push(t(flags.dryRun ? "import.word.would-import" : "import.word.imported", { count: written.length, total: plans.length, tally: tally.join(t("import.word.tally-separator")) }));
  if (flags.dryRun) out.push(t("import.dry-run"));
  out.push(...reportCheck(findings, root));
  ctx.stdout(out.join("\n") + "\n");
  return refused > 0 || conflicts.size > 0 || failed.size > 0 || faulty > 0 ? 1 : 0;
}

/** A new person with the Word files that name them. */
interface WordSigner extends NewPerson {
  files: string[];
}

/** The signers of the documents to write who are not in people.yaml, once each, with every role they signed in. */
function newPeople(plans: WordPlan[]): WordSigner[] {
  const people = new Map<string, WordSigner>();
  for (const plan of plans) {
    for (const signer of plan.signers ?? []) {
      const person = people.get(signer.id) ?? { id: signer.id, name: signer.id, roles: [], rows: [], files: [] };
      person.department ??= signer.department;
      if (signer.role && !person.roles.includes(signer.role)) person.roles.push(signer.role);
      if (!person.files.includes(basename(plan.file))) person.files.push(basename(plan.file));
      people.set(signer.id, person);
    }
  }
  return [...people.values()];
}

/** The .docx files to read: the one named, or those directly in the folder named (Word's ~$ lock files left out). */
function wordFiles(path: string, cwd: string): { abs: string; shown: string }[] {
  const abs = resolve(cwd, path);
  const stat = statSync(abs, { throwIfNoEntry: false });
  if (!stat) throw new UserError(t("import.no-file", { file: path }));
  if (!stat.isDirectory()) return [{ abs, shown: path }];
  const names = readdirSync(abs)
    .filter((n) => /\.docx$/i.test(n) && !n.startsWith("~$") && !n.startsWith("."))
    .sort();
  if (names.length === 0) throw new UserError(t("import.word.no-docx", { dir: path }), t("import.word.no-docx.hint"));
  return names.map((n) => ({ abs: join(abs, n), shown: join(path, n) }));
}

/** Plans whose target exists (never overwritten) or is another file's of this import. */
function settleTargets(plans: WordPlan[], repo: Repository, root: string): Map<WordPlan, string> {
  const conflicts = new Map<WordPlan, string>();
  const existing = new Set([...repo.documents.map((d) => d.value.id), ...repo.unvalidated.documents]);
  const seen = new Map<string, WordPlan>();
  for (const plan of plans) {
    if (!plan.path || plan.refused) continue;
    const key = plan.path.normalize("NFC").toLowerCase();
    const first = seen.get(key);
    if (first) {
      plan.refused = t("import.word.number-twice", { id: plan.id!, file: first.file });
      continue;
    }
    seen.set(key, plan);
    let onDisk = false;
    try {
      onDisk = lstatSync(insideRepository(root, plan.path), { throwIfNoEntry: false }) !== undefined;
    } catch {
      onDisk = false;
    }
    if (existing.has(plan.id!) || onDisk) conflicts.set(plan, t("import.exists", { path: plan.path }));
  }
  return conflicts;
}

/** A Word file that completes the document a register imported (import/complete.ts), and the change to its file. */
interface RegisteredCompletion extends Completion {
  change: FileChange;
  version: string;
}

/**
 * The conflicts that are a document imported from a register without its body and the Word
 * original of the same version (tester20 F10): the Word file completes that document's file instead
 * of being refused. Any other conflict stays one, with the reason when it is the same document.
 */
function completeRegistered(conflicts: Map<WordPlan, string>, refusals: Map<WordPlan, string>, repo: Repository, root: string): Map<WordPlan, RegisteredCompletion> {
  const completions = new Map<WordPlan, RegisteredCompletion>();
  for (const plan of conflicts.keys()) {
    const existing = repo.documents.find((d) => d.value.id === plan.id);
    if (!existing || !plan.data) continue;
    const refusal = wordCompletionRefusal(existing.value, plan.data);
    if (refusal) {
      // Said under the conflict: why this Word file cannot complete the document of its number.
      refusals.set(plan, refusal);
      continue;
    }
    const completion = completeFromWord(existing.value, plan.data);
    const change = editFile(root, existing.file.path, "document", (doc) => completion.edit(doc));
    completions.set(plan, { ...completion, change, version: currentRevision(existing.value)?.version ?? "" });
    conflicts.delete(plan);
  }
  return completions;
}

function describeCompletion(completion: RegisteredCompletion, dryRun: boolean): string[] {
  const { change, version, added, differences } = completion;
  const lines = [`  ${t(dryRun ? "import.complete.would" : "import.complete.done", { path: change.path, version, added: added.length ? list(added) : t("import.complete.nothing") })}`];
  if (differences.length > 0) {
    lines.push(`  ${t("import.complete.differences")}`, ...differences.map((d) => `    ${t("import.complete.difference", d as unknown as Record<string, string>)}`));
  }
  return lines;
}

/**
 * Documents named in the text (by number or 《title》), looked up in the repository and among the
 * files of this import: a form goes into `forms`, anything else into `related`; one that is found
 * nowhere is reported.
 */
function resolveMentions(plans: WordPlan[], repo: Repository): void {
  const known = new Map<string, { id: string; kind: string }>();
  const byTitle = new Map<string, string>();
  for (const d of repo.documents) {
    known.set(d.value.id, { id: d.value.id, kind: d.value.kind });
    byTitle.set(d.value.title, d.value.id);
    if (d.value.title_en) byTitle.set(d.value.title_en, d.value.id);
  }
  for (const p of plans) {
    if (!p.data || p.refused) continue;
    known.set(p.data.id, { id: p.data.id, kind: p.data.kind });
    byTitle.set(p.data.title, p.data.id);
  }
  // CSR ids and customers' source documents look like document numbers; they are known, not documents.
  const others = new Set([...repo.csrs.map((c) => c.value.id), ...repo.customers.flatMap((c) => (c.value.sources ?? []).map((s) => s.id))]);
  for (const plan of plans) {
    const doc = plan.data;
    if (!doc || plan.refused) continue;
    const related: string[] = [];
    const forms: string[] = [];
    const reported = new Set<string>();
    for (const m of plan.mentions) {
      const id = m.by === "number" ? m.text : byTitle.get(m.text);
      const target = id ? known.get(id) : undefined;
      if (!target && id && others.has(id)) continue;
      if (!target) {
        const shown = m.by === "title" ? `《${m.text}》` : m.text;
        if (!reported.has(shown)) plan.issues.push({ where: m.where, message: t("import.word.unknown-mention", { document: shown, id: doc.id }) });
        reported.add(shown);
        continue;
      }
      if (target.id === doc.id) continue;
      const listed = target.kind === "form" ? forms : related;
      if (!listed.includes(target.id)) listed.push(target.id);
    }
    // The keys in the order of the repository's own files: references before the sections.
    const { sections, ...rest } = doc;
    plan.data = { ...rest, ...(related.length ? { related } : {}), ...(forms.length ? { forms } : {}), ...(sections ? { sections } : {}) };
  }
}

function describe(plan: WordPlan, conflict: string | undefined, failure: string | undefined, dryRun: boolean, completion?: RegisteredCompletion, refusal?: string): string[] {
  const name = basename(plan.file);
  // A refusal is a sentence of its own (a UserError's message ends with its full stop).
  if (plan.refused) return [t("import.word.not-imported", { file: plan.file, reason: plan.refused.replace(/[.。]$/, "") }), ...issues(plan)];
  const doc = plan.data!;
  const version = doc.revisions?.[doc.revisions.length - 1]?.version;
  const sections = countSections(doc.sections ?? []);
  const counts = list([
    t("import.word.revisions", { count: doc.revisions?.length ?? 0 }),
    t("import.word.sections", { count: sections }),
    t("import.word.references", { count: (doc.related?.length ?? 0) + (doc.forms?.length ?? 0) }),
  ]);
  const facts = list([t(`import.word.kind.${doc.kind}`), t(`import.word.status.${doc.status}`), ...(version ? [version] : [])]);
  const lines = [t("import.word.document", { file: plan.file, id: doc.id, title: doc.title, facts, counts }), ...issues(plan)];
  if (completion) lines.push(...describeCompletion(completion, dryRun));
  else if (conflict) lines.push(`  ${t("import.word.conflict", { conflict, file: name })}`, ...(refusal ? [`  ${t("import.complete.refused", { reason: refusal })}`] : []));
  else if (failure) lines.push(`  ${t("import.not-written", { path: plan.path!, reason: failure })}`);
  else lines.push(`  ${t(dryRun ? "import.would-write" : "import.wrote", { path: plan.path! })}`);
  return lines;
}

function issues(plan: WordPlan): string[] {
  return plan.issues.map((i) => `  ${t("import.word.issue", { where: i.where, message: i.message })}`);
}

function countSections(sections: NonNullable<WordPlan["data"]>["sections"] & object): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.sections ?? []), 0);
}

function toYaml(plan: WordPlan): string {
  return stringify(plan.data, { lineWidth: 0 });
}
