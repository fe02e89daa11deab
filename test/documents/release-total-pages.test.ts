/**
 * csr release at a terminal asks for --total-pages when an earlier revision records its 总页数 and the option
 * is not given, so that the printed revision record does not leave the new row's cell blank where the earlier
 * ones are filled (tester63 N15). Driven with @inquirer/testing.
 */
import { input } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { releaseDocument } from "../../src/commands/release/index.js";
import { capture } from "../csr/fixture.js";
import { copyFixture, csr, git, gitInit } from "../helpers.js";

const prompts = { input: wrapPrompt(input) } as unknown as Prompts;
const WI = "documents/instructions/WI-010-01.yaml";
const FLAGS = { summary: "增加扣压外径防错检测", reason: "8D-2026-012 D7", prepared: "gaoyang", reviewed: "huangjun", approved: "zhangli", countersigned: ["zhaoqiang,zhoupeng"], date: "2026-11-16" };

/** acme-auto with WI-010-01 (A/0 4 pages, A/1 1 page) edited and committed, ready for A/2. */
function edited(): string {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  const file = join(dir, WI);
  writeFileSync(file, readFileSync(file, "utf8").replace("适用于扣压工序所有制动软管总成。", "适用于扣压工序所有制动软管总成（含D1平台）。"));
  git(dir, ["commit", "-qam", "正文"]);
  return dir;
}

const lastRevision = (dir: string) => readFileSync(join(dir, WI), "utf8").split("  - version: A/2\n")[1]!;

describe("csr release asks for 总页数 when earlier revisions record it (tester63 N15)", () => {
  it("offers the last recorded count, takes another, and records it on the new revision", async () => {
    const dir = edited();
    const ctx = capture(dir);
    const done = releaseDocument(ctx, "WI-010-01", FLAGS, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Total pages (of the controlled copy as printed; A/1 had 1; blank: not recorded) (1)");
    screen.type("x");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> Enter a whole number of pages from 1 to 9999, or leave it blank.");
    screen.keypress("backspace");
    screen.type("2");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(lastRevision(dir)).toContain("    total_pages: 2\n");
  });

  it("a blank answer leaves it unrecorded; the option given, or no terminal, asks nothing", async () => {
    const dir = edited();
    const ctx = capture(dir);
    const done = releaseDocument(ctx, "WI-010-01", FLAGS, prompts);
    await screen.next();
    screen.keypress("backspace");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(lastRevision(dir)).not.toContain("total_pages");

    const given = edited();
    const ctxGiven = capture(given);
    expect(await releaseDocument(ctxGiven, "WI-010-01", { ...FLAGS, totalPages: "3" }, prompts)).toBe(0);
    expect(lastRevision(given)).toContain("    total_pages: 3\n");

    // A script (no terminal, -y): released without it, as before.
    const script = edited();
    const args = ["release", "WI-010-01", "--summary", FLAGS.summary, "--reason", FLAGS.reason, "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--countersigned", "zhaoqiang,zhoupeng", "--date", "2026-11-16", "-y"];
    const result = csr(["-C", script, ...args], { lang: "zh-CN" });
    expect(result.code).toBe(0);
    expect(lastRevision(script)).not.toContain("total_pages");
  });
});
