/**
 * The README documents every command (the team's rule: every command with an example): each
 * command and subcommand that `csr --help` lists is named in README.md as `csr <command>`, and in
 * README.zh-CN.md too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, ROOT } from "../helpers.js";

/** The commands a help text lists under Commands:, without commander's own `help`. */
const commandsOf = (help: string) =>
  help
    .slice(help.indexOf("Commands:"))
    .split("\n")
    .map((line) => /^ {2}([a-z][a-z-]*)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== "help");

describe("README", () => {
  it("names every command and subcommand csr has", async () => {
    const top = commandsOf((await csrInProcess(["--help"])).stdout);
    expect(top).toContain("check");
    const all = [...top];
    for (const group of ["calendar", "customer", "department", "numbering", "organisation", "person", "process", "record", "source", "standard", "supplier", "symbol", "tooling", "first-article", "objective", "register", "management-review"]) {
      const subcommands = commandsOf((await csrInProcess([group, "--help"])).stdout);
      expect(subcommands.length, group).toBeGreaterThan(0);
      all.push(...subcommands.map((s) => `${group} ${s}`));
    }
    for (const readme of ["README.md", "README.zh-CN.md"]) {
      const text = readFileSync(join(ROOT, readme), "utf8");
      expect(all.filter((command) => !text.includes(`csr ${command}`)), readme).toEqual([]);
    }
  });
});
