import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, csr, csrInProcess, git, gitInit, minimalRepo, type RunResult, tempDir } from "../helpers.js";
import { daysAfter, expiredNote, today } from "../today.js";

/** A first draft of a deviation (临时偏离) from the standard crimping procedure. */
const DRAFT = [
  "id: QP-030",
  "title: 扣压夹具维修期间临时偏离",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "status: draft",
  "sections:",
  "  - title: 目的",
  "    text: 夹具维修期间（两周）改用手动扣压，每件检验外径。",
  "",
].join("\n");

const RELEASE = ["release", "QP-030", "--summary", "临时偏离", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-04", "--effective", "2026-12-07", "-y"];

/**
 * A step of the state a test starts from, by csr in the test's process (csrInProcess): what it writes is what the test
 * reads through the binary, not what it checks.
 */
const setUp = (repo: string, ...args: string[]) => csrInProcess(["-C", repo, ...args]);

/**
 * How a test runs csr: the built binary (`csr`) for the first run of each command path in this file, in the test's
 * process (csrInProcess) for the variations after it, their stdout, stderr and exit code asserted alike.
 */
type Run = (args: string[]) => RunResult | Promise<RunResult>;

/** QP-030 released as temporary until 2026-12-18 (RELEASE), the state three tests read: made once for the file and copied. */
const releasedUntil18 = builtOnce(async () => {
  const repo = gitInit(minimalRepo({ "documents/QP-030.yaml": DRAFT }));
  expect((await setUp(repo, ...RELEASE, "--until", "2026-12-18")).code).toBe(0);
  return repo;
});

/** An empty repository to import into, made once and copied. */
const emptyRepo = builtOnce(() => gitInit(minimalRepo()));

/** Findings of doc/temporary-expired and doc/periodic-review-due on a day, as printed. */
async function temporaryFindings(repo: string, today: string, run: Run = csrInProcess): Promise<string[]> {
  const result = await run(["-C", repo, "check", "--today", today, "--lang", "en"]);
  return result.stdout.split("\n").filter((l) => /^documents\/.* doc\/(temporary-expired|periodic-review-due) /.test(l));
}

describe("a temporary document (csr release --until, doc/temporary-expired; tester61 L4)", () => {
  it("refuses an end before the effective date, records valid_until, warns 5 working days before the end and reports it once past", async () => {
    const repo = gitInit(minimalRepo({ "documents/QP-030.yaml": DRAFT }));
    const early = await csrInProcess(["-C", repo, ...RELEASE, "--until", "2026-12-06", "--lang", "en"]);
    expect(early).toEqual({ code: 2, stdout: "", stderr: "csr: --until 2026-12-06 is before the effective date 2026-12-07: a temporary document ends on or after the day it takes effect.\n" });
    expect(readFileSync(join(repo, "documents/QP-030.yaml"), "utf8")).toBe(DRAFT);
    // Ended before today, it is released expired, and said so: a typo, or a temporary document recorded after it ran (breaker62 P6).
    const ran = gitInit(minimalRepo({ "documents/QP-030.yaml": DRAFT }));
    const ended = daysAfter(today(), -1);
    const past = ["release", "QP-030", "--summary", "临时偏离", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", daysAfter(today(), -20), "--until", ended, "-y"];
    const recorded = await csrInProcess(["-C", ran, ...past, "--lang", "zh-CN"]);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toBe(expiredNote(ended, "QP-030"));
    expect(readFileSync(join(ran, "documents/QP-030.yaml"), "utf8")).toContain(`valid_until: ${ended}\n`);

    const released = csr(["-C", repo, ...RELEASE, "--until", "2026-12-18", "--lang", "zh-CN"]);
    expect(released.stderr).toBe(expiredNote("2026-12-18", "QP-030"));
    expect(released.code).toBe(0);
    expect(released.stdout).toContain("QP-030 A/0 为临时文件，有效期至 2026-12-18：到期那天或之后，确认已恢复标准过程，再作废（csr obsolete QP-030 --reason …）。\n");
    const text = readFileSync(join(repo, "documents/QP-030.yaml"), "utf8");
    expect(text).toContain("status: released\neffective: 2026-12-07\nvalid_until: 2026-12-18\n");

    // Quiet until 5 working days before its end; a warning from then; an error once past, until withdrawn.
    expect(await temporaryFindings(repo, "2026-12-10", csr)).toEqual([]);
    const warning = "documents/QP-030.yaml:8:14 warning doc/temporary-expired QP-030 A/0 is temporary and valid until 2026-12-18. Decide in time: on that day or after, once the return to the standard process is verified, withdraw it ('csr obsolete QP-030 --reason ...'), or release a new revision with a later --until if it is extended.";
    expect(await temporaryFindings(repo, "2026-12-11")).toEqual([warning]);
    expect(await temporaryFindings(repo, "2026-12-18")).toEqual([warning]);
    expect(await temporaryFindings(repo, "2026-12-21")).toEqual([
      "documents/QP-030.yaml:8:14 error doc/temporary-expired QP-030 A/0 is temporary and was valid until 2026-12-18, but it is still released. Verify the return to the standard process and withdraw it ('csr obsolete QP-030 --reason ...'), or release a new revision with a later --until if it is extended.",
    ]);
    // Not in force yet, the warning says so rather than that it has expired (breaker62 P12).
    writeFileSync(join(repo, "documents/QP-030.yaml"), text.replace("effective: 2026-12-07", "effective: 2026-12-15"));
    expect(await temporaryFindings(repo, "2026-12-11")).toEqual([
      "documents/QP-030.yaml:8:14 warning doc/temporary-expired QP-030 A/0 is temporary and not yet in force: it takes effect on 2026-12-15 and is valid only until 2026-12-18, soon. Check that period; on that day or after, once the return to the standard process is verified, withdraw it ('csr obsolete QP-030 --reason ...'), or release a new revision with a later --until if it is extended.",
    ]);
  });
});

describe("a temporary document in csr show, the registers and csr site (tester61 L4)", () => {
  it("is 临时 with its last valid day until then, 已于 … 到期 after it while still released, and its page says whether it may be worked to", async () => {
    const repo = await releasedUntil18();
    const status = async (today: string, lang = "zh-CN", run: Run = csrInProcess) => (await run(["-C", repo, "show", "QP-030", "--today", today, "--lang", lang])).stdout.split("\n").filter((l) => /^ {2}(状态|Status) /.test(l));
    expect(await status("2026-12-05", "zh-CN", csr)).toEqual(["  状态            临时（2026-12-07 实施，至 2026-12-18）"]);
    expect(await status("2026-12-18")).toEqual(["  状态            临时（至 2026-12-18）"]);
    expect(await status("2026-12-21")).toEqual(["  状态            临时（已于 2026-12-18 到期）"]);
    expect(await status("2026-12-10", "en")).toEqual(["  Status                  temporary (until 2026-12-18)"]);
    expect(await status("2026-12-21", "en")).toEqual(["  Status                  temporary (expired on 2026-12-18)"]);
    expect(JSON.parse((await csrInProcess(["-C", repo, "show", "QP-030", "--today", "2026-12-10", "--format", "json", "--lang", "zh-CN"])).stdout).status).toBe("临时（至 2026-12-18）");

    // The controlled document list's status, the procedure list's 备注, in every format they are printed in.
    const rows = async (register: string, today: string, run: Run = csrInProcess) => (JSON.parse((await run(["-C", repo, "list", register, "--today", today, "--format", "json", "--lang", "zh-CN"])).stdout) as { rows: Record<string, unknown>[] }).rows;
    expect((await rows("documents", "2026-12-10", csr)).map((r) => [r.number, r.status])).toEqual([["QP-030", "临时（至 2026-12-18）"]]);
    expect((await rows("procedures", "2026-12-10")).map((r) => [r.number, r.remarks])).toEqual([["QP-030", "临时（至 2026-12-18）"]]);
    expect((await rows("procedures", "2026-12-05")).map((r) => [r.number, r.remarks])).toEqual([["QP-030", "临时（2026-12-07 实施，至 2026-12-18）"]]);
    expect((await rows("documents", "2026-12-21")).map((r) => [r.number, r.status])).toEqual([["QP-030", "临时（已于 2026-12-18 到期）"]]);
    const csv = (await csrInProcess(["-C", repo, "list", "documents", "--today", "2026-12-21", "--format", "csv", "--lang", "en"])).stdout;
    expect(csv.split("\n").find((l) => l.includes("QP-030"))).toContain(",temporary (expired on 2026-12-18),");

    // Its page: may be worked to until its last day, not after it.
    // Built in the worker (csrInProcess): the pages are what is checked, not what the binary prints.
    const site = async (today: string) => {
      const out = join(tempDir(), "site");
      expect((await setUp(repo, "site", "--out", out, "--today", today, "--lang", "zh-CN")).code).toBe(0);
      const page = readFileSync(join(out, "documents/QP-030.html"), "utf8");
      // Its 文控待办 row says which case of doc/temporary-expired applies (breaker62 P12).
      // (The rule id last since 0c2ec656: what is due, by when, by whom, then the rule.)
      const todo = [...page.matchAll(/<td>([^<]*)<\/td><td class="date">([^<]*)<\/td><td>[^<]*<\/td><td class="code site-rule"><a href="\.\.\/findings\.html">doc\/temporary-expired<\/a>/g)].map((m) => `${m[1]} | ${m[2]}`);
      return [/<div class="site-status site-status-(\w+)" role="note"><p class="site-status-line">(.*?)<\/p>/.exec(page)?.slice(1), /状态：([^<]*)</.exec(page)?.[1], todo];
    };
    expect(await site("2026-12-10")).toEqual([["ok", "现行有效：A/0，2026-12-07 起生效；本页为其发布文本。临时文件，有效期至 2026-12-18，到期后不得再按本页执行。"], "临时（至 2026-12-18）", []]);
    expect((await site("2026-12-14"))[2]).toEqual(["临时文件即将到期（有效期至 2026-12-18）：到期那天或之后确认已恢复标准过程后作废，或发布有效期更晚的新版本延期 | 2026-12-18"]);
    expect(await site("2026-12-21")).toEqual([["stop", "临时文件，有效期已于 2026-12-18 结束：不得再按本页执行，恢复标准过程并将本文件作废。"], "临时（已于 2026-12-18 到期）", ["临时文件已过有效期（至 2026-12-18），仍未作废：确认已恢复标准过程后作废 | 2026-12-18"]]);
  });

  it("refuses a withdrawal dated on its last valid day before that day, saying when and how to withdraw it", async () => {
    const repo = gitInit(minimalRepo({ "documents/QP-030.yaml": DRAFT }));
    const until = daysAfter(today(), 10);
    expect((await setUp(repo, ...RELEASE.slice(0, -5), "--date", today(), "--until", until, "-y")).code).toBe(0);
    const planned = csr(["-C", repo, "obsolete", "QP-030", "--reason", "临时偏离到期", "--date", until, "--lang", "zh-CN"]);
    expect(planned).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: --date ${until} 晚于今天（${today()}）：作废登记的是文件实际作废的那一天，不能预先登记。QP-030 已是临时文件，有效期至 ${until}（valid_until），csr check 在到期前提醒、过期后报错；到期那天或之后，确认已恢复标准过程，再运行 'csr obsolete QP-030 --reason …'（--date 默认为当天）。\n`,
    });
    expect(git(repo, ["status", "--porcelain"])).toBe("");
  });
});

describe("the controlled document list of a temporary document, imported back (tester61 L4)", () => {
  it("reads 临时（至 …） and 临时（已于 … 到期） as released with their valid_until, in either language", async () => {
    const repo = await releasedUntil18();
    for (const [today, lang] of [["2026-12-10", "zh-CN"], ["2026-12-21", "en"], ["2026-12-05", "zh-CN"]] as const) {
      const out = join(tempDir(), "list.xlsx");
      // The workbook written and read back in the worker (csrInProcess): what is checked is the document the import writes.
      expect((await setUp(repo, "list", "documents", "--today", today, "--format", "xlsx", "--out", out, "--lang", lang)).code).toBe(0);
      const target = await emptyRepo();
      // The check after the import on a day the document is in force: after 2026-12-18 it is doc/temporary-expired, an error.
      const imported = await setUp(target, "import", out, "--as", "documents", "--add-people", "--today", "2026-12-10", "--lang", lang);
      expect(imported.code, imported.stdout + imported.stderr).toBe(0);
      const text = readFileSync(join(target, "documents/QP-030.yaml"), "utf8");
      expect(text, `${today} ${lang}`).toContain("status: released\neffective: 2026-12-07\nvalid_until: 2026-12-18\n");
    }
  });
});

describe("the controlled print of a temporary document (csr render; IATF 16949 8.5.6.1.1)", () => {
  it("says until when it is valid, and after that day is stamped 已到期 非受控 with no controlled copy", async () => {
    const repo = await releasedUntil18();
    const print = async (today: string, format: string, lang = "zh-CN", run: Run = csrInProcess) => {
      const out = join(tempDir(), `QP-030.${format}`);
      const result = await run(["-C", repo, "render", "QP-030", "--today", today, "--format", format, "--out", out, "--lang", lang]);
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(out, "utf8");
    };
    // Up to and on its last valid day: 非受控 without --copy (tester67a A6), with its end under the stamp.
    expect((await print("2026-12-18", "md", "zh-CN", csr)).split("\n").slice(0, 6)).toEqual(["**【非受控】**", "", "> **非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render QP-030 --copy N）。**", "", "> **临时文件，有效期至 2026-12-18**", ""]);
    expect((await print("2026-12-10", "md", "en")).split("\n").slice(0, 6)).toEqual(["**【UNCONTROLLED】**", "", "> **Uncontrolled · for reference only: this print is not a controlled copy and is in no distribution record; a controlled copy is a numbered copy stamped CONTROLLED with its copy number and recorded as issued (csr render QP-030 --copy N).**", "", "> **Temporary document, valid until 2026-12-18**", ""]);
    const html = await print("2026-12-10", "html");
    expect(html).toContain('<div class="stamp stamp-uncontrolled">非受控</div>\n<div class="uncontrolled-notice">非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render QP-030 --copy N）。</div>\n<div class="temporary-notice">临时文件，有效期至 2026-12-18</div>\n');
    expect(html).not.toContain('class="watermark"');
    // After it: no print passes as valid — the 已到期 stamp and watermark, the notice in the 作废 box, no 受控 notice.
    expect((await print("2026-12-21", "md")).split("\n").slice(0, 4)).toEqual(["**【已到期 非受控】**", "", "> **临时文件，有效期至 2026-12-18，已到期：不得再按本文件作业，仅供查阅。**", ""]);
    const expired = await print("2026-12-21", "html", "en");
    expect(expired).toContain('<div class="stamp stamp-expired">EXPIRED · UNCONTROLLED</div>\n<div class="obsolete-notice">Temporary document, valid until 2026-12-18; expired: not to be worked to, for reference only.</div>\n<div class="watermark">EXPIRED</div>');
    expect(expired).not.toContain(">CONTROLLED</div>");

    expect(await csrInProcess(["-C", repo, "render", "QP-030", "--copy", "1", "--today", "2026-12-21", "--format", "md", "--lang", "zh-CN"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-030 是临时文件，有效期至 2026-12-18，已到期，不能打印受控号为 1 的受控副本：到期的临时文件不得再按其作业。\n" +
        "提示：确认已恢复标准过程后作废它（csr obsolete QP-030 --reason …），并回收发出的副本；如需延期，用更晚的 --until 发布新版本。不带 --copy 的 csr render 打印一份盖“已到期 非受控”章的查阅件。\n",
    });
    expect(git(repo, ["status", "--porcelain"])).toBe("");
  });
});

describe("the controlled copies of a temporary document past its last valid day (tester63 N2; IATF 16949 8.5.6.1.1, 7.5.3.2)", () => {
  it("are due back the recall period after valid_until, in csr list distribution, --overdue, csr show and csr check", async () => {
    const repo = gitInit(minimalRepo({ "documents/QP-030.yaml": DRAFT }));
    const release = ["release", "QP-030", "--summary", "临时偏离", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-11-03", "--until", "2026-11-30", "-y"];
    expect((await setUp(repo, ...release)).code).toBe(0);
    expect((await setUp(repo, "distribute", "QP-030", "--to", "QA:zhang", "QA:wang", "--date", "2026-11-03", "--issued-by", "wang", "-y", "--commit")).code).toBe(0);
    const register = (run: Run, ...args: string[]) => run(["-C", repo, "list", "distribution", ...args, "--lang", "zh-CN"]);
    const rows = async (run: Run, today: string, ...args: string[]) =>
      (JSON.parse((await register(run, "--today", today, "--format", "json", ...args)).stdout) as { rows: Record<string, unknown>[] }).rows.map((r) => [r.copy, r.dueBy, r.state]);
    // On its last valid day the copies are in use, with no 应回收日期; from the day after, due back 5 working days after it.
    expect(await rows(csr, "2026-11-30")).toEqual([[1, null, "在用"], [2, null, "在用"]]);
    expect(await rows(csrInProcess, "2026-12-01")).toEqual([[1, "2026-12-07", "待回收"], [2, "2026-12-07", "待回收"]]);
    expect((await register(csrInProcess, "--today", "2026-12-01")).stdout).toContain("\n待回收 2 份。\n");
    expect(await rows(csrInProcess, "2026-12-07", "--overdue")).toEqual([]);
    expect(await rows(csrInProcess, "2026-12-08", "--overdue")).toEqual([[1, "2026-12-07", "回收逾期"], [2, "2026-12-07", "回收逾期"]]);
    const copies = async (today: string) => {
      const lines = (await csrInProcess(["-C", repo, "show", "QP-030", "--today", today, "--lang", "zh-CN"])).stdout.split("\n");
      const at = lines.findIndex((l) => l.startsWith("  受控副本"));
      return lines.slice(at, at + 2);
    };
    expect(await copies("2026-11-30")).toEqual(["  受控副本        在用 2 份：1 号 A/0 品质部 张伟、2 号 A/0 品质部 王强", "                  明细：csr list distribution --document QP-030"]);
    expect(await copies("2026-12-08")).toEqual([
      "  受控副本        在用 0 份",
      "                  回收逾期 2 份（应于 2026-12-07 前回收；用 'csr recall QP-030' 登记回收）：1 号 A/0 品质部 张伟、2 号 A/0 品质部 王强",
    ]);
    const recall = async (today: string) => (await csrInProcess(["-C", repo, "check", "--today", today, "--lang", "en"])).stdout.split("\n").filter((l) => l.startsWith("documents/") && l.includes(" doc/recall-overdue "));
    expect(await recall("2026-12-07")).toEqual([]);
    expect(await recall("2026-12-08")).toEqual([
      "documents/QP-030.yaml:26:5 error doc/recall-overdue Controlled copy 1 of QP-030 A/0 (品质部) is still out: temporary document QP-030 was valid until 2026-11-30, and copies were due back by 2026-12-07 (5 working days). Take it back and record it with 'csr recall QP-030 --copy 1'.",
      "documents/QP-030.yaml:27:5 error doc/recall-overdue Controlled copy 2 of QP-030 A/0 (品质部) is still out: temporary document QP-030 was valid until 2026-11-30, and copies were due back by 2026-12-07 (5 working days). Take it back and record it with 'csr recall QP-030 --copy 2'.",
    ]);
    // csr recall without --copy takes back every copy due: both.
    const back = csr(["-C", repo, "recall", "QP-030", "--by", "zhang", "-y", "--lang", "zh-CN"]);
    expect(back.code, back.stderr).toBe(0);
    expect(await rows(csrInProcess, today())).toEqual([[1, "2026-12-07", "已回收"], [2, "2026-12-07", "已回收"]]);
  });
});
