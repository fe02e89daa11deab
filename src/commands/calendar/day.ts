/**
 * `csr calendar holiday` and `csr calendar workday`: a company day off or period (停产检修, 年休) into
 * qms.yaml's `calendar.holidays`, or an extra working day (a public holiday the plant works) into
 * `calendar.workdays` — the company days that win over the public ones (docs/format.md, "The
 * working-day calendar"), which review deadlines (IATF 16949 7.5.3.2.2: ten working days) are counted in.
 *
 * Refused: a date that is not a real YYYY-MM-DD date, a range whose end is before its start, and the
 * same days already listed there. Written with a note: days that overlap an entry of either list.
 * The entry goes in date order; a single unnamed day is written as a bare date, anything else as
 * `{from, to, name}`.
 */
import { isMap, isScalar, isSeq, type Document } from "yaml";
import { addDays, localToday } from "../../core/dates.js";
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { repositoryCalendar } from "../../load/calendar.js";
import { dayCount } from "../../model/holiday-notice.js";
import type { RepoIndex } from "../../model/index.js";
import { reviewRounds } from "../../model/review-timeliness.js";
import type { DayRange, QmsConfig } from "../../model/types.js";
import type { Repository } from "../../load/repository.js";
import type { CommandContext } from "../context.js";
import { dateOption } from "../options.js";
import { editFile, saveChanges, withEditSession } from "../shared/edit.js";
import { appendIn } from "../shared/persist.js";

export interface CalendarDayFlags {
  from?: string;
  to?: string;
  name?: string;
  dryRun?: boolean;
  commit?: boolean;
}

type Kind = "holidays" | "workdays";

export const calendarHolidayCommand = (ctx: CommandContext, flags: CalendarDayFlags) => addCompanyDays(ctx, "holidays", flags);
export const calendarWorkdayCommand = (ctx: CommandContext, flags: CalendarDayFlags) => addCompanyDays(ctx, "workdays", flags);

async function addCompanyDays(ctx: CommandContext, kind: Kind, flags: CalendarDayFlags): Promise<number> {
  if (flags.from === undefined) throw new UserError(t("calendar.day.needs-from"), t(`calendar.day.example.${kind}`));
  const from = dateOption(flags.from.trim(), "--from");
  const to = flags.to === undefined ? from : dateOption(flags.to.trim(), "--to");
  if (to < from) throw new UserError(t("calendar.day.reversed", { from, to }));
  const name = flags.name?.trim() || undefined;
  return withEditSession(ctx, true, undefined, async (session) => {
    const config = session.repo.config;
    if (!config) throw new UserError(t("calendar.notice.no-config"));
    const calendar = config.value.calendar ?? {};
    const other: Kind = kind === "holidays" ? "workdays" : "holidays";
    const same = (calendar[kind] ?? []).find((e) => span(e).from === from && span(e).to === to);
    if (same) throw new UserError(t(`calendar.day.duplicate.${kind}`, { days: label(same), path: config.file.path }));
    const notes = [kind, other].flatMap((list) => (calendar[list] ?? []).filter((e) => overlaps(e, from, to)).map((e) => t(`calendar.day.overlap.${kind}.${list}`, { days: label(e) })));
    const entry: string | DayRange = from === to && name === undefined ? from : { from, to, ...(name === undefined ? {} : { name }) };
    const days = label(entry);
    const changed = changedDays(config.value, kind, from, to);
    const lines = [
      t(flags.dryRun ? `calendar.day.would-add.${kind}` : `calendar.day.added.${kind}`, { days, path: config.file.path }),
      ...notes,
      changed === 0 ? t(`calendar.day.unchanged.${kind}`) : t(`calendar.day.changed.${kind}`, { count: changed }),
      ...(changed === 0 ? [] : rejudgedRounds(session.repo, session.index, config.value, kind, entry)),
    ];
    if (flags.dryRun) {
      ctx.stdout(`${[...lines, t("calendar.notice.dry-run")].join("\n")}\n`);
      return 0;
    }
    const change = editFile(session.root, config.file.path, "qms", (doc) => putDays(doc, kind, entry));
    await saveChanges(ctx, session, [change], lines, { commit: flags.commit, message: t(`calendar.day.commit.${kind}`, { days }) });
    return 0;
  });
}

/**
 * The decided review rounds whose recorded timeliness (按期 / 逾期) the new days change, one line each
 * under a heading, or none: a verdict an auditor may have seen already (IATF 16949 7.5.3.2.2), and a
 * late decision's recorded reason (逾期原因) that no longer explains anything.
 */
function rejudgedRounds(repo: Repository, index: RepoIndex, config: QmsConfig, kind: Kind, entry: string | DayRange): string[] {
  const today = localToday();
  const before = repositoryCalendar(config);
  const afterConfig: QmsConfig = { ...config, calendar: { ...config.calendar, [kind]: [...(config.calendar?.[kind] ?? []), entry] } };
  const after = repositoryCalendar(afterConfig);
  const lines: string[] = [];
  for (const { value: csr } of repo.csrs) {
    const customer = index.customers.get(csr.customer)?.value;
    const was = reviewRounds(csr, before, config, today, customer);
    const now = reviewRounds(csr, after, afterConfig, today, customer);
    was.forEach((round, i) => {
      const changed = now[i];
      if (!changed || round.decided === undefined || round.timeliness === changed.timeliness) return;
      const reason = round.lateReason && changed.timeliness === "on-time" ? t("calendar.day.rejudged.reason", { reason: round.lateReason }) : "";
      lines.push(
        t("calendar.day.rejudged.round", {
          csr: csr.id,
          revision: round.revision,
          decided: round.decided,
          from: t(`register.reviews.verdict.${round.timeliness}`),
          to: t(`register.reviews.verdict.${changed.timeliness}`),
          reason,
        }),
      );
    });
  }
  return lines.length === 0 ? [] : [t("calendar.day.rejudged", { count: lines.length }), ...lines];
}

const span = (entry: string | DayRange) => (typeof entry === "string" ? { from: entry, to: entry } : entry);
const overlaps = (entry: string | DayRange, from: string, to: string) => span(entry).from <= to && span(entry).to >= from;

/** 2026-08-03 至 2026-08-07 停产检修（5 天） / 2026-09-26. */
function label(entry: string | DayRange): string {
  const { from, to } = span(entry);
  const days = from === to ? from : t("calendar.notice.range", { from, to });
  const name = typeof entry === "string" ? undefined : entry.name;
  return name === undefined ? t("calendar.day.label", { days, count: dayCount(from, to) }) : t("calendar.day.label-named", { days, name, count: dayCount(from, to) });
}

/** How many days from `from` to `to` turn from working days into days off (holidays) or back (workdays). */
function changedDays(config: QmsConfig, kind: Kind, from: string, to: string): number {
  const before = repositoryCalendar(config);
  const calendar = config.calendar ?? {};
  const after = repositoryCalendar({ ...config, calendar: { ...calendar, [kind]: [...(calendar[kind] ?? []), { from, to }] } });
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (before.isWorkday(day) !== after.isWorkday(day)) count++;
  return count;
}

/** Puts the entry into calendar.<kind> before the first entry that starts later; a range as a one-line map. */
function putDays(doc: Document.Parsed, kind: Kind, entry: string | DayRange): void {
  const node = doc.createNode(entry);
  if (isMap(node)) node.flow = true;
  const days = doc.getIn(["calendar", kind], true);
  if (!isSeq(days)) return appendIn(doc, ["calendar", kind], node);
  // `workdays: [2026-02-14]` stays one line for another date; with a range in it, one entry a line reads better.
  if (isMap(node) || days.items.length === 0) days.flow = false;
  const startOf = (item: unknown) => (isScalar(item) ? String(item.value) : isMap(item) ? String(item.get("from")) : "");
  const start = span(entry).from;
  const later = days.items.findIndex((item) => startOf(item) > start);
  days.items.splice(later < 0 ? days.items.length : later, 0, node);
}
