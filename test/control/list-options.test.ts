/**
 * `csr list <register>` refuses every option that does not narrow that register instead of printing
 * the whole register under it (tester60 J3), and the distribution register takes the filters a
 * 文控 asks it for at year end: its own states (--status 待回收, --overdue) and a period (--from/--to)
 * with the period's totals (tester60 J5). A small repository with one procedure whose copies were
 * issued, recalled (one late), lost and kept out past their 应回收日期, in a real git repository.
 */
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess } from "../helpers.js";
import { threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

/** The lists of csr list, and which of them each narrowing option applies to: the specification, written out. */
const LISTS = ["csr", "procedures", "documents", "forms", "external", "obsolete", "symbols", "reviews", "distribution", "training", "periodic-reviews", "edition-review", "people", "management-review", "processes", "audits", "disposals", "actions"];
const TAKES: Record<string, { value?: string; lists: string[] }> = {
  "--customer": { value: "DYA", lists: ["csr", "symbols", "reviews", "actions", "audits", "flow-down"] },
  "--kind": { value: "product", lists: ["audits"] },
  "--status": { value: "x", lists: ["csr", "documents", "distribution", "actions"] },
  "--source": { value: "audit", lists: ["actions"] },
  "--overdue": { lists: ["csr", "distribution"] },
  "--from": { value: "2026-01-01", lists: ["csr", "reviews", "distribution", "training", "periodic-reviews", "management-review", "audits", "actions", "error-proofing", "first-articles", "supervision"] },
  "--to": { value: "2026-02-01", lists: ["csr", "reviews", "distribution", "training", "periodic-reviews", "management-review", "audits", "actions", "error-proofing", "first-articles", "supervision"] },
  "--clause": { value: "8.5", lists: ["csr"] },
  "--owner": { value: "zhang", lists: ["csr"] },
  "--process": { value: "C1", lists: ["csr"] },
  "--department": { value: "QA", lists: ["distribution", "documents", "forms", "training", "skills"] },
  "--station": { value: "OP20", lists: ["skills"] },
  "--holder": { value: "zhang", lists: ["distribution", "documents"] },
  "--document": { value: "QP-005", lists: ["distribution", "training"] },
  "--level": { value: "2", lists: ["procedures"] },
  "--style": { value: "iatf", lists: ["procedures"] },
  "--columns": { value: "no", lists: ["csr", "procedures", "documents", "forms", "external", "obsolete"] },
  "--due-by": { value: "2026-12-31", lists: ["external", "periodic-reviews", "disposals"] },
  "--standard": { value: "X", lists: ["edition-review"] },
  "--due": { lists: ["tooling", "gauges"] },
  "--tooling": { value: "EP-30-01", lists: ["error-proofing"] },
};

const name = (what: string) => (what === "csr" ? "csr list" : `csr list ${what}`);

/**
 * QP-005's copies of A/0 (due back by 2026-10-19, A/1 in force since 2026-10-12): copy 1 back on time
 * on 2026-10-14, copy 2 still at 生产部 with 赵磊, copy 3 back late on 2026-11-02; copy 4 of A/1 issued
 * 2026-10-14 and in use; copy 5 of A/1 issued 2026-10-15 and lost on 2026-11-20. QP-005 was
 * periodically reviewed on 2025-06-10 and 2026-11-30.
 */
function repo(): string {
  const procedure = trainingProcedure(
    "{copy: 4, version: A/1, to: QA, date: 2026-10-14}",
    "{copy: 5, version: A/1, to: PRD, holder: zhao, date: 2026-10-15, lost: {date: 2026-11-20, by: chen, remark: 车间搬迁时遗失}}",
  )
    .replace("{copy: 1, version: A/0, to: QA, date: 2024-01-12}", "{copy: 1, version: A/0, to: QA, date: 2024-01-12, recalled: 2026-10-14}")
    .replace("{copy: 3, version: A/0, to: MKT, date: 2024-01-12}", "{copy: 3, version: A/0, to: MKT, date: 2024-01-12, recalled: 2026-11-02}")
    .replace("distribution:\n", "reviews:\n  - {date: 2025-06-10, by: zhang, comment: 仍然适用}\n  - {date: 2026-11-30, by: li, result: revise, comment: 增加培训有效性评价}\ndistribution:\n");
  return threeDepartmentRepo({
    "documents/QP-005.yaml": procedure,
    "people.yaml": [
      "people:",
      "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
      "  - {id: li, name: 李娜, department: MKT, roles: [author, reviewer]}",
      "  - {id: wang, name: 王强, department: QA, roles: [approver]}",
      "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
      "  - {id: chen, name: 陈静, department: QA, roles: [document-controller]}",
      "",
    ].join("\n"),
  });
}

/** The 状态 column of the terminal table, one per copy row (受控号 → 状态). */
function states(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => /^\d+ +QP-005 /.test(line))
    .map((line) => {
      const cells = line.trim().split(/ {2,}/);
      return `${cells[4]} ${cells.find((c) => /^(在用|待回收|回收逾期|已回收|遗失|已销毁|作废留用)/.test(c))}`;
    });
}

describe("csr list refuses an option that does not narrow the list asked for (tester60 J3)", () => {
  it("refuses every option on every list that does not take it, in one line naming the lists that do", async () => {
    const dir = repo();
    for (const what of LISTS) {
      for (const [flag, { value, lists }] of Object.entries(TAKES)) {
        if (lists.includes(what)) continue;
        const args = what === "csr" ? ["list", flag] : ["list", what, flag];
        const result = await csrInProcess(["-C", dir, ...args, ...(value === undefined ? [] : [value])], { lang: null });
        const expected = `csr: ${flag} 只用于 ${lists.map(name).join("、").replace(/、([^、]+)$/, " 和 $1")}，不用于 '${name(what)}'。\n`;
        expect([what, flag, result.code, result.stdout, result.stderr]).toEqual([what, flag, 2, "", lists.length === 1 ? expected.replace(" 和 ", "、") : expected]);
      }
    }
  });

  it("takes each option on the lists that it narrows (whatever else it says of the value)", async () => {
    const dir = repo();
    for (const what of LISTS) {
      for (const [flag, { value, lists }] of Object.entries(TAKES)) {
        if (!lists.includes(what)) continue;
        const args = what === "csr" ? ["list", flag] : ["list", what, flag];
        const result = await csrInProcess(["-C", dir, ...args, ...(value === undefined ? [] : [value]), "--today", "2026-12-04"], { lang: null });
        expect([what, flag, result.stderr]).not.toEqual([what, flag, expect.stringContaining("只用于")]);
      }
    }
  });

  it("prints the refusal of the built binary in both languages, on the lists of the tester's commands", async () => {
    const dir = repo();
    expect(csr(["-C", dir, "list", "training", "--customer", "DYA"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --customer 只用于 csr list、csr list symbols、csr list reviews、csr list actions、csr list audits 和 csr list flow-down，不用于 'csr list training'。\n",
    });
    expect(csr(["-C", dir, "list", "periodic-reviews", "--status", "revise"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --status 只用于 csr list、csr list documents、csr list distribution 和 csr list actions，不用于 'csr list periodic-reviews'。\n",
    });
    expect(csr(["-C", dir, "list", "training", "--overdue"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --overdue is for csr list and csr list distribution only, not for 'csr list training'.\n",
    });
  });
});

describe("csr list distribution --status / --overdue: the copies in one of the register's own states (tester60 J3)", () => {
  it("lists the copies in the state given in the register's words or their codes, and says in the title and a note that it is filtered", async () => {
    const dir = repo();
    const due = csr(["-C", dir, "list", "distribution", "--status", "待回收", "--today", "2026-12-04"], { lang: null });
    expect([due.code, due.stderr]).toEqual([0, "完整的文件发放/回收记录：csr list distribution。\n"]);
    expect(due.stdout.split("\n")[0]).toBe("文件发放/回收记录（状态：待回收；共 1 份）");
    // To recall takes those past their 应回收日期 too.
    expect(states(due.stdout)).toEqual(["2 回收逾期"]);
    expect(due.stdout.split("\n").slice(-3)).toEqual(["本表按条件筛选（状态：待回收），不是完整的文件发放/回收记录。", "待回收 1 份，其中 1 份已过应回收日期（所发版本停止现行后 5 个工作日内回收）。", ""]);
    expect(states((await csrInProcess(["-C", dir, "list", "distribution", "--status", "已回收", "--today", "2026-12-04"], { lang: null })).stdout)).toEqual(["1 已回收", "3 已回收"]);
    // The codes, and the words without 已 that a 文控 says.
    expect(states((await csrInProcess(["-C", dir, "list", "distribution", "--status", "recalled", "--today", "2026-12-04"], { lang: null })).stdout)).toEqual(["1 已回收", "3 已回收"]);
    expect(states((await csrInProcess(["-C", dir, "list", "distribution", "--status", "回收", "--today", "2026-12-04"], { lang: null })).stdout)).toEqual(["1 已回收", "3 已回收"]);
    expect(states((await csrInProcess(["-C", dir, "list", "distribution", "--status", "遗失", "--today", "2026-12-04"], { lang: null })).stdout)).toEqual(["5 遗失"]);
    expect(states((await csrInProcess(["-C", dir, "list", "distribution", "--status", "在用", "--today", "2026-12-04"], { lang: null })).stdout)).toEqual(["4 在用"]);
    expect(states((await csrInProcess(["-C", dir, "list", "distribution", "--overdue", "--today", "2026-12-04"], { lang: null })).stdout)).toEqual(["2 回收逾期"]);
    expect((await csrInProcess(["-C", dir, "list", "distribution", "--status", "destroyed", "--today", "2026-12-04"], { lang: null })).stdout.split("\n")[0]).toBe("文件发放/回收记录（状态：已销毁；共 0 份）");
  });

  it("names the file after the state, and in English takes the codes", async () => {
    const dir = repo();
    const json = await csrInProcess(["-C", dir, "list", "distribution", "--status", "to-recall", "--format", "json", "--today", "2026-12-04"]);
    expect(JSON.parse(json.stdout).rows.map((r: { copy: number; state: string }) => `${r.copy} ${r.state}`)).toEqual(["2 recall overdue"]);
    expect((await csrInProcess(["-C", dir, "list", "distribution", "--status", "lost", "--format", "csv", "--out", "audit/", "--today", "2026-12-04"])).stderr).toBe(
      "wrote audit/distribution-lost.csv\ncsr: this CSV is filtered (status lost), 1 row, and is not the whole distribution and recall register; a CSV holds only its header and rows, so the file does not say so. All of it: csr list distribution --format csv.\n",
    );
  });

  it("refuses a state it does not know, naming the states, and --overdue with a state that is not due back", async () => {
    const dir = repo();
    expect(await csrInProcess(["-C", dir, "list", "distribution", "--status", "bogus"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: --status 必须是 in-use（在用）、pending（待实施）、to-recall（待回收）、recall-overdue（回收逾期）、recalled（已回收）、lost（遗失）、destroyed（已销毁）、retained（作废留用）、superseded（已换版）、withdrawn（已作废）之一；实际为 'bogus'。\n",
    });
    expect(await csrInProcess(["-C", dir, "list", "distribution", "--status", "在用", "--overdue"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --overdue 列出回收逾期的副本，不能与 --status 在用 同用。\n",
    });
  });
});

describe("csr list distribution --from/--to: the year-end reconciliation of controlled copies (tester60 J5)", () => {
  it("lists the copies with a record in the period and those still due back at its end, with the period's totals and who still holds what", async () => {
    const dir = repo();
    const year = await csrInProcess(["-C", dir, "list", "distribution", "--from", "2026-10-15", "--to", "2026-12-04", "--today", "2026-12-04"], { lang: null });
    expect([year.code, year.stderr]).toEqual([0, "完整的文件发放/回收记录：csr list distribution。\n"]);
    const lines = year.stdout.split("\n");
    expect(lines[0]).toBe("文件发放/回收记录（期间：2026-10-15 至 2026-12-04；共 3 份）");
    // Copy 1 came back and copy 4 was issued on 2026-10-14, before the period: not listed.
    expect(states(year.stdout)).toEqual(["2 回收逾期", "3 已回收", "5 遗失"]);
    expect(lines.slice(-5)).toEqual([
      "本表按条件筛选（期间：2026-10-15 至 2026-12-04），不是完整的文件发放/回收记录。",
      "列出 2026-10-15 至 2026-12-04 期间发放、回收、遗失、销毁或作废留用的副本，以及截至 2026-12-04 仍待回收的副本。",
      "2026-10-15 至 2026-12-04：发放 1 份，回收 1 份（其中逾期回收 1 份），遗失 1 份，销毁 0 份，作废留用 0 份。",
      "截至 2026-12-04，已停止现行的版本仍有 1 份未回收：QP-005 A/0 受控号 2（生产部 赵磊，回收逾期）。",
      "",
    ]);
    // A period ending before today is the record as it stood on its last day: copy 3 was still out on 2026-10-31.
    const october = await csrInProcess(["-C", dir, "list", "distribution", "--from", "2026-10-01", "--to", "2026-10-31", "--today", "2026-12-04"], { lang: null });
    expect(states(october.stdout)).toEqual(["1 已回收", "2 回收逾期", "3 回收逾期", "4 在用", "5 在用"]);
    expect(october.stdout.split("\n").slice(-4, -1)).toEqual([
      "2026-10-01 至 2026-10-31：发放 2 份，回收 1 份（其中逾期回收 0 份），遗失 0 份，销毁 0 份，作废留用 0 份。",
      "截至 2026-10-31，已停止现行的版本仍有 2 份未回收：QP-005 A/0 受控号 2（生产部 赵磊，回收逾期）、QP-005 A/0 受控号 3（市场部，回收逾期）。",
      "本表按记录还原为 2026-10-31 当日的状态：此后记录的事项未计入。",
    ]);
  });
});

describe("csr list periodic-reviews --from/--to: the reviews made in a year (tester60 J8)", () => {
  it("lists the reviews made within the period by their review date, saying so in the title, a note and the file's name", async () => {
    const dir = repo();
    const year = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--from", "2026-01-01", "--to", "2026-12-04", "--today", "2026-12-04"], { lang: null });
    expect([year.code, year.stderr]).toEqual([0, "完整的文件定期评审记录：csr list periodic-reviews。\n"]);
    const lines = year.stdout.split("\n");
    expect(lines[0]).toBe("文件定期评审记录（2026-01-01 至 2026-12-04；共 1 次）");
    expect(lines.filter((line) => /^\d+ +QP-005 /.test(line)).map((line) => line.trim().split(/ {2,}/).slice(0, 2).concat(line.includes("2026-11-30") ? "2026-11-30" : "?"))).toEqual([["1", "QP-005", "2026-11-30"]]);
    expect(lines.slice(-3, -1)).toEqual([
      "本表按条件筛选（评审日期：2026-01-01 至 2026-12-04），不是完整的文件定期评审记录。",
      "其中 1 次评审的结论为需修订或拟作废：它们不重新计算定期评审期限，文件应发布新版本或作废。",
    ]);
    expect((await csrInProcess(["-C", dir, "list", "periodic-reviews", "--today", "2026-12-04"], { lang: null })).stdout.split("\n")[0]).toBe("文件定期评审记录（共 2 次）");
    expect((await csrInProcess(["-C", dir, "list", "periodic-reviews", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv", "--out", "audit/", "--today", "2026-12-04"])).stderr).toBe(
      "wrote audit/periodic-reviews-2025-01-01-2025-12-31.csv\ncsr: this CSV is filtered (reviewed 2025-01-01 to 2025-12-31), 1 row, and is not the whole periodic document review record; a CSV holds only its header and rows, so the file does not say so. All of it: csr list periodic-reviews --format csv.\n",
    );
  });

  it("refuses a period with --due-by, which lists the reviews falling due", async () => {
    expect(await csrInProcess(["-C", repo(), "list", "periodic-reviews", "--from", "2026-01-01", "--due-by", "2027-01-01"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --from 列出期间内做过的定期评审，--due-by 列出到期的定期评审；请只给其中一种。\n",
    });
  });

  it("counts a period's electronic issues apart, so that its totals and its rows agree (breaker60 K2)", async () => {
    const dir = copyFixture("examples/acme-auto");
    const out = (await csrInProcess(["-C", dir, "list", "distribution", "--from", "2026-01-01", "--to", "2026-06-30", "--today", "2026-12-04"], { lang: null })).stdout.split("\n");
    expect(out[0]).toBe("文件发放/回收记录（期间：2026-01-01 至 2026-06-30；共 38 份）");
    expect(out.filter((line) => line.startsWith("2026-01-01 至 2026-06-30：") || line.startsWith("另有电子版"))).toEqual([
      "2026-01-01 至 2026-06-30：发放 19 份，回收 14 份（其中逾期回收 0 份），遗失 0 份，销毁 0 份，作废留用 0 份。",
      "另有电子版发放 5 处（表中列出，不计入上述份数：电子版无受控号、无人签收）。",
    ]);
  });
});
