/**
 * The dates of the record files written by hand (review81 3): date/in-future and date/out-of-order read
 * management-reviews.yaml (approved and outputs' done not before the review was held; ISO 9001 / IATF 16949 9.3,
 * GJB 9001C 9.3), objectives.yaml (a measurement's period not before the objective's `from`, not after its `to`;
 * IATF 16949 6.2.2.1), register-editions.yaml (the day an edition stands as, no signature before it; GJB 9001C
 * 7.5.3) and a corrective action's costs (not before the record was received, not after today; IATF 16949 9.3.2.1),
 * each reported once, at its line; an output done or a period measured after today is date/in-future (rec82 1).
 * acme-auto, edited as a person would by hand.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess } from "../helpers.js";

/** `file` of `dir` with `from` replaced by `to`; fails when `from` is not there (the example changed). */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(join(dir, file), "utf8");
  expect(text).toMatch(from);
  writeFileSync(join(dir, file), text.replace(from, to));
}

describe("dates of management reviews, objectives, register editions and costs", () => {
  it("reports each out-of-order or future date once, at its line", async () => {
    const dir = copyFixture("examples/acme-auto");
    edit(dir, "management-reviews.yaml", "approved: 2025-12-22", "approved: 2025-12-01");
    edit(dir, "management-reviews.yaml", "done: 2026-01-15", "done: 2025-11-01");
    // OBJ-04 runs from 2025-11-01 to 2026-10-31: a month before it and one after it.
    edit(dir, "objectives.yaml", /(id: OBJ-04[\s\S]*?measurements:\n)/, "$1      - {period: 2025-10, value: 0, by: zhaoqiang}\n      - {period: 2026-11, value: 0, by: zhaoqiang}\n");
    edit(dir, "actions/8D-2026-001.yaml", "amount: 12000, date: 2026-04-02", "amount: 12000, date: 2026-03-30");
    edit(dir, "actions/8D-2026-001.yaml", "amount: 3500, date: 2026-04-02", "amount: 3500, date: 2027-02-01");
    writeFileSync(
      join(dir, "register-editions.yaml"),
      "editions:\n  - register: documents\n    edition: 2026-12\n    as_of: 2026-12-01\n    signatures:\n      - {role: 编制, by: zhaoqiang, date: 2026-11-30}\n      - {role: 批准, by: zhaoqiang, date: 2027-02-01}\n",
    );
    // The lines of the two measurements added, wherever OBJ-04 stands in the example.
    const early = readFileSync(join(dir, "objectives.yaml"), "utf8").split("\n").indexOf("      - {period: 2025-10, value: 0, by: zhaoqiang}") + 1;
    const result = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2027-01-05", "--format", "json"], { lang: null });
    const files = ["management-reviews.yaml", "objectives.yaml", "register-editions.yaml", "actions/8D-2026-001.yaml"];
    const found = JSON.parse(result.stdout).findings.filter((f: { file: string; rule: string }) => files.includes(f.file) && f.rule.startsWith("date/"));
    expect(found.map((f: { file: string; line: number; column: number; rule: string; message: string }) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "actions/8D-2026-001.yaml:46:40 date/out-of-order 8D-2026-001：不良质量成本的记录日期为 2026-03-30，早于接收/提出日期（2026-04-01），而它应在其后。请更正两个日期中错误的一个。",
      "actions/8D-2026-001.yaml:47:41 date/in-future 8D-2026-001：不良质量成本的记录日期为 2027-02-01，晚于今天（2027-01-05）。已完成事项的记录不能填写将来的日期：请填写实际完成的日期；尚未完成的，完成后再填写。",
      "management-reviews.yaml:16:15 date/out-of-order MR-2025：输出 MR-2025/1 的完成日期为 2025-11-01，早于管理评审日期（2025-12-16），而它应在其后。请更正两个日期中错误的一个。",
      "management-reviews.yaml:54:15 date/out-of-order MR-2025：评审报告的批准日期为 2025-12-01，早于管理评审日期（2025-12-16），而它应在其后。请更正两个日期中错误的一个。",
      `objectives.yaml:${early}:18 date/out-of-order OBJ-04：测量期间 2025-10 的结束日期为 2025-10-31，早于目标的起始（from）日期（2025-11-01），而它应在其后。请更正两个日期中错误的一个。`,
      `objectives.yaml:${early + 1}:18 date/out-of-order OBJ-04：目标的截止（to）日期为 2026-10-31，早于测量期间 2026-11 的开始日期（2026-11-01），而它应在其后。请更正两个日期中错误的一个。`,
      "register-editions.yaml:6:41 date/out-of-order documents 2026-12：编制签署日期为 2026-11-30，早于本版截至日期（2026-12-01），而它应在其后。请更正两个日期中错误的一个。",
      "register-editions.yaml:7:41 date/in-future documents 2026-12：批准签署日期为 2027-02-01，晚于今天（2027-01-05）。已完成事项的记录不能填写将来的日期：请填写实际完成的日期；尚未完成的，完成后再填写。",
    ]);
  });

  it("reports an output done or a period measured after today, and none in acme-auto's story on the tests' day or after", async () => {
    const dir = copyFixture("examples/acme-auto");
    for (const today of ["2026-11-27", "2026-12-08"]) {
      const clean = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", today, "--format", "json"], { lang: null });
      expect(JSON.parse(clean.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith("date/"))).toEqual([]);
    }
    edit(dir, "management-reviews.yaml", "done: 2026-11-26", "done: 2026-12-04");
    edit(dir, "objectives.yaml", /(id: OBJ-02[\s\S]*?measurements:\n(?:      - [^\n]*\n)*)/, "$1      - {period: 2026-11, value: 98.1, by: wuyan}\n");
    edit(dir, "objectives.yaml", /(id: OBJ-02[\s\S]*?)to: 2026-10-31/, "$1to: 2026-11-30");
    const late = readFileSync(join(dir, "objectives.yaml"), "utf8").split("\n").indexOf("      - {period: 2026-11, value: 98.1, by: wuyan}") + 1;
    const result = await csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-11-27", "--format", "json"], { lang: null });
    const found = JSON.parse(result.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith("date/"));
    expect(found.map((f: { file: string; line: number; column: number; rule: string; message: string }) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "management-reviews.yaml:67:15 date/in-future MR-2026：输出 MR-2026/1 的完成日期为 2026-12-04，晚于今天（2026-11-27）。已完成事项的记录不能填写将来的日期：请填写实际完成的日期；尚未完成的，完成后再填写。",
      `objectives.yaml:${late}:18 date/in-future OBJ-02：测量期间 2026-11 的结束日期为 2026-11-30，晚于今天（2026-11-27）。已完成事项的记录不能填写将来的日期：请填写实际完成的日期；尚未完成的，完成后再填写。`,
    ]);
  });
});
