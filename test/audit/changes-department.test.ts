/**
 * csr changes --department: a department's change page, the rows of the documents it owns or holds a
 * controlled copy of (IATF 16949 7.5.3.2.1; tester75).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, csr, csrInProcess, gitInitEmpty, minimalRepo, releasedProcedure } from "../helpers.js";

describe("csr changes --department", () => {
  let dir: string;
  beforeAll(() => {
    const copyToMkt = ["distribution:", "  - copy: 1", "    version: A/0", "    to: MKT", "    date: 2026-03-05", ""].join("\n");
    dir = gitInitEmpty(
      minimalRepo({
        "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "规定文件的编制。" }) + copyToMkt,
        "documents/QP-002.yaml": releasedProcedure("QP-002", "合同评审程序", { title: "目的", text: "规定合同评审。" }).replace("department: QA", "department: MKT"),
        "documents/QP-003.yaml": releasedProcedure("QP-003", "内部审核程序", { title: "目的", text: "规定内部审核。" }),
      }),
    );
    commitAt(dir, "2026-03-02", "发布 QP-001、QP-002、QP-003 A/0");
  });

  const ids = async (department: string) => {
    const run = await csrInProcess(["changes", "2026-03-01", "2026-03-31", "--department", department, "--format", "json"], { cwd: dir, lang: "zh-CN" });
    expect(run.code).toBe(0);
    return [...new Set((JSON.parse(run.stdout).changes as { id: string }[]).map((c) => c.id))];
  };

  it("keeps the documents the department owns or holds a copy of", async () => {
    expect(await ids("MKT")).toEqual(["QP-001", "QP-002"]);
    expect(await ids("QA")).toEqual(["QP-001", "QP-003"]);
  });

  it("says what it keeps, and refuses a department qms.yaml does not have (exit 2)", () => {
    const run = csr(["changes", "2026-03-01", "2026-03-31", "--department", "MKT"], { cwd: dir, lang: "zh-CN" });
    expect(run.stderr).toBe("只列出部门 MKT（市场部）归口或持有受控副本的 2 份文件的变更。\n");
    expect(run.stdout.split("\n")[0]).toBe("变更报告：2026-03-01 至 2026-03-31（仅 MKT 市场部）");
    expect(run.code).toBe(0);
    const bad = csr(["changes", "2026-03-01", "2026-03-31", "--department", "PRD"], { cwd: dir, lang: "zh-CN" });
    expect(bad).toEqual({ code: 2, stdout: "", stderr: "csr: 没有部门 PRD；qms.yaml 中的部门：QA、MKT。\n" });
  });
});
