/** The recorded events (with the id of the CSR, document or customer they belong to) that date/in-future and date/out-of-order look at, with where their dates are. */
import type { Repository } from "../../../load/repository.js";
import type { SourceFile } from "../../../load/source.js";
import { csrEvents, customerEvents, documentEvents, type RecordedEvent } from "../../../model/recorded-events.js";
import type { Path } from "../../../model/types.js";

export function* recordedEvents(repo: Repository): Generator<{ event: RecordedEvent; id: string; file: SourceFile; path: Path }> {
  for (const { value, file, path } of repo.csrs) for (const event of csrEvents(value)) yield { event, id: value.id, file, path: [...path, ...event.path] };
  for (const { value, file, path } of repo.documents) for (const event of documentEvents(value)) yield { event, id: value.id, file, path: [...path, ...event.path] };
  for (const { value, file, path } of repo.customers) for (const event of customerEvents(value)) yield { event, id: value.code, file, path: [...path, ...event.path] };
}
