import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { personLabel } from "../../src/model/labels.js";
import { personLabel as commandsPersonLabel } from "../../src/commands/shared/people.js";
import { setLanguage } from "../../src/i18n/index.js";
import type { Person } from "../../src/model/types.js";

const src = join(import.meta.dirname, "../../src");

/** The TypeScript files under src/<dir>, recursively. */
function sources(dir: string): string[] {
  return readdirSync(join(src, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

describe("imports flow cli → commands → check/report → model (review81 8)", () => {
  it("no file under check, model, report, load or site imports from commands or cli", () => {
    const against = ["check", "model", "report", "load", "site"].flatMap(sources).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => /^\s*(import|export)\b.*from\s+"(\.\.\/)+(commands|cli)\//.test(line))
        .map((line) => `${relative(src, file)}: ${line.trim()}`),
    );
    expect(against).toEqual([]);
  });

  it("personLabel lives in model/labels.ts and the commands' is the same function", () => {
    const people = new Map<string, { value: Person }>([
      ["zhoupeng", { value: { id: "zhoupeng", name: "周鹏", name_en: "Zhou Peng", department: "QA" } as Person }],
      ["lisi", { value: { id: "lisi", name: "lisi", department: "QA" } as Person }],
    ]);
    expect(commandsPersonLabel).toBe(personLabel);
    expect(personLabel({ people }, "zhoupeng")).toBe("Zhou Peng (zhoupeng)");
    setLanguage("zh-CN");
    try {
      expect(personLabel({ people }, "zhoupeng")).toBe("周鹏（zhoupeng）");
    } finally {
      setLanguage("en");
    }
    expect(personLabel({ people }, "lisi")).toBe("lisi");
    expect(personLabel({ people }, "nobody")).toBe("nobody");
  });
});
