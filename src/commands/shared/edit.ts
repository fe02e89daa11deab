/**
 * The steps every document-control command (new, address, implement, distribute, recall, train,
 * periodic-review) shares: find the repository, refuse during a merge conflict, edit YAML files
 * keeping their comments and layout, check the result like `csr check`, write atomically, and
 * with `--commit` commit exactly the files written; all of it under the repository lock, so two
 * commands never edit from the same stale read.
 */
import { noteSameNumber } from "./same-number.js";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, isMap, isScalar, parseDocument, type Node, type YAMLMap } from "yaml";
import { localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { didYouMean, oneLine } from "../../core/text.js";
import { list, t, type MessageKey } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { loadRepository, type Located, type Repository } from "../../load/repository.js";
import type { FileKind } from "../../load/source.js";
import { buildIndex, findProcess, isMilitaryRepresentative, type RepoIndex } from "../../model/index.js";
import { toolingNamed } from "../../model/tooling.js";
import type { ControlledDocument, Csr, Person, Process } from "../../model/types.js";
import { canPrompt, loadPrompts, missingFlag, type Prompts } from "../add/prompting.js";
import type { CommandContext } from "../context.js";
import { personChoiceList, refuseOutsidePerson, resolveDepartment, resolvePerson, worksOn } from "./people.js";
import { appendIn, persistChanges, refuseUnreadableConfig, verifyChanges, yamlText, type FileChange, type Persisted } from "./persist.js";
import { withRepositoryLock } from "./transaction.js";
import { dataToRepair, invalidFile, refuseInvalidCsr, refuseInvalidDocuments, refuseUnchanged, repairedLine, type Repair } from "./repair.js";

export interface EditSession {
  root: string;
  repo: Repository;
  index: RepoIndex;
  /** The prompts to ask with, or undefined with --yes / without a terminal. */
  ask: Prompts | undefined;
  /** The language records are written in: `language` of qms.yaml, else Chinese. */
  lang: "zh-CN" | "en";
  /** The command's stderr: a note on a document number two files carry (findDocumentById). */
  stderr(text: string): void;
  /** The invalid document and CSR files the command works from, written only if the change repairs them (shared/repair.ts). */
  repairs: Repair[];
}

/**
 * Runs `body` with the repository read under the repository lock (see transaction.ts), and
 * returns its exit code. `prompts` given: ask whatever the terminal (tests drive this).
 * `conflicted`: the files in conflict, when the command asked git already (refuseOnConflicts).
 */
export async function withEditSession(ctx: CommandContext, yes: boolean | undefined, prompts: Prompts | undefined, body: (session: EditSession) => Promise<number>, conflicted?: readonly string[]): Promise<number> {
  const root = findRoot(ctx.dir);
  await refuseOnConflicts(root, conflicted);
  return withRepositoryLock(ctx, root, async () => {
    const repo = loadRepository(root);
    // Before any person or department is looked up in them: "no such person" would hide the cause.
    refuseUnreadableConfig(repo);
    const ask = prompts ?? (canPrompt(yes) ? await loadPrompts() : undefined);
    return body({ root, repo, index: buildIndex(repo), ask, lang: repo.config?.value.language ?? "zh-CN", stderr: (text) => ctx.stderr(text), repairs: [] });
  });
}

/** Picks the text for the repository's language. */
export function inLanguage(session: EditSession, zh: string, en: string): string {
  return session.lang === "en" ? en : zh;
}

/** Edits one file of the repository through the YAML Document API; only the lines the edit touches change. */
export function editFile(root: string, path: string, kind: FileKind, edit: (doc: Document.Parsed) => void): FileChange {
  const original = readFileSync(join(root, path), "utf8");
  const doc = parseDocument(original);
  edit(doc);
  return { path, kind, text: yamlText(doc, original) };
}

/**
 * Checks the changes, writes them, prints `lines`, and with `commit` commits exactly these files
 * (or `only` those of them), with the uncommitted changes of the files of `along` (persistChanges).
 * Nothing is written when the result would add an error that `csr check` reports, nor when a file
 * the command worked from while it failed its schema (session.repairs) is not repaired by the change.
 */
export async function saveChanges(
  ctx: CommandContext,
  session: EditSession,
  changes: FileChange[],
  lines: string[],
  commit: { commit?: boolean; message: string; only?: string[]; along?: string[] },
): Promise<void> {
  // A file worked from but left unchanged is not repaired: refused as any command refuses it.
  for (const repair of session.repairs) if (!changes.some((c) => c.path === repair.path)) refuseUnchanged(session.repo, repair);
  verifyChanges(session.repo, changes, localToday(), session.repairs);
  const message = oneLine(commit.message);
  const persisted = await persistChanges(session.root, changes, commit.commit ? message : undefined, commit.only, commit.along);
  ctx.stdout([...lines, ...session.repairs.map(repairedLine)].join("\n") + "\n");
  reportPersisted(ctx, persisted, message);
}

/**
 * The last line of a writing command: `已提交 <hash>：<message>` when it committed; else, when files it
 * wrote differ from what git has committed, which ones and that they are not committed (the next step
 * is the user's: `git commit`, or the same command with --commit); nothing when no file changed.
 */
export function reportPersisted(ctx: CommandContext, persisted: Persisted, message: string): void {
  if (persisted.commit) ctx.stdout(t("edit.committed", { hash: persisted.commit, message }) + "\n");
  else if (persisted.uncommitted && persisted.uncommitted.length > 0) ctx.stdout(t("edit.written-uncommitted", { files: filesText(persisted.uncommitted) }) + "\n");
}

/** Up to three paths named; more as the first and their number (`customers/DYA.yaml 等 10 个文件`). */
function filesText(paths: readonly string[]): string {
  return paths.length <= 3 ? list(paths) : t("edit.files-many", { first: paths[0]!, count: paths.length });
}

/** A value from its flag, else from a prompt; with neither, the error names the flag. */
export async function need<T>(ask: Prompts | undefined, flag: string, what: string, question: (p: Prompts) => Promise<T>): Promise<T> {
  if (!ask) throw missingFlag(flag, what);
  return question(ask);
}

/** An optional prompt answer: blank means none. */
export function optionalAnswer(answer: string): string | undefined {
  const trimmed = answer.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * The document numbered `id` as the index takes it, saying on stderr when another file has the number too (noteSameNumber); else a UserError.
 * One whose file fails its schema is refused, naming its first error (shared/repair.ts); with `repair`, a command that sets fields (csr set)
 * is given its data without the fields that fail, and saveChanges writes the change only if it repairs the file.
 */
export function findDocumentById(session: EditSession, id: string, options: { repair?: boolean } = {}): Located<ControlledDocument> {
  const found = session.index.documents.get(id);
  if (found) {
    noteSameNumber(session.repo, found, session.stderr);
    return found;
  }
  const invalid = options.repair ? invalidFile(session.repo, "document", id) : undefined;
  const repairing = invalid && dataToRepair(invalid, "document", id);
  if (invalid && repairing) {
    session.repairs.push(repairing.repair);
    return { value: repairing.data as unknown as ControlledDocument, file: invalid, path: [] };
  }
  refuseInvalidDocuments(session.repo, [id], () => false);
  throw new UserError(t("edit.no-document", { id }) + didYouMean(id, session.index.documents.keys()));
}

/**
 * The CSR numbered `id`, else a UserError. One whose file fails its schema is refused, naming its first error and the
 * `csr set` that repairs it (shared/repair.ts); with `repair` (csr set), it is worked from as findDocumentById does a document's.
 */
export function findCsrById(session: EditSession, id: string, options: { repair?: boolean } = {}): Located<Csr> {
  const found = session.index.csrs.get(id);
  if (found) return found;
  if (session.repo.unvalidated.csrs.has(id)) {
    const invalid = options.repair ? invalidFile(session.repo, "csr", id) : undefined;
    const repairing = invalid && dataToRepair(invalid, "csr", id);
    if (invalid && repairing) {
      session.repairs.push(repairing.repair);
      return { value: repairing.data as unknown as Csr, file: invalid, path: [] };
    }
    refuseInvalidCsr(session.repo, id);
  }
  throw new UserError(t("edit.no-csr", { id }) + didYouMean(id, session.index.csrs.keys()));
}

/** The person an option names, by id or by name, and (given `on`) not gone by that day (resolvePerson). */
export function personOption(session: EditSession, given: string, flag: string, on?: string): Person {
  return resolvePerson(session.index, given, flag, on);
}

/**
 * The person an option names for the organisation's own work (an owner, a verifier, a reviewer): as
 * personOption, and refused when of an outside party other than the 军代表室 (refuseOutsidePerson).
 */
export function insiderOption(session: EditSession, given: string, flag: string, on?: string): Person {
  const person = resolvePerson(session.index, given, flag, on);
  refuseOutsidePerson(session.index, person, flag);
  return person;
}

/** The department (with `parties`, or outside party) an option names, by code or by name (resolveDepartment). */
export function departmentByCode(session: EditSession, given: string, flag: string, options: { parties?: boolean } = {}): string {
  return resolveDepartment(session.index, given, flag, options);
}

/**
 * The people who may be named for work dated `on` (default today): those who have not left by then
 * (worksOn, the rule refuseLeft applies to an option) and, with `organisation`, none of a military
 * representative office (军代表): the work is the organisation's own (refuseMilitaryWork). In
 * people.yaml's order.
 */
export function workingPeople(session: EditSession, options: { on?: string; organisation?: boolean; operators?: boolean } = {}): Person[] {
  const on = options.on ?? localToday();
  // An operator is offered for what an operator does (a copy held, csr distribute's holder), not for the organisation's signing and review duties.
  return session.repo.people.map((p) => p.value).filter((p) => worksOn(p, on) && !(options.organisation && isMilitaryRepresentative(session.index, p)) && (options.operators || !p.operator));
}

/** Person choices for a prompt (workingPeople, as personChoice shows them), the given department's people first. */
export function personChoices(session: EditSession, department?: string, options: { on?: string; organisation?: boolean; operators?: boolean } = {}): { value: string; name: string; short: string }[] {
  return personChoiceList(
    session.index,
    workingPeople(session, options).sort((a, b) => Number(a.department !== department) - Number(b.department !== department)),
  );
}

/** A list flag given as repeated values or as one comma-separated value: `--people a b`, `--people a,b`. */
export function listOption(values: readonly string[] | string | undefined): string[] {
  const list = typeof values === "string" ? [values] : (values ?? []);
  return list.flatMap((v) => v.split(/[,，\s]+/)).filter(Boolean);
}

/**
 * A list option of names that may hold spaces (a supplier's 供货范围 "GF-2 灌封胶"), from the values typed
 * (a variadic option's array, or one string) split at commas (`,` `，`) only, each trimmed; empty ones
 * dropped. listOption splits at spaces too, which suits ids, not names (tester81 J5).
 */
export function textListOption(values: readonly string[] | string | undefined): string[] {
  const list = typeof values === "string" ? [values] : (values ?? []);
  return list.flatMap((v) => v.split(/[,，]/)).map((v) => v.trim()).filter(Boolean);
}

/**
 * The process of processes.yaml that `given` names, by its code (any letter case) or its name
 * (findProcess). Errors: UserError, one line: `message` (a locale key given {{code}} and {{known}}, every
 * code of the repository; process.unknown unless a command words it its own way) and the nearest code.
 */
export function processByCode<P extends { value: Process }>(repo: { processes: readonly P[] }, given: string, message: MessageKey = "process.unknown"): P {
  const found = findProcess(repo.processes, given);
  if (found) return found;
  const codes = repo.processes.map((p) => p.value.code);
  throw new UserError(t(message, { code: given, known: list(codes) || t("process.none") }) + didYouMean(given, codes));
}

/**
 * Sets `key` of a file's top-level mapping to `node`: in place where the file has the key, else after
 * the last key present that comes before it in `order` (the order the command that creates the file
 * writes), so a reader finds it where it belongs.
 */
export function setInOrder(doc: Document.Parsed, order: readonly string[], key: string, node: Node): void {
  if (doc.has(key)) return void doc.set(key, node);
  const map = doc.contents as unknown;
  if (!isMap<unknown, unknown>(map)) throw new Error("a repository file is a mapping");
  setInMapOrder(doc, map, order, key, node);
}

/** Sets `key` of `map`, a mapping in `doc` (an entry of a list), as setInOrder sets a top-level key: in place, else where `order` puts it. */
export function setInMapOrder(doc: Document.Parsed, map: YAMLMap<unknown, unknown>, order: readonly string[], key: string, node: Node): void {
  if (map.has(key)) return void map.set(key, node);
  const before = new Set(order.slice(0, order.indexOf(key)));
  let index = 0;
  map.items.forEach((pair, i) => {
    if (before.has(String(isScalar(pair.key) ? pair.key.value : pair.key))) index = i + 1;
  });
  map.items.splice(index, 0, doc.createPair(key, node));
}

/**
 * The change that appends the entry `node(doc)` builds to the list `key` of the record file `path` (tooling.yaml,
 * first-articles.yaml, objectives.yaml, management-reviews.yaml, register-editions.yaml): the file edited in place,
 * or, when the repository has none yet, created holding the list with this entry alone.
 */
export function appendEntry(root: string, path: string, key: string, kind: FileKind, node: (doc: Document) => unknown): FileChange {
  const put = (doc: Document) => appendIn(doc, [key], node(doc));
  if (existsSync(join(root, path))) return editFile(root, path, kind, put);
  const doc = new Document({ [key]: [] });
  put(doc);
  return { path, kind, text: yamlText(doc), create: true };
}

/** The words of entryNamed's refusals: locale keys given {{id}}, and {{known}} for `unknown`; `hint` under `unknown`. */
export interface EntryRefusals {
  invalid: MessageKey;
  unknown: MessageKey;
  none: MessageKey;
  hint?: MessageKey;
}

/**
 * The entry of a record file (`entries`) that `given` names: its id, else in any letter case (FA-2026-001, obj-03).
 * Errors: UserError, one line: `refusals.invalid` when the file has an entry of that id its schema refused
 * (`unvalidated`; fix it first), else `refusals.unknown` naming every id (or `refusals.none`) and the nearest.
 */
export function entryNamed<E extends { value: { id: string } }>(entries: readonly E[], unvalidated: { has(id: string): boolean }, given: string, refusals: EntryRefusals): E {
  const found = toolingNamed(entries, given);
  if (found) return found;
  const id = given.normalize("NFKC").trim();
  if (unvalidated.has(id)) throw new UserError(t(refusals.invalid, { id }), t("edit.fix-first.hint"));
  const ids = entries.map((e) => e.value.id);
  throw new UserError(t(refusals.unknown, { id, known: list(ids) || t(refusals.none) }) + didYouMean(id, ids), refusals.hint ? t(refusals.hint) : undefined);
}
