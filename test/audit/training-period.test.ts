/**
 * csr list training --from/--to: the training sessions held in a period, as csr list distribution
 * --from/--to lists a period's copies, the period said in the title and a note (tester66 N9).
 */
import { describe, expect, it } from "vitest";
import { csr } from "../helpers.js";
import { threeDepartmentRepo, trainingProcedure } from "../control/three-departments.js";

const sessions = [
  "training:",
  "  required: true",
  "  sessions:",
  "    - {revision: A/0, date: 2024-01-20, people: [li], trainer: zhang, record: TR-2024-003}",
  "    - {revision: A/1, date: 2026-10-20, people: [zhao], trainer: zhang, record: TR-2026-050}",
  "    - {revision: A/1, date: 2026-11-03, people: [li], trainer: wang, record: TR-2026-061}",
  "",
].join("\n");

describe("csr list training --from/--to (tester66 N9)", () => {
  const dir = threeDepartmentRepo({ "documents/QP-005.yaml": trainingProcedure() + sessions });
  const list = (...args: string[]) => csr(["-C", dir, "list", "training", "--today", "2026-12-05", ...args], { lang: null });

  it("lists the sessions held in the period, saying the period in the title and a note", () => {
    const result = list("--from", "2026-10-01", "--to", "2026-10-31");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("培训记录（培训日期：2026-10-01 至 2026-10-31；共 1 条）");
    expect(result.stdout).toContain("2026-10-20  QP-005");
    expect(result.stdout).not.toContain("TR-2026-061");
    expect(result.stdout).toContain("本表按条件筛选（培训日期：2026-10-01 至 2026-10-31），不是完整的培训记录。");
    // --from alone runs to --today.
    expect(list("--from", "2026-10-01").stdout.split("\n")[0]).toBe("培训记录（培训日期：2026-10-01 至 2026-12-05；共 2 条）");
  });

  it("refuses a period with --missing, which is a standing on a day", () => {
    expect(list("--from", "2026-10-01", "--missing")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --from 不能与 --missing 同用：未完成培训人员清单是截至某日（--today）的状况，不是某一期间的记录；期间内的培训记录用 'csr list training --from … --to …' 列出。\n",
    });
  });
});
