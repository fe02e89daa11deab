/**
 * The record of first article inspections (model/first-articles.ts; GJB 9001C-2017 8.5.1, GJB 908A): the next FA number of a
 * year, a failed inspection answered only by a later pass of the same product and operation, and a 技术状态更改 of a document
 * the record names followed by an inspection of its version, its change or a later day.
 */
import { describe, expect, it } from "vitest";
import { changesWithoutFirstArticle, failedWithoutPass, nextFirstArticleId } from "../../src/model/first-articles.js";
import type { ControlledDocument, FirstArticle } from "../../src/model/types.js";

const record = (id: string, fields: Partial<FirstArticle>): FirstArticle => ({ id, product: "XX-3 电源模块", operation: "灌封", reason: "process-change", date: "2026-11-20", members: ["luox"], result: "pass", report: id, ...fields });
const located = (...records: FirstArticle[]) => records.map((value) => ({ value }));

describe("nextFirstArticleId", () => {
  it("counts on from the highest of the year in any letter case, and starts each year at 001", () => {
    expect(nextFirstArticleId(["FA-2026-001", "fa-2026-009", "FA-2025-017", "NC-2026-044"], "2026")).toBe("FA-2026-010");
    expect(nextFirstArticleId(["FA-2026-001"], "2027")).toBe("FA-2027-001");
  });
});

describe("failedWithoutPass", () => {
  it("keeps a failure that no later pass of the same product and operation answers", () => {
    const failed = record("FA-2026-002", { result: "fail" });
    const records = located(record("FA-2026-001", { date: "2026-03-18" }), failed, record("FA-2026-003", { operation: "焊接", date: "2026-11-25" }));
    expect(failedWithoutPass(records).map((r) => r.value.id)).toEqual(["FA-2026-002"]);
  });

  it("takes a later pass written with other spaces and letter case, or one of the same day written after it, as the answer", () => {
    expect(failedWithoutPass(located(record("FA-2026-002", { result: "fail" }), record("FA-2026-003", { product: "xx-3电源模块", date: "2026-11-25" })))).toEqual([]);
    expect(failedWithoutPass(located(record("FA-2026-002", { result: "fail" }), record("FA-2026-003", {})))).toEqual([]);
    // A pass of the same day written before the failure came before it.
    expect(failedWithoutPass(located(record("FA-2026-001", {}), record("FA-2026-002", { result: "fail" }))).map((r) => r.value.id)).toEqual(["FA-2026-002"]);
  });

  it("compares the process when no operation is written", () => {
    const a = record("FA-2026-002", { result: "fail", operation: undefined, process: "C3" });
    expect(failedWithoutPass(located(a, record("FA-2026-003", { operation: undefined, process: "C4", date: "2026-11-25" }))).length).toBe(1);
    expect(failedWithoutPass(located(a, record("FA-2026-003", { operation: undefined, process: "C3", date: "2026-11-25" })))).toEqual([]);
  });
});

describe("changesWithoutFirstArticle", () => {
  const document: ControlledDocument = {
    id: "CSGY-XX3-001",
    title: "XX-3 灌封工艺规程",
    level: 3,
    kind: "instruction",
    department: "PRD",
    status: "released",
    revisions: [
      { version: "A/0", date: "2026-03-01" },
      { version: "A/1", date: "2026-06-01", change_request: "GG-2026-007", configuration_change: true },
      { version: "B/0", date: "2026-11-10", change_request: "GG-2026-014", configuration_change: true, first_article_required: true },
    ],
  } as ControlledDocument;

  it("reports a change asking for a 首件鉴定 in effect that none follows, even of a document no record names, and not a change that asked for none (review80 2)", () => {
    const before = record("FA-2026-001", { document: "CSGY-XX3-001", version: "A/0", date: "2026-03-18" });
    expect(changesWithoutFirstArticle(document, [before], "2026-12-04").map((c) => [c.revision.version, c.index, c.effective])).toEqual([["B/0", 2, "2026-11-10"]]);
    expect(changesWithoutFirstArticle(document, [], "2026-12-04").map((c) => c.revision.version)).toEqual(["B/0"]);
    // Not yet in effect on today.
    expect(changesWithoutFirstArticle(document, [before], "2026-11-09")).toEqual([]);
  });

  it("takes an inspection of the document or of its change, dated on or after the change's release, as following it", () => {
    expect(changesWithoutFirstArticle(document, [record("FA-2026-002", { document: "CSGY-XX3-001", date: "2026-11-10" })], "2026-12-04")).toEqual([]);
    expect(changesWithoutFirstArticle(document, [record("FA-2026-002", { document: "CSGY-XX3-002", change_request: "GG-2026-014", date: "2026-11-20" })], "2026-12-04")).toEqual([]);
    // Before the change was released, or of another document and change, it is no answer.
    expect(changesWithoutFirstArticle(document, [record("FA-2026-002", { document: "CSGY-XX3-001", version: "B/0", change_request: "GG-2026-014", date: "2026-11-09" })], "2026-12-04").length).toBe(1);
    expect(changesWithoutFirstArticle(document, [record("FA-2026-002", { document: "CS/WI-003", date: "2026-11-20" })], "2026-12-04").length).toBe(1);
  });

  it("asks nothing of an obsolete document", () => {
    expect(changesWithoutFirstArticle({ ...document, status: "obsolete" } as ControlledDocument, [], "2026-12-04")).toEqual([]);
  });
});
