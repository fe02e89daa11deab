/** The output formats of `csr check`, each a lazily imported module. */
import type { Formatter } from "./types.js";

export const FORMATS = ["text", "json", "github", "gitlab", "junit", "sarif"] as const;
export type FormatName = (typeof FORMATS)[number];

/**
 * The formats whose report has a place for the held-back lines (heldBackLines: text and github print
 * them, json has `heldBack`). The others (a SARIF log, a JUnit or GitLab report, read by a CI server)
 * have none: `csr check` prints those lines on stderr, so that no format loses them (tester23 F6).
 */
export const REPORTS_HELD_BACK: readonly FormatName[] = ["text", "json", "github"];

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
