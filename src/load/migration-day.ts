/**
 * The day 'csr standard migrate' moved a repository's clause references to a new edition, for a
 * repository migrated before the command recorded it (`supersedes.migrated` of the new catalog,
 * since c2ebafb3): the author day of the oldest commit that both removed references to the old
 * edition and added references to the new one — the migration commit, whatever its message (a
 * migration committed by hand has the user's own). A commit that only adds references to the new
 * edition (a repository taken in at once, a new document written to the new edition) is no
 * migration. A review decided before that day was made against the old edition (model/catalog.ts
 * referencesOn; tester58 F8).
 */
import type { Catalog } from "../model/catalog.js";
import { gitRead } from "./git.js";
import type { Repository } from "./repository.js";

/** The migration commit as git history shows it: its author day (YYYY-MM-DD) and abbreviated hash. */
export interface MigrationCommit {
  day: string;
  commit: string;
}

const found = new WeakMap<Repository, Map<string, MigrationCommit | undefined>>();

/**
 * The day of `successor`'s migration: `supersedes.migrated` when recorded (no git process), else the
 * day of the migration commit (migrationCommit), undefined when there is none or no git. Asked of
 * git once per repository and edition in a run, and only for a catalog that supersedes another.
 */
export function migrationDay(repo: Repository, successor: Catalog): string | undefined {
  const supersedes = successor.supersedes;
  if (!supersedes || supersedes.migrated !== undefined) return supersedes?.migrated;
  return migrationCommit(repo, successor)?.day;
}

/**
 * The oldest commit of the repository's history (its folder, the catalogs' files left out) whose
 * changes remove a reference to `successor`'s old edition (`OLD:clause`) and add one to `successor`
 * (`NEW:clause`): one `git log -S NEW: -p`, so that only the commits changing the number of new
 * references are diffed. Undefined when no commit did, outside git, or for a catalog superseding nothing.
 */
export function migrationCommit(repo: Repository, successor: Catalog): MigrationCommit | undefined {
  const old = successor.supersedes?.standard;
  if (old === undefined) return undefined;
  let byEdition = found.get(repo);
  if (!byEdition) found.set(repo, (byEdition = new Map()));
  if (byEdition.has(successor.id)) return byEdition.get(successor.id);
  const catalogs = repo.catalogFiles.map((f) => `:(exclude)${f.file.path}`);
  const log = gitRead(repo.root, ["log", "--no-color", "--no-renames", "--no-ext-diff", "--no-textconv", "--format=%x1e%as %h", "-p", "-U0", `-S${successor.id}:`, "--", ".", ...catalogs]);
  const cites = (id: string) => new RegExp(`(^|[^A-Za-z0-9])${id}:[0-9]`);
  const [removesOld, addsNew] = [cites(old), cites(successor.id)];
  let oldest: MigrationCommit | undefined;
  // git lists the newest commit first: the last one that qualifies is the migration.
  for (const record of (log ?? "").split("\x1e")) {
    const [head = "", ...lines] = record.split("\n");
    const [day, commit] = head.trim().split(" ");
    if (!day || !commit) continue;
    const changed = lines.filter((line) => !/^(---|\+\+\+) /.test(line));
    if (changed.some((line) => line.startsWith("-") && removesOld.test(line)) && changed.some((line) => line.startsWith("+") && addsNew.test(line))) oldest = { day, commit };
  }
  byEdition.set(successor.id, oldest);
  return oldest;
}
