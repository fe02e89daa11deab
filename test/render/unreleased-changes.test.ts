/**
 * `csr render` of a released document whose file holds unreleased changes (edited, not submitted, not
 * released: breaker64 P12): the print is the current version's text as released, under that version's
 * signatures and 受控 stamp, and csr says that the working copy differs and what to do. Found from git: an
 * uncommitted edit against the commit that recorded the version (a copy of the example without tags),
 * a committed one against the release tag. A change of register data only (a copy recorded) is none.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";

const FILE = "documents/instructions/WI-010-01.yaml";
const RELEASED = "适用于扣压工序所有制动软管总成。";
const EDITED = "适用于扣压工序所有制动软管总成（含卡箍）。";
const SAID = "WI-010-01 的工作副本与已发布的 A/1 版不同（未发布的更改：sections）：打印的是 A/1 版发布时的文本。更改须经审批、发布后才能作为受控文件打印：送审用 'csr submit WI-010-01'（之后用 'csr render WI-010-01 --draft' 打印修订稿），发布用 'csr release WI-010-01'；或撤销更改。";

/** A copy of the example in git (one commit, no release tags), WI-010-01 A/1's scope edited in the working tree. */
function editedCopy(): string {
  const dir = committedFixture("examples/acme-auto");
  edit(dir, RELEASED, EDITED);
  return dir;
}

function edit(dir: string, from: string, to: string): void {
  const file = join(dir, FILE);
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** csr render of WI-010-01 in this process (csrInProcess); `binary` runs the built csr instead, as the first print does. */
async function print(binary: boolean, dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; text: string }> {
  const out = join(tempDir(), args.includes("docx") ? "print.docx" : args.includes("html") ? "print.html" : "print.md");
  const argv = ["-C", dir, "render", "WI-010-01", "--out", out, "--today", "2026-12-05", ...args];
  const options = { lang: args.includes("en") ? ("en" as const) : ("zh-CN" as const) };
  const result = binary ? csr(argv, options) : await csrInProcess(argv, options);
  const text = result.code !== 0 ? "" : out.endsWith(".docx") ? strFromU8(unzipSync(readFileSync(out))["word/document.xml"]!) : readFileSync(out, "utf8");
  return { ...result, text };
}

const render = (dir: string, ...args: string[]) => print(false, dir, args);

describe("csr render of a released document with unreleased changes", () => {
  it("prints the text as released under A/1's signatures (非受控 without --copy, 受控 with it), and says the working copy differs (md, html, docx, en)", async () => {
    const dir = editedCopy();
    const md = await print(true, dir, []);
    expect([md.code, md.stderr]).toEqual([0, `已输出 1 个文件（md，zh-CN）。\n${SAID}\n`]);
    const lines = md.text.split("\n");
    expect(lines[0]).toBe("**【非受控】**");
    expect(lines.filter((l) => l.startsWith("| 文件编号 | WI-010-01") || l.includes(RELEASED.slice(0, 8)))).toEqual(["| 文件编号 | WI-010-01 | 版本/版次 | A/1 | 制订部门 | 生产部 |", RELEASED]);
    expect(md.text).not.toContain("卡箍");
    const html = await render(dir, "--format", "html");
    expect([html.code, html.stderr.split("\n")[1], html.text.includes(RELEASED), html.text.includes("卡箍")]).toEqual([0, SAID, true, false]);
    const docx = await render(dir, "--format", "docx");
    expect([docx.code, docx.stderr.split("\n")[1], docx.text.includes("卡箍"), docx.text.includes("制动软管总成")]).toEqual([0, SAID, false, true]);
    const en = await render(dir, "--lang", "en");
    expect(en.stderr.split("\n")[1]).toBe(
      "The working copy of WI-010-01 differs from A/1 as released (unreleased changes: sections): printed is the text of A/1 as released. Changes print as a controlled document only once approved and released: submit them with 'csr submit WI-010-01' (then 'csr render WI-010-01 --draft' prints the draft), release them with 'csr release WI-010-01', or undo them.",
    );
    // A controlled copy too, and nothing was written to the document.
    expect((await csrInProcess(["-C", dir, "distribute", "WI-010-01", "--to", "PRD:huangjun", "--date", "2026-12-05", "-y"])).code).toBe(0);
    const copy = await render(dir, "--copy", "1");
    expect([copy.code, copy.stderr.split("\n")[1], copy.text.split("\n")[0], copy.text.includes("卡箍"), copy.text.includes(RELEASED)]).toEqual([0, SAID, "**【受控 受控号 1 持有：生产部 黄军】**", false, true]);
    expect(readFileSync(join(dir, FILE), "utf8")).toContain(EDITED);
  });

  it("with --all, prints every document and says it of the edited one only", () => {
    const dir = editedCopy();
    const out = tempDir();
    const all = csr(["-C", dir, "render", "--all", "--format", "md", "--out", out, "--today", "2026-12-05"], { lang: "zh-CN" });
    expect(all.code).toBe(0);
    expect(all.stderr.split("\n").filter((l) => l.includes("工作副本"))).toEqual([SAID]);
    const printed = readFileSync(join(out, "WI-010-01.zh-CN.md"), "utf8");
    expect([printed.includes(RELEASED), printed.includes("卡箍")]).toEqual([true, false]);
  });

  it("looks with two git processes for one document or all of them, none per document: where git is and its status (that no tag exists, from the git directory's files)", () => {
    const dir = committedFixture("examples/acme-auto");
    const bin = tempDir("csr-git-log-");
    const real = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${join(bin, "log")}'\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const gits = (...args: string[]) => {
      writeFileSync(join(bin, "log"), "");
      expect(csr(["-C", dir, "render", ...args, "--format", "md", "--out", tempDir() + "/", "--today", "2026-12-05"], { env: { PATH: `${bin}:${process.env.PATH}` } }).code).toBe(0);
      return readFileSync(join(bin, "log"), "utf8").split("\n").filter(Boolean).map((line) => line.replace(/^(--literal-pathspecs )?-c core\.quotepath=off /, ""));
    };
    const two = ["rev-parse --is-inside-work-tree --show-prefix", "status --porcelain -z --untracked-files=no"];
    expect(gits("WI-010-01")).toEqual(two);
    expect(gits("--all")).toEqual(two);
  });

  it("says nothing when only register data changed (a copy recorded, not committed), nor once the edit is undone", async () => {
    const dir = committedFixture("examples/acme-auto");
    expect(csr(["-C", dir, "distribute", "WI-010-01", "--to", "PRD:huangjun", "--date", "2026-12-05", "-y"]).code).toBe(0);
    expect(git(dir, ["status", "--porcelain"])).toBe(` M ${FILE}\n`);
    const plain = await render(dir);
    expect([plain.code, plain.stderr]).toEqual([0, "已输出 1 个文件（md，zh-CN）。\n"]);
    edit(dir, RELEASED, EDITED);
    expect((await render(dir)).stderr).toContain(SAID);
    edit(dir, EDITED, RELEASED);
    expect((await render(dir)).stderr).toBe("已输出 1 个文件（md，zh-CN）。\n");
  });

  it("a change committed after a release is found against its release tag; once submitted, the 修订中 line says it instead", async () => {
    const dir = editedCopy();
    const released = await csrInProcess(["-C", dir, "release", "WI-010-01", "--summary", "适用范围增加卡箍", "--total-pages", "1", "--pages", "P1", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-12-03", "-y"], { lang: "zh-CN" });
    expect(released.code).toBe(0);
    expect(git(dir, ["tag", "--list", "WI-010-01/*"])).toBe("WI-010-01/A-2\n");
    expect((await render(dir)).stderr).toBe("已输出 1 个文件（md，zh-CN）。\n");
    edit(dir, EDITED, "适用于扣压工序所有制动软管总成（含卡箍、护套）。");
    git(dir, ["commit", "-qam", "改适用范围"]);
    const committed = await render(dir);
    expect([committed.code, committed.stderr.split("\n")[1]]).toEqual([0, SAID.replaceAll("A/1", "A/2")]);
    expect([committed.text.includes(EDITED), committed.text.includes("护套")]).toEqual([true, false]);
    expect((await csrInProcess(["-C", dir, "submit", "WI-010-01", "--by", "gaoyang", "--date", "2026-12-04"])).code).toBe(0);
    const submitted = await render(dir);
    expect(submitted.stderr).toBe("已输出 1 个文件（md，zh-CN）。\nWI-010-01 修订中（2026-12-04 送审）：打印的是现行版本 A/2 发布时的文本；修订稿用 'csr render WI-010-01 --draft' 打印。\n");
    expect([submitted.text.includes(EDITED), submitted.text.includes("护套")]).toEqual([true, false]);
  });
});
