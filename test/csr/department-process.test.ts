/**
 * `csr department add|update` and `csr process add|update`: setting up the organisation's
 * departments, which of them countersign CSR reviews (qms.yaml csr.reviewers) and the process map
 * (processes.yaml) by command, on real temporary git repositories.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { addDepartment } from "../../src/commands/department/index.js";
import { REGISTERS_WITH_FORMS } from "../../src/commands/organisation/index.js";
import { checkJsonInProcess, copyFixture, csrInProcess, git, gitInit, ROOT } from "../helpers.js";
import { capture, read, tree, validRepo } from "./fixture.js";

const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });

describe("csr department", () => {
  it("adds a countersigning department after the others, names the reviews under way that now need it, and commits qms.yaml alone", async () => {
    const dir = validRepo({ git: true });
    const result = await run(dir, "department", "add", "ENG", "--name", "工程部", "--name-en", "Engineering", "--countersign", "--date", "2026-11-27", "--commit");
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已在 qms.yaml 中新增部门 ENG（工程部）。",
        "ENG（工程部）参加每条顾客特定要求的会签（qms.yaml 的 csr.reviewers）。",
        "正在评审的 2 条顾客特定要求现在还需要 ENG（工程部）的会签意见：DYA-001、DYA-002。",
        "此前已作出决定的 7 条评审不需要 ENG（工程部）的意见：csr.reviewers 中记为自 2026-11-27 起会签。",
        `已提交 ${hash}：csr department add ENG：工程部`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("  - code: PRD\n    name: 生产部\n  - code: ENG\n    name: 工程部\n    name_en: Engineering\nnumbering:");
    expect(read(dir, "qms.yaml")).toContain("  reviewers: [QA, MKT, {department: ENG, since: 2026-11-27}]\n");
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr department add ENG：工程部", "", "qms.yaml"]);
    expect((await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("adds a department that does not countersign, and says how to make it", async () => {
    const dir = validRepo({ git: true });
    expect(await run(dir, "department", "add", "LOG", "--name", "物流部", "-y")).toEqual({
      code: 0,
      stdout: "已在 qms.yaml 中新增部门 LOG（物流部）。\nLOG 不参加顾客特定要求会签；需要时运行 'csr department update LOG --countersign'。\n已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("  reviewers: [QA, MKT]\n");
  });

  it("refuses a taken code (in any case), an outside party's code, a code the schema does not allow and a missing name, writing nothing", async () => {
    const dir = validRepo({ git: true });
    const files = snapshot(dir);
    const add = (...args: string[]) => run(dir, "department", "add", ...args, "-y");
    expect(await add("qa", "--name", "质量部")).toEqual({ code: 2, stdout: "", stderr: "csr: qms.yaml 中已有部门 QA（品质部）。\n提示：请换一个代码；修改该部门请用 'csr department update'。\n" });
    expect(await add("工程", "--name", "工程部")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: '工程' 不能用作部门代码。\n提示：部门代码用字母或数字开头，可含字母、数字和 _ . -，如 ENG、QA、LOG。\n",
    });
    expect(await add("ENG")).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 --name（或在终端中运行，由 csr 询问部门名称）。\n" });
    expect(snapshot(dir)).toEqual(files);
  });

  it("adds an outside party (--external military-representative) after the departments, to which copies go and whose 军代表 is a person, and refuses a kind it does not know or a countersign", async () => {
    const dir = validRepo({ git: true });
    const files = snapshot(dir);
    const add = (...args: string[]) => run(dir, "department", "add", ...args, "-y");
    expect(await add("MRO", "--name", "军代表室", "--external", "army")).toEqual({ code: 2, stdout: "", stderr: "csr: --external army：不是外部单位的类别；可选：military-representative, customer, certification-body, supplier, other。\n" });
    expect(await add("MRO", "--name", "军代表室", "--external", "military-representative", "--countersign")).toEqual({ code: 2, stdout: "", stderr: "csr: 外部单位不参加顾客特定要求会签：--external 不能与 --countersign 或 --date 同用。\n" });
    expect(snapshot(dir)).toEqual(files);
    const result = await run(dir, "department", "add", "MRO", "--name", "军代表室", "--name-en", "Military Representative Office", "--external", "military-representative", "--commit", "-y");
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已在 qms.yaml 中新增外部单位 MRO（军代表室）：它可接收和交回受控副本（csr distribute --to 军代表室），其人员（如军代表）在 people.yaml 中以 MRO 为部门（csr person add … --department MRO）；它不会签顾客特定要求、不归口文件、不计入培训。",
        `已提交 ${hash}：csr department add MRO --external：军代表室`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("  - code: PRD\n    name: 生产部\nexternal_parties:\n  - code: MRO\n    name: 军代表室\n    name_en: Military Representative Office\n    kind: military-representative\nnumbering:");
    expect((await run(dir, "person", "add", "wangjd", "--name", "王建东", "--department", "军代表室", "--title", "驻厂军代表", "-y")).code).toBe(0);
    expect((await add("CB", "--name", "认证机构", "--external", "certification-body")).code).toBe(0);
    expect(read(dir, "qms.yaml")).toContain("    kind: military-representative\n  - code: CB\n    name: 认证机构\n    kind: certification-body\nnumbering:");
    expect((await add("mro", "--name", "军代表室", "--external", "military-representative")).stderr).toMatch(/^csr: qms.yaml 中已有外部单位 MRO（军代表室）/);
    expect((await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("renames a department, changes whether it countersigns, and says which reviews under way stop waiting for it", async () => {
    const dir = validRepo({ git: true });
    expect(await run(dir, "department", "update", "市场部", "--name", "营销部", "--no-countersign")).toEqual({
      code: 0,
      stdout: "已更新部门 市场部：名称：市场部 → 营销部；不再参加顾客特定要求会签。\n正在评审的 2 条顾客特定要求不再等待 营销部 的会签意见：DYA-001、DYA-002。\n已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("  - code: MKT\n    name: 营销部\n");
    expect(read(dir, "qms.yaml")).toContain("  reviewers: [QA]\n");
    expect(await run(dir, "department", "update", "PRD", "--countersign", "--date", "2026-11-26")).toEqual({
      code: 0,
      stdout: "已更新部门 生产部：参加顾客特定要求会签。\n正在评审的 2 条顾客特定要求现在还需要 生产部 的会签意见：DYA-001、DYA-002。\n此前已作出决定的 7 条评审不需要 生产部 的意见：csr.reviewers 中记为自 2026-11-26 起会签。\n已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("  reviewers: [QA, {department: PRD, since: 2026-11-26}]\n");
    // Reviews decided before the day stay complete; taking the department out again finds its entry.
    expect((await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(await run(dir, "department", "update", "PRD", "--name", "生产部", "--countersign")).toEqual({ code: 0, stdout: "生产部 的信息与给出的相同；未作改动。\n", stderr: "" });
    expect((await run(dir, "department", "update", "PRD", "--no-countersign")).code).toBe(0);
    expect(read(dir, "qms.yaml")).toContain("  reviewers: [QA]\n");
    expect(await run(dir, "department", "update", "PRD")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 没有要修改的内容：请给出 --name、--name-en、--countersign、--no-countersign、--add-delegate 或 --remove-delegate。\n提示：例如：csr department update PRD --name 工程技术部 --countersign\n",
    });
    expect((await run(dir, "department", "update", "ENG", "--name", "x")).stderr).toMatch(/^csr: <code> ENG：qms\.yaml 中没有这个部门。/);
  });

  it("names a department's delegates, refuses its own people, and takes off one who left, whom csr check reports until then", async () => {
    const dir = validRepo({ git: true });
    expect(await run(dir, "department", "update", "PRD", "--add-delegate", "张伟")).toEqual({ code: 0, stdout: "已更新部门 生产部：代理人增加 张伟（zhang）。\n已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    expect(read(dir, "qms.yaml")).toContain("  - code: PRD\n    name: 生产部\n    delegates: [zhang]\n");
    expect(await run(dir, "department", "update", "PRD", "--add-delegate", "王强")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 王强（wang）是 生产部 的人员，无需作为代理人；代理人是不属于该部门、但代表该部门提意见、领用受控副本的人。\n",
    });
    expect(await run(dir, "person", "leave", "zhang", "--date", "2026-11-26")).toEqual({
      code: 0,
      stdout:
        "已记录 张伟（zhang）于 2026-11-26 离职（people.yaml 中的 left）：此人仍保留在名单中，因为旧记录引用此人；新工作的人员选项中不再列出。\n" +
        "到 2026-11-26 离职时仍由此人负责、须交接的工作 1 项（交接完之前 csr check 逐项提示：person/left-with-open-work）：\n" +
        "  - 生产部 的代理人：用 'csr department update PRD --remove-delegate zhang' 去掉，需要时用 --add-delegate 指定接替的人\n" +
        "DYA-001 尚缺 品质部 的会签意见，自 2026-11-27 起该部门没有其他在职人员可签：离职前签署（如 'csr review DYA-001 --department QA --reviewer zhang'），或用 'csr department update QA --add-delegate <人员>' 指定代理人。\n" +
        "自 2026-11-27 起没有其他在职的批准人员，审批中或修订中的文件 0 份、待决定的评审 2 条将无人可批：用 'csr person update <id> --roles …,approver' 指定，或用 'csr person add <id> --roles approver --from <到岗日期>' 加入接任者。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    const findings = (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule === "person/left-with-open-work");
    expect(findings.map(({ file, line, column, message }) => ({ file, line, column, message }))).toEqual([
      {
        file: "qms.yaml",
        line: 12,
        column: 17,
        message: "张伟 (zhang), who left on 2026-11-26, is still a delegate of 生产部 (PRD) (qms.yaml delegates): take them off with 'csr department update PRD --remove-delegate zhang' and, if needed, name whoever took over (--add-delegate).",
      },
    ]);
    expect(await run(dir, "department", "update", "PRD", "--remove-delegate", "zhang")).toEqual({ code: 0, stdout: "已更新部门 生产部：代理人去掉 张伟（zhang）。\n", stderr: "" });
    expect(await run(dir, "department", "update", "PRD", "--remove-delegate", "zhang")).toEqual({ code: 2, stdout: "", stderr: "csr: 张伟（zhang）不是 生产部 的代理人（qms.yaml 的 delegates）。\n" });
    expect(read(dir, "qms.yaml")).toContain("  - code: PRD\n    name: 生产部\nnumbering:");
  });

  it("asks at a terminal for the code (checked as typed), the name, the English name and whether it countersigns", async () => {
    const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;
    const dir = validRepo({ git: true });
    const ctx = capture(dir);
    const done = addDepartment(ctx, undefined, {}, prompts);
    await screen.next();
    screen.type("qa");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("qms.yaml already has department QA (品质部).");
    screen.keypress("backspace");
    screen.keypress("backspace");
    screen.type("ENG");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Department name:");
    screen.type("工程部");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Does the department countersign every CSR review?");
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe("Added department ENG (工程部) to qms.yaml.\nENG does not countersign CSR reviews; run 'csr department update ENG --countersign' if it should.\nWrote qms.yaml; not committed (git commit it, or run with --commit).\n");
    expect(read(dir, "qms.yaml")).toContain("  - code: ENG\n    name: 工程部\nnumbering:");
  });
});

describe("csr organisation update", () => {
  it("adds and removes CSR categories (csr.categories) by command, refusing a category a CSR is of and a first list that would leave categories in use unlisted (tester73 S11)", async () => {
    const dir = validRepo({ git: true });
    writeFileSync(join(dir, "csr", "DYA", "DYA-001.yaml"), read(dir, "csr/DYA/DYA-001.yaml").replace("received:", "category: 特殊特性\nreceived:"));
    git(dir, ["commit", "-qam", "category"]);
    const before = snapshot(dir);
    expect(await run(dir, "organisation", "update", "--add-category", "供方管理")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: qms.yaml 尚未列出类别，任何类别都可用；列出类别后，CSR 已在使用的 特殊特性 也须列入，否则它们都成为错误，未作任何修改。\n提示：一并加入：csr organisation update --add-category 特殊特性 …\n",
    });
    expect(snapshot(dir)).toEqual(before);
    const added = await run(dir, "organisation", "update", "--add-category", "特殊特性", "--add-category", " 供方管理 ", "--commit");
    expect(added.stdout.split("\n")[0]).toBe("已更新组织信息：CSR 类别：（无）→ 特殊特性、供方管理。");
    expect(added.code).toBe(0);
    expect(read(dir, "qms.yaml")).toContain("\n  categories: [特殊特性, 供方管理]\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const refused = await run(dir, "add", "--customer", "DYA", "--source", "DYA-SQM", "--section", "7", "--clause", "8.4.3.1", "--title", "供方须传递特殊特性", "--text", "x", "--category", "供应商", "--received", "2026-11-20", "-y");
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --category '供应商' 不是 qms.yaml 中的类别：特殊特性、供方管理。\n提示：要新增此类别：csr organisation update --add-category 供应商\n",
    });
    const kept = snapshot(dir);
    expect(await run(dir, "organisation", "update", "--remove-category", "特殊特性")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 类别 '特殊特性' 仍有 1 条 CSR 使用（DYA-001），未作任何修改。\n提示：先改这些 CSR 的类别，例如 csr set DYA-001 --category <其他类别>，再删除此类别。\n",
    });
    expect((await run(dir, "organisation", "update", "--remove-category", "供方管")).stderr).toBe("csr: qms.yaml 中没有类别 '供方管'（已有：特殊特性、供方管理）。是否应为 '供方管理'？\n");
    expect(snapshot(dir)).toEqual(kept);
    expect((await run(dir, "organisation", "update", "--remove-category", "供方管理")).stdout).toBe("已更新组织信息：CSR 类别：特殊特性、供方管理 → 特殊特性。\n已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    expect(read(dir, "qms.yaml")).toContain("\n  categories: [特殊特性]\n");
  });

  it("knows the registers with a form as the schema of qms.yaml lists them", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "qms.schema.json"), "utf8")) as { properties: { registers: { properties: { forms: { description: string } } } } };
    const listed = /by register id \(([^)]+)\)/.exec(schema.properties.registers.properties.forms.description)![1]!.split(", ");
    expect(listed).toEqual([...REGISTERS_WITH_FORMS]);
  });

  it("changes the name, the English name and the confidentiality notice in qms.yaml, saying what each was, and refuses an empty name", async () => {
    const dir = validRepo({ git: true });
    const result = await run(dir, "organisation", "update", "--name", "东岳精密零部件有限公司", "--name-en", "Dongyue Precision Parts", "--confidentiality", "", "--commit");
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: [
        "已更新组织信息：组织名称：“东岳测试零部件有限公司” → “东岳精密零部件有限公司”；英文名称：（无）→ “Dongyue Precision Parts”；保密声明：“本文件为受控文件，未经许可不得外借、复印。” →（无）。",
        `已提交 ${hash}：csr organisation update`,
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain("organisation:\n  name: 东岳精密零部件有限公司\n  name_en: Dongyue Precision Parts\nstandards:");
    expect(read(dir, "qms.yaml")).toMatch(/\nconfidentiality: ""\n$/);
    expect((await run(dir, "organisation", "update", "--name", "东岳精密零部件有限公司")).stdout).toBe("qms.yaml 中的组织信息与给出的相同；未作改动。\n");
    const before = snapshot(dir);
    expect(await run(dir, "organisation", "update", "--name", " ")).toEqual({ code: 2, stdout: "", stderr: "csr: 组织名称不能为空。\n" });
    expect((await run(dir, "organisation", "update")).stderr).toBe(
      "csr: 没有要修改的内容：请给出 --name、--name-en、--confidentiality、--confidentiality-en、--register-form、--register-signatures、--review-days、--warn-days、--audit-interval、--exclude、--include、--add-category 或 --remove-category。\n提示：例如：csr organisation update --name 江苏恒达汽车零部件有限公司 --name-en \"Hengda Auto Parts Co., Ltd.\"\n",
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it("sets a register's form, the register signature lines, the review period and the clauses not applicable, without hand-edited YAML (tester16 F22)", async () => {
    const dir = copyFixture("examples/gjb-demo");
    gitInit(dir);
    const result = await run(dir, "organisation", "update", "--register-form", "documents=CS/QR-001-01", "--register-signatures", "编制、审核、批准、日期", "--review-days", "15", "--warn-days", "3", "--exclude", "8.3.2", "--justification", "本公司按顾客图样生产，不承担产品设计", "--commit");
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^已更新组织信息：登记表 documents 的表单编号：（无）→ CS\/QR-001-01；登记表签字栏：编制、审核、批准 → 编制、审核、批准、日期；顾客要求评审期限（工作日）：10 → 15；评审到期提醒（工作日）：2 → 3；不适用条款：（无）→ GJB9001C:8\.3\.2。\n已提交 [0-9a-f]{7}：csr organisation update\n$/,
      ),
      stderr: "",
    });
    const qms = read(dir, "qms.yaml");
    expect(qms).toContain("  review_days: 15\n  warn_days: 3\n");
    expect(qms).toContain("registers:\n  signatures: [编制, 审核, 批准, 日期]\n  # 关键件、重要件项目明细表（csr list key-parts）印在 CS/QR-009-01 上。\n  forms:\n    key-parts: CS/QR-009-01\n    documents: CS/QR-001-01\n");
    expect(qms).toMatch(/\nexclusions:\n  - clause: GJB9001C:8\.3\.2\n    justification: 本公司按顾客图样生产，不承担产品设计\n/);
    // Taken back: the form setting and the exclusion.
    expect((await run(dir, "organisation", "update", "--register-form", "documents=", "--include", "GJB9001C:8.3.2")).stdout).toBe(
      "已更新组织信息：登记表 documents 的表单编号：CS/QR-001-01 →（无）；不适用条款：GJB9001C:8.3.2 →（无）。\n已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect(read(dir, "qms.yaml")).not.toMatch(/exclusions|documents: CS/);
    const before = snapshot(dir);
    const refused = async (...args: string[]) => (await run(dir, "organisation", "update", ...args)).stderr;
    expect(await refused("--register-form", "document=CS/QR-001-01")).toBe(
      "csr: 没有叫 'document' 的登记表。是否应为 'documents'？\n提示：印有表单编号的登记表：procedures、procedures-gjb、documents、forms、external、obsolete、clauses、clauses-xref、csr-matrix、csr-list、reviews、symbols、distribution、training、training-plan、changes、processes、disposals、management-review、periodic-reviews、suppliers、audits、audit-programme、audit-plan、actions、people、training-missing、training-person、edition-review、periodic-reviews-due、flow-down、customers、skills、tooling、error-proofing、gauges、first-articles、key-parts、objectives、management-review-outputs、supervision、management-review-report、register-editions。\n",
    );
    expect(await refused("--register-form", "documents=CS/QR-001-1")).toBe("csr: 仓库中没有表单 CS/QR-001-1。是否应为 'CS/QR-001-01'？\n");
    expect(await refused("--register-form", "documents")).toBe("csr: --register-form 'documents' 应写作 <登记表>=<表单编号>。\n提示：例如：--register-form procedures=QR-001-03；不写表单编号（procedures=）则删除该设置。\n");
    expect(await refused("--review-days", "十")).toBe("csr: --review-days '十' 应为不小于 1 的整数（工作日）。\n");
    expect(await refused("--exclude", "8.3.2")).toBe(
      "csr: 声明条款不适用须给出理由（--justification）。\n提示：例如：csr organisation update --exclude IATF16949:8.3 --justification \"无产品设计责任，产品图纸由顾客提供\"\n",
    );
    expect(await refused("--include", "8.3.2")).toBe("csr: GJB9001C:8.3.2 没有声明为不适用（不适用条款：（无））。\n");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("csr process", () => {
  it("starts processes.yaml with a process whose type, owner and clauses are given as the user says them", async () => {
    const dir = validRepo({ git: true });
    expect(await run(dir, "process", "add", "C3", "--name", "生产过程控制", "--type", "顾客导向过程", "--owner", "生产部", "--clause", "8.5.1,8.5.2", "--clause", "IATF16949:8.5.4", "--document", "QP-020", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已在 processes\.yaml 中新增过程 C3 生产过程控制：顾客导向过程，负责部门 生产部，3 个条款，1 份文件。\n已提交 [0-9a-f]{7}：csr process add C3：生产过程控制\n$/),
      stderr: "",
    });
    expect(read(dir, "processes.yaml")).toBe(
      "processes:\n  - code: C3\n    name: 生产过程控制\n    type: customer-oriented\n    owner: PRD\n    clauses: [IATF16949:8.5.1, IATF16949:8.5.2, IATF16949:8.5.4]\n    documents: [QP-020]\n",
    );
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr process add C3：生产过程控制", "", "processes.yaml"]);
    expect(await run(dir, "process", "add", "S1", "--name", "文件控制", "--type", "support", "-y")).toEqual({
      code: 0,
      stdout: "已在 processes.yaml 中新增过程 S1 文件控制：支持过程，负责部门（无），0 个条款，0 份文件。\n过程 S1 尚未列出覆盖的条款：条款矩阵中它不覆盖任何条款；用 'csr process update S1 --add-clause 8.5.1' 增加。\n已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "processes.yaml").endsWith("    documents: [QP-020]\n  - code: S1\n    name: 文件控制\n    type: support\n")).toBe(true);
    expect((await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("changes a process's owner, clauses and documents, keeping the others, and refuses what cannot be", async () => {
    const dir = validRepo({ git: true });
    await run(dir, "process", "add", "C3", "--name", "生产过程控制", "--type", "customer-oriented", "--owner", "PRD", "--clause", "8.5.1,8.5.2", "-y");
    expect(await run(dir, "process", "update", "c3", "--owner", "QA", "--add-clause", "8.5.4", "--remove-clause", "8.5.2", "--add-document", "WI-031")).toEqual({
      code: 0,
      stdout: "已更新过程 C3 生产过程控制：负责部门：生产部 → 品质部；条款增加 IATF16949:8.5.4；条款删除 IATF16949:8.5.2；文件增加 WI-031。\n已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "processes.yaml")).toBe("processes:\n  - code: C3\n    name: 生产过程控制\n    type: customer-oriented\n    owner: QA\n    clauses: [IATF16949:8.5.1, IATF16949:8.5.4]\n    documents: [WI-031]\n");
    const files = snapshot(dir);
    expect(await run(dir, "process", "update", "C4", "--name", "x")).toEqual({ code: 2, stdout: "", stderr: "csr: 没有过程 'C4'；已有的过程：C3。是否应为 'C3'？\n" });
    expect(await run(dir, "process", "update", "C3", "--add-clause", "8.5.1")).toEqual({ code: 2, stdout: "", stderr: "csr: 过程 C3 已列出条款 IATF16949:8.5.1。\n" });
    expect(await run(dir, "process", "update", "C3", "--add-document", "QP-099")).toEqual({ code: 2, stdout: "", stderr: "csr: --add-document：没有文件 QP-099。是否应为 'QP-009'？\n" });
    expect(await run(dir, "process", "update", "C3", "--add-clause", "99.1")).toEqual({ code: 2, stdout: "", stderr: "csr: --add-clause 99.1：IATF 16949:2016 没有这个条款。\n" });
    expect(await run(dir, "process", "add", "c3", "--name", "x", "--type", "support", "-y")).toMatchObject({ code: 2, stderr: expect.stringMatching(/^csr: processes\.yaml 中已有过程 C3 生产过程控制。\n/) });
    expect(await run(dir, "process", "update", "C3", "--owner", "QA")).toEqual({ code: 0, stdout: "过程 C3 生产过程控制 的信息与给出的相同；未作改动。\n", stderr: "" });
    expect(snapshot(dir)).toEqual(files);
  });
});

describe("--commit of qms.yaml or processes.yaml with uncommitted changes", () => {
  it("is refused by every command that edits them (the check in persistChanges), before anything is written", async () => {
    const dir = validRepo({ git: true });
    // Left uncommitted: qms.yaml and a new processes.yaml.
    expect((await run(dir, "numbering", "add", "FM-###", "--kind", "form", "-y")).code).toBe(0);
    expect((await run(dir, "process", "add", "C3", "--name", "生产过程控制", "--type", "support", "-y")).code).toBe(0);
    git(dir, ["add", "processes.yaml"]);
    const files = snapshot(dir);
    const refused = (path: string) => ({ code: 2, stdout: "", stderr: `csr: ${path} 有尚未提交的更改，--commit 会把它们一并提交。\n提示：请先提交或撤销这些更改，或不加 --commit。\n` });
    for (const args of [
      ["department", "add", "ENG", "--name", "工程部", "-y"],
      ["department", "add", "MRO", "--name", "军代表室", "--external", "military-representative", "-y"],
      ["department", "update", "QA", "--name", "质量部"],
      ["organisation", "update", "--name", "东岳精密零部件有限公司"],
      ["numbering", "add", "HY-QP-###", "--kind", "procedure", "--family", "HY", "-y"],
      ["numbering", "remove", "FM-###"],
    ]) {
      expect([args.join(" "), await run(dir, ...args, "--commit")]).toEqual([args.join(" "), refused("qms.yaml")]);
    }
    for (const args of [["process", "add", "C4", "--name", "采购", "--type", "support", "-y"], ["process", "update", "C3", "--name", "生产控制"]]) {
      expect([args.join(" "), await run(dir, ...args, "--commit")]).toEqual([args.join(" "), refused("processes.yaml")]);
    }
    expect(snapshot(dir)).toEqual(files);
    expect(git(dir, ["log", "--format=%s"]).trim()).toBe("initial");
  });
});
