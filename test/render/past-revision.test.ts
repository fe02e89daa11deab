/**
 * `csr render <id> --revision A/0` (or `--as-of DAY`, or `--today DAY` for a document): the text a
 * superseded revision had, as git holds it (its release tag, or the commit that recorded it), stamped
 * 已替代 非受控 and naming the revision that replaced it, in every format; refused in one line where
 * it cannot be printed (tester52 D11: an auditor asks to see the obsolete revision's text).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, tempDir } from "../helpers.js";

const NOTICE = "非受控：本文件为 QP-009 的 A/0 版，已被 A/1 版替代（A/1 版 2026-11-20 起实施），仅供查阅，不得作为受控文件使用。";
const SAID = "已输出 1 个文件（md，zh-CN）。\nQP-009 按 A/0 版发布时的文本打印（已被 A/1 版替代，2026-11-20 起实施），盖“已替代 非受控”章。\n";

describe("a superseded revision of a document", () => {
  let dir: string;
  const render = async (lang: "zh-CN" | "en", ...args: string[]) => {
    const out = join(tempDir(), "page");
    const result = await csrInProcess(["-C", dir, "render", "QP-009", "--out", `${out}.${args.includes("html") ? "html" : args.includes("docx") ? "docx" : "md"}`, ...args], { lang });
    return { ...result, file: `${out}.${args.includes("html") ? "html" : args.includes("docx") ? "docx" : "md"}` };
  };
  beforeAll(async () => {
    dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-009.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
    const release = ["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--pages", "P2", "--total-pages", "2", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-20", "-y"];
    expect((await csrInProcess(release, { lang: "zh-CN" })).code).toBe(0);
  });

  it("prints by its version, or as the one in force on a day (--as-of, --today), with its text as released, stamped 已替代 非受控", async () => {
    const byVersion = await render("zh-CN", "--revision", "A/0");
    expect([byVersion.code, byVersion.stderr]).toEqual([0, SAID]);
    const page = readFileSync(byVersion.file, "utf8");
    expect(page.split("\n").slice(0, 8)).toEqual(["**【已替代 非受控】**", "", `> **${NOTICE}**`, "", "**江苏安迈汽车零部件有限公司**", "", "# 进料检验控制程序", ""]);
    expect(page).toContain("| 文件编号 | QP-009 | 版本/版次 | A/0 | 制订部门 | 品质部 |");
    expect([page.includes("仓库收货后24小时内报检"), page.includes("仓库收货后8小时内报检"), page.includes("报检时限改为8小时")]).toEqual([true, false, false]);
    const onDay = await render("zh-CN", "--as-of", "2026-01-01");
    expect([onDay.code, onDay.stderr, readFileSync(onDay.file, "utf8")]).toEqual([0, SAID, page]);
    // Printed on a day A/0 was still in force (--today), it is the version in force, not 已替代 (tester61 L1); without --copy 非受控 (tester67a A6).
    for (const day of [["--today", "2026-11-19"], ["--as-of", "2026-11-19", "--today", "2026-11-19"]]) {
      const inForce = await render("zh-CN", ...day);
      const text = readFileSync(inForce.file, "utf8");
      expect([inForce.code, inForce.stderr, text.split("\n")[0], text.includes("已被 A/1 版替代"), text.includes("仓库收货后24小时内报检")]).toEqual([
        0,
        "已输出 1 个文件（md，zh-CN）。\nQP-009 A/1 版 2026-11-20 起实施，此前现行版本仍为 A/0：按 A/0 版发布时的文本打印；A/1 版用 'csr render QP-009 --revision A/1' 打印（盖“待实施 非受控”章）。\n",
        "**【非受控】**",
        false,
        true,
      ]);
    }
    // The revision in force, by its version or its day, is printed as it always was.
    const current = await render("zh-CN", "--revision", "A/1");
    const today = await render("zh-CN", "--today", "2026-11-20");
    expect([current.stderr, today.stderr]).toEqual(["已输出 1 个文件（md，zh-CN）。\n", "已输出 1 个文件（md，zh-CN）。\n"]);
    expect(readFileSync(current.file, "utf8").split("\n")[0]).toBe("**【非受控】**");
    expect(readFileSync(today.file, "utf8")).toBe(readFileSync(current.file, "utf8"));
  });

  it("names the documents and forms it refers to at their revisions in force on its own day, as that day's register does, not today's (tester53 N2)", async () => {
    // QP-009 A/0 took effect 2024-03-01, when QP-012 was at A/0; today it is at A/2 (2026-04-08).
    const page = readFileSync((await render("zh-CN", "--revision", "A/0")).file, "utf8");
    expect(page.split("\n").filter((l) => /^\| (QP-008|QP-012|WI-009-01|QR-009-01) /.test(l))).toEqual([
      "| QP-008 | 采购与供应商管理程序 | A/0 |",
      "| QP-012 | 不合格品控制程序 | A/0 |",
      "| WI-009-01 | 进料抽样检验规范 | A/0 |",
      "| QR-009-01 | 进料检验报告 | A/0 |",
    ]);
    const register = await csrInProcess(["-C", dir, "list", "documents", "--today", "2024-03-01", "--format", "csv"], { lang: "zh-CN" });
    expect(register.stdout).toMatch(/,QP-012,不合格品控制程序,[^\n]*,A\/0,/);
  });

  it("prints a CSR's review report as its records stood on --as-of's day, and refuses a day before it was received (tester53 N3)", async () => {
    // BCM-004: received 2026-10-12, decided 必须满足 on 2026-10-20.
    const out = join(tempDir(), "BCM-004.md");
    const run = (...args: string[]) => csrInProcess(["-C", dir, "render", "BCM-004", "--format", "md", "--out", out, "--force", ...args], { lang: "zh-CN" });
    const now = await run();
    expect([now.code, readFileSync(out, "utf8").includes("尚未作出结论")]).toEqual([0, false]);
    const before = await run("--as-of", "2026-10-15");
    expect([before.code, before.stderr]).toEqual([0, "已输出 1 个文件（md，zh-CN）。\nBCM-004 的评审报告按 2026-10-15 当日的记录打印：此后记录的意见、结论、签字、实施和替代未计入。\n"]);
    expect(readFileSync(out, "utf8")).toContain("## 3 评审结论\n\n尚未作出结论");
    const early = await run("--as-of", "2026-10-01");
    expect([early.code, early.stderr]).toEqual([2, "csr: BCM-004 于 2026-10-12 接收，2026-10-01 时尚无评审记录，未打印：请给出接收日期当天或之后的 --as-of。\n"]);
  });

  it("says in every format that a past day's review report is rebuilt from that day's records, with the revisions of that day and without evidence of an implementation done later (tester55 C4)", async () => {
    const AS_OF = (day: string) => `本报告按 ${day} 当日的记录还原：此后记录的意见、结论、签字、实施和替代未计入，落实文件按各文件当日的版本判断；负责人、完成期限和证据没有记录日期，按现在的记录列出。`;
    const print = async (id: string, day: string, format: string) => {
      const out = join(tempDir(), `${id}.${format}`);
      expect((await csrInProcess(["-C", dir, "render", id, "--as-of", day, "--format", format, "--out", out], { lang: "zh-CN" })).code).toBe(0);
      return format === "docx" ? strFromU8(unzipSync(readFileSync(out))["word/document.xml"]!) : readFileSync(out, "utf8");
    };
    // QP-006 A/1 was approved on 2025-10-20, a month after BCM-002 was decided: that day it was at A/0, as the matrix of the day says.
    const md = (await print("BCM-002", "2025-09-16", "md")).split("\n");
    expect(md.filter((l) => l.startsWith("本报告") || l.includes("QP-006") || l.startsWith("- 证据"))).toEqual([
      AS_OF("2025-09-16"),
      "  - QP-006 设备与监视测量资源管理程序（A/0） 【自 A/1（2025-10-20）起落实，当日不计入】 章节 5.5 外部实验室",
      "- 证据：（未列：证据没有记录日期，实施于 2025-10-31 才记录为完成，晚于 2025-09-16）",
    ]);
    const html = await print("DYA-003", "2024-06-24", "html");
    expect([html.includes(`<p class="form-number">${AS_OF("2024-06-24")}</p>`), html.includes("（未列：证据没有记录日期，实施于 2024-07-15 才记录为完成，晚于 2024-06-24）"), html.includes("2024年下半年3次返工")]).toEqual([true, true, false]);
    const word = await print("DYA-003", "2024-06-24", "docx");
    expect([word.includes(AS_OF("2024-06-24")), word.includes("2024年下半年3次返工")]).toEqual([true, false]);
    // Printed for today, the report says nothing of a day and keeps its evidence.
    const out = join(tempDir(), "now.md");
    expect((await csrInProcess(["-C", dir, "render", "DYA-003", "--format", "md", "--out", out], { lang: "zh-CN" })).code).toBe(0);
    const now = readFileSync(out, "utf8");
    expect([now.includes("本报告按"), now.includes("- 证据：QP-012 A/1已发布；2024年下半年3次返工均取得东岳书面批准。")]).toEqual([false, true]);
  });

  it("says so in HTML (and so the PDF) and Word, in both languages", async () => {
    const html = readFileSync((await render("zh-CN", "--revision", "A/0", "--format", "html")).file, "utf8");
    expect(html).toContain(`<div class="stamp stamp-superseded">已替代 非受控</div>\n<div class="watermark">已替代</div>\n<div class="obsolete-notice">${NOTICE}</div>\n`);
    // No 受控 notice: the print is no controlled copy.
    expect(html).not.toContain("本文件为受控文件");
    const english = await render("en", "--revision", "A/0", "--format", "html");
    expect(english.stderr).toBe("Rendered 1 file (html, en).\nQP-009 printed as revision A/0 was released (superseded by A/1, in force from 2026-11-20), stamped SUPERSEDED · UNCONTROLLED.\n");
    expect(readFileSync(english.file, "utf8")).toContain(
      '<div class="stamp stamp-superseded">SUPERSEDED · UNCONTROLLED</div>\n<div class="watermark">SUPERSEDED</div>\n<div class="obsolete-notice">Uncontrolled: this is revision A/0 of QP-009, superseded by A/1 (in force from 2026-11-20); for reference only, not for use as a controlled document.</div>\n',
    );
    const word = strFromU8(unzipSync(readFileSync((await render("zh-CN", "--revision", "A/0", "--format", "docx")).file))["word/document.xml"]!);
    const paragraphs = [...word.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
    expect(paragraphs.slice(0, 4)).toEqual(["已替代 非受控", NOTICE, "江苏安迈汽车零部件有限公司", "进料检验控制程序"]);
  });

  it("with --all, leaves out and names the documents whose revision of that day git does not hold", async () => {
    const out = tempDir();
    const all = await csrInProcess(["-C", dir, "render", "--all", "--as-of", "2026-01-01", "--format", "md", "--out", out], { lang: "zh-CN" });
    expect(all.code).toBe(1);
    expect(all.stderr.split("\n").slice(1)).toEqual([
      "QP-009 按 A/0 版发布时的文本打印（已被 A/1 版替代，2026-11-20 起实施），盖“已替代 非受控”章。",
      "以下文件在 2026-01-01 现行版本的文本 git 中没有，未输出（原因见 'csr render <编号> --as-of 2026-01-01'）：QM-001、HH-F-052、QR-012-02、QR-013-01、QR-015-02、QP-010、QP-012、QP-013、QP-015。",
      "",
    ]);
    expect(readFileSync(join(out, "QP-009.zh-CN.md"), "utf8").split("\n")[0]).toBe("**【已替代 非受控】**");
  });

  it("is refused in one line where it cannot be printed", async () => {
    const refused = async (...args: string[]) => {
      const result = await csrInProcess(["-C", dir, "render", ...args, "--format", "md", "--out", tempDir()], { lang: "zh-CN" });
      return [result.code, result.stderr];
    };
    expect(await refused("QP-009", "--revision", "A/7")).toEqual([2, "csr: QP-009 没有 A/7 版；其修订记录中的版本为 A/0、A/1。\n"]);
    expect(await refused("QP-009", "--as-of", "2024-02-29")).toEqual([2, "csr: QP-009 在 2024-02-29 还没有现行版本：首版 A/0 2024-03-01 起实施。\n"]);
    expect(await refused("QP-009", "--revision", "A/0", "--copy", "1")).toEqual([2, "csr: --copy 打印的是现行版本的受控副本，不能与 --revision 同用；已被替代的版本只打印为非受控的查阅本。\n"]);
    expect(await refused("QP-009", "--revision", "A/0", "--today", "2026-01-01")).toEqual([2, "csr: --revision 与 --today 都指定要打印的版本：请只给出其一。\n"]);
    expect(await refused("QP-009", "--as-of", "2026-01-01", "--today", "2026-11-27")).toEqual([2, "csr: --as-of 2026-01-01 与 --today 2026-11-27 不一致：请只给出其一。\n"]);
    expect(await refused("QP-009", "QP-010", "--revision", "A/0")).toEqual([2, "csr: --revision 指定一份文件的版本：请只给出一份文件，不要用 --all。\n"]);
    expect(await refused("DYA-001", "--revision", "A/0")).toEqual([2, "csr: --revision 用于文件：DYA-001 是 CSR，其评审报告按日期输出（--as-of 或 --today）。\n"]);
    // QP-012 A/1 was released before the example's first commit: git never held its text.
    expect(await refused("QP-012", "--revision", "A/1")).toEqual([
      2,
      "csr: 无法从 git 读取 QP-012 A/1 版的文本，未打印：没有发布标签 QP-012/A-1，git 历史中也没有记录该版本的提交（该版本在仓库用 git 管理之前发布或由导入登记，或仓库是浅克隆）。\n提示：仓库是浅克隆或缺少标签时，取回后重试（git fetch --unshallow --tags）；git 中从未有过该版本时，请出示其纸质原件或存档。\n",
    ]);
    expect(await refused("QP-012", "--today", "2025-12-01")).toEqual(await refused("QP-012", "--revision", "A/1"));
  });
});
