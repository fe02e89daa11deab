/**
 * Dates relative to the day a test runs. Commands that write records (csr add, set, source update,
 * review …) have no --today: what they say about a deadline ("due …", "overdue by …") depends on
 * the day they run, so a test of it dates its scenario from that day, or counts from it, and passes
 * on whatever day it is run.
 */
import { repositoryCalendar } from "../src/load/calendar.js";
import { loadRepository } from "../src/load/repository.js";

/** The day the test runs, as csr takes it where a command has no --today: the local date. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
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

/**
 * The rules whose findings come and go with the day csr runs: what falls due by today (reviews,
 * implementations, trainings, periodic reviews, recalls of copies) and today's year lacking public
 * holidays. A command with no --today that prints a whole check (csr import) prints them as of the
 * real day; a test of what such a command did turns them off in its repository's qms.yaml
 * (`qms.yaml` with no `rules` of its own), and any check of them it makes gives a --today.
 */
export const RULES_COUNTING_TO_TODAY = ["calendar/year-missing", "csr/implementation-overdue", "csr/review-overdue", "csr/training-overdue", "doc/periodic-review-due", "doc/recall-overdue", "doc/training-overdue"];

/** The `rules` section of a qms.yaml that turns RULES_COUNTING_TO_TODAY off. */
export const RULES_COUNTING_TO_TODAY_OFF = `rules:\n${RULES_COUNTING_TO_TODAY.map((rule) => `  ${rule}: off\n`).join("")}`;
