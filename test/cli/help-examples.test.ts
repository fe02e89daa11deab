/**
 * The help of the commands a new user starts with ends with examples, in the language of the run,
 * and every option an example uses is one its command has. In a GJB 9001C repository the examples
 * are a military supplier's (GJB month report #22).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, makeRepo, ROOT } from "../helpers.js";

const COMMANDS = ["add", "check", "export", "import", "init", "list", "release", "render", "review", "site"];
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
    const help = (await csrInProcess([...repo, command, "--help"], { lang })).stdout;
    const examples = examplesOf(help, heading);
    expect(help).toContain(`\n\n${heading}\n`);
    const lines = examples.replace(/ \\\n\s+/g, " ").trimEnd().split("\n");
    const commands = lines.filter((line) => !line.startsWith("  # "));
    expect(commands.length).toBeGreaterThan(0);
    expect(lines.length).toBe(commands.length * 2);
    for (const line of commands) {
      expect(line.startsWith(`  csr ${command}`), line).toBe(true);
      const options = help.slice(0, help.indexOf(`\n${heading}\n`));
      for (const flag of line.match(/ (-[-\w]+)/g) ?? []) expect(options, `${line}: ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag.trim()}[ ,<\\n]`, "m"));
    }
  });
});

describe("help examples follow the repository's standard", () => {
  it("a GJB 9001C repository reads its own documents, people, 质量部 and signatures", async () => {
    const help = async (...args: string[]) => examplesOf((await csrInProcess(["-C", GJB, ...args, "--help"], { lang: "zh-CN" })).stdout, "示例：");
    expect(await help("add")).toBe(
      "  # 在终端上逐项提问\n  csr add\n  # 登记一条 CSR，不提问\n  csr add --customer NES --source NES-JSXY --section 5.3 \\\n      --clause GJB9001C:8.6 --title 交付时随附产品履历书 \\\n      --received 2026-11-20 -y\n",
    );
    expect(await help("review")).toBe(
      "  # 记录质量部的会签意见\n  csr review NES-003 --department QA --reviewer chenhw --opinion accept \\\n      --date 2026-11-23\n  # 作出评审结论\n  csr review NES-003 --disposition must --by liuzm --date 2026-11-25\n  # 军代表在评审报告上签字同意\n  csr review NES-003 --military-representative wangjd --date 2026-11-26\n",
    );
    expect(await help("release")).toBe(
      "  # 发布新版本，记录版式要求的全部签字\n  csr release CS/QP-011 --summary 更换进货检验报告 --prepared songyy \\\n      --reviewed chenhw --countersigned 杨帆,何军 --standardization maxl \\\n      --approved liuzm --military-representative wangjd --date 2026-11-18\n  # 在终端上询问修订内容、各项签字人和日期\n  csr release CS/QP-011\n",
    );
    expect(await help("render")).toBe(
      "  # 输出一份文件的 HTML，写入 out/\n  csr render CS/QP-008\n  # 全部文件输出为 PDF，写入 打印/\n  csr render --all --format pdf --out 打印/\n  # 一条 CSR 的评审报告（Word 文件）\n  csr render NES-003 --format docx\n",
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

  it("an automotive repository keeps the automotive examples; one under ISO 9001 cites its clause", async () => {
    const add = async (...repo: string[]) => examplesOf((await csrInProcess([...repo, "add", "--help"], { lang: "en" })).stdout, "Examples:");
    expect(await add("-C", join(ROOT, "examples/acme-auto"))).toContain("csr add --customer DYA --source DYA-SQM --section 6.4 \\\n      --clause IATF16949:8.5.4 --title \"Labels carry the batch number\"");
    const iso = makeRepo({ "qms.yaml": "organisation:\n  name: 测试\nstandards: [ISO9001]\n" });
    expect(await add("-C", iso)).toContain("--clause ISO9001:8.5.4 --title");
    expect((await csrInProcess(["-C", join(ROOT, "examples/acme-auto"), "review", "--help"], { lang: "zh-CN" })).stdout).toContain("  # 记录品质部的会签意见\n  csr review DYA-011 ");
    expect(examplesOf((await csrInProcess(["-C", join(ROOT, "examples/acme-auto"), "list", "--help"], { lang: "zh-CN" })).stdout, "示例：")).not.toContain("军代表室");
  });
});
