/**
 * doc/not-issued and a released document under revision (修订中, tester57 E17): the rule concerns the
 * version in force, never the draft in the file. QP-002 A/1 of acme-auto is issued on paper (copies 3,
 * 4 and 5); its A/2 is drafted (csr submit, a section added to the text), and a CSR linked to the new section
 * counts for the draft, not for the version in force.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, type JsonFinding } from "../helpers.js";

const DAY = "2026-12-02";

async function notIssued(dir: string): Promise<string[]> {
  const result = await csrInProcess(["-C", dir, "check", "--today", DAY, "--format", "json"], { lang: null });
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.rule === "doc/not-issued").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
}

describe("doc/not-issued of a document under revision", () => {
  it("counts the version in force: issued, the draft is not reported; not issued, the version in force is named", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", dir, "submit", "QP-002", "--by", "zhaoqiang", "--date", "2026-12-01"])).code).toBe(0);
    const path = join(dir, "documents/procedures/QP-002.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("      - title: 记录处置\n", "      - title: 电子记录\n        text: 电子记录每日备份。\n      - title: 记录处置\n"));
    expect(await notIssued(dir)).toEqual([]);
    for (const [copy, by] of [["3", "zhangli"], ["4", "huangjun"], ["5", "wuyan"]]) {
      expect((await csrInProcess(["-C", dir, "recall", "QP-002", "--copy", copy!, "--by", by!, "--date", "2026-12-01"])).code).toBe(0);
    }
    const inForce = [
      "documents/procedures/QP-002.yaml:30:14 QP-002 A/1 自 2025-12-15 起现行，但没有现行版本的受控副本，也没有登记电子版发放：使用部门（品质部、生产部、采购物流部）按记录没有现行版本可用。发放纸质副本：'csr distribute QP-002 --to QA PRD PUR'；或登记电子版发放：'csr distribute QP-002 --electronic --to QA PRD PUR'。",
    ];
    expect(await notIssued(dir)).toEqual(inForce);
    // A CSR linked to the draft's new section (pin.draft) is not met through A/1: its departments (技术部、市场部) are no users of A/1.
    const linked = await csrInProcess(["-C", dir, "address", "DYA-004", "QP-002", "--section", "5.4", "--by", "zhoupeng", "--date", DAY, "-y"]);
    expect(linked.stdout).toContain("A/1, in force, does not have it");
    expect(await notIssued(dir)).toEqual(inForce);
  });
});
