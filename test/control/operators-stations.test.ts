/**
 * Operators are people (tester75 P2, P4; IATF 16949 7.2.1, 7.2.2: on-the-job training of the people whose work a
 * changed instruction governs, contract and agency people included): `csr person add --number --station --operator`
 * registers one, a trainee written as the sign-in sheet writes them (王小二(1023), 1024) is that person and counts, an
 * unknown one is refused once operators are registered, and a work instruction naming its stations (`csr set
 * --station`) is owed by the people working there, not its whole department. The example repository in a temporary
 * git repository, the built binary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));
/** Through the built binary: the first run of each command and of its refusals. */
const runBinary = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: null });
/** In this process (csrInProcess): the other runs. */
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const WROTE = (path: string) => `已写入 ${path}，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n`;
/** The people (姓名, 部门) csr list training --missing names for WI-010-01 on 2026-12-04. */
const owing = async (dir: string) =>
  (await run(dir, "list", "training", "--missing", "--document", "WI-010-01", "--today", "2026-12-04", "--format", "csv")).stdout
    .split(/\r?\n/)
    .filter((l) => l.includes(",WI-010-01,"))
    .map((l) => l.split(",").slice(7, 9));

describe("operators in people.yaml and the stations of a work instruction (tester75 P2, P4)", () => {
  it("adds an operator with 工号 and stations, resolves trainees by name(工号) or 工号, refuses an unknown one and signing duties", async () => {
    const dir = await acme();
    expect(runBinary(dir, "person", "add", "--name", "王小二", "--department", "PRD", "--number", "1023", "--station", "OP20", "--operator", "--from", "2026-12-01", "-y")).toEqual({
      code: 0,
      stdout:
        "已在 people.yaml 中新增 王小二：生产部，角色 无。\n到岗日期 2026-12-01（people.yaml 中的 joined）：此前此人不算在职，不能以此人名义记录工作。\n工号 1023；工位 OP20；操作工（参加培训和技能评定，不列为签署人选）\n" +
        WROTE("people.yaml"),
      stderr: "",
    });
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toContain(
      '  - id: 王小二\n    name: 王小二\n    number: "1023"\n    department: PRD\n    roles: []\n    stations: [OP20]\n    operator: true\n    joined: 2026-12-01\n',
    );
    expect(runBinary(dir, "person", "add", "lisi", "--name", "李四", "--department", "PRD", "--number", "1023", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --number 1023：王小二 已使用此工号；工号每人一个（请核对工号，或用 'csr person update' 更正其工号）。\n",
    });
    expect((await run(dir, "person", "add", "--name", "李四", "--department", "PRD", "--number", "1024", "--station", "OP30", "--operator", "--from", "2026-12-01", "-y")).code).toBe(0);
    expect((await run(dir, "person", "update", "李四", "--station", "OP20,OP30", "-y")).stdout).toBe("已更新 李四：工位：OP30 → OP20、OP30。\n" + WROTE("people.yaml"));
    expect(await run(dir, "person", "update", "王小二", "--roles", "author", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --operator：操作工不签署文件；请去掉 --roles（编制），签署文件的人不要加 --operator。\n",
    });

    expect(runBinary(dir, "train", "WI-010-01", "--trainees", "王大(1099)", "--date", "2026-12-02", "--trainer", "huangjun", "--record", "TR-2026-119", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: --trainees 王大(1099)：people.yaml 中没有此姓名、id 或工号的人员，名单外的受训人不计为已培训。请先登记：csr person add --name 王大 --number 1099 --department PRD --operator --station <工位> --from <到岗日期>。\n",
    });
    expect(runBinary(dir, "train", "WI-010-01", "--trainees", "王小二(1023),1024", "--date", "2026-12-02", "--trainer", "huangjun", "--record", "TR-2026-120", "-y").stdout).toBe(
      "WI-010-01 A/1：已登记王小二、李四的培训；2026-12-02，培训人：黄军（huangjun），记录：TR-2026-120。\n" + WROTE("documents/instructions/WI-010-01.yaml"),
    );
    expect(readFileSync(join(dir, "documents/instructions/WI-010-01.yaml"), "utf8")).toContain("{revision: A/1, date: 2026-12-02, people: [王小二, 李四], trainer: huangjun, record: TR-2026-120}");
    const file = await run(dir, "list", "training", "--person", "1023", "--today", "2026-12-04");
    expect(file.stdout.split("\n")[0]).toBe("王小二（生产部）培训档案（2026-12-04）：已培训 1 次，未完成 6 项");
    expect(file.stdout).toMatch(/\n1 +2026-12-02 +WI-010-01 +制动软管总成扣压作业指导书 +A\/1 +本人参加 +黄军 +TR-2026-120 +已培训\n/);

    // An operator gives no department's opinion on a CSR (会签), nor signs a document.
    const release = runBinary(dir, "review", "BCM-004", "--department", "PRD", "--reviewer", "王小二", "--opinion", "accept", "--date", "2026-12-03", "--amend", "-y");
    expect(release.stderr).toBe("csr: --reviewer 王小二：此人是操作工（people.yaml 中的 operator），参加培训和工位技能评定，但不签署、评审或会签；请改填本部门负责此事的人员。\n");
    expect(release.code).toBe(2);
  });

  it("asks the training on a work instruction naming its stations of the people working there, not its whole department", async () => {
    const dir = await acme();
    expect((await run(dir, "train", "WI-010-01", "--require", "-y")).code).toBe(0);
    expect(await owing(dir)).toEqual([
      ["张丽", "品质部"],
      ["陈静", "品质部"],
      ["赵强", "品质部"],
      ["周鹏", "技术部"],
      ["高扬", "技术部"],
      ["黄军", "生产部"],
    ]);
    expect((await run(dir, "person", "add", "--name", "王小二", "--department", "PRD", "--number", "1023", "--station", "OP20", "--operator", "--from", "2026-11-01", "-y")).code).toBe(0);
    expect((await run(dir, "person", "add", "--name", "陈华", "--department", "PRD", "--number", "1031", "--station", "OP50", "--operator", "--from", "2026-11-01", "-y")).code).toBe(0);
    expect((await run(dir, "set", "WI-010-01", "--station", "OP20", "-y")).stdout).toBe(
      "已修改 WI-010-01 制动软管总成扣压作业指导书（documents/instructions/WI-010-01.yaml）：\n  工位：增加 OP20\n这些是 WI-010-01 的登记数据，不属于文件内容，不需要发布新版本。\n" + WROTE("documents/instructions/WI-010-01.yaml"),
    );
    expect(readFileSync(join(dir, "documents/instructions/WI-010-01.yaml"), "utf8")).toContain("processes: [C3]\nstations: [OP20]\n");
    // 陈华 of OP50 (vulcanizing) owes nothing of the crimping instruction; nor does the rest of the department.
    expect(await owing(dir)).toEqual([["王小二", "生产部"]]);
    // doc/training-overdue follows the same path: due 20 working days from 王小二's first day, the one person owing it.
    // WI-010-01 marks the crimp diameter ★ (a special characteristic, tester77 E7): an error that says so.
    const findings = JSON.parse((await run(dir, "check", "--today", "2026-12-04", "--format", "json")).stdout) as { findings: { rule: string; severity: string; file: string; message: string }[] };
    expect(findings.findings.filter((f) => f.file === "documents/instructions/WI-010-01.yaml").map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        "doc/training-overdue",
        "error",
        "WI-010-01 A/1 版已于 2025-03-17 生效且需要培训，但没有针对 A/1 版的培训记录（应于 2026-11-27 前完成，20 个工作日）。请用 'csr train WI-010-01 --people ... --date ... --trainer ... --record ...' 记录。WI-010-01 标注特殊特性 ★（工位 OP20，2 作业步骤）：未经培训者不得在工位上按其作业，故报为错误。",
      ],
    ]);
    expect((await run(dir, "set", "WI-010-01", "--station", "OP/20", "-y")).stderr).toBe("csr: --station OP/20：工位为字母、数字、'_'、'.'、'-' 组成的代号（OP20、L1-OP20），与控制计划中的写法一致。\n");
  });
});
