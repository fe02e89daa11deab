/**
 * `csr release` at a terminal asks for what its options leave open (GJB month report #13), driven
 * with @inquirer/testing: the summary, each signature of the document's GJB layout offering only
 * the people the release accepts for it, and the release date. Without a terminal it refuses as before.
 */
import { checkbox, input, select } from "@inquirer/prompts";
import { screen, wrapPrompt } from "@inquirer/testing/vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompts } from "../../src/commands/add/prompting.js";
import { refuseGjbSharedDuties, refuseSharedDuties, releaseDocument, SEPARATE_DUTIES } from "../../src/commands/release/index.js";
import { UserError } from "../../src/core/errors.js";
import { SIGNATURE_ROLES, type Person, type SignatureRole } from "../../src/model/types.js";
import { capture } from "../csr/fixture.js";
import { csrInProcess, git, gitInit, minimalRepo } from "../helpers.js";

const prompts = { input: wrapPrompt(input), select: wrapPrompt(select), checkbox: wrapPrompt(checkbox) } as unknown as Prompts;

const DRAFT = ["id: QP-020", "title: 顾客要求管理程序", "level: 2", "kind: procedure", "department: QA", "status: in-review", "sections:", "  - title: 目的", "    text: 规定顾客要求的评审。", ""].join("\n");

/**
 * Level 2 prints 会签, 标准化审查 and 军代表; the 军代表室 (MRO) is an outside party whose 孙军代 signs
 * as 军代表 only. 赵敏 may prepare, review, approve and check standardization; 张伟 and 李娜 prepare
 * and review; 王强 approves.
 */
function gjbRepo(): string {
  const repo = minimalRepo({ "documents/QP-020.yaml": DRAFT });
  const qms = readFileSync(join(repo, "qms.yaml"), "utf8");
  writeFileSync(
    join(repo, "qms.yaml"),
    `${qms}external_parties:\n  - code: MRO\n    name: 军代表室\n    kind: military-representative\ndocument_layouts:\n  - levels: [2]\n    signatures: [prepared, reviewed, countersigned, standardization, approved, military_representative]\n`,
  );
  const people = readFileSync(join(repo, "people.yaml"), "utf8");
  writeFileSync(join(repo, "people.yaml"), `${people}  - id: zhao\n    name: 赵敏\n    department: QA\n    roles: [author, reviewer, approver, standardization]\n  - id: jun\n    name: 孙军代\n    department: MRO\n    roles: []\n`);
  return gitInit(repo);
}

describe("csr release at a terminal", () => {
  it("asks for the summary, each signature of the layout among the people who may sign it, and the date", async () => {
    const repo = gjbRepo();
    const ctx = capture(repo);
    const done = releaseDocument(ctx, "QP-020", {}, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Summary of the change (修订内容)");
    screen.type("首次发布");
    screen.keypress("enter");
    await screen.next();
    // Authors only, the document's department (品质部) first, ids in one column; the 军代表 prepares nothing. 赵敏 is shown
    // but cannot be chosen: the only one who may check standardization, she would leave 标准化审查 to nobody.
    expect(screen.getScreen()).toBe(
      "? Prepared by (编制)\n❯ zhang  张伟 (品质部)\n- zhao   赵敏 (品质部) (would leave nobody to sign: standardization)\n  li     李娜 (市场部)\n\n↑↓ navigate • ⏎ select",
    );
    screen.keypress("enter");
    await screen.next();
    // Not the preparer.
    expect(screen.getScreen()).toBe("? Reviewed by (审核)\n❯ zhao  赵敏 (品质部)\n  li    李娜 (市场部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    // Not the preparer, whose agreement to his own change is none; the reviewer may countersign for 市场部, as --countersigned takes him.
    expect(screen.getScreen()).toContain("? Countersigned by (会签; one or more)\n❯◯ wang  王强 (品质部)\n ◯ zhao  赵敏 (品质部)\n ◯ li    李娜 (市场部)\n");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("At least one choice must be selected");
    screen.keypress("down");
    screen.keypress("space");
    screen.keypress("enter");
    await screen.next();
    // The role standardization, and not the preparer.
    expect(screen.getScreen()).toBe("? Standardization check by (标准化审查)\n❯ zhao  赵敏 (品质部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    await screen.next();
    // The role approver, neither the preparer nor the reviewer; 赵敏, who countersigned, may approve, as --approved takes her.
    expect(screen.getScreen()).toBe("? Approved by (批准)\n❯ wang  王强 (品质部)\n  zhao  赵敏 (品质部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    await screen.next();
    // Only the 军代表室's people sign as 军代表.
    expect(screen.getScreen()).toBe("? Military representative (军代表)\n❯ jun  孙军代 (军代表室)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toMatch(/^\? Release date, the revision's date \(YYYY-MM-DD\) \(\d{4}-\d{2}-\d{2}\)$/);
    screen.type("2024-03-01");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.err).toBe("");
    expect(ctx.out.replace(/commit [0-9a-f]{7}/, "commit X")).toBe("Released QP-020 A/0 (documents/QP-020.yaml): commit X, tag QP-020/A-0.\n");
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain(
      [
        "revisions:",
        "  - version: A/0",
        "    date: 2024-03-01",
        "    summary: 首次发布",
        "    prepared:", "      by: zhang", "      date: 2024-03-01",
        "    reviewed:", "      by: li", "      date: 2024-03-01",
        "    countersigned:", "      - by: zhao", "        date: 2024-03-01",
        "    standardization:", "      by: zhao", "      date: 2024-03-01",
        "    approved:", "      by: wang", "      date: 2024-03-01",
        "    military_representative:", "      by: jun", "      date: 2024-03-01",
        "",
      ].join("\n"),
    );
  });

  it("asks only for what the options leave open, and says what refuses the release whatever the answers before asking", async () => {
    const repo = gjbRepo();
    const ctx = capture(repo);
    const done = releaseDocument(ctx, "QP-020", { summary: "首次发布", prepared: "zhang", reviewed: "li", approved: "wang", countersigned: ["li"], standardization: "zhao", date: "2024-03-01" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Military representative (军代表)\n❯ jun  孙军代 (军代表室)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain("    military_representative:\n      by: jun\n      date: 2024-03-01\n");

    const empty = gjbRepo();
    writeFileSync(join(empty, "documents/QP-020.yaml"), DRAFT.replace("    text: 规定顾客要求的评审。\n", ""));
    await expect(releaseDocument(capture(empty), "QP-020", {}, prompts)).rejects.toMatchObject({ message: "QP-020 has sections without text: 1 目的. A controlled document is not released blank." });
  });

  it("shows the uncommitted changes of the document's file and releases them only when the answer says so", async () => {
    const repo = gjbRepo();
    const path = join(repo, "documents/QP-020.yaml");
    const edited = DRAFT.replace("规定顾客要求的评审。", "规定顾客要求的评审和落实。");
    writeFileSync(path, edited);
    const all = { summary: "首次发布", prepared: "zhang", reviewed: "li", approved: "wang", countersigned: ["li"], standardization: "zhao", militaryRepresentative: "jun", date: "2024-03-01" };
    const declined = releaseDocument(capture(repo), "QP-020", all, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe(
      "? documents/QP-020.yaml has uncommitted changes (sections; +1 −1 lines): the release commits them as part of the new revision of QP-020.\n❯ Release these changes with it\n  Do not release (see them first with 'git diff -- documents/QP-020.yaml')\n\n↑↓ navigate • ⏎ select",
    );
    screen.keypress("down");
    screen.keypress("enter");
    await expect(declined).rejects.toMatchObject({ message: "QP-020 was not released and nothing was written: the changes of documents/QP-020.yaml are left as they are ('git diff -- documents/QP-020.yaml' lists them)." });
    expect([readFileSync(path, "utf8"), git(repo, ["tag"])]).toEqual([edited, ""]);

    const ctx = capture(repo);
    const released = releaseDocument(ctx, "QP-020", all, prompts);
    await screen.next();
    screen.keypress("enter");
    expect(await released).toBe(0);
    expect(git(repo, ["show", "HEAD:documents/QP-020.yaml"])).toContain("规定顾客要求的评审和落实。");
    expect(git(repo, ["status", "--porcelain"])).toBe("");
  });

  it("refuses a document that refers to a form never released before the first question, as the release would after the answers", async () => {
    const repo = gjbRepo();
    writeFileSync(join(repo, "documents/QP-020.yaml"), DRAFT.replace("status: in-review\n", "status: in-review\nforms: [QR-020-01]\n"));
    writeFileSync(join(repo, "documents/QR-020-01.yaml"), ["id: QR-020-01", "title: 顾客要求评审表", "level: 4", "kind: form", "department: QA", "status: draft", "record:", "  retention: 3年", ""].join("\n"));
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-qm", "form"]);
    const ctx = capture(repo);
    const asking = () => Promise.reject(new Error("asked"));
    const error = await releaseDocument(ctx, "QP-020", {}, { input: asking, select: asking, checkbox: asking } as unknown as Prompts).catch((e: unknown) => e);
    const message = [
      "QP-020 has 1 error of its own once released; csr releases no document with errors (IATF 16949 7.5.2):",
      "  documents/QP-020.yaml:7:9 doc/unreleased-referenced QP-020 refers to QR-020-01, which has never been released (draft). Release QR-020-01 first ('csr release QR-020-01'), or remove the reference and release a new revision of QP-020.",
    ].join("\n");
    expect(error).toMatchObject({ message, hint: "Fix them as each message says ('csr explain <rule>' tells more), then release QP-020 again." });
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).not.toContain("revisions:");
    // The same words as the release gives once every signature is given; that one counts lines in the file with its
    // new revision (written above forms), the one before the questions in the file as it is.
    const all = ["--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--countersigned", "zhao", "--standardization", "zhao", "--military-representative", "jun", "--date", "2024-03-01", "-y"];
    expect((await csrInProcess(["-C", repo, "release", "QP-020", ...all])).stderr).toBe(`csr: ${message.replace(":7:9 ", ":30:9 ")}\nhint: Fix them as each message says ('csr explain <rule>' tells more), then release QP-020 again.\n`);
  });

  it("offers for each signature exactly whom the options accept: 会签 to all but the preparer, 编制 to none named for a duty apart from it", async () => {
    const repo = gjbRepo();
    const done = releaseDocument(capture(repo), "QP-020", { summary: "首次发布", prepared: "zhang", reviewed: "li", approved: "wang", standardization: "zhao", militaryRepresentative: "jun", date: "2024-03-01" }, prompts);
    await screen.next();
    // The reviewer and the approver given by the options may countersign, as --countersigned takes them.
    expect(screen.getScreen()).toContain("? Countersigned by (会签; one or more)\n❯◯ wang  王强 (品质部)\n ◯ zhao  赵敏 (品质部)\n ◯ li    李娜 (市场部)\n");
    screen.keypress("space");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(readFileSync(join(repo, "documents/QP-020.yaml"), "utf8")).toContain("    countersigned:\n      - by: wang\n");

    // 李娜 reviews and 赵敏 countersigns and checks standardization: --prepared would refuse both, so only 张伟 is offered.
    const other = gjbRepo();
    const asked = releaseDocument(capture(other), "QP-020", { summary: "首次发布", reviewed: "li", approved: "wang", countersigned: ["zhao"], standardization: "zhao", militaryRepresentative: "jun", date: "2024-03-01" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Prepared by (编制)\n❯ zhang  张伟 (品质部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    expect(await asked).toBe(0);

    const again = gjbRepo();
    const args = ["-C", again, "release", "QP-020", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--countersigned", "zhao,张伟", "--standardization", "zhao", "--military-representative", "jun", "-y"];
    expect(await csrInProcess(args, { lang: "zh-CN" })).toEqual({ code: 2, stdout: "", stderr: "csr: 张伟（zhang）不能会签自己编制的更改；会签须由其他相关部门签署（职责分离）。请从 --countersigned 中去掉 张伟，改为更改所涉及的其他部门的人员。\n" });
  });

  it("keeps apart exactly the signatures the release refuses to one person (SEPARATE_DUTIES)", () => {
    const one: Person = { id: "zhang", name: "张伟", department: "QA", roles: [] };
    const refused = (a: SignatureRole, b: SignatureRole) => {
      const signer = (role: SignatureRole) => (role === a || role === b ? one : undefined);
      try {
        refuseSharedDuties(signer("prepared"), signer("reviewed"), signer("approved"));
        refuseGjbSharedDuties(signer("prepared"), signer("approved"), signer("standardization"), signer("military_representative"), a === "countersigned" || b === "countersigned" ? [one] : []);
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return true;
      }
    };
    const pairs = SIGNATURE_ROLES.flatMap((a, i) => SIGNATURE_ROLES.slice(i + 1).map((b) => [a, b] as const));
    const key = ([a, b]: readonly [SignatureRole, SignatureRole]) => [a, b].sort().join(" + ");
    expect(pairs.filter(([a, b]) => refused(a, b)).map(key).sort()).toEqual(SEPARATE_DUTIES.map(key).sort());
    expect(SEPARATE_DUTIES.map(key)).toContain("countersigned + prepared");
  });

  it("shows disabled, with the reason, a signer who would leave a later signature to nobody (the only approver as 审核)", async () => {
    const repo = gjbRepo();
    // 王强 is the only approver left once 张伟 prepares: offered as 审核 he would leave 批准 to nobody.
    writeFileSync(join(repo, "people.yaml"), readFileSync(join(repo, "people.yaml"), "utf8").replace("roles: [author, reviewer, approver, standardization]", "roles: [author, reviewer, standardization]").replace(/(id: wang\n(?: {4}.*\n)*? {4}roles: )\[approver\]/, "$1[reviewer, approver]"));
    git(repo, ["commit", "-qam", "wang reviews too"]);
    const ctx = capture(repo);
    const done = releaseDocument(ctx, "QP-020", { summary: "首次发布", prepared: "zhang", countersigned: ["li"], standardization: "zhao", militaryRepresentative: "jun", date: "2024-03-01" }, prompts);
    await screen.next();
    expect(screen.getScreen()).toBe("? Reviewed by (审核)\n- wang  王强 (品质部) (would leave nobody to sign: approved)\n❯ zhao  赵敏 (品质部)\n  li    李娜 (市场部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toBe("? Approved by (批准)\n❯ wang  王强 (品质部)\n\n↑↓ navigate • ⏎ select");
    screen.keypress("enter");
    expect(await done).toBe(0);
    expect(ctx.err).toBe("");
  });

  it("says so when nobody may sign a signature it would ask for", async () => {
    const repo = gjbRepo();
    writeFileSync(join(repo, "people.yaml"), readFileSync(join(repo, "people.yaml"), "utf8").replace(/ {2}- id: jun\n[\s\S]*$/, ""));
    git(repo, ["commit", "-qam", "no 军代表 yet"]);
    const done = releaseDocument(capture(repo), "QP-020", { summary: "首次发布", prepared: "zhang", reviewed: "li", approved: "wang", countersigned: ["li"], standardization: "zhao" }, prompts);
    await expect(done).rejects.toMatchObject({ message: "Nobody may sign as military representative: people.yaml has no one of 军代表室; add the military representative with 'csr person add' first." });
  });

  it("without a terminal (or with -y), refuses in one line naming the options, as before", async () => {
    const repo = gjbRepo();
    expect(await csrInProcess(["-C", repo, "release", "QP-020"])).toEqual({ code: 2, stdout: "", stderr: "csr: --summary is required: what changed, e.g. --summary '增加评审期限'.\n" });
    expect(await csrInProcess(["-C", repo, "release", "QP-020", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "-y"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 2 级文件的版式（qms.yaml 的 document_layouts）有会签、标准化审查和军代表签字栏；请用 --countersigned <人员>、--standardization <人员> 和 --military-representative <人员> 给出。\n",
    });
  });
});
