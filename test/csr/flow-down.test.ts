/**
 * csr flow-down: a customer requirement passed down to suppliers (IATF 16949 8.4.3.1) — to whom, by which
 * document and revision, on which day, under which record — and each supplier's acknowledgement; shown on
 * the CSR's card, followed by csr/flow-down-missing (test/fixtures/rules/csr-flow-down-missing).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flowDownDecision, flowDownReadings, flowDownRegisterState } from "../../src/model/flow-down.js";
import type { ControlledDocument, Csr } from "../../src/model/types.js";
import { builtOnce, checkJsonInProcess, csr, csrInProcess, git } from "../helpers.js";

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

/**
 * The example repository with its suppliers and a flow-down on record as of 2026-12-06: DYA-001 passed to CZXS (acknowledged)
 * and WXJJ (not, 35 days on), DYA-002 passed to WXJJ by a quality agreement four days before, BCM-002 marked to be passed
 * down and passed to none, DYA-004 decided not to apply to suppliers.
 */
const withFlowDown = builtOnce(async () => {
  const dir = await withSuppliers();
  const steps = [
    ["DYA-001", "--to", "CZXS", "WXJJ", "--via", "WI-010-01", "--date", "2026-11-01", "--record", "LTR-2026-027"],
    ["DYA-001", "--acknowledged", "CZXS", "--date", "2026-11-05", "--by", "周建林", "--record", "HZ-0101"],
    ["DYA-002", "--to", "WXJJ", "--via", "质量协议", "--revision", "QA-2026-07", "--date", "2026-12-02"],
    ["BCM-002", "--require"],
    ["DYA-004", "--not-required", "--reason", "控制计划由本公司编制并提交顾客，不涉及供方", "--date", "2026-12-04", "--by", "张丽"],
  ];
  for (const step of steps) {
    const r = await csrInProcess(["-C", dir, "flow-down", ...step, "-y", "--commit"]);
    expect(r.code, r.stderr).toBe(0);
  }
  return dir;
});

describe("csr flow-down --not-required", () => {
  it("records the decision with its reason, day and decider, shown on the card and in the CSR list's 传递至供方", async () => {
    const dir = await withSuppliers();
    const run = csr(["-C", dir, "flow-down", "DYA-004", "--not-required", "--reason", "控制计划由本公司编制并提交顾客，不涉及供方", "--date", "2026-12-04", "--by", "张丽", "-y", "--commit"], { lang: "zh-CN" });
    expect([run.code, run.stderr, run.stdout.split("\n")[0]]).toEqual([0, "", "DYA-004：已记录不适用于供方（控制计划由本公司编制并提交顾客，不涉及供方），2026-12-04。"]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr flow-down DYA-004：不适用于供方");
    const text = readFileSync(join(dir, "csr/DYA/DYA-004.yaml"), "utf8");
    expect(text.slice(text.indexOf("flow_down:"))).toBe("flow_down:\n  required: false\n  reason: 控制计划由本公司编制并提交顾客，不涉及供方\n  date: 2026-12-04\n  by: zhangli\n");
    const show = await csrInProcess(["-C", dir, "show", "DYA-004", "--today", "2026-12-06"], { lang: "zh-CN" });
    expect(show.stdout.split("\n").filter((l) => l.includes("传递至供方"))).toEqual(["  传递至供方      不适用于供方：控制计划由本公司编制并提交顾客，不涉及供方（2026-12-04，张丽）"]);
    const list = await csrInProcess(["-C", dir, "list", "--customer", "DYA", "--columns", "id,flowDown", "--today", "2026-12-06", "--format", "csv"], { lang: "zh-CN" });
    expect(list.stdout.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.startsWith("DYA-004") || l.startsWith("编号"))).toEqual(["编号,传递至供方,截至", "DYA-004,不适用：控制计划由本公司编制并提交顾客，不涉及供方,2026-12-06"]);
    // Recorded again with the same reason: said so, nothing written; with --require after all: to be passed down, the reason gone.
    expect((await csrInProcess(["-C", dir, "flow-down", "DYA-004", "--not-required", "--reason", "控制计划由本公司编制并提交顾客，不涉及供方", "-y"], { lang: "zh-CN" })).stdout).toBe("DYA-004 已记录为不适用于供方，理由相同。\n");
    expect((await csrInProcess(["-C", dir, "flow-down", "DYA-004", "--require", "-y"])).code).toBe(0);
    const required = readFileSync(join(dir, "csr/DYA/DYA-004.yaml"), "utf8");
    expect(required.slice(required.indexOf("flow_down:"))).toBe("flow_down:\n  required: true\n");
  });

  it("refuses it without a reason, beside a passing or --require, for a CSR passed down already, and a reason alone", async () => {
    const dir = await withFlowDown();
    const refused = async (...args: string[]) => {
      const r = await csrInProcess(["-C", dir, "flow-down", ...args, "-y"], { lang: "zh-CN" });
      return [r.code, r.stderr];
    };
    expect(await refused("DYA-006", "--not-required")).toEqual([2, "csr: 请用 --reason 说明 DYA-006 为什么不适用于供方（如“仅涉及本公司装配工序，无外购件”）。\n"]);
    expect(await refused("DYA-006", "--reason", "x")).toEqual([2, "csr: --reason 是 --not-required 的理由：请与 --not-required 一同使用。\n"]);
    expect(await refused("DYA-006", "--not-required", "--reason", "x", "--require")).toEqual([2, "csr: --not-required 记录不适用于供方的决定，不能与 --require 一同使用。\n"]);
    expect(await refused("DYA-006", "--not-required", "--reason", "x", "--to", "CZXS", "--via", "WI-010-01")).toEqual([2, "csr: --not-required 记录不适用于供方的决定，不能与 --to 一同使用。\n"]);
    expect(await refused("DYA-001", "--not-required", "--reason", "x")).toEqual([2, "csr: DYA-001 已传递至常州橡塑材料有限公司、无锡精密机加工有限公司：已传递说明它适用于供方，不能再记为不适用。\n"]);
    expect(await refused("DYA-003", "--not-required", "--reason", "x")).toEqual([2, "csr: DYA-003 已被替代，不再传递至供方。\n"]);
  });
});

describe("csr list flow-down", () => {
  it("lists each CSR and supplier with the document, day, record, acknowledgement and state on the day", () => {
    return withFlowDown().then((dir) => {
      const run = csr(["-C", dir, "list", "flow-down", "--today", "2026-12-06", "--format", "csv"], { lang: "zh-CN" });
      expect([run.code, run.stderr]).toEqual([0, ""]);
      expect(run.stdout.replace(/^\uFEFF/, "").split(/\r?\n/)).toEqual([
        "序号,CSR 编号,要求名称,顾客,供方,传递文件及版本,传递日期,传递记录,回执日期,回执人/记录,状态",
        "1,BCM-002,外部实验室须具有CNAS认可且认可范围覆盖委托项目,北辰汽车集团有限公司,,,,,,,未传递",
        "2,DYA-001,特殊特性须使用东岳符号或经认可的等效符号标注,东岳汽车股份有限公司,常州橡塑材料有限公司,WI-010-01 A/1,2026-11-01,LTR-2026-027,2026-11-05,周建林、HZ-0101,已确认",
        "3,DYA-001,特殊特性须使用东岳符号或经认可的等效符号标注,东岳汽车股份有限公司,无锡精密机加工有限公司,WI-010-01 A/1,2026-11-01,LTR-2026-027,,,逾期未确认",
        "4,DYA-002,顾客投诉的围堵和8D报告时限,东岳汽车股份有限公司,无锡精密机加工有限公司,质量协议 QA-2026-07,2026-12-02,,,,待确认",
        "",
      ]);
    });
  });

  it("narrows to a customer and a supplier (by code or name), says it is filtered, and refuses an unknown supplier", async () => {
    const dir = await withFlowDown();
    const rows = async (...args: string[]) => (await csrInProcess(["-C", dir, "list", "flow-down", ...args, "--today", "2026-12-06", "--format", "csv"], { lang: "zh-CN" })).stdout.replace(/^\uFEFF/, "").split(/\r?\n/).slice(1, -1).map((l) => l.split(",").slice(1, 2).concat(l.split(",").slice(4, 5)).join(" "));
    expect(await rows("--customer", "DYA")).toEqual(["DYA-001 常州橡塑材料有限公司", "DYA-001 无锡精密机加工有限公司", "DYA-002 无锡精密机加工有限公司"]);
    expect(await rows("--supplier", "无锡精密机加工有限公司")).toEqual(["DYA-001 无锡精密机加工有限公司", "DYA-002 无锡精密机加工有限公司"]);
    expect(await rows("--customer", "BCM", "--supplier", "czxs")).toEqual([]);
    const text = await csrInProcess(["-C", dir, "list", "flow-down", "--supplier", "CZXS", "--today", "2026-12-06"], { lang: "zh-CN" });
    expect(text.stdout).toContain("本表按条件筛选（供方：常州橡塑材料有限公司），不是完整的顾客要求传递至供方登记表。");
    const unknown = await csrInProcess(["-C", dir, "list", "flow-down", "--supplier", "CZX", "--today", "2026-12-06"], { lang: "zh-CN" });
    expect([unknown.code, unknown.stderr]).toEqual([2, "csr: --supplier 没有供方 'CZX'。供方：CZXS（常州橡塑材料有限公司）、WXJJ（无锡精密机加工有限公司）。是否应为 'CZXS'？\n"]);
    expect((await csrInProcess(["-C", dir, "list", "flow-down", "--status", "x"])).stderr).toMatch(/^csr: --status /);
  });

  it("is a sheet of csr export once a CSR is passed down or to be", async () => {
    const dir = await withFlowDown();
    const out = join(dir, "out", "all.xlsx");
    expect((await csrInProcess(["-C", dir, "export", "--out", out, "--today", "2026-12-06"], { lang: "zh-CN" })).code).toBe(0);
    expect(execFileSync("unzip", ["-p", out, "xl/workbook.xml"], { encoding: "utf8" })).toContain('name="传递至供方"');
  });

  it("with qms.yaml csr.flow_down_decision_required, reports the must-meet CSRs with no flow-down decision", async () => {
    const dir = await withFlowDown();
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    expect((await checkJsonInProcess(dir, "--today", "2026-12-06")).findings.filter((f) => f.rule === "csr/flow-down-missing").map((f) => f.message)).toEqual([
      "BCM-002 is to be met and to be passed down to suppliers, but was passed to no supplier (IATF 16949 8.4.3.1). Record the passing with 'csr flow-down BCM-002 --to <supplier> --via <document>'.",
      "DYA-001 was passed to 无锡精密机加工有限公司 (2026-11-01) and not acknowledged after more than 30 days: nothing shows the supplier received and accepted it. Ask for the reply and record it with 'csr flow-down DYA-001 --acknowledged WXJJ --date ... --by ...'.",
    ]);
    writeFileSync(join(dir, "qms.yaml"), qms.replace(/^csr:\n/m, "csr:\n  flow_down_decision_required: true\n"));
    // The must-meet CSRs in force neither marked, passed down nor decided not to apply (BCM-002, DYA-001, DYA-002, DYA-004 are), at their disposition.
    const findings = (await checkJsonInProcess(dir, "--today", "2026-12-06")).findings.filter((f) => f.rule === "csr/flow-down-missing" && f.message.includes("was not decided"));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      "csr/BCM/BCM-003.yaml:36 BCM-003 is to be met, but whether it is passed down to suppliers was not decided (IATF 16949 8.4.3.1; qms.yaml csr.flow_down_decision_required). To pass it down: 'csr flow-down BCM-003 --require'; not applicable to suppliers: 'csr flow-down BCM-003 --not-required --reason <text>'.",
      "csr/BCM/BCM-004.yaml:42 BCM-004 is to be met, but whether it is passed down to suppliers was not decided (IATF 16949 8.4.3.1; qms.yaml csr.flow_down_decision_required). To pass it down: 'csr flow-down BCM-004 --require'; not applicable to suppliers: 'csr flow-down BCM-004 --not-required --reason <text>'.",
      "csr/DYA/DYA-006.yaml:36 DYA-006 is to be met, but whether it is passed down to suppliers was not decided (IATF 16949 8.4.3.1; qms.yaml csr.flow_down_decision_required). To pass it down: 'csr flow-down DYA-006 --require'; not applicable to suppliers: 'csr flow-down DYA-006 --not-required --reason <text>'.",
    ]);
  });
});

describe("flowDownDecision and flowDownRegisterState", () => {
  it("reads the decision: to pass down (marked or passed), not applicable with its reason, or none", () => {
    expect(flowDownDecision({})).toBeUndefined();
    expect(flowDownDecision({ flow_down: {} })).toBeUndefined();
    expect(flowDownDecision({ flow_down: { required: true } })).toEqual({ kind: "required" });
    expect(flowDownDecision({ flow_down: { suppliers: [{ supplier: "CZXS", document: "WI-008-01", date: "2026-01-05" }] } })).toEqual({ kind: "required" });
    expect(flowDownDecision({ flow_down: { required: false, reason: "本公司工序", date: "2026-12-04", by: "zhangli" } })).toEqual({ kind: "not-required", reason: "本公司工序", date: "2026-12-04", by: "zhangli" });
  });

  it("judges a passing not acknowledged overdue after the days to acknowledge, and keeps the other states", () => {
    const latest = { supplier: "CZXS", document: "WI-008-01", date: "2026-11-01" };
    const awaiting = { supplier: "CZXS", latest, status: { state: "awaiting" as const } };
    expect(flowDownRegisterState(awaiting, 30, "2026-12-01")).toBe("awaiting");
    expect(flowDownRegisterState(awaiting, 30, "2026-12-02")).toBe("overdue");
    expect(flowDownRegisterState({ ...awaiting, status: { state: "acknowledged" } }, 30, "2027-01-01")).toBe("acknowledged");
    expect(flowDownRegisterState({ ...awaiting, status: { state: "renew", reason: "source-revised", was: "C" } }, 30, "2027-01-01")).toBe("renew");
  });
});
