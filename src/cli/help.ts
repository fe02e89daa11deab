/**
 * Commander's own words in the reader's language: the help headings, the "(default: …)" notes and the
 * usage errors. Commander writes them in English inside its code, so they are matched here and
 * replaced by catalog messages; the help texts themselves come from the catalog already.
 */
import type { Argument, Command, Option } from "commander";
import { displayWidth } from "../core/text.js";
import { language, t, type MessageKey } from "../i18n/index.js";
import { forStandards, helpExamples } from "../model/citations.js";
import type { ExampleNames } from "./example-names.js";

const HEADINGS: Record<string, MessageKey> = {
  "Usage:": "cli.help.usage",
  "Options:": "cli.help.options",
  "Commands:": "cli.help.commands",
  "Arguments:": "cli.help.arguments",
  "Global Options:": "cli.help.global-options",
};

/** Applied to the program before its commands are added: commander copies it into each of them. */
export function localizeHelp(program: Command): void {
  program
    .configureHelp({
      // Every command takes -C and --lang; its help says so.
      showGlobalOptions: true,
      styleTitle: (title) => (HEADINGS[title] ? t(HEADINGS[title]) : title),
      optionDescription: (option: Option) => withExtras(option.description, option.argChoices, option.required || option.optional ? option.defaultValue : undefined),
      argumentDescription: (argument: Argument) => withExtras(argument.description, argument.argChoices, argument.defaultValue),
      // Chinese characters take two columns and a line may break between any two of them.
      displayWidth: (text) => displayWidth(stripStyles(text)),
      boxWrap: (text, width) => wrapText(text, width),
    })
    .configureOutput({ outputError: (text, write) => write(localizeCommanderError(text)) })
    .helpOption("-h, --help", t("cli.help.help-option"))
    .helpCommand("help [command]", t("cli.help.help-command"));
}

/** The commands a new user starts with; each one's help ends with examples (cli.help.example.<name>). */
const WITH_EXAMPLES = ["add", "check", "export", "import", "init", "list", "release", "render", "renumber", "review", "set", "site"] as const;

/** Subcommands whose help ends with examples too (cli.help.example.<group>-<name>): the corrections a document controller looks up. */
const SUBCOMMANDS_WITH_EXAMPLES = { customer: ["update"], source: ["update"] } as const;

/** Those whose examples a GJB 9001C repository reads in its own terms (cli.help.example.gjb.<name>: its documents, people and signatures). */
const GJB_EXAMPLES = ["add", "list", "release", "render", "review"] as const;

/** Whether `word` names a command (or a group of subcommands) whose help ends with examples: only then are the repository's names read. */
export function hasHelpExamples(word: string): boolean {
  return (WITH_EXAMPLES as readonly string[]).includes(word) || Object.hasOwn(SUBCOMMANDS_WITH_EXAMPLES, word);
}

/**
 * Applied once every command is added. The examples are the repository's kind (model/citations.ts
 * helpExamples), and a clause they cite is of its standard (`{{standard}}`, forStandards). They name
 * the repository's own customer, CSR, procedure, people and departments (`names`, cli/example-names.ts,
 * read when a help is asked for): copied, an example runs there. What a GJB 9001C repository does not
 * have yet, its examples first create (a customer and its source in add's, a procedure draft in
 * release's) or say which command will (review's and render's).
 */
export function addHelpExamples(program: Command, standards: readonly string[] | undefined, names?: ExampleNames): void {
  const gjb = helpExamples(standards) === "gjb";
  for (const command of program.commands) {
    const name = WITH_EXAMPLES.find((n) => n === command.name());
    if (!name) continue;
    const own = gjb ? GJB_EXAMPLES.find((n) => n === name) : undefined;
    const examples = () => forStandards(own ? gjbExamples(own, names) : t(`cli.help.example.${name}`, exampleData(names)), standards, t("common.list-separator"));
    command.addHelpText("after", () => `\n${t("cli.help.examples")}\n${examples()}`);
  }
  for (const group of program.commands) {
    const subcommands: readonly string[] = SUBCOMMANDS_WITH_EXAMPLES[group.name() as keyof typeof SUBCOMMANDS_WITH_EXAMPLES] ?? [];
    for (const command of group.commands.filter((c) => subcommands.includes(c.name()))) {
      const key = `cli.help.example.${group.name()}-${command.name()}` as `cli.help.example.${keyof typeof SUBCOMMANDS_WITH_EXAMPLES}-update`;
      command.addHelpText("after", () => `\n${t("cli.help.examples")}\n${forStandards(t(key, exampleData(names)), standards, t("common.list-separator"))}`);
    }
  }
}

/** The names an example message is filled with (undefined: none read, its placeholders stay). */
function exampleData(names: ExampleNames | undefined) {
  return names ? (({ hasCustomer: _customer, hasSource: _source, hasCsr: _csr, hasProcedure: _procedure, ...text }) => text)(names) : undefined;
}

function gjbExamples(name: (typeof GJB_EXAMPLES)[number], names: ExampleNames | undefined): string {
  const data = exampleData(names);
  const first: MessageKey[] = [];
  if (names && name === "add" && !names.hasCustomer) first.push("cli.help.example.gjb.add.no-customer");
  if (names && name === "add" && !names.hasSource) first.push("cli.help.example.gjb.add.no-source");
  if (names && name === "release" && !names.hasProcedure) first.push("cli.help.example.gjb.release.no-procedure");
  if (names && name === "render" && !names.hasProcedure) first.push("cli.help.example.gjb.no-procedure");
  if (names && (name === "review" || name === "render") && !names.hasCsr) first.push("cli.help.example.gjb.no-csr");
  return [...first, `cli.help.example.gjb.${name}` as const].map((key) => t(key, data)).join("\n");
}

/**
 * A usage error under a command points at that command's help (`csr check --help`, `csr matrix
 * clauses --help`), where its options are listed, not at the program's. Applied once every command
 * is added.
 */
export function pointHelpAtCommands(parent: Command, path: readonly string[] = []): void {
  for (const command of parent.commands) {
    const name = [...path, command.name()];
    command.configureOutput({ outputError: (text, write) => write(localizeCommanderError(text, name.join(" "), excessArguments(command))) });
    pointHelpAtCommands(command, name);
  }
}

function withExtras(description: string, choices: readonly string[] | undefined, defaultValue: unknown): string {
  const extras: string[] = [];
  if (choices) extras.push(t("cli.help.choices", { choices: choices.join(", ") }));
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)) extras.push(t("cli.help.default", { value: String(defaultValue) }));
  if (extras.length === 0) return description;
  const joined = extras.join(t("cli.help.extras-separator"));
  return description ? t("cli.help.with-extras", { description, extras: joined }) : t("cli.help.extras", { extras: joined });
}

const stripStyles = (text: string) => text.replace(/\x1b\[[\d;]*m/g, "");

/**
 * Commander's wrapping breaks only at spaces; this one also breaks between Chinese characters, but
 * never before closing punctuation (，。）…, also after a Latin word: `training、`) nor after opening
 * punctuation (（《…). English help keeps a Chinese term it quotes whole (`(受控号)`, not `(受` and
 * `控号)`): there a run of Chinese characters is one word.
 */
const CHUNK = /\s*(?:[（《「『“]*[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][，。；：、）》」』”！？]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+[，。；：、）》」』”！？]*)/gu;
const WORD = /\s*\S+/gu;

export function wrapText(text: string, width: number): string {
  if (width < 40) return text;
  return text
    .split(/\r?\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = "";
      for (const chunk of line.match(language() === "en" ? WORD : CHUNK) ?? []) {
        if (current !== "" && displayWidth(current + chunk) > width) {
          lines.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      lines.push(current);
      return lines.join("\n");
    })
    .join("\n");
}

/** Commander's usage errors, one pattern each; anything not matched is passed through as it is. */
const ERRORS: [RegExp, MessageKey, string[]][] = [
  [/^error: unknown option '([^']*)'/, "cli.error.unknown-option", ["option"]],
  [/^error: unknown command '([^']*)'/, "cli.error.unknown-command", ["command"]],
  [/^error: missing required argument '([^']*)'/, "cli.error.missing-argument", ["argument"]],
  [/^error: option '([^']*)' argument missing/, "cli.error.option-argument-missing", ["option"]],
  [/^error: required option '([^']*)' not specified/, "cli.error.required-option", ["option"]],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, "cli.error.too-many-arguments", ["command", "expected", "received"]],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, "cli.error.invalid-choice", ["option", "value", "choices"]],
];

/** The words a command was given beyond its arguments, and the option value they most likely belong to. */
export interface ExcessArguments {
  /** The extra words, as the shell split them. */
  words: string[];
  /** `--title "顾客投诉须在 24 小时内"`: the option before them and its value with the words, quoted, when they follow an option that takes a value. */
  quoted?: string;
}

/**
 * What `command` was given beyond its declared arguments when commander refuses it for too many (read
 * from `command.args` and the program's raw command line at the moment of the error); undefined when it
 * has none. A value typed with spaces and no quotes (`--title 顾客投诉须在 24 小时内`) is the usual cause.
 */
export function excessArguments(command: Command): ExcessArguments | undefined {
  const declared = command.registeredArguments;
  if (declared.some((argument) => argument.variadic)) return undefined;
  const words = command.args.slice(declared.length);
  if (words.length === 0) return undefined;
  let root: Command = command;
  while (root.parent) root = root.parent;
  const raw: readonly string[] = (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
  const at = raw.lastIndexOf(words[0]!);
  // The word before the extra ones is an option's value (`--title 顾客`) or the option with it (`--title=顾客`).
  const before = raw[at - 1] ?? "";
  const joined = /^(--[^=\s]+)=(.*)$/s.exec(before);
  const [flag, value] = joined ? [joined[1]!, joined[2]!] : [raw[at - 2] ?? "", before];
  const option = at >= 1 && flag.startsWith("-") ? command.options.find((o) => o.long === flag || o.short === flag) : undefined;
  if (!option || !(option.required || option.optional)) return { words };
  const run: string[] = [value];
  for (let i = at; i < raw.length && !raw[i]!.startsWith("-"); i++) run.push(raw[i]!);
  return { words, quoted: `${flag} "${run.join(" ")}"` };
}

/**
 * One line, as csr's own errors are: `csr: <error> (did you mean …?); see 'csr <command> --help'.`
 * `command`: the command whose help lists what was mistyped (`check`, `matrix clauses`; none: csr's).
 * `excess`: for too many arguments, the extra words (named) and the quoted value they likely belong to.
 */
export function localizeCommanderError(text: string, command?: string, excess?: ExcessArguments): string {
  const [first = "", ...rest] = text.replace(/\n$/, "").split("\n");
  let line = first.replace(/^error: /, "");
  for (const [pattern, key, names] of ERRORS) {
    const match = pattern.exec(first);
    if (!match) continue;
    const data = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? (name === "command" ? "csr" : "")]));
    line = t(key, { ...data, count: Number(data.expected ?? 0) });
    if (key === "cli.error.too-many-arguments" && excess) {
      line = line.replace(/[.。]$/, "") + t("cli.error.extra-arguments", { words: excess.words.join(" ") });
      if (excess.quoted) line += t("cli.error.quote-value", { example: excess.quoted });
    }
    break;
  }
  const suggestions = rest.flatMap((l) => {
    const suggestion = /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(l);
    // Commander offers the program's options too; csr's own --version is none of a command's: typed
    // after one it prints csr's version and does nothing else (`csr render QP-012 --version A/1`, tester52 D11).
    const words = suggestion ? suggestion[1]!.split(", ").filter((word) => command === undefined || word !== "--version") : [];
    return words.length > 0 ? [t("cli.error.did-you-mean", { suggestion: words.join(", ") })] : [];
  });
  const help = command ? t("cli.help.after-error-command", { command }) : t("cli.help.after-error");
  return `csr: ${line.replace(/[.。]$/, "")}${suggestions.join("")}${help}\n`;
}
