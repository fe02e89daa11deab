/**
 * A procedure imported from a register has its body on paper (tester51 #4, #9): following the import's
 * advice (csr set --add-form) completes its paper original without a revision, csr release refuses to
 * issue a new revision of a text the repository does not hold, and a CSR list citing a section of it
 * keeps the citation without an error that nothing in the repository could mend.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const AS_OF = ["--today", "2026-12-03"];

/** QP-010 and QP-014 from a 程序文件一览表, QR-010-01 from a 记录表单一览表, committed: made once, copied for each test. */
const imported = builtOnce(async (): Promise<string> => {
  const dir = gitInit(minimalRepo());
  writeFileSync(join(dir, "p.csv"), "序号,文件名称,文件编号,版本,归口部门,编制,审核,批准,发布日期\n1,进料检验程序,QP-010,A/0,品质部,张伟,李娜,王强,2018/12/8\n2,仓储管理程序,QP-014,A/0,品质部,张伟,李娜,王强,2018/12/8\n");
  expect((await csrInProcess(["-C", dir, "import", "p.csv", "--as", "procedures", ...AS_OF])).code).toBe(0);
  writeFileSync(join(dir, "f.csv"), "序号,记录名称,表单编号,版本,所属程序,保存期限,保存部门\n1,进料检验报告,QR-010-01,A/0,QP-010,3年,品质部\n");
  await csrInProcess(["-C", dir, "import", "f.csv", "--as", "forms", ...AS_OF]);
  for (const f of ["p.csv", "f.csv"]) rmSync(join(dir, f));
  git(dir, ["add", "documents"]);
  git(dir, ["commit", "-q", "-m", "registers"]);
  return dir;
});

describe("a procedure whose body is on paper", () => {
  it("csr set --add-form writes in the form its paper original lists, says no revision is needed, and csr release refuses a new revision", async () => {
    const dir = await imported();
    const set = await csrInProcess(["-C", dir, "set", "QP-010", "--add-form", "QR-010-01"], { lang: "zh-CN" });
    expect(set).toEqual({
      code: 0,
      stdout: "已修改 QP-010 进料检验程序（documents/QP-010.yaml）：\n  相关记录：增加 QR-010-01\nQP-010 的正文在纸质原件上（从清单导入）：按原件补记相关记录、相关文件或部门，是补全导入，不需要发布新版本。\n已写入 documents/QP-010.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    // What the pre-commit hook and CI check: the link completes A/0, it does not change it.
    expect((await checkJsonInProcess(dir, "--base", "HEAD", ...AS_OF)).findings.filter((f) => f.rule.startsWith("doc/revision"))).toEqual([]);
    git(dir, ["commit", "-q", "-am", "forms"]);
    const release = await csrInProcess(["-C", dir, "release", "QP-010", "--summary", "增加表单", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang"], { lang: "zh-CN" });
    expect(release).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-010 的正文在纸质原件上（A/0 从清单导入）：仓库中没有它的正文，不能发布新版本。\n提示：先导入现行版本的 Word 原件（csr import <文件>.docx 补全 QP-010），再在仓库中修订并发布。按原件补记相关记录、相关文件或部门（csr set QP-010 --add-form …）不需要发布新版本。\n",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["tag"])).toBe("");
  });

  it("a CSR citing its section 5.2 is kept and not reported as citing a missing section; once the body is in the repository, the section is looked up", async () => {
    const dir = await imported();
    expect((await csrInProcess(["-C", dir, "customer", "add", "GWM", "--name", "长城汽车股份有限公司"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "source", "add", "GWM", "--id", "GWM-SQM", "--title", "长城汽车供应商质量手册", "--revision", "V3.0", "--issued", "2025-09-01", "--received", "2025-09-15", "-y"])).code).toBe(0);
    writeFileSync(
      join(dir, "c.csv"),
      "序号,顾客,来源文件,版本,章节,条款,要求名称,要求内容,接收日期,处置,决定人,决定日期,状态,落实文件\n1,GWM,GWM-SQM,V3.0,5.1,8.5.2,零件须可追溯至批次,每个包装单元须标明批次号。,2025/9/15,必须满足,王强,2025/9/20,已落实,QP-014 5.2\n",
    );
    const list = await csrInProcess(["-C", dir, "import", "c.csv", "--as", "csr", ...AS_OF], { lang: "zh-CN" });
    expect(list.stdout).toContain("已写入 csr/GWM/GWM-001.yaml");
    expect(readFileSync(join(dir, "csr/GWM/GWM-001.yaml"), "utf8")).toContain("  - document: QP-014\n    section: \"5.2\"\n");
    const onPaper = await checkJsonInProcess(dir, ...AS_OF);
    expect(onPaper.findings.filter((f) => f.file.startsWith("csr/")).map((f) => [f.rule, f.message])).toEqual([]);
    expect(onPaper.findings.filter((f) => f.rule === "doc/body-on-paper").map((f) => f.file)).toEqual(["documents/QP-010.yaml"]);
    // The Word original written in (its sections): now the citation is judged.
    const path = join(dir, "documents/QP-014.yaml");
    writeFileSync(path, readFileSync(path, "utf8") + "sections:\n  - title: 目的\n    text: 规定仓储管理。\n");
    const judged = await checkJsonInProcess(dir, ...AS_OF);
    expect(judged.findings.filter((f) => f.rule === "csr/section-missing").map((f) => f.file)).toEqual(["csr/GWM/GWM-001.yaml"]);
  });
});
