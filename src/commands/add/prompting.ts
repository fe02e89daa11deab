/**
 * When csr may ask: only with a person at a terminal. `--yes`, a pipe or CI never prompts; a
 * missing value then names the flag that supplies it.
 */
import { UserError } from "../../core/errors.js";

export interface Choice<V extends string = string> {
  value: V;
  name?: string;
  description?: string;
}

/** The prompts csr uses, passed in so that tests can drive them on their own streams. */
export interface Prompts {
  input(config: { message: string; default?: string; required?: boolean; validate?: (value: string) => boolean | string }): Promise<string>;
  select<V extends string>(config: { message: string; choices: readonly Choice<V>[]; default?: V }): Promise<V>;
  search<V extends string>(config: { message: string; source: (term: string | undefined) => readonly Choice<V>[]; pageSize?: number }): Promise<V>;
}

export function canPrompt(yes: boolean | undefined): boolean {
  return yes !== true && process.stdin.isTTY === true && process.stdout.isTTY === true;
}

export function missingFlag(flag: string, what = "a value"): UserError {
  return new UserError(`${flag} is required (or run in a terminal to be asked for ${what}).`);
}

export async function loadPrompts(): Promise<Prompts> {
  const { input, select, search } = await import("@inquirer/prompts");
  return {
    input: (config) => input(config),
    select: (config) => select(config),
    search: (config) => search(config),
  };
}
