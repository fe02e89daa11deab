/** The output formats of `csr check`, each a lazily imported module. */
import type { Formatter } from "./types.js";

export const FORMATS = ["text", "json", "github", "gitlab", "junit", "sarif"] as const;
export type FormatName = (typeof FORMATS)[number];

/**
 * The formats whose report ends with the held-back lines (heldBackLines) and the one-line summary, for the person who
 * reads the log: text and github. With any other report on stdout (json for a script, a SARIF log, a JUnit or GitLab
 * report for a CI server), or none, `csr check` prints those lines on stderr, so that no format loses them (tester23
 * F6) and the job's log says what failed (tester69 T2), while stdout holds the report alone.
 */
export const REPORTS_SUMMED_UP: readonly FormatName[] = ["text", "github"];

/**
 * The formats a CI server reads paths of from its checkout's root (GitHub's annotations, GitLab's
 * Code Quality and test reports, SARIF's %SRCROOT%): with -C in a folder of a larger repository,
 * their paths start at the git top level. text and json keep the paths csr reads, from -C.
 */
export const FROM_TOP_LEVEL: readonly FormatName[] = ["github", "gitlab", "junit", "sarif"];

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "text":
      return (await import("./text.js")).format;
    case "json":
      return (await import("./json.js")).format;
    case "github":
      return (await import("./github.js")).format;
    case "gitlab":
      return (await import("./gitlab.js")).format;
    case "junit":
      return (await import("./junit.js")).format;
    case "sarif":
      return (await import("./sarif.js")).format;
  }
}
