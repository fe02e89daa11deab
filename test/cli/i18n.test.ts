/**
 * csr speaks Chinese by default and English on request: `--lang`, else `language` in qms.yaml, else
 * (outside a repository) the locale. The goldens in test/fixtures/i18n/ are the exact output of the
 * main commands in both languages; UPDATE_GOLDEN=1 rewrites them (read the diff before committing).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, FIXTURES, makeRepo, ROOT, tempDir, type JsonFinding } from "../helpers.js";

const GOLDEN = join(FIXTURES, "i18n");

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

/** Outside any repository, with no locale (test/helpers.ts clears it): what a new user sees first. */
const NO_LOCALE = { LC_ALL: "", LC_MESSAGES: "", LANG: "" };

describe("language of the command line", () => {
  it("--help is Chinese by default and English with --lang en", () => {
    const zh = csr(["--help"], { cwd: tempDir(), env: NO_LOCALE, lang: null });
    expect(zh.code).toBe(0);
    golden("help.zh-CN.txt", zh.stdout);
    golden("help.en.txt", csr(["--help"], { cwd: tempDir(), lang: "en" }).stdout);
  });

  it("a command's --help has its options, headings and defaults in the language", () => {
    golden("check-help.zh-CN.txt", csr(["check", "--help"], { cwd: tempDir(), env: NO_LOCALE, lang: null }).stdout);
    golden("list-help.zh-CN.txt", csr(["list", "--help"], { lang: "zh-CN" }).stdout);
    golden("list-help.en.txt", csr(["list", "--help"], { lang: "en" }).stdout);
  });

  it("takes the language from qms.yaml inside a repository, and --lang over it", () => {
    const en = makeRepo({ "qms.yaml": "language: en   # the team writes English\n" });
    expect(csr(["-C", en, "explain", "nope/nope"], { lang: null }).stderr).toBe("csr: There is no rule 'nope/nope'.\nhint: 'csr explain' lists every rule.\n");
    expect(csr(["-C", en, "--lang", "zh-CN", "explain", "nope/nope"]).stderr).toBe("csr: 没有名为 'nope/nope' 的规则。\n提示：'csr explain' 列出全部规则。\n");
    const zh = makeRepo({ "qms.yaml": "organization: {name: 示例}\n" });
    // In a repository its language decides (zh-CN unless it says otherwise), not the person's locale.
    expect(csr(["-C", zh, "explain", "nope/nope"], { lang: null, env: { LANG: "en_US.UTF-8" } }).stderr).toBe("csr: 没有名为 'nope/nope' 的规则。\n提示：'csr explain' 列出全部规则。\n");
  });

  it("outside a repository follows LC_ALL, LC_MESSAGES or LANG, else Chinese", () => {
    const cwd = tempDir();
    const run = (env: Record<string, string>) => csr(["explain", "nope/nope"], { cwd, lang: null, env: { ...NO_LOCALE, ...env } }).stderr.split("\n")[0];
    expect(run({ LANG: "en_US.UTF-8" })).toBe("csr: There is no rule 'nope/nope'.");
    expect(run({ LANG: "en_US.UTF-8", LC_ALL: "zh_CN.UTF-8" })).toBe("csr: 没有名为 'nope/nope' 的规则。");
    expect(run({ LANG: "zh_CN.UTF-8", LC_MESSAGES: "en_GB.UTF-8" })).toBe("csr: There is no rule 'nope/nope'.");
    expect(run({ LANG: "C.UTF-8" })).toBe("csr: 没有名为 'nope/nope' 的规则。");
    expect(run({})).toBe("csr: 没有名为 'nope/nope' 的规则。");
  });

  it("tells a new user outside any repository what to do, in Chinese", () => {
    const cwd = tempDir();
    expect(csr(["check"], { cwd, env: NO_LOCALE, lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: 在 ${cwd} 及其上级文件夹中都找不到 qms.yaml。\n提示：请在文件仓库中运行 csr，或用 -C <dir> 指定仓库，或用 'csr init' 新建一个。\n`,
    });
  });

  it("reports commander's usage errors in the language", () => {
    const result = csr(["check", "--formt", "json"], { cwd: tempDir(), env: NO_LOCALE, lang: null });
    // The hint names the help of the command that was mistyped, where its options are listed.
    expect(result).toEqual({ code: 2, stdout: "", stderr: "csr: 未知选项 '--formt'（您是否要输入 --format？）；参见 'csr check --help'。\n" });
    const nested = csr(["matrix", "clauses", "--bad"], { cwd: tempDir(), env: NO_LOCALE, lang: null });
    expect(nested).toEqual({ code: 2, stdout: "", stderr: "csr: 未知选项 '--bad'；参见 'csr matrix clauses --help'。\n" });
    const english = csr(["check", "--formt", "json"], { cwd: tempDir(), env: NO_LOCALE });
    expect(english).toEqual({ code: 2, stdout: "", stderr: "csr: unknown option '--formt' (did you mean --format?); see 'csr check --help'.\n" });
    const choice = csr(["--lang", "fr", "explain"], { cwd: tempDir(), env: NO_LOCALE });
    expect(choice).toEqual({ code: 2, stdout: "", stderr: "csr: 选项 '--lang <lang>' 不接受 'fr'；可选值：zh-CN, en；参见 'csr --help'。\n" });
    // Too many arguments: the extra words are named, and a value typed with spaces and no quotes is shown quoted (tester16 F6).
    const unquoted = csr(["add", "--customer", "BYD", "--title", "顾客投诉须在", "24", "小时内提交", "8D", "的", "D3", "围堵措施", "-y"], { cwd: tempDir(), env: NO_LOCALE, lang: null });
    expect(unquoted).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 'add' 的参数过多：应为 0 个，实际 6 个（多出的是：24 小时内提交 8D 的 D3 围堵措施）；值中有空格时，请把整个值放在引号里：--title \"顾客投诉须在 24 小时内提交 8D 的 D3 围堵措施\"；参见 'csr add --help'。\n",
    });
    expect(csr(["add", "--title=Parts in 24 hours"].flatMap((a) => a.split(" ")), { cwd: tempDir(), env: NO_LOCALE }).stderr).toBe(
      "csr: too many arguments for 'add'. Expected 0 arguments but got 3 (the extra ones: in 24 hours); a value with spaces must be quoted whole: --title \"Parts in 24 hours\"; see 'csr add --help'.\n",
    );
    // Words that follow no option's value are only named.
    expect(csr(["show", "QP-001", "QP-002"], { cwd: tempDir(), env: NO_LOCALE }).stderr).toBe(
      "csr: too many arguments for 'show'. Expected 1 argument but got 2 (the extra ones: QP-002); see 'csr show --help'.\n",
    );
    // A mistyped command or list: one line, with the nearest name.
    expect(csr(["chek"], { cwd: tempDir(), env: NO_LOCALE, lang: null }).stderr).toBe("csr: 未知命令 'chek'（您是否要输入 check？）；参见 'csr --help'。\n");
    expect(csr(["list", "procdures"], { cwd: tempDir(), env: NO_LOCALE }).stderr).toBe(
      "csr: Unknown list 'procdures' (did you mean procedures?); choose csr, procedures, documents, forms, external, obsolete, symbols, reviews, distribution, training, training-plan, periodic-reviews, edition-review, people, management-review, processes, audits, audit-programme, audit-plan, disposals, actions, suppliers, flow-down, customers, skills, tooling, error-proofing, gauges, first-articles, key-parts, objectives, management-review-outputs, supervision, register-editions.\n",
    );
  });
});

describe("csr check in both languages", () => {
  const repo = copyFixture("test/fixtures/ci/findings");
  const run = (lang: "zh-CN" | "en", format = "text") => csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30", "--format", format], { lang });

  it("prints the findings and the summary in the language", () => {
    const zh = run("zh-CN");
    expect(zh.code).toBe(1);
    golden("check.zh-CN.txt", zh.stdout);
    golden("check.en.txt", run("en").stdout);
  });

  it("keeps rule ids, positions, severities and field names of the machine formats; only messages and links follow the language", () => {
    const parse = (lang: "zh-CN" | "en") => JSON.parse(run(lang, "json").stdout) as { summary: unknown; findings: JsonFinding[] };
    const zh = parse("zh-CN");
    const en = parse("en");
    const stable = (r: typeof zh) => ({ summary: r.summary, findings: r.findings.map(({ message: _m, docs: _d, ...rest }) => rest) });
    expect(stable(zh)).toEqual(stable(en));
    expect(zh.findings.map((f) => Object.keys(f))).toEqual(en.findings.map((f) => Object.keys(f)));
    const unresolved = (r: typeof zh) => r.findings.find((f) => f.rule === "ref/unresolved")!;
    expect(unresolved(zh).message).toBe("未知的文件 'QR-999'。请用 'csr new form --number QR-999 --title … --department …' 新建该文件，或更正编号（'csr set QP-001 --remove-form QR-999 --add-form <编号>'）。");
    expect(unresolved(en).message).toBe("Unknown document 'QR-999'. Create it with 'csr new form --number QR-999 --title … --department …', or correct the number ('csr set QP-001 --remove-form QR-999 --add-form <number>').");
    expect(unresolved(zh).docs).toBe("https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#refunresolved");
    expect(run("zh-CN", "github").stdout.split("\n").at(-2)).toBe("csr: 4 个文件中有 3 个错误、1 个警告（共检查 7 个文件）。");
  });
});

describe("problems found while reading files, in both languages", () => {
  const findings = join(FIXTURES, "ci", "findings");
  const base = (name: string) => readFileSync(join(findings, name), "utf8");
  const repo = makeRepo({
    "qms.yaml": base("qms.yaml"),
    "people.yaml": base("people.yaml"),
    "processes.yaml": base("processes.yaml"),
    // An unclosed quote: the YAML cannot be read at all.
    "documents/QP-001.yaml": 'id: QP-001\ntitle: "文件控制程序\nlevel: 2\n',
    // Readable YAML that breaks the document schema four ways: a missing field, a misspelt one, a
    // status in Chinese and a number with a zero-width space pasted from Word.
    "documents/QP-002.yaml": base("documents/QP-001.yaml")
      .replace("id: QP-001", "id: QP-002")
      .replace("title: 文件控制程序", "titel: 记录控制程序")
      .replace("status: released", "status: 已发布")
      .replace(/^forms: .*$/m, "related: [QP-001\u200b]"),
  });
  const run = (lang: "zh-CN" | "en") => csr(["-C", repo, "check", "--no-cache", "--today", "2026-06-30"], { lang });

  it("says what is wrong with the syntax and the schema, and how to fix it", () => {
    const zh = run("zh-CN");
    expect(zh.code).toBe(1);
    golden("check-load.zh-CN.txt", zh.stdout);
    golden("check-load.en.txt", run("en").stdout);
  });
});

describe("csr explain in both languages", () => {
  it("prints the rule's section of docs/rules.zh-CN.md in Chinese", () => {
    const docs = readFileSync(join(ROOT, "docs", "rules.zh-CN.md"), "utf8");
    const start = docs.indexOf("### doc/self-approval");
    const section = docs.slice(start, docs.indexOf("\n### ", start)).trimEnd();
    expect(section).toContain("默认级别：error。现行版本由编制人本人审核、批准、会签、标准化审查或以军代表身份签字，或其中两项签字出自同一人。");
    expect(csr(["explain", "doc/self-approval"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout: `${section}\n\n在线文档：https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#docself-approval\n`,
      stderr: "",
    });
  });
});
