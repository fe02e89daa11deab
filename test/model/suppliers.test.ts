/**
 * Suppliers (model/suppliers.ts): the outside parties of kind supplier joined with their records of
 * suppliers/<code>.yaml; the status on a day is the last approval by then; a party of another kind is
 * no supplier, and a record of no such party is nobody's.
 */
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { approvalOn, certificateWarnDays, daysLeft, maySupply, statusOn, supplierContacts, supplierOf, suppliers } from "../../src/model/suppliers.js";
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
