/** The recorded events (with the id of the CSR, document or customer they belong to) that date/in-future and date/out-of-order look at, with where their dates are. */
import type { Repository } from "../../../load/repository.js";
import type { SourceFile } from "../../../load/source.js";
import { csrEvents, customerEvents, documentEvents, type RecordedEvent } from "../../../model/recorded-events.js";
import type { Path } from "../../../model/types.js";

export interface LocatedEvent {
  event: RecordedEvent;
  id: string;
  file: SourceFile;
  /** Where the entity sits in its file; the date is at `[...entityPath, ...event.path]` (see eventPath). */
  entityPath: Path;
}

/**
 * Both date rules walk every event of every CSR, document and customer: the list is made once per
 * repository, and a date's full path only for a finding.
 */
const listed = new WeakMap<Repository, LocatedEvent[]>();

export function recordedEvents(repo: Repository): LocatedEvent[] {
  let events = listed.get(repo);
  if (events) return events;
  events = [];
  for (const { value, file, path } of repo.csrs) for (const event of csrEvents(value)) events.push({ event, id: value.id, file, entityPath: path });
  for (const { value, file, path } of repo.documents) for (const event of documentEvents(value)) events.push({ event, id: value.id, file, entityPath: path });
  for (const { value, file, path } of repo.customers) for (const event of customerEvents(value)) events.push({ event, id: value.code, file, entityPath: path });
  listed.set(repo, events);
  return events;
}

/** Where a located event's date is inside its file. */
export function eventPath(located: LocatedEvent): Path {
  return [...located.entityPath, ...located.event.path];
}
