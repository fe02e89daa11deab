/** The document-control commands asked at a terminal, driven with @inquirer/testing. */
import { checkbox, input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { addressCsr } from "../../src/commands/address/index.js";
import { distribute, recall } from "../../src/commands/distribute/index.js";
import { implementCsr } from "../../src/commands/implement/index.js";
import { newDocument } from "../../src/commands/new/index.js";
import { recordPeriodicReview } from "../../src/commands/periodic-review/index.js";
import { recordTraining } from "../../src/commands/train/index.js";
import { setLanguage } from "../../src/i18n/index.js";
import { capture } from "../csr/fixture.js";
import { copyFixture } from "../helpers.js";
import { pendingTrainingProcedure, threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search), checkbox: wrapPrompt(checkbox) } as unknown as Prompts;
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("asked at a terminal", () => {
  it("csr new asks for the kind, offers the next number, and asks for title and department", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = newDocument(ctx, undefined, {}, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Kind of document");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Document number (QP-016)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Title");
    screen.type("产品追溯管理程序");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Issuing department (制订部门)");
    for (let i = 0; i < 3; i++) screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n")[0]).toBe("Created QP-016 产品追溯管理程序 (documents/procedures/QP-016.yaml), a draft procedure of Quality Assurance with 5 sections to fill in.");
  });

  it("csr new asks which numbering family when several of the kind are in use, the most used first, and numbers from the one chosen", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = newDocument(ctx, "form", { title: "旧体系记录", department: "QA", retention: "3年" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? The repository numbers its forms in several families; which one for the new document?\n❯ QR-###-## (21)\n  HH-F-### (5)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Document number (HH-F-053)");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n")[0]).toBe("Created HH-F-053 旧体系记录 (documents/forms/HH-F-053.yaml), a draft form of Quality Assurance.");
  });

  it("csr new form asks which procedure a form numbered after its procedure belongs to, numbers it and lists it there", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = newDocument(ctx, "form", { title: "文件更改申请单", department: "QA", retention: "3年", family: "QR-###-##" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Which procedure does the form belong to (it is numbered after it)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Document number (QR-001-04)");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n").slice(0, 2)).toEqual([
      "Created QR-001-04 文件更改申请单 (documents/forms/QR-001-04.yaml), a draft form of Quality Assurance.",
      "QP-001 now lists QR-001-04 among its records (相关记录): the list is part of QP-001's text, so adding a form changes QP-001 (IATF 16949 7.5.3.2) and goes out with its next revision; to create a form without changing QP-001, leave out --used-by.",
    ]);
  });

  it("csr address searches the documents and offers the document's sections", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = addressCsr(ctx, "DYA-007", undefined, {}, prompts);
    await screen.next();
    screen.type("特殊特性");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ QP-014  特殊特性管理程序");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("(the whole document)");
    for (let i = 0; i < 7; i++) screen.keypress("down");
    expect(screen.getScreen()).toContain("❯ 5.2 符号转换");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe("DYA-007: addressed in QP-014 5.2 符号转换.\n");
    expect(read(dir, "csr/DYA/DYA-007.yaml")).toContain("addressed:\n  - document: QP-014\n    section: 5.2 符号转换\n");
  });

  it("csr distribute and csr train ask for departments and people", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    let done = distribute(ctx, "QP-014", { date: "2026-11-20" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Receiving departments");
    for (const downs of [3, 1]) {
      for (let i = 0; i < downs; i++) screen.keypress("down");
      screen.keypress("space");
    }
    screen.keypress("enter");
    // Each holder may be left empty: signed for later.
    for (let i = 0; i < 2; i++) {
      await screen.next();
      expect(screen.getScreen()).toContain("may be left empty");
      screen.keypress("enter");
    }
    expect(await done).toBe(0);
    done = recordTraining(ctx, "QP-014", { date: "2026-11-21" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("People trained");
    screen.type("gaoyang, huangjun");
    screen.keypress("enter");
    // A training record is evidence only with its trainer and record number: both are asked for.
    await screen.next();
    expect(screen.getScreen()).toContain("Trainer");
    expect(screen.getScreen()).toContain("❯ zhoupeng   Zhou Peng (Engineering)\n  gaoyang    Gao Yang (Engineering)\n");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Training record number (e.g. TR-2026-050)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> You must provide a value");
    screen.type("TR-2026-051");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe(
      "QP-014 A/1: 2 controlled copies handed out on 2026-11-20:\n  copy 1  Quality Assurance\n  copy 2  Production\nIssued by Chen Jing (chenjing), the one document controller in people.yaml (no --issued-by given).\nNo holder (领用人) recorded for copies 1, 2: once someone has signed for them, record each with 'csr distribute QP-014 --copy 1 --holder <a person of Quality Assurance>', 'csr distribute QP-014 --copy 2 --holder <a person of Production>'.\nQP-014 A/1: training of Gao Yang (gaoyang), Huang Jun (huangjun) recorded; 2026-11-21, trainer Zhou Peng (zhoupeng), record TR-2026-051.\n",
    );
    expect(read(dir, "documents/procedures/QP-014.yaml")).toContain("    - {revision: A/1, date: 2026-11-21, people: [gaoyang, huangjun], trainer: zhoupeng, record: TR-2026-051}\n");
  });

  it("csr distribute asks for the 发放人 when people.yaml names two document controllers, and csr recall --retained for the copy, who stamped it and why", async () => {
    const dir = copyFixture("examples/acme-auto");
    const people = join(dir, "people.yaml");
    writeFileSync(people, read(dir, "people.yaml").replace("roles: [author, reviewer, approver]\n    emails: [zhang.li", "roles: [author, reviewer, approver, document-controller]\n    emails: [zhang.li"));
    const ctx = capture(dir);
    let done = distribute(ctx, "QP-014", { to: ["PRD"], date: "2026-11-20" }, prompts);
    await screen.next();
    // The document controllers first, then everyone else of the organisation.
    expect(screen.getScreen()).toMatch(/^\? Issued by\n❯ zhangli {4}Zhang Li \(Quality Assurance\)\n {2}chenjing {3}Chen Jing \(Quality Assurance\)\n {2}wangjg {5}Wang Jianguo /);
    screen.keypress("down");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "documents/procedures/QP-014.yaml")).toContain("  - {copy: 1, version: A/1, to: PRD, issued_by: chenjing, date: 2026-11-20}\n");
    const path = join(dir, "documents/procedures/QP-014.yaml");
    writeFileSync(path, read(dir, "documents/procedures/QP-014.yaml").replace("{copy: 1, version: A/1,", "{copy: 1, version: A/0,"));
    done = recall(ctx, "QP-014", { retained: true, date: "2026-11-21" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Copy taken back\n❯ copy 1  A/0  Production");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Stamped by");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Why and where it is kept");
    screen.type("留作参考");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "documents/procedures/QP-014.yaml")).toMatch(/ {2}- \{copy: 1, version: A\/0, to: PRD, issued_by: chenjing, date: 2026-11-20, retained: \{date: 2026-11-21, by: \w+, remark: 留作参考\}\}\n/);
  });

  it("csr recall --retained offers only the copies no longer in use on the recall date: not those of the version in use until its successor takes effect", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": pendingTrainingProcedure() });
    const ctx = capture(dir);
    // On 2026-11-20 A/2 is 待实施 until 2026-11-25: copy 4 of A/1 is in use, copy 5 of A/2 not yet.
    let done = recall(ctx, "QP-005", { retained: true, by: "zhang", remark: "留作参考", date: "2026-11-20" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Copy taken back\n❯ copy 1  A/0  品质部\n  copy 2  A/0  生产部  赵磊 (zhao)\n  copy 3  A/0  市场部\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    expect(await done).toBe(0);
    // From 2026-11-25 copy 4 is due back, and may be kept stamped 作废.
    done = recall(ctx, "QP-005", { retained: true, by: "zhang", remark: "留作参考", date: "2026-11-25" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Copy taken back\n❯ copy 2  A/0  生产部  赵磊 (zhao)\n  copy 3  A/0  市场部\n  copy 4  A/1  品质部\n\n↑↓ navigate • ⏎ select");
    screen.keypress("up");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "documents/QP-005.yaml")).toContain("  - {copy: 4, version: A/1, to: QA, date: 2026-10-14, retained: {date: 2026-11-25, by: zhang, remark: 留作参考}}\n");
  });

  it("csr recall asks for the 回收人 among the people working on the recall date, by name and department, and names the one document controller left when it takes him", async () => {
    const people = [
      "people:",
      "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
      "  - {id: li, name: 李娜, department: MKT, roles: [author, reviewer]}",
      "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
      "  - {id: chen, name: 陈静, department: QA, roles: [document-controller]}",
      "  - {id: sun, name: 孙磊, department: PRD, roles: [document-controller], left: 2026-11-25}",
      "",
    ].join("\n");
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": trainingProcedure(), "people.yaml": people });
    setLanguage("zh-CN");
    try {
      const ctx = capture(dir);
      // On 2026-11-21 孙磊 still works: two document controllers, first, then everyone else.
      const done = recall(ctx, "QP-005", { copy: ["2"], by: "zhao", date: "2026-11-21" }, prompts);
      await screen.next();
      expect(screen.getScreen()).toBe("? 回收人\n❯ chen   陈静（品质部）\n  sun    孙磊（生产部）\n  zhang  张伟（品质部）\n  li     李娜（市场部）\n  zhao   赵磊（生产部）\n\n↑↓ navigate • ⏎ select");
      screen.keypress("down");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toBe("QP-005：于 2026-11-21 回收 1 份：受控号 2（A/0，生产部）。交回人：赵磊（zhao）。回收人：孙磊（sun）。\n注意：受控号 2（A/0，生产部）应于 2026-10-19 前回收，此次回收逾期 24 个工作日（文件发放/回收记录的备注写明）。\n尚待回收：受控号 1（A/0，品质部）、受控号 3（A/0，市场部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
      // From 2026-11-25 he has left, as --received-by sun would be refused: 陈静 is the one document controller, and the summary says why she was recorded.
      const later = capture(dir);
      expect(await recall(later, "QP-005", { copy: ["3"], by: "li", date: "2026-11-26" }, prompts)).toBe(0);
      expect(later.out).toBe("QP-005：于 2026-11-26 回收 1 份：受控号 3（A/0，市场部）。交回人：李娜（li）。回收人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n注意：受控号 3（A/0，市场部）应于 2026-10-19 前回收，此次回收逾期 28 个工作日（文件发放/回收记录的备注写明）。\n尚待回收：受控号 1（A/0，品质部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
      await expect(recall(capture(dir), "QP-005", { copy: ["1"], by: "zhang", receivedBy: "孙磊", date: "2026-11-26" }, prompts)).rejects.toMatchObject({ message: expect.stringMatching(/^--received-by 孙磊（sun）已于 2026-11-25 离职/) });
    } finally {
      setLanguage("en");
    }
  });

  it("csr recall without --by asks who handed back each unit's copies among the people of that unit, the holder first, and records each (tester16 F21)", async () => {
    const people = [
      "people:",
      "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
      "  - {id: li, name: 李娜, department: MKT, roles: [author, reviewer]}",
      "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
      "  - {id: sun, name: 孙磊, department: PRD, roles: [author]}",
      "  - {id: chen, name: 陈静, department: QA, roles: [document-controller]}",
      "",
    ].join("\n");
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": trainingProcedure(), "people.yaml": people });
    setLanguage("zh-CN");
    try {
      const ctx = capture(dir);
      const done = recall(ctx, "QP-005", { copy: ["2", "3"], date: "2026-11-21" }, prompts);
      await screen.next();
      // Copy 2 is held by 赵磊: he is offered first, then the other person of 生产部; nobody of another department.
      expect(screen.getScreen()).toBe("? 交回人（生产部，受控号 2）\n❯ zhao  赵磊（生产部）\n  sun   孙磊（生产部）\n\n↑↓ navigate • ⏎ select");
      screen.keypress("down");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toBe("? 交回人（市场部，受控号 3）\n❯ li  李娜（市场部）\n\n↑↓ navigate • ⏎ select");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toBe(
        "QP-005：于 2026-11-21 回收 2 份：受控号 2（A/0，生产部）、受控号 3（A/0，市场部）。交回人：受控号 2 为孙磊（sun）；受控号 3 为李娜（li）。回收人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n注意：受控号 2（A/0，生产部）、受控号 3（A/0，市场部）应于 2026-10-19 前回收，此次回收逾期 24 个工作日（文件发放/回收记录的备注写明）。\n尚待回收：受控号 1（A/0，品质部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      );
      expect(read(dir, "documents/QP-005.yaml")).toContain(
        "  - {copy: 2, version: A/0, to: PRD, holder: zhao, date: 2024-01-12, recalled: 2026-11-21, returned_by: sun, received_by: chen}\n  - {copy: 3, version: A/0, to: MKT, date: 2024-01-12, recalled: 2026-11-21, returned_by: li, received_by: chen}\n",
      );
    } finally {
      setLanguage("en");
    }
  });

  it("csr distribute of a 秘密 document without --holder asks for the holder of each department among its people (tester16 F15)", async () => {
    const people = [
      "people:",
      "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
      "  - {id: li, name: 李娜, department: MKT, roles: [author, reviewer]}",
      "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
      "  - {id: chen, name: 陈静, department: QA, roles: [document-controller]}",
      "",
    ].join("\n");
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": trainingProcedure().replace("department: QA\n", "department: QA\nclassification: 机密\n"), "people.yaml": people });
    setLanguage("zh-CN");
    try {
      const ctx = capture(dir);
      const done = distribute(ctx, "QP-005", { to: ["QA", "PRD"], date: "2026-11-21" }, prompts);
      await screen.next();
      expect(screen.getScreen()).toBe("? 领用人（品质部）\n❯ zhang  张伟（品质部）\n  chen   陈静（品质部）\n\n↑↓ navigate • ⏎ select");
      screen.keypress("down");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toBe("? 领用人（生产部）\n❯ zhao  赵磊（生产部）\n\n↑↓ navigate • ⏎ select");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(read(dir, "documents/QP-005.yaml")).toContain(
        "  - {copy: 4, version: A/1, to: QA, holder: chen, issued_by: chen, date: 2026-11-21}\n  - {copy: 5, version: A/1, to: PRD, holder: zhao, issued_by: chen, date: 2026-11-21}\n",
      );
    } finally {
      setLanguage("en");
    }
  });

  it("csr distribute at a terminal offers the departments as a checkbox, codes in one column, and asks each one's holder, which may be left empty (tester50b #1 #3 #10)", async () => {
    setLanguage("zh-CN");
    try {
      const dir = copyFixture("examples/acme-auto");
      const ctx = capture(dir);
      const done = distribute(ctx, "QP-014", { date: "2026-11-20" }, prompts);
      await screen.next();
      // Nothing to mistype: a department typed wrong at the old prompt ended the command (rc 2) naming --to.
      expect(screen.getScreen().split("\n").slice(0, 8)).toEqual(["? 接收部门", "❯◯ GMO  总经办", " ◯ MKT  市场部", " ◯ ENG  技术部", " ◯ QA   品质部", " ◯ PRD  生产部", " ◯ PUR  采购物流部", " ◯ HR   行政人事部"]);
      for (const downs of [3, 1]) {
        for (let i = 0; i < downs; i++) screen.keypress("down");
        screen.keypress("space");
      }
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toBe("? 领用人（品质部，可留空）\n❯ （留空：签收后再登记）\n  zhangli    张丽（品质部）\n  chenjing   陈静（品质部）\n  zhaoqiang  赵强（品质部）\n\n↑↓ navigate • ⏎ select");
      screen.keypress("down");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("? 领用人（生产部，可留空）\n❯ （留空：签收后再登记）\n");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toBe(
        "QP-014 A/1：于 2026-11-20 发放受控副本 2 份：\n  受控号 1  品质部，领用人：张丽（zhangli）\n  受控号 2  生产部\n发放人：陈静（chenjing），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n受控号 2 未登记领用人：领用人签收后，用 'csr distribute QP-014 --copy 2 --holder <生产部的人员>' 登记。\n",
      );
      expect(read(dir, "documents/procedures/QP-014.yaml")).toContain("  - {copy: 1, version: A/1, to: QA, holder: zhangli, issued_by: chenjing, date: 2026-11-20}\n  - {copy: 2, version: A/1, to: PRD, issued_by: chenjing, date: 2026-11-20}\n");
    } finally {
      setLanguage("en");
    }
  });

  it("csr implement asks in Chinese, and says how to write a date it cannot read", async () => {
    setLanguage("zh-CN");
    try {
      const dir = copyFixture("examples/acme-auto");
      const ctx = capture(dir);
      const done = implementCsr(ctx, "DYA-004", {}, prompts);
      await screen.next();
      expect(screen.getScreen()).toContain("实施状态");
      expect(screen.getScreen()).toContain("❯ 实施中");
      screen.keypress("down");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("负责人");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("完成期限（YYYY-MM-DD）");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("实施证据（可不填）");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("在生产中实施的日期（YYYY-MM-DD）");
      // Day and month could be either way round: never guessed.
      screen.type("12/01/2026");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("日期请写成 YYYY-MM-DD，例如 2026-11-20（也可写 2026.11.20、2026/11/20 或 2026年11月20日）。");
      // A record, not a plan: neither after today nor before the CSR was decided (2026-03-23; received 2026-03-16).
      for (let i = 0; i < 10; i++) screen.keypress("backspace");
      screen.type("2099-12-31");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toMatch(/2099-12-31 晚于今天（\d{4}-\d{2}-\d{2}）：已完成事项的记录不能填写将来的日期。/);
      for (let i = 0; i < 10; i++) screen.keypress("backspace");
      screen.type("2026-03-20");
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain("2026-03-20 早于 DYA-004 评审结论日期（2026-03-23），而它应在其后。");
      for (let i = 0; i < 10; i++) screen.keypress("backspace");
      screen.type("2026-11-20");
      screen.keypress("enter");
      expect(await done).toBe(0);
      expect(ctx.out).toBe("DYA-004：已登记实施情况。状态：已实施，负责人：周鹏（zhoupeng），期限：2026-12-31，顾客要求日期：2026-12-31，导入生产日期：2026-11-20。\n");
    } finally {
      setLanguage("en");
    }
  });

  it("csr periodic-review asks for the conclusion (继续有效 first) and, for 需修订, why, and a 需修订 review says to release a new revision", async () => {
    const dir = copyFixture("examples/acme-auto");
    const ctx = capture(dir);
    const done = recordPeriodicReview(ctx, "QP-014", { by: "zhoupeng", date: "2026-11-20" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Conclusion\n❯ suitable\n  revise\n  withdraw\n\n↑↓ navigate • ⏎ select");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Why (what must change, or why withdraw it)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("You must provide a value");
    screen.type("按新版顾客要求修订");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out).toBe(
      "QP-014: periodic review recorded, by Zhou Peng (zhoupeng) on 2026-11-20; no new revision.\n" +
        "Conclusion: revise. Revise QP-014 and release the new revision with 'csr release QP-014'; this review does not restart the review interval.\n",
    );
    expect(read(dir, "documents/procedures/QP-014.yaml")).toMatch(/\nreviews:\n {2}- by: zhoupeng\n {4}date: 2026-11-20\n {4}result: revise\n {4}comment: 按新版顾客要求修订\n$/);
  });
});
