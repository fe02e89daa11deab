/**
 * What every run of csr's command line shares, whichever commands it wires (src/cli/main.ts: all of
 * them or the one its arguments name; src/cli/check.ts: `csr check` alone): the language and
 * standards of the repository, the program with its global options, each command's action loading
 * its module when it runs, and commander's errors turned into csr's exit codes.
 */
import { Command, CommanderError, Option } from "commander";
import type { CommandContext } from "../commands/context.js";
import { LANGS, setLanguage, t } from "../i18n/index.js";
import { resolveSettings } from "../i18n/resolve.js";
import { helpExamples, setStandardsInScope } from "../model/citations.js";
import { packageManifest } from "../load/package.js";
import { addHelpExamples, hasHelpExamples, localizeHelp, pointHelpAtCommands } from "./help.js";
import { commandNamed } from "./named.js";

const EXIT_USAGE = 2;

/** A command's action: `load` imports the command's module when the command runs, and gives its function. */
export type Action = <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...args: A) => Promise<number>>) => (...args: A) => Promise<void>;

/** What wiring a command needs: the program to add it to, the action maker and qms.yaml's standards (for help texts that cite a clause). */
export interface Wiring {
  program: Command;
  action: Action;
  standards: readonly string[] | undefined;
}

/**
 * Runs the program `wire` builds when the command line (process.argv) names the command `name`, as
 * bin/csr.js sends only such a run to a command's own file (dist/cli/check.cjs, site.cjs); undefined for
 * anything else, which bin/csr.js then gives to dist/cli/main.js.
 */
export async function runNamed(argv: string[], name: string, wire: (wiring: Wiring) => void): Promise<number | undefined> {
  if (commandNamed(argv.slice(2), { [name]: true }) !== name) return undefined;
  return runProgram(argv, wire);
}

/** Where a run's output goes: standard output and standard error, or (a test running csr in its own process) what it captures. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether the output is a terminal, which gets colours (unless NO_COLOR or FORCE_COLOR=0). */
  terminal(): boolean;
  /** The terminal's width in columns, asked only when the output is a terminal. */
  columns?(): number | undefined;
}

/**
 * Runs the command line `typed` (as process.argv; `help <group> <command>` read as helpAsOption says) with the commands that `wire` adds to the program,
 * its output to `output` (standardOutput: file descriptors 1 and 2); resolves to the exit code.
 */
export async function runProgram(typed: string[], wire: (wiring: Wiring) => void, given?: Output): Promise<number> {
  const argv = helpAsOption(typed);
  let exitCode = 0;
  const output = given ?? standardOutput(() => exitCode);
  const { lang, standards, root } = resolveSettings(argv.slice(2), process.cwd(), process.env);
  setLanguage(lang);
  setStandardsInScope(standards);
  const program = new Command();
  localizeHelp(program);
  // commander's help and usage errors go the same way (the help's width still comes from process.stdout).
  program.configureOutput({ writeOut: (text) => output.stdout(text), writeErr: (text) => output.stderr(text) });
  const context = (): CommandContext => {
    const opts = program.opts<{ C?: string }>();
    const color = output.terminal() && !process.env.NO_COLOR && process.env.FORCE_COLOR !== "0";
    const width = output.terminal() ? output.columns?.() : undefined;
    return {
      dir: opts.C ?? process.cwd(),
      color,
      ...(width ? { width } : {}),
      stdout: (t) => output.stdout(t),
      stderr: (t) => output.stderr(t),
    };
  };
  const action: Action =
    <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...args: A) => Promise<number>>) =>
    async (...args: A) => {
      const fn = await load();
      // commander passes the command last: one whose --today is csr's run-as day (runsAs) runs as of it, and the clock's day again after.
      const command = args.at(-1);
      const today = command instanceof Command && runsAs.has(command) ? command.opts<{ today?: string }>().today : undefined;
      if (today === undefined) {
        exitCode = await fn(context(), ...args);
        return;
      }
      const [{ runAs }, { dateOption }] = await Promise.all([import("../core/dates.js"), import("../commands/options.js")]);
      runAs(dateOption(today, "--today"));
      try {
        exitCode = await fn(context(), ...args);
      } finally {
        runAs(undefined);
      }
    };

  program
    .name("csr")
    .description(t("help.program"))
    .version(packageManifest().version, "-V, --version", t("help.program.version"))
    .option("-C <dir>", t("help.program.C"))
    // Read before parsing by resolveLanguage; declared so that commander accepts it anywhere and checks it.
    .addOption(new Option("--lang <lang>", t("help.program.lang")).choices(LANGS))
    .exitOverride();

  wire({ program, action, standards });
  const runsAs = takeToday(program);
  refuseRepeatedValues(program);

  pointHelpAtCommands(program);
  // The examples name the repository's own customer, people and documents: read only for a help.
  // exampleNames passes over what it cannot read; should it fail even so, the examples take csr init's names, and the help still shows.
  const kind = helpExamples(standards);
  const examples = asksForHelp(argv.slice(2)) && argv.slice(2).some(hasHelpExamples) ? await import("./example-names.js") : undefined;
  const names = examples ? await examples.exampleNames(root, kind).catch(() => examples.exampleNames(undefined, kind)) : undefined;
  addHelpExamples(program, standards, names);
  try {
    refuseVersionAfterCommand(program, argv.slice(2));
    await program.parseAsync(todayAfterCommand(argv));
    return exitCode;
  } catch (error) {
    return handleError(error, output);
  }
}

/**
 * Standard output and standard error written with fs.writeSync, as Node's own process.stdout and
 * process.stderr write to files, pipes and terminals on Linux and macOS (synchronously), without
 * making those streams: the first use of process.stdout loads Node's stream and socket modules, a
 * sixth of a whole `node -e 0` for every run (docs/speed.md). A descriptor that would block (one
 * opened non-blocking by another program) gets the rest of the run's output through Node's stream,
 * which waits for it; so does all output on Windows, where Node writes to a console in UTF-16. A
 * reader that stops early (`csr matrix clauses | head`) closes the pipe: csr then stops quietly
 * with the exit code decided so far (`exitCode`), as Unix tools do.
 */
export function standardOutput(exitCode: () => number): Output {
  const { writeSync, fstatSync } = process.getBuiltinModule("node:fs");
  const streamed = new Set<number>(process.platform === "win32" ? [1, 2] : []);
  const stop = () => process.exit(exitCode());
  const write = (fd: 1 | 2, text: string) => {
    let rest: string | Buffer = text;
    if (!streamed.has(fd)) {
      const bytes = Buffer.from(text, "utf8");
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EPIPE") stop();
        if (code !== "EAGAIN") throw error;
        streamed.add(fd);
        rest = bytes.subarray(done);
      }
    }
    const stream = fd === 1 ? process.stdout : process.stderr;
    if (!stream.listeners("error").includes(onStreamError)) stream.on("error", onStreamError);
    stream.write(rest);
  };
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stop();
  };
  return {
    stdout: (text) => write(1, text),
    stderr: (text) => write(2, text),
    columns: () => process.stdout.columns,
    // A terminal is a character device: anything else (a file, a pipe) is known without Node's tty module, which loads its socket modules.
    terminal: () => {
      try {
        return fstatSync(1).isCharacterDevice() && process.getBuiltinModule("node:tty").isatty(1);
      } catch {
        return false;
      }
    },
  };
}

/**
 * Every command takes `--today <date>`, the day it runs as (README "The day a command runs as"): a command
 * without its own (list, show, render, check … read it themselves) gets one here, and runs as of it
 * (core/dates.ts runAs: the default and latest --date, the check of what it writes, the days it counts).
 * Gives the commands so given it, whose action sets the day.
 */
function takeToday(program: Command): WeakSet<Command> {
  const given = new WeakSet<Command>();
  const visit = (command: Command) => {
    for (const sub of command.commands) {
      if (sub.commands.length > 0) visit(sub);
      else if (!sub.options.some((o) => o.long === "--today")) {
        sub.option("--today <date>", t("help.common.run-as"));
        given.add(sub);
      }
    }
  };
  visit(program);
  return given;
}

/**
 * The command line `argv` (as process.argv) with `help <group> <command> …` (after the program's options) read as
 * `<group> <command> … --help`: commander's help command takes one word, so `csr help action open` printed the help
 * of `csr action`, not of its subcommand (tester81 J14). One word after `help` is left to commander.
 */
export function helpAsOption(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  let i = 0;
  while (i < args.length && args[i]!.startsWith("-")) i += args[i] === "-C" || args[i] === "--lang" || args[i] === "--today" ? 2 : 1;
  const words = args.slice(i + 1);
  if (args[i] !== "help" || words.length < 2 || words.some((word) => word.startsWith("-"))) return [...argv];
  return [...argv.slice(0, 2), ...args.slice(0, i), ...words, "--help"];
}

/**
 * The command line `argv` (as process.argv) with a `--today <date>` (or `--today=<date>`) typed before the command
 * (`csr --today 2026-12-01 release QP-001 …`) moved after it, to the end of the options (before a `--`): commander
 * would refuse it as no option of the program, and every command takes it.
 */
export function todayAfterCommand(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  const moved: string[] = [];
  let i = 0;
  while (i < args.length) {
    const arg = args[i]!;
    if (arg === "--today" && i + 1 < args.length) moved.push(...args.splice(i, 2));
    else if (arg.startsWith("--today=")) moved.push(...args.splice(i, 1));
    else if (arg === "-C" || arg === "--lang") i += 2;
    else if (arg.startsWith("-")) i++;
    else break;
  }
  if (moved.length === 0) return [...argv];
  const end = args.indexOf("--");
  if (end === -1) args.push(...moved);
  else args.splice(end, 0, ...moved);
  return [...argv.slice(0, 2), ...args];
}

/**
 * `--version` (or `-V`) typed after a command is refused as an option that command does not have,
 * with commander's words and suggestions (help.ts leaves --version out of them): commander takes the
 * program's options anywhere, so `csr render QP-012 --version A/1` printed csr's version, exited 0 and
 * rendered nothing (tester52 D11). Throws commander's error, as parsing would.
 */
function refuseVersionAfterCommand(program: Command, args: readonly string[]): void {
  let command: Command | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return;
    if (arg === "--version" || arg === "-V") {
      if (command) (command as Command & { unknownOption(flag: string): never }).unknownOption(arg);
      return;
    }
    if (arg.startsWith("-")) {
      // An option's value is not an option (`--summary -V`), nor a command (`-C render`).
      const option = [...(command?.options ?? []), ...program.options].find((o) => o.long === arg || o.short === arg);
      if (option?.required || (option?.optional && !(args[i + 1] ?? "-").startsWith("-"))) i++;
      continue;
    }
    const sub = (command ?? program).commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (sub) command = sub;
    else if (command === undefined) return;
  }
}

/**
 * The option parsers that gather every value given (repeatable options: `collect`, check's --format):
 * an option of another parser, or of none, keeps one value.
 */
const gathering = new WeakSet<(...args: never[]) => unknown>();

/** Marks `parse` as gathering every value of a repeatable option (refuseRepeatedValues lets it repeat); returns it. */
export function gatheringParser<F extends (value: string, previous: never) => unknown>(parse: F): F {
  gathering.add(parse);
  return parse;
}

/**
 * An option that takes one value given twice, with two values, is refused in one line: commander keeps the last value
 * and drops the first without a word (tester78 A3: `--shift 早班 --shift 夜班` recorded 夜班 alone), and nothing a user
 * types is lost silently. Each such option of `command` and its subcommands (csr's own, -C and --lang, included) gets a
 * parser that remembers its first value and refuses another, then hands the value to the option's own parser
 * (choices, numbers). Options that take several values (variadic, or gathered: gatheringParser, collect) repeat freely,
 * as does `--today`, the day a run stands on, which a script sets and a user may set again (the last one given is the
 * day); the same value twice is taken once. The refusal is a UserError as handleError prints it (exit 2), made here
 * so that `csr --help` loads no more than commander and csr's wiring (test/ci/bundle).
 */
function refuseRepeatedValues(command: Command): void {
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.variadic || option.long === "--today" || (option.parseArg && gathering.has(option.parseArg as never))) continue;
    const own = option.parseArg;
    const name = option.long ?? option.short ?? option.flags;
    let first: string | undefined;
    option.argParser((value: string, previous: unknown) => {
      if (first !== undefined && first !== value) {
        throw Object.assign(new Error(t("cli.error.option-repeated", { option: name, first, second: value })), { name: "UserError", hint: t("cli.error.option-repeated.hint", { option: name }) });
      }
      first = value;
      return own ? own(value, previous) : value;
    });
  }
  for (const sub of command.commands) refuseRepeatedValues(sub);
}

/** Whether a command line may show a help: -h, --help or the help command anywhere before `--`. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === "-h" || arg === "--help" || arg === "help");
}

/** A repeatable option's values in their order; without a default, an option never given stays undefined (csr list refuses it by that). */
export const collect = gatheringParser(function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
});

/** The signer and date options of `csr release`, `csr sign` and `csr import` (SignatureFlags), with the help texts of `help` (release's, or sign's for both others). */
export function signatureOptions(command: Command, help: "release" | "sign" = "sign"): Command {
  return command
    .option("--prepared <person>", t(`help.${help}.prepared`))
    .option("--reviewed <person>", t(`help.${help}.reviewed`))
    .option("--approved <person>", t(`help.${help}.approved`))
    .option("--countersigned <people...>", t(`help.${help}.countersigned`))
    .option("--standardization <person>", t(`help.${help}.standardization`))
    .option("--military-representative <person>", t(`help.${help}.military-representative`))
    .option("--date <date>", t(`help.${help}.date`))
    .option("--prepared-date <date>", t(`help.${help}.prepared-date`))
    .option("--reviewed-date <date>", t(`help.${help}.reviewed-date`))
    .option("--countersigned-date <date>", t(`help.${help}.countersigned-date`))
    .option("--standardization-date <date>", t(`help.${help}.standardization-date`))
    .option("--approved-date <date>", t(`help.${help}.approved-date`))
    .option("--military-representative-date <date>", t(`help.${help}.military-representative-date`));
}

/** Ctrl-C (or Ctrl-D) at a prompt: the shell's code for a run ended by SIGINT. */
const EXIT_CANCELLED = 130;

/**
 * The exit code of a run that threw `error`, after one line on stderr: a known user error, its
 * message and hint (exit code its own, else 2); Ctrl-C at a prompt (@inquirer's ExitPromptError), or the
 * end of input there (Ctrl-D: InputEndedError), that the run was cancelled (130, as a shell reports a run ended by
 * SIGINT); anything else, an internal error with its stack (2).
 */
export function handleError(error: unknown, output: Pick<Output, "stderr"> = { stderr: (text) => void process.stderr.write(text) }): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof Error && error.name === "ExitPromptError") {
    output.stderr(`csr: ${t("cli.cancelled")}\n`);
    return EXIT_CANCELLED;
  }
  if (error instanceof Error && error.name === "InputEndedError") {
    output.stderr(`csr: ${t("cli.cancelled-input-ended")}\n`);
    return EXIT_CANCELLED;
  }
  if (error instanceof Error && error.name === "UserError") {
    const hint = (error as Error & { hint?: string }).hint;
    output.stderr(`csr: ${error.message}\n${hint ? `${t("cli.hint", { hint })}\n` : ""}`);
    return (error as Error & { exitCode?: number }).exitCode ?? EXIT_USAGE;
  }
  output.stderr(`csr: ${t("cli.internal-error")}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_USAGE;
}
