/**
 * Which departments a CSR's review needs (model/csr-status.ts requiredDepartments): qms.yaml
 * csr.reviewers, where a department listed with `since` countersigns reviews decided on or after that
 * day and those not decided yet, not those decided before it joined.
 */
import { describe, expect, it } from "vitest";
import { missingOpinions, requiredDepartments } from "../../src/model/csr-status.js";
import type { Csr, QmsConfig } from "../../src/model/types.js";

const config = {
  organisation: { name: "东岳" },
  standards: ["IATF16949"],
  departments: [],
  csr: { reviewers: ["QA", { department: "ENG", since: "2026-11-26" }] },
} as unknown as QmsConfig;

const csr = (decided?: string, required?: string[]): Csr =>
  ({
    id: "DYA-001",
    customer: "DYA",
    source: { document: "DYA-SQM", revision: "C" },
    clauses: [],
    title: "t",
    received: "2026-11-20",
    review: { ...(required ? { required } : {}), opinions: [{ department: "QA", reviewer: "zhang", opinion: "accept", date: "2026-11-21" }], ...(decided ? { decision: { disposition: "must", by: "zhang", date: decided } } : {}) },
  }) as Csr;

describe("requiredDepartments", () => {
  it("asks a department listed with since for reviews decided on or after that day, and for open ones", () => {
    expect(requiredDepartments(csr("2026-11-25"), config)).toEqual(["QA"]);
    expect(requiredDepartments(csr("2026-11-26"), config)).toEqual(["QA", "ENG"]);
    expect(requiredDepartments(csr(), config)).toEqual(["QA", "ENG"]);
    expect(missingOpinions(csr("2026-11-27"), config)).toEqual(["ENG"]);
    expect(missingOpinions(csr("2026-11-25"), config)).toEqual([]);
  });

  it("takes a CSR's own review.required as it is", () => {
    expect(requiredDepartments(csr("2026-11-25", ["QA", "ENG"]), config)).toEqual(["QA", "ENG"]);
  });
});
