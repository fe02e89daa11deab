/**
 * A document's training session without `revision` (written by hand; `csr train` writes it) counts for
 * the version in force, on its day, in the commit that added it (load/training-records.ts): committed
 * after a version's release it trains that version, committed before it the one before, whatever day it
 * gives. `csr check` (doc/training-overdue), the site's training list and a person's page agree.
 * Real commits in a temporary git repository.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, commitAt, csr, tempDir } from "../helpers.js";
import { threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const PATH = "documents/QP-005.yaml";
// QP-005 A/1 took effect on 2026-10-12: training due by 2026-11-09.
const withA1 = trainingProcedure() + "training:\n  required: true\n";
const onlyA0 = withA1.replace(/  - version: A\/1\n(    .*\n)+?(?=sections:)/, "").replace("effective: 2026-10-12\n", "");
// Everyone to train on QP-005: 品质部 张伟 and 王强, and 市场部 李娜 and 生产部 赵磊, who hold it.
const session = (date: string, record: string) => `  sessions:\n    - {date: ${date}, people: [zhang, wang, li, zhao], trainer: zhang, record: ${record}}\n`;

const overdue = (dir: string) => checkJson(dir, "--today", "2026-12-01").findings.filter((f) => f.rule === "doc/training-overdue").map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
const A1_OVERDUE = `${PATH}:29:13 QP-005 A/1 took effect on 2026-10-12 and needs training, but no training on A/1 is recorded (due by 2026-10-12, the day it takes effect: training comes before the work). Record it with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.`;

/** The rows of the site's list of overdue document trainings, and the trainings 张伟 (品质部, QP-005's department) owes on his page (document, version, due, state). */
function site(dir: string): { list: string[]; zhang: string[] } {
  const out = join(tempDir(), "site");
  const built = csr(["-C", dir, "site", "--out", out, "--today", "2026-12-01"], { lang: "zh-CN" });
  expect(built.code).toBe(0);
  const list = [...readFileSync(join(out, "lists", "doc-training-overdue.html"), "utf8").matchAll(/<tr><td class="number">\d+<\/td><td class="code"><a [^>]+>([^<]+)<\/a><\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
  const page = readFileSync(join(out, "people", "zhang.html"), "utf8");
  const training = page.includes('id="training"') ? page.split('id="training"')[1]!.split("</section>")[0]! : "";
  const zhang = [...training.matchAll(/<tr><td><a href="[^"]+">([^<]+)<\/a><\/td><td>[^<]*<\/td><td>([^<]*)<\/td><td class="date">([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1).join(" "));
  return { list, zhang };
}

describe("a document's training session without a revision (changes59 leftover)", () => {
  it("trains the version in force when it was committed, not the one its day falls in, and check, the site's list and a person's page agree", () => {
    const dir = threeDepartmentRepo({ [PATH]: onlyA0 });
    // Given on 2026-10-20, a day after A/1's release date, but committed on 2026-10-10, before A/1 was: A/0's training.
    writeFileSync(join(dir, PATH), onlyA0 + session("2026-10-20", "TR-2026-031"));
    commitAt(dir, "2026-10-10", "training on QP-005");
    writeFileSync(join(dir, PATH), withA1 + session("2026-10-20", "TR-2026-031"));
    commitAt(dir, "2026-10-12", "release QP-005 A/1");
    expect(overdue(dir)).toEqual([A1_OVERDUE]);
    expect(site(dir)).toEqual({ list: ["QP-005 A/1 版的换版培训"], zhang: ["QP-005 A/1 2026-10-12 逾期"] });

    // The same kind of session, committed after the release: A/1's training, on every output.
    writeFileSync(join(dir, PATH), withA1 + session("2026-10-20", "TR-2026-031") + "    - {date: 2026-10-21, people: [zhang, wang, li, zhao], trainer: zhang, record: TR-2026-040}\n");
    commitAt(dir, "2026-10-21", "training on QP-005");
    expect(overdue(dir)).toEqual([]);
    expect(site(dir)).toEqual({ list: [], zhang: [] });
  });

  it("counts one written since the last commit for the version in force on its day, and one in the first version's time for the first", () => {
    const dir = threeDepartmentRepo({ [PATH]: withA1 });
    expect(overdue(dir)).toEqual([A1_OVERDUE]);
    // Dated before A/1 was released: A/0's, uncommitted or not.
    writeFileSync(join(dir, PATH), withA1 + session("2026-10-09", "TR-2026-030"));
    expect(overdue(dir)).toEqual([A1_OVERDUE]);
    writeFileSync(join(dir, PATH), withA1 + session("2026-10-13", "TR-2026-031"));
    expect(overdue(dir)).toEqual([]);

    // Outside git nothing tells which later version a session trained; one in the first version's time trained it.
    const outside = tempDir();
    cpSync(dir, outside, { recursive: true, filter: (from) => !from.includes(".git") });
    writeFileSync(join(outside, PATH), withA1 + session("2026-10-13", "TR-2026-031"));
    expect(overdue(outside)).toEqual([A1_OVERDUE]);
    writeFileSync(join(outside, PATH), onlyA0);
    expect(overdue(outside)).toEqual([`${PATH}:22:13 QP-005 A/0 took effect on 2024-01-10 and needs training, but no training on A/0 is recorded (due by 2024-01-10, the day it takes effect: training comes before the work). Record it with 'csr train QP-005 --people ... --date ... --trainer ... --record ...'.`]);
    writeFileSync(join(outside, PATH), onlyA0 + session("2024-01-20", "TR-2024-003"));
    expect(overdue(outside)).toEqual([]);
  });
});
