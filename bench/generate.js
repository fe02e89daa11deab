#!/usr/bin/env node
// A deterministic synthetic document repository for benchmarks and the scale test:
//   node bench/generate.js <dir> <entities>
// About half the entities are CSRs, a third forms, the rest procedures, work instructions,
// customers and people, with Chinese text and references that resolve, so the repository checks
// clean except for DELIBERATE_FINDINGS.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DEPARTMENTS = [
  ["MKT", "市场部", "Marketing"],
  ["QA", "品质部", "Quality"],
  ["PRD", "生产部", "Production"],
  ["RD", "研发部", "R&D"],
  ["PUR", "采购部", "Purchasing"],
  ["HR", "行政人事部", "Administration and HR"],
];
const CLAUSES = [
  "4.3.2", "5.1.1.1", "6.1.2.3", "7.1.5.1.1", "7.2.3", "7.5.1.1", "7.5.3.2.1", "7.5.3.2.2", "8.2.3.1.2", "8.3.2.1",
  "8.3.3.3", "8.3.4.4", "8.4.1.2", "8.4.2.3", "8.5.1.1", "8.5.1.5", "8.5.2.1", "8.5.6.1", "8.7.1.4", "9.1.1.1",
  "9.2.2.2", "9.2.2.3", "9.3.2.1", "10.2.3", "10.2.4",
];
/** The sections of IATF 16949; the process map addresses each of them, so every clause is covered. */
const SECTIONS = ["4", "5", "6", "7", "8", "9", "10"];
const CATEGORIES = ["质量", "交付", "包装", "特殊特性", "变更管理", "追溯"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂".split("");
const TOPICS = ["来料检验", "生产过程控制", "产品标识与可追溯性", "不合格品控制", "供应商管理", "工装管理", "测量系统分析", "特殊特性管理", "产品防护", "变更管理", "内部审核", "纠正措施"];
const PHRASES = [
  "顾客要求在批量生产前完成全部特殊特性的过程能力研究",
  "发运标签须包含零件号、批次号和生产日期",
  "任何过程变更须提前通知顾客并获得书面批准",
  "关键特性的控制图须每班由检验员确认",
  "不合格品须在二十四小时内隔离并通报顾客",
  "包装须防潮防锈，并按顾客包装规范标识",
  "年度分层审核须覆盖全部生产线",
];

/** The findings the generated repository is built to produce: rule and file. */
export const DELIBERATE_FINDINGS = [
  { rule: "clause/unknown-clause", file: "documents/QP-0003.yaml" },
  { rule: "id/number-pattern", file: "documents/WI-0002.yaml" },
  { rule: "ref/unresolved", file: "csr/C001/C001-0001.yaml" },
  { rule: "schema/unknown-field", file: "documents/QR-00002.yaml" },
];

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function composition(n) {
  const csrs = Math.floor(n / 2);
  const forms = Math.floor(n / 3);
  const customers = Math.max(2, Math.round(n * 0.005));
  const people = Math.max(6, Math.round(n * 0.02));
  const procedures = Math.max(3, Math.round(n * 0.06));
  const instructions = Math.max(2, n - csrs - forms - customers - people - procedures);
  return { csrs, forms, customers, people, procedures, instructions };
}

const pad = (i, w) => String(i).padStart(w, "0");
const q = (s) => JSON.stringify(s);

/** Writes the repository into `dir` (created if needed); returns the number of files written. */
export function generateRepository(dir, n, seed = 20260101) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const c = composition(n);
  let count = 0;
  const write = (path, lines) => {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, lines.join("\n") + "\n");
    count++;
  };

  write("qms.yaml", [
    "organisation:",
    "  name: 基准测试汽车零部件有限公司",
    "  name_en: Benchmark Auto Parts Co., Ltd.",
    "language: zh-CN",
    "standards: [IATF16949]",
    // The processes name whole sections (4 … 10): a section covers its sub-clauses here.
    "coverage:",
    "  inherit_from_parent: true",
    "departments:",
    ...DEPARTMENTS.flatMap(([code, name, en]) => [`  - code: ${code}`, `    name: ${name}`, `    name_en: ${q(en)}`]),
    "numbering:",
    "  - kind: procedure",
    "    pattern: QP-####",
    "  - kind: instruction",
    "    pattern: WI-####",
    "  - kind: form",
    "    pattern: QR-#####",
    "calendar:",
    "  holidays:",
    "    - { from: 2026-10-01, to: 2026-10-07, name: 国庆节 }",
    "csr:",
    "  review_days: 10",
    "  reviewers: [QA, MKT]",
    "",
  ]);

  const people = Array.from({ length: c.people }, (_, i) => ({
    id: `p${pad(i + 1, 4)}`,
    name: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
    department: DEPARTMENTS[i % DEPARTMENTS.length][0],
  }));
  write("people.yaml", [
    "people:",
    ...people.flatMap((p, i) => [
      `  - id: ${p.id}`,
      `    name: ${p.name}`,
      `    department: ${p.department}`,
      `    roles: [${i % 5 === 0 ? "author, reviewer, approver" : "author, reviewer"}]`,
    ]),
  ]);
  const approvers = people.filter((_, i) => i % 5 === 0);
  const byDept = (code) => people.filter((p) => p.department === code);

  const customers = Array.from({ length: c.customers }, (_, i) => `C${pad(i + 1, 3)}`);
  customers.forEach((code, i) =>
    write(`customers/${code}.yaml`, [
      `code: ${code}`,
      `name: ${pick(["华东", "华南", "西南", "东北", "华北"])}${pick(["汽车", "重工", "动力", "车身"])}有限公司${i + 1}`,
      `class: ${["A", "B", "C"][i % 3]}`,
      "contacts:",
      `  - name: ${pick(SURNAMES)}${pick(GIVEN)}`,
      "    role: 供应商质量工程师",
      "sources:",
      `  - id: CSR-MANUAL`,
      `    title: 供应商质量手册`,
      // Kept by the quality department (保管部门), as a real repository records it (csr/source-keeper-missing).
      "    department: QA",
      "    revisions:",
      "      - revision: A",
      "        received: 2025-03-02",
      "        status: superseded",
      // Every CSR's received date: a CSR is received with the source revision it is taken from.
      "      - revision: B",
      "        received: 2025-12-15",
      "        status: current",
      "        supersedes: A",
    ]),
  );

  const procedures = Array.from({ length: c.procedures }, (_, i) => `QP-${pad(i + 1, 4)}`);
  const instructions = Array.from({ length: c.instructions }, (_, i) => `WI-${pad(i + 1, 4)}`);
  const forms = Array.from({ length: c.forms }, (_, i) => `QR-${pad(i + 1, 5)}`);
  const processes = TOPICS.map((topic, i) => ({ code: `P${pad(i + 1, 2)}`, name: `${topic}过程` }));

  write("processes.yaml", [
    "processes:",
    ...processes.flatMap((p, i) => [
      `  - code: ${p.code}`,
      `    name: ${p.name}`,
      `    type: ${["customer-oriented", "support", "management"][i % 3]}`,
      `    owner: ${DEPARTMENTS[i % DEPARTMENTS.length][0]}`,
      `    clauses: [${[...(i < SECTIONS.length ? [SECTIONS[i]] : []), CLAUSES[i % CLAUSES.length]].map((c) => q(`IATF16949:${c}`)).join(", ")}]`,
      `    documents: [${procedures.filter((_, k) => k % processes.length === i).slice(0, 20).join(", ")}]`,
    ]),
  ]);

  const signature = (role, date, who) => [`    ${role}:`, `      by: ${who}`, `      date: ${date}`];
  // Three different people sign each revision, as a document controller expects.
  const revision = (version, date, summary) => {
    const approver = pick(approvers).id;
    const author = pick(people.filter((p) => p.id !== approver)).id;
    const reviewer = pick(people.filter((p) => p.id !== author && p.id !== approver)).id;
    return [
      `  - version: ${version}`,
      `    date: ${date}`,
      `    summary: ${summary}`,
      ...signature("prepared", date, author),
      ...signature("reviewed", date, reviewer),
      ...signature("approved", date, approver),
    ];
  };
  const formsPerProcedure = Math.ceil(forms.length / (procedures.length + instructions.length));

  procedures.forEach((id, i) => {
    const topic = TOPICS[i % TOPICS.length];
    const own = forms.slice(i * formsPerProcedure, (i + 1) * formsPerProcedure);
    const related = [procedures[(i + 1) % procedures.length], instructions[i % instructions.length]].filter((r) => r !== id);
    const clauses = [`IATF16949:${CLAUSES[i % CLAUSES.length]}`, i === 2 ? "IATF16949:8.3.9" : `IATF16949:${CLAUSES[(i + 7) % CLAUSES.length]}`];
    write(`documents/${id}.yaml`, [
      `id: ${id}`,
      `title: ${topic}程序${i + 1}`,
      "level: 2",
      "kind: procedure",
      `department: ${DEPARTMENTS[i % DEPARTMENTS.length][0]}`,
      `processes: [${processes[i % processes.length].code}]`,
      `clauses: [${[...new Set(clauses)].map(q).join(", ")}]`,
      "status: released",
      "effective: 2026-03-01",
      "revisions:",
      ...revision("A/0", "2025-06-01", "首次发布"),
      ...revision("A/1", "2026-03-01", `${pick(PHRASES)}，修订第5章`),
      `related: [${related.join(", ")}]`,
      `forms: [${own.join(", ")}]`,
      "sections:",
      "  - title: 目的",
      `    text: 规定${topic}的职责和方法，确保${pick(PHRASES)}。`,
      "  - title: 适用范围",
      "    text: 适用于本公司所有汽车零部件产品。",
      "  - number: 5",
      "    title: 作业流程",
      "    sections:",
      `      - title: ${topic}策划`,
      `        text: ${pick(PHRASES)}。`,
      `      - title: ${topic}实施`,
      `        text: ${pick(PHRASES)}。`,
    ]);
  });

  instructions.forEach((id, i) => {
    const own = forms.slice((procedures.length + i) * formsPerProcedure, (procedures.length + i + 1) * formsPerProcedure);
    const number = i === 1 ? "WI-0002" : id;
    write(`documents/${id}.yaml`, [
      `id: ${number}`,
      `title: ${TOPICS[i % TOPICS.length]}作业指导书${i + 1}`,
      "level: 3",
      i === 1 ? "kind: form" : "kind: instruction",
      `department: ${DEPARTMENTS[(i + 2) % DEPARTMENTS.length][0]}`,
      "status: released",
      "effective: 2026-01-15",
      "revisions:",
      ...revision("A/0", "2026-01-15", "首次发布"),
      `related: [${procedures[i % procedures.length]}]`,
      ...(own.length > 0 ? [`forms: [${own.join(", ")}]`] : []),
      // The instruction mistaken for a form has a form's retention period, so that its one finding is the number's.
      ...(i === 1 ? ["record: {retention: 3年}"] : []),
      "sections:",
      "  - title: 操作步骤",
      `    text: ${pick(PHRASES)}。`,
    ]);
  });

  forms.forEach((id, i) => {
    write(`documents/${id}.yaml`, [
      `id: ${id}`,
      `title: ${TOPICS[i % TOPICS.length]}记录表${i + 1}`,
      "level: 4",
      "kind: form",
      `department: ${DEPARTMENTS[i % DEPARTMENTS.length][0]}`,
      "status: released",
      "effective: 2025-06-01",
      "revisions:",
      ...revision("A/0", "2025-06-01", "首次发布"),
      "record:",
      `  retention: ${pick(["3年", "5年", "产品寿命期+1年"])}`,
      `  medium: ${pick(["paper", "electronic", "paper+electronic"])}`,
      `  location: ${pick(DEPARTMENTS)[1]}档案柜`,
      ...(i === 1 ? ["owner: 品质部"] : []),
    ]);
  });

  for (let i = 0; i < c.csrs; i++) {
    const customer = customers[i % customers.length];
    const id = `${customer}-${pad(Math.floor(i / customers.length) + 1, 4)}`;
    // The day revision B of the customer's manual was received: a CSR taken from it is received with it
    // (date/received-before-source, date/received-after-source: the review runs from the document's receipt).
    const received = "2025-12-15";
    const reviewers = [pick(byDept("QA")), pick(byDept("MKT"))];
    const addressed = i === 0 ? "QP-9999" : procedures[i % procedures.length];
    write(`csr/${customer}/${id}.yaml`, [
      `id: ${id}`,
      `customer: ${customer}`,
      "source:",
      "  document: CSR-MANUAL",
      "  revision: B",
      `  section: "${1 + (i % 12)}.${1 + (i % 7)}"`,
      `clauses: [${q(`IATF16949:${CLAUSES[i % CLAUSES.length]}`)}]`,
      `title: ${TOPICS[i % TOPICS.length]}要求${i + 1}`,
      // Numbered like the title: each customer's requirements differ, as a customer's manual's do (csr/duplicate).
      `text: ${pick(PHRASES)}；${pick(PHRASES)}（第${i + 1}项）。`,
      `category: ${CATEGORIES[i % CATEGORIES.length]}`,
      `received: ${received}`,
      "review:",
      "  opinions:",
      ...reviewers.flatMap((p) => [`    - department: ${p.department}`, `      reviewer: ${p.id}`, "      opinion: accept", `      date: ${received}`]),
      "  decision:",
      "    disposition: must",
      `    by: ${pick(approvers).id}`,
      `    date: ${received}`,
      "addressed:",
      `  - document: ${addressed}`,
      `    section: "5.${1 + (i % 2)}"`,
      "implementation:",
      `  owner: ${pick(people).id}`,
      "  due: 2026-12-31",
      "  status: in-progress",
      "distribution:",
      "  departments: [QA, PRD]",
      `  date: ${received}`,
    ]);
  }
  return count;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, n] = process.argv.slice(2);
  if (!dir || !n || !/^\d+$/.test(n)) {
    console.error("usage: node bench/generate.js <dir> <entities>");
    process.exit(2);
  }
  const files = generateRepository(resolve(dir), Number(n));
  console.log(`wrote ${files} files for ${n} entities to ${resolve(dir)}`);
}
