/**
 * Parallel countersigning (会签) on two branches, merged by git with the csr merge driver: real
 * branches, real `git merge`, the driver set up with `csr merge-driver --install`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, git } from "../helpers.js";

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** The example with the driver installed and committed, DYA-007 awaiting ENG and PRD. */
function repository(): string {
  const dir = committedFixture("examples/acme-auto");
  const install = csr(["-C", dir, "merge-driver", "--install"]);
  expect(install.stdout.split("\n")[0]).toBe(".gitattributes: added 'csr/**/*.yaml merge=csr', 'documents/**/*.yaml merge=csr'.");
  git(dir, ["add", ".gitattributes"]);
  git(dir, ["commit", "-q", "-m", "merge driver"]);
  return dir;
}

async function opinion(dir: string, branch: string, department: string, reviewer: string, date: string): Promise<void> {
  git(dir, ["switch", "-q", "-c", branch, "main"]);
  const result = await csrInProcess(["-C", dir, "review", "DYA-007", "--department", department, "--reviewer", reviewer, "--opinion", "accept", "--date", date, "-y", "--commit"]);
  expect(result.code).toBe(0);
  git(dir, ["switch", "-q", "main"]);
}

describe("csr merge-driver", () => {
  it("merges two departments' opinions given on two branches without a conflict", async () => {
    const dir = repository();
    await opinion(dir, "eng", "ENG", "zhoupeng", "2026-11-27");
    await opinion(dir, "prd", "PRD", "huangjun", "2026-11-28");
    git(dir, ["merge", "-q", "--no-edit", "eng"]);
    git(dir, ["merge", "-q", "--no-edit", "prd"]);
    expect(read(dir, "csr/DYA/DYA-007.yaml")).toContain(
      "      comment: 2026年PPM预计为28，需制定降低计划并纳入2027年质量目标。\n    - department: ENG\n      reviewer: zhoupeng\n      opinion: accept\n      date: 2026-11-27\n    - department: PRD\n      reviewer: huangjun\n      opinion: accept\n      date: 2026-11-28\n",
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect((await csrInProcess(["-C", dir, "show", "DYA-007", "--today", "2026-11-30"])).stdout).toContain("                  PRD Production accept, huangjun Huang Jun, 2026-11-28\n  Decision        (not decided)\n");
  }, 90_000);

  it("leaves a conflict only on the department's opinion that both sides changed", async () => {
    const dir = repository();
    await opinion(dir, "eng-a", "ENG", "zhoupeng", "2026-11-27");
    git(dir, ["switch", "-q", "-c", "eng-b", "main"]);
    await csrInProcess(["-C", dir, "review", "DYA-007", "--department", "PRD", "--reviewer", "huangjun", "--opinion", "accept", "--date", "2026-11-28", "-y", "--commit"]);
    await csrInProcess(["-C", dir, "review", "DYA-007", "--department", "ENG", "--reviewer", "gaoyang", "--opinion", "reject", "--comment", "模具寿命不足", "--date", "2026-11-28", "-y", "--commit"]);
    git(dir, ["switch", "-q", "main"]);
    git(dir, ["merge", "-q", "--no-edit", "eng-a"]);
    expect(() => git(dir, ["merge", "-q", "--no-edit", "eng-b"])).toThrow(/failed/);
    const text = read(dir, "csr/DYA/DYA-007.yaml");
    expect(text.split("\n").filter((l) => /^(<{7}|={7}|>{7})/.test(l))).toEqual([
      // As git's own markers (tester57 E21): our side is HEAD, theirs the branch merged.
      "<<<<<<< HEAD",
      "=======",
      ">>>>>>> eng-b",
    ]);
    expect(text).toContain("<<<<<<< HEAD\n      reviewer: zhoupeng\n      opinion: accept\n      date: 2026-11-27\n=======\n      reviewer: gaoyang\n      opinion: reject\n      date: 2026-11-28\n      comment: 模具寿命不足\n>>>>>>>");
    expect(text).toContain("    - department: PRD\n      reviewer: huangjun\n");
    expect((await csrInProcess(["-C", dir, "review", "DYA-007", "--department", "QA", "--reviewer", "zhangli", "--opinion", "accept", "-y"])).stderr).toMatch(/^csr: The repository has unresolved merge conflicts \(csr\/DYA\/DYA-007\.yaml\)/);
  }, 90_000);
});
