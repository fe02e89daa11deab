/**
 * The site's one notice about estimated working days (tester25 F9). A working-day count through a
 * year whose public holidays csr does not know is counted Monday to Friday (rule
 * calendar/year-missing): a review deadline, the working days left or overdue, a training or
 * recall deadline may then be days off. Those dates appear on many pages (dashboard lists, CSR
 * pages, customer and person pages, registers), and a reader who lands on any of them must not
 * take an estimate for a date: so every page of the site carries the same short notice under its
 * header, naming the years, while such a count is shown anywhere on the site.
 */
import { addDays } from "../core/dates.js";
import { repositoryCalendar } from "../load/calendar.js";
import { trainingRecordDays, trainingSessionVersions } from "../load/training-records.js";
import { lawHolidaysCounted, type WorkCalendar } from "../model/calendar.js";
import { reviewDue, reviewStart } from "../model/csr-status.js";
import { copiesToRecall, copyRecallDue } from "../model/distribution.js";
import { openTrainings } from "../model/training-completion.js";
import { csrsOn, documentsOn, peopleOf, t, type RegisterContext } from "../report/registers/context.js";

/**
 * The years without public-holiday data that a working-day count the site shows on `today`
 * (YYYY-MM-DD) runs through, ascending: today's own year (every count up to today: days left or
 * overdue), each CSR's review deadline from its start (as calendar/year-missing judges it), the
 * deadlines of open trainings and of controlled copies to recall, as the records show them on `today`
 * (documentsOn, csrsOn: a site of a past day counts no CSR received later, no training given
 * later as given). Empty when the repository keeps its own calendar (no base) or every year is known.
 */
export function estimatedYears(rc: RegisterContext, today: string, calendar: WorkCalendar = repositoryCalendar(rc.repo.config?.value)): number[] {
  const config = rc.repo.config?.value;
  const years = new Set(calendar.yearsWithoutData(addDays(today, -1), today));
  // The year a deadline falls in: counted into it from an earlier day (the span ends on `due`).
  const dueIn = (due: string | undefined) => {
    if (due) for (const year of calendar.yearsWithoutData(addDays(due, -1), due)) years.add(year);
  };
  const csrs = csrsOn(rc, today);
  const documents = documentsOn(rc, today).list;
  for (const csr of csrs) {
    if (csr.superseded) continue;
    for (const year of calendar.yearsWithoutData(reviewStart(csr), reviewDue(csr, calendar, config))) years.add(year);
  }
  for (const training of openTrainings(documents, csrs, peopleOf(rc), config, calendar, today, trainingRecordDays(rc.repo), trainingSessionVersions(rc.repo), rc.index.customers)) dueIn(training.due);
  const rows = rc.repo.symbols.map((s) => s.value);
  for (const doc of documents) for (const copy of copiesToRecall(doc, today)) dueIn(copyRecallDue(doc, copy, calendar, config, rows));
  return [...years].sort((a, b) => a - b);
}

/** The notice every page shows under its header while some working days are estimates; undefined when none is. */
export function calendarNotice(rc: RegisterContext, today: string): string | undefined {
  const calendar = repositoryCalendar(rc.repo.config?.value);
  const years = estimatedYears(rc, today, calendar);
  if (years.length === 0) return undefined;
  return t(rc, lawHolidaysCounted(calendar, years) ? "site.calendar-estimated" : "site.calendar-estimated-weekdays", { years: years.map(String).join(t(rc, "common.list-separator")), count: years.length });
}
