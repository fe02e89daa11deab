/**
 * `csr release --effective` on a rest day of the working-day calendar: a note naming the next working
 * day, not a refusal (tester61 L8; a customer's change notice names a working day to change over on).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, git } from "../helpers.js";

describe("a revision released to take effect on a rest day", () => {
  it("is released, with a note naming the next working day", () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/instructions/WI-009-01.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("关键特性相关来料加严检验。", "关键特性相关来料加严检验（加严一级）。"));
    git(dir, ["commit", "-qam", "WI-009-01 修订稿"]);
    const release = (lang: "zh-CN" | "en", effective: string) =>
      csr(["-C", dir, "release", "WI-009-01", "--summary", "加严一级", "--total-pages", "1", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-12-04", "--effective", effective, "-y"], { lang });
    // 2026-12-13 is a Sunday.
    const sunday = release("zh-CN", "2026-12-13");
    expect([sunday.code, sunday.stdout.split("\n").slice(1, 3)]).toEqual([
      0,
      [
        "WI-009-01 A/2 的生效日期为 2026-12-13（发布日期 2026-12-04）。",
        "注意：2026-12-13 按工作日历（qms.yaml 的 calendar）是休息日，其后第一个工作日是 2026-12-14；如顾客的更改通知要求在工作日切换，请核对，需要时用 'csr set WI-009-01 --effective <日期>' 改正。",
      ],
    ]);
  });
});
