/**
 * `csr release` at a terminal, where departments must countersign the revision (qms.yaml
 * `document_control.countersign`), names them in the 会签 question, offers their people first and refuses
 * the ticked people until each department has someone (countersign62; tester61 L13). Driven with
 * @inquirer/testing on a real git repository, through csr's own prompts (loadPrompts), which hand the
 * 会签 check the ticked people's ids: inquirer's checkbox gives its validate the choices themselves.
 */
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadPrompts } from "../../src/commands/add/prompting.js";
import { releaseDocument } from "../../src/commands/release/index.js";
import { capture } from "../csr/fixture.js";
import { gitInit, minimalRepo } from "../helpers.js";

vi.mock("@inquirer/prompts", async (actual) => {
  const prompts = await actual<typeof import("@inquirer/prompts")>();
  return { ...prompts, input: wrapPrompt(prompts.input), select: wrapPrompt(prompts.select), checkbox: wrapPrompt(prompts.checkbox) };
});

const DRAFT = ["id: QP-020", "title: 顾客要求管理程序", "level: 2", "kind: procedure", "department: QA", "status: in-review", "sections:", "  - title: 目的", "    text: 规定顾客要求的评审。", ""].join("\n");

/** QP-020 of 品质部 (QA), whose procedures 市场部 (MKT) must countersign. */
function repoWithCountersign(): string {
  const repo = minimalRepo({ "documents/QP-020.yaml": DRAFT });
  appendFileSync(join(repo, "qms.yaml"), "document_control:\n  countersign:\n    procedure: [MKT]\n");
  return gitInit(repo);
}

describe("csr release at a terminal, with departments that must countersign", () => {
  it("names them, refuses an answer without one of their people with the message, then takes it", async () => {
    const repo = repoWithCountersign();
    const done = releaseDocument(capture(repo), "QP-020", { summary: "首次发布", prepared: "zhang", reviewed: "li", approved: "wang", date: "2026-11-20" }, await loadPrompts());
    await screen.next();
    // 市场部's people first; the document's own department (品质部) prepares it and is never asked for its 会签.
    expect(screen.getScreen()).toContain("? Countersigned by (会签; one or more, including someone of MKT (市场部))\n❯◯ li    李娜 (市场部)\n ◯ wang  王强 (品质部)\n");
    screen.keypress("down");
    screen.keypress("space");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe(
      "? Countersigned by (会签; one or more, including someone of MKT (市场部))\n ◯ li    李娜 (市场部)\n❯◉ wang  王强 (品质部)\n\n> No one ticked countersigns for MKT (市场部): tick one of their people (a department's delegates count for it)\n↑↓ navigate • space select • a all • i invert • ⏎ submit",
    );
    screen.keypress("up");
    screen.keypress("space");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain("    countersigned:\n      - by: li\n        date: 2026-11-20\n      - by: wang\n        date: 2026-11-20\n");
  });
});
