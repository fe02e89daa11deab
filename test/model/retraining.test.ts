/**
 * The one loop of doc/retraining-due and csr/retraining-due (model/retraining.ts refreshersOverdue): the items marked
 * retrain_months with a refresher overdue on the day (from the first working day after its due day), each with those
 * refreshers soonest first and the people's names.
 */
import { describe, expect, it } from "vitest";
import { repositoryCalendar } from "../../src/load/calendar.js";
import { refreshersOverdue } from "../../src/model/retraining.js";
import type { TrainingCompletion } from "../../src/model/training-completion.js";

const calendar = repositoryCalendar(undefined);
const item = (id: string, retrain?: number) => ({ file: `${id}.yaml`, value: { id, ...(retrain === undefined ? {} : { training: { retrain_months: retrain } }) } });
const completions: Record<string, Pick<TrainingCompletion, "refreshers">> = {
  "QP-001": { refreshers: [{ person: "li", last: "2025-11-20", due: "2026-11-20" }, { person: "zhang", last: "2025-11-02", due: "2026-11-02" }, { person: "wang", last: "2026-01-05", due: "2027-01-05" }] },
  "QP-002": { refreshers: [{ person: "wang", last: "2025-12-04", due: "2026-12-04" }] },
  "QP-003": { refreshers: [{ person: "li", last: "2025-01-02", due: "2026-01-02" }] },
};
const names: Record<string, string> = { li: "李四", zhang: "张三" };

describe("refreshersOverdue", () => {
  it("gives each item marked for refreshers with one overdue, soonest first, named; none for one in time or not marked", () => {
    const asked: string[] = [];
    const due = refreshersOverdue(
      [item("QP-001", 12), item("QP-002", 12), item("QP-003"), item("QP-004", 12)],
      ({ value }) => (asked.push(value.id), completions[value.id] as TrainingCompletion | undefined),
      "2026-12-04",
      calendar,
      (id) => names[id],
    );
    // QP-003 is not marked (its completion is not asked for); QP-004 has no completion; QP-002 is due today, in time.
    expect(asked).toEqual(["QP-001", "QP-002", "QP-004"]);
    expect(due.map((d) => [d.item.value.id, d.overdue, d.names])).toEqual([
      [
        "QP-001",
        [
          { person: "zhang", last: "2025-11-02", due: "2026-11-02" },
          { person: "li", last: "2025-11-20", due: "2026-11-20" },
        ],
        ["张三", "李四"],
      ],
    ]);
  });
});
