/**
 * csr source update --amend: the dates of a source revision recorded already, typed wrong, are
 * corrected by command (tester16 F11); the same revision with other dates and no --amend is an
 * error saying how, not "recorded already" with exit 0 and nothing changed. The built binary on real
 * git repositories.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

/** The same files with the same texts: a refused command wrote nothing. */
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

describe("csr source update on a revision recorded already", () => {
  it("with other dates and no --amend, is refused naming the recorded dates and the command that corrects them; the same dates resume as before", async () => {
    const dir = validRepo({ git: true });
    const before = snapshot(dir);
    expect(await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "C", "--received", "2026-11-19", "-y"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA-SQM 的 C 版已登记（接收日期 2026-11-20，发布日期 2026-11-10），给出的日期与之不同，未改动。\n" +
        "提示：若是登记时录错，加 --amend 更正：csr source update DYA-SQM --revision C --received 2026-11-19 --amend；顾客发布了新版本时，用 --revision 给出新版本的版本号。\n",
    });
    expect(snapshot(dir)).toEqual(before);
    expect((await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "C", "--received", "2026-11-20", "-y"])).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it("--amend corrects the date received of the revision that restarted reviews, and the restart dates move with it", async () => {
    const dir = validRepo({ git: true });
    expect((await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "D", "--issued", "2026-11-21", "--received", "2026-11-25", "-y", "--commit"])).code).toBe(0);
    const restarted = read(dir, "csr/DYA/DYA-001.yaml");
    const result = await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "D", "--received", "2026-11-24", "--amend", "-y", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout:
        "Corrected DYA-SQM revision D: Received 2026-11-24 (was 2026-11-25).\n" +
        "The review rounds this revision restarted now start on 2026-11-24, due 2026-12-08: DYA-001, DYA-002, DYA-003, DYA-004, DYA-005, DYA-006, DYA-007, DYA-008, DYA-010.\n" +
        `Committed ${hash}: csr source update DYA-SQM --amend: revision D: Received 2026-11-24 (was 2026-11-25)\n`,
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toBe(restarted.replace("      closed: 2026-11-25\n", "      closed: 2026-11-24\n").replace("  restarted: 2026-11-25\n", "  restarted: 2026-11-24\n"));
    expect(read(dir, "customers/DYA.yaml")).toContain("      - revision: D\n        issued: 2026-11-21\n        received: 2026-11-24\n");
    const committed = git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n");
    expect(committed).toEqual([...["001", "002", "003", "004", "005", "006", "007", "008", "010"].map((n) => `csr/DYA/DYA-${n}.yaml`), "customers/DYA.yaml"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("--amend names the CSRs registered on the old date, which keep it, and the command that corrects each", async () => {
    const dir = validRepo();
    const result = await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "C", "--issued", "2026-11-09", "--received", "2026-11-19", "--amend", "-y"], { lang: "zh-CN" });
    expect(result).toEqual({
      code: 0,
      stdout:
        "已更正 DYA-SQM C 版的发布日期 2026-11-09（原为 2026-11-10）、接收日期 2026-11-19（原为 2026-11-20）。\n" +
        "该版本结束的上一轮评审或删除的要求，日期改为 2026-11-19：DYA-009。\n" +
        "从该版本登记的 DYA-001、DYA-002、DYA-003、DYA-004、DYA-005、DYA-006、DYA-007、DYA-008 和 DYA-010 仍记为 2026-11-20 接收，未改动；如也录错，用 'csr set DYA-001 --received <日期>' 更正。\n",
      stderr: "",
    });
    expect(read(dir, "customers/DYA.yaml")).toContain("      - revision: C\n        issued: 2026-11-09\n        received: 2026-11-19\n");
    expect(read(dir, "csr/DYA/DYA-001.yaml")).toContain("received: 2026-11-20\n");
  });

  it("--amend refuses what records a new revision, a revision never recorded and a date issued after the date received; nothing is written", async () => {
    const dir = validRepo();
    const before = snapshot(dir);
    const amend = async (...args: string[]) => (await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", ...args, "--amend", "-y"])).stderr;
    expect(await amend("--revision", "C", "--received", "2026-11-19", "--unchanged", "DYA-001")).toBe("csr: --unchanged records a new revision; --amend only corrects --received, --issued of a recorded one.\n");
    expect(await amend("--revision", "E", "--received", "2026-11-19")).toBe("csr: DYA-SQM has no recorded revision E (recorded: B, C); --amend only corrects a recorded one.\n");
    expect(await amend("--revision", "C", "--issued", "2026-11-21")).toBe("csr: Date issued 2026-11-21 is after date received 2026-11-20: it cannot be received before it is issued.\n");
    expect(await amend("--revision", "C")).toBe("csr: DYA-SQM: no date to correct was given (--received, --issued, --effective).\n");
    expect(snapshot(dir)).toEqual(before);
  });

  it("--amend that moves a restarted review's deadline before its decision says so, naming the CSR and the command for the reason (auditor17 F6)", async () => {
    const dir = validRepo();
    // DYA-SQM C received 2026-10-08 (DYA-004 registered from it 2026-10-09); D received 2026-11-16 restarted DYA-004's review (due 2026-11-30), decided 2026-11-27: on time.
    const customer = join(dir, "customers/DYA.yaml");
    writeFileSync(
      customer,
      read(dir, "customers/DYA.yaml")
        .replace("        issued: 2026-11-10\n        received: 2026-11-20\n        supersedes: B\n", "        issued: 2026-10-01\n        received: 2026-10-08\n        supersedes: B\n        status: superseded\n")
        .concat("      - revision: D\n        issued: 2026-11-02\n        received: 2026-11-16\n        supersedes: C\n"),
    );
    writeFileSync(
      join(dir, "csr/DYA/DYA-004.yaml"),
      read(dir, "csr/DYA/DYA-004.yaml")
        .replace("revision: C,", "revision: D,")
        .replace("received: 2026-11-20\n", "received: 2026-10-09\n")
        .replace("review:\n", "review:\n  restarted: 2026-11-16\n  history:\n    - { source_revision: C, closed: 2026-11-16 }\n")
        .replace("date: 2026-11-24 }", "date: 2026-11-27 }"),
    );
    const result = await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "D", "--issued", "2026-11-02", "--received", "2026-11-03", "--amend", "-y"], { lang: "zh-CN" });
    expect(result.stdout.split("\n")).toEqual([
      "已更正 DYA-SQM D 版的接收日期 2026-11-03（原为 2026-11-16）。",
      "随该版本重新开始的评审，开始日期改为 2026-11-03，评审期限 2026-11-17：DYA-004。",
      "注意：DYA-004 的评审结论（2026-11-27）晚于新的评审期限 2026-11-17，逾期 8 个工作日；请用 'csr review DYA-004 --late-reason <原因>' 写明迟延原因（否则 csr check 报告 csr/review-late）。",
      "",
    ]);
    expect(result.code).toBe(0);
  });
});
