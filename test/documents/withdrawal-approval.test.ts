/**
 * A withdrawal (作废) is a change of the document approved as its release was (GJB 9001C / IATF 16949 7.5.3.2;
 * tester68 G6): csr obsolete records who approved it (--approved-by, checked as csr release checks its approver)
 * and, for a level whose printed layout has a 军代表 cell (gjb-demo's levels 1 and 2), the 军代表's agreement
 * (--military-representative), refused without either as csr release refuses a revision without them. csr show,
 * the document's print and the 作废文件清单 say who approved it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

/** gjb-demo with a procedure CS/QP-020 of `level` that nothing refers to, released in 2025, as a git repository. */
function demo(level = 2): string {
  const dir = copyFixture("examples/gjb-demo");
  writeFileSync(
    join(dir, "documents/procedures/CS_QP-020.yaml"),
    [
      "id: CS/QP-020",
      "title: 计量器具管理程序",
      `level: ${level}`,
      "kind: procedure",
      "department: QA",
      "status: released",
      "revisions:",
      "  - version: A/0",
      "    date: 2025-03-03",
      "    summary: 首次发布",
      "    prepared: { by: luox, date: 2025-02-24 }",
      "    reviewed: { by: chenhw, date: 2025-02-27 }",
      "    countersigned: [{ by: hejun, date: 2025-02-27 }]",
      "    standardization: { by: maxl, date: 2025-02-27 }",
      "    approved: { by: liuzm, date: 2025-03-03 }",
      "    military_representative: { by: wangjd, date: 2025-03-03 }",
      "sections:",
      "  - title: 目的",
      "    text: 规定计量器具的管理。",
      "",
    ].join("\n"),
  );
  return gitInit(dir);
}

const withdrawArgs = (dir: string, args: string[]) => ["-C", dir, "obsolete", "CS/QP-020", "--reason", "并入 CS/QP-013", "--date", "2026-11-20", ...args, "-y"];
/** csr obsolete through the built binary: the first refusal and the first withdrawal. */
const withdrawBinary = (dir: string, ...args: string[]) => csr(withdrawArgs(dir, args));
/** csr obsolete in the test's process (csrInProcess): the other runs. */
const withdraw = (dir: string, ...args: string[]) => csrInProcess(withdrawArgs(dir, args));
/** Any other command in the test's process. */
const here = (args: string[], lang?: "zh-CN") => csrInProcess(args, lang ? { lang } : {});
const file = (dir: string) => readFileSync(join(dir, "documents/procedures/CS_QP-020.yaml"), "utf8");

describe("csr obsolete records who approved the withdrawal", () => {
  it("refuses a level-2 document of a layout with a 军代表 cell without the approver and the 军代表, naming the options", async () => {
    const dir = demo();
    const refused = withdrawBinary(dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "csr: CS/QP-020 is one of the level 2 documents, whose layout (qms.yaml document_layouts) has a 军代表 (military representative) cell: its withdrawal, like its release, records who approved it and the representative's agreement; give --approved-by <person> and --military-representative <person>.\n" +
        "hint: For example: csr obsolete CS/QP-020 --reason <reason> --approved-by <approver> --military-representative <representative> (csr list people lists the people).\n",
    );
    expect((await withdraw(dir, "--approved-by", "liuzm")).stderr).toContain("give --military-representative <person>.");
    expect(file(dir)).not.toContain("obsolete");
  });

  it("checks the signers as csr release does: the approver's role, the 军代表 of the 军代表室", async () => {
    const dir = demo();
    expect((await withdraw(dir, "--approved-by", "luox", "--military-representative", "wangjd")).stderr).toContain("csr: --approved-by luox: 罗欣 does not have the role 'approver' in people.yaml");
    expect((await withdraw(dir, "--approved-by", "liuzm", "--military-representative", "chenhw")).stderr).toMatch(/^csr: --military-representative Chen Hongwei \(chenhw\) belongs to Quality and is no military representative/);
    expect((await withdraw(dir, "--approved-by", "liuzm", "--military-representative", "wangjdd")).stderr).toMatch(/^csr: --military-representative wangjdd: no person in people.yaml has this id or name/);
    expect(file(dir)).not.toContain("obsolete");
  });

  it("records both, by id, and csr show, the print and the 作废文件清单 name them", async () => {
    const dir = demo();
    const done = withdrawBinary(dir, "--approved-by", "刘志明", "--military-representative", "wangjd");
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(file(dir)).toContain("obsolete:\n  date: 2026-11-20\n  reason: 并入 CS/QP-013\n  approved_by: liuzm\n  military_representative: wangjd\n");
    expect((await here(["-C", dir, "check", "--today", "2026-11-27"])).stdout).not.toContain("CS_QP-020");
    const shown = (await here(["-C", dir, "show", "CS/QP-020", "--today", "2026-11-27"], "zh-CN")).stdout;
    expect(shown).toMatch(/作废\s+2026-11-20：并入 CS\/QP-013（批准：刘志明；军代表：王建东）\n/);
    expect((await here(["-C", dir, "show", "CS/QP-020", "--today", "2026-11-27"])).stdout).toMatch(/Withdrawn\s+2026-11-20: 并入 CS\/QP-013 \(Approved by: Liu Zhiming; Military representative: Wang Jiandong\)\n/);
    const out = join(dir, "CS_QP-020.md");
    expect((await here(["-C", dir, "render", "CS/QP-020", "--format", "md", "--out", out], "zh-CN")).code).toBe(0);
    const printed = readFileSync(out, "utf8");
    expect(printed).toContain("作废原因：并入 CS/QP-013 · 批准：刘志明；军代表：王建东");
    const register = (await here(["-C", dir, "list", "obsolete", "--today", "2026-11-27"], "zh-CN")).stdout;
    expect(register).toMatch(/作废原因\s+\|?\s*批准/);
    expect(register).toContain("批准：刘志明；军代表：王建东");
  });

  it("takes the approver alone where the layout has no 军代表 cell (level 3), and withdraws without one as before", async () => {
    const dir = demo(3);
    const done = await withdraw(dir, "--approved-by", "chenhw");
    expect(done.code, done.stderr).toBe(0);
    expect(file(dir)).toContain("  reason: 并入 CS/QP-013\n  approved_by: chenhw\n");
    expect(file(dir)).not.toContain("  military_representative: wangjd\n");
    expect((await withdraw(demo(3))).code).toBe(0);
  });
});
