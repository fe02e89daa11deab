/**
 * The workbook a document controller hands the third-party auditor (csr export) and the site's registers hold every
 * register `csr list` lists (tester82 A6: no 内部审核方案, 内部审核记录, 年度内部审核计划, 顾客清单, 合格供方名录 or 人员名单
 * was among its 26 sheets), in the order of an audit file: context and planning (ISO 9001 / IATF 16949 / GJB 9001C
 * clauses 4–6), support (7), operation (8), performance evaluation (9), improvement (10).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LISTS } from "../../src/commands/list/options.js";
import { loadRepository } from "../../src/load/repository.js";
import { registerContext } from "../../src/report/registers/context.js";
import { eachRegister, REGISTER_PARTS } from "../../src/report/registers/index.js";
import { copyFixture, ROOT } from "../helpers.js";

const DAY = "2026-11-27";
const registers = (example: string) => [...eachRegister(registerContext(loadRepository(join(ROOT, "examples", example)), "zh-CN"), DAY)];

describe("csr export's sheets and csr site's register pages", () => {
  it("come part by part, in the order of the standards' clauses", () => {
    expect(registers("acme-auto").map((t) => `${t.part}: ${t.id}`)).toEqual([
      "context: processes",
      "context: clauses",
      "context: clauses-xref",
      "context: customers",
      "context: csr-matrix",
      "context: csr-list",
      "context: reviews",
      "context: objectives",
      "support: people",
      // The register of gauges (计量器具台账, 7.1.5.2): acme-auto's tooling.yaml has gauges.
      "support: gauges",
      "support: training",
      "support: training-missing",
      "support: training-plan",
      // The coming year's plan, once it has entries (BCM-004's and DYA-002's training, overdue, planned for January).
      "support: training-plan-next",
      "support: procedures",
      "support: documents",
      "support: forms",
      "support: external",
      "support: obsolete",
      "support: distribution",
      "support: periodic-reviews",
      "support: disposals",
      "operation: symbols",
      // Empty: acme-auto records no supplier, which the sheet says.
      "operation: suppliers",
      "operation: tooling",
      "operation: error-proofing",
      "performance: audit-programme",
      // Empty too: no audit is planned with csr process plan; its note names the processes without a planned audit.
      "performance: audit-plan",
      "performance: audits",
      "performance: management-review",
      "performance: management-review-outputs",
      "improvement: actions",
    ]);
    expect(registers("gjb-demo").map((t) => t.part)).toEqual([...registers("gjb-demo").map((t) => t.part)].sort((a, b) => REGISTER_PARTS.indexOf(a!) - REGISTER_PARTS.indexOf(b!)));
  });

  it("hold every register csr list lists, but those a repository keeps only once it has entries, which neither example has", () => {
    const ids = new Set([...registers("acme-auto"), ...registers("gjb-demo")].map((t) => (t.id === "csr-list" ? "csr" : t.id === "procedures-gjb" ? "procedures" : t.id)));
    expect(LISTS.filter((list) => !ids.has(list))).toEqual(["edition-review", "flow-down", "register-editions"]);
  });

  it("hold the record of signed register editions once register-editions.yaml has one, after the documented information it signs", () => {
    const dir = copyFixture("examples/gjb-demo");
    writeFileSync(join(dir, "register-editions.yaml"), "editions:\n  - register: documents\n    edition: 2026-11\n    as_of: 2026-11-02\n    signatures:\n      - {role: 编制, by: chenhw, date: 2026-11-02}\n");
    const ids = [...eachRegister(registerContext(loadRepository(dir), "zh-CN"), DAY)].map((t) => t.id);
    expect(ids.slice(ids.indexOf("disposals"), ids.indexOf("disposals") + 3)).toEqual(["disposals", "register-editions", "symbols"]);
  });
});
