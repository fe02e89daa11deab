/**
 * Two document controllers each run `csr new procedure` on a clone that has not seen the other's
 * draft: both take QP-016, and the pull is an add/add conflict of two different documents in
 * documents/procedures/QP-016.yaml (tester57 E3). A bare origin and two clones, real git; `csr
 * renumber` resolves it, keeping both drafts, and renumbers a draft outside a conflict with every
 * reference to it; a released number is refused.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const edit = (dir: string, path: string, from: string, to: string) => {
  const text = read(dir, path);
  expect(text).toContain(from);
  writeFileSync(join(dir, path), text.replace(from, to));
};

/** A bare origin holding the acme-auto example and two clones of it, r1 and r2; r2 with the merge driver installed (`driver`). */
function clones(driver = false): { r1: string; r2: string } {
  const seed = committedFixture("examples/acme-auto");
  const parent = tempDir("csr-renumber-doc-");
  git(parent, ["clone", "-q", "--bare", seed, "origin.git"]);
  for (const clone of ["r1", "r2"]) git(parent, ["clone", "-q", "origin.git", clone]);
  const r2 = join(parent, "r2");
  if (driver) {
    expect(csr(["-C", r2, "merge-driver", "--install"]).code).toBe(0);
    git(r2, ["add", ".gitattributes"]);
    git(r2, ["commit", "-q", "-m", "merge driver"]);
  }
  return { r1: join(parent, "r1"), r2 };
}

/** `csr new procedure` with this title, committed: QP-016 on a clone that sees no other draft. */
async function newProcedure(dir: string, title: string): Promise<void> {
  const result = await csrInProcess(["-C", dir, "new", "procedure", "--title", title, "--department", "QA", "-y", "--commit"]);
  expect(result.stdout.split("\n")[0]).toBe(`Created QP-016 ${title} (documents/procedures/QP-016.yaml), a draft procedure of Quality Assurance with 5 sections to fill in.`);
}

const unmerged = (dir: string) => git(dir, ["ls-files", "-u"]).replace(/^\d+ [0-9a-f]+ /gm, "");

describe("two clones that each created the next procedure", () => {
  it("are told by csr check and by a writing command to renumber one, and csr renumber keeps both drafts with the references that came with each", async () => {
    const { r1, r2 } = clones();
    await newProcedure(r1, "产品追溯管理程序");
    git(r1, ["push", "-q", "origin", "HEAD:main"]);
    await newProcedure(r2, "供应商管理程序");
    // On r2's side a CSR is linked to its QP-016, and a released procedure lists it (left uncommitted for its release, as csr set leaves it).
    expect((await csrInProcess(["-C", r2, "address", "DYA-001", "QP-016", "-y", "--commit"])).code).toBe(0);
    expect((await csrInProcess(["-C", r2, "set", "QP-003", "--add-related", "QP-016", "-y"])).code).toBe(0);
    expect(() => git(r2, ["pull", "--no-rebase", "origin", "main"])).toThrow(/ failed: /);
    expect(unmerged(r2)).toBe("2\tdocuments/procedures/QP-016.yaml\n3\tdocuments/procedures/QP-016.yaml\n");
    const theirs = git(r1, ["show", "HEAD:documents/procedures/QP-016.yaml"]);
    const ours = git(r2, ["show", "HEAD:documents/procedures/QP-016.yaml"]);

    const check = csr(["-C", r2, "check"]);
    expect(check.code).toBe(1);
    expect(check.stdout.split("\n").filter((l) => l.includes("file/merge-conflict"))[0]).toBe(
      "documents/procedures/QP-016.yaml:2:1 error file/merge-conflict Unresolved merge (from line 2): both branches created QP-016 (ours: 供应商管理程序; theirs: 产品追溯管理程序), two different draft documents, not two versions of one. Do not keep one side only, which drops a document: run 'csr renumber QP-016', one keeps QP-016, the other gets the next free number, and both files are 'git add'ed.",
    );
    expect(await csrInProcess(["-C", r2, "set", "QP-001", "--add-clause", "8.5.2", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: The repository has unresolved merge conflicts (documents/procedures/QP-016.yaml); csr writes nothing until they are resolved.\nhint: QP-016 is two different draft documents created on two branches: first run 'csr renumber QP-016' (one gets the next free number, both are kept), then resolve the other conflicts and commit, then run the command again.\n",
    });
    expect(csr(["-C", r2, "renumber", "QP-016", "--commit"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --commit cannot be used in a merge conflict: git does not commit some files alone in the middle of a merge.\nhint: Run it without --commit; both files are then 'git add'ed, and 'git commit' concludes the merge.\n",
    });

    expect(csr(["-C", r2, "renumber", "QP-016"])).toEqual({
      code: 0,
      stdout:
        "Both branches created QP-016: 产品追溯管理程序 (theirs) keeps QP-016 (documents/procedures/QP-016.yaml), 供应商管理程序 (ours) is now QP-017 (documents/procedures/QP-017.yaml); both files are 'git add'ed, this conflict is resolved.\nReferences changed to QP-017: documents/procedures/QP-003.yaml, csr/DYA/DYA-001.yaml.\nNext: resolve any other conflicts, then 'git commit' to conclude the merge.\n",
      stderr: "",
    });
    expect(git(r2, ["ls-files", "-u"])).toBe("");
    expect(read(r2, "documents/procedures/QP-016.yaml")).toBe(theirs);
    expect(read(r2, "documents/procedures/QP-017.yaml")).toBe(ours.replace("id: QP-016\n", "id: QP-017\n"));
    expect(read(r2, "documents/procedures/QP-003.yaml")).toContain("related: [QP-004, QP-013, QP-015, QP-017]\n");
    expect(read(r2, "csr/DYA/DYA-001.yaml")).toContain("  - document: QP-017\n");
    expect(git(r2, ["status", "--porcelain"])).toBe(" M csr/DYA/DYA-001.yaml\n M documents/procedures/QP-003.yaml\nM  documents/procedures/QP-016.yaml\nA  documents/procedures/QP-017.yaml\n");

    git(r2, ["commit", "-q", "-a", "--no-edit"]);
    git(r2, ["push", "-q", "origin", "HEAD:main"]);
    git(r1, ["pull", "-q", "--no-rebase", "origin", "main"]);
    expect(read(r1, "documents/procedures/QP-017.yaml")).toContain("title: 供应商管理程序\n");
    // Two drafts of their own: no conflict, no number twice, every reference resolved.
    const after = await checkJsonInProcess(r1);
    expect(after.findings.filter((f) => /^(file|id|ref)\//.test(f.rule)).map((f) => `${f.file} ${f.rule}`)).toEqual([]);
  }, 180_000);

  it("with the merge driver, are left one whole-file conflict that names csr renumber, nothing merged (renumber59)", async () => {
    const { r1, r2 } = clones(true);
    await newProcedure(r1, "产品追溯管理程序");
    git(r1, ["push", "-q", "origin", "HEAD:main"]);
    await newProcedure(r2, "供应商管理程序");
    const ours = read(r2, "documents/procedures/QP-016.yaml");
    const theirs = git(r1, ["show", "HEAD:documents/procedures/QP-016.yaml"]);
    // git runs the driver without --lang: the repository's language, Chinese.
    expect(() => git(r2, ["pull", "--no-rebase", "origin", "main"])).toThrow(
      "\ncsr merge-driver: documents/procedures/QP-016.yaml：两个分支各自新建了 QP-016（我方：供应商管理程序；对方：产品追溯管理程序），这是两份不同的草稿文件，不是同一份的两个版本，未作合并。请运行 'csr renumber QP-016'：一份保留 QP-016，另一份改为下一个空闲编号，两个文件都会 'git add'。\n",
    );
    expect(unmerged(r2)).toBe("2\tdocuments/procedures/QP-016.yaml\n3\tdocuments/procedures/QP-016.yaml\n");
    // Each draft whole, not a chimera of the two titled by one and holding the other's sections.
    expect(read(r2, "documents/procedures/QP-016.yaml")).toBe(
      `<<<<<<< HEAD 两份不同的草稿文件占用了 QP-016：运行 csr renumber QP-016，不要删去任何一方\n${ours}=======\n${theirs}>>>>>>> ${git(r1, ["rev-parse", "HEAD"]).trim()}\n`,
    );
    expect(csr(["-C", r2, "check"]).stdout.split("\n").filter((l) => l.includes("file/merge-conflict"))[0]).toBe(
      "documents/procedures/QP-016.yaml:1:1 error file/merge-conflict Unresolved merge (from line 1): both branches created QP-016 (ours: 供应商管理程序; theirs: 产品追溯管理程序), two different draft documents, not two versions of one. Do not keep one side only, which drops a document: run 'csr renumber QP-016', one keeps QP-016, the other gets the next free number, and both files are 'git add'ed.",
    );
    expect(csr(["-C", r2, "renumber", "QP-016"]).stdout.split("\n")[0]).toBe(
      "Both branches created QP-016: 产品追溯管理程序 (theirs) keeps QP-016 (documents/procedures/QP-016.yaml), 供应商管理程序 (ours) is now QP-017 (documents/procedures/QP-017.yaml); both files are 'git add'ed, this conflict is resolved.",
    );
    expect(read(r2, "documents/procedures/QP-016.yaml")).toBe(theirs);
    expect(read(r2, "documents/procedures/QP-017.yaml")).toBe(ours.replace("id: QP-016\n", "id: QP-017\n"));
    expect(git(r2, ["ls-files", "-u"])).toBe("");
  }, 180_000);

  it("in a pull --rebase, keep the upstream's draft at the number and renumber the local one, --keep choosing the other way", async () => {
    const { r1, r2 } = clones();
    await newProcedure(r1, "产品追溯管理程序");
    git(r1, ["push", "-q", "origin", "HEAD:main"]);
    await newProcedure(r2, "供应商管理程序");
    expect(() => git(r2, ["pull", "--rebase", "origin", "main"])).toThrow(/could not apply/);
    // In a rebase "ours" is the upstream: --keep theirs keeps the local draft at QP-016.
    expect(csr(["-C", r2, "renumber", "documents/procedures/QP-016.yaml", "--keep", "theirs"]).stdout).toBe(
      "Both branches created QP-016: 供应商管理程序 (theirs) keeps QP-016 (documents/procedures/QP-016.yaml), 产品追溯管理程序 (ours) is now QP-017 (documents/procedures/QP-017.yaml); both files are 'git add'ed, this conflict is resolved.\nNext: resolve any other conflicts, then 'git rebase --continue' ('git cherry-pick --continue' for a cherry-pick).\n",
    );
    git(r2, ["rebase", "--continue"], { GIT_EDITOR: "true" });
    expect(read(r2, "documents/procedures/QP-016.yaml")).toContain("title: 供应商管理程序\n");
    expect(read(r2, "documents/procedures/QP-017.yaml")).toContain("id: QP-017\ntitle: 产品追溯管理程序\n");
  }, 180_000);
});

describe("csr renumber of a draft document outside a conflict", () => {
  /** acme-auto with a new form QR-015-03 of QP-015, listed in a process and linked from a CSR, all committed: made once, a copy for each test. */
  const withDraftForm = builtOnce(async () => {
    const dir = committedFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", dir, "new", "form", "--title", "追溯记录表", "--department", "QA", "--used-by", "QP-015", "--retention", "3年", "-y"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "address", "DYA-001", "QR-015-03", "-y"])).code).toBe(0);
    edit(dir, "processes.yaml", "documents: [QP-014, QP-015]", "documents: [QP-014, QP-015, QR-015-03]");
    edit(dir, "documents/procedures/QP-014.yaml", "形成特殊特性清单。", "形成特殊特性清单，记入QR-015-03。");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "QR-015-03"]);
    return dir;
  });

  it("renames the file as git mv does, rewrites its number and every reference, names the text that mentions it, and with --commit commits them in one commit", async () => {
    const dir = await withDraftForm();
    const before = read(dir, "documents/forms/QR-015-03.yaml");
    const result = await csrInProcess(["-C", dir, "renumber", "QR-015-03", "--commit"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.replace(/Committed [0-9a-f]{7}/, "Committed <hash>")).toBe(
      [
        "Renumbered QR-015-03 追溯记录表 to QR-015-04: documents/forms/QR-015-03.yaml renamed to documents/forms/QR-015-04.yaml.",
        "References changed to QR-015-04: processes.yaml, documents/procedures/QP-015.yaml, csr/DYA/DYA-001.yaml.",
        "Text that mentions QR-015-03 was left as written: QP-014 (documents/procedures/QP-014.yaml); change it to QR-015-04 where it means this document.",
        "Committed <hash>: csr renumber QR-015-03: now QR-015-04 (追溯记录表)",
        "",
      ].join("\n"),
    );
    expect(read(dir, "documents/forms/QR-015-04.yaml")).toBe(before.replace("id: QR-015-03\n", "id: QR-015-04\n"));
    expect(read(dir, "processes.yaml")).toContain("documents: [QP-014, QP-015, QR-015-04]");
    expect(read(dir, "documents/procedures/QP-015.yaml")).toMatch(/forms: \[.*QR-015-04\]/);
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toContain("  - document: QR-015-04\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["show", "--name-status", "--format=", "-M", "HEAD"]).replace(/^R\d+/m, "R")).toBe(
      "M\tcsr/DYA/DYA-001.yaml\nR\tdocuments/forms/QR-015-03.yaml\tdocuments/forms/QR-015-04.yaml\nM\tdocuments/procedures/QP-015.yaml\nM\tprocesses.yaml\n",
    );
    expect((await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule === "ref/unresolved")).toEqual([]);
  }, 60_000);

  it("takes the number given, staged as git mv stages it", async () => {
    const dir = await withDraftForm();
    expect(csr(["-C", dir, "renumber", "documents/forms/QR-015-03.yaml", "QR-015-09"]).stdout.split("\n")[0]).toBe(
      "Renumbered QR-015-03 追溯记录表 to QR-015-09: documents/forms/QR-015-03.yaml renamed to documents/forms/QR-015-09.yaml (staged, as git mv does).",
    );
    expect(git(dir, ["status", "--porcelain"])).toBe(" M csr/DYA/DYA-001.yaml\nR  documents/forms/QR-015-03.yaml -> documents/forms/QR-015-09.yaml\n M documents/procedures/QP-015.yaml\n M processes.yaml\n");
  }, 60_000);

  it("refuses a released number, a number of another kind or taken, and a name that is neither a CSR nor a document, writing nothing", async () => {
    const dir = await withDraftForm();
    expect(csr(["-C", dir, "renumber", "QP-015"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-015 has been released: a released number is printed on its controlled paper copies and cited in records, and is never changed.\nhint: To number it differently, create the document under the new number ('csr new <kind> --number <new> ...') and withdraw QP-015 naming its successor ('csr obsolete QP-015 --superseded-by <new>'); only a draft never released is renumbered.\n",
    });
    expect(csr(["-C", dir, "renumber", "QP-015"], { lang: "zh-CN" }).stderr.split("\n")[0]).toBe("csr: QP-015 已发布：已发布的编号印在受控纸质副本上、被记录引用，不得更改。");
    const refused = (args: string[]) => csrInProcess(["-C", dir, "renumber", ...args]);
    expect(await refused(["QR-015-03", "QP-099"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 'QP-099' is not a form number by qms.yaml numbering.\nhint: Its numbering: QR-###-## and HH-F-### ('#' is a digit); leave the new number out to take the next free one.\n",
    });
    expect(await refused(["QR-015-03", "QR-015-01"])).toEqual({ code: 2, stdout: "", stderr: "csr: QR-015-01 is taken; choose another, or leave the new id out to take the next free one.\n" });
    expect(await refused(["QR-015-30", "--keep", "ours"])).toEqual({ code: 2, stdout: "", stderr: "csr: --keep is for two CSRs or two draft documents of one number in a merge conflict; QR-015-30 is in no such conflict.\n" });
    expect(await refused(["QR-015-3"])).toEqual({ code: 2, stdout: "", stderr: "csr: No CSR or document 'QR-015-3' in the repository. Did you mean 'QR-015-03'?\n" });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  }, 60_000);

  it("asks for the file when two files have the number, and leaves the references to it", async () => {
    const dir = await withDraftForm();
    // What a merge of two branches that filed QR-015-03 in two folders leaves.
    writeFileSync(join(dir, "documents/QR-015-03.yaml"), read(dir, "documents/forms/QR-015-03.yaml").replace("title: 追溯记录表", "title: 标识记录表"));
    expect(await csrInProcess(["-C", dir, "renumber", "QR-015-03"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QR-015-03 is claimed by documents/QR-015-03.yaml and documents/forms/QR-015-03.yaml; name the file to renumber.\nhint: For example: csr renumber documents/forms/QR-015-03.yaml\n",
    });
    expect((await csrInProcess(["-C", join(dir, "documents"), "renumber", "QR-015-03.yaml"])).stdout.split("\n").slice(0, 2)).toEqual([
      "Renumbered QR-015-03 标识记录表 to QR-015-04: documents/QR-015-03.yaml renamed to documents/QR-015-04.yaml.",
      "Another file still has QR-015-03: references to QR-015-03 were left as they are; check which of the two each means.",
    ]);
    expect(read(dir, "processes.yaml")).toContain("documents: [QP-014, QP-015, QR-015-03]");
  }, 60_000);
});
