import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const lines = (...l: string[]) => l.join("\n") + "\n";

const procedure = (revisions: string[], step2: string, titleEn = "Labels") =>
  lines(
    "id: QP-014",
    "title: 标识和可追溯性控制程序",
    "level: 2",
    "kind: procedure",
    "department: QA",
    "status: released",
    "revisions:",
    ...revisions,
    "sections:",
    "  - title: 目的",
    "    text: 规定产品标识的方法。",
    "  - title: 作业流程",
    "    sections:",
    "      - title: 来料标识",
    "        text: 仓库在来料上贴待检标签。",
    "      - title: 包装标签",
    `        title_en: ${titleEn}`,
    `        text: ${step2}`,
  );

const A0 = ["  - { version: A/0, date: 2026-01-05, summary: 首次发布, prepared: { by: zhang }, reviewed: { by: li }, approved: { by: wang } }"];
const A1 = [...A0, "  - { version: A/1, date: 2026-03-03, summary: 标签改为二维码, prepared: { by: zhang }, reviewed: { by: li }, approved: { by: wang } }"];

const requirement = (text: string) =>
  lines(
    "id: DYA-001",
    "customer: DYA",
    "source: { document: DYA-SQM, revision: A }",
    "clauses: [IATF16949:8.5.2]",
    "title: 包装标签须含批次号",
    `text: ${text}`,
    "received: 2026-01-05",
    "review:",
    "  opinions:",
    "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-01-06 }",
    "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-01-06 }",
    "  decision: { disposition: must, by: wang, date: 2026-01-07 }",
  );

function repo(): string {
  return gitInit(
    minimalRepo({
      "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    department: QA", "    revisions:", "      - { revision: A, received: 2026-01-05 }"),
      "csr/DYA/DYA-001.yaml": requirement("每个包装标签须含零件号、数量和批次号。"),
      "documents/QP-014.yaml": procedure(A0, "包装标签打印零件号、数量和批次号。"),
    }),
  );
}

const SUSPECT_SECTION =
  "The link from DYA-001 to section 2.2 包装标签 of QP-014 is suspect: section 2.2 包装标签 of QP-014 changed since the link was made or last confirmed on 2026-03-01 (revision A/0 then, A/1 now). Check that it still addresses the requirement, then run 'csr address --confirm DYA-001 QP-014 --section \"2.2 包装标签\" --by zhang', or correct 'addressed'.";

// Each test runs csr several times; on a loaded 2-core machine that can take longer than the default.
describe("suspect links", { timeout: 120_000 }, () => {
  it("pins a new link, and a changed section or a changed requirement makes it suspect until confirmed", async () => {
    const dir = repo();
    const read = () => readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8");
    const linked = await csrInProcess(["-C", dir, "address", "DYA-001", "QP-014", "--section", "2.2", "--by", "zhang", "--date", "2026-03-01"]);
    expect(linked).toEqual({ code: 0, stdout: "DYA-001: addressed in QP-014 2.2 包装标签.\nWrote csr/DYA/DYA-001.yaml; not committed (git commit it, or run with --commit).\n", stderr: "" });
    expect(read()).toMatch(/\naddressed:\n {2}- document: QP-014\n {4}section: 2\.2 包装标签\n {4}pin:\n {6}revision: A\/0\n {6}section: [0-9a-f]{12}\n {6}csr: [0-9a-f]{12}\n {6}by: zhang\n {6}date: 2026-03-01\n$/);
    expect((await checkJsonInProcess(dir, "--today", "2026-03-01")).findings).toEqual([]);

    // A new release that rewrites the addressed section: the link is suspect.
    writeFileSync(join(dir, "documents/QP-014.yaml"), procedure(A1, "包装标签改为二维码，含零件号和数量。"));
    const suspect = await checkJsonInProcess(dir, "--today", "2026-03-04");
    expect(suspect.findings.map((f) => [f.rule, f.severity, f.file, f.line, f.message])).toEqual([["csr/suspect-link", "warning", "csr/DYA/DYA-001.yaml", 14, SUSPECT_SECTION]]);
    expect(suspect.code).toBe(0);
    // The command to run names a real person, the one who made the link, as a Chinese user types them.
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-03-04"], { lang: null })).stdout).toContain(`'csr address --confirm DYA-001 QP-014 --section "2.2 包装标签" --by 张伟'`);
    expect((await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-03-04"])).stdout).toContain(
      "  Addressed in    QP-014 标识和可追溯性控制程序 A/1 (released), section 2.2 Labels  ! suspect: section changed since confirmed\n",
    );
    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--format", "json"], { lang: null });
    const table = JSON.parse(matrix.stdout) as { rows: { link: string; status: string }[]; notes: string[] };
    // Its only link to be confirmed, the requirement is not addressed until it is (tester64 N5).
    expect(table.rows.map((r) => [r.link, r.status])).toEqual([["可疑：章节已变更，链接待确认，不计入落实", "待确认落实"]]);
    expect(table.notes).toEqual([
      "起算日期至及时性为当前评审轮次：起算日期为接收日期，来源文件换版后为重新起算日期（首次接收日期见顾客特定要求清单），评审期限为起算后第 10 个工作日；历次评审见顾客特定要求评审及时性记录。",
      "尚未落实到文件的要求：DYA-001（QP-014 的链接待确认）",
      "可疑链接 1 处：要求或落实章节在链接确认后已变更，落实是否仍然有效有待核实。",
    ]);

    // Someone checks the new text and confirms: who and when are recorded, and the warning goes.
    const confirmed = await csrInProcess(["-C", dir, "address", "--confirm", "DYA-001", "QP-014", "--by", "wang", "--date", "2026-03-05"]);
    expect(confirmed).toEqual({ code: 0, stdout: "Confirmed that QP-014 section 2.2 包装标签 still addresses DYA-001, by 王强 (wang) on 2026-03-05.\nWrote csr/DYA/DYA-001.yaml; not committed (git commit it, or run with --commit).\n", stderr: "" });
    // The confirmation it replaces is kept (tester54a A12).
    expect(read()).toMatch(/ {6}revision: A\/1\n {6}section: [0-9a-f]{12}\n {6}csr: [0-9a-f]{12}\n {6}by: wang\n {6}date: 2026-03-05\n {6}history:\n {8}- revision: A\/0\n {10}section: [0-9a-f]{12}\n {10}csr: [0-9a-f]{12}\n {10}by: zhang\n {10}date: 2026-03-01\n$/);
    expect((await checkJsonInProcess(dir, "--today", "2026-03-05")).findings).toEqual([]);
    const confirmedRow = JSON.parse((await csrInProcess(["-C", dir, "matrix", "csr", "--format", "json"], { lang: null })).stdout).rows[0];
    expect([confirmedRow.link, confirmedRow.status]).toEqual(["已确认", "已落实到文件"]);

    // The other way: the requirement changes, so the section that addresses it is suspect.
    writeFileSync(join(dir, "csr/DYA/DYA-001.yaml"), read().replace("每个包装标签须含零件号、数量和批次号。", "每个包装标签须含零件号、数量、批次号和生产日期。"));
    expect((await checkJsonInProcess(dir, "--today", "2026-03-05")).findings.map((f) => f.message)).toEqual([
      "The link from DYA-001 to section 2.2 包装标签 of QP-014 is suspect: DYA-001's title, text, clauses, category or disposition changed since 2026-03-05. Check that it still addresses the requirement, then run 'csr address --confirm DYA-001 QP-014 --section \"2.2 包装标签\" --by wang', or correct 'addressed'.",
    ]);
  });

  it("leaves a link made during the review confirmed when the first decision says the requirement is to be met; a decision not to meet it makes it suspect (tester54a A14)", async () => {
    const dir = repo();
    const file = join(dir, "csr/DYA/DYA-001.yaml");
    const decided = readFileSync(file, "utf8");
    writeFileSync(file, decided.replace("  decision: { disposition: must, by: wang, date: 2026-01-07 }\n", ""));
    expect((await csrInProcess(["-C", dir, "address", "DYA-001", "QP-014", "--section", "2.2", "--by", "zhang", "--date", "2026-01-06"])).code).toBe(0);
    const linked = readFileSync(file, "utf8");
    // Decided must after the link was made: what the link promised stands.
    writeFileSync(file, linked.replace("\naddressed:", "\n  decision: { disposition: must, by: wang, date: 2026-01-07 }\naddressed:"));
    expect((await checkJsonInProcess(dir, "--today", "2026-01-08")).findings).toEqual([]);
    const matrix = async () => (JSON.parse((await csrInProcess(["-C", dir, "matrix", "csr", "--format", "json", "--today", "2026-01-08"], { lang: null })).stdout) as { rows: { link: string }[] }).rows.map((r) => r.link);
    expect(await matrix()).toEqual(["已确认"]);
    // Decided not applicable: the link no longer says what the decision says.
    writeFileSync(file, linked.replace("\naddressed:", "\n  decision: { disposition: not-applicable, justification: 不供货, by: wang, date: 2026-01-07 }\naddressed:"));
    expect((await checkJsonInProcess(dir, "--today", "2026-01-08")).findings.map((f) => f.rule)).toEqual(["csr/suspect-link"]);
  });

  it("counts every field of the section, down to an English title, but not the layout of the file", async () => {
    const dir = repo();
    await csrInProcess(["-C", dir, "address", "DYA-001", "QP-014", "--section", "2", "--by", "zhang", "--date", "2026-03-01"]);
    const doc = join(dir, "documents/QP-014.yaml");
    writeFileSync(doc, readFileSync(doc, "utf8").replace(/\n/g, "\r\n").replace("仓库在来料上贴待检标签。", "仓库在来料上贴待检标签。   "));
    expect((await checkJsonInProcess(dir, "--today", "2026-03-02")).findings).toEqual([]);
    writeFileSync(doc, procedure(A0, "包装标签打印零件号、数量和批次号。", "Package labels"));
    expect((await checkJsonInProcess(dir, "--today", "2026-03-02")).findings.map((f) => f.rule)).toEqual(["csr/suspect-link"]);
  });

  it("pins the links recorded before pins existed, once, and refuses what it cannot do", async () => {
    const dir = repo();
    const path = join(dir, "csr/DYA/DYA-001.yaml");
    writeFileSync(path, readFileSync(path, "utf8") + "addressed:\n  - { document: QP-014, section: 2.2 包装标签 }\n");
    expect(await csrInProcess(["-C", dir, "address", "--pin-all", "--date", "2026-03-01"])).toEqual({ code: 0, stdout: "Pinned the links of 1 CSR to the current documents (2026-03-01).\nWrote csr/DYA/DYA-001.yaml; not committed (git commit it, or run with --commit).\n", stderr: "" });
    expect(readFileSync(path, "utf8")).toMatch(/\n {2}- {document: QP-014, section: 2\.2 包装标签, pin: {revision: A\/0, section: [0-9a-f]{12}, csr: [0-9a-f]{12}, date: 2026-03-01}}\n$/);
    expect((await csrInProcess(["-C", dir, "address", "--pin-all"])).stdout).toBe("Every link is pinned already.\n");
    expect(await csrInProcess(["-C", dir, "address", "DYA-001", "QP-014", "--section", "9.9", "--by", "zhang"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-014 has no section '9.9'.\nhint: Its sections: 1 目的, 2 作业流程, 2.1 来料标识, 2.2 包装标签. Give the number (e.g. --section 2.2) or the title.\n",
    });
    expect((await csrInProcess(["-C", dir, "address", "--confirm", "DYA-001", "QP-014"])).stderr).toBe("csr: --confirm records who confirms that the link still holds: give --by with that person, e.g. --by wang.\n");
  });
});

describe("csr release names the CSRs addressed in what it changed (tester16 F18)", { timeout: 120_000 }, () => {
  /** QP-014 A/0 released and committed, DYA-001 addressed in its section 2.2 (pinned by zhang), then QP-014 edited for A/1. */
  async function edited(step2: string, titleEn?: string): Promise<string> {
    const dir = repo();
    expect((await csrInProcess(["-C", dir, "address", "DYA-001", "QP-014", "--section", "2.2", "--by", "zhang", "--date", "2026-03-01"])).code).toBe(0);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "QP-014 A/0, DYA-001 addressed"]);
    writeFileSync(join(dir, "documents/QP-014.yaml"), procedure(A0, step2, titleEn));
    return dir;
  }
  const release = async (dir: string) => (await csrInProcess(["-C", dir, "release", "QP-014", "--summary", "标签改为二维码", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-03-03", "-y", "--include-changes"]));

  it("warns that the section addressing a CSR changed, with the command that confirms the link", async () => {
    const dir = await edited("包装标签改为二维码，含零件号和数量。");
    const result = await release(dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").slice(1)).toEqual([
      "Warning: QP-014 A/1 changed section 2.2 包装标签 of QP-014, where DYA-001 is addressed (the link was confirmed on 2026-03-01, against A/0). Check that it still addresses the requirement, then run 'csr address --confirm DYA-001 QP-014 --section \"2.2 包装标签\" --by zhang'; if it no longer does, point 'addressed' at the section that does with 'csr address DYA-001 <document> --section <section> --by zhang' and remove this one with 'csr address DYA-001 QP-014 --section \"2.2 包装标签\" --remove'.",
      "",
    ]);
  });

  it("re-points a link whose section kept its title under another number, warning that its text changed, and says nothing when the release leaves it as it was (tester23 F18)", async () => {
    const dir = await edited("包装标签打印零件号、数量和批次号。");
    writeFileSync(join(dir, "documents/QP-014.yaml"), readFileSync(join(dir, "documents/QP-014.yaml"), "utf8").replace("仓库在来料上贴待检标签。", "仓库在来料上贴待检标签并登记。"));
    expect((await release(dir)).stdout).toMatch(/^Released QP-014 A\/1 \(documents\/QP-014\.yaml\): commit [0-9a-f]+, tag QP-014\/A-1\.\n$/);
    writeFileSync(
      join(dir, "documents/QP-014.yaml"),
      readFileSync(join(dir, "documents/QP-014.yaml"), "utf8").replace("      - title: 来料标识\n        text: 仓库在来料上贴待检标签并登记。\n", "").replace("      - title: 包装标签\n", "      - title: 包装标签\n        text: 标签须清晰。\n      - title: 标签内容\n"),
    );
    const result = await csrInProcess(["-C", dir, "release", "QP-014", "--summary", "合并来料标识", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-03-04", "-y", "--include-changes"]);
    expect(result.stdout.split("\n").slice(1)).toEqual([
      "QP-014 A/2 numbers section 2.2 包装标签 as 2.1 包装标签 (same title): the link of DYA-001 is re-pointed there, in the release's commit.",
      "Warning: QP-014 A/2 changed section 2.1 包装标签 of QP-014, where DYA-001 is addressed (the link was confirmed on 2026-03-01, against A/0). Check that it still addresses the requirement, then run 'csr address --confirm DYA-001 QP-014 --section \"2.1 包装标签\" --by zhang'; if it no longer does, point 'addressed' at the section that does with 'csr address DYA-001 <document> --section <section> --by zhang' and remove this one with 'csr address DYA-001 QP-014 --section \"2.1 包装标签\" --remove'.",
      "",
    ]);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"])).toBe("release QP-014 A/2: 合并来料标识\n\ncsr/DYA/DYA-001.yaml\ndocuments/QP-014.yaml\n");
  });
});
