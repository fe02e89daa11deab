/**
 * A revision's summary and reason in English (tester65 N5): csr release --summary-en and --reason-en record
 * summary_en and reason_en on the revision, and every English output of the revision record prints them in
 * place of the Chinese (csr history, csr show, csr changes, csr render); Chinese outputs keep the Chinese.
 * An English summary written in later is a translation of the record, not a rewrite of it (IATF 16949 7.5.3.2.1).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, git } from "../helpers.js";

describe("a revision's English summary and reason", () => {
  let dir: string;
  beforeAll(() => {
    dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-009.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
    const release = csr(
      ["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--total-pages", "2", "--summary-en", "Incoming inspection within 8 hours of receipt",
        "--reason", "顾客投诉来料报检过慢", "--reason-en", "Customer complaint: incoming inspection too slow", "--change-request", "QR-001-01-2026-031",
        "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-20", "-y"],
      { lang: "zh-CN" },
    );
    expect(release.stderr).toBe("");
    expect(release.code).toBe(0);
  });

  it("are written on the revision by csr release, each after its Chinese", () => {
    const text = readFileSync(join(dir, "documents/procedures/QP-009.yaml"), "utf8");
    expect(text).toContain(
      ["    summary: 报检时限改为8小时", "    summary_en: Incoming inspection within 8 hours of receipt", "    reason: 顾客投诉来料报检过慢",
        "    reason_en: \"Customer complaint: incoming inspection too slow\"", "    change_request: QR-001-01-2026-031", "    total_pages: 2", "    prepared:"].join("\n"),
    );
    // The schema knows both fields: no schema finding on the file.
    expect(csr(["-C", dir, "check", "--today", "2026-11-20"], { lang: "en" }).stdout).not.toContain("schema/");
  });

  it("are printed by csr history in English, the Chinese in Chinese", () => {
    const en = csr(["-C", dir, "history", "QP-009"], { lang: "en" });
    expect(en.code).toBe(0);
    expect(en.stdout.split("\n").find((line) => line.startsWith("A/1 "))).toMatch(
      /^A\/1 {6}2026-11-20 {2}Incoming inspection within 8 hours of receipt {2}reason: Customer complaint: incoming inspection too slow; change request QR-001-01-2026-031 {2}zhaoqiang Zhao Qiang/,
    );
    const zh = csr(["-C", dir, "history", "QP-009"], { lang: "zh-CN" });
    expect(zh.stdout.split("\n").find((line) => line.startsWith("A/1 "))).toMatch(/^A\/1 {3}2026-11-20 {2}报检时限改为8小时 {3}原因：顾客投诉来料报检过慢；更改申请：QR-001-01-2026-031 {2}zhaoqiang 赵强/);
  });

  it("are printed on the revision's line of csr show in English", () => {
    const en = csr(["-C", dir, "show", "QP-009"], { lang: "en" }).stdout;
    expect(en).toContain("A/1  2026-11-20  Incoming inspection within 8 hours of receipt  reason: Customer complaint: incoming inspection too slow; change request QR-001-01-2026-031\n");
    const zh = csr(["-C", dir, "show", "QP-009"], { lang: "zh-CN" }).stdout;
    expect(zh).toContain("A/1  2026-11-20  报检时限改为8小时  原因：顾客投诉来料报检过慢；更改申请：QR-001-01-2026-031\n");
  });

  it("are csr changes's detail of the revision in English, and in its json", () => {
    const text = csr(["-C", dir, "changes", "2026-11-01", "2026-11-30"], { lang: "en" });
    expect(text.code).toBe(0);
    const row = text.stdout.split("\n").find((line) => line.includes("QP-009"))!;
    expect(row).toContain("  Incoming inspection within 8 hours of receipt; reason: Customer complaint: incoming inspection too slow; change request QR-001-01-2026-031  ");
    const json = JSON.parse(csr(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--format", "json"], { lang: "en" }).stdout) as { changes: Record<string, unknown>[] };
    expect(json.changes.find((c) => c.id === "QP-009")).toMatchObject({
      kind: "released",
      detail: "报检时限改为8小时",
      detail_en: "Incoming inspection within 8 hours of receipt",
      reason: "顾客投诉来料报检过慢",
      reason_en: "Customer complaint: incoming inspection too slow",
    });
  });

  it("are the printed document's 修订记录 in English (csr render)", () => {
    const out = join(dir, "QP-009.en.md");
    expect(csr(["-C", dir, "render", "QP-009", "--format", "md", "--lang", "en", "--out", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("| 2026-11-20 | Incoming inspection within 8 hours of receipt | reason: Customer complaint: incoming inspection too slow; change request QR-001-01-2026-031 |");
  });

  it("written in later for an earlier revision is no rewrite of the record", () => {
    const file = join(dir, "documents/procedures/QP-009.yaml");
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before.replace("    summary: 体系换版，首次发布\n", "    summary: 体系换版，首次发布\n    summary_en: First issue under the new system\n"));
    expect(readFileSync(file, "utf8")).not.toBe(before);
    git(dir, ["commit", "-qam", "English summary of A/0"]);
    const check = csr(["-C", dir, "check", "--base", "HEAD~1"], { lang: "en" });
    expect(check.stdout).not.toContain("revision-history-rewritten");
    const history = csr(["-C", dir, "history", "QP-009"], { lang: "en" }).stdout;
    expect(history.split("\n").find((line) => line.startsWith("A/0 "))).toMatch(/^A\/0 {6}\d{4}-\d{2}-\d{2} {2}First issue under the new system {2}/);
    expect(history).not.toContain("!");
  });
});
