/**
 * When a CSR's links (`addressed`) were removed (`csr address --remove`, or by hand), which no record
 * dates: the commit of a range that removed each, from one `git log --name-only` over the CSR files
 * concerned; where a file changed in more than one commit of the range, its texts at those commits
 * from one `git cat-file --batch` (gitBlobs), to tell which of them removed the link (tester57 E18).
 */
import { gitBlobs, gitRead, logRecords } from "./git.js";
import { sourceFromBytes } from "./source.js";
import { linkKey, type LinkRemoval } from "../model/changes.js";
import type { Csr } from "../model/types.js";

/**
 * The commit of `from..to` (`from` null: all the history to `to`) that removed each link: by CSR id and
 * linkKey, for the links `wanted` names in the file at `path` (relative to `root`) as it stood at `from`.
 * A link removed more than once in the range is given its last removal. Absent for a link no commit of the
 * range removed (it was removed since the last commit) and outside git.
 */
export function linkRemovals(root: string, from: string | null, to: string, wanted: readonly { id: string; path: string; links: readonly string[] }[]): Map<string, Map<string, LinkRemoval>> {
  const found = new Map<string, Map<string, LinkRemoval>>();
  if (wanted.length === 0) return found;
  const range = from ? `${from}..${to}` : to;
  const log = gitRead(root, ["log", "--reverse", "--no-renames", "--relative", "--format=%x1e%H%x1f%cs%x1f%an%x1f%ae", "--name-only", range, "--", ...wanted.map((w) => w.path)]);
  if (log === undefined) return found;
  // Oldest first: the commits that touched each file.
  const touched = new Map<string, LinkRemoval[]>();
  for (const { fields, files } of logRecords(log)) {
    const [commit = "", date = "", author = "", email = ""] = fields;
    for (const file of files) touched.set(file, [...(touched.get(file) ?? []), { commit, date, author, email }]);
  }
  // A file changed in one commit lost its links there; one changed in several is read at each of them.
  const several = wanted.filter((w) => (touched.get(w.path) ?? []).length > 1);
  const names = several.flatMap((w) => touched.get(w.path)!.map((c) => `${c.commit}:./${w.path}`));
  const texts = new Map(gitBlobs(root, names).map((text, i) => [names[i]!, text]));
  for (const { id, path, links } of wanted) {
    const commits = touched.get(path) ?? [];
    const byLink = new Map<string, LinkRemoval>();
    if (commits.length === 1) for (const link of links) byLink.set(link, commits[0]!);
    else {
      let held = new Set(links);
      for (const commit of commits) {
        const now = linksIn(texts.get(`${commit.commit}:./${path}`), path);
        for (const link of links) if (held.has(link) && !now.has(link)) byLink.set(link, commit);
        held = now;
      }
    }
    if (byLink.size > 0) found.set(id, byLink);
  }
  return found;
}

/** The links (linkKey) of a CSR file's text; none when it is absent (deleted) or does not read as a CSR. */
function linksIn(text: string | undefined, path: string): Set<string> {
  if (text === undefined) return new Set();
  const data = sourceFromBytes(Buffer.from(text, "utf8"), path, "csr").data as Partial<Csr> | undefined;
  const links = Array.isArray(data?.addressed) ? data.addressed.filter((l) => typeof l?.document === "string") : [];
  return new Set(links.map(linkKey));
}
