/**
 * `csr calendar show [--year Y] [--month M]`: the working-day calendar review deadlines are counted in
 * (IATF 16949 7.5.3.2.2: ten working days) as csr reads it — a month as a grid of working days, days
 * off (休) and make-up working days (班), or with --year alone the year's holidays and make-up working
 * days as a list — with where each came from: the State Council General Office's notice (shipped in
 * calendars/CN.yaml or typed into qms.yaml's calendar.years) and the company's own days in qms.yaml.
 * Reads only qms.yaml; writes nothing.
 */
import { addDays, isoWeekday, localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { padEnd } from "../../core/text.js";
import { language, list, t } from "../../i18n/index.js";
import { DEFAULT_CALENDAR_BASE, repositoryCalendar, shippedCalendar } from "../../load/calendar.js";
import { findRoot } from "../../load/discover.js";
import { dayCount } from "../../model/holiday-notice.js";
import { DEFAULT_WEEKDAYS, englishHolidayNames, type PublicCalendarYear } from "../../model/calendar.js";
import type { DayRange, QmsConfig } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { choiceOption } from "../options.js";
import { readRepository } from "../shared/read.js";

export interface CalendarShowFlags {
  year?: string;
  month?: string;
  format?: string;
}

/** What a day is: the order is WorkCalendar.isWorkday's (company days first, then the notice's, then the weekday). */
type DayKind = "company-workday" | "company-holiday" | "adjusted" | "holiday" | "workday" | "rest";

interface Holiday {
  from: string;
  to: string;
  name?: string;
  /** The name in English: the entry's name_en, else the shipped calendar's for the same name (a year typed from its notice). */
  name_en?: string;
  days: number;
  company: boolean;
}

interface Workday {
  date: string;
  name?: string;
  name_en?: string;
  company: boolean;
}

/** Where the year's public days come from: a notice shipped with csr or typed into qms.yaml; none when base is none or the year is not published. */
interface Source {
  base: string;
  from: "shipped" | "qms.yaml";
  notice: string;
  number: string;
  published: string;
  amended_by?: { notice: string; number: string; published: string; change: string }[];
}

export async function calendarShowCommand(ctx: CommandContext, flags: CalendarShowFlags): Promise<number> {
  const format = choiceOption(flags.format, "--format", ["text", "json"] as const, "text");
  const today = localToday();
  // --month 2026-10 as every other option takes a month (breaker63 P8): its year, which a --year given must agree with.
  const yearMonth = flags.month === undefined ? undefined : /^(\d{4})-(\d{2})$/.exec(flags.month.trim());
  if (yearMonth && flags.year !== undefined && Number(flags.year) !== Number(yearMonth[1])) throw new UserError(t("calendar.show.month-year-conflict", { month: flags.month!, year: flags.year, monthYear: yearMonth[1]! }));
  const yearText = yearMonth ? yearMonth[1] : flags.year;
  const year = yearText === undefined ? Number(today.slice(0, 4)) : Number(yearText);
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2099)) throw new UserError(t("calendar.show.bad-year", { year: yearText ?? "" }));
  const month = flags.month === undefined ? (flags.year === undefined ? Number(today.slice(5, 7)) : undefined) : yearMonth ? Number(yearMonth[2]) : /^\d{1,2}$/.test(flags.month.trim()) ? Number(flags.month) : NaN;
  if (month !== undefined && !(Number.isInteger(month) && month >= 1 && month <= 12)) throw new UserError(t("calendar.show.bad-month", { month: flags.month ?? "" }));

  const config = (await readRepository(findRoot(ctx.dir), today)).config?.value;
  const base = config?.calendar?.base ?? DEFAULT_CALENDAR_BASE;
  const own = config?.calendar?.years?.find((y) => y.year === year);
  const shipped = base === "none" ? undefined : shippedCalendar(base).years.find((y) => y.year === year);
  const publicYear: PublicCalendarYear | undefined = base === "none" ? undefined : (own as PublicCalendarYear | undefined) ?? shipped;
  const source: Source | undefined = publicYear && {
    base,
    from: own ? "qms.yaml" : "shipped",
    notice: publicYear.notice,
    number: publicYear.number,
    published: publicYear.published,
    ...(publicYear.amended_by ? { amended_by: publicYear.amended_by } : {}),
  };

  const first = month === undefined ? `${year}-01-01` : `${year}-${String(month).padStart(2, "0")}-01`;
  const last = month === undefined ? `${year}-12-31` : addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`, -1);
  const inSpan = (range: DayRange) => range.from <= last && range.to >= first;
  const named = namesOf(base === "none" ? new Map() : englishHolidayNames(shippedCalendar(base)));
  // A year without a notice: the public holidays the law fixes, which the working days count (without its 调休).
  const statutory = publicYear ? undefined : repositoryCalendar(config).statutoryHolidays(year);
  const publicHolidays = publicYear?.holidays ?? statutory ?? [];
  const holidays: Holiday[] = [
    ...publicHolidays.filter(inSpan).map((h) => holiday(h, false, named)),
    ...(config?.calendar?.holidays ?? []).map(asRange).filter(inSpan).map((h) => holiday(h, true, named)),
  ].sort((a, b) => a.from.localeCompare(b.from));
  // A make-up working day of the notice that is a working weekday here anyway (a Saturday of a six-day week) makes up for nothing.
  const weekdays = config?.calendar?.weekdays ?? DEFAULT_WEEKDAYS;
  const noticeDays = (publicYear?.workdays ?? []).filter((d) => d >= first && d <= last);
  const workingAnyway = noticeDays.filter((d) => weekdays.includes(isoWeekday(d)));
  const workdays: Workday[] = [
    ...noticeDays.filter((d) => !workingAnyway.includes(d)).map((date) => ({ date, company: false })),
    ...(config?.calendar?.workdays ?? []).map(asRange).filter(inSpan).flatMap((w) => spanDays(w, first, last).map((date) => ({ date, ...named(w), company: true }))),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const days = month === undefined ? undefined : monthDays(config, publicYear, publicHolidays, first, last, named);
  if (format === "json") {
    const json = { year, ...(month === undefined ? {} : { month }), source: source ?? null, ...(statutory ? { statutory: true } : {}), holidays, workdays, ...(workingAnyway.length > 0 ? { working_anyway: workingAnyway } : {}), ...(days ? { days } : {}) };
    ctx.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = days ? monthText(year, month!, days, weekdays) : [t("calendar.show.year-title", { year })];
  lines.push("", ...listText(holidays, workdays, workingAnyway), "", ...sourceText(year, base, source, statutory !== undefined, holidays.some((h) => h.company) || workdays.some((w) => w.company)));
  ctx.stdout(`${lines.join("\n")}\n`);
  return 0;
}

const asRange = (entry: string | DayRange): DayRange => (typeof entry === "string" ? { from: entry, to: entry } : entry);
const holiday = (h: DayRange, company: boolean, named: Named): Holiday => ({ from: h.from, to: h.to, ...named(h), days: dayCount(h.from, h.to), company });

/** An entry's name and name in English, as much as is known of them. */
type Named = (entry: { name?: string; name_en?: string } | undefined) => { name?: string; name_en?: string };

/** Named for a calendar whose holidays' names in English are `english` (englishHolidayNames): an entry's own name_en first. */
function namesOf(english: ReadonlyMap<string, string>): Named {
  return (entry) => {
    const name_en = entry?.name_en ?? (entry?.name === undefined ? undefined : english.get(entry.name));
    return { ...(entry?.name ? { name: entry.name } : {}), ...(name_en ? { name_en } : {}) };
  };
}

/** The name a day or range is printed with: in English its name_en where known, else its name as written. */
const shownName = (entry: { name?: string; name_en?: string }): string | undefined => (language() === "en" ? (entry.name_en ?? entry.name) : entry.name);

function spanDays(range: DayRange, first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = range.from < first ? first : range.from; d <= range.to && d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

interface Day {
  date: string;
  weekday: number;
  working: boolean;
  kind: DayKind;
  name?: string;
  name_en?: string;
}

/**
 * Each day from `first` to `last` as the calendar counts it, with what makes it so. A make-up working day of the
 * notice (调休上班) on a weekday the company works anyway (calendar.weekdays: a Saturday of a six-day week) is a
 * plain working day: it makes up for nothing.
 */
function monthDays(config: QmsConfig | undefined, publicYear: PublicCalendarYear | undefined, publicHolidays: readonly DayRange[], first: string, last: string, names: Named): Day[] {
  const calendar = repositoryCalendar(config);
  const weekdays = config?.calendar?.weekdays ?? DEFAULT_WEEKDAYS;
  const named = (entries: readonly (string | DayRange)[] | undefined, date: string) => entries?.map(asRange).find((e) => e.from <= date && e.to >= date);
  const days: Day[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    const working = calendar.isWorkday(date);
    const companyWorkday = named(config?.calendar?.workdays, date);
    const companyHoliday = named(config?.calendar?.holidays, date);
    const publicHoliday = named(publicHolidays, date);
    const entry =
      companyWorkday ? { kind: "company-workday" as const, name: companyWorkday }
      : companyHoliday ? { kind: "company-holiday" as const, name: companyHoliday }
      : publicYear?.workdays.includes(date) && !weekdays.includes(weekday) ? { kind: "adjusted" as const, name: undefined }
      : publicHoliday ? { kind: "holiday" as const, name: publicHoliday }
      : { kind: working ? ("workday" as const) : ("rest" as const), name: undefined };
    days.push({ date, weekday, working, kind: entry.kind, ...names(entry.name) });
  }
  return days;
}

/**
 * The month as a grid, Monday first: each day's number with 休 (a day off that is not a rest day of the week) or 班 (a
 * working day that is), then a legend saying which weekdays work by `weekdays` (qms.yaml calendar.weekdays, ISO 1 =
 * Monday … 7 = Sunday), then the totals.
 */
function monthText(year: number, month: number, days: Day[], weekdays: readonly number[]): string[] {
  const cell = (text: string) => padEnd(text, 5);
  const header = [1, 2, 3, 4, 5, 6, 7].map((d) => cell(t(`calendar.show.weekday.${d}` as "calendar.show.weekday.1"))).join("").trimEnd();
  const rows: string[] = [];
  let row = Array.from({ length: days[0]!.weekday - 1 }, () => cell(""));
  for (const day of days) {
    const mark = day.kind === "holiday" || day.kind === "company-holiday" ? t("calendar.show.mark.off") : day.kind === "adjusted" || day.kind === "company-workday" ? t("calendar.show.mark.on") : "";
    row.push(cell(`${String(Number(day.date.slice(8))).padStart(2)}${mark}`));
    if (day.weekday === 7) {
      rows.push(row.join("").trimEnd());
      row = [];
    }
  }
  if (row.length > 0) rows.push(row.join("").trimEnd());
  const working = days.filter((d) => d.working).length;
  const off = days.filter((d) => d.kind === "holiday" || d.kind === "company-holiday").length;
  return [
    // 2026 年 8 月; in English "August 2026", not "2026-8" (tester65 N13).
    t("calendar.show.month-title", { year, month: language() === "en" ? new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(Date.UTC(year, month - 1, 1)) : month }),
    header,
    ...rows,
    legend(weekdays),
    t("calendar.show.totals", { working, rest: days.length - working, off }),
  ];
}

/**
 * The legend under a month, from the working weekdays (ISO 1–7) as the counts above it use them: 周一至周五上班，周六、周日休息
 * for the default week, 周一至周六上班，周日休息 for a six-day one (breaker63 P8).
 */
function legend(weekdays: readonly number[]): string {
  const working = [1, 2, 3, 4, 5, 6, 7].filter((d) => weekdays.includes(d));
  const rest = [1, 2, 3, 4, 5, 6, 7].filter((d) => !weekdays.includes(d));
  if (rest.length === 0) return t("calendar.show.legend-every-day");
  return t("calendar.show.legend", { working: weekdayList(working), rest: weekdayList(rest) });
}

/** Weekdays (ISO 1–7, ascending) in words: a run of three or more as a range (周一至周五), the others one by one. */
function weekdayList(days: readonly number[]): string {
  const name = (d: number) => t(`calendar.weekday.${d}` as "calendar.weekday.1");
  const runs: number[][] = [];
  for (const d of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  const parts = runs.flatMap((run) => (run.length >= 3 ? [t("calendar.show.weekday-range", { from: name(run[0]!), to: name(run.at(-1)!) })] : run.map(name)));
  return parts.length === 1 ? parts[0]! : t("calendar.show.weekday-last", { list: parts.slice(0, -1).join(t("calendar.show.weekday-separator")), last: parts.at(-1)! });
}

/** The holidays and make-up working days listed, then the notice's make-up days that are working weekdays here anyway (`workingAnyway`), said once. */
function listText(holidays: Holiday[], workdays: Workday[], workingAnyway: readonly string[]): string[] {
  const range = (h: Holiday) => (h.from === h.to ? h.from : t("calendar.notice.range", { from: h.from, to: h.to }));
  const company = (c: boolean) => (c ? t("calendar.show.company") : "");
  const day = (date: string) => t("calendar.notice.workday", { date, weekday: t(`calendar.weekday.${isoWeekday(date)}` as "calendar.weekday.1") });
  return [
    t("calendar.show.holidays"),
    ...(holidays.length === 0
      ? [`  ${t("calendar.notice.no-workdays")}`]
      : holidays.map((h) => {
          const name = shownName(h);
          return `  ${name ? t("calendar.day.label-named", { days: range(h), name, count: h.days }) : t("calendar.day.label", { days: range(h), count: h.days })}${company(h.company)}`;
        })),
    t("calendar.show.workdays"),
    ...(workdays.length === 0 ? [`  ${t("calendar.notice.no-workdays")}`] : workdays.map((w) => `  ${day(w.date)}${shownName(w) ? ` ${shownName(w)}` : ""}${company(w.company)}`)),
    ...(workingAnyway.length > 0 ? [`  ${t("calendar.show.workdays-anyway", { count: workingAnyway.length, days: list(workingAnyway.map(day)) })}`] : []),
  ];
}

/**
 * The State Council General Office's yearly notice by its title in the reader's language: its Chinese title
 * (国务院办公厅关于2026年部分节假日安排的通知) in Chinese, "the State Council General Office notice on the 2026
 * holiday arrangements" in English, whose reader finds it by its number beside it (tester65 N13); another
 * notice, as written.
 */
function noticeTitle(notice: string): string {
  const found = /^国务院办公厅关于(\d{4})年部分节假日安排的通知(.*)$/.exec(notice.trim());
  return found === null || language() !== "en" ? notice : t("calendar.show.notice.yearly", { year: found[1]! }) + found[2]!;
}

function sourceText(year: number, base: string, source: Source | undefined, statutory: boolean, company: boolean): string[] {
  const lines =
    base === "none" ? [t("calendar.show.source.none")]
    : source ? [t(source.from === "shipped" ? "calendar.show.source.shipped" : "calendar.show.source.typed", { notice: noticeTitle(source.notice), number: source.number, published: source.published })]
    : [t(statutory ? "calendar.show.source.missing" : "calendar.show.source.missing-weekdays", { year })];
  for (const amended of source?.amended_by ?? []) lines.push(t("calendar.show.source.amended", { notice: amended.notice, number: amended.number, published: amended.published, change: amended.change }));
  if (company) lines.push(t("calendar.show.source.company"));
  return lines;
}
