/**
 * A CSR's training state (csrTrainingState, csrTrainingReading: the card, the CSR list, the review report, the site)
 * tells a session evaluated not effective and one whose trainees all failed it as training nobody, as
 * csr list training --missing does (须重新培训): never 已培训 beside it (IATF 16949 7.2.2; tester72 Q5).
 */
import { describe, expect, it } from "vitest";
import { csrTrainingReading } from "../../src/model/training-completion.js";
import { csrTrainingState } from "../../src/model/training.js";
import type { Csr, Person, TrainingSession } from "../../src/model/types.js";

/** DYA-006, decided must on 2026-03-05, distributed to nobody, its training (`required`) recorded by `sessions`. */
function csr(required: boolean, sessions: TrainingSession[], disposition = "must"): Csr {
  return {
    id: "DYA-006",
    customer: "DYA",
    source: { document: "DYA-SQM", revision: "D" },
    clauses: [],
    title: "要求",
    received: "2026-03-01",
    review: { required: ["QA"], decision: { disposition, by: "zhang", date: "2026-03-05" } },
    training: { required, sessions },
  } as unknown as Csr;
}

const held: TrainingSession = { revision: "D", date: "2026-03-10", people: ["zhang", "chen"], trainer: "wang", record: "TR-2026-030" };
const ineffective: TrainingSession = { ...held, evaluation: { date: "2026-03-20", method: "exam", by: "wang", result: "not-effective" } };
const allFailed: TrainingSession = { ...held, failed: ["zhang", "chen"] };
const oneFailed: TrainingSession = { ...held, failed: ["chen"] };
// Nobody of QA in people.yaml: csr cannot tell who is to be trained, and reads the sessions alone (completionState).
const nobody: Person[] = [{ id: "sun", name: "孙伟", department: "MKT", roles: ["author"] }];

describe("a CSR's training state knows failed trainees and ineffective sessions", () => {
  it("a session evaluated not effective trains nobody from the day of the evaluation, not before", () => {
    expect(csrTrainingReading(csr(true, [ineffective]), nobody, undefined, "2026-03-19")).toEqual({ state: "trained" });
    expect(csrTrainingReading(csr(true, [ineffective]), nobody, undefined, "2026-03-20")).toEqual({ state: "open" });
    expect(csrTrainingState(csr(true, [ineffective]), undefined, "2026-03-20")).toBe("open");
    // Undecided, the CSR's own reading: open while training is required, not 已培训.
    expect(csrTrainingReading(csr(true, [ineffective], "pending"), nobody, undefined, "2026-03-20")).toEqual({ state: "open" });
    expect(csrTrainingReading(csr(false, [ineffective]), nobody, undefined, "2026-03-20")).toEqual({ state: "not-required" });
  });

  it("a session whose trainees all failed trains nobody; one any of them passed trains", () => {
    expect(csrTrainingReading(csr(true, [allFailed]), nobody, undefined, "2026-03-20")).toEqual({ state: "open" });
    expect(csrTrainingReading(csr(true, [allFailed], "pending"), nobody, undefined, "2026-03-20")).toEqual({ state: "open" });
    expect(csrTrainingReading(csr(true, [oneFailed]), nobody, undefined, "2026-03-20")).toEqual({ state: "trained" });
    expect(csrTrainingReading(csr(true, [allFailed, { ...held, date: "2026-03-25", failed: [] }]), nobody, undefined, "2026-03-26")).toEqual({ state: "trained" });
  });

  it("with the people to be trained in people.yaml, a failed trainee keeps it partial", () => {
    const qa: Person[] = [
      { id: "zhang", name: "张伟", department: "QA", roles: ["author"] },
      { id: "chen", name: "陈静", department: "QA", roles: ["author"] },
    ];
    expect(csrTrainingReading(csr(true, [oneFailed]), qa, undefined, "2026-03-20")).toEqual({ state: "partial", trained: 1, required: 2, trainers: 0 });
    expect(csrTrainingReading(csr(true, [allFailed]), qa, undefined, "2026-03-20")).toEqual({ state: "open" });
  });
});
