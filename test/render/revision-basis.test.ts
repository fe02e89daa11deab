/**
 * The rendered document's 修订记录 shows why each revision was made (tester61 L3): a 更改原因/依据 column after
 * 修订内容摘要 — the reason, change request and ECN numbers csr release --reason/--change-request/--ecn recorded —
 * once a revision records one, in Markdown, HTML and the site's page alike; a document whose revisions record
 * none keeps its columns. IATF 16949 8.5.6, 8.3.6, 7.5.3.2.2. A real git repository, the built binary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csr, tempDir } from "../helpers.js";
import { releasedWithBasis } from "../release-basis.js";

describe("the 修订记录 of a rendered document with a revision's reason, change request and ECN", () => {
  let dir: string;
  beforeAll(() => {
    const { dir: copy, release } = releasedWithBasis(["DYA-ECN-2026-118"]);
    dir = copy;
    expect(release.code).toBe(0);
  });

  const rendered = (id: string, format: string) => {
    const out = join(tempDir(), `${id}.${format}`);
    const run = csr(["-C", dir, "render", id, "--format", format, "--out", out], { lang: "zh-CN" });
    expect(run.code).toBe(0);
    return readFileSync(out, "utf8");
  };

  it("prints a 更改原因/依据 column after 修订内容摘要, empty for a revision that records none", () => {
    const md = rendered("QP-009", "md");
    const table = md.slice(md.indexOf("## 修订记录")).split("\n").slice(2, 6);
    expect(table[0]).toBe("| 日期 | 修订内容摘要 | 更改原因/依据 | 页次 | 版本/版次 | 修订人 | 审核人 | 批准人 | 总页数 |");
    expect(table.slice(2)).toEqual([
      "| 2024-03-01 | 体系换版，首次发布 |  | 全部 | A/0 | 赵强 | 张丽 | 徐海涛 | 2 |",
      "| 2026-11-20 | 报检时限改为8小时 | 原因：顾客投诉来料报检过慢；更改申请：QR-001-01-2026-031；ECN：DYA-ECN-2026-118 |  | A/1 | 赵强 | 张丽 | 徐海涛 | 2 |",
    ]);
    const html = rendered("QP-009", "html");
    expect(html).toContain('<th class="col-basis">更改原因/依据</th>');
    // Each number on one line (tester63 N15).
    expect(html).toContain('<td class="col-basis">原因：顾客投诉来料报检过慢；更改申请：<span class="nowrap">QR-001-01-2026-031</span>；ECN：<span class="nowrap">DYA-ECN-2026-118</span></td>');
  });

  it("leaves the column out of a document whose revisions record none", () => {
    const md = rendered("QP-010", "md");
    expect(md.slice(md.indexOf("## 修订记录")).split("\n")[2]).not.toContain("更改原因/依据");
  });

  it("shows it on the document's site page", () => {
    const out = join(tempDir(), "site");
    expect(csr(["-C", dir, "site", "--out", out], { lang: "zh-CN" }).code).toBe(0);
    const page = readFileSync(join(out, "documents/QP-009.html"), "utf8");
    expect(page).toContain('<th class="col-basis">更改原因/依据</th>');
    expect(page).toContain('原因：顾客投诉来料报检过慢；更改申请：<span class="nowrap">QR-001-01-2026-031</span>；ECN：<span class="nowrap">DYA-ECN-2026-118</span>');
  });
});
