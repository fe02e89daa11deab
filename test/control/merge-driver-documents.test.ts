/**
 * Document files (documents/**.yaml) merged by the csr merge driver (tester57 E9), and the names on
 * the driver's conflict markers (tester57 E21): real branches, real `git merge` and `git rebase`,
 * the driver set up with `csr merge-driver --install`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, committedFixture, csr, git } from "../helpers.js";

const QM = "documents/QM-001.yaml";
const read = (dir: string, path = QM) => readFileSync(join(dir, path), "utf8");
const COPY_28 = "  - {copy: 28, version: B/1, to: HR, holder: zhengmin, issued_by: chenjing, date: 2026-04-20}\n";
const COPY_24 = "  - {copy: 24, version: B/1, to: ENG, holder: zhoupeng, issued_by: chenjing, date: 2026-04-20}\n";
const B1_APPROVED = "    approved:\n      by: wangjg\n      date: 2026-04-20\nrelated:\n";

/** The acme-auto example with the driver installed and committed. */
function repository(): string {
  const dir = committedFixture("examples/acme-auto");
  expect(csr(["-C", dir, "merge-driver", "--install"]).code).toBe(0);
  git(dir, ["add", ".gitattributes"]);
  git(dir, ["commit", "-q", "-m", "merge driver"]);
  return dir;
}

/** On a new branch from main: QM-001's text with each [from, to] replaced, committed; back on main. */
function change(dir: string, branch: string, edits: [string, string][], from = "main"): void {
  git(dir, ["switch", "-q", "-c", branch, from]);
  let text = read(dir);
  for (const [a, b] of edits) {
    expect(text).toContain(a);
    text = text.replace(a, b);
  }
  writeFileSync(join(dir, QM), text);
  git(dir, ["commit", "-q", "-am", `${branch}: QM-001`]);
  git(dir, ["switch", "-q", from]);
}

const markers = (text: string) => text.split("\n").filter((l) => /^(<{7}|={7}|>{7})/.test(l));

describe("csr merge-driver for document files", () => {
  it("installs the documents' line beside the CSRs' one, and adds only that to a repository set up before", () => {
    const dir = committedFixture("examples/acme-auto");
    const fresh = csr(["-C", dir, "merge-driver", "--install"], { lang: "en" });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout.split("\n")[0]).toBe(".gitattributes: added 'csr/**/*.yaml merge=csr', 'documents/**/*.yaml merge=csr'.");
    expect(read(dir, ".gitattributes")).toBe(
      "# Work on parallel branches: CSR files are merged opinion by opinion, documents record by record (copies issued, recalls, training, countersigning) (csr merge-driver).\ncsr/**/*.yaml merge=csr\ndocuments/**/*.yaml merge=csr\n",
    );
    expect(csr(["-C", dir, "merge-driver", "--install"], { lang: "en" }).stdout.split("\n")[0]).toBe(".gitattributes already routes CSR and document files to the csr merge driver.");

    const old = "# Countersigning on parallel branches: CSR files are merged opinion by opinion (csr merge-driver).\ncsr/**/*.yaml merge=csr\n";
    writeFileSync(join(dir, ".gitattributes"), old);
    expect(csr(["-C", dir, "merge-driver", "--install"], { lang: "en" }).stdout.split("\n")[0]).toBe(".gitattributes: added 'documents/**/*.yaml merge=csr'.");
    expect(read(dir, ".gitattributes")).toBe(`${old}documents/**/*.yaml merge=csr\n`);
  });

  it("merges a copy issued, a recall, a countersignature and a training session made on parallel branches, each entry by its key", () => {
    const dir = repository();
    // Issue copy 29 to LOG and add 会签 to B/1 on one branch; recall copy 24 and record a training session on the other.
    const copy29 = "  - {copy: 29, version: B/1, to: LOG, holder: mali, issued_by: chenjing, date: 2026-11-02}\n";
    const countersigned = "    countersigned:\n      - by: zhoupeng\n        date: 2026-04-18\n";
    change(dir, "issue", [
      [COPY_28, COPY_28 + copy29],
      [B1_APPROVED, B1_APPROVED.replace("    approved:", `${countersigned}    approved:`)],
    ]);
    const recalled24 = COPY_24.replace("date: 2026-04-20}", "date: 2026-04-20, recalled: 2026-11-03, returned_by: zhoupeng, received_by: chenjing}");
    const training = "training:\n  required: true\n  sessions:\n    - {revision: B/1, date: 2026-11-04, department: QA, trainer: zhangli}\n";
    change(dir, "recall", [
      [COPY_24, recalled24],
      [COPY_28, COPY_28 + training],
    ]);
    const before = read(dir);
    git(dir, ["merge", "-q", "--no-edit", "issue"]);
    git(dir, ["merge", "-q", "--no-edit", "recall"]);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    // Our layout byte for byte: every change in its place, nothing else touched.
    expect(read(dir)).toBe(
      before
        .replace(COPY_24, recalled24)
        .replace(COPY_28, COPY_28 + copy29 + training)
        .replace(B1_APPROVED, B1_APPROVED.replace("    approved:", `${countersigned}    approved:`)),
    );
  }, 60_000);

  it("conflicts only on the copy both branches issued under one 受控号, its markers naming HEAD and the branch merged", () => {
    const dir = repository();
    const copy29 = (to: string, holder: string) => `  - {copy: 29, version: B/1, to: ${to}, holder: ${holder}, issued_by: chenjing, date: 2026-11-02}\n`;
    change(dir, "log-copy", [[COPY_28, COPY_28 + copy29("LOG", "mali")]]);
    change(dir, "pur-copy", [
      [COPY_28, COPY_28 + copy29("PUR", "wuyan")],
      [COPY_24, COPY_24.replace("date: 2026-04-20}", "date: 2026-04-20, recalled: 2026-11-03}")],
    ]);
    git(dir, ["merge", "-q", "--no-edit", "log-copy"]);
    expect(() => git(dir, ["merge", "-q", "--no-edit", "pur-copy"])).toThrow(
      "csr merge-driver: documents/QM-001.yaml：双方都修改了 distribution[29]；请处理标记出的行，然后运行 'git add documents/QM-001.yaml'。\n",
    );
    const text = read(dir);
    expect(markers(text)).toEqual(["<<<<<<< HEAD", "=======", ">>>>>>> pur-copy"]);
    expect(text).toContain(`${COPY_28}<<<<<<< HEAD\n${copy29("LOG", "mali")}=======\n${copy29("PUR", "wuyan")}>>>>>>> pur-copy\n`);
    // The other branch's recall is merged outside the markers.
    expect(text).toContain("date: 2026-04-20, recalled: 2026-11-03}\n");
  }, 60_000);

  it("line-merges the text of two different sections both branches edited, and conflicts a field both changed", () => {
    const dir = repository();
    // Each branch edits another section's text (a list with no key: merged line by line) and the title.
    change(dir, "title-a", [["title: 质量手册\n", "title: 质量手册（IATF 16949）\n"], ["主要顾客为东岳汽车、北辰汽车。", "主要顾客为东岳汽车、北辰汽车、南方重卡。"]]);
    change(dir, "title-b", [["title: 质量手册\n", "title: 公司质量手册\n"], ["准时交付率 ≥ 98%", "准时交付率 ≥ 99%"]]);
    git(dir, ["merge", "-q", "--no-edit", "title-a"]);
    // Both changed the sections too, but the line merge resolved them: the message names the title alone, whose lines are marked (odds59 1).
    expect(() => git(dir, ["merge", "-q", "--no-edit", "title-b"])).toThrow(
      "csr merge-driver: documents/QM-001.yaml：双方都修改了 title；请处理标记出的行，然后运行 'git add documents/QM-001.yaml'。\n",
    );
    const text = read(dir);
    expect(text).toContain("<<<<<<< HEAD\ntitle: 质量手册（IATF 16949）\n=======\ntitle: 公司质量手册\n>>>>>>> title-b\n");
    expect(markers(text)).toEqual(["<<<<<<< HEAD", "=======", ">>>>>>> title-b"]);
    expect(text).toContain("主要顾客为东岳汽车、北辰汽车、南方重卡。");
    expect(text).toContain("      - 准时交付率 ≥ 99%；\n");
  }, 60_000);

  it("names the section whose lines both branches changed, beside another line merged (breaker59 H9)", () => {
    const dir = repository();
    change(dir, "ppm-a", [["准时交付率 ≥ 98%", "准时交付率 ≥ 99%"], ["主要顾客为东岳汽车、北辰汽车。", "主要顾客为东岳汽车、北辰汽车、南方重卡。"]]);
    change(dir, "ppm-b", [["准时交付率 ≥ 98%", "准时交付率 ≥ 98.5%"]]);
    git(dir, ["merge", "-q", "--no-edit", "ppm-a"]);
    const merge = spawnSync("git", ["merge", "-q", "--no-edit", "ppm-b"], { cwd: dir, encoding: "utf8" });
    expect(merge.status).toBe(1);
    expect(merge.stderr.split("\n").filter((line) => line.startsWith("csr merge-driver"))).toEqual([
      "csr merge-driver: documents/QM-001.yaml：双方都修改了 2 质量方针和质量目标 的 text；请处理标记出的行，然后运行 'git add documents/QM-001.yaml'。",
    ]);
    const text = read(dir);
    expect(text).toContain("<<<<<<< HEAD\n      - 准时交付率 ≥ 99%；\n=======\n      - 准时交付率 ≥ 98.5%；\n>>>>>>> ppm-b\n");
    expect(markers(text)).toEqual(["<<<<<<< HEAD", "=======", ">>>>>>> ppm-b"]);
    expect(text).toContain("主要顾客为东岳汽车、北辰汽车、南方重卡。");
  }, 60_000);

  it("names each section in conflict by number and title with what both changed in it, and a section both added at one place", () => {
    const dir = repository();
    change(dir, "sec-a", [
      ["  - title: 质量管理体系范围\n", "  - title: 体系范围\n"],
      ["      - 顾客抱怨 ≤ 3次/年。\n", "      - 顾客抱怨 ≤ 2次/年。\n"],
      ["  - title: 手册结构\n", "  - title: 术语\n    text: 见 GB/T 19000。\n  - title: 手册结构\n"],
    ]);
    change(dir, "sec-b", [
      ["  - title: 质量管理体系范围\n", "  - title: 质量体系范围\n"],
      ["      - 顾客抱怨 ≤ 3次/年。\n", "      - 顾客抱怨 ≤ 1次/年。\n"],
      ["  - title: 手册结构\n", "  - title: 缩略语\n    text: PPM：百万分之不合格品数。\n  - title: 手册结构\n"],
    ]);
    git(dir, ["merge", "-q", "--no-edit", "sec-a"]);
    const merge = spawnSync("git", ["merge", "-q", "--no-edit", "sec-b"], { cwd: dir, encoding: "utf8" });
    expect(merge.status).toBe(1);
    expect(merge.stderr.split("\n").filter((line) => line.startsWith("csr merge-driver"))).toEqual([
      "csr merge-driver: documents/QM-001.yaml：双方都修改了 2 质量方针和质量目标 的 text、3 体系范围 的 title、4 术语 的 title、text；请处理标记出的行，然后运行 'git add documents/QM-001.yaml'。",
    ]);
    // One hunk holds the end of 2's text and 3's title: both are named.
    const text = read(dir);
    expect(text).toContain("<<<<<<< HEAD\n      - 顾客抱怨 ≤ 2次/年。\n  - title: 体系范围\n=======\n      - 顾客抱怨 ≤ 1次/年。\n  - title: 质量体系范围\n>>>>>>> sec-b\n");
    expect(text).toContain("<<<<<<< HEAD\n  - title: 术语\n    text: 见 GB/T 19000。\n=======\n  - title: 缩略语\n    text: PPM：百万分之不合格品数。\n>>>>>>> sec-b\n");
    expect(markers(text)).toEqual(["<<<<<<< HEAD", "=======", ">>>>>>> sec-b", "<<<<<<< HEAD", "=======", ">>>>>>> sec-b"]);
  }, 60_000);

  it("names the commit being applied in a rebase, as git's own markers do", () => {
    const dir = repository();
    change(dir, "local", [["title: 质量手册\n", "title: 公司质量手册\n"]]);
    change(dir, "upstream", [["title: 质量手册\n", "title: 质量手册（IATF 16949）\n"]]);
    const picked = git(dir, ["rev-parse", "--short=7", "local"]).trim();
    git(dir, ["switch", "-q", "local"]);
    expect(() => git(dir, ["rebase", "-q", "upstream"])).toThrow("双方都修改了 title；");
    expect(markers(read(dir))).toEqual(["<<<<<<< HEAD", "=======", `>>>>>>> ${picked} (local: QM-001)`]);
  }, 60_000);

  it("without the documents' line, a document in conflict has csr check say how to get the driver", () => {
    const dir = committedFixture("examples/acme-auto");
    writeFileSync(join(dir, ".gitattributes"), "csr/**/*.yaml merge=csr\n");
    git(dir, ["add", ".gitattributes"]);
    git(dir, ["commit", "-q", "-m", "old attributes"]);
    change(dir, "a", [[COPY_28, `${COPY_28}  - {copy: 29, version: B/1, to: LOG, issued_by: chenjing, date: 2026-11-02}\n`]]);
    change(dir, "b", [[COPY_28, `${COPY_28}  - {copy: 29, version: B/1, to: PUR, issued_by: chenjing, date: 2026-11-02}\n`]]);
    git(dir, ["merge", "-q", "--no-edit", "a"]);
    expect(() => git(dir, ["merge", "-q", "--no-edit", "b"])).toThrow(/ failed: /);
    const finding = checkJson(dir).findings.find((f) => f.rule === "file/merge-conflict");
    expect(finding?.file).toBe(QM);
    expect(finding?.message).toMatch(/^Unresolved merge: .* csr's merge driver merges document files record by record \(copies issued, recalls, training, countersigning on parallel branches\), but this repository does not route them to it: run 'csr merge-driver --install' and commit \.gitattributes\.$/);
  }, 60_000);
});
