/**
 * An external document's page of csr site (after 6cdfd8ce): its top line says the web page is 非受控, and so do the
 * stamp and statement under it (外来文件 非受控, no 本文件为受控文件 line), while the note still says the document
 * itself is controlled as an external document; its status section gives the publisher's edition held
 * (external.revision), not 现行版本：—. On gjb-demo in a real git repository, built by the built binary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, tempDir } from "../helpers.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("csr site: an external document's page", () => {
  let zh: string;
  let en: string;
  beforeAll(() => {
    const dir = committedFixture("examples/gjb-demo");
    for (const lang of ["zh-CN", "en"] as const) {
      const out = join(tempDir(), "site");
      const run = csr(["-C", dir, "site", "--out", out, "--lang", lang, "--today", "2026-12-05"], { lang: null });
      expect(run.code, run.stderr).toBe(0);
      const page = readFileSync(join(out, "documents", "GJB 9001C-2017.html"), "utf8");
      if (lang === "zh-CN") zh = page;
      else en = page;
    }
  }, 120_000);

  it("stamps it 外来文件 非受控, as its top line says, and keeps the note that the document is controlled as an external one", () => {
    expect(zh).toContain("本网页及其打印件为“非受控”，仅供查阅。");
    expect(zh).toContain('<div class="stamp stamp-external-uncontrolled">外来文件 非受控</div>');
    expect(zh).not.toContain("受控 外来文件");
    expect(zh).not.toContain("本文件为受控文件");
    expect(zh).toContain("本文件为外来文件，由发布单位编写和批准；本单位自接收之日起登记受控（外来文件清单），不另行编制、审核、批准。");
    expect(en).toContain('<div class="stamp stamp-external-uncontrolled">EXTERNAL · UNCONTROLLED</div>');
    expect(en).not.toContain("CONTROLLED · EXTERNAL");
  });

  it("gives the edition held in its status section", () => {
    expect(text(zh)).toContain("状态：现行 持有版本（发布方）：2017 最近核对：无记录 部门：质量部");
    expect(zh).not.toContain("现行版本：—");
    expect(text(en)).toContain("Edition held (publisher&#x27;s): 2017");
  });
});
