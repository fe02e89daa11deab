/**
 * A CSR addressed in a document that is then withdrawn (auditor17 F14): csr obsolete names it, csr
 * check reports the entry, and the CSR matrix and csr show mark the document withdrawn, with its
 * date, and do not count it as where the CSR is addressed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";

const TODAY = "2026-11-27";

/** The CSR fixture with DYA-003 addressed in WI-031 and in QP-020, as a git repository. */
function repository(): string {
  const dir = copyFixture("test/fixtures/csr/valid");
  const file = join(dir, "csr/DYA/DYA-003.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace('  - { document: WI-031, section: "5.2" }\n', '  - { document: WI-031, section: "5.2" }\n  - { document: QP-020 }\n'));
  return gitInit(dir);
}

async function withdrawWi031(dir: string, ...successor: string[]) {
  return (await csrInProcess(["-C", dir, "obsolete", "WI-031", "--reason", "并入QP-020", ...successor, "--date", "2026-11-26", "-y"]));
}

interface MatrixRow {
  id: string;
  document: string;
  version: string;
  link: string;
}

describe("a CSR addressed in a withdrawn document", () => {
  it("csr obsolete withdraws it and names the CSRs left pointing at it; csr check warns at the entry", async () => {
    const dir = repository();
    const withdrawn = await withdrawWi031(dir, "--superseded-by", "QP-020");
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stdout.split("\n").slice(1)).toEqual([
      "These CSRs still list WI-031 in addressed (csr check reports csr/addressed-by-obsolete; the CSR matrix marks it withdrawn and does not count it); record where they are addressed now ('csr address <csr> <document>', then 'csr address <csr> WI-031 --remove'):",
      "  csr/DYA/DYA-003.yaml  DYA-003 包装须使用顾客周转箱",
      "",
    ]);
    const { code, findings } = await checkJsonInProcess(dir, "--today", TODAY);
    expect(findings.map((f) => [`${f.file}:${f.line}:${f.column}`, f.severity, f.rule, f.message])).toEqual([
      [
        "csr/DYA/DYA-003.yaml:13:5",
        "warning",
        "csr/addressed-by-obsolete",
        "DYA-003's addressed still lists WI-031, withdrawn on 2026-11-26; it no longer addresses the requirement. Its replacement QP-020 already addresses DYA-003: remove this entry ('csr address DYA-003 WI-031 --remove').",
      ],
    ]);
    expect(code).toBe(0);
  });

  it("without a successor, the finding says to point the entry at the current document or remove it", async () => {
    const dir = repository();
    expect((await withdrawWi031(dir)).code).toBe(0);
    expect((await checkJsonInProcess(dir, "--today", TODAY)).findings.map((f) => f.message)).toEqual([
      "DYA-003's addressed still lists WI-031, withdrawn on 2026-11-26; it no longer addresses the requirement. Point it at the current document that replaces it ('csr address DYA-003 <document>'), or remove the entry ('csr address DYA-003 WI-031 --remove').",
    ]);
  });

  it("the CSR matrix marks the document withdrawn with its date, does not count it, and says so under the matrix", async () => {
    const dir = repository();
    expect((await withdrawWi031(dir, "--superseded-by", "QP-020")).code).toBe(0);
    const run = await csrInProcess(["-C", dir, "matrix", "csr", "--today", TODAY, "--format", "json"]);
    const matrix = JSON.parse(run.stdout) as { rows: MatrixRow[]; notes: string[] };
    expect(matrix.rows.filter((r) => r.id === "DYA-003").map(({ document, version, link }) => ({ document, version, link }))).toEqual([
      { document: "WI-031", version: "withdrawn 2026-11-26", link: "not counted" },
      { document: "QP-020", version: "A/1", link: "unconfirmed" },
    ]);
    expect(matrix.notes).toContain("Documents marked withdrawn no longer address these CSRs: DYA-003.");
    // What to do about it is for the one who runs the command: on stderr, not in the matrix.
    // (First, the note on the cells that quote the organisation's records in Chinese, tester65 N1.)
    expect(run.stderr).toBe("48 cells are quoted as written in the organisation's records (Chinese); csr does not translate their text.\nPoint addressed at the current document that replaces the withdrawn one, or remove the entry (csr/addressed-by-obsolete).\n");
    expect(run.stdout).not.toContain("addressed-by-obsolete");
    const zhRun = await csrInProcess(["-C", dir, "matrix", "csr", "--today", TODAY], { lang: "zh-CN" });
    expect(zhRun.stdout).toContain("标为“已作废”的落实文件已撤销，不再算作落实：DYA-003。");
    expect(zhRun.stderr).toBe("请在 addressed 中改为替代已作废文件的现行文件，或删去该条（csr/addressed-by-obsolete）。\n");
    const zh = zhRun.stdout.split("\n");
    expect(zh.find((l) => l.includes("WI-031"))).toMatch(/ WI-031 +5\.2 标识 +已作废 2026-11-26 +包装作业指导书 +不计入落实 +已落实到文件$/);
  });

  it("a CSR addressed only in withdrawn documents is listed as not yet addressed under the matrix", async () => {
    const dir = copyFixture("test/fixtures/csr/invalid");
    const matrix = JSON.parse((await csrInProcess(["-C", dir, "matrix", "csr", "--today", TODAY, "--format", "json"])).stdout) as { rows: MatrixRow[]; notes: string[] };
    expect(matrix.rows.filter((r) => r.id === "DYA-005").map(({ document, version, link }) => ({ document, version, link }))).toEqual([
      { document: "QP-009", version: "withdrawn 2026-03-01", link: "not counted" },
    ]);
    expect(matrix.notes.filter((n) => n.includes("DYA-005"))).toEqual([
      "Not yet addressed in any document: DYA-004, DYA-005 (QP-009 withdrawn)",
      "Documents marked withdrawn no longer address these CSRs: DYA-005.",
    ]);
  });

  it("csr show says when the document was withdrawn and that it no longer addresses the CSR", async () => {
    const dir = repository();
    expect((await withdrawWi031(dir, "--superseded-by", "QP-020")).code).toBe(0);
    const lines = (await csrInProcess(["-C", dir, "show", "DYA-003", "--today", TODAY])).stdout.split("\n");
    const at = lines.findIndex((l) => l.includes("WI-031"));
    expect(lines.slice(at, at + 2).map((l) => l.trim())).toEqual([
      "Addressed in    WI-031 包装作业指导书 (withdrawn on 2026-11-26; no longer addresses it), section 5.2 标识",
      "QP-020 特殊特性管理程序 A/1 (released)",
    ]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "show", "DYA-003", "--today", TODAY, "--format", "json"])).stdout) as { addressed: { document: string; withdrawn: string | null }[] };
    expect(json.addressed.map((a) => [a.document, a.withdrawn])).toEqual([
      ["WI-031", "2026-11-26"],
      ["QP-020", null],
    ]);
  });

  it("a CSR implemented under documents that are all withdrawn is decided again, in every register, csr show and csr site", async () => {
    // DYA-005 (implemented 2026-11-26) addressed only in QP-009, withdrawn 2026-03-01 and replaced by QP-020.
    const dir = copyFixture("test/fixtures/csr/valid");
    const file = join(dir, "csr/DYA/DYA-005.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("  - { document: QP-020 }\n", "  - { document: QP-009 }\n"));
    const list = (await csrInProcess(["-C", dir, "list", "csr", "--today", TODAY])).stdout.split("\n");
    expect(list.filter((l) => l.startsWith("DYA-005") || l.startsWith("Not yet")).map((l) => l.replace(/ {2,}/g, "  "))).toEqual([
      "DYA-005  DYA  7.1  8.3.3.3  特殊特性清单每年评审  2026-12-04  王强  decided",
      "Not yet addressed in any document: DYA-003 (WI-031 not released yet), DYA-005 (QP-009 withdrawn)",
    ]);
    const matrix = JSON.parse((await csrInProcess(["-C", dir, "matrix", "csr", "--today", TODAY, "--format", "json"])).stdout) as { rows: (MatrixRow & { status: string })[] };
    expect(matrix.rows.filter((r) => r.id === "DYA-005").map(({ version, link, status }) => ({ version, link, status }))).toEqual([{ version: "withdrawn 2026-03-01", link: "not counted", status: "decided" }]);
    expect((JSON.parse((await csrInProcess(["-C", dir, "show", "DYA-005", "--today", TODAY, "--format", "json"])).stdout) as { status: string }).status).toBe("decided");
    const site = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", site, "--today", TODAY], { lang: "zh-CN" })).code).toBe(0);
    const text = (page: string) => readFileSync(join(site, page), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text("csr/DYA-005.html")).toContain("落实文件 QP-009 产品标识管理程序 【已作废 2026-03-01，不计入落实】 负责人 王强");
    expect(text("documents/QP-009.html")).toContain("DYA-005 特殊特性清单每年评审（已作废 2026-03-01；不计入落实）");
    // The customer's one table of its CSRs (b582e253): DYA-005 is 已决定 as DYA-003 is, its withdrawn QP-009 not counted.
    const customer = text("customers/DYA.html");
    expect(customer).toContain("DYA-005 特殊特性清单每年评审 2026-11-20 2026-12-04 2026-11-24 按期 可选 QP-009 已作废 2026-03-01（不计入落实） 王强 2026-11-26 2026-11-26 已决定 ");
    expect(customer.match(/ 已决定 /g)).toHaveLength(2);
  });
});
