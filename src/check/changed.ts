/**
 * `csr check --base <rev> --changed-only`: keep the findings a pull request is responsible for.
 * A finding stays when its file changed since the base revision, or when its file refers to (or
 * also defines) an entity that a changed file defines, so a renamed form still flags every
 * procedure that lists it. Changes to the configuration, the people or a catalog can affect any
 * file, so they keep everything.
 */
import type { Finding } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { isRecord } from "../core/guards.js";
import { t } from "../i18n/index.js";
import { mergeBase, stagedPaths } from "../load/base.js";
import { TOP_FILES } from "../load/layout.js";
import { gitRaw, isGitRepository } from "../load/git.js";
import type { Repository } from "../load/repository.js";
import type { SourceFile } from "../load/source.js";


/**
 * Repository-relative paths changed in the working tree since the merge base of `base` and HEAD,
 * staged or not, including new untracked files and deletions; `staged`: changed in the index.
 */
export async function changedPaths(root: string, base: string, { staged = false }: { staged?: boolean } = {}): Promise<Set<string>> {
  if (!(await isGitRepository(root))) throw new UserError(t("changed.base-needs-git", { root }));
  // mergeBase's answer of the check's --base, which it asked already; it fails where `git rev-parse --verify <base>^{commit}` does.
  const since = await mergeBase(root, base).catch(() => {
    throw new UserError(t("changed.unknown-base", { base }), t("changed.unknown-base.hint"));
  });
  // With --staged the index being committed is what is checked: its changes, and no untracked file, count.
  if (staged) return stagedPaths(root, since);
  const diff = await gitRaw(root, ["diff", "--name-only", "--no-renames", "--relative", since, "--"]);
  const untracked = await gitRaw(root, ["ls-files", "--others", "--exclude-standard"]);
  return new Set([...lines(diff), ...lines(untracked)]);
}

function lines(output: string): string[] {
  return output.split("\n").filter((l) => l !== "");
}

export function filterToChanged(repo: Repository, findings: readonly Finding[], changed: ReadonlySet<string>): Finding[] {
  // The top-level files (settings, people, the process map, the symbol table, tooling) and the standards define many
  // entities in one file; a code removed from them leaves no trace in the current file, so any change to them may affect
  // every file: all findings are kept.
  const global = (p: string) => Object.hasOwn(TOP_FILES, p) || p.startsWith("standards/");
  if ([...changed].some(global)) return [...findings];
  const changedKeys = new Set<string>();
  for (const file of repo.files) if (changed.has(file.path)) for (const key of entityKeys(file).defines) changedKeys.add(key);
  // The file name also tells what a changed file defined before the change (a renumbered form).
  for (const path of changed) for (const key of keysFromPath(path)) changedKeys.add(key);
  const affected = new Set(changed);
  for (const file of repo.files) {
    if (affected.has(file.path)) continue;
    const { defines, refers } = entityKeys(file);
    if ([...defines, ...refers].some((k) => changedKeys.has(k))) affected.add(file.path);
  }
  return findings.filter((f) => affected.has(f.file));
}

interface EntityKeys {
  defines: string[];
  refers: string[];
}

/**
 * What a file defines and refers to, read from its raw data so that files failing validation
 * take part too. Keys are `kind:id`.
 */
export function entityKeys(file: SourceFile): EntityKeys {
  const data = file.data;
  const keys: EntityKeys = { defines: [], refers: [] };
  if (!isRecord(data)) return keys;
  const doc = (id: unknown) => typeof id === "string" && keys.refers.push(`document:${id}`);
  switch (file.kind) {
    case "document":
      if (typeof data.id === "string") keys.defines.push(`document:${data.id}`);
      strings(data.related).forEach(doc);
      strings(data.forms).forEach(doc);
      if (isRecord(data.obsolete)) doc(data.obsolete.superseded_by);
      strings(data.processes).forEach((p) => keys.refers.push(`process:${p}`));
      break;
    case "customer":
      if (typeof data.code === "string") keys.defines.push(`customer:${data.code}`);
      break;
    case "csr":
      if (typeof data.id === "string") keys.defines.push(`csr:${data.id}`);
      if (typeof data.customer === "string") keys.refers.push(`customer:${data.customer}`);
      if (Array.isArray(data.addressed)) for (const a of data.addressed) if (isRecord(a)) doc(a.document);
      if (isRecord(data.superseded) && typeof data.superseded.by === "string") keys.refers.push(`csr:${data.superseded.by}`);
      break;
    case "processes":
      if (Array.isArray(data.processes)) {
        for (const p of data.processes) {
          if (!isRecord(p)) continue;
          if (typeof p.code === "string") keys.defines.push(`process:${p.code}`);
          strings(p.documents).forEach(doc);
        }
      }
      break;
    case "symbols":
      if (Array.isArray(data.symbols)) for (const s of data.symbols) if (isRecord(s) && typeof s.customer === "string") keys.refers.push(`customer:${s.customer}`);
      break;
  }
  return keys;
}

/** A changed or deleted file's entity, known from the naming convention that id/file-name enforces. */
function keysFromPath(path: string): string[] {
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.ya?ml$/i, "");
  if (path.startsWith("documents/")) return [`document:${name}`, `document:${name.replace(/_/g, "/")}`];
  if (path.startsWith("customers/")) return [`customer:${name}`];
  if (path.startsWith("csr/")) return [`csr:${name}`];
  return [];
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
}
