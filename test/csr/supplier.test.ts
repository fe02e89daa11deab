/**
 * `csr supplier add|update|certificate|audited`: the approved supplier list (合格供方名录) kept by
 * command, on real temporary git repositories: a supplier is an outside party of kind supplier in
 * qms.yaml with its record in suppliers/<code>.yaml; people of an outside party do no work of the
 * company's own (tester73 S10).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, csrInProcess, git } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

/** The fixture with 常州橡塑 as an outside party of kind other (as tester73 added it) and its contact 周建林. */
function withOtherParty(): string {
  const dir = validRepo({ git: true });
  writeFileSync(join(dir, "qms.yaml"), read(dir, "qms.yaml").replace("numbering:", "external_parties:\n  - code: CZXS\n    name: 常州橡塑材料有限公司\n    kind: other\nnumbering:"));
  writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml") + "  - id: zhoujl\n    name: 周建林\n    department: CZXS\n    roles: []\n");
  git(dir, ["commit", "-qam", "常州橡塑"]);
  return dir;
}

describe("csr supplier", () => {
  it("adds a supplier as an outside party of kind supplier with its record, and commits both files", async () => {
    const dir = validRepo({ git: true });
    const result = await run(dir, "supplier", "add", "WXJJ", "--name", "无锡精密机加有限公司", "--supplies", "机加件", "阀体", "--special-characteristics", "--commit");
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已新增供方 WXJJ（无锡精密机加有限公司）：qms.yaml 中类别为 supplier 的外部单位，档案 suppliers/WXJJ.yaml。它可接收受控副本（csr distribute --to WXJJ），其联系人在 people.yaml 中以 WXJJ 为部门（csr person add … --department WXJJ）。",
        '下一步：csr supplier update WXJJ --status approved --date <日期> --by <人员>，以及 csr supplier certificate WXJJ --standard "IATF 16949" --number <证书编号> --valid-until <日期>。',
        `已提交 ${hash}：csr supplier add WXJJ：无锡精密机加有限公司`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("external_parties:\n  - code: WXJJ\n    name: 无锡精密机加有限公司\n    kind: supplier\nnumbering:");
    expect(read(dir, "suppliers/WXJJ.yaml")).toBe("code: WXJJ\nsupplies:\n  - 机加件\n  - 阀体\nspecial_characteristics: true\n");
    // An item's name keeps its spaces: items are separated by commas or typed apart, not split at a space (tester81 J5).
    expect((await run(dir, "supplier", "update", "WXJJ", "--supplies", "GF-2 灌封胶，导热硅脂", "SZ 密封圈")).code).toBe(0);
    expect(read(dir, "suppliers/WXJJ.yaml")).toBe("code: WXJJ\nsupplies: [GF-2 灌封胶, 导热硅脂, SZ 密封圈]\nspecial_characteristics: true\n");
    git(dir, ["checkout", "-q", "--", "suppliers/WXJJ.yaml"]);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr supplier add WXJJ：无锡精密机加有限公司", "", "qms.yaml", "suppliers/WXJJ.yaml"]);
    // Checked on a day of the fixture's story: from 2026-12-07 the reviews of DYA-001 and DYA-002 (received 2026-11-20, due
    // 2026-12-04) are overdue, errors of their own.
    expect((await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.file.startsWith("suppliers/") || f.severity === "error")).toEqual([]);
  });

  it("makes a supplier of an outside party of kind other, keeping its name and its people, and refuses a department's or a supplier's code", async () => {
    const dir = withOtherParty();
    expect(await run(dir, "supplier", "add", "CZXS", "--supplies", "O型圈")).toEqual({
      code: 0,
      stdout: [
        "CZXS（常州橡塑材料有限公司）已改为供方（qms.yaml 中类别为 supplier），档案 suppliers/CZXS.yaml；其受控副本和人员不变。",
        '下一步：csr supplier update CZXS --status approved --date <日期> --by <人员>，以及 csr supplier certificate CZXS --standard "IATF 16949" --number <证书编号> --valid-until <日期>。',
        "已写入 qms.yaml、suppliers/CZXS.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("  - code: CZXS\n    name: 常州橡塑材料有限公司\n    kind: supplier\n");
    const files = snapshot(dir);
    expect(await run(dir, "supplier", "add", "czxs", "--name", "x")).toEqual({ code: 2, stdout: "", stderr: "csr: qms.yaml 中已有供方 CZXS（常州橡塑材料有限公司）。\n提示：记录其评价结论：csr supplier update CZXS --status approved --date <日期> --by <人员>。\n" });
    expect(await run(dir, "supplier", "add", "QA", "--name", "x")).toEqual({ code: 2, stdout: "", stderr: "csr: QA：QA（品质部）是 qms.yaml 中的部门；供方是外部单位，须有自己的代码。\n" });
    expect(await run(dir, "supplier", "add", "NEW")).toEqual({ code: 2, stdout: "", stderr: "csr: NEW：请用 --name 填写供方名称。\n" });
    expect(snapshot(dir)).toEqual(files);
  });

  it("records approvals in order, a certificate renewed in place of the old one and a second-party audit, by people of the company only", async () => {
    const dir = withOtherParty();
    await run(dir, "supplier", "add", "CZXS", "--supplies", "O型圈");
    expect(await run(dir, "supplier", "update", "CZXS", "--status", "conditional", "--date", "2026-03-01", "--by", "张伟", "--remark", "首件待确认")).toMatchObject({
      code: 0,
      stdout: "已更新供方 CZXS（常州橡塑材料有限公司）：自 2026-03-01 起有条件合格（张伟（zhang））。\n已写入 suppliers/CZXS.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    });
    await run(dir, "supplier", "update", "CZXS", "--status", "approved", "--date", "2026-06-01", "--by", "zhang");
    await run(dir, "supplier", "certificate", "CZXS", "--standard", "IATF 16949", "--number", "0123456", "--body", "SGS", "--valid-until", "2026-01-15");
    expect((await run(dir, "supplier", "certificate", "CZXS", "--standard", "IATF 16949", "--number", "0123999", "--body", "SGS", "--valid-until", "2029-01-15")).stdout.split("\n")[0]).toBe(
      "已记录 CZXS（常州橡塑材料有限公司）的证书：IATF 16949 0123999，有效期至 2029-01-15；替换原证书 0123456（有效期至 2026-01-15）。",
    );
    expect((await run(dir, "supplier", "audited", "CZXS", "--date", "2026-05-20", "--by", "zhang", "--report", "SA-2026-05", "--result", "conditional")).stdout.split("\n")[0]).toBe(
      "已记录对 CZXS（常州橡塑材料有限公司）的第二方审核：2026-05-20，张伟（zhang），结论 有条件通过（报告 SA-2026-05）。",
    );
    expect(read(dir, "suppliers/CZXS.yaml")).toBe(
      [
        "code: CZXS",
        "supplies:",
        "  - O型圈",
        "approvals:",
        "  - {status: conditional, date: 2026-03-01, by: zhang, remark: 首件待确认}",
        "  - {status: approved, date: 2026-06-01, by: zhang}",
        "certificates:",
        '  - {standard: IATF 16949, number: "0123999", body: SGS, valid_until: 2029-01-15}',
        "audits:",
        "  - {date: 2026-05-20, by: zhang, report: SA-2026-05, result: conditional}",
        "",
      ].join("\n"),
    );
    const files = snapshot(dir);
    // An audit is recorded once held: a day after today is refused, as csr supplier rate refuses it (audit80).
    expect(await run(dir, "supplier", "audited", "CZXS", "--date", "2026-12-05", "--by", "zhang", "--result", "passed", "--today", "2026-12-04")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2026-12-05 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n",
    });
    expect(await run(dir, "supplier", "update", "CZXS", "--status", "suspended", "--date", "2026-05-01", "--by", "zhang")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2026-05-01 早于该供方上一次评价结论（合格，2026-06-01）；评价结论按作出的先后记录。\n",
    });
    expect(await run(dir, "supplier", "update", "CZXS", "--status", "suspended", "--date", "2026-07-01", "--by", "zhoujl")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --by 周建林（zhoujl）：是外部单位 常州橡塑材料有限公司 的人员，只持有该单位的受控副本，不承担本公司的工作（责任人、评审人、验证人、评价人）；请填写本公司人员。\n",
    });
    expect((await run(dir, "supplier", "update", "CZXS", "--status", "paused", "--by", "zhang")).code).toBe(2);
    expect(await run(dir, "supplier", "update", "CZXZ", "--status", "approved", "--by", "zhang")).toEqual({ code: 2, stdout: "", stderr: "csr: 没有供方 'CZXZ'；现有供方：CZXS（常州橡塑材料有限公司）。是否应为 'CZXS'？\n" });
    expect(await run(dir, "supplier", "update", "CZXS")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 没有要修改的内容：请给出 --status（及 --date、--by）、--supplies、--special-characteristics、--development 或 --customer-authorised。\n提示：例如：csr supplier update CZXS --status approved --date 2026-12-01 --by <人员>\n",
    });
    expect(snapshot(dir)).toEqual(files);
  });

  it("warns of an approved supplier with no ISO 9001 certificate, no passed audit and no customer authorisation, and records its development plan and the customer's authorisation (IATF 16949 8.4.2.3; tester82 A9)", async () => {
    const dir = withOtherParty();
    await run(dir, "supplier", "add", "CZXS", "--supplies", "O型圈");
    await run(dir, "supplier", "update", "CZXS", "--status", "approved", "--date", "2026-02-01", "--by", "zhang");
    const warnings = async () => (await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.rule === "supplier/no-qms-certificate").map((f) => `${f.file}:${f.line}:${f.column}`);
    expect(await warnings()).toEqual(["suppliers/CZXS.yaml:5:14"]);
    // A plan towards certification is recorded and listed, but is no certificate yet: the warning stays.
    expect((await run(dir, "supplier", "update", "CZXS", "--development", "ISO 9001", "--development-due", "2027-06-30")).stdout.split("\n")[0]).toBe("已更新供方 CZXS（常州橡塑材料有限公司）：计划于 2027-06-30 前通过 ISO 9001 认证。");
    expect(await warnings()).toEqual(["suppliers/CZXS.yaml:5:14"]);
    expect(await run(dir, "supplier", "update", "CZXS", "--authorisation-record", "DYA-QA-2026-018")).toEqual({ code: 2, stdout: "", stderr: "csr: --authorisation-record 需要作出授权的顾客：请给出 --customer-authorised <顾客>。\n" });
    expect((await run(dir, "supplier", "update", "CZXS", "--customer-authorised", "dya", "--authorisation-record", "DYA-QA-2026-018")).stdout.split("\n")[0]).toBe("已更新供方 CZXS（常州橡塑材料有限公司）：经顾客 DYA 授权，无需 ISO 9001 证书（DYA-QA-2026-018）。");
    expect(read(dir, "suppliers/CZXS.yaml")).toBe(
      ["code: CZXS", "supplies:", "  - O型圈", "approvals:", "  - {status: approved, date: 2026-02-01, by: zhang}", "development: {target: ISO 9001, due: 2027-06-30}", "customer_authorisation: {customer: DYA, record: DYA-QA-2026-018}", ""].join("\n"),
    );
    expect(await warnings()).toEqual([]);
    const list = await run(dir, "list", "suppliers", "--format", "csv", "--today", "2026-12-04");
    expect(list.stdout.split("\n")[0]).toContain(",体系发展,");
    expect(list.stdout).toContain("计划于 2027-06-30 前通过 ISO 9001 认证、经顾客 DYA 授权，无需 ISO 9001 证书（DYA-QA-2026-018）");
  });

  it("records a second-party audit by an auditor without a second-party qualification, with the note csr check gives (supplier/auditor-unqualified)", async () => {
    const dir = withOtherParty();
    await run(dir, "supplier", "add", "CZXS", "--supplies", "O型圈");
    // 王强 is an internal (QMS) auditor only; 张伟 holds no auditor qualification at all.
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml").replace("    roles: [reviewer]\n", "    roles: [reviewer]\n    internal_auditor:\n      - {since: 2026-01-01, record: NS-001}\n"));
    const result = await run(dir, "supplier", "audited", "CZXS", "--date", "2026-05-20", "--by", "wang", "--report", "SA-2026-05", "--result", "passed");
    const note =
      "注意（supplier/auditor-unqualified）：2026-05-20 对供方 CZXS（常州橡塑材料有限公司）的第二方审核（审核报告 SA-2026-05）由 王强（wang）进行，而其当日没有第二方审核员资格（当日只有体系审核员资格，没有第二方审核员资格）：第二方审核应由具备资格的审核员进行。如此人当日确有资格，用 'csr person update wang --auditor-since <取得资格日期> --auditor-kinds second-party --auditor-record <证书或培训记录编号>' 登记；否则请由具备第二方审核员资格的人审核该供方，并用 'csr supplier audited CZXS …' 记录。";
    expect(result).toEqual({
      code: 0,
      stdout: ["已记录对 CZXS（常州橡塑材料有限公司）的第二方审核：2026-05-20，王强（wang），结论 通过（报告 SA-2026-05）。", note, "已写入 suppliers/CZXS.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。", ""].join("\n"),
      stderr: "",
    });
    expect(read(dir, "suppliers/CZXS.yaml")).toContain("audits:\n  - {date: 2026-05-20, by: wang, report: SA-2026-05, result: passed}\n");
    // The same words as csr check's finding.
    const check = JSON.parse((await run(dir, "check", "--format", "json", "--today", "2026-12-04")).stdout) as { findings: { rule: string; message: string }[] };
    expect(check.findings.filter((f) => f.rule === "supplier/auditor-unqualified").map((f) => `注意（supplier/auditor-unqualified）：${f.message}`)).toEqual([note]);
    // Once 王强 holds a second-party qualification from before the audit, no note; nor with the rule off.
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml").replace("{since: 2026-01-01, record: NS-001}", "{since: 2026-01-01, record: NS-001, kinds: [qms, second-party]}"));
    expect((await run(dir, "supplier", "audited", "CZXS", "--date", "2026-06-20", "--by", "wang", "--result", "passed")).stdout.split("\n")).toHaveLength(3);
    expect((await run(dir, "supplier", "audited", "CZXS", "--date", "2026-06-21", "--by", "zhang", "--result", "passed")).stdout).toContain("注意（supplier/auditor-unqualified）：");
    writeFileSync(join(dir, "qms.yaml"), read(dir, "qms.yaml").replace("rules:", "rules:\n  supplier/auditor-unqualified: off"));
    expect((await run(dir, "supplier", "audited", "CZXS", "--date", "2026-06-22", "--by", "zhang", "--result", "passed")).stdout.split("\n")).toHaveLength(3);
  });

  it("refuses a supplier's contact person as a corrective action's owner (tester73 S10)", async () => {
    const dir = withOtherParty();
    const result = await run(dir, "action", "open", "8D-2026-001", "--title", "O型圈尺寸超差", "--source", "internal", "--received", "2026-11-02", "--owner", "zhoujl");
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --owner 周建林（zhoujl）：是外部单位 常州橡塑材料有限公司 的人员，只持有该单位的受控副本，不承担本公司的工作（责任人、评审人、验证人、评价人）；请填写本公司人员。\n",
    });
  });

  it("refuses a 军代表 as the one who approves, audits or rates a supplier, and names GJB 9001C's certificate in a GJB repository (GJB 9001C 8.4.1; tester81 J5)", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect((await run(dir, "supplier", "add", "GFJ", "--name", "某灌封胶厂", "--supplies", "GF-2 灌封胶")).stdout.split("\n")[1]).toBe(
      '下一步：csr supplier update GFJ --status approved --date <日期> --by <人员>，以及 csr supplier certificate GFJ --standard "GJB 9001C" --number <证书编号> --valid-until <日期>。',
    );
    const files = snapshot(dir);
    expect(await run(dir, "supplier", "update", "GFJ", "--status", "approved", "--date", "2026-12-01", "--by", "wangjd")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --by 王建东（wangjd）属于军代表室，是军代表：军代表只以军代表身份签字，供方的评价、批准和审核由本公司的人员进行（军代表的意见不代替本公司的决定）。\n",
    });
    expect(snapshot(dir)).toEqual(files);
  });
});
