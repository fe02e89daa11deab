/**
 * Which language csr speaks in this run: `--lang`, else `language` in the repository's qms.yaml
 * (the schema's default there is zh-CN, so a repository speaks Chinese unless it says otherwise),
 * else, outside a repository, the POSIX locale (LC_ALL, LC_MESSAGES, LANG: the first one set),
 * else Chinese.
 *
 * It runs before commander parses the command line (the help texts need the language), so it reads
 * `--lang` and `-C` from argv itself and qms.yaml's `language` with a line match instead of a YAML
 * parser: loading the parser would cost every `csr --help` its start-up time. qms.yaml's `standards`
 * are read the same way, for the help texts that cite a clause (a GJB 9001C repository's help cites
 * GJB 9001C, see model/citations.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_LANG, isLang, type Lang } from "./index.js";

export interface RunSettings {
  lang: Lang;
  /** qms.yaml's `standards` as written; undefined outside a repository or when it names none. */
  standards: string[] | undefined;
  /** The repository's root (the folder of its qms.yaml); undefined outside a repository. */
  root: string | undefined;
}

export function resolveSettings(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): RunSettings {
  const { lang, dir } = scanArguments(argv);
  const path = findConfig(resolve(cwd, dir ?? "."));
  const text = path === undefined ? undefined : readConfig(path);
  const standards = text === undefined ? undefined : configStandards(text);
  const root = path === undefined ? undefined : dirname(path);
  if (lang !== undefined && isLang(lang)) return { lang, standards, root };
  const chosen = path !== undefined ? (text === undefined ? undefined : configLanguage(text)) : localeLanguage(env);
  return { lang: chosen ?? DEFAULT_LANG, standards, root };
}

/** `--lang X`, `--lang=X`, `-C dir`, `-Cdir`; the last one wins, as in commander; nothing after `--`. */
function scanArguments(argv: readonly string[]): { lang?: string; dir?: string } {
  let lang: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg === "--lang") lang = argv[++i];
    else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
    else if (arg === "-C") dir = argv[++i];
    else if (arg.startsWith("-C") && arg.length > 2) dir = arg.slice(2);
  }
  return { lang, dir };
}

function findConfig(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const path = join(dir, "qms.yaml");
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}

function readConfig(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** A top-level `language: en` line (quoted or not, with or without a comment). */
function configLanguage(text: string): Lang | undefined {
  const match = /^language:[ \t]*(["']?)([A-Za-z-]+)\1[ \t]*(?:#.*)?$/m.exec(text);
  return match && isLang(match[2]!) ? match[2] : undefined;
}

/** A top-level `standards: [A, B]`, or `standards:` followed by `- A` lines; quotes and comments dropped. */
function configStandards(text: string): string[] | undefined {
  const flow = /^standards:[ \t]*\[([^\]\n]*)\]/m.exec(text);
  const block = flow ? undefined : /^standards:[ \t]*(?:#.*)?\r?\n((?:[ \t]+-.*(?:\r?\n|$))+)/m.exec(text);
  const items = flow ? flow[1]!.split(",") : block ? block[1]!.split(/\r?\n/).map((line) => line.replace(/^[ \t]+-/, "")) : [];
  const ids = items.map((item) => item.replace(/#.*$/, "").trim().replace(/^(["'])(.*)\1$/, "$2")).filter((id) => id !== "");
  return ids.length > 0 ? ids : undefined;
}

/** en_US.UTF-8 -> en, zh_CN.UTF-8 / zh_TW -> zh-CN; C, POSIX and other languages say nothing. */
function localeLanguage(env: NodeJS.ProcessEnv): Lang | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!locale) return undefined;
  if (/^en([_.@-]|$)/i.test(locale)) return "en";
  if (/^zh([_.@-]|$)/i.test(locale)) return "zh-CN";
  return undefined;
}
