/**
 * A register dated a past day (`--today D`) gives each document the content of the version issued by
 * D, read from git (the release tag, else the commit that recorded the version), not the content of a
 * version released later: a form removed from a procedure by a later revision and withdrawn after
 * that is still owned by the procedure on D, and the GJB procedure list prints the 四级表单 of the
 * version of D (tester18 F11).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, committedFixture, csrInProcess, git, gitInit, ROOT, tempDir } from "../helpers.js";

/** Runs the built csr in Chinese, as the 文控 does, and expects it to succeed. */
async function run(dir: string, ...args: string[]): Promise<string> {
  const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The CSV lines of a register (UTF-8 with a byte-order mark, CRLF) whose first cell after 序号 is one of `ids`, or every line when none. */
async function csvLines(dir: string, ids: readonly string[], ...args: string[]): Promise<string[]> {
  const lines = (await run(dir, ...args, "--format", "csv")).replace(/^\uFEFF/, "").split("\r\n");
  return lines.filter((line) => ids.some((id) => line.includes(`,${id},`)));
}

describe("a GJB procedure revised to drop a form, and the form withdrawn later", () => {
  const release = ["--pages", "P2", "--total-pages", "2", "--prepared", "songyy", "--reviewed", "chenhw", "--approved", "liuzm", "--countersigned", "tangl", "--standardization", "maxl", "--military-representative", "wangjd", "-y"];
  let dir: string;
  beforeAll(async () => {
    dir = committedFixture("examples/gjb-demo");
    (await run(dir, "set", "CS/QP-001", "--remove-form", "CS/QR-001-02", "-y"));
    (await run(dir, "release", "CS/QP-001", "--summary", "合并相关方需求识别表", "--date", "2026-11-26", ...release));
    (await run(dir, "obsolete", "CS/QR-001-02", "--superseded-by", "CS/QR-001-01", "--reason", "并入 CS/QR-001-01", "--date", "2026-11-27", "-y"));
  });

  it("lists on a day before the revision the version then issued with its own forms; after it, the current ones", async () => {
    // B/0 was never tagged (it came with the repository): it is read from the commit that recorded it, its signers and their days too.
    expect(await csvLines(dir, ["CS/QP-001"], "list", "procedures", "--today", "2026-11-20")).toEqual([
      '1,组织环境和相关方控制程序,CS/QP-001,B/0,内部,宋雅芸 2024-05-27,陈宏伟 2024-05-30,何军 2024-05-30、唐磊 2024-05-30,马晓岚 2024-05-30,刘志明 2024-06-03,王建东 2024-06-03,2024-06-03,综合部,4.1/4.2/4.3/4.4/6.1,,"CS/QR-001-01 内外部环境因素识别表\nCS/QR-001-02 相关方需求和期望识别表",',
    ]);
    expect(await csvLines(dir, ["CS/QR-001-01", "CS/QR-001-02"], "list", "forms", "--today", "2026-11-20")).toEqual([
      "1,CS/QR-001-01,内外部环境因素识别表,A/0,2024-06-03,CS/QP-001,综合部,3年,纸质+电子,综合部,",
      "2,CS/QR-001-02,相关方需求和期望识别表,A/0,2024-06-03,CS/QP-001,综合部,3年,纸质+电子,综合部,",
    ]);
    expect(await csvLines(dir, ["CS/QP-001"], "list", "procedures", "--today", "2026-11-30")).toEqual([
      "1,组织环境和相关方控制程序,CS/QP-001,B/1,内部,宋雅芸 2026-11-26,陈宏伟 2026-11-26,唐磊 2026-11-26,马晓岚 2026-11-26,刘志明 2026-11-26,王建东 2026-11-26,2026-11-26,综合部,4.1/4.2/4.3/4.4/6.1,,CS/QR-001-01 内外部环境因素识别表,",
    ]);
    // Withdrawn on 2026-11-27, its records kept 3 years: listed last, marked (tester52 D9), with the procedure revision it was last used by (obsolete.used_by, tester55 C12).
    expect(await csvLines(dir, ["CS/QR-001-01", "CS/QR-001-02"], "list", "forms", "--today", "2026-11-30")).toEqual([
      "1,CS/QR-001-01,内外部环境因素识别表,A/0,2024-06-03,CS/QP-001,综合部,3年,纸质+电子,综合部,",
      expect.stringMatching(/^\d+,CS\/QR-001-02,相关方需求和期望识别表,A\/0,2024-06-03,CS\/QP-001 B\/0,综合部,3年,纸质\+电子,综合部,已作废（2026-11-27），由 CS\/QR-001-01 替代$/),
    ]);
  });

  it("builds the registers of a site dated that day the same way", async () => {
    const site = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", site, "--today", "2026-11-20"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(site, "registers/forms.csv"), "utf8").split("\r\n").filter((line) => line.includes(",CS/QR-001-02,"))).toEqual([
      "2,CS/QR-001-02,相关方需求和期望识别表,A/0,2024-06-03,CS/QP-001,综合部,3年,纸质+电子,综合部,",
    ]);
  });

  it("reads a version from its release tag when the history no longer has it, and says which versions it could not read", async () => {
    const repo = tempDir();
    const copy = join(repo, "gjb");
    cpSync(dir, copy, { recursive: true });
    // B/2 renames the procedure; then the history is squashed into one commit: B/1 is only at its tag, B/0 nowhere.
    const file = join(copy, "documents/procedures/CS_QP-001.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: 组织环境和相关方控制程序", "title: 组织环境、相关方和风险控制程序"));
    (await run(copy, "release", "CS/QP-001", "--summary", "名称增加风险", "--date", "2026-11-28", ...release));
    git(copy, ["reset", "-q", "--soft", git(copy, ["rev-list", "--max-parents=0", "HEAD"]).trim()]);
    git(copy, ["commit", "-q", "--amend", "-m", "squashed", "--", "."]);
    expect(git(copy, ["log", "--format=%s", "--", file]).trim()).toBe("squashed");
    expect(await csvLines(copy, ["CS/QP-001"], "list", "procedures", "--today", "2026-11-27")).toEqual([
      "1,组织环境和相关方控制程序,CS/QP-001,B/1,内部,宋雅芸 2026-11-26,陈宏伟 2026-11-26,唐磊 2026-11-26,马晓岚 2026-11-26,刘志明 2026-11-26,王建东 2026-11-26,2026-11-26,综合部,4.1/4.2/4.3/4.4/6.1,,CS/QR-001-01 内外部环境因素识别表,",
    ]);
    const before = (await run(copy, "list", "procedures", "--today", "2026-11-20")).trimEnd().split("\n");
    expect(before.filter((line) => line.includes("CS/QP-001"))).toEqual([
      expect.stringMatching(/^1 +组织环境、相关方和风险控制程序 +CS\/QP-001 +B\/0 .*CS\/QR-001-01 内外部环境因素识别表$/),
      "以下文件在 2026-11-20 当日的版本内容在 git 中未找到（没有发布标签，也没有记录该版本的提交），其名称、部门、相关文件和表单按现行内容列出，请与该版本的受控副本核对：CS/QP-001 B/0。",
    ]);
    // The workbook of the day is built the same way.
    const out = join(repo, "registers.xlsx");
    expect(await csrInProcess(["-C", copy, "export", "--out", out, "--today", "2026-11-27"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout: "",
      // The clause matrix's hint for the operator, on stderr since the workbook holds the registers alone.
      stderr: `已写入 ${out}\nGJB 9001C-2017 的条款目录是暂定的：可在本库 standards/GJB9001C.yaml 中修正或补充。\n`,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const titles: unknown[] = [];
    workbook.getWorksheet("程序文件一览表")!.eachRow((row) => {
      if (row.getCell(3).value === "CS/QP-001") titles.push(row.getCell(2).value);
    });
    expect(titles).toEqual(["组织环境和相关方控制程序"]);
  });

  it("reads the version of the day from the history of a larger repository that holds the document repository in a folder", async () => {
    const outer = tempDir();
    const sub = join(outer, "quality");
    cpSync(join(ROOT, "examples/gjb-demo"), sub, { recursive: true });
    gitInit(outer);
    cpSync(dir, sub, { recursive: true, filter: (path) => !path.includes(".git") });
    git(outer, ["add", "-A"]);
    git(outer, ["commit", "-q", "-m", "CS/QP-001 B/1"]);
    expect(await csvLines(sub, ["CS/QR-001-02"], "list", "forms", "--today", "2026-11-20")).toEqual(["2,CS/QR-001-02,相关方需求和期望识别表,A/0,2024-06-03,CS/QP-001,综合部,3年,纸质+电子,综合部,"]);
  });
});

describe("an IATF procedure and work instruction revised to drop a form, and the form withdrawn later", () => {
  it("names both as the form's owners on a day before their revisions", async () => {
    const dir = committedFixture("examples/acme-auto");
    (await run(dir, "set", "QP-006", "--remove-form", "HH-F-045", "-y"));
    (await run(dir, "set", "WI-010-02", "--remove-form", "HH-F-045", "-y"));
    const signatures = ["--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-20", "-y"];
    (await run(dir, "release", "QP-006", "--summary", "点检改用 QR-006-01", "--total-pages", "2", "--pages", "P3", ...signatures));
    (await run(dir, "release", "WI-010-02", "--summary", "点检改用 QR-006-01", "--total-pages", "1", "--pages", "P1", ...signatures));
    (await run(dir, "obsolete", "HH-F-045", "--superseded-by", "QR-006-01", "--reason", "并入 QR-006-01", "--date", "2026-11-27", "-y"));
    expect(await csvLines(dir, ["HH-F-045"], "list", "forms", "--today", "2026-11-15")).toEqual(["3,HH-F-045,设备日常点检表,A/1,2024-03-01,QP-006、WI-010-02,生产部,3年,,纸质,生产部各车间,"]);
    expect(await csvLines(dir, ["QP-006"], "list", "procedures", "--style", "gjb", "--today", "2026-11-15")).toEqual([
      '6,设备与监视测量资源管理程序,QP-006,A/1,2025-10-20,生产部,7.1.3/7.1.3.1/7.1.5/7.1.5.1/7.1.5.1.1/7.1.5.2/7.1.5.2.1/7.1.5.3/7.1.5.3.1/7.1.5.3.2/8.5.1.5/8.5.1.6,,"HH-F-045 设备日常点检表\nQR-006-01 量检具校准计划及记录",',
    ]);
    // Withdrawn on 2026-11-27 with records kept 3 years: listed last until 2029-11-27, then no more (tester52 D9).
    expect(await csvLines(dir, ["HH-F-045"], "list", "forms", "--today", "2026-11-30")).toEqual(["26,HH-F-045,设备日常点检表,A/1,2024-03-01,QP-006 A/1、WI-010-02 A/1,生产部,3年,,纸质,生产部各车间,已作废（2026-11-27），由 QR-006-01 替代"]);
    expect(await csvLines(dir, ["HH-F-045"], "list", "forms", "--today", "2029-11-27")).toHaveLength(1);
    expect(await csvLines(dir, ["HH-F-045"], "list", "forms", "--today", "2029-11-28")).toEqual([]);
    // Before 2025-10-20 QP-006 was A/0, which the repository came with already superseded: git has no A/0 to read, nor of 19 others.
    expect((await run(dir, "list", "forms", "--today", "2024-06-01")).trimEnd().split("\n").at(-2)).toBe(
      "以下文件在 2024-06-01 当日的版本内容在 git 中未找到（没有发布标签，也没有记录该版本的提交），其名称、部门、相关文件和表单按现行内容列出，请与该版本的受控副本核对：HH-F-052 A/1、QP-001 A/0、QP-002 A/0、QP-004 A/0、QP-006 A/0、QP-007 A/0、QP-008 A/0、QP-010 A/0、QP-011 A/0、QP-012 A/0 等共 21 份。",
    );
  });
});

describe("what the YAML does not date, read from the files as committed at the end of D (tester54a A13, A7)", () => {
  it("gives a revision submitted by D and released later as 修订中, a draft released later as the draft it was, and the retention registered that day", async () => {
    const dir = committedFixture("examples/acme-auto");
    const at = "2026-11-01T10:00:00+08:00";
    git(dir, ["commit", "-q", "--amend", "--no-edit"], { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
    (await run(dir, "submit", "QP-010", "--date", "2026-11-10", "-y"));
    const file = join(dir, "documents/procedures/QP-010.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("首件检验合格后方可批量生产。", "首件检验合格后方可批量生产；北辰产品变更提前90天书面通知。"));
    commitAt(dir, "2026-11-10", "QP-010 修订稿");
    (await run(dir, "set", "HH-F-052", "--retention", "产品停产后1年", "-y"));
    commitAt(dir, "2026-11-12", "HH-F-052 保存期限");
    // csr's own commits (today): the release removes the 修订中 mark.
    (await run(dir, "release", "QP-010", "--summary", "5.4 增加变更通知", "--total-pages", "2", "--pages", "P3", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-14", "-y"));
    // A first release of which no copy is out yet: a note on stderr says where to hand it out (tester65 N7).
    const first = await csrInProcess(["-C", dir, "release", "WI-011-01", "--summary", "首次发布", "--pages", "全部", "--total-pages", "2", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-18", "-y"], { lang: "zh-CN" });
    expect([first.code, first.stderr]).toEqual([0, expect.stringMatching(/^注意：文件发放\/回收记录中还没有 WI-011-01 的受控副本。/)]);
    expect(readFileSync(file, "utf8")).not.toContain("revising:");
    expect(await csvLines(dir, ["QP-010"], "list", "procedures", "--today", "2026-11-11")).toEqual([expect.stringMatching(/,QP-010,A\/1,.*,修订中（2026-11-10 送审）$/)]);
    expect(await csvLines(dir, ["QP-010"], "list", "documents", "--status", "in-review", "--today", "2026-11-11")).toEqual([expect.stringMatching(/^1,二级,QP-010,生产过程控制程序,生产部,A\/1,,,,,,,[\d./]+,审批中（A\/1 的修订稿，2026-11-10 送审；现行版本 A\/1 仍有效）,$/)]);
    expect(await csvLines(dir, ["QP-010", "WI-011-01"], "list", "documents", "--status", "all", "--today", "2026-11-11")).toEqual([
      expect.stringMatching(/,QP-010,.*,已发布（修订中，2026-11-10 送审）,/),
      expect.stringMatching(/,WI-011-01,北辰汽车零部件包装标识作业指导书,生产部,,.*,草稿,/),
    ]);
    // Before the submission: in force, not under revision; the draft existed from the first commit.
    expect(await csvLines(dir, ["QP-010"], "list", "procedures", "--today", "2026-11-09")).toEqual([expect.stringMatching(/,QP-010,A\/1,.*,$/)]);
    expect(await csvLines(dir, ["HH-F-052"], "list", "forms", "--today", "2026-11-11")).toEqual([expect.stringMatching(/,HH-F-052,首件检验记录,.*,3年,,纸质,品质部,$/)]);
    expect(await csvLines(dir, ["HH-F-052"], "list", "forms", "--today", "2026-11-12")).toEqual([expect.stringMatching(/,HH-F-052,首件检验记录,.*,产品停产后1年,,纸质,品质部,$/)]);
    // Read from git: no line saying the retention is today's.
    expect(await run(dir, "list", "forms", "--today", "2026-11-11")).not.toContain("没有记录日期");
  });
});
