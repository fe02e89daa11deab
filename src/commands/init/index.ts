/** `csr init [DIR] [--example]`: a new document repository, ready for CI and the editor. */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { writeFileAtomic } from "../../core/write.js";
import { openGit, refuseOnConflicts } from "../../load/git.js";
import type { CommandContext } from "../context.js";
import { initFiles } from "./files.js";

export interface InitFlags {
  example?: boolean;
}

export async function initCommand(ctx: CommandContext, dir: string | undefined, flags: InitFlags): Promise<number> {
  const root = resolve(ctx.dir, dir ?? ".");
  const files = initFiles(flags.example === true);
  // Every target is checked before anything is written: a half-initialised folder helps nobody.
  const existing = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (existing.length > 0) {
    throw new UserError(
      `${root} already has ${existing.join(", ")}; csr init writes nothing over existing files.`,
      "Run it in an empty folder, or move those files away first.",
    );
  }
  mkdirSync(root, { recursive: true });
  const git = await openGit(root);
  const inRepository = await git.checkIsRepo();
  if (inRepository) await refuseOnConflicts(root);
  for (const [path, content] of files) writeFileAtomic(join(root, path), content);
  chmodSync(join(root, "hooks", "pre-commit"), 0o755);
  if (!inRepository) await git.init();
  ctx.stdout(
    [
      `Created a document repository in ${root}${inRepository ? "" : " (and ran git init)"}:`,
      ...[...files.keys()].map((path) => `  ${path}`),
      "",
      "Next steps:",
      "  1. Fill in qms.yaml (organisation, departments, numbering, holidays) and people.yaml.",
      "  2. npm install --save-dev qms-csr   # pins csr for CI and gives the editor its schemas",
      "  3. git config core.hooksPath hooks  # check before every commit",
      "  4. csr check",
      "",
    ].join("\n"),
  );
  return 0;
}
