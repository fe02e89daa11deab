/**
 * `csr sign`: the signatures of the paper originals recorded on documents imported without them
 * (a form register has no 编制/审核/批准 columns), several at once, never replacing one, with the
 * checks of `csr release` (roles, segregation of duties). And the revision such an import writes:
 * released before the repository, its changes on the paper record, as every output says.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { csrInProcess, git, gitInit, minimalRepo, tempDir } from "../helpers.js";

function importedForm(id: string, title: string, date: string, signatures = ""): string {
  const lines = [`id: ${id}`, `title: ${title}`, "level: 4", "kind: form", "department: QA", "status: released", "record: {retention: 3年}", "revisions:", "  - version: A/0", `    date: ${date}`, "    imported: true", signatures];
  return lines.filter(Boolean).join("\n") + "\n";
}

function repository(): string {
  return gitInit(
    minimalRepo({
      "documents/QR-001-01.yaml": importedForm("QR-001-01", "文件发放回收记录", "2023-05-08"),
      "documents/QR-001-02.yaml": importedForm("QR-001-02", "文件更改申请单", "2024-01-15"),
      "documents/QR-001-03.yaml": importedForm("QR-001-03", "记录借阅登记表", "2024-01-15", "    prepared: {by: li}"),
    }),
  );
}

describe("csr sign", () => {
  it("records the signatures of the paper originals on several documents at once, and commits them", async () => {
    const dir = repository();
    const before = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"]);
    expect(before.stdout).toContain(
      "documents/QR-001-01.yaml:9:5 error doc/approval-missing Revision A/0 of the released document QR-001-01 has no prepared and no approved signature. Record the signatures of the paper original: csr sign QR-001-01 --prepared <person> --reviewed <person> --approved <person> --date <date> (leave out --date when the original has no date).\n",
    );
    const signed = await csrInProcess(["-C", dir, "sign", "QR-001-01", "QR-001-02", "--prepared", "张伟", "--reviewed", "李娜", "--approved", "王强", "--date", "2023-05-06", "--commit"]);
    expect(signed.code).toBe(0);
    expect(signed.stderr).toBe("");
    const signatures = "prepared 张伟 (zhang) 2023-05-06, reviewed 李娜 (li) 2023-05-06, approved 王强 (wang) 2023-05-06";
    const commit = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(signed.stdout).toBe(
      [
        "Signed QR-001-01 A/0 (documents/QR-001-01.yaml).",
        "Signed QR-001-02 A/0 (documents/QR-001-02.yaml).",
        `Recorded from the paper original: ${signatures}.`,
        `Committed ${commit}: sign QR-001-01, QR-001-02: ${signatures}`,
        "",
      ].join("\n"),
    );
    expect(parse(readFileSync(join(dir, "documents/QR-001-02.yaml"), "utf8")).revisions).toEqual([
      { version: "A/0", date: "2024-01-15", imported: true, prepared: { by: "zhang", date: "2023-05-06" }, reviewed: { by: "li", date: "2023-05-06" }, approved: { by: "wang", date: "2023-05-06" } },
    ]);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).split("\n").filter(Boolean)).toEqual([
      `sign QR-001-01, QR-001-02: ${signatures}`,
      "documents/QR-001-01.yaml",
      "documents/QR-001-02.yaml",
    ]);
    // Completing a revision entry is not rewriting it: the pull-request check has nothing to say.
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--base", "HEAD~1"]);
    expect(check.stdout.split("\n").filter((l) => / error /.test(l))).toEqual([
      "documents/QR-001-03.yaml:9:5 error doc/approval-missing Revision A/0 of the released document QR-001-03 has no approved signature. Record the signatures of the paper original: csr sign QR-001-03 --reviewed <person> --approved <person> --date <date> (leave out --date when the original has no date).",
    ]);

    // Undated originals: the signatures are recorded without dates, in Chinese in a Chinese repository.
    expect(await csrInProcess(["-C", dir, "sign", "QR-001-03", "--reviewed", "zhang", "--approved", "wang"], { lang: null })).toEqual({
      code: 0,
      stderr: "",
      stdout: "已为 QR-001-03 A/0 版补记签字（documents/QR-001-03.yaml）。\n按纸质原件补记：审核 张伟（zhang）、批准 王强（wang）。\n已写入 documents/QR-001-03.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    });
    expect(parse(readFileSync(join(dir, "documents/QR-001-03.yaml"), "utf8")).revisions[0]).toEqual({
      version: "A/0",
      date: "2024-01-15",
      imported: true,
      prepared: { by: "li" },
      reviewed: { by: "zhang" },
      approved: { by: "wang" },
    });
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);
  });

  it("never replaces a recorded signature, and writes nothing when one document is refused", async () => {
    const dir = repository();
    const original = readFileSync(join(dir, "documents/QR-001-01.yaml"), "utf8");
    expect(await csrInProcess(["-C", dir, "sign", "QR-001-01", "QR-001-03", "--prepared", "张伟", "--reviewed", "李娜", "--approved", "王强"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QR-001-03 A/0 already has prepared 李娜 (li) recorded; signing after the fact only adds the signatures that are missing and never replaces one.\n" +
        "hint: Give only the missing signatures (e.g. only --approved). If a recorded signature differs from the original, find out where it came from first with 'csr history QR-001-03' and git log.\n",
    });
    expect(readFileSync(join(dir, "documents/QR-001-01.yaml"), "utf8")).toBe(original);
  });

  it("checks the signers as csr release does, and dates no signature after the revision", async () => {
    const dir = repository();
    const sign = async (...args: string[]) => (await csrInProcess(["-C", dir, "sign", ...args])).stderr;
    expect(await sign("QR-001-01", "--prepared", "wang", "--approved", "wang")).toBe("csr: 王强 (wang) cannot approve a change they prepared; another approver must sign (segregation of duties).\n");
    // The preparer recorded on the revision counts too.
    expect(await sign("QR-001-03", "--reviewed", "li", "--approved", "wang")).toBe("csr: 李娜 (li) cannot review a change they prepared; another reviewer must sign (segregation of duties).\n");
    expect(await sign("QR-001-01", "--approved", "zhang")).toBe(
      "csr: --approved zhang: 张伟 does not have the role 'approver' in people.yaml (roles: author, reviewer).\nhint: Choose a person with the role 'approver', or, if it was granted, give it with 'csr person update zhang --roles author,reviewer,approver'.\n",
    );
    expect(await sign("QR-001-01", "--approved", "wang", "--date", "2024-01-10")).toBe(
      "csr: --date 2024-01-10 is after the date of QR-001-01 A/0, 2023-05-08: the paper original was signed before that revision took effect. Give the date written on the original; give none when the original has none.\n",
    );
    expect(await sign("QR-001-01", "--prepared", "li", "--reviewed", "zhang", "--prepared-date", "2023-05-02", "--reviewed-date", "2023-05-01")).toBe(
      "csr: --reviewed-date 2023-05-01 is before --prepared-date 2023-05-02; a revision is prepared, reviewed, approved and then takes effect, in that order.\n",
    );
    expect(await sign("QR-001-01")).toBe(
      "csr: Nothing to sign: give at least one of --prepared, --reviewed, --approved, --countersigned, --standardization, --military-representative.\nhint: For example csr sign HY-QR-001-01 HY-QR-001-02 --prepared 陈静 --reviewed 刘强 --approved 黄建国 --date 2023-05-08\n",
    );
  });
});

describe("csr sign on a GJB document", () => {
  /** A level-2 procedure imported with 编制/审核/批准 only, while the layout prints 会签, 标准化审查 and 军代表. */
  function gjbRepository(): string {
    const procedure = [
      "id: QP-010", "title: 设计和开发控制程序", "level: 2", "kind: procedure", "department: QA", "status: released", "effective: 2026-11-20",
      "revisions:", "  - version: A/0", "    date: 2026-11-20", "    imported: true",
      "    prepared: {by: zhang, date: 2026-11-16}", "    reviewed: {by: li, date: 2026-11-18}", "    approved: {by: wang, date: 2026-11-20}",
      "sections:", "  - title: 目的", "    text: 控制设计和开发过程。", "",
    ].join("\n");
    const dir = minimalRepo({ "documents/QP-010.yaml": procedure });
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    writeFileSync(join(dir, "qms.yaml"), `${qms}document_layouts:\n  - levels: [2]\n    signatures: [prepared, reviewed, countersigned, standardization, approved, military_representative]\n`);
    const people = readFileSync(join(dir, "people.yaml"), "utf8");
    writeFileSync(join(dir, "people.yaml"), `${people}  - id: zhao\n    name: 赵敏\n    department: QA\n    roles: [standardization]\n  - id: jun\n    name: 孙军代\n    department: QA\n    roles: []\n`);
    return gitInit(dir);
  }

  it("reports the missing signatures with the command, records them from the original, and then the check is clean", async () => {
    const dir = gjbRepository();
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: null });
    expect(check.stdout.split("\n").filter((l) => / error /.test(l))).toEqual([
      "documents/QP-010.yaml:9:5 error doc/signature-missing 已发布文件 QP-010 的 A/0 版（2026-11-20）缺少会签、标准化审查和军代表签字，而 2 级文件的版式（qms.yaml 的 document_layouts）有这些签字栏，且没有写明从哪天起适用。如果纸质原件有这些签字，请照原件补记：csr sign QP-010 --countersigned <人员> --standardization <人员> --military-representative <人员> --date <签字日期>（原件未写日期时去掉 --date）；如果该版发布时的表样还没有这些签字栏，不要补记，请在该版式上写明启用日期 since: <启用日期>（晚于 2026-11-20），此前发布的版本按原表样检查。",
    ]);
    const sign = (...args: string[]) => csrInProcess(["-C", dir, "sign", "QP-010", ...args]);
    expect(await sign("--countersigned", "李娜", "--standardization", "zhao", "--countersigned-date", "2026-11-19", "--standardization-date", "2026-11-19", "--commit")).toEqual({
      code: 0,
      stderr: "",
      stdout: expect.stringMatching(/^Signed QP-010 A\/0 \(documents\/QP-010\.yaml\)\.\nRecorded from the paper original: countersigned 李娜 \(li\) 2026-11-19, standardization 赵敏 \(zhao\) 2026-11-19\.\nCommitted [0-9a-f]{7}: /),
    });
    // The military representative signs on or after the approval, and before the document takes effect.
    expect((await sign("--military-representative", "jun", "--military-representative-date", "2026-11-23")).stderr).toBe(
      "csr: --military-representative-date 2026-11-23 is after the effective date of QP-010 A/0 (2026-11-20): a document cannot take effect before the military representative has signed it.\n" +
        "hint: If the document did take effect only after the military representative signed, first correct the effective date of QP-010, then record the signature.\n",
    );
    // A 会签 is added beside those recorded.
    // The preparer's own 会签 is none, as csr release refuses it.
    expect((await sign("--countersigned", "zhang", "--countersigned-date", "2026-11-19")).stderr).toBe(
      "csr: 张伟 (zhang) cannot countersign (会签) a change they prepared; 会签 is the agreement of the other departments concerned (segregation of duties). Leave 张伟 out of --countersigned and name instead someone of another department the change concerns.\n",
    );
    expect((await sign("--countersigned", "wang", "--military-representative", "jun", "--countersigned-date", "2026-11-19", "--military-representative-date", "2026-11-20", "--commit")).code).toBe(0);
    expect(parse(readFileSync(join(dir, "documents/QP-010.yaml"), "utf8")).revisions[0]).toEqual({
      version: "A/0",
      date: "2026-11-20",
      imported: true,
      prepared: { by: "zhang", date: "2026-11-16" },
      reviewed: { by: "li", date: "2026-11-18" },
      approved: { by: "wang", date: "2026-11-20" },
      countersigned: [{ by: "li", date: "2026-11-19" }, { by: "wang", date: "2026-11-19" }],
      standardization: { by: "zhao", date: "2026-11-19" },
      military_representative: { by: "jun", date: "2026-11-20" },
    });
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--base", "HEAD~2"])).stdout).toMatch(/✔ No problems/);
    // Adding what was missing is not a rewrite of the revision record.
    expect((await csrInProcess(["-C", dir, "history", "QP-010"])).stdout).not.toContain("!");
    expect((await sign("--countersigned", "li"))).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-010 A/0 already has countersigned 李娜 (li) 2026-11-19 recorded; signing after the fact only adds the signatures that are missing and never replaces one.\n" +
        "hint: Give only the missing signatures (e.g. only --approved). If a recorded signature differs from the original, find out where it came from first with 'csr history QP-010' and git log.\n",
    });
  });

  it("refuses as preparer someone whose 会签 is already recorded, as the preparer's own 会签 is refused", async () => {
    const dir = gjbRepository();
    const path = join(dir, "documents/QP-010.yaml");
    // The paper original's 编制 (孙磊's) was not recorded; 张伟's 会签 was.
    writeFileSync(path, readFileSync(path, "utf8").replace("    prepared: {by: zhang, date: 2026-11-16}\n", "").replace("    approved: {by: wang, date: 2026-11-20}\n", "    countersigned:\n      - {by: zhang, date: 2026-11-19}\n    approved: {by: wang, date: 2026-11-20}\n"));
    writeFileSync(join(dir, "people.yaml"), `${readFileSync(join(dir, "people.yaml"), "utf8")}  - id: sun\n    name: 孙磊\n    department: QA\n    roles: [author]\n`);
    git(dir, ["commit", "-qam", "会签 recorded, 编制 not"]);
    const sign = (...args: string[]) => csrInProcess(["-C", dir, "sign", "QP-010", ...args]);
    expect(await sign("--prepared", "张伟", "--prepared-date", "2026-11-16")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 张伟 (zhang) countersigned (会签) this revision, so cannot have prepared it; 会签 is the agreement of the other departments concerned (segregation of duties). Give as --prepared whoever prepared it, as the paper original shows.\n",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect((await sign("--prepared", "孙磊", "--prepared-date", "2026-11-16")).code).toBe(0);
    expect(parse(readFileSync(path, "utf8")).revisions[0].prepared).toEqual({ by: "sun", date: "2026-11-16" });
  });

  it("checks the GJB signers and dates as csr release does, against the signatures recorded", async () => {
    const dir = gjbRepository();
    const sign = async (...args: string[]) => (await csrInProcess(["-C", dir, "sign", "QP-010", ...args])).stderr;
    expect(await sign("--military-representative", "jun", "--date", "2026-01-05")).toBe(
      "csr: QP-010: the military representative's signature (军代表) on A/0 would be dated 2026-01-05, before the approval (批准) of A/0 (2026-11-20), which it must follow. Give the date written on the paper original.\n",
    );
    expect(await sign("--standardization", "zhao", "--date", "2026-11-10")).toBe(
      "csr: QP-010: the standardization check (标准化审查) of A/0 would be dated 2026-11-10, before the preparation (编制) of A/0 (2026-11-16), which it must follow. Give the date written on the paper original.\n",
    );
    expect(await sign("--military-representative", "zhang")).toBe(
      "csr: 张伟 (zhang) prepared the change and cannot sign it as the military representative (军代表); the military representative must sign it (segregation of duties).\n",
    );
    expect(await sign("--military-representative", "wang")).toBe(
      "csr: 王强 (wang) approved the change and cannot also sign it as the military representative (军代表): the representative's signature is the customer's, not the organisation's approval.\n",
    );
    expect(await sign("--standardization", "li")).toBe(
      "csr: --standardization li: 李娜 does not have the role 'standardization' in people.yaml (roles: author, reviewer).\nhint: Choose a person with the role 'standardization', or, if it was granted, give it with 'csr person update li --roles author,reviewer,standardization'.\n",
    );
    expect(await sign("--military-representative", "nobody")).toMatch(/^csr: --military-representative nobody: /);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });
});

describe("a revision imported from a register", () => {
  it("says in every output that it predates csr and its changes are on the paper record", async () => {
    const dir = repository();
    const out = tempDir();
    expect((await csrInProcess(["-C", dir, "render", "QR-001-01", "--format", "md", "--out", out], { lang: null })).code).toBe(0);
    expect(readFileSync(join(out, "QR-001-01.zh-CN.md"), "utf8")).toContain("| 2023-05-08 | 导入前已发布的版本，修订内容见原纸质记录 |  | A/0 |  |\n");
    expect((await csrInProcess(["-C", dir, "render", "QR-001-01", "--format", "md", "--lang", "en", "--out", out])).code).toBe(0);
    expect(readFileSync(join(out, "QR-001-01.en.md"), "utf8")).toContain("| 2023-05-08 | Released before csr; the changes are on the paper record |  | A/0 |  |\n");
    const history = await csrInProcess(["-C", dir, "history", "QR-001-01"], { lang: null });
    expect(history.stdout).toContain("导入前已发布的版本，修订内容见原纸质记录");
  });
});
