/**
 * The latest check that an external document held is still its publisher's current edition (csr source confirm,
 * 外来文件有效性确认) on the site, as csr show gives it (breaker60 K5): a customer's page says under each source
 * document 最近核对 with the next check due when qms.yaml sets document_control.external_check_months, and an
 * external standard's page says it in its status section, its top line counting the check as the last record.
 * acme-auto and gjb-demo in real git repositories, the check recorded and the site built by the built binary.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, committedFixture, csr, tempDir } from "../helpers.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Builds the site of `dir` in `lang` on 2026-12-05 and returns the text of each of `pages`. */
function sitePages<P extends string[]>(dir: string, lang: "zh-CN" | "en", ...pages: P): { [K in keyof P]: string } {
  const out = join(tempDir(), "site");
  const run = csr(["-C", dir, "site", "--out", out, "--lang", lang, "--today", "2026-12-05"], { lang: null });
  expect(run.code, run.stderr).toBe(0);
  return pages.map((page) => text(readFileSync(join(out, page), "utf8"))) as { [K in keyof P]: string };
}

describe("csr site: the latest check that an external document is current", () => {
  let bcm: string;
  let bcmEn: string;
  let unset: string;
  let dya: string;
  let gjb: string;
  let gjbEn: string;
  beforeAll(() => {
    const acme = committedFixture("examples/acme-auto");
    [unset] = sitePages(acme, "zh-CN", "customers/BCM.html");
    const confirmed = csr(["-C", acme, "source", "confirm", "BCM-SQR", "--by", "chenjing", "--date", "2026-12-05", "--via", "北辰供应商门户"]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    appendFileSync(join(acme, "qms.yaml"), "document_control:\n  external_check_months: 12\n");
    commitAt(acme, "2026-12-05", "BCM-SQR confirmed current; checks every 12 months");
    [bcm, dya] = sitePages(acme, "zh-CN", "customers/BCM.html", "customers/DYA.html");
    [bcmEn] = sitePages(acme, "en", "customers/BCM.html");

    const demo = committedFixture("examples/gjb-demo");
    const standard = csr(["-C", demo, "source", "confirm", "GJB 9001C-2017", "--by", "chenhw", "--date", "2026-11-30", "--via", "国家标准化管理委员会网站"]);
    expect(standard.code, standard.stderr).toBe(0);
    commitAt(demo, "2026-11-30", "GJB 9001C-2017 confirmed current");
    [gjb] = sitePages(demo, "zh-CN", "documents/GJB 9001C-2017.html");
    [gjbEn] = sitePages(demo, "en", "documents/GJB 9001C-2017.html");
  }, 180_000);

  it("says under each source document of a customer's page who checked it last, where, and when the next check is due", () => {
    expect(bcm).toContain("来源文件 BCM-SQR 北辰汽车供应商质量要求 版本 发布日期 实施日期 接收日期 状态 V2.0 2025-08-28 2025-09-08 现行 最近核对：2026-12-05 陈静（北辰供应商门户），V2.0 版仍现行；下次核对 2027-12-05 前 ");
    // Never checked: counted from its receipt, as doc/external-check-due counts it.
    expect(bcm).toContain("来源文件 BCM-PKG 北辰汽车零部件包装与标识要求 版本 发布日期 实施日期 接收日期 状态 A 2026-09-30 2026-10-12 现行 最近核对：无记录；下次核对 2027-10-12 前 ");
    expect(bcm).toContain("最近核对：无记录；下次核对 2027-11-20 前");
    expect(bcmEn).toContain("Last confirmed: 2026-12-05 Chen Jing (北辰供应商门户), revision V2.0 still current; next check by 2027-12-05");
    expect(bcmEn).toContain("Last confirmed: none recorded; next check by 2027-10-12");
    // A due day already past says so, as csr check warns (doc/external-check-due), not read as a plan (breaker61 M5).
    expect(dya).toContain("最近核对：无记录；下次核对 2026-02-10 前（已逾期）");
  });

  it("gives no next check when qms.yaml sets no interval, and no csr command to a reader of the site", () => {
    expect(unset).toContain("V2.0 2025-08-28 2025-09-08 现行 最近核对：无记录 来源文件 BCM-PKG");
    expect(unset).not.toContain("下次核对");
    expect(bcm).not.toContain("csr source confirm");
  });

  it("gives an external standard's check in its status section and counts it as the last record in its top line", () => {
    expect(gjb).toContain("按最近一次记录（2026-11-30）为现行版本");
    expect(gjb).toContain("持有版本（发布方）：2017 最近核对：2026-11-30 陈宏伟（国家标准化管理委员会网站），2017 版仍现行 部门：质量部");
    expect(gjbEn).toContain("Last confirmed: 2026-11-30");
  });
});
