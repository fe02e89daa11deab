/**
 * csr implement records who verified an implementation and when (impl51 #2; IATF 16949 7.5.3.2.2):
 * asked at a terminal when the status is verified, refused in one line without them otherwise.
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { implementCsr } from "../../src/commands/implement/index.js";
import { setLanguage } from "../../src/i18n/index.js";
import { capture } from "../csr/fixture.js";
import { copyFixture, csrInProcess } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
const read = (dir: string) => readFileSync(join(dir, "csr/DYA/DYA-004.yaml"), "utf8");
const erase = () => {
  for (let i = 0; i < 10; i++) screen.keypress("backspace");
};

describe("the verification of an implementation", () => {
  it("is asked at a terminal when the status chosen is verified: the date (not before the date implemented), then the verifier", async () => {
    setLanguage("zh-CN");
    try {
      const dir = copyFixture("examples/acme-auto");
      const ctx = capture(dir);
      const done = implementCsr(ctx, "DYA-004", {}, prompts);
      await screen.next();
      // planned, in-progress (on file), implemented, verified
      screen.keypress("down");
      screen.keypress("down");
      screen.keypress("enter");
      for (let n = 0; n < 3; n++) {
        await screen.next();
        screen.keypress("enter");
      }
      await screen.next();
      expect(screen.getScreen()).toContain("在生产中实施的日期（YYYY-MM-DD）");
      screen.type("2026-11-20");
      screen.keypress("enter");
      await screen.next();
      // The old code asked nothing more and refused: "已验证的实施需要验证人：请加 --verified-by <人员>（以及 --date）。"
      expect(screen.getScreen()).toMatch(/^\? 验证日期（YYYY-MM-DD） \(\d{4}-\d{2}-\d{2}\)$/);
      erase();
      screen.type("2026-11-19");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("> 2026-11-19 早于 DYA-004 导入生产日期（2026-11-20），而它应在其后。");
      erase();
      screen.type("2026-11-23");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("? 验证人（2026-11-23）\n❯ wangjg     王建国（总经办）\n  xuht       徐海涛（总经办）\n  zhangli    张丽（品质部）\n");
      screen.keypress("down");
      screen.keypress("down");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toBe("DYA-004：已登记实施情况。状态：已验证，负责人：周鹏（zhoupeng），期限：2026-12-31，顾客要求日期：2026-12-31，导入生产日期：2026-11-20，验证人：张丽（zhangli）。\n");
      expect(read(dir)).toContain("  status: verified\n");
      expect(read(dir)).toContain("  implemented: 2026-11-20\n  verified:\n    by: zhangli\n    date: 2026-11-23\n");
    } finally {
      setLanguage("en");
    }
  });

  it("is asked at a terminal when --status verified names no verifier", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = implementCsr(ctx, "DYA-004", { status: "verified", implemented: "2026-11-20" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toMatch(/^\? Date verified \(YYYY-MM-DD\) \(\d{4}-\d{2}-\d{2}\)$/);
    erase();
    screen.type("2026-11-24");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Who verified the implementation (on 2026-11-24)\n❯ wangjg     Wang Jianguo (General Manager's Office)\n  xuht       Xu Haitao (General Manager's Office)\n");
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir)).toContain("  verified:\n    by: xuht\n    date: 2026-11-24\n");
  });

  it("without a terminal, --status verified without --verified-by is refused in one line, exit 2, nothing written", async () => {
    const dir = copyFixture("examples/acme-auto");
    const before = read(dir);
    expect(await csrInProcess(["-C", dir, "implement", "DYA-004", "--status", "verified", "--implemented", "2026-11-20", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: A verified implementation needs who verified it and when: add --verified-by <person> --date YYYY-MM-DD.\n",
    });
    expect(await csrInProcess(["-C", dir, "implement", "DYA-004", "--status", "verified", "--implemented", "2026-11-20"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 已验证的实施须记录验证人和验证日期：请加 --verified-by <人员> --date YYYY-MM-DD。\n",
    });
    expect(read(dir)).toBe(before);
  });
});
