/**
 * The one customer matcher (model/customers.ts) behind csr show <customer>, --customer and --customer-notified/
 * --customer-approved: a code in any letter case, the full name in either language, a short name only one customer's
 * name holds; anything else refused on one line naming every customer.
 */
import { describe, expect, it } from "vitest";
import { setLanguage } from "../../src/i18n/index.js";
import { customerGiven, customerNamed } from "../../src/model/customers.js";

const customers = [
  { code: "BCM", name: "北辰汽车集团有限公司", name_en: "Beichen Motor Group Co., Ltd." },
  { code: "DYA", name: "东岳汽车股份有限公司", name_en: "Dongyue Automobile Co., Ltd." },
  { code: "dya2", name: "东岳二厂" },
];
const code = (given: string) => customerNamed(customers, given)?.code;

describe("customerNamed", () => {
  it("finds a customer by its code, exactly first, then in any letter case", () => {
    expect(["DYA", "dya", " Dya ", "ＤＹＡ", "dya2", "DYA2", "bcm"].map(code)).toEqual(["DYA", "DYA", "DYA", "DYA", "dya2", "dya2", "BCM"]);
  });

  it("finds a customer by its full name in either language, the English one in any letter case", () => {
    expect(["东岳汽车股份有限公司", "dongyue automobile co., ltd.", "北辰汽车集团有限公司"].map(code)).toEqual(["DYA", "DYA", "BCM"]);
  });

  it("finds a customer by a short name of 2 characters or more only its name holds", () => {
    expect(["东岳汽车", "北辰", "dongyue", "二厂"].map(code)).toEqual(["DYA", "BCM", "DYA", "dya2"]);
  });

  it("finds none for a part several names hold, one character, an empty text or a name no customer has", () => {
    expect(["东岳", "汽车", "东", "", "  ", "南岭汽车", "XYZ", "co., ltd."].map(code)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("customerGiven", () => {
  it("refuses a customer no customer is on one line naming the option, every customer and the nearest", () => {
    setLanguage("en");
    expect(() => customerGiven(customers.slice(0, 2), "DYB", "--customer-notified")).toThrow("--customer-notified: unknown customer 'DYB'; the customers are: BCM Beichen Motor Group Co., Ltd., DYA Dongyue Automobile Co., Ltd.. Did you mean 'DYA'?");
    setLanguage("zh-CN");
    expect(() => customerGiven(customers.slice(0, 2), "汽车")).toThrow("--customer：未知顾客 '汽车'；顾客有：BCM 北辰汽车集团有限公司、DYA 东岳汽车股份有限公司。");
    expect(customerGiven(customers, "东岳汽车").code).toBe("DYA");
  });
});
