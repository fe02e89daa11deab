/**
 * `csr import --as csr` of the usual customer-requirements list: 序号 and the requirement, no CSR id.
 * Each row gets its customer's next free id, as `csr add` numbers; the report matches 序号 to the ids.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CsrNumbers } from "../../src/model/csr-numbers.js";
import { csrInProcess, FIXTURES, git, gitInit, minimalRepo, tempDir } from "../helpers.js";

const FORD = readFileSync(join(FIXTURES, "audit/registers/customers/FORD.yaml"), "utf8");

function csrFile(id: string, title: string): string {
  return [`id: ${id}`, "customer: FORD", 'source: {document: FORD-CSR, revision: "2023-06"}', "clauses: [IATF16949:8.5.4]", `title: ${title}`, "received: 2024-01-10", ""].join("\n");
}

/** A repository with FORD-001 in the working tree and FORD-004 only on another branch. */
function repository(): string {
  const dir = gitInit(minimalRepo({ "customers/FORD.yaml": FORD, "csr/FORD/FORD-001.yaml": csrFile("FORD-001", "包装要求") }));
  git(dir, ["checkout", "-q", "-b", "other"]);
  writeFileSync(join(dir, "csr/FORD/FORD-004.yaml"), csrFile("FORD-004", "标识要求"));
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "FORD-004"]);
  git(dir, ["checkout", "-q", "main"]);
  return dir;
}

const LIST = [
  "福特顾客特定要求清单,,,,,,,,",
  "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期",
  "1,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,必须满足,王强,2024-02-08",
  "2,8D 报告 24 小时内提交围堵措施,FORD,FORD-CSR,10.2.3,2024-02-01,,,",
  "",
].join("\n");

describe("csr import --as csr of a list without CSR ids", () => {
  it("gives each row the customer's next free id, as csr add would, and reports 序号 → id", async () => {
    const dir = repository();
    const list = join(tempDir(), "清单.csv");
    writeFileSync(list, LIST);
    const result = await csrInProcess(["-C", dir, "import", list, "--as", "csr"]);
    expect(result.stderr).toBe("");
    // What follows the summary is csr check's report, which counts working days up to the real today.
    expect(result.stdout.split("\n").slice(0, 14)).toEqual([
      `Reading ${list}: header on row 2, data rows: 2.`,
      "",
      "wrote csr/FORD/FORD-005.yaml",
      "wrote csr/FORD/FORD-006.yaml",
      "",
      "The list gives no CSR ids: its rows (2) got their customer's next free id, as csr add numbers:",
      "  序号 1 (row 3) → FORD-005",
      "  序号 2 (row 4) → FORD-006",
      "The 序号 column is not written to the files (a CSR has no field for it); the list above matches it to the ids.",
      "",
      // The note is written in the repository's language (qms.yaml has none: Chinese).
      "The list names no review record (评审记录) for 1 decided CSR: its review.record says '从 清单.csv 第 N 行导入' in place of the departments' opinions (会签), so csr check accepts the decision.",
      "Record the signed record when you have it with 'csr review <id> --record <number> --record-form <form>', or import a list with a 评审记录编号 column.",
      "",
      "Imported rows: 2 of 2; 1 file is past its review deadline (csr/review-overdue, csr check below).",
    ]);
    expect(parse(readFileSync(join(dir, "csr/FORD/FORD-005.yaml"), "utf8"))).toEqual({
      id: "FORD-005",
      customer: "FORD",
      source: { document: "FORD-CSR", revision: "2023-06" },
      clauses: ["IATF16949:8.5.1"],
      title: "首件检验须留样",
      received: "2024-02-01",
      review: { record: { note: "从 清单.csv 第 3 行导入" }, decision: { disposition: "must", by: "wang", date: "2024-02-08" } },
    });
    expect(parse(readFileSync(join(dir, "csr/FORD/FORD-006.yaml"), "utf8"))).toMatchObject({ id: "FORD-006", title: "8D 报告 24 小时内提交围堵措施" });

    // The same list again registers nothing twice.
    const again = await csrInProcess(["-C", dir, "import", list, "--as", "csr"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(
      [
        "",
        "row 3: 序号 1 has no id, and FORD-005 (csr/FORD/FORD-005.yaml) is a requirement of the same customer, source and title: not registered twice; if it is another requirement, give its id in an 编号 column (row not imported)",
        "row 4: 序号 2 has no id, and FORD-006 (csr/FORD/FORD-006.yaml) is a requirement of the same customer, source and title: not registered twice; if it is another requirement, give its id in an 编号 column (row not imported)",
        "",
        "Imported rows: 0 of 2; rows refused: 2, conflicts with existing files: 0.",
      ].join("\n"),
    );
  });

  it("numbers around the ids the list does give, and says it in Chinese", async () => {
    const dir = repository();
    writeFileSync(
      join(dir, "清单.csv"),
      ["编号,要求名称,顾客代码,来源文件,条款,接收日期", ",首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01", "FORD-009,返工要求,FORD,FORD-CSR,8.7.1,2024-02-01", ""].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", "清单.csv", "--as", "csr", "--dry-run"], { lang: null });
    expect(result.stdout.split("\n").slice(0, 8)).toEqual([
      "读取 清单.csv：表头在第 1 行，数据 2 行。",
      "",
      "将写入 csr/FORD/FORD-010.yaml",
      "将写入 csr/FORD/FORD-009.yaml",
      "",
      "清单没有要求编号：将按 csr add 的编号方式，为 1 行分配该顾客的下一个可用编号：",
      "  第 2 行 → FORD-010",
      "",
    ]);
  });

  it("hands out numbers as csr add takes them: above the highest, never twice", () => {
    const numbers = new CsrNumbers(new Map([["DYA", [1, 7, 3]]]));
    numbers.reserve("DYA", "DYA-012");
    numbers.reserve("DYA", "NWA-020");
    expect([numbers.next("DYA"), numbers.next("DYA"), numbers.next("NWA")]).toEqual(["DYA-013", "DYA-014", "NWA-001"]);
  });
});

describe("a CSR whose opinions are on a paper review record", () => {
  it("is not shown as missing countersigns on its page: the page names the record", async () => {
    const dir = gitInit(
      minimalRepo({
        "customers/FORD.yaml": FORD,
        "csr/FORD/FORD-001.yaml": csrFile("FORD-001", "包装要求") + "review:\n  record: {note: 从 清单.csv 第 3 行导入}\n  decision: {disposition: must, by: wang, date: 2024-01-20}\n",
        "csr/FORD/FORD-002.yaml": csrFile("FORD-002", "标识要求"),
        // Restarted on a new source revision: the earlier round's record went into its history entry, and holds none of this round's opinions.
        "csr/FORD/FORD-003.yaml":
          csrFile("FORD-003", "返工要求") +
          "review:\n  restarted: 2024-02-01\n  history:\n    - source_revision: 2022-01\n      closed: 2024-02-01\n      reason: FORD-CSR 换版为 2023-06，重新评审\n      record: {note: 从 清单.csv 第 4 行导入}\n      decision: {disposition: must, by: wang, date: 2024-01-20}\n",
      }),
    );
    const out = tempDir();
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-11-27"], { lang: null })).code).toBe(0);
    const page = (id: string) => readFileSync(join(out, `csr/${id}.html`), "utf8");
    expect(page("FORD-001")).toContain("<li>各部门会签：在纸质评审记录上（从 清单.csv 第 3 行导入）</li>");
    expect(page("FORD-001")).not.toContain("未会签部门");
    expect(page("FORD-002")).toContain("<li>未会签部门：品质部、市场部</li>");
    expect(page("FORD-003")).toContain("<li>未会签部门：品质部、市场部</li>");
    // The earlier round's record, in the review report's 历次评审 table.
    expect(page("FORD-003")).toContain("评审记录（各部门意见见其签字）：从 清单.csv 第 4 行导入");
  });
});
