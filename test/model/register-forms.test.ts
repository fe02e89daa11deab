import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTERS_WITH_FORMS } from "../../src/model/register-forms.js";
import { ROOT } from "../helpers.js";

/** The register ids schemas/qms.schema.json names under `registers.forms` (its description lists them). */
function schemaIds(): string[] {
  const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "qms.schema.json"), "utf8")) as { properties: { registers: { properties: { forms: { description: string } } } } };
  return /by register id \(([^)]+)\)/.exec(schema.properties.registers.properties.forms.description)![1]!.split(", ");
}

/**
 * The registers csr prints with a heading (commands/shared/output.ts registerHeading looks up `registers.forms` by the table's
 * `form`, else its `id`): every table literal of src/report/registers, `id: "<register>"`, with the `form: "<register>"` it is
 * printed on when it has one.
 */
function printedRegisters(): { id: string; form?: string }[] {
  const folder = join(ROOT, "src", "report", "registers");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".ts"))
    .flatMap((name) => [...readFileSync(join(folder, name), "utf8").matchAll(/^ {4}id: "([a-z-]+)",\n(?: {4}form: "([a-z-]+)",)?/gm)].map((m) => ({ id: m[1]!, ...(m[2] ? { form: m[2] } : {}) })));
}

describe("the registers printed on a form (qms.yaml registers.forms)", () => {
  it("lists every register csr prints among the schema's register ids, so that each can be given its form", () => {
    const printed = printedRegisters();
    // The scan finds the registers (a changed layout of the sources would find none and pass).
    expect(printed.map((r) => r.id)).toEqual(expect.arrayContaining(["procedures", "audits", "suppliers", "periodic-review-plan"]));
    expect(printed.find((r) => r.id === "periodic-review-plan")).toEqual({ id: "periodic-review-plan", form: "periodic-reviews" });
    const ids = new Set(schemaIds());
    expect(printed.filter((r) => !ids.has(r.form ?? r.id))).toEqual([]);
  });

  it("names no register id in the schema that csr does not print, and the same ids as csr organisation update --register-form takes", () => {
    // The registers, and the records csr render prints on a form of their own (the 管理评审报告, csr render MR-…).
    const folders = [join(ROOT, "src", "report", "registers"), join(ROOT, "src", "commands", "render")];
    const sources = folders.flatMap((folder) => readdirSync(folder).map((name) => readFileSync(join(folder, name), "utf8"))).join("\n");
    expect(schemaIds().filter((id) => !sources.includes(`"${id}"`))).toEqual([]);
    expect(schemaIds()).toEqual([...REGISTERS_WITH_FORMS]);
  });
});
