/**
 * The deadlines a customer's CSRs set, kept by command (tester66 N4): csr customer update sets the
 * complaint deadlines (customers/<code>.yaml complaint_deadlines, IATF 16949 10.2.3/10.2.4) and the change
 * notification time (change_notification, 8.5.6.1); csr source update and csr set --text name them
 * when the CSR that sets them changes; csr action open says when that CSR is being reviewed again.
 * csr run in process (csrInProcess) on a copy of examples/acme-auto.
 */
import { describe, expect, it } from "vitest";
import { copyFixture, csrInProcess } from "../helpers.js";
import { read, tree } from "./fixture.js";

const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

describe("a customer's complaint and change-notification deadlines", () => {
  it("csr customer update sets, adds and removes steps in order, keeps the file's comments, and refuses what it cannot read", async () => {
    const dir = copyFixture("examples/acme-auto");
    const set = await csrInProcess(["-C", dir, "customer", "update", "DYA", "--complaint-deadline", "D3=24h", "D4=3wd,D8=10 个工作日", "D5=20wd", "-y"], { lang: "zh-CN" });
    expect(set).toEqual({
      code: 0,
      stdout:
        "已修改顾客 DYA 东岳汽车股份有限公司（customers/DYA.yaml）：\n" +
        "  投诉处理期限 D4：3 个工作日（原为 5 个工作日）\n" +
        "  投诉处理期限 D5：20 个工作日（原为 无）\n" +
        "  投诉处理期限 D8：10 个工作日（原为 15 个工作日）\n",
      stderr: "",
    });
    expect(read(dir, "customers/DYA.yaml")).toContain(
      "complaint_deadlines:\n  csr: DYA-002          # 收到投诉后24小时内完成围堵；D4 5个工作日；8D 15个工作日\n  D3: { days: 1 }\n  D4: {working_days: 3}\n  D5: {working_days: 20}\n  D8: {working_days: 10}\n",
    );
    const removed = await csrInProcess(["-C", dir, "customer", "update", "DYA", "--complaint-deadline", "D5=", "--change-notification", "10d", "-y"], { lang: "en" });
    expect(removed.stdout).toBe(
      "Updated customer DYA 东岳汽车股份有限公司 (customers/DYA.yaml):\n  Complaint deadline D5: none (was 20 working days)\n  Change notification time: 10 days (was 5 working days)\n",
    );
    expect(read(dir, "customers/DYA.yaml")).toContain("  D4: {working_days: 3}\n  D8: {working_days: 10}\nchange_notification: {csr: DYA-004, days: 10} # 过程变更后5个工作日内更新控制计划并提交东岳SQE\n");

    const before = snapshot(dir);
    const refused = async (...args: string[]) => {
      const r = await csrInProcess(["-C", dir, "customer", "update", "DYA", ...args, "-y"], { lang: "zh-CN" });
      return [r.code, r.stdout, r.stderr];
    };
    expect(await refused("--complaint-deadline", "D4=3x")).toEqual([2, "", "csr: --complaint-deadline D4 的期限 '3x' 无法识别：写作 5wd（5 个工作日）、1d（1 天）或 24h（24 小时，即 1 天）；\"\" 删除。\n"]);
    expect(await refused("--complaint-deadline", "D9=3wd")).toEqual([2, "", "csr: --complaint-deadline 'D9=3wd' 应写作 步骤=期限，步骤为 D3、D4、D5、D6、D7、D8，如 D3=24h D4=5wd D8=15wd（D5= 删除该步骤的期限）。\n"]);
    expect(await refused("--deadlines-csr", "BCM-001")).toEqual([2, "", "csr: --deadlines-csr BCM-001 是顾客 BCM 的 CSR，不是 DYA 的：请给出 DYA 规定这些期限的 CSR。\n"]);
    expect(snapshot(dir)).toEqual(before);
  });

  it("csr source update names the customer's deadlines set by a CSR it reopens, and csr action open says they may change", async () => {
    const dir = copyFixture("examples/acme-auto");
    const update = await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "E", "--received", "2026-11-23", "--unchanged", "DYA-004", "DYA-006", "--by", "zhangli", "--date", "2026-11-24", "-y"], { lang: "en" });
    expect(update.code).toBe(0);
    expect(update.stdout).toContain("\nCustomer deadlines to check: customers/DYA.yaml complaint deadlines (DYA-002 changed). If the decision changes them, update them with csr customer update DYA.\n");
    const open = await csrInProcess(["-C", dir, "action", "open", "--title", "卡箍漏装", "--customer", "DYA", "--received", "2026-11-25", "--owner", "gaoyang", "-y"], { lang: "en" });
    expect(open.code).toBe(0);
    expect(open.stdout).toContain(
      "\nNote: DYA-002, which sets these deadlines, is being reviewed again against DYA-SQM revision E (decision due 2026-12-07); if the decision changes the deadlines, update them with csr customer update DYA --complaint-deadline … and correct this record's due dates with csr action step 8D-2026-",
    );
  });
});
