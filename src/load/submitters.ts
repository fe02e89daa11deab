/**
 * Who committed a draft's submission (送审) or a revision's (修订中) recorded without `by` (csr submit
 * without --by): the author of the last commit up to a revision that added the document file's
 * `submitted:` or `revising:` key, from `git log -S` (breaker59 H8).
 */
import { gitRead, logRecords } from "./git.js";
import type { LinkRemoval } from "../model/changes.js";

/**
 * The commit up to `to` that last changed how often `key:` occurs in the file at `path` (relative to
 * `root`): for a key the file holds at `to`, the commit that added it. Undefined outside git, when no
 * commit did (the key was added since the last commit), and when git fails.
 */
export function commitAddingKey(root: string, to: string, path: string, key: "submitted" | "revising" | "migrated"): LinkRemoval | undefined {
  const log = gitRead(root, ["log", "-1", "--no-renames", "--format=%x1e%H%x1f%cs%x1f%an%x1f%ae", `-S${key}:`, to, "--", path]);
  const [record] = logRecords(log ?? "");
  if (!record) return undefined;
  const [commit = "", date = "", author = "", email = ""] = record.fields;
  return commit ? { commit, date, author, email } : undefined;
}
