/**
 * The commands the site quotes to its readers (the dashboard's notes and lists, the person pages, the
 * findings page and its messages, the document and CSR pages) are commands csr has, with options csr
 * has: each `csr …` of the example repository's site, in both languages, is looked up in the command
 * tree csr wires (commander's parseAsync stubbed, as test/cli/wiring.test.ts reads it). A note kept
 * `csr distribute` and `csr implement --due` after the commands changed; this keeps them true.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { copyFixture, csrInProcess, ROOT, tempDir } from "../helpers.js";

/** The program csr wires for `csr --help`: every command, none run. */
async function commandTree(): Promise<Command> {
  let program: Command | undefined;
  const spy = vi.spyOn(Command.prototype, "parseAsync").mockImplementation(async function (this: Command) {
    program = this;
    return this;
  });
  try {
    await csrInProcess(["--help"]);
  } finally {
    spy.mockRestore();
  }
  return program!;
}

/** The text a reader sees of a page: no scripts or styles, tags as spaces, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/**
 * The `csr …` command lines of a text: `csr` and the words after it that a command line can hold
 * (ASCII words, options, placeholders such as <日期>, <CSR> or a message's {{id}}, quoted values);
 * prose after it in Chinese or a closing quote ends it. In English prose `csr` is also a subject
 * ("csr cannot tell …"): there a line counts when its first word is a command of `program` or it
 * has an option. A version (csr 0.1.0) never counts.
 */
function quotedCommands(text: string, program: Command, lang: "zh-CN" | "en"): string[][] {
  const lines: string[][] = [];
  for (const match of text.matchAll(/(?<![\w/@.-])csr((?: +(?:<[^<>\s]*>|"[^"]*"|\{\{\w+\}\}|[A-Za-z0-9_./:=@…-]+))+)/g)) {
    const words = match[1]!.trim().replace(/[.:]$/, "").match(/<[^<>\s]*>|"[^"]*"|\S+/g)!;
    if (/^(\d|\{\{)/.test(words[0]!)) continue;
    if (lang === "en" && !program.commands.some((c) => c.name() === words[0]) && !words.some((w) => w.startsWith("-"))) continue;
    lines.push(words);
  }
  return lines;
}

/** What is wrong with a quoted command line in `program`'s tree: an unknown command or option; undefined when nothing is. */
function problemOf(program: Command, words: readonly string[]): string | undefined {
  let command = program;
  let rest = [...words];
  // The command and its subcommands (csr calendar holiday …, csr source update …).
  while (rest.length > 0 && command.commands.length > 0) {
    const next = command.commands.find((c) => c.name() === rest[0]);
    if (!next) return command === program ? `no command '${rest[0]}'` : `no subcommand '${rest[0]}' of csr ${command.name()}`;
    command = next;
    rest = rest.slice(1);
  }
  if (command === program) return "no command";
  const flags = new Set([...command.options, ...program.options].flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined)));
  const unknown = rest.filter((word) => /^--?[a-zA-Z]/.test(word)).map((word) => word.replace(/=.*$/, "")).filter((flag) => !flags.has(flag));
  return unknown.length > 0 ? `csr ${command.name()} has no option ${unknown.join(", ")}` : undefined;
}

function pagesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".html"));
}

describe("the commands the site quotes", () => {
  let program: Command;
  beforeAll(async () => {
    program = await commandTree();
  });

  it("finds a wrong command or option as wrong (the check itself)", () => {
    expect(problemOf(program, ["distribute", "QP-012", "--to", "QA", "--electronic"])).toBeUndefined();
    expect(problemOf(program, ["implement", "<CSR>", "--due", "<日期>"])).toBeUndefined();
    expect(problemOf(program, ["calendar", "holiday", "--from", "2026-10-01"])).toBeUndefined();
    expect(problemOf(program, ["implement", "DYA-002", "--deadline", "<日期>"])).toBe("csr implement has no option --deadline");
    expect(problemOf(program, ["distribut", "QP-012"])).toBe("no command 'distribut'");
    expect(problemOf(program, ["calendar", "holidays"])).toBe("no subcommand 'holidays' of csr calendar");
    expect(quotedCommands("请用 csr implement <CSR> --due <日期> 登记；或运行 'csr review DYA-007' 。csr 0.1.0 生成", program, "zh-CN")).toEqual([
      ["implement", "<CSR>", "--due", "<日期>"],
      ["review", "DYA-007"],
    ]);
    expect(quotedCommands("csr cannot tell; run csr distribut QP-012, then csr recal --all; or csr distribute.", program, "en")).toEqual([["recal", "--all"], ["distribute"]]);
  });

  it.each(["zh-CN", "en"] as const)("exist with the options quoted, on every page of the example's site in %s", async (lang) => {
    const out = join(tempDir(), "site");
    const built = await csrInProcess(["-C", copyFixture("examples/acme-auto"), "--lang", lang, "site", "--out", out, "--today", "2026-12-04"], { lang: null });
    expect(built.code).toBe(0);
    const quoted = new Map<string, string>();
    for (const page of pagesOf(out))
      for (const words of quotedCommands(textOf(readFileSync(join(out, page), "utf8")), program, lang)) {
        const line = `csr ${words.join(" ")}`;
        if (!quoted.has(line)) quoted.set(line, page);
      }
    // The pages in question quote commands at all: the dashboard's notes, a person's page, the findings page.
    const pages = new Set(quoted.values());
    expect([...pages].some((p) => p === "index.html" || p.startsWith("lists/"))).toBe(true);
    expect([...pages].some((p) => p === "findings.html")).toBe(true);
    const wrong = [...quoted].flatMap(([line, page]) => {
      const problem = problemOf(program, line.split(" ").slice(1));
      return problem ? [`${page}: ${line} (${problem})`] : [];
    });
    expect(wrong).toEqual([]);
  });

  // A note shown only on some data (no copy recorded yet, every section on paper) is not on the example's site.
  it.each(["zh-CN", "en"] as const)("exist with the options quoted, in every site message of the %s catalog", (lang) => {
    const catalog = JSON.parse(readFileSync(join(ROOT, "locales", `${lang}.json`), "utf8")) as Record<string, string>;
    const quoted = Object.entries(catalog)
      .filter(([key]) => key.startsWith("site."))
      .flatMap(([key, text]) => quotedCommands(text, program, lang).map((words) => [key, words] as const));
    expect(quoted.map(([, words]) => words[0])).toEqual(expect.arrayContaining(["distribute", "implement", "release"]));
    expect(quoted.flatMap(([key, words]) => (problemOf(program, words) ? [`${key}: csr ${words.join(" ")} (${problemOf(program, words)})`] : []))).toEqual([]);
  });
});
