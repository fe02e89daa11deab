/**
 * `csr release` at a terminal, asked for the summary of a revision (not of the first issue), asks why too
 * (tester61 L3): the 更改原因, the 文件更改申请单号 and the customer's change notices (ECN), each optional, recorded
 * on the revision as --reason, --change-request and --ecn record them. Driven with @inquirer/testing on a real
 * git repository.
 */
import { input, select, checkbox } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { releaseDocument } from "../../src/commands/release/index.js";
import { capture } from "../csr/fixture.js";
import { csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), checkbox: wrapPrompt(checkbox) } as unknown as Prompts;
const DRAFT = ["id: QP-020", "title: 顾客要求管理程序", "level: 2", "kind: procedure", "department: QA", "status: in-review", "sections:", "  - title: 目的", "    text: 规定顾客要求的评审。", ""].join("\n");
const SIGNED = { prepared: "zhang", reviewed: "li", approved: "wang", date: "2026-11-20" };

/** QP-020 released as A/0 on 2024-03-01, then its text changed and committed: A/1 to release. */
async function revised(): Promise<string> {
  const repo = gitInit(minimalRepo({ "documents/QP-020.yaml": DRAFT }));
  const first = await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2024-03-01", "-y"]);
  expect(first.code).toBe(0);
  const path = join(repo, "documents/QP-020.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("规定顾客要求的评审。", "规定顾客要求的评审和落实。"));
  git(repo, ["commit", "-qam", "修订稿"]);
  return repo;
}

async function answer(message: string, text: string): Promise<void> {
  await screen.next();
  expect(screen.getScreen()).toBe(`? ${message}`);
  if (text) screen.type(text);
  screen.keypress("enter");
}

describe("csr release at a terminal asks why a revision was made", () => {
  it("after the summary: the reason, the change request and the ECN numbers, recorded on the revision", async () => {
    const repo = await revised();
    const done = releaseDocument(capture(repo), "QP-020", SIGNED, prompts);
    await answer("Summary of the change (修订内容)", "增加落实要求");
    await answer("Reason for the change (更改原因; may be left blank)", "顾客变更通知");
    await answer("Change request number (文件更改申请单; may be left blank)", "QR-001-01-2026-031");
    await answer("Customer change notice/ECN numbers (may be left blank; several separated by commas)", "DYA-ECN-2026-118，DYA-ECN-2026-120");
    expect(await done).toBe(0);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain(
      ["    summary: 增加落实要求", "    reason: 顾客变更通知", "    change_request: QR-001-01-2026-031", "    ecn:", "      - DYA-ECN-2026-118", "      - DYA-ECN-2026-120", "    prepared:"].join("\n"),
    );
  });

  it("records nothing for the answers left blank, and asks nothing more when an option gave one of them", async () => {
    const repo = await revised();
    const done = releaseDocument(capture(repo), "QP-020", SIGNED, prompts);
    await answer("Summary of the change (修订内容)", "增加落实要求");
    await answer("Reason for the change (更改原因; may be left blank)", "");
    await answer("Change request number (文件更改申请单; may be left blank)", "");
    await answer("Customer change notice/ECN numbers (may be left blank; several separated by commas)", "");
    expect(await done).toBe(0);
    const text = readFileSync(join(repo, "documents/QP-020.yaml"), "utf8");
    expect(text).toContain("    summary: 增加落实要求\n    prepared:");
    expect(text).not.toMatch(/reason:|change_request:|ecn:/);

    const other = await revised();
    const given = releaseDocument(capture(other), "QP-020", { ...SIGNED, ecn: ["DYA-ECN-2026-118"] }, prompts);
    await answer("Summary of the change (修订内容)", "增加落实要求");
    expect(await given).toBe(0);
    expect(readFileSync(join(other, "documents/QP-020.yaml"), "utf8")).toContain("    summary: 增加落实要求\n    ecn:\n      - DYA-ECN-2026-118\n    prepared:");
  });
});
