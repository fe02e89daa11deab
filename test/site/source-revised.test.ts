/**
 * The dashboard's 来源文件已换版待重审 (source revised, review again) after a customer's new source
 * revision registered the normal way (tester48 #13): it counts and lists the CSRs whose review csr
 * source update restarted and that are not yet decided, not only those still on a superseded revision.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";

const DAY = "2026-12-01";
/** csr's commit of the new revision dated DAY: the site of DAY reads the repository as it was at the end of that day. */
const ON_DAY = { GIT_AUTHOR_DATE: `${DAY}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${DAY}T10:00:00+08:00` };

describe("csr site after csr source update", () => {
  it("counts and lists under 来源文件已换版待重审 the CSRs reviewed again against the new revision", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
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
});
