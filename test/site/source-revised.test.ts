/**
 * The dashboard's 来源文件已换版待重审 (source revised, review again) after a customer's new source
 * revision registered the normal way (tester48 #13): it counts and lists the CSRs whose review csr
 * source update restarted and that are not yet decided, not only those still on a superseded revision.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, tempDir } from "../helpers.js";

const DAY = "2026-12-01";
/** csr's commit of the new revision dated DAY: the site of DAY reads the repository as it was at the end of that day. */
const ON_DAY = { GIT_AUTHOR_DATE: `${DAY}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${DAY}T10:00:00+08:00` };

describe("csr site after csr source update", () => {
  it("counts and lists under 来源文件已换版待重审 the CSRs reviewed again against the new revision", async () => {
    const dir = committedFixture("examples/acme-auto");
    const updated = await csrInProcess(["-C", dir, "source", "update", "BCM-SQR", "--revision", "V3.0", "--issued", "2026-11-28", "--received", DAY, "-y", "--commit"], { lang: "zh-CN", env: ON_DAY });
    expect(updated.stdout.split("\n")[1]).toBe("3 条 CSR 需按版本 V3.0 重新评审，期限 2026-12-15：");
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: "zh-CN" })).code).toBe(0);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('<a class="site-number warn" href="lists/reviews-source-revised.html"><span class="count">3</span> <span class="label">来源文件已换版待重审</span></a>');
    const list = readFileSync(join(out, "lists/reviews-source-revised.html"), "utf8");
    const rows = [...list.matchAll(/<tr><td class="number">(\d+)<\/td><td class="code"><a [^>]*>([^<]+)<\/a><\/td>.*?<td class="date">([^<]*)<\/td><td class="date">([^<]*)<\/td><td class="date">([^<]*)<\/td>/g)].map((m) => m.slice(1).join(" "));
    expect(rows).toEqual(["1 BCM-001 2025-09-08 2026-12-01 2026-12-15", "2 BCM-002 2025-09-08 2026-12-01 2026-12-15", "3 BCM-003 2025-09-08 2026-12-01 2026-12-15"]);
    expect(list).toContain("因顾客来源文件换版而重新评审、尚未作出结论的顾客特定要求");
  });

  it("counts and lists under 重审后结论有变、尚未重新发放 a CSR decided again with another disposition and not distributed since (csr/not-redistributed)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const run = async (args: string[], day: string) => {
      const env = { GIT_AUTHOR_DATE: `${day}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${day}T10:00:00+08:00` };
      expect((await csrInProcess(["-C", dir, ...args, "-y", "--commit"], { lang: "zh-CN", env })).stderr).toBe("");
    };
    await run(["source", "update", "BCM-SQR", "--revision", "V3.0", "--issued", "2026-11-28", "--received", DAY], DAY);
    for (const [department, reviewer] of [["MKT", "sunwei"], ["QA", "zhangli"], ["ENG", "zhoupeng"], ["PRD", "huangjun"]]) {
      await run(["review", "BCM-002", "--department", department!, "--reviewer", reviewer!, "--opinion", "accept", "--date", "2026-12-02"], "2026-12-02");
    }
    await run(["review", "BCM-002", "--disposition", "optional", "--by", "xuht", "--date", "2026-12-03"], "2026-12-03");
    const out = join(tempDir(), "site");
    // Due 5 working days after the decision (2026-12-10), one working day past it.
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-11"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain(
      '<a class="site-number warn" href="lists/csr-not-redistributed.html"><span class="count">1</span> <span class="label">重审后结论有变、尚未重新发放</span></a>',
    );
    expect(readFileSync(join(out, "lists/csr-not-redistributed.html"), "utf8")).toContain(
      '<tr><td class="number">1</td><td class="code"><a href="../csr/BCM-002.html">BCM-002</a></td><td>外部实验室须具有CNAS认可且认可范围覆盖委托项目</td>' +
        '<td>按 BCM-SQR V3.0 版重新评审，2026-12-03 作出结论（结论由“必须满足”改为“可选”），尚未重新发放给品质部、技术部</td>' +
        '<td class="date">2026-12-10</td><td class="number">1</td><td class="name">徐海涛</td></tr>',
    );
  });
});
