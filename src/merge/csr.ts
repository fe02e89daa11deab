/**
 * A three-way merge of one CSR file, as git's merge driver for `csr/**.yaml`. Parallel
 * countersigning (会签) has each department add its opinion on its own branch; a line-based merge
 * sees two additions at the end of the same list and conflicts every time. Here opinions are
 * matched by department, so only two different changes to the same department's opinion, to the
 * decision, or to the same other field conflict.
 *
 * The result keeps our side's layout: our file is edited with the Document API and printed so that
 * unchanged lines stay byte for byte (yamlText).
 */
import { isMap, isNode, isSeq, parseDocument, type Document, type Node } from "yaml";
import { yamlText } from "../commands/shared/persist.js";

export type Side = "ours" | "theirs" | "base";

export interface CsrMerge {
  /** The merged file with every conflict resolved to `resolve`. */
  text: string;
  /** Dotted paths that both sides changed differently, e.g. `review.opinions[QA]`, `review.decision`. */
  conflicts: string[];
}

type Plain = unknown;
const same = (a: Plain, b: Plain) => JSON.stringify(a) === JSON.stringify(b);

/** Lists merged as sets of entries (each side's additions kept, removals applied). */
const SET_LISTS = new Set(["addressed", "review.history", "review.confirmations", "training.sessions", "training.records"]);

/**
 * Undefined when a side is not a YAML mapping that parses cleanly: then the driver leaves the
 * file to git's line merge, which marks every conflict for the user.
 */
export function mergeCsr(base: string, ours: string, theirs: string, resolve: Side = "ours"): CsrMerge | undefined {
  const docs = [base, ours, theirs].map((text) => parseDocument(text));
  if (docs.some((d) => d.errors.length > 0 || !(isMap(d.contents) || (d.contents === null && d === docs[0])))) return undefined;
  const [b, o, t] = docs as [Document.Parsed, Document.Parsed, Document.Parsed];
  const conflicts: string[] = [];
  const value = (doc: Document, path: (string | number)[]) => toPlain(doc.getIn(path, true));

  const mergeValue = (path: (string | number)[], label: string) => {
    const [bv, ov, tv] = [value(b, path), value(o, path), value(t, path)];
    if (same(ov, tv) || same(tv, bv)) return;
    if (same(ov, bv)) return setFrom(o, t, path);
    conflicts.push(label);
    if (resolve !== "ours") setFrom(o, resolve === "theirs" ? t : b, path);
  };

  const mergeMap = (path: string[]) => {
    const keys = unionKeys([o, t, b].map((d) => d.getIn(path, true)));
    for (const key of keys) {
      const at = [...path, key];
      const label = at.join(".");
      if (label === "review" || label === "training" || label === "implementation") {
        if ([b, o, t].every((d) => isMap(d.getIn(at, true)) || d.getIn(at, true) === undefined)) {
          mergeMap(at);
          continue;
        }
      }
      if (label === "review.opinions") mergeOpinions(at);
      else if (SET_LISTS.has(label)) mergeSet(at);
      else mergeValue(at, label);
    }
  };

  /** Opinions keyed by department: each department's opinion is merged on its own. */
  const mergeOpinions = (path: string[]) => {
    const lists = [b, o, t].map((d) => listOf(d, path));
    const departments = unique(lists.flatMap((l) => l.map((x) => departmentOf(x))));
    for (const dept of departments) {
      const [bv, ov, tv] = lists.map((l) => toPlain(l.find((x) => departmentOf(x) === dept)));
      if (same(ov, tv) || same(tv, bv)) continue;
      const label = `review.opinions[${dept}]`;
      let from: Document | undefined;
      if (same(ov, bv)) from = t;
      else {
        conflicts.push(label);
        if (resolve !== "ours") from = resolve === "theirs" ? t : b;
      }
      if (!from) continue;
      const source = listOf(from, path).find((x) => departmentOf(x) === dept);
      replaceItem(o, path, (x) => departmentOf(x) === dept, source);
    }
  };

  /** Entries added on either side are kept; entries one side removed (and the other kept) go. */
  const mergeSet = (path: (string | number)[]) => {
    const [bl, tl] = [listOf(b, path), listOf(t, path)];
    const key = (x: unknown) => JSON.stringify(toPlain(x));
    const inBase = new Set(bl.map(key));
    const inTheirs = new Set(tl.map(key));
    for (const gone of bl.filter((x) => !inTheirs.has(key(x)))) replaceItem(o, path, (x) => key(x) === key(gone), undefined);
    const inOurs = new Set(listOf(o, path).map(key));
    for (const added of tl.filter((x) => !inBase.has(key(x)) && !inOurs.has(key(x)))) replaceItem(o, path, () => false, added);
  };

  mergeMap([]);
  return { text: yamlText(o, `${ours}\n${theirs}`), conflicts };
}

function toPlain(node: unknown): Plain {
  return isNode(node) ? (node as Node).toJSON() : node;
}

function unionKeys(nodes: unknown[]): string[] {
  return unique(nodes.flatMap((n) => (isMap(n) ? n.items.map((p) => String(toPlain(p.key))) : [])));
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function listOf(doc: Document, path: (string | number)[]): unknown[] {
  const node = doc.getIn(path, true);
  return isSeq(node) ? node.items : [];
}

function departmentOf(item: unknown): string {
  const plain = toPlain(item) as { department?: unknown } | null;
  return String(plain?.department ?? "");
}

/** Sets `path` in `target` to the node `source` has there (a copy), or deletes it when `source` has none. */
function setFrom(target: Document, source: Document, path: (string | number)[]): void {
  const node = source.getIn(path, true);
  if (node === undefined) target.deleteIn(path);
  else target.setIn(path, isNode(node) ? (node as Node).clone() : node);
}

/**
 * Replaces the first item of the list at `path` that `match`es with `item` (removes it when `item`
 * is undefined); appends `item` when nothing matches. The list is created or removed as needed.
 */
function replaceItem(doc: Document, path: (string | number)[], match: (item: unknown) => boolean, item: unknown): void {
  const copy = isNode(item) ? (item as Node).clone() : item;
  const list = doc.getIn(path, true);
  if (!isSeq(list)) {
    if (copy !== undefined) doc.setIn(path, doc.createNode([copy]));
    return;
  }
  const index = list.items.findIndex(match);
  if (index >= 0 && copy === undefined) list.items.splice(index, 1);
  else if (index >= 0) list.items[index] = copy as Node;
  else if (copy !== undefined) list.items.push(copy as Node);
  if (list.items.length === 0) doc.deleteIn(path);
}
