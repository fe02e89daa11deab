/**
 * tester75 P12: a person added without --from was counted at work since ever, so a new operator was 165 working days
 * overdue on DYA-002's training the day he was added; he now starts work on the day added (--today), and owes it 20
 * working days on. `csr distribute` takes --today as the other commands that count days: the default and latest --date.
 * mend77: every command takes --today, before or after its name; a command without its own (csr release, review,
 * train, sign, recall, implement, obsolete …) runs as of it: a release recorded for a day already past.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { todayAfterCommand } from "../../src/cli/program.js";
import { committedFixture, csr, csrInProcess, git } from "../helpers.js";

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

  it("csr release runs as of --today: its default --date, the latest it takes, also typed before the command", async () => {
    const dir = committedFixture("examples/acme-auto");
    const release = ["release", "WI-011-01", "--summary", "首次发布", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "-y"];
    const later = await csrInProcess(["-C", dir, ...release, "--date", "2026-12-05", "--today", DAY], { lang: "zh-CN" });
    expect(later).toEqual({ code: 2, stdout: "", stderr: `csr: --date 2026-12-05 晚于今天（${DAY}）：已完成事项的记录不能填写将来的日期。\n` });
    const typo = await csrInProcess(["-C", dir, "--today", "2026-12-32", ...release], { lang: "en" });
    expect([typo.code, typo.stdout, typo.stderr.split("\n").length]).toEqual([2, "", 2]);
    expect(typo.stderr).toMatch(/^csr: --today .*'2026-12-32'/);
    // The built binary, which wires the one command its arguments name after the global options and --today.
    const released = csr(["-C", dir, "--today", DAY, ...release], { lang: "zh-CN" });
    expect([released.code, released.stdout.split("\n")[0]]).toEqual([0, expect.stringMatching(/^已发布 WI-011-01 A\/0（documents\/instructions\/WI-011-01\.yaml）：提交 [0-9a-f]+，标签 WI-011-01\/A-0。$/)]);
    const text = readFileSync(join(dir, "documents/instructions/WI-011-01.yaml"), "utf8");
    expect(text.match(/date: \d{4}-\d\d-\d\d/g)).toEqual(Array(4).fill(`date: ${DAY}`));
    expect(git(dir, ["tag", "--list", "WI-011-01/*"]).trim()).toBe("WI-011-01/A-0");
  });

  it("--today before the command is moved after it, before a --, and the global options stay in place", () => {
    const argv = (args: string[]) => todayAfterCommand(["node", "csr", ...args]).slice(2);
    expect(argv(["--today", DAY, "-C", "d", "review", "DYA-001"])).toEqual(["-C", "d", "review", "DYA-001", "--today", DAY]);
    expect(argv(["--lang", "en", `--today=${DAY}`, "train", "QP-001", "--", "x"])).toEqual(["--lang", "en", "train", "QP-001", `--today=${DAY}`, "--", "x"]);
    expect(argv(["review", "DYA-001", "--today", DAY])).toEqual(["review", "DYA-001", "--today", DAY]);
  });

  it("every command takes --today", async () => {
    for (const command of [["release"], ["sign"], ["review"], ["train"], ["recall"], ["implement"], ["obsolete"], ["distribute"], ["person", "leave"], ["action", "close"], ["new"], ["set"]]) {
      const help = await csrInProcess([...command, "--help"], { lang: "en" });
      expect(help.stdout, command.join(" ")).toMatch(/\n {2}--today <date> /);
    }
  });
});
