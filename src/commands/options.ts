/** Option parsing shared by commands; each failure is a UserError naming the flag. */
import { DATE_RANGE, inDateRange, isIsoDate, localToday } from "../core/dates.js";
import { UserError } from "../core/errors.js";
import { list, t } from "../i18n/index.js";
import { suggestCode } from "../i18n/values.js";

export function dateOption(value: string | undefined, flag: string, fallback = localToday()): string {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) throw new UserError(t("options.date", { flag, value }));
  if (!inDateRange(value)) throw new UserError(t("options.date-range", { flag, value, from: DATE_RANGE.from, to: DATE_RANGE.to }));
  return value;
}

export function choiceOption<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UserError(t("options.choice", { flag, choices: list(choices), value }) + suggestCode(value, choices));
  return value as T;
}
