/**
 * The findings of `after` that `before` does not have, counting duplicates: a finding whose key
 * occurs n times before is "had" for its first n occurrences after, and added from the n+1st on
 * (two identical findings where there was one are one more). With several keys, a finding is had
 * when any key still has an occurrence left (tried in order; only the key that matched is used up);
 * a key that gives undefined does not apply to that finding.
 * `kept` holds the others, in order. Used by `csr check --staged` (what the commit adds to HEAD),
 * `csr check --added-only` (what the branch adds to the target) and `csr obsolete` (what the
 * withdrawal adds), each with its own keys.
 */
export function findingsAdded<T>(before: readonly T[], after: readonly T[], ...keys: ((finding: T) => string | undefined)[]): { added: T[]; kept: T[] } {
  const counts = keys.map((key) => {
    const had = new Map<string, number>();
    for (const f of before) {
      const k = key(f);
      if (k !== undefined) had.set(k, (had.get(k) ?? 0) + 1);
    }
    return { key, had };
  });
  const taken = (f: T) =>
    counts.some(({ key, had }) => {
      const k = key(f);
      const left = k === undefined ? 0 : (had.get(k) ?? 0);
      if (left > 0) had.set(k!, left - 1);
      return left > 0;
    });
  const added: T[] = [];
  const kept: T[] = [];
  for (const f of after) (taken(f) ? kept : added).push(f);
  return { added, kept };
}
