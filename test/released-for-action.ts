/**
 * A copy of examples/acme-auto in a real git repository where DYA's complaint 8D-2026-002 (the next after the
 * example's own 8D-2026-001, DYA's complaint 2026-05) is received on 2026-11-02 and WI-010-02 A/2 is released for it (--action 8D-2026-002) on 2026-11-10. csr in
 * the test's process (csrInProcess: the binary's csr action open and csr release have tests of their own), zh-CN; a step that
 * fails throws with its stderr. Resolves to the repository's folder.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { committedFixture, csrInProcess } from "./helpers.js";

export async function releasedForAction(): Promise<string> {
  const dir = committedFixture("examples/acme-auto");
  const run = async (args: string[]) => {
    const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  };
  await run(["action", "open", "--title", "硫化不良", "--customer", "DYA", "--received", "2026-11-02", "--owner", "gaoyang", "--commit"]);
  const path = join(dir, "documents/instructions/WI-010-02.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace("适用于平板硫化机生产的橡胶密封件。", "适用于平板硫化机生产的橡胶密封件（含O形圈）。"));
  await run(["release", "WI-010-02", "--summary", "增加O形圈", "--total-pages", "1", "--action", "8D-2026-002", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-10", "-y"]);
  return dir;
}
