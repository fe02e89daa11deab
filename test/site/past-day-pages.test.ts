/**
 * The pages of `csr site --today D` for a past day D tell what was true on D where the records and git
 * can say it: a document whose file was first committed after D (a draft now) has no page, entry or
 * link on the site of D; a document's page does not list a CSR received after D; a document withdrawn after D
 * is not marked 作废 on the pages of D that name it. A real git repository whose commits carry fixed dates (+08:00), built once;
 * D lies between the first commit and the later ones.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAt, csrInProcess, git, minimalRepo, releasedProcedure, tempDir, withoutYearCheck } from "../helpers.js";

const D = "2026-11-25";

function draft(id: string, title: string, related: string): string {
  return [`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", "status: draft", `related: [${related}]`, "sections:", "  - title: 目的", "    text: 草稿。", ""].join("\n");
}

async function site(dir: string, ...args: string[]): Promise<{ out: string; read: (path: string) => string }> {
  const out = join(tempDir(), "site");
  const result = await csrInProcess(["-C", dir, "site", "--out", out, ...args], { lang: "zh-CN" });
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringContaining("已生成网站") });
  return { out, read: (path) => readFileSync(join(out, path), "utf8") };
}

/** The items of the list under the heading `title` of a page, as text. */
function items(html: string, title: string): string[] {
  const section = html.split(`<h2>${title}</h2>`)[1]?.split("</section>")[0];
  if (section === undefined) return [`no section ${title}`];
  return [...section.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());
}

/** A process's documents (过程文件, a table since tester70 P12): each row's number, title and status, and its note when it has one. */
function processDocuments(html: string): string[] {
  const section = html.split("<h2>过程文件</h2>")[1]?.split("</section>")[0] ?? "";
  return [...section.matchAll(/<tr><td[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1]!.split("</td>").map((cell) => cell.replace(/<[^>]+>/g, "").trim())).map((cells) => [cells[0], cells[1], cells[4], cells[5]].filter(Boolean).join(" "));
}

const CUSTOMER = "code: DYA\nname: 东岳汽车\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions: [{revision: A, received: 2026-03-02}]\n";

/** A CSR received on `received`, decided on the third day after, addressed in `documents`. */
function csr(id: string, title: string, received: string, documents: readonly string[]): string {
  return [
    `id: ${id}`,
    "customer: DYA",
    "source: {document: DYA-SQM, revision: A}",
    "clauses: [IATF16949:7.5]",
    `title: ${title}`,
    `received: ${received}`,
    "review:",
    "  required: [QA]",
    `  opinions: [{department: QA, reviewer: zhang, opinion: accept, date: ${received}}]`,
    `  decision: {disposition: must, by: wang, date: ${received}}`,
    "addressed:",
    ...documents.map((d) => `  - document: ${d}`),
    "",
  ].join("\n");
}

const PROCESS = (documents: string) => `processes:\n  - code: M1\n    name: 文件管理\n    type: management\n    owner: QA\n    clauses: [IATF16949:7.5]\n    documents: [${documents}]\n`;

describe("csr site --today D: what did not exist on D", () => {
  let dir: string;
  beforeAll(() => {
    dir = withoutYearCheck(
      minimalRepo({
        "processes.yaml": PROCESS("QP-001"),
        "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "第一版。" }).replace("sections:", "related: [QP-002]\nsections:"),
        "documents/QP-002.yaml": releasedProcedure("QP-002", "记录控制程序", { title: "目的", text: "第一版。" }),
        "customers/DYA.yaml": CUSTOMER,
        "csr/DYA/DYA-001.yaml": csr("DYA-001", "文件保存期限", "2026-03-02", ["QP-001", "QP-002"]),
      }),
    );
    git(dir, ["init", "-q"]);
    commitAt(dir, "2026-03-02T10:00:00+08:00", "QP-001 A/0");
    // After D: QP-003, a draft still, naming QP-001, listed under the process.
    writeFileSync(join(dir, "documents/QP-003.yaml"), draft("QP-003", "内部审核程序", "QP-001"));
    writeFileSync(join(dir, "processes.yaml"), PROCESS("QP-001, QP-003"));
    // After D: DYA-002 received, decided and addressed in QP-001.
    writeFileSync(join(dir, "csr/DYA/DYA-002.yaml"), csr("DYA-002", "记录电子化", "2026-11-27", ["QP-001"]));
    // After D: QP-002 withdrawn.
    const qp002 = join(dir, "documents/QP-002.yaml");
    writeFileSync(qp002, readFileSync(qp002, "utf8").replace("status: released", "status: obsolete\nobsolete: {date: 2026-11-27, reason: 并入QP-001}"));
    commitAt(dir, "2026-11-27T10:00:00+08:00", "QP-003 草稿, DYA-002");
  });

  it("has no page, link or search entry for a document first committed after D, a draft now", async () => {
    const { out, read } = await site(dir, "--today", D);
    expect(existsSync(join(out, "documents/QP-003.html"))).toBe(false);
    expect(read("assets/search-entries.js")).not.toContain("QP-003");
    expect(processDocuments(read("processes/M1.html"))).toEqual(["QP-001 文件控制程序 已发布"]);
    expect(items(read("documents/QP-001.html"), "引用本文件的文件和过程")).toEqual(["M1 文件管理"]);
    expect(read("documents/QP-001.html")).not.toContain("QP-003");
    // Today it is there, linked from the process and from the document it names.
    const now = await site(dir);
    expect(now.read("documents/QP-003.html")).toContain("内部审核程序");
    expect(processDocuments(now.read("processes/M1.html"))).toEqual(["QP-001 文件控制程序 已发布", "QP-003 内部审核程序 草稿 过程仍列出"]);
    expect(items(now.read("documents/QP-001.html"), "引用本文件的文件和过程")).toEqual(["QP-003 内部审核程序", "M1 文件管理"]);
  });

  it("says on a draft's page that csr cannot tell whether it existed on D when git has no commit by then", async () => {
    // The same files, without git.
    const copy = withoutYearCheck(minimalRepo({ "processes.yaml": PROCESS("QP-001, QP-003"), "documents/QP-001.yaml": readFileSync(join(dir, "documents/QP-001.yaml"), "utf8"), "documents/QP-003.yaml": readFileSync(join(dir, "documents/QP-003.yaml"), "utf8") }));
    const { read } = await site(copy, "--today", D);
    const page = read("documents/QP-003.html");
    expect(page).toContain("2026-11-25 是否已存在无法确定");
    expect(page).toContain("QP-003 现在是草稿状态。草稿和审批状态不带日期，git 中又没有 2026-11-25 当日或之前的提交：csr 无法确定这份文件在 2026-11-25 是否已经存在。本页是现在的文件。");
    expect(processDocuments(read("processes/M1.html"))).toEqual(["QP-001 文件控制程序 已发布", "QP-003 内部审核程序 草稿 过程仍列出"]);
  });

  it("lists on a document's page only the CSRs received by D", async () => {
    const { read } = await site(dir, "--today", D);
    expect(items(read("documents/QP-001.html"), "落实于本文件的顾客特定要求")).toEqual(["DYA-001 文件保存期限"]);
    expect(items((await site(dir)).read("documents/QP-001.html"), "落实于本文件的顾客特定要求")).toEqual(["DYA-001 文件保存期限", "DYA-002 记录电子化"]);
  });

  it("marks a document 作废 on the pages of D only when it was withdrawn by D", async () => {
    /** The 落实文件 row of a review report, and the row of QP-002 in a document's 相关文件, as text. */
    const addressed = (html: string) => html.match(/<tr><th>落实文件<\/th><td colspan="3">(.*?)<\/td><\/tr>/s)?.[1]?.replace(/<br[^>]*>/g, " | ").replace(/<[^>]+>/g, "");
    const related = (html: string) => html.match(/<tr><td class="nowrap"><a href="..\/documents\/QP-002.html">QP-002<\/a><\/td>(.*?)<\/tr>/)?.[1]?.replace(/<[^>]+>/g, " ").trim();
    const { read } = await site(dir, "--today", D);
    expect(addressed(read("csr/DYA-001.html"))).toBe("QP-001 文件控制程序（A/0） | QP-002 记录控制程序（A/0）");
    expect(related(read("documents/QP-001.html"))).toBe("记录控制程序  A/0");
    const now = await site(dir);
    expect(addressed(now.read("csr/DYA-001.html"))).toBe("QP-001 文件控制程序（A/0） | QP-002 记录控制程序（A/0） 【已作废 2026-11-27，不计入落实】");
    expect(related(now.read("documents/QP-001.html"))).toBe("记录控制程序  A/0  【作废】");
  });
});

describe("csr site --today D without a commit by D: the deadlines of D", () => {
  it("judges the implementations overdue on the records of D, the dashboard's number the rows of its list", async () => {
    // DYA-004 was due on 2026-11-20 and implemented on 2026-11-28: overdue on D. No git: the findings are of the files as they are now.
    const implemented = csr("DYA-004", "控制计划年度评审", "2026-03-02", ["QP-001"]) + "implementation: {owner: zhang, due: 2026-11-20, status: implemented, implemented: 2026-11-28, evidence: 已完成}\n";
    const dir = withoutYearCheck(minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "第一版。" }), "customers/DYA.yaml": CUSTOMER, "csr/DYA/DYA-004.yaml": implemented }));
    const { read } = await site(dir, "--today", D);
    const count = (list: string) => read("index.html").match(new RegExp(`href="lists/${list}.html"><span class="count">(\\d+)`))?.[1];
    const rows = (html: string) => [...(html.split("<tbody>")[1]?.split("</tbody>")[0] ?? "").matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()).join(" | "));
    expect(count("csr-implementation-overdue")).toBe("1");
    expect(rows(read("lists/csr-implementation-overdue.html"))).toEqual(["1 | DYA-004 | 控制计划年度评审 | 实施（实施中） | 2026-11-20 | 3 | 张伟"]);
    expect(read("findings.html")).toContain("csr/implementation-overdue");
    // Today it is done.
    const now = await site(dir);
    expect(now.read("index.html").match(/href="lists\/csr-implementation-overdue.html"><span class="count">(\d+)/)?.[1]).toBe("0");
  });

  it("says on a CSR page of D that its training record numbers carry no date", async () => {
    // Training records without sessions (an imported list's); the implementation recorded after D.
    const trained = csr("DYA-005", "培训要求", "2026-03-02", ["QP-001"]) + "implementation: {owner: zhang, due: 2026-12-20, status: implemented, implemented: 2026-11-28}\ntraining: {required: true, records: [TR-2026-001]}\n";
    const dir = withoutYearCheck(minimalRepo({ "documents/QP-001.yaml": releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "第一版。" }), "customers/DYA.yaml": CUSTOMER, "csr/DYA/DYA-005.yaml": trained }));
    const line = "培训记录编号（TR-2026-001）没有记录日期，按现在的记录列出，不一定是 2026-11-25 当日已有的。";
    expect((await site(dir, "--today", D)).read("csr/DYA-005.html")).toContain(line);
    expect((await site(dir)).read("csr/DYA-005.html")).not.toContain("没有记录日期");
  });
});

