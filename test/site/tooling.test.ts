/**
 * The tooling of a customer's audit pack (csr site --customer; IATF 16949 8.5.1.6, 8.5.3): the tooling the customer owns and
 * ours that a document of the pack names — the tie the pack keeps documents by — with their pages and the two registers,
 * nothing of the other customer's. acme-auto with WI-010-01 (in DYA's pack: it addresses DYA-001) naming FX-30-02; EP-30-01
 * is named by no document, MD-20-01 is Dongyue's mould; the site's day is 2026-12-04.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture, csrInProcess, gitInit, tempDir } from "../helpers.js";

async function pack(repo: string, customer: string): Promise<string> {
  const out = join(tempDir(), "site");
  const run = await csrInProcess(["-C", repo, "site", "--out", out, "--customer", customer, "--today", "2026-12-04"], { lang: null });
  expect(run.code, run.stderr).toBe(0);
  return out;
}

describe("csr site --customer: the customer's tooling and ours that makes its parts", () => {
  let dya: string;
  let bcm: string;
  beforeAll(async () => {
    const repo = copyFixture("examples/acme-auto");
    const wi = join(repo, "documents/instructions/WI-010-01.yaml");
    writeFileSync(wi, readFileSync(wi, "utf8").replace("确认设备点检已完成；", "确认设备点检已完成，工件放入定位夹具 FX-30-02；"));
    gitInit(repo);
    dya = await pack(repo, "DYA");
    bcm = await pack(repo, "BCM");
  }, 120_000);

  it("holds Dongyue's mould and the fixture its work instruction names, not the device no document of the pack names", () => {
    const read = (path: string) => readFileSync(join(dya, path), "utf8");
    expect(["tooling/MD-20-01.html", "tooling/FX-30-02.html", "tooling/EP-30-01.html"].map((p) => existsSync(join(dya, p)))).toEqual([true, true, false]);
    expect(read("registers/tooling.csv").split("\n").map((line) => line.split(",")[1]).slice(1, -1)).toEqual(["FX-30-02", "MD-20-01"]);
    // No device of the pack has a verification plan: no error-proofing record, and EP-30-01's verifications are not the customer's to read.
    expect(existsSync(join(dya, "registers/error-proofing.html"))).toBe(false);
    expect(read("tooling/FX-30-02.html")).toContain('<li><a href="../documents/WI-010-01.html">WI-010-01 制动软管总成扣压作业指导书  2 作业步骤</a></li>');
  });

  it("holds no tooling for Beichen, whose pack's documents name none and who owns none", () => {
    expect(existsSync(join(bcm, "tooling"))).toBe(false);
    expect(existsSync(join(bcm, "registers/tooling.html"))).toBe(false);
    expect(readFileSync(join(bcm, "index.html"), "utf8")).not.toContain('id="panel-tooling"');
  });
});
