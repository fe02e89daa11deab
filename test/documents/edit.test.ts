/**
 * `csr edit`: a document's body changed by a command, not by hand in YAML (tester77 E6): a section's
 * text or the whole body in an editor (EDITOR set to a small script here), or from --from; a section
 * added or removed; a table row appended; refusals of a released, an obsolete, an in-review document
 * and during a merge conflict, each writing nothing. YAML comments and layout elsewhere are kept.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendTableRow, bodyMarkdown, parseBody, shortDiff } from "../../src/commands/edit/body.js";
import { documentSections } from "../../src/model/sections.js";
import { csr, csrInProcess, git, gitInit, minimalRepo, releasedProcedure, tempDir } from "../helpers.js";

const lines = (...l: string[]) => l.join("\n") + "\n";
const TODAY = ["--today", "2026-12-04"];

/** A draft with a comment, CJK titles, a table and nested sections: 1 目的, 2 控制方法, 3 作业流程, 3.1 包装, 3.2 交付. */
const DRAFT = lines(
  "# 包装与交付管理程序（草稿，品质部编写）",
  "id: QP-001",
  "title: 包装与交付管理程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: draft",
  "sections:",
  "  - title: 目的",
  "    text: 规定包装和交付的控制方法。",
  "  - title: 控制方法 # 表格由品质部维护",
  "    text: |",
  "      | 工序号 | 工序名称 | 控制方法 |",
  "      |---|---|---|",
  "      | OP20 | 扣压 | SPC |",
  "  - title: 作业流程",
  "    sections:",
  "      - title: 包装",
  "        text: 按顾客要求包装。",
  "      - title: 交付",
  "        text: 每箱贴标签。",
);

const REQUIREMENT = lines(
  "id: DYA-001",
  "customer: DYA",
  "source: { document: DYA-SQM, revision: A }",
  "clauses: [IATF16949:8.5.4]",
  "title: 包装须使用顾客周转箱",
  "text: 包装须使用顾客周转箱。",
  "received: 2026-03-03",
  "addressed:",
  "  - { document: QP-001, section: 3.1 包装 }",
);

/** The repository: QP-001 the draft, QP-002 released (A/0), QP-003 obsolete, QP-004 released and being revised, QP-005 in review; DYA-001 cites QP-001 3.1. */
function repository(): string {
  const released = (id: string) => releasedProcedure(id, "记录控制程序", { title: "目的", text: "规定记录控制。" });
  return gitInit(
    minimalRepo({
      "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "class: A", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", "      - { revision: A, received: 2026-03-03 }"),
      "csr/DYA/DYA-001.yaml": REQUIREMENT,
      "documents/QP-001.yaml": DRAFT,
      "documents/QP-002.yaml": released("QP-002"),
      "documents/QP-003.yaml": released("QP-003").replace("status: released\n", "status: obsolete\nobsolete: {date: 2026-11-20, reason: 并入QP-002}\n"),
      "documents/QP-004.yaml": released("QP-004").replace("sections:", "revising: { since: 2026-11-30, by: zhang }\nsections:"),
      "documents/QP-005.yaml": DRAFT.replace("id: QP-001", "id: QP-005").replace("status: draft", "status: in-review"),
    }),
  );
}

/** An editor: a node script that replaces `from` by `to` in the file it is given (EDITOR runs it with the file's path). */
function editor(from: string, to: string): Record<string, string> {
  const script = join(tempDir(), "editor.mjs");
  writeFileSync(script, `import { readFileSync, writeFileSync } from "node:fs";\nconst f = process.argv[2];\nwriteFileSync(f, readFileSync(f, "utf8").replace(${JSON.stringify(from)}, ${JSON.stringify(to)}));\n`);
  return { EDITOR: `node ${script}`, VISUAL: "" };
}

const file = (dir: string, id = "QP-001") => readFileSync(join(dir, `documents/${id}.yaml`), "utf8");

describe("csr edit: a section's text in an editor", () => {
  it("changes the section's text, keeps the comments and every other line, prints a short diff and the document's check", async () => {
    const dir = repository();
    const run = await csrInProcess(["-C", dir, "edit", "QP-001", "--section", "3.1", ...TODAY], { env: editor("按顾客要求包装。", "按顾客要求包装，\n每箱装 20 件。") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      lines(
        "QP-001 3.1 包装:",
        "- 按顾客要求包装。",
        "+ 按顾客要求包装，",
        "+ 每箱装 20 件。",
        "Edited QP-001 (documents/QP-001.yaml): 3.1 包装.",
        "Wrote documents/QP-001.yaml; not committed (git commit it, or run with --commit).",
        "Check of QP-001: no problems found.",
      ),
    );
    expect(file(dir)).toBe(DRAFT.replace("        text: 按顾客要求包装。\n", "        text: |\n          按顾客要求包装，\n          每箱装 20 件。\n"));
    // The text given to the editor is gone once written.
    expect(existsSync(join(dir, ".git/csr-edit/QP-001-3.1.md"))).toBe(false);
  });

  it("finds a section by its Chinese title, commits with --commit, and writes nothing for an unchanged text", async () => {
    const dir = repository();
    const run = await csrInProcess(["-C", dir, "edit", "QP-001", "--section", "控制方法", "--commit", ...TODAY], { env: editor("| OP20 | 扣压 | SPC |", "| OP20 | 扣压 | SPC+防错 |") });
    expect(run.stderr).toBe("");
    const commit = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(run.stdout).toBe(
      lines(
        "QP-001 2 控制方法:",
        "  |---|---|---|",
        "- | OP20 | 扣压 | SPC |",
        "+ | OP20 | 扣压 | SPC+防错 |",
        "Edited QP-001 (documents/QP-001.yaml): 2 控制方法.",
        `Committed ${commit}: csr edit QP-001: 2 控制方法`,
        "Check of QP-001: no problems found.",
      ),
    );
    expect(file(dir)).toBe(DRAFT.replace("| OP20 | 扣压 | SPC |", "| OP20 | 扣压 | SPC+防错 |"));
    const same = await csrInProcess(["-C", dir, "edit", "QP-001", "--section", "2", ...TODAY], { env: { EDITOR: "true", VISUAL: "" } });
    expect([same.code, same.stdout, same.stderr]).toEqual([0, "QP-001 2 控制方法: the text is unchanged; nothing written.\n", ""]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("edits the whole body as Markdown with a '## 3.1 包装' heading per section, and refuses a changed heading, keeping the text typed", async () => {
    const dir = repository();
    const run = await csrInProcess(["-C", dir, "edit", "QP-001", ...TODAY], { env: editor("每箱贴标签。", "每箱贴标签，标签按顾客格式。") });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").slice(0, 4)).toEqual(["QP-001 3.2 交付:", "- 每箱贴标签。", "+ 每箱贴标签，标签按顾客格式。", "Edited QP-001 (documents/QP-001.yaml): 3.2 交付."]);
    expect(file(dir)).toBe(DRAFT.replace("每箱贴标签。", "每箱贴标签，标签按顾客格式。"));
    const renamed = await csrInProcess(["-C", dir, "edit", "QP-001", ...TODAY], { env: editor("## 3.2 交付", "## 3.2 交货") });
    const kept = join(dir, ".git/csr-edit/QP-001-body.md");
    expect([renamed.code, renamed.stdout, renamed.stderr]).toEqual([
      2,
      "",
      lines(
        "csr: Line 17 of the text of QP-001 is '## 3.2 交货', where the body has '## 3.2 交付': headings are not changed here.",
        "hint: Change only the texts under the headings; add or remove a section with 'csr edit QP-001 --add-section <title>' or '--remove-section <number>'.",
        `Your text is kept in ${kept}: apply it with 'csr edit QP-001 --from ${kept}' once the cause is mended.`,
      ),
    ]);
    expect(readFileSync(kept, "utf8")).toContain("## 3.2 交货\n");
    expect(file(dir)).toBe(DRAFT.replace("每箱贴标签。", "每箱贴标签，标签按顾客格式。"));
  });

  it("edits a released document being revised, in Chinese", async () => {
    const dir = repository();
    const run = await csrInProcess(["-C", dir, "edit", "QP-004", "--section", "1 目的", ...TODAY], { env: editor("规定记录控制。", "规定记录的标识、贮存和处置。"), lang: "zh-CN" });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").slice(0, 4)).toEqual(["QP-004 1 目的：", "- 规定记录控制。", "+ 规定记录的标识、贮存和处置。", "已修改 QP-004（documents/QP-004.yaml）：1 目的。"]);
    expect(file(dir, "QP-004")).toContain("    text: 规定记录的标识、贮存和处置。\n");
  });
});

describe("csr edit --from", () => {
  it("replaces a section's text from a file, and from standard input (the binary)", async () => {
    const dir = repository();
    const text = join(tempDir(), "purpose.md");
    writeFileSync(text, "规定包装、防护和交付的控制方法。\n\n适用于所有顾客。\n");
    const run = await csrInProcess(["-C", dir, "edit", "QP-001", "--section", "目的", "--from", text, ...TODAY]);
    expect(run.stderr).toBe("");
    expect(file(dir)).toContain("  - title: 目的\n    text: |\n      规定包装、防护和交付的控制方法。\n\n      适用于所有顾客。\n  - title: 控制方法 # 表格由品质部维护\n");
    const piped = csr(["-C", dir, "edit", "QP-001", "--section", "3.2", "--from", "-", ...TODAY], { input: "每箱贴顾客标签。\n" });
    expect([piped.code, piped.stderr]).toEqual([0, ""]);
    expect(piped.stdout.split("\n").slice(0, 4)).toEqual(["QP-001 3.2 交付:", "- 每箱贴标签。", "+ 每箱贴顾客标签。", "Edited QP-001 (documents/QP-001.yaml): 3.2 交付."]);
    expect(file(dir)).toContain("      - title: 交付\n        text: 每箱贴顾客标签。\n");
  });
});

describe("csr edit refuses, writing nothing", () => {
  it("a released document not being revised, an obsolete one, one in review, an unknown section", async () => {
    const dir = repository();
    const text = join(tempDir(), "text.md");
    writeFileSync(text, "新的文字。\n");
    const refused = async (...args: string[]) => {
      const r = await csrInProcess(["-C", dir, "edit", ...args, "--from", text, ...TODAY]);
      return [r.code, r.stdout, r.stderr];
    };
    expect(await refused("QP-002", "--section", "1")).toEqual([
      2,
      "",
      "csr: QP-002 is released (A/0) and not being revised: its change belongs to the next revision; open it with 'csr submit QP-002', then edit.\n",
    ]);
    expect(await refused("QP-003", "--section", "1")).toEqual([2, "", "csr: QP-003 was withdrawn on 2026-11-20; its content no longer changes.\n"]);
    expect(await refused("QP-005", "--section", "1")).toEqual([
      2,
      "",
      "csr: QP-005 is in review (审批中), and its reviewers must see every change, so it was left as it is.\nhint: Withdraw it first ('csr submit QP-005 --withdraw'), make the change and submit it again ('csr submit QP-005'), or make it in its next revision.\n",
    ]);
    expect(await refused("QP-001", "--section", "4")).toEqual([2, "", "csr: QP-001 has no section '4' (--section); its sections: 1 目的, 2 控制方法, 3 作业流程, 3.1 包装, 3.2 交付.\n"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("in Chinese, a released document, naming csr submit", async () => {
    const dir = repository();
    const r = await csrInProcess(["-C", dir, "edit", "QP-002", "--section", "1", ...TODAY], { env: editor("x", "y"), lang: "zh-CN" });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", "csr: QP-002 已发布（A/0），不在修订中：正文的修改属于下一版，请先用 'csr submit QP-002' 开始修订，再编辑。\n"]);
  });

  it("during a merge conflict, before opening the editor", async () => {
    const dir = repository();
    git(dir, ["checkout", "-q", "-b", "other"]);
    writeFileSync(join(dir, "documents/QP-001.yaml"), DRAFT.replace("每箱贴标签。", "每箱贴标签（其他分支）。"));
    git(dir, ["commit", "-q", "-am", "other"]);
    git(dir, ["checkout", "-q", "-"]);
    writeFileSync(join(dir, "documents/QP-001.yaml"), DRAFT.replace("每箱贴标签。", "每箱贴标签（主分支）。"));
    git(dir, ["commit", "-q", "-am", "main"]);
    try {
      git(dir, ["merge", "-q", "other"]);
    } catch {
      // The conflict is the point.
    }
    const before = file(dir);
    const r = await csrInProcess(["-C", dir, "edit", "QP-004", "--section", "1", ...TODAY], { env: { EDITOR: "false", VISUAL: "" } });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      "",
      "csr: The repository has unresolved merge conflicts (documents/QP-001.yaml); csr writes nothing until they are resolved.\nhint: Resolve the conflicts, 'git add' the files and commit, then run the command again.\n",
    ]);
    expect(file(dir)).toBe(before);
  });
});

describe("csr edit --add-section, --remove-section, --append-row", () => {
  it("adds a section after another, renumbering the ones after it and re-pointing the CSR links to them; removes one; refuses to remove one a CSR cites", async () => {
    const dir = repository();
    const add = await csrInProcess(["-C", dir, "edit", "QP-001", "--add-section", "检验", "--after", "1", "--commit", ...TODAY]);
    expect(add.stderr).toBe("");
    const commit = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(add.stdout).toBe(
      lines(
        "Added section 2 检验 after 1 in QP-001 (documents/QP-001.yaml).",
        "It has no text yet: write it with 'csr edit QP-001 --section 2' (a document goes for approval complete).",
        "Renumbered: 2 控制方法 → 3, 3 作业流程 → 4, 3.1 包装 → 4.1, 3.2 交付 → 4.2.",
        "Re-pointed the link of DYA-001 (csr/DYA/DYA-001.yaml): 3.1 包装 → 4.1 包装.",
        `Committed ${commit}: csr edit QP-001: section 2 检验 added`,
        "Check of QP-001: no problems found.",
      ),
    );
    expect(file(dir)).toContain("    text: 规定包装和交付的控制方法。\n  - title: 检验\n  - title: 控制方法 # 表格由品质部维护\n");
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toBe(REQUIREMENT.replace("{ document: QP-001, section: 3.1 包装 }", "{document: QP-001, section: 4.1 包装}"));
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("csr/DYA/DYA-001.yaml\ndocuments/QP-001.yaml\n");
    const cited = await csrInProcess(["-C", dir, "edit", "QP-001", "--remove-section", "包装", ...TODAY]);
    expect([cited.code, cited.stdout, cited.stderr]).toEqual([
      2,
      "",
      "csr: QP-001 4.1 包装 is cited by DYA-001（4.1 包装）: removed, the link would point nowhere (csr/section-missing), and 'csr release' would refuse the revision.\nhint: Point the link at the section that now addresses the requirement ('csr address DYA-001 QP-001 --section <section>'), or remove it ('csr address DYA-001 QP-001 --remove'), then remove the section.\n",
    ]);
    const remove = await csrInProcess(["-C", dir, "edit", "QP-001", "--remove-section", "2 检验", ...TODAY]);
    expect(remove.stderr).toBe("");
    expect(remove.stdout.split("\n").slice(0, 3)).toEqual([
      "Removed section 2 检验 of QP-001 (documents/QP-001.yaml).",
      "Renumbered: 3 控制方法 → 2, 4 作业流程 → 3, 4.1 包装 → 3.1, 4.2 交付 → 3.2.",
      "Re-pointed the link of DYA-001 (csr/DYA/DYA-001.yaml): 4.1 包装 → 3.1 包装.",
    ]);
    expect(file(dir)).toBe(DRAFT);
    expect(readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8")).toBe(REQUIREMENT.replace("{ document: QP-001, section: 3.1 包装 }", "{document: QP-001, section: 3.1 包装}"));
  });

  it("adds a section with its text from --from, at the end", async () => {
    const dir = repository();
    const add = csr(["-C", dir, "edit", "QP-001", "--add-section", "记录", "--from", "-", ...TODAY], { input: "包装检验记录保存 3 年。\n" });
    expect([add.code, add.stderr]).toEqual([0, ""]);
    expect(add.stdout.split("\n")[0]).toBe("Added section 4 记录 at the end of QP-001 (documents/QP-001.yaml).");
    expect(file(dir)).toBe(DRAFT + "  - title: 记录\n    text: 包装检验记录保存 3 年。\n");
  });

  it("appends a table row with as many cells as the header, and refuses one that has more", async () => {
    const dir = repository();
    const row = await csrInProcess(["-C", dir, "edit", "QP-001", "--section", "2", "--append-row", "| OP40 | 终检 | 100%目视 |", ...TODAY]);
    expect(row.stderr).toBe("");
    expect(row.stdout.split("\n").slice(0, 4)).toEqual(["QP-001 2 控制方法:", "  | OP20 | 扣压 | SPC |", "+ | OP40 | 终检 | 100%目视 |", "Appended a row to the table of QP-001 2 控制方法 (documents/QP-001.yaml)."]);
    expect(file(dir)).toBe(DRAFT.replace("      | OP20 | 扣压 | SPC |\n", "      | OP20 | 扣压 | SPC |\n      | OP40 | 终检 | 100%目视 |\n"));
    const wide = await csrInProcess(["-C", dir, "edit", "QP-001", "--section", "2", "--append-row", "OP50 | 包装 | 目视 | 每箱", ...TODAY]);
    expect([wide.code, wide.stdout, wide.stderr]).toEqual([2, "", "csr: The row has 4 cells, the table of QP-001 2 控制方法 has 3: give one cell per column (a '|' inside a cell is written '\\|').\n"]);
  });
});

describe("the body as Markdown (pure)", () => {
  const sections = documentSections({
    sections: [
      { title: "目的", text: "规定。" },
      { title: "作业流程", sections: [{ title: "包装", text: "按要求。\n" }] },
    ],
  });

  it("writes a heading per section and reads the texts back", () => {
    const body = bodyMarkdown(sections);
    expect(body).toBe("## 1 目的\n\n规定。\n\n## 2 作业流程\n\n## 2.1 包装\n\n按要求。\n");
    expect(parseBody(body.replace("规定。", "规定包装。\n\n"), sections)).toEqual({ texts: ["规定包装。", "", "按要求。"] });
    expect(parseBody("前言\n" + body, sections)).toEqual({ problem: { kind: "before-first", line: 1 } });
    expect(parseBody(body.replace("## 2.1 包装\n\n按要求。\n", ""), sections)).toEqual({ problem: { kind: "missing", expected: "## 2.1 包装" } });
    expect(parseBody(body + "\n## 3 记录\n", sections)).toEqual({ problem: { kind: "extra", line: 11, found: "## 3 记录" } });
    // A heading inside a code fence is text.
    expect(parseBody(body.replace("规定。", "```\n## 9 示例\n```"), sections)).toEqual({ texts: ["```\n## 9 示例\n```", "", "按要求。"] });
  });

  it("diffs with one line of context and appends a row after the table's last row", () => {
    expect(shortDiff("a\nb\nc\nd\ne", "a\nB\nc\nd\nE")).toEqual([{ op: " ", line: "a" }, { op: "-", line: "b" }, { op: "+", line: "B" }, { op: " ", line: "c" }, { op: " ", line: "d" }, { op: "-", line: "e" }, { op: "+", line: "E" }]);
    expect(appendTableRow("表：\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n注：无。", "3 | 4")).toEqual({ text: "表：\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n注：无。" });
    expect(appendTableRow("无表格。", "| 1 |")).toEqual({ problem: "no-table" });
    expect(appendTableRow("| a |\n|---|\n\n| b |\n|---|", "| 1 |")).toEqual({ problem: "several-tables", count: 2 });
    expect(appendTableRow("| a | b |\n|---|---|", "| 1 \\| 2 |")).toEqual({ problem: "cells", cells: 1, header: 2 });
  });
});
