/**
 * `csr import FILE --as KIND`: turns an existing Excel or CSV register into repository files
 * (Word documents, a .docx or a folder of them, are read by ./word.ts).
 * Existing files are never overwritten; each refused row is reported with its row number; with
 * --dry-run nothing is written. Existing files change only when asked, and only by additions:
 * --add-people appends the register's unknown people to people.yaml, --link-forms appends forms to
 * their procedures' `forms`; each change is reported. The result is checked like `csr check` would,
 * and the exit code is 1 when a row was not imported or a file written has an error-level finding.
 */
import { existsSync, lstatSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { isSeq, stringify } from "yaml";
import { localToday } from "../../core/dates.js";
import type { Finding } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { compactText, didYouMean, shellArgument } from "../../core/text.js";
import { ANY_NUMBER } from "../../model/numbering.js";
import { insideRepository } from "../../core/write.js";
import { runCheck } from "../../check/engine.js";
import { completionCommand, gapsText, incompleteImplementation } from "../../check/rules/csr/implementation-incomplete.js";
import { discover, findRoot } from "../../load/discover.js";
import { refuseOnConflicts } from "../../load/git.js";
import { buildRepository, loadRepository, type Repository } from "../../load/repository.js";
import { parseText, readSource } from "../../load/source.js";
import { list, sentences, t, translate } from "../../i18n/index.js";
import { revisionName } from "../../i18n/values.js";
import { placeholderOrganisation } from "../init/files.js";
import { hasRegisterColumns, IMPORT_KIND_WORDS, IMPORT_KINDS, planImport, SIGNATURE_FIELD, type CsrDefaults, type ImportKind, type ImportPlan, type NewPerson, type PlannedFile } from "../../import/plan.js";
import { findHeaderRow, type HeaderRow } from "../../import/headers.js";
import { isPeopleRegister, personAddCommands } from "../../import/people-register.js";
import { DISTRIBUTION_WORDS, isDistributionRegister } from "../../import/distribution.js";
import { readRegister, type RawSheet } from "../../import/read.js";
import { normalizeVersion } from "../../import/normalize.js";
import { registerContext } from "../../report/registers/context.js";
import { DOCUMENT_LIST_STATUSES, documentList, documentListId } from "../../report/registers/documents.js";
import { allRegisters } from "../../report/registers/index.js";
import type { Table } from "../../report/table.js";
import { buildIndex, issuedOn, layoutSignatures } from "../../model/index.js";
import type { ControlledDocument, Csr, SignatureRole } from "../../model/types.js";
import { csrNumbers } from "../add/allocate.js";
import { customerOf, sourceOf } from "../add/index.js";
import { choiceOption, dateOption, eventDateOption } from "../options.js";
import type { CommandContext } from "../context.js";
import { editFile } from "../shared/edit.js";
import { departmentLabel, resolveDepartment } from "../shared/people.js";
import { appendIn, refuseCommitOutsideGit, refuseUncommitted, type FileChange } from "../shared/persist.js";
import { putSymbolRow } from "../symbol/add.js";
import { applyChange, withRepositoryLock } from "../shared/transaction.js";
import type { SignatureFlags } from "../release/index.js";
import { FLAG, givenNames, ROLES, type SigningRole } from "../sign/index.js";
import { reportSignatures, signImported } from "./sign.js";

/** The signature options (as `csr sign` takes them) record those signatures on every released document imported (./sign.ts). */
export interface ImportFlags extends SignatureFlags {
  as?: string;
  sheet?: string;
  dryRun?: boolean;
  standard?: string;
  department?: string;
  /** Commit the files written, and only those. */
  commit?: boolean;
  /** Add the people the register names who are not in people.yaml. */
  addPeople?: boolean;
  /** Add each form to the `forms` of its procedure when that procedure is in the repository. */
  linkForms?: boolean;
  /** The version in use of the documents whose row gives neither a version nor a status (ImportOptions.versionInUse). */
  versionInUse?: string;
  /** The day the import is made as of: the check of its result counts deadlines to it (default: the local date). */
  today?: string;
  /** A CSR list's customer, source document and date received, for the rows (or a list) that give none (CsrDefaults). */
  customer?: string;
  source?: string;
  received?: string;
}

const SHOWN_ERRORS = 20;
/** Rows named per new person: enough to find them in the register. */
const SHOWN_ROWS = 5;

export async function importCommand(ctx: CommandContext, file: string, flags: ImportFlags): Promise<number> {
  const today = dateOption(flags.today, "--today");
  if (/\.docx$/i.test(file) || statSync(resolve(ctx.dir, file), { throwIfNoEntry: false })?.isDirectory()) {
    // A Word document has its signatures in its header block; what it lacks is `csr sign`'s, per document.
    if (Object.keys(givenNames(flags)).length > 0) throw new UserError(t("import.signatures.word"), t("import.signatures.word.hint"));
    const root = findRoot(ctx.dir);
    const { importWord } = await import("./word.js");
    const run = () => importWord(ctx, root, loadRepository(root), file, flags, today);
    return flags.dryRun ? run() : withRepositoryLock(ctx, root, run);
  }
  const word = flags.as === undefined ? undefined : compactText(flags.as.normalize("NFKC")).toLowerCase();
  // A distribution and recall register (受控文件发放回收登记表): --as distribution, or recognised by its columns (tester76 M1).
  const named = word !== undefined && DISTRIBUTION_WORDS.has(word);
  const distribution = named || ((word === undefined || PEOPLE_WORDS.has(word)) && (await refusePeopleRegister(ctx, file, flags)) === "distribution");
  if (distribution) {
    if (Object.keys(givenNames(flags)).length > 0) throw new UserError(t("import.distribution.signatures"));
    // Options of the other registers would be dropped without a word: refused, naming the one given.
    const other = (["standard", "department", "addPeople", "linkForms", "versionInUse", "customer", "source", "received"] as const).find((flag) => flags[flag] !== undefined);
    if (other) throw new UserError(t("import.distribution.option", { flag: `--${other.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` }));
    const root = findRoot(ctx.dir);
    const { importDistribution } = await import("./distribution.js");
    // Recognised only by its columns, it would write a copy record for every row: shown, and written only when --as
    // distribution says that this is the register meant (importDistribution `recognised`).
    const run = () => importDistribution(ctx, root, file, flags, today, !named);
    if (flags.dryRun) return run();
    await refuseOnConflicts(root);
    return withRepositoryLock(ctx, root, run);
  }
  const as = importKind(flags.as!);
  const root = findRoot(ctx.dir);
  if (flags.dryRun) return importRegister(ctx, root, file, flags, as, today);
  await refuseOnConflicts(root);
  // The plan checks each target against the repository: that is only true under the lock.
  return withRepositoryLock(ctx, root, () => importRegister(ctx, root, file, flags, as, today));
}

/**
 * --customer, --source and --received of a CSR list (CsrDefaults): a registered customer, one of its
 * current source documents (as `csr add` takes them), a date received not after today. Undefined
 * without them. Errors: UserError for an unknown customer or source, --source without --customer, or
 * any of them with another kind of register.
 */
function csrDefaultsOf(repo: Repository, flags: ImportFlags, as: ImportKind): CsrDefaults | undefined {
  const given = (["customer", "source", "received"] as const).filter((flag) => flags[flag] !== undefined);
  if (given.length === 0) return undefined;
  if (as !== "csr") throw new UserError(t("import.csr-options.not-csr", { flags: list(given.map((flag) => `--${flag}`)), as }));
  if (flags.source !== undefined && flags.customer === undefined) throw new UserError(t("import.csr-options.source-without-customer"));
  const customer = flags.customer === undefined ? undefined : customerOf(repo.customers.map((c) => c.value), flags.customer);
  const source = customer && flags.source !== undefined ? sourceOf(customer, flags.source) : undefined;
  return {
    ...(customer ? { customer: customer.code } : {}),
    ...(source ? { source: source.id } : {}),
    ...(flags.received !== undefined ? { received: eventDateOption(flags.received, "--received") } : {}),
  };
}

/**
 * --version-in-use, as a register writes a version (A0, A/0, B1: normalizeVersion), for a register of
 * documents. Errors: UserError for a version csr cannot read, or with --as csr or symbols.
 */
function versionInUseOf(flags: ImportFlags, as: ImportKind): string | undefined {
  if (flags.versionInUse === undefined) return undefined;
  if (as === "csr" || as === "symbols") throw new UserError(t("import.version-in-use.not-documents", { as }));
  const version = normalizeVersion(flags.versionInUse);
  if (!version) throw new UserError(t("import.version-in-use.bad", { version: flags.versionInUse }));
  return version;
}

/** What --as may call a people register (人员名单), which people.yaml takes through csr person add. */
const PEOPLE_WORDS = new Set(["people", "person", "persons", "staff", "人员", "人员名单", "人员清单", "人员名册", "花名册"]);

/**
 * Without --as, or with --as people: a people register (import/people-register.ts) is recognised and
 * refused with the `csr person add` command of each row (stdout), which records it; otherwise --as is
 * asked for (without it) or its kinds named (--as people on a sheet with no 姓名 and 部门 columns).
 * Without --as, a distribution and recall register (import/distribution.ts) returns "distribution": importCommand shows what
 * it would record and asks for --as distribution.
 * Errors: UserError otherwise.
 */
async function refusePeopleRegister(ctx: CommandContext, file: string, flags: ImportFlags): Promise<"distribution"> {
  const path = resolve(ctx.dir, file);
  const sheet = existsSync(path) ? await readRegister(path, flags.sheet, (sheets) => sheets.find(isPeopleRegister) ?? sheets.find(isDistributionRegister) ?? sheets[0]!).catch(() => undefined) : undefined;
  if (flags.as === undefined && sheet && !isPeopleRegister(sheet) && isDistributionRegister(sheet)) return "distribution";
  // Marked against the repository's people and departments, when there is one to read.
  let known: Parameters<typeof personAddCommands>[1];
  try {
    const repo = loadRepository(findRoot(ctx.dir));
    known = { people: repo.people.map((p) => p.value), departments: repo.config?.value.departments ?? [] };
  } catch {
    known = undefined;
  }
  const commands = sheet ? personAddCommands(sheet, known) : [];
  if (sheet && isPeopleRegister(sheet)) {
    if (commands.length > 0) ctx.stdout(commands.join("\n") + "\n");
    throw new UserError(t("import.people-register", { file, count: commands.filter((c) => !c.startsWith("#")).length }), t("import.people-register.hint"));
  }
  if (flags.as === undefined) throw new UserError(t("import.register.needs-as"));
  throw new UserError(t("import.people-register.unrecognised", { file, as: flags.as, kinds: list([...IMPORT_KINDS, "distribution"]) }));
}

/** --as: one of IMPORT_KINDS; another word for one of them (IMPORT_KIND_WORDS) is refused suggesting it. */
function importKind(value: string): ImportKind {
  const meant = IMPORT_KIND_WORDS[compactText(value.normalize("NFKC")).toLowerCase()];
  const kinds = [...IMPORT_KINDS, "distribution"] as const;
  if (meant) throw new UserError(t("options.choice", { flag: "--as", choices: list([...kinds]), value }) + t("common.sentence-separator") + t("common.did-you-mean", { candidate: meant }));
  // "distribution" is imported before this (import/distribution.ts): named among the choices only.
  return choiceOption(value, "--as", kinds, "documents") as ImportKind;
}

/**
 * The code of the department --department names (its code, name or English name in qms.yaml), or
 * undefined without the option. One the repository does not know is refused before anything is read
 * or written, as every command's --department is (resolveDepartment: UserError, exit 2, naming the
 * departments there are): it is the department of every row that names none, so each of them would
 * be refused for it.
 */
export function departmentFlag(repo: Repository, flags: Pick<ImportFlags, "department">): string | undefined {
  return flags.department === undefined ? undefined : resolveDepartment(buildIndex(repo), flags.department, "--department");
}

const DELIMITER_NAMES = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;

async function importRegister(ctx: CommandContext, root: string, file: string, flags: ImportFlags, as: (typeof IMPORT_KINDS)[number], today: string): Promise<number> {
  const repo = loadRepository(root);
  const department = departmentFlag(repo, flags);
  const scope = repo.config?.value.standards ?? [];
  // With several standards in qms.yaml, a bare clause is of no standard until --standard or the column's header says which (tester76 M2).
  const standard = flags.standard ?? (scope.length > 1 ? undefined : scope[0]);
  if (standard === undefined ? scope.length < 2 : !repo.catalogs.has(standard)) {
    throw new UserError(t("import.bad-standard", { catalogs: list([...repo.catalogs.keys()]), standard: standard ?? "" }) + didYouMean(standard ?? "", repo.catalogs.keys()));
  }
  const csrDefaults = csrDefaultsOf(repo, flags, as);
  const versionInUse = versionInUseOf(flags, as);
  const path = resolve(ctx.dir, file);
  if (!existsSync(path)) throw new UserError(t("import.no-file", { file }));
  const sheet = await readRegister(path, flags.sheet, (sheets) => registerSheet(sheets, as, repo, file, csrDefaults));
  refuseComputedSheet(sheet, repo);
  const plan = planImport(sheet, repo, {
    as,
    // The ids `csr add` would take next, in the working tree and on every branch (as --as csr needs them).
    csrNumbers: await csrNumbers(repo, as === "csr" ? repo.customers.map((c) => c.value.code) : []),
    standard,
    standards: scope,
    department,
    lang: repo.config?.value.language ?? "zh-CN",
    addPeople: flags.addPeople,
    register: basename(file),
    today,
    ...(csrDefaults ? { csrDefaults } : {}),
    ...(versionInUse ? { versionInUse } : {}),
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
      sheet.name === "csv" ? t("import.register.no-header", { file }) : t("import.register.no-header-in-sheet", { file, sheet: sheet.name }),
      t("import.register.no-header.hint"),
    );
  }
  const signatures = signImported(repo, plan.files, flags);
  const out: string[] = [];
  const where = sheet.name === "csv" ? file : t("import.register.sheet", { file, sheet: sheet.name });
  out.push(t("import.register.reading", { where, header: plan.header.row, rows: plan.dataRows }));
  // Said whenever csr chose something other than Excel's "CSV UTF-8", so the reader can check the values.
  if (sheet.csv && (sheet.csv.encoding !== "UTF-8" || sheet.csv.delimiter !== ",")) {
    const delimiter = t(`import.read.delimiter.${DELIMITER_NAMES[sheet.csv.delimiter]}`);
    out.push(t("import.read.csv-format", { encoding: sheet.csv.encoding === "GB18030" ? t("import.read.encoding.gb18030") : sheet.csv.encoding, delimiter }));
  }
  const notImported = [...plan.header.ignored.filter((label) => !plan.computed.includes(label)), ...plan.unused];
  if (notImported.length) out.push(t("import.register.columns-not-imported", { columns: list(notImported) }));
  if (plan.computed.length) out.push(t("import.register.columns-computed", { count: plan.computed.length, columns: list(plan.computed) }));
  // A CSR matrix's 责任部门 has no home in a CSR: said with where its owner and reviewing departments go (tester67b B1).
  const departmentColumn = as === "csr" ? plan.header.labels.get("department") : undefined;
  if (departmentColumn !== undefined && plan.unused.includes(departmentColumn)) out.push(t("import.csr.department-not-kept", { column: departmentColumn }));
  if (plan.titleFrom) out.push(t("import.csr.title-from-text", { column: plan.titleFrom }));
  const marks = plan.header.marks ?? [];
  if (marks.length) out.push(t("import.csr.mark-columns", { columns: list(marks.map((m) => `“${m.label}”`)) }));
  out.push(...reportRegisterItself(plan, sheet, repo, as));
  const edits = plannedEdits(root, plan, flags);

  // The plan has checked every target against the repository and against each other, so the
  // writes below meet no conflict. A target whose folder cannot be made (a file where the folder
  // should be, no permission) is reported against its row; the other files are written together,
  // all or none.
  const failed: WriteFailure[] = [];
  if (flags.commit && !flags.dryRun) await refuseCommitOutsideGit(root);
  if (flags.commit && !flags.dryRun) await refuseUncommitted(root, edits.filter((e) => !e.create).map((e) => e.path));
  if (!flags.dryRun && plan.files.length + edits.length > 0) {
    const writable = plan.files.filter((f) => {
      try {
        mkdirSync(dirname(insideRepository(root, f.path)), { recursive: true });
        return true;
      } catch (error) {
        failed.push({ row: f.row, path: f.path, reason: error instanceof Error ? error.message : String(error) });
        return false;
      }
    });
    const writes = [
      ...writable.map((f) => ({ path: insideRepository(root, f.path), content: toYaml(f), create: true })),
      ...edits.map((e) => ({ path: insideRepository(root, e.path), content: e.text, create: e.create })),
    ];
    // The commit is the change's own step: a refusal by the pre-commit hook undoes the files too (transaction.ts).
    const commit = flags.commit && writes.length > 0 ? { message: t("commit.import", { file: basename(file), count: writable.length + plan.completions.length }), paths: writes.map((w) => w.path) } : undefined;
    await applyChange(root, { writes, commit });
  }
  const written = plan.files.filter((f) => !failed.some((x) => x.path === f.path));
  if (written.length) out.push("", ...written.map((f) => t(flags.dryRun ? "import.would-write" : "import.wrote", { path: f.path })));
  if (plan.symbolsAdded) {
    const added = plan.symbolsAdded.symbols.map((s) => `${s.customer} ${s.customer_symbol} → ${s.symbol}`);
    out.push("", t(flags.dryRun ? "import.symbols.would-add" : "import.symbols.added", { count: added.length, rows: list(added) }));
  }
  for (const known of plan.symbolsKnown ?? []) out.push(t("import.row", { row: known.row, message: t("import.symbol.known", { customer: known.customer, symbol: known.customerSymbol }) }));
  out.push(...reportProblems(plan, failed), ...reportReadings(plan), ...reportUnstated(written, flags.dryRun), ...reportBorrowed(written, plan), ...reportSignatures(signatures, flags.dryRun));
  out.push(...reportPeople(plan.people, flags, rowsOf, repo), ...reportLinks(plan, flags), ...reportFamilies(plan), ...reportAssignedIds(written, plan, flags), ...reportReviewRecords(written, basename(file), flags, repo));
  out.push(...reportCompleted(written, plan), ...reportReceivedGiven(written, plan, repo), ...reportImplementationGaps(written), ...reportRegisterCompletions(plan, flags.dryRun));

  const skipped = plan.refusedRows.size;
  const tally: string[] = [];
  if (skipped || plan.conflicts.length) tally.push(t("import.register.refused", { refused: skipped, conflicts: plan.conflicts.length }));
  if (failed.length) tally.push(t("import.register.not-written", { count: failed.length }));
  // Rows the repository holds as they are written (a register imported again): a count, nothing per row (tester76 M5).
  if (plan.unchanged.length) tally.push(t("import.register.unchanged", { count: plan.unchanged.length }));
  const after = flags.dryRun ? withPlannedFiles(root, plan.files, edits) : loadRepository(root);
  const findings = runCheck(after, { today });
  const faulty = filesWithErrors(findings, [...written.map((f) => f.path), ...plan.completions.map((c) => c.path)]);
  tally.push(...errorTally(findings, written, plan.completions.map((c) => c.path), flags.dryRun));
  const rows = written.reduce((n, f) => n + (f.kind === "symbols" ? (f.data as { symbols: unknown[] }).symbols.length : 1), 0) + (plan.symbolsAdded?.symbols.length ?? 0) + plan.completions.length;
  const also = tally.map((part) => t("import.register.tally-separator") + part).join("");
  out.push(...reportUnsigned(findings, written, repo, plan.header, flags.dryRun));
  // A list without 评审结论 / 评审日期 imports its requirements unreviewed: one reviewed on paper long ago is then years overdue.
  // Said with the command that records the paper review, instead of the overdue count alone (tester76 M9).
  const overdue = as === "csr" && !plan.header.columns.has("disposition") && !plan.header.columns.has("decided") ? findings.filter((f) => f.rule === "csr/review-overdue" && written.some((w) => w.path === f.file)).length : 0;
  if (overdue > 0) out.push("", t("import.csr.paper-review", { count: overdue }));
  out.push("", t(flags.dryRun ? "import.register.would-import" : "import.register.imported", { rows, total: plan.dataRows, tally: also }));
  if (flags.dryRun) out.push(t("import.dry-run"));
  out.push(...reportCheck(findings, root));
  ctx.stdout(out.join("\n") + "\n");
  // 1 when a row was not imported, or when a file written (or to be written) has an error-level
  // finding, as `csr check` would then fail: a script or CI must not take such an import for done.
  return skipped > 0 || plan.conflicts.length > 0 || failed.length > 0 || faulty > 0 ? 1 : 0;
}

/**
 * How many of the files the import created (repository-relative paths) have an error-level finding.
 * The files it only added to (people.yaml, a procedure's `forms`) and the files it did not touch
 * may have had findings before: those are the check's to report, not the import's.
 */
export function filesWithErrors(findings: readonly Finding[], paths: readonly string[]): number {
  const touched = new Set(paths);
  return new Set(findings.filter((f) => f.severity === "error" && touched.has(f.file)).map((f) => f.file)).size;
}

/**
 * The tally's words for the files the import wrote (or completed, `completed`: repository-relative
 * paths) that have error-level findings (filesWithErrors), by what the errors are, so a planned import
 * does not read as a broken one (breaker64 P7, tester64 N15): a version pending whose issue date and
 * signatures the register does not give (doc/version-sequence and doc/approval-missing, until
 * `csr set --issued` and `csr sign` record them, as its row says); requirements whose review deadline
 * had passed before the list was imported (csr/review-overdue alone, a back-dated list); any other error.
 */
function errorTally(findings: readonly Finding[], written: readonly PlannedFile[], completed: readonly string[], dryRun: boolean | undefined): string[] {
  const rulesOf = new Map<string, Set<string>>();
  for (const f of findings) if (f.severity === "error") rulesOf.set(f.file, (rulesOf.get(f.file) ?? new Set()).add(f.rule));
  const only = (rules: Set<string>, allowed: readonly string[]) => [...rules].every((rule) => allowed.includes(rule));
  const pending: string[] = [];
  let overdue = 0;
  let other = 0;
  for (const path of new Set([...written.map((f) => f.path), ...completed])) {
    const rules = rulesOf.get(path);
    if (!rules) continue;
    const file = written.find((f) => f.path === path);
    if (file?.pendingUnsigned && only(rules, PENDING_UNRECORDED)) pending.push(file.id);
    else if (only(rules, ["csr/review-overdue"])) overdue++;
    else other++;
  }
  return [
    ...(other > 0 ? [t(dryRun ? "import.register.would-fail-check" : "import.register.fails-check", { count: other })] : []),
    ...(pending.length > 0 ? [t("import.register.pending-unrecorded", { count: pending.length, ids: list(pending) })] : []),
    ...(overdue > 0 ? [t("import.register.review-overdue", { count: overdue })] : []),
  ];
}

/** What csr check reports of a version pending imported without the issue date and signatures its register does not give (withPendingVersion). */
const PENDING_UNRECORDED: readonly string[] = ["doc/version-sequence", "doc/approval-missing"];

/** The sheets of `csr export` that are registers `csr import` reads back; the others are computed. */
const READ_BACK: Record<string, string> = {
  procedures: "procedures",
  "procedures-gjb": "procedures",
  // The controlled document list, and the lists of documents of other statuses (the export's sheet of drafts and documents in review).
  ...Object.fromEntries(DOCUMENT_LIST_STATUSES.concat("unreleased").map((status) => [documentListId(status), "documents"])),
  forms: "forms",
  "csr-list": "csr",
  symbols: "symbols",
};

/**
 * The headers of the columns a computed register has only when a row has a value for them (report/registers: csr.ts, distribution.ts,
 * reviews.ts, external.ts): the matrix's 处置理由 only where a CSR has an agreed alternative.
 */
const CONDITIONAL_COLUMNS = ["register.csr.list.column.classification", "register.csr.list.column.requiredBy", "register.csr.list.column.justification", "register.csr.matrix.column.classification", "register.distribution.column.classification", "register.external.column.remarks"] as const;

/**
 * A sheet of `csr export` that csr computes from the repository's files (a matrix, the symbol table
 * of symbols.yaml, the distribution and training records) has no register behind it to import; its
 * rows would only be refused one by one. It is recognised by its header, and the message names
 * the sheets that do go back in.
 */
function refuseComputedSheet(sheet: RawSheet, repo: Repository): void {
  const label = (cell: unknown) => (typeof cell === "string" ? cell.trim() : "");
  for (const lang of ["zh-CN", "en"] as const) {
    // A column a computed register has only when some row has a value for it (密级, 顾客要求日期) is left out on both
    // sides: the sheet may come from a repository whose CSRs are dated or marked, this one's may not be.
    const conditional = new Set(CONDITIONAL_COLUMNS.map((key) => translate(lang, key)));
    const row = (headers: readonly string[]) => headers.filter((h) => !conditional.has(h)).join("\t");
    const headers = sheet.rows.slice(0, 10).map((r) => row(r.cells.map(label)));
    // Only the headers are compared, and they do not depend on the day.
    const tables = allRegisters(registerContext(repo, lang), localToday());
    const readBack = (t: Table) => (t.id === undefined ? undefined : READ_BACK[t.id]);
    const computed = tables.find((t) => !readBack(t) && headers.includes(row(t.columns.map((c) => c.header))));
    if (!computed) continue;
    const registers = tables.filter(readBack).map((table) => t("import.register.read-back", { sheet: table.sheet, kind: readBack(table)! }));
    throw new UserError(t("import.register.computed", { sheet: sheet.name, computed: computed.sheet }), t("import.register.computed.hint", { registers: list(registers) }));
  }
}

/**
 * The sheet of a workbook that holds the register to import as `as`, when --sheet names none: the
 * one named as `csr export` names that register (in Chinese or English), else the one whose header
 * row is that register's, else the only one with a header row `csr import` reads. So a workbook
 * written by `csr export` goes back in whole, sheet by sheet, without --sheet.
 * Errors: UserError, one line, naming the candidates (or every sheet) and how to choose.
 */
function registerSheet(sheets: RawSheet[], as: (typeof IMPORT_KINDS)[number], repo: Repository, file: string, given: CsrDefaults | undefined): RawSheet {
  const label = (cell: unknown) => (typeof cell === "string" ? cell.trim() : "");
  // Only the names and headers are compared, and they do not depend on the day.
  // A document list of other statuses has a sheet name of its own: `csr export`'s of the drafts and
  // documents in review (在编文件), `csr list documents --status all`'s (文件清单).
  const own = (["zh-CN", "en"] as const).flatMap((lang) => {
    const ctx = registerContext(repo, lang);
    const tables = allRegisters(ctx, localToday());
    const otherLists = as === "documents" ? (["unreleased", "all"] as const).map((status) => documentList(ctx, { status, today: localToday() })) : [];
    return [...tables, ...otherLists].filter((table) => table.id !== undefined && READ_BACK[table.id] === as);
  });
  const headers = new Set(own.map((table) => table.columns.map((c) => c.header).join("\t")));
  const recognised: ((sheet: RawSheet) => boolean)[] = [
    (sheet) => own.some((table) => table.sheet === sheet.name.trim()),
    (sheet) => sheet.rows.slice(0, 10).some((row) => headers.has(row.cells.map(label).join("\t"))),
  ];
  const register = t(`import-sheet.register.${as}`);
  const names = (some: RawSheet[]) => list(some.map((sheet) => `'${sheet.name}'`));
  for (const test of recognised) {
    const found = sheets.filter(test);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) throw new UserError(t("import-sheet.several", { file, register, sheets: names(found), example: found[0]!.name }));
  }
  const readable = sheets.filter((sheet) => findHeaderRow(sheet.rows) !== undefined);
  if (readable.length === 1) return readable[0]!;
  // A workbook of one register per customer (延锋, 华域): each sheet is one, imported one by one (tester54b B17).
  const registers = readable.filter((sheet) => hasRegisterColumns(findHeaderRow(sheet.rows)!, as, given));
  if (registers.length === 1) return registers[0]!;
  if (registers.length > 1) throw new UserError(t("import-sheet.each", { file, register, count: registers.length, sheets: names(registers), example: registers[0]!.name }));
  throw new UserError(t("import-sheet.none", { file, register, total: sheets.length, sheets: names(sheets), example: sheets[0]!.name }));
}

/** The register of csr's printed ones (qms.yaml registers.forms) a register imported as `as` is. */
const PRINTED_REGISTER: Record<ImportKind, string> = { procedures: "procedures", instructions: "documents", forms: "forms", documents: "documents", external: "external", csr: "csr-list", symbols: "symbols" };

/**
 * What the register says of itself rather than of its entries, one line each, so nothing is passed
 * over unsaid (tester54b B20): its own form number in the title rows (to record with csr organisation
 * update --register-form, which prints it on the register), the sign-off line under it (the register's
 * signatures, not the documents'), and the workbook's other sheets, which are not read.
 */
function reportRegisterItself(plan: ImportPlan, sheet: RawSheet, repo: Repository, as: ImportKind): string[] {
  const lines: string[] = [];
  const form = plan.own?.form;
  if (form) {
    const values = { row: form.row, id: form.id, version: form.version ? ` ${form.version}` : "", register: PRINTED_REGISTER[as] };
    const recorded = repo.config?.value.registers?.forms?.[PRINTED_REGISTER[as]] === form.id;
    if (!recorded) lines.push(t(repo.documents.some((d) => d.value.id === form.id) ? "import.register.own-form" : "import.register.own-form-absent", values));
  }
  if (plan.own?.signOff) lines.push(t("import.register.sign-off", plan.own.signOff));
  if (plan.own?.date) lines.push(t("import.register.own-date", plan.own.date));
  // A new repository still printing csr init's placeholder company on every register, while the register names its own (tester67b B11): said, qms.yaml not written.
  const organisation = plan.own?.organisation;
  if (organisation && placeholderOrganisation(repo.config?.value.organisation?.name) && organisation.name !== repo.config?.value.organisation?.name) {
    lines.push(t("import.register.organisation", { row: organisation.row, name: organisation.name, placeholder: repo.config?.value.organisation?.name ?? "", nameArg: shellArgument(organisation.name) }));
  }
  const received = plan.own?.received;
  if (received && !received.date) lines.push(t("import.csr.title-received-unread", { row: received.row, text: received.text }));
  if (sheet.others?.length) lines.push(t("import.register.other-sheets", { sheets: list(sheet.others) }));
  // A distribution record beside the list holds controlled copies csr could keep: say how, not only that it was not read.
  for (const other of sheet.others ?? []) if (/发放|分发|领用|distribution/i.test(other)) lines.push(t("import.register.distribution-sheet", { sheet: other }));
  return lines;
}

function toYaml(file: PlannedFile): string {
  return stringify(file.data, { lineWidth: 0 });
}

interface WriteFailure {
  row: number;
  path: string;
  reason: string;
}

/** What the register writes otherwise than the files record it, one line per value, with the rows that write it. */
function reportReadings(plan: ImportPlan): string[] {
  const groups = new Map<string, { column: string; from: string; to: string; rows: number[] }>();
  for (const r of plan.readings) {
    const key = [r.column, r.from, r.to].join("\u0000");
    const group = groups.get(key) ?? { column: r.column, from: r.from, to: r.to, rows: [] };
    if (!group.rows.includes(r.row)) group.rows.push(r.row);
    groups.set(key, group);
  }
  if (groups.size === 0) return [];
  return ["", t("import.read.heading"), ...[...groups.values()].map((g) => `  ${t("import.read.entry", { column: g.column, from: g.from, to: g.to, rows: rowsOf(g) })}`)];
}

function reportProblems(plan: ImportPlan, failed: WriteFailure[]): string[] {
  const lines = [
    ...plan.issues.map((i) => ({ row: i.row, message: i.message, skipped: i.skipped })),
    ...plan.conflicts.map((c) => ({ row: c.row, message: c.message ?? t("import.exists", { path: c.path }), skipped: true })),
    ...failed.map((f) => ({ row: f.row, message: t("import.not-written", { path: f.path, reason: f.reason }), skipped: true })),
  ].sort((a, b) => a.row - b.row);
  return lines.length ? ["", ...lines.map((l) => t("import.row", { row: l.row, message: l.message }) + (l.skipped ? t("import.row.not-imported") : ""))] : [];
}

/** A change to a file that exists (or people.yaml, created when absent), by the row that asks for it. */
interface PlannedEdit extends FileChange {
  row: number;
}

/**
 * The additions to existing files the flags ask for: new people appended to people.yaml (only those
 * with a department, which people.yaml requires), forms appended to their procedures' `forms`.
 * Each file is edited through the YAML document, so its other lines and comments stay as they are.
 */
function plannedEdits(root: string, plan: ImportPlan, flags: ImportFlags): PlannedEdit[] {
  const edits: PlannedEdit[] = [];
  const people = flags.addPeople ? peopleEdit(root, plan.people) : undefined;
  if (people) edits.push({ row: Math.min(...plan.people.flatMap((p) => p.rows)), ...people });
  if (plan.symbolsAdded) {
    const { row, symbols } = plan.symbolsAdded;
    edits.push({ row, ...editFile(root, "symbols.yaml", "symbols", (doc) => symbols.forEach((s) => putSymbolRow(doc, s))) });
  }
  for (const c of plan.completions) edits.push({ row: c.row, ...editFile(root, c.path, "document", (doc) => c.completion.edit(doc)) });
  if (flags.linkForms) {
    const byPath = new Map<string, ImportPlan["links"]>();
    for (const link of plan.links) if (link.path) byPath.set(link.path, [...(byPath.get(link.path) ?? []), link]);
    for (const [path, links] of byPath) {
      edits.push({ row: links[0]!.row, ...editFile(root, path, "document", (doc) => links.forEach((l) => appendIn(doc, ["forms"], l.form))) });
    }
  }
  return edits;
}

/**
 * people.yaml with the new people appended (those with a department, which people.yaml requires),
 * or created when the repository has none; undefined when there is nobody to add.
 */
export function peopleEdit(root: string, people: NewPerson[]): FileChange | undefined {
  const entries = people.filter((p) => p.department).map((p) => ({ id: p.id, name: p.name, department: p.department, roles: p.roles }));
  if (entries.length === 0) return undefined;
  if (!existsSync(insideRepository(root, "people.yaml"))) return { path: "people.yaml", kind: "people", text: stringify({ people: entries }, { lineWidth: 0 }), create: true };
  return editFile(root, "people.yaml", "people", (doc) => {
    if (doc.errors.length) throw new UserError(t("import.people.unreadable", { reason: doc.errors[0]!.message.split("\n")[0]! }), t("import.people.unreadable.hint"));
    const list = doc.get("people", true);
    // `people: []` as csr init might leave it: the new entries go one per line.
    if (isSeq(list) && list.items.length === 0) list.flow = false;
    for (const entry of entries) {
      const node = doc.createNode(entry);
      // Roles on one line, as people.yaml is written by hand: `roles: [author, reviewer]`.
      const roles = node.get("roles", true);
      if (isSeq(roles)) roles.flow = true;
      appendIn(doc, ["people"], node);
    }
  });
}

/**
 * What --add-people did or would do, as a reader checks it: each department by its name (`repo`'s
 * qms.yaml) and each role by its meaning; `where` names the rows or files that name each person.
 */
export function reportPeople<P extends NewPerson>(people: P[], flags: ImportFlags, where: (p: P) => string, repo: Repository): string[] {
  const departments = new Map((repo.config?.value.departments ?? []).map((d) => [d.code, d]));
  if (!flags.addPeople || !people.length) return [];
  const added = people.filter((p) => p.department);
  const homeless = people.filter((p) => !p.department);
  return [
    ...(added.length
      ? ["", t(flags.dryRun ? "import.people.would-add" : "import.people.added"), ...added.map((p) => `  ${t("import.people.entry", { id: p.id, department: departmentLabel({ departments }, p.department!), roles: list(p.roles.map((r) => t(`value.role.${r}`))), where: where(p) })}`)]
      : []),
    ...(homeless.length
      ? ["", t("import.people.homeless"), ...homeless.map((p) => `  ${t("import.people.homeless-entry", { id: p.id, where: where(p) })}`)]
      : []),
  ];
}

function rowsOf(p: { rows: number[] }): string {
  const more = p.rows.length > SHOWN_ROWS ? t("import.people.more-rows", { count: p.rows.length }) : "";
  return t("import.people.rows", { count: p.rows.length, rows: list(p.rows.slice(0, SHOWN_ROWS).map(String)), more });
}

/**
 * What the register does not say for many files at once, one line each: forms without a retention
 * period (no such column), forms whose version has no date (no date column: the count, not the
 * numbers, as it is usually every form of the register) and documents written as drafts (neither a
 * status nor a version). Each line says what to set and how.
 */
function reportUnstated(written: PlannedFile[], dryRun: boolean | undefined): string[] {
  const ids = (some: PlannedFile[]) => list(some.map((f) => f.id));
  const noRetention = written.filter((f) => f.noRetention);
  const undated = written.filter((f) => f.undated === "no-column").length;
  const onPaper = written.filter((f) => f.undated === "on-paper").length;
  const drafts = written.filter((f) => f.unstatedDraft);
  const inUse = written.filter((f) => f.versionInUse);
  return [
    ...(noRetention.length ? ["", t("import.retention.none", { count: noRetention.length, ids: ids(noRetention) })] : []),
    ...(undated ? ["", t("import.date.unknown", { count: undated })] : []),
    ...(onPaper ? ["", t("import.date.on-paper", { count: onPaper, text: t("revision.date.unknown") })] : []),
    // A document in use for years is not released today (csr release): its version belongs in the register, imported as released before csr (tester54b B12).
    ...(drafts.length ? ["", t(dryRun ? "import.drafts.unstated.dry-run" : "import.drafts.unstated", { count: drafts.length, ids: ids(drafts), paths: list(drafts.map((f) => f.path)) })] : []),
    ...(inUse.length ? ["", t("import.version-in-use.given", { count: inUse.length, ids: ids(inUse), version: (inUse[0]!.data as ControlledDocument).revisions![0]!.version })] : []),
  ];
}

/**
 * Values one column of the register was made to stand for where another was missing, one line each
 * for all the files concerned: the department from 保存部门, a revision's date from 实施日期, the
 * effective date from 发布日期. The user reads what was assumed and where to change it.
 */
function reportBorrowed(written: PlannedFile[], plan: ImportPlan): string[] {
  const borrowed = [
    { key: "import.department.from-keeper", field: "keeper", count: written.filter((f) => f.departmentFromKeeper).length },
    { key: "import.date.from-effective", field: "effective", count: written.filter((f) => f.dateFromEffective).length },
    { key: "import.effective.from-issued", field: "issued", count: written.filter((f) => f.effectiveFromIssued).length },
  ] as const;
  const withdrawn = written.filter((f) => f.withdrawn).map((f) => f.id);
  return [
    ...borrowed.filter((b) => b.count > 0).flatMap((b) => ["", t(b.key, { column: plan.header.labels.get(b.field) ?? "", count: b.count })]),
    ...(withdrawn.length ? ["", t("import.withdrawn", { count: withdrawn.length, ids: list(withdrawn) })] : []),
  ];
}

function reportLinks(plan: ImportPlan, flags: ImportFlags): string[] {
  const existing = plan.links.filter((l) => l.path);
  const missing = plan.links.filter((l) => !l.path);
  const lines: string[] = [];
  if (existing.length && flags.linkForms) {
    lines.push("", t(flags.dryRun ? "import.links.would-add" : "import.links.added"));
    const byPath = new Map<string, string[]>();
    for (const l of existing) byPath.set(l.path!, [...(byPath.get(l.path!) ?? []), l.form]);
    for (const [path, forms] of byPath) lines.push(`  ${t("import.links.entry", { path, forms: list(forms) })}`);
  } else if (existing.length) {
    // One command per procedure, ready to run: csr set QP-005 --add-form QR-005-02,QR-005-03.
    const byProcedure = new Map<string, string[]>();
    for (const l of existing) byProcedure.set(l.procedure, [...(byProcedure.get(l.procedure) ?? []), l.form]);
    lines.push("", t("import.links.to-add"), ...[...byProcedure].map(([procedure, forms]) => `  ${t("import.links.add", { procedure, forms: forms.join(",") })}`));
  }
  const unreadable = missing.filter((l) => l.missing === "unreadable");
  const elsewhere = missing.filter((l) => l.missing !== "unreadable");
  if (elsewhere.length) {
    lines.push("", ...elsewhere.map((l) => t("import.row", { row: l.row, message: t(`import.links.${l.missing === "absent" ? "absent" : "not-a-number"}`, { procedure: l.procedure, form: l.form }) })));
  }
  if (unreadable.length) {
    lines.push("", t("import.links.missing"), ...unreadable.map((l) => `  ${t("import.row", { row: l.row, message: `${l.form} -> ${l.procedure}` })}`));
  }
  return lines;
}

function reportFamilies(plan: ImportPlan): string[] {
  if (!plan.families.length) return [];
  return [
    "",
    t("import.families"),
    ...plan.families.map((f) => `  csr numbering add ${f.pattern.startsWith("#") || f.pattern === ANY_NUMBER ? `"${f.pattern}"` : f.pattern} --kind ${f.kind}   # ${t("import.families.example", { example: f.example })}`),
  ];
}

/** The repository as it would be after the import, for checking a dry run without writing. */
export function withPlannedFiles(root: string, files: PlannedFile[], edits: readonly FileChange[] = []): Repository {
  const found = discover(root);
  const edited = new Set(edits.map((e) => e.path));
  const sources = found.files.filter((f) => !edited.has(f.path)).map((f) => readSource(f.abs, f.path, f.kind));
  for (const f of files) sources.push(parseText(f.path, f.kind === "csr" || f.kind === "symbols" ? f.kind : "document", toYaml(f)));
  for (const e of edits) sources.push(parseText(e.path, e.kind, e.text));
  return buildRepository(root, sources, found.problems);
}

export function reportCheck(findings: Finding[], root: string): string[] {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.length - errors.length;
  if (findings.length === 0) return [t("import.check.clean")];
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const lines = [
    t("import.check.summary", { errors: errors.length, warnings, rules: list([...byRule].map(([rule, n]) => `${rule} ${n}`)) }),
    ...errors.slice(0, SHOWN_ERRORS).map((f) => `  ${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`),
  ];
  if (errors.length > SHOWN_ERRORS) lines.push(`  ${t("import.check.more", { count: errors.length - SHOWN_ERRORS, dir: relative(process.cwd(), root) || "." })}`);
  return lines;
}

/**
 * Released documents the import wrote without the signatures they need: 编制/审核/批准 (a form
 * register has no such columns, doc/approval-missing) and, in a GJB repository, the 会签, 标准化审查
 * and 军代表 its printed layout shows (doc/signature-missing). One `csr sign` per set of missing
 * signatures for all the documents lacking it, rather than a hand edit per file, saying why the
 * register gave none: no such column, an empty cell, a cell that could not be read as a signature
 * (said on its row), or a row that signs the version in force while a later one is pending (said on its row); a dry run also names the options that would record them in the import itself.
 */
function reportUnsigned(findings: readonly Finding[], written: readonly PlannedFile[], repo: Repository, header: HeaderRow, dryRun: boolean | undefined): string[] {
  const rulesOf = new Map<string, Set<string>>();
  for (const f of findings) if (f.rule === "doc/approval-missing" || f.rule === "doc/signature-missing") rulesOf.set(f.file, (rulesOf.get(f.file) ?? new Set()).add(f.rule));
  // Why the register gave no signature: it has no such column, the row's cell is empty, or the cell
  // was written but not read as a signature (said on its row above, where the rows are named).
  const why = (role: SigningRole, file: PlannedFile): Why =>
    !header.columns.has(SIGNATURE_FIELD[role]) ? "absent" : file.pendingUnsigned ? "pending" : file.unreadSignatures?.includes(role) ? "unread" : "empty";
  const groups = new Map<string, { roles: SigningRole[]; reasons: Map<Why, SigningRole[]>; ids: string[]; rows: number[] }>();
  for (const file of written) {
    const found = rulesOf.get(file.path);
    const revision = (file.data as ControlledDocument).revisions?.at(-1);
    if (!found || !revision) continue;
    const printed = layoutSignatures(repo, file.data as ControlledDocument, issuedOn(revision));
    const needed = (role: SigningRole) => (APPROVAL_ROLES.includes(role) ? found.has("doc/approval-missing") : found.has("doc/signature-missing") && printed.has(role as SignatureRole));
    const roles = ROLES.filter((role) => revision[role] === undefined && needed(role));
    if (roles.length === 0) continue;
    const reasons = new Map<Why, SigningRole[]>();
    for (const role of roles) {
      const reason = why(role, file);
      reasons.set(reason, [...(reasons.get(reason) ?? []), role]);
    }
    const key = [...reasons].map(([reason, some]) => `${reason}:${some.join("+")}`).join();
    const group = groups.get(key) ?? { roles, reasons, ids: [], rows: [] };
    groups.set(key, group);
    group.ids.push(file.id);
    if (reasons.has("unread") || reasons.has("pending")) group.rows.push(file.row);
  }
  if (groups.size === 0) return [];
  const person = t("rule.doc/approval-missing.person");
  const options = (roles: readonly SigningRole[]) => roles.map((role) => `${FLAG[role]} ${person}`).join(" ");
  const column = (role: SigningRole) => header.labels.get(SIGNATURE_FIELD[role]) ?? t(`sign.role.${role}`);
  const lines = [...groups.values()].flatMap(({ roles, reasons, ids, rows }) => {
    const command = `csr sign ${ids.join(" ")} ${options(roles)}`;
    // A register without any of the columns (a form register without 编制/审核/批准) is said as before, shortly.
    const because =
      reasons.size === 1 && reasons.has("absent")
        ? t("import.unsigned.why.no-columns")
        : WHYS.filter((w) => reasons.has(w))
            .map((w) => t(`import.unsigned.why.${w}`, { columns: list([...new Set(reasons.get(w)!.map(column))]), rows: list(rows.map(String)), count: rows.length }))
            .join(t("import.unsigned.why.separator"));
    const iatfOnly = roles.length === APPROVAL_ROLES.length && roles.every((role) => APPROVAL_ROLES.includes(role));
    return ["", iatfOnly ? t("sign.import-hint", { count: ids.length, command, why: because }) : t("import.unsigned.roles", { count: ids.length, roles: list(roles.map((role) => t(`sign.role.${role}`))), command, why: because })];
  });
  if (dryRun) lines.push(t("import.unsigned.in-import", { options: options(ROLES.filter((role) => [...groups.values()].some((g) => g.roles.includes(role)))) }));
  return lines;
}

type Why = "absent" | "empty" | "unread" | "pending";
const WHYS: readonly Why[] = ["absent", "empty", "unread", "pending"];

/** The signatures doc/approval-missing asks for; the others are GJB's, where the layout prints them. */
const APPROVAL_ROLES: readonly SigningRole[] = ["prepared", "reviewed", "approved"];

/**
 * The ids given to the rows of a CSR list that had none, as `csr add` numbers (the customer's next
 * free number): each against its 序号, which the CSR file has no field for, so this is where the two
 * are matched up.
 */
function reportAssignedIds(written: PlannedFile[], plan: ImportPlan, flags: ImportFlags): string[] {
  const assigned = written.filter((f) => f.assigned);
  if (assigned.length === 0) return [];
  const no = plan.header.labels.get("no");
  return [
    "",
    t(flags.dryRun ? "import.csr.assigned.would" : "import.csr.assigned", { n: assigned.length }),
    ...assigned.map((f) => `  ${f.assigned!.no !== undefined && no ? t("import.csr.assigned.entry-no", { label: no, no: f.assigned!.no, row: f.row, id: f.id }) : t("import.csr.assigned.entry", { row: f.row, id: f.id })}`),
    ...(no ? [t("import.csr.assigned.no-kept", { label: no })] : []),
  ];
}

/**
 * Decided CSRs imported without a review record: the list carries the decision, not the signed
 * opinions, so each file names the list's row as its record until the user names the real one.
 */
function reportReviewRecords(written: PlannedFile[], register: string, flags: ImportFlags, repo: Repository): string[] {
  const noted = written.filter((f) => f.recordNoted);
  if (noted.length === 0) return [];
  // The note as the files say it: in the repository's language.
  const note = translate(repo.config?.value.language ?? "zh-CN", "import.csr.record-note", { register, row: "N" });
  return [
    "",
    t("import.review-record.noted", { count: noted.length, verb: t(flags.dryRun ? "import.review-record.would-say" : "import.review-record.says"), note }),
    t("import.review-record.hint"),
  ];
}

/**
 * How a CSR list's 完成日期 (实施日期) was read, a date that says either when a requirement was
 * implemented or when it is to be: the first for the rows whose status says done, the second for
 * the others (tester20 F8). One line each, naming the CSRs, and how to correct one read wrongly.
 */
function reportCompleted(written: PlannedFile[], plan: ImportPlan): string[] {
  const column = plan.header.labels.get("completed") ?? "";
  return (["implemented", "due"] as const).flatMap((as) => {
    const read = written.filter((f) => f.completedAs === as);
    return read.length ? ["", t(`import.csr.completed.${as}`, { column, count: read.length, ids: list(read.map((f) => f.id)) })] : [];
  });
}

/**
 * The CSRs whose date received the list does not give (PlannedFile.receivedFrom): --received's, or
 * their source revision's, the day the review clock starts (IATF 16949 8.2.3.1.1; as `csr add` takes it).
 */
function reportReceivedGiven(written: PlannedFile[], plan: ImportPlan, repo: Repository): string[] {
  const groups = new Map<string, { values: Record<string, string>; from: NonNullable<PlannedFile["receivedFrom"]>; sourceReceived?: string; ids: string[] }>();
  for (const file of written) {
    if (!file.receivedFrom) continue;
    const csr = file.data as Csr;
    const key = `${file.receivedFrom}\u0000${csr.source.document}\u0000${csr.source.revision}\u0000${csr.received}`;
    const sourceReceived = repo.customers
      .find((c) => c.value.code === csr.customer)
      ?.value.sources?.find((s) => s.id === csr.source.document)
      ?.revisions.find((r) => r.revision === csr.source.revision)?.received;
    const values = { received: csr.received, source: csr.source.document, revision: revisionName(csr.source.revision), revisionArg: shellArgument(csr.source.revision), row: String(plan.own?.received?.row ?? "") };
    const group = groups.get(key) ?? { values, from: file.receivedFrom, ...(sourceReceived ? { sourceReceived } : {}), ids: [] as string[] };
    groups.set(key, group);
    group.ids.push(file.id);
  }
  return [...groups.values()].flatMap(({ values, from, sourceReceived, ids }) => {
    const said = t(from === "option" ? "import.csr.received-option" : from === "title" ? "import.csr.received-title" : "import.csr.received-from-source", { ...values, count: ids.length, ids: list(ids) });
    // The list's own date before the day the source revision was registered as received: that registration is what the paper contradicts (date/received-before-source).
    const earlier = from !== "source" && sourceReceived !== undefined && values.received! < sourceReceived;
    return ["", earlier ? sentences(said, t("import.csr.received-before-source", { ...values, sourceReceived })) : said];
  });
}

/**
 * Rows whose document was in the repository already, imported from elsewhere (its Word original), and
 * which added the register data it lacked (import/complete.ts): each with what it added and every value
 * the register gives otherwise than the file, which is kept (tester20 F10).
 */
function reportRegisterCompletions(plan: ImportPlan, dryRun: boolean | undefined): string[] {
  return plan.completions.flatMap(({ row, path, version, completion }) => [
    "",
    t(dryRun ? "import.complete.register-would" : "import.complete.register-done", { row, path, version, added: list(completion.added) }),
    ...(completion.differences.length > 0 ? [t("import.complete.register-differences"), ...completion.differences.map((d) => t("import.complete.register-difference", { ...d }))] : []),
  ]);
}

/**
 * CSRs written with the list's 已实施 / 已验证 and without the whole record that status claims: what
 * each lacks and the command that records it, as csr/implementation-incomplete says until then.
 */
function reportImplementationGaps(written: PlannedFile[]): string[] {
  const gaps = written.flatMap((f) => {
    const csr = f.kind === "csr" ? (f.data as Csr) : undefined;
    const missing = csr ? incompleteImplementation(csr) : [];
    return csr && missing.length ? [{ file: f, csr, missing }] : [];
  });
  if (gaps.length === 0) return [];
  return [
    "",
    t("import.csr.implementation-gaps", { count: gaps.length }),
    ...gaps.map(({ file, csr, missing }) =>
      `  ${t("import.csr.implementation-gaps.entry", { id: csr.id, row: file.row, status: t(`value.implementation.${csr.implementation!.status!}`), missing: gapsText(missing), command: completionCommand(csr, missing) })}`,
    ),
  ];
}
