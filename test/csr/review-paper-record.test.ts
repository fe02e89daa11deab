import { describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { csrInProcess, git, gitInit, makeRepo } from "../helpers.js";
import { read, validRepo } from "./fixture.js";

/**
 * A review whose countersigns (会签) are on a signed paper review record (`csr review --record`):
 * csr check accepts it (csr/forced-decision, csr/review-incomplete), and so do the review-timeliness
 * register, `csr show`, the review report and `csr review` itself (tester18 F5, F1). csr run in process (csrInProcess).
 */
const CSR = [
  "id: DYA-011",
  "customer: DYA",
  "source: { document: DYA-SQM, revision: C, section: \"5.2\" }",
  "clauses: [IATF16949:8.5.1.1]",
  "title: 控制计划变更须通知顾客",
  "received: 2026-11-20",
  "review:",
  "  required: [QA, MKT, PRD]",
  "  opinions:",
  "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-11-23 }",
  "",
].join("\n");
const FORM = "id: QR-020-01\ntitle: 顾客特定要求评审记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n";

const repo = () => makeRepo({ "csr/DYA/DYA-011.yaml": CSR, "documents/QR-020-01.yaml": FORM }, validRepo());
const run = (dir: string, args: string[], lang = "en") => csrInProcess(["-C", dir, "--lang", lang, ...args]);
const remark = async (dir: string, lang: string) => (await run(dir, ["list", "reviews", "--today", "2026-11-26", "--format", "csv"], lang)).stdout.split("\r\n").find((l) => l.includes("DYA-011"))!;
/** The review report as `csr render` prints it (Markdown, English). */
async function report(dir: string): Promise<string> {
  rmSync(join(dir, "out"), { recursive: true, force: true });
  expect((await run(dir, ["render", "DYA-011", "--format", "md", "--today", "2026-11-26"])).stdout).toBe("out/DYA-011.review.en.md\n");
  return read(dir, "out/DYA-011.review.en.md");
}
/** The change report's row of DYA-011's decision (csv). */
const decided = async (dir: string, lang: string) => (await run(dir, ["changes", "2026-11-01", "2026-11-30", "--format", "csv"], lang)).stdout.split("\r\n").find((l) => l.includes("DYA-011") && /已决定|decided/.test(l))!;
const decisionLine = async (dir: string, lang: string) => (await run(dir, ["show", "DYA-011", "--today", "2026-11-26"], lang)).stdout.split("\n").find((l) => /Decision|评审结论/.test(l))!.trim();

describe("a forced decision whose countersigns are on the named paper review record (tester18 F5)", () => {
  it("the review-timeliness register, csr show and the review report say the countersigns are on the record, not that they are missing", async () => {
    const dir = repo();
    expect((await run(dir, ["review", "DYA-011", "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--force", "-y"])).code).toBe(0);
    expect(await remark(dir, "zh-CN")).toBe("11,DYA-011,东岳越野车有限公司,DYA-SQM 供应商质量手册,C,接收,2026-11-20,2026-12-04,2026-11-25,张伟,3,按期,,强制决定，缺 2 个部门会签：市场部、生产部,2026-11-26");
    expect(await decisionLine(dir, "zh-CN")).toBe("评审结论        必须满足，张伟，2026-11-25（强制：缺少必需的意见）");
    expect(await report(dir)).toContain("| must meet (decided before every required opinion was given) | 张伟 | 2026-11-25 |  |");

    expect((await run(dir, ["review", "DYA-011", "--record", "2026-11 评审记录 第12号", "--record-form", "QR-020-01", "-y"])).code).toBe(0);
    expect(await remark(dir, "zh-CN")).toBe("11,DYA-011,东岳越野车有限公司,DYA-SQM 供应商质量手册,C,接收,2026-11-20,2026-12-04,2026-11-25,张伟,3,按期,,会签见纸质评审记录 QR-020-01 2026-11 评审记录 第12号,2026-11-26");
    expect(await remark(dir, "en")).toMatch(/,countersigns on the signed paper review record QR-020-01 2026-11 评审记录 第12号,2026-11-26$/);
    expect(await decisionLine(dir, "zh-CN")).toBe("评审结论        必须满足，张伟，2026-11-25（会签见纸质评审记录）");
    expect(await decisionLine(dir, "en")).toBe("Decision        must meet, zhang 张伟, 2026-11-25 (countersigns on the signed paper review record)");
    const printed = await report(dir);
    expect(printed).toContain("| must meet | 张伟 | 2026-11-25 |  |");
    expect(printed).not.toContain("decided before every required opinion was given");
  });
});

describe("a decision after the paper review record is named (tester18 F1)", () => {
  it("the refusal for missing opinions names --record", async () => {
    const dir = repo();
    expect(await run(dir, ["review", "DYA-011", "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-011 still lacks the opinion of 市场部, 生产部 (required: 品质部, 市场部, 生产部).\nhint: Record them with 'csr review DYA-011 --department MKT ...'; if the countersigns are on a signed paper review record, record it first with 'csr review DYA-011 --record <number> --record-form <form>', then decide; or add --force to decide now (recorded as forced).\n",
    });
  });

  it("is accepted without --force, not marked forced, and csr check stays clean of review findings", async () => {
    const dir = repo();
    expect((await run(dir, ["review", "DYA-011", "--record", "2026-11 评审记录 第12号", "--record-form", "QR-020-01", "-y"])).code).toBe(0);
    const before = read(dir, "csr/DYA/DYA-011.yaml");
    expect(await run(dir, ["review", "DYA-011", "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "-y"], "zh-CN")).toEqual({
      code: 0,
      stdout: "DYA-011：已登记评审结论：必须满足，张伟（zhang），2026-11-25。\n未在此登记的市场部、生产部的会签见纸质评审记录 QR-020-01 2026-11 评审记录 第12号。\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(before + "  decision:\n    disposition: must\n    by: zhang\n    date: 2026-11-25\n");
    const check = JSON.parse((await run(dir, ["check", "--format", "json", "--today", "2026-11-26"])).stdout) as { findings: { rule: string }[] };
    expect(check.findings.map((f) => f.rule).filter((r) => r.startsWith("csr/review") || r === "csr/forced-decision")).toEqual([]);
    // The record is named in the 备注 as on the forced path (tester19 F2).
    expect(await remark(dir, "zh-CN")).toBe("11,DYA-011,东岳越野车有限公司,DYA-SQM 供应商质量手册,C,接收,2026-11-20,2026-12-04,2026-11-25,张伟,3,按期,,会签见纸质评审记录 QR-020-01 2026-11 评审记录 第12号,2026-11-26");
    expect(await decisionLine(dir, "zh-CN")).toBe("评审结论        必须满足，张伟，2026-11-25");
  });
});

describe("the paper review record and the decision taken on it, in one command (tester18 F1)", () => {
  it("names the record, then records the decision on it, not forced, in one commit", async () => {
    const dir = gitInit(repo());
    const before = read(dir, "csr/DYA/DYA-011.yaml");
    const args = ["review", "DYA-011", "--disposition", "optional", "--by", "zhang", "--date", "2026-11-25", "--record", "2026-11 评审记录 第13号", "--record-form", "QR-020-01", "-y", "--commit"];
    const result = await run(dir, args, "zh-CN");
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout:
        "DYA-011：已登记纸质评审记录 QR-020-01 2026-11 评审记录 第13号；记录上的会签代替这里尚缺的意见。\n" +
        "DYA-011：已登记评审结论：可选，张伟（zhang），2026-11-25。\n" +
        "未在此登记的市场部、生产部的会签见纸质评审记录 QR-020-01 2026-11 评审记录 第13号。\n" +
        `已提交 ${hash}：csr review DYA-011：评审记录 QR-020-01 2026-11 评审记录 第13号、评审结论 可选\n`,
      stderr: "",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toBe(
      before + "  record:\n    form: QR-020-01\n    ref: 2026-11 评审记录 第13号\n  decision:\n    disposition: optional\n    by: zhang\n    date: 2026-11-25\n",
    );
    expect(await decisionLine(dir, "zh-CN")).toBe("评审结论        可选，张伟，2026-11-25");
    // The review-timeliness register and the change report name the record, as when it is named after a forced decision (tester19 F2).
    expect(await remark(dir, "zh-CN")).toBe("11,DYA-011,东岳越野车有限公司,DYA-SQM 供应商质量手册,C,接收,2026-11-20,2026-12-04,2026-11-25,张伟,3,按期,,会签见纸质评审记录 QR-020-01 2026-11 评审记录 第13号,2026-11-26");
    expect(await remark(dir, "en")).toMatch(/,on time,,countersigns on the signed paper review record QR-020-01 2026-11 评审记录 第13号,2026-11-26$/);
    expect(await decided(dir, "zh-CN")).toBe("顾客特定要求,已决定,DYA-011,控制计划变更须通知顾客,,可选,决定人：张伟；会签见纸质评审记录 QR-020-01 2026-11 评审记录 第13号,2026-11-25");
    expect(await decided(dir, "en")).toBe("CSRs,decided,DYA-011,控制计划变更须通知顾客,,optional,decided by 张伟; countersigns on the signed paper review record QR-020-01 2026-11 评审记录 第13号,2026-11-25");
  });

  it("takes a record the same as the one on file as the record the decision follows", async () => {
    const dir = repo();
    expect((await run(dir, ["review", "DYA-011", "--record", "2026-11 评审记录 第13号", "--record-form", "QR-020-01", "-y"])).code).toBe(0);
    expect(await run(dir, ["review", "DYA-011", "--disposition", "must", "--by", "zhang", "--date", "2026-11-25", "--record", "2026-11 评审记录 第13号", "-y"])).toEqual({
      code: 0,
      stdout: "DYA-011: decision recorded: must meet, by 张伟 (zhang) on 2026-11-25.\nThe countersigns of 市场部, 生产部, not recorded here, are on the signed paper review record QR-020-01 2026-11 评审记录 第13号.\n",
      stderr: "",
    });
  });

  it("still stands alone beside signers without a decision", async () => {
    const dir = repo();
    expect(await run(dir, ["review", "DYA-011", "--record", "2026-11 评审记录 第13号", "--recorder", "zhang", "-y"], "zh-CN")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --record 和 --record-form 登记纸质评审记录：单独使用，或与依据它作出的结论（--disposition）一起使用；不与会签意见、--required，也不与没有 --disposition 的签字或逾期原因一起记录。\n",
    });
  });
});
