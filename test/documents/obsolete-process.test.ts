/**
 * A document withdrawn while a process of processes.yaml still lists it among its documents
 * (tester48 #14): csr check reports the entry (doc/obsolete-referenced, at its line and column), and
 * csr obsolete refuses as it does for a released document that refers to it, saying how to put it right;
 * the site's process page marks it withdrawn.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csrInProcess, git, gitInit, tempDir } from "../helpers.js";

const TODAY = "2026-11-27";

/** The CSR fixture with a process P1 whose documents are QP-020 and WI-031, and DYA-003 addressed in both, as a git repository. */
function repository(): string {
  const dir = copyFixture("test/fixtures/csr/valid");
  const csr = join(dir, "csr/DYA/DYA-003.yaml");
  writeFileSync(csr, readFileSync(csr, "utf8").replace('  - { document: WI-031, section: "5.2" }\n', '  - { document: WI-031, section: "5.2" }\n  - { document: QP-020 }\n'));
  writeFileSync(join(dir, "processes.yaml"), "processes:\n  - code: P1\n    name: 包装与交付\n    type: customer-oriented\n    documents: [QP-020, WI-031]\n");
  return gitInit(dir);
}

const withdraw = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "obsolete", "WI-031", "--reason", "并入QP-020", ...args, "--date", "2026-11-26", "-y"]);

describe("a document a process lists, withdrawn", () => {
  it("csr obsolete refuses, naming the process's entry and the command that removes it; once removed, it withdraws", async () => {
    const dir = repository();
    const refused = await withdraw(dir, "--superseded-by", "QP-020");
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n").filter((l) => l.includes("processes.yaml"))).toEqual([
      "  processes.yaml:5:25 doc/obsolete-referenced Process P1 包装与交付 still lists WI-031, obsolete since 2026-11-26, among its documents (documents in processes.yaml). QP-020, which supersedes it, is listed already: remove the entry with 'csr process update P1 --remove-document WI-031'.",
    ]);
    expect(readFileSync(join(dir, "documents/WI-031.yaml"), "utf8")).not.toContain("obsolete");
    expect((await csrInProcess(["-C", dir, "process", "update", "P1", "--remove-document", "WI-031", "-y", "--commit"])).code).toBe(0);
    expect((await withdraw(dir, "--superseded-by", "QP-020")).code).toBe(0);
  });

  it("csr check reports a process that lists an obsolete document at the entry, and csr obsolete names the process when the rule is a warning", async () => {
    const dir = repository();
    const config = join(dir, "qms.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("rules:\n", "rules:\n  doc/obsolete-referenced: warning\n"));
    git(dir, ["commit", "-qam", "rule as a warning"]);
    const withdrawn = await withdraw(dir);
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stdout.split("\n").filter((l) => l.includes("processes.yaml"))).toEqual([
      "These processes still list WI-031 among their documents in processes.yaml (csr check reports doc/obsolete-referenced); remove it ('csr process update <process> --remove-document WI-031'):",
      "  processes.yaml  P1 包装与交付",
    ]);
    const { findings } = await checkJsonInProcess(dir, "--today", TODAY);
    expect(findings.filter((f) => f.rule === "doc/obsolete-referenced").map((f) => [`${f.file}:${f.line}:${f.column}`, f.severity, f.message])).toEqual([
      ["processes.yaml:5:25", "warning", "Process P1 包装与交付 still lists WI-031, obsolete since 2026-11-26, among its documents (documents in processes.yaml). Remove the entry with 'csr process update P1 --remove-document WI-031', or list a document in force instead."],
    ]);
    // The site's process page marks it, and the dashboard counts it under 引用作废文件.
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", TODAY], { lang: "zh-CN" })).code).toBe(0);
    const page = readFileSync(join(out, "processes/P1.html"), "utf8");
    // A row of the page's table of the process's documents (257de900): status 作废 with its day, and that the process still lists it.
    expect(page).toContain('WI-031.html">WI-031</a></td><td>包装作业指导书</td><td class="code"></td><td class="date"></td><td>作废（2026-11-26）</td><td>过程仍列出</td></tr>');
  });
});
