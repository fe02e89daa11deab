/**
 * Dates relative to the day a test runs. Commands that write records (csr add, set, source update,
 * review …) have no --today: what they say about a deadline ("due …", "overdue by …") depends on
 * the day they run, so a test of it dates its scenario from that day, or counts from it, and passes
 * on whatever day it is run.
 *
 * Running tests on another day, to see that they do: Debian's libfaketime (`apt-get install
 * faketime`) makes every process of the run see that day, vitest, the csr processes it starts
 * and git (commit dates too), its clock running on from 10:00 local time:
 *
 *   CSR_TEST_DAY=2027-01-04 npm run test:day -- test/csr/add.test.ts test/audit
 *
 * (`faketime "2027-01-04 10:00:00" vitest run --maxWorkers=1` after the bundle; not part of
 * `npm test`). Days worth a run: one after the examples' stories have moved on (acme-auto's
 * BCM-005 review is overdue from 2026-12-07; temporary documents and forms not yet in force have
 * fixed dates), the first days of a year (a record dated in the year's first week is then in
 * the future: date/in-future) and one in a year whose holiday notice csr does not ship
 * (calendar/year-missing notes a deadline counted into it). Do not rebuild dist/ while such a
 * run goes on: the csr processes it starts then fail as they find the bundle half written.
 */
import { repositoryCalendar, shippedCalendar } from "../src/load/calendar.js";
import { loadRepository } from "../src/load/repository.js";

/** The day the test runs, as csr takes it where a command has no --today: the local date. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/**
 * Whether csr ships the State Council's holiday notice of `year` (calendars/CN.yaml): a working-day count that runs
 * into a year it does not ship is an estimate, which csr says (calendar/year-missing; 期限为估算 in the registers).
 */
export function noticeShipped(year: number | string): boolean {
  return shippedCalendar("CN").years.some((entry) => entry.year === Number(year));
}

/** The date `days` calendar days after `day` (before it when negative). */
export function daysAfter(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The nth day Monday to Friday after `day` (the day itself not counted): a review deadline in a
 * repository whose calendar is `base: none` with no days of its own in the span, counted here
 * without csr's calendar.
 */
export function weekdaysAfter(day: string, n: number): string {
  let date = day;
  for (let counted = 0; counted < n; ) {
    date = daysAfter(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted++;
  }
  return date;
}

/**
 * Working days from a past deadline to the day the test runs in the calendar of the repository in
 * `dir`: what csr says a review is overdue by. Counted with csr's calendar (test/model/calendar.test.ts
 * tests it on fixed dates), as the count runs into years whose public holidays csr ships later.
 */
export function workingDaysSince(dir: string, due: string): number {
  return repositoryCalendar(loadRepository(dir).config?.value).workdaysBetween(due, today());
}

/** What csr release says on stderr of a temporary document whose --until is before the day the test runs (zh-CN); else nothing. */
export function expiredNote(until: string, id: string): string {
  return until < today() ? `注意：--until ${until} 早于今天（${today()}）：${id} 已到期，不能再按它作业。如是日期有误，用正确的日期重新发布（'csr release ${id} --until <日期> --force'）；如是补登已结束的临时文件，用 'csr obsolete ${id}' 作废它。\n` : "";
}
