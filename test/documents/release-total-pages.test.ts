/**
 * csr release at a terminal asks for --total-pages when an earlier revision records its 总页数 and the option
 * is not given, so that the printed revision record does not leave the new row's cell blank where the earlier
 * ones are filled (tester63 N15). Where the revision record prints 总页数 the answer is required, and -y without
 * the option is refused, naming it and the earlier count (tester66 N8) — where no Chromium is found: with one, csr
 * counts the pages of its own PDF of the document and records them, as csr render then prints them (tester76 M11).
 * Driven with @inquirer/testing; the refusals and the count with the built binary.
 */
import { input } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { releaseDocument } from "../../src/commands/release/index.js";
import { capture } from "../csr/fixture.js";
import { committedFixture, csr, git, tempDir, tool } from "../helpers.js";

const prompts = { input: wrapPrompt(input) } as unknown as Prompts;
const WI = "documents/instructions/WI-010-01.yaml";
const FLAGS = { summary: "增加扣压外径防错检测", reason: "8D-2026-012 D7", prepared: "gaoyang", reviewed: "huangjun", approved: "zhangli", countersigned: ["zhaoqiang,zhoupeng"], date: "2026-11-16" };

/** acme-auto with WI-010-01 (A/0 4 pages, A/1 1 page) edited and committed, ready for A/2. */
function edited(): string {
  const dir = committedFixture("examples/acme-auto");
  const file = join(dir, WI);
  writeFileSync(file, readFileSync(file, "utf8").replace("适用于扣压工序所有制动软管总成。", "适用于扣压工序所有制动软管总成（含D1平台）。"));
  git(dir, ["commit", "-qam", "正文"]);
  return dir;
}

const lastRevision = (dir: string) => readFileSync(join(dir, WI), "utf8").split("  - version: A/2\n")[1]!;

const ARGS = ["release", "WI-010-01", "--summary", FLAGS.summary, "--reason", FLAGS.reason, "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--countersigned", "zhaoqiang,zhoupeng", "--date", "2026-11-16", "-y"];
const head = (dir: string) => git(dir, ["rev-parse", "HEAD"]).trim();
/** No browser to print with: CSR_CHROMIUM names one that is not there (findChromium takes it as given). */
const NO_BROWSER = { CSR_CHROMIUM: join(tempDir(), "no-such-browser") };

describe("csr release asks for 总页数 where the revision record prints it and no Chromium counts it (tester63 N15, tester66 N8)", () => {
  beforeEach(() => {
    vi.stubEnv("CSR_CHROMIUM", NO_BROWSER.CSR_CHROMIUM);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("offers the last recorded count, takes another, and records it on the new revision", async () => {
    const dir = edited();
    const ctx = capture(dir);
    const done = releaseDocument(ctx, "WI-010-01", FLAGS, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Total pages (the revision record prints them; of the controlled copy as printed, A/1 had 1) (1)");
    screen.type("x");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> The revision record prints total pages: enter a whole number of pages from 1 to 9999.");
    screen.keypress("backspace");
    screen.type("2");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(lastRevision(dir)).toContain("    total_pages: 2\n");
  });

  it("takes no blank answer; the option given asks nothing", async () => {
    const dir = edited();
    const ctx = capture(dir);
    const done = releaseDocument(ctx, "WI-010-01", FLAGS, prompts);
    await screen.next();
    screen.keypress("backspace");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> The revision record prints total pages: enter a whole number of pages from 1 to 9999.");
    screen.type("1");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(lastRevision(dir)).toContain("    total_pages: 1\n");

    const given = edited();
    const ctxGiven = capture(given);
    expect(await releaseDocument(ctxGiven, "WI-010-01", { ...FLAGS, totalPages: "3" }, prompts)).toBe(0);
    expect(lastRevision(given)).toContain("    total_pages: 3\n");
  });

  it("with -y, refuses without --total-pages in one line naming the earlier count, and writes nothing", () => {
    const script = edited();
    const before = head(script);
    const refused = csr(["-C", script, ...ARGS], { lang: "zh-CN", env: NO_BROWSER });
    expect({ code: refused.code, stdout: refused.stdout, stderr: refused.stderr }).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 缺少 --total-pages：WI-010-01 的修订记录打印总页数，发布后不再改写，请给出本版受控副本打印的页数：按 csr 的版式打印的（csr render WI-010-01 --format pdf）即其页数，csr render 以此核对；A/1 记录的 1 页是该版受控副本的页数，不一定是本版的。\n" +
        "提示：没有找到 Chromium，无法按 csr 生成的 PDF 计算页数；安装 Debian 软件包 'chromium-headless-shell' 后 csr release 会自行计算，或用 --total-pages 给出。\n",
    });
    expect(head(script)).toBe(before);
    expect(git(script, ["status", "--porcelain"])).toBe("");
    const english = csr(["-C", script, ...ARGS], { lang: "en", env: NO_BROWSER });
    expect(english.stderr.split("\n")[0]).toBe(
      "csr: --total-pages is required: the revision record of WI-010-01 prints total pages (总页数) and is not rewritten once released, so give the page count of this version's controlled copy as printed: printed in csr's layout (csr render WI-010-01 --format pdf), its pages, which csr render checks it against; the 1 recorded for A/1 are that version's copy's, not necessarily this one's.",
    );
    expect(english.stderr).toContain("Chromium was not found, so the pages of the PDF csr prints cannot be counted");
    const released = csr(["-C", script, ...ARGS, "--total-pages", "1"], { lang: "zh-CN", env: NO_BROWSER });
    expect(released.code).toBe(0);
    expect(lastRevision(script)).toContain("    total_pages: 1\n");
  });

  it("follows the layout's revision columns: required from the first release where they name total_pages, optional where they leave it out", async () => {
    const dir = edited();
    const qms = join(dir, "qms.yaml");
    // Level 3 (WI-010-01) printed with its 会签 and the revision columns given.
    const layouts = (columns: string) => `document_layouts:\n  - levels: [3]\n    signatures: [prepared, reviewed, countersigned, approved]\n    revisions: [${columns}]\n`;
    // Leaving total_pages out, the record prints no 总页数: a blank answer is taken, and -y releases without it, as before.
    writeFileSync(qms, readFileSync(qms, "utf8") + layouts("date, version, summary, by, approved_by"));
    git(dir, ["commit", "-qam", "版式"]);
    const done = releaseDocument(capture(dir), "WI-010-01", FLAGS, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Total pages (of the controlled copy as printed; A/1 had 1; blank: not recorded) (1)");
    screen.keypress("backspace");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(lastRevision(dir)).not.toContain("total_pages");

    // Naming it, a document no revision of which records a count is refused too, without an earlier count to offer.
    const first = edited();
    const file = join(first, WI);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {4}total_pages: \d+\n/gm, ""));
    const firstQms = join(first, "qms.yaml");
    writeFileSync(firstQms, readFileSync(firstQms, "utf8") + layouts("date, version, summary, total_pages, by, approved_by"));
    git(first, ["commit", "-qam", "版式"]);
    const refused = csr(["-C", first, ...ARGS], { lang: "zh-CN", env: NO_BROWSER });
    expect({ code: refused.code, stderr: refused.stderr.split("\n")[0] }).toEqual({
      code: 2,
      stderr: "csr: 缺少 --total-pages：WI-010-01 的修订记录按 qms.yaml 的 document_layouts 打印总页数，发布后不再改写，请给出本版受控副本打印的页数。",
    });
  });
});

describe("csr release counts 总页数 in csr's own PDF where the revision record prints it and Chromium is found (tester76 M11)", () => {
  it.runIf(tool("chromium") && tool("pdftotext"))("records the pages csr render then prints, says so, and is overridden by --total-pages; asks nothing at a terminal", { timeout: 120_000 }, async () => {
    // A/1 recorded 1 page; A/2's PDF has 2 (the revision record's third row): tester76 was offered A/1's count, then csr render said 修订记录写总页数 4，本次打印共 2 页.
    const dir = edited();
    const released = csr(["-C", dir, ...ARGS], { lang: "zh-CN" });
    expect({ code: released.code, stderr: released.stderr }).toEqual({ code: 0, stderr: "" });
    expect(released.stdout.split("\n")[1]).toBe("总页数 2（按 csr 生成的 PDF 计）：WI-010-01 A/2 的修订记录写此页数，与 csr render WI-010-01 --format pdf 打印的“第 x 页 共 2 页”一致；受控副本另行排版打印时，用 --total-pages 给出其页数。");
    expect(lastRevision(dir)).toContain("    total_pages: 2\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    // The print of A/2: 第 x 页 共 2 页 on each page, and no word of a record that disagrees with it.
    const pdf = join(tempDir(), "WI-010-01.pdf");
    const render = csr(["-C", dir, "render", "WI-010-01", "--format", "pdf", "--out", pdf, "--today", "2026-11-20"], { lang: "zh-CN" });
    expect(render.code).toBe(0);
    expect(render.stderr).not.toContain("总页数");
    const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout;
    expect(text.match(/第\s*\d+\s*页\s*共\s*\d+\s*页/g)?.map((s) => s.replace(/\s/g, ""))).toEqual(["第1页共2页", "第2页共2页"]);

    // --total-pages overrides the count (a controlled copy printed in another layout); a terminal is not asked for it.
    const given = edited();
    expect(csr(["-C", given, ...ARGS, "--total-pages", "3"], { lang: "zh-CN" }).stdout).not.toContain("按 csr 生成的 PDF 计");
    expect(lastRevision(given)).toContain("    total_pages: 3\n");
    const asked = edited();
    const ctx = capture(asked);
    expect(await releaseDocument(ctx, "WI-010-01", FLAGS, prompts)).toBe(0);
    expect(lastRevision(asked)).toContain("    total_pages: 2\n");
  });
});

describe("csr release counts 总页数 in the very print csr render makes (render/printed.ts printedDocument)", () => {
  it.runIf(tool("chromium") && tool("pdfinfo") && tool("pdftotext"))("records, for a document printed landscape with its 非受控 band, the pages of csr render --format pdf", { timeout: 120_000 }, () => {
    // With twelve more steps, A/2 prints on 2 pages portrait and on 3 landscape (print.orientation): a count of another layout than csr render's would record 2.
    const dir = edited();
    const file = join(dir, WI);
    const steps = Array.from({ length: 12 }, (_, i) => `      ${5 + i}. 换班时由班长核对扣压模具编号、设备点检记录和首件检验记录，签字确认后交接；\n`).join("");
    writeFileSync(file, readFileSync(file, "utf8").replace("review_interval_months: 24\n", "review_interval_months: 24\nprint: { orientation: landscape }\n").replace("不同批次不得混放。\n", `不同批次不得混放。\n${steps}`));
    git(dir, ["commit", "-qam", "横向打印"]);
    const released = csr(["-C", dir, ...ARGS], { lang: "zh-CN" });
    expect({ code: released.code, stderr: released.stderr }).toEqual({ code: 0, stderr: "" });
    const recorded = Number(/^ {4}total_pages: (\d+)\n/m.exec(lastRevision(dir))?.[1]);
    const pdf = join(tempDir(), "WI-010-01.pdf");
    const render = csr(["-C", dir, "render", "WI-010-01", "--format", "pdf", "--out", pdf, "--today", "2026-11-16"], { lang: "zh-CN" });
    expect({ code: render.code, stderr: render.stderr }).toEqual({ code: 0, stderr: "已输出 1 个文件（pdf，zh-CN）。\n" });
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    // Landscape A4 (841.92 x 594.96 pt), every page's foot saying 非受控 and 第 x 页 共 n 页 with the n the record gives.
    expect({ recorded, pages, landscape: /^Page size:\s+841\.\d+ x 594\.\d+ pts \(A4\)$/m.test(info) }).toEqual({ recorded: 3, pages: 3, landscape: true });
    expect(released.stdout.split("\n")[1]).toContain("总页数 3（按 csr 生成的 PDF 计）");
    const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout;
    expect(text.match(/第\s*\d+\s*页\s*共\s*\d+\s*页/g)?.map((s) => s.replace(/\s/g, ""))).toEqual(["第1页共3页", "第2页共3页", "第3页共3页"]);
    expect(text.match(/非受控/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe("csr release clears a 备注 asking for the revision it releases (tester76 M4)", () => {
  it("takes 待修订 out of the remarks, keeps the rest, and says so; a remark that only mentions a revision stays", async () => {
    const dir = edited();
    const file = join(dir, WI);
    writeFileSync(file, readFileSync(file, "utf8").replace("review_interval_months: 24\n", "review_interval_months: 24\nremarks: 待修订；外发顾客\n"));
    git(dir, ["commit", "-qam", "导入的备注"]);
    const released = csr(["-C", dir, ...ARGS, "--total-pages", "1"], { lang: "zh-CN" });
    expect([released.code, released.stderr]).toEqual([0, ""]);
    expect(released.stdout.split("\n").slice(0, 2)).toEqual([expect.stringMatching(/^已发布 WI-010-01 A\/2（documents\/instructions\/WI-010-01\.yaml）：提交 [0-9a-f]{7}，标签 WI-010-01\/A-2。$/), "备注 '待修订' 已删除（本次发布即该修订），备注现为 '外发顾客'。"]);
    expect(readFileSync(file, "utf8")).toContain("\nremarks: 外发顾客\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("deletes a remark that is 待换版 alone, in English too", async () => {
    const dir = edited();
    const file = join(dir, WI);
    writeFileSync(file, readFileSync(file, "utf8").replace("review_interval_months: 24\n", "review_interval_months: 24\nremarks: （待换版）\n"));
    git(dir, ["commit", "-qam", "导入的备注"]);
    const ctx = capture(dir);
    expect(await releaseDocument(ctx, "WI-010-01", { ...FLAGS, totalPages: "1", yes: true })).toBe(0);
    expect(ctx.out.split("\n")[1]).toBe("Remark '（待换版）' removed (this release is that revision).");
    expect(readFileSync(file, "utf8")).not.toContain("remarks:");
  });
});

