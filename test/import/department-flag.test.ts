/**
 * `csr import --department X` with a department qms.yaml does not know is refused as every other
 * command's --department is: one line naming the departments there are, exit 2, no stack, nothing
 * written (it was the department of every row that names none, each refused for it, exit 1).
 * The built binary, on a CSV register, a .docx path and a dry run.
 */
import { describe, expect, it } from "vitest";
import { csr, filesOf, minimalRepo } from "../helpers.js";

const REGISTER = "文件编号,文件名称,版本,发布日期\nQP-101,文件控制程序,A/0,2026-01-05\n";

function repository(): { dir: string; before: string[] } {
  const dir = minimalRepo({ "list.csv": REGISTER, "QP-102.docx": "" });
  return { dir, before: filesOf(dir) };
}

describe("csr import --department with a department qms.yaml does not know", () => {
  it.each([
    ["a register", ["list.csv", "--as", "procedures"]],
    ["a register, dry run", ["list.csv", "--as", "procedures", "--dry-run"]],
    ["a Word document", ["QP-102.docx"]],
  ])("%s: one line, exit 2, nothing written", (_, args) => {
    const { dir, before } = repository();
    expect(csr(["-C", dir, "import", ...args, "--department", "QAA"], { lang: "en" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --department QAA: no such department in qms.yaml. Its departments: QA (品质部), MKT (市场部). Did you mean 'QA'?\n",
    });
    expect(filesOf(dir)).toEqual(before);
  });

  it("in Chinese", () => {
    const { dir, before } = repository();
    expect(csr(["-C", dir, "import", "list.csv", "--as", "procedures", "--department", "生产部"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --department 生产部：qms.yaml 中没有这个部门。可用的部门：QA（品质部）、MKT（市场部）。\n",
    });
    expect(filesOf(dir)).toEqual(before);
  });

  it("a department named by its name is taken for its code", () => {
    const { dir } = repository();
    const run = csr(["-C", dir, "import", "list.csv", "--as", "procedures", "--department", "品质部", "--dry-run"], { lang: "en" });
    expect([run.stderr, run.stdout.split("\n").slice(0, 3)]).toEqual(["", ["Reading list.csv: header on row 1, data rows: 1.", "", "would write documents/QP-101.yaml"]]);
  });
});
