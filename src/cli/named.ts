/**
 * The top-level command (or group) that a run's arguments name, when nothing in them needs the other
 * commands: before it only csr's global options (`-C <dir>`, `--lang <lang>`, either as two arguments
 * or joined: `-C<dir>`, `--lang=<lang>`) and `--today <date>`, which every command takes (cli/program.ts todayAfterCommand), and no help asked for anywhere. Wiring a command costs
 * commander a few milliseconds per run for every command (their options, help texts and actions);
 * what commander does with a command line that names one command depends on that command and the
 * program alone (its options, errors and suggestions for a mistyped option), so it does the same
 * with only that command wired. Undefined, and every command wired, for anything else: no command,
 * `csr --help`, `csr help …`, `-h` anywhere, a name that is not a command (commander suggests the
 * closest of all of them), `--version`, any other option first.
 */
export function commandNamed(args: readonly string[], commands: Readonly<Record<string, unknown>>): string | undefined {
  // `-h`, also among joined short flags (`-yh`); an option value that merely looks so (`-Chome`) only costs the wiring.
  if (args.some((arg) => arg === "--help" || /^-[A-Za-z]*h/.test(arg))) return undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-C" || arg === "--lang" || arg === "--today") i++;
    else if (arg.startsWith("-C") || arg.startsWith("--lang=") || arg.startsWith("--today=")) continue;
    else if (arg.startsWith("-")) return undefined;
    else return Object.hasOwn(commands, arg) ? arg : undefined;
  }
  return undefined;
}

