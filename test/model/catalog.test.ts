/** The shipped standards catalogs and a repository's own additions. */
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { csr, minimalRepo } from "../helpers.js";

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
});
