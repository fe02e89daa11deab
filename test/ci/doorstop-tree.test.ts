/**
 * The Doorstop tree that `npm run bench` measures Doorstop 3.2 on, beside csr's repository of the
 * same size (issue 14's Doorstop rows, CSR_BENCH_DOORSTOP): the same composition as
 * bench/generate.js, every link to an item that exists, levels that stay distinct ('1.10' is
 * not '1.1', which a YAML float would make a duplicate level), and the same tree every time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the benchmark's generators are plain JavaScript without type declarations.
import { generateDoorstopTree } from "../../bench/doorstop-tree.js";
// @ts-expect-error: as above.
import { composition } from "../../bench/generate.js";
import { tempDir } from "../helpers.js";

function items(dir: string, prefix: string): Map<string, string> {
  const folder = join(dir, prefix);
  return new Map(readdirSync(folder).filter((name) => name.endsWith(".yml") && name !== ".doorstop.yml").map((name) => [name.slice(0, -4), readFileSync(join(folder, name), "utf8")]));
}

describe("bench/doorstop-tree.js", () => {
  it("makes the csr repository's entities but customers and people into linked items of four documents", () => {
    const dir = tempDir("csr-doorstop-");
    const count: number = generateDoorstopTree(dir, 1000);
    const c: { procedures: number; instructions: number; forms: number; csrs: number } = composition(1000);
    expect(count).toBe(975);
    expect(count).toBe(c.procedures + c.instructions + c.forms + c.csrs);
    const qp = items(dir, "QP");
    expect([qp.size, items(dir, "WI").size, items(dir, "QR").size, items(dir, "CSR").size]).toEqual([c.procedures, c.instructions, c.forms, c.csrs]);
    expect(readFileSync(join(dir, "CSR", ".doorstop.yml"), "utf8")).toBe("settings:\n  digits: 5\n  prefix: CSR\n  sep: ''\n  parent: QP\n");
    expect(readFileSync(join(dir, "QP", ".doorstop.yml"), "utf8")).toBe("settings:\n  digits: 5\n  prefix: QP\n  sep: ''\n");
    expect(qp.get("QP00010")).toMatch(/^level: '1\.10'$/m);
    for (const prefix of ["WI", "QR", "CSR"]) {
      for (const [id, text] of items(dir, prefix)) {
        const links = [...text.matchAll(/^- (\w+): null$/gm)].map((m) => m[1]!);
        expect(links.length, id).toBeGreaterThanOrEqual(1);
        expect(links.length, id).toBeLessThanOrEqual(prefix === "CSR" ? 2 : 1);
        for (const link of links) expect(qp.has(link), `${id} → ${link}`).toBe(true);
      }
    }
  });

  it("makes the same tree on every run", () => {
    const [a, b] = [tempDir("csr-doorstop-"), tempDir("csr-doorstop-")];
    generateDoorstopTree(a, 200);
    generateDoorstopTree(b, 200);
    for (const prefix of ["QP", "WI", "QR", "CSR"]) expect(items(b, prefix)).toEqual(items(a, prefix));
  });
});
