/**
 * The order in which vitest starts the test files. Without timings of an earlier run (a clean clone,
 * as in CI: vitest keeps them under node_modules/.vite), vitest starts the largest files first; the
 * files below take long for their size (hundreds of csr runs, or waiting for npm), and started last
 * they left the other workers with nothing to do at the end. They start first, longest first.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONG = ["test/safety/kill.test.ts", "test/safety/concurrency.test.ts", "test/ci/pack.test.ts"];

export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONG.findIndex((path) => file.moduleId.endsWith(`/${path}`));
      return index === -1 ? LONG.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
