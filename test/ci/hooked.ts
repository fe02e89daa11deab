/**
 * The CSR fixture as a git repository with the pre-commit hook `csr init` writes, enabled as README says
 * (`git config core.hooksPath hooks`) and committed once: the repository in which the pull-request rules
 * (csr/requirement-changed, csr/review-rewritten, doc/withdrawal-rewritten) are tried by hook and by
 * `csr check --base`.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initFiles } from "../../src/commands/init/files.js";
import { enableHooks, git } from "../helpers.js";
import { validRepo } from "../csr/fixture.js";

/** A fresh copy of test/fixtures/csr/valid, committed as "initial", with csr init's pre-commit hook enabled. Returns its path. */
export function hookedRepo(): string {
  const dir = validRepo();
  mkdirSync(join(dir, "hooks"));
  writeFileSync(join(dir, "hooks/pre-commit"), initFiles(false).get("hooks/pre-commit")!);
  chmodSync(join(dir, "hooks/pre-commit"), 0o755);
  writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
  git(dir, ["init", "-q"]);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "initial"]);
  enableHooks(dir);
  return dir;
}

/** git `args` in `dir`, without throwing: its exit code and stderr (where the hook prints its findings). */
export function gitRun(dir: string, args: string[]): { code: number | null; stderr: string } {
  const result = spawnSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stderr: result.stderr };
}
