/**
 * A kill at any moment loses nothing (issue 10): each writing command is killed with SIGKILL at
 * every step of its change in turn (CSR_TEST_KILL_AT=N makes csr kill itself at the Nth step) and
 * at random moments of its whole run; after the next csr command (`csr recover`) the repository
 * is exactly as before or exactly as a clean run leaves it, files and git alike, with no
 * temporary file, lock or half-made commit or tag left behind.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";
import { csrAsync, gitState, leftovers, snapshot } from "./harness.js";

interface Scenario {
  name: string;
  args: (dir: string) => string[];
  /** Where the command writes, when not in the repository itself (init), relative to the repository. */
  target?: string;
  /** The git repository it writes in, when not the fixture's (init), relative to the fixture's: csr recover runs there. */
  repo?: string;
}

const REGISTER = "序号,文件名称,文件编号,部门\n1,文件控制程序,QP-101,QA\n2,记录控制程序,QP-102,QA\n3,内部审核程序,QP-103,QA\n";

const SCENARIOS: Scenario[] = [
  { name: "add", args: () => ["add", "--customer", "DYA", "--source", "DYA-SQM", "--clause", "IATF16949:8.5.1", "--title", "包装要求", "--received", "2026-11-27", "--yes", "--commit"] },
  { name: "review", args: () => ["review", "DYA-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-11-27", "--yes", "--commit"] },
  { name: "source update", args: () => ["source", "update", "DYA-SQM", "--revision", "D", "--received", "2026-11-27", "--commit"] },
  { name: "release", args: () => ["release", "QP-020", "--summary", "修订", "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", "2026-11-27", "--force"] },
  // A rename: one file deleted, one created, the reference in DYA-009 rewritten; staged as git mv, or committed.
  { name: "renumber", args: () => ["renumber", "DYA-001", "--yes"] },
  { name: "renumber --commit", args: () => ["renumber", "DYA-001", "DYA-020", "--yes", "--commit"] },
  { name: "obsolete", args: () => ["obsolete", "WI-031", "--reason", "并入 QP-020", "--date", "2026-11-27"] },
  { name: "import", args: (dir) => ["import", join(dir, "..", "register.csv"), "--as", "procedures"] },
  // Into a folder of a git repository that is not a csr one (a folder of a csr repository is refused).
  { name: "init", args: (dir) => ["init", join(dir, "..", "mono", "new")], target: "../mono/new", repo: "../mono" },
  { name: "render --out", args: () => ["render", "--all", "--format", "html", "--out", "out"] },
  { name: "export --out", args: () => ["export", "--out", "out/registers.xlsx"] },
];

let template: string | undefined;

/** A fresh copy of the CSR fixture as a git repository, with the import register beside it (copied from one template, git and all). */
function freshRepo(): string {
  if (!template) {
    template = tempDir("csr-kill-");
    cpSync(copyFixture("test/fixtures/csr/valid"), join(template, "repo"), { recursive: true });
    writeFileSync(join(template, "register.csv"), REGISTER);
    // DYA-003, addressed in WI-031 (withdrawn by a scenario), is addressed in QP-020 too: withdrawn alone, WI-031 would leave it addressed only by an obsolete document, which csr obsolete refuses.
    const dya003 = join(template, "repo", "csr/DYA/DYA-003.yaml");
    writeFileSync(dya003, readFileSync(dya003, "utf8").replace('  - { document: WI-031, section: "5.2" }\n', '  - { document: WI-031, section: "5.2" }\n  - { document: QP-020 }\n'));
    gitInit(join(template, "repo"));
    mkdirSync(join(template, "mono"));
    writeFileSync(join(template, "mono", "README.md"), "其他项目\n");
    gitInit(join(template, "mono"));
  }
  const parent = tempDir("csr-kill-");
  cpSync(template, parent, { recursive: true });
  return join(parent, "repo");
}

interface State {
  files: Record<string, string>;
  git: ReturnType<typeof gitState>;
}

function stateOf(dir: string, scenario: Scenario): State {
  const where = scenario.target ? join(dir, scenario.target) : dir;
  return { files: snapshot(where), git: gitState(scenario.repo ? join(dir, scenario.repo) : dir) };
}

/**
 * Kills one run of the command in a fresh repository, runs `csr recover`, and compares the state
 * with before and with a clean run. The killed csr is a process of its own; `csr recover` runs in
 * this process (it is an ordinary csr run that finds the journal on disk: what the next process
 * would do), which spares a Node start and csr's loading per kill.
 */
async function killedRun(scenario: Scenario, kill: { at?: number; afterMs?: number }): Promise<{ killed: boolean; problem?: string }> {
  const dir = freshRepo();
  const before = initial.get(scenario.name)!;
  const run = await csrAsync(scenario.args(dir), {
    cwd: dir,
    env: kill.at === undefined ? {} : { CSR_TEST_KILL_AT: String(kill.at) },
    killAfterMs: kill.afterMs,
  });
  const killed = run.signal === "SIGKILL";
  if (kill.at !== undefined && !killed) return { killed, problem: `${scenario.name} was not killed at step ${kill.at} of ${steps.get(scenario.name)}: ${run.stderr}` };
  if (!killed && run.code !== 0) return { killed, problem: `${scenario.name} failed: ${run.stderr}` };
  // From the root of the git repository written in: an init killed before it wrote its qms.yaml is recovered from there too.
  const repo = scenario.repo ? join(dir, scenario.repo) : dir;
  const recover = await csrInProcess(["recover"], { cwd: repo, lang: null, env: { GIT_CONFIG_NOSYSTEM: "1" } });
  if (recover.code !== 0) return { killed, problem: `recover: ${recover.stderr}` };
  const after = stateOf(dir, scenario);
  const expected = reference.get(scenario.name)!;
  const left = [...leftovers(dir), ...(scenario.repo ? leftovers(repo) : [])];
  if (left.length > 0) return { killed, problem: `${scenario.name} at ${JSON.stringify(kill)}: left ${left.join(", ")}` };
  const same = (a: State, b: State) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(after, expected) && !same(after, before)) {
    return { killed, problem: `${scenario.name} at ${JSON.stringify(kill)}: neither the old nor the new state:\n${JSON.stringify(after, null, 1)}\nexpected\n${JSON.stringify(expected, null, 1)}` };
  }
  return { killed };
}

const initial = new Map<string, State>();
const reference = new Map<string, State>();
const durations = new Map<string, number>();
/** How many steps each command's change has (CSR_TEST_STEPS of its clean run). */
const steps = new Map<string, number>();

/**
 * The steps to kill a change of `count` steps at: every one of the first eight, beyond them every
 * third (a change of many files repeats the same steps per file), and every step after the last
 * of those, since the last steps (commit, tag) are where a change completes.
 */
function killSteps(count: number): number[] {
  const sampled: number[] = [];
  for (let at = 1; at <= count; at += at < 8 ? 1 : 3) sampled.push(at);
  const last = sampled.at(-1) ?? 0;
  return [...sampled, ...Array.from({ length: count - last }, (_, i) => last + 1 + i)];
}

/** Runs tasks given to it at most `size` at a time, across the tests that share it. */
function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // A waiting task takes over the slot; else it is free.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Four csr processes of this file at a time (with the other test files' workers, more than enough for two cores). */
const slot = limiter(4);
const kills = new Map<string, number>();

describe("SIGKILL at any moment of a writing command", () => {
  beforeAll(async () => {
    const counts = tempDir("csr-kill-steps-");
    // One after the other: a clean run's duration, which the random moments below are fractions of, is measured alone.
    for (const [i, scenario] of SCENARIOS.entries()) {
      const dir = freshRepo();
      initial.set(scenario.name, stateOf(dir, scenario));
      const run = await csrAsync(scenario.args(dir), { cwd: dir, env: { CSR_TEST_STEPS: join(counts, String(i)) } });
      expect(run.code, `${scenario.name}: ${run.stderr}`).toBe(0);
      reference.set(scenario.name, stateOf(dir, scenario));
      durations.set(scenario.name, run.ms);
      steps.set(scenario.name, Number(readFileSync(join(counts, String(i)), "utf8")));
    }
  }, 600_000);

  // The commands at once (each its own test, with its own time limit), their kills sharing the four slots.
  describe.concurrent("leaves the repository as before or as intended, with nothing half-done", () => {
    for (const scenario of SCENARIOS) {
      it(`${scenario.name}: killed at every step of its change and at random moments of its run`, { timeout: 600_000 }, async () => {
        // Every step of the change (killSteps), and five random moments of the whole run (loading, checking, git).
        const at = killSteps(steps.get(scenario.name)!).map((step) => ({ at: step }));
        const random = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => ({ afterMs: Math.round(durations.get(scenario.name)! * f * (0.8 + Math.random() * 0.4)) }));
        const results = await Promise.all([...at, ...random].map((kill) => slot(() => killedRun(scenario, kill))));
        kills.set(scenario.name, results.filter((r) => r.killed).length);
        expect(results.flatMap((r) => (r.problem ? [r.problem] : []))).toEqual([]);
      });
    }
  });

  it("killed the commands at least 100 times in all", () => {
    expect(SCENARIOS.map((scenario) => kills.get(scenario.name) ?? 0).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(100);
  });
});

describe("rerunning an interrupted command", () => {
  it("completes the interrupted release instead of releasing the next version on top", async () => {
    const dir = freshRepo();
    // Steps of a one-file release: prepare, journal, journal written, placed, committed (git commit -- <path> adds a file git knows), tagged.
    const killed = await csrAsync(SCENARIOS[3]!.args(dir), { cwd: dir, env: { CSR_TEST_KILL_AT: "5" } });
    expect(killed.signal).toBe("SIGKILL");
    expect(gitState(dir).tags).toEqual([]);
    const rerun = await csrAsync(SCENARIOS[3]!.args(dir), { cwd: dir });
    expect(rerun.stdout).toBe("");
    expect(rerun.stderr).toMatch(
      /^csr: 'csr release QP-020 --summary 修订 --prepared li --reviewed wang --approved zhang --date 2026-11-27 --force' 曾被中断；现已完成（其文件已写入；已提交 [0-9a-f]{7}，标签 QP-020\/A-2）。\ncsr: 中断的正是本条命令；它已完成，不再重复执行。\n$/,
    );
    expect(rerun.code).toBe(0);
    expect(gitState(dir)).toEqual({ subjects: ["发布 QP-020 A/2：修订", "initial"], tags: ["QP-020/A-2"], status: "" });
    expect(leftovers(dir)).toEqual([]);
  });

  it("says a run killed before its point of no return was rolled back, and then runs the command", async () => {
    const dir = freshRepo();
    const killed = await csrAsync(SCENARIOS[1]!.args(dir), { cwd: dir, env: { CSR_TEST_KILL_AT: "2" } });
    expect(killed.signal).toBe("SIGKILL");
    const rerun = await csrAsync(SCENARIOS[1]!.args(dir), { cwd: dir });
    expect(rerun.stderr).toBe(
      "csr: 'csr review DYA-001 --department QA --reviewer zhang --opinion accept --date 2026-11-27 --yes --commit' 在做出任何更改前被中断；已回滚（临时文件已删除）。\n",
    );
    expect(rerun.code).toBe(0);
    expect(gitState(dir).subjects).toEqual(["csr review DYA-001：品质部 同意", "initial"]);
    expect(leftovers(dir)).toEqual([]);
  });

  it("makes csr check warn about an interrupted change without touching it", async () => {
    const dir = freshRepo();
    await csrAsync(SCENARIOS[1]!.args(dir), { cwd: dir, env: { CSR_TEST_KILL_AT: "3" } });
    const before = snapshot(dir);
    const check = await csrAsync(["check"], { cwd: dir });
    expect(check.stderr).toBe(
      "csr: 警告：'csr review DYA-001 --department QA --reviewer zhang --opinion accept --date 2026-11-27 --yes --commit' 被中断，尚未完成；运行 'csr recover'（或任何会写入的 csr 命令）来完成它。\n",
    );
    expect(snapshot(dir)).toEqual(before);
    const recover = await csrAsync(["recover"], { cwd: dir });
    expect(recover.stderr).toMatch(/曾被中断；现已完成（已写入 csr\/DYA\/DYA-001\.yaml；已提交 [0-9a-f]{7}）。\n$/);
    expect(leftovers(dir)).toEqual([]);
  });
});
