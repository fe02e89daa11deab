/**
 * A withdrawn document's withdrawal record (obsolete: date, successor) edited by hand (tester54b B2,
 * WI-003 on pr7), through the pre-commit hook that `csr init` writes (`csr check --staged --base
 * HEAD`) and CI's `csr check --base <rev>`: refused, as a rewritten revision signature is. The CSR
 * fixture's QP-009 was withdrawn on 2026-03-01, superseded by QP-020.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csr, git } from "../helpers.js";
import { gitRun, hookedRepo } from "./hooked.js";

const FILE = "documents/QP-009.yaml";
const findings = (output: string) => output.split("\n").filter((line) => /^\S+:\d+:\d+ \w+ doc\/withdrawal-rewritten /.test(line));

describe("a withdrawn document's withdrawal record edited by hand (tester54b B2)", () => {
  let dir: string;
  beforeAll(() => {
    dir = hookedRepo();
  });

  it("is refused by the pre-commit hook and reported by csr check --base, with both values", () => {
    const text = readFileSync(join(dir, FILE), "utf8");
    writeFileSync(join(dir, FILE), text.replace("date: 2026-03-01", "date: 2026-02-01").replace("superseded_by: QP-020", "superseded_by: WI-031"));
    const commit = gitRun(dir, ["commit", "-q", "-a", "-m", "hand edit"]);
    expect(findings(commit.stderr)).toEqual([
      "documents/QP-009.yaml:8:9 error doc/withdrawal-rewritten QP-009 的作废记录自 HEAD 以来被手工改写（作废日期 2026-03-01 → 2026-02-01；替代文件 QP-020 → WI-031）。作废记录是文件何时停止使用、由什么替代的证据，由 csr obsolete 一次记录，不再改写。请改回原样（git show HEAD:documents/QP-009.yaml）。",
    ]);
    expect(commit.code).toBe(1);
    git(dir, ["commit", "-q", "--no-verify", "-am", "hand edit"]);
    expect(findings(csr(["-C", dir, "check", "--base", "HEAD~1"]).stdout)).toEqual([
      "documents/QP-009.yaml:8:9 error doc/withdrawal-rewritten QP-009's withdrawal record was rewritten by hand since HEAD~1 (date 2026-03-01 → 2026-02-01; superseded by QP-020 → WI-031). It is the evidence of when the document stopped being in force and what replaced it, recorded once by csr obsolete and never rewritten. Change it back (git show HEAD~1:documents/QP-009.yaml).",
    ]);
    // Its whole record removed, the document put back in force, is reported too.
    writeFileSync(join(dir, FILE), text.replace("status: obsolete", "status: released").replace(/obsolete:\n(  .*\n)+/, ""));
    expect(findings(csr(["-C", dir, "check", "--base", "HEAD~1"]).stdout)).toEqual([
      "documents/QP-009.yaml:6:9 error doc/withdrawal-rewritten QP-009 was obsolete at HEAD~1 (2026-03-01, 并入特殊特性管理程序) and its withdrawal record has been removed. A withdrawal is not undone: restore it (git show HEAD~1:documents/QP-009.yaml); if the document is needed again, issue it anew with csr new and release it.",
    ]);
  });
});
