/**
 * The help of the commands a new user starts with ends with examples, in the language of the run,
 * and every option an example uses is one its command has.
 */
import { describe, expect, it } from "vitest";
import { csrInProcess } from "../helpers.js";

const COMMANDS = ["add", "check", "export", "import", "init", "list", "release", "render", "review", "site"];

describe.each([["zh-CN", "示例："], ["en", "Examples:"]] as const)("csr <command> --help in %s", (lang, heading) => {
  it.each(COMMANDS)("%s ends with examples of its own options", async (command) => {
    const help = (await csrInProcess([command, "--help"], { lang })).stdout;
    const examples = help.slice(help.indexOf(`\n${heading}\n`) + heading.length + 2);
    expect(help).toContain(`\n\n${heading}\n`);
    const lines = examples.replace(/ \\\n\s+/g, " ").trimEnd().split("\n");
    const commands = lines.filter((line) => !line.startsWith("  # "));
    expect(commands.length).toBeGreaterThan(0);
    expect(lines.length).toBe(commands.length * 2);
    for (const line of commands) {
      expect(line.startsWith(`  csr ${command}`), line).toBe(true);
      const options = help.slice(0, help.indexOf(`\n${heading}\n`));
      for (const flag of line.match(/ (-[-\w]+)/g) ?? []) expect(options, `${line}: ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag.trim()}[ ,<\\n]`, "m"));
    }
  });
});
