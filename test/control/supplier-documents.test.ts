/**
 * A document written for suppliers (`audience: supplier`, csr set --audience supplier; tester73 S5): its readers are
 * outside parties, so no department is asked to hold a copy of it — csr/deployed-without-copy does not count it, and
 * doc/no-copy-in-force names only the outside parties left without the version in force.
 */
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, FIXTURES, gitInit, tempDir } from "../helpers.js";

/** The invalid case of a rule's fixture over the fixtures' base, committed. */
function ruleCase(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
  cpSync(join(FIXTURES, "rules", name, "invalid"), dir, { recursive: true });
  gitInit(dir);
  return dir;
}

const findingsOf = async (dir: string, rule: string) => (await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line} ${f.message.slice(0, 40)}`);

describe("a document written for suppliers", () => {
  it("asks no department for a copy of it when a CSR it addresses is distributed to them", async () => {
    const dir = ruleCase("csr-deployed-without-copy");
    expect(await findingsOf(dir, "csr/deployed-without-copy")).toEqual(["csr/DYA/DYA-001.yaml:14 DYA-001 was distributed to 市场部, but QP-0"]);
    const set = await csrInProcess(["-C", dir, "set", "QP-005", "--audience", "supplier", "-y"]);
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(set.stdout.split("\n")[1]).toBe("  Readers: suppliers (was the organisation's people)");
    expect(readFileSync(join(dir, "documents", "QP-005.yaml"), "utf8")).toMatch(/^audience: supplier$/m);
    expect(await findingsOf(dir, "csr/deployed-without-copy")).toEqual([]);
    // Back to the organisation's people: the finding is back.
    expect((await csrInProcess(["-C", dir, "set", "QP-005", "--audience", "", "-y"])).code).toBe(0);
    expect(await findingsOf(dir, "csr/deployed-without-copy")).toHaveLength(1);
    expect((await csrInProcess(["-C", dir, "set", "QP-005", "--audience", "customer", "-y"])).stderr).toBe("csr: --audience 'customer': only supplier (a document written for suppliers) or \"\" (the organisation's people).\n");
  });

  it("leaves a department that gave its copy of the previous version back unreported", async () => {
    const dir = ruleCase("doc-no-copy-in-force");
    expect(await findingsOf(dir, "doc/no-copy-in-force")).toHaveLength(1);
    expect((await csrInProcess(["-C", dir, "set", "QP-005", "--audience", "supplier", "-y"])).code).toBe(0);
    expect(await findingsOf(dir, "doc/no-copy-in-force")).toEqual([]);
  });
});

describe("a customer's document given to an outside party (IATF 16949 8.1.2)", () => {
  it("is refused without the record of the customer's consent, and keeps the record on the copy given with it", async () => {
    const { committedFixture } = await import("../helpers.js");
    const dir = committedFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", dir, "department", "add", "CZXS", "--name", "常州橡塑材料有限公司", "--external", "other", "-y", "--commit"])).code).toBe(0);
    const before = readFileSync(join(dir, "customers", "DYA.yaml"), "utf8");
    const refused = await csrInProcess(["-C", dir, "distribute", "DYA-SC", "--to", "CZXS", "--date", "2026-12-02", "-y"]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      "csr: DYA-SC is a document of customer DYA: giving it to 常州橡塑材料有限公司 needs the customer's consent (IATF 16949 8.1.2: the customer's confidential information). Give the record of it with --customer-consent.\nhint: e.g. csr distribute DYA-SC --to CZXS --customer-consent <e-mail or letter number>\n",
    ]);
    expect(readFileSync(join(dir, "customers", "DYA.yaml"), "utf8")).toBe(before);
    const given = await csrInProcess(["-C", dir, "distribute", "DYA-SC", "--to", "CZXS", "QA", "--date", "2026-12-02", "--customer-consent", "MAIL-DYA-2026-118", "-y"]);
    expect([given.code, given.stderr]).toEqual([0, ""]);
    const copies = readFileSync(join(dir, "customers", "DYA.yaml"), "utf8").split("\n").filter((l) => /^ {6}- \{copy: [0-9]+, version: B, to: (CZXS|QA)/.test(l));
    expect(copies.map((l) => l.replace(/, issued_by.*$/, ""))).toEqual([expect.stringMatching(/to: CZXS, customer_consent: MAIL-DYA-2026-118$/), expect.stringMatching(/to: QA$/)]);
    // A department of the company needs no consent: the document stays inside.
    expect((await csrInProcess(["-C", dir, "distribute", "DYA-SC", "--to", "ENG", "--date", "2026-12-02", "-y"])).code).toBe(0);
  });
});
