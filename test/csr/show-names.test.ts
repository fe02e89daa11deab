/**
 * `csr show` names people and departments as a Chinese reader knows them (市场部, 李娜), with the id
 * beside a name only where two people share it; English keeps the id to type; JSON keeps the ids.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess } from "../helpers.js";
import { validRepo } from "./fixture.js";

/** DYA-002 with a second opinion and an implementation owner, and a second 张伟 in people.yaml. */
function repo(): string {
  const dir = validRepo();
  appendFileSync(join(dir, "people.yaml"), "  - id: zhangw\n    name: 张伟\n    department: PRD\n    roles: [reviewer]\n");
  const path = join(dir, "csr/DYA/DYA-002.yaml");
  writeFileSync(path, readFileSync(path, "utf8") + "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-11-26 }\nimplementation: { owner: wang, due: 2026-12-31 }\n");
  return dir;
}

const lines = (text: string, first: string, count: number) => {
  const all = text.split("\n");
  const at = all.findIndex((l) => l.startsWith(first));
  return all.slice(at, at + count);
};

describe("csr show names people and departments", () => {
  it("in Chinese by name, with the id beside a name two people share", async () => {
    const result = await csrInProcess(["-C", repo(), "show", "DYA-002", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(result.code).toBe(0);
    expect(lines(result.stdout, "  须会签部门", 4)).toEqual([
      "  须会签部门      品质部、市场部",
      "  评审意见        品质部 同意，张伟（zhang），2026-11-25",
      "                  市场部 同意，李娜，2026-11-26",
      "  评审结论        （尚无结论）",
    ]);
    expect(lines(result.stdout, "  实施", 1)).toEqual(["  实施            计划中，负责人 王强，期限 2026-12-31"]);
  });

  it("in English with the id to type, and in JSON as the file has them", async () => {
    const dir = repo();
    const en = await csrInProcess(["-C", dir, "show", "DYA-002", "--today", "2026-11-27"]);
    expect(lines(en.stdout, "  Required", 3)).toEqual(["  Required        QA 品质部, MKT 市场部", "  Opinions        QA 品质部 accept, zhang 张伟, 2026-11-25", "                  MKT 市场部 accept, li 李娜, 2026-11-26"]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "show", "DYA-002", "--format", "json", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout) as {
      csr: { review: { opinions: { department: string; reviewer: string }[] }; implementation: { owner: string } };
    };
    expect(json.csr.review.opinions.map((o) => [o.department, o.reviewer])).toEqual([
      ["QA", "zhang"],
      ["MKT", "li"],
    ]);
    expect(json.csr.implementation.owner).toBe("wang");
  });
});
