import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, csr, csrInProcess, git, makeRepo } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

describe("an interrupted write", () => {
  it("leaves the old file byte for byte and no partial file when the disk refuses the new one", () => {
    // A file-size limit makes the write fail part-way, deterministically: the same as a full disk.
    const dir = validRepo();
    const path = "csr/DYA/DYA-002.yaml";
    makeRepo({ [path]: read(dir, path).replace("received:", `text: ${"客户要求".repeat(300)}\nreceived:`) }, dir);
    const before = readFileSync(join(dir, path));
    const files = tree(dir);
    const args = ["--lang", "en", "-C", dir, "review", "DYA-002", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-26"];
    const result = spawnSync("bash", ["-c", 'ulimit -f 2 && exec "$0" "$@"', process.execPath, BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(before.length).toBeGreaterThan(2048);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `csr: Could not write ${join(dir, path)}: file too large, write; it is unchanged.\nhint: Check the path, free disk space and permissions, then run the command again.\n`,
    );
    expect(readFileSync(join(dir, path)).equals(before)).toBe(true);
    expect(tree(dir)).toEqual(files);
  });
});

describe("a repository in the middle of a merge", () => {
  function conflicted(): string {
    const dir = validRepo({ git: true });
    git(dir, ["switch", "-q", "-c", "other"]);
    makeRepo({ "csr/DYA/DYA-001.yaml": read(dir, "csr/DYA/DYA-001.yaml").replace("title: 特殊特性符号按顾客规定标识", "title: 特殊特性符号按顾客图纸标识") }, dir);
    git(dir, ["commit", "-q", "-am", "other title"]);
    git(dir, ["switch", "-q", "main"]);
    makeRepo({ "csr/DYA/DYA-001.yaml": read(dir, "csr/DYA/DYA-001.yaml").replace("title: 特殊特性符号按顾客规定标识", "title: 特殊特性须按顾客符号标识") }, dir);
    git(dir, ["commit", "-q", "-am", "main title"]);
    expect(() => git(dir, ["merge", "-q", "other"])).toThrow(/failed/);
    return dir;
  }

  const refusal =
    "csr: The repository has unresolved merge conflicts (csr/DYA/DYA-001.yaml); csr writes nothing until they are resolved.\nhint: Resolve the conflicts, 'git add' the files and commit, then run the command again.\n";

  // The binary for the first command (its exit code, stdout and stderr as a user sees them), the others in this
  // process (csrInProcess): the same refusal from each command's own code, without 28 starts of Node and csr.
  it("is refused by every command that writes, and nothing changes", async () => {
    const dir = conflicted();
    const status = git(dir, ["status", "--porcelain"]);
    const files = tree(dir).map((f) => [f, read(dir, f)]);
    for (const [i, args] of [
      ["add", "--customer", "DYA", "--source", "DYA-SQM", "--clause", "IATF16949:8.5.4", "--title", "新要求", "--received", "2026-11-20"],
      ["review", "DYA-002", "--department", "MKT", "--reviewer", "li", "--opinion", "accept", "--date", "2026-11-26"],
      ["source", "update", "DYA-SQM", "--revision", "D", "--received", "2026-11-27"],
      ["source", "update", "DYA-SQM", "--department", "QA"],
      ["customer", "add", "HXQ", "--name", "华夏汽车", "-y"],
      ["source", "add", "DYA", "--id", "DYA-PKG", "--title", "包装要求", "--revision", "A", "--received", "2026-11-27", "-y"],
      ["new", "procedure", "--title", "新程序", "--department", "QA", "-y"],
      ["address", "DYA-002", "QP-001", "-y"],
      ["implement", "DYA-002", "--owner", "zhang", "-y"],
      ["distribute", "QP-001", "--to", "QA", "-y"],
      ["recall", "QP-001", "-y"],
      ["train", "QP-001", "--people", "zhang", "-y"],
      ["periodic-review", "QP-001", "--by", "zhang", "-y"],
      ["set", "QP-001", "--add-clause", "IATF16949:8.5.1"],
      ["set", "DYA-002", "--source", "DYA-SQM", "--source-revision", "B"],
      ["supersede", "DYA-002", "--by", "DYA-001", "--reason", "重复登记", "-y"],
      ["numbering", "add", "HY-QP-###", "--kind", "procedure", "-y"],
      ["numbering", "remove", "QP-###", "-y"],
      ["standard", "migrate", "IATF16949", "IATF16949E2"],
      ["calendar", "notice", join(FIXTURES, "holiday-notices", "2027-invented.txt")],
      ["calendar", "holiday", "--from", "2026-08-03", "--to", "2026-08-07", "--name", "停产检修"],
      ["person", "add", "zhao", "--name", "赵六", "--department", "QA", "-y"],
      ["person", "leave", "wang", "--date", "2026-11-20"],
      ["person", "update", "wang", "--left", "2026-11-20"],
      ["department", "add", "LOG", "--name", "物流部", "-y"],
      ["organisation", "update", "--name", "东岳精密零部件有限公司"],
      ["review", "DYA-002", "--required", "QA", "PRD"],
      ["process", "add", "C7", "--name", "产品交付", "--type", "support", "-y"],
      ["symbol", "add", "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "★", "--class", "关键", "-y"],
    ].entries()) {
      expect(i === 0 ? csr(["-C", dir, ...args]) : await csrInProcess(["-C", dir, ...args]), args[0]).toEqual({ code: 2, stdout: "", stderr: refusal });
    }
    expect(git(dir, ["status", "--porcelain"])).toBe(status);
    expect(tree(dir).map((f) => [f, read(dir, f)])).toEqual(files);
  });
});
