/**
 * Suppliers (model/suppliers.ts): the outside parties of kind supplier joined with their records of
 * suppliers/<code>.yaml; the status on a day is the last approval by then; a party of another kind is
 * no supplier, and a record of no such party is nobody's.
 */
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { repositoryCalendar } from "../../src/load/calendar.js";
import type { Located, Repository } from "../../src/load/repository.js";
import { approvalOn, certificateWarnDays, daysLeft, maySupply, statusOn, supplierAuditOverdue, supplierAuditPlan, supplierContacts, supplierOf, supplierRisk, supplierRiskText, suppliers } from "../../src/model/suppliers.js";
import type { QmsConfig, SupplierRecord } from "../../src/model/types.js";
import { makeRepo } from "../helpers.js";
import { supplierPeople, supplierQms } from "../suppliers-fixture.js";

const QMS = supplierQms([
  ["WXJJ", "无锡精密机加有限公司"],
  ["TUV", "某认证机构", "certification-body"],
  ["CZXS", "常州橡塑材料有限公司"],
]);

const PEOPLE = supplierPeople("  - id: zhoujl\n    name: 周建林\n    department: CZXS\n    roles: []\n");

const CZXS = [
  "code: CZXS",
  "supplies: [O型圈, 橡胶密封件]",
  "special_characteristics: true",
  "approvals:",
  "  - {status: conditional, date: 2026-03-01, by: chenjing, remark: 首件待确认}",
  "  - {status: approved, date: 2026-06-01, by: chenjing}",
  "certificates:",
  "  - {standard: IATF 16949, number: '0123456', body: SGS, valid_until: 2027-01-15}",
  "",
].join("\n");

describe("suppliers (model/suppliers.ts)", () => {
  const dir = makeRepo({ "qms.yaml": QMS, "people.yaml": PEOPLE, "suppliers/CZXS.yaml": CZXS, "suppliers/NOPE.yaml": "code: NOPE\n" });
  const repo = loadRepository(dir);

  it("are the outside parties of kind supplier in qms.yaml's order, each with its record when it has one", () => {
    expect(repo.problems).toEqual([]);
    expect(suppliers(repo).map((s) => [s.code, s.name, s.record?.file.path])).toEqual([
      ["WXJJ", "无锡精密机加有限公司", undefined],
      ["CZXS", "常州橡塑材料有限公司", "suppliers/CZXS.yaml"],
    ]);
    expect(supplierOf(repo, "CZXS")?.record?.value.supplies).toEqual(["O型圈", "橡胶密封件"]);
    expect(supplierOf(repo, "TUV")).toBeUndefined();
    expect(supplierOf(repo, "NOPE")).toBeUndefined();
    expect(supplierOf(repo, "czxs")).toBeUndefined();
  });

  it("have on a day the status of their last approval by then, pending before the first", () => {
    const czxs = supplierOf(repo, "CZXS")!;
    expect(statusOn(czxs, "2026-02-28")).toBe("pending");
    expect(statusOn(czxs, "2026-03-01")).toBe("conditional");
    expect(approvalOn(czxs, "2026-05-31")?.remark).toBe("首件待确认");
    expect(statusOn(czxs, "2026-06-01")).toBe("approved");
    expect(statusOn(supplierOf(repo, "WXJJ")!, "2026-12-06")).toBe("pending");
    expect(["approved", "conditional", "suspended", "disqualified", "pending"].map((s) => maySupply(s as "approved"))).toEqual([true, true, false, false, false]);
  });

  it("count a certificate's days left to its last valid day, and have their people as contacts", () => {
    const [certificate] = supplierOf(repo, "CZXS")!.record!.value.certificates!;
    expect([daysLeft(certificate!, "2026-11-16"), daysLeft(certificate!, "2027-01-15"), daysLeft(certificate!, "2027-01-16")]).toEqual([60, 0, -1]);
    expect(certificateWarnDays(repo)).toBe(60);
    expect(supplierContacts(repo.people.map((p) => p.value), supplierOf(repo, "CZXS")!).map((p) => p.id)).toEqual(["zhoujl"]);
  });
});

describe("second-party audits by risk (supplierRisk, supplierAuditPlan; IATF 16949 8.4.2.4.1)", () => {
  const record = (value: Omit<SupplierRecord, "code">) => ({ record: { value: { code: "X", ...value } } as Located<SupplierRecord> });
  const config = (suppliers?: QmsConfig["suppliers"]) => ({ config: { value: { ...(suppliers ? { suppliers } : {}) } } }) as unknown as Pick<Repository, "config">;
  const approved = [{ status: "approved" as const, date: "2024-03-04", by: "chenjing" }];
  const iatf = [{ standard: "IATF 16949", number: "0123456", valid_until: "2027-01-15" }];
  const iso = [{ standard: "ISO 9001", number: "Q-1", valid_until: "2027-01-15" }];

  it("is high for special characteristics, no valid certificate or a grade at the action grade; low with IATF 16949, medium with another", () => {
    expect(supplierRisk(config(), record({ approvals: approved, certificates: iatf }), "2026-12-04")).toEqual({ risk: "low", reasons: [] });
    expect(supplierRisk(config(), record({ approvals: approved, certificates: iso }), "2026-12-04")).toEqual({ risk: "medium", reasons: [] });
    expect(supplierRisk(config(), record({ approvals: approved, certificates: iatf }), "2027-01-16")).toEqual({ risk: "high", reasons: ["no-certificate"] });
    const poor = record({ special_characteristics: true, approvals: approved, certificates: iatf, ratings: [{ period: "2026-Q3", grade: "B", date: "2026-10-08", by: "chenjing" }] });
    expect(supplierRisk(config(), poor, "2026-12-04")).toEqual({ risk: "high", reasons: ["special"] });
    expect(supplierRisk(config({ action_grade: "B" }), poor, "2026-12-04")).toEqual({ risk: "high", reasons: ["special", "rating"], grade: "B" });
    expect(supplierRiskText("zh-CN", supplierRisk(config({ action_grade: "B" }), poor, "2026-12-04"))).toBe("高风险：供应特殊特性产品、业绩等级 B");
    expect(supplierRiskText("en", supplierRisk(config(), record({ approvals: approved, certificates: iatf }), "2026-12-04"))).toBe("low-risk");
  });

  it("is due the class's months after the last audit, or after the first approval, overdue from the first working day after", () => {
    const calendar = repositoryCalendar(undefined);
    const audited = record({ approvals: approved, certificates: iso, audits: [{ date: "2024-12-04", by: "chenjing", result: "passed" }, { date: "2023-05-10", by: "chenjing", result: "passed" }] });
    const plan = supplierAuditPlan(config(), audited, "2026-12-05")!;
    expect([plan.risk, plan.months, plan.due, plan.last?.index]).toEqual(["medium", 24, "2026-12-04", 0]);
    // Due Friday 2026-12-04: the weekend after it is in time, Monday 12-07 is overdue.
    expect(["2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07"].map((day) => supplierAuditOverdue(plan, day, calendar))).toEqual([false, false, false, true]);
    expect(supplierAuditPlan(config({ audit_months: { medium: 12 } }), audited, "2026-12-05")?.due).toBe("2025-12-04");
    expect(supplierAuditPlan(config({ audit_months: { medium: 0 } }), audited, "2026-12-05")).toBeUndefined();
    const never = supplierAuditPlan(config(), record({ approvals: [{ status: "conditional", date: "2025-02-10", by: "chenjing" }, ...approved], certificates: iatf }), "2026-12-05")!;
    expect([never.risk, never.due, never.approved, never.last]).toEqual(["low", "2028-02-10", "2025-02-10", undefined]);
    expect(supplierAuditPlan(config(), record({ approvals: [...approved, { status: "suspended", date: "2026-06-01", by: "chenjing" }], certificates: iso }), "2026-12-05")).toBeUndefined();
    expect(supplierAuditPlan(config(), record({ certificates: iso }), "2026-12-05")).toBeUndefined();
  });
});
