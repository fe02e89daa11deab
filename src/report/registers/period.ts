/**
 * How a register of a period (`--from`/`--to`) words a period asked to run past today (Period.askedTo,
 * tester60 J7): its last day is today's, said in the period's words (`2026-01-01 至 2026-12-05，截至今日`),
 * and a note names the day asked and when the whole period can be listed.
 */
import type { Period } from "../../model/review-timeliness.js";
import { t, type RegisterContext } from "./context.js";

/** `from` and `to` of the period's words: `to` followed by 截至今日 when the period asked runs past today. */
export function periodWords(ctx: RegisterContext, period: Period): { from: string; to: string } {
  return { from: period.from, to: period.askedTo !== undefined ? t(ctx, "register.period.to-today", { to: period.to }) : period.to };
}

/**
 * A period (--from/--to) as a register filtered by the day its review started says it, in the period's words
 * (register.filter.period: "起算期间：2026-01-01 至 2026-06-30"): the CSR list's and the review timeliness register's title and note.
 */
export function periodFilterText(ctx: RegisterContext, period: Period): string {
  return t(ctx, "register.filter.period", periodWords(ctx, period));
}

/** The note under a register of a period asked to run past today (none otherwise): the day asked, counted up to today. */
export function periodAskedNotes(ctx: RegisterContext, period: Period | undefined): string[] {
  return period?.askedTo !== undefined ? [t(ctx, "register.period.asked", { asked: period.askedTo, today: period.to })] : [];
}

/**
 * In January to March, the management review held then looks back over the calendar year just ended (tester71 Q2):
 * `csr list management-review` without --from and --to lists that year (previousCalendarYear), and csr site shows it
 * beside the year to date.
 */
export function inFirstQuarter(today: string): boolean {
  return Number(today.slice(5, 7)) <= 3;
}

/** The calendar year before `today`'s, 1 January to 31 December. */
export function previousCalendarYear(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The calendar month before `today`'s, its first to its last day: the month a 质量监督月报 made early in the next reports on (csr list supervision). */
export function previousMonth(today: string): { from: string; to: string } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, "0")}` };
}
