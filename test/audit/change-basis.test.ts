/**
 * Why a document changed and under which request (tester61 L3): csr release --reason, --change-request and
 * --ecn record the 更改原因, the 文件更改申请单号 and the customer's change notices on the revision, and
 * csr history, csr show and csr changes print them (IATF 16949 8.5.6, 8.3.6, 7.5.3.2.2).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csr } from "../helpers.js";
import { releasedWithBasis } from "../release-basis.js";

describe("a revision's reason, change request and ECN", () => {
  let dir: string;
  beforeAll(() => {
    const { dir: copy, release } = releasedWithBasis(["DYA-ECN-2026-118，DYA-ECN-2026-120", "DYA-ECN-2026-118"]);
    dir = copy;
    expect(release.stderr).toBe("");
    expect(release.code).toBe(0);
  });

  it("are written on the revision by csr release, each ECN once", () => {
    const text = readFileSync(join(dir, "documents/procedures/QP-009.yaml"), "utf8");
    expect(text).toContain(
      ["    summary: 报检时限改为8小时", "    reason: 顾客投诉来料报检过慢", "    change_request: QR-001-01-2026-031", "    ecn:", "      - DYA-ECN-2026-118", "      - DYA-ECN-2026-120", "    total_pages: 2", "    prepared:"].join("\n"),
    );
  });

  it("are printed by csr history (a column) and in its json", () => {
    const text = csr(["-C", dir, "history", "QP-009"], { lang: "zh-CN" });
    expect(text.code).toBe(0);
    const row = text.stdout.split("\n").find((line) => line.startsWith("A/1 "))!;
    expect(row).toMatch(/^A\/1 {3}2026-11-20 {2}报检时限改为8小时 {3}原因：顾客投诉来料报检过慢；更改申请：QR-001-01-2026-031；ECN：DYA-ECN-2026-118、DYA-ECN-2026-120 {2}须于 2026-11-27 前通知顾客 DYA {2}zhaoqiang 赵强/);
    expect(text.stdout.split("\n")[2]).toContain("修订内容摘要        更改原因/依据");
    const json = JSON.parse(csr(["-C", dir, "history", "QP-009", "--format", "json"]).stdout) as { revisions: Record<string, unknown>[] };
    expect(json.revisions[0]).not.toHaveProperty("reason");
    expect(json.revisions[1]).toMatchObject({ version: "A/1", reason: "顾客投诉来料报检过慢", change_request: "QR-001-01-2026-031", ecn: ["DYA-ECN-2026-118", "DYA-ECN-2026-120"] });
  });

  // DYA's change notices (DYA-ECN-…) owe DYA a notice of the change within 5 working days (DYA-004, tester77 E2): printed after them.
  it("are printed on the revision's line of csr show, in English too", () => {
    const zh = csr(["-C", dir, "show", "QP-009"], { lang: "zh-CN" }).stdout.split("\n");
    expect(zh).toContain("                  A/1  2026-11-20  报检时限改为8小时  原因：顾客投诉来料报检过慢；更改申请：QR-001-01-2026-031；ECN：DYA-ECN-2026-118、DYA-ECN-2026-120  须于 2026-11-27 前通知顾客 DYA");
    const en = csr(["-C", dir, "show", "QP-009"], { lang: "en" }).stdout;
    expect(en).toContain("A/1  2026-11-20  报检时限改为8小时  reason: 顾客投诉来料报检过慢; change request QR-001-01-2026-031; ECN DYA-ECN-2026-118, DYA-ECN-2026-120  to be notified to customer DYA by 2026-11-27\n");
  });

  it("are in csr changes's row of the revision and its json", () => {
    const text = csr(["-C", dir, "changes", "2026-11-01", "2026-11-30"], { lang: "zh-CN" });
    expect(text.code).toBe(0);
    const row = text.stdout.split("\n").find((line) => line.includes("QP-009"))!;
    expect(row).toContain("A/1             报检时限改为8小时；原因：顾客投诉来料报检过慢；更改申请：QR-001-01-2026-031；ECN：DYA-ECN-2026-118、DYA-ECN-2026-120  须于 2026-11-27 前通知顾客 DYA  编制：赵强 2026-11-20");
    const json = JSON.parse(csr(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--format", "json"]).stdout) as { changes: Record<string, unknown>[] };
    expect(json.changes.find((c) => c.id === "QP-009")).toMatchObject({ kind: "released", detail: "报检时限改为8小时", reason: "顾客投诉来料报检过慢", change_request: "QR-001-01-2026-031", ecn: ["DYA-ECN-2026-118", "DYA-ECN-2026-120"] });
  });

  it("are refused by csr check when an ECN is listed twice, at its line", () => {
    const file = join(dir, "documents/procedures/QP-009.yaml");
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before.replace("      - DYA-ECN-2026-120", "      - DYA-ECN-2026-118"));
    const check = csr(["-C", dir, "check"], { lang: "zh-CN" });
    writeFileSync(file, before);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("documents/procedures/QP-009.yaml:33:7 error schema/invalid-value 'revisions[1].ecn' 中有重复的项（第 1 项和第 0 项，从 0 起数）。请删除重复的一项。\n");
  });
});
