/**
 * tester75 P12: a person added without --from was counted at work since ever, so a new operator was 165 working days
 * overdue on DYA-002's training the day he was added; he now starts work on the day added (--today), and owes it 20
 * working days on. `csr distribute` takes --today as the other commands that count days: the default and latest --date.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess } from "../helpers.js";

const DAY = "2026-12-04";

describe("--today on csr person add and csr distribute (tester75 P12)", () => {
  it("a person added without --from starts work on the day added, and owes training from then", async () => {
    const dir = committedFixture("examples/acme-auto");
    const added = await csrInProcess(["-C", dir, "person", "add", "wangxiao", "--name", "王小", "--department", "PRD", "--today", DAY, "-y"], { lang: "en" });
    expect(added).toEqual({
      code: 0,
      stdout: expect.stringContaining(`\nStarts work on ${DAY}, the day added (joined in people.yaml; no --from given): before it they are not at work and owe no training; give --from <date> for an earlier first day.\n`),
      stderr: "",
    });
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toMatch(/ {2}- id: wangxiao\n {4}name: 王小\n {4}department: PRD\n {4}roles: \[\]\n {4}joined: 2026-12-04\n$/);
    const record = await csrInProcess(["-C", dir, "list", "training", "--person", "wangxiao", "--today", DAY], { lang: "zh-CN" });
    expect(record.stdout.split("\n").filter((line) => line.includes("DYA-002"))).toEqual([expect.stringMatching(/ {2}2027-01-04 {2}未培训：已生效，剩 20 个工作日$/)]);
    // Without a start day (as before), the same operator is overdue on DYA-002 since its decision.
    expect((await csrInProcess(["-C", dir, "person", "update", "wangxiao", "--no-from", "-y"], { lang: "zh-CN" })).code).toBe(0);
    const before = await csrInProcess(["-C", dir, "list", "training", "--person", "wangxiao", "--today", DAY], { lang: "zh-CN" });
    expect(before.stdout.split("\n").filter((line) => line.includes("DYA-002"))).toEqual([expect.stringMatching(/ {2}2026-04-01 {2}未培训：逾期 165 个工作日$/)]);
  });

  it("csr distribute records the copies on --today without --date, and refuses a --date after it", async () => {
    const dir = committedFixture("examples/acme-auto");
    const given = await csrInProcess(["-C", dir, "distribute", "QP-014", "--to", "PRD", "--today", DAY, "-y"], { lang: "zh-CN" });
    expect([given.code, given.stdout.split("\n")[0]]).toEqual([0, `QP-014 A/1：于 ${DAY} 发放受控副本 1 份：`]);
    expect(readFileSync(join(dir, "documents/procedures/QP-014.yaml"), "utf8")).toContain(`\ndistribution:\n  - {copy: 1, version: A/1, to: PRD, issued_by: chenjing, date: ${DAY}}\n`);
    const later = await csrInProcess(["-C", dir, "distribute", "QP-014", "--to", "QA", "--date", "2026-12-05", "--today", DAY, "-y"], { lang: "zh-CN" });
    expect(later).toEqual({ code: 2, stdout: "", stderr: `csr: --date 2026-12-05 晚于今天（${DAY}）：已完成事项的记录不能填写将来的日期。\n` });
  });
});
