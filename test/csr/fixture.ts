/** The csr workflow fixtures, copied to a temporary folder (optionally as a git repository). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandContext } from "../../src/commands/context.js";
import { copyFixture, gitInit } from "../helpers.js";

export function validRepo(options: { git?: boolean } = {}): string {
  const dir = copyFixture("test/fixtures/csr/valid");
  return options.git ? gitInit(dir) : dir;
}

export const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** Every file under a folder, relative, sorted: to prove that nothing else was written. */
export function tree(dir: string, sub = ""): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .filter((e) => e.name !== ".git")
    .flatMap((e) => (e.isDirectory() ? tree(dir, join(sub, e.name)) : [join(sub, e.name)]))
    .sort();
}

/** A command context that collects what a command prints, for in-process runs. */
export function capture(dir: string): CommandContext & { out: string; err: string } {
  const ctx = {
    dir,
    color: false,
    out: "",
    err: "",
    stdout: (t: string) => void (ctx.out += t),
    stderr: (t: string) => void (ctx.err += t),
  };
  return ctx;
}
