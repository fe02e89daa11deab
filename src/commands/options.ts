/** Option parsing shared by commands; each failure is a UserError naming the flag. */
import { DATE_RANGE, inDateRange, isIsoDate, localToday } from "../core/dates.js";
import { UserError } from "../core/errors.js";

export function dateOption(value: string | undefined, flag: string, fallback = localToday()): string {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) throw new UserError(`${flag} expects a date as YYYY-MM-DD, got '${value}'.`);
  if (!inDateRange(value)) throw new UserError(`${flag} ${value} lies outside ${DATE_RANGE.from} … ${DATE_RANGE.to}, the range csr counts deadlines in; give a real date.`);
  return value;
}

export function choiceOption<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UserError(`${flag} must be one of ${choices.join(", ")}; got '${value}'.`);
  return value as T;
}
