/** The recorded events (with the id of the CSR, document, customer, process, tooling, management review, objective, register edition or corrective action they belong to) that date/in-future and date/out-of-order report, with where their dates are. */
import type { Repository } from "../../../load/repository.js";
import type { SourceFile } from "../../../load/source.js";
import { actionEvents, csrEvents, customerEvents, documentEvents, eventProblem, managementReviewEvents, objectiveEvents, processEvents, registerEditionEvents, toolingEvents, type RecordedEvent } from "../../../model/recorded-events.js";
import type { Path } from "../../../model/types.js";

export interface EventFinding {
  problem: "in-future" | "out-of-order";
  event: RecordedEvent;
  id: string;
  file: SourceFile;
  path: Path;
}

/**
 * Both date rules look at every event of every CSR, document, customer, process and record file: the events are listed
 * once per check, by whichever rule runs first, and only those with a problem are kept for the other.
 */
const found = new WeakMap<Repository, { today: string; findings: EventFinding[] }>();

/** The events of the repository that are dated after `today` or before the event they follow. */
export function eventFindings(repo: Repository, today: string): EventFinding[] {
  const known = found.get(repo);
  if (known?.today === today) return known.findings;
  const findings: EventFinding[] = [];
  const scan = (events: RecordedEvent[], id: string, file: SourceFile, path: Path) => {
    for (const event of events) {
      const problem = eventProblem(event, today);
      if (problem) findings.push({ problem, event, id, file, path: [...path, ...event.path] });
    }
  };
  for (const { value, file, path } of repo.csrs) scan(csrEvents(value), value.id, file, path);
  for (const { value, file, path } of repo.documents) scan(documentEvents(value), value.id, file, path);
  for (const { value, file, path } of repo.customers) scan(customerEvents(value), value.code, file, path);
  for (const { value, file, path } of repo.processes) scan(processEvents(value), value.code, file, path);
  for (const { value, file, path } of repo.tooling) scan(toolingEvents(value), value.id, file, path);
  for (const { value, file, path } of repo.managementReviews) scan(managementReviewEvents(value), value.id, file, path);
  for (const { value, file, path } of repo.objectives) scan(objectiveEvents(value), value.id, file, path);
  for (const { value, file, path } of repo.registerEditions) scan(registerEditionEvents(value), `${value.register} ${value.edition}`, file, path);
  for (const { value, file, path } of repo.actions) scan(actionEvents(value), value.id, file, path);
  found.set(repo, { today, findings });
  return findings;
}
