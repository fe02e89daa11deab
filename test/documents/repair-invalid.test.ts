/**
 * A document or CSR whose file fails its schema (tester67b B3: an import left HL-QP-006 and the form
 * HL-QR-010-01 without `department`; a CSR without its clauses or date received). `csr set` repairs it: the change is applied in memory and
 * written only if the file then passes its schema and adds no error; otherwise it is refused naming
 * what remains (rule, line). A command over several documents (`csr sign` of 21) names every such
 * file, its error and the command that repairs it, and changes none. The built binary for each command path's first
 * run (set, its refusal, implement's refusal, sign's refusal, check), the variations in the worker (csrInProcess).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, gitInit, minimalRepo } from "../helpers.js";

const PROCEDURE = ["id: QP-006", "title: 设备管理程序", "level: 2", "kind: procedure", "status: released", "effective: 2024-03-01", "revisions:", "  - version: A/0", "    date: 2024-03-01", "    imported: true", ""].join("\n");
const FORM = ["id: QR-010-01", "title: 产品标识卡", "level: 4", "kind: form", "status: released", "revisions:", "  - version: A/0", "    imported: true", "record:", "  retention: 1年", ""].join("\n");
const VALID = (id: string) => ["id: " + id, "title: 文件控制程序", "level: 2", "kind: procedure", "department: QA", "status: released", "revisions:", "  - version: A/0", "    date: 2024-03-01", "    imported: true", ""].join("\n");

const CSR_WITHOUT_CLAUSES = [
  "id: DYA-001",
  "customer: DYA",
  "source: { document: DYA-SQM, revision: A }",
  "title: 包装标签须含批次号",
  "received: 2026-01-05",
  "review:",
  "  opinions:",
  "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-01-06 }",
  "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-01-06 }",
  "  decision: { disposition: must, by: wang, date: 2026-01-07 }",
  "",
].join("\n");
const CSR_FILES = {
  "customers/DYA.yaml": ["code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", "      - { revision: A, received: 2026-01-05 }", ""].join("\n"),
  "csr/DYA/DYA-001.yaml": CSR_WITHOUT_CLAUSES,
  "csr/DYA/DYA-002.yaml": ["id: DYA-002", "customer: DYA", "source: { document: DYA-SQM, revision: A }", "clauses: [IATF16949:8.5.4]", "title: 包装须防潮", ""].join("\n"),
};

function repository(files: Record<string, string> = {}): string {
  return gitInit(minimalRepo({ "documents/QP-006.yaml": PROCEDURE, "documents/QR-010-01.yaml": FORM, "documents/QP-001.yaml": VALID("QP-001"), ...files }));
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("a write command and a document whose file fails its schema", () => {
  it("csr set gives a procedure and a form the department an import left out", async () => {
    const dir = repository();
    expect(csr(["-C", dir, "set", "QP-006", "--department", "QA"])).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Updated QP-006 设备管理程序 (documents/QP-006.yaml):",
        "  Department: 品质部",
        "QP-006's body is on its paper original (imported from a register): writing in the related records, related documents or department the original gives completes the import, and no new revision is needed.",
        "documents/QP-006.yaml is repaired: it no longer has the errors it had (1:1 schema/missing-field Missing required field 'department' in a document; add it (see docs/format.md)).",
        "Wrote documents/QP-006.yaml; not committed (git commit it, or run with --commit).",
        "",
      ].join("\n"),
    });
    expect(read(dir, "documents/QP-006.yaml")).toBe(PROCEDURE.replace("kind: procedure\n", "kind: procedure\ndepartment: QA\n"));
    // The form, in Chinese, with its retention in the same command.
    expect(await csrInProcess(["-C", dir, "set", "QR-010-01", "--department", "品质部", "--retention", "3年"], { lang: null })).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "已修改 QR-010-01 产品标识卡（documents/QR-010-01.yaml）：",
        "  保存期限：3年（原为 1年）",
        "  部门：品质部",
        "QR-010-01 的正文在纸质原件上（从清单导入）：按原件补记相关记录、相关文件或部门，是补全导入，不需要发布新版本。",
        "documents/QR-010-01.yaml 已修正，不再有修改前的错误（1:1 schema/missing-field 本文件缺少必填字段 'department'）。",
        "已写入 documents/QR-010-01.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
    });
    expect(csr(["-C", dir, "check", "--today", "2026-12-06", "--format", "json"]).stdout).not.toContain("schema/");
  });

  it("refuses a change that leaves the file failing, naming the error that remains and the option that repairs it", async () => {
    const dir = repository();
    expect(csr(["-C", dir, "set", "QP-006", "--remarks", "设备科保管"])).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: Nothing was written: the file of QP-006 would still have errors (csr writes only valid files):",
        "  documents/QP-006.yaml:1:1 schema/missing-field Missing required field 'department' in a document; add it (see docs/format.md).",
        "hint: Repair it with 'csr set QP-006 --department <department>', then run this again.",
        "",
      ].join("\n"),
    });
    expect(read(dir, "documents/QP-006.yaml")).toBe(PROCEDURE);
  });

  it("refuses a repair after which a rule finds an error in the file, naming it", async () => {
    const dir = repository({ "documents/QP-006.yaml": PROCEDURE + "    prepared: {by: nobody}\n" });
    expect(await csrInProcess(["-C", dir, "set", "QP-006", "--department", "QA"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: Nothing was written: the result would not pass 'csr check':\n  documents/QP-006.yaml:12:20 ref/unresolved Unknown person 'nobody'. Add them with 'csr person add' or correct the id.\n",
    });
    expect(read(dir, "documents/QP-006.yaml")).toBe(PROCEDURE + "    prepared: {by: nobody}\n");
  });

  it("csr set gives a CSR the clauses and date received an import left out, decided or not, and names what remains", async () => {
    const dir = repository(CSR_FILES);
    // Refused by a command that does not repair it, naming the file's error and the csr set that repairs it.
    expect(csr(["-C", dir, "implement", "DYA-001", "--owner", "zhang", "--due", "2026-12-31"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: DYA-001（csr/DYA/DYA-001.yaml:1:1 schema/missing-field：本 CSR 文件缺少必填字段 'clauses'）的文件有错误；csr 只修改有效的 CSR。",
        "提示：可用 'csr set DYA-001 --clauses <条款>' 补上后再运行。",
        "",
      ].join("\n"),
    });
    // Another option leaves it failing: nothing written, the error left and the option that gives it named.
    expect(await csrInProcess(["-C", dir, "set", "DYA-001", "--category", "包装"])).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: Nothing was written: the file of DYA-001 would still have errors (csr writes only valid files):",
        "  csr/DYA/DYA-001.yaml:1:1 schema/missing-field Missing required field 'clauses' in a CSR; add it (see docs/format.md).",
        "hint: Repair it with 'csr set DYA-001 --clauses <clauses>', then run this again.",
        "",
      ].join("\n"),
    });
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(CSR_WITHOUT_CLAUSES);
    // Decided, its clauses are given, not changed: no --amend (the departments reviewed the paper's).
    expect(await csrInProcess(["-C", dir, "set", "DYA-001", "--clauses", "IATF16949:8.5.2"])).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Updated DYA-001 包装标签须含批次号 (csr/DYA/DYA-001.yaml):",
        "  Clauses: added IATF16949:8.5.2",
        "csr/DYA/DYA-001.yaml is repaired: it no longer has the errors it had (1:1 schema/missing-field Missing required field 'clauses' in a CSR; add it (see docs/format.md)).",
        "Wrote csr/DYA/DYA-001.yaml; not committed (git commit it, or run with --commit).",
        "",
      ].join("\n"),
    });
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(CSR_WITHOUT_CLAUSES.replace("title: ", "clauses: [IATF16949:8.5.2]\ntitle: "));
    const dated = await csrInProcess(["-C", dir, "set", "DYA-002", "--received", "2026-01-05"], { lang: null });
    expect([dated.code, dated.stderr]).toEqual([0, ""]);
    // Its review, due in January, is said to be overdue by as many working days as today makes it.
    expect(dated.stdout.split("\n").filter((line) => !line.startsWith("评审期限已过"))).toEqual([
      "已修改 DYA-002 包装须防潮（csr/DYA/DYA-002.yaml）：",
      "  接收日期：2026-01-05",
      "评审期限 2026-01-19（接收日期 2026-01-05 之后 10 个工作日）。",
      "csr/DYA/DYA-002.yaml 已修正，不再有修改前的错误（1:1 schema/missing-field 本 CSR 文件缺少必填字段 'received'）。",
      "已写入 csr/DYA/DYA-002.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
      "",
    ]);
    const findings = JSON.parse((await csrInProcess(["-C", dir, "check", "--today", "2026-01-08", "--format", "json"])).stdout).findings as { file: string; rule: string }[];
    expect(findings.filter((f) => f.file.startsWith("csr/") && f.rule.startsWith("schema/"))).toEqual([]);
  });

  it("csr sign over several documents names each invalid file, its error and its repair, and signs none", async () => {
    const dir = repository();
    expect(csr(["-C", dir, "sign", "QP-001", "QP-006", "QR-010-01", "--approved", "wang"])).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: The files of QP-006 (documents/QP-006.yaml:1:1 schema/missing-field: Missing required field 'department' in a document; add it (see docs/format.md)), QR-010-01 (documents/QR-010-01.yaml:1:1 schema/missing-field: Missing required field 'department' in a document; add it (see docs/format.md)) have errors; csr changes only valid documents, so none of the 3 documents given was changed.",
        "hint: Repair them with 'csr set QP-006 --department <department>', 'csr set QR-010-01 --department <department>', then run this again. Or leave out QP-006, QR-010-01 and give the other document alone.",
        "",
      ].join("\n"),
    });
    expect(read(dir, "documents/QP-001.yaml")).toBe(VALID("QP-001"));
    expect(await csrInProcess(["-C", dir, "sign", "QP-006", "--approved", "wang"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: QP-006（documents/QP-006.yaml:1:1 schema/missing-field：本文件缺少必填字段 'department'）的文件有错误；csr 只修改有效的文件。",
        "提示：可用 'csr set QP-006 --department <部门>' 补上后再运行。",
        "",
      ].join("\n"),
    });
    // Repaired, it is signed with the others.
    expect((await csrInProcess(["-C", dir, "set", "QP-006", "--department", "QA"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "sign", "QP-001", "QP-006", "--approved", "wang"])).code).toBe(0);
  });
});
