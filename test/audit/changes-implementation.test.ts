/**
 * `csr changes` lists the dated records of a CSR's implementation in production (导入生产日期) and its
 * verification, and of controlled copies handed out, taken back, lost, destroyed or stamped 作废 and
 * kept (发放/回收记录), each on its day with who (tester52 D10): for a period, an implementation an
 * earlier review round had (moved to the history by a new source revision) and one corrected since
 * (csr implement --amend) too; between two commits, what was recorded between them.
 */
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, csr, git, makeRepo, minimalRepo, ROOT, tempDir } from "../helpers.js";

const TZ = { TZ: "Asia/Shanghai" };
const lines = (...l: string[]) => l.join("\n") + "\n";
/** Writes `files` (relative path -> text) into the repository `dir`. */
const write = (dir: string, files: Record<string, string>) => makeRepo(files, dir);

const signed = (version: string, date: string, summary: string) => [
  `  - version: ${version}`,
  `    date: ${date}`,
  `    summary: ${summary}`,
  `    prepared: { by: zhang, date: ${date} }`,
  `    reviewed: { by: li, date: ${date} }`,
  `    approved: { by: wang, date: ${date} }`,
];

const procedure = (revisions: string[][], copies: string[], electronic: string[]) =>
  lines("id: QP-001", "title: 顾客特定要求管理程序", "level: 2", "kind: procedure", "department: QA", "clauses: [IATF16949:4.3.2]", "status: released", "revisions:", ...revisions.flat(), "distribution:", ...copies.map((c) => `  - ${c}`), "electronic_issue:", ...electronic.map((e) => `  - ${e}`));

/** A/0 on OA before the period (not a change of it); A/1 issued on OA in it, after its paper copies (tester55 C2). */
const ON_OA_BEFORE = ["{version: A/0, to: [QA], date: 2025-01-05, system: OA, issued_by: wang}"];
const ON_OA_AFTER = [...ON_OA_BEFORE, "{version: A/1, to: [QA, MKT], date: 2026-05-08, system: OA, issued_by: wang}"];

/** Copies 1 and 2 of A/0 handed out before the period; in it, 3 and 6 of A/0, one destroyed and one lost, A/1's 4 and 5, 1 taken back and 2 kept stamped 作废. */
const COPIES_BEFORE = ["{copy: 1, version: A/0, to: QA, holder: zhang, issued_by: wang, date: 2025-01-05}", "{copy: 2, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2025-01-05}"];
const COPIES_AFTER = [
  "{copy: 1, version: A/0, to: QA, holder: zhang, issued_by: wang, date: 2025-01-05, recalled: 2026-05-06, returned_by: zhang, received_by: wang}",
  "{copy: 2, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2025-01-05, retained: {date: 2026-05-07, by: li, remark: 留作培训参考，存市场部}}",
  "{copy: 3, version: A/0, to: QA, holder: wang, issued_by: wang, date: 2026-01-06, destroyed: {date: 2026-03-01, by: wang, remark: 被水浸湿，现场销毁}}",
  "{copy: 4, version: A/1, to: QA, holder: zhang, issued_by: wang, date: 2026-05-06}",
  "{copy: 5, version: A/1, to: MKT, holder: li, issued_by: wang, date: 2026-05-06}",
  "{copy: 6, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2026-01-06, lost: {date: 2026-03-01, by: li, remark: 出差途中遗失}}",
];

const opinions = (date: string, indent: string) => [
  `${indent}opinions:`,
  `${indent}  - { department: QA, reviewer: zhang, opinion: accept, date: ${date} }`,
  `${indent}  - { department: MKT, reviewer: li, opinion: accept, date: ${date} }`,
];

/**
 * DYA-010, received on DYA-SQM A in January and decided; implemented in February and verified by 李娜; reopened by
 * B in March, which moved that round's decision and implementation to the history; decided again, implemented on
 * 2026-04-08, corrected to 2026-04-10 (csr implement --amend), verified by 王强 on 2026-04-20.
 */
const DYA_010 = lines(
  "id: DYA-010",
  "customer: DYA",
  "source: { document: DYA-SQM, revision: B }",
  "clauses: [IATF16949:8.5.4]",
  "title: 包装标签须含批次号",
  "received: 2026-01-05",
  "review:",
  "  restarted: 2026-03-02",
  "  history:",
  "    - source_revision: A",
  "      closed: 2026-03-02",
  "      revised_to: B",
  ...opinions("2026-01-07", "      "),
  "      decision: { disposition: must, by: wang, date: 2026-01-09 }",
  ...opinions("2026-03-04", "  "),
  "  decision: { disposition: must, by: wang, date: 2026-03-05 }",
  "implementation:",
  "  owner: zhang",
  "  status: verified",
  "  evidence: B 版标签已导入生产线",
  "  implemented: 2026-04-10",
  "  verified: { by: wang, date: 2026-04-20 }",
  "  history:",
  "    - closed: 2026-03-02",
  "      source_revision: A",
  "      revised_to: B",
  "      status: verified",
  "      evidence: A 版标签已导入",
  "      implemented: 2026-02-02",
  "      verified: { by: li, date: 2026-02-10 }",
  "    - closed: 2026-04-10",
  "      reason: amended",
  "      implemented: 2026-04-08",
);

/** DYA-011: distributed to QA and MKT by 张伟 on 2026-03-05; verified by 李娜 on 2026-03-11, the verification corrected to 王强's of 2026-02-12 (csr implement --amend). */
const DYA_011 = lines(
  "id: DYA-011",
  "customer: DYA",
  "source: { document: DYA-SQM, revision: B }",
  "clauses: [IATF16949:8.5.4]",
  "title: 标签须含生产日期",
  "received: 2026-03-02",
  "review:",
  ...opinions("2026-03-03", "  "),
  "  decision: { disposition: must, by: wang, date: 2026-03-04 }",
  "distribution:",
  "  - { departments: [QA, MKT], date: 2026-03-05, by: zhang, source_revision: B }",
  "implementation:",
  "  owner: li",
  "  status: verified",
  "  implemented: 2026-03-10",
  "  verified: { by: wang, date: 2026-03-12 }",
  "  history:",
  "    - closed: 2026-03-12",
  "      reason: amended",
  "      verified: { by: li, date: 2026-03-11 }",
);

function history(): string {
  const dir = minimalRepo({
    "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", "      - { revision: A, received: 2025-01-06 }"),
    "documents/QP-001.yaml": procedure([signed("A/0", "2025-01-02", "首次发布")], COPIES_BEFORE, ON_OA_BEFORE),
  });
  git(dir, ["init", "-q"]);
  git(dir, ["config", "user.name", "Test User"]);
  git(dir, ["config", "user.email", "test@example.com"]);
  commitAt(dir, "2025-12-31", "年末");
  git(dir, ["tag", "audit-2025"]);
  write(dir, {
    "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", "      - { revision: A, received: 2026-01-05 }", "      - { revision: B, received: 2026-03-02, supersedes: A }"),
    "documents/QP-001.yaml": procedure([signed("A/0", "2025-01-02", "首次发布"), signed("A/1", "2026-05-06", "增加标签要求")], COPIES_AFTER, ON_OA_AFTER),
    "csr/DYA/DYA-010.yaml": DYA_010,
    "csr/DYA/DYA-011.yaml": DYA_011,
  });
  commitAt(dir, "2026-07-01", "上半年");
  git(dir, ["tag", "audit-2026"]);
  return dir;
}

interface Row {
  area: string;
  kind: string;
  id: string;
  from: string;
  to: string;
  detail: string;
  date: string | null;
  copies?: { copy: number; to: string; holder?: string }[];
  remark?: string;
  evidence?: string;
  replaced?: { by?: string; date?: string };
}

const rowOf = (c: Row) => [c.area, c.kind, c.id, c.from, c.to, c.detail, c.date, c.copies?.map((h) => h.copy).join("+") ?? "", c.remark ?? "", c.evidence ?? "", c.replaced ? JSON.stringify(c.replaced) : ""].join("|");

describe("csr changes lists implementation, verification and controlled copies (tester52 D10)", { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = history();
  });
  const json = (...args: string[]) => {
    const result = csr(["-C", dir, "changes", ...args, "--format", "json"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    return (JSON.parse(result.stdout) as { changes: Row[] }).changes;
  };

  it("for a period: each on its day, an earlier round's implementation and a corrected one too, and the period is the union of its halves", () => {
    const half = json("2026-01-01", "2026-06-30").map(rowOf);
    expect(half).toEqual([
      "document|issued|QP-001||A/0|wang|2026-01-06|3+6|||",
      "document|destroyed|QP-001|A/0||wang|2026-03-01|3|被水浸湿，现场销毁||",
      "document|lost|QP-001|A/0||li|2026-03-01|6|出差途中遗失||",
      "document|released|QP-001|A/0|A/1|增加标签要求|2026-05-06||||",
      "document|issued|QP-001||A/1|wang|2026-05-06|4+5|||",
      "document|recalled|QP-001|A/0||wang|2026-05-06|1|||",
      "document|retained|QP-001|A/0||li|2026-05-07|2|留作培训参考，存市场部||",
      "document|issued|QP-001||A/1|wang|2026-05-08||||",
      "csr|added|DYA-010||DYA-SQM A|DYA|2026-01-05||||",
      "csr|decided|DYA-010||must|wang|2026-01-09||||",
      "csr|implemented|DYA-010|in-progress|implemented|zhang|2026-02-02|||A 版标签已导入|",
      "csr|verified|DYA-010|implemented|verified|li|2026-02-10||||",
      "csr|reopened|DYA-010|A|B||2026-03-02||||",
      "csr|added|DYA-011||DYA-SQM B|DYA|2026-03-02||||",
      "csr|decided|DYA-011||must|wang|2026-03-04||||",
      "csr|decided|DYA-010||must|wang|2026-03-05||||",
      "csr|distributed|DYA-011||DYA-SQM B|zhang|2026-03-05||||",
      "csr|implemented|DYA-011|in-progress|implemented|li|2026-03-10||||",
      "csr|verified|DYA-011|implemented|verified|li|2026-03-11||||",
      'csr|verified|DYA-011|implemented|verified|wang|2026-03-12||||{"by":"li","date":"2026-03-11"}',
      "csr|implemented|DYA-010|in-progress|implemented|zhang|2026-04-08|||B 版标签已导入生产线|",
      'csr|implemented|DYA-010|implemented|implemented|zhang|2026-04-10|||B 版标签已导入生产线|{"date":"2026-04-08"}',
      "csr|verified|DYA-010|implemented|verified|wang|2026-04-20||||",
      "source|added|DYA-SQM||A|DYA|2026-01-05||||",
      "source|revised|DYA-SQM|A|B|DYA|2026-03-02||||",
    ]);
    // The electronic issue says to whom and on which system, as the distribution register does.
    expect(json("2026-05-08", "2026-05-08")).toEqual([{ area: "document", kind: "issued", id: "QP-001", title: "顾客特定要求管理程序", from: "", to: "A/1", detail: "wang", departments: ["QA", "MKT"], electronic: { system: "OA" }, date: "2026-05-08" }]);
    const halves = [...json("2026-01-01", "2026-03-31"), ...json("2026-04-01", "2026-06-30")].map(rowOf);
    expect([...halves].sort()).toEqual([...half].sort());
  });

  it("prints them in words in every format: who, the copies and their holders, the evidence, the record corrected; counted; the note says they are covered", () => {
    const table = csr(["-C", dir, "changes", "2026-01-01", "2026-06-30", "--format", "csv"], { lang: null, env: TZ });
    const rows = table.stdout.split(/\r?\n/);
    expect(rows.filter((l) => /发放|回收|销毁|遗失|作废留用|已实施|已验证/.test(l.split(",")[1] ?? ""))).toEqual([
      "文件,发放,QP-001,顾客特定要求管理程序,,A/0,受控号 3（品质部 王强）、6（市场部 李娜）；发放人：王强,,2026-01-06",
      "文件,销毁,QP-001,顾客特定要求管理程序,A/0,,受控号 3（品质部 王强）；确认人：王强；被水浸湿，现场销毁,,2026-03-01",
      "文件,遗失,QP-001,顾客特定要求管理程序,A/0,,受控号 6（市场部 李娜）；确认人：李娜；出差途中遗失,,2026-03-01",
      "文件,发放,QP-001,顾客特定要求管理程序,,A/1,受控号 4（品质部 张伟）、5（市场部 李娜）；发放人：王强,,2026-05-06",
      "文件,回收,QP-001,顾客特定要求管理程序,A/0,,受控号 1（品质部 张伟）；回收人：王强,,2026-05-06",
      "文件,作废留用,QP-001,顾客特定要求管理程序,A/0,,受控号 2（市场部 李娜）；经办人：李娜；留作培训参考，存市场部,,2026-05-07",
      "文件,发放,QP-001,顾客特定要求管理程序,,A/1,电子版（OA，只读）发放至：品质部、市场部；发放人：王强,,2026-05-08",
      "顾客特定要求,已实施,DYA-010,包装标签须含批次号,实施中,已实施,负责人：张伟；证据：A 版标签已导入,,2026-02-02",
      "顾客特定要求,已验证,DYA-010,包装标签须含批次号,已实施,已验证,验证人：李娜,,2026-02-10",
      "顾客特定要求,已发放,DYA-011,标签须含生产日期,,DYA-SQM B,发放至：品质部、市场部；发放人：张伟,,2026-03-05",
      "顾客特定要求,已实施,DYA-011,标签须含生产日期,实施中,已实施,负责人：李娜,,2026-03-10",
      "顾客特定要求,已验证,DYA-011,标签须含生产日期,已实施,已验证,验证人：李娜,,2026-03-11",
      "顾客特定要求,已验证,DYA-011,标签须含生产日期,已实施,已验证,更正验证记录，原为 李娜 2026-03-11；验证人：王强,,2026-03-12",
      "顾客特定要求,已实施,DYA-010,包装标签须含批次号,实施中,已实施,负责人：张伟；证据：B 版标签已导入生产线,,2026-04-08",
      "顾客特定要求,已实施,DYA-010,包装标签须含批次号,已实施,已实施,更正导入生产日期，原为 2026-04-08；负责人：张伟；证据：B 版标签已导入生产线,,2026-04-10",
      "顾客特定要求,已验证,DYA-010,包装标签须含批次号,已实施,已验证,验证人：王强,,2026-04-20",
    ]);
    const printed = csr(["-C", dir, "changes", "2026-01-01", "2026-06-30"], { lang: null, env: TZ }).stdout.split("\n");
    expect(printed.filter((l) => l.startsWith("文件：") || l.startsWith("顾客特定要求："))).toEqual([
      "文件：换版 1，发放 3，回收 1，遗失 1，销毁 1，作废留用 1",
      "顾客特定要求：新增 2，已决定 3，重新评审 1，已发放 1，已实施 4，已验证 4",
    ]);
    expect(printed.find((l) => l.startsWith("按记录上的日期"))).toContain("受控副本的发放和回收（含遗失、销毁和作废留用）和电子版发放");
    const out = join(tempDir(), "changes.md");
    expect(csr(["-C", dir, "changes", "2026-01-01", "2026-06-30", "--out", out], { lang: null, env: TZ }).code).toBe(0);
    expect(readFileSync(out, "utf8").split("\n").filter((l) => l.startsWith("| 文件 | 发放 |") && l.includes("电子版"))).toEqual(["| 文件 | 发放 | QP-001 | 顾客特定要求管理程序 |  | A/1 | 电子版（OA，只读）发放至：品质部、市场部；发放人：王强 |  | 2026-05-08 |"]);
    expect(readFileSync(out, "utf8").split("\n").filter((l) => l.includes("| 已验证 |"))).toEqual([
      "| 顾客特定要求 | 已验证 | DYA-010 | 包装标签须含批次号 | 已实施 | 已验证 | 验证人：李娜 |  | 2026-02-10 |",
      "| 顾客特定要求 | 已验证 | DYA-011 | 标签须含生产日期 | 已实施 | 已验证 | 验证人：李娜 |  | 2026-03-11 |",
      "| 顾客特定要求 | 已验证 | DYA-011 | 标签须含生产日期 | 已实施 | 已验证 | 更正验证记录，原为 李娜 2026-03-11；验证人：王强 |  | 2026-03-12 |",
      "| 顾客特定要求 | 已验证 | DYA-010 | 包装标签须含批次号 | 已实施 | 已验证 | 验证人：王强 |  | 2026-04-20 |",
    ]);
    const english = csr(["-C", dir, "changes", "2026-01-01", "2026-06-30", "--format", "csv", "--lang", "en"], { env: TZ });
    expect(english.stdout.split(/\r?\n/).filter((l) => /,(copies|copy|distributed|implemented|verified)/.test(l))).toEqual([
      "Documents,copies issued,QP-001,顾客特定要求管理程序,,A/0,\"copy no. 3 (品质部 王强), 6 (市场部 李娜); issued by 王强\",,2026-01-06",
      "Documents,copy destroyed,QP-001,顾客特定要求管理程序,A/0,,copy no. 3 (品质部 王强); confirmed by 王强; 被水浸湿，现场销毁,,2026-03-01",
      "Documents,copy lost,QP-001,顾客特定要求管理程序,A/0,,copy no. 6 (市场部 李娜); confirmed by 李娜; 出差途中遗失,,2026-03-01",
      "Documents,copies issued,QP-001,顾客特定要求管理程序,,A/1,\"copy no. 4 (品质部 张伟), 5 (市场部 李娜); issued by 王强\",,2026-05-06",
      "Documents,copies taken back,QP-001,顾客特定要求管理程序,A/0,,copy no. 1 (品质部 张伟); taken back by 王强,,2026-05-06",
      "Documents,copy kept as obsolete,QP-001,顾客特定要求管理程序,A/0,,copy no. 2 (市场部 李娜); stamped obsolete by 李娜; 留作培训参考，存市场部,,2026-05-07",
      'Documents,copies issued,QP-001,顾客特定要求管理程序,,A/1,"electronically (OA, read-only) to 品质部, 市场部; issued by 王强",,2026-05-08',
      "CSRs,implemented,DYA-010,包装标签须含批次号,in-progress,implemented,owner 张伟; evidence: A 版标签已导入,,2026-02-02",
      "CSRs,verified,DYA-010,包装标签须含批次号,implemented,verified,verified by 李娜,,2026-02-10",
      "CSRs,distributed,DYA-011,标签须含生产日期,,DYA-SQM B,\"distributed to 品质部, 市场部; by 张伟\",,2026-03-05",
      "CSRs,implemented,DYA-011,标签须含生产日期,in-progress,implemented,owner 李娜,,2026-03-10",
      "CSRs,verified,DYA-011,标签须含生产日期,implemented,verified,verified by 李娜,,2026-03-11",
      "CSRs,verified,DYA-011,标签须含生产日期,implemented,verified,\"corrects the verification, was 李娜 2026-03-11; verified by 王强\",,2026-03-12",
      "CSRs,implemented,DYA-010,包装标签须含批次号,in-progress,implemented,owner 张伟; evidence: B 版标签已导入生产线,,2026-04-08",
      "CSRs,implemented,DYA-010,包装标签须含批次号,implemented,implemented,\"corrects the date implemented, was 2026-04-08; owner 张伟; evidence: B 版标签已导入生产线\",,2026-04-10",
      "CSRs,verified,DYA-010,包装标签须含批次号,implemented,verified,verified by 王强,,2026-04-20",
    ]);
  });

  it("between two commits: what was recorded between them, the current implementation and verification, every copy", () => {
    expect(json("audit-2025", "audit-2026").map(rowOf)).toEqual([
      "document|issued|QP-001||A/0|wang|2026-01-06|3+6|||",
      "document|destroyed|QP-001|A/0||wang|2026-03-01|3|被水浸湿，现场销毁||",
      "document|lost|QP-001|A/0||li|2026-03-01|6|出差途中遗失||",
      "document|released|QP-001|A/0|A/1|增加标签要求|2026-05-06||||",
      "document|issued|QP-001||A/1|wang|2026-05-06|4+5|||",
      "document|recalled|QP-001|A/0||wang|2026-05-06|1|||",
      "document|retained|QP-001|A/0||li|2026-05-07|2|留作培训参考，存市场部||",
      "document|issued|QP-001||A/1|wang|2026-05-08||||",
      "csr|added|DYA-010||DYA-SQM B|DYA|2026-01-05||||",
      "csr|added|DYA-011||DYA-SQM B|DYA|2026-03-02||||",
      "csr|decided|DYA-011||must|wang|2026-03-04||||",
      "csr|decided|DYA-010||must|wang|2026-03-05||||",
      "csr|distributed|DYA-011||DYA-SQM B|zhang|2026-03-05||||",
      "csr|implemented|DYA-011||implemented|li|2026-03-10||||",
      "csr|verified|DYA-011|implemented|verified|wang|2026-03-12||||",
      "csr|implemented|DYA-010||implemented|zhang|2026-04-10|||B 版标签已导入生产线|",
      "csr|verified|DYA-010|implemented|verified|wang|2026-04-20||||",
      "source|revised|DYA-SQM|A|B|DYA|2026-03-02||||",
    ]);
  });
});

describe("csr changes of the acme-auto example over a year (tester52 D10)", { timeout: 180_000 }, () => {
  it("lists BCM-003 and DYA-002 put into production, BCM-002 verified by 张丽, and the copies of QP-012, QP-013 and QP-015 taken back", () => {
    const dir = tempDir();
    cpSync(join(ROOT, "examples/acme-auto"), dir, { recursive: true, filter: (path) => !path.split(/[\\/]/).includes(".git") });
    git(dir, ["init", "-q"]);
    git(dir, ["config", "user.name", "t"]);
    git(dir, ["config", "user.email", "t@t"]);
    commitAt(dir, "2026-12-04", "init");
    const result = csr(["-C", dir, "changes", "2025-12-04", "2026-12-04", "--format", "csv"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    const rows = result.stdout.split(/\r?\n/);
    expect(rows.filter((l) => /^(文件|顾客特定要求),(发放|回收|遗失|销毁|作废留用|已发放|已实施|已验证),/.test(l))).toEqual([
      "文件,发放,QP-002,记录控制程序,,A/1,受控号 3（品质部 张丽）、4（生产部 黄军）、5（采购物流部 吴艳）；发放人：陈静,,,2025-12-15",
      "文件,回收,QP-002,记录控制程序,A/0,,受控号 1（品质部 张丽）、2（生产部 黄军）；回收人：陈静,,,2025-12-15",
      "文件,发放,QP-011,标识和可追溯性控制程序,,A/1,受控号 3（生产部 黄军）、4（品质部 张丽）、5（采购物流部 吴艳）；发放人：陈静,,,2025-12-15",
      "文件,回收,QP-011,标识和可追溯性控制程序,A/0,,受控号 1（生产部 黄军）、2（品质部 张丽）；回收人：陈静,,,2025-12-15",
      // DYA-005's alternative is done in the laboratories of QP-006: 市场部, who sends each lot's report, has it on OA.
      "文件,发放,QP-006,设备与监视测量资源管理程序,,A/1,电子版（OA，只读）发放至：市场部；发放人：陈静,,,2026-03-27",
      "文件,发放,QP-010,生产过程控制程序,,A/1,电子版（OA，只读）发放至：生产部、技术部、品质部、市场部；发放人：陈静,,,2026-04-08",
      "文件,发放,QP-012,不合格品控制程序,,A/2,受控号 5（品质部 张丽）、6（生产部 黄军）、7（技术部 周鹏）；发放人：陈静,,,2026-04-08",
      "文件,回收,QP-012,不合格品控制程序,A/1,,受控号 3（品质部 张丽）、4（生产部 黄军）；回收人：陈静,,,2026-04-08",
      "文件,发放,QP-013,纠正措施控制程序,,A/2,受控号 5（品质部 张丽）、6（生产部 黄军）、7（技术部 周鹏）、8（市场部 孙伟）；发放人：陈静,,,2026-04-08",
      "文件,回收,QP-013,纠正措施控制程序,A/1,,受控号 3（品质部 张丽）、4（生产部 黄军）；回收人：陈静,,,2026-04-08",
      // HH-F-052 A/2, the 8D's first-piece record, handed out to 品质部 and 生产部 where it is filled in (doc/not-issued, 8392123e).
      "文件,发放,HH-F-052,首件检验记录,,A/2,受控号 1（品质部 赵强）、2（生产部 黄军）；发放人：陈静,,,2026-04-16",
      "文件,发放,QM-001,质量手册,,B/1,受控号 22（总经办 王建国）、23（市场部 孙伟）、24（技术部 周鹏）、25（品质部 张丽）、26（生产部 黄军）、27（采购物流部 吴艳）、28（行政人事部 郑敏）；发放人：陈静,,,2026-04-20",
      "文件,回收,QM-001,质量手册,B/0,,受控号 15（总经办 王建国）、16（市场部 孙伟）、17（技术部 周鹏）、18（品质部 张丽）、19（生产部 黄军）、20（采购物流部 吴艳）、21（行政人事部 郑敏）；回收人：陈静,,,2026-04-20",
      "文件,发放,QP-015,顾客特定要求管理程序,,A/2,受控号 7（市场部 孙伟）、8（生产部 黄军）、9（品质部 张丽）；发放人：陈静,,,2026-05-11",
      "文件,回收,QP-015,顾客特定要求管理程序,A/1,,受控号 4（市场部 孙伟）、5（生产部 黄军）、6（品质部 张丽）；回收人：陈静,,,2026-05-11",
      "顾客特定要求,已验证,BCM-002,外部实验室须具有CNAS认可且认可范围覆盖委托项目,已实施,已验证,验证人：张丽,,,2025-12-10",
      "顾客特定要求,已实施,BCM-003,批次追溯至胶料批次，追溯记录保存至停产后15年,实施中,已实施,负责人：黄军；证据：MES已上线胶料批次字段；2026-01-26追溯演练从成品批次追溯到胶料批次用时40分钟。,,,2026-01-26",
      "顾客特定要求,已发放,DYA-002,顾客投诉的围堵和8D报告时限,,,发放至：品质部、生产部、技术部、市场部,,,2026-03-24",
      "顾客特定要求,已发放,DYA-004,控制计划的年度评审和变更后提交,,,发放至：技术部、品质部、生产部、市场部,,,2026-03-24",
      "顾客特定要求,已发放,DYA-006,返工前风险评估，返工品100%复检并可追溯,,,发放至：品质部、生产部、技术部,,,2026-03-24",
      "顾客特定要求,已发放,DYA-005,每批交付随附第三方实验室爆破试验报告,,,发放至：市场部、品质部,,,2026-03-27",
      "顾客特定要求,已实施,DYA-005,每批交付随附第三方实验室爆破试验报告,实施中,已实施,负责人：张丽；证据：2026年度爆破压力型式试验由CNAS认可实验室完成（报告2026-04-08寄东岳SQE）；自2026-04-01起每批随附内部实验室爆破压力试验报告。,,,2026-04-01",
      "顾客特定要求,已实施,DYA-002,顾客投诉的围堵和8D报告时限,实施中,已实施,负责人：张丽；证据：QP-013 A/2、QR-013-01 A/1已发布；东岳投诉2026-05号8D按新时限于接收后第12个工作日关闭。,,,2026-04-20",
      "顾客特定要求,已验证,DYA-005,每批交付随附第三方实验室爆破试验报告,已实施,已验证,验证人：李娜,,,2026-05-11",
      "顾客特定要求,已发放,BCM-004,零件标签采用北辰统一二维码格式,,,发放至：生产部、采购物流部、品质部,,,2026-10-21",
    ]);
    const printed = csr(["-C", dir, "changes", "2025-12-04", "2026-12-04"], { lang: null, env: TZ }).stdout.split("\n");
    expect(printed.filter((l) => /^(文件|顾客特定要求)：/.test(l))).toEqual(["文件：换版 13，发放 9，回收 6", "顾客特定要求：新增 6，已决定 5，重新评审 1，已发放 5，已培训 3，已实施 3，已验证 2，已替代 1"]);
  });
});
