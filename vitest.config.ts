import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { LongFilesFirst } from "./test/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CSR_TEST_PROFILE=<file>: each test file's CPU, its processes' and its forks, a line per file (test/profile.ts).
    setupFiles: ["test/setup.ts", ...(process.env.CSR_TEST_PROFILE ? ["test/profile.ts"] : [])],
    // Temporary folders in memory when there is room (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    // A time limit catches a test that hangs, not a slow one: on a machine shared with other
    // builds (load average 30 to 47 on 2 cores) tests of 10 s took over 30 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Test files are independent (each works in temporary folders of its own) and mostly wait for
    // the csr processes they start: one worker more than there are cores keeps the cores busy,
    // where vitest's default (one less) runs them one at a time on a 2-core machine.
    maxWorkers: availableParallelism() + 1,
    // A worker runs file after file without loading vitest, csr's modules and their libraries anew
    // for each (4 to 10 % less CPU time, measured on parts of the suite): no test file mocks a
    // module or changes process-wide state that another file reads (test/setup.ts sets the
    // language for each file).
    isolate: false,
    sequence: { sequencer: LongFilesFirst },
  },
});
