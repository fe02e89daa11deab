/** Calendar dates as YYYY-MM-DD strings, computed in UTC so that results never depend on the machine's zone. */

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A date as people write it in registers, letters and at the keyboard, as YYYY-MM-DD: 2025-03-01,
 * 2025-3-1, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301, and 01.03.2025 (day first, as written with
 * dots in Europe). "ambiguous" for a year-last date whose day and month could be either way round
 * (03/04/2024, 03.04.2024: 3 April in Europe, 4 March in the USA), which is never guessed; undefined
 * for anything else or for a day that does not exist (2024-13-01). Full-width digits and spaces are
 * read as their plain forms. Shared by `csr import` and every date option, so both take the same.
 */
export function readDate(text: string): string | "ambiguous" | undefined {
  const plain = text.normalize("NFKC").replace(/\s/g, "");
  const yearFirst = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(plain) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (yearFirst) return existing(yearFirst[1]!, yearFirst[2]!, yearFirst[3]!);
  const yearLast = /^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})$/.exec(plain);
  if (!yearLast) return undefined;
  const [first, second] = [Number(yearLast[1]), Number(yearLast[3])];
  if (first <= 12 && second <= 12 && first !== second) return "ambiguous";
  // Only dots are read day first; with slashes or dashes the order differs by country even when one part is over 12.
  if (yearLast[2] !== "." && first !== second) return undefined;
  return existing(yearLast[4]!, yearLast[3]!, yearLast[1]!);
}

function existing(year: string, month: string, day: string): string | undefined {
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** The day a command runs as (`--today <date>`, set by cli/program.ts runAs), or undefined: the clock's day. */
let runningAs: string | undefined;

/**
 * Runs the rest of a command as of `day` (YYYY-MM-DD, already read with dateOption), or the clock's day again
 * for undefined: localToday() without an argument gives it, so the default and latest --date of a writing
 * command, the check of what it writes and the days it counts (overdue, still to recall) are all of that day.
 */
export function runAs(day: string | undefined): void {
  runningAs = day;
}

/** Today in the local time zone: what the person at the keyboard calls today, or the day the command runs as (runAs) when no `now` is given. */
export function localToday(now?: Date): string {
  if (now === undefined && runningAs !== undefined) return runningAs;
  now ??= new Date();
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function addDays(iso: string, days: number): string {
  // A check counts working days one day at a time for every CSR: reading the text as a Date costs
  // more than the count itself, so a plain YYYY-MM-DD is taken apart by hand.
  const parts = dateParts(iso);
  const d = parts ? new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + days)) : new Date(`${iso}T00:00:00Z`);
  if (!parts) d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const parts = dateParts(iso);
  const day = (parts ? new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])) : new Date(`${iso}T00:00:00Z`)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Year, month and day of `YYYY-MM-DD` when the Date of `${iso}T00:00:00Z` is Date.UTC of them: a
 * year from 1000 (Date.UTC reads 0 to 99 as 1900 to 1999), a month 1 to 12, a day 1 to 31 (a day
 * past the month's end runs into the next month either way). Undefined for anything else, which
 * is read as a Date as it always was.
 */
function dateParts(iso: string): [number, number, number] | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? [year, month, day] : undefined;
}

/** The number written by the ASCII digits of text[from, to), or -1. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** The same day `months` later, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * The dates csr works with. Quality records of a living system fall well inside; a date outside is
 * a typo (0001-01-01, 9999-12-31) that would make working-day arithmetic run for minutes or
 * print nonsense, so it is reported (rule date/out-of-range) or refused (a command's --date).
 */
export const DATE_RANGE = { from: "1970-01-01", to: "2099-12-31" } as const;

/**
 * A day after every day csr records ("as of the end of time"): for reading everything recorded, whatever its date
 * (the latest review round, every flow-down passing, a qualification with no end). Compares as an ISO date string.
 */
export const AFTER_EVERY_DAY = "9999-12-31";

export function inDateRange(iso: string): boolean {
  return iso >= DATE_RANGE.from && iso <= DATE_RANGE.to;
}

/** `iso` moved into DATE_RANGE, so that arithmetic on a date outside stays bounded. */
export function clampToRange(iso: string): string {
  return iso < DATE_RANGE.from ? DATE_RANGE.from : iso > DATE_RANGE.to ? DATE_RANGE.to : iso;
}
