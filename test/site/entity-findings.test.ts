/**
 * Which entity pages list a finding (src/site/entity-findings.ts): its own file's entity, and for a
 * finding on a CSR also its customer, the document an `addressed` entry names and the owner of an
 * overdue implementation. Each page lists a finding once: csr check hands over each finding once,
 * and no two of the pages a finding goes to are the same. In process, on a copy of acme-auto.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRepository } from "../../src/check/engine.js";
import { loadRepository } from "../../src/load/repository.js";
import { entityFindings } from "../../src/site/entity-findings.js";
import type { EntityRef } from "../../src/site/view.js";
import { copyFixture } from "../helpers.js";

const DYA_001 = "csr/DYA/DYA-001.yaml";

describe("the findings of an entity's page", () => {
  it("lists a finding on a CSR once on the CSR's, its customer's, the addressed document's and the implementation owner's page", () => {
    const dir = copyFixture("examples/acme-auto");
    const path = join(dir, DYA_001);
    writeFileSync(
      path,
      readFileSync(path, "utf8")
        .replace("section: 5.2 符号转换", "section: 9.9 符号转换")
        .replace("  status: verified\n", "  status: in-progress\n")
        .replace(/  implemented: 2025-04-25\n  verified:\n    by: zhangli\n    date: 2025-06-16\n/, ""),
    );
    const repo = loadRepository(dir);
    const { findings, held } = checkRepository(repo, { today: "2026-11-27" });
    // Handed over once each, those held back included.
    expect(new Set([...findings, ...held]).size).toBe(findings.length + held.length);
    const files = new Map<string, EntityRef>([[DYA_001, { kind: "csr", id: "DYA-001" }]]);
    const findingsOf = entityFindings(repo, findings, (file) => files.get(file));
    const shown = (list: readonly { file: string; line: number; column: number; rule: string }[]) => list.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
    expect(shown(findingsOf("csr", "DYA-001"))).toEqual([`${DYA_001}:43:14 csr/section-missing`, `${DYA_001}:49:8 csr/implementation-overdue`]);
    // The customer's page also has the example's own findings on DYA-002, put into production after Dongyue's date and trained for only some of the people to train.
    expect(shown(findingsOf("customer", "DYA"))).toEqual([
      `${DYA_001}:43:14 csr/section-missing`,
      `${DYA_001}:49:8 csr/implementation-overdue`,
      "csr/DYA/DYA-002.yaml:80:16 csr/late-for-customer",
      "csr/DYA/DYA-002.yaml:85:13 csr/training-overdue",
    ]);
    expect(shown(findingsOf("document", "QP-014"))).toEqual([`${DYA_001}:43:14 csr/section-missing`]);
    expect(shown(findingsOf("person", "zhoupeng"))).toEqual([`${DYA_001}:49:8 csr/implementation-overdue`]);
  });
});
