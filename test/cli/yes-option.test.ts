/**
 * Every writing command takes -y/--yes (README: a script passes it to every writing command and is
 * never asked), a no-op where nothing is asked. The commands are read from commander's tree as
 * src/cli/main.ts wires it: a new writing command without --yes fails here.
 */
import { Command } from "commander";
import { describe, expect, it, vi } from "vitest";
import { csr, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

/**
 * Commands that ask nothing and write no repository file: they read and print, or write only the
 * output named by --out (site, matrix, changes, diff). render, export, schema and list, which may
 * overwrite an output file, take --yes and are checked like the others.
 */
const READING = ["changes", "check", "diff", "explain", "history", "matrix", "merge-driver", "show", "site", "calendar show", "numbering list", "organisation layout list", "person list", "standard list"];

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

describe("csr release --commit", () => {
  it("is accepted and changes nothing: a release always commits and tags (tester64 N14)", () => {
    const draft = ["id: QP-001", "title: 文件控制程序", "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - title: 目的", "    text: 规定文件控制。", ""].join("\n");
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": draft }));
    const released = csr(["-C", dir, "release", "QP-001", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-03-02", "-y", "--commit"]);
    const commit = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(released).toEqual({ code: 0, stdout: `Released QP-001 A/0 (documents/QP-001.yaml): commit ${commit}, tag QP-001/A-0.\n`, stderr: "" });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(csr(["release", "--help"]).stdout).toContain("--commit");
  });
});
