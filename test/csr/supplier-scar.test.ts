/**
 * Supplier corrective action requests (SCAR, 供方纠正措施要求; IATF 16949 8.4.2.4, 10.2.3) as corrective action records of
 * source supplier, on a real temporary git repository: `csr action open --supplier` ties the record to a supplier of
 * qms.yaml; `csr list actions --supplier` lists the supplier's; `csr show <supplier>` and `csr list suppliers` show the
 * open ones; a reply past its due date is action/step-overdue's, as any step's; a record naming no supplier is ref/unresolved's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git, gitInit, makeRepo } from "../helpers.js";
import { supplierPeople, supplierQms } from "../suppliers-fixture.js";
import { read } from "./fixture.js";

const FILES = {
  "qms.yaml": supplierQms([
    ["CZXS", "常州橡塑材料有限公司"],
    ["WXJJ", "无锡精密机加有限公司"],
    ["JDS", "驻厂军代表室", "other"],
  ]),
  "people.yaml": supplierPeople(),
  "suppliers/CZXS.yaml": ["code: CZXS", "supplies: [O型圈]", "approvals:", "  - {status: approved, date: 2026-06-01, by: chenjing}", ""].join("\n"),
};

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
/** The day of the story: the reply to SCAR-2026-001 (D3 due 2026-11-04, D4 2026-11-16) is overdue. */
const TODAY = ["--today", "2026-12-04"];

describe("supplier corrective action requests (SCAR)", () => {
  const dir = gitInit(makeRepo(FILES));

  it("opens a SCAR with csr action open --supplier (code or name), numbered SCAR-<year>-NNN, with the reply's due dates", () => {
    const result = csr(["-C", dir, "action", "open", "--supplier", "常州橡塑材料有限公司", "--title", "O型圈内径超差", "--product", "O型圈 30×2", "--received", "2026-11-02", "--owner", "chenjing", "--due", "D3=2026-11-04", "D4=2026-11-16", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已建立纠正措施 SCAR-2026-001（供方质量问题（SCAR））：O型圈内径超差（actions/SCAR-2026-001.yaml）",
        "要求供方 CZXS（常州橡塑材料有限公司）采取纠正措施（SCAR，IATF 16949 8.4.2.4、10.2.3；供方当前状态：合格）；未关闭期间列在 csr show CZXS 和 csr list suppliers 中。",
        "  D3 围堵措施：要求 2026-11-04 前完成",
        "  D4 根本原因分析：要求 2026-11-16 前完成",
        "下一步：csr action step SCAR-2026-001 D3 --date <日期> --by <人员> --note <围堵措施>",
        `已提交 ${hash}：纠正措施 SCAR-2026-001：O型圈内径超差`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "actions/SCAR-2026-001.yaml")).toBe(
      ["id: SCAR-2026-001", "title: O型圈内径超差", "source: supplier", "supplier: CZXS", "product: O型圈 30×2", "received: 2026-11-02", "owner: chenjing", "steps:", "  D3:", "    due: 2026-11-04", "  D4:", "    due: 2026-11-16", ""].join("\n"),
    );
  });

  it("lists the supplier's SCARs, shows the open ones on its card and in the approved supplier list, and warns of a reply past due", async () => {
    expect((await run(dir, "list", "actions", "--supplier", "czxs", ...TODAY)).stdout.split("\n").slice(0, 5)).toEqual([
      "纠正措施台账（供方：常州橡塑材料有限公司；共 1 项）",
      "",
      "序号  编号           来源                  顾客/过程             投诉编号/审核报告  问题描述       接收/提出日期  责任人  进度                                                        状态  相关文件修订  横向展开  关闭日期",
      "----  -------------  --------------------  --------------------  -----------------  -------------  -------------  ------  ----------------------------------------------------------  ----  ------------  --------  --------",
      "1     SCAR-2026-001  供方质量问题（SCAR）  常州橡塑材料有限公司                     O型圈内径超差  2026-11-02     陈静    待 D3 采取围堵措施，要求 2026-11-04 前，已逾期 22 个工作日  逾期                0",
    ]);
    expect((await run(dir, "list", "actions", "--supplier", "WXJJ", ...TODAY)).stdout.split("\n")[0]).toBe("纠正措施台账（供方：无锡精密机加有限公司；共 0 项）");
    expect(await run(dir, "show", "CZXS", ...TODAY)).toEqual({
      code: 0,
      stdout: [
        "CZXS  常州橡塑材料有限公司",
        "",
        "  文件            suppliers/CZXS.yaml",
        "  供货范围        O型圈",
        "  状态            合格",
        "  批准日期        2026-06-01",
        "  下次审核        2027-06-01（高风险：无有效体系证书，每 12 个月）",
        "  未关闭 SCAR     SCAR-2026-001  O型圈内径超差（2026-11-02 提出）  逾期：待 D3 采取围堵措施，要求 2026-11-04 前，已逾期 22 个工作日",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect((await run(dir, "list", "suppliers", ...TODAY)).stdout.split("\n").slice(2, 6)).toEqual([
      "序号  供方代码  供方名称              供货范围  状态    批准日期    证书  特殊特性  联系人  最近第二方审核  下次审核                                          业绩等级  未关闭SCAR             备注",
      "----  --------  --------------------  --------  ------  ----------  ----  --------  ------  --------------  ------------------------------------------------  --------  ---------------------  ----",
      "1     CZXS      常州橡塑材料有限公司  O型圈     合格    2026-06-01                                          2027-06-01（高风险：无有效体系证书，每 12 个月）            SCAR-2026-001（逾期）",
      "2     WXJJ      无锡精密机加有限公司            待评价",
    ]);
    // Before the SCAR was raised: none.
    expect((await run(dir, "show", "CZXS", "--today", "2026-11-01")).stdout).toContain("\n  未关闭 SCAR     无\n");
    const check = JSON.parse((await run(dir, "check", "--format", "json", ...TODAY)).stdout) as { findings: { rule: string; file: string; line: number }[] };
    expect(check.findings.filter((f) => f.rule !== "coverage/clause-uncovered").map((f) => [f.rule, f.file, f.line])).toEqual([
      ["action/step-overdue", "actions/SCAR-2026-001.yaml", 10],
      // CZXS is approved with no certificate, audit or customer authorisation recorded (IATF 16949 8.4.2.3; tester82 A9).
      ["supplier/no-qms-certificate", "suppliers/CZXS.yaml", 4],
    ]);
    // The reply is the supplier's: it is chased for it, the customer is not told (as for a complaint's 8D).
    const overdue = async (lang: string) =>
      (JSON.parse((await run(dir, "--lang", lang, "check", "--format", "json", ...TODAY)).stdout) as { findings: { rule: string; message: string }[] }).findings.filter((f) => f.rule === "action/step-overdue").map((f) => f.message);
    expect(await overdue("zh-CN")).toEqual([
      "纠正措施 SCAR-2026-001 的 D3 围堵措施（要求 2026-11-04 前）、D4 根本原因分析（要求 2026-11-16 前）已过要求完成日期，尚未完成。供方答复后用 'csr action step SCAR-2026-001 D3 --date <完成日期>' 记录；请催促供方 CZXS 按要求期限答复。",
    ]);
    expect(await overdue("en")).toEqual([
      "Corrective action SCAR-2026-001: D3 containment (due 2026-11-04), D4 root cause (due 2026-11-16) past due and not done. Record it once the supplier has replied with 'csr action step SCAR-2026-001 D3 --date <date>'; ask the supplier CZXS for the overdue reply.",
    ]);
    // Once the reply is in (D3 and D4 done), nothing is overdue; the SCAR stays open until closed.
    await run(dir, "action", "step", "SCAR-2026-001", "D3", "--date", "2026-11-04", "--by", "chenjing", "--note", "库存隔离全检");
    await run(dir, "action", "step", "SCAR-2026-001", "D4", "--date", "2026-11-13", "--by", "chenjing", "--note", "模具磨损");
    expect(JSON.parse((await run(dir, "check", "--format", "json", ...TODAY)).stdout).findings.filter((f: { rule: string }) => f.rule === "action/step-overdue")).toEqual([]);
    expect((await run(dir, "list", "suppliers", ...TODAY)).stdout.split("\n")[4]).toBe("1     CZXS      常州橡塑材料有限公司  O型圈     合格    2026-06-01                                          2027-06-01（高风险：无有效体系证书，每 12 个月）            SCAR-2026-001");
    // Its closure past due: verified by the organisation, the supplier chased for the evidence of its action.
    const file = join(dir, "actions", "SCAR-2026-001.yaml");
    const replied = readFileSync(file, "utf8");
    writeFileSync(file, `${replied}  D8:\n    due: 2026-11-30\n`);
    expect(await overdue("zh-CN")).toEqual([
      "纠正措施 SCAR-2026-001 的 D8 关闭（效果验证）（要求 2026-11-30 前）已过要求完成日期，尚未完成。验证供方的措施有效后用 'csr action close SCAR-2026-001 --verified-by <验证人> --date <验证日期> --evidence <验证证据>' 关闭；供方未按期提供措施证据的，请催促供方 CZXS。",
    ]);
    writeFileSync(file, replied);
  });

  it("refuses a supplier that is none, --supplier on a record of another source, and a SCAR without its supplier", async () => {
    const open = ["--title", "x", "--received", "2026-11-02", "--owner", "chenjing"];
    expect(await run(dir, "action", "open", "--supplier", "WXJZ", ...open)).toEqual({ code: 2, stdout: "", stderr: "csr: 没有供方 'WXJZ'；现有供方：CZXS（常州橡塑材料有限公司）、WXJJ（无锡精密机加有限公司）。是否应为 'WXJJ'？\n" });
    expect(await run(dir, "action", "open", "--supplier", "JDS", ...open)).toEqual({ code: 2, stdout: "", stderr: "csr: JDS（驻厂军代表室）是外部单位，但不是供方；可用 csr supplier add JDS 将其设为供方。\n" });
    expect(await run(dir, "action", "open", "--source", "internal", "--supplier", "WXJJ", ...open)).toEqual({ code: 2, stdout: "", stderr: "csr: --supplier 只用于供方质量问题（--source supplier，SCAR），此记录的来源是 内部发现。\n" });
    expect((await run(dir, "action", "open", "--source", "supplier", ...open)).stderr.split("\n")[0]).toBe("csr: 缺少 --supplier：纠正措施记录要有问题描述、接收/提出日期、责任人，顾客投诉要写顾客，供方质量问题要写供方，内审不符合项要写过程和审核报告编号。");
    expect(await run(dir, "list", "actions", "--supplier", "QA")).toEqual({ code: 2, stdout: "", stderr: "csr: 没有供方 'QA'；现有供方：CZXS（常州橡塑材料有限公司）、WXJJ（无锡精密机加有限公司）。\n" });
    // A SCAR without a due date for the reply is never overdue: said when it is opened.
    const undated = await run(dir, "action", "open", "--supplier", "WXJJ", ...open);
    expect(undated.stdout.split("\n")[2]).toBe("注意：没有给出供方答复期限，此 SCAR 不会逾期；用 csr action step SCAR-2026-002 D3 --due <日期>（D4、D5 同样）给出，或开立时加 --due D3=<日期> D5=<日期>；逾期未答复时 csr check 的 action/step-overdue 报告。");
  });

  it("reports a SCAR that names no supplier of qms.yaml (ref/unresolved)", async () => {
    const other = makeRepo({ ...FILES, "actions/SCAR-2026-009.yaml": "id: SCAR-2026-009\ntitle: 来料不良\nsource: supplier\nsupplier: CZXZ\nreceived: 2026-11-02\nowner: chenjing\n" });
    const check = JSON.parse((await csrInProcess(["-C", other, "check", "--format", "json", ...TODAY])).stdout) as { findings: { rule: string; file: string; line: number; message: string }[] };
    expect(check.findings.filter((f) => f.rule === "ref/unresolved").map((f) => [f.file, f.line, f.message])).toEqual([
      ["actions/SCAR-2026-009.yaml", 4, "Unknown supplier 'CZXZ': qms.yaml external_parties has no party of kind supplier with this code. Did you mean 'CZXS'? Add the supplier with 'csr supplier add CZXZ --name <name>', or correct the code."],
    ]);
  });
});
