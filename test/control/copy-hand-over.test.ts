/**
 * csr hand-over: the controlled copies a person holds pass to whoever takes over, keeping their 受控号 (tester81 J10: the
 * 军代表室's copies when its 军代表 rotates; IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3): the copy's holder becomes the new one,
 * its `handovers` records the day, both people, who handled it and the 交接单; the distribution register's 领用人 and 备注 show it
 * from that day and not before; refusals write nothing. The built binary on a copy of examples/gjb-demo in a real git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, committedFixture, csr, csrInProcess, git } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: "zh-CN" });

/** gjb-demo with 李明 (lim), the 军代表 who takes over from 王建东, at the 军代表室 since 2026-11-01. */
const withSuccessor = builtOnce(async () => {
  const dir = committedFixture("examples/gjb-demo");
  const added = await csrInProcess(["-C", dir, "person", "add", "lim", "--name", "李明", "--name-en", "Li Ming", "--department", "MRO", "--from", "2026-11-01", "-y", "--commit"], { lang: "zh-CN" });
  expect(added.code).toBe(0);
  return dir;
});

const MRO_COPIES = [
  "  CS/QM-001 B/1 受控号 7（军代表室）",
  "  CS/QP-001 B/0 受控号 4（军代表室）",
  "  CS/QP-006 B/0 受控号 4（军代表室）",
  "  CS/QP-008 B/1 受控号 6（军代表室）",
  "  CS/QP-009 B/0 受控号 4（军代表室）",
  "  CS/QP-010 B/1 受控号 6（军代表室）",
  "  CS/QP-011 B/0 受控号 4（军代表室）",
  "  CS/QP-012 B/0 受控号 4（军代表室）",
  "  CS/QP-013 B/0 受控号 4（军代表室）",
  "  CS/QP-014 B/0 受控号 4（军代表室）",
  "  CS/QP-019 B/1 受控号 6（军代表室）",
  "  CS/WI-001 A/0 受控号 2（军代表室）",
  "  CS/WI-002 A/0 受控号 2（军代表室）",
  "  CS/WI-003 A/1 受控号 4（军代表室）",
  "  CS/WI-004 A/1 受控号 4（军代表室）",
  "  CS/WI-005 A/0 受控号 2（军代表室）",
];

describe("csr hand-over (tester81 J10)", () => {
  it("hands the 军代表室's copies from the old 军代表 to the new one, every 受控号 kept, and commits the record", async () => {
    const dir = await withSuccessor();
    const result = zh(dir, "hand-over", "--from", "wangjd", "--to", "李明", "--date", "2026-12-07", "--record", "JJ-2026-01", "--by", "maxl", "--commit");
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: ["已将 16 份受控副本由 王建东（wangjd）交接给 李明（lim）（2026-12-07），受控号不变：", ...MRO_COPIES, "交接单：JJ-2026-01；经办人：马晓岚（maxl）。", `已提交 ${hash}：csr hand-over：wangjd → lim，16 份受控副本（2026-12-07）`, ""].join("\n"),
      stderr: "",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(readFileSync(join(dir, "documents", "CS_QM-001.yaml"), "utf8")).toContain(
      "  - {copy: 7, version: B/1, to: MRO, holder: lim, issued_by: maxl, date: 2026-03-02, handovers: [{date: 2026-12-07, from: wangjd, to: lim, by: maxl, record: JJ-2026-01}]}\n",
    );
    // The copies taken back before stay as they were, 王建东's.
    expect(readFileSync(join(dir, "documents", "CS_QM-001.yaml"), "utf8")).toContain("  - {copy: 4, version: B/0, to: MRO, holder: wangjd, issued_by: maxl, date: 2024-06-03, recalled: 2026-03-04, returned_by: wangjd, received_by: maxl}\n");
    // The register: 李明 holds them from that day, the hand-over in 备注; as the record stood the day before, 王建东.
    const rows = (today: string) =>
      (JSON.parse(zh(dir, "list", "distribution", "--department", "MRO", "--status", "in-use", "--today", today, "--format", "json").stdout) as { rows: Record<string, unknown>[] }).rows.map((r) => [r.number, r.copy, r.holder, r.remark]);
    expect((await rows("2026-12-08")).slice(0, 2)).toEqual([
      ["CS/QM-001", 7, "李明", "2026-12-07 王建东交接给李明（交接单 JJ-2026-01，经办 马晓岚）"],
      ["CS/QP-001", 4, "李明", "2026-12-07 王建东交接给李明（交接单 JJ-2026-01，经办 马晓岚）"],
    ]);
    expect((await rows("2026-12-06")).slice(0, 1)).toEqual([["CS/QM-001", 7, "王建东", ""]]);
    const en = csr(["-C", dir, "list", "distribution", "--document", "CS/QM-001", "--status", "in-use", "--today", "2026-12-08", "--format", "csv"]).stdout;
    expect(en).toContain(',Li Ming,Ma Xiaolan,2026-03-02,,,,,in use,"2026-12-07 handed over from Wang Jiandong to Li Ming (record JJ-2026-01, handled by Ma Xiaolan)"\r\n');
    expect(zh(dir, "show", "CS/QM-001", "--today", "2026-12-08").stdout).toContain("  受控副本        在用 3 份：7 号 B/1 军代表室 李明、8 号 B/1 质量部 陈宏伟、9 号 B/1 生产部 何军\n");
    // csr check finds nothing new: the one warning gjb-demo has.
    expect((await checkJsonInProcess(dir, "--today", "2026-12-08")).findings.map((f) => f.rule)).toEqual(["csr/source-unreviewed"]);
  });

  it("hands over the copies named, and records a later hand-over after the first", async () => {
    const dir = await withSuccessor();
    expect(zh(dir, "hand-over", "--from", "wangjd", "--to", "lim", "--document", "CS/QM-001", "--copy", "7", "--date", "2026-12-01", "-y").stdout.split("\n").slice(0, 2)).toEqual([
      "已将 1 份受控副本由 王建东（wangjd）交接给 李明（lim）（2026-12-01），受控号不变：",
      "  CS/QM-001 B/1 受控号 7（军代表室）",
    ]);
    expect(zh(dir, "hand-over", "--from", "lim", "--to", "wangjd", "--document", "CS/QM-001", "--date", "2026-12-04", "-y").code).toBe(0);
    expect(readFileSync(join(dir, "documents", "CS_QM-001.yaml"), "utf8")).toContain(
      "  - {copy: 7, version: B/1, to: MRO, holder: wangjd, issued_by: maxl, date: 2026-03-02, handovers: [{date: 2026-12-01, from: wangjd, to: lim}, {date: 2026-12-04, from: lim, to: wangjd}]}\n",
    );
    // Before the last hand-over: refused, as before the copy was handed out.
    const early = zh(dir, "hand-over", "--from", "wangjd", "--to", "lim", "--document", "CS/QM-001", "--date", "2026-12-03", "-y");
    expect([early.code, early.stdout, early.stderr]).toEqual([2, "", "csr: --date 2026-12-03 早于 CS/QM-001 受控副本 7 的交接日期（2026-12-04），而它应在其后。\n"]);
  });

  it("hands over the copies of a customer's source document too, in the customer's file", async () => {
    const dir = await withSuccessor();
    expect(zh(dir, "distribute", "NES-JSXY-2025-07", "--to", "MRO:wangjd", "--date", "2026-11-05", "-y").code).toBe(0);
    const result = zh(dir, "hand-over", "--from", "wangjd", "--to", "lim", "--document", "NES-JSXY-2025-07", "CS/QM-001", "--date", "2026-12-07", "-y");
    expect(result.stdout.split("\n").slice(0, 3)).toEqual(["已将 2 份受控副本由 王建东（wangjd）交接给 李明（lim）（2026-12-07），受控号不变：", "  CS/QM-001 B/1 受控号 7（军代表室）", "  NES-JSXY-2025-07 A 受控号 1（军代表室）"]);
    expect(readFileSync(join(dir, "customers", "NES.yaml"), "utf8")).toContain("      - {copy: 1, version: A, to: MRO, holder: lim, issued_by: maxl, date: 2026-11-05, handovers: [{date: 2026-12-07, from: wangjd, to: lim}]}\n");
  });

  it("refuses what cannot be handed over, in one line, writing nothing", async () => {
    const dir = await withSuccessor();
    const refused = (...args: string[]) => {
      const result = zh(dir, "hand-over", ...args, "-y");
      return [result.code, result.stdout, result.stderr];
    };
    expect(refused("--to", "lim")).toEqual([2, "", "csr: csr hand-over 需要 --from：交出副本的人用 --from，接收并签收的人用 --to，例如 'csr hand-over --from wangjd --to lim'。\n"]);
    expect(refused("--from", "wangjd", "--to", "hejun")).toEqual([2, "", "csr: 何军（hejun）属于生产部，不能接收 CS/QM-001 受控号 7（发放给军代表室）：受控副本由其发放部门的人持有；请交给军代表室的人，或先用 'csr department update' 把此人设为军代表室的代表。\n"]);
    expect(refused("--from", "lim", "--to", "wangjd")).toEqual([2, "", "csr: 李明（lim）没有在用（未回收、未遗失、未销毁、未作废留用）的受控副本，没有可交接的副本；其副本见 'csr list distribution --holder lim'。\n"]);
    expect(refused("--from", "wangjd", "--to", "wangjd")).toEqual([2, "", "csr: --from 和 --to 是同一人 王建东（wangjd）：交接要交给接替的另一人。\n"]);
    expect(refused("--from", "wangjd", "--to", "lim", "--copy", "7")).toEqual([2, "", "csr: --copy 须与一个 --document 一起给出：受控号只在一份文件内唯一。\n"]);
    expect(refused("--from", "wangjd", "--to", "lim", "--document", "CS/QM-001", "--copy", "4")).toEqual([2, "", "csr: CS/QM-001 没有由 王建东（wangjd）持有的在用受控副本 4：请核对受控号（'csr list distribution --document CS/QM-001'）。\n"]);
    expect(refused("--from", "wangjd", "--to", "lim", "--document", "CS/QM-01")).toEqual([2, "", "csr: 没有文件或顾客来源文件 'CS/QM-01'。是否应为 'CS/QM-001'？\n"]);
    // The one who takes over signs for the copies that day: not before they came.
    expect(refused("--from", "wangjd", "--to", "lim", "--date", "2026-10-30")).toEqual([2, "", "csr: --to 李明（lim）的到岗日期是 2026-11-01，不能记为 2026-10-30 所做工作的人员。请改为指定当天在职的人员（'csr list people'）；如到岗日期有误，用 'csr person update lim --from <日期>' 更正。\n"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});
