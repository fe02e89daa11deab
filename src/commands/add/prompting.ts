/**
 * When csr may ask: only with a person at a terminal. `--yes`, a pipe or CI never prompts; a
 * missing value then names the flag that supplies it.
 */
import type { EventEmitter } from "node:events";
import { styleText } from "node:util";
import { InputEndedError, UserError } from "../../core/errors.js";
import { localized, padEnd, displayWidth } from "../../core/text.js";
import { language, list, t, type MessageKey } from "../../i18n/index.js";

export interface Choice<V extends string = string> {
  value: V;
  name?: string;
  /** What the answer line shows once chosen (the name without its code column). */
  short?: string;
  description?: string;
  /** Shown and not choosable; a string says why (@inquirer/prompts' select). */
  disabled?: boolean | string;
}

/** The prompts csr uses, passed in so that tests can drive them on their own streams. */
export interface Prompts {
  input(config: { message: string; default?: string; required?: boolean; validate?: (value: string) => boolean | string }): Promise<string>;
  select<V extends string>(config: { message: string; choices: readonly Choice<V>[]; default?: V }): Promise<V>;
  search<V extends string>(config: { message: string; source: (term: string | undefined) => readonly Choice<V>[]; pageSize?: number }): Promise<V>;
  /** Several of the choices (none allowed): roles, say. */
  checkbox<V extends string>(config: { message: string; choices: readonly (Choice<V> & { checked?: boolean })[]; required?: boolean; validate?: (ticked: V[]) => true | string }): Promise<V[]>;
}

/**
 * Choices of coded things (departments, customers, source documents) as a list shows them: the codes
 * in one column, padded to the widest by display width, then the name in the run's language (the
 * English one where the file gives it), then a note if any: `QA   品质部` under `MKT  市场部`.
 */
export function codedChoices<V extends string>(items: readonly { value: V; code?: string; name: string; name_en?: string | undefined; note?: string | undefined }[]): Choice<V>[] {
  const width = Math.max(0, ...items.map((i) => displayWidth(i.code ?? i.value)));
  return items.map((i) => {
    const name = localized(language(), i.name, i.name_en);
    return { value: i.value, name: `${padEnd(i.code ?? i.value, width)}  ${name}${i.note ? `  ${i.note}` : ""}`, short: name };
  });
}

export function canPrompt(yes: boolean | undefined): boolean {
  return yes !== true && process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/**
 * A missing argument that a command asks for at a terminal (a list to pick from): elsewhere the usage
 * error commander gives for a required one, word for word (cli/help.ts localizeCommanderError).
 */
export function missingArgument(argument: string, command: string): UserError {
  return new UserError(t("cli.error.missing-argument", { argument }).replace(/[.。]$/, "") + t("cli.help.after-error-command", { command }));
}

export function missingFlag(flag: string, what = t("prompting.a-value")): UserError {
  return new UserError(t("prompting.missing-flag", { flag, what }));
}

/**
 * The prompts of @inquirer/prompts in the run's language. Their own words are English: the key help
 * line is themed, the answer that `required` demands is checked here (inquirer's own message for it
 * cannot be changed), and the search's "No results found" is replaced where the theme prints errors.
 */
export async function loadPrompts(): Promise<Prompts> {
  const { input, select, search, checkbox } = await import("@inquirer/prompts");
  const theme = {
    style: {
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${styleText("bold", key === "space" ? t("prompt.keys.space") : key)} ${styleText("dim", keyAction(action))}`).join(styleText("dim", " • ")),
      error: (text: string) => styleText("red", `> ${text === "No results found" ? t("prompt.no-results") : text}`),
    },
    // Enter on a choice shown but not to be chosen (its label says why).
    i18n: { disabledError: t("prompt.disabled") },
  };
  return {
    input: ({ required, validate, ...config }) =>
      untilInputEnds((signal) => input({ ...config, theme, validate: (value) => (required && value.trim() === "" ? t("prompt.required") : validate ? validate(value) : true) }, { signal })),
    select: (config) => untilInputEnds((signal) => select({ ...config, theme }, { signal })),
    search: (config) => untilInputEnds((signal) => search({ ...config, theme }, { signal })),
    // The ticked choices as the run's language lists them (审核、批准), not joined with ", ".
    checkbox: ({ required, validate, ...config }) =>
      untilInputEnds((signal) =>
        checkbox(
          { ...config, validate: (ticked) => (required && ticked.length === 0 ? t("prompt.required-choice") : validate ? validate(ticked.map((c) => c.value)) : true), theme: { ...theme, style: { ...theme.style, renderSelectedChoices: (ticked: readonly { name?: string; short?: string; value: unknown }[]) => list(ticked.map((c) => c.short ?? c.name ?? String(c.value))) } } },
          { signal },
        ),
      ),
  };
}

/**
 * The answer of a question `ask`ed with an AbortSignal (as @inquirer's prompts take one), or InputEndedError once
 * the input ends unanswered. Ctrl-D on an empty answer (or the end of what was fed to the terminal) closes
 * inquirer's line reader and leaves its prompt pending for ever: the run would then end with nothing said and
 * code 0, as if done (breaker64 P14). Nothing else being left to run then (the process's `beforeExit`), the
 * question is cancelled, and the run with it, as Ctrl-C cancels it.
 */
export async function untilInputEnds<T>(ask: (signal: AbortSignal) => Promise<T>, events: Pick<EventEmitter, "once" | "off"> = process): Promise<T> {
  const controller = new AbortController();
  const ended = () => controller.abort();
  events.once("beforeExit", ended);
  try {
    return await ask(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new InputEndedError();
    throw error;
  } finally {
    events.off("beforeExit", ended);
  }
}

const KEY_ACTIONS: Record<string, MessageKey> = {
  navigate: "prompt.keys.navigate",
  select: "prompt.keys.select",
  all: "prompt.keys.all",
  invert: "prompt.keys.invert",
  submit: "prompt.keys.submit",
};

function keyAction(action: string): string {
  const key = KEY_ACTIONS[action];
  return key ? t(key) : action;
}

/**
 * Prompts that remember their answers, so that a command can ask before it takes the repository
 * lock (nobody waits on a person typing) and then, under the lock, compute its change afresh from
 * the re-read repository with `replay()`, which answers the same questions the same way.
 */
export function recordingPrompts(ask: Prompts): Prompts & { replay(): Prompts } {
  const answers: { message: string; value: unknown }[] = [];
  const record = async <T>(message: string, value: Promise<T>): Promise<T> => {
    const answer = await value;
    answers.push({ message, value: answer });
    return answer;
  };
  return {
    input: (config) => record(config.message, ask.input(config)),
    select: (config) => record(config.message, ask.select(config)),
    search: (config) => record(config.message, ask.search(config)),
    checkbox: (config) => record(config.message, ask.checkbox(config)),
    replay() {
      let next = 0;
      const answer = <T>(message: string): Promise<T> => {
        const recorded = answers[next++];
        if (!recorded || recorded.message !== message) {
          return Promise.reject(new UserError(t("prompting.changed-meanwhile")));
        }
        return Promise.resolve(recorded.value as T);
      };
      return {
        input: (config) => answer(config.message),
        select: (config) => answer(config.message),
        search: (config) => answer(config.message),
        checkbox: (config) => answer(config.message),
      };
    },
  };
}
