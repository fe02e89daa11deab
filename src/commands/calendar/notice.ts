/**
 * `csr calendar notice <file>`: a year's public holidays and make-up working days, read from the
 * State Council General Office's notice (国务院办公厅关于××年部分节假日安排的通知) as published —
 * text pasted into a file or given on standard input (`-`), the Word file or the PDF — and
 * written into qms.yaml under `calendar.years`, where every working-day count through that year
 * (review deadlines, IATF 16949 7.5.3.2.2; days overdue) then follows the notice instead of a
 * Monday-to-Friday estimate (rule calendar/year-missing).
 *
 * Nothing is written when the notice does not add up (a weekday beside a date that is not that
 * date's weekday, a "共N天" that is not the range's length, a date given twice), when the year is
 * already in qms.yaml with other days (`--replace` to take the notice's), or when csr ships the year
 * from the same notice with other days (a typing error is likelier than a changed notice; `--replace`
 * keeps the notice's days in qms.yaml in place of the shipped ones).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isMap, isSeq, type Document, type YAMLMap } from "yaml";
import { UserError } from "../../core/errors.js";
import { displayWidth, padEnd } from "../../core/text.js";
import { list, t } from "../../i18n/index.js";
import { shippedCalendar } from "../../load/calendar.js";
import { expand } from "../../model/calendar.js";
import { dayCount, readHolidayNotice, type NoticeProblem, type NoticeYear } from "../../model/holiday-notice.js";
import { isoWeekday } from "../../core/dates.js";
import type { DayRange } from "../../model/types.js";
import type { CommandContext } from "../context.js";
import { editFile, saveChanges, withEditSession } from "../shared/edit.js";
import { appendIn } from "../shared/persist.js";

export interface CalendarNoticeFlags {
  year?: string;
  replace?: boolean;
  dryRun?: boolean;
  commit?: boolean;
}

export async function calendarNoticeCommand(ctx: CommandContext, file: string, flags: CalendarNoticeFlags): Promise<number> {
  const givenYear = flags.year === undefined ? undefined : Number(flags.year);
  if (givenYear !== undefined && !(Number.isInteger(givenYear) && givenYear >= 2000 && givenYear <= 2100)) throw new UserError(t("calendar.notice.bad-year", { year: flags.year! }));
  return withEditSession(ctx, true, undefined, async (session) => {
    const text = await noticeText(ctx, file);
    const reading = readHolidayNotice(text, givenYear);
    if (reading.year === undefined || reading.problems.length > 0) {
      for (const problem of reading.problems) ctx.stderr(`${describeProblem(problem)}\n`);
      ctx.stderr(`${t("calendar.notice.refused", { count: reading.problems.length })}\n`);
      return 1;
    }
    const year = reading.year;
    ctx.stdout(summary(year, reading.skipped));

    const shipped = shippedCalendar("CN").years.find((y) => y.year === year.year);
    const config = session.repo.config;
    if (!config) throw new UserError(t("calendar.notice.no-config"));
    const typed = config.value.calendar?.years?.find((y) => y.year === year.year);
    if (typed) {
      if (sameDays(typed, year)) {
        ctx.stdout(`${t("calendar.notice.already-typed", { year: year.year })}\n`);
        return 0;
      }
      if (!flags.replace) throw new UserError(t("calendar.notice.typed-differs", { year: year.year, differences: differences(typed, year) }), t("calendar.notice.replace-hint"));
    } else if (shipped) {
      if (sameDays(shipped, year)) {
        ctx.stdout(`${t("calendar.notice.already-shipped", { year: year.year, number: shipped.number })}\n`);
        return 0;
      }
      if (!flags.replace) throw new UserError(t("calendar.notice.shipped-differs", { year: year.year, number: shipped.number, differences: differences(shipped, year) }), t("calendar.notice.replace-hint"));
    }
    if (flags.dryRun) {
      ctx.stdout(`${t("calendar.notice.dry-run")}\n`);
      return 0;
    }
    const change = editFile(session.root, config.file.path, "qms", (doc) => putYear(doc, year));
    const days = year.holidays.reduce((sum, h) => sum + dayCount(h.from, h.to), 0);
    await saveChanges(
      ctx,
      session,
      [change],
      [
        t(typed ? "calendar.notice.replaced" : "calendar.notice.written", {
          year: year.year,
          path: config.file.path,
          festivals: t("calendar.notice.holiday-periods", { count: year.holidays.length }),
          days: t("calendar.notice.days-off", { count: days }),
          workdays: t("calendar.notice.make-up-days", { count: year.workdays.length }),
        }),
      ],
      { commit: flags.commit, message: t("calendar.notice.commit", { year: year.year, notice: year.number ?? year.notice }) },
    );
    return 0;
  });
}

/** The notice's text: standard input for `-`, else the file (text, Word or PDF, see extractText). */
async function noticeText(ctx: CommandContext, file: string): Promise<string> {
  if (file === "-") return readFileSync(0, "utf8");
  const path = resolve(ctx.dir, file);
  if (!existsSync(path)) throw new UserError(t("calendar.notice.no-file", { file }));
  const { extractText } = await import("../../compare/extract.js");
  return extractText(path, file);
}

/** What the notice says, as read: one line per festival, then the make-up working days. */
function summary(year: NoticeYear, skipped: string[]): string {
  const width = Math.max(displayWidth(t("calendar.notice.workdays")), ...year.holidays.map((h) => displayWidth(h.name)));
  const lines = [`${year.notice}${t("calendar.notice.colon")}`];
  for (const h of year.holidays) {
    const span = h.from === h.to ? h.from : t("calendar.notice.range", { from: h.from, to: h.to });
    lines.push(`  ${padEnd(h.name, width)}  ${span}${t("calendar.notice.days", { count: dayCount(h.from, h.to) })}`);
  }
  const workdays = year.workdays.map((date) => t("calendar.notice.workday", { date, weekday: weekdayName(isoWeekday(date)) }));
  lines.push(`  ${padEnd(t("calendar.notice.workdays"), width)}  ${workdays.length > 0 ? list(workdays) : t("calendar.notice.no-workdays")}`);
  for (const sentence of skipped) lines.push(t("calendar.notice.skipped", { sentence }));
  return `${lines.join("\n")}\n`;
}

/** 周一 … 周日 (Monday … Sunday) for 1 … 7. */
const weekdayName = (weekday: number) => t(WEEKDAYS[weekday - 1]!);
const WEEKDAYS = ["calendar.weekday.1", "calendar.weekday.2", "calendar.weekday.3", "calendar.weekday.4", "calendar.weekday.5", "calendar.weekday.6", "calendar.weekday.7"] as const;

function describeProblem(problem: NoticeProblem): string {
  switch (problem.kind) {
    case "no-year":
      return t("calendar.notice.problem.no-year");
    case "year-mismatch":
      return t("calendar.notice.problem.year-mismatch", { stated: problem.stated, given: problem.given });
    case "no-items":
      return t("calendar.notice.problem.no-items");
    case "item-missing":
      return t("calendar.notice.problem.item-missing", { number: problem.number, before: problem.before });
    case "bad-date":
      return t("calendar.notice.problem.bad-date", { text: problem.text });
    case "weekday":
      return t("calendar.notice.problem.weekday", { text: problem.text, date: problem.date, stated: weekdayName(problem.stated), actual: weekdayName(problem.actual) });
    case "day-count":
      return t("calendar.notice.problem.day-count", { text: problem.text, stated: problem.stated, counted: problem.counted });
    case "no-days-off":
      return t("calendar.notice.problem.no-days-off", { text: problem.text });
    case "twice":
      return t("calendar.notice.problem.twice", { date: problem.date, text: problem.text });
    case "both":
      return t("calendar.notice.problem.both", { text: problem.text });
  }
}

/** Every day off and every working day of a year entry, as sorted dates. */
function days(year: { holidays: readonly (string | DayRange)[]; workdays: readonly (string | DayRange)[] }): { off: string[]; on: string[] } {
  return { off: [...expand(year.holidays)].sort(), on: [...expand(year.workdays)].sort() };
}

function sameDays(a: Parameters<typeof days>[0], b: Parameters<typeof days>[0]): boolean {
  const [x, y] = [days(a), days(b)];
  return x.off.join() === y.off.join() && x.on.join() === y.on.join();
}

/** The days that differ, as "放假：+2027-02-16、−2027-02-17；上班：…". */
function differences(before: Parameters<typeof days>[0], after: Parameters<typeof days>[0]): string {
  const [x, y] = [days(before), days(after)];
  const diff = (old: string[], now: string[]) => [...now.filter((d) => !old.includes(d)).map((d) => `+${d}`), ...old.filter((d) => !now.includes(d)).map((d) => `−${d}`)];
  const parts: string[] = [];
  const off = diff(x.off, y.off);
  const on = diff(x.on, y.on);
  if (off.length > 0) parts.push(t("calendar.notice.diff.off", { days: list(off) }));
  if (on.length > 0) parts.push(t("calendar.notice.diff.on", { days: list(on) }));
  return parts.join(t("calendar.notice.diff.separator"));
}

/**
 * Puts the year into qms.yaml's calendar.years, in year order, in place of an entry of the same year;
 * each holiday a one-line `{from, to, name}` and the working days one line.
 */
function putYear(doc: Document.Parsed, year: NoticeYear): void {
  const entry = doc.createNode({ year: year.year, notice: year.notice, holidays: year.holidays, workdays: year.workdays }) as YAMLMap;
  const holidays = entry.get("holidays", true);
  const workdays = entry.get("workdays", true);
  if (isSeq(holidays)) for (const item of holidays.items) if (isMap(item)) item.flow = true;
  if (isSeq(workdays)) workdays.flow = true;
  const years = doc.getIn(["calendar", "years"], true);
  if (!isSeq(years)) return appendIn(doc, ["calendar", "years"], entry);
  const yearOf = (node: unknown) => (isMap(node) ? Number(node.get("year")) : NaN);
  const same = years.items.findIndex((node) => yearOf(node) === year.year);
  if (same >= 0) {
    years.items[same] = entry;
    return;
  }
  const later = years.items.findIndex((node) => yearOf(node) > year.year);
  years.items.splice(later < 0 ? years.items.length : later, 0, entry);
}
