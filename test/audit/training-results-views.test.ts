/**
 * A session's results — how it was given (培训方式), its hours (学时), who failed (不合格) and its effectiveness evaluation
 * (效果评价) — where sessions are listed besides the training register: the session lines of `csr show` (a CSR's and a
 * document's), the CSR review report and the site's document and CSR pages, in the register's words (model/training.ts
 * sessionResultsIn; tester72 Q5). The example repository in a temporary git repository, in-process runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";

let dir = "";
const run = (...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });

beforeAll(async () => {
  dir = await gitInit(copyFixture("examples/acme-auto"));
  const steps = [
    ["train", "BCM-004", "--people", "chenjing,sunwei", "--date", "2026-12-04", "--trainer", "zhangli", "--record", "TR-2026-040", "--method", "classroom", "--hours", "1.5", "--failed", "sunwei"],
    ["train", "BCM-004", "--evaluate", "--date", "2026-12-04", "--evaluated-on", "2026-12-05", "--evaluation-method", "exam", "--by", "zhangli", "--result", "not-effective", "--evaluation-record", "PJ-2026-012"],
    ["train", "QP-014", "--people", "gaoyang", "--date", "2026-11-02", "--trainer", "zhoupeng", "--record", "TR-2026-050", "--method", "on-site", "--hours", "2"],
    ["train", "QP-014", "--evaluate", "--date", "2026-11-02", "--evaluated-on", "2026-11-20", "--evaluation-method", "practical", "--by", "zhoupeng", "--result", "effective"],
  ];
  for (const step of steps) expect((await run(...step)).code).toBe(0);
}, 120_000);

describe("a session's method, hours, failed trainees and evaluation beside the register", () => {
  it("csr show gives them on the session's line, as csr train confirmed them; an evaluation made after the day is not yet known", async () => {
    const card = (await run("show", "BCM-004", "--today", "2026-12-06")).stdout.split("\n");
    expect(card.find((l) => l.includes("TR-2026-040"))?.trim()).toBe(
      "2026-12-04，来源文件 A 版，陈静、孙伟，培训人 张丽，记录 TR-2026-040，方式 课堂授课，1.5 学时，不合格 孙伟（不计为已培训），效果评价：无效（考试，2026-12-05，张丽，记录 PJ-2026-012）",
    );
    expect((await run("show", "BCM-004", "--today", "2026-12-04")).stdout).not.toContain("效果评价");
    const document = (await csrInProcess(["-C", dir, "show", "QP-014", "--today", "2026-12-06"], { lang: "en" })).stdout.split("\n");
    expect(document.find((l) => l.includes("TR-2026-050"))?.trim()).toBe("2026-11-02, A/1, Gao Yang, trainer Zhou Peng, record TR-2026-050, method on-site, 2 h, effectiveness: effective (practical check, 2026-11-20, Zhou Peng)");
  });

  it("the review report adds the register's columns once a session records them", async () => {
    const out = join(tempDir(), "BCM-004.md");
    expect((await run("render", "BCM-004", "--format", "md", "--out", out, "--today", "2026-12-06")).code).toBe(0);
    const table = readFileSync(out, "utf8").split("\n").filter((l) => l.includes("培训日期") || l.includes("TR-2026-04"));
    expect(table).toEqual([
      "| 培训日期 | 来源文件版本 | 参训人员 | 培训人 | 培训方式 | 学时 | 不合格 | 记录编号 | 效果评价 |",
      "| 2026-10-28 | A | 黄军、吴艳 | 张丽 |  |  |  | TR-2026-041 |  |",
      "| 2026-12-04 | A | 陈静、孙伟 | 张丽 | 课堂授课 | 1.5 | 孙伟 | TR-2026-040 | 无效（考试，2026-12-05，张丽，记录 PJ-2026-012） |",
    ]);
    // Before any session recorded them, the report is as it was: five columns.
    const before = join(tempDir(), "BCM-004.md");
    expect((await run("render", "BCM-004", "--format", "md", "--out", before, "--as-of", "2026-12-01")).code).toBe(0);
    expect(readFileSync(before, "utf8")).toContain("| 培训日期 | 来源文件版本 | 参训人员 | 培训人 | 记录编号 |\n| --- | --- | --- | --- | --- |\n");
  });

  it("the site's document and CSR pages give them in the register's columns", async () => {
    const site = tempDir();
    expect((await run("site", "--out", site, "--today", "2026-12-06")).code).toBe(0);
    const documentPage = readFileSync(join(site, "documents", "QP-014.html"), "utf8");
    expect(documentPage).toContain(
      '<thead><tr><th scope="col">培训日期</th><th scope="col">版本</th><th scope="col">参训人员</th><th scope="col">培训人</th><th scope="col">培训方式</th><th scope="col">学时</th><th scope="col">不合格</th><th scope="col">记录编号</th><th scope="col">效果评价</th></tr></thead>',
    );
    expect(documentPage).toContain("<td>现场培训</td><td>2</td><td></td><td>TR-2026-050</td><td>有效（现场考核，2026-11-20，周鹏）</td></tr>");
    const csrPage = readFileSync(join(site, "csr", "BCM-004.html"), "utf8");
    expect(csrPage).toContain("<th>培训方式</th><th>学时</th><th>不合格</th><th>记录编号</th><th>效果评价</th></tr></thead>");
    expect(csrPage).toContain('<td class="nowrap">课堂授课</td><td class="nowrap">1.5</td><td>孙伟</td><td class="nowrap">TR-2026-040</td><td>无效（考试，2026-12-05，张丽，记录 PJ-2026-012）</td></tr>');
  }, 120_000);
});
