/**
 * Two files with one document number (id/duplicate, tester57 E6): the commands that look a document
 * up by its number take the file the repository index takes (the longer revision record), whichever
 * sorts first, and say on stderr which file they work on and which other file has the number.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, gitInit, minimalRepo, releasedProcedure, withoutYearCheck } from "../helpers.js";

const RELEASED = releasedProcedure("QP-020", "顾客特定要求管理程序", { title: "目的", text: "规定顾客特定要求的管理。" });
/** A copy started from the released file that kept its number, as a draft: it sorts before it. */
const COPY = ["id: QP-020", "title: 新程序草稿", "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - title: 目的", "    text: 起草中。", ""].join("\n");

describe("a document number two files carry", () => {
  it("csr show, render, history and set work on the released file and say on stderr that the copy has the number", async () => {
    const repo = gitInit(withoutYearCheck(minimalRepo({ "documents/QP-020.yaml": RELEASED, "documents/A-copy.yaml": COPY })));
    const note = "csr: 注意：文件编号 QP-020 还被 documents/A-copy.yaml 使用；本命令处理的是 documents/QP-020.yaml（修订记录较长的一份，与 csr check 所认的相同）。csr check 对另一份报告 id/duplicate：请给它改用未用的编号（'csr new' 给出下一个空号）。\n";
    const shown = await csrInProcess(["-C", repo, "show", "QP-020"], { lang: null });
    expect([shown.code, shown.stderr]).toEqual([0, note]);
    expect(shown.stdout).toContain("顾客特定要求管理程序");
    expect(shown.stdout).not.toContain("新程序草稿");
    const rendered = await csrInProcess(["-C", repo, "render", "QP-020", "--format", "md"], { lang: null });
    expect([rendered.code, rendered.stderr]).toEqual([0, `${note}已输出 1 个文件（md，zh-CN）。\n`]);
    expect(readFileSync(join(repo, rendered.stdout.trim()), "utf8")).toContain("规定顾客特定要求的管理。");
    rmSync(join(repo, "out"), { recursive: true });
    const history = await csrInProcess(["-C", repo, "history", "QP-020"], { lang: null });
    expect([history.code, history.stderr]).toEqual([0, note]);
    const set = await csrInProcess(["-C", repo, "set", "QP-020", "--department", "MKT", "-y"], { lang: null });
    expect([set.code, set.stderr]).toEqual([0, note]);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain("department: MKT");
    expect(readFileSync(join(repo, "documents/A-copy.yaml"), "utf8")).toBe(COPY);
    // Once the copy has a number of its own, nothing is said.
    writeFileSync(join(repo, "documents/A-copy.yaml"), COPY.replace("QP-020", "QP-021"));
    expect((await csrInProcess(["-C", repo, "show", "QP-020"], { lang: null })).stderr).toBe("");
  });
});
