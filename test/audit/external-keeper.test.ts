/**
 * The external document list's 保管部门 (aud68 A13): a blank reads to an auditor as an external document nobody controls.
 * It is the department recorded as keeping the customer's document (csr source update --department); without one, the
 * departments holding a controlled copy of that revision (its distribution), said so; without either, 未登记, named
 * under the list, with the command that records it on stderr for the one who runs it. acme-auto records 品质部 as keeping
 * each of its customers' documents, as its QP-015 and QP-001 have 品质部文控 control them as external documents; the
 * 未登记 path is tested on a copy without them (withoutKeepers).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, copyFixture, csr, csrInProcess, tempDir, withoutKeepers } from "../helpers.js";

function keepers(dir: string, lang: "zh-CN" | "en" = "zh-CN"): { rows: string[]; notes: string[]; stderr: string } {
  const result = csr(["-C", dir, "list", "external", "--today", "2026-12-06", "--format", "json"], { lang });
  expect(result.code, result.stderr).toBe(0);
  const table = JSON.parse(result.stdout) as { rows: { number: string; revision: string; keeper: string }[]; notes: string[] };
  return { rows: table.rows.map((r) => `${r.number} ${r.revision} ${r.keeper}`), notes: table.notes, stderr: result.stderr };
}

/** The sources csr check warns of as kept by nobody (csr/source-keeper-missing) on the list's day: file:line:column, severity, source. */
function unkeptFindings(dir: string): string[] {
  return checkJson(dir, "--today", "2026-12-06")
    .findings.filter((f) => f.rule === "csr/source-keeper-missing")
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message.split(" 《")[0]!.replace("Customer source document ", "")}`);
}

describe("the external document list's 保管部门", () => {
  it("is 品质部 for every customer document of acme-auto, with no note under the list and no hint on stderr", () => {
    const { rows, notes, stderr } = keepers(copyFixture("examples/acme-auto"));
    expect(rows).toEqual(["BCM-SQR V2.0 品质部", "BCM-PKG A 品质部", "BCM-SPA 1.0 品质部", "DYA-SQM C 品质部", "DYA-SQM D 品质部", "DYA-SC B 品质部", "DYA-KPI 2027版 品质部"]);
    expect(notes.filter((note) => note.includes("保管部门"))).toEqual([]);
    expect(stderr).toBe("");
    expect(keepers(copyFixture("examples/acme-auto"), "en").rows[0]).toBe("BCM-SQR V2.0 Quality Assurance");
  });

  it("says 未登记 where nothing records a keeper, names those documents under the list and the command on stderr", () => {
    const { rows, notes, stderr } = keepers(withoutKeepers(copyFixture("examples/acme-auto")));
    expect(rows).toEqual(["BCM-SQR V2.0 未登记", "BCM-PKG A 未登记", "BCM-SPA 1.0 未登记", "DYA-SQM C 未登记", "DYA-SQM D 未登记", "DYA-SC B 未登记", "DYA-KPI 2027版 未登记"]);
    expect(notes).toContain("未登记保管部门、也没有发放受控副本的顾客文件 6 份（BCM-SQR、BCM-PKG、BCM-SPA、DYA-SQM、DYA-SC、DYA-KPI）：外来文件须明确由哪个部门保管和控制（IATF 16949 7.5.3.2）。");
    expect(stderr).toBe("用 'csr source update <来源文件编号> --department <部门>' 登记保管部门，例如 'csr source update BCM-SQR --department QA'；或用 'csr distribute' 登记发放的受控副本。\n");
    const english = keepers(withoutKeepers(copyFixture("examples/acme-auto")), "en");
    expect(english.rows[0]).toBe("BCM-SQR V2.0 not recorded");
    expect(english.notes).toContain("6 customer documents have no keeper recorded and no controlled copy handed out (BCM-SQR, BCM-PKG, BCM-SPA, DYA-SQM, DYA-SC, DYA-KPI): an external document needs a department that keeps and controls it (IATF 16949 7.5.3.2).");
    // csr check warns of the same six, one warning each on the source's id (tester70 P9); acme-auto itself of none.
    const dir = withoutKeepers(copyFixture("examples/acme-auto"));
    expect(unkeptFindings(dir).map((f) => f.split(" ").slice(1).join(" "))).toEqual(["warning BCM-SQR", "warning BCM-PKG", "warning BCM-SPA", "warning DYA-SQM", "warning DYA-SC", "warning DYA-KPI"]);
    expect(unkeptFindings(copyFixture("examples/acme-auto"))).toEqual([]);
  });

  it("is the department recorded, else the departments holding a controlled copy of that revision on the day", () => {
    const dir = withoutKeepers(copyFixture("examples/acme-auto"));
    expect(csr(["-C", dir, "source", "update", "BCM-SQR", "--department", "MKT", "-y"], { lang: "zh-CN" }).code).toBe(0);
    const file = join(dir, "customers/DYA.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace(
          "  - id: DYA-SC\n    title: 东岳汽车产品特殊特性管理规范\n",
          "  - id: DYA-SC\n    title: 东岳汽车产品特殊特性管理规范\n    distribution:\n      - {copy: 1, version: B, to: PRD, date: 2025-02-12}\n      - {copy: 2, version: B, to: ENG, date: 2025-02-12, recalled: 2025-06-01}\n",
        )
        // A copy of revision C only: revision D, which nobody holds, is 未登记 on its row and its document named under the list.
        .replace("  - id: DYA-SQM\n    title: 东岳汽车供应商质量手册\n", "  - id: DYA-SQM\n    title: 东岳汽车供应商质量手册\n    distribution:\n      - {copy: 1, version: C, to: QA, date: 2024-06-20}\n"),
    );
    const { rows, notes, stderr } = keepers(dir);
    expect(rows.filter((r) => r.startsWith("BCM-SQR") || r.startsWith("DYA-S"))).toEqual(["BCM-SQR V2.0 市场部", "DYA-SQM C 品质部（持有受控副本）", "DYA-SQM D 未登记", "DYA-SC B 生产部（持有受控副本）"]);
    expect(notes).toContain("未登记保管部门的顾客文件，保管部门栏列出当日持有该版本受控副本的部门。");
    expect(notes).toContain("未登记保管部门、也没有发放受控副本的顾客文件 4 份（BCM-PKG、BCM-SPA、DYA-SQM、DYA-KPI）：外来文件须明确由哪个部门保管和控制（IATF 16949 7.5.3.2）。");
    // The command's example names the department that keeps the customers' other documents; with none, the one whose
    // procedure controls documents (QP-001 文件控制程序, 品质部: the first case), a department of this repository either way.
    expect(stderr).toContain("例如 'csr source update BCM-PKG --department MKT'");
    // csr check warns of those four, not of DYA-SC (a copy out) nor of BCM-SQR (a keeper recorded).
    expect(unkeptFindings(dir).map((f) => f.split(" ")[2])).toEqual(["BCM-PKG", "BCM-SPA", "DYA-SQM", "DYA-KPI"]);
    const message = checkJson(dir, "--today", "2026-12-06").findings.find((f) => f.rule === "csr/source-keeper-missing")!.message;
    expect(message).toBe(
      "Customer source document BCM-PKG 《北辰汽车零部件包装与标识要求》, revision A held, has no keeper department (保管部门) recorded and no controlled copy out: no department is on record as keeping and controlling this document of external origin. Record the department that keeps it with 'csr source update BCM-PKG --department <department>', or the controlled copies handed out with 'csr distribute BCM-PKG --to <departments>'.",
    );
  });

  it("is counted on the site's dashboard under document control, the same sources, each linking to its customer", async () => {
    const dir = withoutKeepers(copyFixture("examples/acme-auto"));
    const out = join(tempDir(), "site");
    const built = await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-06"], { lang: "zh-CN" });
    expect(built.code, built.stderr).toBe(0);
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('<a class="site-number warn" href="lists/sources-without-keeper.html"><span class="count">6</span> <span class="label">没有保管部门的顾客来源文件</span></a>');
    const list = readFileSync(join(out, "lists/sources-without-keeper.html"), "utf8");
    expect([...list.matchAll(/<td class="code">([A-Z]+-[A-Z]+)<\/td>/g)].map((m) => m[1])).toEqual(["BCM-SQR", "BCM-PKG", "BCM-SPA", "DYA-SQM", "DYA-SC", "DYA-KPI"]);
    expect(list).toContain('<a href="../customers/DYA.html">DYA</a>');
  });
});
