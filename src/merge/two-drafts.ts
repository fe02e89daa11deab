/**
 * Two people who each `csr new` a document on branches that do not see each other's (a branch never
 * pushed, a clone not fetched) both take the next number of its family, and so the same file name:
 * the merge is an add/add conflict of one path (no common base) whose sides are two different
 * drafts, not two versions of one. Keeping "the right version" of each conflicting part then drops a
 * document; what resolves it is `csr renumber`, which keeps one at the number and gives the other the
 * next free one (commands/renumber/document.ts).
 */
import { conflictSides } from "../load/git.js";
import { parseText } from "../load/source.js";
import type { ControlledDocument } from "../model/types.js";

/** One side of an add/add conflict of a document file: its text and values as csr's loader reads them. */
export interface DocumentSide {
  text: string;
  data: ControlledDocument;
}

export interface TwoDrafts {
  id: string;
  ours: DocumentSide;
  theirs: DocumentSide;
}

/**
 * The two drafts when `ours` and `theirs`, added on two sides with no common base, are document files
 * of one number and kind, neither released, that differ in title or body; else undefined. `path`: the
 * file's, for the loader. Read by csr's loader, with its guards (a side comes from another clone).
 */
export function twoDrafts(oursText: string, theirsText: string, path: string): TwoDrafts | undefined {
  const [ours, theirs] = [oursText, theirsText].map((text) => {
    const { data, problems } = parseText(path, "document", text);
    if (problems.length > 0 || typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
    const d = data as ControlledDocument;
    return typeof d.id === "string" && typeof d.kind === "string" && d.status !== "released" && d.status !== "obsolete" && (d.revisions ?? []).length === 0 ? { text, data: d } : undefined;
  });
  if (!ours || !theirs || ours.data.id !== theirs.data.id || ours.data.kind !== theirs.data.kind) return undefined;
  if (ours.data.title === theirs.data.title && JSON.stringify(ours.data.sections) === JSON.stringify(theirs.data.sections)) return undefined;
  return { id: ours.data.id, ours, theirs };
}

/** The two drafts of an add/add conflict (no common base) at `path` (repository-relative) in `root`, as git holds its sides (conflictSides). */
export function twoDraftsInConflict(root: string, path: string): TwoDrafts | undefined {
  const sides = conflictSides(root, path);
  return sides && sides.base === undefined ? twoDrafts(sides.ours, sides.theirs, path) : undefined;
}
