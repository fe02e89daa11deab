/**
 * The skills matrix (多能工矩阵; tester75 P3; IATF 16949 7.1.2, 7.2.1, 7.2.2, 8.5.1 e; GJB 9001C 7.2 上岗资格): `csr
 * qualify` records a level at a station in people.yaml as a history (a later record supersedes, a withdrawal keeps
 * the records), refusing an unknown station, an operator or an unqualified assessor, a day before the person
 * joined and a level III without the training on the station's work instruction; `csr check` reports a station short
 * of cover and an operator at a station without level III; `csr list skills` prints the matrix; `csr show <person>`
 * lists the levels. The example repository in a temporary git repository: the binary once for qualify, the
 * variations in process.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const WROTE = (path: string) => `已写入 ${path}，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n`;
const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr });

/** acme-auto with two operators at OP20 (王小二 1023, 李四 1024, from 2026-11-01) and WI-010-01 used at OP20. */
const line = builtOnce(async () => {
  const dir = gitInit(copyFixture("examples/acme-auto"));
  for (const [name, number] of [["王小二", "1023"], ["李四", "1024"]] as const) {
    expect((await zh(dir, "person", "add", "--name", name, "--department", "PRD", "--number", number, "--station", "OP20", "--operator", "--from", "2026-11-01", "-y")).code).toBe(0);
  }
  expect((await zh(dir, "set", "WI-010-01", "--station", "OP20", "-y")).code).toBe(0);
  return dir;
});

const train = async (dir: string, people: string, date = "2026-12-02") =>
  expect((await zh(dir, "train", "WI-010-01", "--people", people, "--date", date, "--trainer", "huangjun", "--record", `TR-${date}`, "-y")).code).toBe(0);

describe("csr qualify: a level at a station, as a history (tester75 P3)", () => {
  it("records level III once the work instruction is trained on, and refuses it before, naming the csr train command", async () => {
    const dir = await line();
    expect(await zh(dir, "qualify", "王小二", "--station", "OP20", "--level", "III", "--date", "2026-12-03", "--by", "huangjun")).toEqual(
      refused(
        "csr: 王小二 截至 2026-12-03 没有完成 OP20 作业指导书 WI-010-01 A/1 的培训，不能评为 III 级（独立操作前须经培训，IATF 16949 7.2.2）。\n" +
          "提示：请先记录培训：csr train WI-010-01 --people 王小二 --date <日期> --trainer <培训人> --record <记录号>；培训完成前可评为 II 级（在指导下操作）。\n",
      ),
    );
    await train(dir, "王小二");
    // The person by 工号, the station in any letter case, the level in words, the assessor by name.
    expect(csr(["-C", dir, "qualify", "1023", "--station", "op20", "--level", "独立操作", "--date", "2026-12-03", "--by", "黄军", "--evidence", "JN-2026-031"], { lang: null })).toEqual({
      code: 0,
      stdout:
        "已登记 王小二 在 OP20 的技能等级：III（独立操作），2026-12-03，评定人：黄军（huangjun），评定记录：JN-2026-031。\n" +
        "OP20 在 2026-12-03 只有 1 人可独立操作（III 级及以上），少于要求的 2 人：缺勤或换班时无人顶岗。\n" +
        WROTE("people.yaml"),
      stderr: "",
    });
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toContain("    joined: 2026-11-01\n    skills:\n      - {station: OP20, level: III, date: 2026-12-03, by: huangjun, evidence: JN-2026-031}\n  - id: 李四\n");
    // A later record supersedes, and says so; the earlier one stays.
    expect((await zh(dir, "qualify", "王小二", "--station", "OP20", "--level", "4", "--date", "2026-12-05", "--by", "zhangli")).stdout).toBe(
      "已登记 王小二 在 OP20 的技能等级：IV（能培训他人），2026-12-05，评定人：张丽（zhangli）。\n此记录取代 2026-12-03 的 III（独立操作）（评定人：黄军（huangjun）），原记录保留在 people.yaml 中。\n" +
        "OP20 在 2026-12-05 只有 1 人可独立操作（III 级及以上），少于要求的 2 人：缺勤或换班时无人顶岗。\n" +
        WROTE("people.yaml"),
    );
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toContain("      - {station: OP20, level: III, date: 2026-12-03, by: huangjun, evidence: JN-2026-031}\n      - {station: OP20, level: IV, date: 2026-12-05, by: zhangli}\n");
    // The same record again changes nothing; an earlier day than the latest record is refused.
    expect((await zh(dir, "qualify", "王小二", "--station", "OP20", "--level", "IV", "--date", "2026-12-05", "--by", "zhangli")).stdout).toBe("王小二 在 OP20 已于 2026-12-05 登记为 IV（能培训他人），未作更改。\n");
    expect(await zh(dir, "qualify", "王小二", "--station", "OP20", "--level", "IV", "--date", "2026-12-04", "--by", "zhangli")).toEqual(
      refused("csr: --date 2026-12-04：早于 OP20 的最近一次记录（2026-12-05，IV（能培训他人）），不会改变现在的等级；补登历史记录请在 people.yaml 中按日期顺序编辑，更正最近一次请用更晚的日期登记。\n"),
    );
  });

  it("refuses an unknown station, an operator, self or unqualified assessor, an unknown level, a day before joining; withdraws with a reason", async () => {
    const dir = await line();
    const lisi = (...args: string[]) => zh(dir, "qualify", "李四", "--date", "2026-12-03", ...args);
    expect(await lisi("--station", "OP99", "--level", "II", "--by", "huangjun")).toEqual(
      refused("csr: --station OP99：没有作业指导书写明此工位，也没有人员在此工位工作。请先写明：csr set <作业指导书> --station OP99，或 csr person update 李四 --station OP99。\n"),
    );
    expect(await lisi("--station", "OP20", "--level", "II", "--by", "王小二")).toEqual(refused("csr: --by 王小二：此人是操作工（people.yaml 中的 operator），可以带教，但不签署技能评定；请由具有审核或批准角色的班组长、主管评定。\n"));
    expect(await lisi("--station", "OP20", "--level", "II", "--by", "李四")).toEqual(refused("csr: --by 李四：不能评定自己的技能等级；请由具有审核或批准角色的班组长、主管，或此工位 IV 级人员评定。\n"));
    expect(await lisi("--station", "OP20", "--level", "II", "--by", "gaoyang")).toEqual(
      refused("csr: --by 高扬（gaoyang）：此人在 2026-12-03 既不是 OP20 的 IV 级（能培训他人）人员，也没有审核或批准角色，不能评定技能等级；请改由主管评定。\n"),
    );
    expect(await lisi("--station", "OP20", "--level", "V", "--by", "huangjun")).toEqual(
      refused("csr: --level V：不是技能等级；等级为 I 培训中、II 在指导下操作、III 独立操作、IV 能培训他人（也可写 1–4），撤销资格用 --withdraw 或 --level 0。\n"),
    );
    expect((await zh(dir, "qualify", "李四", "--station", "OP20", "--level", "I", "--date", "2026-10-30", "--by", "huangjun")).stderr).toBe(
      "csr: <person> 李四 的到岗日期是 2026-11-01，不能记为 2026-10-30 所做工作的人员。请改为指定当天在职的人员（'csr list people'）；如到岗日期有误，用 'csr person update 李四 --from <日期>' 更正。\n",
    );
    // A level is recorded when assessed, never for a day still to come (csr qualify runs as of --today).
    expect(await zh(dir, "qualify", "李四", "--station", "OP20", "--level", "II", "--by", "huangjun", "--date", "2026-12-09", "--today", "2026-12-04")).toEqual(refused("csr: --date 2026-12-09 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n"));
    // Level II needs no training; a withdrawal needs a reason, and keeps the record.
    expect((await lisi("--station", "OP20", "--level", "在指导下操作", "--by", "huangjun")).code).toBe(0);
    expect(await zh(dir, "qualify", "李四", "--station", "OP20", "--withdraw", "--date", "2026-12-04", "--by", "huangjun")).toEqual(refused("csr: 撤销资格须写明原因：--reason <原因>（如 调离工位、连续出现质量问题）。\n"));
    expect((await zh(dir, "qualify", "李四", "--station", "OP20", "--level", "0", "--reason", "调离工位", "--date", "2026-12-04", "--by", "huangjun")).stdout).toBe(
      "已撤销 李四 在 OP20 的技能等级 II（在指导下操作）：2026-12-04，黄军（huangjun），原因：调离工位。原记录保留在 people.yaml 中。\n" +
        "OP20 在 2026-12-04 只有 0 人可独立操作（III 级及以上），少于要求的 2 人：缺勤或换班时无人顶岗。\n" +
        WROTE("people.yaml"),
    );
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toContain("      - {station: OP20, level: II, date: 2026-12-03, by: huangjun}\n      - {station: OP20, withdrawn: true, date: 2026-12-04, by: huangjun, reason: 调离工位}\n");
    expect(await zh(dir, "qualify", "李四", "--station", "OP20", "--withdraw", "--reason", "再次", "--date", "2026-12-05", "--by", "huangjun")).toEqual(refused("csr: 李四 在 OP20 没有技能等级可撤销。\n"));
  });
});

describe("the skills matrix, its rules and the person's card (tester75 P3)", () => {
  it("lists the matrix with its foot rows, warns of a station short of cover and an operator without level III, shows the levels", async () => {
    const dir = await line();
    await train(dir, "王小二,李四");
    expect((await zh(dir, "qualify", "王小二", "--station", "OP20", "--level", "III", "--date", "2026-12-03", "--by", "huangjun", "--evidence", "JN-2026-031")).code).toBe(0);
    expect((await zh(dir, "qualify", "李四", "--station", "OP20", "--level", "II", "--date", "2026-12-03", "--by", "huangjun")).code).toBe(0);
    const { findings } = await checkJsonInProcess(dir, "--today", "2026-12-04");
    // OP20's WI-010-01 marks the crimp diameter ★ (tester77 E7): level II there stays a warning, saying who supervises.
    expect(findings.filter((f) => f.rule.startsWith("person/station")).map((f) => [f.rule, f.severity, f.file, f.line, f.message])).toEqual([
      ["person/station-cover", "warning", "people.yaml", 3, "Station OP20 has fewer people who may work alone today (1, level III or IV: 王小二) than the 2 qms.yaml skills.min_qualified asks: nobody covers an absence or the other shift. Train and assess more people and record them with 'csr qualify <person> --station OP20 --level III --date <date> --by <assessor>'."],
      [
        "person/station-unqualified",
        "warning",
        "people.yaml",
        102,
        "李四 works at station OP20 (stations in people.yaml) at level II (works under supervision) only, so under supervision. Once they may work alone, record it with 'csr qualify 李四 --station OP20 --level III --date <date> --by <assessor>'. WI-010-01 marks special characteristic ★ (station OP20, section 2 作业步骤): they work under the supervision of someone at level III or IV.",
      ],
    ]);
    expect(await zh(dir, "list", "skills", "--today", "2026-12-04")).toEqual({
      code: 0,
      stdout: [
        "多能工矩阵（2026-12-04）",
        "",
        "工号  姓名                   部门    OP20",
        "----  ---------------------  ------  ----",
        "1023  王小二                 生产部  ◕",
        "1024  李四                   生产部  ◑",
        "      独立操作人数（≥III）           1",
        "      人数不足（少于 2 人）          ✗",
        "",
        "图例：◔ I 培训中　◑ II 在指导下操作　◕ III 独立操作　● IV 能培训他人。",
        "OP20 的独立操作人数少于 2 人（qms.yaml skills.min_qualified）：缺勤或换班时无人顶岗。",
        "",
      ].join("\n"),
      stderr: "增加可独立操作的人员：csr qualify <人员> --station OP20 --level III --date <日期> --by <评定人> --evidence <评定记录>。\n",
    });
    // The assessor is a person reference: one people.yaml does not know is reported where it is written.
    const people = join(dir, "people.yaml");
    writeFileSync(people, readFileSync(people, "utf8").replace("{station: OP20, level: II, date: 2026-12-03, by: huangjun}", "{station: OP20, level: II, date: 2026-12-03, by: huangjn}"));
    const unknown = (await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.rule === "ref/unresolved");
    expect(unknown.map((f) => [f.file, f.line, f.column])).toEqual([["people.yaml", 106, 58]]);
    writeFileSync(people, readFileSync(people, "utf8").replace("by: huangjn}", "by: huangjun}"));
    // I–IV in a CSV, which a spreadsheet sorts and csr reads back.
    expect((await zh(dir, "list", "skills", "--today", "2026-12-04", "--format", "csv")).stdout).toBe(
      '\ufeff工号,姓名,部门,OP20,截至\r\n"=""1023""",王小二,生产部,III,2026-12-04\r\n"=""1024""",李四,生产部,II,2026-12-04\r\n,独立操作人数（≥III）,,1,2026-12-04\r\n,人数不足（少于 2 人）,,✗,2026-12-04\r\n',
    );
    expect((await zh(dir, "qualify", "王小二", "--station", "OP20", "--level", "IV", "--date", "2026-12-04", "--by", "zhangli")).code).toBe(0);
    expect((await zh(dir, "show", "王小二", "--today", "2026-12-04")).stdout).toBe(
      [
        "王小二",
        "",
        "  工号                    1023",
        "  部门                    生产部",
        "  人员类别                操作工",
        "  工位                    OP20",
        "  到岗日期                2026-11-01",
        "  技能等级（2026-12-04）  OP20：IV（能培训他人），2026-12-04 评定，评定人：张丽（zhangli）；2026-12-03 起可独立操作",
        "  以往记录                OP20：III（独立操作），2026-12-03 评定，评定人：黄军（huangjun），评定记录：JN-2026-031",
        "",
      ].join("\n"),
    );
    // In English, the matrix of the department with the station's column.
    expect((await csrInProcess(["-C", dir, "list", "skills", "--department", "生产部", "--station", "op20", "--today", "2026-12-04", "--format", "md"])).stdout).toContain(
      "| 1023 | 王小二 | Production | ● |\n| 1024 | 李四 | Production | ◑ |\n|  | Working alone (≥III) |  | 1 |\n|  | Short of cover (fewer than 2) |  | ✗ |\n\nLegend: ◔ I in training; ◑ II works under supervision; ◕ III works alone; ● IV can train others.  \n",
    );
    // The site's page of the matrix has its marks; its CSV download the levels, as csr list skills --format csv.
    expect((await zh(dir, "site", "--out", join(dir, "_site"), "--today", "2026-12-04")).code).toBe(0);
    expect(readFileSync(join(dir, "_site/registers/skills.html"), "utf8")).toContain('<td class="mark">●</td>');
    expect(readFileSync(join(dir, "_site/registers/skills.csv"), "utf8")).toContain('\r\n"=""1023""",王小二,生产部,IV,2026-12-04\r\n');
    expect(await zh(dir, "list", "skills", "--station", "OP30")).toEqual(refused("csr: --station OP30：没有此工位；已知的工位：OP20。是否应为 'OP20'？\n"));
  });

  it("marks a level III whose work instruction took effect in a new revision after it, not trained on since", async () => {
    const dir = await line();
    await train(dir, "王小二");
    expect((await zh(dir, "qualify", "王小二", "--station", "OP20", "--level", "III", "--date", "2026-12-03", "--by", "huangjun")).code).toBe(0);
    // A/2 released and in force on 2026-12-05, as csr release records it.
    const wi = join(dir, "documents/instructions/WI-010-01.yaml");
    const text = readFileSync(wi, "utf8").replace("effective: 2025-03-17\n", "effective: 2026-12-05\n");
    writeFileSync(wi, text.replace(/(\n  - version: A\/1\n(?:    .*\n|      .*\n)*)/, `$1  - version: A/2\n    date: 2026-12-05\n    summary: 扣压压力改为 12 MPa\n    pages: P2\n    total_pages: 4\n    prepared: {by: gaoyang, date: 2026-12-01}\n    reviewed: {by: huangjun, date: 2026-12-02}\n    approved: {by: zhangli, date: 2026-12-05}\n`));
    expect((await zh(dir, "list", "skills", "--today", "2026-12-07", "--format", "md")).stdout).toBe(
      [
        "## 多能工矩阵",
        "",
        "江苏安迈汽车零部件有限公司 ｜ 截至 2026-12-07",
        "",
        "| 工号 | 姓名 | 部门 | OP20 |",
        "| --- | --- | --- | --- |",
        "| 1023 | 王小二 | 生产部 | ◕* |",
        "| 1024 | 李四 | 生产部 |  |",
        "|  | 独立操作人数（≥III） |  | 1 |",
        "|  | 人数不足（少于 2 人） |  | ✗ |",
        "",
        "图例：◔ I 培训中　◑ II 在指导下操作　◕ III 独立操作　● IV 能培训他人。  ",
        "OP20 的独立操作人数少于 2 人（qms.yaml skills.min_qualified）：缺勤或换班时无人顶岗。  ",
        "* 王小二 OP20：作业指导书 WI-010-01 A/2 版于 2026-12-05 生效，晚于 2026-12-03 的评定，此后未经培训。  ",
        "",
        "编制：________________ 日期：____________　审核：________________ 日期：____________　批准：________________ 日期：____________",
        "",
      ].join("\n"),
    );
    expect((await zh(dir, "show", "1023", "--today", "2026-12-07")).stdout).toContain(
      "  技能等级（2026-12-07）  OP20：III（独立操作），2026-12-03 评定，评定人：黄军（huangjun）；2026-12-03 起可独立操作\n" +
        "                            作业指导书 WI-010-01 A/2 版于 2026-12-05 生效，此后未培训：csr train WI-010-01 --people 王小二 --date <日期> --trainer <培训人> --record <记录号>\n",
    );
    // Trained on A/2, the level stands unmarked.
    await train(dir, "王小二", "2026-12-06");
    expect((await zh(dir, "list", "skills", "--today", "2026-12-07", "--format", "md")).stdout).toContain("| 1023 | 王小二 | 生产部 | ◕ |\n");
  });

  it("shows a 军代表 as one who signs only as 军代表, with no station levels and no hint to qualify them (person/military-signature; tester81 J12)", async () => {
    const dir = copyFixture("examples/gjb-demo");
    expect(await zh(dir, "show", "wangjd", "--today", "2026-12-07")).toEqual({
      code: 0,
      stdout: "wangjd  王建东\n\n  部门            军代表室\n  职务            驻厂军代表\n  人员类别        军代表：只以军代表身份签字（会签、评审、首件鉴定、归零评审），不评定工位技能等级\n",
      stderr: "",
    });
  });
});
