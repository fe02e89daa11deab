/**
 * How commands change a repository's YAML. The CSR commands check every new file text with the
 * same schema and reference rules as `csr check` before anything is written, write each file
 * atomically, and with `--commit` commit exactly those files. `yamlText` (also used by release
 * and obsolete) keeps every line an edit does not touch byte for byte.
 */
import { isNode, isSeq, type Document, type YAMLMap } from "yaml";
import { runCheck } from "../../check/engine.js";
import { rules } from "../../check/registry.js";
import type { Finding } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { insideRepository, writeFileAtomic } from "../../core/write.js";
import { openGit } from "../../load/git.js";
import { buildRepository, type Repository } from "../../load/repository.js";
import { parseText, type FileKind } from "../../load/source.js";
import type { Path } from "../../model/types.js";

export interface FileChange {
  /** Repository-relative, '/' separated. */
  path: string;
  kind: FileKind;
  text: string;
  /** A new file: refused if one exists already. */
  create?: boolean;
}

/** Rules about what a file says, not about deadlines: a late registration is still a valid one. */
const VALIDITY_RULES = rules.filter((r) => /^(ref|clause|id)\//.test(r.id) || ["csr/duplicate-id-across-branches", "csr/review-inconsistent"].includes(r.id));

/**
 * Refuses changes that would add an error to the files they touch. Problems a file had before
 * are not held against the change, so an opinion can still be recorded on an imperfect CSR.
 */
export function verifyChanges(repo: Repository, changes: readonly FileChange[], today: string): void {
  const paths = new Set(changes.map((c) => c.path));
  const errorsIn = (r: Repository) =>
    runCheck(r, { today }, VALIDITY_RULES).filter((f) => f.severity === "error" && paths.has(f.file));
  const key = (f: Finding) => `${f.file}\n${f.rule}\n${f.message}`;
  const before = new Set(errorsIn(repo).map(key));
  const files = [...repo.files.filter((f) => !paths.has(f.path)), ...changes.map((c) => parseText(c.path, c.kind, c.text))];
  const added = errorsIn(buildRepository(repo.root, files)).filter((f) => !before.has(key(f)));
  if (added.length === 0) return;
  throw new UserError(
    `Nothing was written: the result would not pass 'csr check':\n${added.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`).join("\n")}`,
  );
}

/** Writes each file atomically. A failed write leaves that file as it was and stops before the next one. */
export function writeChanges(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) writeFileAtomic(insideRepository(root, change.path), change.text, { overwrite: !change.create });
}

/** Commits exactly the given files, whatever else is staged; returns the short commit hash. */
export async function commitFiles(root: string, paths: readonly string[], message: string): Promise<string> {
  const git = await openGit(root);
  if (!(await git.checkIsRepo())) throw new UserError(`--commit needs a git repository, and ${root} is not one; the files were written but not committed.`);
  await git.add([...paths]);
  const result = await git.commit(message, [...paths]);
  return result.commit.slice(0, 7);
}

/**
 * YAML text as csr writes it, without line folding. The yaml library re-prints flow collections
 * with one spacing convention and puts one space before a trailing comment, while hand-written
 * files often mix `{ a: b }` and `[a, b]` and align comments; lines that differ from an original
 * line only in that spacing are therefore taken from the original, so that an edit changes only
 * the lines it edits.
 */
export function yamlText(doc: Document, original = ""): string {
  const spacing = (line: string) => line.replace(/([[{]) +/g, "$1").replace(/ +([\]}])/g, "$1").replace(/ +#/g, " #");
  const originals = new Map(original.split("\n").map((line) => [spacing(line), line]));
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .split("\n")
    .map((line) => originals.get(spacing(line)) ?? line)
    .join("\n");
}

/** Appends to the list at `path`, creating the list (and the maps above it) when absent. */
export function appendIn(doc: Document, path: Path, value: unknown): void {
  const node = isNode(value) ? value : doc.createNode(value);
  const existing = doc.getIn(path, true);
  if (isSeq(existing)) existing.add(node);
  else doc.setIn(path, doc.createNode([node]));
}

/** A new mapping node, to which existing nodes can be moved with `set` (keeping their layout). */
export function mapNode(doc: Document, value: Record<string, unknown>): YAMLMap<string, unknown> {
  return doc.createNode(value) as unknown as YAMLMap<string, unknown>;
}
