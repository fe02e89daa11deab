/** `csr init [DIR] [--example]`: a new document repository, ready for CI and the editor. */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { openGit, refuseOnConflicts } from "../../load/git.js";
import type { CommandContext } from "../context.js";
import { describeType } from "../../load/guards.js";
import { configureMergeDriver } from "../merge-driver/index.js";
import { applyChange, interruptedChanges, withRepositoryLock } from "../shared/transaction.js";
import { initFiles } from "./files.js";

export interface InitFlags {
  example?: boolean;
}

export async function initCommand(ctx: CommandContext, dir: string | undefined, flags: InitFlags): Promise<number> {
  const root = resolve(ctx.dir, dir ?? ".");
  const kind = existingKind(root);
  if (kind !== undefined && kind !== "a directory") {
    throw new UserError(`${root} is ${kind}, not a folder; csr init creates a repository in a folder.`, "Name a new or empty folder, e.g. 'csr init qms'.");
  }
  const files = initFiles(flags.example === true);
  // An interrupted init has left files that its completion (under the lock, below) accounts for.
  if (interruptedChanges(root).length === 0) refuseExisting(root, files);
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw new UserError(`Cannot create the folder ${root}: ${(error as Error).message.replace(/^\w+: /, "")}.`, "Name a folder whose parent folders exist and are folders.");
  }
  const git = await openGit(root);
  const inRepository = await git.checkIsRepo();
  if (inRepository) await refuseOnConflicts(root);
  // git init first, so that the lock and the journal live in the new .git/ from the start.
  else await git.init();
  const code = await withRepositoryLock(ctx, root, async () => {
    refuseExisting(root, files);
    await applyChange(root, {
      writes: [...files].map(([path, content]) => ({ path: join(root, path), content, create: true, ...(path === "hooks/pre-commit" ? { mode: 0o755 } : {}) })),
    });
    configureMergeDriver(root);
    return 0;
  });
  if (code !== 0) return code;
  ctx.stdout(
    [
      `Created a document repository in ${root}${inRepository ? "" : " (and ran git init)"}:`,
      ...[...files.keys()].map((path) => `  ${path}`),
      "",
      "Next steps:",
      "  1. Fill in qms.yaml (organisation, departments, numbering, holidays) and people.yaml.",
      "  2. npm install --save-dev qms-csr   # pins csr for CI and gives the editor its schemas",
      "  3. git config core.hooksPath hooks  # check before every commit",
      "     (this clone merges CSR files opinion by opinion; other clones run 'csr merge-driver --install')",
      "  4. csr check",
      "",
    ].join("\n"),
  );
  return 0;
}

/** What is at `path` ("a directory", "a regular file" …), or undefined when nothing is. */
function existingKind(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? "a regular file" : describeType(stat);
  } catch {
    return undefined;
  }
}

/** Every target is checked before anything is written: a half-initialised folder helps nobody. */
function refuseExisting(root: string, files: Map<string, string>): void {
  const existing = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (existing.length > 0) {
    throw new UserError(
      `${root} already has ${existing.join(", ")}; csr init writes nothing over existing files.`,
      "Run it in an empty folder, or move those files away first.",
    );
  }
}
