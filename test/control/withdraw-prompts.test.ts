/** csr source update and csr obsolete at a terminal ask for what their options leave open (tester50b #2). */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { obsoleteDocument } from "../../src/commands/obsolete/index.js";
import { updateSource } from "../../src/commands/source/update.js";
import { capture } from "../csr/fixture.js";
import { copyFixture, gitInit } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;

describe("asked at a terminal instead of refused", () => {
  it("csr source update <source> asks the revision, the date issued and the date received, as csr source add does", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    // The old code refused at once: "required option '--revision <rev>' not specified".
    const done = updateSource(ctx, "DYA-SQM", { date: "2026-11-03" }, prompts);
    // The first question comes before any git call: already on the screen.
    await Promise.resolve();
    expect(screen.getScreen()).toBe("? New revision of DYA-SQM (e.g. E or 2026-03)");
    screen.type("E");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Date the customer issued it (YYYY-MM-DD, may be left blank)");
    screen.type("2026-10-30");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Date received (YYYY-MM-DD)");
    // Not before the date issued: asked again, in one line.
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026-10-29");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> ");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026-11-02");
    screen.keypress("enter");
    // The customer's 实施日期 (tester54a A16): not a date, asked again; then recorded.
    await screen.next();
    expect(screen.getScreen()).toBe("? Customer's effective date (YYYY-MM-DD, may be left blank; revision E is to be met in production from it)");
    screen.type("2027-02-30");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> ");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2027-01-01");
    screen.keypress("enter");
    // Each CSR's fate; a changed one's new wording, here the first (DYA-002) given, the others left blank.
    const wordings = ["DYA-002", "DYA-004", "DYA-005", "DYA-006"].map((id) => [id, "顾客投诉24小时内围堵，8D报告5个工作日内提交。"] as const);
    for (const [id, wording] of wordings) {
      await screen.next();
      expect(screen.getScreen()).toContain(`${id} `);
      expect(screen.getScreen()).toContain("in the new revision it is");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toBe(`? New wording of ${id} in revision E (may be left blank: csr set ${id} --text records it later)`);
      if (id === "DYA-002") screen.type(wording);
      screen.keypress("enter");
    }
    expect(await done).toBe(0);
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toContain("      - revision: E\n        issued: 2026-10-30\n        received: 2026-11-02\n        effective: 2027-01-01\n");
    const dya002 = readFileSync(join(dir, "csr/DYA/DYA-002.yaml"), "utf8");
    expect(dya002).toContain("text: 顾客投诉24小时内围堵，8D报告5个工作日内提交。\n");
    expect(dya002).toMatch(/ {4}- source_revision: D\n {6}closed: 2026-11-02\n {6}revised_to: E\n {6}text: /);
    expect(ctx.out.split("\n").slice(1)).toEqual([
      "DYA-SQM E: the customer's effective date is 2027-01-01; the CSRs taken from it are to be in production by then (csr/late-for-customer).",
      "4 CSRs to review again against revision E, due 2026-11-16:",
      "  DYA-002  顾客投诉的围堵和8D报告时限  (was on revision D; new wording recorded, the old one kept with the earlier round)",
      "  DYA-004  控制计划的年度评审和变更后提交  (was on revision D)",
      "  DYA-005  每批交付随附第三方实验室爆破试验报告  (was on revision D)",
      "  DYA-006  返工前风险评估，返工品100%复检并可追溯  (was on revision D)",
      "Record each requirement's new wording in revision E before it is reviewed with 'csr set <id> --text …' (e.g. csr set DYA-004 --text …); the old wording stays with the earlier round.",
      "DYA-002, DYA-005 were implemented or verified against the earlier revision: those records go to implementation.history with the earlier round; once decided under revision E, record their implementation and verification again with csr implement.",
      "Documents to check: QP-013 5.2 (DYA-002 changed), QR-013-01 (DYA-002 changed), QP-010 5.1 (DYA-004 changed), QP-006 5.4 (DYA-005 changed), QP-006 5.5 (DYA-005 changed), QP-012 5.4 (DYA-006 changed), QR-012-02 (DYA-006 changed).",
      "Customer deadlines to check: customers/DYA.yaml complaint deadlines (DYA-002 changed), customers/DYA.yaml change notification (DYA-004 changed). If the decision changes them, update them with csr customer update DYA.",
      "Requirements new in revision E: register them with 'csr add --customer DYA --source DYA-SQM'.",
      "",
    ]);
  });

  it("csr obsolete <doc> asks the reason, the successor (re-asked when wrong, may be blank) and, without --date, the date", async () => {
    const fixture = copyFixture("examples/acme-auto");
    // Nothing in force refers to HH-WI-06 any more: its withdrawal leaves no error.
    for (const path of ["processes.yaml", "documents/procedures/QP-010.yaml"]) writeFileSync(join(fixture, path), readFileSync(join(fixture, path), "utf8").replace(", HH-WI-06]", "]").replaceAll("《过程临时变更管理办法》", "临时变更的办法"));
    const dir = gitInit(fixture);
    const ctx = capture(dir);
    // The old code refused at once: "--reason is required: …".
    const done = obsoleteDocument(ctx, "HH-WI-06", { date: "2026-11-30" }, prompts);
    // The first question comes before any git call: already on the screen.
    await Promise.resolve();
    expect(screen.getScreen()).toBe("? Why HH-WI-06 is withdrawn");
    screen.type("工艺取消");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Document that replaces it (may be left blank)");
    screen.type("HH-WI-09");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toMatch(/^\? Document that replaces it \(may be left blank\) HH-WI-09\n> No document HH-WI-09\./);
    for (let i = 0; i < 8; i++) screen.keypress("backspace");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(readFileSync(join(dir, "documents/instructions/HH-WI-06.yaml"), "utf8")).toContain("status: obsolete\nobsolete:\n  date: 2026-11-30\n  reason: 工艺取消\n");
  });
});
