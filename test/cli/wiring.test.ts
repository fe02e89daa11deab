/**
 * A run wires only the command its arguments name (src/cli/named.ts), and bin/csr.js runs a check
 * from dist/cli/check.cjs, which wires `check` alone (src/cli/check.ts), and a site build from
 * dist/cli/site.cjs, which wires `site` alone (src/cli/site.ts): what commander sees of such a
 * command must be what the whole tree has, and anything that needs the other commands (help, a
 * mistyped command) must still get the whole tree. The trees are read as yes-option.test.ts reads
 * them: commander's parseAsync stubbed, so that no command runs.
 */
import { Argument, Command, Option } from "commander";
import { describe, expect, it, vi } from "vitest";
import { commandNamed } from "../../src/cli/named.js";
import { csrInProcess } from "../helpers.js";

/** The program csr wires for a command line, not run. */
async function wired(args: string[]): Promise<Command> {
  let program: Command | undefined;
  const spy = vi.spyOn(Command.prototype, "parseAsync").mockImplementation(async function (this: Command) {
    program = this;
    return this;
  });
  try {
    await csrInProcess(args);
  } finally {
    spy.mockRestore();
  }
  return program!;
}

/** Everything commander reads of a command when it parses, reports an error or prints help: its help text, options, arguments, action and subcommands. */
function shape(command: Command): unknown {
  const option = (o: Option) => ({ flags: o.flags, description: o.description, defaultValue: o.defaultValue, choices: o.argChoices, mandatory: o.mandatory, negate: o.negate, parser: o.parseArg?.toString() });
  const argument = (a: Argument) => ({ name: a.name(), description: a.description, required: a.required, variadic: a.variadic, defaultValue: a.defaultValue });
  const internals = command as unknown as { _actionHandler: unknown; _showSuggestionAfterError: boolean; _exitCallback: unknown };
  return {
    name: command.name(),
    help: command.helpInformation(),
    options: command.options.map(option),
    arguments: command.registeredArguments.map(argument),
    action: typeof internals._actionHandler,
    suggestions: internals._showSuggestionAfterError,
    exitOverride: typeof internals._exitCallback,
    commands: command.commands.map(shape),
  };
}

describe("the command a run wires", () => {
  it("is the one its arguments name, after csr's global options, and no help asked for", () => {
    const commands = { check: true, add: true, calendar: true };
    for (const args of [["check"], ["check", "--format", "json"], ["-C", "dir", "check"], ["-Cdir", "check"], ["-C/home/qa/repo", "check"], ["--lang", "en", "check"], ["--lang=en", "-C", "d", "check", "x"]])
      expect(commandNamed(args, commands), args.join(" ")).toBe("check");
    expect(commandNamed(["calendar", "holiday", "--from", "2026-10-01"], commands)).toBe("calendar");
    for (const args of [
      [],
      ["--help"],
      ["check", "--help"],
      ["check", "-h"],
      ["add", "-yh"],
      ["help", "check"],
      ["chek"],
      ["constructor"],
      ["-V"],
      ["--version"],
      ["-y", "check"],
      ["--", "check"],
      ["-C"],
      ["-C", "check"],
      ["--lang", "check"],
    ])
      expect(commandNamed(args, commands), args.join(" ")).toBeUndefined();
  });

  it("is wired as the whole tree wires it, for every command, with the same program around it", async () => {
    const full = await wired(["--help"]);
    const names = full.commands.map((c) => c.name());
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const alone = await wired([name]);
      expect(alone.commands.map((c) => c.name()), name).toEqual([name]);
      expect(shape(alone.commands[0]!), name).toEqual(shape(full.commands.find((c) => c.name() === name)!));
      expect(alone.options.map((o) => o.flags), name).toEqual(full.options.map((o) => o.flags));
    }
  });

  it("is every command when the arguments need them: help, a mistyped command, no command", async () => {
    const all = (await wired(["--help"])).commands.length;
    for (const args of [["check", "--help"], ["help", "check"], ["chek"], []]) expect((await wired(args)).commands.length, args.join(" ")).toBe(all);
  });

  it("gives commander's errors under the command named as before: suggestions from its own options, its help named", async () => {
    expect(await csrInProcess(["check", "--formt", "json"])).toEqual({ code: 2, stdout: "", stderr: "csr: unknown option '--formt' (did you mean --format?); see 'csr check --help'.\n" });
    expect(await csrInProcess(["calendar", "holidy"])).toEqual({ code: 2, stdout: "", stderr: "csr: unknown command 'holidy' (did you mean holiday?); see 'csr calendar --help'.\n" });
    expect(await csrInProcess(["site"])).toEqual({ code: 2, stdout: "", stderr: "csr: required option '--out <dir>' not specified; see 'csr site --help'.\n" });
    expect(await csrInProcess(["review"])).toEqual({ code: 2, stdout: "", stderr: "csr: missing required argument 'id'; see 'csr review --help'.\n" });
    // A language csr does not know is refused by the program, in Chinese (the language it could not set).
    expect(await csrInProcess(["check", "--lang", "xx"])).toEqual({ code: 2, stdout: "", stderr: "csr: 选项 '--lang <lang>' 不接受 'xx'；可选值：zh-CN, en；参见 'csr --help'。\n" });
  });

  it("prints a subcommand's own help for `csr help <group> <command>`, as `<group> <command> --help` does (tester81 J14)", async () => {
    const own = await csrInProcess(["--lang", "en", "action", "open", "--help"]);
    expect(own.stdout).toMatch(/^Usage: csr action open \[options\] \[id\]\n/);
    expect(await csrInProcess(["--lang", "en", "help", "action", "open"])).toEqual(own);
    expect((await csrInProcess(["--lang", "en", "help", "first-article", "add"])).stdout).toMatch(/^Usage: csr first-article add \[options\] \[product\]\n/);
    // One word after help stays commander's: the group's help.
    expect((await csrInProcess(["--lang", "en", "help", "action"])).stdout).toMatch(/^Usage: csr action \[options\] \[command\]\n/);
  });
});
