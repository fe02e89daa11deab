/**
 * After a release, csr release says what is left to do at the points of use (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3;
 * tester65 N7): the controlled copies of the earlier version still out on the distribution record, with the exact
 * 'csr recall' and 'csr distribute --to <the units that held them>' (stdout, as before, with the units named); an
 * electronic issue of the version replaced, with the 'csr distribute --electronic' that replaces it (stdout); and,
 * in a repository that records distribution, a note on stderr for a document of which no controlled copy is out. A
 * repository that records none gets nothing new. The built binary, on copies of acme-auto and of a minimal repository.
 */
import { describe, expect, it } from "vitest";
import { committedFixture, csr, gitInit, minimalRepo, releasedProcedure } from "../helpers.js";
import { expiredNote } from "../today.js";

const SIGNED = ["--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-20", "--force", "-y"];

/** acme-auto's `id` released once more (unchanged, --force), in `lang`. */
function released(id: string, lang: "zh-CN" | "en", ...more: string[]) {
  const dir = committedFixture("examples/acme-auto");
  const run = csr(["-C", dir, "release", id, "--summary", "换版", "--total-pages", "2", ...SIGNED, ...more], { lang });
  return { code: run.code, stdout: run.stdout.replace(/(commit|提交) [0-9a-f]{7}/, "$1 <sha>"), stderr: run.stderr };
}

describe("csr release says what is left to do at the points of use (tester65 N7)", () => {
  it("names the copies of the earlier version to recall, and the units to hand the new one to", () => {
    expect(released("QP-009", "zh-CN")).toEqual({
      code: 0,
      stdout: [
        "已发布 QP-009 A/1（documents/procedures/QP-009.yaml）：提交 <sha>，标签 QP-009/A-1。",
        "需回收的旧版受控副本（文件回收）：受控号 1（A/0，品质部）、受控号 2（A/0，生产部）。回收后用 'csr recall QP-009' 登记，并用 'csr distribute QP-009 --to QA PRD' 向持有单位发放 A/1。",
        "",
      ].join("\n"),
      stderr: "",
    });
    // Released to take effect later, the copies stay in use until then: recalled from that day.
    expect(released("QP-009", "en", "--effective", "2026-11-25").stdout).toContain(
      "Controlled copies of the earlier version (文件回收): 1 (A/0, Quality Assurance), 2 (A/0, Production); A/1 takes effect on 2026-11-25 and they stay in use until then: recall them from that day, record their return with 'csr recall QP-009 --date <date>', and hand out A/1 where they are used with 'csr distribute QP-009 --to QA PRD'.\n",
    );
  });

  it("names the electronic issue of the version replaced and the csr distribute --electronic that replaces it", () => {
    const run = released("QP-010", "en");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").slice(1)).toEqual([
      "QP-010 A/1 is issued electronically (OA, read-only) to Production, Engineering, Quality Assurance, Marketing & Sales: issue A/2 in its place with 'csr distribute QP-010 --electronic --to PRD ENG QA MKT --system OA'.",
      "",
    ]);
    expect(run.stderr).toBe("");
  });

  it("notes on stderr that no controlled copy is out, with the csr distribute to run, where the repository records distribution", () => {
    const dir = committedFixture("examples/acme-auto");
    const run = csr(["-C", dir, "release", "WI-011-01", "--summary", "首次发布", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-20", "-y"], { lang: "zh-CN" });
    expect({ code: run.code, stdout: run.stdout.replace(/提交 [0-9a-f]{7}/, "提交 <sha>"), stderr: run.stderr }).toEqual({
      code: 0,
      stdout: "已发布 WI-011-01 A/0（documents/instructions/WI-011-01.yaml）：提交 <sha>，标签 WI-011-01/A-0。\n",
      // Its department, and those the CSRs it addresses went to.
      stderr: "注意：文件发放/回收记录中还没有 WI-011-01 的受控副本。请用 'csr distribute WI-011-01 --to PRD PUR QA' 向使用场所发放 A/0，或用 'csr distribute WI-011-01 --electronic --to PRD PUR QA' 登记其电子版发放。\n",
    });
  });

  it("asks for nothing to be handed out of a temporary version released after its last day", () => {
    const dir = committedFixture("examples/acme-auto");
    const run = csr(["-C", dir, "release", "WI-011-01", "--summary", "首次发布", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-20", "--until", "2026-11-30", "-y"], { lang: "zh-CN" });
    expect([run.code, run.stderr]).toEqual([0, expiredNote("2026-11-30", "WI-011-01")]);
  });

  it("says nothing new in a repository that records no distribution", () => {
    const dir = gitInit(minimalRepo({ "documents/QP-020.yaml": releasedProcedure("QP-020", "文件控制程序", { title: "目的", text: "规定文件的控制。" }) }));
    const run = csr(["-C", dir, "release", "QP-020", "--summary", "换版", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-11-20", "--force", "-y"], { lang: "zh-CN" });
    expect({ code: run.code, lines: run.stdout.split("\n").length, stderr: run.stderr }).toEqual({ code: 0, lines: 2, stderr: "" });
  });
});
