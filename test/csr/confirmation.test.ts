/**
 * A CSR that a new source revision left unchanged (csr source update --unchanged): that revision's
 * review round is the confirmation, measured from the revision's received date (IATF 16949 4.3.2,
 * 7.5.3.2.2), in the review-timeliness register, csr show and the review report.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { listCommand } from "../../src/commands/list/index.js";
import { renderCommand } from "../../src/commands/render/index.js";
import { showCommand } from "../../src/commands/show/index.js";
import { updateSource } from "../../src/commands/source/update.js";
import { setLanguage } from "../../src/i18n/index.js";
import { capture } from "./fixture.js";
import { checkJsonInProcess, copyFixture, csrInProcess } from "../helpers.js";

async function confirmed(): Promise<string> {
  const dir = copyFixture("examples/acme-auto");
  const ctx = capture(dir);
  expect(
    await updateSource(ctx, "BCM-SQR", { revision: "V3.0", issued: "2026-11-20", received: "2026-11-23", unchanged: ["BCM-001"], by: "xuht", date: "2026-11-27", yes: true }),
  ).toBe(0);
  return dir;
}

/** The CSV CSR list without its 发放 and 培训 columns, which csr import does not read (records of their own, tester55 C5). */
function withoutRecords(csv: string): string {
  const fields = (record: string): string[] => {
    const out: string[] = [];
    let cell = "";
    let quoted = false;
    for (const ch of record) {
      if (ch === '"') quoted = !quoted;
      if (ch === "," && !quoted) {
        out.push(cell);
        cell = "";
      } else cell += ch;
    }
    return [...out, cell];
  };
  const records = csv.split("\r\n");
  const header = fields(records[0]!.replace(/^\ufeff/, ""));
  const drop = ["发放", "培训"].map((heading) => header.indexOf(heading));
  expect(drop.every((i) => i >= 0)).toBe(true);
  return records.map((record) => (record === "" ? record : fields(record).filter((_, i) => !drop.includes(i)).join(","))).join("\r\n");
}

describe("a CSR confirmed unchanged in a new source revision", () => {
  it("shows in the review-timeliness register with the new revision's received date, the confirmation and who made it, after the round it confirms", async () => {
    const ctx = capture(await confirmed());
    expect(await listCommand(ctx, "reviews", undefined, { customer: "BCM", format: "csv", today: "2026-11-30" })).toBe(0);
    const rows = ctx.out.split("\r\n");
    expect(rows[0]).toBe("\ufeffNo.,CSR,Customer,Source document,Revision,Start,Received / restarted,Due,Decided,Decided by,Working days used,On time,Reason for delay,Remarks,As of");
    // The decision's round, on the revision it was decided against, then the confirmation of V3.0;
    // BCM-002, changed in V3.0, has its closed round and the new one.
    expect(rows.slice(1, 5)).toEqual([
      "1,BCM-001,\"Beichen Motor Group Co., Ltd.\",BCM-SQR Beichen Supplier Quality Requirements,V2.0,received,2025-09-08,2025-09-22,2025-09-15,Xu Haitao,5,on time,,countersigns on the signed paper review record QR-015-02 JL-PS-2025-02,2026-11-30",
      "2,BCM-001,\"Beichen Motor Group Co., Ltd.\",BCM-SQR Beichen Supplier Quality Requirements,V3.0,\"new revision, confirmed unchanged\",2026-11-23,2026-12-07,2026-11-27,Xu Haitao,4,on time,,,2026-11-30",
      "3,BCM-002,\"Beichen Motor Group Co., Ltd.\",BCM-SQR Beichen Supplier Quality Requirements,V2.0,received,2025-09-08,2025-09-22,2025-09-16,Xu Haitao,6,on time,,countersigns on the signed paper review record QR-015-02 JL-PS-2025-03,2026-11-30",
      "4,BCM-002,\"Beichen Motor Group Co., Ltd.\",BCM-SQR Beichen Supplier Quality Requirements,V3.0,restarted,2026-11-23,2026-12-07,,,5,not yet due,,,2026-11-30",
    ]);
  });
  it("is said in the CSR matrix's 及时性, whose 决定日期 is the confirmation's (tester49 #10)", async () => {
    const dir = await confirmed();
    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--customer", "BCM", "--format", "csv", "--today", "2026-11-30"], { lang: null });
    expect(matrix.stdout.split("\r\n").filter((r) => r.startsWith("BCM-001,")).map((r) => [8, 10, 11, 12, 13].map((i) => r.split(",")[i]).join(","))).toEqual(["不适用,2026-11-23,2026-12-07,2026-11-27,按期（确认未变）"]);
    const english = await csrInProcess(["-C", dir, "matrix", "csr", "--customer", "BCM", "--format", "csv", "--today", "2026-11-30", "--lang", "en"], { lang: null });
    expect(english.stdout.split("\r\n").find((r) => r.startsWith("BCM-001,"))).toContain(",2026-11-27,on time (confirmed unchanged),");
  });

  it("is in the CSR list as the matrix has it: the confirmation's deadline, who confirmed and when, beside the decision kept; csr import reads it back (tester54a A5)", async () => {
    const dir = await confirmed();
    const list = await csrInProcess(["-C", dir, "list", "csr", "--customer", "BCM", "--format", "csv", "--today", "2026-11-30"], { lang: null });
    const [header, ...rows] = list.stdout.replace(/^\ufeff/, "").split("\r\n");
    const columns = header!.split(",");
    const cells = (id: string) => Object.fromEntries(rows.find((r) => r.startsWith(`1,${id},`) || r.split(",")[1] === id)!.split(",").map((cell, i) => [columns[i], cell]));
    const pick = ["来源版本", "换版重评日期", "评审期限", "剩余工作日", "处置", "决定人", "决定日期", "确认人", "确认日期", "逾期原因"];
    expect(pick.map((c) => cells("BCM-001")[c])).toEqual(["V3.0", "", "2026-12-07", "", "不适用", "徐海涛", "2025-09-15", "徐海涛", "2026-11-27", ""]);
    // BCM-002, changed in V3.0, is in its new round: nobody confirmed it.
    expect(pick.map((c) => cells("BCM-002")[c])).toEqual(["V3.0", "2026-11-23", "2026-12-07", "5", "", "", "", "", "", ""]);
    const printed = await csrInProcess(["-C", dir, "list", "csr", "--customer", "BCM", "--today", "2026-11-30"], { lang: null });
    expect(printed.stdout).toContain("\n来源文件换版后确认要求未变的（BCM-001），当前评审轮次为该确认：评审期限、剩余工作日和逾期原因为确认的，确认人、确认日期另列；处置、决定人、决定日期为保留的原结论。\n");
    // Back in through csr import: the file's confirmation is the one `csr source update --unchanged` wrote.
    const path = join(dir, "csr", "BCM", "BCM-001.yaml");
    const written = parse(readFileSync(path, "utf8")) as { review: { confirmations: unknown[] } };
    rmSync(path);
    writeFileSync(join(dir, "list.csv"), `${header}\r\n${rows.find((r) => r.split(",")[1] === "BCM-001")}\r\n`);
    const imported = await csrInProcess(["-C", dir, "import", "list.csv", "--as", "csr", "--today", "2026-11-30"], { lang: null });
    expect(imported.stdout).toContain("已导入 1 行中的 1 行");
    // 发放 and 培训 come back (tester55 C5): the distribution, which stands for V3.0 confirmed unchanged, and that no training is needed.
    expect(parse(readFileSync(path, "utf8"))).toMatchObject({ distribution: [{ departments: ["ENG", "MKT"], date: "2025-09-16" }], training: { required: false } });
    expect((parse(readFileSync(path, "utf8")) as { review: { confirmations: unknown[] } }).review.confirmations).toEqual(written.review.confirmations);
    // The same list: its 评审记录编号, the signed paper review record, came back with the rest.
    const again = (await csrInProcess(["-C", dir, "list", "csr", "--customer", "BCM", "--format", "csv", "--today", "2026-11-30"], { lang: null })).stdout;
    expect(again).toContain(",QR-015-02 JL-PS-2025-02,");
    expect(withoutRecords(again)).toBe(withoutRecords(list.stdout));
  });

  it("is listed by csr show, with the new revision's deadline", async () => {
    const ctx = capture(await confirmed());
    expect(await showCommand(ctx, "BCM-001", { today: "2026-11-30" })).toBe(0);
    const lines = ctx.out.split("\n");
    expect(lines.filter((l) => /^  (Review due|Unchanged in) /.test(l))).toEqual([
      "  Review due      V3.0: 2026-12-07; confirmed unchanged 2026-11-27",
      "  Unchanged in    V3.0, xuht Xu Haitao, 2026-11-27",
    ]);
  });
  it("is in the review report, as the decision date of the round and in its own table", async () => {
    const dir = await confirmed();
    const ctx = capture(dir);
    setLanguage("zh-CN");
    try {
      expect(await renderCommand(ctx, ["BCM-001"], { format: "md", out: "out" })).toBe(0);
    } finally {
      setLanguage("en");
    }
    const report = readFileSync(join(dir, "out", "BCM-001.review.zh-CN.md"), "utf8");
    expect(report).toContain("| 新版本接收日期 | 2026-11-23 |  |  |\n| 评审期限 | 2026-12-07 | 决定日期 | 2026-11-27 徐海涛（确认未变） |\n");
    expect(report).toContain("换版确认未变\n\n| 来源文件版本 | 确认人 | 确认日期 | 说明 |\n| --- | --- | --- | --- |\n| V3.0 | 徐海涛 | 2026-11-27 |  |\n");
  });
});

describe("a confirmation that a CSR is unchanged", () => {
  it("is the decider's: refused from a person without the approver role, naming who may, and nothing is written", async () => {
    const dir = copyFixture("examples/acme-auto");
    const before = readFileSync(join(dir, "customers/BCM.yaml"), "utf8");
    setLanguage("zh-CN");
    const refused = await updateSource(capture(dir), "BCM-SQR", { revision: "V3.0", issued: "2026-11-20", received: "2026-11-23", unchanged: ["BCM-001"], by: "chenjing", date: "2026-11-27", yes: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "UserError", hint: "请由批准人确认（--by）：王建国（wangjg）、徐海涛（xuht）、张丽（zhangli）。" });
    expect((refused as Error).message).toBe("陈静（chenjing）在 people.yaml 中没有 'approver'（批准人）角色，不能确认 CSR 的评审结论在新版本中不变：这等同于作出结论。");
    expect(readFileSync(join(dir, "customers/BCM.yaml"), "utf8")).toBe(before);
  });
});

describe("--unchanged after the new revision is registered (tester20 F17)", () => {
  it("says that the CSR is on that revision already, reviewed again, and gives the csr review that records it now", async () => {
    const dir = copyFixture("examples/acme-auto");
    const update = (...args: string[]) => csrInProcess(["-C", dir, "source", "update", "BCM-SQR", "--revision", "V3.0", "--issued", "2026-11-05", "--received", "2026-11-16", ...args, "-y"], { lang: null });
    expect((await update()).code).toBe(0);
    const before = readFileSync(join(dir, "csr/BCM/BCM-001.yaml"), "utf8");
    expect(await update("--unchanged", "BCM-001", "--by", "xuht", "--date", "2026-12-01", "--late-reason", "顾客函件晚到")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: BCM-001 已在登记 BCM-SQR V3.0 版时转到该版本，自 2026-11-16 起重新评审（期限 2026-11-30）：--unchanged、--removed 只能在登记新版本的同一命令中用于仍取自旧版本的 CSR。\n" +
        "提示：现在请按 BCM-SQR V3.0 版重新评审：会签意见和结论都用 csr review 登记；要求未变的，结论沿用原结论（不适用）：'csr review BCM-001 --disposition not-applicable --by xuht --date 2026-12-01 --late-reason 顾客函件晚到'。原评审记录保留在评审历史中。\n",
    });
    expect((await csrInProcess(["-C", dir, "source", "update", "BCM-SQR", "--revision", "V3.0", "--issued", "2026-11-05", "--received", "2026-11-16", "--removed", "BCM-002", "-y"])).stderr).toBe(
      "csr: BCM-002 moved to BCM-SQR V3.0 when that revision was registered and is being reviewed again since 2026-11-16 (due 2026-11-30): --unchanged and --removed are for the CSRs still taken from an earlier revision, in the command that registers the new one.\n" +
        "hint: Review it again against BCM-SQR V3.0 now, the countersigns and the conclusion with csr review; if the requirement is unchanged, with its earlier conclusion (must meet): 'csr review BCM-002 --disposition must --by <person> --date <date>'. The earlier review stays in the review history.\n",
    );
    // A CSR of another source, with no CSR left on an earlier revision: no empty placeholder.
    expect((await update("--unchanged", "BCM-004")).stderr).toBe("csr: BCM-004 不是取自该来源文件旧版本的 CSR：已没有 CSR 取自其旧版本。\n");
    expect(readFileSync(join(dir, "csr/BCM/BCM-001.yaml"), "utf8")).toBe(before);
  });
});

describe("a CSR with no decision (month report #2)", () => {
  it("cannot be confirmed unchanged: one line names it and says to review it, exit 2, nothing written", async () => {
    const dir = copyFixture("examples/acme-auto");
    const before = [readFileSync(join(dir, "customers/BCM.yaml"), "utf8"), readFileSync(join(dir, "csr/BCM/BCM-005.yaml"), "utf8")];
    const result = await csrInProcess(["-C", dir, "source", "update", "BCM-SPA", "--revision", "1.1", "--received", "2026-11-25", "--unchanged", "BCM-005", "--by", "xuht", "--date", "2026-11-26", "-y"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: BCM-005 has no review decision to keep, so it cannot be confirmed unchanged: leave it out of --unchanged (its review then restarts on the new revision) and review it with 'csr review BCM-005'.\n",
    });
    expect([readFileSync(join(dir, "customers/BCM.yaml"), "utf8"), readFileSync(join(dir, "csr/BCM/BCM-005.yaml"), "utf8")]).toEqual(before);
  });

  it("in the files already: csr check reports the confirmation, and the registers keep the round open instead of on time", async () => {
    const dir = copyFixture("examples/acme-auto");
    const customer = join(dir, "customers/BCM.yaml");
    writeFileSync(customer, readFileSync(customer, "utf8").replace('      - revision: "1.0"\n        issued: 2026-11-13\n        received: 2026-11-20\n', '      - revision: "1.0"\n        issued: 2026-11-13\n        received: 2026-11-20\n        status: superseded\n      - revision: "1.1"\n        received: 2026-11-23\n        supersedes: "1.0"\n'));
    const csrFile = join(dir, "csr/BCM/BCM-005.yaml");
    writeFileSync(csrFile, readFileSync(csrFile, "utf8").replace('  revision: "1.0"', '  revision: "1.1"') + "review:\n  confirmations:\n    - {source_revision: \"1.1\", by: xuht, date: 2026-11-24}\n");
    const check = await checkJsonInProcess(dir, "--today", "2026-11-27");
    const findings = check.findings.filter((f) => f.rule === "csr/confirmed-without-decision");
    expect(findings.map(({ file, line, column, message }) => ({ file, line, column, message }))).toEqual([
      {
        file: "csr/BCM/BCM-005.yaml",
        line: 15,
        column: 7,
        message:
          "BCM-005: Xu Haitao (xuht) confirmed on 2026-11-24 that BCM-SPA revision 1.1 leaves it unchanged, but its review round had no decision to keep by then. Review it with 'csr review BCM-005' (the departments' opinions, then --disposition), then remove this confirmation from 'review.confirmations'.",
      },
    ]);
    expect(check.code).toBe(1);
    const reviews = await csrInProcess(["-C", dir, "list", "reviews", "--customer", "BCM", "--format", "csv", "--today", "2026-11-27"]);
    expect(reviews.stdout.split("\r\n").filter((r) => r.includes("BCM-005"))).toEqual([
      "5,BCM-005,\"Beichen Motor Group Co., Ltd.\",BCM-SPA Beichen Special Process Assessment Requirements,\"=\"\"1.0\"\"\",received,2026-11-20,2026-12-04,,,5,not yet due,,\"revision 1.1 confirmed unchanged by Xu Haitao on 2026-11-24, but this round had no decision to keep: it does not close the round\",2026-11-27",
    ]);
    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--customer", "BCM", "--format", "csv", "--today", "2026-11-27"]);
    // No decision date and no 'on time': the round is the open one, received 2026-11-20.
    expect(matrix.stdout.split("\r\n").find((r) => r.startsWith("BCM-005,"))).toBe(
      "BCM-005,\"Beichen Motor Group Co., Ltd.\",BCM-SPA Beichen Special Process Assessment Requirements,\"=\"\"1.1\"\"\",3 评估频次,8.5.1/9.2.2.3,Annual self-assessment of special processes on the Beichen checklist,硫化、扣压等特殊过程每年按北辰特殊过程评估表自评一次，于每年3月31日前提交评估结果及改进计划。,,,2026-11-20,2026-12-04,,not yet due,,,,,,,,,,received,,2026-11-27",
    );
    const show = await csrInProcess(["-C", dir, "show", "BCM-005", "--today", "2026-11-27"]);
    expect(show.stdout.split("\n").filter((l) => /^  (Review due|Unchanged in) /.test(l))).toEqual(["  Review due      2026-12-04, 5 working days left", "  Unchanged in    1.1, xuht Xu Haitao, 2026-11-24"]);
  });
});
