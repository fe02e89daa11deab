/**
 * A write command and a document or CSR whose file fails its schema (tester67b B3). csr changes only valid
 * files: a file that fails its schema is not in the index, so no rule checks what a change would
 * make of it, and the command would work from half a document. One change is the exception: the one
 * that repairs the file, as `csr set HL-QP-006 --department PRD` gives the department an import left
 * out, or `csr set DYA-010 --clauses 8.3.4.4` a CSR's clauses. The command (csr set) works from the file's data without the fields that fail (those it may
 * set anew), the change is applied in memory, and it is written only if the file then passes its
 * schema, so that every rule checks it again, and adds no error (persist.ts verifyChanges).
 * "Fewer errors and none new" is not enough: a file still failing its schema is still checked by
 * none of the rules, so an error the change makes would pass unseen.
 *
 * Any other command refuses such a document or CSR in one line that names the file, its first error (rule,
 * line) and the `csr set` that repairs it where there is one; a command given several documents
 * (`csr sign` of 21) names every such file at once, before it changes any (all or nothing).
 */
import { UserError } from "../../core/errors.js";
import { isRecord } from "../../core/guards.js";
import { firstSentence, shellArgument } from "../../core/text.js";
import { list, sentences, t, type MessageKey } from "../../i18n/index.js";
import type { Repository } from "../../load/repository.js";
import { failingFields } from "../../load/schemas.js";
import { isBlocking } from "../../load/silent.js";
import type { LoadProblem, SourceFile } from "../../load/source.js";

/** The kinds of file csr set repairs: a document's and a CSR's. */
export type RepairedKind = "document" | "csr";

/** A document or CSR file the command works from while it fails its schema: written only if the change repairs it. */
export interface Repair {
  kind: RepairedKind;
  id: string;
  path: string;
  /** The file's errors before the change, which the output names once they are gone. */
  before: LoadProblem[];
  /** The fields that failed the schema, left out of the data the command worked from. */
  fields: string[];
}

/** What a command reads of every document or CSR: without one of these, the file is not worked from. */
const ESSENTIALS: Record<RepairedKind, readonly string[]> = {
  document: ["id", "title", "level", "kind", "status"],
  csr: ["id", "customer", "source"],
};

/** The `csr set` option (locale key of `--flag <what>`) that gives each field of a document or CSR file. */
const SET_FLAG: Record<RepairedKind, Record<string, MessageKey>> = {
  document: {
    department: "repair.flag.department",
    classification: "repair.flag.classification",
    clauses: "repair.flag.clauses",
    processes: "repair.flag.processes",
    remarks: "repair.flag.remarks",
    title_en: "repair.flag.title-en",
  },
  csr: {
    title: "repair.flag.title",
    title_en: "repair.flag.title-en",
    text: "repair.flag.text",
    clauses: "repair.flag.clauses",
    category: "repair.flag.category",
    received: "repair.flag.received",
    classification: "repair.flag.classification",
  },
};

/** The file of the document or CSR numbered `id` that failed its schema (repo.unvalidated), if it can be read. */
export function invalidFile(repo: Repository, kind: RepairedKind, id: string): SourceFile | undefined {
  return repo.files.find((f) => f.kind === kind && isRecord(f.data) && f.data.id === id && f.problems.some(isBlocking));
}

/**
 * The repair of an invalid document or CSR file and the data a repairing command works from: as
 * written, without the fields that fail the schema (a change that sets one anew repairs it); undefined
 * when the file is no mapping, has an error that is not the schema's, or lacks what every command
 * reads of a document or CSR.
 */
export function dataToRepair(file: SourceFile, kind: RepairedKind, id: string): { repair: Repair; data: Record<string, unknown> } | undefined {
  if (!isRecord(file.data) || file.problems.some((p) => isBlocking(p) && !p.rule.startsWith("schema/"))) return undefined;
  const failing = failingFields(file.kind, file.data);
  if (failing.includes("") || failing.some((field) => ESSENTIALS[kind].includes(field))) return undefined;
  return {
    repair: { kind, id, path: file.path, before: file.problems.filter(isBlocking), fields: failing },
    data: Object.fromEntries(Object.entries(file.data).filter(([key]) => !failing.includes(key))),
  };
}

/**
 * Refuses the documents of `ids` whose file fails its schema, before anything is written, all in one
 * message: each file with its first error (file:line:column rule: what is wrong) and, in the hint, the
 * `csr set` that repairs it, or `csr check`; with the others given, that none of them was changed either
 * and that they can be given without it.
 */
export function refuseInvalidDocuments(repo: Repository, ids: readonly string[], valid: (id: string) => boolean): void {
  const given = [...new Set(ids)];
  const invalid = given.filter((id) => !valid(id) && repo.unvalidated.documents.has(id));
  if (invalid.length === 0) return;
  const files = invalid.map((id) => ({ id, file: invalidFile(repo, "document", id) }));
  const problems = files.map(({ id, file }) => (file ? t("edit.invalid-file", { id, problem: problemText(file) }) : id));
  const others = given.length - invalid.length;
  const message = others === 0 ? t("edit.document-invalid-at", { files: list(problems), count: invalid.length }) : t("edit.documents-invalid", { files: list(problems), count: invalid.length, total: given.length });
  const fixes = files.flatMap(({ id, file }) => (file ? (setCommand(file, id) ?? []) : []));
  const fix = fixes.length === invalid.length ? t("repair.hint.set", { commands: list(fixes.map((c) => `'${c}'`)), count: fixes.length }) : t("edit.fix-first.hint");
  throw new UserError(message, others === 0 ? fix : sentences(fix, t("repair.hint.without", { ids: list(invalid), count: others })));
}

/**
 * Refuses the CSR numbered `id`, whose file fails its schema, in one message: the file with its first
 * error and, in the hint, the `csr set` that repairs it, or `csr check`.
 */
export function refuseInvalidCsr(repo: Repository, id: string): never {
  const file = invalidFile(repo, "csr", id);
  const fix = file && setCommand(file, id);
  throw new UserError(t("edit.csr-invalid", { id: file ? t("edit.invalid-file", { id, problem: problemText(file) }) : id }), fix ? t("repair.hint.set", { commands: `'${fix}'`, count: 1 }) : t("edit.fix-first.hint"));
}

/** Refuses the file of a repair the command left unchanged, as any command refuses it: it is not repaired. */
export function refuseUnchanged(repo: Repository, repair: Repair): never {
  if (repair.kind === "csr") refuseInvalidCsr(repo, repair.id);
  refuseInvalidDocuments(repo, [repair.id], () => false);
  throw new UserError(t("repair.still-invalid", { id: repair.id }));
}

/**
 * Refuses a repairing change after which the file still fails its schema (`problems`: its blocking
 * problems as changed), naming each remaining error with its line and what repairs it.
 */
export function refuseUnrepaired(repair: Repair, changed: SourceFile, problems: readonly LoadProblem[]): never {
  const lines = problems.map((p) => `  ${repair.path}:${p.line}:${p.column} ${p.rule} ${p.message}`);
  const fix = setCommand(changed, repair.id);
  throw new UserError([t("repair.still-invalid", { id: repair.id }), ...lines].join("\n"), fix ? t("repair.hint.set", { commands: `'${fix}'`, count: 1 }) : t("edit.fix-first.hint"));
}

/** The line that says a repairing change repaired the file, naming the errors it had. */
export function repairedLine(repair: Repair): string {
  return t("repair.repaired", { path: repair.path, problems: list(repair.before.map((p) => `${p.line}:${p.column} ${p.rule} ${firstSentence(p.message)}`)) });
}

/** `documents/X.yaml:1:1 schema/missing-field：本文件缺少必填字段 'department'`, and how many more errors the file has. */
function problemText(file: SourceFile): string {
  const blocking = file.problems.filter(isBlocking);
  const first = blocking[0]!;
  const text = t("edit.invalid-problem", { where: `${file.path}:${first.line}:${first.column}`, rule: first.rule, reason: firstSentence(first.message) });
  return blocking.length > 1 ? text + t("edit.invalid-more", { count: blocking.length - 1 }) : text;
}

/** `csr set <id> --department <部门>` when csr set gives every field that fails the document's or CSR's schema; else undefined. */
function setCommand(file: SourceFile, id: string): string | undefined {
  if (file.kind !== "document" && file.kind !== "csr") return undefined;
  const flags = SET_FLAG[file.kind];
  const failing = failingFields(file.kind, file.data);
  if (failing.length === 0 || failing.some((field) => flags[field] === undefined)) return undefined;
  return `csr set ${shellArgument(id)} ${failing.map((field) => t(flags[field]!)).join(" ")}`;
}
