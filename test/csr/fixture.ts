/** The csr workflow fixtures, copied to a temporary folder (optionally as a git repository). */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandContext } from "../../src/commands/context.js";
import { copyFixture, gitInit } from "../helpers.js";

export function validRepo(options: { git?: boolean } = {}): string {
  const dir = copyFixture("test/fixtures/csr/valid");
  return options.git ? gitInit(dir) : dir;
}

/**
 * Gives the fixture a calendar of weekdays alone (base: none; its own days off are in 2026, before
 * any day a test runs): a review deadline from the day the test runs is `weekdaysAfter(day, 10)`
 * (test/today.ts), whatever that day is, with no note of a year whose public holidays csr lacks.
 */
export function weekdayCalendar(dir: string): void {
  const qms = join(dir, "qms.yaml");
  const config = readFileSync(qms, "utf8");
  if (!config.includes("\ncalendar:\n")) throw new Error("test/fixtures/csr/valid/qms.yaml has no calendar to give base: none");
  writeFileSync(qms, config.replace("\ncalendar:\n", "\ncalendar:\n  base: none\n"));
}

/**
 * Gives the fixture a source document of DYA received on `day` (DYA-PKG 包装规范, revision A, issued
 * and received that day) and the calendar of weekdayCalendar: a CSR registered from it on the day
 * the test runs is due `weekdaysAfter(day, 10)`.
 */
export function sourceReceivedOn(dir: string, day: string): void {
  weekdayCalendar(dir);
  appendFileSync(join(dir, "customers", "DYA.yaml"), `  - id: DYA-PKG\n    title: 包装规范\n    revisions:\n      - revision: A\n        issued: ${day}\n        received: ${day}\n`);
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
