/**
 * csr release --action against the corrective action records it names (breaker64 P3): a record received after
 * the revision's date is refused, one line, exit 2, nothing released; a closed record is said (closed on which
 * day, verified effective), warned of when the revision comes on or after the closure; a customer notice whose due
 * date has already passed at the release is said overdue by its working days, not due by a day gone. On a copy of
 * examples/acme-auto in a real git repository: DYA asks to be notified of a change within 5 working days
 * (customers/DYA.yaml change_notification, DYA-004); WI-010-02 A/1 is dated 2025-09-22.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { releaseDocument } from "../../src/commands/release/index.js";
import { capture } from "../csr/fixture.js";
import { builtOnce, committedFixture, csr, git } from "../helpers.js";

/** In Chinese, the repository's language. */
const run = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });

const steps = (done: string) => ["D3", "D4", "D5", "D6", "D7"].map((step) => `  ${step}:\n    done: ${done}\n    by: gaoyang\n    note: 已完成`).join("\n");

/**
 * DYA's complaints: 8D-2026-001 received 2026-11-02 and open, 8D-2026-002 received 2026-12-04, 8D-2026-003
 * received 2026-11-02 and closed on 2026-11-25; WI-010-02's text changed and committed.
 */
const RECORDS: Record<string, string> = {
  "8D-2026-001": "id: 8D-2026-001\ntitle: 硫化不良\nsource: complaint\ncustomer: DYA\nreceived: 2026-11-02\nowner: gaoyang\n",
  "8D-2026-002": "id: 8D-2026-002\ntitle: O形圈飞边\nsource: complaint\ncustomer: DYA\nreceived: 2026-12-04\nowner: gaoyang\n",
  "8D-2026-003": `id: 8D-2026-003\ntitle: 密封件缺胶\nsource: complaint\ncustomer: DYA\nreceived: 2026-11-02\nowner: gaoyang\nsteps:\n${steps("2026-11-20")}\n  D8:\n    done: 2026-11-25\n    verified_by: huangjun\n    evidence: 连续3批出货检验合格\n`,
};

const changed = builtOnce(() => {
  const dir = committedFixture("examples/acme-auto");
  mkdirSync(join(dir, "actions"), { recursive: true });
  for (const [id, text] of Object.entries(RECORDS)) writeFileSync(join(dir, "actions", `${id}.yaml`), text);
  const path = join(dir, "documents/instructions/WI-010-02.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("适用于平板硫化机生产的橡胶密封件。", "适用于平板硫化机生产的橡胶密封件（含O形圈）。"));
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-qm", "records and body"]);
  return dir;
});

const SIGNED = ["--summary", "增加O形圈", "--total-pages", "1", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "-y"];
const wi = (dir: string) => readFileSync(join(dir, "documents/instructions/WI-010-02.yaml"), "utf8");

describe("csr release --action", () => {
  it("refuses a record received after the revision's date, in one line, and releases nothing", async () => {
    const dir = await changed();
    const head = git(dir, ["rev-parse", "HEAD"]);
    const before = wi(dir);
    const refused = run(dir, "release", "WI-010-02", ...SIGNED, "--action", "8D-2026-001,8D-2026-002", "--date", "2026-11-10");
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, "", "csr: --action 8D-2026-002 于 2026-12-04 接收，晚于本次换版的日期 2026-11-10：换版不能落实在它之后才收到的问题。请核对 --date 或 --action。\n"]);
    expect([git(dir, ["rev-parse", "HEAD"]), git(dir, ["tag", "--list", "WI-010-02/*"]), wi(dir)]).toEqual([head, "", before]);
    // Received on the revision's day: carried out the same day.
    const sameDay = run(dir, "release", "WI-010-02", ...SIGNED, "--action", "8D-2026-002", "--date", "2026-12-04");
    expect([sameDay.code, sameDay.stderr]).toEqual([0, ""]);
  });

  it("says when a record is closed: a warning for a revision on or after the closure, a note for one recorded before it", async () => {
    const dir = await changed();
    const after = run(dir, "release", "WI-010-02", ...SIGNED, "--action", "8D-2026-003", "--date", "2026-12-01");
    expect([after.code, after.stderr]).toEqual([
      0,
      "注意：纠正措施 8D-2026-003 已于 2026-11-25 关闭（效果已验证），而 WI-010-02 A/2 记在它名下。关闭后的更改通常是横向展开或新的措施；如是新的问题或措施，请另立纠正措施记录（'csr action open'）。\n",
    ]);
    expect(wi(dir)).toContain("    actions:\n      - 8D-2026-003\n");

    const other = await changed();
    const before = run(other, "release", "WI-010-02", ...SIGNED, "--action", "8D-2026-003", "--date", "2026-11-20", "--customer-notified", "DYA=2026-11-20");
    expect([before.code, before.stderr]).toEqual([0, ""]);
    expect(before.stdout.split("\n").slice(1)).toEqual([
      "已记录：WI-010-02 A/2 的更改于 2026-11-20 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-11-27 前）。",
      "纠正措施 8D-2026-003 已于 2026-11-25 关闭（效果已验证）；本版日期 2026-11-20 在关闭之前。",
      // A/1 is read-only on OA for 生产部: A/2 needs its own electronic issue there (tester65 N7).
      "WI-010-02 A/1 已以电子版（OA，只读）发放给生产部：请用 'csr distribute WI-010-02 --electronic --to PRD --system OA' 发布 A/2 替换它。",
      "",
    ]);
    const en = csr(["-C", await changed(), "release", "WI-010-02", ...SIGNED, "--action", "8D-2026-003", "--date", "2026-11-25", "--customer-notified", "DYA"], { lang: "en" });
    expect(en.stderr).toBe(
      "Note: corrective action 8D-2026-003 was closed on 2026-11-25 (verified effective), and WI-010-02 A/2 is recorded against it. A change made after the closure is usually a read-across or a new action; for a new problem or action, open a record of its own ('csr action open').\n",
    );
  });

  it("writes an id given in another letter case as its record writes it, and says so (breaker64)", async () => {
    const dir = await changed();
    const released = run(dir, "release", "WI-010-02", ...SIGNED, "--action", "8d-2026-001,8D-2026-001", "--date", "2026-11-20", "--customer-notified", "DYA=2026-11-20");
    expect([released.code, released.stderr]).toEqual([0, "注意：--action 8d-2026-001 已记作 8D-2026-001，与纠正措施记录（actions/8D-2026-001.yaml）的编号写法一致。\n"]);
    expect(wi(dir)).toContain("    actions:\n      - 8D-2026-001\n    total_pages: 1\n    prepared:");
  });

  it("reports an id written by hand in another letter case with the record's spelling, not as unknown (breaker64)", async () => {
    const dir = await changed();
    expect(run(dir, "release", "WI-010-02", ...SIGNED, "--action", "8D-2026-001", "--date", "2026-11-20", "--customer-notified", "DYA=2026-11-20").code).toBe(0);
    const path = join(dir, "documents/instructions/WI-010-02.yaml");
    writeFileSync(path, wi(dir).replace("      - 8D-2026-001\n", "      - 8d-2026-001\n"));
    const found = (lang: "zh-CN" | "en") => csr(["-C", dir, "check"], { lang }).stdout.split("\n").filter((line) => line.startsWith("documents/") && line.includes(" ref/unresolved "));
    expect(found("zh-CN")).toEqual([
      "documents/instructions/WI-010-02.yaml:45:9 error ref/unresolved 纠正措施记录 '8d-2026-001' 的编号写作 8D-2026-001（actions/8D-2026-001.yaml），大小写不同。请写作 8D-2026-001：编号按记录中的写法书写，各处才对得上。",
    ]);
    expect(found("en")).toEqual([
      "documents/instructions/WI-010-02.yaml:45:9 error ref/unresolved Corrective action record '8d-2026-001' has its id written 8D-2026-001 (actions/8D-2026-001.yaml), in another letter case. Write it 8D-2026-001: an id is written as its record writes it, so that every register matches it.",
    ]);
  });
});

describe("a customer notice already past its due date at the release", () => {
  // The day of the run fixed (the notice is judged against it): Saturday 2026-12-05. In this process, in English.
  afterEach(() => vi.useRealTimers());

  it("is said overdue by its working days, with how to record the notification", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(2026, 11, 5, 10) });
    const dir = await changed();
    const ctx = capture(dir);
    const flags = { summary: "增加O形圈", totalPages: "1", prepared: "gaoyang", reviewed: "huangjun", approved: "zhangli", yes: true, action: ["8D-2026-001"], date: "2026-11-10" };
    expect(await releaseDocument(ctx, "WI-010-02", flags)).toBe(0);
    // Due 5 working days after 2026-11-10: 2026-11-17; 13 working days from 11-18 to 12-04.
    expect([ctx.out.split("\n").slice(1), ctx.err]).toEqual([
      [
        "The change of WI-010-02 A/2 was to be notified to customer DYA (Dongyue Automobile Co., Ltd., DYA-004) by 2026-11-17, and is 13 working days overdue: notify the customer now (submit the control plan, PPAP), then record it with 'csr sign WI-010-02 --customer-notified DYA=<date>'.",
        "WI-010-02 A/1 is issued electronically (OA, read-only) to Production: issue A/2 in its place with 'csr distribute WI-010-02 --electronic --to PRD --system OA'.",
        "",
      ],
      "",
    ]);
    expect(wi(dir)).toContain("    customer_notices:\n      - customer: DYA\n        due: 2026-11-17\n");

    // Approved by the customer in time: its approval is the notice by that day (tester77 E10), not overdue.
    const approved = await changed();
    const told = capture(approved);
    expect(await releaseDocument(told, "WI-010-02", { ...flags, customerApproved: ["DYA=2026-11-12"] })).toBe(0);
    expect(told.out.split("\n")[1]).toBe("Recorded: customer DYA (Dongyue Automobile Co., Ltd.) approved the change of WI-010-02 A/2 on 2026-11-12, so it was notified by then, on time (due 2026-11-17).");
    expect(told.out).not.toContain("overdue");

    // Due on the run's day: not yet overdue.
    vi.setSystemTime(new Date(2026, 10, 17, 10));
    const onTime = await changed();
    const due = capture(onTime);
    expect(await releaseDocument(due, "WI-010-02", flags)).toBe(0);
    expect(due.out.split("\n").slice(1)).toEqual([
      "The change of WI-010-02 A/2 is to be notified to customer DYA (Dongyue Automobile Co., Ltd., DYA-004) by 2026-11-17: once notified (control plan, PPAP submitted), record it with 'csr sign WI-010-02 --customer-notified DYA=<date>'.",
      "WI-010-02 A/1 is issued electronically (OA, read-only) to Production: issue A/2 in its place with 'csr distribute WI-010-02 --electronic --to PRD --system OA'.",
      "",
    ]);
  });
});
