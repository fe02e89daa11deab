/**
 * A printed layout (qms.yaml document_layouts) is a form: a 会签 cell added to it from a day on
 * (`since`) is no cell of the revisions issued before, which keep the form they were issued on
 * (tester16 F1); a level with no layout is printed on the default one, which has a 会签 cell for a
 * revision countersigned (tester56 D6). On a real git repository: csr release (the first release and the refusal)
 * through the built binary, check, show, render, list and the second release in the test's process (csrInProcess).
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, git, gitInit, minimalRepo, releasedProcedure } from "../helpers.js";

/** QP-001, released as A/0 in March on the form of that time: 编制, 审核, 批准 and no 会签. */
const QP001 = releasedProcedure("QP-001", "文件控制程序", { title: "目的", text: "控制文件的编制、审批、发放和更改。" });

const errors = (stdout: string) => stdout.split("\n").filter((line) => / error /.test(line));
/** csr check in the test's process (csrInProcess): its output is the findings, which the binary's checks have tests of. */
const check = (dir: string) => csrInProcess(["-C", dir, "check", "--no-cache", "--today", "2026-12-01"]);

describe("a document layout with a 会签 cell from a day on (since)", () => {
  it("records a 会签 on a level the organisation gave no layout, and prints it: the default layout has its cell for a revision countersigned (tester56 D6)", async () => {
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": QP001 }));
    writeFileSync(join(dir, "documents/QP-001.yaml"), QP001.replace("控制文件的编制、审批、发放和更改。", "控制文件的编制、审核、批准、发放和更改。"));
    git(dir, ["commit", "-qam", "修订稿"]);
    const result = csr(["-C", dir, "release", "QP-001", "--summary", "增加会签", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--countersigned", "li", "--prepared-date", "2026-11-28", "--reviewed-date", "2026-11-29", "--countersigned-date", "2026-11-30", "--date", "2026-12-01", "-y"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(errors((await check(dir)).stdout)).toEqual([]);
    expect((await csrInProcess(["-C", dir, "show", "QP-001", "--today", "2026-12-01"])).stdout).toMatch(/^ {2}Signatures +A\/1: prepared 张伟 2026-11-28 \/ reviewed 李娜 2026-11-29 \/ countersigned 李娜 2026-11-30 \/ approved 王强 2026-12-01$/m);
    const printed = await csrInProcess(["-C", dir, "render", "QP-001", "--format", "md", "--out", join(dir, "out.md")]);
    expect(printed.code).toBe(0);
    expect(readFileSync(join(dir, "out.md"), "utf8")).toContain("| Prepared | 张伟 2026-11-28 | Reviewed | 李娜 2026-11-29 | Countersigned | 李娜 2026-11-30 |");
    // The controlled document list gets the 会签 column its printed copies carry.
    const listed = (await csrInProcess(["-C", dir, "list", "documents", "--format", "csv", "--today", "2026-12-01"])).stdout.split("\n");
    expect(listed[0]).toContain(",Countersigned,");
    expect(listed[1]).toContain(",A/1,张伟,李娜,李娜,王强,");
  });

  it("leaves the revisions issued before on their own form, and requires the 会签 of a release from that day", async () => {
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": QP001 }));
    appendFileSync(join(dir, "qms.yaml"), "document_layouts:\n  - { levels: [2], since: 2026-12-01, signatures: [prepared, reviewed, approved, countersigned] }\n");
    expect(errors((await check(dir)).stdout)).toEqual([]);
    git(dir, ["commit", "-qam", "程序文件表样增加会签栏"]);
    writeFileSync(join(dir, "documents/QP-001.yaml"), QP001.replace("控制文件的编制、审批、发放和更改。", "控制文件的编制、审核、批准、发放和更改。"));
    git(dir, ["commit", "-qam", "修订稿"]);
    // The refusal through the built binary, the release in the test's process.
    const release = ["-C", dir, "release", "QP-001", "--summary", "增加会签", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-12-01", "-y"];
    expect(csr(release).stderr).toBe("csr: The printed layout of level 2 documents (qms.yaml document_layouts) has a 会签 (countersigned) signature; give it with --countersigned <person>.\n");
    const released = await csrInProcess([...release, "--countersigned", "li"]);
    expect(released.stderr).toBe("");
    expect(released.code).toBe(0);
    expect(errors((await check(dir)).stdout)).toEqual([]);
  });

  it("does not tell the user to back-fill a 会签 the original never had when the layout says no day", async () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": QP001 });
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    writeFileSync(join(dir, "qms.yaml"), `${qms}document_layouts:\n  - { levels: [2], signatures: [prepared, reviewed, approved, countersigned] }\n`);
    expect(errors((await check(dir)).stdout)).toEqual([
      "documents/QP-001.yaml:8:5 error doc/signature-missing Revision A/0 (2026-03-02) of the released document QP-001 has no 会签 (countersigned) signature, which the printed layout of level 2 documents shows (qms.yaml document_layouts), and the layout does not say from when it applies. If the paper original has these signatures, record them as it shows them: csr sign QP-001 --countersigned <person> --date <date> (leave out --date when the original has no date); if the revision was issued on a form without these cells, record nothing: give the layout the day it was introduced, since: <date> (after 2026-03-02), and the revisions issued before are checked against their own form.",
    ]);
    // The day the layout was introduced, after A/0: A/0 keeps its form.
    writeFileSync(join(dir, "qms.yaml"), `${qms}document_layouts:\n  - { levels: [2], since: 2026-03-03, signatures: [prepared, reviewed, approved, countersigned] }\n`);
    expect(errors((await check(dir)).stdout)).toEqual([]);
    // A layout introduced by the revision's day is the form it was issued on: a missing 会签 is a signature to copy from the original.
    writeFileSync(join(dir, "qms.yaml"), `${qms}document_layouts:\n  - { levels: [2], since: 2026-03-02, signatures: [prepared, reviewed, approved, countersigned] }\n`);
    expect(errors((await check(dir)).stdout)).toEqual([
      "documents/QP-001.yaml:8:5 error doc/signature-missing Revision A/0 of the released document QP-001 has no 会签 (countersigned) signature, which the printed layout of level 2 documents shows (qms.yaml document_layouts). Record the signatures of the paper original: csr sign QP-001 --countersigned <person> --date <date> (leave out --date when the original has no date).",
    ]);
  });
});
