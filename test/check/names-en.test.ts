/**
 * Rules that name a person do so as every English output does (i18n/values.ts personWithId): by the English
 * name people.yaml gives, Wang Qiang (wang), not 王强 (wang) (notes64; the person/* rules since stop 63).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, FIXTURES, tempDir } from "../helpers.js";

/** The invalid case of a rule's fixture, laid over its base, with English names in people.yaml. */
function invalidCase(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
  cpSync(join(FIXTURES, "rules", name, "invalid"), dir, { recursive: true });
  const people = join(dir, "people.yaml");
  writeFileSync(people, readFileSync(people, "utf8").replace("    name: 王强\n", "    name: 王强\n    name_en: Wang Qiang\n").replace("    name: 李娜\n", "    name: 李娜\n    name_en: Li Na\n"));
  return dir;
}

const messages = (dir: string, rule: string, lang: string) => checkJson(dir, "--today", "2026-11-27", "--lang", lang).findings.filter((f) => f.rule === rule).map((f) => f.message);

describe("a person named by a rule in English", () => {
  it("doc/approver-lacks-role and csr/confirmed-without-decision give the English name, and the Chinese one in Chinese", () => {
    const documents = invalidCase("doc-approver-lacks-role");
    expect(messages(documents, "doc/approver-lacks-role", "en").slice(0, 2)).toEqual([
      "Wang Qiang (wang) signed revision A/0 as reviewed but does not have the role 'reviewer' in people.yaml. Have an authorised person sign, or, if the role was granted, give it with 'csr person update wang --roles approver,reviewer'.",
      "Li Na (li) signed revision A/0 as approved but does not have the role 'approver' in people.yaml. Have an authorised person sign, or, if the role was granted, give it with 'csr person update li --roles author,reviewer,approver'.",
    ]);
    expect(messages(documents, "doc/approver-lacks-role", "zh-CN")[0]).toMatch(/^王强（wang）/);
    const csrs = invalidCase("csr-confirmed-without-decision");
    expect(messages(csrs, "csr/confirmed-without-decision", "en")[0]).toBe(
      "DYA-001: Wang Qiang (wang) confirmed on 2026-11-04 that DYA-PPAP revision B leaves it unchanged, but its review round had no decision to keep by then. Review it with 'csr review DYA-001' (the departments' opinions, then --disposition), then remove this confirmation from 'review.confirmations'.",
    );
    expect(messages(csrs, "csr/confirmed-without-decision", "zh-CN")[0]).toContain("王强（wang）");
  });
});
