/**
 * The site as a customer's SQE reads it in a second-party audit (tester70): acme-auto in a real git
 * repository, its site built by the built binary on 2026-12-06.
 * P7: the customer's page lists its CSRs in one table with the CSR list's and the matrix's values.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csr, gitInit, tempDir } from "../helpers.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Builds the site of `dir` in `lang` on 2026-12-06 with `args` and returns its folder. */
function site(dir: string, lang: "zh-CN" | "en", ...args: string[]): string {
  const out = join(tempDir(), "site");
  const run = csr(["-C", dir, "site", "--out", out, "--lang", lang, "--today", "2026-12-06", ...args], { lang: null });
  expect(run.code, run.stderr).toBe(0);
  return out;
}

const page = (out: string, path: string) => readFileSync(join(out, path), "utf8");

describe("csr site: a customer's page for the customer's SQE", () => {
  let zh: string;
  let en: string;
  beforeAll(() => {
    const acme = gitInit(copyFixture("examples/acme-auto"));
    zh = site(acme, "zh-CN");
    en = site(acme, "en");
  }, 180_000);

  it("lists the customer's CSRs in one table: received, deadline, decided, in time, disposition, where addressed, owner, dates, status and training", () => {
    const dya = text(page(zh, "customers/DYA.html"));
    expect(dya).toContain(
      "顾客特定要求（7 项） 编号 要求名称 接收日期 评审期限 决定日期 及时性 处置 落实文件 负责人 完成期限 顾客要求日期 导入生产日期 状态 培训 " +
        "DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注 2025-02-10 2025-02-24 2025-02-17 按期 必须满足 QP-014 A/1 5.2 符号转换 WI-010-01 A/1 3 质量要求 QR-014-01 A/1 周鹏 2025-04-30 2025-04-25 已验证 只登记了记录编号，受训人员见该记录 培训记录 TR-2025-014 " +
        "DYA-002 顾客投诉的围堵和8D报告时限 2024-06-17 换版重评日期 2026-03-16 2026-03-30 2026-03-23 按期 必须满足 QP-013 A/2 5.2 顾客投诉时限 QR-013-01 A/1 张丽 2026-04-30 2026-04-01 2026-04-20 已实施 部分培训（已培训 4/8 人） 2026-03-30 TR-2026-018 ",
    );
    expect(dya).toContain("DYA-006 返工前风险评估，返工品100%复检并可追溯 2026-03-16 2026-03-30 2026-03-23 按期 必须满足 QP-012 A/2 5.4 返工和返修 QR-012-02 A/1 黄军 2026-12-18 2026-12-31 已落实到文件 ");
    expect(dya).toContain("DYA-007 2027年度供应商质量和交付绩效目标 2026-11-24 2026-12-08 未到期 评审中 按 IATF 16949 7.5.3.2.2，顾客要求自接收日起 10 个工作日内评审；各栏的数值与顾客特定要求清单和矩阵中同一要求的相同。");
    // No table a status: every CSR in the one table.
    expect(dya).not.toContain("已验证（1）");
    // Each addressing document linked to its page, one place a line.
    expect(page(zh, "customers/DYA.html")).toContain('<a href="../documents/QP-013.html">QP-013</a> A/2 5.2 顾客投诉时限<br><a href="../documents/QR-013-01.html">QR-013-01</a> A/1');
    expect(text(page(en, "customers/DYA.html"))).toContain(
      "Customer-specific requirements (7) ID Title Received Review due Decided on Timeliness Disposition Addressed in Owner Due Customer&#x27;s date Implemented on Status Training " +
        "DYA-001 Mark special characteristics with Dongyue symbols or approved equivalents 2025-02-10 2025-02-24 2025-02-17 on time must meet QP-014 A/1 5.2 符号转换",
    );
  });
});
