/**
 * The departments that must countersign a revision (tester61 L13; IATF 16949 7.5.2, 8.5.6): qms.yaml
 * `document_control.countersign` by kind, a document's own `countersign_departments`. csr release
 * refuses a revision without them, csr show prints the 会签 required against those given, and csr
 * check reports a current revision without one (doc/countersign-missing), from the requirement's `since`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, copyFixture, copyRepository, csr, git, gitInit } from "../helpers.js";

const WI = "documents/instructions/WI-010-01.yaml";

/** acme-auto with QA required on every work instruction from 2026-12-01, and WI-010-01's revision draft (ECN-2026-118) committed. */
const repository = builtOnce((): string => {
  const dir = copyFixture("examples/acme-auto");
  const qms = join(dir, "qms.yaml");
  writeFileSync(qms, readFileSync(qms, "utf8").replace("confidentiality:", "document_control:\n  countersign:\n    instruction: [{department: QA, since: 2026-12-01}]\nconfidentiality:"));
  gitInit(dir);
  expect(csr(["-C", dir, "submit", "WI-010-01", "--by", "gaoyang", "--date", "2026-12-01"]).code).toBe(0);
  const file = join(dir, WI);
  writeFileSync(file, readFileSync(file, "utf8").replace("3. 每2小时抽测5件扣压外径并记录", "3. 每1小时抽测5件扣压外径并记录（东岳ECN-2026-118）"));
  git(dir, ["commit", "-qam", "WI-010-01 修订稿"]);
  return dir;
});

const release = (dir: string, ...more: string[]) =>
  csr(["-C", dir, "release", "WI-010-01", "--summary", "扣压外径抽测频次由每2小时改为每1小时", "--total-pages", "1", "--pages", "P1", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--prepared-date", "2026-12-01", "--reviewed-date", "2026-12-02", "--approved-date", "2026-12-03", "--date", "2026-12-03", "--effective", "2026-12-14", "-y", ...more], { lang: "zh-CN" });

describe("departments that must countersign a revision", () => {
  it("csr check reports nothing of the revisions released before the requirement's day", async () => {
    const dir = await repository();
    const result = csr(["-C", dir, "check", "--today", "2026-12-05"]);
    expect(result.stdout).not.toContain("doc/countersign-missing");
  });

  it("csr release refuses a revision without QA's 会签, naming the department and who could sign", async () => {
    const dir = copyRepository(await repository());
    const head = git(dir, ["rev-parse", "HEAD"]);
    const result = release(dir, "--countersigned", "zhoupeng");
    expect(result.stderr).toBe("csr: WI-010-01 的修订须经 QA（品质部）会签，而 --countersigned 中没有代表该部门会签的人员：请用 --countersigned <人员> 加上（品质部：张丽（zhangli）、陈静（chenjing）、赵强（zhaoqiang））。\n");
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
  });

  it("releases with QA's 会签; csr show prints it against the requirement; removed by hand, csr check reports it", async () => {
    const dir = copyRepository(await repository());
    expect(release(dir, "--countersigned", "zhaoqiang,zhoupeng").code).toBe(0);
    const show = csr(["-C", dir, "show", "WI-010-01", "--today", "2026-12-05"], { lang: "zh-CN" });
    expect(show.stdout).toContain("\n  须会签部门      A/2：品质部 赵强\n");
    const file = join(dir, WI);
    writeFileSync(file, readFileSync(file, "utf8").replace("      - by: zhaoqiang\n        date: 2026-12-03\n", ""));
    const check = csr(["-C", dir, "check", "--today", "2026-12-05"]);
    expect(check.stdout.split("\n").filter((l) => l.includes(" error doc/countersign-missing "))).toEqual([
      `${WI}:41:5 error doc/countersign-missing Revision A/2 (2026-12-03) of the released document WI-010-01 has no 会签 (countersignature) of QA (Quality Assurance), which its revisions need from that day (qms.yaml document_control.countersign.instruction). If the paper original carries it, record it: csr sign WI-010-01 --countersigned <person> --date <date>; otherwise release a new revision with it (csr release … --countersigned <person>).`,
    ]);
    expect(check.code).toBe(1);
    expect(csr(["-C", dir, "show", "WI-010-01", "--today", "2026-12-05"], { lang: "zh-CN" }).stdout).toContain("\n  须会签部门      A/2：品质部（未会签）\n");
  });
});
