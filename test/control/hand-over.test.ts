/**
 * The 文控 role passing from one person to another (tester60 J4): the successor added before the day with
 * a start date (csr person add --from, people.yaml joined), the one leaving with their last working day;
 * the default 发放人 is the one document controller at work on the day, and work in the successor's name
 * before the start date is refused and reported. In a real temporary git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csr, csrInProcess, git } from "../helpers.js";
import { threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

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
        "自 2026-10-20 起的文控人员：刘洋（liu）（csr distribute、csr recall 默认的发放人、回收人）。\n",
      stderr: "",
    });
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--date", "2026-10-21", "-y")).stdout).toContain("\n发放人：刘洋（liu），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n");
    // A start date moved after work recorded in her name: that work is reported, with the command to correct the date.
    expect(await zh(dir, "person", "update", "liu", "--from", "2026-10-22")).toEqual({ code: 0, stdout: "已更新 刘洋（liu）：到岗日期：2026-10-20 → 2026-10-22。\n", stderr: "" });
    const found = (await checkJsonInProcess(dir, "--today", "2026-10-23")).findings.filter((f) => f.rule === "person/work-after-leaving");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "documents/QP-005.yaml:29:49 error 刘洋 (liu) starts work on 2026-10-22, but the handing out of controlled copy 5 of A/1 on 2026-10-21 is recorded in their name: work before starting is no evidence. Have someone at work that day do it and record it in their name; if the start date is wrong, correct it with 'csr person update liu --from <date>'.",
    ]);
    // A start date recorded by mistake is taken out again (--no-from): she counts as at work all along, and the finding goes.
    expect(await zh(dir, "person", "update", "liu", "--no-from")).toEqual({ code: 0, stdout: "已更新 刘洋（liu）：到岗日期：2026-10-22 →（无）。\n", stderr: "" });
    expect(readFileSync(join(dir, "people.yaml"), "utf8").endsWith("  - id: liu\n    name: 刘洋\n    department: QA\n    roles: [document-controller]\n")).toBe(true);
    expect((await checkJsonInProcess(dir, "--today", "2026-10-23")).findings.filter((f) => f.rule === "person/work-after-leaving")).toEqual([]);
    expect(await zh(dir, "person", "update", "liu", "--no-from")).toEqual({ code: 0, stdout: "刘洋（liu）的信息与给出的相同；未作改动。\n", stderr: "" });
  });
});
