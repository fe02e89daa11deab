/**
 * 技术状态管理 (GJB 9001C 8.3.6, 8.5.6; tester68 G12): a change of a product's configuration needs the customer's
 * (军代表's) agreement whatever the level of the document that carries it. csr release --configuration-change
 * marks the revision so (configuration_change) and then requires --military-representative even where the layout
 * prints no 军代表 cell (gjb-demo's work instructions); the revision record (csr history, csr show, the print, csr
 * changes) marks it 技术状态更改 beside the 军代表 column; csr sign records a 军代表 missing on such a revision; and
 * doc/configuration-change-unagreed reports one without (test/fixtures/rules/doc-configuration-change-unagreed). The
 * site's search finds the documents so changed by the mark.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkbox, input, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { releaseDocument } from "../../src/commands/release/index.js";
import { tokenize } from "../../src/site/tokenize.js";
import { capture } from "../csr/fixture.js";
import { committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";

const PATH = "documents/instructions/CS_WI-005.yaml";
const file = (dir: string) => readFileSync(join(dir, PATH), "utf8");

/** gjb-demo as a git repository whose work instruction CS/WI-005 (level 3: no 军代表 cell) has a committed change of its text. */
function demo(): string {
  const dir = committedFixture("examples/gjb-demo");
  writeFileSync(join(dir, PATH), file(dir).replace("军用元器件按规定进行二次筛选。", "军用元器件按规定进行二次筛选，筛选项目增加 PIND 检测。"));
  git(dir, ["commit", "-q", "-am", "PIND"]);
  return dir;
}

const RELEASE = ["release", "CS/WI-005", "--summary", "二次筛选增加 PIND 检测", "--reason", "顾客要求", "--change-request", "GG-2026-009", "--pages", "第1页", "--total-pages", "1", "--prepared", "chenhw", "--reviewed", "hejun", "--approved", "liuzm", "--date", "2026-11-20"];
/** The release on the built binary: its refusal and its success, once each. */
const release = (dir: string, ...args: string[]) => csr(["-C", dir, ...RELEASE, ...args, "-y"]);
/** `release` in the test's process (csrInProcess): the variations, their stdout, stderr and exit code asserted as the binary's. */
const releaseIn = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...RELEASE, ...args, "-y"]);
/** `csr check` in the test's process, its first run in this file being the binary's. */
const checkIn = (dir: string) => csrInProcess(["-C", dir, "check", "--today", "2026-11-27"]);

describe("csr release --configuration-change", () => {
  it("refuses a configuration change without the 军代表's agreement, naming the option, whatever the level", async () => {
    const dir = demo();
    const before = file(dir);
    const refused = release(dir, "--configuration-change");
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(
      "csr: CS/WI-005's revision is a configuration change (--configuration-change, 技术状态更改), which needs the military representative's (军代表) agreement (GJB 9001C 8.3.6, 8.5.6): record it with --military-representative <person> (the day signed with --military-representative-date <date>).\n",
    );
    expect(refused.code).toBe(2);
    expect((await releaseIn(dir, "--configuration-change", "--lang", "zh-CN")).stderr).toBe(
      "csr: CS/WI-005 的本次修订是技术状态更改（--configuration-change），须经军代表同意（GJB 9001C 8.3.6、8.5.6）：请用 --military-representative <军代表> 记录其同意（签署日期用 --military-representative-date <日期>）。\n",
    );
    // The 军代表 is of the 军代表室, as for any revision.
    expect((await releaseIn(dir, "--configuration-change", "--military-representative", "chenhw")).stderr).toMatch(/^csr: --military-representative Chen Hongwei \(chenhw\) belongs to Quality and is no military representative/);
    expect(file(dir)).toBe(before);
  });

  it("records the mark and the 军代表 on a work instruction, and the revision record shows them", async () => {
    const dir = demo();
    const done = release(dir, "--configuration-change", "--military-representative", "wangjd", "--military-representative-date", "2026-11-20");
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(
      "CS/WI-005 A/1 is a configuration change (技术状态更改), agreed by the military representative (军代表) Wang Jiandong (wangjd) on 2026-11-20, as the revision record's 军代表 column shows.\n",
    );
    expect(file(dir)).toContain(
      "    change_request: GG-2026-009\n    configuration_change: true\n    pages: 第1页\n    total_pages: 1\n",
    );
    expect(file(dir)).toContain("    military_representative:\n      by: wangjd\n      date: 2026-11-20\n");
    expect(csr(["-C", dir, "check", "--today", "2026-11-27"]).stdout).not.toContain("configuration-change");

    const history = csr(["-C", dir, "history", "CS/WI-005"], { lang: "zh-CN" }).stdout.split("\n");
    expect(history[2]).toMatch(/^版本\s+日期\s+修订内容摘要\s+更改原因\/依据\s+编制\s+审核\s+批准\s+军代表\s+提交$/);
    expect(history[5]).toMatch(/^A\/1\s+2026-11-20\s+二次筛选增加 PIND 检测\s+技术状态更改；原因：顾客要求；更改申请：GG-2026-009\s+chenhw 陈宏伟\s+hejun 何军\s+liuzm 刘志明\s+wangjd 王建东\s+\w{7}$/);
    expect((await csrInProcess(["-C", dir, "history", "CS/WI-005"])).stdout).toMatch(/configuration change; reason: 顾客要求; change request GG-2026-009\s+chenhw Chen Hongwei\s+hejun He Jun\s+liuzm Liu Zhiming\s+wangjd Wang Jiandong\s/);
    expect(csr(["-C", dir, "show", "CS/WI-005", "--today", "2026-11-27"], { lang: "zh-CN" }).stdout).toContain("A/1  2026-11-20  二次筛选增加 PIND 检测  技术状态更改；原因：顾客要求；更改申请：GG-2026-009\n");

    const out = join(dir, "CS_WI-005.md");
    expect(csr(["-C", dir, "render", "CS/WI-005", "--format", "md", "--out", out], { lang: "zh-CN" }).code).toBe(0);
    const printed = readFileSync(out, "utf8");
    expect(printed).toContain("| 日期 | 修订内容摘要 | 更改原因/依据 | 页次 | 版本/版次 | 修订人 | 审核人 | 批准人 | 军代表 | 总页数 |\n");
    expect(printed).toContain("| 2026-11-20 | 二次筛选增加 PIND 检测 | 技术状态更改；原因：顾客要求；更改申请：GG-2026-009 | 第1页 | A/1 | 陈宏伟 | 何军 | 刘志明 | 王建东 | 1 |\n");
    expect(csr(["-C", dir, "changes", "2026-11-01", "2026-11-30"], { lang: "zh-CN" }).stdout).toContain(
      "二次筛选增加 PIND 检测（更改页：第1页）；技术状态更改；原因：顾客要求；更改申请：GG-2026-009",
    );
  });

  it("lets csr sign record the 军代表 of a configuration change whose layout prints no 军代表 cell, as doc/configuration-change-unagreed asks", async () => {
    const dir = demo();
    expect((await releaseIn(dir)).code).toBe(0);
    // Marked by hand after the release, as an organisation adopting the mark would.
    writeFileSync(join(dir, PATH), file(dir).replace("    change_request: GG-2026-009\n", "    change_request: GG-2026-009\n    configuration_change: true\n"));
    const checked = await checkIn(dir);
    expect(checked.stdout).toMatch(
      /documents\/instructions\/CS_WI-005\.yaml:\d+:27 error doc\/configuration-change-unagreed CS\/WI-005 A\/1 is marked a configuration change \(configuration_change, 技术状态更改\) and records no military representative's \(军代表\) agreement \(military_representative\): a change of the product's configuration needs the customer's \(军代表's\) agreement\. Record the agreement as the 军代表 signed the change request: 'csr sign CS\/WI-005 --military-representative <person> --date <date>'; a change that does not alter the configuration drops configuration_change\.\n/,
    );
    expect(checked.code).toBe(1);
    const signed = csr(["-C", dir, "sign", "CS/WI-005", "--military-representative", "wangjd", "--date", "2026-11-20"]);
    expect(signed.stderr).toBe("");
    expect(signed.code).toBe(0);
    expect(file(dir)).toContain("    military_representative:\n      by: wangjd\n      date: 2026-11-20\n");
    expect((await checkIn(dir)).stdout).not.toContain("configuration-change");
  });

  it("asks at a terminal for the 军代表 of a configuration change, offering the 军代表室's people only, and records the answer", async () => {
    const dir = demo();
    const flags = { summary: "二次筛选增加 PIND 检测", reason: "顾客要求", changeRequest: "GG-2026-009", pages: "第1页", totalPages: "1", prepared: "chenhw", reviewed: "hejun", approved: "liuzm", date: "2026-11-20" };
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), checkbox: wrapPrompt(checkbox) } as unknown as Prompts;
    const done = releaseDocument(capture(dir), "CS/WI-005", { ...flags, configurationChange: true }, prompts);
    await screen.next();
    // Level 3 prints no 军代表 cell: the mark alone makes the 军代表 asked for.
    expect(screen.getScreen()).toBe("? Military representative (军代表)\n❯ wangjd  Wang Jiandong (Military Representative Office)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(file(dir)).toContain("    change_request: GG-2026-009\n    configuration_change: true\n");
    expect(file(dir)).toContain("    military_representative:\n      by: wangjd\n      date: 2026-11-20\n");

    // Without the mark nothing is asked: the release goes through with the options alone.
    const plain = demo();
    expect(await releaseDocument(capture(plain), "CS/WI-005", flags, prompts)).toBe(0);
    expect(file(plain)).not.toMatch(/configuration_change|military_representative/);
  });

  it("keeps refusing a 军代表 on a work instruction that is no configuration change (the layout prints no cell for it)", async () => {
    const refused = await releaseIn(demo(), "--military-representative", "wangjd");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^csr: .*CS\/WI-005.*军代表/);
  });
});

describe("csr release --configuration-change with what the change reaches (tester79 G6)", () => {
  const REACH = ["--configuration-change", "--change-class", "Ⅰ", "--affects-product", "XX型电源模块 2026-03批（编号 0301～0350）", "--affects", "cs/qr-009-01", "--first-article-required", "--military-representative", "wangjd", "--customer-approved", "NES=2026-11-20"];
  const FORM = "documents/forms/CS_QR-009-01.yaml";

  it("records the class, the products and documents affected and a new 首件鉴定, prints them wherever the revision record is, and warns until the affected document is revised", async () => {
    const dir = demo();
    const done = csr(["-C", dir, ...RELEASE, ...REACH, "-y"], { lang: "zh-CN" });
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(
      "CS/WI-005 A/1 修订记录的更改依据栏载明：技术状态更改（I类）；影响产品：XX型电源模块 2026-03批（编号 0301～0350）；影响文件：CS/QR-009-01；须重新进行首件鉴定。\n",
    );
    // The document as the repository numbers it, whatever the case typed.
    expect(file(dir)).toContain(
      "    configuration_change: true\n    change_class: I\n    affected_products:\n      - XX型电源模块 2026-03批（编号 0301～0350）\n    affected_documents:\n      - CS/QR-009-01\n    first_article_required: true\n",
    );
    const basis = "技术状态更改（I类）；影响产品：XX型电源模块 2026-03批（编号 0301～0350）；影响文件：CS/QR-009-01；须重新进行首件鉴定；原因：顾客要求；更改申请：GG-2026-009";
    expect((await csrInProcess(["-C", dir, "show", "CS/WI-005", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout).toContain(`A/1  2026-11-20  二次筛选增加 PIND 检测  ${basis}  2026-11-20 顾客 NES 批准，即已通知\n`);
    const history = (await csrInProcess(["-C", dir, "history", "CS/WI-005"], { lang: "zh-CN" })).stdout.split("\n");
    expect(history[5]!.split(/\s{2,}/)).toEqual(["A/1", "2026-11-20", "二次筛选增加 PIND 检测", basis, "2026-11-20 顾客 NES 批准，即已通知", "chenhw 陈宏伟", "hejun 何军", "liuzm 刘志明", "wangjd 王建东", expect.stringMatching(/^\w{7}$/)]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "history", "CS/WI-005", "--format", "json"])).stdout) as { revisions: Record<string, unknown>[] };
    expect(json.revisions.at(-1)).toMatchObject({ configuration_change: true, change_class: "I", affected_products: ["XX型电源模块 2026-03批（编号 0301～0350）"], affected_documents: ["CS/QR-009-01"], first_article_required: true });
    // The 技术状态更改台账: the register of the period limited to configuration changes.
    const register = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--configuration-change", "--format", "csv"], { lang: "zh-CN" });
    // Its class, change order and approval in columns of their own (tester81 J3), which the 说明 leaves out.
    expect(register.stdout).toContain(
      ",A/0,A/1,I类,GG-2026-009,二次筛选增加 PIND 检测（更改页：第1页）；技术状态更改；影响产品：XX型电源模块 2026-03批（编号 0301～0350）；影响文件：CS/QR-009-01；须重新进行首件鉴定；原因：顾客要求,2026-11-20 顾客 NES 批准，即已通知,",
    );
    expect((await csrInProcess(["-C", dir, "history", "CS/WI-005"])).stdout).toContain(
      "configuration change (class I); products affected: XX型电源模块 2026-03批（编号 0301～0350）; documents affected: CS/QR-009-01; new first article inspection (首件鉴定) required; reason: 顾客要求",
    );

    const warned = await checkIn(dir);
    expect(warned.stdout).toMatch(
      /documents\/instructions\/CS_WI-005\.yaml:\d+:9 warning doc\/affected-document-not-revised CS\/WI-005 A\/1 is a configuration change \(技术状态更改\) affecting CS\/QR-009-01, which has not been revised since 2026-11-20 \(in force: B\/0\): its text still describes the configuration before the change\. Revise CS\/QR-009-01 and release it \('csr release CS\/QR-009-01 --summary <what changed>'\), its revision record naming the change request; a document the change does not affect leaves affected_documents\.\n/,
    );
    // The form revised with the change (its revision dated the day of the change or later) answers it.
    writeFileSync(join(dir, FORM), readFileSync(join(dir, FORM), "utf8").replace(/(\nrevisions:\n)/, "$1  - version: B/1\n    date: 2026-11-21\n    summary: 增加 PIND 检测栏\n    change_request: GG-2026-009\n    prepared: { by: zhoul, date: 2026-11-21 }\n    reviewed: { by: chenhw, date: 2026-11-21 }\n    approved: { by: liuzm, date: 2026-11-21 }\n"));
    expect((await checkIn(dir)).stdout).not.toContain("affected-document-not-revised");
  });

  it("refuses what the change reaches without --configuration-change, a class other than I, II or III, and a document the repository does not have or the one released", async () => {
    const dir = demo();
    const before = file(dir);
    const alone = await releaseIn(dir, "--change-class", "II", "--military-representative", "wangjd");
    expect([alone.stderr, alone.code]).toEqual(["csr: --change-class records what a configuration change reaches and goes with --configuration-change: if CS/WI-005's revision is not a configuration change, leave --change-class out.\n", 2]);
    expect((await releaseIn(dir, "--configuration-change", "--military-representative", "wangjd", "--change-class", "IV")).stderr).toBe("csr: --change-class is I, II or III (the classes of a configuration change in GJB 3206B), not 'IV'.\n");
    expect((await releaseIn(dir, ...REACH, "--affects", "CS/QR-099-01")).stderr).toBe("csr: --affects: no document 'CS/QR-099-01' in the repository. Did you mean 'CS/QR-009-01'?\n");
    expect((await releaseIn(dir, ...REACH, "--affects", "CS/WI-005", "--lang", "zh-CN")).stderr).toBe("csr: --affects 列出受本次更改影响的其他文件，不含 CS/WI-005 本身。\n");
    // The 更改依据 cell joins products with 、 and the Word import splits them there: one product per option (review80 4).
    expect((await releaseIn(dir, ...REACH, "--affects-product", "XX-3、XX-5 电源模块 2026-03批", "--lang", "zh-CN")).stderr).toBe(
      "csr: --affects-product 'XX-3、XX-5 电源模块 2026-03批' 含有 '、'：每个受影响的产品单独给一次 --affects-product（例如 --affects-product \"XX-3 电源模块\" --affects-product \"XX-5 电源模块\"）。\n",
    );
    expect((await releaseIn(dir, ...REACH, "--affects-product", "XX-3; XX-5")).stderr).toBe(
      "csr: --affects-product 'XX-3; XX-5' holds ';': give each product affected by its own --affects-product (e.g. --affects-product \"XX-3 power module\" --affects-product \"XX-5 power module\").\n",
    );
    expect(file(dir)).toBe(before);
  });
});

describe("the site's search for 技术状态更改", () => {
  /** The documents a query finds on a site of gjb-demo, searched as the search page searches (every pair of characters). */
  async function found(lang: "zh-CN" | "en", query: string): Promise<string[]> {
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", committedFixture("examples/gjb-demo"), "site", "--out", out, "--today", "2026-11-27"], { lang })).code).toBe(0);
    const script = readFileSync(join(out, "assets", "search-entries.js"), "utf8");
    const { options, entries } = JSON.parse(script.slice(script.indexOf("{"), script.lastIndexOf("}") + 1)) as { options: { idField: string; fields: string[]; storeFields: string[] }; entries: { key: string; ref: string }[] };
    const index = new MiniSearch({ ...options, tokenize: (text: string) => tokenize(text) });
    index.addAll(entries);
    return index.search(query, { combineWith: "AND" }).filter((r) => String(r.id).startsWith("document:")).map((r) => String(r.ref)).sort();
  }

  it("finds the documents whose versions were released as configuration changes (CS/WI-004 A/1), in either language", async () => {
    // CS/QP-013 says in its text that a change of the configuration in production is approved.
    expect(await found("zh-CN", "技术状态更改")).toEqual(["CS/QP-013", "CS/WI-004"]);
    expect(await found("en", "configuration change")).toContain("CS/WI-004");
  }, 120_000);
});

describe("csr release of a class I or II configuration change: the 订购方's approval and the 更改单号 (GJB 3206B; tester81 J3, J8)", () => {
  /** RELEASE without its --change-request: the number each case gives or leaves out. */
  const UNNUMBERED = RELEASE.filter((arg, i) => arg !== "--change-request" && RELEASE[i - 1] !== "--change-request");
  const CLASS_I = ["--configuration-change", "--change-class", "I", "--affects-product", "XX-3 电源模块", "--military-representative", "wangjd"];
  const releaseAs = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...UNNUMBERED, ...args, "-y"]);

  it("refuses a class I change without the 订购方's approval or the 更改单号, in one line naming what to add, and a class II one without the 更改单号", async () => {
    const dir = demo();
    const before = file(dir);
    const refused = csr(["-C", dir, ...UNNUMBERED, ...CLASS_I, "-y"], { lang: "zh-CN" });
    expect([refused.stdout, refused.stderr, refused.code]).toEqual([
      "",
      "csr: CS/WI-005 的本次修订是 I 类技术状态更改，实施前须经订购方批准，并按有编号的更改单实施（GJB 3206B）：请加 --customer-approved NES=<批准日期> 和 --change-request <更改单号>。\n",
      2,
    ]);
    expect((await releaseAs(dir, ...CLASS_I, "--change-request", "BG-2026-011")).stderr).toBe(
      "csr: CS/WI-005's revision is a class I configuration change, which the ordering party (订购方) approves before it is implemented (GJB 3206B): add --customer-approved NES=<date approved>.\n",
    );
    expect((await releaseAs(dir, ...CLASS_I, "--customer-approved", "NES=2026-11-20")).stderr).toBe(
      "csr: CS/WI-005's revision is a class I configuration change, which is carried out under a numbered change order (更改单) that the military representative countersigns (GJB 3206B): add --change-request <change order number>.\n",
    );
    const classII = await releaseAs(dir, "--configuration-change", "--change-class", "II", "--military-representative", "wangjd", "--lang", "zh-CN");
    expect([classII.stderr, classII.code]).toEqual(["csr: CS/WI-005 的本次修订是 II 类技术状态更改，须按有编号、经军代表会签的更改单实施（GJB 3206B）：请加 --change-request <更改单号>。\n", 2]);
    // Approved after it takes effect is not approved before it is implemented.
    expect((await releaseAs(dir, ...CLASS_I, "--change-request", "BG-2026-011", "--customer-approved", "NES=2026-11-21")).stderr).toBe(
      "csr: CS/WI-005's class I configuration change takes effect on 2026-11-20, before the ordering party NES approved it on 2026-11-21: a class I change is approved before it is implemented (GJB 3206B). Check the date of --customer-approved, or set --effective to a day on or after the approval.\n",
    );
    expect(file(dir)).toBe(before);
    // A class III change is the organisation's own: no number asked.
    expect((await releaseAs(dir, "--configuration-change", "--change-class", "III", "--military-representative", "wangjd")).code).toBe(0);
  });

  it("records both, asks whether a new 首件鉴定 is needed, and lists the class, the number and the approval in columns of the 技术状态更改台账", async () => {
    const dir = demo();
    const done = csr(["-C", dir, ...UNNUMBERED, ...CLASS_I, "--change-request", "BG-2026-011", "--customer-approved", "NES=2026-11-20"], { lang: "zh-CN" });
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(
      "CS/WI-005 A/1 修订记录的更改依据栏载明：技术状态更改（I类）；影响产品：XX-3 电源模块。\n" +
        "CS/WI-005 A/1 是 I 类技术状态更改，未要求重新进行首件鉴定：若更改影响产品的生产过程，应按更改后的文件鉴定首件、合格后再批量生产（GJB 908A），并用 'csr first-article add <产品> --operation <工序> --document CS/WI-005 --reason process-change --change-request BG-2026-011 …' 记录。\n" +
        "已记录：顾客 NES（北方电子系统研究所）于 2026-11-20 批准 CS/WI-005 A/1 的更改，即已于当日前通知。\n",
    );
    expect(file(dir)).toContain("    change_request: BG-2026-011\n    configuration_change: true\n    change_class: I\n");
    expect(file(dir)).toContain("    customer_notices:\n      - customer: NES\n        approved: 2026-11-20\n");
    expect((await checkIn(dir)).stdout).not.toContain("configuration-change-unapproved");
    // The printed revision record has no column of customer notices: the approval is in the 更改原因/依据 cell.
    const out = join(dir, "CS_WI-005.md");
    expect((await csrInProcess(["-C", dir, "render", "CS/WI-005", "--format", "md", "--out", out], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("| 2026-11-20 | 二次筛选增加 PIND 检测 | 技术状态更改（I类）；影响产品：XX-3 电源模块；原因：顾客要求；更改申请：BG-2026-011；订购方批准：NES 2026-11-20 | 第1页 | A/1 |");

    const ledger = (await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--configuration-change", "--format", "csv"], { lang: "zh-CN" })).stdout.split("\r\n");
    expect(ledger[0]).toBe("\ufeff变更,编号,名称,密级,变更前,变更后,更改类别,更改单号,说明,订购方批准,编制/审核/批准,日期");
    expect(ledger[1]).toBe(
      "换版,CS/WI-005,进货检验规范,内部,A/0,A/1,I类,BG-2026-011,二次筛选增加 PIND 检测（更改页：第1页）；技术状态更改；影响产品：XX-3 电源模块；原因：顾客要求,2026-11-20 顾客 NES 批准，即已通知,编制：陈宏伟 2026-11-20；审核：何军 2026-11-20；批准：刘志明 2026-11-20；军代表：王建东 2026-11-20,2026-11-20",
    );

    // The approval taken out by hand: an error, until csr sign records it again.
    writeFileSync(join(dir, PATH), file(dir).replace("    customer_notices:\n      - customer: NES\n        approved: 2026-11-20\n", ""));
    const checked = await checkIn(dir);
    expect(checked.stdout).toMatch(
      /documents\/instructions\/CS_WI-005\.yaml:\d+:19 error doc\/configuration-change-unapproved CS\/WI-005 A\/1 is a class I configuration change \(技术状态更改\) that records no approval of the ordering party \(订购方; customer_notices approved\): a class I change is approved by the ordering party before it is implemented \(GJB 3206B\)\. Write the change order's number into the revision entry \(change_request: <number>\) where it is missing, and record the ordering party's approval as its letter dates it: 'csr sign CS\/WI-005 --customer-approved <code>=<date>'\.\n/,
    );
    expect(checked.code).toBe(1);
    expect((await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--configuration-change", "--format", "csv"], { lang: "zh-CN" })).stdout.split("\r\n")[1]).toMatch(/,I类,BG-2026-011,.*,未记录,编制：/);
    const signed = await csrInProcess(["-C", dir, "sign", "CS/WI-005", "--customer-approved", "NES=2026-11-20"]);
    expect([signed.stderr, signed.code]).toEqual(["", 0]);
    expect((await checkIn(dir)).stdout).not.toContain("configuration-change-unapproved");
  });
});
