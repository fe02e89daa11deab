/**
 * The records that date a link (model/link-start.ts, tester52 D3): the first revision citing the CSR
 * in its summary of change among those released in the CSR's review round of the day, else a pin of
 * that round; a link neither dates is undated only where the day's revision or round is not today's.
 */
import { describe, expect, it } from "vitest";
import { csrOn, documentOn } from "../../src/model/as-of.js";
import { addressing } from "../../src/model/csr-status.js";
import { csrFingerprint, sectionFingerprint } from "../../src/model/fingerprint.js";
import { citesCsr, reviewRoundWindow } from "../../src/model/link-start.js";
import type { AddressedIn, ControlledDocument, Csr } from "../../src/model/types.js";

const doc = (revisions: { version: string; date: string; summary: string }[]): ControlledDocument =>
  ({ id: "QP-001", title: "程序", level: 2, kind: "procedure", department: "QA", status: "released", revisions }) as ControlledDocument;

const QP = doc([
  { version: "A/0", date: "2024-01-10", summary: "首次发布" },
  { version: "A/1", date: "2025-03-01", summary: "修订流程（X-001）" },
  { version: "A/2", date: "2026-05-01", summary: "按C版修订（X-001）" },
]);

const decided = { disposition: "must" as const, by: "wang", date: "2025-01-20" };
/** Received 2025-01-10, reviewed again on revision C from 2026-04-01 (decided 04-10). */
const X: Csr = {
  id: "X-001",
  customer: "X",
  source: { document: "X-SQM", revision: "C" },
  clauses: [],
  title: "要求",
  received: "2025-01-10",
  review: {
    restarted: "2026-04-01",
    decision: { ...decided, date: "2026-04-10" },
    history: [{ source_revision: "B", closed: "2026-04-01", decision: decided }],
  },
  addressed: [{ document: "QP-001" }],
};

const on = (day: string, place: AddressedIn = { document: "QP-001" }, document = QP, csr = X) => addressing(place, documentOn(document, day), day, csrOn(csr, day));

describe("citesCsr", () => {
  it("finds the id as a whole, not one it begins another id with", () => {
    expect([citesCsr("修订（X-001）", "X-001"), citesCsr("X-001、X-002", "X-001"), citesCsr("按X-001修订", "X-001"), citesCsr("X-0011", "X-001"), citesCsr("X-001-1", "X-001"), citesCsr("AX-001", "X-001"), citesCsr(undefined, "X-001")]).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("reviewRoundWindow", () => {
  it("is the round the day falls in, from the receipt or a restart to the next restart", () => {
    expect([reviewRoundWindow(X, "2025-06-01"), reviewRoundWindow(X, "2026-04-01"), reviewRoundWindow(csrOn(X, "2025-06-01")!, "2025-06-01")]).toEqual([
      { start: "2025-01-10", end: "2026-04-01" },
      { start: "2026-04-01" },
      { start: "2025-01-10", end: "2026-04-01" },
    ]);
  });
});

describe("addressing with the CSR: which revision addressed it on the day", () => {
  it("not before the first revision citing it in the round of the day; from it on", () => {
    expect([on("2025-02-01"), on("2025-03-01"), on("2026-04-20"), on("2026-05-01")]).toEqual([
      { counts: false, why: "later", version: "A/1", date: "2025-03-01" },
      // Revision B's round: A/1 cites it. Undated neither: A/1 is cited in the round.
      { counts: true },
      // Revision C's round: only A/2 (2026-05-01) cites it in that round, A/1 did so for revision B.
      { counts: false, why: "later", version: "A/2", date: "2026-05-01" },
      { counts: true },
    ]);
  });

  it("a pin of the round dates the link from its revision; before it, and without one, the link is undated where the day is not today's", () => {
    const plain = doc([
      { version: "A/0", date: "2024-01-10", summary: "首次发布" },
      { version: "A/1", date: "2025-03-01", summary: "修订流程" },
      { version: "A/2", date: "2025-09-01", summary: "修订表单" },
    ]);
    // The pin's fingerprints are those of the texts now: neither end changed since, so the link is not to be confirmed (csr/suspect-link, tester64 N5).
    const prints = { section: sectionFingerprint(plain, undefined), csr: csrFingerprint(X) };
    const pinned: AddressedIn = { document: "QP-001", pin: { revision: "A/1", ...prints, date: "2025-06-01" } };
    expect([on("2025-02-01", pinned, plain), on("2025-04-01", pinned, plain), on("2025-04-01", { document: "QP-001" }, plain), on("2025-10-01", { document: "QP-001" }, plain)]).toEqual([
      { counts: true, undated: true },
      { counts: true },
      { counts: true, undated: true },
      // A/2 is the revision of now, but 2025-10-01 is in the round of revision B, reviewed again since: undated.
      { counts: true, undated: true },
    ]);
    // Today's revision and round: the link as recorded now says it.
    expect(on("2026-06-01", { document: "QP-001" }, plain)).toEqual({ counts: true });
    // A pin of an earlier round says nothing about the round of the day.
    expect(on("2026-06-01", { document: "QP-001", pin: { revision: "A/2", ...prints, date: "2025-10-01" } }, plain)).toEqual({ counts: true });
  });

  it("without the CSR, as before: the revision in force counts", () => {
    expect(addressing({ document: "QP-001" }, documentOn(QP, "2025-02-01"), "2025-02-01")).toEqual({ counts: true });
  });
});
