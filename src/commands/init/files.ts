/**
 * The files `csr init` writes, as repository-relative path -> content. Pure: the command decides
 * whether they may be written.
 */
import { CHINESE_SCHEMA_DIR } from "../../load/schema-locale.js";
import { SCHEMA_FILES } from "../../load/schemas.js";
import type { FileKind } from "../../load/source.js";
import { language, t } from "../../i18n/index.js";

/** Which files each schema applies to, as the YAML extension for VS Code matches them. */
const SCHEMA_GLOBS: Record<FileKind, string[]> = {
  qms: ["qms.yaml"],
  people: ["people.yaml"],
  processes: ["processes.yaml"],
  symbols: ["symbols.yaml"],
  customer: ["customers/*.yaml"],
  csr: ["csr/**/*.yaml"],
  document: ["documents/**/*.yaml"],
  standard: ["standards/*.yaml"],
  action: ["actions/*.yaml"],
  supplier: ["suppliers/*.yaml"],
  tooling: ["tooling.yaml"],
  "first-article": ["first-articles.yaml"],
  objective: ["objectives.yaml"],
  "register-edition": ["register-editions.yaml"],
  "management-review": ["management-reviews.yaml"],
};

/** The standards `csr init --standard` starts a repository with (catalogs shipped in standards/). */
export const INIT_STANDARDS = ["IATF16949", "GJB9001C", "ISO9001"] as const;
export type InitStandard = (typeof INIT_STANDARDS)[number];

/**
 * The standards of a repository `csr init` sets up: one, or several for a company certified to more
 * than one (IATF 16949 and GJB 9001C, tester76 M3), in the order given. What a standard's set-up
 * holds (departments, reviewers, the 军代表室, the GJB signature layout) is the union of theirs.
 */
export type InitStandards = readonly InitStandard[];

const has = (standards: InitStandards, standard: InitStandard) => standards.includes(standard);

/** The placeholder organisation of each standard's repository: an automotive supplier, a military electronics one, any. */
const ORGANISATION: Record<InitStandard, { name: string; name_en: string }> = {
  IATF16949: { name: "某某汽车零部件有限公司", name_en: "Example Auto Parts Co., Ltd." },
  GJB9001C: { name: "某某电子技术有限公司", name_en: "Example Electronic Technology Co., Ltd." },
  ISO9001: { name: "某某有限公司", name_en: "Example Co., Ltd." },
};

/** Whether `name` is still the placeholder organisation name csr init wrote (the import says when a register names the real one). */
export function placeholderOrganisation(name: string | undefined): boolean {
  return Object.values(ORGANISATION).some((o) => o.name === name);
}

/** A department of the starting qms.yaml: code, name, English name. */
export type InitDepartment = [code: string, name: string, name_en: string];

/** An automotive or general manufacturer's departments (IATF 16949, ISO 9001). */
const MANUFACTURER: InitDepartment[] = [
  ["MKT", "市场部", "Marketing"],
  ["QA", "品质部", "Quality"],
  ["PRD", "生产部", "Production"],
  ["RD", "研发部", "R&D"],
  ["PUR", "采购部", "Purchasing"],
  ["HR", "行政人事部", "Administration and HR"],
];

/**
 * The departments a new repository starts with. The codes are the same for every standard where
 * the department is the same; a GJB 9001C supplier (军工单位) usually has 质量部 rather than
 * 品质部, and an administration department (综合管理部) that keeps documents and trains people.
 */
export const DEPARTMENTS: Record<InitStandard, InitDepartment[]> = {
  IATF16949: MANUFACTURER,
  GJB9001C: [
    ["MKT", "市场部", "Marketing"],
    ["QA", "质量部", "Quality"],
    ["RD", "研发部", "R&D"],
    ["PRD", "生产部", "Production"],
    ["PUR", "采购部", "Purchasing"],
    ["GEN", "综合管理部", "General Administration"],
  ],
  ISO9001: MANUFACTURER,
};

/**
 * Departments whose opinion every CSR needs (会签). A GJB 9001C review of the customer's requirements
 * (8.2.3) involves design and development, so 研发部 signs too.
 */
export const REVIEWERS: Record<InitStandard, string[]> = {
  IATF16949: ["QA", "MKT", "PRD"],
  GJB9001C: ["QA", "MKT", "RD", "PRD"],
  ISO9001: ["QA", "MKT", "PRD"],
};

/**
 * What only a GJB 9001C repository starts with: the military representative office (军代表室) as an
 * outside party, which holds controlled copies and whose 军代表 signs; and the layout of the manual
 * and procedures, with 会签, 标准化审查 and 军代表 signature cells and a 密级 marking (the marking
 * is the company's own: the comment says so).
 */
export const gjbParties = () => `${t("init.file.qms.external-parties")}
external_parties:
  - code: MRO
    name: 军代表室
    name_en: Military Representative Office
    kind: military-representative
`;

export const gjbLayouts = () => `${t("init.file.qms.layouts")}
document_layouts:
  - levels: [1, 2]
    signatures: [prepared, reviewed, countersigned, standardization, approved, military_representative]
    classification: 内部 ${t("init.file.qms.classification")}
`;

/**
 * The departments of a repository of several standards: the first standard's, then those of the
 * others whose code is not yet there (a code names one department: 品质部 and 质量部 are both QA,
 * the first standard naming it). IATF16949 then GJB9001C: the manufacturer's six and 综合管理部.
 */
export function initDepartments(standards: InitStandards): InitDepartment[] {
  const out: InitDepartment[] = [];
  for (const standard of standards) for (const department of DEPARTMENTS[standard]) if (!out.some(([code]) => code === department[0])) out.push(department);
  return out;
}

/** The departments that countersign every CSR under any of the standards (研发部 under GJB 9001C 8.2.3), in the first standard's order. */
export function initReviewers(standards: InitStandards): string[] {
  return [...new Set(standards.flatMap((standard) => REVIEWERS[standard]))];
}

/**
 * qms.yaml; its comments are in the language of the run, as the rest of what `csr init` says. The
 * review period's comment cites the clause of the standard in scope: IATF 16949 7.5.3.2.2 sets
 * ten working days; GJB 9001C and ISO 9001 (8.2.3) leave the period to the organisation. External
 * documents keep their publisher's numbers ('*', model/numbering.ts), so `csr new external` works.
 */
const qms = (standards: InitStandards) => `${t("init.file.qms.heading")}
organisation:
  name: ${ORGANISATION[standards[0]!].name} ${t("init.file.qms.organisation")}
  name_en: ${ORGANISATION[standards[0]!].name_en} ${t("init.file.qms.organisation-en")}
language: ${language()}
standards: [${standards.join(", ")}]
${t("init.file.qms.delegates")}
departments:
${initDepartments(standards).map(([code, name, name_en]) => `  - code: ${code}\n    name: ${name}\n    name_en: ${name_en}\n`).join("")}${has(standards, "GJB9001C") ? gjbParties() : ""}${t("init.file.qms.numbering")}
numbering:
  - kind: manual
    pattern: QM-##
  - kind: procedure
    pattern: QP-###
  - kind: instruction
    pattern: WI-###
  - kind: form
    pattern: QR-###-##
  - kind: external
    pattern: "*" ${t("init.file.qms.external-numbering")}
${t(has(standards, "IATF16949") ? "init.file.qms.calendar" : "init.file.qms.calendar.own-period")}
calendar:
  base: CN
  weekdays: [1, 2, 3, 4, 5]
  holidays: []
  workdays: []
  years: []
csr:
  review_days: 10
  reviewers: [${initReviewers(standards).join(", ")}]
${has(standards, "GJB9001C") ? gjbLayouts() : ""}${t("init.file.qms.registers")}
registers:
  signatures: [${t("init.file.qms.signatures")}]
`;

/** The ids of the placeholder people people.yaml starts with: to be replaced by the real ones (`csr person remove`). */
export const PLACEHOLDER_PEOPLE = (standards: InitStandards): string[] => ["zhangsan", "lisi", "wangwu", "zhaoliu", ...(has(standards, "GJB9001C") ? ["sunqi", "zhouba"] : [])];

/**
 * people.yaml: placeholder people of the departments that review CSRs, with the names English
 * registers and pages print (name_en) and job titles in the repository's language. A GJB 9001C repository adds
 * someone of 研发部, which reviews there, and a 军代表 of the military representative office (roles
 * []: an outsider prepares, reviews and approves nothing of the company's; he signs as 军代表).
 */
const people = (standards: InitStandards) => `${t("init.file.people.heading")}
${t("init.file.people.placeholders")}
people:
  - id: zhangsan
    name: 张三
    name_en: Zhang San
    department: QA
    title: ${t("init.file.people.title.document-controller")}
    roles: [document-controller, author, reviewer]
  - id: lisi
    name: 李四
    name_en: Li Si
    department: QA
    title: ${t(standards[0] === "GJB9001C" ? "init.file.people.title.quality-head" : "init.file.people.title.quality-manager")}
    roles: [reviewer, approver]
  - id: wangwu
    name: 王五
    name_en: Wang Wu
    department: MKT
    title: ${t("init.file.people.title.marketing-manager")}
    roles: [reviewer]
  - id: zhaoliu
    name: 赵六
    name_en: Zhao Liu
    department: PRD
    title: ${t("init.file.people.title.production-manager")}
    roles: [reviewer]
${
  has(standards, "GJB9001C")
    ? `  - id: sunqi
    name: 孙七
    name_en: Sun Qi
    department: RD
    title: ${t("init.file.people.title.rd-head")}
    roles: [author, reviewer, standardization]
${t("init.file.people.military-representative")}
  - id: zhouba
    name: 周八
    name_en: Zhou Ba
    department: MRO
    title: ${t("init.file.people.title.military-representative")}
    roles: []
`
    : ""
}`;

const gitattributes = () => `${t("init.file.gitattributes.eol")}
*.yaml text eol=lf
*.yml text eol=lf
${t("init.file.gitattributes.merge")}
csr/**/*.yaml merge=csr
documents/**/*.yaml merge=csr
`;

const GITIGNORE = `node_modules/
out/
`;

/*
 * Every CI file runs the csr that `npm ci` installed, as `npx --no -- csr`: a plain `npx csr` on a
 * runner without it (no package.json entry, a failed install) would download and run the unrelated npm
 * package named csr (ours is qms-csr), with the site workflow's Pages token (tester25 F7).
 */

/**
 * csr counts deadlines by the day its clock says (core/dates.ts localToday), and a runner's clock is in UTC:
 * a push before 08:00 in China would build a site, and check review deadlines, of the day before. Every CI
 * file sets the company's time zone for csr, saying what it is for and that a company elsewhere changes it.
 */
const timeZone = (key: "env" | "variables") => `${key}:
  TZ: Asia/Shanghai ${t("init.file.ci.time-zone")}`;

/** When the default branch's check runs on GitHub and Gitea: a push to it, and every working day (SITE_BRANCH's reasons). */
const DEFAULT_BRANCH = "github.event_name == 'schedule' || (github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch))";

/**
 * The check of GitHub Actions, and of Gitea Actions, which reads .gitea/workflows and, only when that
 * folder does not exist, .github/workflows: as the site workflow is there, the check must be there
 * too. Two jobs: a pull request's (what the branch adds, --added-only), and the whole repository on
 * the default branch, at every push and every working day, which reports what the first leaves out,
 * such as a review the date alone made overdue (tester69 T1). Gitea prints the findings as text (it
 * shows the job's log, not GitHub's annotations); its runner's cache server keeps setup-node's npm cache.
 */
const checkWorkflow = (host: "github" | "gitea") => {
  const format = host === "github" ? " --format github" : "";
  const setup = (fetchDepth: "init.file.ci.fetch-depth-base" | "init.file.ci.fetch-depth-tags") => `    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 ${t(fetchDepth)}
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci`;
  return `${t(`init.file.${host}-check.heading`)}${host === "gitea" ? `\n${t("init.file.gitea.offline")}` : ""}
name: csr
on:
  pull_request:
  push:
  schedule: ${t("init.file.check.schedule")}
    - cron: "0 1 * * 1-5"
${timeZone("env")}
jobs:
  check:
    if: github.event_name == 'pull_request'
${setup("init.file.ci.fetch-depth-base")}
      - name: csr check
        env:
          BASE_REF: \${{ github.base_ref }}
        run: npx --no -- csr check --base "origin/$BASE_REF" --added-only${format}
  ${t("init.file.ci.default-branch")}
  check-default-branch:
    if: ${DEFAULT_BRANCH}
${setup("init.file.ci.fetch-depth-tags")}
      - name: csr check
        run: npx --no -- csr check${format}
`;
};

/** npm's downloads kept between a GitLab project's pipelines while package-lock.json stays the same (GitLab's npm caching example). */
const gitlabNpm = () => `  cache: ${t("init.file.gitlab.npm-cache")}
    key:
      files: [package-lock.json]
    paths: [.npm/]`;

/** The log for people, and GitLab's two reports: the test report, and Code Quality on the merge request's changed lines. */
const GITLAB_REPORTS = "--format text --format junit=csr-junit.xml --format gitlab=gl-code-quality-report.json";
const gitlabArtifacts = `  artifacts:
    when: always
    reports:
      junit: csr-junit.xml
      codequality: gl-code-quality-report.json`;

const gitlabCi = (standards: InitStandards) => `${t("init.file.gitlab-check.heading")}
${timeZone("variables")}
csr-check:
  image: node:22
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: 0
${gitlabNpm()}
  script:
    - npm ci --cache .npm --prefer-offline
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - npx --no -- csr check --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --added-only ${GITLAB_REPORTS}
${gitlabArtifacts}

${t("init.file.gitlab.default-branch")}
csr-check-default-branch:
  image: node:22
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  variables:
    GIT_DEPTH: 0 ${t("init.file.ci.fetch-depth-tags")}
${gitlabNpm()}
  script:
    - npm ci --cache .npm --prefer-offline
    - npx --no -- csr check ${GITLAB_REPORTS}
${gitlabArtifacts}

${t("init.file.gitlab-pages.heading")}${optInNote("gitlab")}${hostingNote(standards)}
pages:
  image: node:22
  rules:
    - if: $CSR_PUBLISH_SITE == "true" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  variables:
    GIT_DEPTH: 0 ${t("init.file.ci.fetch-depth-site")}
${gitlabNpm()}
  script:
    - npm ci --cache .npm --prefer-offline
    - npx --no -- csr site --out public --base-url "$CI_PAGES_URL/" || [ $? -eq 1 ] ${t("init.file.ci.site-exit")}
  artifacts:
    paths:
      - public
`;

/**
 * Above every site workflow: the site is the whole quality system (customers' CSRs under their
 * confidentiality terms, confidential documents, people), so publishing is opt-in — a workflow runs only
 * when the CI variable CSR_PUBLISH_SITE is "true" — and the comment says what to restrict first. A job
 * named 'pages' with a 'public' artifact is GitLab Pages by itself: nothing else has to be enabled.
 */
function optInNote(host: "github" | "gitlab" | "gitea"): string {
  return `\n${t("init.file.site.confidential")}\n${t(`init.file.${host}-site.enable`)}`;
}

/**
 * Under a site workflow of a GJB 9001C repository: where the site may be hosted. csr site leaves out the
 * body of documents marked 秘密 or above, but the rest (every register, every other document) is the
 * organisation's internal material, which its 保密 rules keep off hosts on the Internet.
 */
function hostingNote(standards: InitStandards): string {
  return has(standards, "GJB9001C") ? `\n${t("init.file.site.gjb-hosting")}` : "";
}

/**
 * When a site workflow builds: the CI variable set, on the default branch. A scheduled run is always on
 * the default branch, and its event may carry no repository (GitHub's until September 2022, Gitea's before
 * go-gitea/gitea#38446): compared with github.event.repository.default_branch, it would be skipped every day.
 */
const SITE_BRANCH = "vars.CSR_PUBLISH_SITE == 'true' && (github.event_name == 'schedule' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch))";

/**
 * The site (csr site) on GitHub Pages, built on every push to the default branch. A workflow of its
 * own, because publishing needs the Pages permissions that a pull-request check must not have.
 */
const githubSiteWorkflow = (standards: InitStandards) => `${t("init.file.github-site.heading")}${optInNote("github")}${hostingNote(standards)}
name: csr site
on:
  push:
  workflow_dispatch:
  schedule: ${t("init.file.site.schedule")}
    - cron: "0 1 * * 1-5"
permissions:
  contents: read
  pages: write
  id-token: write
concurrency: ${t("init.file.github-site.concurrency")}
  group: pages-\${{ github.ref }}
  cancel-in-progress: false
${timeZone("env")}
jobs:
  site:
    if: ${SITE_BRANCH}
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deploy.outputs.page_url }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 ${t("init.file.ci.fetch-depth-site")}
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - id: pages
        uses: actions/configure-pages@v5
      - name: csr site
        env:
          BASE_URL: \${{ steps.pages.outputs.base_url }}
        run: npx --no -- csr site --out _site --base-url "$BASE_URL/" || [ $? -eq 1 ] ${t("init.file.ci.site-exit")}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site
      - id: deploy
        uses: actions/deploy-pages@v4
`;

/**
 * Gitea Actions runs GitHub-style workflows but Gitea has no Pages: the site is kept as an artifact
 * and pushed to a 'pages' branch, which Codeberg Pages or any web server that pulls a branch serves.
 * Gitea has no Pages address to pass as --base-url: the repository variable CSR_SITE_URL gives it (the
 * web server's address of the site), and without it the site is built without canonical links, as
 * csr site is without --base-url.
 */
const giteaSiteWorkflow = (standards: InitStandards) => `${t("init.file.gitea-site.heading")}${optInNote("gitea")}${hostingNote(standards)}
${t("init.file.gitea.offline")}
name: csr site
on:
  push:
  schedule: ${t("init.file.site.schedule")}
    - cron: "0 1 * * 1-5"
permissions:
  contents: write ${t("init.file.gitea-site.permission")}
${timeZone("env")}
jobs:
  site:
    if: ${SITE_BRANCH}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 ${t("init.file.ci.fetch-depth-site")}
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - name: csr site
        env:
          CSR_SITE_URL: \${{ vars.CSR_SITE_URL }} ${t("init.file.gitea-site.base-url")}
        run: npx --no -- csr site --out site \${CSR_SITE_URL:+--base-url "$CSR_SITE_URL"} || [ $? -eq 1 ] ${t("init.file.ci.site-exit")}
      - uses: actions/upload-artifact@v3
        with:
          name: site
          path: site
      - name: publish to the pages branch
        env:
          TOKEN: \${{ github.token }}
        run: |
          cd site
          git init -q -b pages
          git add -A
          git -c user.name="csr site" -c user.email=csr-site@localhost commit -q -m "csr site of $GITHUB_SHA"
          git push -q -f "$(echo "$GITHUB_SERVER_URL" | sed "s#://#://token:$TOKEN@#")/$GITHUB_REPOSITORY.git" pages
`;

/**
 * The repository's own csr (npm install --save-dev), else one on the PATH (npm link, a global
 * install); without either, one line that says how to install it, rather than npx's "could not
 * determine executable to run".
 */
const preCommit = () => `#!/bin/sh
${t("init.file.pre-commit.heading")}
csr=node_modules/.bin/csr
[ -x "$csr" ] || csr=$(command -v csr) || { printf '%s\\n' ${shellQuoted(t("init.file.pre-commit.not-installed"))} >&2; exit 1; }
if git rev-parse -q --verify HEAD >/dev/null; then exec "$csr" check --staged --base HEAD; fi
exec "$csr" check --staged
`;

/** A word the shell takes literally. */
function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** The editor's schemas: in a Chinese repository the build's Chinese copies (titles and descriptions), else csr's own. */
function vscodeSettings(): string {
  const schemas: Record<string, string[]> = {};
  const dir = language() === "zh-CN" ? CHINESE_SCHEMA_DIR : "schemas";
  for (const [kind, file] of Object.entries(SCHEMA_FILES) as [FileKind, string][]) schemas[`./node_modules/qms-csr/${dir}/${file}`] = SCHEMA_GLOBS[kind];
  return (
    JSON.stringify(
      {
        "yaml.schemas": schemas,
        "files.encoding": "utf8",
        "files.eol": "\n",
        "[yaml]": { "editor.insertSpaces": true, "editor.tabSize": 2 },
      },
      null,
      2,
    ) + "\n"
  );
}

const EXTENSIONS = `{
  "recommendations": ["redhat.vscode-yaml"]
}
`;

/** A small, consistent example: one customer, two CSRs addressed by two procedures with their forms. */
const example = (): Record<string, string> => ({
  "customers/HXQC.yaml": `code: HXQC
name: 华夏汽车有限公司
name_en: Huaxia Motors Co., Ltd.
class: A
contacts:
  - name: 王工
    role: 供应商质量工程师 (SQE)
sources:
  - id: HX-SQM
    title: 华夏汽车供应商质量手册
    title_en: Huaxia Motors supplier quality manual
    department: QA
    revisions:
      - revision: "2026"
        issued: 2026-01-05
        received: 2026-01-12
        status: current
`,
  "csr/HXQC/HXQC-001.yaml": `id: HXQC-001
customer: HXQC
source:
  document: HX-SQM
  revision: "2026"
  section: "4.2"
clauses: ["IATF16949:8.3.3.3"]
title: 特殊特性使用顾客符号或对照表中的等效符号
title_en: Special characteristics marked with the customer's symbols or the equivalents in the conversion table
text: 图纸、PFMEA、控制计划和作业指导书上的特殊特性须使用华夏汽车的符号，或经对照表转换的本公司符号。
category: 特殊特性
received: 2026-01-12
review:
  opinions:
    - department: QA
      reviewer: zhangsan
      opinion: accept
      date: 2026-01-14
    - department: MKT
      reviewer: wangwu
      opinion: accept
      date: 2026-01-14
    - department: PRD
      reviewer: zhaoliu
      opinion: accept-with-action
      date: 2026-01-15
      comment: 更新现行控制计划中的符号
  decision:
    disposition: must
    by: lisi
    date: 2026-01-16
  record: {form: QR-002-01, ref: JL-PS-2026-01}
  leader: {by: wangwu, date: 2026-01-16}
addressed:
  - document: QP-001
    section: 3.2 符号的转换
implementation:
  owner: zhangsan
  due: 2026-02-27
  status: verified
  evidence: QR-001-01 特殊特性清单
  implemented: 2026-02-20
  verified:
    by: lisi
    date: 2026-02-25
distribution:
  departments: [QA, PRD, RD]
  date: 2026-01-19
training:
  required: false
`,
  "csr/HXQC/HXQC-002.yaml": `id: HXQC-002
customer: HXQC
source:
  document: HX-SQM
  revision: "2026"
  section: "6.1"
clauses: ["IATF16949:7.5.3.2.2"]
title: 顾客工程规范变更在10个工作日内完成评审
title_en: Customer engineering changes reviewed within 10 working days
text: 收到华夏汽车工程标准或规范的变更后，须在10个工作日内完成评审并记录导入生产的日期。
category: 变更管理
received: 2026-01-12
review:
  opinions:
    - department: QA
      reviewer: zhangsan
      opinion: accept
      date: 2026-01-14
    - department: MKT
      reviewer: wangwu
      opinion: accept
      date: 2026-01-14
    - department: PRD
      reviewer: zhaoliu
      opinion: accept
      date: 2026-01-15
  decision:
    disposition: must
    by: lisi
    date: 2026-01-16
  record: {form: QR-002-01, ref: JL-PS-2026-02}
  leader: {by: wangwu, date: 2026-01-16}
addressed:
  - document: QP-002
    section: 2.2 评审
implementation:
  owner: zhangsan
  due: 2026-02-27
  status: verified
  evidence: QR-002-01 顾客特定要求评审记录
  implemented: 2026-02-10
  verified:
    by: lisi
    date: 2026-02-25
distribution:
  departments: [QA, MKT, PRD]
  date: 2026-01-19
training:
  required: false
`,
  "documents/QP-001.yaml": `id: QP-001
title: 特殊特性管理程序
title_en: Special characteristics procedure
level: 2
kind: procedure
department: QA
processes: [C1]
clauses: ["IATF16949:8.3.3.3", "IATF16949:8.2.3.1.2"]
status: released
effective: 2026-02-01
revisions:
  - version: A/0
    date: 2026-02-01
    summary: 首次发布
    prepared: { by: zhangsan, date: 2026-01-20 }
    reviewed: { by: zhaoliu, date: 2026-01-26 }
    approved: { by: lisi, date: 2026-01-28 }
related: [QP-002]
forms: [QR-001-01]
sections:
  - title: 目的
    title_en: Purpose
    text: 识别、标识和控制产品与过程的特殊特性，满足顾客的符号要求。
  - title: 适用范围
    title_en: Scope
    text: 适用于本公司所有汽车产品的设计和制造过程。
  - title: 作业流程
    title_en: Procedure
    sections:
      - title: 特殊特性的识别
        text: 多方论证小组根据顾客图纸和 PFMEA 识别特殊特性，记入特殊特性清单 (QR-001-01)。
      - title: 符号的转换
        text: 顾客符号按特殊特性符号对照表 (symbols.yaml) 转换为本公司符号。
`,
  "documents/QP-002.yaml": `id: QP-002
title: 顾客特定要求管理程序
title_en: Customer-specific requirements procedure
level: 2
kind: procedure
department: MKT
processes: [S1]
clauses: ["IATF16949:4.3.2", "IATF16949:7.5.3.2.2"]
status: released
effective: 2026-02-01
revisions:
  - version: A/0
    date: 2026-02-01
    summary: 首次发布
    prepared: { by: zhangsan, date: 2026-01-20 }
    reviewed: { by: wangwu, date: 2026-01-26 }
    approved: { by: lisi, date: 2026-01-28 }
related: [QP-001]
forms: [QR-002-01]
sections:
  - title: 目的
    title_en: Purpose
    text: 确保顾客特定要求得到识别、评审、分发和实施。
  - title: 作业流程
    title_en: Procedure
    sections:
      - title: 接收与登记
        text: 市场部接收顾客要求，项目组长识别其中的顾客特定要求并登记 (csr add)。
      - title: 评审
        text: 项目组在收到后10个工作日内会签评审，形成书面评审记录 (QR-002-01)。
`,
  "documents/QR-001-01.yaml": `id: QR-001-01
title: 特殊特性清单
title_en: Special characteristics list
level: 4
kind: form
department: QA
status: released
effective: 2026-02-01
revisions:
  - version: A/0
    date: 2026-02-01
    summary: 首次发布
    prepared: { by: zhangsan, date: 2026-01-20 }
    approved: { by: lisi, date: 2026-01-28 }
record:
  retention: 产品寿命期+1年
  medium: electronic
  location: 品质部
`,
  "documents/QR-002-01.yaml": `id: QR-002-01
title: 顾客特定要求评审记录
title_en: CSR review record
level: 4
kind: form
department: MKT
status: released
effective: 2026-02-01
revisions:
  - version: A/0
    date: 2026-02-01
    summary: 首次发布
    prepared: { by: zhangsan, date: 2026-01-20 }
    approved: { by: lisi, date: 2026-01-28 }
record:
  retention: 3年
  medium: paper+electronic
  location: 市场部
`,
  "processes.yaml": `${t("init.file.processes.heading")}
processes:
  - code: M1
    name: 管理过程
    name_en: Management
    type: management
    owner: QA
    owner_person: lisi
    clauses: ["IATF16949:4", "IATF16949:5", "IATF16949:6", "IATF16949:9", "IATF16949:10"]
  - code: S1
    name: 顾客特定要求管理过程
    name_en: Customer-specific requirements
    type: support
    owner: MKT
    owner_person: wangwu
    clauses: ["IATF16949:7"]
    documents: [QP-002]
  - code: C1
    name: 产品实现过程
    name_en: Product realisation
    type: customer-oriented
    owner: RD
    owner_person: zhaoliu
    clauses: ["IATF16949:8"]
    documents: [QP-001]
`,
  "symbols.yaml": `symbols:
  - customer: HXQC
    customer_symbol: ▽
    customer_class: CC
    meaning: 关键特性，影响安全或法规
    symbol: ★
    class: 关键
    approved:
      by: 王工（华夏汽车SQE）
      date: 2026-01-23
      evidence: 签字的特殊特性符号对照表
      source: HX-SQM/2026
      conversion:
        customer_symbol: ▽
        customer_class: CC
        meaning: 关键特性，影响安全或法规
        symbol: ★
        class: 关键
  - customer: HXQC
    customer_symbol: SC
    customer_class: SC
    meaning: 重要特性，影响装配或功能
    symbol: ☆
    class: 重要
    approved:
      by: 王工（华夏汽车SQE）
      date: 2026-01-23
      evidence: 签字的特殊特性符号对照表
      source: HX-SQM/2026
      conversion:
        customer_symbol: SC
        customer_class: SC
        meaning: 重要特性，影响装配或功能
        symbol: ☆
        class: 重要
`,
});

/** Repository-relative path -> content, in the order they are listed to the user. */
/**
 * The example's processes name whole sections (4 … 10), so the example counts a section as covering
 * its sub-clauses, and says that a real system names each sub-clause instead.
 */
const exampleCoverage = () => `${t("init.file.qms.coverage")}
coverage:
  inherit_from_parent: true
`;

/** Whether csr init's file at `path` works only at the root of the git repository (CI files, the hook). */
export function rootOnly(path: string): boolean {
  return [".github/", ".gitea/", ".gitlab-ci.yml", "hooks/"].some((p) => path.startsWith(p));
}

/** The example's clauses are IATF 16949's: `withExample` is for an IATF16949 repository only (the command refuses the others). */
export function initFiles(withExample: boolean, standards: InitStandards = ["IATF16949"]): Map<string, string> {
  const files = new Map<string, string>([
    ["qms.yaml", withExample ? qms(standards).replace("standards: [IATF16949]\n", `standards: [IATF16949]\n${exampleCoverage()}`) : qms(standards)],
    ["people.yaml", people(standards)],
  ]);
  if (withExample) {
    for (const [path, content] of Object.entries(example())) files.set(path, content);
  } else {
    for (const dir of ["customers", "csr", "documents"]) files.set(`${dir}/.gitkeep`, "");
  }
  files.set(".gitattributes", gitattributes());
  files.set(".gitignore", GITIGNORE);
  files.set(".vscode/settings.json", vscodeSettings());
  files.set(".vscode/extensions.json", EXTENSIONS);
  files.set(".github/workflows/csr.yml", checkWorkflow("github"));
  files.set(".github/workflows/csr-site.yml", githubSiteWorkflow(standards));
  files.set(".gitea/workflows/csr.yml", checkWorkflow("gitea"));
  files.set(".gitea/workflows/csr-site.yml", giteaSiteWorkflow(standards));
  files.set(".gitlab-ci.yml", gitlabCi(standards));
  files.set("hooks/pre-commit", preCommit());
  return files;
}
