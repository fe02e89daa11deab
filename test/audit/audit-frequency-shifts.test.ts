/**
 * The audit programme's frequency and shifts (tester78 A12; IATF 16949 9.2.2.1, 9.2.2.3): on a copy of examples/acme-auto in a
 * real git repository, the audit lead gives S3 a 6-month interval with its reason (csr process update --audit-reason), which the
 * audit programme lists, and records that C3 runs 早班, 中班 and 夜班 (--shifts): its one manufacturing process audit of 2026
 * (MPA-2026-01, 夜班) leaves 早班 and 中班 uncovered, marked in the programme and reported by process/audit-shift-coverage until
 * the plan covers them; on 2027-01-10 the year 2026 is reported as it ended.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const TODAY = ["--today", "2026-12-04"];
const WRITTEN = "已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。";

describe("csr process update --audit-reason --shifts (tester78 A12)", () => {
  it("records an interval's reason and a process's shifts, lists the reason in the audit programme and marks and reports the shifts a year's manufacturing process audits left out", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const run = (...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
    const reason = csr(["-C", dir, "process", "update", "S3", "--audit-months", "6", "--audit-reason", "2026 年 BCM 顾客投诉 2 起", ...TODAY], { lang: null });
    expect([reason.code, reason.stderr, reason.stdout.split("\n")]).toEqual([
      0,
      "",
      ["已更新过程 S3 设备与工装管理：内审间隔：（无）→ 6 个月；间隔调整理由：（无）→ 2026 年 BCM 顾客投诉 2 起。", "下次审核应在 2027-04-15 前（内审间隔 6 个月）。", WRITTEN, ""],
    ]);
    const shifts = await run("process", "update", "C3", "--shifts", "早班,中班，夜班", ...TODAY);
    expect(shifts.stdout.split("\n")).toEqual(["已更新过程 C3 生产过程控制：班次：（无）→ 早班、中班、夜班。", WRITTEN, ""]);
    const yaml = readFileSync(join(dir, "processes.yaml"), "utf8");
    expect(yaml).toContain("    manufacturing: true\n    shifts: [早班, 中班, 夜班]\n    audits:\n");
    expect(yaml).toContain("    documents: [QP-006]\n    audit_months: 6\n    audit_reason: 2026 年 BCM 顾客投诉 2 起\n    audits:\n");

    const programme = JSON.parse((await run("list", "audit-programme", ...TODAY, "--format", "json")).stdout) as { rows: Record<string, string>[]; notes: string[] };
    expect(programme.rows.filter((r) => r.code === "C3").map((r) => [r.kind, r.y2026])).toEqual([
      ["体系审核", "10-13 IA-2026-01"],
      ["制造过程审核", "06-17 MPA-2026-01、尚未覆盖班次：早班、中班"],
    ]);
    expect(programme.notes).toContain("按风险、绩效和变更确定的各过程内审间隔（IATF 16949 9.2.2.1）：S3 每 6 个月（2026 年 BCM 顾客投诉 2 起）。");
    // csr check in English (checkJsonInProcess), the finding up to its reason.
    const finding = async (today: string) =>
      (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "process/audit-shift-coverage").map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(": a manufacturing process audit covers")[0]}`);
    expect(await finding("2026-12-04")).toEqual(["processes.yaml:91:16 By 2026-12-04 the manufacturing process audits of C3 Production in 2026 (MPA-2026-01) have not covered 早班, 中班, and no manufacturing process audit of the annual plan is to cover them"]);
    // Planned for December: the year is not over, and the plan covers them.
    const planned = await run("process", "plan", "C3", "--kind", "manufacturing-process", "--month", "2026-12", "--by", "gaoyang", "--shift", "早班,中班", ...TODAY, "-y");
    expect(planned.code, planned.stderr).toBe(0);
    expect(await finding("2026-12-04")).toEqual([]);
    // The year ended without that audit: reported as it ended.
    expect(await finding("2027-01-10")).toEqual(["processes.yaml:91:16 The manufacturing process audits of C3 Production in 2026 (MPA-2026-01) covered 夜班 but not 早班, 中班"]);
  });

  it("refuses a --shift the process does not run once it lists its shifts, naming them, and reports one recorded by hand (audit80)", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const run = (...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
    expect((await run("process", "update", "C3", "--shifts", "早班,中班,夜班", ...TODAY)).code).toBe(0);
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    const refusal = {
      code: 2,
      stdout: "",
      stderr: "csr: --shift 晚班：不是过程 C3 生产过程控制 的班次；其班次为 早班、中班、夜班（processes.yaml 的 shifts）。\n提示：过程确有该班次（含交接班）的，先登记：csr process update C3 --shifts 早班,中班,夜班,晚班\n",
    };
    const audited = ["process", "audited", "C3", "--kind", "manufacturing-process", "--date", "2026-11-20", "--by", "gaoyang", "--report", "MPA-2026-09", "--nonconformities", "0"];
    expect(await run(...audited, "--shift", "早班,晚班", ...TODAY)).toEqual(refusal);
    expect(await run("process", "plan", "C3", "--kind", "manufacturing-process", "--month", "2026-12", "--by", "gaoyang", "--shift", "晚班", ...TODAY, "-y")).toEqual(refusal);
    expect(await run("process", "audited", "C3", "--amend", "MPA-2026-01", "--shift", "晚班", ...TODAY)).toEqual(refusal);
    expect((await run("process", "audited", "C3", "--amend", "MPA-2026-01", "--shift", "夜班,交接班", ...TODAY)).stderr).toBe(
      "csr: --shift 交接班：不是过程 C3 生产过程控制 的班次；其班次为 早班、中班、夜班（processes.yaml 的 shifts）。\n提示：过程确有该班次（含交接班）的，先登记：csr process update C3 --shifts 早班,中班,夜班,交接班\n",
    );
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
    // The shifts it does run are taken, in any case of writing the list.
    expect((await run(...audited, "--shift", "早班，中班", ...TODAY)).code).toBe(0);
    // A shift written into processes.yaml by hand: reported at the audit, and it covers none of the process's shifts.
    writeFileSync(join(dir, "processes.yaml"), readFileSync(join(dir, "processes.yaml"), "utf8").replace("report: MPA-2026-01, nonconformities: 0, kind: manufacturing-process, part: BX-D1, customer: DYA, shift: 夜班", "report: MPA-2026-01, nonconformities: 0, kind: manufacturing-process, part: BX-D1, customer: DYA, shift: 晚班"));
    const findings = (await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.rule === "process/audit-shift-coverage");
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(". ")[0]}`)).toEqual([
      "processes.yaml:91:159 The manufacturing process audit MPA-2026-01 of C3 Production (2026-06-17) records shift 晚班, which is none of the process's shifts (早班, 中班, 夜班, processes.yaml shifts): it covers none of them (IATF 16949 9.2.2.3)",
      "processes.yaml:93:16 By 2026-12-04 the manufacturing process audits of C3 Production in 2026 (MPA-2026-01, MPA-2026-09) have not covered 夜班, and no manufacturing process audit of the annual plan is to cover them: a manufacturing process audit covers every shift of the process, the hand-over included (IATF 16949 9.2.2.3; the shifts are processes.yaml shifts)",
    ]);
  });

  it("refuses a reason for a process without its own interval, drops a reason with the interval it set, and says when none is recorded", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const run = (...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    const refused = await run("process", "update", "C1", "--audit-reason", "顾客投诉", ...TODAY);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      "",
      "csr: --audit-reason 是过程 C1 自己的内审间隔的调整理由，而该过程没有自己的内审间隔（--audit-months）。\n提示：与间隔一起给出：csr process update C1 --audit-months <月数> --audit-reason <理由>\n",
    ]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
    expect((await run("process", "update", "S3", "--audit-months", "6", "--audit-reason", "顾客投诉", ...TODAY)).code).toBe(0);
    const changed = await run("process", "update", "S3", "--audit-months", "9", ...TODAY);
    expect(changed.stdout.split("\n")).toEqual([
      "已更新过程 S3 设备与工装管理：内审间隔：6 个月 → 9 个月；间隔调整理由：顾客投诉 →（无）。",
      "下次审核应在 2027-07-15 前（内审间隔 9 个月）。",
      "未记录调整内审间隔的理由：用 csr process update S3 --audit-reason <理由> 写明依据的风险、顾客投诉、过程绩效或变更（IATF 16949 9.2.2.1），审核方案中列出。",
      WRITTEN,
      "",
    ]);
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).not.toContain("audit_reason");
    const programme = JSON.parse((await run("list", "audit-programme", ...TODAY, "--format", "json")).stdout) as { notes: string[] };
    expect(programme.notes).toContain("按风险、绩效和变更确定的各过程内审间隔（IATF 16949 9.2.2.1）：S3 每 9 个月（未记录理由：csr process update S3 --audit-reason <理由>）。");
  });
});
