/**
 * Cells of a form register and of a CSR list as Chinese shops write them (tester54b): a procedure or a
 * customer document named by number and title, a customer's full name with full-width brackets, a
 * section written 第5.3条, the everyday words for a review decision and a status.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyRepository, csrInProcess, git, tempDir } from "../helpers.js";

const TODAY = "2026-12-03";
const file = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8"));
const run = (dir: string, args: string[]) => csrInProcess(["-C", dir, ...args, "--today", TODAY], { lang: "zh-CN" });
const write = (dir: string, args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });

/** `csr init -y`, three procedures imported from a register, committed. */
const procedures = builtOnce(async (): Promise<string> => {
  const dir = tempDir();
  expect((await csrInProcess(["init", "-y"], { cwd: dir, lang: "zh-CN" })).code).toBe(0);
  writeFileSync(join(dir, "p.csv"), "序号,程序文件名称,文件编号,归口部门,对应条款,版本,发布日期\n1,文件控制程序,QP-001,品质部,7.5,A/0,2023/2/20\n2,记录控制程序,QP-002,品质部,7.5,A/0,2023/2/20\n3,不合格品控制程序,QP-006,品质部,8.7,A/0,2023/2/20\n");
  expect((await run(dir, ["import", "p.csv", "--as", "procedures"])).stdout).toContain("已导入 3 行中的 3 行");
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "procedures"]);
  return dir;
});

describe("a form register's 所属程序 written as number and title (tester54b B4)", () => {
  it("reads 'QP-001 文件控制程序' and 'QP-006《不合格品控制程序》' as one procedure each, links each form once, and says a title that is not the procedure's", async () => {
    const dir = copyRepository(await procedures());
    writeFileSync(
      join(dir, "f.csv"),
      "序号,表单名称,表单编号,版本,所属程序,保存期限,保存部门\n1,文件借阅登记表,QR-001-05,A/0,QP-001 文件控制程序,3年,品质部\n2,记录销毁申请单,QR-002-05,A/0,QP-001 记录控制程序,3年,品质部\n3,不合格品标识卡,QR-006-05,A/0,QP-006《不合格品控制程序》,1年,品质部\n4,不合格品处置单,QR-006-06,A/0,QP-006、QP-006 不合格品控制程序,1年,品质部\n",
    );
    const result = await run(dir, ["import", "f.csv", "--as", "forms", "--link-forms"]);
    expect(result.stdout).toContain("  “所属程序”中的 'QP-001 文件控制程序' → QP-001（第 2 行）\n");
    expect(result.stdout).toContain("  “所属程序”中的 'QP-006《不合格品控制程序》' → QP-006（第 4 行）\n");
    expect(result.stdout).toContain("第 3 行：“所属程序”中的 'QP-001 记录控制程序'：《记录控制程序》不是 QP-001 的标题（文件控制程序），已按文件 QP-001 记录，请核对该单元格\n");
    expect(result.stdout).toContain("  documents/QP-001.yaml：forms + QR-001-05、QR-002-05\n");
    expect(result.stdout).toContain("  documents/QP-006.yaml：forms + QR-006-05、QR-006-06\n");
    expect(file(dir, "documents/QP-001.yaml").forms).toEqual(["QR-001-05", "QR-002-05"]);
    expect(file(dir, "documents/QP-006.yaml").forms).toEqual(["QR-006-05", "QR-006-06"]);
    expect((await checkJsonInProcess(dir, "--today", TODAY)).findings.filter((f) => f.rule.startsWith("schema/"))).toEqual([]);
  });
});

/** `csr init -y` with 华域视觉科技（上海）有限公司 (as on its licence, full-width brackets) and its source HASCO-SQ-01, committed. */
const hasco = builtOnce(async (): Promise<string> => {
  const dir = tempDir();
  expect((await csrInProcess(["init", "-y"], { cwd: dir, lang: "zh-CN" })).code).toBe(0);
  expect((await csrInProcess(["-C", dir, "customer", "add", "HASCO", "--name", "华域视觉科技（上海）有限公司", "--class", "B", "-y"], { lang: "zh-CN" })).code).toBe(0);
  expect((await csrInProcess(["-C", dir, "source", "add", "HASCO", "--id", "HASCO-SQ-01", "--title", "供应商质量要求", "--revision", "A0", "--received", "2025-07-01", "-y"], { lang: "zh-CN" })).code).toBe(0);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "HASCO"]);
  return dir;
});

describe("a CSR list's customer written as customers/ names it (tester54b B5)", () => {
  it("takes 华域视觉科技（上海）有限公司 as HASCO unsaid, and the name with ASCII brackets as HASCO, said as a spelling", async () => {
    const dir = copyRepository(await hasco());
    writeFileSync(join(dir, "c.csv"), "序号,顾客名称,来源文件,要求内容,条款,接收日期\n1,华域视觉科技（上海）有限公司,HASCO-SQ-01,测试要求一,8.5.2,2025-07-01\n2,华域视觉科技(上海)有限公司,HASCO-SQ-01,测试要求二,8.5.2,2025-07-01\n");
    const result = await run(dir, ["import", "c.csv", "--as", "csr"]);
    expect(result.stdout).not.toContain("在 customers/ 下没有文件");
    expect(result.stdout).not.toContain("华域视觉科技（上海）有限公司' →");
    expect(result.stdout).toContain("  “顾客名称”中的 '华域视觉科技(上海)有限公司' → HASCO（第 3 行）\n");
    expect(result.stdout).toContain("已导入 2 行中的 2 行");
    expect(file(dir, "csr/HASCO/HASCO-001.yaml").customer).toBe("HASCO");
    expect(file(dir, "csr/HASCO/HASCO-002.yaml").customer).toBe("HASCO");
  });

  it("reads the symbol table's customer the same way", async () => {
    const dir = copyRepository(await hasco());
    writeFileSync(join(dir, "s.csv"), "序号,客户,客户符号,客户分类,含义,我司符号,我司分类\n1,HASCO,<S>,SC,安全特性,★,关键\n2,华域视觉科技（上海）有限公司,<F>,SC,功能特性,☆,重要\n");
    const result = await run(dir, ["import", "s.csv", "--as", "symbols", "--dry-run"]);
    expect(result.stdout).not.toContain("是否指");
    expect(result.stdout).toContain("将导入 2 行中的 2 行");
  });
});

describe("a CSR list's 来源文件 written as number and title (tester54b B9)", () => {
  it("reads 'HASCO-SQ-01 供应商质量要求' as that source, says a title that is not its title, and names csr source add for one not registered", async () => {
    const dir = copyRepository(await hasco());
    writeFileSync(
      join(dir, "c.csv"),
      "序号,顾客,来源文件,版本,要求内容,条款,接收日期\n1,HASCO,HASCO-SQ-01 供应商质量要求,A0,新要求甲,8.5.2,2025-07-01\n2,HASCO,HASCO-SQ-01《质量手册》,A0,新要求乙,8.5.2,2025-07-01\n3,HASCO,HASCO-PK-02 包装要求,B,新要求丙,8.5.2,2025-08-01\n4,HASCO,包装要求,,新要求丁,8.5.2,2025-08-01\n",
    );
    const result = await run(dir, ["import", "c.csv", "--as", "csr"]);
    expect(result.stdout).toContain("  “来源文件”中的 'HASCO-SQ-01 供应商质量要求' → HASCO-SQ-01（第 2 行）\n");
    expect(result.stdout).toContain("第 3 行：“来源文件”中的 'HASCO-SQ-01《质量手册》'：《质量手册》不是 HASCO-SQ-01 的标题（供应商质量要求），已按文件 HASCO-SQ-01 记录，请核对该单元格\n");
    expect(result.stdout).toContain(
      "第 4 行：来源文件 'HASCO-PK-02 包装要求' 不是顾客 HASCO 已登记的来源文件（已登记：HASCO-SQ-01 供应商质量要求）：请先用 csr source add HASCO --id HASCO-PK-02 --title 包装要求 --revision B --received 2025-08-01 登记，再重新导入（该行未导入）\n",
    );
    expect(result.stdout).toContain(
      "第 5 行：来源文件 '包装要求' 不是顾客 HASCO 已登记的来源文件（已登记：HASCO-SQ-01 供应商质量要求）：请先用 csr source add HASCO --id <编号> --title 包装要求 --revision <版本> --received 2025-08-01 登记，再重新导入（该行未导入）\n",
    );
    expect(file(dir, "csr/HASCO/HASCO-001.yaml").source).toEqual({ document: "HASCO-SQ-01", revision: "A0" });
    expect(file(dir, "csr/HASCO/HASCO-002.yaml").source).toEqual({ document: "HASCO-SQ-01", revision: "A0" });
  });
});

describe("a CSR list's 落实文件 section and everyday words (tester54b B14, B23)", () => {
  it("reads 第5.3条, §5.3 and QP-006/5.3 as section 5.3 of QP-006, 接受/同意/可满足 as 必须满足 (said), and offers the statuses 已关闭/已完成 may mean", async () => {
    const dir = copyRepository(await procedures());
    expect((await csrInProcess(["-C", dir, "customer", "add", "YF", "--name", "延锋汽车饰件系统有限公司", "--class", "B", "-y"], { lang: "zh-CN" })).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "source", "add", "YF", "--id", "YF-SQM", "--title", "延锋供应商质量手册", "--revision", "第3版", "--received", "2025-05-20", "-y"], { lang: "zh-CN" })).code).toBe(0);
    writeFileSync(
      join(dir, "c.csv"),
      "序号,顾客,来源文件,章节,要求内容,条款,接收日期,评审结论,决定人,决定日期,落实文件,状态\n" +
        "1,YF,YF-SQM,12.1,要求一。,8.5.2,2025-05-20,接受,张三,2025-05-28,QP-006 第5.3条,\n" +
        "2,YF,YF-SQM,12.2,要求二。,8.5.2,2025-05-20,同意,张三,2025-05-28,QP-006/5.3,\n" +
        "3,YF,YF-SQM,12.3,要求三。,8.5.2,2025-05-20,可满足,张三,2025-05-28,QP-006 §5.3,\n" +
        "4,YF,YF-SQM,12.4,要求四。,8.5.2,2025-05-20,必须满足,张三,2025-05-28,QP-006,已关闭\n",
    );
    const result = await run(dir, ["import", "c.csv", "--as", "csr"]);
    expect(result.stdout).toContain(
      [
        "  “评审结论”中的 '接受' → 必须满足（第 2 行）",
        "  “落实文件”中的 'QP-006 第5.3条' → QP-006 5.3（第 2 行）",
        "  “评审结论”中的 '同意' → 必须满足（第 3 行）",
        "  “落实文件”中的 'QP-006/5.3' → QP-006 5.3（第 3 行）",
        "  “评审结论”中的 '可满足' → 必须满足（第 4 行）",
        "  “落实文件”中的 'QP-006 §5.3' → QP-006 5.3（第 4 行）",
      ].join("\n"),
    );
    expect(result.stdout).toContain("第 5 行：“状态”中的 '已关闭' 不是顾客特定要求的状态（已接收、评审中、已决定、待确认落实、已落实到文件、已实施、已验证、已替代、已拒绝、不适用）；是否指 '已落实到文件'、'已实施' 或 '已验证'？请更正该单元格后重新导入（该行未导入）\n");
    for (const id of ["YF-001", "YF-002", "YF-003"]) {
      const csr = file(dir, `csr/YF/${id}.yaml`);
      expect(csr.addressed).toEqual([{ document: "QP-006", section: "5.3" }]);
      expect(csr.review.decision.disposition).toBe("must");
    }
  });
});

describe("a CSR list row of an earlier revision of a registered customer document (tester54b B8)", () => {
  it("is refused naming csr source update --earlier, which records the revision as history (csr source update without it refuses); the row then imports", async () => {
    const dir = copyRepository(await procedures());
    expect((await csrInProcess(["-C", dir, "customer", "add", "YF", "--name", "延锋汽车饰件系统有限公司", "--class", "B", "-y", "--commit"], { lang: "zh-CN" })).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "source", "add", "YF", "--id", "YF-SQM", "--title", "延锋供应商质量手册", "--revision", "第3版", "--received", "2025-05-20", "-y", "--commit"], { lang: "zh-CN" })).code).toBe(0);
    writeFileSync(join(dir, "r.csv"), "序号,顾客,来源文件,版本,章节,要求内容,条款,接收日期\n1,YF,YF-SQM,第2版,7.1,包装标签应符合延锋标签规范。,8.5.4,2024-03-01\n2,YF,YF-SQM,第1版（2023）,7.2,托盘须贴延锋发货标签。,8.5.4,2023-01-10\n");
    const result = await run(dir, ["import", "r.csv", "--as", "csr"]);
    expect(result.stdout).toContain(
      "第 2 行：来源文件 YF-SQM 没有 '第2版' 版，而该行的接收日期 2024-03-01 早于现行版 第3版 的接收日期 2025-05-20：这是较早的版本，该行未写入（写入会留下 csr check 错误）。请先把它登记为较早的版本：csr source update YF-SQM --revision 第2版 --received 2024-03-01 --earlier，再重新导入（该行未导入）\n",
    );
    // A revision with a character the shell reads (its full-width brackets folded) is quoted, so that the command can be pasted (note37).
    expect(result.stdout).toContain("请先把它登记为较早的版本：csr source update YF-SQM --revision \"第1版(2023)\" --received 2023-01-10 --earlier，再重新导入（该行未导入）\n");
    expect(result.stdout).not.toContain("已写入 csr/YF/");

    const customer = readFileSync(join(dir, "customers/YF.yaml"), "utf8");
    expect(await write(dir, ["source", "update", "YF-SQM", "--revision", "第2版", "--received", "2024-03-01", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: YF-SQM 第2版的接收日期 2024-03-01 早于现行 第3版的接收日期 2025-05-20：这是较早的版本，不是新版本，不能开始新一轮评审。\n" +
        "提示：登记为较早的版本（历史版本，CSR 不重新评审）：csr source update YF-SQM --revision 第2版 --received 2024-03-01 --earlier；如是接收日期录错，请更正后重试。\n",
    });
    expect(readFileSync(join(dir, "customers/YF.yaml"), "utf8")).toBe(customer);

    const earlier = await write(dir, ["source", "update", "YF-SQM", "--revision", "第2版", "--issued", "2024-02-20", "--received", "2024-03-01", "--earlier", "--commit"]);
    expect(earlier.stderr).toBe("");
    expect(earlier.code).toBe(0);
    expect(earlier.stdout.split("\n").slice(0, 2)).toEqual([
      "已登记 YF-SQM 的较早版本 第2版（2024-03-01 接收），已被 第3版取代；现行版本仍为 第3版，没有 CSR 重新评审。",
      "现在可以登记取自 第2版的顾客特定要求（如 csr import <清单> --as csr）；它们须按现行版本重新评审，csr check 会报告（csr/source-superseded）并给出命令。",
    ]);
    expect(file(dir, "customers/YF.yaml").sources[0].revisions).toEqual([
      { revision: "第2版", issued: "2024-02-20", received: "2024-03-01", status: "superseded" },
      { revision: "第3版", received: "2025-05-20" },
    ]);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr source update YF-SQM --earlier：较早版本 第2版（2024-03-01 接收）", "", "customers/YF.yaml"]);
    expect((await write(dir, ["source", "update", "YF-SQM", "--revision", "第4版", "--received", "2025-06-01", "--earlier"])).stderr).toBe(
      "csr: YF-SQM 第4版的接收日期 2025-06-01 不早于现行 第3版的接收日期 2025-05-20：--earlier 只登记早于现行版本接收的版本。\n" +
        "提示：顾客发布的新版本用 'csr source update YF-SQM --revision 第4版 --received 2025-06-01'（不加 --earlier）登记，按新版本重新评审。\n",
    );

    const imported = await run(dir, ["import", "r.csv", "--as", "csr"]);
    expect(imported.stdout).toContain("已写入 csr/YF/YF-001.yaml\n");
    expect(file(dir, "csr/YF/YF-001.yaml").source).toEqual({ document: "YF-SQM", revision: "第2版", section: "7.1" });
    // Named as csr names a revision ending in 版 (the old message: "按 YF-SQM 的 第2版 版评审的").
    expect(imported.stdout).toContain("csr/source-superseded YF-001 是按 YF-SQM 的 第2版评审的，该版本已被取代；现行版本为 第3版。");
  });
});

describe("the pull-request check of an imported procedure, whose body is on paper (tester54b B16)", () => {
  it("says what works instead of csr release, which refuses it, and prints a removed imported revision as 导入前已发布的版本", async () => {
    const dir = copyRepository(await procedures());
    const edit = (path: string, from: string, to: string) => writeFileSync(join(dir, path), readFileSync(join(dir, path), "utf8").replace(from, to));
    edit("documents/QP-001.yaml", "title: 文件控制程序", "title: 文件和资料控制程序");
    edit("documents/QP-002.yaml", "version: A/0", "version: A/3");
    const result = await csrInProcess(["-C", dir, "check", "--base", "HEAD", "--format", "json", "--today", TODAY], { lang: "zh-CN" });
    const findings = (JSON.parse(result.stdout) as { findings: { rule: string; file: string; message: string }[] }).findings.filter((f) => f.rule.startsWith("doc/revision-"));
    expect(findings.map((f) => [f.rule, f.file, f.message])).toEqual([
      [
        "doc/revision-not-bumped",
        "documents/QP-001.yaml",
        "QP-001 在 HEAD 时已发布为 A/0 版，此后内容有更改（title），但没有增加修订记录。它的正文在纸质原件上（从清单导入），csr release 不能为它发布新版本：请撤销更改；如确需修订，先导入现行版本的 Word 原件（csr import <文件>.docx 补全 QP-001），再在仓库中修订并发布 A/1 或 B/0 版。",
      ],
      ["doc/revision-history-rewritten", "documents/QP-002.yaml", "HEAD 中存在的修订记录 A/0（2023-02-20，导入前已发布的版本，修订内容见原纸质记录）被删除了。请恢复：修订记录保留每一次修订，更正应作为新的修订记录。"],
    ]);
  });
});
