/**
 * `csr customer add` and `csr source add`: a customer and its CSR source documents are recorded by
 * command, not by hand-editing customers/*.yaml. CLI runs in process on real temporary git
 * repositories; the questions at a terminal driven with @inquirer/testing.
 */
import { input, search, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { addCustomer } from "../../src/commands/customer/add.js";
import { addSource } from "../../src/commands/source/add.js";
import { csrInProcess, git } from "../helpers.js";
import { capture, read, tree, validRepo } from "./fixture.js";

const CUSTOMER = ["customer", "add", "HXQ", "--name", "华夏汽车有限公司", "--name-en", "Huaxia Auto", "--class", "A", "--contact", "王芳", "--contact-role", "SQE", "--contact-email", "wang.fang@hxq.example.com"];
const SOURCE = ["source", "add", "HXQ", "--id", "HXQ-SQM", "--title", "华夏汽车供应商质量手册", "--title-en", "Huaxia Supplier Quality Manual", "--revision", "A", "--issued", "2026-10-08", "--received", "2026-10-15"];

/** The same files with the same texts: a refused command wrote nothing. */
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

describe("csr customer add", () => {
  it("writes customers/<CODE>.yaml and commits exactly that file", async () => {
    const dir = validRepo({ git: true });
    const result = await csrInProcess(["-C", dir, ...CUSTOMER, "--notes", "2026年定点", "-y", "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: `已新增顾客 HXQ 华夏汽车有限公司（customers/HXQ.yaml）。\n下一步：用 'csr source add HXQ' 登记它的 CSR 来源文件。\n已提交 ${hash}：csr customer add HXQ：华夏汽车有限公司\n`,
      stderr: "",
    });
    expect(read(dir, "customers/HXQ.yaml")).toBe(
      [
        "code: HXQ",
        "name: 华夏汽车有限公司",
        "name_en: Huaxia Auto",
        "class: A",
        "contacts:",
        "  - name: 王芳",
        "    role: SQE",
        "    email: wang.fang@hxq.example.com",
        "notes: 2026年定点",
        "",
      ].join("\n"),
    );
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr customer add HXQ：华夏汽车有限公司", "", "customers/HXQ.yaml"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);
  });

  it("refuses a code that is taken or cannot name a file, a missing name, and contact details without a contact; nothing is written", async () => {
    const dir = validRepo({ git: true });
    const before = snapshot(dir);
    const add = (...args: string[]) => csrInProcess(["-C", dir, "customer", "add", ...args, "-y"]);
    expect(await add("dya", "--name", "东岳")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: Customer code DYA is taken; csr does not overwrite a customer.\nhint: Record its source documents with 'csr source add DYA'; correct its data with 'csr customer update DYA'.\n",
    });
    expect(await add("../HXQ", "--name", "华夏")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: ../HXQ cannot be a customer code: use letters, digits, '_', '.' and '-', starting with a letter or digit (it names the file too).\n",
    });
    expect(await add("byd2", "--name", "测试")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: The customer code 'byd2' has lower-case letters; customer codes are upper case, as in the CSR ids made from them (BYD2-001): write BYD2.\n",
    });
    expect(await add("HXQ")).toEqual({ code: 2, stdout: "", stderr: "csr: --name is required (or run in a terminal to be asked for the customer's name).\n" });
    expect(await add("HXQ", "--name", "华夏", "--contact-email", "a@hxq.example.com")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --contact-role, --contact-email and --contact-phone describe a contact: give --contact with the contact's name too.\n",
    });
    expect(await add("HXQ", "--name", "华夏", "--class", "D")).toEqual({ code: 2, stdout: "", stderr: "csr: --class must be one of A, B, C; got 'D'. Did you mean 'A'?\n" });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("csr source add", () => {
  it("appends the source document with its first revision to the customer's file, and CSRs can then be registered from it", async () => {
    const dir = validRepo({ git: true });
    await csrInProcess(["-C", dir, ...CUSTOMER, "-y", "--commit"]);
    const customer = read(dir, "customers/HXQ.yaml");
    const result = await csrInProcess(["-C", dir, ...SOURCE, "--department", "品质部", "-y", "--commit"]);
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout:
        "HXQ: source document HXQ-SQM 华夏汽车供应商质量手册 recorded, revision A, received 2026-10-15.\n" +
        "HXQ-SQM is kept by 品质部.\n" +
        "Next: register its requirements with 'csr add --customer HXQ --source HXQ-SQM'.\n" +
        `Committed ${hash}: csr source add HXQ HXQ-SQM revision A: 华夏汽车供应商质量手册\n`,
      stderr: "",
    });
    expect(read(dir, "customers/HXQ.yaml")).toBe(
      customer +
        [
          "sources:",
          "  - id: HXQ-SQM",
          "    title: 华夏汽车供应商质量手册",
          "    title_en: Huaxia Supplier Quality Manual",
          "    department: QA",
          "    revisions:",
          "      - revision: A",
          "        issued: 2026-10-08",
          "        received: 2026-10-15",
          "",
        ].join("\n"),
    );
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"]).trim()).toBe("customers/HXQ.yaml");
    const added = await csrInProcess(["-C", dir, "add", "--customer", "HXQ", "--source", "HXQ-SQM", "--clause", "IATF16949:8.5.4", "--title", "包装须使用顾客周转箱", "--received", "2026-10-15", "-y"]);
    expect(added.stdout.split("\n")[0]).toBe("Registered HXQ-001 in csr/HXQ/HXQ-001.yaml.");
    expect(read(dir, "csr/HXQ/HXQ-001.yaml")).toContain("source:\n  document: HXQ-SQM\n  revision: A\n");
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"]);
    // The customer's file is valid; the CSR registered from it is watched like any other (its review is late by then).
    const findings = (JSON.parse(check.stdout) as { findings: { file: string; rule: string }[] }).findings.filter((f) => f.file.includes("HXQ"));
    expect(findings.map((f) => [f.rule, f.file])).toEqual([["csr/review-overdue", "csr/HXQ/HXQ-001.yaml"]]);
  });

  it("refuses an id the customer has (a new revision is csr source update's), an unknown customer and dates out of order; nothing is written", async () => {
    const dir = validRepo({ git: true });
    const before = snapshot(dir);
    const add = (...args: string[]) => csrInProcess(["-C", dir, "source", "add", ...args, "-y"]);
    expect(await add("DYA", "--id", "DYA-SQM", "--title", "供应商质量手册", "--revision", "D", "--received", "2026-11-25")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: DYA has a source document DYA-SQM already.\nhint: When the customer issues a new revision, record it with 'csr source update DYA-SQM --customer DYA --revision <rev> --received <date>'.\n",
    });
    expect(await add("DYX", "--id", "DYA-PKG", "--title", "包装要求", "--revision", "A")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: Unknown customer 'DYX'. Did you mean 'DYA'?\nhint: Customers: DYA; add a new one with 'csr customer add' first.\n",
    });
    expect(await add("DYA", "--id", "DYA-PKG", "--title", "包装要求")).toEqual({ code: 2, stdout: "", stderr: "csr: --revision is required (or run in a terminal to be asked for the revision received).\n" });
    expect((await add("DYA", "--id", "DYA-PKG", "--title", "包装要求", "--revision", "A", "--received", "2026-11-01", "--department", "LOG")).stderr).toMatch(/^csr: --department LOG: .*\n$/);
    expect((await add("DYA", "--id", "DYA-PKG", "--title", "包装要求", "--revision", "A", "--issued", "2026-11-10", "--received", "2026-11-01")).stderr).toMatch(/^csr: --received 2026-11-01 is before .* \(2026-11-10\), which it must follow\.\n$/);
    expect((await add("DYA", "--id", "DYA-PKG", "--title", "包装要求", "--revision", "A", "--received", "2099-01-01")).stderr).toMatch(/^csr: --received 2099-01-01 is after today/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("asked at a terminal", () => {
  const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), search: wrapPrompt(search) } as unknown as Prompts;

  it("csr customer add and csr source add ask for each field, the optional ones may be left blank", async () => {
    const dir = validRepo();
    const ctx = capture(dir);
    let done = addCustomer(ctx, undefined, {}, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Customer code (e.g. DYA; it names the file customers/<CODE>.yaml)");
    screen.type("DYA");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> Customer code DYA is taken; csr does not overwrite a customer.");
    for (let i = 0; i < 3; i++) screen.keypress("backspace");
    screen.type("HXQ");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Customer name");
    screen.type("华夏汽车有限公司");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("English name (may be left blank)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Customer class");
    screen.keypress("down");
    expect(screen.getScreen()).toContain("❯ B general customer");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Contact's name (may be left blank)");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(read(dir, "customers/HXQ.yaml")).toBe("code: HXQ\nname: 华夏汽车有限公司\nclass: B\n");

    done = addSource(ctx, "HXQ", {}, prompts);
    await screen.next();
    expect(screen.getScreen()).toContain("Id of the source document of HXQ (e.g. HXQ-SQM)");
    screen.type("HXQ-SQM");
    screen.keypress("enter");
    await screen.next();
    screen.type("华夏汽车供应商质量手册");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("English title (may be left blank)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Revision received (e.g. C or 2026-03)");
    screen.type("A");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Date the customer issued it (YYYY-MM-DD, may be left blank)");
    screen.type("2026-10-08");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Date received (YYYY-MM-DD)");
    screen.keypress("backspace");
    for (let i = 0; i < 12; i++) screen.keypress("backspace");
    screen.type("2026-10-01");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("which it must follow");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2026-10-15");
    screen.keypress("enter");
    // The customer's 实施日期, as csr source update asks it (note37): not a date, asked again; then recorded.
    await screen.next();
    expect(screen.getScreen()).toBe("? Customer's effective date (YYYY-MM-DD, may be left blank; revision A is to be met in production from it)");
    screen.type("2027-02-30");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("> ");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2027-01-01");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.out.split("\n").slice(-4)).toEqual([
      "HXQ: source document HXQ-SQM 华夏汽车供应商质量手册 recorded, revision A, received 2026-10-15.",
      "HXQ-SQM A: the customer's effective date is 2027-01-01; the CSRs taken from it are to be in production by then (csr/late-for-customer).",
      "Next: register its requirements with 'csr add --customer HXQ --source HXQ-SQM'.",
      "",
    ]);
    expect(read(dir, "customers/HXQ.yaml")).toContain("sources:\n  - id: HXQ-SQM\n    title: 华夏汽车供应商质量手册\n    revisions:\n      - revision: A\n        issued: 2026-10-08\n        received: 2026-10-15\n        effective: 2027-01-01\n");
  });
});
