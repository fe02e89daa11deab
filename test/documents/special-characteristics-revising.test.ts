/**
 * A work instruction being revised (修订中: the file holds the draft of the next version) is held to what its version
 * in force marks, not to a ★ its unreleased draft adds (review78 #1; IATF 16949 7.5.3.2.1, 8.3.3.3). WI-010-02 A/1 of
 * acme-auto marks no special characteristic; it needs training and none is recorded. Its draft marks 硫化温度 ★:
 * doc/training-overdue stays a warning, as for A/1, and says nothing of a special characteristic. Real git
 * repository (acme-auto, committed), csr in the worker.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAt, committedFixture, csrInProcess, tempDir, type JsonFinding } from "../helpers.js";

const DAY = "2026-12-04";

async function trainingOverdue(dir: string): Promise<string[]> {
  const result = await csrInProcess(["-C", dir, "check", "--today", DAY, "--format", "json"], { lang: "zh-CN" });
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings
    .filter((f) => f.rule === "doc/training-overdue" && f.file.endsWith("WI-010-02.yaml"))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
}

describe("a work instruction whose draft marks a special characteristic its version in force does not", () => {
  it("keeps doc/training-overdue a warning for the version in force", async () => {
    const dir = committedFixture("examples/acme-auto");
    const path = join(dir, "documents/instructions/WI-010-02.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("forms: [HH-F-045]\n", "training: {required: true}\nforms: [HH-F-045]\n"));
    commitAt(dir, "2026-12-01", "WI-010-02 需要培训");
    const message =
      "WI-010-02 A/1 版于 2025-09-22 生效且需要培训，但没有针对 A/1 版的培训记录（应于生效之日 2025-09-22 前完成：培训先于作业）。请用 'csr train WI-010-02 --people ... --date ... --trainer ... --record ...' 记录。";
    expect(await trainingOverdue(dir)).toEqual([`documents/instructions/WI-010-02.yaml:41:22 warning ${message}`]);
    expect((await csrInProcess(["-C", dir, "submit", "WI-010-02", "--by", "gaoyang", "--date", "2026-12-02"])).code).toBe(0);
    const draft = join(tempDir(), "section.md");
    writeFileSync(draft, "1. 开机前按设备日常点检表点检；\n2. 硫化温度 170 ± 5 ℃（★）；\n");
    const edited = await csrInProcess(["-C", dir, "edit", "WI-010-02", "--section", "2", "--from", draft, "--today", DAY]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(readFileSync(path, "utf8")).toContain("2. 硫化温度 170 ± 5 ℃（★）；");
    expect(await trainingOverdue(dir)).toEqual([`documents/instructions/WI-010-02.yaml:44:22 warning ${message}`]);
  });
});
