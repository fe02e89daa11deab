/**
 * Every writing command takes -y/--yes (README: a script passes it to every writing command and is
 * never asked), a no-op where nothing is asked. The commands are read from commander's tree as
 * src/cli/main.ts wires it: a new writing command without --yes fails here.
 */
import { Command } from "commander";
import { describe, expect, it, vi } from "vitest";
import { csrInProcess } from "../helpers.js";

/**
 * Commands that ask nothing and write no repository file: they read and print, or write only the
 * output named by --out (site, matrix, changes). render, export, schema and list, which may
 * overwrite an output file, take --yes and are checked like the others.
 */
const READING = ["changes", "check", "explain", "history", "matrix", "merge-driver", "show", "site", "calendar show", "numbering list", "person list", "standard list"];

describe("csr's writing commands", () => {
  it("all take -y/--yes", async () => {
    let program: Command | undefined;
    const spy = vi.spyOn(Command.prototype, "parseAsync").mockImplementation(async function (this: Command) {
      program = this;
      return this;
    });
    try {
      await csrInProcess(["--help"]);
    } finally {
      spy.mockRestore();
    }
    const leaves: { name: string; yes: boolean }[] = [];
    const walk = (command: Command, path: string[]) => {
      if (command.commands.length === 0) leaves.push({ name: path.join(" "), yes: command.options.some((o) => o.short === "-y" && o.long === "--yes") });
      for (const sub of command.commands) walk(sub, [...path, sub.name()]);
    };
    walk(program!, []);
    expect(leaves.length).toBeGreaterThan(40);
    expect(leaves.filter((c) => !c.yes && !READING.includes(c.name)).map((c) => c.name)).toEqual([]);
  });
});
