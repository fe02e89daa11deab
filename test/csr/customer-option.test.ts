/**
 * --customer takes a customer's code or its full name as customers/ writes it (tester74 T7: an SQE types
 * 东岳汽车股份有限公司 from the letterhead): the list, the matrix and the registers filtered by customer are the
 * same either way; a name csr does not know is refused with every customer's code and name and the nearest one.
 */
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess } from "../helpers.js";

const DAY = "2026-12-04";

describe("--customer by code or full name", () => {
  it("csr list, csr matrix csr and csr list reviews filter by the full name as by the code", async () => {
    const dir = committedFixture("examples/acme-auto");
    for (const args of [["list"], ["matrix", "csr"], ["list", "reviews"]]) {
      const byCode = await csrInProcess(["-C", dir, ...args, "--customer", "DYA", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
      const byName = await csrInProcess(["-C", dir, ...args, "--customer", "东岳汽车股份有限公司", "--format", "csv", "--today", DAY], { lang: "zh-CN" });
      expect(byCode.code).toBe(0);
      expect(byName).toEqual(byCode);
    }
  });

  it("an unknown customer is refused with the customers' codes and names and the nearest", async () => {
    const dir = committedFixture("examples/acme-auto");
    const run = await csrInProcess(["-C", dir, "list", "--customer", "东岳汽车", "--today", DAY], { lang: "zh-CN" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^csr: --customer：未知顾客 '东岳汽车'；顾客有：BCM [^、]+、DYA 东岳汽车股份有限公司(、[^。]+)?。/);
    const en = await csrInProcess(["-C", dir, "matrix", "csr", "--customer", "dya-x", "--today", DAY], { lang: "en" });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^csr: --customer: unknown customer 'dya-x'; the customers are: BCM .*DYA .*\./);
  });
});
