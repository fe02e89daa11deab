/**
 * One definition of "implementation overdue" (model/customer-schedule.ts implementationOverdue): the
 * rule csr/implementation-overdue, the CSR list's footer of a period and the management review inputs
 * count the same CSRs, also one whose customer's date comes before its internal due date (IATF 16949
 * 7.5.3.2.2: on the customer's schedule). Before, the footer counted `implementation.due` only.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { implementationOverdue } from "../../src/model/customer-schedule.js";
import type { Csr } from "../../src/model/types.js";
import { committedFixture, csr, git } from "../helpers.js";

const TODAY = "2026-12-05";

describe("implementation overdue", () => {
  it("is the earlier of the due date and the customer's date, for a CSR to be met and not implemented", () => {
    const base = { source: { document: "DYA-SQM", revision: "D" }, review: { decision: { disposition: "must" } }, implementation: { due: "2026-12-31", required_by: "2026-11-30", status: "in-progress" } } as unknown as Csr;
    expect(implementationOverdue(base, undefined, TODAY)).toEqual({ date: "2026-11-30", customer: { date: "2026-11-30", own: true, source: "DYA-SQM", revision: "D" } });
    expect(implementationOverdue(base, undefined, "2026-11-30")).toBeUndefined();
    expect(implementationOverdue({ ...base, implementation: { ...base.implementation!, status: "implemented" } }, undefined, TODAY)).toBeUndefined();
    expect(implementationOverdue({ ...base, superseded: { by: "X", date: "2026-10-01" } } as unknown as Csr, undefined, TODAY)).toBeUndefined();
  });

  it("is counted alike by csr check, the CSR list's footer and the management review for DYA-004, due 2026-12-31 and required by the customer by 2026-11-30", () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "csr", "DYA", "DYA-004.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("  required_by: 2026-12-31\n", "  required_by: 2026-11-30\n"));
    git(dir, ["commit", "-qam", "DYA-004: the customer's date 2026-11-30"]);

    const check = csr(["-C", dir, "check", "--format", "json", "--today", TODAY]);
    expect(check.code).toBe(1);
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; file: string; line: number }[] }).findings.filter((f) => f.rule === "csr/implementation-overdue");
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(["csr/DYA/DYA-004.yaml:46"]);

    const list = csr(["-C", dir, "list", "--from", "2026-01-01", "--today", TODAY], { lang: null });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("实施完成率 40%（2/5）；已过实施期限（完成期限与顾客要求日期中较早者）仍未实施 1 项（DYA-004）。");

    const review = csr(["-C", dir, "list", "management-review", "--format", "csv", "--today", TODAY], { lang: null });
    // Row 1 is the status of the previous management review's outputs (management-reviews.yaml).
    expect(review.stdout.split("\r\n")[11]).toBe(`11,顾客特定要求,其中已过实施期限,1,DYA-004,顾客特定要求清单,2026-01-01 至 ${TODAY}`);
  });
});
