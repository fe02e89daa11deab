/**
 * What the tests of `csr list training --missing` (未完成培训人员清单) share: the command on a day and the rows it
 * prints (training-missing.test.ts, training-who.test.ts).
 */
import { csr, csrInProcess, type RunResult } from "../helpers.js";

/** `csr list training --missing --today <today>` in `dir`, with `args` after it, in the test's process (csrInProcess). */
export const missing = (dir: string, today: string, ...args: string[]): Promise<RunResult> => csrInProcess(["-C", dir, "list", "training", "--missing", "--today", today, ...args]);

/** `missing` through the built binary, for the first run of a file. */
export const missingBinary = (dir: string, today: string, ...args: string[]): RunResult => csr(["-C", dir, "list", "training", "--missing", "--today", today, ...args]);

/** The rows of the printed list, each cell trimmed, without its heading lines. */
export const rows = (stdout: string): string[][] =>
  stdout
    .split("\n")
    .slice(3)
    .filter((line) => /^\d/.test(line))
    .map((line) => line.split(/ {2,}/).map((cell) => cell.trim()));
