import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csr, csrInProcess, ROOT, tempDir } from "../helpers.js";

const schemaText = (name: string) => readFileSync(join(ROOT, "schemas", name), "utf8");

describe("csr schema", () => {
  it("lists the kinds when given neither a kind nor --out", () => {
    expect(csr(["schema"])).toEqual({
      code: 0,
      stdout: "Kinds: qms, people, processes, symbols, customer, csr, document, standard, action, supplier, tooling, first-article, objective, register-edition, management-review\nPrint one with 'csr schema <kind>', or write them all with 'csr schema --out <dir>'.\n",
      stderr: "",
    });
  });

  it("prints one kind's schema", () => {
    expect(csr(["schema", "csr"])).toEqual({ code: 0, stdout: schemaText("csr.schema.json"), stderr: "" });
  });

  it("prints it in Chinese in a Chinese run, as the build writes it for a Chinese repository's editor: only titles and descriptions differ", async () => {
    const zh = await csrInProcess(["schema", "people"], { lang: "zh-CN" });
    const schema = JSON.parse(zh.stdout);
    expect(schema.title).toBe("people.yaml：编制、审核、批准人员");
    expect(schema.properties.people.items.properties.title.description).toBe("职务。");
    const strip = (text: string) => JSON.stringify(JSON.parse(text), (key, value) => ((key === "title" && typeof value === "string") || key === "description" ? undefined : value));
    for (const name of readdirSync(join(ROOT, "schemas")).filter((n) => n.endsWith(".json"))) {
      const built = readFileSync(join(ROOT, "dist", "schemas", "zh-CN", name), "utf8");
      expect(strip(built), name).toBe(strip(schemaText(name)));
      expect(built, name).not.toMatch(/"(title|description)": "[^"\u4e00-\u9fff]*"/);
    }
    expect(zh.stdout).toBe(readFileSync(join(ROOT, "dist", "schemas", "zh-CN", "people.schema.json"), "utf8"));
  });

  it("names the kinds when the kind is unknown", () => {
    expect(csr(["schema", "documnet"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: Unknown kind 'documnet'. Did you mean 'document'? Kinds: qms, people, processes, symbols, customer, csr, document, standard, action, supplier, tooling, first-article, objective, register-edition, management-review.\n",
    });
  });

  it("writes every schema with the common definitions they refer to", () => {
    const dir = tempDir();
    expect(csr(["schema", "--out", "schemas"], { cwd: dir })).toEqual({ code: 0, stdout: `Wrote 16 schema files to ${join(dir, "schemas")}.\n`, stderr: "" });
    expect(readdirSync(join(dir, "schemas")).sort()).toEqual(readdirSync(join(ROOT, "schemas")).sort());
    expect(readFileSync(join(dir, "schemas", "common.schema.json"), "utf8")).toBe(schemaText("common.schema.json"));
    expect(csr(["schema", "--out", "schemas"], { cwd: dir }).stdout).toBe(`Wrote 0 schema files to ${join(dir, "schemas")} (16 already up to date).\n`);
  });

  it("writes one kind and refuses to replace a different file", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "common.schema.json"), "{}\n");
    const result = csr(["schema", "people", "--out", join(dir, "out")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`csr: ${join(dir, "out")} already has different common.schema.json; nothing was written.\nhint: Choose an empty folder with --out, or delete the old files first.\n`);
    expect(readdirSync(join(dir, "out"))).toEqual(["common.schema.json"]);
    writeFileSync(join(dir, "out", "common.schema.json"), schemaText("common.schema.json"));
    expect(csr(["schema", "people", "--out", join(dir, "out")]).code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["common.schema.json", "people.schema.json"]);
  });
});
