/**
 * A customer's engineering specification is not an external standard (tester82 A7; IATF 16949 7.5.3.2.2): on a copy of
 * examples/acme-auto in a real git repository, `csr new external` with a customer as --publisher (by name, by a part of its
 * English name) is refused in one line naming the `csr source add` that puts it on the 10-working-day review clock, which then
 * works as given; a standards body is registered as before; an external document of a customer written by hand is reported by
 * doc/external-of-customer at its publisher, with the same command, until it is withdrawn.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, copyFixture, csr, git, gitInit } from "../helpers.js";

const SPEC = ["--number", "DYA-MS-0123", "--title", "东岳制动软管材料规范", "--revision", "E", "--issued", "2026-11-10", "--received", "2026-11-16", "--department", "QA"];
const SOURCE_ADD = "csr source add DYA --id DYA-MS-0123 --title 东岳制动软管材料规范 --revision E --issued 2026-11-10 --received 2026-11-16 --department QA";

describe("csr new external of a customer's document (tester82 A7)", () => {
  it("refuses a customer as publisher with the csr source add to run, which registers it on the review clock; a standards body is registered", () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(csr(["-C", dir, "numbering", "add", "*", "--kind", "external", "-y"]).code).toBe(0);
    const refused = csr(["-C", dir, "new", "external", "-y", ...SPEC, "--publisher", "东岳汽车股份有限公司"], { lang: null });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      "",
      `csr: 发布单位 东岳汽车股份有限公司 是顾客 DYA（东岳汽车股份有限公司）：顾客的工程标准、规范及其每次换版须在接收后 10 个工作日内评审，并记录每项变更导入生产的日期（IATF 16949 7.5.3.2.2），外来文件没有这一时限，请作为该顾客的来源文件登记：${SOURCE_ADD}\n`,
    ]);
    expect(existsSync(join(dir, "documents", "DYA-MS-0123.yaml"))).toBe(false);
    const english = csr(["-C", dir, "new", "external", "-y", "--number", "Q/DY 0123-2026", "--title", "Hose material", "--publisher", "Dongyue", "--received", "2026-11-16"]);
    expect([english.code, english.stderr]).toEqual([
      2,
      "csr: The publisher Dongyue is the customer DYA (Dongyue Automobile Co., Ltd.): a customer's engineering standard or specification, and each revision of it, is reviewed within 10 working days of receipt, with the date each change goes into production recorded (IATF 16949 7.5.3.2.2), a clock an external document does not have; register it as a source document of that customer: csr source add DYA --id Q-DY-0123-2026 --title \"Hose material\" --received 2026-11-16\n",
    ]);
    const added = csr(["-C", dir, ...SOURCE_ADD.split(" ").slice(1), "--lang", "en"]);
    expect([added.code, added.stderr]).toEqual([0, ""]);
    const check = csr(["-C", dir, "check", "--today", "2026-12-08"]);
    expect(check.stdout).toContain("customers/DYA.yaml:51:19 warning csr/source-unreviewed Revision E of the customer source document DYA-MS-0123 《东岳制动软管材料规范》 was received on 2026-11-16; its review period (10 working days) ended on 2026-11-30");
    const standard = csr(["-C", dir, "new", "external", "-y", "--number", "ISO 9001:2015", "--title", "Quality management systems", "--publisher", "ISO", "--received", "2026-11-16", "--department", "QA"]);
    expect([standard.code, standard.stderr]).toEqual([0, ""]);
  });

  it("reports an external document of a customer at its publisher until it is withdrawn", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    expect(csr(["-C", dir, "numbering", "add", "*", "--kind", "external", "-y"]).code).toBe(0);
    writeFileSync(
      join(dir, "documents", "DYA-MS-0123.yaml"),
      "id: DYA-MS-0123\ntitle: 东岳制动软管材料规范\nlevel: 3\nkind: external\ndepartment: QA\nstatus: released\nexternal:\n  publisher: 东岳汽车股份有限公司技术中心\n  revision: E\n  issued: 2026-11-10\n  received: 2026-11-16\n",
    );
    const findings = async () => (await checkJsonInProcess(dir, "--today", "2026-12-08")).findings.filter((f) => f.rule === "doc/external-of-customer").map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
    expect(await findings()).toEqual([
      `documents/DYA-MS-0123.yaml:8:14 warning The external document DYA-MS-0123 《东岳制动软管材料规范》 is published by 东岳汽车股份有限公司技术中心, the customer DYA (Dongyue Automobile Co., Ltd.): a customer's engineering standard or specification, and each revision of it, is reviewed within 10 working days of receipt, with the date each change goes into production recorded (IATF 16949 7.5.3.2.2), a clock an external document is not on. Register it as a source document of that customer (${SOURCE_ADD}), review it, then withdraw the external document with csr obsolete DYA-MS-0123 --reason ….`,
    ]);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "DYA-MS-0123 registered as an external document"]);
    const withdrawn = csr(["-C", dir, "obsolete", "DYA-MS-0123", "--reason", "改按顾客来源文件管理", "--date", "2026-12-08", "-y"]);
    expect([withdrawn.code, withdrawn.stderr]).toEqual([0, ""]);
    expect(await findings()).toEqual([]);
  });
});
