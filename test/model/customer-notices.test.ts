/**
 * Which customers a revision owes a notice of its change (tester77 E2; IATF 16949 8.5.6.1, DYA-004), and an approval
 * counted as the notice by its day (tester77 E10): model/customer-notices.ts on plain values.
 */
import { describe, expect, it } from "vitest";
import { customersOwedNotice, noticeNotified, noticeOverdue, noticeTiming, owingRevisions } from "../../src/model/customer-notices.js";
import { repositoryCalendar } from "../../src/load/calendar.js";
import type { ControlledDocument, CorrectiveAction, Csr, Customer } from "../../src/model/types.js";

/** China's calendar, as a repository without its own calendar has it: 2026-12-14 is a Monday. */
const CALENDAR = repositoryCalendar(undefined);
const DYA: Customer = { code: "DYA", name: "东岳汽车股份有限公司", change_notification: { csr: "DYA-004", working_days: 5 } };
const BCM: Customer = { code: "BCM", name: "北辰汽车集团有限公司" };
const LINKED = (customer: string, id: string, document: string) => ({ id, customer, addressed: [{ document }] }) as unknown as Csr;
const COMPLAINT = { id: "8D-2026-012", customer: "DYA" } as unknown as CorrectiveAction;
const sources = { customers: [DYA, BCM], csrs: [LINKED("DYA", "DYA-008", "QR-010-01"), LINKED("BCM", "BCM-002", "QR-010-01")], actions: [COMPLAINT] };
const codes = (document: string, revision: Parameters<typeof customersOwedNotice>[2], kind: ControlledDocument["kind"] = "form") => customersOwedNotice(sources, { id: document, kind }, revision).map((c) => c.code);

describe("the customers a revision owes a notice of its change", () => {
  it("are those whose CSRs the document addresses, whose change notice it carries out, or whose complaint; each once, when it sets a time to notify", () => {
    // The control plan addresses DYA-008 and BCM-002: DYA sets 5 working days (DYA-004), BCM sets none.
    expect(codes("QR-010-01", {})).toEqual(["DYA"]);
    // An editorial revision changes nothing to notify, unless it carries the customer's change notice or complaint.
    expect(codes("QR-010-01", { editorial: true })).toEqual([]);
    expect(codes("QR-010-01", { editorial: true, ecn: ["DYA-ECN-2026-201"] })).toEqual(["DYA"]);
    // A document addressing none of its CSRs: by its ECN (numbered DYA-…), or its complaint (8D, any letter case).
    expect(codes("WI-010-04", { ecn: ["DYA-ECN-2026-201"] })).toEqual(["DYA"]);
    expect(codes("WI-010-04", { ecn: ["ECN-2026-201", "DYAX-1"] })).toEqual([]);
    // As written on the customer's notice: lower case or full-width, it is still DYA's.
    expect(codes("WI-010-04", { ecn: ["dya-ecn-2026-201"] })).toEqual(["DYA"]);
    expect(codes("WI-010-04", { ecn: ["ＤＹＡ－ECN-2026-201"] })).toEqual(["DYA"]);
    expect(codes("WI-010-04", { actions: ["8d-2026-012"], ecn: ["DYA-ECN-2026-201"] })).toEqual(["DYA"]);
    expect(codes("WI-010-04", {})).toEqual([]);
    // A procedure meeting DYA-008 changes the quality system, not the product or process: only its ECN or complaint.
    expect(codes("QR-010-01", {}, "procedure")).toEqual([]);
    expect(codes("QR-010-01", {}, "instruction")).toEqual(["DYA"]);
    expect(codes("QR-010-01", { ecn: ["DYA-ECN-2026-201"] }, "procedure")).toEqual(["DYA"]);
  });
});

describe("a customer's approval", () => {
  it("is its notice by that day: not overdue, on time or late against the due date, owing no notification", () => {
    const approved = { customer: "DYA", due: "2026-12-14", approved: "2026-12-07" };
    expect(noticeNotified(approved)).toBe("2026-12-07");
    expect(noticeNotified({ notified: "2026-12-05", approved: "2026-12-07" })).toBe("2026-12-05");
    expect(noticeOverdue(approved, "2027-01-04")).toBe(false);
    expect(noticeOverdue({ customer: "DYA", due: "2026-12-14" }, "2027-01-04")).toBe(true);
    expect(noticeTiming(approved, CALENDAR)).toBe("on-time");
    expect(noticeTiming({ ...approved, approved: "2026-12-16" }, CALENDAR)).toEqual({ late: 2 });
    const doc = { id: "WI-010-04", revisions: [{ version: "A/0", customer_notices: [approved] }] } as unknown as ControlledDocument;
    expect(owingRevisions(doc, "DYA", "notified")).toEqual([]);
    // An approval answers the revision still owing its notice (A/0), not the newest (A/1), which owes none.
    const owing = { id: "WI-010-04", revisions: [{ version: "A/0", customer_notices: [{ customer: "DYA", due: "2026-12-14" }] }, { version: "A/1" }] } as unknown as ControlledDocument;
    expect(owingRevisions(owing, "DYA", "approved")).toEqual([0]);
  });
});
