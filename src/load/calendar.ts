/** The shipped public calendars (calendars/<ID>.yaml) and the working-day calendar of a repository. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { WorkCalendar, type PublicCalendar } from "../model/calendar.js";
import type { QmsConfig } from "../model/types.js";
import { PACKAGE_ROOT } from "./package.js";

export const CALENDARS_DIR = join(PACKAGE_ROOT, "calendars");
/** What a repository uses when qms.yaml names no `calendar.base`. */
export const DEFAULT_CALENDAR_BASE = "CN";

const shipped = new Map<string, PublicCalendar>();

/** A shipped public calendar by id (CN); throws only if the package itself is broken. */
export function shippedCalendar(id: string): PublicCalendar {
  let calendar = shipped.get(id);
  if (!calendar) {
    calendar = parse(readFileSync(join(CALENDARS_DIR, `${id}.yaml`), "utf8")) as PublicCalendar;
    shipped.set(id, calendar);
  }
  return calendar;
}

/** The working-day calendar of a repository: the shipped public days (unless base: none) and its own. */
export function repositoryCalendar(config: QmsConfig | undefined): WorkCalendar {
  const base = config?.calendar?.base ?? DEFAULT_CALENDAR_BASE;
  return new WorkCalendar(config?.calendar, base === "none" ? undefined : shippedCalendar(base));
}
