/** csr source update at a terminal: one question per CSR taken from the old revision. */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { updateSource } from "../../src/commands/source/update.js";
import { capture } from "../csr/fixture.js";
import { copyFixture } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;

describe("csr source update, asked at a terminal", () => {
  it("asks what became of each CSR, then who confirms the unchanged ones", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = updateSource(ctx, "DYA-SQM", { revision: "E", received: "2026-11-02", date: "2026-11-03" }, prompts);
    const answers: [string, number][] = [
      ["DYA-002 顾客投诉的围堵和8D报告时限: in the new revision it is", 1],
      ["DYA-004 控制计划的年度评审和变更后提交: in the new revision it is", 0],
      ["DYA-005 每批交付随附第三方实验室爆破试验报告: in the new revision it is", 2],
      ["DYA-006 返工前风险评估，返工品100%复检并可追溯: in the new revision it is", 1],
    ];
    for (const [question, downs] of answers) {
      await screen.next();
      expect(screen.getScreen()).toContain(question);
      for (let i = 0; i < downs; i++) screen.keypress("down");
      screen.keypress("enter");
      // A changed requirement's new wording is asked (tester54a A16); left blank here.
      if (downs !== 0) continue;
      await screen.next();
      expect(screen.getScreen()).toBe("? New wording of DYA-004 in revision E (may be left blank: csr set DYA-004 --text records it later)");
      screen.keypress("enter");
    }
    await screen.next();
    // The approvers, with name and department, as every prompt for a person shows them.
    expect(screen.getScreen()).toBe("? Confirmed by\n❯ wangjg  Wang Jianguo (General Manager's Office)\n  xuht  Xu Haitao (General Manager's Office)\n  zhangli  Zhang Li (Quality Assurance)\n\n↑↓ navigate • ⏎ select");
    for (let i = 0; i < 2; i++) screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe(
      [
        "DYA-SQM revision E recorded (received 2026-11-02); revision D is superseded.",
        "1 CSR to review again against revision E, due 2026-11-16:",
        "  DYA-004  控制计划的年度评审和变更后提交  (was on revision D)",
        "Record the requirement's new wording in revision E before it is reviewed: csr set DYA-004 --text …; the old wording stays with the earlier round.",
        "2 CSRs unchanged in revision E; decision kept, confirmed by Zhang Li (zhangli) on 2026-11-03:",
        "  DYA-002  顾客投诉的围堵和8D报告时限",
        "  DYA-006  返工前风险评估，返工品100%复检并可追溯",
        "1 CSR removed in revision E, now superseded:",
        "  DYA-005  每批交付随附第三方实验室爆破试验报告",
        // Where the changed requirement is addressed (tester64 N6).
        "Documents to check: QP-010 5.1 (DYA-004 changed), QP-006 5.4 (DYA-005 removed), QP-006 5.5 (DYA-005 removed).",
        // DYA-004 sets DYA's change-notification time (tester66 N4).
        "Customer deadlines to check: customers/DYA.yaml change notification (DYA-004 changed). If the decision changes them, update them with csr customer update DYA.",
        "Requirements new in revision E: register them with 'csr add --customer DYA --source DYA-SQM'.",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "csr/DYA/DYA-004.yaml"), "utf8")).toContain("      revised_to: E\n");
  });

  it("asks the day of the comparison when --date is not given, before who confirms (tester66 N5)", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = updateSource(ctx, "DYA-SQM", { revision: "E", received: "2026-11-02" }, prompts);
    for (const downs of [1, 1, 1, 1]) {
      await screen.next();
      for (let i = 0; i < downs; i++) screen.keypress("down");
      screen.keypress("enter");
    }
    await screen.next();
    expect(screen.getScreen()).toContain("? Confirmed on (the day revision E was compared and the CSRs found unchanged)");
    // A day before the revision was received is refused at the prompt.
    screen.type("2026-11-01");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("2026-11-02");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026-11-04");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Confirmed by");
    for (let i = 0; i < 2; i++) screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toContain("unchanged in revision E; decision kept, confirmed by Zhang Li (zhangli) on 2026-11-04:\n  DYA-002");
    expect(readFileSync(join(dir, "csr/DYA/DYA-002.yaml"), "utf8")).toContain("    - {source_revision: E, by: zhangli, date: 2026-11-04}\n");
  });

  it("does not offer 'unchanged' for a CSR with no decision to keep (month report #2)", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = updateSource(ctx, "BCM-SPA", { revision: "1.1", received: "2026-11-25", date: "2026-11-26" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("BCM-005 特殊过程每年按北辰评估表自评并提交结果: in the new revision it is");
    expect(screen.getScreen()).toContain("changed: review it again (会签)");
    expect(screen.getScreen()).toContain("removed: mark it superseded");
    expect(screen.getScreen()).not.toContain("unchanged: keep the decision");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toContain("1 CSR to review again against revision 1.1, due 2026-12-09:\n  BCM-005  特殊过程每年按北辰评估表自评并提交结果  (was on revision 1.0)\n");
  });
});
