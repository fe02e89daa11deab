/**
 * Where a repository keeps each kind of file: one table for discover() on disk, kindOf() on paths read from git, and the
 * incremental check's files that touch every other (a top-level file defines entities many files refer to).
 */
import type { FileKind } from "./source.js";

/** The files at the repository's root, by name. */
export const TOP_FILES: Readonly<Record<string, FileKind>> = {
  "qms.yaml": "qms",
  "people.yaml": "people",
  "processes.yaml": "processes",
  "symbols.yaml": "symbols",
  "tooling.yaml": "tooling",
  "first-articles.yaml": "first-article",
  "objectives.yaml": "objective",
  "register-editions.yaml": "register-edition",
  "management-reviews.yaml": "management-review",
};

/** Which folder holds which kind, and whether its files may be nested in sub-folders. */
export const FOLDERS: readonly { dir: string; kind: FileKind; nested: boolean }[] = [
  { dir: "customers", kind: "customer", nested: false },
  { dir: "csr", kind: "csr", nested: true },
  { dir: "documents", kind: "document", nested: true },
  { dir: "standards", kind: "standard", nested: false },
  { dir: "actions", kind: "action", nested: false },
  { dir: "suppliers", kind: "supplier", nested: false },
];

/** Which kind of repository file a repository-relative path ("documents/QP/QP-001.yaml") holds; undefined for any other. */
export function kindOf(path: string): FileKind | undefined {
  if (Object.hasOwn(TOP_FILES, path)) return TOP_FILES[path];
  const parts = path.split("/");
  const folder = FOLDERS.find((f) => f.dir === parts[0]);
  if (!folder || parts.length < 2 || parts.some((p) => p.startsWith("."))) return undefined;
  if (!folder.nested && parts.length > 2) return undefined;
  return /\.ya?ml$/i.test(path) ? folder.kind : undefined;
}
