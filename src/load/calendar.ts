/** The shipped public calendars (calendars/<ID>.yaml) and the working-day calendar of a repository. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { WorkCalendar, type PublicCalendar } from "../model/calendar.js";
import type { QmsConfig } from "../model/types.js";
import { CALENDARS_DIR } from "./package.js";

/** What a repository uses when qms.yaml names no `calendar.base`. */
export const DEFAULT_CALENDAR_BASE = "CN";

const shipped = new Map<string, PublicCalendar>();

/** A shipped public calendar by id (CN); throws only if the package itself is broken. */
export function shippedCalendar(id: string): PublicCalendar {
  let calendar = shipped.get(id);
  if (!calendar) {
    // js-yaml, as for repository files: every check reads this, and the `yaml` package costs more to load than the check of a small repository.
    calendar = load(readFileSync(join(CALENDARS_DIR, `${id}.yaml`), "utf8"), { schema: CORE_SCHEMA }) as PublicCalendar;
    shipped.set(id, calendar);
  }
  return calendar;
}

const calendars = new WeakMap<object, WorkCalendar>();
const NO_CONFIG = {};

/**
 * The working-day calendar of a repository: the shipped public days (unless base: none) and its own.
 * One per configuration, so that the rules of a check share the deadlines it has counted.
 */
export function repositoryCalendar(config: QmsConfig | undefined): WorkCalendar {
  const key = config ?? NO_CONFIG;
  let calendar = calendars.get(key);
  if (!calendar) {
    const base = config?.calendar?.base ?? DEFAULT_CALENDAR_BASE;
    calendar = new WorkCalendar(config?.calendar, base === "none" ? undefined : shippedCalendar(base));
    calendars.set(key, calendar);
  }
  return calendar;
}
