/**
 * The differential test of the repeated check (src/check/incremental.ts): on a real git repository,
 * a sequence of random edits, and after each one the check through the cache gives exactly what a
 * whole check gives. The same sequence with a rule wrongly declared `own` must fail, or the test
 * could not catch a wrong scope.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the generator is plain JavaScript without types.
import { generateRepository, prng } from "../../bench/generate.js";
import { compareFindings, type Finding } from "../../src/core/diagnostic.js";
import { checkRepository } from "../../src/check/engine.js";
import { recheck } from "../../src/check/incremental.js";
import { rules as registeredRules } from "../../src/check/registry.js";
import type { Rule } from "../../src/check/rule.js";
import { checkCached } from "../../src/load/cache.js";
import { loadRepository } from "../../src/load/repository.js";
import { csr, csrInProcess, gitInit, tempDir } from "../helpers.js";

const TODAY = "2026-06-30";

/**
 * A generated repository (bench/generate.js), committed to git, with findings of the cross-file
 * rules to keep or lose: a document that mentions another by its title, an obsolete procedure
 * that CSRs address and a procedure relates to, CSRs that address a section no document has, and
 * a document with the id of another.
 */
function repository(): string {
  const dir = tempDir("csr-incremental-");
  generateRepository(dir, 60);
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), "utf8")));
  edit("documents/QP-0002.yaml", (text) => text.replace("text: 适用于本公司所有汽车零部件产品。", "text: 按《来料检验程序1》执行。"));
  edit("documents/QP-0004.yaml", (text) => text.replace("status: released\n", "status: obsolete\nobsolete:\n  date: 2026-05-01\n  reason: 并入来料检验程序\n  superseded_by: QP-0001\n"));
  for (const path of files(dir, "csr")) edit(path, (text) => text.replace('    section: "5.2"', '    section: "5.9"'));
  writeFileSync(join(dir, "documents", "QP-0098.yaml"), readFileSync(join(dir, "documents", "QP-0003.yaml")));
  return gitInit(dir);
}

interface Edit {
  name: string;
  /** Applies the edit to the repository; false when it found nothing to change. */
  apply(dir: string, pick: <T>(list: T[]) => T): boolean;
}

function files(dir: string, folder: string): string[] {
  return (readdirSync(join(dir, folder), { recursive: true }) as string[]).filter((p) => p.endsWith(".yaml")).map((p) => join(folder, p));
}

/** Replaces the first match of `pattern` in a random file of `folder`. */
function replaceIn(folder: string, pattern: RegExp, replacement: string | ((match: string, ...groups: string[]) => string)): Edit["apply"] {
  return (dir, pick) => {
    const candidates = files(dir, folder).filter((p) => pattern.test(readFileSync(join(dir, p), "utf8")));
    if (candidates.length === 0) return false;
    const path = join(dir, pick(candidates));
    writeFileSync(path, readFileSync(path, "utf8").replace(pattern, replacement as string));
    return true;
  };
}

const EDITS: Edit[] = [
  { name: "change a CSR's title", apply: replaceIn("csr", /^title: (.*)$/m, (_, title) => `title: ${title}改`) },
  { name: "make an implementation overdue", apply: replaceIn("csr", /^  due: 2026-12-31$/m, "  due: 2026-01-05") },
  { name: "name an unknown clause", apply: replaceIn("csr", /^clauses: \["IATF16949:([\d.]+)"\]$/m, 'clauses: ["IATF16949:$1.9"]') },
  { name: "break a reference to a document", apply: replaceIn("csr", /^  - document: (QP|WI)-(\d+)$/m, "  - document: $1-9$2") },
  { name: "fix a reference to a document", apply: replaceIn("csr", /^  - document: (QP|WI)-9(\d+)$/m, "  - document: $1-$2") },
  { name: "name an unknown reviewer", apply: replaceIn("csr", /^      reviewer: p(\d+)$/m, "      reviewer: x$1") },
  { name: "give a second opinion of a department", apply: replaceIn("csr", /^    - department: MKT$/m, "    - department: QA") },
  { name: "move lines down", apply: replaceIn("", /^id: /m, "# 移动\n# 几行\nid: ") },
  { name: "move lines up", apply: replaceIn("", /^# 移动\n# 几行\n/m, "") },
  { name: "swap two top-level fields", apply: replaceIn("documents", /^(level: .*)\n(kind: .*)$/m, "$2\n$1") },
  { name: "let the preparer approve", apply: replaceIn("documents", /(prepared:\n\s+by: (p\d+)\n(?:.*\n)+?\s+approved:\n\s+by: )p\d+/, (_, head: string, by: string) => `${head}${by}`) },
  { name: "date a revision before the one it follows", apply: replaceIn("documents", /^    date: 2026-03-01$/m, "    date: 2025-01-01") },
  { name: "change a document's title", apply: replaceIn("documents", /^title: (.*)$/m, (_, title) => `title: ${title}改`) },
  { name: "rename the mentioned document", apply: replaceIn("documents", /^title: 来料检验程序1$/m, "title: 来料检验规程1") },
  { name: "rename it back", apply: replaceIn("documents", /^title: 来料检验规程1$/m, "title: 来料检验程序1") },
  { name: "rename a document's id", apply: replaceIn("documents", /^id: (QP|WI)-(\d+)$/m, "id: $1-8$2") },
  { name: "make a document a draft", apply: replaceIn("documents", /^status: released$/m, "status: draft") },
  { name: "add an unknown field", apply: replaceIn("documents", /^level: /m, "remarks: 备注\nlevel: ") },
  { name: "break the YAML", apply: replaceIn("csr", /^category: /m, "category: [未闭合\ncategory: ") },
  { name: "repair the YAML", apply: replaceIn("csr", /^category: \[未闭合\n/m, "") },
  { name: "change a customer's source", apply: replaceIn("customers", /^        status: current$/m, "        status: superseded") },
  // Revision B was received before every CSR taken from it; received later, it comes after some of them.
  { name: "receive a source revision later", apply: replaceIn("customers", /^        received: 2025-12-15$/m, "        received: 2026-03-15") },
  { name: "receive it on time again", apply: replaceIn("customers", /^        received: 2026-03-15$/m, "        received: 2025-12-15") },
  { name: "change a customer's contact", apply: replaceIn("customers", /^    role: 供应商质量工程师$/m, "    role: 供应商质量经理") },
  {
    name: "delete a file",
    apply: (dir, pick) => {
      rmSync(join(dir, pick([...files(dir, "csr"), ...files(dir, "documents")])));
      return true;
    },
  },
  {
    name: "add a CSR",
    apply: (dir, pick) => {
      const from = pick(files(dir, "csr"));
      const id = `C001-9${pick(["001", "002", "003"])}`;
      writeFileSync(join(dir, "csr", "C001", `${id}.yaml`), readFileSync(join(dir, from), "utf8").replace(/^id: .*$/m, `id: ${id}`).replace(/^customer: .*$/m, "customer: C001"));
      return true;
    },
  },
  {
    name: "add a document with an id taken",
    apply: (dir, pick) => {
      const from = pick(files(dir, "documents"));
      writeFileSync(join(dir, "documents", "QP-7777.yaml"), readFileSync(join(dir, from), "utf8"));
      return true;
    },
  },
  { name: "shorten the review period in qms.yaml", apply: replaceIn("", /^  review_days: 10$/m, "  review_days: 5") },
  { name: "lower a rule to a warning in qms.yaml", apply: replaceIn("", /^csr:\n/m, "rules:\n  csr/implementation-overdue: warning\ncsr:\n") },
  { name: "turn id/duplicate off in qms.yaml", apply: replaceIn("", /^csr:\n/m, "rules:\n  id/duplicate: off\ncsr:\n") },
  { name: "take the rules out of qms.yaml", apply: replaceIn("", /^rules:\n(?:  .*\n)+/m, "") },
  { name: "break qms.yaml", apply: replaceIn("", /^standards: \[IATF16949\]$/m, "standards: [IATF16949\n") },
  { name: "repair qms.yaml", apply: replaceIn("", /^standards: \[IATF16949\n$/m, "standards: [IATF16949]") },
];

/** The findings of `csr check` through the cache, and whether they were computed from the changed files alone. */
async function cachedCheck(dir: string, rules: readonly Rule[]): Promise<{ findings: Finding[]; incremental: boolean }> {
  let incremental = false;
  const { findings } = await checkCached(
    dir,
    TODAY,
    (repo) => {
      const outcome = checkRepository(repo, { today: TODAY }, rules);
      return [...outcome.findings, ...outcome.held];
    },
    {
      rememberFindings: true,
      rerun: async (change) => {
        const result = await recheck(change, { today: TODAY }, rules);
        incremental = result !== undefined;
        return result;
      },
    },
  );
  return { findings, incremental };
}

/** The findings of a whole check without the cache: shown ones in order, held-back ones as a set. */
function wholeCheck(dir: string, rules: readonly Rule[]): Finding[] {
  const outcome = checkRepository(loadRepository(dir), { today: TODAY }, rules);
  return [...outcome.findings, ...outcome.held];
}

const comparable = (findings: Finding[]) => ({
  shown: findings.filter((f) => f.heldBackBy === undefined),
  held: findings.filter((f) => f.heldBackBy !== undefined).sort(compareFindings),
});

/**
 * Runs up to `steps` random edits on a copy of the repository, checking through the cache and whole
 * after each, until the two differ; returns the edit after which they differed (if any), and how
 * many checks were incremental.
 */
async function editAndCompare(
  source: string,
  rules: readonly Rule[],
  seed: number,
  steps: number,
): Promise<{ differed: string[]; mismatch?: { cached: unknown; whole: unknown }; incremental: number; edits: string[] }> {
  const dir = tempDir("csr-incremental-");
  cpSync(source, dir, { recursive: true });
  const random = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  await cachedCheck(dir, rules);
  const result: Awaited<ReturnType<typeof editAndCompare>> = { differed: [], incremental: 0, edits: [] };
  while (result.edits.length < steps) {
    const edit = pick(EDITS);
    if (!edit.apply(dir, pick)) continue;
    result.edits.push(edit.name);
    const cached = await cachedCheck(dir, rules);
    if (cached.incremental) result.incremental++;
    const whole = wholeCheck(dir, rules);
    if (JSON.stringify(comparable(cached.findings)) !== JSON.stringify(comparable(whole))) {
      result.differed.push(`${result.edits.length}: ${edit.name}`);
      result.mismatch = { cached: comparable(cached.findings), whole: comparable(whole) };
      break;
    }
  }
  return result;
}

describe("a repeated check with files changed", () => {
  const source = repository();

  it("gives after every edit exactly the findings of a whole check, many of them from the changed files alone", { timeout: 60_000 }, async () => {
    // Seed 7 breaks qms.yaml, lowers a rule and repairs it on the way, besides the edits of single files.
    const run = await editAndCompare(source, registeredRules, 7, 40);
    expect(run.differed).toEqual([]);
    expect(run.mismatch).toBeUndefined();
    // Not a test of the whole check against itself: many checks took the incremental path.
    expect(run.incremental).toBeGreaterThanOrEqual(10);
  });

  // A rule declared `own` whose findings follow from other files too: the edits must show it (each
  // with a sequence that reaches such an edit early, to keep the test short).
  it.each([
    ["doc/mention-unresolved", 14],
    ["ref/unresolved", 7],
    ["csr/source-superseded", 7],
    ["csr/section-missing", 3],
    ["date/received-before-source", 6],
  ])("catches %s wrongly declared to read its own file only", { timeout: 60_000 }, async (id, seed) => {
    const wrong = registeredRules.map((r): Rule => (r.id === id ? { ...r, scope: { files: "own" } } : r));
    const run = await editAndCompare(source, wrong, seed, 40);
    expect(run.differed).toHaveLength(1);
  });

  it("reports a CSR received before its source revision once the customer's file dates the revision later, as a whole check does", async () => {
    const dir = tempDir("csr-incremental-");
    cpSync(source, dir, { recursive: true });
    const check = async (...more: string[]) => {
      const { stdout, code } = await csrInProcess(["-C", dir, "check", "--today", TODAY, "--format", "json", ...more]);
      return { code, findings: (JSON.parse(stdout) as { findings: Finding[] }).findings };
    };
    expect((await check()).findings.filter((f) => f.rule === "date/received-before-source")).toEqual([]);
    const customer = join(dir, "customers", "C001.yaml");
    writeFileSync(customer, readFileSync(customer, "utf8").replace("        received: 2025-12-15", "        received: 2026-01-20"));
    const cached = await check();
    expect(cached).toEqual(await check("--no-cache"));
    // C001's CSRs were received with the revision (2025-12-15), which is now dated after them.
    const message = (id: string, received: string) =>
      `${id} is dated received ${received}, before revision B of its source document CSR-MANUAL was received (2026-01-20): a requirement cannot be received before the document it comes from. Correct whichever date is wrong, as the paper record shows: 'received' in this file, or that revision's 'received' in customers/C001.yaml.`;
    const ids = Array.from({ length: 15 }, (_, i) => `C001-${String(i + 1).padStart(4, "0")}`);
    expect(cached.findings.filter((f) => f.rule === "date/received-before-source").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual(
      ids.map((id) => `csr/C001/${id}.yaml:11:11 ${message(id, "2025-12-15")}`),
    );
    expect(cached.code).toBe(1);
    // Correcting one CSR's date takes its finding away, through the cache as without it.
    const csrFile = join(dir, "csr", "C001", "C001-0001.yaml");
    writeFileSync(csrFile, readFileSync(csrFile, "utf8").replace(/^received: .*$/m, "received: 2026-01-20"));
    const corrected = await check();
    expect(corrected).toEqual(await check("--no-cache"));
    expect(corrected.findings.filter((f) => f.rule === "date/received-before-source").map((f) => f.file)).toEqual(ids.slice(1).map((id) => `csr/C001/${id}.yaml`));
  });

  it("runs a cross-file rule again over the whole repository only when what it reads of the changed file changed", { timeout: 60_000 }, async () => {
    const dir = tempDir("csr-incremental-");
    cpSync(source, dir, { recursive: true });
    const total = loadRepository(dir).files.length;
    // The rules whose check ran over the whole repository (the changed files alone are a few of them);
    // the engine runs a rule twice when some entity is kept in part (check/engine.ts).
    const wholeRuns = new Set<string>();
    const spied = registeredRules.map((r): Rule => {
      const check = r.check;
      return check ? { ...r, check: (ctx) => (ctx.repo.files.length === total && wholeRuns.add(r.id), check(ctx)) } : r;
    });
    await cachedCheck(dir, spied);
    const path = join(dir, "csr", "C001", "C001-0002.yaml");
    const edit = async (change: (text: string) => string) => {
      writeFileSync(path, change(readFileSync(path, "utf8")));
      wholeRuns.clear();
      const cached = await cachedCheck(dir, spied);
      return { incremental: cached.incremental, wholeRuns: [...wholeRuns].sort(), same: JSON.stringify(comparable(cached.findings)) === JSON.stringify(comparable(wholeCheck(dir, registeredRules))) };
    };
    // The title: no cross-file rule reads it.
    expect(await edit((text) => text.replace(/^title: (.*)$/m, "title: $1改"))).toEqual({ incremental: true, wholeRuns: [], same: true });
    // The customer document's revision it cites: read by the two rules that resolve it, by the three that date a round by the revision's receipt,
    // and by the two that compare the implementation with the revision's 实施日期.
    expect(await edit((text) => text.replace(/^  revision: .*$/m, "  revision: Z"))).toEqual({
      incremental: true,
      wholeRuns: ["csr/implementation-overdue", "csr/late-for-customer", "csr/review-late", "csr/source-superseded", "csr/source-unreviewed", "date/received-after-source", "date/received-before-source", "ref/unresolved"],
      same: true,
    });
  });

  it("prints with `csr check` what `csr check --no-cache` prints", () => {
    const dir = tempDir("csr-incremental-");
    cpSync(source, dir, { recursive: true });
    const check = (...more: string[]) => csr(["-C", dir, "check", "--today", TODAY, "--format", "json", ...more]);
    check();
    const path = join(dir, "csr", "C001", "C001-0003.yaml");
    // A finding of a cross-file rule in the edited file, placed in its new text; one of an own rule, computed again.
    writeFileSync(path, `# 注释\n# 两行\n${readFileSync(path, "utf8").replace("  - document: QP-0001", "  - document: QP-9001").replace("  due: 2026-12-31", "  due: 2026-01-05")}`);
    const broken = check();
    expect(broken).toEqual(check("--no-cache"));
    expect(JSON.parse(broken.stdout).findings.filter((f: { file: string }) => f.file === "csr/C001/C001-0003.yaml").map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`)).toEqual(["29 ref/unresolved", "33 csr/implementation-overdue"]);
    writeFileSync(path, `# 又一行\n${readFileSync(path, "utf8")}`);
    expect(check()).toEqual(check("--no-cache"));
  });
});
