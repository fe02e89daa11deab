/**
 * The help of the commands a new user starts with ends with examples, in the language of the run,
 * and every option an example uses is one its command has. In a GJB 9001C repository the examples
 * are a military supplier's (GJB month report #22).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git, gitInit, makeRepo, ROOT, tempDir } from "../helpers.js";

const COMMANDS = ["add", "check", "export", "import", "init", "list", "release", "render", "renumber", "review", "set", "site", "customer update", "source update"];
const GJB = join(ROOT, "examples/gjb-demo");

/** The examples that end a command's help (after the heading). */
const examplesOf = (help: string, heading: string) => help.slice(help.indexOf(`\n${heading}\n`) + heading.length + 2);

describe.each([
  ["zh-CN", "示例：", []],
  ["en", "Examples:", []],
  ["zh-CN", "示例：", ["-C", GJB]],
  ["en", "Examples:", ["-C", GJB]],
] as const)("csr <command> --help in %s %j", (lang, heading, repo) => {
  it.each(COMMANDS)("%s ends with examples of its own options", async (command) => {
    const help = (await csrInProcess([...repo, ...command.split(" "), "--help"], { lang })).stdout;
    const examples = examplesOf(help, heading);
    expect(help).toContain(`\n\n${heading}\n`);
    const lines = examples.replace(/ \\\n\s+/g, " ").trimEnd().split("\n");
    // Every command has its comment; a comment may stand alone (a GJB repository without a CSR yet says which command makes the one named).
    lines.forEach((line, i) => {
      if (!line.startsWith("  # ")) expect(lines[i - 1], line).toMatch(/^ {2}# /);
    });
    const commands = lines.filter((line) => !line.startsWith("  # "));
    expect(commands.filter((line) => line.startsWith(`  csr ${command}`)).length).toBeGreaterThan(0);
    for (const line of commands) {
      // What a new GJB repository lacks, the examples first create: a customer and its source document, a procedure.
      if (!line.startsWith(`  csr ${command}`)) {
        expect(line, line).toMatch(/^ {2}csr (customer add|source add|new procedure) /);
        continue;
      }
      const options = help.slice(0, help.indexOf(`\n${heading}\n`));
      for (const flag of line.match(/ (-[-\w]+)/g) ?? []) expect(options, `${line}: ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag.trim()}[ ,<\\n]`, "m"));
    }
  });
});

describe("help examples follow the repository's standard", () => {
  it("a GJB 9001C repository reads its own customer, documents, people, 质量部 and signatures, and first creates what it lacks", async () => {
    const help = async (...args: string[]) => examplesOf((await csrInProcess(["-C", GJB, ...args, "--help"], { lang: "zh-CN" })).stdout, "示例：");
    // gjb-demo's customer NES has one source document, its 技术协议, and no CSR is registered.
    expect(await help("add")).toBe(
      "  # 在终端上逐项提问\n  csr add\n  # 登记一条顾客要求，不提问\n  csr add --customer NES --source NES-JSXY-2025-07 --section 5.3 \\\n      --clause GJB9001C:8.6 --title 交付时随附产品履历书 \\\n      --received 2026-11-20 -y\n",
    );
    // A customer without one is shown how to register it first.
    const noSource = join(tempDir(), "gjb");
    cpSync(GJB, noSource, { recursive: true });
    writeFileSync(join(noSource, "customers/NES.yaml"), readFileSync(join(GJB, "customers/NES.yaml"), "utf8").replace(/\nsources:\n[^]*$/, "\n"));
    expect(examplesOf((await csrInProcess(["-C", noSource, "add", "--help"], { lang: "zh-CN" })).stdout, "示例：")).toBe(
      "  # NES 还没有来源文件：先登记一份\n  csr source add NES --id NES-JSXY --title 技术协议 --revision A \\\n      --received 2026-11-20 -y\n  # 在终端上逐项提问\n  csr add\n  # 登记一条顾客要求，不提问\n  csr add --customer NES --source NES-JSXY --section 5.3 \\\n      --clause GJB9001C:8.6 --title 交付时随附产品履历书 \\\n      --received 2026-11-20 -y\n",
    );
    expect(await help("review")).toBe(
      "  # 本仓库还没有顾客要求：NES-001 是 csr add 将登记的第一条（见 csr add --help）\n  # 记录质量部的会签意见\n  csr review NES-001 --department QA --reviewer chenhw \\\n      --opinion accept --date 2026-11-23\n  # 作出评审结论\n  csr review NES-001 --disposition must --by liuzm --date 2026-11-25\n  # 军代表在评审报告上签字同意\n  csr review NES-001 --military-representative wangjd --date 2026-11-26\n",
    );
    expect(await help("release")).toBe(
      "  # 发布新版本，记录版式要求的全部签字\n  csr release CS/QP-001 --summary 更换进货检验报告 --prepared chenhw \\\n      --reviewed yangf --countersigned 罗欣,周琳 \\\n      --standardization maxl --approved liuzm \\\n      --military-representative wangjd --date 2026-11-18\n  # 在终端上询问修订内容、各项签字人和日期\n  csr release CS/QP-001\n",
    );
    expect(await help("render")).toBe(
      "  # 本仓库还没有顾客要求：NES-001 是 csr add 将登记的第一条（见 csr add --help）\n  # 输出一份文件的 HTML，写入 out/\n  csr render CS/QP-001\n  # 全部文件输出为 PDF，写入 打印/\n  csr render --all --format pdf --out 打印/\n  # 一条顾客要求的评审报告（Word 文件）\n  csr render NES-001 --format docx\n",
    );
    // The holders a 军代表 and a department audit ask about (GJB month report #24).
    expect(await help("list")).toContain("  # 军代表室持有的受控副本\n  csr list distribution --department 军代表室\n");
    const options = async (...args: string[]) => (await csrInProcess(["-C", GJB, ...args, "--help"], { lang: "en" })).stdout.replace(/\s+/g, " ");
    expect(await options("process", "add")).toContain("--clause <clauses...> clauses the process covers, e.g. GJB9001C:8.5.1 (8.5.1 alone with one standard in scope)");
    expect(await options("symbol", "add")).toContain(
      "--customer-symbol <symbol> the symbol the customer marks on its design documents --customer-class <class> the customer's class, e.g. 关键特性 (key), 重要特性 (important)",
    );
    expect(await options("standard", "migrate")).toContain("from the catalog of the superseded edition, e.g. GJB9001C to the catalog of the new edition, e.g. GJB9001D");
  });

  it("an automotive repository keeps the automotive examples, in its own names; one under ISO 9001 cites its clause", async () => {
    const add = async (...repo: string[]) => examplesOf((await csrInProcess([...repo, "add", "--help"], { lang: "en" })).stdout, "Examples:");
    expect(await add("-C", join(ROOT, "examples/acme-auto"))).toContain("csr add --customer BCM --source BCM-SQR --section 6.4 \\\n      --clause IATF16949:8.5.4 --title \"Labels carry the batch number\"");
    const iso = makeRepo({ "qms.yaml": "organisation:\n  name: 测试\nstandards: [ISO9001]\n" });
    expect(await add("-C", iso)).toContain("--clause ISO9001:8.5.4 --title");
    expect((await csrInProcess(["-C", join(ROOT, "examples/acme-auto"), "review", "--help"], { lang: "zh-CN" })).stdout).toContain("  # 记录品质部的会签意见\n  csr review BCM-001 --department QA --reviewer ");
    expect(examplesOf((await csrInProcess(["-C", join(ROOT, "examples/acme-auto"), "list", "--help"], { lang: "zh-CN" })).stdout, "示例：")).not.toContain("军代表室");
  });
});

/** The command lines of a help's examples, each as its words (double quotes group words, as a shell does). */
function exampleCommands(help: string, heading: string): string[][] {
  return examplesOf(help, heading)
    .replace(/ \\\n\s+/g, " ")
    .split("\n")
    .filter((line) => line.startsWith("  csr "))
    .map((line) => [...line.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1));
}

/** What csr says of a customer, source document, CSR, document, person or department it does not know. */
const UNKNOWN_NAME = /Unknown customer|has no source document|No CSR '|No document or CSR|No document, CSR,|no person in people\.yaml|no such department/;

describe("the GJB 9001C help examples in a new repository (csr init --standard GJB9001C)", () => {
  // csr in this process (csrInProcess): what is tested is what each example does in the repository, not the binary.
  it("each runs as written, one after the other, without an unknown customer, CSR, document, person or department", { timeout: 240_000 }, async () => {
    const dir = tempDir();
    expect((await csrInProcess(["init", dir, "--standard", "GJB9001C"], { lang: "en" })).code).toBe(0);
    gitInit(dir);
    const ran: string[] = [];
    for (const [command, failing] of [
      // `csr add` and `csr release <id>` alone ask on a terminal; a decision needs every department's opinion first, and the 军代表 signs a decision.
      ["add", ["add"]],
      ["review", ["review NES-001 --disposition", "review NES-001 --military-representative"]],
      ["release", ["release QP-001"]],
      ["render", []],
      ["list", []],
    ] as const) {
      const help = await csrInProcess(["-C", dir, command, "--help"], { lang: "en" });
      expect(help.code).toBe(0);
      for (const args of exampleCommands(help.stdout, "Examples:")) {
        const line = args.join(" ");
        // Every document printed by Chromium: it names nothing of the repository, and takes a browser's start.
        if (line.startsWith("render --all --format pdf")) {
          ran.push("render --all");
          continue;
        }
        const result = await csrInProcess(args, { cwd: dir, lang: "en" });
        expect(result.stderr, line).not.toMatch(UNKNOWN_NAME);
        const asks = failing.some((prefix) => line === prefix || line.startsWith(`${prefix} `));
        if (!asks) expect(result.code, `${line}\n${result.stderr}`).toBe(0);
        ran.push(line.split(" ").slice(0, 2).join(" "));
        // The procedure the release example drafts gets its text, as its comment says, and is committed to be released.
        if (args[0] === "new") {
          const file = join(dir, "documents/QP-001.yaml");
          writeFileSync(file, readFileSync(file, "utf8").replace(/(\n {4}title_en: [^\n]+)/g, "$1\n    text: 无。"));
          git(dir, ["add", "-A"]);
          git(dir, ["commit", "-q", "-m", "QP-001 draft"]);
        }
      }
    }
    expect(ran).toEqual([
      "customer add", "source add", "add", "add --customer",
      "review NES-001", "review NES-001", "review NES-001",
      "new procedure", "release QP-001", "release QP-001",
      "render QP-001", "render --all", "render NES-001",
      "list documents", "list procedures", "list distribution", "list documents",
    ]);
  });

  it("shows the help in a repository whose people.yaml and customers cannot be read, with the names csr init writes", () => {
    const dir = makeRepo({ "qms.yaml": "organisation:\n  name: 测试\nstandards: [GJB9001C]\n", "people.yaml": "people: [\n", "customers/X.yaml": ": : :\n" });
    const help = csr(["-C", dir, "release", "--help"], { lang: "en" });
    expect([help.code, help.stderr]).toEqual([0, ""]);
    expect(examplesOf(help.stdout, "Examples:")).toContain("  csr release QP-001 --summary \"New incoming inspection report\" \\\n      --prepared zhangsan --reviewed wangwu --countersigned 赵六,孙七 \\\n");
  });
});

/** What only the demo repository examples/acme-auto has: its customers, CSRs, procedures and people (tester23 F9). */
const DEMO = /\b(DYA|BCM|QP-01[345]|gaoyang|zhoupeng|xuht|zhangli)\b|东岳|Dongyue/;
const IATF_COMMANDS = ["add", "review", "release", "render", "renumber", "set", "list", "customer update", "source update"];

describe("the automotive help examples name the user's repository, never the demo's (tester23 F9)", () => {
  const helpOf = async (dir: string | undefined, command: string, lang: "en" | "zh-CN") =>
    examplesOf((await csrInProcess([...(dir ? ["-C", dir] : []), ...command.split(" "), "--help"], { lang })).stdout, lang === "en" ? "Examples:" : "示例：");

  it("a new repository (csr init) and no repository: csr init --example's customer HXQC and csr init's people", async () => {
    const dir = tempDir();
    expect(csr(["init", dir], { lang: "en" }).code).toBe(0);
    for (const where of [dir, undefined])
      for (const lang of ["en", "zh-CN"] as const)
        for (const command of IATF_COMMANDS) {
          const examples = await helpOf(where, command, lang);
          expect(examples, `${where} ${command} ${lang}`).not.toMatch(DEMO);
          expect(examples, `${where} ${command} ${lang}`).not.toContain("{{");
        }
    expect(await helpOf(dir, "review", "en")).toBe(
      "  # Record the opinion of 品质部 (QA)\n  csr review HXQC-001 --department QA --reviewer zhangsan --opinion accept \\\n      --date 2026-11-23\n  # Decide the review\n  csr review HXQC-001 --disposition must --by lisi --date 2026-11-25\n",
    );
    expect(await helpOf(undefined, "release", "zh-CN")).toContain("  csr release QP-001 --summary 增加顾客符号更新流程 --prepared zhangsan \\\n      --reviewed wangwu --approved lisi --date 2026-11-18\n");
    expect(await helpOf(dir, "source update", "en")).toContain("  csr source update HX-SQM --revision D --issued 2026-11-24 --received 2026-11-27\n");
  });

  it("a repository with its own customer, CSR, procedure and people names them", async () => {
    const dir = makeRepo({
      "qms.yaml": "organisation:\n  name: 测试\nstandards: [IATF16949]\ndepartments:\n  - {code: ZL, name: 质量管理部}\n  - {code: SC, name: 制造部}\ncsr:\n  reviewers: [ZL, SC]\n",
      "people.yaml": "people:\n  - {id: liuyi, name: 刘一, department: ZL, roles: [author, reviewer]}\n  - {id: chener, name: 陈二, department: ZL, roles: [approver, reviewer]}\n  - {id: zhangsan2, name: 张三, department: SC, roles: [reviewer]}\n",
      "customers/GWM.yaml": "code: GWM\nname: 长城\nsources:\n  - id: GWM-SQE\n",
      "csr/GWM/GWM-004.yaml": "id: GWM-004\n",
      "documents/ZL-QP-07.yaml": "id: ZL-QP-07\nkind: procedure\n",
    });
    const add = await helpOf(dir, "add", "en");
    expect(add).toContain("csr add --customer GWM --source GWM-SQE --section 6.4");
    expect(await helpOf(dir, "review", "zh-CN")).toBe(
      "  # 记录质量管理部的会签意见\n  csr review GWM-004 --department ZL --reviewer liuyi --opinion accept \\\n      --date 2026-11-23\n  # 作出评审结论\n  csr review GWM-004 --disposition must --by chener --date 2026-11-25\n",
    );
    expect(await helpOf(dir, "release", "en")).toContain("  csr release ZL-QP-07 --summary \"Customer symbol updates\" --prepared liuyi \\\n      --reviewed zhangsan2 --approved chener --date 2026-11-18\n");
    expect(await helpOf(dir, "list", "zh-CN")).toContain("  # 质量管理部持有的受控文件（按发放记录）\n  csr list documents --department 质量管理部\n");
    // A draft document's number too, not only a CSR's (renumber59).
    expect(await helpOf(dir, "renumber", "zh-CN")).toContain(
      "  # 两个分支各自新建了同一编号的草稿文件（如 ZL-QP-07），合并时 add/add 冲突：\n  # 合并进来的一份保留该编号，本分支的一份改为其编号体系的下一个空闲编号，\n  # 引用随之更新，两个文件都 git add\n  csr renumber ZL-QP-07\n",
    );
    for (const command of IATF_COMMANDS) expect(await helpOf(dir, command, "en"), command).not.toMatch(DEMO);
  });
});
