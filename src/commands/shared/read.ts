import { localToday } from "../../core/dates.js";
import { hasCheckCache, loadChecked } from "../../load/cache.js";
import { loadRepository, type Repository } from "../../load/repository.js";

/**
 * The whole repository, for a command that only reads it (list, matrix, show, export, render,
 * changes, history, numbering list): read through the check cache when a check has made one, so
 * that only the files changed since the last check or read are parsed and validated (and the
 * cache is kept up to date for the next command); otherwise, as outside git, as loadRepository
 * reads it, without making a cache (which costs a first command 10-15% more than reading).
 * Commands that edit files read them with loadRepository, exactly as on disk. The day matters to
 * the cache only for findings, which a read command neither computes nor asks for: `today` is the
 * command's own when it has one already.
 */
export async function readRepository(root: string, today = localToday()): Promise<Repository> {
  if (!hasCheckCache(root)) return loadRepository(root);
  return (await loadChecked(root, today)).repo;
}
