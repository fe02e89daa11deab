/**
 * Loops of deviations (`deviates_from`): a document recorded as a deviation from another that is,
 * directly or through others, a deviation from it (breaker62 P2). A deviation applies beside the
 * standard document for a time (IATF 16949 8.5.6.1.1); in a loop none of them is the standard one.
 */
import type { ControlledDocument } from "./types.js";

/**
 * Ids in natural order (QP-2 before QP-10), through one collator made when a loop is first found: the
 * first collator of a process loads ICU's collation data (some 40 ms of CPU), which a check of a
 * repository without loops, every run of doc/deviation-loop nearly, never needs.
 */
let idOrder: Intl.Collator | undefined;
const compareIds = (a: string, b: string): number => (idOrder ??= new Intl.Collator("en", { numeric: true })).compare(a, b);

/**
 * The loops among `docs`, one per group of documents that reach each other through `deviates_from`
 * (a strongly connected component of two or more, or one document naming itself), each as the cycle of
 * ids to report: it starts at the member whose link is most likely the wrong one — a document without
 * `valid_until` (a standard document, permanent) before a temporary one, then the lowest number — and
 * follows the shortest way back to it: `cycle` ["WI-010-01", "WI-011-02"] is WI-010-01 → WI-011-02 →
 * WI-010-01; `members`, every document of the group. Numbers of no document in `docs` are not followed.
 * Loops by their first id; linear in documents and links.
 */
export function deviationLoops(docs: Iterable<ControlledDocument>): { cycle: string[]; members: string[] }[] {
  const byId = new Map<string, ControlledDocument>();
  for (const doc of docs) if (!byId.has(doc.id)) byId.set(doc.id, doc);
  const next = (id: string) => [...new Set(byId.get(id)?.deviates_from ?? [])].filter((t) => byId.has(t));
  const loops = components(byId, next)
    .filter((members) => members.length > 1 || next(members[0]!).includes(members[0]!))
    .map((members) => {
      const inLoop = new Set(members);
      const start = [...members].sort((a, b) => Number(byId.get(a)!.valid_until !== undefined) - Number(byId.get(b)!.valid_until !== undefined) || compareIds(a, b))[0]!;
      return { cycle: cycleFrom(start, (id) => next(id).filter((t) => inLoop.has(t))), members };
    });
  return loops.sort((a, b) => compareIds(a.cycle[0]!, b.cycle[0]!));
}

/**
 * The loops among the documents of `repo` not withdrawn (status other than obsolete), by deviationLoops:
 * what doc/deviation-loop reports and doc/deviation-without-end leaves to it (a withdrawn document's
 * `deviates_from` applies nowhere).
 */
export function liveDeviationLoops(repo: { documents: readonly { value: ControlledDocument }[] }): { cycle: string[]; members: string[] }[] {
  return deviationLoops(repo.documents.map((d) => d.value).filter((d) => d.status !== "obsolete"));
}

/** The strongly connected components of the graph of `nodes` and `next` (Tarjan's algorithm, without recursion: a chain of thousands of links is no deeper stack). */
function components(nodes: ReadonlyMap<string, unknown>, next: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  for (const root of nodes.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; targets: string[]; at: number }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, targets: next(id), at: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.targets.length) {
        const target = frame.targets[frame.at++]!;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const members: string[] = [];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        onStack.delete(id);
        members.push(id);
        if (id === frame.id) break;
      }
      found.push(members);
    }
  }
  return found;
}

/** The shortest cycle from `start` back to it through `next` (breadth first), without repeating `start` at the end. */
function cycleFrom(start: string, next: (id: string) => string[]): string[] {
  const before = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const target of next(id)) {
      if (target === start) {
        const cycle = [id];
        for (let at = id; at !== start; ) cycle.unshift((at = before.get(at)!));
        return cycle;
      }
      if (before.has(target)) continue;
      before.set(target, id);
      queue.push(target);
    }
  }
  return [start];
}
