/**
 * Solar dates of the Chinese lunar calendar and of the solar terms, for the public holidays the law
 * fixes (model/calendar.ts statutoryYear): 春节, 端午 and 中秋 by their lunar dates, 清明 by its solar
 * term. From the lunar-javascript package (6tail, MIT; its version pinned in package.json), required
 * on first use: only a working-day count that reaches a year whose holiday notice csr does not have
 * needs it, and most checks never do.
 */
import { createRequire } from "node:module";
import type { LunarDates } from "../model/calendar.js";

interface Solar {
  toYmd(): string;
}

interface LunarJavascript {
  Lunar: { fromYmd(year: number, month: number, day: number): { getSolar(): Solar; getJieQiTable(): Record<string, Solar> } };
}

let loaded: LunarJavascript | undefined;
const lunarJavascript = () => (loaded ??= createRequire(import.meta.url)("lunar-javascript") as LunarJavascript);

export function lunarDates(): LunarDates {
  return {
    lunar: (year, month, day) => lunarJavascript().Lunar.fromYmd(year, month, day).getSolar().toYmd(),
    term(year, name) {
      // The table of the lunar year that begins in `year` runs from the winter solstice before it: a term of spring to
      // autumn (清明) is the one of `year`. Another year's (the next winter's) is no answer for `year`.
      const day = lunarJavascript().Lunar.fromYmd(year, 6, 1).getJieQiTable()[name]?.toYmd();
      if (day === undefined || !day.startsWith(`${year}-`)) throw new Error(`no solar term ${name} in ${year}`);
      return day;
    },
  };
}
