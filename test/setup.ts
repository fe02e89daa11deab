/** In-process tests read messages in English, as the CLI tests do (test/helpers.ts `csr`); test/cli/i18n.test.ts covers Chinese. */
import { rmSync } from "node:fs";
import { afterAll } from "vitest";
import { setLanguage } from "../src/i18n/index.js";
import { TEMP_DIRS } from "./helpers.js";

setLanguage("en");

// Each file's temporary repositories go when the file is done: left behind, a suite run leaves
// thousands of folders in /tmp, and a long-lived machine's disk once filled up with them.
afterAll(() => {
  for (const dir of TEMP_DIRS.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});
