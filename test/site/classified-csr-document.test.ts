/**
 * A document that addresses a CSR marked 秘密 carries the requirement in its text (tester54a A3): csr address
 * says so when the link is made, csr check reports a document marked lower (doc/classification-below-csr),
 * csr render says its print is marked lower,
 * and csr site publishes no file with the requirement, from the document's body or anywhere else, until and
 * after the document is marked.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, commitAt, committedFixture, csr, csrInProcess, filesOf, tempDir } from "../helpers.js";

const DAY = "2026-12-04";
const TEXT = "电源模块交付前须100%进行温度循环筛选（-55℃~+85℃，10个循环）";
const SOURCE = ["source", "add", "NES", "--id", "NES-XY-2026-07", "--title", "电源模块技术协议", "--revision", "A", "--issued", "2026-11-30", "--received", "2026-12-02", "--classification", "秘密", "--department", "SAL", "-y", "--commit"];
const ADD = ["add", "--customer", "NES", "--source", "NES-XY-2026-07", "--section", "4.3 筛选", "--clause", "GJB9001C:8.5.1", "--title", "电源模块100%温度循环筛选", "--text", `${TEXT}，筛选记录随产品交付。`, "--category", "技术协议", "-y", "--commit"];
const PROCEDURE = "documents/procedures/CS_QP-013.yaml";

/** examples/gjb-demo with the tester's 秘密 技术协议 and NES-001 from it, the requirement written into 5.2 of CS/QP-013 (内部, the layout's default), not yet linked. */
async function quotingRepo(): Promise<string> {
  const dir = committedFixture("examples/gjb-demo");
  expect((await csrInProcess(["-C", dir, ...SOURCE], { lang: null })).code).toBe(0);
  expect((await csrInProcess(["-C", dir, ...ADD], { lang: null })).code).toBe(0);
  const path = join(dir, PROCEDURE);
  const yaml = readFileSync(path, "utf8");
  const quoted = yaml.replace("关键工序按关键工序控制细则执行。\n", `关键工序按关键工序控制细则执行。${TEXT}。\n`);
  expect(quoted).not.toBe(yaml);
  writeFileSync(path, quoted);
  commitAt(dir, DAY, "5.2 writes NES-001 in");
  return dir;
}

/** Every published file of `out` whose text (a workbook's sheets inflated) contains `text`. */
function filesWith(out: string, text: string): string[] {
  const contents = (f: string) => (f.endsWith(".xlsx") ? Object.values(unzipSync(readFileSync(join(out, f)))).map((b) => strFromU8(b)).join("\n") : readFileSync(join(out, f), "utf8"));
  return filesOf(out).filter((f) => /\.(html|csv|js|json|xlsx|md|txt)$/.test(f) && contents(f).includes(text));
}

describe("a 内部 document that addresses a 秘密 CSR (tester54a A3)", () => {
  it("csr address says the document must take the CSR's 密级, csr check reports it, and csr site publishes the requirement nowhere", async () => {
    const dir = await quotingRepo();
    const linked = await csrInProcess(["-C", dir, "address", "NES-001", "CS/QP-013", "--section", "5.2", "--by", "chenhw", "--commit"], { lang: null });
    expect(linked.code).toBe(0);
    expect(linked.stdout.split("\n").slice(0, 2)).toEqual([
      "NES-001：已在 CS/QP-013 5.2 过程控制 中落实。",
      "注意：NES-001 的密级为秘密，高于 CS/QP-013 的密级内部；落实要求的文件按派生密级不能低于该要求，请用 csr set CS/QP-013 --classification 秘密 标注（csr check 报告 doc/classification-below-csr；标注前 csr site 不发布其正文）。",
    ]);
    const { findings } = await checkJsonInProcess(dir, "--today", DAY);
    expect(findings.filter((f) => f.rule === "doc/classification-below-csr").map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      `${PROCEDURE}:1:5 error CS/QP-013 is classified Internal (内部), lower than the CSR addressed in it, NES-001, which is Confidential (秘密): the section that addresses a requirement writes it into the document, which cannot be held less strictly than what it quotes, or its controlled copies, the document list and the site print and publish the requirement under the lower 密级 (the site withholds its body until it is marked). Mark it with csr set CS/QP-013 --classification 秘密 (register data, no new revision); if the link is wrong, remove it with csr address <CSR> CS/QP-013 --remove; if the CSR or its source is marked too high, correct that marking.`,
    ]);
    // A print, controlled copy or not, is marked 内部: csr render says so.
    const printed = await csrInProcess(["-C", dir, "render", "CS/QP-013", "--format", "md", "--out", join(tempDir(), "print.md")], { lang: null });
    expect(printed.stderr.split("\n")[1]).toBe("注意：CS/QP-013 标为内部，却落实了密级为秘密的顾客要求（NES-001），打印件按内部标注；请先用 csr set CS/QP-013 --classification 秘密 标注其密级（csr check：doc/classification-below-csr）。");

    const out = join(tempDir(), "site");
    const built = csr(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null });
    expect(built.stderr.split("\n").slice(1, 3)).toEqual([
      "1 条秘密级以上的顾客要求（NES-001）只列登记信息，未发布要求内容。",
      "1 份文件（CS/QP-013）落实了秘密级以上的顾客要求，本身的密级却较低：网站只列其登记信息、未发布正文；请按 csr check 的 doc/classification-below-csr 标注其密级。",
    ]);
    // The tester's grep: before, documents/CS_QP-013.html and assets/search-entries.js.
    expect(filesWith(out, "-55℃")).toEqual([]);
    // Nor its title, which says what it asks (note36); the link is still judged on the wording recorded: not 可疑.
    expect(filesWith(out, "温度循环筛选")).toEqual([]);
    const matrix = readFileSync(join(out, "registers/csr-matrix.csv"), "utf8").split("\r\n").find((line) => line.startsWith("NES-001,"));
    expect(matrix).toMatch(/^NES-001,北方电子系统研究所,NES-XY-2026-07 电源模块技术协议,A,4\.3 筛选,8\.5\.1,（密级为秘密，不在网站上发布）,（本要求密级为秘密，要求内容不在网站上发布。）,秘密,.*,CS\/QP-013,5\.2 过程控制,B\/0,生产过程控制程序,已确认,C3,/);
    const page = readFileSync(join(out, "documents/CS_QP-013.html"), "utf8");
    expect(page).toContain("本文件密级为内部，但落实了秘密级以上的顾客要求（NES-001），正文会载有其内容：正文不在网站上发布，此处只列出其登记信息。请按派生密级标注本文件（csr check：doc/classification-below-csr）。");
    // The procedure's other pages and registers still list it by its register data.
    expect(page).toContain("生产过程控制程序");

    // Marked as the finding says, the document is withheld for its own 密级 and the finding is gone.
    expect((await csrInProcess(["-C", dir, "set", "CS/QP-013", "--classification", "秘密", "--commit"], { lang: null })).code).toBe(0);
    expect((await checkJsonInProcess(dir, "--today", DAY)).findings.filter((f) => f.rule === "doc/classification-below-csr")).toEqual([]);
    expect((await csrInProcess(["-C", dir, "render", "CS/QP-013", "--format", "md", "--out", join(tempDir(), "print.md")], { lang: null })).stderr).not.toContain("注意");
    const marked = join(tempDir(), "site");
    const rebuilt = csr(["-C", dir, "site", "--out", marked, "--today", DAY], { lang: null });
    expect(rebuilt.stderr).toContain("1 份秘密级以上文件只列登记信息、未发布正文");
    expect(rebuilt.stderr).not.toContain("本身的密级却较低");
    expect(filesWith(marked, "-55℃")).toEqual([]);
    expect(readFileSync(join(marked, "documents/CS_QP-013.html"), "utf8")).toContain("本文件密级为秘密，正文不在网站上发布，此处只列出其登记信息。");
  });

  it("csr check finds nothing of the kind where the document is marked at least as the CSR", async () => {
    const marked = await quotingRepo();
    expect((await csrInProcess(["-C", marked, "set", "CS/QP-013", "--classification", "机密", "-y"], { lang: null })).code).toBe(0);
    expect((await csrInProcess(["-C", marked, "address", "NES-001", "CS/QP-013", "--section", "5.2", "--by", "chenhw", "-y"], { lang: null })).stdout).not.toContain("注意");
    expect((await checkJsonInProcess(marked, "--today", DAY)).findings.filter((f) => f.rule === "doc/classification-below-csr")).toEqual([]);
  });
});
