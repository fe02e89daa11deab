/**
 * A writing command given several targets refuses all or nothing and lists every refusal, each naming its target once
 * (review72: `csr periodic-review A B …` listed them, `csr source confirm A B …` stopped at the first; tester71 Q6 read
 * "QP-009：QP-009 已有…"); the 责任人 of a periodic review's conclusion is a person reference like its reviewer (tester71
 * Q7); an English count of one is singular (process.months printed "1 months").
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, csr, git, type RunResult } from "../helpers.js";

/** `result` refused the whole batch (exit 2, nothing on stdout) with these lines on stderr, the last one empty. */
const refusedWith = (result: RunResult, stderr: string[]) => {
  expect([result.code, result.stdout]).toEqual([2, ""]);
  expect(result.stderr.split("\n")).toEqual(stderr);
};

describe("batch commands: all or nothing, every refusal listed", () => {
  it("csr periodic-review A B … lists each refused document once by its number and writes nothing", () => {
    const dir = committedFixture("examples/acme-auto");
    expect(csr(["-C", dir, "periodic-review", "QP-009", "--by", "chenjing", "--date", "2026-12-04", "--commit"], { lang: null }).code).toBe(0);
    const head = git(dir, ["rev-parse", "HEAD"]);
    const refused = csr(["-C", dir, "periodic-review", "QP-001", "QP-009", "QP-009X", "--by", "chenjing", "--date", "2026-12-04"], { lang: null });
    refusedWith(refused, [
      "csr: 3 份文件中有 2 份不能登记，全部未作改动：",
      "  QP-009 已有 陈静（chenjing）2026-12-04 的定期评审记录，不再重复登记。",
      "  仓库中没有文件 'QP-009X'。是否应为 'QP-009'？",
      "提示：更正或从命令中去掉这些文件后重新运行，本次评审的其余文件随之一次登记。",
      "",
    ]);
    expect([git(dir, ["rev-parse", "HEAD"]), git(dir, ["status", "--porcelain"])]).toEqual([head, ""]);
  });

  it("csr source confirm A B … lists every refused source, not the first alone, and writes nothing; one id refuses as before", () => {
    const dir = committedFixture("examples/acme-auto");
    const refused = csr(["-C", dir, "source", "confirm", "NOPE", "DYA-SC", "NOPE2", "--by", "chenjing", "--date", "2026-11-20"], { lang: null });
    refusedWith(refused, [
      "csr: 3 份文件中有 2 份不能登记核对，全部未作改动：",
      "  没有顾客来源文件或外来文件 'NOPE'。",
      "  没有顾客来源文件或外来文件 'NOPE2'。",
      "提示：更正或从命令中去掉这些文件后重新运行，其余文件随之一次登记。",
      "",
    ]);
    const english = csr(["-C", dir, "source", "confirm", "NOPE", "DYA-SC", "NOPE2", "--by", "chenjing", "--date", "2026-11-20", "--lang", "en"]);
    expect(english.stderr.split("\n")[0]).toBe("csr: 2 of the 3 documents cannot be recorded as checked; nothing was changed:");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const one = csr(["-C", dir, "source", "confirm", "NOPE", "--by", "chenjing", "--date", "2026-11-20"], { lang: null });
    expect([one.code, one.stderr]).toEqual([2, "csr: 没有顾客来源文件或外来文件 'NOPE'。\n提示：'csr list external' 列出全部外来文件（顾客来源文件和外来标准）。\n"]);
  });
});

describe("a periodic review's 责任人 (--owner)", () => {
  it("is a person reference: an unknown one is reported by ref/unresolved at its place in the file", async () => {
    const dir = committedFixture("examples/acme-auto");
    const recorded = csr(["-C", dir, "periodic-review", "QP-009", "--by", "chenjing", "--date", "2026-12-04", "--result", "revise", "--owner", "chenjing", "--comment", "需修订"], { lang: null });
    expect(recorded.code).toBe(0);
    const file = join(dir, "documents/procedures/QP-009.yaml");
    const text = readFileSync(file, "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("owner: chenjing")) + 1;
    writeFileSync(file, text.replace("owner: chenjing", "owner: chenjng"));
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.rule === "ref/unresolved");
    expect(found.map((f) => [f.file, f.line, f.column, f.severity])).toEqual([["documents/procedures/QP-009.yaml", line, 12, "error"]]);
    expect(found[0]!.message).toContain("chenjng");
  });
});

describe("English counts of one", () => {
  it("says 1 month, not 1 months, of an audit interval", () => {
    const dir = committedFixture("examples/acme-auto");
    const updated = csr(["-C", dir, "process", "update", "C1", "--audit-months", "1", "--lang", "en"]);
    expect(updated.code).toBe(0);
    expect(updated.stdout.split("\n").slice(0, 2)).toEqual([
      "Updated process C1 Customer requirements and contract review: audit interval: (none) → 1 month.",
      "With an audit interval of 1 month the next audit after the last one (2026-10-12) was due by 2026-11-12: overdue.",
    ]);
  });
});
