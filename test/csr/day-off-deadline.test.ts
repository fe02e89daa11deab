/**
 * One reading of "in time" for every deadline counted in working days (model/calendar.ts
 * workdaysLate; tester49 #13): a CSR decided, or a controlled copy taken back, on the Saturday after
 * a Friday deadline used no working day past it and is in time in every output — the reviews
 * register, the CSR matrix, csr check and the distribution register; on the Monday after, it is late
 * by 1 working day, never by 0 (IATF 16949 7.5.3.2.2: within ten working days).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, gitInit, ROOT, tempDir } from "../helpers.js";

const TODAY = "2026-12-08";

/**
 * acme-auto with BCM-005 (received Friday 2026-11-20, due Friday 2026-12-04) decided on `decided`,
 * and QP-011 A/2 released on Friday 2026-11-27, so that copy 3 of A/1 (due back Friday 2026-12-04)
 * was taken back on `recalled`; copy 4 stays out.
 */
function repo(decided: string, recalled: string): string {
  const dir = tempDir();
  cpSync(join(ROOT, "examples", "acme-auto"), dir, { recursive: true });
  const csrFile = join(dir, "csr", "BCM", "BCM-005.yaml");
  const opinion = (department: string, reviewer: string) => `    - {department: ${department}, reviewer: ${reviewer}, opinion: accept, date: 2026-12-04}\n`;
  const review = `review:\n  opinions:\n${opinion("MKT", "sunwei")}${opinion("QA", "zhangli")}${opinion("ENG", "zhoupeng")}${opinion("PRD", "huangjun")}  decision: {disposition: must, by: xuht, date: ${decided}}\n`;
  writeFileSync(csrFile, readFileSync(csrFile, "utf8").replace(/\n*$/, "\n") + review);
  const docFile = join(dir, "documents", "procedures", "QP-011.yaml");
  const released = "  - version: A/2\n    date: 2026-11-27\n    summary: 追溯演练结果报品质部\n    pages: P3\n    prepared: {by: huangjun, date: 2026-11-27}\n    reviewed: {by: zhangli, date: 2026-11-27}\n    approved: {by: xuht, date: 2026-11-27}\n";
  let doc = readFileSync(docFile, "utf8").replace("effective: 2025-12-15", "effective: 2026-11-27");
  doc = doc.replace(/(revisions:\n(?:  .*\n|    .*\n)*)/, (block) => block + released);
  doc = doc.replace("date: 2025-12-15}\n  - {copy: 4", `date: 2025-12-15, recalled: ${recalled}, returned_by: huangjun, received_by: chenjing}\n  - {copy: 4`);
  writeFileSync(docFile, doc);
  return gitInit(dir);
}

async function run(dir: string, ...args: string[]): Promise<string> {
  const result = await csrInProcess(["-C", dir, ...args, "--today", TODAY], { lang: "zh-CN" });
  return result.stdout;
}

/** The rows of a CSV output that have a cell `cell`, each by its column headers. */
async function rows(dir: string, cell: string, ...args: string[]): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await run(dir, ...args, "--format", "csv")).trim().split(/\r?\n/);
  const columns = header!.replace(/^\uFEFF/, "").split(",");
  return lines.filter((l) => l.split(",").includes(cell)).map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])));
}

async function outputs(dir: string) {
  const review = (await rows(dir, "BCM-005", "list", "reviews")).map((r) => [r["评审期限"], r["决定日期"], r["用时（工作日）"], r["及时性"]]);
  const matrix = (await rows(dir, "BCM-005", "matrix", "csr")).map((r) => r["及时性"]);
  const check = JSON.parse(await run(dir, "check", "--format", "json")) as { findings: { rule: string; file: string; message: string }[] };
  const findings = check.findings.filter((f) => f.rule === "csr/review-late" || f.rule === "doc/recall-overdue").map((f) => `${f.rule} ${f.file}`);
  const copies = (await rows(dir, "QP-011", "list", "distribution")).filter((r) => r["版本"] === "A/1").map((r) => [r["受控号"], r["应回收日期"], r["回收日期"], r["状态"], r["备注"]]);
  return { review, matrix, findings, copies };
}

describe("a deadline on a Friday, met on the Saturday or the Monday after", () => {
  it("is in time on the Saturday everywhere: no working day went by after the deadline", async () => {
    expect(await outputs(repo("2026-12-05", "2026-12-05"))).toEqual({
      review: [["2026-12-04", "2026-12-05", "10", "按期"]],
      matrix: ["按期"],
      // Copy 4, still out on Tuesday, is overdue; BCM-005 has no csr/review-late.
      findings: ["doc/recall-overdue documents/procedures/QP-011.yaml"],
      copies: [
        ["3", "2026-12-04", "2026-12-05", "已回收", ""],
        ["4", "2026-12-04", "", "回收逾期", ""],
      ],
    });
  });

  it("is late by 1 working day on the Monday, never by 0", async () => {
    expect(await outputs(repo("2026-12-07", "2026-12-07"))).toEqual({
      review: [["2026-12-04", "2026-12-07", "11", "逾期"]],
      matrix: ["逾期 1 个工作日"],
      findings: ["csr/review-late csr/BCM/BCM-005.yaml", "doc/recall-overdue documents/procedures/QP-011.yaml"],
      copies: [
        ["3", "2026-12-04", "2026-12-07", "已回收", "逾期 1 个工作日回收"],
        ["4", "2026-12-04", "", "回收逾期", ""],
      ],
    });
  });
});
