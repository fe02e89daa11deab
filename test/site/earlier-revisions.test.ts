/**
 * An earlier revision's text on the site (tester59 G11): a document's page links each earlier revision git holds
 * the text of to a page of that revision as released, stamped 已替代 非受控 and saying from when which revision
 * replaced it, with a link back; a revision whose text git lacks gets no page; the search does not find these pages.
 * acme-auto with WI-010-01 revised to A/2 in a commit of its own, built by the built binary.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, committedFixture, csr, filesOf, tempDir } from "../helpers.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const A2 = `  - version: A/2
    date: 2026-11-02
    summary: 抽测频次由每2小时改为每1小时
    pages: P1
    total_pages: 1
    prepared: {by: gaoyang, date: 2026-10-26}
    reviewed: {by: huangjun, date: 2026-10-29}
    approved: {by: zhangli, date: 2026-11-02}
forms: [HH-F-052]`;

describe("csr site: an earlier revision's text", () => {
  let out: string;
  beforeAll(() => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents", "instructions", "WI-010-01.yaml");
    const yaml = readFileSync(file, "utf8");
    writeFileSync(file, yaml.replace("forms: [HH-F-052]", A2).replace("effective: 2025-03-17", "effective: 2026-11-02").replace("3. 每2小时抽测5件", "3. 每1小时抽测5件"));
    commitAt(dir, "2026-11-02", "WI-010-01 A/2");
    out = join(tempDir(), "site");
    const run = csr(["-C", dir, "site", "--out", out, "--today", "2026-12-05"], { lang: "zh-CN" });
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it("links each earlier revision git holds from the document's page", () => {
    const page = readFileSync(join(out, "documents", "WI-010-01.html"), "utf8");
    expect(page).toContain('<li><a href="../documents/WI-010-01~A-1.html">A/1 版（2026-11-02 起被 A/2 版替代）</a></li>');
    expect(text(page)).toContain("每1小时抽测5件扣压外径");
    // A/0 was never committed: git holds no text of it.
    expect(page).not.toContain("WI-010-01~A-0.html");
    expect(existsSync(join(out, "documents", "WI-010-01~A-0.html"))).toBe(false);
  });

  it("shows the revision as released, stamped superseded, with what replaced it and a link back", () => {
    const page = readFileSync(join(out, "documents", "WI-010-01~A-1.html"), "utf8");
    expect(page).toContain('<p class="site-status-line">作废版本 — 仅供参考：WI-010-01 的 A/1 版自 2026-11-02 起已被 A/2 版替代，不得用于生产。<a href="../documents/WI-010-01.html">现行版本见 WI-010-01 的页面</a>。</p>');
    expect(page).toContain('<div class="stamp stamp-superseded">已替代 非受控</div>');
    expect(text(page)).toContain("每2小时抽测5件扣压外径");
    expect(text(page)).not.toContain("每1小时");
  });

  // Linked from the document's page alone: not from the search's index, nor from any other page.
  it("leaves the earlier revision's page out of the search", () => {
    const linking = filesOf(out).filter((f) => f !== ".csr-site" && readFileSync(join(out, f), "utf8").includes("WI-010-01~A-1"));
    expect(linking).toEqual(["documents/WI-010-01.html"]);
  });
});
