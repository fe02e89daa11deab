/**
 * `csr release` of a revision that removes or renumbers a section a CSR is addressed in (tester23 F18),
 * with the pre-commit hook of `csr init` enabled as it says (`git config core.hooksPath hooks`) and
 * without it: the release re-points a link whose section kept its title, takes the links re-pointed
 * with `csr address` into its commit, and refuses, writing nothing, to leave a link to a section its
 * text no longer has.
 */
import { appendFileSync, chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initFiles } from "../../src/commands/init/files.js";
import { builtOnce, checkJsonInProcess, csrInProcess, enableHooks, git, gitInit, minimalRepo, releasedProcedure } from "../helpers.js";

const lines = (...l: string[]) => l.join("\n") + "\n";

const SECTIONS = [
  ["目的", "规定包装和交付的控制方法。"],
  ["范围", "适用于本公司产品的包装和交付。"],
  ["职责", "物流部负责包装和交付。"],
  ["定义", "周转箱：顾客提供的可回收包装。"],
  ["作业流程", "按顾客要求包装，每箱贴标签。"],
];

/** QP-001 released as A/0 with the given sections. */
const procedure = (sections: readonly (readonly string[])[]) => releasedProcedure("QP-001", "包装与交付管理程序", sections.map(([title, text]) => ({ title: title!, text: text! })));

const requirement = (id: string, title: string) =>
  lines(
    `id: ${id}`,
    "customer: DYA",
    "source: { document: DYA-SQM, revision: A }",
    "clauses: [IATF16949:8.5.4]",
    `title: ${title}`,
    `text: ${title}。`,
    "received: 2026-03-03",
    "review:",
    "  opinions:",
    "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-03-04 }",
    "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-03-04 }",
    "  decision: { disposition: must, by: wang, date: 2026-03-05 }",
  );

const HOOK = initFiles(false).get("hooks/pre-commit")!;

/**
 * QP-001 A/0 committed, DYA-001 addressed in its 5 作业流程 and DYA-002 in its 4 定义 (csr address, committed),
 * then section 4 定义 deleted from QP-001 for A/1: 作业流程 is now section 4. `hook`: csr init's pre-commit hook enabled.
 * Built once for each of the two and copied for each test (builtOnce): with the hook, each commit of
 * csr address runs a csr process.
 */
const repository = builtOnce(async (hook: boolean): Promise<string> => {
  const dir = minimalRepo({
    "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "class: A", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", "      - { revision: A, received: 2026-03-03 }"),
    "csr/DYA/DYA-001.yaml": requirement("DYA-001", "包装须使用顾客周转箱"),
    "csr/DYA/DYA-002.yaml": requirement("DYA-002", "周转箱须按顾客定义回收"),
    "documents/QP-001.yaml": procedure(SECTIONS),
    ...(hook ? { "hooks/pre-commit": HOOK, ".gitignore": "node_modules/\n" } : {}),
  });
  appendFileSync(join(dir, "qms.yaml"), "language: en\ncalendar:\n  base: none\n");
  if (hook) chmodSync(join(dir, "hooks/pre-commit"), 0o755);
  gitInit(dir);
  if (hook) enableHooks(dir);
  for (const [id, section] of [["DYA-001", "5"], ["DYA-002", "4"]] as const) {
    expect((await csrInProcess(["-C", dir, "address", id, "QP-001", "--section", section, "--by", "zhang", "--date", "2026-03-06", "-y", "--commit"])).code).toBe(0);
  }
  writeFileSync(join(dir, "documents/QP-001.yaml"), procedure(SECTIONS.filter(([title]) => title !== "定义")));
  return dir;
});

const release = (dir: string, lang: "en" | "zh-CN" = "en") =>
  csrInProcess(["-C", dir, "release", "QP-001", "--summary", "删除定义章节", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-03-10", "-y", "--include-changes"], { lang });

/** DYA-002's link re-pointed as the user does before the release: to the section that addresses it now, the old one removed. */
async function repointDya002(dir: string): Promise<void> {
  expect((await csrInProcess(["-C", dir, "address", "DYA-002", "QP-001", "--section", "4", "--by", "zhang", "--date", "2026-03-08", "-y"])).code).toBe(0);
  expect((await csrInProcess(["-C", dir, "address", "DYA-002", "QP-001", "--section", "4 定义", "--remove", "-y"])).code).toBe(0);
}

const head = (dir: string) => git(dir, ["rev-parse", "HEAD"]).trim();
const csrFile = (dir: string, id: string) => readFileSync(join(dir, `csr/DYA/${id}.yaml`), "utf8");
const sectionOf = (dir: string, id: string) => /\n {4}section: (.*)\n/.exec(csrFile(dir, id))?.[1];

for (const hook of [true, false]) {
  describe(`csr release of a revision that removes a section a CSR is addressed in, ${hook ? "with" : "without"} the pre-commit hook (tester23 F18)`, { timeout: 120_000 }, () => {
    it("re-points the link whose section kept its title, takes the link re-pointed with csr address, and commits all in the release", async () => {
      const dir = await repository(hook);
      await repointDya002(dir);
      const result = await release(dir);
      expect(result.stderr).toBe("");
      expect(result.stdout.replace(/commit [0-9a-f]+/, "commit <id>").split("\n")).toEqual([
        "Released QP-001 A/1 (documents/QP-001.yaml): commit <id>, tag QP-001/A-1.",
        "QP-001 A/1 numbers section 5 作业流程 as 4 作业流程 (same title): the link of DYA-001 is re-pointed there, in the release's commit.",
        "The uncommitted changes of csr/DYA/DYA-002.yaml are to its links to QP-001 only: committed with the release.",
        "",
      ]);
      expect(result.code).toBe(0);
      expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("release QP-001 A/1: 删除定义章节\n\ncsr/DYA/DYA-001.yaml\ncsr/DYA/DYA-002.yaml\ndocuments/QP-001.yaml\n");
      expect(git(dir, ["status", "--porcelain"])).toBe("");
      expect([sectionOf(dir, "DYA-001"), sectionOf(dir, "DYA-002")]).toEqual(["4 作业流程", "4 作业流程"]);
      // The pin of the re-pointed link still holds: the section's text is the one it was made against.
      expect((await checkJsonInProcess(dir, "--today", "2026-03-10")).findings.filter((f) => f.severity === "error" || f.rule === "csr/suspect-link")).toEqual([]);
    });

    it("refuses, writing nothing, a release that leaves a link to the removed section, naming the commands that re-point or remove it", async () => {
      const dir = await repository(hook);
      const before = head(dir);
      const result = await release(dir, "zh-CN");
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: [
          "csr: QP-001 的新文本已没有第 4 定义 节，DYA-002 的链接指向该节：发布后该链接将失效；未写入任何内容。",
          "提示：请先用 'csr address DYA-002 QP-001 --section <章节>' 改为现在落实它的章节，再用 'csr address DYA-002 QP-001 --section \"4 定义\" --remove' 删去原链接（不再落实于该文件时只运行后者），然后重新发布：链接的改动随发布一并提交。",
          "",
        ].join("\n"),
      });
      expect(head(dir)).toBe(before);
      expect(git(dir, ["tag", "--list"])).toBe("");
      expect(git(dir, ["status", "--porcelain"])).toBe(" M documents/QP-001.yaml\n");
    });

    it("refuses, writing nothing, when a CSR file whose link must go into the release has other uncommitted changes", async () => {
      const dir = await repository(hook);
      await repointDya002(dir);
      const path = join(dir, "csr/DYA/DYA-002.yaml");
      writeFileSync(path, csrFile(dir, "DYA-002").replace("received: 2026-03-03\n", "received: 2026-03-03\ncategory: 包装\n"));
      const edited = csrFile(dir, "DYA-002");
      const before = head(dir);
      const result = await release(dir);
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: [
          "csr: csr/DYA/DYA-002.yaml (DYA-002) has uncommitted changes besides its links to QP-001, and its link as committed points at a section the new text of QP-001 no longer has, so it must go into the release's commit: nothing was written.",
          "hint: Commit those other changes first, leaving the links to QP-001 as committed (stage them alone with 'git add -p csr/DYA/DYA-002.yaml', then git commit), or undo them; then run csr release again.",
          "",
        ].join("\n"),
      });
      expect(head(dir)).toBe(before);
      expect(csrFile(dir, "DYA-002")).toBe(edited);
      expect(git(dir, ["status", "--porcelain"])).toBe(" M csr/DYA/DYA-002.yaml\n M documents/QP-001.yaml\n");
    });
  });
}

describe("csr release re-pointing a link in a CSR file not committed yet (tester23 F18)", { timeout: 120_000 }, () => {
  it("writes the re-pointed link there, not in the commit, and says so", async () => {
    const dir = await repository(false);
    writeFileSync(join(dir, "csr/DYA/DYA-003.yaml"), requirement("DYA-003", "周转箱须清洁") + "addressed:\n  - { document: QP-001, section: 5 作业流程 }\n");
    await repointDya002(dir);
    const result = await release(dir, "zh-CN");
    expect(result.stderr).toBe("");
    expect(result.stdout.replace(/提交 [0-9a-f]+/, "提交 <id>").split("\n")).toEqual([
      "已发布 QP-001 A/1（documents/QP-001.yaml）：提交 <id>，标签 QP-001/A-1。",
      "QP-001 A/1 把第 5 作业流程 节改为第 4 作业流程 节（标题未变）：DYA-001 的链接已随之改指该节，随发布一并提交。",
      "QP-001 A/1 把第 5 作业流程 节改为第 4 作业流程 节（标题未变）：DYA-003 的链接已随之改指该节（已写入，未提交，见下）。",
      "csr/DYA/DYA-002.yaml 中未提交的修改只涉及指向 QP-001 的链接，已随发布一并提交。",
      "csr/DYA/DYA-003.yaml 另有未提交的修改：链接的改动已写入，但没有随发布提交；请连同这些修改一起提交。",
      "",
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("?? csr/DYA/DYA-003.yaml\n");
    expect(sectionOf(dir, "DYA-003")).toBeUndefined();
    expect(csrFile(dir, "DYA-003")).toContain("  - {document: QP-001, section: 4 作业流程}\n");
  });
});

describe("csr release that would break several CSR links (tester23)", { timeout: 120_000 }, () => {
  it("names every one, a line each, before anything is written", async () => {
    const dir = await repository(false);
    writeFileSync(join(dir, "documents/QP-001.yaml"), procedure(SECTIONS.filter(([title]) => title !== "定义" && title !== "作业流程")));
    const before = head(dir);
    expect(await release(dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: The new text of QP-001 no longer has the sections that 2 CSR links point at: the release would break them; nothing was written.",
        "  DYA-001: section 5 作业流程",
        "  DYA-002: section 4 定义",
        "hint: For each, point the link at the section that addresses it now with 'csr address <CSR> QP-001 --section <section>' and remove the old one with 'csr address <CSR> QP-001 --section \"<old section>\" --remove' (only that, if the document no longer addresses it), then release again: the link changes are committed with the release.",
        "",
      ].join("\n"),
    });
    expect(head(dir)).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe(" M documents/QP-001.yaml\n");
  });
});
