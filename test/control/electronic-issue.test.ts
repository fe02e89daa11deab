/**
 * Electronic issue (tester55 C2): a version issued read-only on the OA system is recorded with
 * `csr distribute --electronic`, printed by csr show and the distribution register as a copy in use
 * is, and replaced by the next version, which needs an issue of its own.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const QP001 = [
  "id: QP-001",
  "title: 仓储管理程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: released",
  "revisions:",
  "  - version: A/0",
  "    date: 2024-03-01",
  "    summary: 首次发布",
  "    prepared: {by: zhang, date: 2024-02-26}",
  "    reviewed: {by: li, date: 2024-02-27}",
  "    approved: {by: wang, date: 2024-03-01}",
  "sections:",
  "  - title: 目的",
  "    text: 规范物料的储存和交付。",
  "",
].join("\n");

describe("csr distribute --electronic (tester55 C2)", () => {
  it("records the version issued on OA, shows it as in use, and a new version needs a new issue", async () => {
    const repo = gitInit(minimalRepo({ "documents/QP-001.yaml": QP001 }));
    const run = (...args: string[]) => csrInProcess(["-C", repo, ...args], { lang: "zh-CN" });
    expect(await run("distribute", "QP-001", "--electronic", "--copies", "2", "--to", "QA", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --electronic 登记电子版发放（不编受控号，也没有领用人），不能与 --copies 同用。\n",
    });
    expect((await run("distribute", "QP-001", "--system", "OA", "--to", "QA", "-y")).stderr).toBe("csr: --system 是电子版发放所在的系统（如 OA），须与 --electronic 同用。\n");

    expect(await run("distribute", "QP-001", "--electronic", "--system", "OA", "--to", "QA", "MKT", "--issued-by", "zhang", "--date", "2024-03-04", "-y")).toEqual({
      code: 0,
      stderr: "",
      stdout: "QP-001 A/0：于 2024-03-04 以电子版（OA，只读）发放给品质部、市场部。\n发放人：张伟（zhang）。\n已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    });
    const path = join(repo, "documents", "QP-001.yaml");
    expect(readFileSync(path, "utf8")).toContain("electronic_issue:\n  - {version: A/0, to: [QA, MKT], date: 2024-03-04, system: OA, issued_by: zhang}\n");
    expect((await run("distribute", "QP-001", "--electronic", "--to", "MKT", "--date", "2024-03-05", "-y")).stdout).toBe("QP-001 A/0 已以电子版发放给市场部；未作更改。\n");

    const show = await run("show", "QP-001", "--today", "2024-06-01");
    expect(show.stdout.split("\n").filter((l) => /受控副本|csr list distribution/.test(l))).toEqual([
      "  受控副本        电子版（OA，只读）品质部、市场部 2024-03-04",
      "                  明细：csr list distribution --document QP-001",
    ]);
    const listed = await run("list", "distribution", "--today", "2024-06-01", "--format", "csv");
    expect(listed.stdout.split("\r\n").slice(1, 3)).toEqual([
      "1,QP-001,仓储管理程序,A/0,电子版（OA，只读）,品质部,,张伟,2024-03-04,,,,,在用,",
      "2,QP-001,仓储管理程序,A/0,电子版（OA，只读）,市场部,,张伟,2024-03-04,,,,,在用,",
    ]);
    expect((await run("list", "documents", "--department", "MKT", "--today", "2024-06-01", "--format", "csv")).stdout).toContain(",QP-001,仓储管理程序,品质部,A/0,电子版（OA，只读）,");

    // A/1 released: the A/0 issue is replaced on OA, and nothing is issued of A/1 yet.
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        "sections:",
        ["  - version: A/1", "    date: 2025-03-03", "    summary: 增加二维码标签", "    prepared: {by: zhang, date: 2025-02-26}", "    reviewed: {by: li, date: 2025-02-27}", "    approved: {by: wang, date: 2025-03-03}", "sections:"].join("\n"),
      ),
    );
    const after = await run("show", "QP-001", "--today", "2025-06-01");
    // Not "none": the register and the site list the replaced issue, and the card counts it (look65 #9).
    expect(after.stdout.split("\n").filter((l) => /受控副本|csr list distribution/.test(l))).toEqual([
      "  受控副本        电子版发放 1 项已不在用（系统中已替换，或随文件作废撤下）",
      "                  明细：csr list distribution --document QP-001",
    ]);
    expect((await run("list", "distribution", "--today", "2025-06-01", "--format", "csv")).stdout.split("\r\n").slice(1, 3).map((l) => l.split(",").at(-2))).toEqual(["已换版", "已换版"]);
  });

  it("issuing a released version electronically is register data: csr check still finds the file as its release tag has it (tester58 F1)", async () => {
    const repo = gitInit(minimalRepo({ "documents/QP-001.yaml": QP001 }));
    git(repo, ["tag", "QP-001/A-0"]);
    const run = (...args: string[]) => csrInProcess(["-C", repo, ...args], { lang: "zh-CN" });
    const issued = await run("distribute", "QP-001", "--electronic", "--system", "OA", "--to", "MKT", "--issued-by", "zhang", "--date", "2024-03-04", "-y", "--commit");
    expect(issued.code).toBe(0);
    expect(git(repo, ["show", "--format=", "--stat", "HEAD"])).toContain("documents/QP-001.yaml | 2 ++");
    const check = await run("check", "--today", "2024-06-01", "--format", "json");
    // No finding of the file against its release tag; the one doc/ finding is the OA issue three days after A/0 took effect.
    expect(JSON.parse(check.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith("doc/")).map((f: { rule: string; severity: string; file: string; line: number; column: number; message: string }) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      "documents/QP-001.yaml:18:37 warning doc/effective-before-issue QP-001 A/0 于 2024-03-01 生效，但到 2024-03-04 才首次电子版发放：在此之前使用部门须执行一个尚未拿到的版本。如果在 2024-03-01 或之前已在系统上发布，请更正这条发放记录的日期；如果直到 2024-03-04 才发到使用部门，则生效日期有误。版本应在生效当日或之前发放。",
    ]);
    expect(check.code).toBe(0);
  });

  it("an issue without --system keeps the system of the document's last electronic issue and says so (tester66 N11)", async () => {
    const bare = gitInit(minimalRepo({ "documents/QP-001.yaml": QP001 }));
    const first = await csrInProcess(["-C", bare, "distribute", "QP-001", "--electronic", "--to", "QA", "--issued-by", "zhang", "--date", "2024-03-04", "-y"], { lang: "zh-CN" });
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("以电子版（只读）发放给品质部");

    const repo = gitInit(minimalRepo({ "documents/QP-001.yaml": QP001 }));
    const run = (...args: string[]) => csrInProcess(["-C", repo, ...args], { lang: "zh-CN" });
    expect((await run("distribute", "QP-001", "--electronic", "--system", "OA", "--to", "QA", "--issued-by", "zhang", "--date", "2024-03-04", "-y")).code).toBe(0);
    expect(await run("distribute", "QP-001", "--electronic", "--to", "MKT", "--issued-by", "zhang", "--date", "2024-03-06", "-y")).toEqual({
      code: 0,
      stderr: "未给 --system：沿用 QP-001 上次电子版发放（A/0，2024-03-04）的系统 OA；发布在别的系统上请用 --system 指明。\n",
      stdout: "QP-001 A/0：于 2024-03-06 以电子版（OA，只读）发放给市场部。\n发放人：张伟（zhang）。\n已写入 documents/QP-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    });
    expect(readFileSync(join(repo, "documents", "QP-001.yaml"), "utf8")).toContain("  - {version: A/0, to: [MKT], date: 2024-03-06, system: OA, issued_by: zhang}\n");
  });
});
