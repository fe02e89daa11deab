/**
 * A document number's file name writes '/' and ':' as '_' (model/paths.ts documentFileName), so
 * CS/QP-006 and CS_QP-006 would be one file name, one print and one release tag. csr check reports
 * the second of them (id/file-name), csr render prints neither, and csr new and csr renumber refuse
 * such a number: nothing is written over another document's file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

/** The render fixture, committed, with procedures numbered CS/QP-### and CS_QP-### too and QP-020's text as CS/QP-006 (documents/CS_QP-006.yaml) and, in another folder, as CS_QP-006 when `both`. */
function twoNumbersOneName(both: boolean): string {
  const dir = copyFixture("test/fixtures/render/basic");
  const qms = join(dir, "qms.yaml");
  writeFileSync(qms, readFileSync(qms, "utf8").replace("    pattern: QP-###\n", "    pattern: QP-###\n  - kind: procedure\n    pattern: CS/QP-###\n  - kind: procedure\n    pattern: CS_QP-###\n"));
  const text = readFileSync(join(dir, "documents", "QP-020.yaml"), "utf8");
  writeFileSync(join(dir, "documents", "CS_QP-006.yaml"), text.replace("id: QP-020", "id: CS/QP-006").replace(/^title: .*$/m, "title: 顾客财产管理程序"));
  if (both) {
    mkdirSync(join(dir, "documents", "cs"));
    writeFileSync(join(dir, "documents", "cs", "CS_QP-006.yaml"), text.replace("id: QP-020", "id: CS_QP-006").replace(/^title: .*$/m, "title: 顾客满意度管理程序"));
  }
  return gitInit(dir);
}

describe("two document numbers of one file name", () => {
  it("csr render prints neither with --all and refuses either by its number, naming the other", () => {
    const dir = twoNumbersOneName(true);
    const all = csr(["-C", dir, "render", "--all", "--format", "md"], { lang: null });
    expect(all.stdout).toBe(["QM-01", "QP-009", "QP-020", "QR-020-01", "WI-001"].map((id) => `out/${id}.zh-CN.md\n`).join(""));
    expect(all.stderr).toBe(
      "已输出 5 个文件（md，zh-CN）。\n以下编号与另一编号写成同一个文件名（编号中的 '/' 和 ':' 在文件名中写作 '_'），都未输出（见 'csr check'，id/file-name：请给其中一个改用其他编号）：CS/QP-006、CS_QP-006。\n",
    );
    expect(all.code).toBe(1);
    expect(existsSync(join(dir, "out", "CS_QP-006.zh-CN.md"))).toBe(false);
    expect(csr(["-C", dir, "render", "CS_QP-006", "--format", "md"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: CS_QP-006 cannot be rendered: it has the same file name CS_QP-006 as CS/QP-006 ('/' and ':' in a number are written '_' in its file name), and one would replace the other.\nhint: See 'csr check' (id/file-name): give one of them another number.\n",
    });
  });

  it("csr new refuses a number whose file name another number has, and csr renumber a draft to one, writing nothing", async () => {
    const dir = twoNumbersOneName(false);
    expect(await csrInProcess(["-C", dir, "new", "procedure", "--number", "CS_QP-006", "--title", "顾客满意度管理程序", "--department", "QA", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: CS_QP-006 would have the same file name CS_QP-006.yaml as CS/QP-006 ('/' and ':' in a number are written '_' in its file name); choose another number.\n",
    });
    expect((await csrInProcess(["-C", dir, "new", "procedure", "--number", "CS_QP-007", "--title", "顾客满意度管理程序", "--department", "QA", "-y", "--commit"])).code).toBe(0);
    expect(await csrInProcess(["-C", dir, "renumber", "CS_QP-007", "CS_QP-006"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: CS_QP-006 与已有的 CS/QP-006 写成同一个文件名 CS_QP-006.yaml（编号中的 '/' 和 ':' 在文件名中写作 '_'）；请另选编号。\n",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});
