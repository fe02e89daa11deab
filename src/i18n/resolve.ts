/**
 * Which language csr speaks in this run: `--lang`, else `language` in the repository's qms.yaml
 * (the schema's default there is zh-CN, so a repository speaks Chinese unless it says otherwise),
 * else, outside a repository, the POSIX locale (LC_ALL, LC_MESSAGES, LANG: the first one set),
 * else Chinese.
 *
 * It runs before commander parses the command line (the help texts need the language), so it reads
 * `--lang` and `-C` from argv itself and qms.yaml's `language` with a line match instead of a YAML
 * parser: loading the parser would cost every `csr --help` its start-up time.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_LANG, isLang, type Lang } from "./index.js";

export function resolveLanguage(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Lang {
  const { lang, dir } = scanArguments(argv);
  if (lang !== undefined && isLang(lang)) return lang;
  const config = findConfig(resolve(cwd, dir ?? "."));
  if (config !== undefined) return configLanguage(config) ?? DEFAULT_LANG;
  return localeLanguage(env) ?? DEFAULT_LANG;
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

/** A top-level `language: en` line (quoted or not, with or without a comment). */
function configLanguage(path: string): Lang | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const match = /^language:[ \t]*(["']?)([A-Za-z-]+)\1[ \t]*(?:#.*)?$/m.exec(text);
  return match && isLang(match[2]!) ? match[2] : undefined;
}

/** en_US.UTF-8 -> en, zh_CN.UTF-8 / zh_TW -> zh-CN; C, POSIX and other languages say nothing. */
function localeLanguage(env: NodeJS.ProcessEnv): Lang | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!locale) return undefined;
  if (/^en([_.@-]|$)/i.test(locale)) return "en";
  if (/^zh([_.@-]|$)/i.test(locale)) return "zh-CN";
  return undefined;
}
