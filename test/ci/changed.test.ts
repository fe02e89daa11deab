import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkJsonInProcess, csr, git, gitInit, minimalRepo } from "../helpers.js";
import { PROCESS_MAP } from "./process-map.js";

const procedure = (id: string, extra: string[] = []) =>
  [`id: ${id}`, "title: 特殊特性管理程序", "level: 2", "kind: procedure", "department: QA", "status: draft", ...extra, ""].join("\n");
const form = (id: string) => [`id: ${id}`, "title: 特殊特性清单", "level: 4", "kind: form", "department: QA", "status: draft", ""].join("\n");

/** Findings as `rule file` lines, the part --changed-only decides. */
async function findings(dir: string, ...args: string[]): Promise<string[]> {
  // A day after the CSR arrived, so that no deadline rule has anything to say.
  const result = await checkJsonInProcess(dir, "--today", "2026-01-06", ...args);
  expect(result.stderr).toBe("");
  return result.findings.map((f) => `${f.rule} ${f.file}`);
}

describe("csr check --base <rev> --changed-only", () => {
  let dir: string;
  beforeEach(() => {
    dir = gitInit(
      minimalRepo({
        "processes.yaml": PROCESS_MAP,
        "documents/QP-001.yaml": procedure("QP-001", ["forms: [QR-001-01]"]),
        "documents/QR-001-01.yaml": form("QR-001-01"),
        // A finding that is already on the base branch and has nothing to do with the changes below.
        "documents/QP-002.yaml": procedure("QP-002", ["related: [QP-404]"]),
        "customers/HX.yaml": ["code: HX", "name: 华夏汽车", "sources:", "  - id: SQM", "    title: 供应商质量手册", "    department: QA", "    revisions:", "      - { revision: A, received: 2026-01-05 }", ""].join("\n"),
        "csr/HX/HX-001.yaml": [
          "id: HX-001",
          "customer: HX",
          "source: { document: SQM, revision: A }",
          'clauses: ["IATF16949:8.3.3.3"]',
          "title: 特殊特性符号",
          "received: 2026-01-05",
          "addressed:",
          "  - document: QP-001",
          "",
        ].join("\n"),
      }),
    );
  });

  it("reports nothing when nothing changed, while the full check still sees the old finding", async () => {
    expect(await findings(dir)).toEqual(["ref/unresolved documents/QP-002.yaml"]);
    expect(await findings(dir, "--base", "HEAD", "--changed-only")).toEqual([]);
  });

  it("keeps findings in a changed file and in the unchanged files that refer to what it defined", async () => {
    writeFileSync(join(dir, "documents/QR-001-01.yaml"), form("QR-001-02"));
    expect(await findings(dir, "--base", "HEAD", "--changed-only")).toEqual(["ref/unresolved documents/QP-001.yaml", "id/file-name documents/QR-001-01.yaml"]);
  });

  it("sees staged renames, deletions and untracked files with Chinese names", async () => {
    renameSync(join(dir, "documents/QR-001-01.yaml"), join(dir, "documents/特殊特性清单.yaml"));
    git(dir, ["add", "-A", "documents"]);
    git(dir, ["rm", "-q", "customers/HX.yaml"]);
    writeFileSync(join(dir, "documents/新程序.yaml"), procedure("QP-003"));
    expect(await findings(dir, "--base", "HEAD", "--changed-only")).toEqual([
      "ref/unresolved csr/HX/HX-001.yaml",
      "id/file-name documents/新程序.yaml",
      "id/file-name documents/特殊特性清单.yaml",
    ]);
  });

  it("compares with a named base revision, not just the last commit", async () => {
    git(dir, ["branch", "base"]);
    writeFileSync(join(dir, "documents/QR-001-01.yaml"), form("QR-001-02"));
    git(dir, ["commit", "-qam", "renumber the form"]);
    expect(await findings(dir, "--base", "base", "--changed-only")).toEqual(["ref/unresolved documents/QP-001.yaml", "id/file-name documents/QR-001-01.yaml"]);
    expect(await findings(dir, "--base", "HEAD", "--changed-only")).toEqual([]);
  });

  it("keeps everything when qms.yaml changed", async () => {
    writeFileSync(join(dir, "qms.yaml"), git(dir, ["show", "HEAD:qms.yaml"]) + "language: zh-CN\n");
    expect(await findings(dir, "--base", "HEAD", "--changed-only")).toEqual(["ref/unresolved documents/QP-002.yaml"]);
  });

  it("keeps everything when the process map changed, even for a code it no longer defines", async () => {
    writeFileSync(join(dir, "documents/QP-001.yaml"), procedure("QP-001", ["forms: [QR-001-01]", "processes: [C1]"]));
    git(dir, ["commit", "-qam", "QP-001 belongs to C1"]);
    writeFileSync(join(dir, "processes.yaml"), git(dir, ["show", "HEAD:processes.yaml"]).replace("code: C1", "code: C1X"));
    expect(await findings(dir, "--base", "HEAD", "--changed-only")).toEqual(["ref/unresolved documents/QP-001.yaml", "ref/unresolved documents/QP-002.yaml"]);
  });

  it("needs --base, and a base that exists", () => {
    expect(csr(["-C", dir, "check", "--changed-only"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --changed-only needs --base <rev>, the revision to compare with.\nhint: In a pull request: csr check --base origin/main --changed-only\n",
    });
    // The exact wording belongs to whichever part of csr reads --base first.
    const unknown = csr(["-C", dir, "check", "--base", "origin/nowhere", "--changed-only"]);
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toMatch(/^csr: .*'?origin\/nowhere'?.*\nhint: In CI, fetch .*\n$/);
  });

  it("refuses outside a git repository", () => {
    rmSync(join(dir, ".git"), { recursive: true });
    const result = csr(["-C", dir, "check", "--base", "HEAD", "--changed-only"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^csr: --base needs a git repository; ${dir} is not [a-z ]*one\\.\\n$`));
  });
});
