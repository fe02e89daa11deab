/**
 * The CSR matrix's section numbers while a released document is being revised (修订中): `csr edit`
 * adds or renames a section in the draft, and the CSR links keep naming the sections of the version in
 * force, which the matrix and `csr show` print (IATF 16949 7.5.1.1: the copies in use), until `csr
 * release` moves them to the draft's numbers and titles. csr/section-dropped-in-revision warns on the
 * CSR whose section the draft lost. `--rename-section` in a draft re-points the links at once, and
 * refuses a title that would change what a CSR cites unsaid.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo, RELEASED_A0_LINES, releasedProcedure, tempDir } from "../helpers.js";

const lines = (...l: string[]) => l.join("\n") + "\n";
const TODAY = ["--today", "2026-12-04"];
const SIGNERS = ["--prepared", "zhang", "--reviewed", "li", "--approved", "wang"];

/** QP-010 released A/0: 1 目的, 2 内部实验室, 3 外部实验室. */
const PROCEDURE = releasedProcedure("QP-010", "监视和测量资源管理程序", [
  { title: "目的", text: "规定监视和测量资源的管理。" },
  { title: "内部实验室", text: "内部实验室按实验室范围开展试验。" },
  { title: "外部实验室", text: "外部实验室须经CNAS认可。" },
]);

const requirement = (id: string, section: string) =>
  lines(`id: ${id}`, "customer: DYA", "source: { document: DYA-SQM, revision: A }", "clauses: [IATF16949:7.1.5.3.2]", `title: 实验室要求 ${id}`, "received: 2026-11-20", "addressed:", `  - { document: QP-010, section: ${section} }`);

/** DYA-001 cites 3 外部实验室 by number and title, DYA-002 2 by number, DYA-003 内部实验室 by title; QP-010 is being revised (committed). */
async function revising(): Promise<string> {
  const dir = gitInit(
    minimalRepo({
      "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "class: A", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", "      - { revision: A, received: 2026-11-20 }"),
      "csr/DYA/DYA-001.yaml": requirement("DYA-001", "3 外部实验室"),
      "csr/DYA/DYA-002.yaml": requirement("DYA-002", '"2"'),
      "csr/DYA/DYA-003.yaml": requirement("DYA-003", "内部实验室"),
      "documents/QP-010.yaml": PROCEDURE,
    }),
  );
  const submit = await csrInProcess(["-C", dir, "submit", "QP-010", "--by", "zhang", "--commit", ...TODAY]);
  expect([submit.code, submit.stderr]).toEqual([0, ""]);
  return dir;
}

const csrFile = (dir: string, id: string) => readFileSync(join(dir, `csr/DYA/${id}.yaml`), "utf8");
const procedure = (dir: string) => readFileSync(join(dir, "documents/QP-010.yaml"), "utf8");

describe("csr edit on a released document being revised", () => {
  it("keeps the CSR links on the version in force (matrix, show, check), says where they go, and csr release moves them, renamed sections too", async () => {
    const dir = await revising();
    const text = join(tempDir(), "来料检测.md");
    writeFileSync(text, "来料按检验规范检测。\n");
    const add = await csrInProcess(["-C", dir, "edit", "QP-010", "--add-section", "来料检测", "--after", "1", "--from", text, "--commit", ...TODAY]);
    expect([add.code, add.stderr]).toEqual([0, ""]);
    expect(add.stdout.split("\n").slice(0, 3)).toEqual([
      "Added section 2 来料检测 after 1 in QP-010 (documents/QP-010.yaml).",
      "Renumbered: 2 内部实验室 → 3, 3 外部实验室 → 4.",
      "QP-010 is being revised: the CSR links still name the sections of the version in force, A/0 (the CSR matrix, csr show and csr site print them so, as the controlled copies in use read), and follow when QP-010 is released: DYA-001 3 外部实验室 → 4 外部实验室, DYA-002 2 → 3 内部实验室.",
    ]);
    // Nothing but the draft is written: the links are the version in force's.
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/QP-010.yaml\n");
    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", ...TODAY]);
    expect(matrix.stdout).toContain("QP-010,3 外部实验室,");
    expect(matrix.stdout).toContain("QP-010,2 内部实验室,");
    expect(matrix.stdout).not.toContain("原写");
    const show = await csrInProcess(["-C", dir, "show", "DYA-001", ...TODAY]);
    expect(show.stdout).toMatch(/QP-010 监视和测量资源管理程序 A\/0[^\n]*3 外部实验室\n/);
    const check = await checkJsonInProcess(dir, ...TODAY);
    expect(check.findings.filter((f) => f.rule.startsWith("csr/section"))).toEqual([]);

    const rename = await csrInProcess(["-C", dir, "edit", "QP-010", "--rename-section", "4", "--title", "外部检测机构", "--commit", ...TODAY]);
    expect([rename.code, rename.stderr]).toEqual([0, ""]);
    expect(rename.stdout.split("\n").slice(0, 3)).toEqual([
      "Renamed section 4 外部实验室 of QP-010 to '外部检测机构' (documents/QP-010.yaml).",
      "Cited by: DYA-001（3 外部实验室）.",
      "QP-010 is being revised: the CSR links still name the sections of the version in force, A/0 (the CSR matrix, csr show and csr site print them so, as the controlled copies in use read), and follow when QP-010 is released: DYA-001 3 外部实验室 → 4 外部检测机构.",
    ]);
    expect(procedure(dir)).toContain("  - title: 外部检测机构\n    renamed_from: 外部实验室\n    text: 外部实验室须经CNAS认可。\n");
    expect(csrFile(dir, "DYA-001")).toBe(requirement("DYA-001", "3 外部实验室"));

    // A section the draft loses (its title changed by hand) is said on the CSRs that cite it, before the release refuses them.
    writeFileSync(join(dir, "documents/QP-010.yaml"), procedure(dir).replace("  - title: 内部实验室\n", "  - title: 内部试验\n"));
    const dropped = await checkJsonInProcess(dir, ...TODAY);
    expect(dropped.findings.filter((f) => f.rule.startsWith("csr/section")).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      "csr/DYA/DYA-002.yaml:8 csr/section-dropped-in-revision",
      "csr/DYA/DYA-003.yaml:8 csr/section-dropped-in-revision",
    ]);
    git(dir, ["checkout", "--", "documents/QP-010.yaml"]);

    const release = await csrInProcess(["-C", dir, "release", "QP-010", "--summary", "增加来料检测", "--pages", "P2", "--total-pages", "3", ...SIGNERS, "--date", "2026-12-04", ...TODAY]);
    expect([release.code, release.stderr]).toEqual([0, ""]);
    expect(release.stdout).toContain("QP-010 A/1 makes section 3 外部实验室 4 外部检测机构 (renamed with csr edit --rename-section while revised): the link of DYA-001 is re-pointed there, in the release's commit.\n");
    expect(release.stdout).toContain("QP-010 A/1 numbers section 2 as 3 内部实验室 (same title): the link of DYA-002 is re-pointed there, in the release's commit.\n");
    expect(csrFile(dir, "DYA-001")).toBe(requirement("DYA-001", "3 外部实验室").replace("{ document: QP-010, section: 3 外部实验室 }", "{document: QP-010, section: 4 外部检测机构}"));
    expect(csrFile(dir, "DYA-002")).toBe(requirement("DYA-002", '"2"').replace('{ document: QP-010, section: "2" }', '{document: QP-010, section: "3 内部实验室"}'));
    expect(csrFile(dir, "DYA-003")).toBe(requirement("DYA-003", "内部实验室"));
    expect(procedure(dir)).not.toContain("renamed_from");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const after = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", ...TODAY]);
    expect(after.stdout).toContain("QP-010,4 外部检测机构,");
  });
});

describe("csr edit --rename-section in a draft", () => {
  it("re-points the links that name the section by its title, lists every CSR citing it, and refuses a title that would change what a CSR cites", async () => {
    const dir = gitInit(
      minimalRepo({
        "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "class: A", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", "      - { revision: A, received: 2026-11-20 }"),
        "csr/DYA/DYA-001.yaml": requirement("DYA-001", "3 外部实验室"),
        "csr/DYA/DYA-002.yaml": requirement("DYA-002", '"3"'),
        "csr/DYA/DYA-003.yaml": requirement("DYA-003", "外部检测"),
        "documents/QP-010.yaml": PROCEDURE.replace("status: released\n", "status: draft\n").replace(RELEASED_A0_LINES.join("\n") + "\n", ""),
      }),
    );
    const taken = await csrInProcess(["-C", dir, "edit", "QP-010", "--rename-section", "3", "--title", "内部实验室", ...TODAY]);
    expect([taken.code, taken.stderr]).toEqual([2, "csr: Section 2 内部实验室 of QP-010 is titled '内部实验室' already: with two sections of one title, a CSR link by title could not tell them apart. Not renamed; choose another title.\n"]);
    // DYA-003 cites 外部检测, which names no section now: renamed so, section 3 would become what it cites.
    const unsaid = await csrInProcess(["-C", dir, "edit", "QP-010", "--rename-section", "外部实验室", "--title", "外部检测", ...TODAY]);
    expect([unsaid.code, unsaid.stderr]).toEqual([
      2,
      "csr: Renamed, QP-010 3 外部实验室 would be cited by the links of DYA-003（外部检测）: the '外部检测' they write names no section, or another, now, and the rename would change what these CSRs cite unsaid. Not renamed.\nhint: Re-point or remove those links with 'csr address' first, or choose another title.\n",
    ]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const none = await csrInProcess(["-C", dir, "edit", "QP-010", "--rename-section", "3"]);
    expect([none.code, none.stderr]).toEqual([2, "csr: --rename-section needs --title: the section's new title.\n"]);

    const rename = await csrInProcess(["-C", dir, "--lang", "zh-CN", "edit", "QP-010", "--rename-section", "3 外部实验室", "--title", "外部检测机构", ...TODAY]);
    expect([rename.code, rename.stderr]).toEqual([0, ""]);
    expect(rename.stdout.split("\n").slice(0, 3)).toEqual([
      "已把 QP-010 的章节 3 外部实验室 改名为“外部检测机构”（documents/QP-010.yaml）。",
      "引用该章节的 CSR：DYA-001（3 外部实验室）、DYA-002（3）。",
      "已改指 DYA-001 的链接（csr/DYA/DYA-001.yaml）：3 外部实验室 → 3 外部检测机构。",
    ]);
    expect(csrFile(dir, "DYA-001")).toBe(requirement("DYA-001", "3 外部实验室").replace("{ document: QP-010, section: 3 外部实验室 }", "{document: QP-010, section: 3 外部检测机构}"));
    expect(csrFile(dir, "DYA-002")).toBe(requirement("DYA-002", '"3"'));
    expect(procedure(dir)).toContain("  - title: 外部检测机构\n    text: 外部实验室须经CNAS认可。\n");
    expect(procedure(dir)).not.toContain("renamed_from");
  });
});
