import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { initRepository } from "../../src/commands/init/index.js";
import { parse } from "yaml";
import { csr, csrInProcess, git, gitInit, makeRepo, ROOT, tempDir } from "../helpers.js";

const BASE_FILES = [
  "qms.yaml",
  "people.yaml",
  "customers/.gitkeep",
  "csr/.gitkeep",
  "documents/.gitkeep",
  ".gitattributes",
  ".gitignore",
  ".vscode/settings.json",
  ".vscode/extensions.json",
  ".github/workflows/csr.yml",
  ".github/workflows/csr-site.yml",
  ".gitea/workflows/csr.yml",
  ".gitea/workflows/csr-site.yml",
  ".gitlab-ci.yml",
  "hooks/pre-commit",
];

describe("csr init", () => {
  it("creates a repository in an empty folder, runs git init, and the result checks clean", async () => {
    const dir = join(tempDir(), "质量体系");
    const result = csr(["init", dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `Created a document repository in ${dir} (and ran git init):`,
        ...BASE_FILES.map((f) => `  ${f}`),
        "",
        "Note: the site (csr site) holds customers' CSRs and the company's confidential information, and the CI files do not publish it by default; restrict access to the site to project members before setting the CI variable CSR_PUBLISH_SITE=true (see the comments in .gitlab-ci.yml and csr-site.yml).",
        "",
        "Next steps:",
        "  1. Set up the organisation with commands (csr <command> --help for the options):",
        "       csr organisation update --name <full name>",
        "       csr department add <CODE> --name <name>",
        "       csr numbering add <pattern> --kind <kind>",
        "       csr calendar holiday --from <date> --to <date> --name <name>",
        "       csr person add <id> --name <name> --department <CODE> --roles <roles>",
        "       csr person remove zhangsan lisi wangwu zhaoliu  # once the real people are added, remove the placeholder people csr init wrote",
        "  2. Install csr in this repository, so that CI's 'npm ci' runs the version you tested with and the editor gets",
        "     its schemas (qms-csr is not on the npm registry; README, 'Installing csr'), from your csr repository:",
        "       npm install --save-dev git+https://<git server>/<path of the csr repository>.git",
        "     or as a tarball made by 'npm pack' in a csr checkout and committed here:",
        "       npm install --save-dev ./qms-csr-0.1.0.tgz",
        "  3. git config core.hooksPath hooks  # check what is committed, before every commit",
        "     (this clone merges CSR files opinion by opinion; other clones run 'csr merge-driver --install')",
        "  4. csr check",
        "",
      ].join("\n"),
    );
    for (const file of BASE_FILES) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(git(dir, ["rev-parse", "--is-inside-work-tree"]).trim()).toBe("true");
    expect(statSync(join(dir, "hooks/pre-commit")).mode & 0o111).toBe(0o111);
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toContain("*.yaml text eol=lf");
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toContain("\ncsr/**/*.yaml merge=csr\ndocuments/**/*.yaml merge=csr\n");
    // The repository's own csr when it has one (test/control/merge-driver.test.ts runs the fallback).
    expect(git(dir, ["config", "merge.csr.driver"])).toMatch(
      /^if \[ -x "node_modules\/\.bin\/csr" \]; then exec "node_modules\/\.bin\/csr" merge-driver %O %A %B %P; else exec ".+" ".+\/bin\/csr\.js" merge-driver %O %A %B %P; fi\n$/,
    );
    expect(git(dir, ["config", "merge.csr.name"])).toBe("csr: CSR files merged opinion by opinion, documents record by record\n");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules/\nout/\n");
    const settings = JSON.parse(readFileSync(join(dir, ".vscode/settings.json"), "utf8"));
    expect(settings["yaml.schemas"]["./node_modules/qms-csr/schemas/csr.schema.json"]).toEqual(["csr/**/*.yaml"]);
    expect(settings["yaml.schemas"]["./node_modules/qms-csr/schemas/supplier.schema.json"]).toEqual(["suppliers/*.yaml"]);
    expect(settings["yaml.schemas"]["./node_modules/qms-csr/schemas/tooling.schema.json"]).toEqual(["tooling.yaml"]);
    expect(settings["yaml.schemas"]["./node_modules/qms-csr/schemas/first-articles.schema.json"]).toEqual(["first-articles.yaml"]);
    expect(settings["yaml.schemas"]["./node_modules/qms-csr/schemas/objectives.schema.json"]).toEqual(["objectives.yaml"]);
    expect(settings["yaml.schemas"]["./node_modules/qms-csr/schemas/register-editions.schema.json"]).toEqual(["register-editions.yaml"]);
    expect(settings["yaml.schemas"]["./node_modules/qms-csr/schemas/management-reviews.schema.json"]).toEqual(["management-reviews.yaml"]);
    expect(Object.keys(settings["yaml.schemas"])).toHaveLength(15);
    const workflow = parse(readFileSync(join(dir, ".github/workflows/csr.yml"), "utf8"));
    // Pull requests, and the default branch at every push and every working day (tester69 T1).
    expect(workflow.on).toEqual({ pull_request: null, push: null, schedule: [{ cron: "0 1 * * 1-5" }] });
    expect(workflow.jobs.check.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.check.steps[0]).toEqual({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(workflow.jobs.check.steps.at(-1)).toEqual({
      name: "csr check",
      env: { BASE_REF: "${{ github.base_ref }}" },
      run: 'npx --no -- csr check --base "origin/$BASE_REF" --added-only --format github',
    });
    expect(workflow.jobs.check.steps[1]).toEqual({ uses: "actions/setup-node@v4", with: { "node-version": 22, cache: "npm" } });
    // The whole repository on the default branch: what --added-only leaves out (an overdue review on main) fails here.
    const defaultBranch = workflow.jobs["check-default-branch"];
    expect(defaultBranch.if).toBe("github.event_name == 'schedule' || (github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch))");
    expect(defaultBranch.steps.map((s: { uses?: string; run?: string }) => s.uses ?? s.run)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "npm ci", "npx --no -- csr check --format github"]);
    expect(defaultBranch.steps[0].with).toEqual({ "fetch-depth": 0 });
    // Gitea reads .gitea/workflows only, once it exists: the pull-request check is there too.
    const giteaCheck = parse(readFileSync(join(dir, ".gitea/workflows/csr.yml"), "utf8"));
    expect(giteaCheck.on).toEqual(workflow.on);
    expect(giteaCheck.jobs.check.steps.map((s: { uses?: string; run?: string }) => s.uses ?? s.run)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "npm ci",
      'npx --no -- csr check --base "origin/$BASE_REF" --added-only',
    ]);
    expect(giteaCheck.jobs["check-default-branch"].if).toBe(defaultBranch.if);
    expect(giteaCheck.jobs["check-default-branch"].steps.at(-1).run).toBe("npx --no -- csr check");
    // setup-node's npm cache, which Gitea's runner keeps too (tester69 T8).
    expect(giteaCheck.jobs.check.steps[1].with).toEqual({ "node-version": 22, cache: "npm" });
    expect(giteaCheck.jobs.check.steps[0].with).toEqual({ "fetch-depth": 0 });
    const gitlab = parse(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8"));
    expect(gitlab["csr-check"].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    // One check: the log, the test report and Code Quality on the changed lines (tester69 T2).
    expect(gitlab["csr-check"].script).toEqual([
      "npm ci --cache .npm --prefer-offline",
      'git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"',
      'npx --no -- csr check --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --added-only --format text --format junit=csr-junit.xml --format gitlab=gl-code-quality-report.json',
    ]);
    expect(gitlab["csr-check"].artifacts).toEqual({ when: "always", reports: { junit: "csr-junit.xml", codequality: "gl-code-quality-report.json" } });
    // npm's downloads kept between pipelines (tester69 T8).
    for (const job of ["csr-check", "csr-check-default-branch", "pages"]) expect(gitlab[job].cache, job).toEqual({ key: { files: ["package-lock.json"] }, paths: [".npm/"] });
    // The default branch's whole check, at every push and in pipeline schedules (tester69 T1).
    expect(gitlab["csr-check-default-branch"].rules).toEqual([{ if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" }]);
    expect(gitlab["csr-check-default-branch"].script.at(-1)).toBe("npx --no -- csr check --format text --format junit=csr-junit.xml --format gitlab=gl-code-quality-report.json");
    expect(gitlab["csr-check-default-branch"].artifacts).toEqual(gitlab["csr-check"].artifacts);
    expect([gitlab["csr-check"].image, gitlab.pages.image]).toEqual(["node:22", "node:22"]);
    // The website holds customers' confidential CSRs: a job named pages is GitLab Pages by itself, so it runs only once
    // CSR_PUBLISH_SITE is set, and then from the default branch only; the check job runs on every merge request as before.
    expect(gitlab.pages.rules).toEqual([{ if: '$CSR_PUBLISH_SITE == "true" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    // A site whose data file could not be read (exit 1) is still published, its findings page naming the file; the check fails (tester69 T4).
    expect(gitlab.pages.script).toEqual(["npm ci --cache .npm --prefer-offline", 'npx --no -- csr site --out public --base-url "$CI_PAGES_URL/" || [ $? -eq 1 ]']);
    const exitWith = (code: number, run: string) => spawnSync("sh", ["-c", `npx() { return ${code}; }; ${run}`]).status;
    expect([0, 1, 2].map((code) => exitWith(code, gitlab.pages.script[1]))).toEqual([0, 0, 1]);
    expect(gitlab.pages.artifacts).toEqual({ paths: ["public"] });
    const site = parse(readFileSync(join(dir, ".github/workflows/csr-site.yml"), "utf8"));
    expect(site.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    // Deadlines move on without a push: every working day too (tester25 F7).
    expect(site.on.schedule).toEqual([{ cron: "0 1 * * 1-5" }]);
    // A scheduled run is on the default branch, and its event may have no repository (older Gitea): not compared with it (tester48 #1).
    expect(site.jobs.site.if).toBe("vars.CSR_PUBLISH_SITE == 'true' && (github.event_name == 'schedule' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch))");
    // A push to another branch does not cancel the default branch's deploy, nor does a newer push stop one under way (tester48 #10).
    expect(site.concurrency).toEqual({ group: "pages-${{ github.ref }}", "cancel-in-progress": false });
    expect(site.jobs.site.steps.map((s: { uses?: string; run?: string }) => s.uses ?? s.run)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "npm ci",
      "actions/configure-pages@v5",
      'npx --no -- csr site --out _site --base-url "$BASE_URL/" || [ $? -eq 1 ]',
      "actions/upload-pages-artifact@v3",
      "actions/deploy-pages@v4",
    ]);
    const gitea = parse(readFileSync(join(dir, ".gitea/workflows/csr-site.yml"), "utf8"));
    expect(gitea.jobs.site.if).toBe(site.jobs.site.if);
    expect([gitea.on.schedule, gitea.permissions]).toEqual([[{ cron: "0 1 * * 1-5" }], { contents: "write" }]);
    // csr counts deadlines by the date of the company's time zone, not the runner's UTC: every csr step runs with TZ set.
    for (const file of [workflow, giteaCheck, site, gitea]) expect(file.env).toEqual({ TZ: "Asia/Shanghai" });
    expect(gitlab.variables).toEqual({ TZ: "Asia/Shanghai" });
    // No CI file can run another package than the one npm ci installed (a plain npx csr fetches the npm package csr).
    for (const file of [".github/workflows/csr.yml", ".github/workflows/csr-site.yml", ".gitea/workflows/csr.yml", ".gitea/workflows/csr-site.yml", ".gitlab-ci.yml"]) {
      expect(readFileSync(join(dir, file), "utf8").match(/npx [^\n]*/g), file).toEqual(expect.arrayContaining([expect.stringMatching(/^npx --no -- csr /)]));
      expect(readFileSync(join(dir, file), "utf8").match(/npx (?!--no -- csr )/g), file).toBeNull();
    }
    expect(gitea.jobs.site.steps.map((s: { uses?: string; run?: string }) => s.uses ?? s.run?.split("\n")[0])).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "npm ci",
      'npx --no -- csr site --out site ${CSR_SITE_URL:+--base-url "$CSR_SITE_URL"} || [ $? -eq 1 ]',
      "actions/upload-artifact@v3",
      "cd site",
    ]);
    // Gitea has no Pages address: the repository variable CSR_SITE_URL is the site's --base-url, and none when unset (tester59 G5).
    const siteStep = gitea.jobs.site.steps[3];
    expect(siteStep.env).toEqual({ CSR_SITE_URL: "${{ vars.CSR_SITE_URL }}" });
    const argsWith = (url: string) =>
      execFileSync("sh", ["-c", `npx() { printf '%s|' "$@"; }; ${siteStep.run}`], { env: { ...process.env, CSR_SITE_URL: url }, encoding: "utf8" });
    expect([0, 1, 2].map((code) => exitWith(code, siteStep.run))).toEqual([0, 0, 1]);
    expect(argsWith("")).toBe("--no|--|csr|site|--out|site|");
    expect(argsWith("http://qms.example.local/质量体系/")).toBe("--no|--|csr|site|--out|site|--base-url|http://qms.example.local/质量体系/|");
    // The repository's csr, else one on the PATH, else one line on how to install it (test/ci/hook.test.ts runs it).
    expect(readFileSync(join(dir, "hooks/pre-commit"), "utf8").split("\n").slice(3)).toEqual([
      "csr=node_modules/.bin/csr",
      `[ -x "$csr" ] || csr=$(command -v csr) || { printf '%s\\n' 'csr: csr is not installed in this repository, so this commit cannot be checked: install it (npm install --save-dev ./qms-csr-<version>.tgz, or npm install --save-dev git+https://<git server>/<path of the csr repository>.git; see "Installing csr" in the README of csr), then commit again.' >&2; exit 1; }`,
      'if git rev-parse -q --verify HEAD >/dev/null; then exec "$csr" check --staged --base HEAD; fi',
      'exec "$csr" check --staged',
      "",
    ]);
    // A new repository has no errors; until its processes and documents name clauses, it may have coverage warnings.
    // On a day of a year whose public holidays csr ships (else calendar/year-missing says that today's year has none): csr init writes no date.
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-12-01", "--format", "json"]);
    expect(check).toMatchObject({ code: 0, stderr: "csr: errors: 0, warnings: 1, in files: 1 (files checked: 2).\n" });
    expect(JSON.parse(check.stdout).summary).toEqual({ errors: 0, warnings: 1, files: 2 });
    // An empty repository covers no clause yet: one summary finding per standard, not one per clause.
    expect(JSON.parse(check.stdout).findings.map((f: { rule: string; message: string }) => `${f.rule} ${f.message}`)).toEqual([
      "coverage/clause-uncovered None of the 195 applicable clauses of IATF16949 is addressed yet by a process or a released document. List the clauses each process (processes.yaml) and released document meets under 'clauses'; 'csr matrix clauses --standard IATF16949' shows what is covered.",
    ]);
  });

  it("writes the comments of qms.yaml, people.yaml and the example in the language of the run", async () => {
    const comments = (dir: string, file: string) => readFileSync(join(dir, file), "utf8").split("\n").filter((l) => l.includes("# "));
    const zh = tempDir();
    expect((await csrInProcess(["init", "--example"], { cwd: zh, lang: "zh-CN" })).code).toBe(0);
    expect(comments(zh, "qms.yaml")).toEqual([
      "# 质量管理体系配置（各项说明见 'csr schema qms'）",
      "  name: 某某汽车零部件有限公司 # 贵公司全称（中文，与营业执照一致），印在中文的受控文件和登记表上",
      "  name_en: Example Auto Parts Co., Ltd. # 贵公司英文名称，印在英文（--lang en）的文件和登记表上",
      "# 示例中的过程只列到章（4 … 10），所以约定上级条款覆盖其下级条款；正式体系中请逐条对应后删除此项。",
      "# delegates（按需加在部门下，如 delegates: [lisi]）：可代本部门会签顾客特定要求评审意见的其他部门人员（people.yaml 中的人员编号）。会签应由各部门自己给出意见，只在确需代签时设置。",
      "# 文件编号规则：'#' 代表一位数字，可并存多个编号体系（用 csr numbering add 增加）。",
      '    pattern: "*" # 外来文件沿用发布方的编号（GJB 9001C-2017、GB/T 19001-2016）；本公司另行编号时改为如 WB-###',
      "# 工作日历：顾客特定要求须在接收后 10 个工作日内评审（IATF 16949 7.5.3.2.2）。",
      "# 法定节假日和调休上班日取自 csr 随附的国务院办公厅放假通知（base: CN，2020 年起每年一条）；",
      "# 这里只写本公司另外的休息日（holidays）和上班日（workdays），例如 { from: 2026-08-03, to: 2026-08-07, name: 停产检修 }。",
      "# csr 尚未随附的年份：该年的放假通知发布后，存为文件并运行 'csr calendar notice <文件>'，写入 years（见 README“下一年的放假通知发布后”）。",
      "# 登记表和矩阵（csr list / csr matrix / csr export）的表下签字栏；各登记表自己的表单编号写在 forms 下，",
      "# 例如受控文件清单用本公司的表单 QR-001-03：csr organisation update --register-form documents=QR-001-03（打印时附该表单的现行版本）。",
    ]);
    // Registers are signed in the language of the run.
    expect(readFileSync(join(zh, "qms.yaml"), "utf8")).toContain("\nregisters:\n  signatures: [编制, 审核, 批准]\n");
    expect(comments(zh, "people.yaml")).toEqual([
      "# 人员：文件的编制、审核、批准人员和文控人员（各项说明见 'csr schema people'）",
      "# 张三、李四等是 csr init 写入的示例人员：用 csr person add 添加真实人员后，用 csr person remove <id> 删除他们。",
    ]);
    expect(comments(zh, "processes.yaml")).toEqual(["# 过程清单：每个过程列出它覆盖的条款（列出一章即覆盖其下所有条款）"]);
    expect(comments(zh, ".gitattributes")).toEqual(["# YAML 文件一律使用 LF 换行，无论同事使用哪种编辑器。", "# 在并行分支上工作：CSR 文件按会签意见逐条合并，文件按记录逐条合并（发放、回收、培训、会签）（csr merge-driver）。"]);
    expect(comments(zh, "hooks/pre-commit")).toEqual(["# 每次提交前检查要提交的内容（暂存区中的文件，而不是工作区）。", "# 每个克隆只需启用一次：git config core.hooksPath hooks"]);
    expect(comments(zh, ".github/workflows/csr.yml")).toEqual([
      "# 用 csr 检查每个拉取请求（本分支新增的问题），并检查默认分支上的整个仓库；发现的问题以注释显示在",
      "# 更改的文件上，全部问题列在运行的摘要页上。",
      "  schedule: # 每个工作日也检查一次（UTC 01:00），没有推送时到期的期限也会报告",
      "  TZ: Asia/Shanghai # csr 按这个时区的日期计算“今天”和各项期限（运行器的时钟是 UTC）；公司在其他时区时改成当地时区，例如 Europe/Berlin",
      "          fetch-depth: 0 # --base 需要基准分支",
      "  # 默认分支上的整个仓库，每次推送和每个工作日检查：拉取请求的检查不报告的问题（目标分支本身已有的，如仅因日期而逾期的评审）在这里报告，问题改正前此作业失败",
      "          fetch-depth: 0 # 需要发布标签：已发布文件未升版就被修改，要与其标签比较才能发现",
    ]);
    const confidential = [
      "# 注意：网站包含整个质量体系——顾客的 CSR（通常受保密协议约束）、标为保密的文件、人员信息，属于顾客和",
      "# 本公司的保密信息。启用前必须把网站的访问限制为项目成员（或只在内部网络上发布）。",
    ];
    const npmCache = "  cache: # npm 下载的包，package-lock.json 不变时在各次流水线之间保留";
    expect(comments(zh, ".gitlab-ci.yml")).toEqual([
      "# 用 csr 检查每个合并请求；发现的问题显示在作业日志、合并请求的测试报告中，并通过代码质量报告",
      "# 显示在更改的行上。",
      "  TZ: Asia/Shanghai # csr 按这个时区的日期计算“今天”和各项期限（运行器的时钟是 UTC）；公司在其他时区时改成当地时区，例如 Europe/Berlin",
      npmCache,
      "# 默认分支上的整个仓库，每次推送和流水线计划时检查（在 Build > Pipeline schedules 中为默认分支添加一个计划，",
      "# 如 0 9 * * 1-5，没有推送时到期的期限也会报告）：合并请求的检查不报告的问题，如仅因日期而逾期的评审，",
      "# 在这里报告，问题改正前此作业失败。",
      "    GIT_DEPTH: 0 # 需要发布标签：已发布文件未升版就被修改，要与其标签比较才能发现",
      npmCache,
      "# 把质量体系发布为网站（csr site），用 GitLab Pages。默认不发布：只有 CI/CD 变量 CSR_PUBLISH_SITE",
      "# 为 true 时，才在默认分支上运行。",
      ...confidential,
      "# 启用：先在 Settings > General > Visibility 中把 Pages 设为 Only Project Members，",
      "# 再在 Settings > CI/CD > Variables 中添加变量 CSR_PUBLISH_SITE，值为 true。",
      "    GIT_DEPTH: 0 # 网站列出更改过每份文件的提交",
      npmCache,
      '    - npx --no -- csr site --out public --base-url "$CI_PAGES_URL/" || [ $? -eq 1 ] # 退出码 1：有数据文件无法读取；网站照常发布，其问题页列出该文件，默认分支的检查会失败',
    ]);
    expect(comments(zh, ".github/workflows/csr-site.yml").slice(0, 7)).toEqual([
      "# 把质量体系发布为网站（csr site），用 GitHub Pages。默认不发布：只有仓库变量 CSR_PUBLISH_SITE",
      "# 为 true 时，才在默认分支上运行。",
      ...confidential,
      "# 启用：GitHub Pages 只有私有站点（Settings > Pages > Visibility: Private，GitHub Enterprise Cloud）才限制访问，",
      "# 其他情况下任何知道网址的人都能读取。限制后设置 Settings > Pages > Build and deployment > Source: GitHub Actions，",
      "# 再在 Settings > Secrets and variables > Actions > Variables 中添加变量 CSR_PUBLISH_SITE，值为 true。",
    ]);
    expect(comments(zh, ".gitea/workflows/csr-site.yml").slice(0, 6)).toEqual([
      "# 生成质量体系网站（csr site），保存为构件，并推送到 pages 分支，由发布该分支的静态服务器提供访问。",
      "# 默认不发布：只有仓库变量 CSR_PUBLISH_SITE 为 true 时，才在默认分支上运行。",
      ...confidential,
      "# 启用：先确认发布 pages 分支的服务器只允许项目成员访问，再在仓库的 设置 > Actions > 变量 中",
      "# 添加变量 CSR_PUBLISH_SITE，值为 true。",
    ]);
    // An air-gapped Gitea: both Gitea workflows say where the actions and npm packages come from instead (tester59 G4).
    for (const file of [".gitea/workflows/csr.yml", ".gitea/workflows/csr-site.yml"])
      expect(comments(zh, file).filter((line) => line.includes("DEFAULT_ACTIONS_URL") || line.includes("Gitea without Internet access")), file).toEqual([
        "# 服务器不能访问外网时：管理员在 app.ini 的 [actions] 中设 DEFAULT_ACTIONS_URL = self，并把下面 uses: 的",
        "# 各个 action 镜像到本服务器的 actions 组织；npm ci 用内网的 npm 镜像（.npmrc）；见 csr 的 README「Gitea without Internet access」。",
      ]);
    // The repository speaks the language it was made in.
    expect(readFileSync(join(zh, "qms.yaml"), "utf8")).toContain("\nlanguage: zh-CN\n");
    // Its editor shows the schemas' titles and descriptions in Chinese (the build's copies).
    const zhSchemas = Object.keys(JSON.parse(readFileSync(join(zh, ".vscode/settings.json"), "utf8"))["yaml.schemas"]);
    expect(zhSchemas).toContain("./node_modules/qms-csr/dist/schemas/zh-CN/csr.schema.json");
    expect(zhSchemas.filter((path) => !existsSync(join(ROOT, path.replace("./node_modules/qms-csr/", ""))))).toEqual([]);
    const en = tempDir();
    expect((await csrInProcess(["init", "--example"], { cwd: en })).code).toBe(0);
    expect(comments(en, "qms.yaml")).toEqual([
      "# Quality management system configuration (see 'csr schema qms')",
      "  name: 某某汽车零部件有限公司 # your company's full registered name in Chinese, printed on Chinese documents and registers",
      "  name_en: Example Auto Parts Co., Ltd. # your company's name in English, printed on English documents and registers (--lang en)",
      "# The example's processes name whole chapters (4 … 10), so a clause counts as covering its sub-clauses; in a real system map each clause, then remove this.",
      "# delegates (add under a department when needed, e.g. delegates: [lisi]): people of other departments who may give this department's opinion in a CSR review (ids in people.yaml). Each department should give its own opinion; set delegates only where one really must sign for another.",
      "# Document numbering: '#' stands for one digit; several numbering families may coexist (add one with csr numbering add).",
      '    pattern: "*" # external documents keep their publisher\'s numbers (GJB 9001C-2017, GB/T 19001-2016); write e.g. WB-### if you number them yourselves',
      "# Working calendar: customer-specific requirements are reviewed within 10 working days of receipt (IATF 16949 7.5.3.2.2).",
      "# Public holidays and make-up working days come from the State Council's holiday notices that come with csr (base: CN, one a year since 2020);",
      "# list here only your company's own days off (holidays) and extra working days (workdays), e.g. { from: 2026-08-03, to: 2026-08-07, name: 停产检修 }.",
      "# A year csr does not ship yet: once its holiday notice is published, save its text to a file and run 'csr calendar notice <file>' to write it under years (README: \"When the next year's holiday notice is published\").",
      "# Signature lines under every register and matrix (csr list / csr matrix / csr export); each register's own form number goes under forms,",
      "# e.g. the controlled document list on your form QR-001-03: csr organisation update --register-form documents=QR-001-03 (printed with that form's current version).",
    ]);
    expect(readFileSync(join(en, "qms.yaml"), "utf8")).toContain("\nregisters:\n  signatures: [Prepared, Reviewed, Approved]\n");
    expect(comments(en, "people.yaml")).toEqual([
      "# People: who prepares, reviews and approves documents, and the document controller (see 'csr schema people')",
      "# 张三, 李四 and the others are placeholder people written by csr init: add the real ones with csr person add, then remove these with csr person remove <id>.",
    ]);
    // English registers and pages name the example's people in English, with English job titles.
    expect(readFileSync(join(en, "people.yaml"), "utf8")).toContain("  - id: zhangsan\n    name: 张三\n    name_en: Zhang San\n    department: QA\n    title: Document controller\n");
    expect(readFileSync(join(zh, "people.yaml"), "utf8")).toContain("  - id: zhangsan\n    name: 张三\n    name_en: Zhang San\n    department: QA\n    title: 文控专员\n");
    expect(comments(en, ".gitattributes")).toEqual(["# YAML files always have LF line ends, whatever editor a colleague uses.", "# Work on parallel branches: CSR files are merged opinion by opinion, documents record by record (copies issued, recalls, training, countersigning) (csr merge-driver)."]);
    expect(comments(en, "hooks/pre-commit")).toEqual([
      "# Checks what is being committed (the staged files, not the working tree) before each commit.",
      "# Enable it once per clone:  git config core.hooksPath hooks",
    ]);
    expect(comments(en, ".github/workflows/csr.yml")).toEqual([
      "# Checks every pull request with csr (what the branch adds), and the whole repository on the default branch;",
      "# findings appear as annotations on the changed files, and all of them on the run's summary page.",
      "  schedule: # every working day too, so that a deadline passed without a push is reported (01:00 UTC)",
      "  TZ: Asia/Shanghai # the time zone whose date csr counts deadlines by (the runner's clock is UTC): change it for a company elsewhere, e.g. Europe/Berlin",
      "          fetch-depth: 0 # the base branch is needed for --base",
      "  # the whole repository on the default branch, at every push and every working day: what a pull request's check leaves out (the target's own findings, such as a review overdue by the date alone); it fails until they are fixed",
      "          fetch-depth: 0 # the release tags: a released document edited without a new revision is found against its tag",
    ]);
    expect(readFileSync(join(en, "qms.yaml"), "utf8")).toContain("\nlanguage: en\n");
  });

  it("--standard GJB9001C starts a military supplier's repository: its departments, 研发部 in the review, the 军代表室, GJB signatures and 密级", async () => {
    const dir = tempDir();
    const init = await csrInProcess(["init", "--standard", "GJB9001C"], { cwd: dir, lang: "zh-CN" });
    expect(init.code).toBe(0);
    // The placeholder people are named for removal, 孙七 of 研发部 and 周八 the 军代表 among them.
    expect(init.stdout).toContain("\n       csr person remove zhangsan lisi wangwu zhaoliu sunqi zhouba  # 添加真实人员后，删除 csr init 写入的示例人员\n");
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    expect(qms).toContain("\n  name: 某某电子技术有限公司 # 贵公司全称（中文，与营业执照一致），印在中文的受控文件和登记表上\n");
    expect(qms).toContain("\nstandards: [GJB9001C]\n");
    expect(qms).toContain("\n# 工作日历：顾客要求在接收后 10 个工作日内评审（期限由本公司规定，见 csr.review_days；产品和服务要求的评审）。\n");
    expect(qms).not.toContain("IATF");
    const config = parse(qms);
    expect(config.departments.map((d: { code: string; name: string }) => `${d.code} ${d.name}`)).toEqual(["MKT 市场部", "QA 质量部", "RD 研发部", "PRD 生产部", "PUR 采购部", "GEN 综合管理部"]);
    expect(config.csr.reviewers).toEqual(["QA", "MKT", "RD", "PRD"]);
    expect(config.external_parties).toEqual([{ code: "MRO", name: "军代表室", name_en: "Military Representative Office", kind: "military-representative" }]);
    expect(config.numbering.at(-1)).toEqual({ kind: "external", pattern: "*" });
    expect(qms).toContain(
      [
        "# 手册和程序文件（一、二级）的签字栏和密级：会签、标准化审查、军代表签字各占一格，发布时必须给出（csr release --countersigned … --standardization … --military-representative …）。",
        "document_layouts:",
        "  - levels: [1, 2]",
        "    signatures: [prepared, reviewed, countersigned, standardization, approved, military_representative]",
        "    classification: 内部 # 密级：按本公司保密制度填写（内部、秘密……）",
        "",
      ].join("\n"),
    );
    const people = parse(readFileSync(join(dir, "people.yaml"), "utf8")).people;
    expect(people.map((p: { id: string; department: string; roles: string[] }) => `${p.id} ${p.department} ${p.roles.join(",")}`)).toEqual([
      "zhangsan QA document-controller,author,reviewer",
      "lisi QA reviewer,approver",
      "wangwu MKT reviewer",
      "zhaoliu PRD reviewer",
      "sunqi RD author,reviewer,standardization",
      "zhouba MRO ",
    ]);
    const check = await csrInProcess(["check"], { cwd: dir, lang: "zh-CN" });
    expect(check.stdout).toContain("GJB9001C 的 92 个适用条款尚无一个由过程或已发布的文件落实。");
    // The starting people can sign a GJB release, the 标准化审查 the layout prints included.
    gitInit(dir);
    expect((await csrInProcess(["-C", dir, "new", "procedure", "--title", "文件控制程序", "--department", "QA", "-y"], { lang: null })).code).toBe(0);
    const procedure = join(dir, "documents", "QP-001.yaml");
    writeFileSync(procedure, readFileSync(procedure, "utf8").replace(/^( {2}- title: .*)$/gm, "$1\n    text: 无。"));
    const signers = ["--prepared", "zhangsan", "--reviewed", "wangwu", "--approved", "lisi", "--countersigned", "zhaoliu", "--standardization", "sunqi", "--military-representative", "zhouba"];
    const release = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "首次发布", ...signers, "--date", "2026-11-27"], { lang: null });
    expect([release.code, release.stderr]).toEqual([0, ""]);
    const outside = tempDir();
    const example = await csrInProcess(["init", "x", "--standard", "GJB9001C", "--example"], { cwd: outside, lang: "zh-CN" });
    expect([example.code, example.stderr]).toEqual([2, "csr: 示例内容按 IATF 16949 的条款编写，不能用于 GJB9001C 仓库。请去掉 --example，或不加 --standard 运行。\n"]);
    expect(existsSync(join(outside, "x"))).toBe(false);
  });

  it("--standard IATF16949,GJB9001C sets up a company certified to both: the union of their departments, reviewers, the 军代表室 and the GJB layout (tester76 M3)", async () => {
    const dir = tempDir();
    const init = await csrInProcess(["init", "dual", "--standard", "IATF16949,GJB9001C"], { cwd: dir, lang: "zh-CN" });
    expect([init.code, init.stderr]).toEqual([0, ""]);
    expect(init.stdout).toContain("\n       csr person remove zhangsan lisi wangwu zhaoliu sunqi zhouba  # 添加真实人员后，删除 csr init 写入的示例人员\n");
    const qms = readFileSync(join(dir, "dual", "qms.yaml"), "utf8");
    // The first standard names the placeholder organisation and QA (品质部); IATF 16949's 10 working days are cited.
    expect(qms).toContain("\n  name: 某某汽车零部件有限公司 # 贵公司全称（中文，与营业执照一致），印在中文的受控文件和登记表上\n");
    expect(qms).toContain("\n# 工作日历：顾客特定要求须在接收后 10 个工作日内评审（IATF 16949 7.5.3.2.2）。\n");
    const config = parse(qms);
    expect(config.standards).toEqual(["IATF16949", "GJB9001C"]);
    expect(config.departments.map((d: { code: string; name: string }) => `${d.code} ${d.name}`)).toEqual(["MKT 市场部", "QA 品质部", "PRD 生产部", "RD 研发部", "PUR 采购部", "HR 行政人事部", "GEN 综合管理部"]);
    expect(config.csr.reviewers).toEqual(["QA", "MKT", "PRD", "RD"]);
    expect(config.external_parties).toEqual([{ code: "MRO", name: "军代表室", name_en: "Military Representative Office", kind: "military-representative" }]);
    expect(config.document_layouts).toEqual([{ levels: [1, 2], signatures: ["prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"], classification: "内部" }]);
    expect(parse(readFileSync(join(dir, "dual", "people.yaml"), "utf8")).people.map((p: { id: string; title: string }) => `${p.id} ${p.title}`)).toEqual([
      "zhangsan 文控专员",
      "lisi 品质部经理",
      "wangwu 市场部经理",
      "zhaoliu 生产部经理",
      "sunqi 研发部部长",
      "zhouba 驻厂军代表",
    ]);
    // --standard repeated is the same repository; a repeated standard counts once.
    const repeated = await csrInProcess(["init", "again", "--standard", "IATF16949", "--standard", "GJB9001C", "--standard", "IATF16949"], { cwd: dir, lang: "zh-CN" });
    expect(repeated.code).toBe(0);
    expect(readFileSync(join(dir, "again", "qms.yaml"), "utf8")).toBe(qms);
    const check = await csrInProcess(["-C", join(dir, "dual"), "check"], { lang: "zh-CN" });
    expect(check.stdout).toContain("GJB9001C 的 92 个适用条款尚无一个由过程或已发布的文件落实。");
    expect(check.stdout).toContain("✖ 1 个文件中有 0 个错误、2 个警告（共检查 2 个文件）。");
    // A procedure takes the GJB signatures, and the procedure list the GJB columns 归口部门 and 对应条款 beside the IATF ones (tester76 M10).
    const repo = gitInit(join(dir, "dual"));
    expect((await csrInProcess(["-C", repo, "new", "procedure", "--title", "文件控制程序", "--department", "QA", "-y"], { lang: null })).code).toBe(0);
    const procedure = join(repo, "documents", "QP-001.yaml");
    writeFileSync(procedure, readFileSync(procedure, "utf8").replace(/^( {2}- title: .*)$/gm, "$1\n    text: 无。").replace("\ndepartment: QA\n", "\ndepartment: QA\nclauses: [IATF16949:7.5.3, GJB9001C:7.5.3]\n"));
    const signers = ["--prepared", "zhangsan", "--reviewed", "wangwu", "--approved", "lisi", "--countersigned", "zhaoliu", "--standardization", "sunqi", "--military-representative", "zhouba"];
    const release = await csrInProcess(["-C", repo, "release", "QP-001", "--summary", "首次发布", ...signers, "--date", "2026-11-27"], { lang: null });
    expect([release.code, release.stderr]).toEqual([0, ""]);
    const list = await csrInProcess(["-C", repo, "list", "procedures", "--format", "csv", "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(list.stdout.split("\r\n").slice(0, 2)).toEqual([
      "\ufeff序号,文件名称,文件编号,版本/版次,编制/修订,审核,会签,标准化审查,批准,军代表,发布日期,归口部门,对应条款,备注",
      // Working to GJB 9001C, the list has every signature of the layout with its day (tester79 G10).
      "1,文件控制程序,QP-001,A/0,张三 2026-11-27,王五 2026-11-27,赵六 2026-11-27,孙七 2026-11-27,李四 2026-11-27,周八 2026-11-27,2026-11-27,品质部,IATF16949:7.5.3/GJB9001C:7.5.3,",
    ]);
    const wrong = await csrInProcess(["init", "wrong", "--standard", "IATF16949、GJB9002"], { cwd: dir, lang: "zh-CN" });
    expect([wrong.code, wrong.stderr]).toEqual([2, "csr: --standard 必须是 IATF16949、GJB9001C、ISO9001 之一；实际为 'GJB9002'。是否应为 'GJB9001C'？\n"]);
    const example = await csrInProcess(["init", "ex", "--standard", "IATF16949,GJB9001C", "--example"], { cwd: dir, lang: "zh-CN" });
    expect([example.code, example.stderr]).toEqual([2, "csr: 示例内容按 IATF 16949 的条款编写，不能用于 IATF16949、GJB9001C 仓库。请去掉 --example，或不加 --standard 运行。\n"]);
    expect(existsSync(join(dir, "wrong"))).toBe(false);
    expect(existsSync(join(dir, "ex"))).toBe(false);
  });

  it("csr organisation update --add-standard GJB9001C gives an IATF 16949 repository GJB's set-up, says what it added and what not, and keeps the layout of revisions issued before (tester76 M3)", async () => {
    const dir = tempDir();
    expect((await csrInProcess(["init", "--standard", "IATF16949"], { cwd: dir, lang: "zh-CN" })).code).toBe(0);
    gitInit(dir);
    expect((await csrInProcess(["-C", dir, "new", "procedure", "--title", "文件控制程序", "--department", "QA", "-y"], { lang: null })).code).toBe(0);
    const procedure = join(dir, "documents", "QP-001.yaml");
    writeFileSync(procedure, readFileSync(procedure, "utf8").replace(/^( {2}- title: .*)$/gm, "$1\n    text: 无。"));
    const release = await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "首次发布", "--prepared", "zhangsan", "--reviewed", "wangwu", "--approved", "lisi", "--date", "2026-11-02", "--commit"], { lang: null });
    expect([release.code, release.stderr]).toEqual([0, ""]);
    const add = await csrInProcess(["-C", dir, "organisation", "update", "--add-standard", "GJB9001C", "--date", "2026-12-07"], { lang: "zh-CN" });
    expect([add.code, add.stderr]).toEqual([0, ""]);
    expect(add.stdout.split("\n")).toEqual([
      "已更新组织信息：适用标准：IATF16949 → IATF16949、GJB9001C；外部单位：（无）→ 军代表室；CSR 会签部门：QA、MKT、PRD → QA、MKT、PRD、RD；一、二级文件版式：（无）→ 编制、审核、会签、标准化审查、批准、军代表签字栏，密级 内部，自 2026-12-07 起发布的版本适用。",
      "驻厂军代表请用 csr person add <编号> --name <姓名> --department MRO 添加（他只以军代表身份签字）。",
      "未增加部门 综合管理部（GEN）（csr init --standard GJB9001C 的示例部门）：本公司的部门以 qms.yaml 为准，需要时用 csr department add 增加。",
      "已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
      "",
    ]);
    const config = parse(readFileSync(join(dir, "qms.yaml"), "utf8"));
    expect(config.standards).toEqual(["IATF16949", "GJB9001C"]);
    expect(config.csr.reviewers).toEqual(["QA", "MKT", "PRD", "RD"]);
    expect(config.external_parties).toEqual([{ code: "MRO", name: "军代表室", name_en: "Military Representative Office", kind: "military-representative" }]);
    expect(config.document_layouts).toEqual([{ levels: [1, 2], since: "2026-12-07", signatures: ["prepared", "reviewed", "countersigned", "standardization", "approved", "military_representative"], classification: "内部" }]);
    // QP-001 A/0, issued on 2026-11-02 before the layout, keeps its own: no doc/signature-missing.
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-12-07"], { lang: "zh-CN" });
    expect(check.stdout).not.toContain("doc/signature-missing");
    expect(check.stdout).toContain("✖ 1 个文件中有 0 个错误、");
    const again = await csrInProcess(["-C", dir, "organisation", "update", "--add-standard", "GJB9001C"], { lang: "zh-CN" });
    expect([again.code, again.stdout]).toEqual([0, "qms.yaml 中的组织信息与给出的相同；未作改动。\nGJB9001C 已在适用标准中，未改动。\n"]);
    const alone = await csrInProcess(["-C", dir, "organisation", "update", "--date", "2026-12-07", "--name", "华宏电子"], { lang: "zh-CN" });
    expect([alone.code, alone.stderr]).toEqual([2, "csr: --date 只和 --add-standard 一起使用（新增标准的签字栏自该日起适用）。\n"]);
  });

  it("writes an external numbering for every standard, so that csr new external takes the publisher's number", async () => {
    for (const standard of ["IATF16949", "ISO9001"]) {
      const dir = tempDir();
      expect((await csrInProcess(["init", "--standard", standard], { cwd: dir })).code).toBe(0);
      const config = parse(readFileSync(join(dir, "qms.yaml"), "utf8"));
      expect(config.numbering.at(-1), standard).toEqual({ kind: "external", pattern: "*" });
      expect(config.external_parties, standard).toBeUndefined();
      expect(config.document_layouts, standard).toBeUndefined();
      const registered = await csrInProcess(["-C", dir, "new", "external", "--number", "GB/T 19001-2016", "--title", "质量管理体系 要求", "--received", "2026-11-02", "--department", "QA", "-y"]);
      expect([registered.code, registered.stderr], standard).toEqual([0, ""]);
      expect(existsSync(join(dir, "documents/GB_T 19001-2016.yaml")), standard).toBe(true);
    }
  });

  it("--example adds an example set that checks clean", async () => {
    const dir = tempDir();
    const result = await csrInProcess(["init", "--example"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  csr/HXQC/HXQC-001.yaml\n");
    // The example's records name the placeholder people: no advice to remove them.
    expect(result.stdout).not.toContain("csr person remove");
    expect(existsSync(join(dir, "csr/.gitkeep"))).toBe(false);
    // As of a day of a year whose public holidays csr ships, as above.
    const check = await csrInProcess(["check", "--today", "2026-12-01", "--format", "json"], { cwd: dir });
    expect(check).toMatchObject({ code: 0, stderr: "csr: no problems in 11 files.\n" });
    expect(JSON.parse(check.stdout).summary).toEqual({ errors: 0, warnings: 0, files: 11 });
  });

  it("adds to an existing git repository without running git init again", async () => {
    const dir = gitInit(makeRepo({ "README.md": "# 文件库\n" }));
    const head = git(dir, ["rev-parse", "HEAD"]);
    const result = await csrInProcess(["init", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(`Created a document repository in ${dir}:`);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("# 文件库\n");
    expect(git(dir, ["status", "--porcelain", "--", "qms.yaml"])).toBe("?? qms.yaml\n");
  });

  it("in a folder of a larger git repository, writes no CI files or hook there and says what to do", async () => {
    const top = gitInit(makeRepo({ "README.md": "# 单仓库\n" }));
    const result = await csrInProcess(["init", "质量/体系"], { cwd: top });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 11)).toEqual([`Created a document repository in ${join(top, "质量/体系")}:`, ...BASE_FILES.slice(0, 9).map((f) => `  ${f}`), ""]);
    expect(lines[11]).toBe(
      "质量/体系 is a folder of a larger git repository: GitHub, GitLab and Gitea read CI files, and git reads hooks, only at the repository's root, so csr init wrote none there. Add csr to the root's CI as README 'Use in CI' shows, with -C: npx --no -- csr -C 质量/体系 check --base origin/main",
    );
    expect(result.stdout).not.toContain("core.hooksPath");
    for (const path of [".github", ".gitea", ".gitlab-ci.yml", "hooks"]) expect(existsSync(join(top, "质量/体系", path)), path).toBe(false);
    expect(existsSync(join(top, "质量/体系/.gitattributes"))).toBe(true);
  });

  it("refuses to overwrite any existing file and writes nothing", () => {
    const dir = makeRepo({ "qms.yaml": "organisation: {name: 旧}\n", ".gitignore": "secret/\n" });
    const result = csr(["init", dir, "--example"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `csr: ${dir} already has qms.yaml, .gitignore; csr init writes nothing over existing files.\nhint: Run it in an empty folder, or move those files away first.\n`,
    });
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toBe("organisation: {name: 旧}\n");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("secret/\n");
    expect(existsSync(join(dir, "people.yaml"))).toBe(false);
    expect(existsSync(join(dir, ".git"))).toBe(false);
  });

  it("refuses a folder inside a csr repository, whose check would read the new one as documents, and writes nothing (tester23 F10)", () => {
    const dir = makeRepo({ "qms.yaml": "organisation: {name: 安迈}\n", "documents/QP-001.yaml": "id: QP-001\n" });
    const result = csr(["init"], { cwd: join(dir, "documents") });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `csr: ${join(dir, "documents")} is inside the csr repository ${dir} (it has qms.yaml): a repository here would be read there as documents.\n` +
        `hint: Work in ${dir} as it is (csr finds it from any folder inside it), or run csr init in an empty folder outside it.\n`,
    });
    expect(existsSync(join(dir, "documents/qms.yaml"))).toBe(false);
    expect(existsSync(join(dir, "documents/.git"))).toBe(false);
  });

  it("refuses to write into a repository with unresolved merge conflicts", async () => {
    const dir = gitInit(makeRepo({ "notes.txt": "a\n" }));
    git(dir, ["checkout", "-q", "-b", "other"]);
    writeFileSync(join(dir, "notes.txt"), "b\n");
    git(dir, ["commit", "-qam", "other"]);
    git(dir, ["checkout", "-q", "-"]);
    writeFileSync(join(dir, "notes.txt"), "c\n");
    git(dir, ["commit", "-qam", "main"]);
    expect(() => git(dir, ["merge", "-q", "other"])).toThrow();
    const result = await csrInProcess(["init", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("csr: The repository has unresolved merge conflicts (notes.txt)");
    expect(existsSync(join(dir, "qms.yaml"))).toBe(false);
  });
});

describe("csr init at a terminal", () => {
  it("asks which standard when --standard is not given, and sets the repository up for the one chosen", async () => {
    const dir = join(tempDir(), "军品体系");
    const out: string[] = [];
    const ctx = { dir: tempDir(), color: false, stdout: (text: string) => void out.push(text), stderr: (text: string) => void out.push(text) };
    const done = initRepository(ctx, dir, {}, { select: wrapPrompt(select) } as unknown as Prompts);
    // The question is the command's first step: it is on the screen before any await of the test.
    expect(screen.getScreen()).toContain("Standard the quality system works to");
    expect(screen.getScreen()).toContain("GJB 9001C (military supplier");
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    const qms = parse(readFileSync(join(dir, "qms.yaml"), "utf8")) as { standards: string[]; external_parties?: { code: string }[] };
    expect(qms.standards).toEqual(["GJB9001C"]);
    expect(qms.external_parties?.map((p) => p.code)).toEqual(["MRO"]);
  });
});
