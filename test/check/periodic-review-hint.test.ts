/**
 * doc/periodic-review-due suggests a command that runs as written: `--by` names the approver of the
 * version in force (else the last periodic reviewer, else the author) as the reader would type them.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, FIXTURES, tempDir } from "../helpers.js";

const RULE = join(FIXTURES, "rules", "doc-periodic-review-due");

function repo(edit: (document: string) => string = (d) => d): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
  cpSync(join(RULE, "invalid"), dir, { recursive: true });
  const path = join(dir, "documents", "QP-005.yaml");
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

const message = async (dir: string, lang: "zh-CN" | "en") => {
  const result = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"], { lang });
  return (JSON.parse(result.stdout) as { findings: { rule: string; message: string }[] }).findings.find((f) => f.rule === "doc/periodic-review-due")!.message;
};

describe("doc/periodic-review-due names who records the review", () => {
  it("the approver of the current version, by name in Chinese and by id in English", async () => {
    const dir = repo();
    expect(await message(dir, "zh-CN")).toBe(
      "QP-005 上次修订或评审是在 2025-01-06；每 12 个月一次的定期评审应于 2026-01-06 完成。请评审其适宜性：发布新版本，或用 'csr periodic-review QP-005 --by 王强' 记录其仍然适用。",
    );
    expect(await message(dir, "en")).toBe(
      "QP-005 was last revised or reviewed on 2025-01-06; its 12-month review was due on 2026-01-06. Review it for suitability: release a new revision, or record that it is still suitable with 'csr periodic-review QP-005 --by wang'.",
    );
  });

  it("the last periodic reviewer when the revision records no approver", async () => {
    const dir = repo((d) => d.replace("    approved: { by: wang, date: 2024-01-10 }\n", ""));
    expect(await message(dir, "zh-CN")).toMatch(/'csr periodic-review QP-005 --by 张伟' 记录其仍然适用。$/);
  });
});
