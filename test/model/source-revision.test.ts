/** The source revision a CSR was taken from (model/csr-status.ts sourceRevisionTakenFrom), which date/received-before-source compares with. */
import { describe, expect, it } from "vitest";
import { sourceRevisionTakenFrom } from "../../src/model/csr-status.js";
import { csrsOfSourceRevision, sourceKey, sourceRevisionsWithCsrs } from "../../src/model/source-review.js";
import type { Csr, Customer } from "../../src/model/types.js";

const customer: Customer = {
  code: "DYA",
  name: "东岳汽车",
  sources: [
    {
      id: "DYA-SQM",
      title: "供应商质量手册",
      revisions: [
        { revision: "B", received: "2025-06-05", status: "superseded" },
        { revision: "C", received: "2026-03-10", status: "superseded" },
        { revision: "D", received: "2026-11-06" },
      ],
    },
  ],
} as Customer;

const csr = (revision: string, review?: Csr["review"]): Csr => ({ id: "DYA-001", customer: "DYA", source: { document: "DYA-SQM", revision }, clauses: [], title: "t", received: "2025-06-10", ...(review ? { review } : {}) });
const takenFrom = (c: Csr) => sourceRevisionTakenFrom(c, customer)?.revision;

describe("sourceRevisionTakenFrom", () => {
  it("is the CSR's revision while it has never moved on", () => {
    expect(takenFrom(csr("D"))).toBe("D");
  });

  it("is the earliest revision a review round or a confirmation shows it was on", () => {
    expect(takenFrom(csr("D", { restarted: "2026-11-06", history: [{ source_revision: "C", closed: "2026-11-06" }] }))).toBe("C");
    expect(takenFrom(csr("D", { confirmations: [{ source_revision: "D", by: "wang", date: "2026-11-10" }] }))).toBe("C");
    // Confirmed unchanged in C, reviewed again in D: it was on B before C.
    expect(takenFrom(csr("D", { confirmations: [{ source_revision: "C", by: "wang", date: "2026-03-12" }], restarted: "2026-11-06", history: [{ source_revision: "C" }] }))).toBe("B");
  });

  it("is unknown when a revision it was on is not recorded, or a restart names no earlier round", () => {
    expect(takenFrom(csr("D", { restarted: "2026-11-06", history: [{ source_revision: "A" }] }))).toBeUndefined();
    expect(takenFrom(csr("B", { confirmations: [{ source_revision: "B", by: "wang", date: "2025-06-12" }] }))).toBeUndefined();
    expect(takenFrom(csr("D", { restarted: "2026-11-06" }))).toBeUndefined();
    expect(takenFrom(csr("E"))).toBeUndefined();
  });
});

describe("sourceRevisionsWithCsrs", () => {
  it("says of every source revision what csrsOfSourceRevision says, for all of them at once", () => {
    const csrs = [
      csr("D", { restarted: "2026-11-06", history: [{ source_revision: "C", closed: "2026-11-06" }, { reason: "amended" }] }),
      csr("C", { confirmations: [{ source_revision: "B", by: "wang", date: "2026-03-12" }] }),
      { ...csr("A"), source: { document: "DYA-PKG", revision: "A" } },
      // Another customer's document of the same id is not DYA's.
      { ...csr("E"), customer: "BCM" },
    ];
    const { registered, current } = sourceRevisionsWithCsrs(csrs);
    for (const source of ["DYA-SQM", "DYA-PKG", "DYA-LOG"]) {
      for (const revision of ["A", "B", "C", "D", "E"]) {
        expect([source, revision, registered.get(sourceKey("DYA", source))?.has(revision) ?? false]).toEqual([source, revision, csrsOfSourceRevision(csrs, "DYA", source, revision).length > 0]);
      }
    }
    expect(csrsOfSourceRevision(csrs, "DYA", "DYA-SQM", "E")).toEqual([]);
    expect(current).toEqual(
      new Map([
        [sourceKey("DYA", "DYA-SQM"), new Set(["D", "C"])],
        [sourceKey("DYA", "DYA-PKG"), new Set(["A"])],
        [sourceKey("BCM", "DYA-SQM"), new Set(["E"])],
      ]),
    );
  });
});
