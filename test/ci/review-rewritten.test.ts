/**
 * A decided CSR's review record edited by hand (tester54b B2: 必须满足 → 不适用, who decided, the date),
 * through the pre-commit hook that `csr init` writes (`csr check --staged --base HEAD`) and CI's
 * `csr check --base <rev>`: refused, while csr's own changes (`csr review --amend`, a signature added,
 * `csr supersede`, `csr source update`, `csr set --amend`) go through. One repository of the CSR
 * fixture for the file, in which DYA-003 was decided `must` by zhang on 2026-11-24. CI's check runs
 * as the built binary once; the commands after it run in the test's process one after another, as a
 * long-lived process would, so that HEAD moving between two runs is seen (a merge base kept by the
 * name HEAD compared csr check --base HEAD with an earlier commit).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csr, csrInProcess, git } from "../helpers.js";
import { today } from "../today.js";
import { gitRun, hookedRepo } from "./hooked.js";

const FILE = "csr/DYA/DYA-003.yaml";

const findings = (output: string) => output.split("\n").filter((line) => /^\S+:\d+:\d+ \w+ csr\/review-rewritten /.test(line));
/** A finding up to its explanation: where, and what changed. */
const short = (output: string) => findings(output).map((line) => line.slice(0, line.search(/，原内容|。评审记录| and the review history|\. The review record/)));
const head = (dir: string) => git(dir, ["rev-parse", "HEAD"]).trim();
const edit = (dir: string, from: string, to: string, file = FILE) => {
  const text = readFileSync(join(dir, file), "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(join(dir, file), text.replace(from, to));
};
const run = async (dir: string, args: string[]) => {
  const result = await csrInProcess(["-C", dir, ...args, "-y", "--commit"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
};

const DECISION_ZH =
  "csr/DYA/DYA-003.yaml:11:28 error csr/review-rewritten DYA-003 的评审结论自 HEAD 以来被手工改写（处置 必须满足 → 不适用；理由 （空）→ 本公司不涉及），原内容没有记入评审历史。评审记录是谁在何时作出何种结论的证据，只能由新一轮评审或带 --amend 的命令改变（被替换的内容保留在评审历史中）。请改回原样（git show HEAD:csr/DYA/DYA-003.yaml）；若结论确需改变，用 'csr review DYA-003 --disposition <处置> --by <批准人> --amend' 重新作出结论（原结论保留在评审历史中）；若顾客发布了新版本，用 'csr source update DYA-SQM --revision <新版本> --received <日期>' 登记，重新评审。";

describe("a decided CSR's review record edited by hand (tester54b B2)", async () => {
  let dir: string;
  beforeAll(() => {
    dir = hookedRepo();
  });

  it("is refused by the pre-commit hook and reported by csr check --base: the decision, who decided and when", async () => {
    edit(dir, "decision: { disposition: must, by: zhang, date: 2026-11-24 }", "decision: { disposition: not-applicable, justification: 本公司不涉及, by: zhang, date: 2026-11-24 }");
    const before = head(dir);
    const commit = gitRun(dir, ["commit", "-q", "-a", "-m", "hand edit"]);
    expect(findings(commit.stderr)).toEqual([DECISION_ZH]);
    expect(commit.code).toBe(1);
    expect(head(dir)).toBe(before);
    git(dir, ["checkout", "-q", FILE]);
    // Committed past the hook, CI's check against the base reports it still, in English here.
    edit(dir, "by: zhang, date: 2026-11-24 }", "by: wang, date: 2026-11-20 }");
    git(dir, ["commit", "-q", "--no-verify", "-am", "hand edit"]);
    expect(short(csr(["-C", dir, "check", "--base", "HEAD~1"]).stdout)).toEqual([
      "csr/DYA/DYA-003.yaml:11:38 error csr/review-rewritten DYA-003's review decision was rewritten by hand since HEAD~1 (decided by zhang → wang; date 2026-11-24 → 2026-11-20)",
    ]);
    git(dir, ["reset", "-q", "--hard", before]);
  });

  it("lets csr review --amend through: the earlier decision is kept in the review history", async () => {
    const before = head(dir);
    await run(dir, ["review", "DYA-003", "--disposition", "not-applicable", "--justification", "本公司不涉及", "--by", "zhang", "--amend"]);
    expect(readFileSync(join(dir, FILE), "utf8")).toContain(`history:\n    - reason: amended\n      closed: ${today()}\n      decision: {disposition: must, by: zhang, date: 2026-11-24}\n`);
    expect(findings((await csrInProcess(["-C", dir, "check", "--base", before])).stdout)).toEqual([]);
    // The history itself is appended to, never rewritten.
    edit(dir, "decision: {disposition: must, by: zhang, date: 2026-11-24}", "decision: {disposition: optional, by: zhang, date: 2026-11-24}");
    expect(short((await csrInProcess(["-C", dir, "check", "--base", "HEAD"])).stdout)).toEqual(["csr/DYA/DYA-003.yaml:19:17 error csr/review-rewritten DYA-003's review history entry 1 was rewritten by hand since HEAD (decision disposition must meet, by zhang, date 2026-11-24 → disposition optional, by zhang, date 2026-11-24)"]);
    git(dir, ["checkout", "-q", FILE]);
  });

  it("lets a signature added, and replaced with --amend, through; a department's opinion or a signature edited by hand is reported", async () => {
    const before = head(dir);
    await run(dir, ["review", "DYA-003", "--recorder", "li"]);
    // Signed afterwards: dated the day it is recorded, as --help says, not the decision's day (tester56 D5).
    expect(readFileSync(join(dir, FILE), "utf8")).toContain(`  recorder: {by: li, date: ${today()}}\n`);
    await run(dir, ["review", "DYA-003", "--recorder", "wang", "--amend"]);
    expect(findings((await csrInProcess(["-C", dir, "check", "--base", before])).stdout)).toEqual([]);
    edit(dir, "reviewer: li, opinion: accept-with-action", "reviewer: wang, opinion: accept");
    edit(dir, "by: wang", "by: zhang");
    expect(short((await csrInProcess(["-C", dir, "check", "--base", "HEAD"])).stdout)).toEqual([
      "csr/DYA/DYA-003.yaml:10:36 error csr/review-rewritten DYA-003's review opinion of MKT was rewritten by hand since HEAD (reviewer li → wang; opinion accept-with-action → accept)",
      "csr/DYA/DYA-003.yaml:23:13 error csr/review-rewritten DYA-003's review report's recorder signature was rewritten by hand since HEAD (by wang → zhang)",
    ]);
    git(dir, ["checkout", "-q", FILE]);
  });

  it("lets csr supersede through; the supersession edited by hand afterwards is reported", async () => {
    const before = head(dir);
    await run(dir, ["supersede", "DYA-003", "--by", "DYA-001", "--reason", "顾客来函撤销", "--date", "2026-11-26"]);
    expect(findings((await csrInProcess(["-C", dir, "check", "--base", before])).stdout)).toEqual([]);
    edit(dir, "date: 2026-11-26", "date: 2026-11-25");
    edit(dir, "by: DYA-001", "by: DYA-002");
    expect(short((await csrInProcess(["-C", dir, "check", "--base", "HEAD"])).stdout)).toEqual([
      "csr/DYA/DYA-003.yaml:26:20 error csr/review-rewritten DYA-003's supersession record was rewritten by hand since HEAD (date 2026-11-26 → 2026-11-25; by DYA-001 → DYA-002)",
    ]);
    git(dir, ["checkout", "-q", FILE]);
  });

  it("lets a new review round (csr source update) and csr set --amend through", async () => {
    const before = head(dir);
    await run(dir, ["set", "DYA-004", "--title", "更正后的标题", "--amend", "--reason", "登记时录入错误", "--by", "zhang"]);
    const revised = await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "D", "--issued", today(), "--received", today(), "-y", "--commit"]);
    expect(revised.code).toBe(0);
    expect(findings((await csrInProcess(["-C", dir, "check", "--base", before])).stdout)).toEqual([]);
    // The requirement changed for the new round (tester54a A1): the wording the closed round reviewed is
    // written to it once, which completes it; committed through the hook.
    const reviewed = head(dir);
    const changed = await csrInProcess(["-C", dir, "set", "DYA-004", "--title", "关键特性须在作业指导书和控制计划中标识", "--commit"]);
    expect(changed.stderr).toBe("");
    expect(changed.code).toBe(0);
    expect(head(dir)).not.toBe(reviewed);
    expect(readFileSync(join(dir, "csr/DYA/DYA-004.yaml"), "utf8")).toMatch(/history:\n(?:.*\n)*? {6}title: 更正后的标题\n/);
    expect(findings((await csrInProcess(["-C", dir, "check", "--base", reviewed])).stdout)).toEqual([]);
  });
});
