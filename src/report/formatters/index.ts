/** The output formats of `csr check`, each a lazily imported module. */
import type { Formatter } from "./types.js";

export const FORMATS = ["text", "json", "github", "gitlab", "junit", "sarif"] as const;
export type FormatName = (typeof FORMATS)[number];

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
