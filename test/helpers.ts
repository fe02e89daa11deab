/** Shared test helpers: temporary repositories, real git with a fixed user, the built binary. */
import { spawnSync } from "node:child_process";
import { accessSync, appendFileSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(ROOT, "bin", "csr.js");
export const FIXTURES = join(ROOT, "test", "fixtures");

/**
 * The Chromium that tests drive through playwright-core: Chromium's old headless shell (Debian
 * package chromium-headless-shell, which csr's PDF output prefers too, and what playwright itself
 * runs headless) where it is installed, else the browser. The same Blink and Skia lay out and print
 * the pages; the shell starts no GPU process, extensions or browser UI: site/browser and
 * render/print-width took 57.2 s of Chromium's CPU with the browser, 20.3 s with the shell (docs/speed.md).
 */
export const CHROMIUM = existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium";

/** The programs a print test runs or checks csr's output with. */
export type PrintTool = "chromium" | "pdftotext" | "pdfinfo" | "libreoffice";

const toolPaths = new Map<PrintTool, string | undefined>();

/**
 * Where a print test's program is, or undefined where it is not installed: `chromium`, the browser csr's PDF output
 * runs (src/render/pdf.ts findChromium: CSR_CHROMIUM, else chromium-headless-shell, else chromium on PATH);
 * `pdftotext` and `pdfinfo` (poppler-utils), which read a PDF's text and pages back; `libreoffice`. A test that needs one runs only where
 * it is (`it.runIf(tool("chromium") && tool("pdftotext"))`); looked up on PATH once per file, without a shell.
 */
export function tool(name: PrintTool): string | undefined {
  if (!toolPaths.has(name)) {
    const names = name === "chromium" ? ["chromium-headless-shell", "chromium"] : [name];
    const given = name === "chromium" ? process.env.CSR_CHROMIUM || undefined : undefined;
    toolPaths.set(name, given ?? onPath(names));
  }
  return toolPaths.get(name);
}

/** The first of `names` found as an executable file in a folder of PATH (names first, then folders, as findChromium looks). */
function onPath(names: readonly string[]): string | undefined {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        continue;
      }
    }
  }
  return undefined;
}

/** The temporary folders this test file made; test/setup.ts removes them when the file is done. */
export const TEMP_DIRS: string[] = [];

/** A new temporary folder, under `base` when given (else os.tmpdir(), which test/global-setup.ts may put in memory). */
export function tempDir(prefix = "csr-test-", base = tmpdir()): string {
  const dir = mkdtempSync(join(base, prefix));
  TEMP_DIRS.push(dir);
  return dir;
}

/** Writes a repository from a map of relative path -> content into a new temporary folder. */
export function makeRepo(files: Record<string, string | Buffer>, dir = tempDir()): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Copies a fixture folder (test/fixtures/<name>) or an example (examples/<name>) to a temporary folder. */
export function copyFixture(path: string, base?: string): string {
  return copyRepository(join(ROOT, path), base);
}

/**
 * `dir` with every process's recorded internal audits removed from processes.yaml: examples/acme-auto
 * as it was before it recorded IA-2025-01/IA-2026-01 and its manufacturing process and product audits, and
 * before it marked C3 a manufacturing process (with no audit, process/manufacturing-audit-due would report it)
 * and set its yearly audit interval in qms.yaml (with no audit, process/audit-due would report every process),
 * for tests about a process never audited or that build their own audit programme.
 */
export function withoutAudits(dir: string): string {
  const file = join(dir, "processes.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^    audits:\n(?:      - .*\n)+/gm, "").replace(/^    # 制造过程：.*\n    manufacturing: true\n/gm, ""));
  return withoutAuditInterval(dir);
}

/** `dir` without the yearly audit interval examples/acme-auto sets in qms.yaml (internal_audit.interval_months: 12, its QP-004's annual plan), as it was before it set one. */
export function withoutAuditInterval(dir: string): string {
  const qms = join(dir, "qms.yaml");
  writeFileSync(qms, readFileSync(qms, "utf8").replace(/^# 内部审核方案：.*\n(?:# .*\n)*internal_audit:\n  interval_months: 12\n/m, ""));
  return dir;
}

/**
 * `dir` with no department recorded as keeping its customers' source documents (the `department` of each source in
 * customers/*.yaml, csr source update --department): examples/acme-auto as it was before it recorded 品质部 as their
 * keeper, for tests of the 外来文件清单's 未登记 and of the command it names.
 */
export function withoutKeepers(dir: string): string {
  const customers = join(dir, "customers");
  for (const name of readdirSync(customers).filter((f) => f.endsWith(".yaml"))) {
    const file = join(customers, name);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^    department: .*\n/gm, ""));
  }
  return dir;
}

/** A new temporary folder (under `base`) holding a copy of the repository `dir`: its files and its `.git`, commits, tags and settings alike. */
export function copyRepository(dir: string, base?: string): string {
  const copy = tempDir(undefined, base);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** The repositories committedFixture copies, by fixture path: made once per test process, removed when it exits. */
const committedTemplates = new Map<string, string>();

/**
 * A new temporary folder holding the fixture or example `path` (as copyFixture takes it) as a git
 * repository with all of it in one commit, as gitInit(copyFixture(path)) makes it, copied from a
 * repository made so once per test process (copyRepository: the same commit, new files). `git add`
 * and `git commit` of examples/acme-auto cost 128 ms of CPU; copying the committed repository, 24 to 32 ms.
 */
export function committedFixture(path: string): string {
  let template = committedTemplates.get(path);
  if (template === undefined) {
    const made = mkdtempSync(join(tmpdir(), "csr-committed-"));
    cpSync(join(ROOT, path), made, { recursive: true });
    gitInit(made);
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    committedTemplates.set(path, (template = made));
  }
  return copyRepository(template);
}

/**
 * `build`'s repository made once per test file (for each list of arguments) and copied for every
 * call (copyRepository): for tests that each start from the same state, which `build` reaches with
 * csr and git runs that are not what the tests are about. A copy is a real repository with the
 * same commits; only its files' times and inodes are new, which git and csr's check cache notice
 * and read again. The first call builds; calls made meanwhile wait for it.
 */
export function builtOnce<A extends unknown[]>(build: (...args: A) => string | Promise<string>): (...args: A) => Promise<string> {
  const made = new Map<string, Promise<string>>();
  return async (...args) => {
    const key = JSON.stringify(args);
    let template = made.get(key);
    if (!template) made.set(key, (template = Promise.resolve(build(...args))));
    return copyRepository(await template);
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `csr` binary. Tests read English unless they ask for Chinese: `--lang en` is put first
 * unless the arguments name a language or `lang` asks for another (`null`: no `--lang`, so the
 * repository or the default decides, as for a user; test/cli/i18n.test.ts covers that).
 */
export function csr(args: string[], options: CsrOptions = {}): RunResult {
  const { argv, cwd, env } = invocation(args, options);
  const result = spawnSync(process.execPath, argv, { cwd, env, input: options.input ?? "", encoding: "utf8" });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * `csr` run in the test's own process: the CLI's `run` (src/cli/main.ts, the function bin/csr.js
 * calls) with the same arguments, working directory and environment as `csr()`, what it writes to
 * stdout and stderr captured, its return value as the exit code. A spawned csr costs 0.1 to 0.5 s
 * of CPU for starting Node and loading csr's modules and libraries (exceljs alone is most of that
 * for a workbook), which a test that is about a command's result rather than the binary pays for
 * nothing; the binary's own behaviour keeps its tests with `csr()`. No stdin: a run that would
 * prompt gets none, as with `-y`. Runs one at a time (they share the process's output, directory
 * and environment), and leaves the message language as it was (test/setup.ts sets it per file).
 */
export function csrInProcess(args: string[], options: Omit<CsrOptions, "input"> = {}): Promise<RunResult> {
  const result = inProcessQueue.then(() => runInProcess(args, options));
  inProcessQueue = result.catch(() => undefined);
  return result;
}

async function runInProcess(args: string[], options: Omit<CsrOptions, "input">): Promise<RunResult> {
  const { argv, cwd, env } = invocation(args, options);
  const [{ run }, { language, setLanguage }, { setStandardsInScope, standardsInScope }] = await Promise.all([
    import("../src/cli/main.js"),
    import("../src/i18n/index.js"),
    import("../src/model/citations.js"),
  ]);
  const lang = language();
  // A run sets the standards (and with them the wording, i18n/terms.ts) of its repository; the next test's direct calls must not inherit them.
  const standards = standardsInScope();
  const dir = process.cwd();
  const savedEnv = { ...process.env };
  const output = { stdout: "", stderr: "" };
  const streams = (["stdout", "stderr"] as const).map((name) => ({ name, stream: process[name], write: process[name].write, listeners: process[name].listeners("error") }));
  try {
    process.chdir(cwd);
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
    Object.assign(process.env, env);
    for (const { name, stream } of streams) {
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        output[name] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        callback?.();
        return true;
      }) as typeof stream.write;
    }
    // csr writes to file descriptors 1 and 2 (src/cli/program.ts standardOutput); a run in this process writes here instead.
    const captured = { stdout: (text: string) => void (output.stdout += text), stderr: (text: string) => void (output.stderr += text), terminal: () => false };
    const code = await run([process.execPath, BIN, ...argv.slice(1)], captured);
    return { code, ...output };
  } finally {
    for (const { stream, write, listeners } of streams) {
      stream.write = write;
      // `run` stops quietly on a closed pipe with a listener of its own per run.
      for (const listener of stream.listeners("error")) if (!listeners.includes(listener)) stream.off("error", listener as () => void);
    }
    process.chdir(dir);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    setLanguage(lang);
    setStandardsInScope(standards);
  }
}

interface CsrOptions {
  cwd?: string;
  input?: string;
  env?: Record<string, string>;
  lang?: "zh-CN" | "en" | null;
}

/**
 * The environment a csr process of the tests starts from: this one without NODE_EXTRA_CA_CERTS.
 * Node 20 reads and parses the certificates that variable names as it starts, whether or not the
 * process opens a TLS connection (csr opens none). Where it is set, as on the machine the suite is
 * timed on (144 certificates), that is 40 ms of CPU per process (median CPU of `node -e 0`: 0.067 s,
 * 0.027 s without; of `csr review … --commit` on the CSR fixture: 0.32 s, 0.27 s without), paid by
 * each of the suite's some 350 csr processes.
 */
export function csrEnv(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  return env;
}

function invocation(args: string[], options: CsrOptions): { argv: string[]; cwd: string; env: NodeJS.ProcessEnv } {
  const lang = options.lang === undefined ? "en" : options.lang;
  const langArgs = lang === null || args.some((a) => a === "--lang" || a.startsWith("--lang=")) ? [] : ["--lang", lang];
  return {
    argv: [BIN, ...langArgs, ...args],
    cwd: options.cwd ?? ROOT,
    // Outside a repository the locale would decide the language: none is set, so it is Chinese everywhere.
    env: { ...csrEnv(), NO_COLOR: "1", LC_ALL: "", LC_MESSAGES: "", LANG: "", ...options.env },
  };
}

/** A finding as `csr check --format json` prints it. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
  docs: string;
}

/**
 * The one-line summary `csr check --format json` leaves on stderr for a CI log (fmt70), in English or Chinese: the
 * report's own `summary` has its figures, and test/ci/reports.test.ts the line itself.
 */
const JSON_SUMMARY_LINE = /^csr: (?:errors: \d+, warnings: \d+, in files: \d+ \(files checked: \d+\)\.|no problems in \d+ files\.|\d+ 个文件中有 \d+ 个错误、\d+ 个警告（共检查 \d+ 个文件）。|\d+ 个文件中没有发现问题。)\n/m;

/** Runs `csr check --format json` with extra arguments and returns its findings, and what stderr says besides its summary line. */
export function checkJson(dir: string, ...args: string[]): { code: number; stderr: string; findings: JsonFinding[] } {
  const result = csr(["-C", dir, "check", "--format", "json", ...args]);
  const report = JSON.parse(result.stdout || "{}") as { findings?: JsonFinding[] };
  return { code: result.code, stderr: result.stderr.replace(JSON_SUMMARY_LINE, ""), findings: report.findings ?? [] };
}

/** `checkJson` in the test's process (see csrInProcess). */
export async function checkJsonInProcess(dir: string, ...args: string[]): Promise<{ code: number; stderr: string; findings: JsonFinding[] }> {
  const result = await csrInProcess(["-C", dir, "check", "--format", "json", ...args]);
  const report = JSON.parse(result.stdout || "{}") as { findings?: JsonFinding[] };
  return { code: result.code, stderr: result.stderr.replace(JSON_SUMMARY_LINE, ""), findings: report.findings ?? [] };
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: "Test User",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test User",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
};

/** Runs git in `dir` with a fixed identity; throws with git's message on failure. */
export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync("git", ["-c", "core.quotepath=off", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "maintenance.auto=false", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...GIT_ENV, ...env },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Commits everything in `dir` as authored and committed at `when`: an ISO date and time, or a day
 * (YYYY-MM-DD), taken as 10:00 China Standard Time, so that dates and tags are reproducible.
 */
export function commitAt(dir: string, when: string, message: string): void {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T10:00:00+08:00` : when;
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message], { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
}

/**
 * The settings gitInit gives a repository, in git's config format: the fixed user, for csr's own
 * commits there too; and no automatic maintenance, which git otherwise starts as a process of its
 * own after every commit (a few thousand in a run of the suite) and which has nothing to do in a
 * repository of a few commits.
 */
const REPOSITORY_CONFIG = "[user]\n\tname = Test User\n\temail = test@example.com\n[maintenance]\n\tauto = false\n";

/** The `.git` of a repository this test process made with `git init` and REPOSITORY_CONFIG, which gitInit copies. */
let emptyRepository: string | undefined;

/**
 * Makes `dir` a git repository with gitInit's settings and no commit: a copy of the `.git` folder
 * that `git init` wrote once in this test process (the same files: `git init` writes no path of
 * its own into them), where a git process per repository cost 10 to 40 ms on a machine where
 * starting a process is slow, for some 400 repositories in a run of the suite. A folder that is a
 * repository already is initialised again by git itself, as `git init` does.
 */
function initRepository(dir: string): void {
  if (existsSync(join(dir, ".git"))) {
    git(dir, ["init", "-q"]);
    appendFileSync(join(dir, ".git", "config"), REPOSITORY_CONFIG);
    return;
  }
  if (!emptyRepository) {
    const made = mkdtempSync(join(tmpdir(), "csr-git-init-"));
    git(made, ["init", "-q"]);
    // Written as `git config` would, without a process for each setting.
    appendFileSync(join(made, ".git", "config"), REPOSITORY_CONFIG);
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    emptyRepository = join(made, ".git");
  }
  cpSync(emptyRepository, join(dir, ".git"), { recursive: true });
}

/**
 * Makes `dir` a git repository with no commit, its user Test User <test@example.com> (as `git init` and two `git config
 * user.*` would, without their three processes): for a test that makes its own commits (commitAt). Returns `dir`.
 */
export function gitInitEmpty(dir: string): string {
  initRepository(dir);
  return dir;
}

/** Turns a folder into a git repository with everything committed. */
export function gitInit(dir: string): string {
  initRepository(dir);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "initial"]);
  return dir;
}

/**
 * The revision record of a document of minimalRepo released as A/0 on 2026-03-02 on the form of
 * that time (编制 zhang, 审核 li, 批准 wang: no 会签): YAML lines from `revisions:` on.
 */
export const RELEASED_A0_LINES: readonly string[] = [
  "revisions:",
  "  - version: A/0",
  "    date: 2026-03-02",
  "    summary: 首次发布",
  "    prepared: { by: zhang, date: 2026-02-20 }",
  "    reviewed: { by: li, date: 2026-02-25 }",
  "    approved: { by: wang, date: 2026-02-26 }",
];

/** A procedure of minimalRepo released as A/0 (RELEASED_A0_LINES), with one section or several: the YAML text of documents/<id>.yaml. */
export function releasedProcedure(id: string, title: string, sections: { title: string; text: string } | readonly { title: string; text: string }[]): string {
  return [
    `id: ${id}`,
    `title: ${title}`,
    "level: 2",
    "kind: procedure",
    "department: QA",
    "status: released",
    ...RELEASED_A0_LINES,
    "sections:",
    ...(Array.isArray(sections) ? sections : [sections]).flatMap((section: { title: string; text: string }) => [`  - title: ${section.title}`, `    text: ${section.text}`]),
    "",
  ].join("\n");
}

/**
 * `dir` (a minimalRepo) with calendar/year-missing off, for a test that checks at the day it runs and
 * is not about the calendar: from a day in a year whose public holidays csr does not ship yet (2027
 * until its State Council notice is added), the rule warns on qms.yaml, as it should for a user.
 * minimalRepo's rules come last in its qms.yaml. Returns `dir`.
 */
export function withoutYearCheck(dir: string): string {
  appendFileSync(join(dir, "qms.yaml"), "  calendar/year-missing: off\n");
  return dir;
}

/** A minimal valid repository, extended or overridden by `files`. */
export function minimalRepo(files: Record<string, string | Buffer> = {}): string {
  return makeRepo({
    "qms.yaml": [
      "organisation:",
      "  name: 测试汽车零部件有限公司",
      "standards: [IATF16949]",
      "departments:",
      "  - code: QA",
      "    name: 品质部",
      "  - code: MKT",
      "    name: 市场部",
      "numbering:",
      "  - kind: procedure",
      "    pattern: QP-###",
      "  - kind: form",
      "    pattern: QR-###-##",
      "csr:",
      "  reviewers: [QA, MKT]",
      "rules:",
      "  # Tests build tiny repositories that cover few clauses; coverage has tests of its own.",
      "  coverage/clause-uncovered: off",
      "",
    ].join("\n"),
    "people.yaml": [
      "people:",
      "  - id: zhang",
      "    name: 张伟",
      "    department: QA",
      "    roles: [author, reviewer]",
      "    emails: [zhang@example.com]",
      "  - id: li",
      "    name: 李娜",
      "    department: MKT",
      "    roles: [author, reviewer]",
      "  - id: wang",
      "    name: 王强",
      "    department: QA",
      "    roles: [approver]",
      "    emails: [wang@example.com]",
      "",
    ].join("\n"),
    ...files,
  });
}


/** Every file under `dir`, '/'-separated, relative to it and sorted. */
export function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * csr installed in the git repository `dir` (node_modules/.bin/csr, as README's 'Installing csr'
 * does it) and its hooks/ folder enabled (`git config core.hooksPath hooks`, as csr init says): the
 * pre-commit hook then runs the csr under test. The hook file is the repository's own.
 */
export function enableHooks(dir: string): void {
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  symlinkSync(BIN, join(dir, "node_modules/.bin/csr"));
  git(dir, ["config", "core.hooksPath", "hooks"]);
}
