/**
 * 密级 of customer sources and CSRs (tester52 D6): a military customer's 订货合同 or 技术协议 is
 * classified, and the CSRs taken from it inherit its 密级 (or carry their own): set by command,
 * checked (csr/classification-below-source), printed on the review report, the CSR list, the matrix
 * and `csr show`, and kept off `csr site` and its search index as a classified document's body is.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";
import { today } from "../today.js";

const DAY = "2026-12-04";
const TEXT = "关键工序完成后100%检验，关键件须经军代表检验验收";
const SOURCE = ["source", "add", "NES", "--id", "NES-HT2026-01", "--title", "XX型电源模块订货合同技术协议", "--revision", "1.0", "--issued", "2026-11-10", "--received", "2026-11-16"];
const ADD = ["add", "--customer", "NES", "--source", "NES-HT2026-01", "--section", "6.2", "--clause", "GJB9001C:8.5.1", "--title", "关键工序100%检验并军检", "--text", TEXT, "--category", "质量保证要求", "-y"];

/** examples/gjb-demo under git with the tester's contract recorded as 秘密 and NES-001 registered from it. */
const classifiedRepo = builtOnce(async () => {
  const dir = committedFixture("examples/gjb-demo");
  expect((await csrInProcess(["-C", dir, ...SOURCE, "--classification", "秘密级", "-y", "--commit"], { lang: null })).code).toBe(0);
  expect((await csrInProcess(["-C", dir, ...ADD, "--commit"], { lang: null })).code).toBe(0);
  return dir;
});

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const filesOf = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesOf(join(dir, name)).map((f) => `${name}/${f}`) : [name]));

describe("recording the 密级", () => {
  it("csr source add records the source's, and csr add says the CSR inherits it without writing it", async () => {
    const dir = committedFixture("examples/gjb-demo");
    const source = await csrInProcess(["-C", dir, ...SOURCE, "--classification", "秘密级", "-y"], { lang: null });
    expect(source.stdout.split("\n")[1]).toBe("NES-HT2026-01 的密级：秘密；其顾客要求随之，自标密级的除外。");
    expect(read(dir, "customers/NES.yaml")).toContain("  - id: NES-HT2026-01\n    title: XX型电源模块订货合同技术协议\n    classification: 秘密\n    revisions:\n");
    const added = await csrInProcess(["-C", dir, ...ADD], { lang: null });
    expect(added.stdout.split("\n").slice(0, 2)).toEqual(["已登记 NES-001，文件 csr/NES/NES-001.yaml。", "NES-001 的密级：秘密（随来源文件 NES-HT2026-01）。"]);
    expect(read(dir, "csr/NES/NES-001.yaml")).not.toContain("classification");
  });

  it("csr set gives a CSR its own 密级, and removes it when it is the source's again; csr source update changes the source's alone", async () => {
    const dir = await classifiedRepo();
    const raised = await csrInProcess(["-C", dir, "set", "NES-001", "--classification", "机密", "-y"], { lang: null });
    expect(raised.stdout).toBe("已修改 NES-001 关键工序100%检验并军检（csr/NES/NES-001.yaml）：\n  密级：机密（原为 秘密）\n已写入 csr/NES/NES-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    expect(read(dir, "csr/NES/NES-001.yaml")).toContain("category: 质量保证要求\nclassification: 机密\nreceived: 2026-11-16\n");
    // Lowered (降密): who authorised it and the grounds are asked for and recorded (tester57 E1).
    expect((await csrInProcess(["-C", dir, "set", "NES-001", "--classification", "秘密", "-y"], { lang: null })).stderr).toBe(
      "csr: NES-001 的密级由 机密 降为 秘密 是降密，须写明批准人和依据：请加上 --by <批准人> --reason <依据>（如 保密委员会 2026-12-03 降密审批单），csr 把它们记入 classification_changes。\n",
    );
    const back = await csrInProcess(["-C", dir, "set", "NES-001", "--classification", "秘密", "--by", "刘志明", "--reason", "军代表室确认 JDB-2026-11", "-y"], { lang: null });
    expect(back.stdout).toBe(`已修改 NES-001 关键工序100%检验并军检（csr/NES/NES-001.yaml）：\n  密级：秘密（随来源文件 NES-HT2026-01，原为 机密）\n  降密记录：${today()} 机密 → 秘密，批准人 刘志明，依据：军代表室确认 JDB-2026-11\n已写入 csr/NES/NES-001.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n`);
    expect(read(dir, "csr/NES/NES-001.yaml")).not.toMatch(/^classification:/m);
    expect(read(dir, "csr/NES/NES-001.yaml")).toContain(`\nclassification_changes:\n  - date: ${today()}\n    from: 机密\n    to: 秘密\n    by: liuzm\n    reason: 军代表室确认 JDB-2026-11\n`);
    // The CSR's page on the site says it too, with a link to who authorised it.
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out], { lang: null })).code).toBe(0);
    expect([...read(out, "csr/NES-001.html").matchAll(/<li>([^<]*<a [^>]*>[^<]*降密[^<]*<\/a>)<\/li>/g)].map((m) => m[1])).toEqual([
      `<a href="../people/liuzm.html">降密：${today()} 由机密降为秘密，批准人 刘志明，依据：军代表室确认 JDB-2026-11</a>`,
    ]);
    // csr changes of a period lists it on its day, as it does between two commits: who authorised it and the grounds (tester57 E1 leftover).
    const period = JSON.parse((await csrInProcess(["-C", dir, "changes", today(), today(), "--format", "json"], { lang: null })).stdout) as { changes: Record<string, unknown>[] };
    expect(period.changes.filter((c) => c.kind === "declassified")).toEqual([{ area: "csr", kind: "declassified", id: "NES-001", title: "关键工序100%检验并军检", from: "机密", to: "秘密", detail: "liuzm", remark: "军代表室确认 JDB-2026-11", date: today() }]);
    const customer = read(dir, "customers/NES.yaml");
    const source = await csrInProcess(["-C", dir, "source", "update", "NES-HT2026-01", "--classification", "机密", "-y"], { lang: null });
    expect(source).toEqual({ code: 0, stdout: "NES-HT2026-01 的密级：机密（原为 秘密）；其顾客要求随之，自标密级的除外。\n已写入 customers/NES.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect(read(dir, "customers/NES.yaml")).toBe(customer.replace("classification: 秘密", "classification: 机密"));
    expect((await csrInProcess(["-C", dir, "show", "NES-001"], { lang: null })).stdout).toContain("\n  密级            机密（随来源文件 NES-HT2026-01）\n");
  });

  it("refuses a value that is not a 密级, as for documents", async () => {
    const dir = await classifiedRepo();
    const refused = await csrInProcess(["-C", dir, "set", "NES-001", "--classification", "3", "-y"]);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --classification must be one of the classifications 非密 (unclassified), 公开 (public), 内部 (internal), 秘密 (confidential), 机密 (secret), 绝密 (top secret); got '3'.\n",
    });
  });

  it("takes the English name English output prints, in any letter case (tester65 N15)", async () => {
    const dir = await classifiedRepo();
    // English prints 机密 as "Secret (机密)" and 秘密 as "Confidential (秘密)": each typed back is that marking.
    expect((await csrInProcess(["-C", dir, "source", "update", "NES-HT2026-01", "--classification", "secret", "-y"])).code).toBe(0);
    expect(read(dir, "customers/NES.yaml")).toContain("classification: 机密");
    expect((await csrInProcess(["-C", dir, "source", "update", "NES-HT2026-01", "--classification", "Top-Secret", "-y"])).code).toBe(0);
    expect(read(dir, "customers/NES.yaml")).toContain("classification: 绝密");
    const shown = await csrInProcess(["-C", dir, "source", "update", "NES-HT2026-01", "--classification", "Confidential (秘密)", "-y"]);
    expect(shown.code).toBe(0);
    expect(read(dir, "customers/NES.yaml")).toContain("classification: 秘密");
  });

  it("csr check reports a CSR marked lower than its source (csr/classification-below-source)", async () => {
    const dir = await classifiedRepo();
    expect((await csrInProcess(["-C", dir, "set", "NES-001", "--classification", "内部", "--by", "刘志明", "--reason", "降密审批单", "-y"], { lang: null })).code).toBe(0);
    const { findings } = await checkJsonInProcess(dir, "--today", DAY);
    expect(findings.filter((f) => f.rule.startsWith("csr/classification")).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`)).toEqual(["csr/NES/NES-001.yaml:12:17 error csr/classification-below-source"]);
  });
});

describe("printed", () => {
  it("on the review report (header and body, md and docx's view alike) and in the CSR list and matrix", async () => {
    const dir = await classifiedRepo();
    const md = join(tempDir(), "NES-001.md");
    expect((await csrInProcess(["-C", dir, "render", "NES-001", "--format", "md", "--out", md], { lang: null })).code).toBe(0);
    expect(read(md, "").startsWith("**密级：秘密**\n\n")).toBe(true);
    const out = join(tempDir(), "NES-001.html");
    expect((await csrInProcess(["-C", dir, "render", "NES-001", "--format", "html", "--out", out], { lang: null })).code).toBe(0);
    const html = read(out, "");
    expect(html).toContain('<span class="nowrap">密级：秘密</span>');
    expect(html).toContain('<div class="classification">密级：秘密</div>');
    const csv = (await csrInProcess(["-C", dir, "list", "--format", "csv", "--today", DAY], { lang: null })).stdout.split("\n");
    expect(csv[0]).toContain(",要求内容,类别,密级,接收日期,");
    expect(csv.find((l) => l.includes("NES-001"))).toContain(`,${TEXT},质量保证要求,秘密,2026-11-16,`);
    const matrix = (await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv", "--today", DAY], { lang: null })).stdout.split("\n");
    expect(matrix[0]).toContain(",要求摘要,要求内容,密级,");
    expect(matrix.find((l) => l.includes("NES-001"))).toContain(`,关键工序100%检验并军检,${TEXT},秘密,`);
  });

  it("a repository without markings keeps its columns", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect((await csrInProcess(["-C", dir, "list", "--format", "csv", "--today", DAY], { lang: null })).stdout.split("\n")[0]).not.toContain("密级");
  });
});

describe("csr import of a CSR list", () => {
  it("reads the 密级 column back: one above the source's is written, one csr does not know refuses the row", async () => {
    const dir = await classifiedRepo();
    expect((await csrInProcess(["-C", dir, "set", "NES-001", "--classification", "机密", "-y"], { lang: null })).code).toBe(0);
    const list = join(tempDir(), "csr-list.csv");
    expect((await csrInProcess(["-C", dir, "list", "--format", "csv", "--today", DAY, "--out", list], { lang: null })).code).toBe(0);
    const fresh = committedFixture("examples/gjb-demo");
    expect((await csrInProcess(["-C", fresh, ...SOURCE, "--classification", "秘密", "-y"], { lang: null })).code).toBe(0);
    expect((await csrInProcess(["-C", fresh, "import", list, "--as", "csr", "-y"], { lang: null })).stdout).toContain("已写入 csr/NES/NES-001.yaml\n");
    expect(read(fresh, "csr/NES/NES-001.yaml")).toContain("category: 质量保证要求\nclassification: 机密\nreceived: 2026-11-16\n");
    const bad = join(tempDir(), "bad.csv");
    writeFileSync(bad, read(list, "").replace(",质量保证要求,机密,", ",质量保证要求,3,"));
    const refused = await csrInProcess(["-C", committedFixture("examples/gjb-demo"), "import", bad, "--as", "csr", "-y"], { lang: null });
    expect(refused.stdout + refused.stderr).toContain("“密级”中的 '3' 不是密级 非密、公开、内部、秘密、机密、绝密 之一，请更正该单元格后重新导入");
  });
});

describe("csr site", () => {
  it("publishes no file with a 秘密 CSR's text: its page, the registers, their downloads and the search index say it is withheld", async () => {
    const dir = await classifiedRepo();
    const out = join(tempDir(), "site");
    const built = csr(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null });
    expect(built.code).toBe(0);
    expect(built.stderr.split("\n")[1]).toBe("1 条秘密级以上的顾客要求（NES-001）只列登记信息，未发布要求内容。");
    // A workbook is a zip: its sheets are read inflated.
    const contents = (f: string) => (f.endsWith(".xlsx") ? Object.values(unzipSync(readFileSync(join(out, f)))).map((b) => strFromU8(b)).join("\n") : readFileSync(join(out, f), "utf8"));
    const files = filesOf(out).filter((f) => /\.(html|csv|js|json|xlsx)$/.test(f));
    expect(files.filter((f) => contents(f).includes(TEXT))).toEqual([]);
    const note = "本要求密级为秘密，要求内容不在网站上发布。";
    expect(files.filter((f) => contents(f).includes(note)).sort()).toEqual(["assets/search-entries.js", "csr/NES-001.html", "registers/csr-list.csv", "registers/csr-list.html", "registers/csr-list.xlsx", "registers/csr-matrix.csv", "registers/csr-matrix.html", "registers/csr-matrix.xlsx"]);
    expect(read(out, "csr/NES-001.html")).toContain('<div class="classification">密级：秘密</div>');
  });

  it("publishes no free text written about a 秘密 CSR either: the late review's reason and the implementation's evidence say they are withheld (tester53 N1)", async () => {
    const dir = committedFixture("examples/gjb-demo");
    const run = async (args: string[]) => expect((await csrInProcess(["-C", dir, ...args], { lang: null })).stderr).toBe("");
    await run([...SOURCE, "--classification", "秘密", "-y"]);
    await run([...ADD.slice(0, -1), "--received", "2026-11-16", "-y"]);
    for (const [department, reviewer] of [["SAL", "tangl"], ["RD", "yangf"], ["QA", "chenhw"]] as const) {
      await run(["review", "NES-001", "--department", department, "--reviewer", reviewer, "--opinion", "accept", "--date", "2026-12-02", "-y"]);
    }
    await run(["review", "NES-001", "--disposition", "must", "--by", "liuzm", "--late-reason", "LATESECRET 等待顾客澄清军检范围", "--military-representative", "wangjd", "--date", "2026-12-03", "-y"]);
    await run(["implement", "NES-001", "--owner", "chenhw", "--due", "2026-12-31", "--evidence", "EVIDSECRET 低温试验报告", "--implemented", "2026-12-03", "-y"]);
    const out = join(tempDir(), "site");
    expect(csr(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null }).code).toBe(0);
    const contents = (f: string) => (f.endsWith(".xlsx") ? Object.values(unzipSync(readFileSync(join(out, f)))).map((b) => strFromU8(b)).join("\n") : readFileSync(join(out, f), "utf8"));
    const files = filesOf(out).filter((f) => /\.(html|csv|js|json|xlsx)$/.test(f));
    expect(files.filter((f) => /LATESECRET|EVIDSECRET/.test(contents(f)))).toEqual([]);
    const page = read(out, "csr/NES-001.html");
    // The late reason and the evidence, and since f5906d58 the CSR's title in its heading and its page title.
    expect(page.split("（密级为秘密，不在网站上发布）").length - 1).toBe(4);
    expect(read(out, "registers/changes.csv")).toContain("（密级为秘密，不在网站上发布）");
    // What is not free text stays: the round was late, and when the implementation went into production.
    expect(page).toContain("逾期 3 个工作日");
    expect(page).toContain("2026-12-03");
    // The review-timeliness register, which prints the late reason, marks the round with the CSR's 密级 as the CSR list does.
    const reviews = csr(["-C", dir, "list", "reviews", "--format", "csv", "--today", DAY], { lang: null }).stdout.replace(/^\ufeff/, "").split("\r\n");
    expect(reviews[0]).toMatch(/^序号,编号,密级,顾客,/);
    expect(reviews.filter((l) => l.includes("NES-001")).map((l) => l.split(",").slice(1, 3))).toEqual([["NES-001", "秘密"]]);
    // csr itself, which is not published, keeps them.
    expect(csr(["-C", dir, "show", "NES-001"], { lang: null }).stdout).toContain("EVIDSECRET 低温试验报告");
  });
});
