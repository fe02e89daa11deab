/**
 * csr's own `--version` belongs to csr, not to a command: typed after one it is refused as that
 * command's unknown option, and commander's suggestion for a mistyped option of a command never
 * proposes it (`csr render QP-012 --version A/1` printed 0.1.0 and exited 0, rendering nothing;
 * `--revision` was answered with "did you mean --version?": tester52 D11).
 */
import { describe, expect, it } from "vitest";
import { csr, tempDir } from "../helpers.js";

const NO_LOCALE = { LANG: "C", LC_ALL: "", LC_MESSAGES: "" };

describe("csr's --version after a command", () => {
  it("is refused as an option the command does not have, in both languages", () => {
    const cwd = tempDir();
    expect(csr(["render", "QP-012", "--version", "A/1"], { cwd, env: NO_LOCALE, lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: 未知选项 '--version'；参见 'csr render --help'。\n" });
    expect(csr(["render", "QP-012", "-V"], { cwd, env: NO_LOCALE })).toEqual({ code: 2, stdout: "", stderr: "csr: unknown option '-V'; see 'csr render --help'.\n" });
    expect(csr(["matrix", "clauses", "--version"], { cwd, env: NO_LOCALE })).toEqual({ code: 2, stdout: "", stderr: "csr: unknown option '--version'; see 'csr matrix clauses --help'.\n" });
    // An option's value is not an option; before a command, and alone, it is csr's version.
    expect(csr(["-C", cwd, "--version"], { cwd, env: NO_LOCALE }).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(csr(["--version"], { cwd, env: NO_LOCALE }).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("is not suggested for a command's mistyped option; the command's own options still are", () => {
    const cwd = tempDir();
    expect(csr(["check", "--verison"], { cwd, env: NO_LOCALE, lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: 未知选项 '--verison'；参见 'csr check --help'。\n" });
    expect(csr(["check", "--verison"], { cwd, env: NO_LOCALE })).toEqual({ code: 2, stdout: "", stderr: "csr: unknown option '--verison'; see 'csr check --help'.\n" });
    expect(csr(["distribute", "QP-012", "--old-versio", "A/1"], { cwd, env: NO_LOCALE })).toEqual({ code: 2, stdout: "", stderr: "csr: unknown option '--old-versio' (did you mean --old-version?); see 'csr distribute --help'.\n" });
  });
});
