/**
 * A work instruction or form that marks special characteristics prints a 符号说明 (symbol legend): one row per
 * mark its body uses, with the class and meaning symbols.yaml gives it and the customer symbols converted to
 * it, in Markdown, HTML and Word (IATF 16949 8.3.3.3: the organisation's symbols, defined in the conversion
 * table, on the operator's instruction). A mark of the document's customers is explained by their rows; a
 * procedure, and a document with no mark, print none.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, tempDir } from "../helpers.js";

/** The legend of a Markdown print: its heading and table rows (the separator row left out); [] without one. */
function mdLegend(md: string): string[] {
  const at = md.indexOf("**符号说明**") >= 0 ? md.indexOf("**符号说明**") : md.indexOf("**Symbol legend**");
  if (at < 0) return [];
  const lines = md.slice(at).split("\n");
  return [lines[0]!, ...lines.slice(2).filter((l) => l.startsWith("|"))].filter((_, i) => i !== 2);
}

describe("the 符号说明 of a rendered work instruction (acme-auto)", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture("examples/acme-auto");
    // WI-010-01 is DYA's (DYA-001 is addressed in it): ★ and ☆ are explained by DYA's rows; ◆ is BCM's alone.
    const file = join(dir, "documents/instructions/WI-010-01.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("扣压长度：按图纸公差。", "扣压长度☆：按图纸公差；软管爆破压力◆：按 GB 16897。"));
  });

  const rendered = async (id: string, format: string, lang: "zh-CN" | "en" = "zh-CN") => {
    const out = join(tempDir(), `${id}.${format}`);
    const run = await csrInProcess(["-C", dir, "render", id, "--format", format, "--out", out, "--today", "2026-12-04"], { lang });
    expect(run.code, run.stderr).toBe(0);
    return out;
  };

  it("lists each mark once, in the order the body first shows it, with its class, meaning and customer symbols", async () => {
    expect(mdLegend(readFileSync(await rendered("WI-010-01", "md"), "utf8"))).toEqual([
      "**符号说明**",
      "| 符号 | 特性分类 | 含义 | 顾客符号 |",
      "| ★ | 关键 | 关键特性：影响产品主要功能或性能的特性 | DYA ▽ CC |",
      "| ☆ | 重要 | 重要特性：影响装配、功能或顾客满意 | DYA ◇ SC |",
      "| ◆ | 安全 | 影响车辆安全的特性；影响法规符合性的特性（如GB 16897制动软管要求） | BCM S 安全特性、BCM R 法规特性 |",
    ]);
    expect(mdLegend(readFileSync(await rendered("WI-010-01", "md", "en"), "utf8")).slice(0, 3)).toEqual([
      "**Symbol legend**",
      "| Symbol | Class | Meaning | Customer symbols |",
      "| ★ | 关键 | 关键特性：影响产品主要功能或性能的特性 | DYA ▽ CC |",
    ]);
  });

  it("prints the legend as one paragraph under the text in HTML (and PDF), as a table in Word (built binary)", async () => {
    const html = readFileSync(await rendered("WI-010-01", "html"), "utf8");
    // A line like a printed instruction's 注, not a table of its own: WI-010-01's page has room for it and none for a table.
    expect(html).toContain('<p class="symbol-legend"><b>符号说明：</b><span class="symbol">★</span> 关键特性：影响产品主要功能或性能的特性（关键；顾客符号 DYA ▽ CC）；<span class="symbol">☆</span> 重要特性：影响装配、功能或顾客满意（重要；顾客符号 DYA ◇ SC）；<span class="symbol">◆</span> 影响车辆安全的特性；影响法规符合性的特性（如GB 16897制动软管要求）（安全；顾客符号 BCM S 安全特性、BCM R 法规特性）</p>');
    const out = join(tempDir(), "WI-010-01.docx");
    const run = csr(["-C", dir, "render", "WI-010-01", "--format", "docx", "--out", out, "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(run.code, run.stderr).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(out))["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]);
    expect(text.slice(text.indexOf("符号说明"), text.indexOf("符号说明") + 9)).toEqual(["符号说明", "符号", "特性分类", "含义", "顾客符号", "★", "关键", "关键特性：影响产品主要功能或性能的特性", "DYA ▽ CC"]);
  });

  it("prints none on a procedure, which defines the symbols, nor on an instruction without a mark", async () => {
    expect(mdLegend(readFileSync(await rendered("QP-014", "md"), "utf8"))).toEqual([]);
    expect(mdLegend(readFileSync(await rendered("WI-009-01", "md"), "utf8"))).toEqual([]);
  });
});
