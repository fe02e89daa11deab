/** `csr matrix clauses|csr`: the audit matrices. */
import { UserError } from "../../core/errors.js";
import { list, sentences, t } from "../../i18n/index.js";
import { didYouMean } from "../../core/text.js";
import { findRoot } from "../../load/discover.js";
import { clauseCrossReference } from "../../report/registers/clause-xref.js";
import { clauseMatrix } from "../../report/registers/clauses.js";
import { csrMatrix } from "../../report/registers/csr.js";
import type { CommandContext } from "../context.js";
import { choiceOption, dateOption } from "../options.js";

/** grid: clauses against processes and procedures (●/△/○); cross-reference: the 条款、过程和文件对照表 layout. */
const CLAUSE_STYLES = ["grid", "cross-reference"] as const;
import { emitTable, languageOf, refuseOrWarnUnreadable, type OutputFlags } from "../shared/output.js";
import { csrOrderOption } from "../shared/csr-order.js";
import { customerOption } from "../list/registers.js";
import { registerContextOn } from "../shared/registers.js";
import { readRepository } from "../shared/read.js";
import { periodOption, type PeriodFlags } from "../shared/period.js";

/**
 * Standards whose clauses another includes under the same numbers: IATF 16949 is used together with
 * ISO 9001 and keeps its clauses (catalog `origin: ISO`); GJB 9001C-2017 is GB/T 19001-2016 (ISO 9001:2015)
 * with the military requirements added, in the same numbering.
 */
const INCLUDES: Readonly<Record<string, readonly string[]>> = { IATF16949: ["ISO9001"], GJB9001C: ["ISO9001"] };

export interface MatrixFlags extends OutputFlags, PeriodFlags {
  standard?: string;
  customer?: string;
  style?: string;
  today?: string;
  /** clauses: the 最近审核 column; notAuditedSince: only the clauses not audited since that day. */
  audits?: boolean;
  notAuditedSince?: string;
  /** csr: the rows' order (CSR_ORDERS); default section order with --customer, id order without. */
  sort?: string;
}

export async function matrixCommand(ctx: CommandContext, name: "clauses" | "csr", flags: MatrixFlags): Promise<number> {
  const repo = await readRepository(findRoot(ctx.dir));
  refuseOrWarnUnreadable(ctx, repo);
  const lang = languageOf();
  const today = dateOption(flags.today, "--today");
  const rc = await registerContextOn(repo, lang, today);
  const period = periodOption(flags, today, name === "csr" ? undefined : "matrix clauses");
  if (name === "csr" && (flags.audits || flags.notAuditedSince !== undefined)) throw new UserError(t("matrix.audits-clauses", { flag: flags.audits ? "--audits" : "--not-audited-since" }));
  if (name === "clauses" && flags.sort !== undefined) throw new UserError(t("matrix.sort-csr"));
  if (name === "csr") {
    if (flags.customer !== undefined) flags = { ...flags, customer: customerOption(rc, flags.customer) };
    // One customer's matrix is read against that customer's document, section by section (tester64 N3); the whole one by id.
    return emitTable(ctx, csrMatrix(rc, { customer: flags.customer, today, order: csrOrderOption(flags.sort, flags.customer), ...(period ? { period } : {}) }), flags, repo, lang, today);
  }
  const notAuditedSince = flags.notAuditedSince === undefined ? undefined : dateOption(flags.notAuditedSince, "--not-audited-since");
  const scope = repo.config?.value.standards ?? [];
  // During an edition transition both editions are in scope; without --standard the matrix is the new
  // edition's, whose references 'csr standard migrate' rewrote: the old edition's matrix would show only
  // the references left behind, a near-empty coverage (tester58 F2). Say which edition it is.
  const successor = flags.standard === undefined && scope[0] !== undefined ? [...repo.catalogs.values()].find((c) => c.supersedes?.standard === scope[0] && scope.includes(c.id)) : undefined;
  const standard = flags.standard ?? successor?.id ?? scope[0];
  if (successor) ctx.stderr(t("matrix.default-edition", { title: successor.title, old: scope[0]! }) + "\n");
  if (standard === undefined) throw new UserError(t("matrix.no-standard"));
  const catalog = repo.catalogs.get(standard);
  if (!catalog) {
    throw new UserError(sentences(t("matrix.no-catalog", { standard }) + didYouMean(standard, repo.catalogs.keys()), t("matrix.known-catalogs", { known: list([...repo.catalogs.keys()]) })));
  }
  // A standard the repository is not under covers nothing: its matrix would print and sign "0 % covered".
  // IATF 16949 includes every clause of ISO 9001 under the same number, so the IATF matrix is the ISO one too.
  if (scope.length > 0 && !scope.includes(standard)) {
    const within = scope.find((id) => INCLUDES[id]?.includes(standard));
    throw new UserError(
      t("matrix.out-of-scope", { standard, inScope: list(scope) }),
      within ? t("matrix.out-of-scope.included", { standard, within }) : t("matrix.out-of-scope.hint", { first: scope[0]! }),
    );
  }
  const style = choiceOption(flags.style, "--style", CLAUSE_STYLES, "grid");
  if (style !== "grid" && (flags.audits || notAuditedSince !== undefined)) throw new UserError(t("matrix.audits-grid", { flag: flags.audits ? "--audits" : "--not-audited-since" }));
  const table =
    style === "grid" ? clauseMatrix(rc, catalog, { today, audits: flags.audits === true, ...(notAuditedSince !== undefined ? { notAuditedSince } : {}) }) : clauseCrossReference(rc, catalog, { today });
  // Written into a folder, each standard's matrix has a name of its own (clauses-GJB9001C.xlsx).
  return emitTable(ctx, table, flags, repo, lang, today, `${table.id}-${catalog.id}`);
}
