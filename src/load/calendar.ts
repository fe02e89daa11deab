/** The shipped public calendars (calendars/<ID>.yaml) and the working-day calendar of a repository. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { WorkCalendar, type PublicCalendar } from "../model/calendar.js";
import type { QmsConfig } from "../model/types.js";
import { YAML_CORE_SCHEMA } from "./core-schema.js";
import { CALENDARS_DIR, PRECOMPILED_DIR } from "./package.js";

/** What a repository uses when qms.yaml names no `calendar.base`. */
export const DEFAULT_CALENDAR_BASE = "CN";

const shipped = new Map<string, PublicCalendar>();

/** Written by `npm run build` (src/load/precompile.ts): the shipped calendars, already parsed. */
const PRECOMPILED_CALENDARS = join(PRECOMPILED_DIR, "calendars.json");

/** A shipped public calendar by id (CN); throws only if the package itself is broken. */
export function shippedCalendar(id: string): PublicCalendar {
  let calendar = shipped.get(id);
  if (!calendar) {
    const text = readFileSync(join(CALENDARS_DIR, `${id}.yaml`), "utf8");
    // Every check reads a calendar, and parsing it costs more than the check of a small repository:
    // the build's copy is used while it was made from this very text (compared as text: a digest
    // would need node:crypto, which a check otherwise does not load).
    calendar = precompiledCalendar(id, text) ?? parseCalendar(text);
    shipped.set(id, calendar);
  }
  return calendar;
}

// js-yaml, as for repository files: the `yaml` package costs more to load than the check of a small repository.
const parseCalendar = (text: string) => load(text, { schema: YAML_CORE_SCHEMA }) as PublicCalendar;

function precompiledCalendar(id: string, text: string): PublicCalendar | undefined {
  try {
    const precompiled = (JSON.parse(readFileSync(PRECOMPILED_CALENDARS, "utf8")) as Record<string, { source: string; calendar: PublicCalendar }>)[id];
    return precompiled?.source === text ? precompiled.calendar : undefined;
  } catch {
    return undefined;
  }
}

/** The shipped calendars as the build stores them (see PRECOMPILED_CALENDARS), by id, each with the text it was parsed from. */
export function parseShippedCalendars(): Record<string, { source: string; calendar: PublicCalendar }> {
  const result: Record<string, { source: string; calendar: PublicCalendar }> = {};
  for (const name of readdirSync(CALENDARS_DIR).filter((n) => n.endsWith(".yaml")).sort()) {
    const text = readFileSync(join(CALENDARS_DIR, name), "utf8");
    result[name.slice(0, -".yaml".length)] = { source: text, calendar: parseCalendar(text) };
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
    calendar = new WorkCalendar(config?.calendar, base === "none" ? undefined : shippedCalendar(base));
    calendars.set(key, calendar);
  }
  return calendar;
}
