/**
 * trainingCompletion (management review's training completion, IATF 16949 9.3.2.1 with 7.2.2): who is to be
 * trained on each revision needing training, and who a session on that revision trained — by name, by a
 * department's training, or not at all; a session on an earlier version does not count, nor does someone
 * who left before the day, nor a trainee outside people.yaml.
 */
import { describe, expect, it } from "vitest";
import { repositoryCalendar } from "../../src/load/calendar.js";
import { csrTrainingPeriod, trainingCompletion, trainingPhase } from "../../src/model/training-completion.js";
import type { ControlledDocument, Csr, Customer, Person } from "../../src/model/types.js";

const people: Person[] = [
  { id: "zhang", name: "张伟", department: "QA", roles: ["author"] },
  { id: "chen", name: "陈静", department: "QA", roles: ["document-controller"] },
  { id: "zhao", name: "赵磊", department: "PRD", roles: ["author"] },
  { id: "huang", name: "黄军", department: "PRD", roles: ["author"] },
  { id: "old", name: "老王", department: "PRD", roles: ["author"], left: "2026-06-30" },
  { id: "sun", name: "孙伟", department: "MKT", roles: ["author"] },
];

/** QP-005, of QA, in force as A/1 since 2026-10-12, a copy of it held by PRD; trained on A/0 (all of QA) and on A/1 as `sessions` say. */
function procedure(sessions: NonNullable<ControlledDocument["training"]>["sessions"]): ControlledDocument {
  return {
    id: "QP-005",
    kind: "procedure",
    level: 2,
    title: "培训管理程序",
    department: "QA",
    status: "released",
    revisions: [
      { version: "A/0", date: "2024-01-10" },
      { version: "A/1", date: "2026-10-12" },
    ],
    distribution: [{ copy: 1, version: "A/1", to: "PRD", date: "2026-10-14" }],
    training: { required: true, sessions: [{ revision: "A/0", date: "2024-01-20", department: "QA" }, ...(sessions ?? [])] },
  } as ControlledDocument;
}

describe("trainingCompletion", () => {
  it("counts the people of the document's department and of those holding a copy, at work on the day, and who a session on the version in force named", () => {
    const [item] = trainingCompletion([procedure([{ revision: "A/1", date: "2026-10-20", people: ["zhang", "zhao"], trainees: ["张三(1023)"] }])], [], people, undefined, "2026-12-05");
    expect(item).toEqual({
      kind: "document",
      id: "QP-005",
      revision: "A/1",
      start: "2026-10-12",
      ahead: true,
      departments: ["QA", "PRD"],
      required: ["zhang", "chen", "zhao", "huang"],
      trained: ["zhang", "zhao"],
      trainers: [],
      missing: ["chen", "huang"],
      sessions: 1,
      otherTrainees: ["张三(1023)"],
      recordsOnly: [],
    });
  });

  it("counts a department's training as every person of that department, and no session held after the day", () => {
    const [item] = trainingCompletion([procedure([{ revision: "A/1", date: "2026-10-20", department: "PRD", trainees: ["张三(1023)"] }, { revision: "A/1", date: "2026-12-10", people: ["chen"] }])], [], people, undefined, "2026-12-05");
    expect(item).toMatchObject({ trained: ["zhao", "huang"], missing: ["zhang", "chen"] });
    // A department's session naming nobody: who it trained is on its sign-in sheet, its record alone (tester72 Q1).
    const [signIn] = trainingCompletion([procedure([{ revision: "A/1", date: "2026-10-20", department: "PRD", record: "TR-2026-061" }])], [], people, undefined, "2026-12-05");
    expect(signIn).toMatchObject({ trained: [], missing: ["zhang", "chen", "zhao", "huang"], sessions: 0, recordsOnly: ["TR-2026-061"] });
  });

  it("gives a CSR trained by a record number alone no trained people, and leaves out a CSR not to be met", () => {
    const csr = (id: string, disposition: string): Csr =>
      ({
        id,
        customer: "DYA",
        source: { document: "DYA-SQM", revision: "D" },
        clauses: [],
        title: "要求",
        received: "2026-03-01",
        review: { required: ["QA"], opinions: [{ department: "MKT", by: "sun", date: "2026-03-02", opinion: "同意" }], decision: { disposition, by: "zhang", date: "2026-03-05" } },
        training: { required: true, records: ["TR-2026-025"] },
      }) as unknown as Csr;
    const items = trainingCompletion([], [csr("DYA-006", "must"), csr("DYA-007", "not-applicable")], people, undefined, "2026-12-05");
    expect(items).toEqual([
      { kind: "csr", id: "DYA-006", revision: "D", start: "2026-03-05", ahead: false, from: "decision", departments: ["QA", "MKT"], required: ["zhang", "chen", "sun"], trained: [], trainers: [], missing: ["zhang", "chen", "sun"], sessions: 0, otherTrainees: [], recordsOnly: ["TR-2026-025"] },
    ]);
  });

  it("dates a CSR's training by its source revision's 实施日期 when decided before it, else from the decision (tester75 T12)", () => {
    const csr = (decided: string): Csr =>
      ({
        id: "DYA-002",
        customer: "DYA",
        source: { document: "DYA-SQM", revision: "D" },
        clauses: [],
        title: "要求",
        received: "2026-03-01",
        review: { required: ["QA"], decision: { disposition: "must", by: "zhang", date: decided } },
        training: { required: true },
      }) as unknown as Csr;
    const customer = { code: "DYA", name: "东岳汽车", sources: [{ id: "DYA-SQM", title: "供应商质量手册", revisions: [{ revision: "D", received: "2026-03-01", effective: "2026-04-01" }] }] } as unknown as Customer;
    const customers = new Map([["DYA", { value: customer }]]);
    const [before] = trainingCompletion([], [csr("2026-03-23")], people, undefined, "2026-12-05", undefined, undefined, customers);
    expect(before).toMatchObject({ start: "2026-04-01", ahead: true, effective: "2026-04-01", from: "effective" });
    const [after] = trainingCompletion([], [csr("2026-04-02")], people, undefined, "2026-12-05", undefined, undefined, customers);
    expect(after).toMatchObject({ start: "2026-04-02", ahead: false, effective: "2026-04-01", from: "decision" });
    const [unknown] = trainingCompletion([], [csr("2026-03-23")], people, undefined, "2026-12-05");
    expect(unknown).toMatchObject({ start: "2026-03-23", ahead: false, from: "decision" });
    expect(unknown).not.toHaveProperty("effective");
    expect(csrTrainingPeriod("2026-04-01", "2026-04-01")).toEqual({ start: "2026-04-01", ahead: false, from: "decision" });
  });
});

describe("trainingPhase", () => {
  const calendar = repositoryCalendar(undefined);
  it("is due before the work: on the day a version needing it takes effect and after, whoever is untrained is overdue (ops75 P1)", () => {
    // Friday 2026-12-11: the working days left before it, today included; from that day, the working days since, at least 1.
    expect(trainingPhase(calendar, "2026-12-11", 20, "2026-12-04", true)).toEqual({ phase: "before", due: "2026-12-11", count: 5 });
    expect(trainingPhase(calendar, "2026-12-11", 20, "2026-12-10", true)).toEqual({ phase: "before", due: "2026-12-11", count: 1 });
    expect(trainingPhase(calendar, "2026-12-11", 20, "2026-12-11", true)).toEqual({ phase: "overdue", due: "2026-12-11", count: 1 });
    expect(trainingPhase(calendar, "2026-12-11", 20, "2026-12-14", true)).toEqual({ phase: "overdue", due: "2026-12-11", count: 2 });
    // Taking effect on Saturday 2026-12-12: overdue that day, by 1, as much on the Monday after.
    expect(trainingPhase(calendar, "2026-12-12", 20, "2026-12-12", true)).toEqual({ phase: "overdue", due: "2026-12-12", count: 1 });
    expect(trainingPhase(calendar, "2026-12-12", 20, "2026-12-14", true)).toEqual({ phase: "overdue", due: "2026-12-12", count: 1 });
  });

  it("leaves `days` working days from the start where not due before it (a newcomer's, a CSR's decision)", () => {
    expect(trainingPhase(calendar, "2026-12-04", 5, "2026-12-04")).toEqual({ phase: "in-force", due: "2026-12-11", count: 5 });
    expect(trainingPhase(calendar, "2026-12-04", 5, "2026-12-14")).toEqual({ phase: "overdue", due: "2026-12-11", count: 1 });
  });
});
