/**
 * Two writers at once lose nothing (issue 10): for each writing command, pairs of csr processes
 * (6 in `npm test`, 20 in `npm run test:stress`) are started together on the same entity of a
 * fresh repository; every record the pair was asked to make is there exactly once, and a refused
 * second writer says why in one line.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { initFiles, rootOnly } from "../../src/commands/init/files.js";
import { copyFixture, git, gitInit, tempDir } from "../helpers.js";
import { csrAsync, gitState, leftovers, pool, snapshot, type AsyncRun } from "./harness.js";

const PAIRS = Number(process.env.CSR_TEST_PAIRS ?? 6);
const REGISTER = "序号,文件名称,文件编号,部门\n1,文件控制程序,QP-101,QA\n2,记录控制程序,QP-102,QA\n";
/** How long a writer may wait for the other: generous, under the load of the whole test suite. */
const ENV = { CSR_LOCK_WAIT_MS: "60000" };

let template: string | undefined;

function freshRepo(): string {
  if (!template) {
    template = tempDir("csr-pair-");
    cpSync(copyFixture("test/fixtures/csr/valid"), join(template, "repo"), { recursive: true });
    writeFileSync(join(template, "register.csv"), REGISTER);
    // A second member of QA, so that two people of one department can race for its opinion.
    appendFileSync(join(template, "repo", "people.yaml"), "  - id: zhao\n    name: 赵敏\n    department: QA\n    roles: [reviewer]\n");
    // DYA-003, addressed in WI-031 (withdrawn by a scenario), is addressed in QP-020 too: withdrawn alone, WI-031 would leave it addressed only by an obsolete document, which csr obsolete refuses.
    const dya003 = join(template, "repo", "csr/DYA/DYA-003.yaml");
    writeFileSync(dya003, readFileSync(dya003, "utf8").replace('  - { document: WI-031, section: "5.2" }\n', '  - { document: WI-031, section: "5.2" }\n  - { document: QP-020 }\n'));
    gitInit(join(template, "repo"));
    // A git repository that is not a csr one (a company's larger repository), for csr init into a folder of it: a csr repository's folder is refused.
    mkdirSync(join(template, "mono"));
    writeFileSync(join(template, "mono", "README.md"), "其他项目\n");
    gitInit(join(template, "mono"));
  }
  const parent = tempDir("csr-pair-");
  cpSync(template, parent, { recursive: true });
  return join(parent, "repo");
}

const yamlOf = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8")) as Record<string, any>;

/** Runs `pairs` pairs of the two commands, each pair started together in its own fresh repository. */
async function runPairs(a: (dir: string) => string[], b: (dir: string) => string[], verify: (dir: string, runs: [AsyncRun, AsyncRun]) => void): Promise<void> {
  await pool(
    4,
    Array.from({ length: PAIRS }, () => async () => {
      const dir = freshRepo();
      const runs = (await Promise.all([csrAsync(a(dir), { cwd: dir, env: ENV }), csrAsync(b(dir), { cwd: dir, env: ENV })])) as [AsyncRun, AsyncRun];
      verify(dir, runs);
      expect(leftovers(dir)).toEqual([]);
    }),
  );
}

const codes = (runs: AsyncRun[]) => runs.map((r) => r.code).sort();
const stderrs = (runs: AsyncRun[]) => runs.map((r) => r.stderr).filter(Boolean);

describe(`${PAIRS} pairs of writers at once on the same entity`, { timeout: 240_000 }, () => {
  it("review: opinions of two departments are both recorded", async () => {
    const review = (department: string, reviewer: string) => () => ["review", "DYA-001", "--department", department, "--reviewer", reviewer, "--opinion", "accept", "--date", "2026-11-27", "--yes", "--commit"];
    await runPairs(review("QA", "zhang"), review("MKT", "li"), (dir, runs) => {
      expect(stderrs(runs)).toEqual([]);
      expect(codes(runs)).toEqual([0, 0]);
      expect(yamlOf(dir, "csr/DYA/DYA-001.yaml").review.opinions.map((o: { department: string }) => o.department).sort()).toEqual(["MKT", "QA"]);
      expect(gitState(dir).subjects.sort()).toEqual(["csr review DYA-001：品质部 同意", "csr review DYA-001：市场部 同意", "initial"]);
    });
  });

  it("review: of two people of one department, one is recorded and the other is told why", async () => {
    const review = (reviewer: string) => () => ["--lang", "en", "review", "DYA-001", "--department", "QA", "--reviewer", reviewer, "--opinion", "accept", "--date", "2026-11-27", "--yes"];
    await runPairs(review("zhang"), review("zhao"), (dir, runs) => {
      expect(codes(runs)).toEqual([0, 2]);
      expect(stderrs(runs)).toEqual([expect.stringMatching(/^csr: 品质部 has already given its opinion on DYA-001: accept, by (张伟 \(zhang\)|赵敏 \(zhao\)) on 2026-11-27\.\nhint: Add --amend/)]);
      expect(yamlOf(dir, "csr/DYA/DYA-001.yaml").review.opinions).toHaveLength(1);
    });
  });

  it("add --commit: two registrations get two numbers and two commits", async () => {
    const add = (title: string) => () => ["add", "--customer", "DYA", "--source", "DYA-SQM", "--clause", "IATF16949:8.5.1", "--title", title, "--yes", "--commit"];
    await runPairs(add("包装要求"), add("标签要求"), (dir, runs) => {
      expect(stderrs(runs)).toEqual([]);
      expect(codes(runs)).toEqual([0, 0]);
      const titles = [yamlOf(dir, "csr/DYA/DYA-011.yaml").title, yamlOf(dir, "csr/DYA/DYA-012.yaml").title];
      expect([...titles].sort()).toEqual(["包装要求", "标签要求"].sort());
      expect(gitState(dir).subjects.slice(0, 2).sort()).toEqual([`csr add DYA-011：${titles[0]}`, `csr add DYA-012：${titles[1]}`]);
      expect(gitState(dir).status).toBe("");
    });
  });

  it("source update --commit: the new revision is recorded once and each CSR starts one new round", async () => {
    const update = () => ["source", "update", "DYA-SQM", "--revision", "D", "--received", "2026-11-27", "--commit"];
    await runPairs(update, update, (dir, runs) => {
      expect(stderrs(runs)).toEqual([]);
      expect(codes(runs)).toEqual([0, 0]);
      const revisions = yamlOf(dir, "customers/DYA.yaml").sources[0].revisions.map((r: { revision: string }) => r.revision);
      expect(revisions).toEqual(["B", "C", "D"]);
      const rounds = yamlOf(dir, "csr/DYA/DYA-002.yaml").review.history.filter((h: { revised_to?: string }) => h.revised_to === "D");
      expect(rounds).toHaveLength(1);
      expect(gitState(dir).subjects.filter((s) => s.startsWith("csr source update"))).toHaveLength(1);
    });
  });

  it("release: the document is released once; the second writer, under the lock, finds it unchanged since that release", async () => {
    // The fixture's QP-020 is as committed with A/1: only --force releases it. Whichever runs first,
    // the other finds the document unchanged, since A/1's commit or since the tag of A/2.
    const release = (summary: string, ...force: string[]) => () => ["release", "QP-020", "--summary", summary, "--prepared", "li", "--reviewed", "wang", "--approved", "zhang", "--date", "2026-11-27", ...force];
    await runPairs(release("修订甲", "--force"), release("修订乙"), (dir, runs) => {
      expect(codes(runs)).toEqual([0, 2]);
      expect(stderrs(runs)).toEqual([expect.stringMatching(/^csr: QP-020 自 (A\/2 发布（标签 QP-020\/A-2）|A\/1 发布（提交 [0-9a-f]{7}，即添加该修订的提交）)以来没有更改/)]);
      expect(yamlOf(dir, "documents/QP-020.yaml").revisions.map((r: { version: string }) => r.version)).toEqual(["A/1", "A/2"]);
      expect(gitState(dir).tags).toEqual(["QP-020/A-2"]);
      expect(git(dir, ["rev-list", "-n1", "QP-020/A-2"])).toBe(git(dir, ["rev-parse", "HEAD"]));
    });
  });

  it("obsolete: the document is withdrawn once; the second writer is told it is obsolete already", async () => {
    const withdraw = () => ["obsolete", "WI-031", "--reason", "并入 QP-020", "--date", "2026-11-27"];
    await runPairs(withdraw, withdraw, (dir, runs) => {
      expect(codes(runs)).toEqual([0, 2]);
      expect(stderrs(runs)).toEqual(["csr: WI-031 已经作废（自 2026-11-27 起）。\n"]);
      expect(gitState(dir).subjects.filter((s) => s.startsWith("作废 WI-031"))).toHaveLength(1);
    });
  });

  it("import: the register's files are written once; the second import finds them there", async () => {
    const importing = (dir: string) => ["import", join(dir, "..", "register.csv"), "--as", "procedures"];
    await runPairs(importing, importing, (dir, runs) => {
      // The second finds the files as the register writes them: counted, not conflicts (tester76 M5).
      const second = runs.find((r) => r.stdout.includes("未重复导入"))!;
      expect(second.stdout).toContain("已导入 2 行中的 0 行；2 行与仓库中的文件相同，未重复导入。");
      expect(runs.filter((r) => r.stdout.includes("已导入 2 行中的 2 行。"))).toHaveLength(1);
      expect(yamlOf(dir, "documents/QP-101.yaml").title).toBe("文件控制程序");
    });
  });

  it("init: one repository is created; the second init writes nothing over it", async () => {
    const init = (dir: string) => ["init", join(dir, "..", "mono", "new")];
    await runPairs(init, init, (dir, runs) => {
      expect(codes(runs)).toEqual([0, 2]);
      expect(stderrs(runs)).toEqual([expect.stringMatching(/^csr: .*\/new 中已有 .*；csr init 不会覆盖已有的文件。/)]);
      // "new" is a folder of a larger git repository: csr init leaves out the CI files and the hook there.
      expect(Object.keys(snapshot(join(dir, "..", "mono", "new")))).toHaveLength([...initFiles(false).keys()].filter((path) => !rootOnly(path)).length);
      expect(leftovers(join(dir, "..", "mono"))).toEqual([]);
    });
  });

  it("render --out and export --out: both complete, the files whole", async () => {
    const render = () => ["render", "--all", "--format", "md", "--out", "out"];
    const exporting = () => ["export", "--out", "out/registers.xlsx", "--force"];
    await runPairs(render, render, (dir, runs) => {
      expect(codes(runs)).toEqual([0, 0]);
      expect(Object.keys(snapshot(join(dir, "out")))).toEqual(["QP-009.zh-CN.md", "QP-020.zh-CN.md", "WI-031.zh-CN.md"]);
    });
    await runPairs(exporting, exporting, (dir, runs) => {
      expect(codes(runs)).toEqual([0, 0]);
      expect(snapshot(join(dir, "out"))).toEqual({ "registers.xlsx": "complete workbook" });
    });
  });
});
