/**
 * The --out folder of `csr site` over several runs: the files someone put in a site csr made are kept
 * (tester47 2), and a build that is interrupted or killed leaves no staging folder behind for good (tester47 4).
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, copyFixture, csrEnv, csrInProcess, filesOf, tempDir } from "../helpers.js";

const DAY = "2026-11-27";
const MARKER_NOTE = "此文件夹由 'csr site' 生成，下面列出 csr 写入的文件；下次对它运行 'csr site --out' 时，这些文件会被替换，其他文件保留。";

const build = (repo: string, out: string) => csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY], { lang: null });

const repo = copyFixture("examples/acme-auto");
/** The site of `repo` as a first `csr site --out` into an empty folder writes it, built once for the file. */
let made: string;
beforeAll(async () => {
  made = join(tempDir(), "site");
  const first = await build(repo, made);
  expect([first.code, first.stderr]).toEqual([0, "已生成网站：202 个页面，281 个文件（zh-CN）；csr check：0 个错误，6 个警告。\n"]);
}, 300_000);

/**
 * A site csr made before, in `out` (a new folder): a copy of the file's first build, the files and the marker
 * that build wrote, where a test that starts from "a site built there" would otherwise build the same again
 * (a build of acme-auto's site is about 1.5 s of CPU). The build over it is what the tests are about.
 */
function siteMadeIn(out: string): string {
  cpSync(made, out, { recursive: true });
  return out;
}

describe("csr site over a site it made before", () => {
  it("lists the files it wrote in its marker, and carries the files someone added into the new site, saying so", async () => {
    const out = siteMadeIn(join(tempDir(), "site"));
    const first = filesOf(out);
    const marker = readFileSync(join(out, ".csr-site"), "utf8");
    expect(marker).toBe(`${[MARKER_NOTE, ...first.filter((f) => f !== ".csr-site")].join("\n")}\n`);
    // What a publisher or an auditor puts there: a Pages domain, a note, a folder of their own; and a change to a page csr wrote.
    writeFileSync(join(out, "CNAME"), "qms.example.com\n");
    writeFileSync(join(out, ".nojekyll"), "");
    writeFileSync(join(out, "审核笔记.txt"), "二阶段审核\n");
    mkdirSync(join(out, "mine", "empty"), { recursive: true });
    writeFileSync(join(out, "mine", "a.txt"), "a\n");
    writeFileSync(join(out, "documents", "notes.txt"), "n\n");
    utimesSync(join(out, "CNAME"), new Date("2026-01-02T03:04:05Z"), new Date("2026-01-02T03:04:05Z"));
    writeFileSync(join(out, "index.html"), "edited\n");

    const again = await build(repo, out);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(
      "已生成网站：202 个页面，281 个文件（zh-CN）；csr check：0 个错误，6 个警告。\n保留了 6 个不是 csr 写入的文件（已放入新网站）：.nojekyll、CNAME、documents/notes.txt、mine/a.txt、mine/empty/等。\n",
    );
    expect(filesOf(out)).toEqual([...first, ".nojekyll", "CNAME", "documents/notes.txt", "mine/a.txt", "审核笔记.txt"].sort());
    expect(readFileSync(join(out, "CNAME"), "utf8")).toBe("qms.example.com\n");
    expect(statSync(join(out, "CNAME")).mtime.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(readFileSync(join(out, "审核笔记.txt"), "utf8")).toBe("二阶段审核\n");
    expect(readdirSync(join(out, "mine", "empty"))).toEqual([]);
    // A page csr wrote is csr's: replaced. The marker still lists csr's files only, so the next run keeps the added ones again.
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("<!DOCTYPE html>");
    expect(readFileSync(join(out, ".csr-site"), "utf8")).toBe(marker);
    expect((await build(repo, out)).code).toBe(0);
    expect(readFileSync(join(out, "mine", "a.txt"), "utf8")).toBe("a\n");
  });

  it("refuses, the old site untouched, when the new site has a file of its own where someone put one", async () => {
    const out = siteMadeIn(join(tempDir(), "site"));
    // As if robots.txt had been put there by hand before csr wrote one.
    const marker = join(out, ".csr-site");
    writeFileSync(marker, readFileSync(marker, "utf8").replace("\nrobots.txt\n", "\n"));
    writeFileSync(join(out, "robots.txt"), "User-agent: *\nAllow: /\n");
    writeFileSync(join(out, "CNAME"), "qms.example.com\n");
    const before = filesOf(out).map((f) => [f, readFileSync(join(out, f), "utf8")]);

    const refused = await build(repo, out);
    expect(refused.stderr).toBe(
      `csr: --out ${out} 中有 1 个不是 csr 写入的文件，而新网站在同一位置有自己的文件：robots.txt；csr 不覆盖它们，网站未更新。\n提示：请把它们移出该文件夹（或改名）后再运行。\n`,
    );
    expect(refused.code).toBe(2);
    expect(filesOf(out).map((f) => [f, readFileSync(join(out, f), "utf8")])).toEqual(before);
    expect(readdirSync(join(out, ".."))).toEqual(["site"]);
  });

  it("refuses to replace a site an earlier csr made (its marker lists no files) that holds files the new site does not have", async () => {
    const out = siteMadeIn(join(tempDir(), "site"));
    writeFileSync(join(out, ".csr-site"), "此文件夹由 'csr site' 生成；下次对它运行 'csr site --out' 时会被替换。\n");
    writeFileSync(join(out, "CNAME"), "qms.example.com\n");
    const refused = await build(repo, out);
    expect(refused.stderr).toBe(
      `csr: --out ${out} 由较早版本的 csr 生成，没有记录它写入了哪些文件；其中 1 个文件不在新网站中：CNAME；csr 分不清哪些是您的，网站未更新。\n提示：请把要保留的文件移出该文件夹，删除该文件夹后再运行；此后 csr 会记下它写入的文件，并保留其他文件。\n`,
    );
    expect(refused.code).toBe(2);
    expect(readFileSync(join(out, "CNAME"), "utf8")).toBe("qms.example.com\n");
    // Without such files it is replaced, and from then on its marker lists what csr wrote.
    const rebuilt = siteMadeIn(join(tempDir(), "site"));
    writeFileSync(join(rebuilt, ".csr-site"), "此文件夹由 'csr site' 生成；下次对它运行 'csr site --out' 时会被替换。\n");
    expect((await build(repo, rebuilt)).code).toBe(0);
    expect(readFileSync(join(rebuilt, ".csr-site"), "utf8").split("\n").slice(0, 2)).toEqual([MARKER_NOTE, "assets/document.css"]);
  });
});

describe("an interrupted csr site", () => {
  it("removes the staging folders of runs whose process is gone, and keeps those of runs still going", async () => {
    const parent = tempDir();
    // 4194305 is above Linux's largest pid (4194304): no process has it. This test's parent process is alive.
    for (const name of [".site.csr-site-4194305", `.site.csr-site-${process.ppid}`]) {
      mkdirSync(join(parent, name, "documents"), { recursive: true });
      writeFileSync(join(parent, name, "index.html"), "partial\n");
    }
    expect((await build(repo, join(parent, "site"))).code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([`.site.csr-site-${process.ppid}`, "site"]);
  });

  it("on Ctrl-C removes its staging folder, says it was cancelled and ends as Ctrl-C ends a run; the old site stays", async () => {
    const parent = tempDir();
    const out = siteMadeIn(join(parent, "site"));
    const before = filesOf(out).map((f) => [f, readFileSync(join(out, f)).toString("base64")]);
    const child = spawn(process.execPath, [BIN, "-C", repo, "site", "--out", out, "--today", DAY], { env: { ...csrEnv(), NO_COLOR: "1", LC_ALL: "", LC_MESSAGES: "", LANG: "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
    const staging = join(parent, `.site.csr-site-${child.pid}`);
    // Interrupted once it has begun to write the new site.
    while (!existsSync(join(staging, "documents"))) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    // The shell reports a run ended by SIGINT as exit status 130. (stderr beside it: a failure says what the run printed.)
    expect({ ...(await ended), stderr }).toEqual({ code: null, signal: "SIGINT", stderr: "csr: 已取消（Ctrl-C）。\n" });
    expect(readdirSync(parent)).toEqual(["site"]);
    expect(filesOf(out).map((f) => [f, readFileSync(join(out, f)).toString("base64")])).toEqual(before);
  }, 60_000);
});
