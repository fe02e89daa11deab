/**
 * --customer takes a customer's code or its full name as customers/ writes it (tester74 T7: an SQE types
 * 东岳汽车股份有限公司 from the letterhead) or a short name only one customer's name holds (东岳汽车), as csr show
 * does (model/customers.ts): the list, the matrix and the registers filtered by customer are the same every way; a name
 * csr does not know, or a part of several customers' names (汽车), is refused with every customer's code and name.
 */
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess } from "../helpers.js";

const DAY = "2026-12-04";

describe("--customer by code or full name", () => {
  it("csr list, csr matrix csr and csr list reviews filter by the full name and the short name as by the code", async () => {
    const dir = committedFixture("examples/acme-auto");
    for (const args of [["list"], ["matrix", "csr"], ["list", "reviews"]]) {
      const byCode = await csrInProcess(["-C", dir, ...args, "--customer", "DYA", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
      const byName = await csrInProcess(["-C", dir, ...args, "--customer", "东岳汽车股份有限公司", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
      expect(byCode.code).toBe(0);
      expect(byName).toEqual(byCode);
      const byShortName = await csrInProcess(["-C", dir, ...args, "--customer", "东岳汽车", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
      expect(byShortName).toEqual(byCode);
    }
  });

  it("an unknown customer is refused with the customers' codes and names and the nearest", async () => {
    const dir = committedFixture("examples/acme-auto");
    const run = await csrInProcess(["-C", dir, "list", "--customer", "汽车", "--today", DAY], { lang: "zh-CN" });
    expect([run.code, run.stderr]).toEqual([2, "csr: --customer：未知顾客 '汽车'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。\n"]);
    const en = await csrInProcess(["-C", dir, "matrix", "csr", "--customer", "dya-x", "--today", DAY], { lang: "en" });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^csr: --customer: unknown customer 'dya-x'; the customers are: BCM .*DYA .*\./);
  });
});
