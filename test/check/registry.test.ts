/** Every registered rule is documented, and the registry stays sorted and unique. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/check/registry.js";
import { ROOT } from "../helpers.js";

describe("rule registry", () => {
  const docs = readFileSync(join(ROOT, "docs", "rules.md"), "utf8");
  const documented = [...docs.matchAll(/^## ([a-z]+\/[a-z0-9-]+)$/gm)].map((m) => m[1]);

  it.each(rules.map((r) => r.id))("documents %s in docs/rules.md", (id) => {
    expect(documented).toContain(id);
  });

  it("documents no rule that does not exist", () => {
    expect(documented.filter((id) => !rules.some((r) => r.id === id))).toEqual([]);
  });

  it("is sorted by id without duplicates", () => {
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });
});
