/**
 * The small repository of the control tests that hand things to departments (CSR distribution,
 * controlled copies): 品质部, 市场部 and 生产部, one author, reviewers and an approver, as a git
 * repository in a temporary folder. `files` adds to it or replaces its files.
 */
import { gitInit, makeRepo, tempDir } from "../helpers.js";

/** qms.yaml of threeDepartmentRepo: three departments, procedure and form numbering, 品质部 and 市场部 as CSR reviewers. */
export const THREE_DEPARTMENTS_QMS = [
  "organisation:",
  "  name: 测试汽车零部件有限公司",
  "standards: [IATF16949]",
  "departments:",
  "  - {code: QA, name: 品质部}",
  "  - {code: MKT, name: 市场部}",
  "  - {code: PRD, name: 生产部}",
  "numbering:",
  "  - {kind: procedure, pattern: QP-###}",
  "  - {kind: form, pattern: QR-###-##}",
  "rules:",
  "  coverage/clause-uncovered: off",
  "  csr/not-addressed: off",
  "csr:",
  "  reviewers: [QA, MKT]",
  "",
].join("\n");

export function threeDepartmentRepo(files: Record<string, string>): string {
  return gitInit(
    makeRepo(
      {
        "qms.yaml": THREE_DEPARTMENTS_QMS,
        "people.yaml": [
          "people:",
          "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
          "  - {id: li, name: 李娜, department: MKT, roles: [author, reviewer]}",
          "  - {id: wang, name: 王强, department: QA, roles: [approver]}",
          "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
          "",
        ].join("\n"),
        ...files,
      },
      tempDir(),
    ),
  );
}

/**
 * QP-005 培训程序 of that repository, released A/0 (2024) then A/1 (2026-10-12), with copies 1 to 3
 * of A/0 at 品质部, 生产部 (赵磊) and 市场部, then `copies` (distribution lines as flow mappings).
 */
export function trainingProcedure(...copies: string[]): string {
  return [
    "id: QP-005",
    "title: 培训程序",
    "level: 2",
    "kind: procedure",
    "department: QA",
    "status: released",
    "effective: 2026-10-12",
    "revisions:",
    "  - version: A/0",
    "    date: 2024-01-10",
    "    summary: 首次发布",
    "    prepared: {by: zhang, date: 2024-01-08}",
    "    reviewed: {by: li, date: 2024-01-09}",
    "    approved: {by: wang, date: 2024-01-10}",
    "  - version: A/1",
    "    date: 2026-10-12",
    "    summary: 增加培训评价",
    "    prepared: {by: zhang, date: 2026-10-08}",
    "    reviewed: {by: li, date: 2026-10-09}",
    "    approved: {by: wang, date: 2026-10-12}",
    "sections:",
    "  - title: 目的",
    "    text: 规定培训的策划和实施。",
    "distribution:",
    "  - {copy: 1, version: A/0, to: QA, date: 2024-01-12}",
    "  - {copy: 2, version: A/0, to: PRD, holder: zhao, date: 2024-01-12}",
    "  - {copy: 3, version: A/0, to: MKT, date: 2024-01-12}",
    ...copies.map((copy) => `  - ${copy}`),
    "",
  ].join("\n");
}

/**
 * That QP-005 with A/2 released on 2026-11-10 to take effect on 2026-11-25 (待实施 until then), copy 4
 * of A/1 at 品质部 and copy 5 of A/2 handed out ahead at 生产部 (赵磊): until 2026-11-25 A/1 is the
 * version in use, so only the copies of A/0 are due back.
 */
export function pendingTrainingProcedure(): string {
  return trainingProcedure("{copy: 4, version: A/1, to: QA, date: 2026-10-14}", "{copy: 5, version: A/2, to: PRD, holder: zhao, date: 2026-11-12}")
    .replace("effective: 2026-10-12", "effective: 2026-11-25")
    .replace(
      "    approved: {by: wang, date: 2026-10-12}\n",
      [
        "    approved: {by: wang, date: 2026-10-12}",
        "  - version: A/2",
        "    date: 2026-11-10",
        "    summary: 修订培训评价方法",
        "    prepared: {by: zhang, date: 2026-11-06}",
        "    reviewed: {by: li, date: 2026-11-07}",
        "    approved: {by: wang, date: 2026-11-10}",
        "",
      ].join("\n"),
    );
}

/**
 * csr/DYA/DYA-001.yaml of that repository: a CSR of DYA-SQM revision C received on 2026-03-10, reviewed
 * by 品质部 (zhang) and 市场部 (`marketReviewer`, default li) and decided `must` by wang on 2026-03-13,
 * with section 4.2 unless `section` is false, then the lines of `tail` (default: training required).
 */
export function decidedCsrYaml(options: { section?: boolean; marketReviewer?: string; tail?: readonly string[] } = {}): string {
  const { section = true, marketReviewer = "li", tail = ["training:", "  required: true"] } = options;
  return [
    "id: DYA-001",
    "customer: DYA",
    `source: {document: DYA-SQM, revision: C${section ? ', section: "4.2"' : ""}}`,
    "clauses: [IATF16949:8.3.3.3]",
    "title: 特殊特性符号须按顾客要求标识",
    "received: 2026-03-10",
    "review:",
    "  opinions:",
    "    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-03-11}",
    `    - {department: MKT, reviewer: ${marketReviewer}, opinion: accept, date: 2026-03-12}`,
    "  decision: {disposition: must, by: wang, date: 2026-03-13}",
    ...tail,
    "",
  ].join("\n");
}
