/**
 * A rule declared `own` (check/rule.ts RuleScope) is run by a repeated check on the changed CSRs,
 * documents and customers alone, with the foundations (qms.yaml, people, processes, actions ...)
 * but without the other CSRs, documents and customers (load/cache.ts readChanged). On every rule
 * fixture, each such file checked that way must get the findings a whole check gives it: a rule
 * that reads a customer's name from the customer's file while declared `own` printed "DYA（DYA）"
 * through the cache and "DYA（东岳汽车股份有限公司，DYA-004）" without it (breaker64 P11).
 */
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../../src/check/engine.js";
import { rules as registeredRules } from "../../src/check/registry.js";
import type { Rule } from "../../src/check/rule.js";
import type { Finding } from "../../src/core/diagnostic.js";
import { buildRepository, loadRepository } from "../../src/load/repository.js";
import { FIXTURES, tempDir } from "../helpers.js";

const RULES = join(FIXTURES, "rules");
/** The kinds a repeated check reads alone when they change (load/cache.ts INCREMENTAL_KINDS). */
const ALONE = new Set(["csr", "document", "customer"]);
const OPTIONS = { today: "2026-11-27" };

/** The cases checked without `--base` (a check against a base always runs whole). */
const cases = readdirSync(RULES)
  .filter((name) => !name.startsWith("_") && !existsSync(join(RULES, name, "base")))
  .flatMap((name) => (["valid", "invalid"] as const).map((kind) => [name, kind] as const));

const text = (findings: readonly Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);

describe("a rule declared to read its own file only", () => {
  const own: Rule[] = registeredRules.filter((r) => r.check && r.scope?.files === "own");

  it.each(cases)("gives each file of %s/%s alone the findings of a whole check", (name, kind) => {
    const dir = tempDir();
    cpSync(join(RULES, "_base"), dir, { recursive: true });
    cpSync(join(RULES, name, kind), dir, { recursive: true });
    const repo = loadRepository(dir);
    const whole = checkRepository(repo, OPTIONS, own);
    const foundations = repo.files.filter((f) => !ALONE.has(f.kind));
    const ids = new Set(own.map((r) => r.id));
    for (const file of repo.files.filter((f) => ALONE.has(f.kind))) {
      const alone = checkRepository(buildRepository(dir, [...foundations, file]), OPTIONS, own);
      const inFile = (outcome: typeof whole) => text([...outcome.findings, ...outcome.held].filter((f) => f.file === file.path && ids.has(f.rule)));
      expect({ file: file.path, findings: inFile(alone) }).toEqual({ file: file.path, findings: inFile(whole) });
    }
  });
});
