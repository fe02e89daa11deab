/**
 * A deviation records the revision it deviates from (`deviates_from_versions`; IATF 16949 8.5.6.1.1;
 * tester63 N7): csr release records the version of each document in force on the deviation's 实施日期,
 * csr new and csr set take WI-010-01@A/1, and the cards and the obsolete list name the version.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const DEVIATION = "documents/instructions/WI-010-03.yaml";
const zh = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });
const versionsLine = (dir: string) => readFileSync(join(dir, DEVIATION), "utf8").split("\n").filter((l) => l.startsWith("deviates_from"));

describe("the revision a deviation deviates from (tester63 N7)", () => {
  it("csr release records the version in force on the deviation's 实施日期 and says so; the cards name it", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(zh(dir, "new", "instruction", "--title", "扣压外径全检临时作业", "--department", "PRD", "--deviates-from", "WI-010-01", "-y", "--commit").code).toBe(0);
    const file = join(dir, DEVIATION);
    writeFileSync(file, readFileSync(file, "utf8").replace(/( {4}title_en: [A-Za-z ]+\n)/g, "$1    text: 无。\n"));
    git(dir, ["commit", "-qam", "正文"]);
    const released = zh(dir, "release", "WI-010-03", "--summary", "围堵全检", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-03", "--until", "2026-12-30", "-y");
    expect(released.code).toBe(0);
    expect(released.stdout.split("\n")[2]).toBe("WI-010-03 记为偏离 WI-010-01 A/1（2026-11-03 实施之日的现行版本）。");
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions: {WI-010-01: A/1}"]);
    const card = (id: string) => zh(dir, "show", id, "--today", "2026-12-05").stdout.split("\n").filter((l) => l.startsWith("  偏离"));
    expect(card("WI-010-03")).toEqual(["  偏离对象        WI-010-01 A/1 制动软管总成扣压作业指导书"]);
    expect(card("WI-010-01")).toEqual(["  偏离            WI-010-03 扣压外径全检临时作业（临时，至 2026-12-30；偏离 A/1）"]);
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-12-05", "--format", "json"], { lang: "zh-CN" })).code).toBe(0);

    // csr set records another of the work instruction's versions the deviation deviates from (A/0 for A/1): the one given replaces the one recorded.
    const set = zh(dir, "set", "WI-010-03", "--deviates-from", "WI-010-01@A/0");
    expect(set.code).toBe(0);
    expect(set.stdout.split("\n")[1]).toBe("  偏离的版本：WI-010-01 A/0（原为 A/1）");
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions: {WI-010-01: A/0}"]);
    // Given without a version, the one recorded stays.
    expect(zh(dir, "set", "WI-010-03", "--deviates-from", "WI-010-01").stdout).toBe("WI-010-03 已是如此，没有更改。\n");
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions: {WI-010-01: A/0}"]);
  });

  it("csr new takes the version, and refuses one the document does not have, in one line with exit 2", () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(zh(dir, "new", "instruction", "--title", "临时", "--department", "PRD", "--deviates-from", "WI-010-01@A/9", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --deviates-from：WI-010-01 没有版本 A/9；它的版本：A/0、A/1。\n",
    });
    const created = zh(dir, "new", "instruction", "--title", "临时", "--department", "PRD", "--deviates-from", "WI-010-01@A/1", "-y");
    expect(created.code).toBe(0);
    expect(created.stdout.split("\n")[0]).toMatch(/^已创建 WI-010-03 临时/);
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions:"]);
    expect(readFileSync(join(dir, DEVIATION), "utf8")).toContain("deviates_from_versions:\n  WI-010-01: A/1\n");
  });
});
