/**
 * csr new numbers past the numbers that branches not merged here have taken (tester57 E3): two
 * people who each run `csr new procedure` on a branch from main would otherwise both take the next
 * number, and git would merge two different documents into one file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, gitInit, makeRepo, tempDir } from "../helpers.js";

const procedure = (id: string, title: string) => [`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", "status: draft", ""].join("\n");

function repo(): string {
  const dir = gitInit(
    makeRepo(
      {
        "qms.yaml": [
          "organisation:",
          "  name: 测试汽车零部件有限公司",
          "standards: [IATF16949]",
          "departments:",
          "  - {code: QA, name: 品质部}",
          "numbering:",
          "  - {kind: procedure, pattern: CS/QP-###}",
          "rules:",
          "  coverage/clause-uncovered: off",
          "",
        ].join("\n"),
        "people.yaml": "people:\n  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer, approver]}\n",
        "documents/CS_QP-001.yaml": procedure("CS/QP-001", "文件控制程序"),
      },
      tempDir(),
    ),
  );
  git(dir, ["branch", "-M", "main"]);
  return dir;
}

const newProcedure = (dir: string, title: string) => csrInProcess(["-C", dir, "new", "procedure", "--title", title, "--department", "QA", "-y", "--commit"], { lang: null });

describe("csr new: numbers taken on other branches", () => {
  it("skips a number a branch not merged here has taken, naming the branch; local and remote-tracking branches count, merged ones and the current one do not", async () => {
    const dir = repo();
    git(dir, ["checkout", "-q", "-b", "zhang/change"]);
    const first = await newProcedure(dir, "变更管理程序");
    expect(first.stdout.split("\n")[0]).toBe("已创建 CS/QP-002 变更管理程序（documents/CS_QP-002.yaml），品质部的程序文件草稿，有 5 个章节待填写。");
    expect(first.stdout).not.toContain("跳过");

    // A colleague's branch from main, and one fetched from the shared remote, each with a draft.
    git(dir, ["checkout", "-q", "-b", "li/supplier", "main"]);
    git(dir, ["update-ref", "refs/remotes/origin/wang/audit", "zhang/change"]);
    const second = await newProcedure(dir, "供应商管理程序");
    expect(second.code).toBe(0);
    expect(second.stderr).toBe("");
    const lines = second.stdout.split("\n");
    expect(lines[0]).toBe("已创建 CS/QP-003 供应商管理程序（documents/CS_QP-003.yaml），品质部的程序文件草稿，有 5 个章节待填写。");
    expect(lines).toContain("编号为 CS/QP-003：CS/QP-002（分支 zhang/change、origin/wang/audit）已被尚未合并到本分支的分支占用，合并时会出现两份同号文件，故跳过。");

    // Both merge into main without a conflict; on main, with both merged, the next number is the next one, with no note.
    git(dir, ["checkout", "-q", "main"]);
    git(dir, ["merge", "-q", "--no-edit", "zhang/change"]);
    git(dir, ["merge", "-q", "--no-edit", "li/supplier"]);
    expect(existsSync(join(dir, "documents/CS_QP-002.yaml")) && existsSync(join(dir, "documents/CS_QP-003.yaml"))).toBe(true);
    const third = await newProcedure(dir, "设备管理程序");
    expect(third.stdout.split("\n")[0]).toBe("已创建 CS/QP-004 设备管理程序（documents/CS_QP-004.yaml），品质部的程序文件草稿，有 5 个章节待填写。");
    expect(third.stdout).not.toContain("跳过");
  });

  it("in English, one number skipped on one branch", async () => {
    const dir = repo();
    git(dir, ["checkout", "-q", "-b", "a"]);
    await newProcedure(dir, "Change management");
    git(dir, ["checkout", "-q", "-b", "b", "main"]);
    const result = await csrInProcess(["-C", dir, "--lang", "en", "new", "procedure", "--title", "Supplier management", "--department", "QA", "-y"], { lang: null });
    expect(result.stdout.split("\n")).toContain("Numbered CS/QP-003: CS/QP-002 (branch a) is taken on a branch not merged here, and the two documents would share one number when it is merged.");
  });
});
