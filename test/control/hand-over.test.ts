/**
 * The 文控 role passing from one person to another (tester60 J4): the successor added before the day with
 * a start date (csr person add --from, people.yaml joined), the one leaving with their last working day;
 * the default 发放人 is the one document controller at work on the day, and work in the successor's name
 * before the start date is refused and reported. In a real temporary git repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csr, csrInProcess, git } from "../helpers.js";
import { THREE_DEPARTMENTS_QMS, decidedCsrYaml, threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const people = [
  "people:",
  "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
  "  - {id: wang, name: 王强, department: QA, roles: [approver]}",
  "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
  "  - {id: chen, name: 陈静, department: QA, roles: [document-controller]}",
  "",
].join("\n");

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });

describe("the document controller's hand-over (tester60 J4)", () => {
  it("takes a start date, counts the successor at work only from it, and names the one at work as 发放人 on each side of the hand-over", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": trainingProcedure(), "people.yaml": people });
    const added = csr(["-C", dir, "person", "add", "liu", "--name", "刘洋", "--department", "QA", "--roles", "document-controller", "--from", "2026-10-20", "-y", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(added).toEqual({
      code: 0,
      stdout: `已在 people.yaml 中新增 刘洋（liu）：品质部，角色 文控。\n到岗日期 2026-10-20（people.yaml 中的 joined）：此前此人不算在职，不能以此人名义记录工作。\n已提交 ${hash}：csr person add liu：刘洋\n`,
      stderr: "",
    });
    expect(git(dir, ["show", "HEAD:people.yaml"]).endsWith("  - id: liu\n    name: 刘洋\n    department: QA\n    roles: [document-controller]\n    joined: 2026-10-20\n")).toBe(true);
    // Before her first day, 陈静 is the one document controller at work: the default 发放人.
    expect((await zh(dir, "distribute", "QP-005", "--to", "QA", "--date", "2026-10-14", "-y")).stdout).toContain("\n发放人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n");
    expect(await zh(dir, "distribute", "QP-005", "--to", "QA", "--issued-by", "刘洋", "--date", "2026-10-15", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --issued-by 刘洋（liu）的到岗日期是 2026-10-20，不能记为 2026-10-15 所做工作的人员。请改为指定当天在职的人员（'csr list people'）；如到岗日期有误，用 'csr person update liu --from <日期>' 更正。\n",
    });
    // Both at work and nobody placeholder of csr init among them: the hint says how to choose, not to remove anyone.
    expect(await zh(dir, "distribute", "QP-005", "--to", "PRD", "--date", "2026-10-21", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 未给出 --issued-by：有几名在职的文控人员（陈静（chen）、刘洋（liu）），csr 无法判断谁是发放人。\n" +
        "提示：请用 --issued-by <人员> 指明是其中哪一位（如 --issued-by chen）；文控人员交接的，用 'csr person leave <id> --date <最后工作日>' 和 'csr person update <id> --from <到岗日期>' 记下，每天就只有一名在职文控人员，即默认的发放人和回收人。\n",
    });
    // 陈静's last working day is before 刘洋's first: one document controller each day.
    expect(await zh(dir, "person", "leave", "chen", "--date", "2026-10-19")).toEqual({
      code: 0,
      stdout:
        "已记录 陈静（chen）于 2026-10-19 离职（people.yaml 中的 left）：此人仍保留在名单中，因为旧记录引用此人；新工作的人员选项中不再列出。\n" +
        "自 2026-10-20 起的文控人员：刘洋（liu）（csr distribute、csr recall 默认的发放人、回收人）。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--date", "2026-10-21", "-y")).stdout).toContain("\n发放人：刘洋（liu），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n");
    // A start date moved after work recorded in her name is refused, naming that work and the latest start date that keeps it (breaker61 M4).
    expect(csr(["-C", dir, "person", "update", "liu", "--from", "2026-10-22"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: 
        "csr: 刘洋（liu）在到岗日期 2026-10-22 之前还有 1 条记录：QP-005 2026-10-21 的受控副本 5（A/1 版）的发放；未作改动。\n" +
        "提示：到岗日期是第一个工作日：如此人自 2026-10-21 或更早已在岗，运行 'csr person update liu --from 2026-10-21'（或更早的日期）；否则先把这些记录改由当天在职的人员完成。\n",
    });
    // --from with --no-from are opposite instructions (breaker61 M11).
    expect(await csrInProcess(["-C", dir, "person", "update", "liu", "--no-from", "--from", "2026-10-01"], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: --from 与 --no-from 是相反的指示：请只给出其一。\n" });
    expect(await csrInProcess(["-C", dir, "person", "update", "liu", "--left", "2026-12-01", "--no-left"], { lang: null })).toEqual({ code: 2, stdout: "", stderr: "csr: --left 与 --no-left 是相反的指示：请只给出其一。\n" });
    // Edited by hand all the same: that work is reported, with the command to correct the date.
    writeFileSync(join(dir, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8").replace("joined: 2026-10-20", "joined: 2026-10-22"));
    const found = (await checkJsonInProcess(dir, "--today", "2026-10-23")).findings.filter((f) => f.rule === "person/work-before-joining");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "documents/QP-005.yaml:29:49 error 刘洋 (liu) starts work on 2026-10-22, but the handing out of controlled copy 5 of A/1 on 2026-10-21 is recorded in their name: work before starting is no evidence. Have someone at work that day do it and record it in their name; if the start date is wrong, correct it with 'csr person update liu --from <date>'.",
    ]);
    // A start date recorded by mistake is taken out again (--no-from): she counts as at work all along, and the finding goes.
    expect(await zh(dir, "person", "update", "liu", "--no-from")).toEqual({ code: 0, stdout: "已更新 刘洋（liu）：到岗日期：2026-10-22 →（无）。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect(readFileSync(join(dir, "people.yaml"), "utf8").endsWith("  - id: liu\n    name: 刘洋\n    department: QA\n    roles: [document-controller]\n")).toBe(true);
    expect((await checkJsonInProcess(dir, "--today", "2026-10-23")).findings.filter((f) => f.rule === "person/work-before-joining")).toEqual([]);
    expect(await zh(dir, "person", "update", "liu", "--no-from")).toEqual({ code: 0, stdout: "刘洋（liu）的信息与给出的相同；未作改动。\n", stderr: "" });
  });

  it("lists, dated on the leaving day, each piece of work the leaver still answers for with the command that hands it over, as csr check reports it after that day", async () => {
    // The repository's qms.yaml with 生产部 delegating to chen, chen issuing the electronic copies, and no form numbering (the findings' lines are asserted).
    const qms =
      THREE_DEPARTMENTS_QMS.replace("  - {code: PRD, name: 生产部}", "  - {code: PRD, name: 生产部, delegates: [chen]}").replace("  - {kind: form, pattern: QR-###-##}\n", "") +
      "document_control:\n  electronic_issue: {system: OA, issued_by: chen}\n";
    const csrFile = decidedCsrYaml({ marketReviewer: "zhao", tail: ["implementation: {owner: chen, due: 2026-12-20, status: in-progress}"] });
    const draft = ["id: QP-006", "title: 文件控制程序", "level: 2", "kind: procedure", "department: QA", "status: in-review", "submitted: {since: 2026-11-20, by: chen}", "sections:", "  - title: 目的", "    text: 规定文件的控制。", ""].join("\n");
    const dir = threeDepartmentRepo({
      "qms.yaml": qms,
      "people.yaml": people,
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions:\n      - {revision: C, received: 2026-03-10}\n",
      "csr/DYA/DYA-001.yaml": csrFile,
      "documents/QP-005.yaml": trainingProcedure("{copy: 4, version: A/1, to: QA, holder: chen, date: 2026-10-14}"),
      "documents/QP-006.yaml": draft,
    });
    // In December, for the last working day to come: the list is the repository's as it stands.
    expect(csr(["-C", dir, "person", "leave", "chen", "--date", "2026-12-31"], { lang: null })).toEqual({
      code: 0,
      stdout:
        "已记录 陈静（chen）于 2026-12-31 离职（people.yaml 中的 left）：此人仍保留在名单中，因为旧记录引用此人；新工作的人员选项中不再列出。\n" +
        "到 2026-12-31 离职时仍由此人负责、须交接的工作 4 项（交接完之前 csr check 逐项提示：person/left-with-open-work）：\n" +
        "  - DYA-001 的实施负责人：用 'csr implement DYA-001 --owner <人员>' 改派\n" +
        "  - QP-005 A/1 受控副本 4（品质部）的领用人：用 'csr recall QP-005 --copy 4 --by chen' 回收，该处仍需要时用 'csr distribute QP-005 --to QA:<人员>' 发放给接替的人\n" +
        "  - 生产部 的代理人：用 'csr department update PRD --remove-delegate chen' 去掉，需要时用 --add-delegate 指定接替的人\n" +
        "  - 电子版发放的发放人（qms.yaml 中的 document_control.electronic_issue.issued_by）：没有改它的命令，请在 qms.yaml 中改为接任的文控人员，或删去此项（删去后由发布当天唯一在职的文控人员发放）\n" +
        "  持有的受控副本也可一次交接给接替的人，受控号不变：'csr hand-over --from chen --to <人员> --date <日期>'。\n" +
        "此人送审、尚未发布的文件 1 份，交给接手的人：\n" +
        "  - QP-006（审批中，2026-11-20 送审）：离职前发布，或由接手的人继续，发布时签编制（'csr release QP-006 --prepared <人员>'）\n" +
        "自 2027-01-01 起没有在职的文控人员：用 'csr person add <id> --roles document-controller --from <到岗日期>' 加入接任者，或用 'csr person update <id> --roles …,document-controller' 指定。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    // The same work, one finding each at the field that names her, from csr check (before and after the day alike).
    const found = (await checkJsonInProcess(dir, "--today", "2027-01-04")).findings.filter((f) => f.rule === "person/left-with-open-work");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "csr/DYA/DYA-001.yaml:12:25 warning The owner of the implementation of DYA-001, 陈静 (chen), left on 2026-12-31 and the implementation is not done: reassign it with 'csr implement DYA-001 --owner <person>'.",
      "documents/QP-005.yaml:28:45 warning Controlled copy 4 of QP-005 A/1 is held by 陈静 (chen), who left on 2026-12-31, and is still out: take it back with 'csr recall QP-005 --copy 4 --by <person>' and, if it is still needed there, hand it out to whoever took over with 'csr distribute QP-005 --to QA:<person>'; or hand it straight over to whoever took over, its copy number kept, with 'csr hand-over --from chen --to <person> --document QP-005 --copy 4'.",
      "qms.yaml:7:40 warning 陈静 (chen), who left on 2026-12-31, is still a delegate of 生产部 (PRD) (qms.yaml delegates): take them off with 'csr department update PRD --remove-delegate chen' and, if needed, name whoever took over (--add-delegate).",
      "qms.yaml:16:45 warning 陈静 (chen), who left on 2026-12-31, is still the one qms.yaml names to make the electronic issues (document_control.electronic_issue.issued_by), so csr release refuses to release: name the document controller who took over, or remove the field (then the one document controller at work on the day of the release issues).",
    ]);
    // Handed over, nothing is left to list for someone leaving, nor to report.
    expect(csr(["-C", dir, "recall", "QP-005", "--copy", "4", "--by", "chen", "--received-by", "wang", "--date", "2026-11-30", "-y"], { lang: null })).toMatchObject({ code: 0, stderr: "" });
    expect(await csrInProcess(["-C", dir, "implement", "DYA-001", "--owner", "zhang", "-y"], { lang: null })).toMatchObject({ code: 0, stderr: "" });
    expect(await csrInProcess(["-C", dir, "department", "update", "PRD", "--remove-delegate", "chen"], { lang: null })).toMatchObject({ code: 0, stderr: "" });
    writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("  electronic_issue: {system: OA, issued_by: chen}\n", "  electronic_issue: {system: OA}\n"));
    expect((await checkJsonInProcess(dir, "--today", "2027-01-04")).findings.filter((f) => f.rule === "person/left-with-open-work")).toEqual([]);
  });

  it("says what nobody at work from the next day can do: a department's opinion only the leaver could give, an approval when no other approver is left", async () => {
    const undecided = [
      "id: DYA-002",
      "customer: DYA",
      "source: {document: DYA-SQM, revision: C, section: \"4.3\"}",
      "clauses: [IATF16949:8.3.3.3]",
      "title: 包装须按顾客要求标识",
      "received: 2026-11-20",
      "review:",
      "  required: [QA, PRD]",
      "  opinions:",
      "    - {department: QA, reviewer: zhang, opinion: accept, date: 2026-11-23}",
      "",
    ].join("\n");
    const dir = threeDepartmentRepo({
      "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions:\n      - {revision: C, received: 2026-03-10}\n",
      "csr/DYA/DYA-002.yaml": undecided,
    });
    expect(await csrInProcess(["-C", dir, "person", "leave", "zhao", "--date", "2026-12-31"], { lang: null })).toEqual({
      code: 0,
      stdout:
        "已记录 赵磊（zhao）于 2026-12-31 离职（people.yaml 中的 left）：此人仍保留在名单中，因为旧记录引用此人；新工作的人员选项中不再列出。\n" +
        "DYA-002 尚缺 生产部 的会签意见，自 2027-01-01 起该部门没有其他在职人员可签：离职前签署（如 'csr review DYA-002 --department PRD --reviewer zhao'），或用 'csr department update PRD --add-delegate <人员>' 指定代理人。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(await csrInProcess(["-C", dir, "person", "leave", "wang", "--date", "2026-12-31", "--lang", "en"], { lang: null })).toEqual({
      code: 0,
      stdout:
        "Recorded that 王强 (wang) left on 2026-12-31 (left in people.yaml): the person stays listed, as old records name them, and is no longer offered for new work.\n" +
        "From 2027-01-01 no other approver is at work, and documents in approval or revision (0) and undecided reviews (1) would have nobody to approve them: give someone the role with 'csr person update <id> --roles …,approver', or add the successor with 'csr person add <id> --roles approver --from <first day>'.\nWrote people.yaml; not committed (git commit it, or run with --commit).\n",
      stderr: "",
    });
  });

  it("names the department of an opinion recorded before the start date by its name (技术部, Engineering), not its code, in both languages (breaker61 M4)", async () => {
    const dir = copyFixture("examples/acme-auto");
    writeFileSync(join(dir, "people.yaml"), readFileSync(join(dir, "people.yaml"), "utf8").replace("  - id: zhoupeng\n", "  - id: zhoupeng\n    joined: 2026-01-01\n"));
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.file === "csr/BCM/BCM-001.yaml" && f.rule === "person/work-before-joining");
    expect(found.map((f) => f.message.split(":")[0])).toEqual(["Zhou Peng (zhoupeng) starts work on 2026-01-01, but the review opinion of Engineering on 2025-09-10 is recorded in their name"]);
    const zh = await csrInProcess(["-C", dir, "check", "--today", "2026-12-05"], { lang: null });
    expect(zh.stdout).toContain("周鹏（zhoupeng）的到岗日期是 2026-01-01，但 2025-09-10 的技术部的评审意见记在此人名下");
  });
});
