/**
 * Ctrl-C at a prompt (@inquirer's ExitPromptError) ends the run with one line and the shell's code
 * for SIGINT, not an internal error with its stack (tester15 #2).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "../../src/cli/program.js";
import { setLanguage } from "../../src/i18n/index.js";

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
    expect(handleError(new TypeError("x is undefined"))).toBe(2);
    expect(written[0]!.split("\n").slice(0, 2)).toEqual(["csr: 内部错误（这是 csr 的缺陷，请报告）", "TypeError: x is undefined"]);
  });
});
