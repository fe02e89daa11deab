/**
 * csr new without --family takes the numbering family the repository uses for the kind, not the
 * first one listed in qms.yaml; with several in use it says which it took and how to choose.
 */
import { describe, expect, it } from "vitest";
import { csrInProcess, gitInit, makeRepo, tempDir } from "../helpers.js";

const procedure = (id: string, title: string) =>
  [`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", "status: draft", ""].join("\n");

function repo(documents: Record<string, string>): string {
  return gitInit(
    makeRepo(
      {
        "qms.yaml": [
          "organisation:",
          "  name: 测试汽车零部件有限公司",
          "standards: [IATF16949]",
          "departments:",
          "  - {code: QA, name: 品质部}",
          "numbering:",
          "  - {kind: procedure, pattern: QP-###}",
          "  - {kind: procedure, pattern: HY-QP-###}",
          "rules:",
          "  coverage/clause-uncovered: off",
          "",
        ].join("\n"),
        "people.yaml": "people:\n  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer, approver]}\n",
        ...documents,
      },
      tempDir(),
    ),
  );
}

describe("csr new: the numbering family in use", () => {
  it("takes the only family the repository's procedures use, although another is listed first", async () => {
    const dir = repo({ "documents/HY-QP-001.yaml": procedure("HY-QP-001", "文件控制程序"), "documents/HY-QP-002.yaml": procedure("HY-QP-002", "记录控制程序") });
    const result = await csrInProcess(["-C", dir, "new", "procedure", "--title", "变更管理程序", "--department", "QA", "-y"], { lang: null });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toBe("已创建 HY-QP-003 变更管理程序（documents/HY-QP-003.yaml），品质部的程序文件草稿，有 5 个章节待填写。");
  });

  it("with several in use takes the most used and names the others and --family", async () => {
    const dir = repo({
      "documents/HY-QP-001.yaml": procedure("HY-QP-001", "文件控制程序"),
      "documents/HY-QP-002.yaml": procedure("HY-QP-002", "记录控制程序"),
      "documents/QP-001.yaml": procedure("QP-001", "采购控制程序"),
    });
    const result = await csrInProcess(["-C", dir, "new", "procedure", "--title", "变更管理程序", "--department", "QA", "-y"], { lang: null });
    expect(result.stdout.split("\n")).toEqual([
      "已创建 HY-QP-003 变更管理程序（documents/HY-QP-003.yaml），品质部的程序文件草稿，有 5 个章节待填写。",
      "定期评审周期：qms.yaml 没有规定程序文件的定期评审周期，HY-QP-003 不列入定期评审计划；为本文件设定：csr set HY-QP-003 --review-interval <月数>，为所有程序文件设定：csr organisation update --review-interval procedure=<月数>。",
      "请编写正文，然后用 'csr release HY-QP-003 --summary ... --prepared ... --reviewed ... --approved ...' 发布。",
      "编号体系：HY-QP-###，本仓库 2 份程序文件使用此体系（另有 QP-###（1 份）；可用 --family 指定）。",
      "已写入 documents/HY-QP-003.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
      "",
    ]);
    const chosen = await csrInProcess(["-C", dir, "new", "procedure", "--family", "QP-###", "--title", "设备管理程序", "--department", "QA", "-y"], { lang: null });
    expect(chosen.stdout.split("\n")[0]).toBe("已创建 QP-002 设备管理程序（documents/QP-002.yaml），品质部的程序文件草稿，有 5 个章节待填写。");
  });

  it("takes the first family listed when the repository has no document of the kind yet", async () => {
    const dir = repo({});
    const result = await csrInProcess(["-C", dir, "new", "procedure", "--title", "变更管理程序", "--department", "QA", "-y"], { lang: null });
    expect(result.stdout.split("\n")[0]).toBe("已创建 QP-001 变更管理程序（documents/QP-001.yaml），品质部的程序文件草稿，有 5 个章节待填写。");
  });
});
