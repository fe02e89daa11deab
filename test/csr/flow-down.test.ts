/**
 * csr flow-down: a customer requirement passed down to suppliers (IATF 16949 8.4.3.1) — to whom, by which
 * document and revision, on which day, under which record — and each supplier's acknowledgement; shown on
 * the CSR's card, followed by csr/flow-down-missing (test/fixtures/rules/csr-flow-down-missing).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flowDownReadings } from "../../src/model/flow-down.js";
import type { ControlledDocument, Csr } from "../../src/model/types.js";
import { builtOnce, checkJsonInProcess, csrInProcess, git } from "../helpers.js";

/** The example repository with two suppliers (one of kind supplier, one of kind other, as suppliers were before that kind) and the customer's own office (kind customer) as outside parties. */
const withSuppliers = builtOnce(async () => {
  const { committedFixture } = await import("../helpers.js");
  const dir = committedFixture("examples/acme-auto");
  for (const [code, name, kind] of [["CZXS", "常州橡塑材料有限公司", "supplier"], ["WXJJ", "无锡精密机加工有限公司", "other"], ["DYAQ", "东岳驻厂代表处", "customer"]] as const) {
    const r = await csrInProcess(["-C", dir, "department", "add", code, "--name", name, "--external", kind, "-y", "--commit"]);
    expect(r.code, r.stderr).toBe(0);
  }
  return dir;
});
const read = (dir: string) => readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8");
const flowDownOf = (dir: string) => read(dir).slice(read(dir).indexOf("flow_down:"));

describe("csr flow-down", () => {
  it("records the passing to several suppliers by the repository's document at its revision in force, then each acknowledgement", async () => {
    const dir = await withSuppliers();
    const passed = await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--to", "CZXS", "无锡精密机加工有限公司", "--via", "WI-010-01", "--date", "2026-12-01", "--record", "LTR-2026-031", "-y", "--commit"], { lang: "zh-CN" });
    expect(passed.stderr).toBe("");
    expect(passed.stdout.split("\n")[0]).toBe("DYA-001：已登记经 WI-010-01 A/1 于 2026-12-01 传递至常州橡塑材料有限公司、无锡精密机加工有限公司，记录 LTR-2026-031。");
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr flow-down DYA-001：经 WI-010-01 传递至 CZXS WXJJ");
    const acknowledged = await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--acknowledged", "CZXS", "--date", "2026-12-03", "--by", "周建林", "--record", "HZ-0112", "-y"]);
    expect(acknowledged.stdout.split("\n")[0]).toBe("DYA-001: recorded the acknowledgement of 常州橡塑材料有限公司 on 2026-12-03, 周建林, record HZ-0112.");
    expect(flowDownOf(dir)).toBe(
      [
        "flow_down:",
        "  suppliers:",
        "    - {supplier: CZXS, document: WI-010-01, revision: A/1, date: 2026-12-01, record: LTR-2026-031, source_revision: B, acknowledged: {date: 2026-12-03, by: 周建林, record: HZ-0112}}",
        "    - {supplier: WXJJ, document: WI-010-01, revision: A/1, date: 2026-12-01, record: LTR-2026-031, source_revision: B}",
        "",
      ].join("\n"),
    );
    const show = await csrInProcess(["-C", dir, "show", "DYA-001", "--today", "2026-12-06"], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => /传递至供方|^ {18}\S*有限公司/.test(l))).toEqual([
      "  传递至供方      常州橡塑材料有限公司：WI-010-01 A/1，2026-12-01 传递，记录 LTR-2026-031；2026-12-03 回执，周建林，记录 HZ-0112",
      "                  无锡精密机加工有限公司：WI-010-01 A/1，2026-12-01 传递，记录 LTR-2026-031；未回执",
    ]);
    // The CSR matrix and the CSR list gain the column 传递至供方 (a repository that passes nothing down keeps its columns), the review report and the site's CSR page a line.
    for (const register of [["matrix", "csr"], ["list", "csr"]]) {
      const csv = (await csrInProcess(["-C", dir, ...register, "--customer", "DYA", "--today", "2026-12-06", "--format", "csv"], { lang: "zh-CN" })).stdout.replace(/^\uFEFF/, "");
      expect(csv.slice(0, csv.search(/\r?\n/)).split(","), register.join(" ")).toContain("传递至供方");
      expect(csv).toContain('"常州橡塑材料有限公司：WI-010-01 A/1，2026-12-01 传递，2026-12-03 回执\n无锡精密机加工有限公司：WI-010-01 A/1，2026-12-01 传递，未回执"');
    }
    expect((await csrInProcess(["-C", dir, "render", "DYA-001", "--format", "md", "--today", "2026-12-06", "--out", join(dir, "out", "DYA-001.md")], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(dir, "out", "DYA-001.md"), "utf8")).toContain(
      "- 传递至供方：常州橡塑材料有限公司：WI-010-01 A/1，2026-12-01 传递，2026-12-03 回执；无锡精密机加工有限公司：WI-010-01 A/1，2026-12-01 传递，未回执\n",
    );
    // Acknowledged once: a second reply to the same passing is refused, as is one dated before the passing.
    expect((await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--acknowledged", "CZXS", "--date", "2026-12-04", "-y"])).stderr).toBe("csr: 常州橡塑材料有限公司 acknowledged the latest passing of DYA-001 on 2026-12-03 already.\n");
    const early = await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--acknowledged", "WXJJ", "--date", "2026-11-30", "-y"]);
    expect([early.code, early.stderr]).toEqual([2, "csr: --date 2026-11-30 is before the passing to suppliers of DYA-001 (2026-12-01), which it must follow.\n"]);
  });

  it("refuses the whole command when one of the named is not a supplier, and writes nothing", async () => {
    const dir = await withSuppliers();
    const before = read(dir);
    const department = await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--to", "CZXS", "PUR", "--via", "WI-010-01", "--date", "2026-12-01", "-y"]);
    expect([department.code, department.stderr]).toEqual([
      2,
      "csr: --to Purchasing & Logistics is a department of the company, not a supplier: inside the company a requirement is distributed with 'csr distribute'. Suppliers: CZXS (常州橡塑材料有限公司), WXJJ (无锡精密机加工有限公司).\n",
    ]);
    const customer = await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--to", "DYAQ", "--via", "WI-010-01", "-y"]);
    expect(customer.stderr).toBe("csr: --to 东岳驻厂代表处 is not a supplier (requirements are passed down to outside parties of kind supplier or other only). Suppliers: CZXS (常州橡塑材料有限公司), WXJJ (无锡精密机加工有限公司).\n");
    const unknown = await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--to", "CZX", "--via", "WI-010-01", "-y"]);
    expect(unknown.stderr).toMatch(/^csr: --to: no supplier 'CZX'\. Suppliers: CZXS \(常州橡塑材料有限公司\), WXJJ \(无锡精密机加工有限公司\)\..*'CZXS'/);
    expect((await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--to", "CZXS", "-y"])).stderr).toMatch(/^csr: Say with --via by which document DYA-001 was passed down/);
    // The revision passed is the one in force: another one given is refused rather than recorded.
    const revision = await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--to", "CZXS", "--via", "WI-010-01", "--revision", "A/0", "--date", "2026-12-01", "-y"]);
    expect(revision.stderr).toBe("csr: --revision A/0: the revision of WI-010-01 in force on 2026-12-01 is A/1, and that is the one passed down; leave --revision out.\n");
    expect((await csrInProcess(["-C", dir, "flow-down", "DYA-001", "--acknowledged", "CZXS", "-y"])).stderr).toBe(
      "csr: DYA-001 was not passed to 常州橡塑材料有限公司 yet: record the passing first with 'csr flow-down DYA-001 --to CZXS --via <document>'.\n",
    );
    expect(read(dir)).toBe(before);
  });

  it("records a letter outside the repository with its own number, and marks a CSR as to be passed down, which the check then follows", async () => {
    const dir = await withSuppliers();
    expect((await csrInProcess(["-C", dir, "flow-down", "DYA-002", "--require", "-y"])).stdout.split("\n")[0]).toBe("DYA-002: marked as to be passed down to suppliers.");
    const findings = (await checkJsonInProcess(dir, "--today", "2026-12-06")).findings.filter((f) => f.rule === "csr/flow-down-missing");
    expect(findings.map((f) => f.message)).toEqual([
      "DYA-002 is to be met and to be passed down to suppliers, but was passed to no supplier (IATF 16949 8.4.3.1). Record the passing with 'csr flow-down DYA-002 --to <supplier> --via <document>'.",
    ]);
    const letter = await csrInProcess(["-C", dir, "flow-down", "DYA-002", "--to", "WXJJ", "--via", "质量协议", "--revision", "QA-2026-07", "--date", "2026-12-02", "-y"]);
    expect(letter.stdout.split("\n")[0]).toBe("DYA-002: recorded as passed to 无锡精密机加工有限公司 by 质量协议 QA-2026-07 on 2026-12-02.");
    expect((await checkJsonInProcess(dir, "--today", "2026-12-06")).findings.filter((f) => f.rule === "csr/flow-down-missing")).toEqual([]);
  });
});

describe("flowDownReadings", () => {
  const document = (versions: [string, string][]) =>
    new Map([["WI-008-01", { value: { id: "WI-008-01", status: "released", revisions: versions.map(([version, date]) => ({ version, date })) } as unknown as ControlledDocument }]]);
  const csrWith = (revision: string, suppliers: NonNullable<Csr["flow_down"]>["suppliers"]) => ({ id: "DYA-001", source: { document: "DYA-SC", revision }, flow_down: { suppliers } }) as unknown as Csr;

  it("reads each supplier's latest passing: acknowledged, awaiting, or to pass again once the source or the document was revised", () => {
    const csr = csrWith("C", [
      { supplier: "CZXS", document: "WI-008-01", revision: "A/0", date: "2026-01-05", source_revision: "C", acknowledged: { date: "2026-01-09" } },
      { supplier: "WXJJ", document: "WI-008-01", revision: "A/0", date: "2026-01-05", source_revision: "B" },
      { supplier: "HZJM", document: "WI-008-01", revision: "A/0", date: "2026-01-05", source_revision: "C" },
      { supplier: "WXJJ", document: "WI-008-01", revision: "A/0", date: "2026-02-01", source_revision: "C" },
    ]);
    const states = (day: string) => flowDownReadings(csr, document([["A/0", "2025-12-01"], ["A/1", "2026-03-01"]]), day).map((r) => [r.supplier, r.latest.date, r.status]);
    expect(states("2026-02-15")).toEqual([
      ["CZXS", "2026-01-05", { state: "acknowledged" }],
      ["WXJJ", "2026-02-01", { state: "awaiting" }],
      ["HZJM", "2026-01-05", { state: "awaiting" }],
    ]);
    expect(states("2026-03-01").map((s) => s[2])).toEqual([
      { state: "renew", reason: "document-revised", was: "A/0", is: "A/1" },
      { state: "renew", reason: "document-revised", was: "A/0", is: "A/1" },
      { state: "renew", reason: "document-revised", was: "A/0", is: "A/1" },
    ]);
    expect(flowDownReadings(csrWith("D", csr.flow_down!.suppliers), document([["A/0", "2025-12-01"]]), "2026-02-15").map((r) => r.status)).toEqual([
      { state: "renew", reason: "source-revised", was: "C" },
      { state: "renew", reason: "source-revised", was: "C" },
      { state: "renew", reason: "source-revised", was: "C" },
    ]);
  });
});
