/**
 * csr/self-verification (tester52 D7): the owner of a CSR's implementation does not verify it too.
 * `csr implement` refuses to record it while the rule is an error (its default), records it and says
 * so when qms.yaml makes it a warning, and does not offer the owner as verifier at a terminal; `csr
 * check` reports a verification by the owner recorded otherwise, at verified.by.
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { implementCsr } from "../../src/commands/implement/index.js";
import { capture } from "../csr/fixture.js";
import { checkJson, copyFixture, csr } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
const BCM_003 = "csr/BCM/BCM-003.yaml";
const read = (dir: string) => readFileSync(join(dir, BCM_003), "utf8");

describe("a CSR's implementation verified by its owner (csr/self-verification)", () => {
  it("csr implement refuses it in one line saying why and what to do, exit 2, nothing written", () => {
    const dir = copyFixture("examples/acme-auto");
    const before = read(dir);
    // BCM-003 was implemented by 黄军 (owner huangjun) on 2026-01-26.
    expect(csr(["-C", dir, "implement", "BCM-003", "--verified-by", "huangjun", "--date", "2026-12-03", "-y"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: BCM-003：黄军（huangjun）是实施负责人，不能又作验证人（csr/self-verification）：验证是对要求已在生产中落实的独立检查，例如质量部门在内部审核或过程审核中验证。\n" +
        "提示：请由另一人验证：'csr implement BCM-003 --verified-by <人员> --date YYYY-MM-DD'。\n",
    });
    // Named by name as well as by id.
    expect(csr(["-C", dir, "implement", "BCM-003", "--verified-by", "黄军", "--date", "2026-12-03", "-y"]).stderr).toBe(
      "csr: BCM-003: Huang Jun (huangjun) owns the implementation and cannot also verify it (csr/self-verification): the verification is an independent check that the requirement went into production, e.g. by the quality department in an internal or process audit.\n" +
        "hint: Have another person verify it: 'csr implement BCM-003 --verified-by <person> --date YYYY-MM-DD'.\n",
    );
    expect(read(dir)).toBe(before);
    // Another person's verification is recorded.
    const other = csr(["-C", dir, "implement", "BCM-003", "--verified-by", "zhangli", "--date", "2026-12-03", "-y"]);
    expect(other.code).toBe(0);
    expect(read(dir)).toContain("  verified:\n    by: zhangli\n    date: 2026-12-03\n");
  });

  it("csr implement refuses making the verifier on file the owner", () => {
    const dir = copyFixture("examples/acme-auto");
    // DYA-001: owner zhoupeng, verified by zhangli.
    const result = csr(["-C", dir, "implement", "DYA-001", "--owner", "zhangli", "-y"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "csr: DYA-001: Zhang Li (zhangli) owns the implementation and cannot also verify it (csr/self-verification): the verification is an independent check that the requirement went into production, e.g. by the quality department in an internal or process audit.",
    );
  });

  it("set to warning in qms.yaml, csr implement records it and says so, and csr check warns at verified.by", () => {
    const dir = copyFixture("examples/acme-auto");
    appendFileSync(join(dir, "qms.yaml"), "rules:\n  csr/self-verification: warning\n");
    expect(csr(["-C", dir, "implement", "BCM-003", "--verified-by", "huangjun", "--date", "2026-12-03", "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout:
        "BCM-003：已登记实施情况。状态：已验证，负责人：黄军（huangjun），期限：2026-01-30，导入生产日期：2026-01-26，验证人：黄军（huangjun）。\n" +
        "注意：黄军（huangjun）既是实施负责人又是验证人，审核员不会认可为独立的验证（csr/self-verification，qms.yaml 中设为警告）。请尽量由另一人验证。\n",
      stderr: "",
    });
    const text = read(dir);
    const line = text.split("\n").indexOf("    by: huangjun", text.split("\n").indexOf("  verified:")) + 1;
    const { findings } = checkJson(dir, "--today", "2026-12-04");
    expect(findings.filter((f) => f.rule === "csr/self-verification")).toEqual([
      {
        rule: "csr/self-verification",
        severity: "warning",
        file: BCM_003,
        line,
        column: 9,
        docs: "https://unpkg.com/qms-csr@0.1.0/docs/rules.md#csrself-verification",
        message:
          "BCM-003's implementation is owned by Huang Jun (huangjun), who also verified it. The verification is an independent check that the requirement went into production (e.g. by the quality department in an internal or process audit), not the owner's own: have another person verify it and record that with 'csr implement BCM-003 --verified-by <person> --date YYYY-MM-DD --amend'.",
      },
    ]);
    // A later edit of the same record (its evidence) is not refused again, nor said again.
    const again = csr(["-C", dir, "implement", "BCM-003", "--evidence", "PPAP 包", "-y"]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("csr/self-verification");
  });

  it("a self-verification on file (an edit by hand) is an error of csr check by default", () => {
    const dir = copyFixture("examples/acme-auto");
    writeFileSync(join(dir, BCM_003), read(dir).replace("  status: implemented\n", "  status: verified\n").replace("  implemented: 2026-01-26\n", "  implemented: 2026-01-26\n  verified:\n    by: huangjun\n    date: 2026-12-03\n"));
    const { code, findings } = checkJson(dir, "--today", "2026-12-04");
    expect(code).toBe(1);
    expect(findings.filter((f) => f.rule === "csr/self-verification").map((f) => [f.severity, f.file])).toEqual([["error", BCM_003]]);
  });

  it("at a terminal the owner is not offered as verifier", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    // BCM-003's owner is huangjun; zhoupeng and gaoyang (技术部 too) are offered, huangjun is not.
    const done = implementCsr(ctx, "BCM-003", { status: "verified" }, prompts);
    await screen.next();
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026-12-03");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Who verified the implementation (on 2026-12-03)");
    // Every choice passes the cursor once: the list scrolls, so each screen shows a part of it.
    const shown: string[] = [];
    for (let i = 0; i < 12; i++) {
      shown.push(screen.getScreen());
      screen.keypress("down");
    }
    expect(shown.some((s) => s.includes("❯ gaoyang"))).toBe(true);
    expect(shown.some((s) => s.includes("huangjun"))).toBe(false);
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir)).not.toContain("    by: huangjun\n    date: 2026-12-03\n");
  });
});
