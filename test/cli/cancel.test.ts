/**
 * Ctrl-C at a prompt (@inquirer's ExitPromptError) ends the run with one line and the shell's code
 * for SIGINT, not an internal error with its stack (tester15 #2). The end of input there (Ctrl-D on an
 * empty answer, or the end of what a terminal was fed) cancels it the same way, in its own words, rather
 * than ending the run with nothing said and code 0 as if it had been done (breaker64 P14).
 */
import { input } from "@inquirer/prompts";
import { render } from "@inquirer/testing";
import { spawn, spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "../../src/cli/program.js";
import { untilInputEnds } from "../../src/commands/add/prompting.js";
import { InputEndedError } from "../../src/core/errors.js";
import { setLanguage } from "../../src/i18n/index.js";
import { BIN, csrEnv, git, gitInit, minimalRepo } from "../helpers.js";

describe("Ctrl-C at a prompt", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints one line and exits 130; any other error is still an internal error", () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((text) => (written.push(String(text)), true));
    setLanguage("zh-CN");
    // As @inquirer/core throws it (class ExitPromptError extends Error { name = 'ExitPromptError' }).
    expect(handleError(Object.assign(new Error("User force closed the prompt with SIGINT"), { name: "ExitPromptError" }))).toBe(130);
    expect(written).toEqual(["csr: 已取消（Ctrl-C）。\n"]);
    written.length = 0;
    expect(handleError(new InputEndedError())).toBe(130);
    expect(written).toEqual(["csr: 已取消（输入结束）。\n"]);
    written.length = 0;
    expect(handleError(new TypeError("x is undefined"))).toBe(2);
    expect(written[0]!.split("\n").slice(0, 2)).toEqual(["csr: 内部错误（这是 csr 的缺陷，请报告）", "TypeError: x is undefined"]);
  });
});

describe("the end of input at a prompt", () => {
  it("leaves inquirer's question unanswered for ever, so csr cancels it once nothing else is left to run", async () => {
    const events = new EventEmitter();
    const { answer, events: keys } = await render((config: { message: string }, context) => untilInputEnds((signal) => input(config, { ...context, signal }), events), { message: "修订内容摘要" });
    const settled = vi.fn();
    void answer.then(settled, settled);
    // Ctrl-D on an empty answer: readline closes, inquirer neither answers nor throws.
    keys.keypress({ name: "d", ctrl: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).not.toHaveBeenCalled();
    // What Node emits when the event loop has nothing left (a run at a terminal after Ctrl-D).
    events.emit("beforeExit");
    await expect(answer).rejects.toBeInstanceOf(InputEndedError);
    expect(events.listenerCount("beforeExit")).toBe(0);
  });

  it("answered, leaves nothing listening for the end of the run", async () => {
    const events = new EventEmitter();
    const { answer, events: keys } = await render((config: { message: string }, context) => untilInputEnds((signal) => input(config, { ...context, signal }), events), { message: "修订内容摘要" });
    expect(events.listenerCount("beforeExit")).toBe(1);
    keys.type("首次发布");
    keys.keypress("enter");
    expect(await answer).toBe("首次发布");
    expect(events.listenerCount("beforeExit")).toBe(0);
  });

  // The built binary at a terminal (util-linux script gives it one): Ctrl-D at its first question.
  it.skipIf(spawnSync("script", ["--version"]).status !== 0)("cancels csr release at a terminal with one line and code 130, nothing released", async () => {
    const draft = ["id: QP-020", "title: 顾客要求管理程序", "level: 2", "kind: procedure", "department: QA", "status: in-review", "sections:", "  - title: 目的", "    text: 规定顾客要求的评审。", ""].join("\n");
    const repo = gitInit(minimalRepo({ "documents/QP-020.yaml": draft }));
    const head = git(repo, ["rev-parse", "HEAD"]);
    const command = [process.execPath, BIN, "--lang", "zh-CN", "release", "QP-020"].map((word) => `'${word}'`).join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: repo, env: { ...csrEnv(), NO_COLOR: "1", LC_ALL: "", LC_MESSAGES: "", LANG: "", TERM: "xterm-256color" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      // The question is on screen: end the input as Ctrl-D does at a terminal.
      if (output.includes("修订内容摘要") && child.stdin.writable) child.stdin.end("\x04");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(stripVTControlCharacters(output).split(/\r?\n/).filter(Boolean).at(-1)).toBe("csr: 已取消（输入结束）。");
    expect(output).not.toContain("内部错误");
    expect([git(repo, ["rev-parse", "HEAD"]), git(repo, ["status", "--porcelain"]), git(repo, ["tag"])]).toEqual([head, "", ""]);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toBe(draft);
  });
});
