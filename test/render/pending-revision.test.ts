/**
 * `csr render` while a revision is released but not yet in force (待实施, csr release --effective): the
 * version in force is the one before it (IATF 16949 7.5.3.2.1), printed as a controlled print; the
 * pending one prints only stamped 待实施, for training and preparation, or as a controlled copy handed
 * out early, stamped 受控 待实施 until its 实施日期 (tester61 L1). The 实施日期 is years ahead, so that
 * a print without --today is one of the 待实施 period whatever day the test runs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";
import { today } from "../today.js";

const EFFECTIVE = "2030-01-07";
const IN_FORCE = `WI-010-01 A/2 版 ${EFFECTIVE} 起实施，此前现行版本仍为 A/1：按 A/1 版发布时的文本打印；A/2 版用 'csr render WI-010-01 --revision A/2' 打印（盖“待实施 非受控”章）。`;
const PENDING_NOTICE = `待实施 非受控：本文件为 WI-010-01 的 A/2 版，${EFFECTIVE} 起实施，仅供培训/准备，在此之前不得用于生产；现行有效的是 A/1 版。`;

describe("a document whose next revision is released to take effect later", () => {
  let dir: string;
  /** csr render of WI-010-01 in the test's process (csrInProcess); `binary` runs the built csr instead, as the first print and the refusal do. */
  const print = async (binary: boolean, args: string[]) => {
    const format = args.includes("html") ? "html" : args.includes("docx") ? "docx" : "md";
    const out = join(tempDir(), `print.${format}`);
    const argv = ["-C", dir, "render", "WI-010-01", "--out", out, ...args];
    const options = { lang: args.includes("en") ? ("en" as const) : ("zh-CN" as const) };
    const result = binary ? csr(argv, options) : await csrInProcess(argv, options);
    return { ...result, file: out, text: result.code === 0 && format !== "docx" ? readFileSync(out, "utf8") : "" };
  };
  const render = (...args: string[]) => print(false, args);
  beforeAll(async () => {
    dir = committedFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", dir, "submit", "WI-010-01", "--by", "gaoyang", "--date", "2026-12-01"])).code).toBe(0);
    const file = join(dir, "documents/instructions/WI-010-01.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("3. 每2小时抽测5件扣压外径并记录", "3. 每1小时抽测5件扣压外径并记录（东岳ECN-2026-118）"));
    git(dir, ["commit", "-qam", "WI-010-01 修订稿"]);
    const release = ["release", "WI-010-01", "--summary", "扣压外径抽测频次由每2小时改为每1小时", "--total-pages", "1", "--pages", "P1", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli"];
    const released = csr(["-C", dir, ...release, "--date", "2026-12-03", "--effective", EFFECTIVE, "-y"], { lang: "zh-CN" });
    // A Monday: no note on a rest day (tester61 L8).
    expect([released.code, released.stdout.includes("休息日")]).toEqual([0, false]);
    const early = csr(["-C", dir, "distribute", "WI-010-01", "--to", "PRD:huangjun", "--date", "2026-12-04", "-y"], { lang: "zh-CN" });
    // An early issue of the pending version is said, with how to issue the version in force instead (breaker61 M7).
    expect([early.code, early.stdout.split("\n").filter((l) => l.includes("起实施"))]).toEqual([
      0,
      [`WI-010-01 A/2 版 ${EFFECTIVE} 起实施，在此之前现行版本仍为 A/1：以上是 A/2 版的提前发放，供培训/准备（打印盖“受控 待实施”章）。如要发放的是现行的 A/1 版，用 'csr distribute WI-010-01 --old-version A/1 --to PRD:huangjun'。`],
    ]);
  });

  it("prints the version in force (A/1) as released, stamped 非受控 without --copy (tester67a A6), without options, --as-of or --today a day before the 实施日期", async () => {
    const plain = await print(true, []);
    expect([plain.code, plain.stderr]).toEqual([0, `已输出 1 个文件（md，zh-CN）。\n${IN_FORCE}\n`]);
    const lines = plain.text.split("\n");
    expect(lines.slice(0, 5)).toEqual(["**【非受控】**", "", "> **非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render WI-010-01 --copy N）。**", "", "**江苏安迈汽车零部件有限公司**"]);
    // No row of WI-010-01's A/2; the form it uses, HH-F-052, is at its own A/2 (released for 8D-2026-001) in its list of forms.
    expect(lines.filter((l) => l.startsWith("| 文件编号 | WI-010-01") || l.startsWith("| 制订日期") || (l.includes("| A/2 |") && !l.startsWith("| HH-F-052 |")))).toEqual([
      "| 文件编号 | WI-010-01 | 版本/版次 | A/1 | 制订部门 | 生产部 |",
      "| 制订日期 | 2024-03-01 | 生效日期 | 2025-03-17 |  |  |",
    ]);
    expect([plain.text.includes("3. 每2小时抽测5件扣压外径并记录"), plain.text.includes("每1小时"), plain.text.includes("已替代"), plain.text.includes("待实施"), plain.text.includes("有限公司文件，版权归本公司所有")]).toEqual([true, false, false, false, true]);
    for (const day of [["--today", "2026-12-05"], ["--as-of", "2026-12-13", "--today", "2026-12-13"], ["--revision", "A/1"]]) {
      const onDay = await render(...day);
      expect([onDay.code, onDay.stderr, onDay.text]).toEqual([0, plain.stderr, plain.text]);
    }
    expect((await render("--lang", "en")).stderr.split("\n")[1]).toBe(`WI-010-01 A/2 takes effect on ${EFFECTIVE}; until then A/1 is in force: printed with the text of A/1 as released; print A/2 with 'csr render WI-010-01 --revision A/2' (stamped PENDING · UNCONTROLLED).`);
  });

  it("prints A/2 as the version in force, stamped 非受控 without --copy, with --as-of on or after the 实施日期, as --today does (breaker61 M1)", async () => {
    for (const day of [EFFECTIVE, "2030-02-01"]) {
      const asOf = await render("--as-of", day);
      const onDay = await render("--today", day);
      expect([asOf.code, asOf.stderr, asOf.text]).toEqual([0, onDay.stderr, onDay.text]);
      expect([asOf.stderr, asOf.text.split("\n")[0], asOf.text.includes("| 文件编号 | WI-010-01 | 版本/版次 | A/2 |"), asOf.text.includes("待实施")]).toEqual(["已输出 1 个文件（md，zh-CN）。\n", "**【非受控】**", true, false]);
    }
    const before = await render("--as-of", "2030-01-06");
    expect([before.code, before.text.split("\n")[0], before.text.includes("| 文件编号 | WI-010-01 | 版本/版次 | A/1 |"), before.text.includes("待实施")]).toEqual([0, "**【非受控】**", true, false]);
  });

  it("refuses --copy with --revision A/1 without calling the version in force superseded (breaker61 M8)", async () => {
    const refused = await print(true, ["--copy", "1", "--revision", "A/1"]);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, "", `csr: --copy 打印的是登记的那份受控副本，按它发放的版本，不能与 --revision 同用；WI-010-01 A/1 版在 ${EFFECTIVE} 前仍是现行版本，去掉 --copy 即打印该版（非受控，仅供参考）。\n`]);
  });

  it("shows the signatures of the version in force and of the pending one, labelled (breaker61 M9)", () => {
    const shown = csr(["-C", dir, "show", "WI-010-01"], { lang: "zh-CN" });
    const at = shown.stdout.split("\n").findIndex((l) => l.startsWith("  签字"));
    expect([shown.code, shown.stdout.split("\n").slice(at, at + 2)]).toEqual([
      0,
      ["  签字            A/1（现行）：编制 高扬 2025-03-10 / 审核 黄军 2025-03-13 / 批准 张丽 2025-03-17", "                  A/2（待实施）：编制 高扬 2026-12-03 / 审核 黄军 2026-12-03 / 批准 张丽 2026-12-03"],
    ]);
  });

  it("prints the pending version (--revision A/2) stamped 待实施 非受控 with its 实施日期 and the version in force, in every format", async () => {
    const md = await render("--revision", "A/2");
    expect([md.code, md.stderr]).toEqual([0, `已输出 1 个文件（md，zh-CN）。\nWI-010-01 A/2 版 ${EFFECTIVE} 起实施，此前现行版本为 A/1：A/2 版盖“待实施 非受控”章打印，仅供培训/准备。\n`]);
    expect(md.text.split("\n").slice(0, 5)).toEqual(["**【待实施 非受控】**", "", `> **${PENDING_NOTICE}**`, "", "**江苏安迈汽车零部件有限公司**"]);
    expect([md.text.includes("| 文件编号 | WI-010-01 | 版本/版次 | A/2 |"), md.text.includes("每1小时"), md.text.includes("受控文件，版权归本公司所有")]).toEqual([true, true, false]);
    const html = await render("--revision", "A/2", "--format", "html");
    expect(html.text).toContain(`<div class="stamp stamp-pending">待实施 非受控</div>\n<div class="pending-notice">${PENDING_NOTICE}</div>\n`);
    const english = await render("--revision", "A/2", "--format", "html", "--lang", "en");
    expect(english.text).toContain(
      `<div class="stamp stamp-pending">PENDING · UNCONTROLLED</div>\n<div class="pending-notice">Pending · uncontrolled: this is revision A/2 of WI-010-01, in force from ${EFFECTIVE}; for training and preparation only, not for use in production before then. A/1 is in force until then.</div>\n`,
    );
    const word = strFromU8(unzipSync(readFileSync((await render("--revision", "A/2", "--format", "docx")).file))["word/document.xml"]!);
    const paragraphs = [...word.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
    expect(paragraphs.slice(0, 3)).toEqual(["待实施 非受控", PENDING_NOTICE, "江苏安迈汽车零部件有限公司"]);
  });

  it("prints the A/2 copy handed out early stamped 受控 待实施 until the 实施日期, then 受控", async () => {
    const early = await render("--copy", "1", "--today", "2026-12-05");
    expect([early.code, early.stderr]).toEqual([0, `已输出 1 个文件（md，zh-CN）。\nWI-010-01 受控副本 1 是 A/2 版，${EFFECTIVE} 起实施：盖“受控 待实施”章打印。\n`]);
    expect(early.text.split("\n").slice(0, 5)).toEqual(["**【受控 待实施 受控号 1 持有：生产部 黄军】**", "", `> **待实施：本受控副本为 WI-010-01 的 A/2 版，${EFFECTIVE} 起实施；在此之前仍按 A/1 版执行。**`, "", "**江苏安迈汽车零部件有限公司**"]);
    expect(early.text.includes("受控文件，版权归本公司所有")).toBe(true);
    const due = await render("--copy", "1", "--today", EFFECTIVE);
    expect([due.code, due.stderr, due.text.split("\n")[0], due.text.includes("待实施")]).toEqual([0, "已输出 1 个文件（md，zh-CN）。\n", "**【受控 受控号 1 持有：生产部 黄军】**", false]);
  });

  it("lists the electronic issues of A/1 as in use until A/2 replaces them on the system, not as to be recalled (tester61 L10)", () => {
    const register = csr(["-C", dir, "list", "distribution", "--document", "WI-010-01", "--format", "csv", "--today", "2026-12-05"], { lang: "zh-CN" });
    expect(register.stdout.split("\n").filter((l) => l.includes(",WI-010-01,")).map((l) => l.split(",").slice(3, 5).concat(l.split(",").at(-2)!))).toEqual([
      ["A/2", "1", `待实施（${EFFECTIVE} 实施）`],
      ["A/1", "电子版（OA，只读）", `在用（${EFFECTIVE} 起换版）`],
      ["A/1", "电子版（OA，只读）", `在用（${EFFECTIVE} 起换版）`],
      ["A/1", "电子版（OA，只读）", `在用（${EFFECTIVE} 起换版）`],
    ]);
  });

  it("names A/1 as the version in force, and A/2 with its 实施日期, when a new document marks it 修订中 (tester61 L2); the print stays A/1", async () => {
    const added = csr(["-C", dir, "new", "instruction", "--title", "扣压夹具维修期间临时偏离", "--department", "PRD", "--used-by", "WI-010-01", "-y"], { lang: "zh-CN" });
    expect(added.code).toBe(0);
    expect(added.stdout.split("\n")).toContain(
      `WI-010-01 现标记为修订中（${today()} 起，同 'csr submit WI-010-01'）：文件中是其下一版的修订稿，现行版本 A/1（A/2 于 ${EFFECTIVE} 实施）照常有效，登记、受控副本和网站都用它发布时的文本，直到 'csr release WI-010-01' 发布新版本；不改了，撤销更改后用 'csr submit WI-010-01 --withdraw' 取消修订。`,
    );
    const plain = await render();
    expect([plain.code, plain.stderr, plain.text.split("\n")[0], plain.text.includes("| 文件编号 | WI-010-01 | 版本/版次 | A/1 |")]).toEqual([0, `已输出 1 个文件（md，zh-CN）。\n${IN_FORCE}\n`, "**【非受控】**", true]);
    git(dir, ["checkout", "-q", "--", "."]);
    git(dir, ["clean", "-qfd"]);
  });

  it("prints A/2 as the version in force from its 实施日期", async () => {
    const due = await render("--today", EFFECTIVE);
    expect([due.code, due.stderr, due.text.split("\n")[0], due.text.includes("| 文件编号 | WI-010-01 | 版本/版次 | A/2 |"), due.text.includes("待实施")]).toEqual([0, "已输出 1 个文件（md，zh-CN）。\n", "**【非受控】**", true, false]);
  });
});
