/**
 * `csr calendar notice`: the next year's public holidays read from the State Council General
 * Office's notice into qms.yaml (calendar.years), checked as they are read, on real temporary git
 * repositories. The 2027 notice is not published yet: test/fixtures/holiday-notices/2027-invented.txt
 * has invented days in the real notices' form.
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, csrInProcess, git } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const NOTICE = join(FIXTURES, "holiday-notices", "2027-invented.txt");
const snapshot = (dir: string) => tree(dir).map((f) => [f, read(dir, f)]);

const SUMMARY = [
  "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕99号）：",
  "  元旦      2027-01-01 至 2027-01-03，共 3 天",
  "  春节      2027-02-05 至 2027-02-13，共 9 天",
  "  清明节    2027-04-03 至 2027-04-05，共 3 天",
  "  劳动节    2027-05-01 至 2027-05-05，共 5 天",
  "  端午节    2027-06-09，共 1 天",
  "  中秋节    2027-09-15，共 1 天",
  "  国庆节    2027-10-01 至 2027-10-07，共 7 天",
  "  调休上班  2027-01-31（周日）、2027-02-20（周六）、2027-04-25（周日）、2027-05-08（周六）、2027-09-26（周日）、2027-10-09（周六）",
  "",
].join("\n");

describe("csr calendar notice", () => {
  it("writes the year into calendar.years, keeping qms.yaml's comments, commits it, and the year counts as known", async () => {
    const dir = validRepo({ git: true });
    // A CSR received in December: its ten working days run into 2027.
    const before = await csrInProcess(["-C", dir, "check", "--today", "2027-01-05", "--format", "json"], { lang: null });
    expect(before.stdout).toContain("calendar/year-missing");
    const result = await csrInProcess(["-C", dir, "calendar", "notice", NOTICE, "--commit"], { lang: null });
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      stdout: `${SUMMARY}已写入 qms.yaml 的 calendar.years：2027 年 7 段假期共 29 天，调休上班 6 天。跨入 2027 年的工作日从此按通知计算。\n已提交 ${hash}：csr calendar notice 2027：国办发明电〔2026〕99号\n`,
      stderr: "",
    });
    expect(read(dir, "qms.yaml")).toContain(
      [
        "  workdays: [2026-02-14, 2026-02-28]",
        "  years:",
        "    - year: 2027",
        "      notice: 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕99号）",
        "      holidays:",
        "        - {from: 2027-01-01, to: 2027-01-03, name: 元旦}",
        "        - {from: 2027-02-05, to: 2027-02-13, name: 春节}",
        "        - {from: 2027-04-03, to: 2027-04-05, name: 清明节}",
        "        - {from: 2027-05-01, to: 2027-05-05, name: 劳动节}",
        "        - {from: 2027-06-09, to: 2027-06-09, name: 端午节}",
        "        - {from: 2027-09-15, to: 2027-09-15, name: 中秋节}",
        "        - {from: 2027-10-01, to: 2027-10-07, name: 国庆节}",
        "      workdays: [2027-01-31, 2027-02-20, 2027-04-25, 2027-05-08, 2027-09-26, 2027-10-09]",
        "csr:",
      ].join("\n"),
    );
    expect(read(dir, "qms.yaml").startsWith("# A small repository")).toBe(true);
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr calendar notice 2027：国办发明电〔2026〕99号", "", "qms.yaml"]);
    const after = await csrInProcess(["-C", dir, "check", "--today", "2027-01-05", "--format", "json"], { lang: null });
    expect(after.stdout).not.toContain("calendar/year-missing");
    // Run again: the same days are there already.
    expect(await csrInProcess(["-C", dir, "calendar", "notice", NOTICE], { lang: null })).toEqual({ code: 0, stdout: `${SUMMARY}qms.yaml 中已有 2027 年的这些日期，与通知一致；未作改动。\n`, stderr: "" });
  });

  it("refuses a notice that does not add up, and writes nothing", async () => {
    const dir = validRepo({ git: true });
    const wrong = join(dir, "..", `${dir.split("/").pop()}-notice.txt`);
    writeFileSync(wrong, read(NOTICE, "").replace("5月1日（周六）", "5月1日（周五）").replace("共9天", "共8天"));
    const files = snapshot(dir);
    expect(await csrInProcess(["-C", dir, "calendar", "notice", wrong], { lang: null })).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        "“2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共8天”：通知写共 8 天，日期范围是 9 天。",
        "“5月1日（周五）”：2027-05-01 是周六，通知写的是周五；请核对年份和日期。",
        "通知中有 2 处读不通，未写入任何内容。请对照通知原文改正（或确认复制完整）后重新运行。",
        "",
      ].join("\n"),
    });
    expect(snapshot(dir)).toEqual(files);
  });

  it("leaves a year csr ships alone when the notice agrees, and refuses one that differs unless --replace", async () => {
    const dir = validRepo({ git: true });
    const notice2026 = join(FIXTURES, "holiday-notices", "2026.txt");
    const agreed = await csrInProcess(["-C", dir, "calendar", "notice", notice2026], { lang: null });
    expect(agreed.code).toBe(0);
    expect(agreed.stdout.split("\n").at(-2)).toBe("csr 已内置 2026 年（国办发明电〔2025〕7号），与这份通知一致；无需写入。");
    const mistyped = join(dir, "notice-2026.txt");
    copyFileSync(notice2026, mistyped);
    writeFileSync(mistyped, read(mistyped, "").replace("1月4日（周日）上班", "1月5日（周一）上班"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "notice"]);
    const refused = await csrInProcess(["-C", dir, "calendar", "notice", "notice-2026.txt"], { lang: null });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "csr: csr 内置的 2026 年（国办发明电〔2025〕7号）与这份通知不同（上班：+2026-01-05、−2026-01-04）；未写入。很可能是通知文本有误或复制不完整。\n提示：核对通知原文后，如确应以这份通知为准，请加 --replace 重新运行。\n",
    );
    const dry = await csrInProcess(["-C", dir, "calendar", "notice", "notice-2026.txt", "--replace", "--dry-run"], { lang: null });
    expect(dry.stdout.endsWith("未写入（--dry-run）。\n")).toBe(true);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    const replaced = await csrInProcess(["-C", dir, "calendar", "notice", "notice-2026.txt", "--replace"], { lang: null });
    expect(replaced.code).toBe(0);
    expect(read(dir, "qms.yaml")).toContain("      workdays: [2026-01-05, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]\n");
  });

  it("speaks English in an English session and names a file that is not there", async () => {
    const dir = validRepo({ git: true });
    expect(await csrInProcess(["-C", dir, "calendar", "notice", "missing.txt"])).toEqual({ code: 2, stdout: "", stderr: "csr: No such notice file: missing.txt.\n" });
    const result = await csrInProcess(["-C", dir, "calendar", "notice", NOTICE, "--dry-run"]);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual(["国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕99号）:", "  元旦                  2027-01-01 to 2027-01-03, 3 days"]);
    expect(result.stdout).toContain("  Make-up working days  2027-01-31 (Sunday)");
  });

  it("says in English how many holiday periods, days off and make-up working days it wrote, each noun agreeing with its count", async () => {
    const dir = validRepo({ git: true });
    const result = await csrInProcess(["-C", dir, "calendar", "notice", NOTICE]);
    expect(result.stdout).toContain(
      "\nWrote 2027 into calendar.years of qms.yaml: 7 holiday periods (29 days off) and 6 make-up working days. Working days into 2027 are now counted by the notice.\n",
    );
    const one = join(dir, "..", `${dir.split("/").pop()}-one.txt`);
    writeFileSync(one, "国务院办公厅关于2027年部分节假日安排的通知\n国办发明电〔2026〕99号\n一、元旦：1月1日放假，共1天。\n二、春节：2月6日至2月12日放假调休，共7天。2月20日（星期六）上班。\n");
    const replaced = await csrInProcess(["-C", dir, "calendar", "notice", one, "--replace"]);
    expect(replaced.stdout).toContain("\nReplaced 2027 in calendar.years of qms.yaml: 2 holiday periods (8 days off) and 1 make-up working day.\n");
  });
});
