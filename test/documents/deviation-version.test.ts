/**
 * A deviation records the revision it deviates from (`deviates_from_versions`; IATF 16949 8.5.6.1.1;
 * tester63 N7): csr release records the version of each document in force on the deviation's 实施日期,
 * csr new and csr set take WI-010-01@A/1 but not a version replaced by then (breaker64 P5), and the cards
 * and the obsolete list name the version.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, csr, csrInProcess, git } from "../helpers.js";
import { expiredNote } from "../today.js";

const DEVIATION = "documents/instructions/WI-010-03.yaml";
/** In Chinese through the built binary: the first new, release and refusal of each command. */
const zhBinary = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });
/** In Chinese in the test's process (csrInProcess): the other runs. */
const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const versionsLine = (dir: string) => readFileSync(join(dir, DEVIATION), "utf8").split("\n").filter((l) => l.startsWith("deviates_from"));

describe("the revision a deviation deviates from (tester63 N7)", () => {
  it("csr release records the version in force on the deviation's 实施日期 and says so; the cards name it", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect(zhBinary(dir, "new", "instruction", "--title", "扣压外径全检临时作业", "--department", "PRD", "--deviates-from", "WI-010-01", "-y", "--commit").code).toBe(0);
    const file = join(dir, DEVIATION);
    writeFileSync(file, readFileSync(file, "utf8").replace(/( {4}title_en: [A-Za-z ]+\n)/g, "$1    text: 无。\n"));
    git(dir, ["commit", "-qam", "正文"]);
    const released = zhBinary(dir, "release", "WI-010-03", "--summary", "围堵全检", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-03", "--until", "2026-12-30", "-y");
    expect(released.code).toBe(0);
    expect(released.stdout.split("\n")[2]).toBe("WI-010-03 记为偏离 WI-010-01 A/1（2026-11-03 实施之日的现行版本）。");
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions: {WI-010-01: A/1}"]);
    const card = async (id: string) => (await zh(dir, "show", id, "--today", "2026-12-05")).stdout.split("\n").filter((l) => l.startsWith("  偏离"));
    expect(await card("WI-010-03")).toEqual(["  偏离对象        WI-010-01 A/1 制动软管总成扣压作业指导书"]);
    expect(await card("WI-010-01")).toEqual(["  偏离            WI-010-03 扣压外径全检临时作业（临时，至 2026-12-30；偏离 A/1）"]);
    // The deviation adds no error: the one error is BCM-005's review, undecided after its deadline (Friday 2026-12-04), overdue from Saturday.
    const checked = await csrInProcess(["-C", dir, "check", "--today", "2026-12-05", "--format", "json"], { lang: "zh-CN" });
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout).findings.filter((f: { severity: string }) => f.severity === "error").map((f: { rule: string; file: string }) => `${f.file} ${f.rule}`)).toEqual(["csr/BCM/BCM-005.yaml csr/review-overdue"]);

    // A version replaced by the deviation's 实施日期 is refused, naming the one then in force (breaker64 P5).
    expect(zhBinary(dir, "set", "WI-010-03", "--deviates-from", "WI-010-01@A/0")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --deviates-from：WI-010-01 A/0 在 WI-010-03 实施之日（2026-11-03）已被 A/1 替代（2025-03-17 起实施）；偏离针对当时的现行版本或其后的版本：写 WI-010-01@A/1 或更新的版本。\n",
    });
    // Written by hand, it is doc/deviation-version-superseded's warning, at the version; csr set corrects it and says what it was.
    writeFileSync(file, readFileSync(file, "utf8").replace("deviates_from_versions: {WI-010-01: A/1}", "deviates_from_versions: {WI-010-01: A/0}"));
    const superseded = async () =>
      (await checkJsonInProcess(dir, "--today", "2026-12-05", "--lang", "zh-CN")).findings.filter((f) => f.rule === "doc/deviation-version-superseded").map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
    expect(await superseded()).toEqual([
      "documents/instructions/WI-010-03.yaml:24:37 warning WI-010-03 记为偏离 WI-010-01 A/0，但在其实施之日 2026-11-03，A/0 已被 A/1 替代（2025-03-17 起实施）：偏离针对的应是当时的现行版本。核实偏离的是哪一版：针对现行版本的，改正记录（'csr set WI-010-03 --deviates-from WI-010-01@A/1'）；现场仍按 A/0 作业的，是在使用作废版本，应先回收作废版本，再更新偏离。",
    ]);
    const set = await zh(dir, "set", "WI-010-03", "--deviates-from", "WI-010-01@A/1");
    expect(set.code).toBe(0);
    expect(set.stdout.split("\n")[1]).toBe("  偏离的版本：WI-010-01 A/1（原为 A/0）");
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions: {WI-010-01: A/1}"]);
    expect(await superseded()).toEqual([]);
    // Given without a version, the one recorded stays.
    expect((await zh(dir, "set", "WI-010-03", "--deviates-from", "WI-010-01")).stdout).toBe("WI-010-03 已是如此，没有更改。\n");
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions: {WI-010-01: A/1}"]);
  });

  it("csr release records the version in force in place of one recorded that was replaced by its 实施日期, and says so", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect((await zh(dir, "new", "instruction", "--title", "扣压外径全检临时作业", "--department", "PRD", "--deviates-from", "WI-010-01", "-y")).code).toBe(0);
    const file = join(dir, DEVIATION);
    // Written by hand on the draft (csr new and csr set refuse it).
    writeFileSync(file, readFileSync(file, "utf8").replace(/( {4}title_en: [A-Za-z ]+\n)/g, "$1    text: 无。\n").replace(/(deviates_from:\n(?: {2}- .*\n)+)/, "$1deviates_from_versions: {WI-010-01: A/0}\n"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "草稿"]);
    const released = await zh(dir, "release", "WI-010-03", "--summary", "围堵全检", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-03", "--until", "2026-12-30", "-y");
    // In force, it is to be handed out to 生产部, where it is used (tester65 N7); ended, nothing may be worked to it.
    expect(released.stderr).toBe(expiredNote("2026-12-30", "WI-010-03") || "注意：文件发放/回收记录中还没有 WI-010-03 的受控副本。请用 'csr distribute WI-010-03 --to PRD' 向使用场所发放 A/0，或用 'csr distribute WI-010-03 --electronic --to PRD' 登记其电子版发放。\n");
    expect(released.code).toBe(0);
    expect(released.stdout.split("\n")[2]).toBe("WI-010-03 原记偏离 WI-010-01 A/0，而 A/0 在 2026-11-03（实施之日）前已被替代：改记为当天的现行版本 WI-010-01 A/1。");
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions: {WI-010-01: A/1}"]);
  });

  it("csr new takes the version, and refuses one the document does not have, in one line with exit 2", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect(zhBinary(dir, "new", "instruction", "--title", "临时", "--department", "PRD", "--deviates-from", "WI-010-01@A/9", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --deviates-from：WI-010-01 没有版本 A/9；它的版本：A/0、A/1。\n",
    });
    // Nor one replaced already: a deviation is from the version in force (breaker64 P5).
    expect(await zh(dir, "new", "instruction", "--title", "临时", "--department", "PRD", "--deviates-from", "WI-010-01@A/0", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --deviates-from：WI-010-01 A/0 已被 A/1 替代（2025-03-17 起实施），现行版本是 A/1；偏离针对现行版本：写 WI-010-01@A/1，或不写版本（发布时记下实施之日的现行版本）。\n",
    });
    expect(git(dir, ["status", "--short"])).toBe("");
    const created = await zh(dir, "new", "instruction", "--title", "临时", "--department", "PRD", "--deviates-from", "WI-010-01@A/1", "-y");
    expect(created.code).toBe(0);
    expect(created.stdout.split("\n")[0]).toMatch(/^已创建 WI-010-03 临时/);
    expect(versionsLine(dir)).toEqual(["deviates_from:", "deviates_from_versions:"]);
    expect(readFileSync(join(dir, DEVIATION), "utf8")).toContain("deviates_from_versions:\n  WI-010-01: A/1\n");
  });
});
