/**
 * A CSR as its records show it on a past day (model/as-of.ts csrOn), which the CSR registers dated
 * that day are built from: every dated record after the day is taken back, an amendment gives back
 * what it replaced, a confirmation the source revision before it.
 */
import { describe, expect, it } from "vitest";
import { csrOn } from "../../src/model/as-of.js";
import type { Csr, Customer } from "../../src/model/types.js";

const customer: Customer = {
  code: "DYA",
  name: "东岳汽车",
  sources: [{ id: "DYA-SQM", title: "供应商质量手册", revisions: [{ revision: "C", received: "2026-01-05" }, { revision: "D", received: "2026-03-02" }] }],
} as Customer;

const csr: Csr = {
  id: "DYA-001",
  customer: "DYA",
  source: { document: "DYA-SQM", revision: "D" },
  clauses: ["IATF16949:8.5.1"],
  title: "要求",
  received: "2026-01-05",
  review: {
    opinions: [
      { department: "QA", reviewer: "zhang", opinion: "accept", date: "2026-02-10" },
      { department: "MKT", reviewer: "li", opinion: "accept", date: "2026-01-08" },
    ],
    decision: { disposition: "must", by: "xu", date: "2026-02-11" },
    leader: { by: "xu", date: "2026-02-11" },
    confirmations: [{ source_revision: "D", by: "xu", date: "2026-03-04" }],
    history: [{ reason: "amended", closed: "2026-02-10", opinions: [{ department: "QA", reviewer: "zhang", opinion: "reject", date: "2026-01-07", comment: "成本过高" }], decision: { disposition: "rejected", by: "xu", date: "2026-01-09" } }],
  },
  implementation: {
    owner: "zhou",
    status: "verified",
    implemented: "2026-02-20",
    verified: { by: "xu", date: "2026-02-25" },
    history: [{ closed: "2026-02-20", reason: "amended", implemented: "2026-02-14" }],
  },
  distribution: [{ departments: ["QA"], date: "2026-01-12" }, { departments: ["PRD"], date: "2026-02-12" }],
  training: { required: true, sessions: [{ date: "2026-02-26", people: ["zhou"] }] },
  superseded: { date: "2026-05-01", reason: "换版删除" },
};

describe("csrOn", () => {
  it("is the CSR itself when nothing was recorded after the day, and nothing before it was received", () => {
    expect(csrOn(csr, "2026-06-01", customer)).toBe(csr);
    expect(csrOn(csr, "2026-01-04", customer)).toBeUndefined();
  });

  it("gives back the opinion and decision an amendment replaced, and the implementation before its amendment", () => {
    const on = csrOn(csr, "2026-02-09", customer)!;
    expect(on.review).toEqual({
      opinions: [
        { department: "QA", reviewer: "zhang", opinion: "reject", date: "2026-01-07", comment: "成本过高" },
        { department: "MKT", reviewer: "li", opinion: "accept", date: "2026-01-08" },
      ],
      decision: { disposition: "rejected", by: "xu", date: "2026-01-09" },
      confirmations: [],
    });
    expect(on.implementation).toEqual({ owner: "zhou", status: "in-progress" });
    expect([on.distribution, on.training?.sessions, on.superseded, on.source.revision]).toEqual([[{ departments: ["QA"], date: "2026-01-12" }], [], undefined, "C"]);
  });

  it("takes back a verification, a confirmation (the source revision before it) and a supersession dated later", () => {
    const on = csrOn(csr, "2026-02-22", customer)!;
    expect([on.implementation?.status, on.implementation?.implemented, on.implementation?.verified, on.implementation?.history]).toEqual(["implemented", "2026-02-20", undefined, [{ closed: "2026-02-20", reason: "amended", implemented: "2026-02-14" }]]);
    expect([on.review?.decision?.disposition, on.review?.leader, on.review?.confirmations, on.source.revision]).toEqual(["must", { by: "xu", date: "2026-02-11" }, [], "C"]);
    expect(csrOn(csr, "2026-03-04", customer)!.source.revision).toBe("D");
    expect(csrOn(csr, "2026-04-30", customer)!.superseded).toBeUndefined();
  });

  it("has no implementation on a day before the decision it follows: csr implement records one only once decided (tester49 #4)", () => {
    const restarted: Csr = {
      ...csr,
      review: { restarted: "2026-03-02", decision: { disposition: "must", by: "xu", date: "2026-03-23" } },
      implementation: { owner: "zhou", due: "2026-04-30", status: "implemented", evidence: "QP-013 A/2 已发布", implemented: "2026-04-20", history: [{ closed: "2026-03-02", source_revision: "C", status: "verified", implemented: "2026-02-14" }] },
    };
    expect(csrOn(restarted, "2026-03-20", customer)!.implementation).toEqual({ history: [{ closed: "2026-03-02", source_revision: "C", status: "verified", implemented: "2026-02-14" }] });
    expect(csrOn({ ...restarted, implementation: { owner: "zhou", evidence: "已发布" } }, "2026-03-20", customer)!.implementation).toBeUndefined();
    expect(csrOn(restarted, "2026-04-01", customer)!.implementation).toEqual({ ...restarted.implementation, status: "in-progress", implemented: undefined });
  });

  it("gives back the review report's signatures that went to the history with an amended decision (tester18 F16)", () => {
    const amended: Csr = {
      ...csr,
      review: {
        decision: { disposition: "optional", by: "xu", date: "2026-03-20" },
        history: [{ reason: "amended", closed: "2026-03-20", decision: { disposition: "must", by: "xu", date: "2026-02-11" }, recorder: { by: "li", date: "2026-02-11" }, leader: { by: "xu", date: "2026-02-11" } }],
      },
    };
    expect(csrOn(amended, "2026-03-01", customer)!.review).toEqual({
      decision: { disposition: "must", by: "xu", date: "2026-02-11" },
      recorder: { by: "li", date: "2026-02-11" },
      leader: { by: "xu", date: "2026-02-11" },
    });
  });
});
