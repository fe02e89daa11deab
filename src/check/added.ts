/**
 * The findings of `after` that `before` does not have, counting duplicates: a finding whose key
 * occurs n times before is "had" for its first n occurrences after, and added from the n+1st on
 * (two identical findings where there was one are one more). `kept` holds the others, in order.
 * Used by `csr check --staged` (what the commit adds to HEAD) and `csr obsolete` (what the
 * withdrawal adds), each with its own key.
 */
export function findingsAdded<T>(before: readonly T[], after: readonly T[], key: (finding: T) => string): { added: T[]; kept: T[] } {
  const had = new Map<string, number>();
  for (const f of before) had.set(key(f), (had.get(key(f)) ?? 0) + 1);
  const added: T[] = [];
  const kept: T[] = [];
  for (const f of after) {
    const k = key(f);
    const left = had.get(k) ?? 0;
    had.set(k, left - 1);
    (left > 0 ? kept : added).push(f);
  }
  return { added, kept };
}
