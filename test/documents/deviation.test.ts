/**
 * A deviation (偏离, a temporary change beside a standard work instruction; IATF 16949 8.5.6.1.1) links
 * the document it deviates from on its own side (`deviates_from`: csr new / csr set --deviates-from):
 * the work instruction is not changed nor marked 修订中, its card and site page list the deviation with
 * its end (临时，至 …), and an unknown number is a ref/unresolved finding (tester61 L12).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, copyFixture, csr, csrInProcess, git } from "../helpers.js";
import { expiredNote } from "../today.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const WI = "documents/instructions/WI-010-01.yaml";
const DEVIATION = "documents/instructions/WI-010-03.yaml";

/** Writes a text into each empty section of the new deviation, so that it can be released. */
function fillSections(dir: string): void {
  const file = join(dir, DEVIATION);
  writeFileSync(file, readFileSync(file, "utf8").replace(/( {4}title_en: [A-Za-z ]+\n)/g, "$1    text: 夹具维修期间改用手动扣压，每件检验扣压外径。\n"));
}

describe("a deviation's link on its own side (deviates_from; tester61 L12)", () => {
  it("csr new --deviates-from leaves the work instruction as it is; its card lists the deviation until withdrawn", async () => {
    const dir = committedFixture("examples/acme-auto");
    const wiBefore = readFileSync(join(dir, WI), "utf8");
    const created = csr(["-C", dir, "new", "instruction", "--title", "扣压夹具维修期间临时偏离", "--department", "PRD", "--deviates-from", "WI-010-01", "-y"], { lang: "zh-CN" });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout.split("\n").slice(0, 2)).toEqual([
      "已创建 WI-010-03 扣压夹具维修期间临时偏离（documents/instructions/WI-010-03.yaml），生产部的作业指导书草稿，有 5 个章节待填写。",
      "WI-010-03 记为对 WI-010-01 的偏离（deviates_from）：WI-010-01 不因此更改，也不必修订，其 csr show 和网站页面列出 WI-010-03。临时偏离发布时用 'csr release WI-010-03 --until <最后有效日>' 写明期限。",
    ]);
    expect(readFileSync(join(dir, WI), "utf8")).toBe(wiBefore);
    expect(git(dir, ["status", "--short"])).toBe("?? documents/instructions/WI-010-03.yaml\n");
    expect(readFileSync(join(dir, DEVIATION), "utf8")).toContain("status: draft\ndeviates_from:\n  - WI-010-01\n");

    // A draft deviation is listed with its status; the deviation's own card names what it deviates from.
    const draftCard = (await zh(dir, "show", "WI-010-01", "--today", "2026-12-05")).stdout.split("\n");
    expect(draftCard.filter((l) => l.startsWith("  偏离"))).toEqual(["  偏离            WI-010-03 扣压夹具维修期间临时偏离（草稿）"]);
    expect(draftCard[4]).toBe("  状态            已发布");
    const own = (await zh(dir, "show", "WI-010-03", "--today", "2026-12-05")).stdout.split("\n");
    expect(own.filter((l) => l.startsWith("  偏离"))).toEqual(["  偏离对象        WI-010-01 制动软管总成扣压作业指导书"]);

    fillSections(dir);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "临时偏离草稿"]);
    // Without its last day a deviation is refused in one line, as doc/deviation-without-end would report it (breaker63 P7).
    const draft = readFileSync(join(dir, DEVIATION), "utf8");
    expect(await zh(dir, "release", "WI-010-03", "--summary", "首次发布", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-12-04", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: WI-010-03 是对 WI-010-01 的偏离（deviates_from），发布时须用 --until <日期> 给出有效期的最后一天（偏离只在限定的时间或数量内适用，按数量限定的写预计用完的那一天；更改要长期保留的，应修订 WI-010-01，doc/deviation-without-end）。\n",
    });
    expect(readFileSync(join(dir, DEVIATION), "utf8")).toBe(draft);
    expect(git(dir, ["status", "--short"])).toBe("");
    const released = await zh(dir, "release", "WI-010-03", "--summary", "首次发布", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-12-04", "--until", "2026-12-19", "-y");
    // In force, it is to be handed out to 生产部, where it is used (tester65 N7); ended, nothing may be worked to it.
    expect(released.stderr).toBe(expiredNote("2026-12-19", "WI-010-03") || "注意：文件发放/回收记录中还没有 WI-010-03 的受控副本。请用 'csr distribute WI-010-03 --to PRD' 向使用场所发放 A/0，或用 'csr distribute WI-010-03 --electronic --to PRD' 登记其电子版发放。\n");
    expect(released.code).toBe(0);
    expect(readFileSync(join(dir, WI), "utf8")).toBe(wiBefore);

    const card = (day: string) => zh(dir, "show", "WI-010-01", "--today", day).then((r) => r.stdout.split("\n").filter((l) => l.startsWith("  偏离")));
    expect(await card("2026-12-05")).toEqual(["  偏离            WI-010-03 扣压夹具维修期间临时偏离（临时，至 2026-12-19；偏离 A/1）"]);
    expect(await card("2026-12-21")).toEqual(["  偏离            WI-010-03 扣压夹具维修期间临时偏离（临时，已于 2026-12-19 到期；偏离 A/1）"]);
    const json = JSON.parse((await zh(dir, "show", "WI-010-01", "--today", "2026-12-05", "--format", "json")).stdout) as { referrers: { deviations: string[] } };
    expect(json.referrers.deviations).toEqual(["WI-010-03"]);
    // English.
    const english = (await csrInProcess(["-C", dir, "show", "WI-010-01", "--today", "2026-12-05"], { lang: "en" })).stdout.split("\n");
    expect(english.filter((l) => l.startsWith("  Deviations"))).toEqual(["  Deviations               WI-010-03 扣压夹具维修期间临时偏离 (temporary, until 2026-12-19; from A/1)"]);

    // The site: the work instruction's page lists it under its own heading, linked; the deviation's page names what it deviates from.
    const out = join(dir, "site-out");
    expect((await zh(dir, "site", "--out", out, "--today", "2026-12-05")).code).toBe(0);
    const page = readFileSync(join(out, "documents", "WI-010-01.html"), "utf8");
    expect(page).toContain("偏离（临时变更）");
    expect(page).toMatch(/<a href="\.\.\/documents\/WI-010-03\.html">WI-010-03 扣压夹具维修期间临时偏离（临时，至 2026-12-19；偏离 A\/1）<\/a>/);
    expect(readFileSync(join(out, "documents", "WI-010-03.html"), "utf8")).toMatch(/偏离对象[\s\S]*<a href="\.\.\/documents\/WI-010-01\.html">WI-010-01 A\/1 制动软管总成扣压作业指导书<\/a>/);
    // Its banner says so too while the deviation applies, so that whoever works to the page reads both; once it has ended, not.
    const banner = (html: string) => /<p class="site-status-line">(.*?)<\/p>/.exec(html)?.[1];
    expect(banner(page)).toBe(
      '现行有效：A/1，2025-03-17 起生效；本页为其发布文本。同时适用偏离 <a href="../documents/WI-010-03.html">WI-010-03 扣压夹具维修期间临时偏离</a>（至 2026-12-19）：在此之前须与本页一并阅读执行。',
    );
    const late = join(dir, "site-late");
    expect((await zh(dir, "site", "--out", late, "--today", "2026-12-20")).code).toBe(0);
    expect(banner(readFileSync(join(late, "documents", "WI-010-01.html"), "utf8"))).toBe("现行有效：A/1，2025-03-17 起生效；本页为其发布文本。");

    // Withdrawn, the deviation has ended: no longer listed.
    expect((await zh(dir, "obsolete", "WI-010-03", "--reason", "夹具修复，恢复标准作业", "--date", "2026-12-05", "-y")).code).toBe(0);
    expect(await card("2026-12-05")).toEqual([]);
  }, 120_000);

  it("refuses a deviation from itself, from an unknown or withdrawn document, and with --used-by of the same document", async () => {
    const dir = committedFixture("examples/acme-auto");
    const run = (...args: string[]) => zh(dir, "new", "instruction", "--title", "临时偏离", "--department", "PRD", ...args, "-y");
    expect(await run("--deviates-from", "WI-010-01", "--used-by", "WI-010-01")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 偏离不列入所偏离文件 WI-010-01 的相关文件（那要为它修订 WI-010-01）：去掉 --used-by，--deviates-from 已在偏离文件中记下 WI-010-01。\n",
    });
    expect(await run("--deviates-from", "WI-010-09")).toEqual({ code: 2, stdout: "", stderr: "csr: 仓库中没有文件 'WI-010-09'。是否应为 'WI-010-01'？\n" });
    expect(await run("--deviates-from", "HH-F-013")).toEqual({ code: 2, stdout: "", stderr: "csr: HH-F-013 已于 2025-05-12 作废，由 QR-007-02 代替；偏离的应是 QR-007-02。\n" });
    expect(await run("--deviates-from", "")).toEqual({ code: 2, stdout: "", stderr: "csr: --deviates-from 需要所偏离文件的编号，如 --deviates-from WI-010-01。\n" });
    expect(git(dir, ["status", "--short"])).toBe("");
  });

  it("csr set refuses a loop of deviations exactly when doc/deviation-loop reports one: a withdrawn deviation is not followed (audit64 5a)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const released = (id: string, deviatesFrom: string) =>
      `id: ${id}\ntitle: 临时偏离 ${id}\nlevel: 3\nkind: instruction\ndepartment: PRD\nstatus: released\neffective: 2026-12-02\nvalid_until: 2026-12-19\ndeviates_from: [${deviatesFrom}]\nrevisions:\n  - { version: A/0, date: 2026-12-02, summary: 临时偏离, prepared: { by: gaoyang, date: 2026-12-02 }, reviewed: { by: huangjun, date: 2026-12-02 }, approved: { by: zhangli, date: 2026-12-02 } }\nsections:\n  - title: 作业内容\n    text: 夹具维修期间改用手动扣压。\n`;
    // WI-010-04 deviates from WI-010-03, which deviates from WI-010-01: WI-010-01 → WI-010-04 would close a loop.
    writeFileSync(join(dir, DEVIATION), released("WI-010-03", "WI-010-01"));
    writeFileSync(join(dir, "documents/instructions/WI-010-04.yaml"), released("WI-010-04", "WI-010-03"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "deviations"]);
    const loopRefused = {
      code: 2,
      stdout: "",
      stderr: "csr: WI-010-04 本身是对 WI-010-01 的偏离：WI-010-01 不能再偏离 WI-010-04（偏离之间不能循环）。偏离对象应是标准文件；如要改为 WI-010-01 偏离 WI-010-04，先去掉 WI-010-04 的偏离对象（'csr set WI-010-04 --deviates-from \"\"'）。\n",
    };
    expect(await zh(dir, "set", "WI-010-01", "--deviates-from", "WI-010-04", "-y")).toEqual(loopRefused);
    // The same link written by hand is the rule's finding.
    const wi = join(dir, WI);
    const wiBefore = readFileSync(wi, "utf8");
    writeFileSync(wi, wiBefore.replace("status: released\n", "status: released\ndeviates_from: [WI-010-04]\n"));
    const loops = async () => (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.rule === "doc/deviation-loop").map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(await loops()).toEqual(["documents/instructions/WI-010-01.yaml:10:17"]);

    // WI-010-03 withdrawn: its link applies nowhere; the rule finds no loop, and csr set takes the link.
    writeFileSync(join(dir, DEVIATION), released("WI-010-03", "WI-010-01").replace("status: released\n", "status: obsolete\nobsolete: {date: 2026-12-04, reason: 恢复标准过程}\n"));
    expect(await loops()).toEqual([]);
    writeFileSync(wi, wiBefore);
    const set = await zh(dir, "set", "WI-010-01", "--deviates-from", "WI-010-04", "-y");
    expect(set.stderr).toBe("");
    expect(set.code).toBe(0);
    expect(set.stdout.split("\n")[1]).toBe("  偏离对象：增加 WI-010-04");
    expect(await loops()).toEqual([]);
  });

  it("csr new --used-by of a released work instruction points to --deviates-from for a deviation", async () => {
    const dir = committedFixture("examples/acme-auto");
    const result = await zh(dir, "new", "instruction", "--title", "临时偏离", "--department", "PRD", "--used-by", "WI-010-01", "-y");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toContain(
      "若 WI-010-03 是对 WI-010-01 的偏离（临时变更），WI-010-01 不必修订：撤销这项更改（'csr set WI-010-01 --remove-related WI-010-03'，再 'csr submit WI-010-01 --withdraw'），改用 'csr set WI-010-03 --deviates-from WI-010-01' 在偏离文件中记下 WI-010-01。",
    );
    // A form is one of the procedure's records, never a deviation: no such line.
    const form = await zh(dir, "new", "form", "--title", "扣压记录", "--department", "PRD", "--used-by", "QP-010", "--retention", "3年", "-y");
    expect(form.code).toBe(0);
    expect(form.stdout).not.toContain("--deviates-from");
  });

  it("csr set --deviates-from sets, replaces and removes the link as register data; ref/unresolved names an unknown number", async () => {
    const dir = committedFixture("examples/acme-auto");
    const wiBefore = readFileSync(join(dir, WI), "utf8");
    expect((await zh(dir, "new", "instruction", "--title", "临时偏离", "--department", "PRD", "--number", "WI-011-02", "-y")).code).toBe(0);
    const set = await zh(dir, "set", "WI-011-02", "--deviates-from", "WI-010-01,QP-010", "-y");
    expect(set.stderr).toBe("");
    expect(set.stdout.split("\n").slice(0, 3)).toEqual([
      "已修改 WI-011-02 临时偏离（documents/instructions/WI-011-02.yaml）：",
      "  偏离对象：增加 WI-010-01、QP-010",
      "WI-010-01、QP-010 不因此更改，也不必修订；其 csr show 和网站页面列出 WI-011-02。",
    ]);
    expect(readFileSync(join(dir, "documents/instructions/WI-011-02.yaml"), "utf8")).toContain("status: draft\ndeviates_from: [WI-010-01, QP-010]\n");
    expect(readFileSync(join(dir, WI), "utf8")).toBe(wiBefore);
    expect((await zh(dir, "set", "WI-011-02", "--deviates-from", "WI-011-02", "-y")).stderr).toBe("csr: WI-011-02 不能偏离它自己。\n");
    // The standard document cannot become a deviation from its own deviation (breaker62 P2).
    expect(await zh(dir, "set", "WI-010-01", "--deviates-from", "WI-011-02", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: WI-011-02 本身是对 WI-010-01 的偏离：WI-010-01 不能再偏离 WI-011-02（偏离之间不能循环）。偏离对象应是标准文件；如要改为 WI-010-01 偏离 WI-011-02，先去掉 WI-011-02 的偏离对象（'csr set WI-011-02 --deviates-from \"\"'）。\n",
    });
    expect(readFileSync(join(dir, WI), "utf8")).toBe(wiBefore);

    // Written by hand with a typing error: one finding, at the number, with the command that corrects it.
    const file = join(dir, "documents/instructions/WI-011-02.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("deviates_from: [WI-010-01, QP-010]", "deviates_from: [WI-010-09]"));
    const { findings } = await checkJsonInProcess(dir, "--lang", "en");
    expect(findings.filter((f) => f.rule === "ref/unresolved").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "documents/instructions/WI-011-02.yaml:7:17 Unknown document 'WI-010-09'. Did you mean 'WI-010-01'? Correct the number ('csr set WI-011-02 --deviates-from <number>'), or create the document with 'csr new instruction --number WI-010-09 --title … --department …'.",
    ]);

    const cleared = await zh(dir, "set", "WI-011-02", "--deviates-from", "", "-y");
    expect(cleared.stdout.split("\n")[1]).toBe("  偏离对象：删除（原为 WI-010-09）");
    expect(readFileSync(file, "utf8")).not.toContain("deviates_from");
  });

  it("the banner of a version 待实施 names the deviation in force now and whether it applies once that version takes effect (breaker62 rest)", async () => {
    const dir = copyFixture("examples/acme-auto");
    const wi = join(dir, WI);
    // WI-010-01 A/2 released on 2026-12-01 to take effect on 2026-12-14; A/1 stays in force until then.
    const pendingRevision = "  - { version: A/2, date: 2026-12-01, effective: 2026-12-14, summary: 提高Cpk, prepared: { by: gaoyang, date: 2026-12-01 }, reviewed: { by: huangjun, date: 2026-12-01 }, approved: { by: zhangli, date: 2026-12-01 } }\nforms: [HH-F-052]\n";
    writeFileSync(wi, readFileSync(wi, "utf8").replace("effective: 2025-03-17\n", "effective: 2026-12-14\n").replace("forms: [HH-F-052]\n", pendingRevision));
    const deviation = (until: string) =>
      `id: WI-010-03\ntitle: 扣压夹具维修期间临时偏离\nlevel: 3\nkind: instruction\ndepartment: PRD\nstatus: released\neffective: 2026-12-02\nvalid_until: ${until}\ndeviates_from: [WI-010-01]\nrevisions:\n  - { version: A/0, date: 2026-12-02, summary: 临时偏离, prepared: { by: gaoyang, date: 2026-12-02 }, reviewed: { by: huangjun, date: 2026-12-02 }, approved: { by: zhangli, date: 2026-12-02 } }\nsections:\n  - title: 作业内容\n    text: 夹具维修期间改用手动扣压，每件检验扣压外径。\n`;
    const banner = async (until: string, lang: "zh-CN" | "en") => {
      writeFileSync(join(dir, DEVIATION), deviation(until));
      const out = join(dir, `site-${until}-${lang}`);
      expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-05"], { lang })).code).toBe(0);
      const html = readFileSync(join(out, "documents", "WI-010-01.html"), "utf8");
      return /<p class="site-status-line">(.*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "");
    };
    // Without the text of A/1 in git, the page shows A/2 as 待实施; its banner names the deviation as the page of A/1 would.
    expect(await banner("2026-12-19", "zh-CN")).toBe(
      "待实施：本页为 A/2，2026-12-14 起实施，仅供培训/准备，在此之前不得用于生产。现行有效的是 WI-010-01 A/1。现行适用偏离 WI-010-03 扣压夹具维修期间临时偏离（至 2026-12-19）：2026-12-14 本版实施后，在此之前仍须与本页一并阅读执行。",
    );
    expect(await banner("2026-12-10", "zh-CN")).toBe(
      "待实施：本页为 A/2，2026-12-14 起实施，仅供培训/准备，在此之前不得用于生产。现行有效的是 WI-010-01 A/1。现行适用偏离 WI-010-03 扣压夹具维修期间临时偏离（至 2026-12-10），在本版 2026-12-14 实施之前结束。",
    );
    expect(await banner("2026-12-19", "en")).toBe(
      "Not yet in force: this page is A/2, effective 2026-12-14, for training and preparation only; do not use it in production before then. In force: WI-010-01 A/1. The deviation WI-010-03 扣压夹具维修期间临时偏离 applies now, until 2026-12-19: once this version takes effect on 2026-12-14, read and work to it together with this page until then.",
    );
  }, 120_000);
});

describe("a new revision of a document with a deviation in force (tester63 N7; IATF 16949 8.5.6.1.1)", () => {
  it("csr release names the deviation, until when, and asks whether it still applies to the new revision", () => {
    const dir = committedFixture("examples/acme-auto");
    writeFileSync(
      join(dir, DEVIATION),
      "id: WI-010-03\ntitle: 扣压夹具维修期间临时偏离\nlevel: 3\nkind: instruction\ndepartment: PRD\nstatus: released\neffective: 2026-12-02\nvalid_until: 2026-12-19\ndeviates_from: [WI-010-01]\nrevisions:\n  - { version: A/0, date: 2026-12-02, summary: 临时偏离, prepared: { by: gaoyang, date: 2026-12-02 }, reviewed: { by: huangjun, date: 2026-12-02 }, approved: { by: zhangli, date: 2026-12-02 } }\nsections:\n  - title: 作业内容\n    text: 夹具维修期间改用手动扣压，每件检验扣压外径。\n",
    );
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "deviation"]);
    const wi = join(dir, WI);
    writeFileSync(wi, readFileSync(wi, "utf8").replace("适用于扣压工序所有制动软管总成。", "适用于扣压工序所有制动软管总成（含D1平台）。"));
    const released = csr(["-C", dir, "release", "WI-010-01", "--summary", "增加防错", "--total-pages", "1", "--reason", "8D", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--countersigned", "zhaoqiang,zhoupeng", "--date", "2026-12-04", "-y"], { lang: "zh-CN" });
    expect(released.stderr).toBe("");
    expect(released.code).toBe(0);
    // WI-010-01 addresses a DYA CSR: the change is DYA's to be told of (tester77 E2).
    expect(released.stdout.split("\n")[1]).toMatch(/^WI-010-01 A\/2 的更改[须应]在 2026-12-11 前通知顾客 DYA（东岳汽车股份有限公司，DYA-004）/);
    expect(released.stdout.split("\n")[2]).toBe("WI-010-03（至 2026-12-19）是对 WI-010-01 的偏离，现仍有效（原针对 A/1）：请确认每一份是否仍适用于 A/2；仍适用的，用 'csr set <编号> --deviates-from WI-010-01@A/2' 记录；不再适用的，确认已恢复标准过程后作废（csr obsolete <编号> --reason …）。");

    // Confirmed for the new revision: a version later than the one in force on its 实施日期 is taken (breaker64 P5 refuses only a replaced one).
    const confirmed = csr(["-C", dir, "set", "WI-010-03", "--deviates-from", "WI-010-01@A/2"], { lang: "zh-CN" });
    expect(confirmed.stderr).toBe("");
    expect(confirmed.stdout.split("\n")[1]).toBe("  偏离的版本：WI-010-01 A/2");

    // Withdrawn early, it keeps its period on its card, and WI-010-01's card lists it among its past deviations (tester63 N4).
    writeFileSync(join(dir, DEVIATION), readFileSync(join(dir, DEVIATION), "utf8").replace("status: released\n", "status: obsolete\nobsolete: {date: 2026-12-04, reason: 恢复标准过程}\n"));
    const lines = (id: string) => csr(["-C", dir, "show", id], { lang: "zh-CN" }).stdout.split("\n");
    expect(lines("WI-010-03").filter((l) => /^ {2}(状态|有效期) /.test(l))).toEqual(["  状态            作废", "  有效期          临时，2026-12-02 至 2026-12-19，2026-12-04 提前撤销"]);
    expect(lines("WI-010-01").filter((l) => l.includes("偏离"))).toEqual(["  历次偏离        WI-010-03 扣压夹具维修期间临时偏离（临时，2026-12-02 至 2026-12-19，2026-12-04 提前撤销；偏离 A/2）"]);
  });
});
