/**
 * doc/role-missing's reading of a title (roleByTitle): a form that is a control plan, a PFMEA or a process flow chart
 * — its name ends with the term, a bracketed remark aside — and not a record about one (acme-auto's QR-010-01
 * 「控制计划变更提交记录」, a record of submissions to the customer, took a control plan's warning before).
 */
import { describe, expect, it } from "vitest";
import { roleByTitle } from "../../src/check/rules/doc/role-missing.js";

describe("roleByTitle", () => {
  it("names the role of a form that is one, and none of a record about one", () => {
    const titles = ["D1制动软管总成控制计划", "D1制动软管总成过程FMEA（PFMEA）", "D1 潜在失效模式及后果分析", "Brake hose control plan (production)", "扣压工序过程流程图", "控制计划变更提交记录", "PFMEA评审记录", "控制计划（生产）"];
    expect(titles.map((title) => [title, roleByTitle(title) ?? null])).toEqual([
      ["D1制动软管总成控制计划", "control-plan"],
      ["D1制动软管总成过程FMEA（PFMEA）", "pfmea"],
      ["D1 潜在失效模式及后果分析", "pfmea"],
      ["Brake hose control plan (production)", "control-plan"],
      ["扣压工序过程流程图", "process-flow"],
      ["控制计划变更提交记录", null],
      ["PFMEA评审记录", null],
      ["控制计划（生产）", "control-plan"],
    ]);
  });
});
