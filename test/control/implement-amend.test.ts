/**
 * `csr implement` never replaces a record on file silently: a date implemented or a verification
 * already recorded is replaced only with --amend, which keeps the earlier one in
 * `implementation.history`, as `csr review --amend` keeps an earlier decision. In process: the
 * command's logic is under test, not the CLI wrapper.
 */
import { describe, expect, it } from "vitest";
import { implementCsr } from "../../src/commands/implement/index.js";
import { UserError } from "../../src/core/errors.js";
import { loadRepository } from "../../src/load/repository.js";
import { capture, read } from "../csr/fixture.js";
import { copyFixture, csrInProcess } from "../helpers.js";

const DYA_001 = "csr/DYA/DYA-001.yaml";
// DYA-001 of the example: implemented 2025-04-25, verified by zhangli on 2025-06-16.
const ON_FILE = `  implemented: 2025-04-25
  verified:
    by: zhangli
    date: 2025-06-16
`;

async function refusal(run: Promise<number>): Promise<UserError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe("csr implement on a CSR whose implementation is recorded", () => {
  it("refuses a new date implemented without --amend, saying what is on file, and changes nothing", async () => {
    const dir = copyFixture("examples/acme-auto");
    const before = read(dir, DYA_001);
    const error = await refusal(implementCsr(capture(dir), "DYA-001", { implemented: "2025-05-01", yes: true }));
    expect(error.message).toBe("DYA-001 already has a date implemented on file: 2025-04-25, verified by Zhang Li (zhangli) on 2025-06-16.");
    expect(error.hint).toBe("Add --amend to replace it; the earlier record is kept in the implementation history.");
    expect(read(dir, DYA_001)).toBe(before);
  });

  it("refuses a new verification without --amend", async () => {
    const dir = copyFixture("examples/acme-auto");
    const error = await refusal(implementCsr(capture(dir), "DYA-001", { verifiedBy: "xuht", date: "2025-06-20", yes: true }));
    expect(error.message).toBe("DYA-001 already has a date implemented on file: 2025-04-25, verified by Zhang Li (zhangli) on 2025-06-16.");
  });

  it("records the same date again, or other fields, without --amend", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    expect(await implementCsr(ctx, "DYA-001", { implemented: "2025-04-25", evidence: "见变更记录", yes: true })).toBe(0);
    expect(read(dir, DYA_001)).toContain("  evidence: 见变更记录\n" + ON_FILE);
    expect(read(dir, DYA_001)).not.toContain("history");
  });

  it("with --amend replaces the date and keeps the earlier record, with the verification of it, in the history", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    expect(await implementCsr(ctx, "DYA-001", { implemented: "2025-05-01", amend: true, yes: true })).toBe(0);
    expect(ctx.out).toBe(
      "DYA-001: implementation recorded: status implemented, owner Zhou Peng (zhoupeng), due 2025-04-30, implemented 2025-05-01.\n" +
        "The earlier record is kept in the implementation history: implemented 2025-04-25, verified by Zhang Li (zhangli).\n",
    );
    expect(read(dir, DYA_001)).toContain(`  status: implemented
  evidence: 符号对照表经东岳SQE刘涛2025-03-05邮件认可；D1、D2平台控制计划及PFMEA已按★/☆重新标注。
  implemented: 2025-05-01
  history:
    - reason: amended
      closed: 2025-05-01
      implemented: 2025-04-25
      verified:
        by: zhangli
        date: 2025-06-16
distribution:`);
    // The file stays valid: the history is part of the format.
    expect(loadRepository(dir).problems).toEqual([]);
  });

  it("csr show prints the replaced record under the implementation, in the reader's words", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(await implementCsr(capture(dir), "DYA-001", { implemented: "2025-05-01", amend: true, yes: true })).toBe(0);
    const zh = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-30"], { lang: null });
    expect(zh.stdout).toContain(
      "  实施            已实施，负责人 周鹏，期限 2025-04-30，2025-05-01 实施\n" +
        "  证据            符号对照表经东岳SQE刘涛2025-03-05邮件认可；D1、D2平台控制计划及PFMEA已按★/☆重新标注。\n" +
        "  实施记录修改    2025-05-01 修改；原记录：2025-04-25 实施，验证人 张丽 2025-06-16\n",
    );
    const en = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-11-30"]);
    expect(en.stdout).toContain("  Impl. history   amended 2025-05-01; earlier: implemented 2025-04-25, verified by zhangli Zhang Li 2025-06-16\n");
  });

  it("with --amend replaces a verification alone, keeping the date implemented", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    expect(await implementCsr(ctx, "DYA-001", { verifiedBy: "xuht", date: "2025-06-20", amend: true, yes: true })).toBe(0);
    expect(read(dir, DYA_001)).toContain(`  implemented: 2025-04-25
  verified:
    by: xuht
    date: 2025-06-20
  history:
    - reason: amended
      closed: 2025-06-20
      verified:
        by: zhangli
        date: 2025-06-16
`);
    expect(ctx.out).toBe(
      "DYA-001: implementation recorded: status verified, owner Zhou Peng (zhoupeng), due 2025-04-30, implemented 2025-04-25, verified by Xu Haitao (xuht).\n" +
        "The earlier record is kept in the implementation history: verified by Zhang Li (zhangli).\n",
    );
  });
});
