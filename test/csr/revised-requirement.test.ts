/**
 * A customer's new revision that changes a requirement (tester54a A1): csr source update restarts
 * the review of BCM-002 on BCM-SQR V3.0, and csr set records V3.0's wording. The round that reviewed
 * V2.0 keeps the wording it decided on (review.history[].text), and its review report, a view of a
 * day before the restart and csr show print it; the new wording is the new round's. On a copy of
 * examples/acme-auto in a real git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";

const OLD = "委托外部实验室进行的检测和校准，实验室须具有CNAS认可，认可范围须覆盖委托的项目；不得使用仅有营业执照的检测机构。";
const NEW = "委托外部实验室进行的检测和校准，实验室须具有CNAS认可，认可范围须覆盖委托项目；检测报告须在试验完成后5个工作日内提交北辰SQE。";

/** acme-auto with BCM-SQR V3.0 received on 2026-12-01: BCM-001 unchanged, BCM-002 changed, BCM-003 removed. */
async function revised(): Promise<string> {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  const update = await csrInProcess(
    ["-C", dir, "source", "update", "BCM-SQR", "--revision", "V3.0", "--issued", "2026-11-27", "--received", "2026-12-01", "--effective", "2027-03-01", "--unchanged", "BCM-001", "--removed", "BCM-003", "--by", "zhangli", "--date", "2026-12-01", "-y", "--commit"],
    { lang: "zh-CN" },
  );
  expect(update.code).toBe(0);
  return dir;
}

describe("a requirement changed by the customer's new revision (tester54a A1)", () => {
  it("csr set records the new wording in the new round, the V2.0 round keeps the text it reviewed, and its report and csr show print it", async () => {
    const dir = await revised();
    const set = await csrInProcess(["-C", dir, "set", "BCM-002", "--text", NEW, "--commit"], { lang: "zh-CN" });
    expect(set.code).toBe(0);
    expect(set.stdout.split("\n")[2]).toBe(
      "BCM-002 的要求内容按来源文件 V3.0 版更改，在新一轮评审中评审（不是更正）；V2.0 版评审时的原文记入该轮评审记录（review.history），其评审报告和此前日期的视图照原文打印。",
    );
    const yaml = readFileSync(join(dir, "csr/BCM/BCM-002.yaml"), "utf8");
    expect(yaml).toContain(`\ntext: ${NEW}\n`);
    expect(yaml).toContain(`        date: 2025-09-16\n      text: ${OLD}\n  restarted: 2026-12-01\n`);
    // Said once: a second change in the same round keeps the V2.0 wording, not the first V3.0 one.
    expect((await csrInProcess(["-C", dir, "set", "BCM-002", "--text", NEW + "另附", "-y"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(dir, "csr/BCM/BCM-002.yaml"), "utf8")).toContain(`      text: ${OLD}\n  restarted: 2026-12-01\n`);

    const out = tempDir();
    const old = await csrInProcess(["-C", dir, "render", "BCM-002", "--as-of", "2025-10-01", "--format", "md", "--out", join(out, "old.md")], { lang: "zh-CN" });
    expect(old.code).toBe(0);
    const report = readFileSync(join(out, "old.md"), "utf8");
    expect(report).toContain("| 来源文件 | BCM-SQR 北辰汽车供应商质量要求 | 来源文件版本 | V2.0 |");
    expect(report).toContain(`## 1 要求内容：外部实验室须具有CNAS认可且认可范围覆盖委托项目\n\n${OLD}\n`);
    expect(report).not.toContain("5个工作日内");
    // Today's report: the new round, on V3.0, with the new wording.
    expect((await csrInProcess(["-C", dir, "render", "BCM-002", "--format", "md", "--out", join(out, "new.md")], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(out, "new.md"), "utf8")).toContain(`${NEW}另附\n`);

    const show = await csrInProcess(["-C", dir, "show", "BCM-002"], { lang: "zh-CN" });
    expect(show.stdout).toContain(`重新评审，V2.0 版，2026-12-01 结束\n                    该轮评审的要求内容：${OLD}\n                    市场部 同意，孙伟，2025-09-09：无异议。\n`);
    expect((await csrInProcess(["-C", dir, "check"], { lang: "zh-CN" })).stdout).not.toContain("error");
  });
});
