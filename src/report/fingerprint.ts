/**
 * A finding's identity across runs, for SARIF `partialFingerprints` and GitLab Code Quality: the rule,
 * the file and the message, not the line, so that a finding stays the same finding when lines are
 * inserted above it. Identical findings in one file are told apart by their order.
 */
import type { Finding } from "../core/diagnostic.js";

/**
 * node:crypto, loaded on first use: dist/cli/check.cjs holds this module, and only the SARIF and
 * GitLab formats hash. Kept once loaded, as load/cache.ts keeps it: a lookup per finding costs
 * about as much as its hash.
 */
let crypto: typeof import("node:crypto") | undefined;
const createHash = (algorithm: string) => (crypto ??= process.getBuiltinModule("node:crypto")).createHash(algorithm);

export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = createHash("sha256").update(`${f.rule}\0${f.file}\0${f.message}`).digest("hex").slice(0, 32);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}:${n}`;
  });
}
