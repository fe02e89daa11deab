/**
 * csr changes --document (tester61 L3): the change report limited to one document — its revisions, copies,
 * training and reviews — said on stderr; an unknown document is refused with the closest id (exit 2). A report
 * limited by --document or --customer says so in its title, printed or not (（仅 QP-013）, （仅 东岳汽车股份有限公司）),
 * so that no copy of it passes for the whole report. The shipped example, the built binary.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, ROOT } from "../helpers.js";

const example = join(ROOT, "examples/acme-auto");
const changes = (...args: string[]) => csr(["-C", example, "changes", "2026-01-01", "2026-06-30", ...args], { lang: "zh-CN" });
/** Each row's 类别, 变更 and 编号. */
const rows = (stdout: string) =>
  stdout
    .split("\n")
    .filter((line) => /^(文件|顾客特定要求|顾客来源文件|条款覆盖|人员与角色|特殊特性符号) /.test(line))
    .map((line) => line.split(/ {2,}/).slice(0, 3).join(" "));

describe("csr changes --document", () => {
  it("lists only that document's rows of the acme-auto half year, says so on stderr and in the title", () => {
    const run = changes("--document", "QP-013");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("只列出文件 QP-013（纠正措施控制程序）的变更：其发布、修订、发放、回收、培训和评审。\n");
    expect(run.stdout.split("\n")[0]).toBe("变更报告：2026-01-01 至 2026-06-30（仅 QP-013）");
    expect(rows(run.stdout)).toEqual(["文件 换版 QP-013", "文件 发放 QP-013", "文件 回收 QP-013"]);
    expect(rows(changes().stdout).length).toBeGreaterThan(3);
    // Printed, the heading's title says it too.
    expect(changes("--document", "QP-013", "--format", "md").stdout.split("\n")[0]).toBe("## 变更报告（仅 QP-013）");
    const json = JSON.parse(csr(["-C", example, "changes", "2026-01-01", "2026-06-30", "--document", "QP-013", "--format", "json"]).stdout) as { changes: { area: string; id: string }[] };
    expect(json.changes.map((c) => `${c.area} ${c.id}`)).toEqual(["document QP-013", "document QP-013", "document QP-013"]);
  });

  it("names the customer in the title of a --customer report, and both when both are given", () => {
    expect(changes("--customer", "DYA").stdout.split("\n")[0]).toBe("变更报告：2026-01-01 至 2026-06-30（仅 东岳汽车股份有限公司）");
    const both = changes("--customer", "DYA", "--document", "QP-013");
    expect(both.stdout.split("\n")[0]).toBe("变更报告：2026-01-01 至 2026-06-30（仅 东岳汽车股份有限公司、QP-013）");
    expect(rows(both.stdout)).toEqual(["文件 换版 QP-013", "文件 发放 QP-013", "文件 回收 QP-013"]);
  });

  it("refuses an unknown document with the closest id, exit 2", () => {
    expect(changes("--document", "QP-13")).toEqual({ code: 2, stdout: "", stderr: "csr: 仓库中没有文件 'QP-13'。是否应为 'QP-013'？\n" });
  });
});
