/**
 * The command-line wiring. Only commander is imported up front, so `csr --help` and
 * `csr --version` stay fast; each command's module is imported when it runs.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import type { CommandContext } from "../commands/context.js";

const EXIT_USAGE = 2;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function run(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  const context = (): CommandContext => {
    const opts = program.opts<{ C?: string }>();
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.FORCE_COLOR !== "0";
    return {
      dir: opts.C ?? process.cwd(),
      color,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
    };
  };
  const action =
    <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...args: A) => Promise<number>>) =>
    async (...args: A) => {
      const fn = await load();
      exitCode = await fn(context(), ...args);
    };

  program
    .name("csr")
    .description("Quality-management documents kept as YAML in Git: customer-specific requirements, controlled documents, audit lists.")
    .version(packageVersion(), "-V, --version")
    .option("-C <dir>", "run as if csr was started in <dir> (the repository is found by walking up to qms.yaml)")
    .showHelpAfterError("(run 'csr --help' for usage)")
    .exitOverride();

  program
    .command("check")
    .description("validate every file of the repository and run the cross-document rules")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--today <date>", "the date deadlines are measured against (YYYY-MM-DD; default: today)")
    .action(action(async () => (await import("../commands/check/index.js")).checkCommand));

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return handleError(error);
  }
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof Error && error.name === "UserError") {
    const hint = (error as Error & { hint?: string }).hint;
    process.stderr.write(`csr: ${error.message}\n${hint ? `hint: ${hint}\n` : ""}`);
    return EXIT_USAGE;
  }
  process.stderr.write(`csr: internal error (this is a bug, please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_USAGE;
}
