/**
 * Two people each `csr add` the customer's next CSR on their own clone: both take DYA-008, and the
 * pull is an add/add conflict of two different requirements in csr/DYA/DYA-008.yaml (tester23
 * F23). A bare origin and two clones, real git; `csr renumber` resolves it, and `csr check`, the
 * writing commands and the merge driver name it instead of "keep the right version".
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, checkJsonInProcess, committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** A bare origin holding the acme-auto example and two clones of it, r1 and r2; with `driver`, r2 has the merge driver installed. */
function clones(driver = false): { r1: string; r2: string } {
  const seed = committedFixture("examples/acme-auto");
  const parent = tempDir("csr-renumber-");
  git(parent, ["clone", "-q", "--bare", seed, "origin.git"]);
  for (const clone of ["r1", "r2"]) git(parent, ["clone", "-q", "origin.git", clone]);
  const [r1, r2] = [join(parent, "r1"), join(parent, "r2")];
  if (driver) {
    expect(csr(["-C", r2, "merge-driver", "--install"]).code).toBe(0);
    git(r2, ["add", ".gitattributes"]);
    git(r2, ["commit", "-q", "-m", "merge driver"]);
  }
  return { r1, r2 };
}

/** `csr add` of the next DYA requirement with this title, committed. */
async function add(dir: string, title: string): Promise<void> {
  const result = await csrInProcess(["-C", dir, "add", "--customer", "DYA", "--source", "DYA-SQM", "--clause", "IATF16949:8.5.4", "--title", title, "--received", "2026-03-16", "-y", "--commit"]);
  expect(result.stdout).toMatch(/^Registered DYA-008 in csr\/DYA\/DYA-008\.yaml\./);
}

/** The stages of the index's unmerged entries: an add/add has ours (2) and theirs (3), and no base (1). */
const unmerged = (dir: string) => git(dir, ["ls-files", "-u"]).replace(/^\d+ [0-9a-f]+ /gm, "");
const ADD_ADD = "2\tcsr/DYA/DYA-008.yaml\n3\tcsr/DYA/DYA-008.yaml\n";

const CHECK_FINDING = (line: number) =>
  `csr/DYA/DYA-008.yaml:${line}:1 error file/merge-conflict Unresolved merge (from line ${line}): both branches registered DYA-008 (ours: 每箱须贴二维码标签; theirs: 托盘须缠绕膜防潮), two different CSRs, not two versions of one. Do not keep one side only, which drops a customer requirement: run 'csr renumber DYA-008', one keeps DYA-008, the other gets the next free id, and both files are 'git add'ed.`;

describe("two clones that each registered the next CSR", () => {
  it("are told by csr check and by a writing command to renumber one, and csr renumber resolves the conflict keeping both requirements", async () => {
    const { r1, r2 } = clones();
    await add(r1, "托盘须缠绕膜防潮");
    git(r1, ["push", "-q", "origin", "HEAD:main"]);
    await add(r2, "每箱须贴二维码标签");
    // On r2's side DYA-005 is superseded by the new DYA-008: renumbered, it must name DYA-009.
    expect((await csrInProcess(["-C", r2, "supersede", "DYA-005", "--by", "DYA-008", "--reason", "并入新要求", "--date", "2026-03-17", "-y", "--commit"])).code).toBe(0);
    expect(() => git(r2, ["pull", "--no-rebase", "origin", "main"])).toThrow(/ failed: /);
    expect(unmerged(r2)).toBe(ADD_ADD);
    const theirs = git(r1, ["show", "HEAD:csr/DYA/DYA-008.yaml"]);
    const ours = git(r2, ["show", "HEAD:csr/DYA/DYA-008.yaml"]);

    const check = csr(["-C", r2, "check"]);
    expect(check.code).toBe(1);
    expect(check.stdout.split("\n").filter((l) => l.includes("file/merge-conflict"))[0]).toBe(CHECK_FINDING(8));

    expect(await csrInProcess(["-C", r2, "review", "DYA-001", "--department", "QA", "--reviewer", "zhangli", "--opinion", "accept", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: The repository has unresolved merge conflicts (csr/DYA/DYA-008.yaml); csr writes nothing until they are resolved.\nhint: DYA-008 is two different CSRs registered on two branches: first run 'csr renumber DYA-008' (one gets the next free id, both are kept), then resolve the other conflicts and commit, then run the command again.\n",
    });

    expect(csr(["-C", r2, "renumber", "DYA-008"])).toEqual({
      code: 0,
      stdout:
        "Both branches registered DYA-008: 托盘须缠绕膜防潮 (theirs) keeps DYA-008 (csr/DYA/DYA-008.yaml), 每箱须贴二维码标签 (ours) is now DYA-009 (csr/DYA/DYA-009.yaml); both files are 'git add'ed, this conflict is resolved.\nReferences changed to DYA-009: csr/DYA/DYA-005.yaml.\nNext: resolve any other conflicts, then 'git commit' to conclude the merge.\n",
      stderr: "",
    });
    expect(git(r2, ["ls-files", "-u"])).toBe("");
    expect(read(r2, "csr/DYA/DYA-008.yaml")).toBe(theirs);
    expect(read(r2, "csr/DYA/DYA-009.yaml")).toBe(ours.replace("id: DYA-008\n", "id: DYA-009\n"));
    expect(read(r2, "csr/DYA/DYA-005.yaml")).toContain("by: DYA-009");
    expect(git(r2, ["status", "--porcelain"])).toBe(" M csr/DYA/DYA-005.yaml\nM  csr/DYA/DYA-008.yaml\nA  csr/DYA/DYA-009.yaml\n");

    git(r2, ["commit", "-q", "-a", "--no-edit"]);
    git(r2, ["push", "-q", "origin", "HEAD:main"]);
    git(r1, ["pull", "-q", "--no-rebase", "origin", "main"]);
    expect(read(r1, "csr/DYA/DYA-009.yaml")).toContain("title: 每箱须贴二维码标签\n");
    // Two requirements of their own, each awaiting its review (received 2026-03-16); no conflict, no id twice.
    // On a fixed day: the example's own open reviews fall due in December 2026.
    expect((await checkJsonInProcess(r1, "--today", "2026-11-27")).findings.filter((f) => f.severity === "error").map((f) => `${f.file} ${f.rule}`)).toEqual(["csr/DYA/DYA-008.yaml csr/review-overdue", "csr/DYA/DYA-009.yaml csr/review-overdue"]);
  }, 180_000);

  it("with the merge driver, are left one whole-file conflict that names csr renumber, nothing merged", async () => {
    const { r1, r2 } = clones(true);
    await add(r1, "托盘须缠绕膜防潮");
    git(r1, ["push", "-q", "origin", "HEAD:main"]);
    await add(r2, "每箱须贴二维码标签");
    const ours = read(r2, "csr/DYA/DYA-008.yaml");
    const theirs = git(r1, ["show", "HEAD:csr/DYA/DYA-008.yaml"]);
    // git runs the driver without --lang: the repository's language, Chinese.
    expect(() => git(r2, ["pull", "--no-rebase", "origin", "main"])).toThrow(
      "\ncsr merge-driver: csr/DYA/DYA-008.yaml：两个分支各自登记了 DYA-008（我方：每箱须贴二维码标签；对方：托盘须缠绕膜防潮），这是两条不同的顾客要求，不是同一条的两个版本，未作合并。请运行 'csr renumber DYA-008'：一条保留 DYA-008，另一条改为下一个空闲编号，两个文件都会 'git add'。\n",
    );
    expect(unmerged(r2)).toBe(ADD_ADD);
    expect(read(r2, "csr/DYA/DYA-008.yaml")).toBe(
      // Named as git names the sides of a pull (tester57 E21): HEAD and the commit fetched.
      `<<<<<<< HEAD 两条不同的 CSR 占用了 DYA-008：运行 csr renumber DYA-008，不要删去任何一方\n${ours}=======\n${theirs}>>>>>>> ${git(r1, ["rev-parse", "HEAD"]).trim()}\n`,
    );
    expect(csr(["-C", r2, "check"]).stdout.split("\n").filter((l) => l.includes("file/merge-conflict"))[0]).toBe(CHECK_FINDING(1));
    expect(csr(["-C", r2, "renumber", "DYA-008", "--keep", "ours"]).stdout).toBe(
      "Both branches registered DYA-008: 每箱须贴二维码标签 (ours) keeps DYA-008 (csr/DYA/DYA-008.yaml), 托盘须缠绕膜防潮 (theirs) is now DYA-009 (csr/DYA/DYA-009.yaml); both files are 'git add'ed, this conflict is resolved.\nNext: resolve any other conflicts, then 'git commit' to conclude the merge.\n",
    );
    expect(read(r2, "csr/DYA/DYA-008.yaml")).toBe(ours);
    expect(read(r2, "csr/DYA/DYA-009.yaml")).toBe(theirs.replace("id: DYA-008\n", "id: DYA-009\n"));
  }, 180_000);

  it("in a pull --rebase, keep the upstream's at the id and renumber the local one, with the reference that came with it", async () => {
    const { r1, r2 } = clones();
    await add(r1, "托盘须缠绕膜防潮");
    git(r1, ["push", "-q", "origin", "HEAD:main"]);
    await add(r2, "每箱须贴二维码标签");
    // On r2's side DYA-005 is superseded by the new DYA-008: after the renumbering it must name DYA-009.
    expect((await csrInProcess(["-C", r2, "supersede", "DYA-005", "--by", "DYA-008", "--reason", "并入新要求", "--date", "2026-03-17", "-y", "--commit"])).code).toBe(0);
    expect(() => git(r2, ["pull", "--rebase", "origin", "main"])).toThrow(/could not apply/);
    expect(unmerged(r2)).toBe(ADD_ADD);
    expect(csr(["-C", r2, "renumber", "csr/DYA/DYA-008.yaml"])).toEqual({
      code: 0,
      stdout:
        "Both branches registered DYA-008: 托盘须缠绕膜防潮 (ours) keeps DYA-008 (csr/DYA/DYA-008.yaml), 每箱须贴二维码标签 (theirs) is now DYA-009 (csr/DYA/DYA-009.yaml); both files are 'git add'ed, this conflict is resolved.\nNext: resolve any other conflicts, then 'git rebase --continue' ('git cherry-pick --continue' for a cherry-pick).\n",
      // The supersession is a later commit of r2's, replayed as written after this one.
      stderr:
        "Note: commits still to be replayed in this rebase name DYA-008 in csr/DYA/DYA-005.yaml; they are replayed as written, naming the CSR that keeps DYA-008: once the rebase is done, change those that mean this branch's CSR to DYA-009.\n",
    });
    git(r2, ["rebase", "--continue"], { GIT_EDITOR: "true" });
    expect(read(r2, "csr/DYA/DYA-008.yaml")).toContain("title: 托盘须缠绕膜防潮\n");
    expect(read(r2, "csr/DYA/DYA-009.yaml")).toContain("id: DYA-009\n");
    expect(git(r2, ["log", "--format=%s", "-3"])).toBe("csr supersede DYA-005: replaced by DYA-008 (并入新要求)\ncsr add DYA-008: 每箱须贴二维码标签\ncsr add DYA-008: 托盘须缠绕膜防潮\n");
  }, 180_000);
});

describe("csr renumber outside a conflict", () => {
  const fixture = () => committedFixture("test/fixtures/csr/valid");

  it("renames the file as git mv does, rewrites its id and the superseded.by that names it", () => {
    const dir = fixture();
    const before = read(dir, "csr/DYA/DYA-001.yaml");
    expect(csr(["-C", dir, "renumber", "DYA-001"])).toEqual({
      code: 0,
      stdout: "Renumbered DYA-001 特殊特性符号按顾客规定标识 to DYA-011: csr/DYA/DYA-001.yaml renamed to csr/DYA/DYA-011.yaml (staged, as git mv does).\nReferences changed to DYA-011: csr/DYA/DYA-009.yaml.\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(before.replace("id: DYA-001\n", "id: DYA-011\n"));
    expect(read(dir, "csr/DYA/DYA-009.yaml")).toContain("superseded: {date: 2026-11-20, reason: C 版改由 DYA-001 规定, by: DYA-011}\n");
    expect(git(dir, ["status", "--porcelain"])).toBe(" M csr/DYA/DYA-009.yaml\nR  csr/DYA/DYA-001.yaml -> csr/DYA/DYA-011.yaml\n");
  });

  it("with --commit, commits the rename and the references in one commit under the id given", async () => {
    const dir = fixture();
    expect((await csrInProcess(["-C", dir, "renumber", "DYA-001", "DYA-020", "--commit"])).stdout).toMatch(
      /^Renumbered DYA-001 特殊特性符号按顾客规定标识 to DYA-020: csr\/DYA\/DYA-001\.yaml renamed to csr\/DYA\/DYA-020\.yaml\.\nReferences changed to DYA-020: csr\/DYA\/DYA-009\.yaml\.\nCommitted [0-9a-f]{7}: csr renumber DYA-001: now DYA-020 \(特殊特性符号按顾客规定标识\)\n$/,
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["show", "--name-status", "--format=", "-M", "HEAD"]).replace(/^R\d+/m, "R")).toBe("M\tcsr/DYA/DYA-009.yaml\nR\tcsr/DYA/DYA-001.yaml\tcsr/DYA/DYA-020.yaml\n");
  });

  it("refuses a CSR with review records unless --force, and ids that are not the customer's next or are taken", async () => {
    const dir = fixture();
    const refused = (args: string[]) => csrInProcess(["-C", dir, "renumber", ...args]);
    expect(csr(["-C", dir, "renumber", "DYA-002"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-002 has review records (opinions, a decision or confirmations): they, a signed paper review form or an e-mail may cite DYA-002, and would no longer match.\nhint: If it must be renumbered, add --force and note the new id on the paper records; a CSR not yet reviewed needs no --force.\n",
    });
    expect(await refused(["DYA-001", "DYA-1"])).toEqual({ code: 2, stdout: "", stderr: "csr: 'DYA-1' is not a CSR id of customer DYA.\nhint: A CSR id is DYA-NNN, e.g. DYA-012; leave the new id out to take the next free one.\n" });
    expect(await refused(["DYA-001", "DYA-005"])).toEqual({ code: 2, stdout: "", stderr: "csr: DYA-005 is taken; choose another, or leave the new id out to take the next free one.\n" });
    expect(await refused(["DYA-001", "--keep", "ours"])).toEqual({ code: 2, stdout: "", stderr: "csr: --keep is for two CSRs or two draft documents of one number in a merge conflict; DYA-001 is in no such conflict.\n" });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect((await refused(["DYA-002", "--force"])).stdout).toBe(
      "Renumbered DYA-002 控制计划须经顾客批准 to DYA-011: csr/DYA/DYA-002.yaml renamed to csr/DYA/DYA-011.yaml (staged, as git mv does).\n",
    );
  });

  it("asks for the file when two CSR files have the id, and leaves the references to it", async () => {
    const dir = fixture();
    // What a merge of two branches that added DYA-001 under two file names leaves.
    writeFileSync(join(dir, "csr/DYA/DYA-001-b.yaml"), read(dir, "csr/DYA/DYA-001.yaml").replace("title: 特殊特性符号按顾客规定标识", "title: 每箱须贴二维码标签"));
    expect(await csrInProcess(["-C", dir, "renumber", "DYA-001"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: DYA-001 is claimed by csr/DYA/DYA-001-b.yaml and csr/DYA/DYA-001.yaml; name the file to renumber.\nhint: For example: csr renumber csr/DYA/DYA-001-b.yaml\n",
    });
    expect((await csrInProcess(["-C", join(dir, "csr"), "renumber", "DYA/DYA-001-b.yaml"])).stdout).toBe(
      "Renumbered DYA-001 每箱须贴二维码标签 to DYA-011: csr/DYA/DYA-001-b.yaml renamed to csr/DYA/DYA-011.yaml.\nAnother CSR still has DYA-001: references to DYA-001 were left as they are; check which of the two each means.\n",
    );
    expect(read(dir, "csr/DYA/DYA-009.yaml")).toContain("by: DYA-001 }");
    expect(checkJson(dir).findings.filter((f) => f.rule === "csr/duplicate-id-across-branches")).toEqual([]);
  });
});
