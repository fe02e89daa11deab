/**
 * `csr sign`: the signatures of the paper originals recorded on documents imported without them
 * (a form register has no 编制/审核/批准 columns), several at once, never replacing one, with the
 * checks of `csr release` (roles, segregation of duties). And the revision such an import writes:
 * released before the repository, its changes on the paper record, as every output says.
 */
import { readFileSync } from "node:fs";
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
      stdout: "已为 QR-001-03 A/0 版补记签字（documents/QR-001-03.yaml）。\n按纸质原件补记：审核 张伟（zhang）、批准 王强（wang）。\n",
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
      "csr: --approved zhang: 张伟 does not have the role 'approver' in people.yaml (roles: author, reviewer).\nhint: Choose a person with the role 'approver', or add the role in people.yaml if it was granted.\n",
    );
    expect(await sign("QR-001-01", "--approved", "wang", "--date", "2024-01-10")).toBe(
      "csr: --date 2024-01-10 is after the date of QR-001-01 A/0, 2023-05-08: the paper original was signed before that revision took effect. Give the date written on the original; give none when the original has none.\n",
    );
    expect(await sign("QR-001-01", "--prepared", "li", "--reviewed", "zhang", "--prepared-date", "2023-05-02", "--reviewed-date", "2023-05-01")).toBe(
      "csr: --reviewed-date 2023-05-01 is before --prepared-date 2023-05-02; a revision is prepared, reviewed, approved and then takes effect, in that order.\n",
    );
    expect(await sign("QR-001-01")).toBe(
      "csr: Nothing to sign: give at least one of --prepared, --reviewed, --approved.\nhint: For example csr sign HY-QR-001-01 HY-QR-001-02 --prepared 陈静 --reviewed 刘强 --approved 黄建国 --date 2023-05-08\n",
    );
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
