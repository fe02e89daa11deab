/**
 * README's "Control plans and PFMEAs of a changed special characteristic" (tester58 F11): its
 * commands, run in that order on a copy of examples/acme-auto, succeed and print the lines it shows
 * (a line with "…" is compared up to it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, ROOT } from "../helpers.js";

/** The console block under `heading` in `readme`: each `$ csr` command and the lines shown under it. */
function block(readme: string, heading: string): { args: string[]; shown: string[] }[] {
  const text = readFileSync(join(ROOT, readme), "utf8");
  const from = text.indexOf(heading);
  expect(from, heading).toBeGreaterThan(0);
  const body = /```console\n([\s\S]*?)```/.exec(text.slice(from))![1]!;
  const steps: { args: string[]; shown: string[] }[] = [];
  for (const line of body.split("\n").filter(Boolean)) {
    if (line.startsWith("$ csr ")) steps.push({ args: line.slice("$ csr ".length).split(/\s+/), shown: [] });
    else steps.at(-1)!.shown.push(line);
  }
  return steps;
}

describe.each([
  ["README.md", "#### Control plans and PFMEAs of a changed special characteristic", "en"],
  ["README.zh-CN.md", "### 受特殊特性变更影响的控制计划和 PFMEA", "zh-CN"],
] as const)("%s: control plans and PFMEAs", (readme, heading, lang) => {
  it("runs as shown on the example repository", async () => {
    const dir = committedFixture("examples/acme-auto");
    const steps = block(readme, heading);
    expect(steps.map((s) => s.args[0])).toEqual(["new", "set", "release", "address", "matrix"]);
    for (const { args, shown } of steps) {
      const result = await csrInProcess(["-C", dir, ...args], { lang });
      expect(result.code, args.join(" ")).toBe(0);
      const lines = result.stdout.split("\n");
      for (const line of shown) {
        const cut = line.indexOf("…");
        expect(lines.some((l) => (cut < 0 ? l === line : l.startsWith(line.slice(0, cut)))), line).toBe(true);
      }
    }
    // The matrix lists the control plan under DYA-001, released and counted; no process lists the new form, nor it one (过程 blank,
    // after the document's columns 落实文件, 落实章节, 现行版本, 文件名称, 链接状态).
    const matrix = (await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv"], { lang: "en" })).stdout.split("\n").filter((l) => l.includes(",QR-014-02,"));
    expect(matrix.map((l) => l.split(",").slice(0, 1).concat(l.split(",").slice(15, 21)).join(","))).toEqual(["DYA-001,QR-014-02,,A/0,D1平台控制计划（DY-BH-2201）,confirmed,"]);
  });
});
