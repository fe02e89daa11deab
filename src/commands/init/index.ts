/**
 * `csr init [DIR] [--standard IATF16949|GJB9001C|ISO9001[,…]] [--example]`: a new document repository, ready for CI and
 * the editor. Several standards (`--standard IATF16949,GJB9001C`, or --standard repeated) set up a company certified to
 * each: the union of their set-ups (init/files.ts; tester76 M3).
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { list, t } from "../../i18n/index.js";
import { openGit, refuseOnConflicts, workTreePrefix } from "../../load/git.js";
import { packageManifest } from "../../load/package.js";
import type { CommandContext } from "../context.js";
import { enclosingRoot } from "../../load/discover.js";
import { describeType } from "../../load/guards.js";
import { configureMergeDriver } from "../merge-driver/index.js";
import { applyChange, interruptedChanges, withRepositoryLock } from "../shared/transaction.js";
import { choiceOption } from "../options.js";
import { INIT_STANDARDS, initFiles, PLACEHOLDER_PEOPLE, rootOnly, type InitStandard } from "./files.js";
import { canPrompt, loadPrompts, type Prompts } from "../add/prompting.js";

export interface InitFlags {
  example?: boolean;
  /** One standard, several separated by , or 、, or the option repeated (commander collects them). */
  standard?: string | string[];
  yes?: boolean;
}

export async function initCommand(ctx: CommandContext, dir: string | undefined, flags: InitFlags): Promise<number> {
  return initRepository(ctx, dir, flags);
}

/** `prompts` given: ask for the standard when --standard leaves it open, whatever the terminal (tests drive this). */
export async function initRepository(ctx: CommandContext, dir: string | undefined, flags: InitFlags, prompts?: Prompts): Promise<number> {
  const root = resolve(ctx.dir, dir ?? ".");
  const kind = existingKind(root);
  if (kind !== undefined) {
    throw new UserError(t("init.not-folder", { root, kind }), t("init.not-folder.hint"));
  }
  // A repository there would be read by the enclosing one as documents (tester23 F10).
  const enclosing = enclosingRoot(dirname(root));
  if (enclosing !== undefined) throw new UserError(t("init.inside-repository", { root, enclosing }), t("init.inside-repository.hint", { enclosing }));
  const standards = await chooseStandards(flags, prompts);
  if (flags.example && standards.join() !== "IATF16949") throw new UserError(t("init.example-iatf-only", { standard: standards.join("、") }));
  const files = initFiles(flags.example === true, standards);
  // An interrupted init has left files that its completion (under the lock, below) accounts for.
  if (interruptedChanges(root).length === 0) refuseExisting(root, files);
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw new UserError(t("init.cannot-create", { root, reason: (error as Error).message.replace(/^\w+: /, "") }), t("init.cannot-create.hint"));
  }
  // Whether the folder is in a work tree, and where: one git process, whose yes the merge driver's setting reads again.
  const prefix = workTreePrefix(root);
  const inRepository = prefix !== undefined;
  if (inRepository) await refuseOnConflicts(root);
  // git init first, so that the lock and the journal live in the new .git/ from the start.
  else await (await openGit(root)).init();
  // CI servers read their files, and git its hooks (core.hooksPath), at the repository's root only:
  // in a folder of a larger repository they would be written where nothing reads them.
  const folder = (prefix ?? "").replace(/\/$/, "");
  if (folder !== "") for (const path of [...files.keys()]) if (rootOnly(path)) files.delete(path);
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
      t(inRepository ? "init.created" : "init.created-git", { root }),
      ...[...files.keys()].map((path) => `  ${path}`),
      "",
      ...(folder === "" ? [] : [t("init.subfolder", { folder }), ""]),
      // The site workflows publish only once CSR_PUBLISH_SITE is set: what the site holds is said before anyone sets it,
      // and a GJB repository is told where it may be published.
      ...(folder === "" ? [t("init.site-opt-in"), ...(standards.includes("GJB9001C") ? [t("init.gjb-site-hosting")] : []), ""] : []),
      t(folder === "" ? "init.next-steps" : "init.next-steps.subfolder", {
        version: packageManifest().version,
        // The placeholder people are for the first steps only; the example's records name them.
        remove: flags.example ? "" : t("init.next-steps.remove", { placeholders: PLACEHOLDER_PEOPLE(standards).join(" ") }),
      }),
      "",
    ].join("\n"),
  );
  return 0;
}

/** What is at `path` ("a regular file", "a named pipe (FIFO)" …), or undefined when nothing or a folder is. */
function existingKind(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return undefined;
    return stat.isFile() ? t("init.regular-file") : describeType(stat);
  } catch {
    return undefined;
  }
}

/** Every target is checked before anything is written: a half-initialised folder helps nobody. */
function refuseExisting(root: string, files: Map<string, string>): void {
  const existing = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (existing.length > 0) {
    throw new UserError(
      t("init.existing", { root, files: list(existing) }),
      t("init.existing.hint"),
    );
  }
}

/**
 * The standard the repository is set up for: --standard, else asked at a terminal (an automotive
 * supplier, a military one and any other make different repositories: numbering, signatures, 密级),
 * else IATF 16949. --example is the automotive example, so it asks nothing.
 */
async function chooseStandards(flags: InitFlags, prompts: Prompts | undefined): Promise<InitStandard[]> {
  if (flags.standard !== undefined || flags.example) return standardsOption(flags.standard);
  const ask = prompts ?? (canPrompt(flags.yes) ? await loadPrompts() : undefined);
  if (!ask) return ["IATF16949"];
  return [await ask.select({
    message: t("init.prompt.standard"),
    choices: INIT_STANDARDS.map((value) => ({ value, name: t(`init.prompt.standard.${value}`) })),
    default: "IATF16949",
  })];
}

/**
 * --standard's standards, in the order given, each once: "IATF16949,GJB9001C", "IATF16949、GJB9001C", or the option
 * repeated; each one of INIT_STANDARDS (or its label, choiceOption). Nothing given: IATF16949.
 * Errors: UserError, one line, for a value that is no such standard, or an empty one.
 */
export function standardsOption(given: string | readonly string[] | undefined): InitStandard[] {
  if (given === undefined) return ["IATF16949"];
  const values = (typeof given === "string" ? [given] : given).flatMap((v) => v.split(/[,，、]/)).map((v) => v.trim());
  if (values.length === 0 || values.some((v) => v === "")) throw new UserError(t("options.choice", { flag: "--standard", choices: INIT_STANDARDS.join(", "), value: typeof given === "string" ? given : given.join(",") }));
  return [...new Set(values.map((value) => choiceOption(value, "--standard", INIT_STANDARDS, "IATF16949")))];
}
