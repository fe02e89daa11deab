/**
 * The one resolver behind every option that names a person (--holder, --owner, --reviewer, --by,
 * --prepared, --people …) and the labels the writing commands print: in-process, in both languages.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyList, departmentLabel, personLabel, resolveDepartment, resolvePeople, resolvePerson, type Register } from "../../src/commands/shared/people.js";
import { refuseUnreadableConfig } from "../../src/commands/shared/persist.js";
import { UserError } from "../../src/core/errors.js";
import { setLanguage } from "../../src/i18n/index.js";
import { loadRepository, type Located, type Repository } from "../../src/load/repository.js";
import type { Department, Person } from "../../src/model/types.js";
import { registerContext } from "../../src/report/registers/context.js";
import { peopleRegister } from "../../src/report/registers/people.js";
import { toTerminal } from "../../src/report/table.js";
import { ROOT } from "../helpers.js";

const PEOPLE: Person[] = [
  { id: "chenjing", name: "陈静", name_en: "Chen Jing", department: "QA", roles: ["author"] },
  { id: "zhoupeng", name: "周鹏", name_en: "Zhou Peng", department: "ENG", roles: ["reviewer"] },
  { id: "张丽", name: "张丽", department: "QA", roles: ["approver"] },
];
const DEPARTMENTS: Department[] = [
  { code: "QA", name: "品质部", name_en: "Quality Assurance" },
  { code: "ENG", name: "技术部", name_en: "Engineering" },
  { code: "PRD", name: "生产部" },
];

function register(people: Person[] = PEOPLE): Register {
  return {
    people: new Map(people.map((p) => [p.id, { value: p } as Located<Person>])),
    departments: new Map(DEPARTMENTS.map((d) => [d.code, d])),
  };
}

/** The one line a refusal prints (UserError without a hint). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).hint).toBeUndefined();
    return (error as UserError).message;
  }
  throw new Error("not refused");
}

afterEach(() => setLanguage("en"));

describe("resolvePerson", () => {
  it("takes the id, the name or the English name, as people.yaml spells them", () => {
    const r = register();
    expect(resolvePerson(r, "chenjing", "--holder").id).toBe("chenjing");
    expect(resolvePerson(r, "陈静", "--holder").id).toBe("chenjing");
    expect(resolvePerson(r, " 陈静 ", "--holder").id).toBe("chenjing");
    expect(resolvePerson(r, "Zhou Peng", "--owner").id).toBe("zhoupeng");
    expect(resolvePerson(r, "张丽", "--by").id).toBe("张丽");
    expect(resolvePeople(r, ["周鹏", "zhoupeng", "陈静"], "--people").map((p) => p.id)).toEqual(["zhoupeng", "chenjing"]);
  });

  it("prefers the id: one person's id is never taken for another's name", () => {
    const r = register([...PEOPLE, { id: "chenjing2", name: "chenjing", department: "PRD", roles: [] }]);
    expect(resolvePerson(r, "chenjing", "--holder").id).toBe("chenjing");
  });

  it("refuses a name two people have, in one line listing their ids and departments", () => {
    const r = register([...PEOPLE, { id: "chenjing2", name: "陈静", department: "PRD", roles: [] }]);
    expect(refusal(() => resolvePerson(r, "陈静", "--holder"))).toBe(
      "--holder '陈静': more than one person in people.yaml has this name: chenjing (Quality Assurance), chenjing2 (生产部); csr does not pick one, so name one of them by id or employee number (工号) instead (such as chenjing).",
    );
    setLanguage("zh-CN");
    expect(refusal(() => resolvePerson(r, "陈静", "--holder"))).toBe("--holder '陈静'：people.yaml 中不止一人叫这个名字：chenjing（品质部）、chenjing2（生产部）；csr 不替你选，请改用其中一人的 id 或工号（如 chenjing）。");
  });

  it("looks people up as every importer does (peopleNamed): spaces, full width and case do not count; a 工号 two people share is refused as a shared name is", () => {
    const r = register([...PEOPLE, { id: "wangxiaoer", name: "王小二", number: "1023", department: "PRD", roles: [] }, { id: "wangxiaoer2", name: "王小二", number: "1024", department: "PRD", roles: [] }]);
    expect(resolvePerson(r, "陈　静", "--holder").id).toBe("chenjing");
    expect(resolvePerson(r, "ＣｈｅｎＪｉｎｇ", "--holder").id).toBe("chenjing");
    expect(resolvePerson(r, "王小二（1024）", "--trainees").id).toBe("wangxiaoer2");
    expect(resolvePerson(r, "1023", "--trainees").id).toBe("wangxiaoer");
    setLanguage("zh-CN");
    expect(refusal(() => resolvePerson(r, "王小二", "--trainees"))).toBe("--trainees '王小二'：people.yaml 中不止一人叫这个名字：wangxiaoer（生产部，工号 1023）、wangxiaoer2（生产部，工号 1024）；csr 不替你选，请改用其中一人的 id 或工号（如 wangxiaoer）。");
    const shared = register([...PEOPLE, { id: "a", name: "甲", number: "7", department: "QA", roles: [] }, { id: "b", name: "乙", number: "7", department: "PRD", roles: [] }]);
    expect(refusal(() => resolvePerson(shared, "7", "--by"))).toBe("--by '7'：people.yaml 中不止一人叫这个名字：a（品质部，工号 7）、b（生产部，工号 7）；csr 不替你选，请改用其中一人的 id 或工号（如 a）。");
  });

  it("refuses an unknown person in one line saying how to list people, with the closest id or name", () => {
    const r = register();
    expect(refusal(() => resolvePerson(r, "Chen Jin", "--holder"))).toBe(
      "--holder Chen Jin: no person in people.yaml has this id or name (list them with 'csr list people'). Did you mean 'chenjing' (Chen Jing)?",
    );
    setLanguage("zh-CN");
    expect(refusal(() => resolvePerson(r, "陈晶", "--owner"))).toBe("--owner 陈晶：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。是否应为 'chenjing'（陈静）？");
  });
});

describe("resolveDepartment", () => {
  it("takes the code, the name or the English name of a department in qms.yaml", () => {
    const r = register();
    expect(resolveDepartment(r, "QA", "--department")).toBe("QA");
    expect(resolveDepartment(r, " 品质部 ", "--department")).toBe("QA");
    expect(resolveDepartment(r, "Engineering", "--to")).toBe("ENG");
    expect(resolveDepartment(r, "生产部", "--to")).toBe("PRD");
  });

  it("refuses an unknown department in one line listing the departments by code and name", () => {
    setLanguage("zh-CN");
    expect(refusal(() => resolveDepartment(register(), "QC", "--department"))).toBe(
      "--department QC：qms.yaml 中没有这个部门。可用的部门：QA（品质部）、ENG（技术部）、PRD（生产部）。是否应为 'QA'？",
    );
    setLanguage("en");
    expect(refusal(() => resolveDepartment(register(), "品管部", "--to"))).toBe(
      "--to 品管部: no such department in qms.yaml. Its departments: QA (Quality Assurance), ENG (Engineering), PRD (生产部).",
    );
  });
});

describe("labels in confirmations", () => {
  it("names a person by name with the id the file records, a department by its name", () => {
    const r = register();
    expect([personLabel(r, "zhoupeng"), personLabel(r, "张丽"), personLabel(r, "nobody"), departmentLabel(r, "QA"), departmentLabel(r, "PRD"), departmentLabel(r, "XX")]).toEqual([
      "Zhou Peng (zhoupeng)",
      "张丽",
      "nobody",
      "Quality Assurance",
      "生产部",
      "XX",
    ]);
    setLanguage("zh-CN");
    expect([personLabel(r, "zhoupeng"), departmentLabel(r, "QA")]).toEqual(["周鹏（zhoupeng）", "品质部"]);
    expect(copyList(r, [{ copy: 1, version: "A/1", to: "QA", date: "2026-11-02" }, { copy: 2, version: "A/1", to: "ENG", date: "2026-11-02" }])).toBe("受控号 1（A/1，品质部）、受控号 2（A/1，技术部）");
  });
});

describe("csr list people", () => {
  it("lists who can be named: id, name, department, job title and roles, in the order of people.yaml", () => {
    const table = peopleRegister(registerContext(loadRepository(join(ROOT, "examples/acme-auto")), "zh-CN"));
    expect(toTerminal(table).split("\n").slice(0, 6)).toEqual([
      "人员名单（共 12 人）",
      "",
      "序号  id         姓名    部门        职务                       角色",
      "----  ---------  ------  ----------  -------------------------  ----------------",
      "1     wangjg     王建国  总经办      总经理                     批准",
      "2     xuht       徐海涛  总经办      副总经理                   审核、批准",
    ]);
  });
});

describe("refuseUnreadableConfig", () => {
  it("quotes the cause's first sentence whole, dots of a field path included", () => {
    const repo = {
      problems: [{ path: "qms.yaml", problem: { rule: "schema/missing-field", line: 54, message: "'calendar.years[0]' 缺少必填字段 'workdays'。请补上（见 docs/format.md）。" } }],
    } as unknown as Repository;
    setLanguage("zh-CN");
    let message = "";
    try {
      refuseUnreadableConfig(repo);
    } catch (error) {
      message = (error as UserError).message;
    }
    expect(message).toBe("无法读取 qms.yaml（schema/missing-field，第 54 行：'calendar.years[0]' 缺少必填字段 'workdays'）；未写入任何内容。");
  });
});
