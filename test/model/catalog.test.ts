/** The shipped standards catalogs and a repository's own additions. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRepository } from "../../src/load/repository.js";
import { correspondingClauses, formerNumbers, readClauseRefs, readInFormerEdition, wholeChapters } from "../../src/model/catalog.js";
import { csr, FIXTURES, minimalRepo } from "../helpers.js";

describe("standards catalogs", () => {
  const repo = loadRepository(minimalRepo());

  it("ships IATF 16949:2016 with exactly its 195 numbered entries, titles and parents", () => {
    const iatf = repo.catalogs.get("IATF16949")!;
    expect(iatf.clauses.size).toBe(195);
    expect(iatf.clauses.get("4.3.2")).toEqual({ number: "4.3.2", title: "顾客特定要求", title_en: "Customer-specific requirements", origin: "IATF", parent: "4.3" });
    expect(iatf.clauses.get("4.4.1")).toMatchObject({ title: null, title_en: null, origin: "ISO", parent: "4.4" });
    expect(iatf.clauses.get("8.3.3.3")).toMatchObject({ origin: "IATF", parent: "8.3.3" });
    expect([...iatf.clauses.keys()].slice(0, 3)).toEqual(["4", "4.1", "4.2"]);
    expect([...iatf.clauses.keys()].at(-1)).toBe("10.3.1");
  });

  it("ships GJB 9001C-2017 as provisional, with 8.3.7 new product trial production", () => {
    const gjb = repo.catalogs.get("GJB9001C")!;
    expect(gjb.provisional).toBe(true);
    expect(gjb.clauses.get("8.3.7")).toMatchObject({ title: "新产品试制", origin: "GJB", parent: "8.3" });
    expect(gjb.clauses.get("7.5")?.title).toBe("成文信息");
  });

  it("ships ISO 9001:2015 without IATF supplements", () => {
    const iso = repo.catalogs.get("ISO9001")!;
    expect(iso.clauses.size).toBe(91);
    expect(iso.clauses.has("8.3.3.3")).toBe(false);
    expect(iso.provisional).toBe(false);
  });

  it("lets a repository add clauses to a shipped catalog and define its own", () => {
    const dir = minimalRepo({
      "qms.yaml": "organisation: {name: 测试}\nstandards: [GJB9001C, CUSTX]\ndepartments: [{code: QA, name: 品质部}, {code: MKT, name: 市场部}]\n",
      "standards/GJB9001C.yaml": "id: GJB9001C\ntitle: GJB 9001C-2017\nclauses:\n  - number: 8.3.8\n    title: 试验控制\n",
      "standards/CUSTX.yaml": "id: CUSTX\ntitle: 顾客X质量要求\nclauses:\n  - number: \"1\"\n    title: 总则\n",
      "documents/QP-001.yaml": "id: QP-001\ntitle: 试验控制程序\nlevel: 2\nkind: procedure\ndepartment: QA\nstatus: draft\nclauses: [GJB9001C:8.3.8, CUSTX:1, GJB9001C:8.3.9]\n",
    });
    const result = csr(["-C", dir, "check"]);
    expect(result.stdout.split("\n").filter((l) => l.includes(" error "))).toEqual([
      "documents/QP-001.yaml:7:36 error clause/unknown-clause GJB 9001C-2017 has no clause 8.3.9. The nearest existing clause is GJB9001C:8.3. The GJB 9001C-2017 catalog is provisional: if the clause exists, add it to standards/GJB9001C.yaml in this repository. Correct the number.",
    ]);
  });

  it("states each shipped catalog's edition, and maps an old number through a new edition's correspondence", () => {
    expect(["IATF16949", "ISO9001", "GJB9001C"].map((id) => repo.catalogs.get(id)!.edition)).toEqual(["2016", "2015", "2017"]);
    const withE2 = loadRepository(minimalRepo({ "standards/IATF16949E2.yaml": readFileSync(join(FIXTURES, "editions", "IATF16949E2.yaml")) }));
    const e2 = withE2.catalogs.get("IATF16949E2")!;
    expect(e2.supersedes?.transitionEnds).toBe("2027-06-30");
    // Renumbered, split, removed, unlisted with the same number, unlisted without one.
    expect(["8.3.3.3", "8.5.1.1", "4.4.1.2", "8.5.4", "7.5.1.1"].map((n) => correspondingClauses(e2, n))).toEqual([["8.3.3.4"], ["8.5.1.1", "8.5.1.8"], [], ["8.5.4"], undefined]);
    expect(formerNumbers(e2, withE2.catalogs.get("IATF16949")!).get("8.5.1.8")).toEqual(["8.5.1.1"]);
    // The old edition reads a renumbered clause, a part of a split one and an unchanged one as the old clauses; other standards as they are.
    const old = withE2.catalogs.get("IATF16949")!;
    const former = formerNumbers(e2, old);
    expect(readInFormerEdition(["IATF16949E2:8.3.3.4", "IATF16949E2:8.5.1.8", "IATF16949E2:8.5.4", "ISO9001:8.5.4"], e2, old, former)).toEqual([
      "IATF16949E2:8.3.3.4",
      "IATF16949E2:8.5.1.8",
      "IATF16949E2:8.5.4",
      "ISO9001:8.5.4",
      "IATF16949:8.3.3.3",
      "IATF16949:8.5.1.1",
      "IATF16949:8.5.4",
    ]);
    const untouched = ["IATF16949:4.4.1.2"];
    expect(readInFormerEdition(untouched, e2, old, former)).toBe(untouched);
  });
});

describe("chapters named whole (auditor16 F9)", () => {
  const iatf = loadRepository(minimalRepo()).catalogs;
  const catalog = iatf.get("IATF16949")!;
  const all = [...catalog.clauses.keys()];

  it("are one range a run of consecutive chapters of which every clause is named; the rest stays clause by clause", () => {
    expect(wholeChapters(catalog, all)).toEqual([{ from: "4", to: "10" }]);
    const without = all.filter((n) => n !== "8.3.2.1");
    expect(wholeChapters(catalog, without)).toEqual([{ from: "4", to: "7" }, ...without.filter((n) => n === "8" || n.startsWith("8.")), { from: "9", to: "10" }]);
    // A chapter alone, one without clauses under it named, and a number the catalog does not have.
    const seven = all.filter((n) => n === "7" || n.startsWith("7."));
    expect(wholeChapters(catalog, ["4", ...seven, "9.2", "11.1"])).toEqual(["4", { from: "7", to: "7" }, "9.2", "11.1"]);
  });

  it("are read back by csr import as the clauses they stand for, in Chinese and English, with or without the standard", () => {
    const standards = [...iatf.keys()];
    expect(readClauseRefs("4–10（全部条款）", standards, "IATF16949", iatf)).toEqual({ clauses: all.map((n) => `IATF16949:${n}`), bad: [], read: [] });
    expect(readClauseRefs("4–10 (all clauses)", standards, "IATF16949", iatf)).toEqual({ clauses: all.map((n) => `IATF16949:${n}`), bad: [], read: [] });
    const without = all.filter((n) => n !== "8.3.2.1");
    const printed = ["4–7（全部条款）", ...without.filter((n) => n === "8" || n.startsWith("8.")), "9–10（全部条款）"].join("/");
    expect(readClauseRefs(printed, standards, "IATF16949", iatf)).toEqual({ clauses: without.map((n) => `IATF16949:${n}`), bad: [], read: [] });
    expect(readClauseRefs("ISO9001:7.5/IATF16949:10 (all clauses)", standards, undefined, iatf)).toEqual({ clauses: ["ISO9001:7.5", "IATF16949:10", "IATF16949:10.1", "IATF16949:10.2", "IATF16949:10.2.1", "IATF16949:10.2.2", "IATF16949:10.2.3", "IATF16949:10.2.4", "IATF16949:10.2.5", "IATF16949:10.2.6", "IATF16949:10.3", "IATF16949:10.3.1"], bad: [], read: [] });
    // Chapters the catalog does not have are no clauses.
    expect(readClauseRefs("11–12（全部条款）", standards, "IATF16949", iatf).clauses).toEqual([]);
  });
});
