/** The shipped public calendars (calendars/<ID>.yaml) and the working-day calendar of a repository. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { WorkCalendar, type PublicCalendar } from "../model/calendar.js";
import type { QmsConfig } from "../model/types.js";
import { YAML_CORE_SCHEMA } from "./core-schema.js";
import { lunarDates } from "./lunar.js";
import { CALENDARS_DIR, PRECOMPILED_DIR } from "./package.js";
import { madeFrom, shippedSources } from "./shipped-sources.js";

/** What a repository uses when qms.yaml names no `calendar.base`. */
export const DEFAULT_CALENDAR_BASE = "CN";

const shipped = new Map<string, PublicCalendar>();

/**
 * Written by `npm run build` (src/load/precompile.ts): the shipped calendars, already parsed, by id,
 * and the files they were parsed from (load/shipped-sources.ts). Every check reads a calendar, and
 * parsing it costs more than the check of a small repository: the build's copy is used while the
 * files are those it was parsed from.
 */
export const PRECOMPILED_CALENDARS = join(PRECOMPILED_DIR, "calendars.json");
export const PRECOMPILED_CALENDAR_SOURCES = join(PRECOMPILED_DIR, "calendars.sources");

/** A shipped public calendar by id (CN); throws only if the package itself is broken. */
export function shippedCalendar(id: string): PublicCalendar {
  let calendar = shipped.get(id);
  if (!calendar) {
    calendar = (madeFrom(PRECOMPILED_CALENDAR_SOURCES, shippedSources(CALENDARS_DIR, ".yaml")) ? precompiledCalendar(id) : undefined) ?? parseCalendar(readFileSync(join(CALENDARS_DIR, `${id}.yaml`), "utf8"));
    shipped.set(id, calendar);
  }
  return calendar;
}

// js-yaml, as for repository files: the `yaml` package costs more to load than the check of a small repository.
const parseCalendar = (text: string) => load(text, { schema: YAML_CORE_SCHEMA }) as PublicCalendar;

function precompiledCalendar(id: string): PublicCalendar | undefined {
  try {
    return (JSON.parse(readFileSync(PRECOMPILED_CALENDARS, "utf8")) as Record<string, PublicCalendar>)[id];
  } catch {
    return undefined;
  }
}

/** The shipped calendars (calendars/*.yaml) parsed, by id, as the build stores them (see PRECOMPILED_CALENDARS). */
export function parseShippedCalendars(): Record<string, PublicCalendar> {
  const result: Record<string, PublicCalendar> = {};
  for (const name of readdirSync(CALENDARS_DIR).filter((n) => n.endsWith(".yaml")).sort()) {
    result[name.slice(0, -".yaml".length)] = parseCalendar(readFileSync(join(CALENDARS_DIR, name), "utf8"));
  }
  return result;
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
    calendar = new WorkCalendar(config?.calendar, base === "none" ? undefined : shippedCalendar(base), lunarDates);
    calendars.set(key, calendar);
  }
  return calendar;
}
