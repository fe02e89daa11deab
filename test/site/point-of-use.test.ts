/**
 * A document's page of csr site read at the point of use (tester59 G1, G6, G14; IATF 16949 7.5.3.2.1, 7.5.3, 8.5.6):
 * a status line at the top says whether the page may be worked to (现行有效, 草稿, 已作废 with its replacement, 待实施)
 * and what 非受控 means; a revision released to take effect later (csr release --effective) leaves the page on the
 * version in force, as released, with a link to a page of the coming one marked 待实施. On a copy of acme-auto in
 * a real git repository, released by the built CLI's code in process.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csrInProcess, git, tempDir } from "../helpers.js";
import { daysAfter, today } from "../today.js";

const DAY = today();
const EFFECTIVE = daysAfter(DAY, 16);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const statusOf = (html: string) => /<div class="site-status site-status-(\w+)" role="note"><p class="site-status-line">(.*?)<\/p>/.exec(html)?.slice(1);
const UNCONTROLLED = "<p class=\"site-status-note\">“非受控”：本网页及其打印件仅供查阅，不是受控副本；受控副本是文件发放/回收记录中登记的编号纸质副本和电子版发放（见本页“受控副本”）。</p>";

describe("csr site: a document's page at the point of use", () => {
  let read: (path: string) => string;
  let readShallow: (path: string) => string;
  beforeAll(async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/instructions/WI-010-01.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("每2小时抽测5件", "每30分钟抽测5件"));
    const release = await csrInProcess(["-C", dir, "release", "WI-010-01", "--summary", "抽测频次改为每30分钟", "--total-pages", "1", "--reason", "8D-2026-0712-DYA 顾客投诉扣压外径超差，纠正措施 CAR-2026-0088", "--change-request", "DCR-2026-00123", "--ecn", "ECN-DYA-2026-045", "--pages", "P1", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--effective", EFFECTIVE, "-y", "--include-changes"], { lang: "zh-CN" });
    expect(release.code, release.stderr).toBe(0);
    const out = join(tempDir(), "site");
    const site = await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: "zh-CN" });
    expect(site.code, site.stderr).toBe(0);
    read = (path) => readFileSync(join(out, path), "utf8");
    // A shallow clone of one commit: git has the release of A/2, not the text of A/1 in force.
    const shallow = join(tempDir(), "shallow");
    git(tempDir(), ["clone", "-q", "--depth", "1", `file://${dir}`, shallow]);
    const shallowOut = join(tempDir(), "site");
    const shallowSite = await csrInProcess(["-C", shallow, "site", "--out", shallowOut, "--today", DAY], { lang: "zh-CN" });
    expect(shallowSite.code, shallowSite.stderr).toBe(0);
    readShallow = (path) => readFileSync(join(shallowOut, path), "utf8");
  }, 120_000);

  it("keeps the version in force on the page until a later revision's 实施日期, and links the coming one (G1)", () => {
    const page = read("documents/WI-010-01.html");
    expect(statusOf(page)).toEqual(["ok", `现行有效：A/1，2025-03-17 起生效；本页为其发布文本。A/2 已批准发布，${EFFECTIVE} 起实施；在此之前仍按本页 A/1 执行。<a href="../documents/WI-010-01-A2.html">查看 A/2（待实施，仅供培训/准备）</a>。`]);
    expect(page).toContain(UNCONTROLLED);
    expect(page).toContain('<div class="stamp stamp-uncontrolled">非受控</div>');
    expect(page).toContain("<th>版本/版次</th><td>A/1</td>");
    expect(text(page)).toContain("每2小时抽测5件扣压外径并记录");
    expect(page).not.toContain("每30分钟抽测5件");
    // The status block at the bottom still says which version is in force and which is coming.
    expect(text(page)).toContain(`现行版本：A/1；A/2 待实施（${EFFECTIVE} 实施）`);
    // Its 状态 names the version in force first, as csr show does (tester61 L11).
    expect(text(page)).toContain(`状态：已发布（A/1 现行；A/2 待实施，${EFFECTIVE} 实施）`);

    const coming = read("documents/WI-010-01-A2.html");
    expect(statusOf(coming)).toEqual(["pending", `待实施：本页为 A/2，${EFFECTIVE} 起实施，仅供培训/准备，在此之前不得用于生产。现行有效的是 <a href="../documents/WI-010-01.html">WI-010-01 A/1</a>。`]);
    expect(coming).toContain('<div class="stamp stamp-pending">待实施 非受控</div>');
    // That page has no copies section: its 非受控 note sends the reader to the copies of the version in force (page59).
    expect(coming).toContain('<p class="site-status-note">“非受控”：本网页及其打印件仅供培训/准备，不是受控副本；现行版本的受控副本见 WI-010-01 A/1 页的“受控副本”。</p>');
    expect(coming).not.toContain(UNCONTROLLED);
    expect(coming).toContain("<th>版本/版次</th><td>A/2</td>");
    expect(text(coming)).toContain("每30分钟抽测5件扣压外径并记录");

    // The search finds the text in force, not the coming one.
    const entries = read("assets/search-entries.js");
    expect(entries).toContain("每2小时抽测5件");
    expect(entries).not.toContain("每30分钟抽测5件");
    // Yet the coming revision's basis finds the document: an 8D-driven change waits for its training (breaker63 P2).
    const { entries: all } = JSON.parse(entries.slice(entries.indexOf("{"), entries.lastIndexOf("}") + 1)) as { entries: { key: string; text: string }[] };
    const lines = all.find((e) => e.key === "document:WI-010-01")!.text.split("\n");
    expect(lines.slice(lines.indexOf("扣压外径标注为关键特性★（东岳▽），增加每2小时扣压外径记录"))).toEqual([
      "扣压外径标注为关键特性★（东岳▽），增加每2小时扣压外径记录",
      "8D-2026-0712-DYA 顾客投诉扣压外径超差，纠正措施 CAR-2026-0088",
      "DCR-2026-00123",
      "ECN-DYA-2026-045",
    ]);
    expect(all.filter((e) => e.text.includes("CAR-2026-0088")).map((e) => e.key)).toEqual(["document:WI-010-01"]);
  });

  it("says at the top that a document in force may be used, a draft may not, and a withdrawn one's replacement (G6, G14)", () => {
    const inForce = read("documents/QP-003.html");
    expect(statusOf(inForce)).toEqual(["ok", "现行有效：A/0，2024-03-01 起生效；本页为其发布文本。"]);
    expect(inForce).toContain(UNCONTROLLED);
    // Above the document, under the header.
    expect(inForce.indexOf('<div class="site-status')).toBeLessThan(inForce.indexOf('<table class="page">'));

    const draft = read("documents/WI-011-01.html");
    expect(statusOf(draft)).toEqual(["stop", "草稿，未批准，不得用于生产。"]);
    expect(draft).not.toContain("site-status-note");

    const withdrawn = read("documents/HH-F-013.html");
    expect(statusOf(withdrawn)).toEqual(["stop", '已作废（2025-05-12），不得使用；替代文件：<a href="../documents/QR-007-02.html">QR-007-02</a>。']);
    // The red notice above the form gives the date and the reason; the replacement is linked once, in the status line the reader sees first (page59).
    expect(withdrawn).toContain('<div class="obsolete-notice"><strong>本文件已作废</strong> · 作废日期：2025-05-12 · 作废原因：APQP程序A/1修订，阶段评审改用QR-007-02；已填写的记录继续按保存期限保存</div>');
    expect(withdrawn.split('href="../documents/QR-007-02.html"').length - 1).toBe(1);
  });

  it("says above the coming version, when git lacks the text of the version in force, that the page shows it and from when (page59)", () => {
    const page = readShallow("documents/WI-010-01.html");
    expect(statusOf(page)).toEqual(["pending", `待实施：本页为 A/2，${EFFECTIVE} 起实施，仅供培训/准备，在此之前不得用于生产。现行有效的是 WI-010-01 A/1。`]);
    expect(page).toContain(UNCONTROLLED);
    expect(page).toContain("<h2>现行版本 A/1 的正文无法读取：本页显示待实施的版本</h2>");
    expect(page).toContain(
      `WI-010-01 现行有效的是 A/1 版，但 git 中没有其发布时的文本（标签 WI-010-01/A-1；浅克隆，或未经 csr release 发布）。本页显示的是待实施的 A/2 版，${EFFECTIVE} 起实施；在此之前请按 A/1 版的受控副本执行。`,
    );
    expect(page).toContain('<div class="stamp stamp-pending">待实施 非受控</div>');
    expect(text(page)).toContain("每30分钟抽测5件扣压外径并记录");
  });
});

describe("csr site: an external document's page (page59)", () => {
  it("says who issued it, the edition held, that it is current as last recorded, and that it is controlled as an external document", async () => {
    const out = join(tempDir(), "site");
    const site = await csrInProcess(["-C", copyFixture("examples/gjb-demo"), "site", "--out", out, "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(site.code, site.stderr).toBe(0);
    const page = readFileSync(join(out, "documents/GJB 9001C-2017.html"), "utf8");
    expect(statusOf(page)).toEqual(["ok", "外来文件：中央军委装备发展部发布，本单位持有 2017 版（2017-06-05 接收）；按最近一次记录（2017-06-05）为现行版本。"]);
    expect(page).toContain('<p class="site-status-note">按外来文件受控：列入外来文件清单，纸质副本按文件发放/回收记录发放和回收；本网页及其打印件为“非受控”，仅供查阅。</p>');
  });
});

describe("csr site: a released instruction whose form list names a document that does not exist (G2)", () => {
  it("keeps its text on the page, marks the one reference in place and lists the finding under the text", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/instructions/WI-010-02.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^forms: \[HH-F-045\]/m, "forms: [HH-F-045, QR-999]"));
    // Committed, as the file released: csr render prints an uncommitted edit's released text instead (breaker64 P12).
    git(dir, ["commit", "-qam", "WI-010-02 lists QR-999"]);
    const out = join(tempDir(), "site");
    const site = await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: "zh-CN" });
    expect(site.code, site.stderr).toBe(0);
    expect(site.stdout + site.stderr).not.toContain("改为显示提示");
    const page = readFileSync(join(out, "documents/WI-010-02.html"), "utf8");
    expect(page).not.toContain("无法显示");
    expect(page).toContain('<tr><td class="nowrap">QR-999</td><td>（仓库中没有该文件）</td>');
    expect(page).toContain("<th>版本/版次</th><td>A/1</td>");
    expect(statusOf(page)?.[0]).toBe("ok");
    const todo = page.split('<details class="site-todo">')[1]!.split("</details>")[0]!;
    expect(todo).toContain("<summary>文控待办（1）</summary>");
    expect(todo).toContain('<a href="../findings.html">ref/unresolved</a>');
    // csr render still refuses it: a controlled print must not list a reference it cannot title.
    const render = await csrInProcess(["-C", dir, "render", "WI-010-02", "--format", "md", "--out", join(tempDir(), "WI-010-02.md")], { lang: "zh-CN" });
    expect(render.code).toBe(2);
    expect(render.stderr).toContain("WI-010-02 引用了 QR-999，但仓库中没有该文件");
  }, 120_000);
});
