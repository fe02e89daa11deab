/**
 * GJB month report #7, #8, #14, #23 on a copy of examples/gjb-demo (军代表室 MRO, 军代表 王建东
 * wangjd, layouts with 会签/标准化审查/军代表 rows): the 军代表 does none of the organisation's own
 * work (periodic review, training), a copy is handed back by its unit, hints name every option the
 * command requires, and an external document's number has no "next" one.
 */
import { describe, expect, it } from "vitest";
import { personChoices, type EditSession } from "../../src/commands/shared/edit.js";
import { copyFixture, csrInProcess } from "../helpers.js";
import { read, tree } from "./fixture.js";

const demo = () => copyFixture("examples/gjb-demo");
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args, "-y"], { lang: null });

describe("the 军代表 does none of the organisation's own work (#7)", () => {
  it("refuses the 军代表 as periodic reviewer, trainee and trainer, writing nothing", async () => {
    const dir = demo();
    const files = snapshot(dir);
    expect(await run(dir, "periodic-review", "CS/QP-011", "--by", "王建东", "--date", "2026-11-24")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --by 王建东（wangjd）属于军代表室，是军代表：军代表只以军代表身份签字，文件的定期评审由本公司的人员进行。\n",
    });
    expect(await run(dir, "train", "CS/QP-011", "--people", "chenhw,wangjd", "--trainer", "maxl", "--record", "PX-2026-032", "--date", "2026-11-24")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --people 王建东（wangjd）属于军代表室，是军代表：军代表只以军代表身份签字，本公司不培训军代表室的人员。\n",
    });
    expect(await run(dir, "train", "CS/QP-011", "--people", "chenhw", "--trainer", "wangjd", "--record", "PX-2026-032", "--date", "2026-11-24")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --trainer 王建东（wangjd）属于军代表室，是军代表：军代表只以军代表身份签字，本公司的培训由本公司的人员讲授。\n",
    });
    expect(snapshot(dir)).toEqual(files);
  });

  it("leaves the 军代表 out of the reviewer's and trainer's choices", () => {
    const people = [
      { value: { id: "chenhw", name: "陈宏伟", department: "QA", roles: [] } },
      { value: { id: "wangjd", name: "王建东", department: "MRO", roles: [] } },
    ];
    const index = { parties: new Map([["MRO", { code: "MRO", name: "军代表室", kind: "military-representative" }]]), departments: new Map([["QA", { code: "QA", name: "质量部" }]]) };
    const session = { repo: { people }, index } as unknown as EditSession;
    expect(personChoices(session, "QA", { organisation: true })).toEqual([{ value: "chenhw", name: "chenhw  陈宏伟 (质量部)", short: "chenhw  陈宏伟 (质量部)" }]);
    expect(personChoices(session, "QA").map((c) => c.value)).toEqual(["chenhw", "wangjd"]);
  });
});

describe("csr recall --by is a person of the unit holding the copy (#8)", () => {
  it("refuses a 综合部 person for the 军代表室's copy, naming the copy and its unit, and takes the unit's own person", async () => {
    const dir = demo();
    const files = snapshot(dir);
    expect(await run(dir, "recall", "CS/QM-001", "--copy", "8,7", "--date", "2026-11-17", "--by", "陈宏伟")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --by 陈宏伟（chenhw）是质量部的人员，而 CS/QM-001 的受控副本 7 由军代表室持有：副本由持有单位的人员交回。\n提示：请给出持有单位的交回人；各单位的副本分别用 --copy N 回收。\n",
    });
    expect(await run(dir, "recall", "CS/QM-001", "--copy", "7", "--date", "2026-11-17", "--by", "maxl")).toMatchObject({ code: 2 });
    expect(snapshot(dir)).toEqual(files);
    expect(await run(dir, "recall", "CS/QM-001", "--copy", "7", "--date", "2026-11-17", "--by", "wangjd")).toMatchObject({ code: 0, stderr: "" });
    expect(read(dir, "documents/CS_QM-001.yaml")).toContain("  - {copy: 7, version: B/1, to: MRO, holder: wangjd, issued_by: maxl, date: 2026-03-02, recalled: 2026-11-17, returned_by: wangjd, received_by: maxl}\n");
  });
});

describe("gjb-demo's distribution register has a history (tester68 G5)", () => {
  it("holds every version's copies, each recalled after the next version's issue, and the 军代表室's copies of the procedures it signed and the work instructions", async () => {
    const dir = demo();
    const manual = (await run(dir, "list", "distribution", "CS/QM-001", "--today", "2026-11-27")).stdout.split("\n");
    expect(manual[0]).toBe("文件发放/回收记录（文件：CS/QM-001；共 9 份）");
    // A/0 of 2018, issued on its day and recalled the working day after B/0's issue (2024-06-03), as its revision record dates them (GJB 9001C 7.5.3).
    expect(manual[4]).toMatch(/^1\s+CS\/QM-001\s+质量手册\s+A\/0\s+内部\s+1\s+军代表室\s+王建东\s+马晓岚\s+2018-03-01\s+2024-06-11\s+2024-06-04\s+王建东\s+马晓岚\s+已回收$/);
    expect(manual[7]).toMatch(/^4\s+CS\/QM-001\s+质量手册\s+B\/0\s+内部\s+4\s+军代表室\s+王建东\s+马晓岚\s+2024-06-03\s+2026-03-09\s+2026-03-04\s+王建东\s+马晓岚\s+已回收$/);
    expect(manual[10]).toMatch(/^7\s+CS\/QM-001\s+质量手册\s+B\/1\s+内部\s+7\s+军代表室\s+王建东\s+马晓岚\s+2026-03-02\s+在用$/);
    // Every version of a document of three has its copies: the manual's and QP-008's, QP-010's, QP-019's A/0 too.
    const versions = (await run(dir, "list", "distribution", "--today", "2026-11-27")).stdout.split("\n").map((line) => line.split(/\s+/)).filter((cells) => /^CS\//.test(cells[1] ?? "")).map((cells) => `${cells[1]} ${cells[3]}`);
    for (const id of ["CS/QM-001", "CS/QP-008", "CS/QP-010", "CS/QP-019"]) expect(new Set(versions.filter((v) => v.startsWith(`${id} `)))).toEqual(new Set([`${id} A/0`, `${id} B/0`, `${id} B/1`]));
    const office = (await run(dir, "list", "distribution", "--department", "MRO", "--today", "2026-11-27")).stdout.split("\n");
    expect(office[0]).toBe("文件发放/回收记录（发放部门：军代表室；共 33 份）");
    // Every procedure the 军代表 signs (its layout's 军代表 cell) and every work instruction of the products it supervises has a copy in use at the 军代表室.
    const inUse = office.filter((line) => / 在用$/.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(inUse).toEqual(["CS/QM-001", "CS/QP-001", "CS/QP-006", "CS/QP-008", "CS/QP-009", "CS/QP-010", "CS/QP-011", "CS/QP-012", "CS/QP-013", "CS/QP-014", "CS/QP-019", "CS/WI-001", "CS/WI-002", "CS/WI-003", "CS/WI-004", "CS/WI-005"]);
    expect(office).toContainEqual(expect.stringMatching(/^25\s+CS\/QP-019\s+质量改进控制程序\s+B\/0\s+内部\s+4\s+军代表室\s+王建东\s+马晓岚\s+2024-06-03\s+2025-11-17\s+2025-11-11\s+王建东\s+马晓岚\s+已回收$/));
    // CS/WI-004's A/0 came back the working day after A/1, the configuration change the 军代表 agreed, was issued to both holders.
    expect(office).toContainEqual(expect.stringMatching(/^31\s+CS\/WI-004\s+产品包装、贮存作业指导书\s+A\/0\s+内部\s+2\s+军代表室\s+王建东\s+马晓岚\s+2024-06-03\s+2026-04-20\s+2026-04-14\s+王建东\s+马晓岚\s+已回收$/));
    expect(office).toContainEqual(expect.stringMatching(/^32\s+CS\/WI-004\s+产品包装、贮存作业指导书\s+A\/1\s+内部\s+4\s+军代表室\s+王建东\s+马晓岚\s+2026-04-13\s+在用$/));
  });
});

describe("hints name every option the command requires (#14) and say no next number for an external document (#23)", () => {
  it("csr new procedure names the layout's 会签, 标准化审查 and 军代表 options; csr sign's hint too", async () => {
    const dir = demo();
    const created = await run(dir, "new", "procedure", "--number", "CS/QP-020", "--title", "测试程序", "--department", "QA");
    expect(created.code).toBe(0);
    expect(created.stdout.trim().split("\n").at(-1)).toBe(
      "请编写正文，然后用 'csr release CS/QP-020 --summary ... --prepared ... --reviewed ... --approved ... --countersigned ... --standardization ... --military-representative ...' 发布。",
    );
    expect((await run(dir, "sign", "CS/QP-020", "--prepared", "chenhw")).stderr).toBe(
      "csr: CS/QP-020 没有修订记录，无从补签。\n提示：发布它请用 'csr release CS/QP-020 --summary … --prepared … --reviewed … --approved … --countersigned … --standardization … --military-representative …'，发布时即记录签字。\n",
    );
    // Level 3 has no such rows in gjb-demo's layout.
    const instruction = await run(dir, "new", "instruction", "--number", "CS/WI-020", "--title", "测试指导书", "--department", "QA");
    expect(instruction.stdout.trim().split("\n").at(-1)).toBe("请编写正文，然后用 'csr release CS/WI-020 --summary ... --prepared ... --reviewed ... --approved ...' 发布。");
  });

  it("csr new external with a registered number gives no next-number hint", async () => {
    const dir = demo();
    expect(await run(dir, "new", "external", "--number", "GJB 9001C-2017", "--title", "质量管理体系要求", "--department", "QA")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: GJB 9001C-2017 已存在。\n",
    });
  });
});
