/**
 * `csr import FILE --as KIND`: turns an existing Excel or CSV register into repository files
 * (Word documents, a .docx or a folder of them, are read by ./word.ts).
 * Existing files are never overwritten; each refused row is reported with its row number; with
 * --dry-run nothing is written. The result is checked like `csr check` would, and the exit code is 1
 * only when a row was not imported.
 */
import { existsSync, lstatSync, statSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { stringify } from "yaml";
import { localToday } from "../../core/dates.js";
import type { Finding } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { didYouMean } from "../../core/text.js";
import { insideRepository, writeFileAtomic } from "../../core/write.js";
import { runCheck } from "../../check/engine.js";
import { discover, findRoot } from "../../load/discover.js";
import { openGit, refuseOnConflicts } from "../../load/git.js";
import { buildRepository, loadRepository, type Repository } from "../../load/repository.js";
import { parseText, readSource } from "../../load/source.js";
import { IMPORT_KINDS, planImport, type ImportPlan, type PlannedFile } from "../../import/plan.js";
import { readRegister } from "../../import/read.js";
import { choiceOption } from "../options.js";
import type { CommandContext } from "../context.js";

export interface ImportFlags {
  as?: string;
  sheet?: string;
  dryRun?: boolean;
  standard?: string;
  department?: string;
  /** Commit the files written, and only those. */
  commit?: boolean;
}

const SHOWN_ERRORS = 20;

export async function importCommand(ctx: CommandContext, file: string, flags: ImportFlags): Promise<number> {
  if (/\.docx$/i.test(file) || statSync(resolve(ctx.dir, file), { throwIfNoEntry: false })?.isDirectory()) {
    const root = findRoot(ctx.dir);
    return (await import("./word.js")).importWord(ctx, root, loadRepository(root), file, flags);
  }
  if (flags.as === undefined) throw new UserError("A register needs --as procedures|instructions|forms|documents|csr.");
  const as = choiceOption(flags.as, "--as", IMPORT_KINDS, "documents");
  const root = findRoot(ctx.dir);
  const repo = loadRepository(root);
  const scope = repo.config?.value.standards ?? [];
  const standard = flags.standard ?? scope[0];
  if (!standard || !repo.catalogs.has(standard)) {
    throw new UserError(`--standard must name a catalog (${[...repo.catalogs.keys()].join(", ")}); got '${standard ?? ""}'.${didYouMean(standard ?? "", repo.catalogs.keys())}`);
  }
  const path = resolve(ctx.dir, file);
  if (!existsSync(path)) throw new UserError(`No such file: ${file}`);
  const sheet = await readRegister(path, flags.sheet);
  const plan = planImport(sheet, repo, {
    as,
    standard,
    department: flags.department,
    lang: repo.config?.value.language ?? "zh-CN",
    targetExists: (p) => {
      // lstat, not exists: a dangling symbolic link is something the write would replace. A path
      // that cannot be looked at (a file where a folder should be) is left to the write to report.
      try {
        return lstatSync(insideRepository(root, p), { throwIfNoEntry: false }) !== undefined;
      } catch {
        return false;
      }
    },
  });
  if (!plan) {
    throw new UserError(
      `No header row found in the first 10 rows of ${file}${sheet.name !== "csv" ? ` (sheet ${sheet.name})` : ""}.`,
      "The header row needs at least two recognised column names, e.g. 序号, 文件名称, 文件编号, 版本, 部门 (or No., Title, Number, Version, Department).",
    );
  }
  const out: string[] = [];
  const where = sheet.name === "csv" ? file : `${file}, sheet ${sheet.name}`;
  out.push(`Reading ${where}: header on row ${plan.header.row}, ${plan.dataRows} data row(s).`);
  if (plan.header.ignored.length) out.push(`Columns not imported: ${plan.header.ignored.join(", ")}.`);

  // The plan has checked every target against the repository and against each other, so the
  // writes below meet no conflict; a failing write (permissions, a full disk, a file appearing
  // meanwhile) is reported against its row, and the other files are still written.
  const failed: WriteFailure[] = [];
  if (!flags.dryRun && plan.files.length > 0) {
    await refuseOnConflicts(root);
    for (const f of plan.files) {
      try {
        writeFileAtomic(insideRepository(root, f.path), toYaml(f));
      } catch (error) {
        failed.push({ row: f.row, path: f.path, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  const written = plan.files.filter((f) => !failed.some((x) => x.path === f.path));
  if (flags.commit && !flags.dryRun && written.length > 0) {
    const git = await openGit(root);
    const paths = written.map((f) => f.path);
    await git.raw(["-c", "core.quotepath=off", "add", "--", ...paths]);
    await git.raw(["commit", "-q", "-m", `import ${basename(file)}: ${written.length} file(s)`, "--", ...paths]);
  }
  out.push("", ...written.map((f) => `${flags.dryRun ? "would write" : "wrote"} ${f.path}`));
  out.push(...reportProblems(plan, failed));
  out.push(...reportLinks(plan), ...reportFamilies(plan));

  const skipped = plan.issues.filter((i) => i.skipped).length;
  const tally: string[] = [];
  if (skipped || plan.conflicts.length) tally.push(`${skipped} row(s) refused, ${plan.conflicts.length} conflict(s) with existing files`);
  if (failed.length) tally.push(`${failed.length} file(s) could not be written`);
  out.push("", `${flags.dryRun ? "Would import" : "Imported"} ${written.length} of ${plan.dataRows} row(s)${tally.length ? `; ${tally.join("; ")}` : ""}.`);
  if (flags.dryRun) out.push("Dry run: nothing was written.");

  const after = flags.dryRun ? withPlannedFiles(root, plan.files) : loadRepository(root);
  const findings = runCheck(after, { today: localToday() });
  out.push(...reportCheck(findings, root));
  ctx.stdout(out.join("\n") + "\n");
  // The exit code says whether every row was imported; what the written files still lack (signatures,
  // a department, numbering) is the check's report above, for the user to fill in.
  return skipped > 0 || plan.conflicts.length > 0 || failed.length > 0 ? 1 : 0;
}

function toYaml(file: PlannedFile): string {
  return stringify(file.data, { lineWidth: 0 });
}

interface WriteFailure {
  row: number;
  path: string;
  reason: string;
}

function reportProblems(plan: ImportPlan, failed: WriteFailure[]): string[] {
  const lines = [
    ...plan.issues.map((i) => ({ row: i.row, text: `row ${i.row}: ${i.message}${i.skipped ? " (row not imported)" : ""}` })),
    ...plan.conflicts.map((c) => ({ row: c.row, text: `row ${c.row}: ${c.path} exists already; it was not overwritten (row not imported)` })),
    ...failed.map((f) => ({ row: f.row, text: `row ${f.row}: ${f.path} could not be written: ${f.reason} (row not imported)` })),
  ].sort((a, b) => a.row - b.row);
  return lines.length ? ["", ...lines.map((l) => l.text)] : [];
}

function reportLinks(plan: ImportPlan): string[] {
  if (!plan.links.length) return [];
  return ["", "The register names each form's procedure; record it in the procedure:", ...plan.links.map((l) => `  add ${l.form} to 'forms' of ${l.procedure}`)];
}

function reportFamilies(plan: ImportPlan): string[] {
  if (!plan.families.length) return [];
  return [
    "",
    "Numbering families found that qms.yaml does not configure; add them under 'numbering:' in qms.yaml:",
    ...plan.families.flatMap((f) => [`  - kind: ${f.kind}`, `    pattern: ${f.pattern}   # e.g. ${f.example}`]),
  ];
}

/** The repository as it would be after the import, for checking a dry run without writing. */
export function withPlannedFiles(root: string, files: PlannedFile[]): Repository {
  const found = discover(root);
  const sources = found.files.map((f) => readSource(f.abs, f.path, f.kind));
  for (const f of files) sources.push(parseText(f.path, f.kind === "csr" ? "csr" : "document", toYaml(f)));
  return buildRepository(root, sources, found.problems);
}

export function reportCheck(findings: Finding[], root: string): string[] {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.length - errors.length;
  if (findings.length === 0) return ["csr check is clean."];
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const lines = [
    `csr check: ${errors.length} error(s), ${warnings} warning(s) (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(", ")}).`,
    ...errors.slice(0, SHOWN_ERRORS).map((f) => `  ${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`),
  ];
  if (errors.length > SHOWN_ERRORS) lines.push(`  … and ${errors.length - SHOWN_ERRORS} more; run 'csr -C ${relative(process.cwd(), root) || "."} check'.`);
  return lines;
}
