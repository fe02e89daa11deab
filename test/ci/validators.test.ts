import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogParts, catalogUrl, LANGS, PRECOMPILED_LOCALES } from "../../src/i18n/index.js";
import { parseShippedCalendars, PRECOMPILED_CALENDAR_SOURCES, shippedCalendar } from "../../src/load/calendar.js";
import { CALENDARS_DIR, PRECOMPILED_DIR, SCHEMA_DIR, STANDARDS_DIR } from "../../src/load/package.js";
import { parseShippedCatalogs, PRECOMPILED_CATALOG_SOURCES } from "../../src/load/repository.js";
import { createAjv, PRECOMPILED_SCHEMA_SOURCES, SCHEMA_FILES } from "../../src/load/schemas.js";
import { madeFrom, shippedSources } from "../../src/load/shipped-sources.js";
import type { FileKind } from "../../src/load/source.js";
import { ROOT } from "../helpers.js";

/** Data with one or more mistakes for each kind of file. */
const SAMPLES: Record<FileKind, unknown[]> = {
  qms: [{ organisation: {}, standards: [], departments: [{ code: "品质" }], calendar: { holidays: ["2026-13-01", { from: "x" }] }, rules: { Bad: "loud" } }],
  people: [{ people: [{ id: "zhang", name: "", department: "QA", roles: ["boss"], emails: ["no-mail"] }] }],
  processes: [{ processes: [{ code: "C1", name: "过程", type: "core", documents: ["QP-1", "QP-1"] }] }],
  symbols: [{ symbols: [{ customer: "HX", customer_symbol: "", customer_class: "CC", symbol: "★" }] }],
  customer: [{ code: "HX", name: "华夏", class: "D", contacts: [{ email: "x" }], sources: [{ id: "S", title: "t", revisions: [{}] }] }],
  csr: [{ id: "HX-1", customer: "HX", source: { document: "S" }, clauses: ["8.3"], title: "t", received: "昨天", review: { decision: { disposition: "rejected", by: "li", date: "2026-01-01" } } }],
  document: [{ id: "QP 1", title: "t", level: 5, kind: "sop", department: "QA", status: "done", revisions: [{ version: "A0", date: "2026-01-01", summary: "s" }], owner: 1 }],
  standard: [{ id: "X", title: "t", clauses: [{ number: "8.a", origin: "DIN" }] }],
  action: [{ id: "8D 1", title: "t", source: "audit", received: "2026-13-01", owner: "li", steps: { D8: { done: "2026-01-02" }, D9: {} }, read_across: [{ result: "r", by: "li", date: "x" }] }],
  supplier: [{ code: "CZ XS", supplies: [], approvals: [{ status: "ok", date: "2026-13-01" }], certificates: [{ standard: "IATF 16949", valid_until: "2027-02-30" }] }],
  tooling: [{ tooling: [{ id: "FX 30", name: "", kind: "robot", status: "lost", verification: { frequency: "hourly", records: [{ date: "2026-02-30", by: "wang", result: "ok" }] }, maintenance: { interval_days: 0 } }] }],
  "first-article": [{ first_articles: [{ id: "FA-26-1", product: "", reason: "upgrade", date: "2026-02-30", members: [], result: "ok", report: "" }] }],
  objective: [{ objectives: [{ id: "OBJ-1", text: "", owner: "", unit: "PPM", direction: "<", target: "50", frequency: "weekly", from: "2026-02-30", measurements: [{ period: "2026-13", value: "x" }] }] }],
  "register-edition": [{ editions: [{ register: "Documents", edition: "", as_of: "2026-02-30", signatures: [{ role: "编制", by: "" }] }] }],
  "management-review": [{ management_reviews: [{ id: "MR-26", period: { from: "2026-13-01" }, held: "2026-02-30", chair: "", attendees: [], outputs: [{ no: 0, text: "", kind: "other", owner: "li", due: "x" }] }] }],
};

describe("catalogs and calendars stored by the build", () => {
  it("are the shipped catalogs, parsed", () => {
    expect(PRECOMPILED_DIR).toBe(join(ROOT, "dist", "precompiled"));
    const stored = JSON.parse(readFileSync(join(PRECOMPILED_DIR, "catalogs.json"), "utf8"));
    expect(stored).toEqual(parseShippedCatalogs());
    expect(stored.map((c: { id: string }) => c.id)).toEqual(["GJB9001C", "IATF16949", "ISO9001"]);
    expect(madeFrom(PRECOMPILED_CATALOG_SOURCES, shippedSources(STANDARDS_DIR, ".yaml"))).toBe(true);
  });

  it("are the shipped calendars, parsed, and what shippedCalendar gives", () => {
    const stored = JSON.parse(readFileSync(join(PRECOMPILED_DIR, "calendars.json"), "utf8"));
    expect(stored).toEqual(parseShippedCalendars());
    expect(Object.keys(stored)).toEqual(["CN"]);
    expect(shippedCalendar("CN")).toEqual(stored.CN);
    expect(madeFrom(PRECOMPILED_CALENDAR_SOURCES, shippedSources(CALENDARS_DIR, ".yaml"))).toBe(true);
  });

  it("hold each message catalog cut by the first part of its keys, every entry once, beside the catalog they were cut from", () => {
    for (const lang of LANGS) {
      const whole = JSON.parse(readFileSync(catalogUrl(lang), "utf8")) as Record<string, string>;
      const stored = readdirSync(join(PRECOMPILED_LOCALES, lang)).sort();
      expect(stored, lang).toEqual([...catalogParts(lang).keys()].map((part) => `${part}.json`).sort());
      const merged = Object.assign({}, ...stored.map((name) => JSON.parse(readFileSync(join(PRECOMPILED_LOCALES, lang, name), "utf8")) as Record<string, string>));
      expect(merged, lang).toEqual(whole);
      expect(stored.reduce((n, name) => n + Object.keys(JSON.parse(readFileSync(join(PRECOMPILED_LOCALES, lang, name), "utf8"))).length, 0), lang).toBe(Object.keys(whole).length);
      expect(madeFrom(join(PRECOMPILED_LOCALES, `${lang}.sources`), readFileSync(catalogUrl(lang))), lang).toBe(true);
    }
    expect(readdirSync(join(PRECOMPILED_LOCALES, "zh-CN"))).toContain("check.json");
  });

  it("are told from the files they were made from by every byte, a file's name and the files there are", () => {
    const dir = mkdtempSync(join(tmpdir(), "csr-sources-"));
    try {
      cpSync(STANDARDS_DIR, dir, { recursive: true });
      const stored = readFileSync(PRECOMPILED_CATALOG_SOURCES);
      expect(shippedSources(dir, ".yaml").equals(stored)).toBe(true);
      const file = join(dir, "ISO9001.yaml");
      const text = readFileSync(file, "utf8");
      // One character changed for another of the same length in bytes.
      writeFileSync(file, text.replace("质量", "品质"));
      expect(shippedSources(dir, ".yaml").equals(stored)).toBe(false);
      writeFileSync(file, text);
      writeFileSync(join(dir, "ZZ.yaml"), "");
      expect(shippedSources(dir, ".yaml").equals(stored)).toBe(false);
      rmSync(join(dir, "ZZ.yaml"));
      rmSync(file);
      writeFileSync(join(dir, "ISO9002.yaml"), text);
      expect(shippedSources(dir, ".yaml").equals(stored)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(madeFrom(join(PRECOMPILED_DIR, "no-such.sources"), Buffer.alloc(0))).toBe(false);
  });
});

describe("validators precompiled by the build", () => {
  const file = (kind: FileKind) => join(PRECOMPILED_DIR, "validators", `${kind}.cjs`);
  const load = (kind: FileKind) => createRequire(import.meta.url)(file(kind)) as { validate: ((data: unknown) => boolean) & { errors?: unknown[] } };

  it("exist after npm run build, one per kind of file, and belong to the current schemas", () => {
    for (const kind of Object.keys(SCHEMA_FILES) as FileKind[]) expect(existsSync(file(kind)), kind).toBe(true);
    expect(madeFrom(PRECOMPILED_SCHEMA_SOURCES, shippedSources(SCHEMA_DIR, ".json"))).toBe(true);
    const names = [...readFileSync(PRECOMPILED_SCHEMA_SOURCES, "latin1").matchAll(/([\w.-]+\.json)\0\d+\0/g)].map((m) => m[1]);
    expect(names).toEqual(["common.schema.json", ...Object.values(SCHEMA_FILES)].sort());
  });

  it("report exactly what the schemas compiled at run time report", () => {
    const ajv = createAjv();
    for (const kind of Object.keys(SCHEMA_FILES) as FileKind[]) {
      const runtime = ajv.getSchema(SCHEMA_FILES[kind])!;
      const precompiled = load(kind).validate;
      for (const sample of SAMPLES[kind]) {
        expect(precompiled(sample), kind).toBe(false);
        expect(runtime(sample), kind).toBe(false);
        expect(precompiled.errors, kind).toEqual(runtime.errors);
      }
    }
  });

  it("come with V8 code caches that V8 takes under the flags bin/csr.js runs with", async () => {
    const flags = /setFlagsFromString\("([^"]+)"\)/.exec(readFileSync(join(ROOT, "bin", "csr.js"), "utf8"))![1]!;
    // scripts/build.js is plain JavaScript: imported by URL, with the type of the one function used.
    const build = (await import(pathToFileURL(join(ROOT, "scripts", "build.js")).href)) as { toolModule: (name: string, sources: string[]) => Promise<string> };
    const tool = await build.toolModule("validator-code", ["src/load/schemas.ts"]);
    const probe = `
      (await import("node:v8")).setFlagsFromString(${JSON.stringify(flags)});
      const { readFileSync } = await import("node:fs");
      const { runValidatorCode } = await import(${JSON.stringify(tool)});
      const kinds = ${JSON.stringify(Object.keys(SCHEMA_FILES))};
      const rejected = kinds.filter((kind) => {
        const file = ${JSON.stringify(join(PRECOMPILED_DIR, "validators"))} + "/" + kind + ".cjs";
        return runValidatorCode(file, readFileSync(file + ".cache")).script.cachedDataRejected;
      });
      console.log(JSON.stringify(rejected));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
