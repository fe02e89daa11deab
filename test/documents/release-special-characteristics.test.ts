/**
 * csr release of a revision that changes a line marking a special characteristic (★ on the work instruction)
 * reminds to review the control plan and PFMEA the characteristic is controlled by, naming the document's
 * processes and their owners, and says which marked lines it removed and added (IATF 16949 8.5.6.1, 8.3.3.3);
 * a revision that leaves every marked line as it was says nothing of them. Real git repository (acme-auto,
 * committed), the built binary once, the later release in the worker.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, type RunResult } from "../helpers.js";

const SIGNERS = ["--total-pages", "1", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "-y"];

describe("csr release of a work instruction whose marked characteristics change", () => {
  let dir: string;
  let first: RunResult;
  const edit = (from: string, to: string) => {
    const file = join(dir, "documents/instructions/WI-010-01.yaml");
    const text = readFileSync(file, "utf8");
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };

  beforeAll(() => {
    dir = committedFixture("examples/acme-auto");
    edit("扣压外径★：按图纸公差，Cpk ≥ 1.33；", "扣压外径★：按图纸公差，Cpk ≥ 1.67；");
    first = csr(["-C", dir, "release", "WI-010-01", "--summary", "扣压外径Cpk要求提高到1.67", "--date", "2026-12-01", "--today", "2026-12-04", ...SIGNERS], { lang: "zh-CN" });
  });

  it("reminds to review the control plan and PFMEA, naming the process and its owner, and the lines changed", () => {
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.split("\n");
    const at = lines.findIndex((l) => l.startsWith("WI-010-01 A/2 改动了标注特殊特性"));
    expect(lines.slice(at, at + 3)).toEqual([
      "WI-010-01 A/2 改动了标注特殊特性（★）的内容：请评审该特性所在的控制计划和 PFMEA，需要时同步更改（IATF 16949 8.5.6.1、8.3.3.3）；所属过程：C3 生产过程控制（负责部门：生产部）。",
      "  删去：扣压外径★：按图纸公差，Cpk ≥ 1.33；扣压长度：按图纸公差。",
      "  新增：扣压外径★：按图纸公差，Cpk ≥ 1.67；扣压长度：按图纸公差。",
    ]);
  });

  it("says nothing of them when the revision leaves every marked line as it was, in English too", async () => {
    edit("适用于扣压工序所有制动软管总成。", "适用于扣压工序所有制动软管总成（含返修件）。");
    const later = await csrInProcess(["-C", dir, "release", "WI-010-01", "--summary", "适用范围增加返修件", "--date", "2026-12-03", "--today", "2026-12-04", ...SIGNERS], { lang: "en" });
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toContain("Released WI-010-01 A/3");
    // No reminder to review the control plan and PFMEA; the line that the station is held stricter (★ marked) stays, as on every release of it.
    expect(later.stdout).not.toContain("changes what is marked as a special characteristic");
    expect(later.stdout).not.toContain("review the control plan and PFMEA");
  });
});
