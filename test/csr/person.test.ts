/**
 * `csr person add|update|leave`: staff changes of people.yaml by command, on real temporary git
 * repositories; a person who left stays listed but is no longer offered for new work.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { personChoices, type EditSession } from "../../src/commands/shared/edit.js";
import { checkJsonInProcess, csrInProcess, git, tempDir } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

describe("csr person add", () => {
  it("appends the person to people.yaml, department given by name, and commits it alone", async () => {
    const dir = validRepo({ git: true });
    const result = await csrInProcess(
      ["-C", dir, "person", "add", "liuyang", "--name", "刘洋", "--name-en", "Liu Yang", "--department", "品质部", "--roles", "author,reviewer", "--title", "质量工程师", "--today", "2026-12-04", "--commit"],
      { lang: null },
    );
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: `已在 people.yaml 中新增 刘洋（liuyang）：品质部，角色 编制、审核。\n到岗日期 2026-12-04，即新增之日（people.yaml 中的 joined；未给 --from）：此前此人不算在职，也不欠培训；到岗更早的，请用 --from <日期> 给出。\n已提交 ${hash}：csr person add liuyang：刘洋\n`,
      stderr: "",
    });
    expect(read(dir, "people.yaml").endsWith(
      ["    roles: [reviewer]", "  - id: liuyang", "    name: 刘洋", "    name_en: Liu Yang", "    department: QA", "    title: 质量工程师", "    roles: [author, reviewer]", "    joined: 2026-12-04", ""].join("\n"),
    )).toBe(true);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr person add liuyang：刘洋", "", "people.yaml"]);
  });

  it("refuses a taken id (in any case), an id the schema does not allow, an unknown role or department, and a missing name", async () => {
    const dir = validRepo({ git: true });
    const files = snapshot(dir);
    const run = (...args: string[]) => csrInProcess(["-C", dir, "person", "add", ...args, "-y"], { lang: null });
    expect(await run("Zhang", "--name", "张伟", "--department", "QA")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: people.yaml 中已有人员 zhang。\n提示：请换一个 id（如加上数字：zhang2）；同一个人请用 'csr person update zhang' 修改。\n",
    });
    expect(await run("zhao!", "--name", "赵六", "--department", "QA")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 'zhao!' 不能用作人员 id。\n提示：人员 id 用字母、数字或汉字开头，可含 . _ - · 和单个空格，如 zhangli、张丽、阿依古丽·买买提、John Smith。\n",
    });
    expect(await run("zhao", "--name", "赵六", "--department", "QA", "--roles", "signer")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 没有角色 'signer'；可用的角色：author（编制）、reviewer（审核）、approver（批准）、document-controller（文控）、standardization（标准化审查）。\n",
    });
    expect((await run("zhao", "--name", "赵六", "--department", "ENG")).stderr).toMatch(/^csr: --department ENG：qms\.yaml 中没有这个部门。/);
    expect(await run("zhao", "--department", "QA")).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 --name（或在终端中运行，由 csr 询问姓名）。\n" });
    expect(snapshot(dir)).toEqual(files);
  });

  it("takes an outside party of qms.yaml (军代表室) as the unit of an outside person, such as a 军代表", async () => {
    const dir = validRepo({ git: true });
    appendFileSync(join(dir, "qms.yaml"), "external_parties:\n  - code: MRO\n    name: 军代表室\n    kind: military-representative\n");
    expect(await csrInProcess(["-C", dir, "person", "add", "liujd", "--name", "刘军代", "--department", "军代表室", "--from", "2026-11-02", "-y"], { lang: null })).toEqual({
      code: 0,
      stdout: "已在 people.yaml 中新增 刘军代（liujd）：军代表室，角色 无。\n到岗日期 2026-11-02（people.yaml 中的 joined）：此前此人不算在职，不能以此人名义记录工作。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "people.yaml").endsWith("  - id: liujd\n    name: 刘军代\n    department: MRO\n    roles: []\n    joined: 2026-11-02\n")).toBe(true);
  });

  it("rewrites the records that name the new person by name, as an import writes an unknown signer, to the new id (tester20 F3)", async () => {
    const dir = validRepo({ git: true });
    // What csr import writes for a signer people.yaml does not have: the name where an id belongs.
    writeFileSync(join(dir, "documents/QP-020.yaml"), read(dir, "documents/QP-020.yaml").replace("prepared: {by: li,", "prepared: {by: 刘伟,"));
    writeFileSync(join(dir, "csr/DYA/DYA-005.yaml"), read(dir, "csr/DYA/DYA-005.yaml").replace("reviewer: li,", "reviewer: 刘伟,").replace("decision: { disposition: optional, by: zhang,", "decision: { disposition: optional, by: 刘伟,"));
    git(dir, ["commit", "-qam", "imported"]);
    expect((await checkJsonInProcess(dir)).findings.filter((f) => f.rule === "ref/unresolved").map((f) => `${f.file}:${f.line}`)).toEqual(["csr/DYA/DYA-005.yaml:10", "csr/DYA/DYA-005.yaml:11", "documents/QP-020.yaml:11"]);
    const added = await csrInProcess(["-C", dir, "person", "add", "liuwei", "--name", "刘伟", "--department", "MKT", "--roles", "author,reviewer,approver", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(added).toEqual({
      code: 0,
      stdout: [
        "已在 people.yaml 中新增 刘伟（liuwei）：市场部，角色 编制、审核、批准。",
        "以姓名 刘伟 记录的 2 个文件中的签字和记录已改为人员编号 liuwei：documents/QP-020.yaml（1 处）、csr/DYA/DYA-005.yaml（2 处）。",
        `已提交 ${hash}：csr person add liuwei：刘伟`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "documents/QP-020.yaml")).toContain("    prepared: {by: liuwei, date: 2026-02-20}\n");
    expect(read(dir, "csr/DYA/DYA-005.yaml")).toContain("reviewer: liuwei,");
    expect((await checkJsonInProcess(dir)).findings.filter((f) => f.rule === "ref/unresolved")).toEqual([]);
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim().split("\n")).toEqual(["csr/DYA/DYA-005.yaml", "documents/QP-020.yaml", "people.yaml"]);
  });

  it("warns of a namesake, whom a name no longer picks alone", async () => {
    const dir = validRepo({ git: true });
    expect(await csrInProcess(["-C", dir, "person", "add", "zhangw2", "--name", "张伟", "--department", "PRD", "--today", "2026-12-04", "-y"], { lang: null })).toEqual({
      code: 0,
      stdout: "已在 people.yaml 中新增 张伟（zhangw2）：生产部，角色 无。\n到岗日期 2026-12-04，即新增之日（people.yaml 中的 joined；未给 --from）：此前此人不算在职，也不欠培训；到岗更早的，请用 --from <日期> 给出。\n注意：zhang 也叫 张伟；按姓名指定此人时会有歧义，请用 id。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "people.yaml").endsWith("  - id: zhangw2\n    name: 张伟\n    department: PRD\n    roles: []\n    joined: 2026-12-04\n")).toBe(true);
  });
});

describe("csr person update and leave", () => {
  it("moves a person to another department with other roles, and says when nothing changes", async () => {
    const dir = validRepo({ git: true });
    expect(await csrInProcess(["-C", dir, "person", "update", "wang", "--department", "QA", "--roles", "author", "--roles", "reviewer", "--title", "质量工程师"], { lang: null })).toEqual({
      code: 0,
      stdout: "已更新 王强（wang）：部门：生产部 → 品质部；角色：审核 → 编制、审核；职务：（无）→ 质量工程师。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "people.yaml").endsWith("  - id: wang\n    name: 王强\n    department: QA\n    roles: [author, reviewer]\n    title: 质量工程师\n")).toBe(true);
    expect(await csrInProcess(["-C", dir, "person", "update", "王强", "--department", "品质部"], { lang: null })).toEqual({ code: 0, stdout: "王强（wang）的信息与给出的相同；未作改动。\n", stderr: "" });
    expect(await csrInProcess(["-C", dir, "person", "update", "wang"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 没有要修改的内容：请给出 --name、--name-en、--department、--roles、--title、--from、--no-from、--left、--no-left、--auditor-since、--auditor-until、--auditor-record 或 --auditor-kinds。\n提示：例如：csr person update wang --department PRD --roles author,reviewer\n",
    });
  });

  it("records the day a person left, keeps them for the records that name them, and no longer offers them for new work", async () => {
    const dir = validRepo({ git: true });
    const result = await csrInProcess(["-C", dir, "person", "leave", "wang", "--date", "2026-11-20", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: `已记录 王强（wang）于 2026-11-20 离职（people.yaml 中的 left）：此人仍保留在名单中，因为旧记录引用此人；新工作的人员选项中不再列出。\n到 2026-11-20 离职时仍由此人负责、须交接的工作 1 项（交接完之前 csr check 逐项提示：person/left-with-open-work）：\n  - DYA-004 的实施负责人：用 'csr implement DYA-004 --owner <人员>' 改派\n已提交 ${hash}：csr person leave wang：2026-11-20 离职\n`,
      stderr: "",
    });
    expect(read(dir, "people.yaml").endsWith("  - id: wang\n    name: 王强\n    department: PRD\n    roles: [reviewer]\n    left: 2026-11-20\n")).toBe(true);
    expect(await csrInProcess(["-C", dir, "person", "leave", "wang"], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: 王强（wang）已于 2026-11-20 离职；未作改动。\n" });
    expect(await csrInProcess(["-C", dir, "person", "leave", "wangg"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: <id> wangg：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。是否应为 'wang'（王强）？\n",
    });
    // The implementation wang owns is nobody's now (IATF 16949 5.3): a warning naming the command that reassigns it.
    const checked = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: null });
    expect(checked.code).toBe(0);
    expect(checked.stdout.split("\n")[1]).toBe(
      "csr/DYA/DYA-004.yaml:14:26 warning person/left-with-open-work DYA-004 的实施负责人 王强（wang）已于 2026-11-20 离职，实施尚未完成：请用 'csr implement DYA-004 --owner <人员>' 改派给在职人员。",
    );
    expect((await csrInProcess(["-C", dir, "list", "people"], { lang: null })).stdout.split("\n").at(-2)).toBe("3     wang   王强  生产部  2026-11-20 离职  审核");
    // New work dated on or after the day he left is refused, naming him, the day and what to do.
    const train = ["-C", dir, "train", "QP-020", "--people", "zhang", "王强", "--trainer", "zhang", "--record", "TR-2026-060", "--date", "2026-11-23"];
    expect(await csrInProcess(train, { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --people 王强（wang）已于 2026-11-20 离职，不能记为 2026-11-23 所做工作的人员。请改为指定在职人员（'csr list people'）；如离职日期有误，用 'csr person update wang --left <日期>' 更正。\n",
    });
    expect((await csrInProcess(["-C", dir, "review", "DYA-001", "--department", "QA", "--reviewer", "zhang", "--opinion", "accept", "--date", "2026-11-20"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "review", "DYA-001", "--department", "PRD", "--reviewer", "wang", "--opinion", "accept", "--date", "2026-11-21"])).stderr).toBe(
      "csr: --reviewer 王强 (wang) left on 2026-11-20 and cannot be named for work dated 2026-11-21: name someone who is still here ('csr list people'), or, if the leaving date is wrong, correct it with 'csr person update wang --left <date>'.\n",
    );
    // A leaving date recorded wrong is corrected, and a person who comes back is taken again.
    expect(await csrInProcess(["-C", dir, "person", "update", "wang", "--left", "2026-11-24"], { lang: null })).toEqual({ code: 0, stdout: "已更新 王强（wang）：离职日期：2026-11-20 → 2026-11-24。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect((await csrInProcess(train, { lang: null })).code).toBe(0);
    expect(await csrInProcess(["-C", dir, "person", "update", "wang", "--no-left"], { lang: null })).toEqual({ code: 0, stdout: "已更新 王强（wang）：离职日期：2026-11-24 →（无）。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect(read(dir, "people.yaml").endsWith("  - id: wang\n    name: 王强\n    department: PRD\n    roles: [reviewer]\n")).toBe(true);
    const people = [
      { value: { id: "zhang", name: "张伟", department: "QA", roles: [] } },
      { value: { id: "wang", name: "王强", department: "PRD", roles: [], left: "2026-11-20" } },
    ];
    const index = { departments: new Map([["QA", { code: "QA", name: "品质部" }], ["PRD", { code: "PRD", name: "生产部" }]]) };
    const session = { repo: { people }, index } as unknown as EditSession;
    expect(personChoices(session, "PRD")).toEqual([{ value: "zhang", name: "zhang  张伟 (品质部)", short: "zhang  张伟 (品质部)" }]);
    // For work dated on or before the day he left (his last working day), he is offered, as the options take him (worksOn, refuseLeft).
    expect(personChoices(session, "PRD", { on: "2026-11-20" }).map((c) => c.value)).toEqual(["wang", "zhang"]);
    expect(personChoices(session, "PRD", { on: "2026-11-21" }).map((c) => c.value)).toEqual(["zhang"]);
  });

  it("reads the leaving date as the last working day: work on it stays valid, and a date before records in their name is refused", async () => {
    const dir = validRepo({ git: true });
    const before = snapshot(dir);
    expect(await csrInProcess(["-C", dir, "person", "leave", "wang", "--date", "2020-01-01"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 王强（wang）在离职日期 2020-01-01 之后还有 1 条记录：QP-020 2026-02-25 的版本 A/1 的审核签字；未作改动。\n" +
        "提示：离职日期是最后工作日：如此人工作到 2026-02-25，运行 'csr person leave wang --date 2026-02-25'；否则先把这些记录改由在职人员完成。\n",
    });
    expect(snapshot(dir)).toEqual(before);
    // On the day of that signature, his last working day, the signature stays his: no person/work-after-leaving.
    expect((await csrInProcess(["-C", dir, "person", "leave", "wang", "--date", "2026-02-25"], { lang: null })).code).toBe(0);
    const checked = await csrInProcess(["-C", dir, "check", "--today", "2026-03-02"], { lang: null });
    expect(checked.stdout).not.toContain("person/work-after-leaving");
    expect(checked.stdout).toContain("person/left-with-open-work");
  });
});

describe("csr person remove", () => {
  /** A repository as `csr init` writes it, with its first commit and one real person. */
  async function initialised(): Promise<string> {
    const dir = join(tempDir(), "质量体系");
    expect((await csrInProcess(["init", dir, "--standard", "IATF16949", "-y"], { lang: null })).code).toBe(0);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "init"]);
    expect((await csrInProcess(["-C", dir, "person", "add", "chenjing", "--name", "陈静", "--department", "QA", "--roles", "document-controller,author", "--from", "2026-01-05", "-y", "--commit"], { lang: null })).code).toBe(0);
    return dir;
  }

  it("removes the placeholder people of csr init no record names, by id or name, and commits people.yaml alone", async () => {
    const dir = await initialised();
    const result = await csrInProcess(["-C", dir, "person", "remove", "zhangsan", "李四", "wangwu", "zhaoliu", "-y", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: `已从 people.yaml 中删除 张三（zhangsan）、李四（lisi）、王五（wangwu）、赵六（zhaoliu）（4 人）。\n已提交 ${hash}：csr person remove zhangsan, lisi, wangwu, zhaoliu\n`,
      stderr: "",
    });
    expect(read(dir, "people.yaml").split("\n").slice(2)).toEqual(["people:", "  - id: chenjing", "    name: 陈静", "    department: QA", "    roles: [document-controller, author]", "    joined: 2026-01-05", ""]);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr person remove zhangsan, lisi, wangwu, zhaoliu", "", "people.yaml"]);
    expect(await csrInProcess(["-C", dir, "person", "remove", "zhangsan", "-y"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: <id> zhangsan：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。\n",
    });
    expect(await csrInProcess(["-C", dir, "person", "remove", "-y"], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 <id>（或在终端中运行，由 csr 询问人员 id）。\n" });
  });

  it("refuses someone a record names, saying where and to record that they left instead, and changes nothing", async () => {
    const dir = await initialised();
    expect((await csrInProcess(["-C", dir, "person", "add", "liuwei", "--name", "刘伟", "--department", "QA", "--roles", "reviewer", "--from", "2026-01-05", "-y", "--commit"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "new", "procedure", "--title", "文件控制程序", "--department", "QA", "-y"])).code).toBe(0);
    const path = join(dir, "documents", "QP-001.yaml");
    writeFileSync(path, read(dir, "documents/QP-001.yaml").replace(/^ {2}- title: (目的|适用范围|职责|定义|作业流程)$/gmu, "$&\n    text: 无。"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "draft"]);
    expect((await csrInProcess(["-C", dir, "release", "QP-001", "--summary", "首次发布", "--prepared", "chenjing", "--reviewed", "liuwei", "--approved", "lisi", "--date", "2026-03-02", "-y"])).stderr).toBe("");
    expect((await csrInProcess(["-C", dir, "distribute", "QP-001", "--to", "PRD", "--holder", "zhaoliu", "--issued-by", "chenjing", "--date", "2026-03-03", "-y"])).code).toBe(0);
    const before = snapshot(dir);
    expect(await csrInProcess(["-C", dir, "person", "remove", "wangwu", "lisi", "-y"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 不能删除 李四（lisi）：有 1 处记录提到此人，删除后这些记录将无法追溯到签字人：\n  documents/QP-001.yaml:19:11 revisions.0.approved.by\n" +
        "提示：删除只用于从未出现在记录中的人员（如 csr init 写入的示例人员）；此人如已不在本公司，请用 'csr person leave lisi --date <离职日期>' 登记离职，此人留在名单中，但不再作为新工作的人选。\n",
    });
    expect(await csrInProcess(["-C", dir, "person", "remove", "zhaoliu", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: Cannot remove Zhao Liu (zhaoliu): the records name them in 1 place, and would then no longer say who signed:\n  documents/QP-001.yaml:40:46 distribution.0.holder\n" +
        "hint: Removing is only for people no record names (such as the placeholder people of csr init); if this person is no longer with the company, record it with 'csr person leave zhaoliu --date <day they left>': they stay listed, but are no longer offered for new work.\n",
    });
    expect(snapshot(dir)).toEqual(before);
  });
});
