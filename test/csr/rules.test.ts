import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, type JsonFinding } from "../helpers.js";

/** csr check in the test's process (csrInProcess): what is tested is its findings. */
function check(dir: string, today = "2026-11-27") {
  return checkJsonInProcess(dir, "--today", today);
}

const brief = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`;

describe("csr/* rules", () => {
  it("find nothing in a repository with a CSR in every status", async () => {
    const result = await check(copyFixture("test/fixtures/csr/valid"));
    expect(result.findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("report each violation of the invalid fixture at its node", async () => {
    const result = await check(copyFixture("test/fixtures/csr/invalid"));
    expect(result.findings.map(brief)).toEqual([
      "csr/DYA/DYA-001.yaml:7:11 error csr/review-overdue",
      "csr/DYA/DYA-002.yaml:7:11 warning csr/review-due-soon",
      "csr/DYA/DYA-003.yaml:11:13 error csr/review-incomplete",
      "csr/DYA/DYA-004.yaml:12:28 warning csr/not-addressed",
      "csr/DYA/DYA-005.yaml:14:3 error csr/addressed-by-obsolete",
      "csr/DYA/DYA-006.yaml:15:37 error csr/implementation-overdue",
      "csr/DYA/DYA-007.yaml:4:40 error csr/source-superseded",
      "csr/DYA/merged/DYA-008.yaml:2:5 error csr/duplicate-id-across-branches",
    ]);
    expect(result.code).toBe(1);
    const message = (rule: string, file: string) => result.findings.find((f) => f.rule === rule && f.file === file)!.message;
    expect(message("csr/review-overdue", "csr/DYA/DYA-001.yaml")).toBe(
      "The review of DYA-001 is overdue: received on 2026-11-06, it was due on 2026-11-20 (10 working days) and is 5 working days late; record the missing opinions and the decision with 'csr review DYA-001'.",
    );
    expect(message("csr/review-due-soon", "csr/DYA/DYA-002.yaml")).toBe(
      "The review of DYA-002 is due in 2 working days, on 2026-12-01 (received on 2026-11-17); record the missing opinions and the decision with 'csr review DYA-002' before then.",
    );
    expect(message("csr/review-incomplete", "csr/DYA/DYA-003.yaml")).toContain("the opinion of MKT is missing");
    expect(message("csr/addressed-by-obsolete", "csr/DYA/DYA-005.yaml")).toContain("The replacement named in the obsolete document is QP-020.");
    expect(message("csr/implementation-overdue", "csr/DYA/DYA-006.yaml")).toContain("by 2026-11-15 (owner: 王强 (wang))");
    expect(message("csr/source-superseded", "csr/DYA/DYA-007.yaml")).toContain("Run 'csr source update DYA-SQM --revision C --received 2026-11-20'");
    expect(message("csr/duplicate-id-across-branches", "csr/DYA/merged/DYA-008.yaml")).toContain("claimed by csr/DYA/DYA-008.yaml and csr/DYA/merged/DYA-008.yaml");
    for (const f of result.findings) expect(f.docs).toBe(`https://unpkg.com/qms-csr@0.1.0/docs/rules.md#${f.rule.replace("/", "")}`);
  });

  it("measure the review deadline in working days: no warning three working days ahead, error the day after", async () => {
    const dir = copyFixture("test/fixtures/csr/invalid");
    const overdue = async (today: string) => (await check(dir, today)).findings.filter((f) => f.file === "csr/DYA/DYA-002.yaml").map((f) => f.severity);
    expect(await overdue("2026-11-26")).toEqual([]);
    expect(await overdue("2026-11-28")).toEqual(["warning"]);
    expect(await overdue("2026-12-01")).toEqual(["warning"]);
    expect(await overdue("2026-12-02")).toEqual(["error"]);
  });

  it("count a restarted review from its restart date, and point at it", async () => {
    const dir = copyFixture("test/fixtures/csr/valid");
    const file = join(dir, "csr/DYA/DYA-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("received: 2026-11-20", "received: 2025-06-05\nreview:\n  restarted: 2026-11-06\n  history:\n    - {source_revision: B, closed: 2026-11-06}"));
    const [finding] = (await check(dir)).findings;
    expect(brief(finding!)).toBe("csr/DYA/DYA-001.yaml:8:14 error csr/review-overdue");
    expect(finding!.message).toContain("restarted on 2026-11-06 for a new source revision, it was due on 2026-11-20");
  });

  it("keep a configured 'warning' severity for an overdue review", async () => {
    const dir = copyFixture("test/fixtures/csr/invalid");
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + "  csr/review-overdue: warning\n");
    const severities = (await check(dir)).findings.filter((f) => f.rule.startsWith("csr/review-")).map((f) => `${f.file} ${f.severity} ${f.rule}`);
    expect(severities).toEqual(["csr/DYA/DYA-001.yaml warning csr/review-overdue", "csr/DYA/DYA-002.yaml warning csr/review-due-soon", "csr/DYA/DYA-003.yaml error csr/review-incomplete"]);
  });

  // The warnings of csr/review-due-soon were csr/review-overdue's until it was split off (tester59 G13):
  // a qms.yaml written before the split keeps meaning what it meant.
  it.each([
    ["  csr/review-overdue: off\n", []],
    ["  csr/review-overdue: error\n", ["csr/DYA/DYA-001.yaml error csr/review-overdue", "csr/DYA/DYA-002.yaml warning csr/review-due-soon"]],
    ["  csr/review-overdue: off\n  csr/review-due-soon: error\n", ["csr/DYA/DYA-002.yaml error csr/review-due-soon"]],
    ["  csr/review-due-soon: off\n", ["csr/DYA/DYA-001.yaml error csr/review-overdue"]],
  ])("apply qms.yaml's %j to the due-soon warnings split off csr/review-overdue", async (rules, expected) => {
    const dir = copyFixture("test/fixtures/csr/invalid");
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + rules);
    const findings = (await check(dir)).findings.filter((f) => f.rule === "csr/review-overdue" || f.rule === "csr/review-due-soon");
    expect(findings.map((f) => `${f.file} ${f.severity} ${f.rule}`)).toEqual(expected);
  });
});
