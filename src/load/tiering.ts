/**
 * bin/csr.js raises V8's interrupt budget sixteen times above its default, so that the functions a
 * check runs once over every file (the rules, the model) are not optimised for a run that ends before
 * it repays them. The YAML parser is the other kind: a few functions that run over every character
 * of every file, for which V8's default pays. While a check parses its files the budget is V8's
 * default again (alternating runs at 10,000 entities, /tmp/cmp.sh 9: median 1.065 s -> 0.995 s of
 * CPU; a budget of half or twice the default did the same). So is the cache's loop of one stat per
 * file in a repository of 15,000 files or more (Node's statSync and its Stats object; callgrind,
 * 49,003 stats in a loop: 809 M → 609 M instructions; below that the optimising compiler costs the
 * loop more than it saves: cache.ts OPTIMISED_STAT_LOOP).
 *
 * Only a process whose budget bin/csr.js raised changes it (tests and scripts that import csr keep
 * their own flags), and it raises it back before anything else runs: V8 takes the code caches of
 * the build (dist/cli/check.cjs, the schema validators) only under the flags they were made with.
 */
import { setFlagsFromString } from "node:v8";

/** V8's own interrupt budget (`node --v8-options`, Node 20). */
const V8_DEFAULT_BUDGET = 67584;

/** Where bin/csr.js notes the budget it set. */
const RAISED_BUDGET = Symbol.for("csr.interrupt-budget");

/** Runs `work` (a loop over every file of a repository) at V8's default interrupt budget. */
export function atDefaultBudget<T>(work: () => T): T {
  const raised = (globalThis as { [RAISED_BUDGET]?: number })[RAISED_BUDGET];
  if (raised === undefined) return work();
  setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
  try {
    return work();
  } finally {
    setFlagsFromString(`--interrupt-budget=${raised}`);
  }
}
