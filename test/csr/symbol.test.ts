/**
 * `csr symbol add`: the special-characteristic symbol conversion table (symbols.yaml, IATF 16949
 * 8.2.3.1.2 / 8.3.3.3) by command, on a real temporary git repository.
 */
import { describe, expect, it } from "vitest";
import { csrInProcess, git } from "../helpers.js";
import { read, tree, validRepo } from "./fixture.js";

const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, "symbol", "add", ...args], { lang: null });

describe("csr symbol add", () => {
  it("starts symbols.yaml, puts a customer's next symbol after its others, and notes one of our symbols given two classes", async () => {
    const dir = validRepo({ git: true });
    expect(await run(dir, "--customer", "dya", "--customer-symbol", "▽", "--customer-class", "CC", "--meaning", "关键特性", "--symbol", "★", "--class", "关键", "--commit")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^已在 symbols\.yaml 中新增：DYA 的 ▽（CC）对应本公司 ★（关键）。\n已提交 [0-9a-f]{7}：csr symbol add：DYA ▽ → ★\n$/),
      stderr: "",
    });
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr symbol add：DYA ▽ → ★", "", "symbols.yaml"]);
    expect(await run(dir, "--customer", "DYA", "--customer-symbol", "◇", "--customer-class", "SC", "--symbol", "★", "--class", "重要", "-y")).toEqual({
      code: 0,
      stdout: "已在 symbols.yaml 中新增：DYA 的 ◇（SC）对应本公司 ★（重要）。\n注意：本公司符号 ★ 在对照表中也代表 关键（DYA 的 ▽），这里代表 重要；同一符号两种含义，图纸和控制计划上会混淆。\n",
      stderr: "",
    });
    expect(read(dir, "symbols.yaml")).toBe(
      [
        "symbols:",
        "  - customer: DYA",
        "    customer_symbol: ▽",
        "    customer_class: CC",
        "    meaning: 关键特性",
        "    symbol: ★",
        "    class: 关键",
        "  - customer: DYA",
        "    customer_symbol: ◇",
        "    customer_class: SC",
        "    symbol: ★",
        "    class: 重要",
        "",
      ].join("\n"),
    );
  });

  it("refuses a symbol of the customer converted already, an unknown customer and a missing value, writing nothing", async () => {
    const dir = validRepo({ git: true });
    await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "★", "--class", "关键", "-y");
    const files = tree(dir).map((f) => [f, read(dir, f)]);
    expect(await run(dir, "--customer", "DYA", "--customer-symbol", "▽", "--customer-class", "CC", "--symbol", "☆", "--class", "重要", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 对照表中 DYA 的 ▽ 已对应 ★（关键）；一个顾客符号只能对应一个本公司符号。\n提示：要改对应关系，请修改 symbols.yaml 中的那一行；'csr list symbols' 列出对照表。\n",
    });
    expect(await run(dir, "--customer", "DYB", "--customer-symbol", "S", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: 没有顾客 'DYB'；已有的顾客：DYA。是否应为 'DYA'？\n" });
    expect(await run(dir, "--customer", "DYA", "--customer-symbol", "S", "--customer-class", "安全", "--symbol", "◆", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 缺少 --class（或在终端中运行，由 csr 询问本公司的分类）。\n",
    });
    expect(tree(dir).map((f) => [f, read(dir, f)])).toEqual(files);
  });
});
