/**
 * A customer's drawing revision recorded as what it is (tester77 E11): what it changed (`summary`,
 * csr source add/update --summary) in the 外来文件清单's 备注, on csr show of the source and on the
 * review report of the CSR taken from it; and, put into production before the customer's 实施日期,
 * the revision is 现行 from that day and the one before it replaced (IATF 16949 7.5.3.2.2:
 * implemented by the customer's date, the date of implementation recorded).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { revisionImplementedOn } from "../../src/model/customer-schedule.js";
import type { ControlledDocument, Csr } from "../../src/model/types.js";
import { csr, csrInProcess, gitInit, minimalRepo } from "../helpers.js";

const SUMMARY = "OP30 接头拧紧扭矩新增 CC 特性 25±2 N·m";

const CUSTOMER = [
  "code: DYA",
  "name: 东岳汽车股份有限公司",
  "sources:",
  "  - id: DYA-ES-0330",
  "    title: 制动软管总成图纸 D1-BH-0330",
  "    department: QA",
  "    revisions:",
  "      - revision: B",
  "        issued: 2025-06-01",
  "        received: 2025-06-05",
  "",
].join("\n");

/** DYA-008, taken from revision C and decided must on 2026-12-07; `implementation` lines appended as given. */
function requirement(...implementation: string[]): string {
  return [
    "id: DYA-008",
    "customer: DYA",
    "source: { document: DYA-ES-0330, revision: C, section: 技术要求第7条 }",
    "clauses: [IATF16949:8.3.3.3]",
    "title: OP30接头拧紧扭矩新增为CC特性",
    "received: 2026-12-03",
    "review:",
    "  opinions:",
    "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-12-04 }",
    "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-12-04 }",
    "  decision: { disposition: must, by: wang, date: 2026-12-07 }",
    ...implementation,
    "",
  ].join("\n");
}

describe("a customer's source revision: what it changed, and when we put it into production", () => {
  it("csr source update --summary records what revision C changed; the list, csr show and the review report print it; in production before the 实施日期, C is 现行 and B replaced", async () => {
    const dir = gitInit(minimalRepo({ "customers/DYA.yaml": CUSTOMER }));
    const updated = csr(["-C", dir, "source", "update", "DYA-ES-0330", "--revision", "C", "--issued", "2026-12-01", "--received", "2026-12-03", "--effective", "2027-01-15", "--summary", ` ${SUMMARY} `, "-y"], { lang: null });
    expect([updated.code, updated.stderr]).toEqual([0, ""]);
    expect(updated.stdout.split("\n").slice(0, 3)).toEqual([
      "已登记 DYA-ES-0330 的版本 C（接收日期 2026-12-03）；版本 B 已被替代。",
      "DYA-ES-0330 C 版的顾客实施日期：2027-01-15；依据它的 CSR 须在该日或之前导入生产（csr/late-for-customer）。",
      `DYA-ES-0330 C 版的变更内容：${SUMMARY}`,
    ]);
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toContain(`        effective: 2027-01-15\n        summary: ${SUMMARY}\n        status: current\n        supersedes: B\n`);

    const rows = async (today: string, lang = "zh-CN") =>
      (await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", today, "--lang", lang], { lang: null })).stdout.split("\r\n").slice(1, -1).map((row) => row.split(",").filter((_, i) => [5, 7, 8, 9, 11].includes(i)).join(" | "));
    // Decided, not yet in production: B stays in use until the customer's date, C is to be implemented by it.
    mkdirSync(join(dir, "csr/DYA"), { recursive: true });
    writeFileSync(join(dir, "csr/DYA/DYA-008.yaml"), requirement("implementation: { owner: zhang, due: 2026-12-14, status: in-progress }"));
    expect(await rows("2026-12-14")).toEqual(["B |  | 2025-06-05 | 现行（2027-01-15 起由 C 版替代） | ", `C | 2027-01-15 | 2026-12-03 | 待实施（2027-01-15 实施） | 变更内容：${SUMMARY}`]);

    // Put into production on 2026-12-14 (csr implement): C is the one in use from then, the customer's date still said.
    writeFileSync(join(dir, "csr/DYA/DYA-008.yaml"), requirement("implementation: { owner: zhang, due: 2026-12-14, status: implemented, implemented: 2026-12-14 }"));
    expect(await rows("2026-12-13")).toEqual(["B |  | 2025-06-05 | 现行（2027-01-15 起由 C 版替代） | ", `C | 2027-01-15 | 2026-12-03 | 待实施（2027-01-15 实施） | 变更内容：${SUMMARY}`]);
    expect(await rows("2026-12-14")).toEqual(["B |  | 2025-06-05 | 已被 C 版替代 | ", `C | 2027-01-15 | 2026-12-03 | 现行（2026-12-14 起导入生产，顾客实施日期 2027-01-15） | 变更内容：${SUMMARY}`]);
    expect(await rows("2026-12-14", "en")).toEqual(["B |  | 2025-06-05 | superseded by C | ", `C | 2027-01-15 | 2026-12-03 | current (in production from 2026-12-14; customer's effective date 2027-01-15) | changed: ${SUMMARY}`]);
    expect(await rows("2027-01-15")).toEqual(["B |  | 2025-06-05 | 已被 C 版替代 | ", `C | 2027-01-15 | 2026-12-03 | 现行 | 变更内容：${SUMMARY}`]);
    const list = await csrInProcess(["-C", dir, "list", "external", "--today", "2026-12-14"], { lang: null });
    expect(list.stdout.trimEnd().split("\n").at(-1)).toBe("现行 1 份；已替代的版本保留在清单中，作为接收和评审的记录。");

    const shown = await csrInProcess(["-C", dir, "show", "DYA-ES-0330", "--today", "2026-12-14"], { lang: null });
    expect(shown.stdout.split("\n").filter((line) => / [BC]：/.test(line))).toEqual([
      "  版本            B：2025-06-01 发布、2025-06-05 接收；已被 C 版替代；未登记 CSR",
      `                  C：2026-12-01 发布、2026-12-03 接收、2027-01-15 实施；现行（2026-12-14 起导入生产，顾客实施日期 2027-01-15）、变更内容：${SUMMARY}；CSR 1 条：DYA-008`,
    ]);
    const report = await csrInProcess(["-C", dir, "render", "DYA-008", "--format", "md", "--out", join(dir, "out/DYA-008.md"), "--today", "2026-12-14"], { lang: null });
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, "out/DYA-008.md"), "utf8")).toContain(
      `| 来源文件 | DYA-ES-0330 制动软管总成图纸 D1-BH-0330 | 来源文件版本 | C |\n| 来源版本变更内容 | ${SUMMARY} |  |  |\n| 章节 |`,
    );
    // Early is no lateness: the customer's date is met (csr/late-for-customer).
    const checked = await csrInProcess(["-C", dir, "check", "--today", "2026-12-14", "--format", "json"], { lang: null });
    expect(checked.stdout).not.toContain("late-for-customer");
  }, 60_000);

  it("--summary with --revision and no date records or corrects what a recorded revision changed; an empty one, or English alone, is refused", async () => {
    const dir = gitInit(minimalRepo({ "customers/DYA.yaml": CUSTOMER }));
    const added = await csrInProcess(["-C", dir, "source", "update", "DYA-ES-0330", "--revision", "B", "--summary", "首次发布", "-y"], { lang: null });
    expect([added.code, added.stdout.split("\n")[0]]).toEqual([0, "已更正 DYA-ES-0330 B 版的变更内容 首次发布。"]);
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toContain("        received: 2025-06-05\n        summary: 首次发布\n");
    const english = await csrInProcess(["-C", dir, "source", "update", "DYA-ES-0330", "--revision", "B", "--summary-en", "first issue", "-y"], { lang: null });
    expect([english.code, english.stdout.split("\n")[0]]).toEqual([0, "已更正 DYA-ES-0330 B 版的英文变更内容 first issue。"]);
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toContain("        summary: 首次发布\n        summary_en: first issue\n");
    const empty = await csrInProcess(["-C", dir, "source", "update", "DYA-ES-0330", "--revision", "C", "--received", "2026-12-03", "--summary", " ", "-y"], { lang: null });
    expect([empty.code, empty.stderr]).toEqual([2, "csr: --summary 不能为空：写明本版改了什么，或不给这个选项。\n"]);
    const alone = await csrInProcess(["-C", dir, "source", "add", "DYA", "--id", "DYA-ES-0331", "--title", "接头图纸", "--revision", "A", "--received", "2026-12-03", "--summary-en", "new", "-y"], { lang: null });
    expect([alone.code, alone.stderr]).toEqual([2, "csr: --summary-en 须与 --summary 一起给出：先写中文的变更内容。\n"]);
  }, 60_000);
});

describe("revisionImplementedOn", () => {
  const wi: ControlledDocument = {
    id: "WI-010-03",
    title: "接头拧紧作业指导书",
    level: 3,
    kind: "instruction",
    department: "QA",
    status: "released",
    revisions: [
      { version: "A/0", date: "2025-06-20", summary: "首次发布" },
      { version: "A/1", date: "2026-12-07", effective: "2026-12-14", summary: "拧紧扭矩标注★" },
    ],
  };
  const decided: Csr = {
    id: "DYA-008",
    customer: "DYA",
    source: { document: "DYA-ES-0330", revision: "C" },
    clauses: ["IATF16949:8.3.3.3"],
    title: "OP30接头拧紧扭矩新增为CC特性",
    received: "2026-12-03",
    review: { decision: { disposition: "must", by: "wang", date: "2026-12-07" } },
    addressed: [{ document: "WI-010-03", section: "4 作业内容", pin: { revision: "A/1", section: "81888163092d", csr: "12c176015eb6", date: "2026-12-07" } }],
  } as Csr;
  const on = (csrs: Csr[], today: string, document = (id: string) => (id === wi.id ? wi : undefined)) => revisionImplementedOn(csrs, "DYA", "DYA-ES-0330", "C", document, today);

  it("is the day the documents addressing its CSRs took effect, or the day implemented, once every CSR from it is decided and in production", () => {
    // Not implemented: the work instruction's revision A/1 addressing it took effect on 2026-12-14 (csr address pins A/1).
    expect([on([decided], "2026-12-13"), on([decided], "2026-12-14")]).toEqual([undefined, "2026-12-14"]);
    expect(on([{ ...decided, implementation: { owner: "zhang", status: "implemented", implemented: "2026-12-10" } } as Csr], "2026-12-14")).toBe("2026-12-10");
    // Another CSR from C still undecided, or addressed in a document not released: not known.
    const undecided = { ...decided, id: "DYA-009", review: {} } as Csr;
    expect(on([decided, undecided], "2026-12-14")).toBeUndefined();
    expect(on([decided], "2026-12-14", (id) => (id === wi.id ? { ...wi, status: "draft" } : undefined))).toBeUndefined();
    // Nothing from C to put into production (none, or decided 不适用): not known either; the customer's date stands.
    expect(on([], "2026-12-14")).toBeUndefined();
    expect(on([{ ...decided, review: { decision: { disposition: "not-applicable", by: "wang", date: "2026-12-07" } } } as Csr], "2026-12-14")).toBeUndefined();
  });
});
