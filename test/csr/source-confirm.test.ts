/**
 * 外来文件有效性确认 (tester60 J2): `csr source confirm` records that the revision of a customer's source
 * document held — or the edition of an external standard — is still its publisher's current one, on a day,
 * by a person, where checked; the 外来文件清单 prints the latest as 最近核对; with
 * `document_control.external_check_months` in qms.yaml, csr check warns of one not confirmed within that
 * many months of its receipt or last check (doc/external-check-due).
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";

const due = async (dir: string, today: string) =>
  (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "doc/external-check-due").map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(". Check")[0]}`);

describe("csr source confirm", () => {
  it("records the check of a customer's source document, lists it as 最近核对, and settles doc/external-check-due", async () => {
    const dir = committedFixture("examples/acme-auto");
    // Without the setting nothing is reported, however old the receipt.
    expect(await due(dir, "2026-11-27")).toEqual([]);
    // A setting beyond ten years is a slip (99999 put every due date past the year 9999; breaker60 K4).
    appendFileSync(join(dir, "qms.yaml"), "document_control:\n  external_check_months: 99999\n");
    const slip = (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.file === "qms.yaml").map((f) => [f.rule, f.message.split(".")[0]]);
    expect(slip).toEqual([["schema/invalid-value", "'document_control"]]);
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("document_control:\n  external_check_months: 99999\n", ""));
    appendFileSync(join(dir, "qms.yaml"), "document_control:\n  external_check_months: 12\n");
    expect(await due(dir, "2026-11-27")).toEqual([
      "customers/BCM.yaml:22:19 Customer source document BCM-SQR 《北辰汽车供应商质量要求》: revision V2.0 held was received on 2025-09-08, and has not been confirmed current for more than 12 months (the check was due by 2026-09-08)",
      "customers/DYA.yaml:36:19 Customer source document DYA-SC 《东岳汽车产品特殊特性管理规范》: revision B held was received on 2025-02-10, and has not been confirmed current for more than 12 months (the check was due by 2026-02-10)",
    ]);
    git(dir, ["commit", "-qam", "external_check_months"]);

    // The binary, as a document controller runs it: one line of what was recorded, one of when the next check falls due.
    const recorded = csr(["-C", dir, "source", "confirm", "DYA-SC", "--by", "chenjing", "--date", "2026-11-20", "--via", "东岳供应商门户", "--commit"], { lang: null });
    expect([recorded.code, recorded.stderr]).toEqual([0, ""]);
    expect(recorded.stdout.split("\n").slice(0, 2)).toEqual([
      "已记录：DYA-SC《东岳汽车产品特殊特性管理规范》的 B 版经 陈静（chenjing）于 2026-11-20 核对（东岳供应商门户），仍为现行版本。",
      "下次核对：2027-11-20 前（qms.yaml 规定每 12 个月核对一次）。",
    ]);
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr source confirm DYA-SC B 版：核对仍为现行版本");
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toContain("    confirmations:\n      - {date: 2026-11-20, by: chenjing, revision: B, via: 东岳供应商门户}\n");
    expect(await due(dir, "2026-11-27")).toEqual([expect.stringContaining("BCM-SQR")]);
    // A day later than the check by the months set: due again, counted from the check.
    expect((await due(dir, "2027-11-20")).filter((f) => f.includes("DYA-SC"))).toEqual([]);
    expect((await due(dir, "2027-11-21")).filter((f) => f.includes("DYA-SC"))).toEqual([
      "customers/DYA.yaml:38:16 Customer source document DYA-SC 《东岳汽车产品特殊特性管理规范》: revision B held was last confirmed current on 2026-11-20, and has not been confirmed current for more than 12 months (the check was due by 2027-11-20)",
    ]);

    // The 外来文件清单 has the column once a check is recorded, on the row of the revision checked.
    const listed = (await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", "2026-11-27"], { lang: null })).stdout.replace(/^\uFEFF/, "").split("\r\n");
    // With qms.yaml's interval, 下次核对 follows it on each edition held (tester71 Q5).
    expect(listed[0]!.split(",").slice(-3)).toEqual(["保管部门", "最近核对", "下次核对"]);
    expect(listed.filter((line) => line.includes("陈静（"))).toEqual([expect.stringMatching(/,DYA-SC,.*,B,.*,2026-11-20 陈静（东岳供应商门户）,2027-11-20$/)]);
    const english = (await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", "2026-11-27", "--lang", "en"])).stdout.replace(/^\uFEFF/, "").split("\r\n");
    expect(english[0]!.split(",").slice(-2)).toEqual(["Last confirmed current", "Next check"]);
    expect(english.find((line) => line.includes(",DYA-SC,"))!.split(",").slice(-2)).toEqual(["2026-11-20 Chen Jing (东岳供应商门户)", "2027-11-20"]);
  });

  it("refuses, in one line each, what is not a check of a current edition, writing nothing", async () => {
    const dir = committedFixture("examples/acme-auto");
    const before = readFileSync(join(dir, "customers/DYA.yaml"), "utf8");
    const run = async (...args: string[]) => {
      const r = await csrInProcess(["-C", dir, "source", "confirm", ...args], { lang: null });
      return [r.code, r.stderr.trim()];
    };
    expect(await run("DYA-SC")).toEqual([2, "csr: 未给出必需的选项 '--by <person>'\n提示：请用 --by 给出核对人：核对记录是证据，要写明谁在何时核对。"]);
    expect(await run("DYA-SX", "--by", "chenjing")).toEqual([2, "csr: 没有顾客来源文件或外来文件 'DYA-SX'。是否应为 'DYA-SC'？\n提示：'csr list external' 列出全部外来文件（顾客来源文件和外来标准）。"]);
    expect(await run("DYA-SC", "--by", "chenjing", "--date", "2025-01-31")).toEqual([2, "csr: --date 2025-01-31 早于 DYA-SC B 版的接收日期（2025-02-10），而它应在其后。"]);
    expect(await run("DYA-SC", "--by", "chenjing", "--date", "2098-01-01")).toEqual([2, expect.stringMatching(/^csr: --date 2098-01-01 晚于今天（\d{4}-\d\d-\d\d）：已完成事项的记录不能填写将来的日期。$/)]);
    // Where it was checked is one line for the register's cell (breaker60 K6).
    expect(await run("DYA-SC", "--by", "chenjing", "--date", "2026-11-20", "--via", "门户\n截图见共享盘")).toEqual([2, "csr: --via 应为一行、不超过 200 个字符：写核对途径（门户名称或网址、来函编号），不写说明文字。"]);
    expect(readFileSync(join(dir, "customers/DYA.yaml"), "utf8")).toBe(before);
    expect(await run("DYA-SC", "--by", "chenjing", "--date", "2026-11-20")).toEqual([0, ""]);
    // The same check twice (a command repeated after an interruption) would stand twice in the record.
    expect(await run("DYA-SC", "--by", "陈静", "--date", "2026-11-20")).toEqual([2, "csr: 陈静（chenjing）在 2026-11-20 对 DYA-SC 的核对已记录过。"]);
  });

  it("records the check of an external standard (标准查新) under external.confirmations", async () => {
    const dir = copyFixture("examples/acme-auto");
    writeFileSync(
      join(dir, "documents/GBT-19001.yaml"),
      "id: GBT-19001\ntitle: 质量管理体系 要求\nlevel: 4\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  publisher: 国家市场监督管理总局、国家标准化管理委员会\n  revision: GB/T 19001-2016\n  issued: 2016-12-30\n  effective: 2017-07-01\n  received: 2017-03-02\n",
    );
    appendFileSync(join(dir, "qms.yaml"), "document_control:\n  external_check_months: 12\n");
    gitInit(dir);
    expect((await due(dir, "2026-11-27")).filter((f) => f.startsWith("documents/"))).toEqual([
      "documents/GBT-19001.yaml:12:13 External document GBT-19001 《质量管理体系 要求》: revision GB/T 19001-2016 held was received on 2017-03-02, and has not been confirmed current for more than 12 months (the check was due by 2018-03-02)",
    ]);
    const r = await csrInProcess(["-C", dir, "source", "confirm", "GBT-19001", "--by", "chenjing", "--date", "2026-11-23", "--via", "全国标准信息公共服务平台"], { lang: null });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(dir, "documents/GBT-19001.yaml"), "utf8")).toContain("  confirmations:\n    - {date: 2026-11-23, by: chenjing, revision: GB/T 19001-2016, via: 全国标准信息公共服务平台}\n");
    expect((await due(dir, "2026-11-27")).filter((f) => f.startsWith("documents/"))).toEqual([]);
    // Its card says what it is, which edition is held and when it was last confirmed, and no revision record of the organisation's (breaker60 K3).
    const card = (await csrInProcess(["-C", dir, "show", "GBT-19001", "--today", "2026-11-27"], { lang: null })).stdout.split("\n");
    expect(card.slice(8)).toEqual([
      "  发布单位        国家市场监督管理总局、国家标准化管理委员会",
      "  所持版本        GB/T 19001-2016、2016-12-30 发布、2017-07-01 实施、2017-03-02 接收",
      "  最近核对        2026-11-23 陈静（全国标准信息公共服务平台），GB/T 19001-2016 版仍现行；下次核对 2027-11-23 前",
      "",
    ]);
    const listed = (await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", "2026-11-27"], { lang: null })).stdout.replace(/^\uFEFF/, "");
    expect(listed).toMatch(/,GBT-19001,.*,2026-11-23 陈静（全国标准信息公共服务平台）,2027-11-23\r\n/);
  });
});
