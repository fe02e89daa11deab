/**
 * `csr import FILE --as distribution` (a register recognised as one without --as is only shown: importCommand): a distribution and
 * recall register's rows (import/distribution.ts) appended to their documents' `distribution`, as `csr distribute
 * --to --copy` appends them (one flow entry each) and with the recall fields `csr recall` sets. Every row is
 * written, counted as already recorded, or refused with its row number; copies of a replaced version still out
 * are listed with the `csr recall` that records their return (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3).
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { shellArgument } from "../../core/text.js";
import { insideRepository } from "../../core/write.js";
import { runCheck } from "../../check/engine.js";
import { list, t } from "../../i18n/index.js";
import { loadRepository } from "../../load/repository.js";
import { buildIndex } from "../../model/index.js";
import { copiesDue } from "../../model/distribution.js";
import { isDistributionRegister, planDistribution, withPlannedCopies } from "../../import/distribution.js";
import { readRegister } from "../../import/read.js";
import type { CommandContext } from "../context.js";
import { editFile } from "../shared/edit.js";
import { appendIn, refuseCommitOutsideGit, refuseUncommitted, type FileChange } from "../shared/persist.js";
import { copyList } from "../shared/people.js";
import { applyChange } from "../shared/transaction.js";
import type { ImportFlags } from "./index.js";
import { reportCheck, withPlannedFiles } from "./index.js";

/**
 * Imports the distribution register `file` into the repository at `root` as of `today` (YYYY-MM-DD): prints what
 * each row records or why it is refused, writes (unless --dry-run) and checks the result. `recognised`: the register
 * was recognised by its columns, without --as: copies to record are only shown, and UserError asks for --as distribution. Returns 1 when a row was
 * refused or a document written has an error-level finding, else 0 (a register imported again: its rows counted).
 * Errors: UserError for a missing file, a sheet without a distribution header, or copies to record of a register `recognised`.
 */
export async function importDistribution(ctx: CommandContext, root: string, file: string, given: ImportFlags, today: string, recognised = false): Promise<number> {
  const repo = loadRepository(root);
  const path = resolve(ctx.dir, file);
  if (!existsSync(path)) throw new UserError(t("import.no-file", { file }));
  const sheet = await readRegister(path, given.sheet, (sheets) => sheets.find(isDistributionRegister) ?? sheets[0]!);
  const plan = planDistribution(sheet, repo, today);
  if (!plan) throw new UserError(t("import.distribution.no-header", { file, sheet: sheet.name }), t("import.distribution.no-header.hint"));
  // Recognised by its columns only (no --as): copies it would record are shown as --dry-run shows them, and --as distribution
  // asked for, as every other register needs its --as; a register with nothing to record (imported again) is read as usual.
  const asked = recognised && !given.dryRun && plan.copies.length + plan.remarks.length > 0;
  const flags = asked ? { ...given, dryRun: true } : given;
  const index = buildIndex(repo);
  const where = sheet.name === "csv" ? file : t("import.register.sheet", { file, sheet: sheet.name });
  const out = [t("import.register.reading", { where, header: plan.header, rows: plan.dataRows })];
  if (plan.unread.length > 0) out.push(t("import.register.columns-not-imported", { columns: list(plan.unread) }));
  if (plan.computed.length > 0) out.push(t("import.register.columns-computed", { count: plan.computed.length, columns: list(plan.computed) }));
  for (const title of plan.titleRows) out.push(t("import.row", { row: title.row, message: t("import.distribution.title-row", { text: title.text }) }));
  if (sheet.others?.length) out.push(t("import.register.other-sheets", { sheets: list(sheet.others) }));

  const byPath = new Map<string, typeof plan.copies>();
  for (const copy of plan.copies) byPath.set(copy.path, [...(byPath.get(copy.path) ?? []), copy]);
  const paths = [...new Set([...byPath.keys(), ...plan.remarks.map((r) => r.path)])];
  const edits: FileChange[] = paths.map((file) =>
    editFile(root, file, "document", (doc) => {
      // A remark added to a copy recorded already first: its index is the file's, before the new copies are appended.
      for (const remark of plan.remarks.filter((r) => r.path === file)) doc.setIn(["distribution", remark.at, "remark"], remark.remark);
      for (const copy of byPath.get(file) ?? []) appendIn(doc, ["distribution"], doc.createNode(copy.entry, { flow: true }));
    }),
  );
  if (flags.commit && !flags.dryRun) await refuseCommitOutsideGit(root);
  if (flags.commit && !flags.dryRun) await refuseUncommitted(root, edits.map((e) => e.path));
  if (!flags.dryRun && edits.length > 0) {
    const writes = edits.map((e) => ({ path: insideRepository(root, e.path), content: e.text }));
    const remarked = plan.remarks.length > 0 ? t("commit.import.distribution.remarks", { count: plan.remarks.length }) : "";
    const commit = flags.commit ? { message: t("commit.import.distribution", { file: basename(file), count: plan.copies.length }) + remarked, paths: writes.map((w) => w.path) } : undefined;
    await applyChange(root, { writes, commit });
  }

  if (plan.copies.length > 0) {
    out.push("", t(flags.dryRun ? "import.distribution.would-record" : "import.distribution.recorded", { count: plan.copies.length }));
    for (const { row, id, entry } of plan.copies) {
      const parts = [
        ...(entry.holder ? [t("import.distribution.holder", { holder: index.people.get(entry.holder)?.value.name ?? entry.holder })] : []),
        t("import.distribution.issued", { date: entry.date }),
        ...(entry.recalled ? [t("import.distribution.recalled", { date: entry.recalled })] : []),
        ...(entry.returned_by ? [t("import.distribution.returned-by", { by: index.people.get(entry.returned_by)?.value.name ?? entry.returned_by })] : []),
        ...(entry.received_by ? [t("import.distribution.received-by", { by: index.people.get(entry.received_by)?.value.name ?? entry.received_by })] : []),
        ...(entry.remark ? [t("import.distribution.remark", { remark: entry.remark })] : []),
      ];
      out.push(t("import.row", { row, message: `${id} ${copyList(index, [entry])}${t("register.list-separator")}${parts.join(t("register.list-separator"))}` }));
    }
  }
  if (plan.remarks.length > 0) {
    out.push("", t(flags.dryRun ? "import.distribution.would-remark" : "import.distribution.remarked", { count: plan.remarks.length }));
    for (const { row, id, copy, remark } of plan.remarks) out.push(t("import.row", { row, message: t("import.distribution.remark-added", { id, copy, remark }) }));
  }
  for (const file of paths) out.push(t(flags.dryRun ? "import.would-write" : "import.wrote", { path: file }));
  // Who handed a copy out or back is the record's (doc/copy-record-incomplete): a register without the column is said, never assumed.
  const lacking = [
    ...(plan.copies.length > 0 && !plan.columns.includes("issuedBy") ? [t("import.distribution.column.issuedBy")] : []),
    ...(plan.copies.some((c) => c.entry.recalled) && !plan.columns.includes("returnedBy") ? [t("import.distribution.column.returnedBy")] : []),
  ];
  if (lacking.length > 0) out.push(t("import.distribution.people-not-given", { columns: list(lacking) }));
  if (plan.notes.length > 0) out.push("", ...plan.notes.map((n) => t("import.row", n)));
  if (plan.refused.length > 0) out.push("", ...plan.refused.map((r) => t("import.row", r)));
  // Copies of a replaced version (or of a withdrawn document) the register gives no return for: due back.
  const due = withPlannedCopies(repo, plan.copies).flatMap((document) => {
    const imported = new Set(plan.copies.filter((c) => c.id === document.id).map((c) => c.entry.copy));
    const copies = copiesDue(document, today).filter((c) => imported.has(c.copy));
    if (copies.length === 0) return [];
    const holders = [...new Set(copies.map((c) => c.holder))];
    const by = holders.length === 1 && holders[0] !== undefined ? ` --by ${shellArgument(holders[0])}` : "";
    return [t("import.distribution.to-recall", { id: document.id, copies: copyList(index, copies), command: `csr recall ${shellArgument(document.id)} --copy ${copies.map((c) => c.copy).join(" ")}${by} --date ${t("import.distribution.date-placeholder")}` })];
  });
  if (due.length > 0) out.push("", ...due);

  const after = flags.dryRun ? withPlannedFiles(root, [], edits) : loadRepository(root);
  const touched = new Set(edits.map((e) => e.path));
  const findings = runCheck(after, { today }).filter((f) => touched.has(f.file));
  const tally = [
    ...(plan.refused.length > 0 ? [t("import.distribution.refused", { count: plan.refused.length })] : []),
    ...(plan.remarks.length > 0 ? [t("import.distribution.remarks", { count: plan.remarks.length })] : []),
    ...(plan.unchanged.length > 0 ? [t("import.register.unchanged", { count: plan.unchanged.length })] : []),
  ];
  const also = tally.map((part) => t("import.register.tally-separator") + part).join("");
  out.push("", t(flags.dryRun ? "import.register.would-import" : "import.register.imported", { rows: plan.copies.length, total: plan.dataRows, tally: also }));
  if (flags.dryRun) out.push(t("import.dry-run"));
  if (edits.length > 0) out.push(...reportCheck(findings, root));
  ctx.stdout(out.join("\n") + "\n");
  if (asked) throw new UserError(t("import.distribution.recognised", { file, arg: shellArgument(file) }));
  return plan.refused.length > 0 || findings.some((f) => f.severity === "error") ? 1 : 0;
}
