/**
 * The document numbers other branches have taken: a draft added by `csr new` on a branch that is not
 * merged yet. Two branches made from main that each ran `csr new procedure` took the same next
 * number, and git merges them as an add/add conflict of two different documents (tester57 E3).
 */
import { documentFileName } from "../model/paths.js";
import { numberPatternToRegExp, tellingPatterns } from "../model/numbering.js";
import { gitRead } from "./git.js";

/**
 * The numbers of `patterns` (qms.yaml `numbering`) that a file name on a local or remote-tracking
 * branch not merged into HEAD (`git for-each-ref --no-merged=HEAD refs/heads refs/remotes`) gives,
 * each with the branches that have it, in git's order. Only file names are read: one `git ls-tree`
 * per distinct commit, below `root` (the repository may be a folder of a larger work tree). A number
 * whose file name writes '/' or ':' as '_' (CS_QP-006.yaml) is read back through its pattern.
 * Empty outside git, before the first commit, or without patterns that tell a number ('*').
 */
export function numbersOnOtherBranches(root: string, patterns: readonly { pattern: string }[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const telling = tellingPatterns(patterns).map((p) => ({ pattern: p.pattern, file: numberPatternToRegExp(documentFileName(p.pattern)) }));
  if (telling.length === 0) return found;
  const refs = gitRead(root, ["for-each-ref", "--no-merged=HEAD", "--format=%(objectname) %(refname)", "refs/heads", "refs/remotes"]);
  if (!refs) return found;
  const branches = new Map<string, string[]>();
  for (const line of refs.split("\n")) {
    const space = line.indexOf(" ");
    if (space < 0) continue;
    const commit = line.slice(0, space);
    const ref = line.slice(space + 1);
    // refs/remotes/origin/HEAD names the branch origin/main names too.
    if (ref.endsWith("/HEAD")) continue;
    const name = ref.replace(/^refs\/(heads|remotes)\//, "");
    branches.set(commit, [...(branches.get(commit) ?? []), name]);
  }
  for (const [commit, names] of branches) {
    const listing = gitRead(root, ["ls-tree", "-r", "--name-only", commit]) ?? "";
    for (const path of listing.split("\n")) {
      if (!path.endsWith(".yaml")) continue;
      const base = path.slice(path.lastIndexOf("/") + 1, -".yaml".length);
      const number = numberOf(base, telling);
      if (number === undefined) continue;
      const holders = found.get(number) ?? [];
      for (const name of names) if (!holders.includes(name)) holders.push(name);
      found.set(number, holders);
    }
  }
  return found;
}

/** The number a file name is of the first pattern it fits: the pattern's characters with its '#'s the name's digits there. */
function numberOf(base: string, patterns: readonly { pattern: string; file: RegExp }[]): string | undefined {
  const fits = patterns.find((p) => p.file.test(base));
  if (!fits) return undefined;
  // documentFileName writes one character for one: the name and the pattern align.
  const chars = [...base];
  return [...fits.pattern].map((ch, i) => (ch === "#" ? chars[i] : ch)).join("");
}
