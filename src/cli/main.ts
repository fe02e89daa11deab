/**
 * The command-line wiring. Only commander is imported up front, so `csr --help` and
 * `csr --version` stay fast; each command's module is imported when it runs.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import type { CommandContext } from "../commands/context.js";

const EXIT_USAGE = 2;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function run(argv: string[]): Promise<number> {
  let exitCode = 0;
  // A reader that stops early (`csr matrix clauses | head`) closes the pipe: stop quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(exitCode);
    });
  }
  const program = new Command();
  const context = (): CommandContext => {
    const opts = program.opts<{ C?: string }>();
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.FORCE_COLOR !== "0";
    return {
      dir: opts.C ?? process.cwd(),
      color,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
    };
  };
  const action =
    <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...args: A) => Promise<number>>) =>
    async (...args: A) => {
      const fn = await load();
      exitCode = await fn(context(), ...args);
    };

  program
    .name("csr")
    .description("Quality-management documents kept as YAML in Git: customer-specific requirements, controlled documents, audit lists.")
    .version(packageVersion(), "-V, --version")
    .option("-C <dir>", "run as if csr was started in <dir> (the repository is found by walking up to qms.yaml)")
    .showHelpAfterError("(run 'csr --help' for usage)")
    .exitOverride();

  program
    .command("check")
    .description("validate every file of the repository and run the cross-document rules (writes only its cache)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "gitlab", "junit", "sarif"]).default("text"))
    .option("--today <date>", "the date deadlines are measured against (YYYY-MM-DD; default: today)")
    .option("--error-on-warnings", "exit 1 when there are warnings, not only errors")
    .option("--max-warnings <n>", "exit 1 when there are more than <n> warnings")
    .option("--base <rev>", "compare with this git revision (e.g. origin/main): released documents must not change without a new revision")
    .option("--changed-only", "only findings in files changed since --base, and in files that refer to them")
    .option("--no-cache", "read and validate every file afresh, without the cache in .git/csr-cache/")
    .action(action(async () => (await import("../commands/check/index.js")).checkCommand));

  program
    .command("explain")
    .description("print a check rule's documentation: what it finds, why, a bad and a good example, the fix")
    .argument("[rule-id]", "e.g. ref/unresolved (default: list every rule)")
    .action(action(async () => (await import("../commands/explain/index.js")).explainCommand));

  program
    .command("add")
    .description("register a new customer-specific requirement (prompts on a terminal)")
    .option("--customer <code>", "customer code")
    .option("--source <id>", "the customer's source document")
    .option("--section <text>", "section of the source document")
    .option("--clause <ref>", "clause it interprets or supplements, e.g. IATF16949:8.3.3.3 (repeatable)", collect, [])
    .option("--title <text>", "short title")
    .option("--text <text>", "requirement text or summary")
    .option("--category <text>", "category")
    .option("--received <date>", "date received (YYYY-MM-DD; default: today)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the new file")
    .action(action(async () => (await import("../commands/add/index.js")).addCommand));

  program
    .command("review")
    .description("record a department's opinion on a CSR, or the decision")
    .argument("<id>", "CSR id")
    .option("--department <code>", "department giving its opinion")
    .option("--reviewer <person>", "person giving the opinion")
    .option("--opinion <opinion>", "accept, accept-with-action or reject")
    .option("--comment <text>", "comment")
    .option("--disposition <disposition>", "must, optional, not-applicable or rejected")
    .option("--justification <text>", "why (required for not-applicable and rejected)")
    .option("--by <person>", "who decided")
    .option("--late-reason <text>", "why the decision comes after the review period")
    .option("--date <date>", "date (YYYY-MM-DD; default: today)")
    .option("--force", "decide although required opinions are missing (recorded)")
    .option("--amend", "replace an existing decision (the earlier one is kept in the record)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/review/index.js")).reviewCommand));

  program
    .command("address")
    .description("record where a CSR is addressed in a document (or --remove it), pinned to both texts; --confirm a suspect link; --pin-all")
    .argument("[csr]", "CSR id")
    .argument("[document]", "document number")
    .option("--section <section>", "section of the document: number, title, or both (e.g. 5.2)")
    .option("--remove", "remove the entry instead (only the one for --section when given)")
    .option("--confirm", "the link still holds after a change: pin it afresh, recording who (--by) and when")
    .option("--pin-all", "pin every link that has no pin yet (once, for links recorded before pins existed)")
    .option("--by <person>", "who links or confirms")
    .option("--date <date>", "date of the pin (YYYY-MM-DD; default: today)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/address/index.js")).addressCommand));

  program
    .command("implement")
    .description("record a CSR's implementation: owner, due date, status, evidence, date implemented")
    .argument("<csr>", "CSR id")
    .option("--owner <person>", "who is responsible")
    .option("--due <date>", "due date (YYYY-MM-DD)")
    .option("--status <status>", "planned, in-progress, implemented or verified")
    .option("--evidence <text>", "record or document that proves it")
    .option("--implemented <date>", "date implemented in production (sets status implemented)")
    .option("--verified-by <person>", "who verified the implementation (sets status verified)")
    .option("--date <date>", "date of the verification (default: today)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/implement/index.js")).implementCommand));

  const source = program.command("source").description("customer CSR source documents");
  source
    .command("update")
    .description("record a new revision of a customer's CSR source document and flag its CSRs for re-review")
    .argument("<source-id>", "source document id")
    .option("--customer <code>", "customer code (when the source id is not unique)")
    .requiredOption("--revision <rev>", "the new revision")
    .option("--issued <date>", "date the customer issued it")
    .requiredOption("--received <date>", "date received")
    .option("--file <path>", "the new revision's file, inside the repository (PDF, DOCX, Markdown or text); compared with the previous one's")
    .option("--previous-file <path>", "the previous revision's file, when its revision entry records none")
    .option("--unchanged <csr...>", "CSRs the new revision leaves unchanged: the decision is kept, with a recorded confirmation")
    .option("--removed <csr...>", "CSRs the new revision removes: marked superseded")
    .option("--accept", "take the file comparison's proposal for every CSR not named with --unchanged or --removed")
    .option("--by <person>", "who confirms the unchanged CSRs")
    .option("--date <date>", "date of the confirmation (default: today)")
    .option("-y, --yes", "never prompt; CSRs not named are reviewed again")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/source/update.js")).sourceUpdateCommand));

  program
    .command("list")
    .description("list CSRs (default) or a register: csr, procedures, forms, external, obsolete, symbols, reviews, distribution, training")
    .argument("[what]", "csr, procedures, forms, external (外来文件), obsolete (作废文件), symbols, reviews (review timeliness), distribution or training", "csr")
    .option("--customer <code>", "only this customer")
    .option("--status <status>", "only CSRs in this status")
    .option("--overdue", "only CSRs whose review is overdue")
    .option("--clause <ref>", "only CSRs keyed to this clause")
    .option("--owner <person>", "only CSRs whose implementation this person owns")
    .option("--level <n>", "procedures: document level 1-4")
    .option("--style <style>", "procedures: iatf or gjb")
    .option("--format <format>", "table, md, html, csv, xlsx, json or pdf")
    .option("--out <file>", "write to a file instead of stdout (the format follows its extension)")
    .option("--force", "replace the --out file if it exists")
    .option("--lang <lang>", "zh-CN or en")
    .option("--today <date>", "the date deadlines are measured against")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .action(action(async () => (await import("../commands/list/index.js")).listCommand));

  program
    .command("show")
    .description("everything about one CSR")
    .argument("<id>", "CSR id")
    .option("--format <format>", "text or json")
    .option("--today <date>", "the date deadlines are measured against")
    .action(action(async () => (await import("../commands/show/index.js")).showCommand));

  program
    .command("render")
    .description("render controlled documents (and CSR review reports) to Markdown, HTML, PDF or Word")
    .argument("[ids...]", "document or CSR ids")
    .option("--all", "every document")
    .option("--format <format>", "md, html, pdf or docx")
    .option("--lang <lang>", "zh-CN or en")
    .option("--out <dir>", "output folder")
    .option("--copy <n>", "print this controlled-copy number (受控号) on the stamp of one document")
    .option("--today <date>", "review reports: the date an open review is measured against")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .action(action(async () => (await import("../commands/render/index.js")).renderCommand));

  program
    .command("site")
    .description("build a static website of the whole quality system: dashboard, documents, CSRs, registers, search")
    .requiredOption("--out <dir>", "the folder to write (new, empty, or a site csr built before)")
    .option("--base-url <url>", "where the site is published, e.g. https://qms.example.com/ (canonical links and sitemap.xml)")
    .option("--lang <lang>", "zh-CN or en")
    .option("--today <date>", "the date deadlines are measured against (YYYY-MM-DD; default: today)")
    .action(action(async () => (await import("../commands/site/index.js")).siteCommand));

  program
    .command("release")
    .description("release a document: bump the version, record the revision, commit and tag")
    .argument("<id>", "document id")
    .option("--major", "start a new edition (A/3 -> B/0)")
    .option("--summary <text>", "summary of the change")
    .option("--pages <pages>", "pages affected")
    .option("--prepared <person>", "prepared by")
    .option("--reviewed <person>", "reviewed by")
    .option("--approved <person>", "approved by")
    .option("--date <date>", "release date, the revision's date and effective date (default: today)")
    .option("--prepared-date <date>", "date the preparer signed (default: --date)")
    .option("--reviewed-date <date>", "date the reviewer signed (default: --date)")
    .option("--approved-date <date>", "date the approver signed (default: --date)")
    .option("--force", "release although the document has not changed since its last release")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .action(action(async () => (await import("../commands/release/index.js")).releaseCommand));

  program
    .command("new")
    .description("start a new controlled document as a draft, numbered from qms.yaml, with the sections of its kind")
    .argument("[kind]", "procedure, instruction, form, manual or external")
    .option("--number <number>", "document number (default: the next of its numbering family)")
    .option("--family <family>", "numbering family (name or pattern in qms.yaml; default: the first of the kind)")
    .option("--title <text>", "title")
    .option("--title-en <text>", "English title")
    .option("--department <code>", "issuing department")
    .option("--level <n>", "document level 1-4 (default: from the kind)")
    .option("--clause <ref>", "clause it addresses (repeatable)", collect, [])
    .option("--used-by <document>", "forms: add it to this document's records (forms)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the new file")
    .action(action(async () => (await import("../commands/new/index.js")).newCommand));

  program
    .command("distribute")
    .description("hand out controlled copies of a document's current version, numbered (受控号)")
    .argument("<document>", "document number")
    .option("--to <dept...>", "receiving departments")
    .option("--copies <n>", "copies per department (default 1)")
    .option("--holder <person>", "person who signs for the copies")
    .option("--date <date>", "date handed out (default: today)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/distribute/index.js")).distributeCommand));

  program
    .command("recall")
    .description("record controlled copies taken back (default: every copy that is due back)")
    .argument("<document>", "document number")
    .option("--copy <n...>", "the copy numbers taken back")
    .option("--date <date>", "date taken back (default: today)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/distribute/index.js")).recallCommand));

  program
    .command("train")
    .description("record who was trained on a document's current version or a CSR")
    .argument("<id>", "document number or CSR id")
    .option("--people <person...>", "who was trained")
    .option("--date <date>", "date of the training (default: today)")
    .option("--trainer <person>", "who trained them")
    .option("--record <number>", "training record number")
    .option("--require", "mark it as needing training (alone: only that)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/train/index.js")).trainCommand));

  program
    .command("periodic-review")
    .description("record that a periodic review found a released document still suitable (no new revision)")
    .argument("<document>", "document number")
    .option("--by <person>", "who reviewed it")
    .option("--date <date>", "date (default: today)")
    .option("--comment <text>", "comment")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the change")
    .action(action(async () => (await import("../commands/periodic-review/index.js")).periodicReviewCommand));

  program
    .command("obsolete")
    .description("withdraw a document, recording the date and reason, and commit")
    .argument("<id>", "document id")
    .option("--reason <text>", "why it is withdrawn")
    .option("--superseded-by <id>", "the document that replaces it")
    .option("--date <date>", "date (default: today)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .action(action(async () => (await import("../commands/obsolete/index.js")).obsoleteCommand));

  program
    .command("recover")
    .description("complete a change that an interrupted csr command left unfinished (writing commands do this by themselves)")
    .action(action(async () => (await import("../commands/recover/index.js")).recoverCommand));

  program
    .command("history")
    .description("a document's revision record beside the git commits that touched it")
    .argument("<id>", "document id")
    .option("--format <format>", "text or json")
    .action(action(async () => (await import("../commands/history/index.js")).historyCommand));

  program
    .command("changes")
    .description("what changed in the quality system between two git revisions, tags or dates")
    .argument("<from>", "the earlier state: a revision, tag or date (YYYY-MM-DD, from the start of that day)")
    .argument("[to]", "the later state: a revision, tag or date (to the end of that day); default HEAD")
    .option("--format <format>", "table, md, html, csv, xlsx, json or pdf")
    .option("--out <file>", "write to a file instead of stdout (the format follows its extension)")
    .option("--force", "replace the --out file if it exists")
    .option("--lang <lang>", "zh-CN or en")
    .action(action(async () => (await import("../commands/changes/index.js")).changesCommand));

  const matrix = program.command("matrix").description("audit matrices");
  for (const [name, description] of [
    ["clauses", "clauses of a standard against processes and procedures, with coverage"],
    ["csr", "where each customer-specific requirement is addressed (IATF 16949 7.5.1.1)"],
  ] as const) {
    matrix
      .command(name)
      .description(description)
      .option("--standard <id>", "clauses: IATF16949, GJB9001C or ISO9001")
      .option("--style <style>", "clauses: grid (clauses against processes and procedures) or cross-reference (clause, process, procedure, level-3 documents, forms)")
      .option("--customer <code>", "csr: only this customer")
      .option("--format <format>", "table, md, html, csv, xlsx, json or pdf")
      .option("--out <file>", "write to a file instead of stdout (the format follows its extension)")
      .option("--force", "replace the --out file if it exists")
      .option("--lang <lang>", "zh-CN or en")
      .option("--today <date>", "the as-of date printed on the matrix")
      .option("-y, --yes", "never prompt; a missing value is an error")
      .action(
        action(async () => {
          const { matrixCommand } = await import("../commands/matrix/index.js");
          return (ctx: CommandContext, flags: Record<string, unknown>) => matrixCommand(ctx, name, flags);
        }),
      );
  }

  program
    .command("export")
    .description("one Excel workbook with every register and matrix")
    .requiredOption("--out <file>", "the .xlsx file to write")
    .option("--force", "replace the file if it exists")
    .option("--lang <lang>", "zh-CN or en")
    .option("--today <date>", "the date the review timeliness sheet is measured against")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .action(action(async () => (await import("../commands/export/index.js")).exportCommand));

  program
    .command("import")
    .description("turn an existing Excel or CSV register, or Word documents, into repository files")
    .argument("<file>", ".xlsx or .csv register, a .docx document, or a folder of .docx documents")
    .option("--as <kind>", "procedures, instructions, forms, documents, csr or symbols (Word: optional)")
    .option("--sheet <name>", "worksheet to read")
    .option("--dry-run", "report what would be written, write nothing")
    .option("--standard <id>", "standard for bare clause numbers like 8.5.2 (default: the first in qms.yaml)")
    .option("--department <code>", "department for rows that name none")
    .option("--add-people", "add the people the register names who are not in people.yaml")
    .option("--link-forms", "add each form to the 'forms' of its procedure in the repository")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .option("--commit", "commit the files it wrote")
    .action(action(async () => (await import("../commands/import/index.js")).importCommand));

  program
    .command("init")
    .description("start a new document repository")
    .argument("[dir]", "folder (default: current folder)")
    .option("--example", "add a small example content set")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .action(action(async () => (await import("../commands/init/index.js")).initCommand));

  program
    .command("merge-driver")
    .description("git merge driver for CSR files (opinions merged by department); --install sets it up")
    .argument("[files...]", "%O %A %B %P, as git passes them")
    .option("--install", "set up the driver in this repository (.gitattributes and git config)")
    .action(action(async () => (await import("../commands/merge-driver/index.js")).mergeDriverCommand));

  program
    .command("schema")
    .description("write the JSON Schemas for editors and other tools")
    .argument("[kind]", "one kind: qms, people, customer, csr, document, processes, symbols, standard")
    .option("--out <dir>", "output folder (default: print to stdout)")
    .option("-y, --yes", "never prompt; a missing value is an error")
    .action(action(async () => (await import("../commands/schema/index.js")).schemaCommand));

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return handleError(error);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof Error && error.name === "UserError") {
    const hint = (error as Error & { hint?: string }).hint;
    process.stderr.write(`csr: ${error.message}\n${hint ? `hint: ${hint}\n` : ""}`);
    return EXIT_USAGE;
  }
  process.stderr.write(`csr: internal error (this is a bug, please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_USAGE;
}
