/**
 * A training session's result (tester72 Q5; IATF 16949 7.2.2, ISO 9001 7.2 d, GJB 9001C 7.2): `csr train --method
 * --hours --failed` records how it was given (培训方式), its hours (学时) and who failed its assessment (不合格); a
 * failed trainee is not trained by it, and the missing-training list keeps them, marked. The example repository in
 * a temporary git repository, the built binary.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));
/**
 * csr in the test's process (csrInProcess: the CLI's run, the same arguments, exit code and output), for the
 * variations; each path of csr train and csr list training keeps a run of the built binary (binary()) below.
 */
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const binary = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: null });
const read = (dir: string) => readFileSync(join(dir, "csr", "BCM", "BCM-004.yaml"), "utf8");
const WROTE = "已写入 csr/BCM/BCM-004.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
/** The people of the missing-training list of BCM-004 on 2026-12-06, with their remark. */
const missing = async (dir: string) =>
  (await run(dir, "list", "training", "--missing", "--document", "BCM-004", "--today", "2026-12-06")).stdout
    .split("\n")
    .filter((l) => /^\d+ +BCM-004 /.test(l))
    .map((l) => l.split(/ {2,}/).slice(-3).map((c) => c.trim()));

describe("csr train --method --hours --failed (tester72 Q5)", () => {
  it("records the method, hours and who failed; a failed trainee stays on the missing-training list, marked, until a session they pass", async () => {
    const dir = await acme();
    expect(binary(dir, "train", "BCM-004", "--people", "chenjing,zhaoqiang,sunwei", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-040", "--method", "classroom", "--hours", "1.5", "--failed", "孙伟")).toEqual({
      code: 0,
      stdout:
        "BCM-004（来源文件 BCM-PKG 版本 A）：已登记陈静（chenjing）、赵强（zhaoqiang）、孙伟（sunwei）的培训；2026-12-04，培训人：张丽（zhangli），记录：TR-2026-040，方式 课堂授课，1.5 学时，不合格 孙伟（sunwei）（不计为已培训）。\n" +
        WROTE,
      stderr: "",
    });
    expect(read(dir)).toContain(
      "    - {revision: A, date: 2026-12-04, people: [chenjing, zhaoqiang, sunwei], trainer: zhangli, record: TR-2026-040, method: classroom, hours: 1.5, failed: [sunwei]}\n",
    );
    expect(await missing(dir)).toEqual([
      ["孙伟", "市场部", "考核不合格，须重新培训；期限自 2026-10-20 评审决定起算"],
      ["李娜", "市场部", "期限自 2026-10-20 评审决定起算"],
      ["周鹏", "技术部", "期限自 2026-10-20 评审决定起算"],
      ["高扬", "技术部", "期限自 2026-10-20 评审决定起算"],
    ]);
    // The training register gives the method, hours and who failed, in columns once a session records them.
    const register = binary(dir, "list", "training", "--document", "BCM-004", "--today", "2026-12-06").stdout.split("\n");
    expect(register[2]).toMatch(/^序号 +培训日期 +文件\/要求 +名称 +版本 +参训人员 +培训人 +培训方式 +学时 +不合格 +记录编号$/);
    expect(register.find((l) => l.includes("TR-2026-040"))).toMatch(/ 陈静、赵强、孙伟 +张丽 +课堂授课 +1\.5 +孙伟 +TR-2026-040$/);
    expect((await csrInProcess(["-C", dir, "list", "training", "--format", "csv", "--today", "2026-12-06"], { lang: "en" })).stdout).toContain(
      ",A,\"Chen Jing, Zhao Qiang, Sun Wei\",Zhang Li,classroom,1.5,Sun Wei,TR-2026-040",
    );
    // The person's training file says so beside the session, and does not count it among 已培训 (tester72 Q5): 2 are DYA-002's and DYA-005's.
    const file = (await run(dir, "list", "training", "--person", "sunwei", "--today", "2026-12-06")).stdout.split("\n");
    expect(file[0]).toBe("孙伟（市场部）培训档案（2026-12-06）：已培训 2 次，未完成 4 项");
    expect(file.find((l) => l.includes("TR-2026-040"))).toMatch(/ TR-2026-040 +考核不合格，须重新培训$/);
    // Passed at a second session, they are trained.
    expect((await run(dir, "train", "BCM-004", "--people", "sunwei", "--date", "2026-12-05", "--trainer", "zhangli", "--record", "TR-2026-043", "--method", "on-the-job")).code).toBe(0);
    expect((await missing(dir)).map((row) => row[0])).toEqual(["李娜", "周鹏", "高扬"]);
  });

  it("refuses an unknown method, hours not above 0 and a failed person who is not a trainee, writing nothing", async () => {
    const dir = await acme();
    const before = read(dir);
    const train = (...more: string[]) => run(dir, "train", "BCM-004", "--people", "lina", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-044", ...more);
    // On the binary: a refusal's exit code and one line on stderr, as a user sees it.
    expect(binary(dir, "train", "BCM-004", "--people", "lina", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-044", "--method", "clasroom")).toEqual({ code: 2, stdout: "", stderr: "csr: --method：没有培训方式“clasroom”；可用 classroom、on-site、on-the-job、self-study。是否应为 'classroom'？\n" });
    expect((await train("--hours", "0")).stderr).toBe("csr: --hours 0：学时应为大于 0 的数（如 2 或 1.5）。\n");
    expect((await train("--hours", "two")).code).toBe(2);
    expect(await train("--failed", "zhoupeng")).toEqual({ code: 2, stdout: "", stderr: "csr: --failed zhoupeng：不是本次培训的受训人（--people 或 --trainees 中没有）；不合格的只能是受训人。\n" });
    expect(read(dir)).toBe(before);
  });

  it("a department's session does not train its people named as failed, nor counts an operator who failed", async () => {
    const dir = await acme();
    expect((await run(dir, "train", "BCM-004", "--department", "ENG", "--people", "zhoupeng", "--trainees", "张三(1023)", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-045", "--failed", "zhoupeng,张三(1023)")).code).toBe(0);
    expect(read(dir)).toContain("failed: [zhoupeng, 张三(1023)]}\n");
    expect(await missing(dir)).toEqual([
      ["陈静", "品质部", "期限自 2026-10-20 评审决定起算"],
      ["赵强", "品质部", "期限自 2026-10-20 评审决定起算"],
      ["孙伟", "市场部", "期限自 2026-10-20 评审决定起算"],
      ["李娜", "市场部", "期限自 2026-10-20 评审决定起算"],
      ["周鹏", "技术部", "考核不合格，须重新培训；期限自 2026-10-20 评审决定起算"],
    ]);
  });
});

describe("csr train --external-trainer (tester72 Q8)", () => {
  it("records a trainer from outside as named, with their organisation, printed as such and no unresolved reference", async () => {
    const dir = await acme();
    expect(await run(dir, "train", "BCM-004", "--people", "lina", "--date", "2026-12-04", "--external-trainer", "王工, 中汽研", "--record", "TR-2026-046", "--hours", "4")).toEqual({
      code: 0,
      stdout: "BCM-004（来源文件 BCM-PKG 版本 A）：已登记李娜（lina）的培训；2026-12-04，培训人：王工, 中汽研（外部讲师），记录：TR-2026-046，4 学时。\n" + WROTE,
      stderr: "",
    });
    expect(read(dir)).toContain("    - {revision: A, date: 2026-12-04, people: [lina], external_trainer: \"王工, 中汽研\", record: TR-2026-046, hours: 4}\n");
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-12-06", "--format", "json"], { lang: "en" });
    expect(JSON.parse(check.stdout).findings.filter((f: { file: string; rule: string }) => f.file === "csr/BCM/BCM-004.yaml" && f.rule !== "csr/training-overdue")).toEqual([]);
    expect((await run(dir, "list", "training", "--document", "BCM-004", "--today", "2026-12-06")).stdout.split("\n").find((l) => l.includes("TR-2026-046"))).toMatch(/ 李娜 +王工, 中汽研（外部讲师） +4 +TR-2026-046$/);
    expect((await csrInProcess(["-C", dir, "show", "BCM-004", "--today", "2026-12-06"], { lang: "en" })).stdout).toContain("2026-12-04, source revision A, lina Li Na, trainer 王工, 中汽研 (external), record TR-2026-046");
    expect((await missing(dir)).map((row) => row[0])).not.toContain("李娜");
  });

  it("refuses --external-trainer beside --trainer, and one without its organisation", async () => {
    const dir = await acme();
    const before = read(dir);
    const train = (...more: string[]) => run(dir, "train", "BCM-004", "--people", "lina", "--date", "2026-12-04", "--record", "TR-2026-047", ...more);
    expect(await train("--trainer", "zhangli", "--external-trainer", "王工, 中汽研")).toEqual({ code: 2, stdout: "", stderr: "csr: --trainer 和 --external-trainer 只能给一个：本公司的培训人用 --trainer，外部讲师用 --external-trainer。\n" });
    expect(await train("--external-trainer", "王工")).toEqual({ code: 2, stdout: "", stderr: "csr: --external-trainer 王工：请写明姓名和单位，以逗号分隔，如 --external-trainer \"王工, 中汽研\"。\n" });
    expect(read(dir)).toBe(before);
  });
});

describe("csr train --evaluate (training effectiveness, IATF 16949 7.2.2, ISO 9001 7.2 c)", () => {
  const evaluate = (dir: string, ...more: string[]) => run(dir, "train", "BCM-004", "--evaluate", "--date", "2026-12-04", "--evaluated-on", "2026-12-05", "--evaluation-method", "exam", "--by", "zhangli", ...more);

  it("records the evaluation on the session of --date; one not effective trains nobody, the missing-training list says so, the register shows it", async () => {
    const dir = await acme();
    expect((await run(dir, "train", "BCM-004", "--people", "chenjing,zhaoqiang", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-040")).code).toBe(0);
    const [before] = await missing(dir);
    expect(before).toEqual(["孙伟", "市场部", "期限自 2026-10-20 评审决定起算"]);
    expect(await evaluate(dir, "--result", "not-effective", "--evaluation-record", "PJ-2026-012")).toEqual({
      code: 0,
      stdout:
        "BCM-004（来源文件 BCM-PKG 版本 A）：2026-12-04 的培训（记录 TR-2026-040，第 61 行）效果评价无效；2026-12-05，考试，评价人：张丽（zhangli），记录：PJ-2026-012；其受训人不计为已培训，须重新培训。\n" +
        WROTE,
      stderr: "",
    });
    expect(read(dir)).toContain(
      "    - {revision: A, date: 2026-12-04, people: [chenjing, zhaoqiang], trainer: zhangli, record: TR-2026-040, evaluation: {date: 2026-12-05, method: exam, by: zhangli, result: not-effective, record: PJ-2026-012}}\n",
    );
    expect((await missing(dir)).slice(0, 3)).toEqual([
      ["陈静", "品质部", "培训效果评价无效，须重新培训；期限自 2026-10-20 评审决定起算"],
      ["赵强", "品质部", "培训效果评价无效，须重新培训；期限自 2026-10-20 评审决定起算"],
      ["孙伟", "市场部", "期限自 2026-10-20 评审决定起算"],
    ]);
    // Before the day it was evaluated, nobody knew: on 2026-12-04 the session trained them.
    expect((await run(dir, "list", "training", "--missing", "--document", "BCM-004", "--today", "2026-12-04")).stdout).not.toContain("陈静");
    const register = (await run(dir, "list", "training", "--document", "BCM-004", "--today", "2026-12-06")).stdout.split("\n");
    expect(register[2]).toMatch(/^序号 +培训日期 +文件\/要求 +名称 +版本 +参训人员 +培训人 +记录编号 +效果评价$/);
    expect(register.find((l) => l.includes("TR-2026-040"))).toMatch(/ 陈静、赵强 +张丽 +TR-2026-040 +无效（考试，2026-12-05，张丽，记录 PJ-2026-012）$/);
    // Before the evaluation's day the register has no such column, as before this option existed.
    expect((await run(dir, "list", "training", "--document", "BCM-004", "--today", "2026-12-04")).stdout.split("\n")[2]).toMatch(/ 记录编号$/);
    // The person's training file says so beside the session, and does not count it among 已培训 in its title.
    const file = (await run(dir, "list", "training", "--person", "chenjing", "--today", "2026-12-06")).stdout.split("\n");
    expect(file[0]).toBe("陈静（品质部）培训档案（2026-12-06）：已培训 1 次，未完成 5 项");
    expect((await run(dir, "list", "training", "--person", "chenjing", "--today", "2026-12-04")).stdout.split("\n")[0]).toBe("陈静（品质部）培训档案（2026-12-04）：已培训 2 次，未完成 4 项");
    expect(file.find((l) => l.includes("TR-2026-040"))).toMatch(
      / TR-2026-040 +培训效果评价无效，须重新培训；效果评价：无效（考试，2026-12-05，张丽，记录 PJ-2026-012）$/,
    );
    // An evaluation is not overwritten.
    expect(await evaluate(dir, "--result", "effective")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: BCM-004 2026-12-04 的培训已于 2026-12-05 评价为无效，不覆盖已有的评价；若登记错了，先用 'csr train BCM-004 --remove --date 2026-12-04 --record TR-2026-040' 删除这次培训，再重新登记。\n",
    });
  });

  it("an effective evaluation keeps the trainees trained, in English too", async () => {
    const dir = await acme();
    expect((await run(dir, "train", "BCM-004", "--people", "chenjing", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-040")).code).toBe(0);
    expect(csr(["-C", dir, "train", "BCM-004", "--evaluate", "--date", "2026-12-04", "--evaluated-on", "2026-12-05", "--evaluation-method", "supervisor", "--by", "zhangli", "--result", "effective"], { lang: "en" }).stdout).toBe(
      "BCM-004 (source BCM-PKG revision A): training of 2026-12-04 (record TR-2026-040, line 61) evaluated effective; 2026-12-05, supervisor's evaluation, evaluated by Zhang Li (zhangli).\n" +
        "Wrote csr/BCM/BCM-004.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect((await missing(dir)).map((row) => row[0])).not.toContain("陈静");
  });

  it("refuses a missing option, an unknown method or result, a day before the session, no such session, writing nothing", async () => {
    const dir = await acme();
    expect((await run(dir, "train", "BCM-004", "--people", "chenjing", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-040")).code).toBe(0);
    const before = read(dir);
    expect(await evaluate(dir)).toEqual({ code: 2, stdout: "", stderr: expect.stringContaining("--result") });
    expect((await evaluate(dir, "--result", "good")).stderr).toBe("csr: --result：没有“good”；可用 effective、not-effective。\n");
    expect((await run(dir, "train", "BCM-004", "--evaluate", "--date", "2026-12-04", "--evaluated-on", "2026-12-05", "--evaluation-method", "exm", "--by", "zhangli", "--result", "effective")).stderr).toBe(
      "csr: --evaluation-method：没有“exm”；可用 exam、practical、observation、supervisor。是否应为 'exam'？\n",
    );
    expect((await run(dir, "train", "BCM-004", "--evaluate", "--date", "2026-12-04", "--evaluated-on", "2026-12-03", "--evaluation-method", "exam", "--by", "zhangli", "--result", "effective")).stderr).toBe(
      "csr: --evaluated-on 2026-12-03：效果评价不能早于培训日期 2026-12-04。\n",
    );
    expect((await run(dir, "train", "BCM-004", "--evaluate", "--date", "2026-12-03", "--evaluated-on", "2026-12-05", "--evaluation-method", "exam", "--by", "zhangli", "--result", "effective")).stderr).toBe(
      "csr: BCM-004 没有 2026-12-03 的培训；已登记的培训：2026-10-28 TR-2026-041，2026-12-04 TR-2026-040。\n",
    );
    expect((await evaluate(dir, "--result", "effective", "--people", "chenjing")).code).toBe(2);
    expect(read(dir)).toBe(before);
  });
});

describe("doc/training-not-evaluated (document_control.training_evaluation_days)", () => {
  it("warns of a session on the current version without an evaluation once the days have passed; silent without the setting, and once evaluated", async () => {
    const dir = await acme();
    const check = async (today: string) => (await run(dir, "check", "--today", today)).stdout.split("\n").filter((l) => l.includes(" warning doc/training-not-evaluated ")).join("\n");
    expect((await run(dir, "train", "QP-014", "--people", "gaoyang", "--date", "2026-11-02", "--trainer", "zhoupeng", "--record", "TR-2026-050")).code).toBe(0);
    expect(await check("2026-12-10")).toBe("");
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + "document_control:\n  training_evaluation_days: 30\n");
    expect(await check("2026-12-02")).toBe("");
    expect(await check("2026-12-03")).toBe(
      "documents/procedures/QP-014.yaml:78:7 warning doc/training-not-evaluated QP-014 A/1 版 2026-11-02 的培训（记录 TR-2026-050）已过 30 天（评价期限 2026-12-02），仍没有登记培训效果评价。请用 'csr train QP-014 --evaluate --date 2026-11-02 --evaluated-on <日期> --evaluation-method <方式> --by <评价人> --result <effective|not-effective>' 登记。",
    );
    expect((await run(dir, "train", "QP-014", "--evaluate", "--date", "2026-11-02", "--evaluated-on", "2026-11-20", "--evaluation-method", "practical", "--by", "zhoupeng", "--result", "effective")).code).toBe(0);
    expect(await check("2026-12-03")).toBe("");
  });
});
