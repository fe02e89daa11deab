import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csr, csrInProcess, FIXTURES, makeRepo, minimalRepo, ROOT, tempDir, tool } from "../helpers.js";

const BASIC = join(FIXTURES, "render", "basic");
const GOLDEN = join(FIXTURES, "render", "golden");

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("csr render: golden files", () => {
  // A repository of its own (one commit), so that what git tells of FORD-001's training record is the fixture's, not this project's history.
  let basic: string | undefined;
  for (const format of ["md", "html"] as const) {
    for (const lang of ["zh-CN", "en"] as const) {
      it(`renders a procedure, a form and a CSR review report as ${format} (${lang})`, async () => {
        const out = tempDir();
        basic ??= committedFixture("test/fixtures/render/basic");
        const result = await csrInProcess(["-C", basic, "render", "QP-020", "QR-020-01", "FORD-001", "--format", format, "--lang", lang, "--out", out]);
        expect(result.stderr).toBe(lang === "en" ? `Rendered 3 files (${format}, en).\n` : `已输出 3 个文件（${format}，${lang}）。\n`);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe([`QP-020.${lang}.${format}`, `QR-020-01.${lang}.${format}`, `FORD-001.review.${lang}.${format}`].map((f) => `${join(out, f)}\n`).join(""));
        for (const file of readdirSync(out).sort()) expectGolden(file, readFileSync(join(out, file), "utf8"));
      });
    }
  }
});

describe("csr render: a controlled copy is a numbered copy in the distribution record (tester67a A6)", () => {
  const repo = join(ROOT, "examples", "acme-auto");
  const NOTICE = "非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render QP-015 --copy N）。";
  const print = async (lang: string, format: string, ...flags: string[]) => {
    const out = tempDir();
    const result = await csrInProcess(["-C", repo, "render", "QP-015", ...flags, "--format", format, "--lang", lang, "--out", out, "--today", "2026-11-27"]);
    expect(result.code, result.stderr).toBe(0);
    return readFileSync(result.stdout.trim(), "utf8");
  };

  it("prints a released document without --copy stamped 非受控 and for reference only, its notice without 受控, in both languages", async () => {
    const md = await print("zh-CN", "md");
    expect(md.split("\n").slice(0, 5)).toEqual(["**【非受控】**", "", `> **${NOTICE}**`, "", "**江苏安迈汽车零部件有限公司**"]);
    expect([md.includes("受控文件，版权"), md.includes("> 本文件为江苏安迈汽车零部件有限公司文件，版权归本公司所有。")]).toEqual([false, true]);
    const html = await print("en", "html");
    expect(html).toContain(
      '<div class="stamp stamp-uncontrolled">UNCONTROLLED</div>\n<div class="uncontrolled-notice">Uncontrolled · for reference only: this print is not a controlled copy and is in no distribution record; a controlled copy is a numbered copy stamped CONTROLLED with its copy number and recorded as issued (csr render QP-015 --copy N).</div>\n',
    );
    expect(html).not.toContain(">CONTROLLED<");
  });

  it("prints a copy recorded as handed out (--copy N) stamped 受控 with its 受控号 and the notice of a controlled copy, as before", async () => {
    const md = await print("zh-CN", "md", "--copy", "7");
    expect(md.split("\n").slice(0, 3)).toEqual(["**【受控 受控号 7 持有：市场部 孙伟】**", "", "**江苏安迈汽车零部件有限公司**"]);
    expect([md.includes("非受控"), md.includes("> 本文件为江苏安迈汽车零部件有限公司受控文件，版权归本公司所有。")]).toEqual([false, true]);
  });
});

/** WI-010-03, a temporary deviation from WI-010-01 released on 2026-12-02 and valid until 2026-12-19 (IATF 16949 8.5.6.1.1). */
const DEVIATION = `id: WI-010-03\ntitle: 扣压夹具维修期间临时偏离\ntitle_en: Temporary deviation while the crimping fixture is repaired\nlevel: 3\nkind: instruction\ndepartment: PRD\nstatus: released\neffective: 2026-12-02\nvalid_until: 2026-12-19\ndeviates_from: [WI-010-01]\nrevisions:\n  - { version: A/0, date: 2026-12-02, summary: 临时偏离, prepared: { by: gaoyang, date: 2026-12-02 }, reviewed: { by: huangjun, date: 2026-12-02 }, approved: { by: zhangli, date: 2026-12-02 } }\nsections:\n  - title: 作业内容\n    text: 夹具维修期间改用备用夹具。\n`;

describe("csr render: a deviation in force is printed with the document it deviates from (tester75 P8)", () => {
  let repo: string | undefined;
  const print = async (format: string, lang: string, day: string, ...flags: string[]) => {
    if (repo === undefined) {
      repo = copyFixture("examples/acme-auto");
      writeFileSync(join(repo, "documents", "instructions", "WI-010-03.yaml"), DEVIATION);
    }
    const out = tempDir();
    const result = await csrInProcess(["-C", repo, "render", "WI-010-01", ...flags, "--format", format, "--lang", lang, "--out", out, "--today", day]);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout.trim();
  };
  const NOTICE = "同时适用偏离 WI-010-03 扣压夹具维修期间临时偏离（至 2026-12-19）：在此之前须与本页一并阅读执行。";

  it("says so under the stamp while it is in force, in Markdown, HTML and Word, and not before or after", async () => {
    const md = readFileSync(await print("md", "zh-CN", "2026-12-04"), "utf8").split("\n");
    expect(md.slice(0, 7)).toEqual(["**【非受控】**", "", "> **非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render WI-010-01 --copy N）。**", "", `> **${NOTICE}**`, "", "**江苏安迈汽车零部件有限公司**"]);
    expect(readFileSync(await print("html", "en", "2026-12-19"), "utf8")).toContain(
      '<div class="deviation-notice">The deviation WI-010-03 Temporary deviation while the crimping fixture is repaired applies until 2026-12-19: until then, read and work to it together with this page.</div>\n',
    );
    // Before its 实施日期 and after its last valid day the deviation is not in force: nothing is said.
    for (const day of ["2026-12-01", "2026-12-20"]) expect(readFileSync(await print("md", "zh-CN", day), "utf8")).not.toContain("偏离");
    const docx = await print("docx", "zh-CN", "2026-12-04");
    const body = spawnSync("unzip", ["-p", docx, "word/document.xml"], { encoding: "utf8" }).stdout;
    expect([...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).slice(0, 3)).toEqual(["非受控", "非受控 仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中；受控副本是加盖“受控”章、注明受控号并登记发放的编号副本（csr render WI-010-01 --copy N）。", NOTICE]);
  });
});

describe("csr render --format pdf: a deviation notice that pushes the body onto another page (tester76)", () => {
  const chromium = tool("chromium");
  const pdftotext = tool("pdftotext");
  it.runIf(chromium && pdftotext)("keeps the copy's stamp and 第 x 页 共 y 页 at the foot of every page, and says the extra page is the notice's, not a 总页数 to record", { timeout: 120_000 }, async () => {
    const repo = copyFixture("examples/acme-auto");
    writeFileSync(join(repo, "documents", "instructions", "WI-010-03.yaml"), DEVIATION);
    // Copy 1 of A/1 put up at the crimping station (WI-010-01 records its 总页数 as 1: the page it prints on without a notice).
    const file = join(repo, "documents", "instructions", "WI-010-01.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}distribution:\n  - {copy: 1, version: A/1, to: PRD, holder: huangjun, location: 压接工位 OP20, issued_by: chenjing, date: 2026-12-01}\n`);
    const out = tempDir();
    const result = await csrInProcess(["-C", repo, "render", "WI-010-01", "--copy", "1", "--format", "pdf", "--out", out, "--today", "2026-12-04"], { lang: null });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("已输出 1 个文件（pdf，zh-CN）。\n注意：WI-010-01 现行版本 A/1 的修订记录写总页数 1，本次打印共 2 页：多出的页来自标题上方的偏离通知，它不属于受控文本，总页数不必更改。\n");
    const pages = spawnSync("pdftotext", ["-layout", join(out, "WI-010-01.copy-1.zh-CN.pdf"), "-"], { encoding: "utf8" })
      .stdout.split("\f")
      .filter((page) => page.trim() !== "")
      .map((page) => page.split("\n").map((line) => line.replace(/\s+/g, " ").trim()).filter((line) => line !== ""));
    // The notice on page 1 above the title; the body runs on to page 2; each page's foot says what the print is and which page of how many.
    expect(pages.map((page) => page.slice(-2))).toEqual([
      ["受控 受控号 1 持有：生产部 黄军 使用场所：压接工位 OP20", "第1页共2页"],
      ["受控 受控号 1 持有：生产部 黄军 使用场所：压接工位 OP20", "第2页共2页"],
    ]);
    expect(pages[0]!.some((line) => line.startsWith("同时适用偏离 WI-010-03"))).toBe(true);
    expect(pages[1]!.some((line) => line.startsWith("5 相关记录"))).toBe(true);
    // Once the deviation has ended the copy prints on the one page its record gives, and nothing is said.
    const after = await csrInProcess(["-C", repo, "render", "WI-010-01", "--copy", "1", "--format", "pdf", "--out", tempDir(), "--today", "2026-12-20"], { lang: null });
    expect([after.code, after.stderr]).toEqual([0, "已输出 1 个文件（pdf，zh-CN）。\n"]);
  });
});

describe("csr render: lists in a line, as the document's language writes them", () => {
  it("joins a review report's clauses, departments and records with 、 in Chinese and ', ' in English", async () => {
    const repo = join(ROOT, "examples", "acme-auto");
    const lines = async (lang: string) => {
      const out = tempDir();
      expect((await csrInProcess(["-C", repo, "render", "DYA-001", "--format", "md", "--lang", lang, "--out", out, "--today", "2026-11-27"])).code).toBe(0);
      return readFileSync(join(out, `DYA-001.review.${lang}.md`), "utf8")
        .split("\n")
        .filter((l) => /IATF 16949 8\.3\.3\.3|2025-02-18/.test(l));
    };
    // Each clause as the standard is cited, with its title from the catalog.
    expect(await lines("zh-CN")).toEqual(["| 章节 | 4.2 特殊特性符号 | 对应条款 | IATF 16949 8.3.3.3 特殊特性、IATF 16949 8.2.3.1.2 顾客指定的特殊特性 |", "- 发放部门：技术部、品质部、生产部（2025-02-18）"]);
    expect(await lines("en")).toEqual([
      "| Section | 4.2 特殊特性符号 | Clauses | IATF 16949 8.3.3.3 Special characteristics, IATF 16949 8.2.3.1.2 Customer-designated special characteristics |",
      "- Distributed to: Engineering, Quality Assurance, Production (2025-02-18)",
    ]);
  });
});

describe("csr render: layouts per document level (qms.yaml document_layouts)", () => {
  for (const format of ["md", "html"] as const) {
    for (const lang of ["zh-CN", "en"] as const) {
      it(`prints the seed work-instruction change log and GJB signatures with 密级 as ${format} (${lang})`, async () => {
        const out = tempDir();
        const result = await csrInProcess(["-C", join(FIXTURES, "render", "layouts"), "render", "CS/WI-101", "CS/QP-006", "--format", format, "--lang", lang, "--out", out]);
        expect(result.stderr).toBe(lang === "en" ? `Rendered 2 files (${format}, en).\n` : `已输出 2 个文件（${format}，${lang}）。\n`);
        expect(result.code).toBe(0);
        for (const file of readdirSync(out).sort()) expectGolden(file, readFileSync(join(out, file), "utf8"));
      });
    }
  }
});

describe("csr render", () => {
  it("renders every document with --all into out/ at the repository root, replacing earlier renders", async () => {
    const repo = copyFixture("test/fixtures/render/basic");
    mkdirSync(join(repo, "out"));
    writeFileSync(join(repo, "out", "QP-020.zh-CN.md"), "old render\n");
    const result = await csrInProcess(["-C", join(repo, "documents"), "render", "--all", "--format", "md"], { lang: null });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(["QM-01", "QP-009", "QP-020", "QR-020-01", "WI-001"].map((id) => `out/${id}.zh-CN.md\n`).join(""));
    expect(readFileSync(join(repo, "out", "QP-020.zh-CN.md"), "utf8")).toContain("# 顾客特定要求管理程序");
  });

  it("names the documents --all leaves out because their files have errors", async () => {
    const repo = copyFixture("test/fixtures/render/basic");
    writeFileSync(join(repo, "documents", "WI-001.yaml"), "id: WI-001\ntitle: 来料检验作业指导书\nlevel: 3\nkind: instruction\nstatus: draft\n");
    const result = await csrInProcess(["-C", repo, "render", "--all", "--format", "md"], { lang: null });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("已输出 4 个文件（md，zh-CN）。\n以下文件有错误，未输出（见 'csr check'）：WI-001。\n");
    expect(existsSync(join(repo, "out", "WI-001.zh-CN.md"))).toBe(false);
  });

  it("with --all, leaves out a document with a dangling reference and renders the rest", async () => {
    const repo = copyFixture("test/fixtures/render/basic");
    writeFileSync(join(repo, "documents", "WI-001.yaml"), "id: WI-001\ntitle: 来料检验作业指导书\nlevel: 3\nkind: instruction\ndepartment: QA\nstatus: draft\nforms: [QR-404-01]\n");
    const result = await csrInProcess(["-C", repo, "render", "--all", "--format", "md"], { lang: null });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "已输出 4 个文件（md，zh-CN）。\n以下文件引用了不存在的文件，未输出（见 'csr check'，ref/unresolved）：WI-001。\n",
    );
    expect(existsSync(join(repo, "out", "WI-001.zh-CN.md"))).toBe(false);
    expect(existsSync(join(repo, "out", "QP-020.zh-CN.md"))).toBe(true);
  });

  it("with --all, prints neither file of a number two files carry, names both on one line and renders the rest (odds59 3)", () => {
    const repo = copyFixture("test/fixtures/render/basic");
    const copy = readFileSync(join(repo, "documents", "QP-020.yaml"), "utf8").replace(/^title: .*$/m, "title: 新程序草稿");
    writeFileSync(join(repo, "documents", "A-copy.yaml"), copy);
    const result = csr(["-C", repo, "render", "--all", "--format", "md"], { lang: null });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(["QM-01", "QP-009", "QR-020-01", "WI-001"].map((id) => `out/${id}.zh-CN.md\n`).join(""));
    expect(result.stderr).toBe(
      "已输出 4 个文件（md，zh-CN）。\n以下编号有不止一个文件使用，这些文件都未输出（见 'csr check'，id/duplicate：请给多出的文件改用未用的编号）：QP-020（documents/A-copy.yaml 和 documents/QP-020.yaml）。\n",
    );
    expect(existsSync(join(repo, "out", "QP-020.zh-CN.md"))).toBe(false);
    const en = csr(["-C", repo, "render", "--all", "--format", "md", "--lang", "en"], { lang: null });
    expect([en.code, en.stderr]).toEqual([
      1,
      "Rendered 4 files (md, en).\nNot rendered, because more than one file has their number (see 'csr check', id/duplicate: give the extra file an unused number): QP-020 (documents/A-copy.yaml and documents/QP-020.yaml).\n",
    ]);
  });

  it("stamps drafts and obsolete documents, explains the withdrawal, prints the notice of a controlled copy on neither, and the draft's handling rule without 受控 (tester57 E11)", async () => {
    const out = tempDir();
    expect((await csrInProcess(["-C", BASIC, "render", "WI-001", "QP-009", "QP-020", "--format", "html", "--out", out], { lang: null })).code).toBe(0);
    const draft = readFileSync(join(out, "WI-001.zh-CN.html"), "utf8");
    expect(draft).toContain('<div class="stamp stamp-draft">草稿</div>');
    expect(draft).toContain('<td colspan="5" class="empty">尚无发布记录</td>');
    const obsolete = readFileSync(join(out, "QP-009.zh-CN.html"), "utf8");
    expect(obsolete).toContain('<div class="watermark">作废</div>');
    expect(obsolete).toContain("替代文件：QP-020 顾客特定要求管理程序 (A/1)");
    // 本文件为公司受控文件 is true of a controlled copy only (csr render --copy N): a released document printed without one says the handling rule without 受控 (tester67a A6).
    expect(readFileSync(join(out, "QP-020.zh-CN.html"), "utf8")).toContain('<p class="confidentiality">本文件为公司文件，未经许可不得外借或复印。</p>');
    // A draft goes round for 会签 printed: the same handling rule binds it, but it is no controlled copy (tester57 E11).
    expect([...draft.matchAll(/<p class="confidentiality">(.*)<\/p>/g)].map((m) => m[1])).toEqual(["本文件为公司文件，未经许可不得外借或复印。"]);
    expect(obsolete).not.toContain('class="confidentiality"');
  });

  it("prints qms.yaml's confidentiality notice, csr's default without one, and none with confidentiality: \"\"", async () => {
    const repo = copyFixture("test/fixtures/render/basic");
    const qms = readFileSync(join(repo, "qms.yaml"), "utf8").replace(/^confidentiality(_en)?: .*\n/gm, "");
    const notices = async (): Promise<string[]> => {
      const out = tempDir();
      expect((await csrInProcess(["-C", repo, "render", "QP-020", "--format", "html", "--out", out], { lang: null })).code).toBe(0);
      return [...readFileSync(join(out, "QP-020.zh-CN.html"), "utf8").matchAll(/<p class="confidentiality">(.*)<\/p>/g)].map((m) => m[1]!);
    };
    // A print without --copy is no controlled copy: the notice without 受控 (tester67a A6).
    expect(await notices()).toEqual(["本文件为公司文件，未经许可不得外借或复印。"]);
    writeFileSync(join(repo, "qms.yaml"), qms);
    expect(await notices()).toEqual(["本文件为本公司文件，未经许可不得外借、复印。"]);
    writeFileSync(join(repo, "qms.yaml"), `${qms}confidentiality: ""\n`);
    expect(await notices()).toEqual([]);
  });

  it("marks a withdrawn form (with its successor) and a form never released in the related records, in every format", async () => {
    const form = (id: string, status: string) =>
      `id: ${id}\ntitle: 表单${id}\nlevel: 4\nkind: form\ndepartment: QA\nstatus: ${status}\nrevisions:\n  - {version: A/0, date: 2024-01-10, summary: 首次发布}\nrecord: {retention: 3年}\n`;
    const repo = minimalRepo({
      "documents/QP-020.yaml": `id: QP-020\ntitle: 程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nforms: [QR-009-01, QR-010-01, QR-011-01]\nsections:\n  - title: 目的\n    text: 无。\n`,
      "documents/QR-009-01.yaml": form("QR-009-01", "obsolete\nobsolete: {date: 2024-02-01, reason: 换版, superseded_by: QR-010-01}"),
      "documents/QR-010-01.yaml": form("QR-010-01", "released"),
      "documents/QR-011-01.yaml": "id: QR-011-01\ntitle: 表单QR-011-01\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n",
    });
    const out = tempDir();
    for (const [format, lang] of [["md", "zh-CN"], ["md", "en"], ["html", "zh-CN"], ["docx", "zh-CN"]]) {
      expect((await csrInProcess(["-C", repo, "render", "QP-020", "--format", format!, "--lang", lang!, "--out", out])).code).toBe(0);
    }
    const rows = (text: string) => text.split("\n").filter((l) => l.startsWith("| QR-"));
    expect(rows(readFileSync(join(out, "QP-020.zh-CN.md"), "utf8"))).toEqual([
      "| QR-009-01 | 表单QR-009-01 | A/0 【作废，由 QR-010-01 替代】 |",
      "| QR-010-01 | 表单QR-010-01 | A/0 |",
      "| QR-011-01 | 表单QR-011-01 |  【草稿，未发布】 |",
    ]);
    expect(rows(readFileSync(join(out, "QP-020.en.md"), "utf8"))).toEqual([
      "| QR-009-01 | 表单QR-009-01 | A/0 (obsolete, superseded by QR-010-01) |",
      "| QR-010-01 | 表单QR-010-01 | A/0 |",
      "| QR-011-01 | 表单QR-011-01 |  (draft, not released) |",
    ]);
    expect(readFileSync(join(out, "QP-020.zh-CN.html"), "utf8")).toContain('<td class="nowrap">A/0 <span class="not-in-force">【作废，由 QR-010-01 替代】</span></td>');
    const { strFromU8, unzipSync } = await import("fflate");
    const xml = strFromU8(unzipSync(readFileSync(join(out, "QP-020.zh-CN.docx")))["word/document.xml"]!);
    expect(xml).toContain("A/0 【作废，由 QR-010-01 替代】");
    expect(xml).toContain("【草稿，未发布】");
  });

  it("marks a 落实文件 not yet released on the review report, in every format", async () => {
    const repo = copyFixture("examples/acme-auto");
    const out = tempDir();
    for (const format of ["md", "html", "docx"]) {
      expect((await csrInProcess(["-C", repo, "render", "BCM-004", "--format", format, "--out", out], { lang: null })).code).toBe(0);
    }
    expect(readFileSync(join(out, "BCM-004.review.zh-CN.md"), "utf8")).toContain("  - WI-011-01 北辰汽车零部件包装标识作业指导书 【草稿，未发布】 章节 2 标签要求\n");
    expect(readFileSync(join(out, "BCM-004.review.zh-CN.html"), "utf8")).toContain('WI-011-01 北辰汽车零部件包装标识作业指导书 <span class="not-in-force">【草稿，未发布】</span> 章节 2 标签要求');
    const { strFromU8, unzipSync } = await import("fflate");
    expect(strFromU8(unzipSync(readFileSync(join(out, "BCM-004.review.zh-CN.docx")))["word/document.xml"]!)).toContain("WI-011-01 北辰汽车零部件包装标识作业指导书 【草稿，未发布】 章节 2 标签要求");
  });

  it("uses the repository's own template, partial and labels instead of csr's", async () => {
    const repo = copyFixture("test/fixtures/render/basic");
    mkdirSync(join(repo, "templates", "md", "partials"), { recursive: true });
    writeFileSync(join(repo, "templates", "md", "procedure.hbs"), "{{> header}}|{{t \"revisions\"}}|{{#each sections}}{{number}}.{{/each}}\n");
    writeFileSync(join(repo, "templates", "md", "partials", "header.hbs"), "[{{number}} {{version}}]");
    mkdirSync(join(repo, "templates", "i18n"));
    writeFileSync(join(repo, "templates", "i18n", "zh-CN.json"), JSON.stringify({ revisions: "修订履历" }));
    expect((await csrInProcess(["-C", repo, "render", "QP-020", "--format", "md"], { lang: null })).code).toBe(0);
    expect(readFileSync(join(repo, "out", "QP-020.zh-CN.md"), "utf8")).toBe("[QP-020 A/1]|修订履历|1.2.3.3.1.3.2.3.2.1.\n");
  });

  it("reports a broken repository template as a user error", async () => {
    const repo = copyFixture("test/fixtures/render/basic");
    mkdirSync(join(repo, "templates", "html"), { recursive: true });
    writeFileSync(join(repo, "templates", "html", "procedure.hbs"), "{{> no-such-partial}}\n");
    const result = await csrInProcess(["-C", repo, "render", "QP-020"]);
    expect(result.stderr).toBe(
      "csr: The html template 'procedure' (or one of its partials) failed: The partial no-such-partial could not be found\nhint: Check the repository's templates/ folder against docs/templates.md.\n",
    );
    expect(result.code).toBe(2);
  });

  it("prints the section numbers the document declares, and 相关文件 and 相关记录 after them", async () => {
    const repo = minimalRepo({
      "documents/QP-001.yaml": [
        "id: QP-001\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nsections:",
        "  - title: 目的\n  - title: 职责\n  - number: 5\n    title: 作业流程\n    sections:",
        "      - title: 编号\n      - number: \"5.4\"\n        title: 发放\n      - title: 回收\n",
      ].join("\n"),
    });
    for (const format of ["md", "html"]) {
      expect((await csrInProcess(["-C", repo, "render", "QP-001", "--format", format], { lang: null })).code).toBe(0);
      const text = readFileSync(join(repo, "out", `QP-001.zh-CN.${format}`), "utf8");
      const headings = [...text.matchAll(format === "md" ? /^#{2,} (.+)$/gm : /<h[2-6]>(.+?)<\/h[2-6]>/g)].map((m) => m[1]);
      expect(headings.slice(-8)).toEqual(["1 目的", "2 职责", "5 作业流程", "5.1 编号", "5.4 发放", "5.5 回收", "6 相关文件", "7 相关记录"]);
    }
  });

  it("refuses a dangling reference instead of printing a blank row, and writes nothing", async () => {
    const repo = minimalRepo({
      "documents/QP-001.yaml": "id: QP-001\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nforms: [QR-001-09]\n",
    });
    const result = await csrInProcess(["-C", repo, "render", "QP-001"]);
    expect(result.stderr).toBe(
      "csr: QP-001 refers to QR-001-09, which is not in the repository; a rendered document cannot show a reference without its title and version.\nhint: Run 'csr check' and fix the ref/unresolved finding, then render again.\n",
    );
    expect(result.code).toBe(2);
    expect(existsSync(join(repo, "out"))).toBe(false);
  });

  it("names the file of a referenced document that has errors, in the document's language, rather than calling it missing (tester25 F6)", async () => {
    const repo = minimalRepo({
      "documents/QP-001.yaml": "id: QP-001\ntitle: 文件控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nforms: [QR-001-09]\n",
      "documents/QR-001-09.yaml": "id: QR-001-09\ntitle: 文件发放记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\nowner: wang\n",
    });
    const result = await csrInProcess(["-C", repo, "render", "QP-001"], { lang: null });
    expect([result.code, result.stderr]).toEqual([
      2,
      "csr: QP-001 引用了 QR-001-09，但其文件 documents/QR-001-09.yaml 有错误、未能读取；渲染的文件不能在没有标题和版本的情况下列出引用。\n提示：请运行 csr check，修正 documents/QR-001-09.yaml 中的错误后重新渲染。\n",
    ]);
  });

  it("names an unknown id with a suggestion", async () => {
    const result = await csrInProcess(["-C", BASIC, "render", "QP-02"]);
    expect(result.stderr).toBe("csr: No document or CSR 'QP-02' in the repository. Did you mean 'QP-020'?\n");
    expect(result.code).toBe(2);
  });

  it("needs ids or --all", async () => {
    const result = await csrInProcess(["-C", BASIC, "render"]);
    expect(result.stderr).toBe("csr: Name the documents (or CSRs) to render, or use --all for every document.\nhint: Example: csr render QP-020 --format html\n");
    expect(result.code).toBe(2);
  });

  it("never writes among the repository's data", async () => {
    const result = await csrInProcess(["-C", BASIC, "render", "QP-020", "--out", "documents"]);
    expect(result.stderr).toBe("csr: --out documents is among the repository's data; write generated output to a folder of its own, e.g. out/.\n");
    expect(result.code).toBe(2);
  });

  it("names the Debian package when Chromium is missing", async () => {
    const out = tempDir();
    const result = csr(["-C", BASIC, "render", "QP-020", "--format", "pdf", "--out", out], { env: { PATH: tempDir(), CSR_CHROMIUM: "" } });
    expect(result.stderr).toBe(
      "csr: PDF output needs Chromium: install the Debian package 'chromium-headless-shell' (apt-get install chromium-headless-shell; the full browser 'chromium' works too), or use --format html.\n",
    );
    expect(result.code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses a PDF on a machine without a Chinese font, naming the Debian packages", async () => {
    const out = tempDir();
    // fontconfig with no font directories: what a minimal container without fonts-* looks like.
    const fonts = join(tempDir(), "fonts.conf");
    writeFileSync(fonts, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n');
    const result = csr(["-C", BASIC, "render", "QP-020", "--format", "pdf", "--out", out], { env: { FONTCONFIG_FILE: fonts } });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: No Chinese font is installed, so the PDF would show Chinese text as empty boxes.\n" +
        "hint: Install one, e.g. 'apt-get install fonts-noto-cjk' (or fonts-wqy-zenhei), or use --format html.\n",
    });
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("csr render: hostile input", () => {
  const hostile = makeRepo({
    "qms.yaml": [
      "organisation:",
      '  name: "<b>ACME</b> & Co"',
      "standards: [IATF16949]",
      "departments:",
      "  - code: QA",
      '    name: "<svg onload=alert(1)>"',
      'confidentiality: "<style>body{display:none}</style>"',
      "",
    ].join("\n"),
    "people.yaml": "people:\n  - id: evil\n    name: \"<img src=x onerror=alert(2)>\"\n    department: QA\n    roles: [author]\n",
    "documents/QP-666.yaml": [
      "id: QP-666",
      'title: "<script>alert(1)</script>"',
      "level: 2",
      "kind: procedure",
      "department: QA",
      "status: draft",
      "revisions:",
      "  - version: A/0",
      "    date: 2024-01-01",
      "    summary: '\"><img src=x onerror=alert(1)>'",
      "    prepared: { by: evil }",
      "sections:",
      '  - title: "</h2><iframe src=//evil>"',
      "    text: |",
      "      <iframe src=\"https://evil.example\"></iframe>",
      "",
      "      [click](javascript:alert(3)) <script>alert(4)</script> | a | b |",
      "",
      "      ![追踪](https://evil.example/t.png) ![x](//evil.example/u.png)",
      "",
    ].join("\n"),
  });

  it("escapes every value in HTML and keeps raw HTML in section text as text", async () => {
    const out = tempDir();
    expect((await csrInProcess(["-C", hostile, "render", "QP-666", "--out", out], { lang: null })).code).toBe(0);
    const html = readFileSync(join(out, "QP-666.zh-CN.html"), "utf8");
    for (const raw of ["<script>", "<iframe", "<img", "<svg", "<b>ACME", "<style>body", 'href="javascript:'] ) expect(html).not.toContain(raw);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;");
    expect(html).toContain("&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;");
    expect(html).toContain("&lt;b&gt;ACME&lt;/b&gt; &amp; Co");
    // An image on another host is not loaded (tester47 #6): its alt text and address as text.
    expect(html).toContain('<span class="remote-image">追踪 (https://evil.example/t.png)</span> <span class="remote-image">x (//evil.example/u.png)</span>');
  });

  it("escapes every value in Markdown, and raw HTML in the section text too", async () => {
    const out = tempDir();
    expect((await csrInProcess(["-C", hostile, "render", "QP-666", "--format", "md", "--out", out], { lang: null })).code).toBe(0);
    const md = readFileSync(join(out, "QP-666.zh-CN.md"), "utf8");
    expect(md).toContain("# \\<script\\>alert(1)\\</script\\>\n");
    expect(md).toContain("| 2024-01-01 | \"\\>\\<img src=x onerror=alert(1)\\> |  | A/0 | \\<img src=x onerror=alert(2)\\> |\n");
    expect(md).toContain('&lt;iframe src="https://evil.example">&lt;/iframe>\n');
    // An image on another host, which a Markdown viewer would fetch: its alt text and address, as the HTML output shows it.
    expect(md).toContain("追踪 (https://evil.example/t.png) x (//evil.example/u.png)");
    expect(md).not.toContain("![");
  });
});

describe("csr render --format pdf", () => {
  const chromium = tool("chromium");
  const pdftotext = tool("pdftotext");

  it.runIf(chromium && pdftotext)("prints every PDF of a run through one Chromium, each with its own number in its text", { timeout: 120_000 }, async () => {
    const out = tempDir();
    // A wrapper that notes each start of the browser, then runs the real one.
    const launches = join(tempDir(), "launches.log");
    const wrapper = join(tempDir(), "chromium");
    const real = chromium!;
    writeFileSync(wrapper, `#!/bin/sh\necho started >> '${launches}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    const result = csr(["-C", BASIC, "render", "QP-020", "QR-020-01", "FORD-001", "--format", "pdf", "--lang", "en", "--out", out], { env: { CSR_CHROMIUM: wrapper } });
    const pdf = join(out, "QP-020.en.pdf");
    // QP-020's revision record gives 总页数 4 for A/1, which its print does not have (pdfinfo counts the pages as a reader sees them).
    const printed = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)![1]);
    expect(printed).not.toBe(4);
    expect(result.stderr).toBe(
      "Rendered 3 files (pdf, en).\n" +
        `Note: the revision record of QP-020 gives the total pages as 4 for the current version A/1; this print has ${printed} pages.\n` +
        "  The total pages are the page count of the controlled copy: check the layout and paper the print used; if this print is the controlled copy, record its count at the next release with csr release --total-pages (a released revision entry is not edited).\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(["QP-020.en.pdf", "QR-020-01.en.pdf", "FORD-001.review.en.pdf"].map((f) => `${join(out, f)}\n`).join(""));
    expect(readFileSync(launches, "utf8")).toBe("started\n");
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout;
    expect(text).toContain("QP-020");
    expect(text).toContain("Customer-Specific Requirements Procedure");
    expect(spawnSync("pdftotext", [join(out, "QR-020-01.en.pdf"), "-"], { encoding: "utf8" }).stdout).toContain("QR-020-01");
    expect(spawnSync("pdftotext", [join(out, "FORD-001.review.en.pdf"), "-"], { encoding: "utf8" }).stdout).toContain("FORD-001");
  });

  it.runIf(chromium)("says a print of one page is of 1 page, not 1 pages, in English (review of stop 65)", { timeout: 120_000 }, () => {
    // QP-009 A/0, obsolete, recorded as of 3 pages; its print is one page.
    const dir = copyFixture("test/fixtures/render/basic");
    const path = join(dir, "documents", "QP-009.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("    summary: 首次发布\n", "    summary: 首次发布\n    total_pages: 3\n"));
    const out = tempDir();
    const result = csr(["-C", dir, "render", "QP-009", "--format", "pdf", "--lang", "en", "--out", out]);
    expect(result.stderr.split("\n")[1]).toBe("Note: QP-009 is obsolete; the revision record of its last version before withdrawal, A/0, gives the total pages as 3; this print has 1 page.");
    expect(result.code).toBe(0);
  });

  it.runIf(chromium && pdftotext)("prints 第 x 页 共 y 页 and the header block on every page, Page x of y in English", { timeout: 120_000 }, async () => {
    const out = tempDir();
    const manual = join(ROOT, "examples", "acme-auto");
    for (const lang of ["zh-CN", "en"] as const) {
      expect(csr(["-C", manual, "render", "QM-001", "--format", "pdf", "--lang", lang, "--out", out]).code).toBe(0);
      const pdf = join(out, `QM-001.${lang}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)![1]);
      expect(pages).toBeGreaterThan(1);
      for (let page = 1; page <= pages; page++) {
        // pdftotext drops the spaces of the page footer, so the text is compared without any.
        const text = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
        expect(text).toContain(lang === "en" ? `Page${page}of${pages}` : `第${page}页共${pages}页`);
        expect(text).toContain("QM-001");
        expect(text).toContain(lang === "en" ? "JiangsuAcmeAutoParts" : "江苏安迈汽车零部件有限公司");
      }
    }
  });

  it.runIf(chromium && pdftotext)("prints on every page of a controlled copy its stamp, 受控号 and holder, and lays a reference print out as the copy, with its pages (tester75 P7)", { timeout: 120_000 }, async () => {
    const out = tempDir();
    const manual = join(ROOT, "examples", "acme-auto");
    const pageTexts = (pdf: string) => spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.split("\f").filter((p) => p.trim() !== "").map((p) => p.replace(/\s+/g, ""));
    // QM-001 B/1, copy 26 held by 生产部 黄军 since 2026-04-20.
    expect(csr(["-C", manual, "render", "QM-001", "--copy", "26", "--format", "pdf", "--out", join(out, "copy.pdf"), "--today", "2026-12-04"], { lang: "zh-CN" }).code).toBe(0);
    expect(csr(["-C", manual, "render", "QM-001", "--format", "pdf", "--out", join(out, "reference.pdf"), "--today", "2026-12-04"], { lang: "zh-CN" }).code).toBe(0);
    const copy = pageTexts(join(out, "copy.pdf"));
    const reference = pageTexts(join(out, "reference.pdf"));
    expect(copy.length).toBeGreaterThan(1);
    expect(reference.length).toBe(copy.length);
    copy.forEach((page, i) => expect(page).toContain(`受控受控号26持有：生产部黄军第${i + 1}页共${copy.length}页`));
    reference.forEach((page, i) => expect(page).toContain(`非受控仅供参考：本打印件不是受控副本，未登记在文件发放/回收记录中（受控副本：csrrenderQM-001--copyN）第${i + 1}页共${copy.length}页`));
    // The notice box above the title is the band's in a PDF: it is said once per page, not twice on the first.
    expect(reference[0]!.match(/仅供参考/g)).toHaveLength(1);
  });

  it("names a browser that cannot be started in one line", async () => {
    const result = csr(["-C", BASIC, "render", "QP-020", "--format", "pdf", "--out", tempDir()], { env: { CSR_CHROMIUM: join(tempDir(), "no-such-browser") } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^csr: Chromium was not found at .*no-such-browser; install the Debian package 'chromium-headless-shell' \(or 'chromium'\) or set CSR_CHROMIUM to the browser's path\.\n$/);
    expect(result.stdout).toBe("");
  });
});
