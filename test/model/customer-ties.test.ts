/**
 * The documents tied to a customer (tester74 T1), which csr changes --customer lists and csr site --customer puts in
 * the pack: whole documents (addressing its CSRs, numbered CODE-…, citing its change notice) and single revisions
 * (recorded against its complaint, notified to it).
 */
import { describe, expect, it } from "vitest";
import { customerDocumentIds, customerDocuments, isCustomerDocumentChange } from "../../src/model/customer-ties.js";
import type { Change } from "../../src/model/changes.js";
import type { ControlledDocument, CorrectiveAction, Csr } from "../../src/model/types.js";

const doc = (id: string, revisions: object[]) => ({ id, title: id, level: 3, kind: "instruction", department: "QA", status: "released", revisions }) as unknown as ControlledDocument;
const csrs = [{ id: "DYA-001", customer: "DYA", addressed: [{ document: "QP-014" }] }, { id: "BCM-001", customer: "BCM", addressed: [{ document: "QP-011" }] }] as unknown as Csr[];
const actions = [{ id: "8D-2026-001", customer: "DYA" }, { id: "8D-2026-002", customer: "BCM" }] as unknown as CorrectiveAction[];
const documents = [
  doc("QP-014", [{ version: "A/0" }]),
  doc("QP-011", [{ version: "A/0" }]),
  doc("DYA-ECN-7", [{ version: "A" }]),
  doc("WI-010-01", [{ version: "A/0" }, { version: "A/1", ecn: ["DYA-ECN-7"] }]),
  doc("HH-F-052", [{ version: "A/1" }, { version: "A/2", actions: ["8D-2026-001"] }]),
  doc("CP-001", [{ version: "A/3", customer_notices: [{ customer: "DYA", notified: "2026-05-02" }] }, { version: "A/4", customer_notices: [{ customer: "BCM", notified: "2026-06-02" }] }]),
  doc("PFMEA-002", [{ version: "B/0", actions: ["8D-2026-002"] }]),
];
const tied = customerDocuments({ csrs, documents, actions }, "DYA");

describe("customerDocuments", () => {
  it("ties whole documents by CSR, number and change notice, and single revisions by complaint and notification", () => {
    expect([...tied.whole].sort()).toEqual(["DYA-ECN-7", "QP-014", "WI-010-01"]);
    expect(Object.fromEntries([...tied.revisions].map(([id, versions]) => [id, [...versions]]))).toEqual({ "HH-F-052": ["A/2"], "CP-001": ["A/3"] });
    expect([...customerDocumentIds(tied)].sort()).toEqual(["CP-001", "DYA-ECN-7", "HH-F-052", "QP-014", "WI-010-01"]);
  });

  it("keeps a change report's row of a tied revision, not of the same document's revision for another customer", () => {
    const row = (id: string, kind: Change["kind"], from: string, to: string) => ({ area: "document", kind, id, title: id, from, to, detail: "", date: "2026-06-02" }) as Change;
    expect(isCustomerDocumentChange(tied, "DYA", row("CP-001", "released", "A/2", "A/3"))).toBe(true);
    expect(isCustomerDocumentChange(tied, "DYA", row("CP-001", "released", "A/3", "A/4"))).toBe(false);
    expect(isCustomerDocumentChange(tied, "DYA", row("CP-001", "recalled", "A/3", ""))).toBe(true);
    expect(isCustomerDocumentChange(tied, "DYA", row("QP-014", "released", "A/0", "A/1"))).toBe(true);
    expect(isCustomerDocumentChange(tied, "DYA", row("PFMEA-002", "released", "A/9", "B/0"))).toBe(false);
    expect(customerDocumentIds(customerDocuments({ csrs, documents, actions }, "XYZ")).size).toBe(0);
  });
});
