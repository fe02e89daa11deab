/**
 * A document number two files carry (breaker59 H7; csr check id/duplicate): csr site follows csr render --all,
 * which prints neither file. The number's page stays, so links to it still lead somewhere, but shows neither
 * file as the controlled text: it names both files and the fix, and csr site says so on stderr. On a copy of
 * acme-auto in a real git repository, run with the built binary.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, git, tempDir } from "../helpers.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("csr site: a document number two files carry", () => {
  let run: { code: number; stdout: string; stderr: string };
  let page: string;
  beforeAll(() => {
    const dir = committedFixture("examples/acme-auto");
    copyFileSync(join(dir, "documents/procedures/QP-014.yaml"), join(dir, "documents/procedures/QP-014副本.yaml"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "copy"]);
    const out = join(tempDir(), "site");
    // On a day of acme-auto's story: from 2026-12-07 on, BCM-005's review is overdue, an error more.
    run = csr(["-C", dir, "site", "--out", out, "--today", "2026-12-04"], { lang: "zh-CN" });
    page = readFileSync(join(out, "documents/QP-014.html"), "utf8");
  }, 120_000);

  it("says on stderr that the number's page shows a notice, naming both files and the fix", () => {
    // Exit code as for any other error-level finding of csr check: the site is built, its findings page has it.
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split("\n")).toContain(
      "以下编号有不止一个文件使用，其页面改为显示提示，两个文件都未发布（见 'csr check'，id/duplicate：请用 'csr renumber <文件>' 给草稿换一个未用的编号，或删除副本）：QP-014（documents/procedures/QP-014.yaml 和 documents/procedures/QP-014副本.yaml）。",
    );
    expect(run.stderr).toMatch(/csr check：1 个错误/);
  });

  it("publishes neither file as the document: the page names both and the fix", () => {
    expect(text(page)).toContain(
      "编号 QP-014 有不止一个文件使用：documents/procedures/QP-014.yaml 和 documents/procedures/QP-014副本.yaml。哪一份是受控文件，记录说不清，因此本页不显示其中任何一份（&#x27;csr render --all&#x27; 同样都不输出）。请修正：若多出的一份是另一份草稿，用 &#x27;csr renumber &lt;文件&gt;&#x27; 给它换一个未用的编号；若只是副本，删除它。见 &#x27;csr check&#x27;（id/duplicate）。",
    );
    // No controlled-looking page: no stamp, no status line, no document table.
    expect(page).not.toContain('class="stamp');
    expect(page).not.toContain("site-status");
    expect(page).not.toContain('<table class="page">');
    // The finding in the page's box of things to do, its rule id last (0c2ec656).
    expect(text(page)).toContain("错误 同一类的两个实体使用同一编号。 id/duplicate");
  });
});
