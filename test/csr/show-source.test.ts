/**
 * `csr show <source>` (tester60 J14): a customer's source document has a card, as a document and a CSR
 * have — its revisions with their dates and status as the 外来文件清单 words them, the CSRs registered
 * from each, the latest check that the revision held is current and when the next is due.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess } from "../helpers.js";

describe("csr show <source document>", () => {
  const dir = committedFixture("examples/acme-auto");

  it("prints its card: revisions, CSRs from each, the latest check", async () => {
    const shown = csr(["-C", dir, "show", "DYA-SQM", "--today", "2026-11-27"], { lang: null });
    expect([shown.code, shown.stderr]).toEqual([0, ""]);
    expect(shown.stdout).toBe(
      [
        "DYA-SQM  东岳汽车供应商质量手册",
        "",
        "  文件            customers/DYA.yaml",
        "  文件类别        顾客来源文件（外来文件）",
        "  顾客            DYA 东岳汽车股份有限公司",
        // The department acme-auto records as keeping it (csr source update --department).
        "  保管部门        品质部",
        "  版本            C：2024-06-12 发布、2024-06-17 接收；已被 D 版替代；CSR 2 条：DYA-002、DYA-003",
        "                  D：2026-03-09 发布、2026-03-16 接收、2026-04-01 实施；现行；CSR 4 条：DYA-002、DYA-004、DYA-005、DYA-006",
        "  最近核对        无（用 csr source confirm 记录核对）",
        "  另见            csr list external；csr list --customer DYA；csr source update DYA-SQM（登记新版本）",
        "",
      ].join("\n"),
    );
  });

  it("says when it was last confirmed current and when the next check is due, in English too, and as JSON", async () => {
    const copy = committedFixture("examples/acme-auto");
    appendFileSync(join(copy, "qms.yaml"), "document_control:\n  external_check_months: 12\n");
    expect((await csrInProcess(["-C", copy, "source", "confirm", "DYA-SC", "--by", "chenjing", "--date", "2026-11-20", "--via", "东岳供应商门户"], { lang: null })).code).toBe(0);
    const english = await csrInProcess(["-C", copy, "show", "DYA-SC", "--today", "2026-11-27"]);
    expect(english.stdout.split("\n").slice(5, 9)).toEqual([
      "  Kept by         Quality Assurance",
      "  Revisions       B: issued 2025-01-20, received 2025-02-10; current; CSRs: 1 (DYA-001)",
      "  Last confirmed  2026-11-20 Chen Jing (东岳供应商门户), revision B still current; next check by 2027-11-20",
      "  See also        csr list external; csr list --customer DYA; csr source update DYA-SC (a new revision)",
    ]);
    const json = JSON.parse((await csrInProcess(["-C", copy, "show", "DYA-SC", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect([json.file, json.customer, json.source.id, json.revisions, json.lastConfirmed, json.nextCheckDue]).toEqual([
      "customers/DYA.yaml",
      "DYA",
      "DYA-SC",
      [{ revision: "B", status: "current", csrs: ["DYA-001"] }],
      { date: "2026-11-20", by: "chenjing", revision: "B", via: "东岳供应商门户" },
      "2027-11-20",
    ]);
  });

  it("names csr list external when nothing has the id", async () => {
    const missing = await csrInProcess(["-C", dir, "show", "DYA-SQN"], { lang: null });
    expect([missing.code, missing.stderr]).toEqual([2, "csr: 仓库中没有文件、CSR、顾客、顾客来源文件、供方、工装或纠正措施记录 'DYA-SQN'。是否应为 'DYA-SQM'？\n提示：'csr list' 列出全部 CSR，'csr list documents' 列出全部文件，'csr list external' 列出顾客来源文件和外来文件，'csr list actions' 列出纠正措施记录。\n"]);
  });
});
