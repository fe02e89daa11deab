/**
 * The current review round, judged once (model/review-timeliness.ts: the last of reviewRounds): a
 * source revision confirmed unchanged is a round of its own, counted from that revision's received
 * date, in the rule csr/review-late, the review-timeliness register and the site's "decided late"
 * number alike (IATF 16949 7.5.3.2.2).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { repositoryCalendar } from "../../src/load/calendar.js";
import { currentReviewRound } from "../../src/model/review-timeliness.js";
import { csrInProcess, FIXTURES, gitInit, tempDir } from "../helpers.js";

const TODAY = "2026-11-27";

/** test/fixtures/rules/csr-review-late's case over _base: DYA-001 decided late; DYA-002 decided in time in revision A, B confirmed late; DYA-003 the other way round. */
function repo(kind: "valid" | "invalid"): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
  cpSync(join(FIXTURES, "rules", "csr-review-late", kind), dir, { recursive: true });
  return gitInit(dir);
}

async function json(dir: string, ...args: string[]): Promise<unknown> {
  const result = await csrInProcess(["-C", dir, ...args, "--today", TODAY, "--format", "json"]);
  return JSON.parse(result.stdout);
}

/** The register's rows as "id verdict reason". */
async function register(dir: string): Promise<string[]> {
  const table = (await json(dir, "list", "reviews")) as { rows: { id: string; start: string; due: string; decided: string; verdict: string; reason: string }[] };
  return table.rows.map((r) => `${r.id} ${r.start} ${r.due} ${r.decided} ${r.verdict} ${r.reason}`.trim());
}

describe("a late review round: the rule, the register and the site agree", () => {
  it("judges a confirmed source revision by its confirmation, not by the decision of the revision before", async () => {
    const dir = repo("invalid");
    const check = (await json(dir, "check")) as { findings: { rule: string; file: string; line: number; column: number }[] };
    expect(check.findings.filter((f) => f.rule === "csr/review-late").map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(["csr/DYA/DYA-001.yaml:11:85", "csr/DYA/DYA-002.yaml:14:44", "csr/DYA/DYA-003.yaml:12:87"]);
    // Each CSR's last row is its current round; the decision's round of revision A stays on record before it.
    expect(await register(dir)).toEqual([
      "DYA-001 2026-11-02 2026-11-16 2026-11-20 late by 4 working days",
      "DYA-002 2026-06-03 2026-06-17 2026-06-05 on time",
      "DYA-002 2026-11-02 2026-11-16 2026-11-24 late by 6 working days",
      "DYA-003 2026-06-03 2026-06-17 2026-06-30 late by 8 working days",
      "DYA-003 2026-11-02 2026-11-16 2026-11-05 on time",
    ]);
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", TODAY], { lang: null })).code).toBe(0);
    // DYA-003's decision of revision A was late; the confirmation of B keeps it, so it is still late (tester50b #1).
    const late = readFileSync(join(out, "lists", "reviews-decided-late.html"), "utf8");
    expect([...late.matchAll(/<a href="..\/csr\/(DYA-\d+).html">/g)].map((m) => m[1])).toEqual(["DYA-001", "DYA-002", "DYA-003"]);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('<span class="count">3</span> <span class="label">本轮结论或换版确认晚于评审期限</span>');
    // With the earlier round of DYA-003, the three late rounds of the register, listed behind the number.
    expect(index).toContain('href="lists/review-rounds-late.html"><span class="count">3</span> <span class="label">逾期的评审轮次（含历次，同评审及时性记录）</span>');
    const rounds = readFileSync(join(out, "lists", "review-rounds-late.html"), "utf8");
    expect([...rounds.matchAll(/<a href="..\/csr\/(DYA-\d+).html">/g)].map((m) => m[1])).toEqual(["DYA-001", "DYA-002", "DYA-003"]);
  });

  it("takes the reason recorded on a late confirmation: no finding, and the register prints it", async () => {
    const dir = repo("valid");
    const check = (await json(dir, "check")) as { findings: unknown[] };
    expect(check.findings).toEqual([]);
    expect(await register(dir)).toEqual([
      "DYA-001 2026-11-02 2026-11-16 2026-11-20 late by 4 working days 顾客澄清技术要求用时一周（2026-11-13 邮件）",
      "DYA-002 2026-06-03 2026-06-17 2026-06-05 on time",
      "DYA-002 2026-11-02 2026-11-16 2026-11-24 late by 6 working days 等待顾客确认 B 版的变更范围（2026-11-20 邮件）",
      "DYA-003 2026-06-03 2026-06-17 2026-06-30 late by 8 working days 等待顾客澄清适用范围",
      "DYA-003 2026-11-02 2026-11-16 2026-11-05 on time",
    ]);
  });
});

describe("the current review round when the history's dates are wrong", () => {
  it("is the decision's round even when a round of the history closed after review.restarted (date/out-of-order reports that)", () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", "date-out-of-order", "invalid"), dir, { recursive: true });
    const repo = loadRepository(dir);
    const config = repo.config?.value;
    const csr = repo.csrs.find((c) => c.value.id === "DYA-002")!.value;
    const round = currentReviewRound(csr, repositoryCalendar(config), config, TODAY, repo.customers[0]!.value);
    expect([round.kind, round.start, round.decided, round.closed]).toEqual(["restarted", "2026-11-05", "2026-11-16", undefined]);
  });
});

describe("a round decided late, as csr show and csr review say it (month report #10)", () => {
  it("csr show gives the working days past the deadline and the reason recorded, for a decision and for a confirmation", async () => {
    const dir = repo("valid");
    const due = async (id: string) => (await csrInProcess(["-C", dir, "show", id, "--today", TODAY])).stdout.split("\n").filter((l) => l.startsWith("  Review due"));
    expect(await due("DYA-001")).toEqual(["  Review due      2026-11-16; decided 2026-11-20, late by 4 working days; reason for delay: 顾客澄清技术要求用时一周（2026-11-13 邮件）"]);
    expect(await due("DYA-002")).toEqual(["  Review due      B: 2026-11-16; confirmed unchanged 2026-11-24, late by 6 working days; reason for delay: 等待顾客确认 B 版的变更范围（2026-11-20 邮件）"]);
    const zh = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", TODAY], { lang: "zh-CN" });
    expect(zh.stdout.split("\n").filter((l) => l.startsWith("  评审期限"))).toEqual(["  评审期限        2026-11-16；2026-11-20 作出结论，逾期 4 个工作日；逾期原因：顾客澄清技术要求用时一周（2026-11-13 邮件）"]);
  });

  it("csr review --disposition after the deadline echoes the lateness and the reason it records", async () => {
    const dir = repo("valid");
    const file = join(dir, "csr/DYA/DYA-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^  (late_reason|decision): .*\n/gm, ""));
    const result = await csrInProcess(["-C", dir, "review", "DYA-001", "--disposition", "not-applicable", "--justification", "本公司不生产该产品", "--by", "wang", "--date", "2026-11-20", "--late-reason", "顾客澄清技术要求用时一周"]);
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout:
        "DYA-001: decision recorded: not applicable, by 王强 (wang) on 2026-11-20.\nDecided 4 working days after the review period (due 2026-11-16); reason for the delay recorded: 顾客澄清技术要求用时一周.\nWrote csr/DYA/DYA-001.yaml; not committed (git commit it, or run with --commit).\n",
    });
  });
});
