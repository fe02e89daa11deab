/**
 * Two people who each `csr add` the next CSR of a customer on their own clone both take the same
 * id, and so the same file name: the merge is an add/add conflict of one path (no common base)
 * whose sides are two different requirements, not two versions of one. Keeping "the right
 * version" of each conflicting part then drops a customer requirement; what resolves it is
 * `csr renumber`, which keeps one at the id and gives the other the next free one.
 */
import { conflictSides } from "../load/git.js";
import { parseText } from "../load/source.js";
import type { Csr } from "../model/types.js";

export interface CsrSide {
  /** The side's whole file, as git holds it. */
  text: string;
  /** The side's values as csr's loader reads them (not validated: a file in conflict is read by no rule). */
  data: Csr;
  title: string;
  customer: string;
}

export interface TwoCsrs {
  id: string;
  ours: CsrSide;
  theirs: CsrSide;
}

/** The fields in which two registrations differ when they are two requirements. */
const DISTINCT = ["title", "text", "received"] as const;

/**
 * The two CSRs when `ours` and `theirs`, added on two sides with no common base, are CSR files of
 * one id that differ in title, text or date received; else undefined (one of them is not a CSR
 * file that parses, the ids differ, or they are one requirement registered twice alike). `path`:
 * the file's, for the loader. Read by csr's loader, with its guards (a side comes from another
 * clone: untrusted as any file of a pull request).
 */
export function twoCsrs(ours: string, theirs: string, path: string): TwoCsrs | undefined {
  const [o, t] = [ours, theirs].map((text) => {
    const { data, problems } = parseText(path, "csr", text);
    if (problems.length > 0 || typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
    const fields = data as Record<string, unknown>;
    return typeof fields.id === "string" && typeof fields.customer === "string" ? fields : undefined;
  });
  if (!o || !t || o.id !== t.id) return undefined;
  if (DISTINCT.every((key) => JSON.stringify(o[key]) === JSON.stringify(t[key]))) return undefined;
  const side = (text: string, data: Record<string, unknown>): CsrSide => ({ text, data: data as unknown as Csr, title: String(data.title ?? ""), customer: String(data.customer) });
  return { id: o.id as string, ours: side(ours, o), theirs: side(theirs, t) };
}

/** The two CSRs of an add/add conflict at `path` (repository-relative) in `root`, as git holds its sides (conflictSides). */
export function twoCsrsInConflict(root: string, path: string): TwoCsrs | undefined {
  const sides = conflictSides(root, path);
  return sides && sides.base === undefined ? twoCsrs(sides.ours, sides.theirs, path) : undefined;
}
