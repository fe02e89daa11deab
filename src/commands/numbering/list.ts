/**
 * `csr numbering list [--format table|json]`: the numbering families (编号体系) of qms.yaml
 * `numbering` as a table, in their order (the first of a kind is the one `csr new` numbers from
 * when none is named): kind, family name, pattern, the number `csr new` would give next, and how
 * many documents of the repository are numbered in the family. Documents whose number fits no
 * family of their kind are counted in a note (id/number-pattern reports each).
 * Errors: UserError without qms.yaml, or for an unknown --format.
 */
import { UserError } from "../../core/errors.js";
import { t } from "../../i18n/index.js";
import { findRoot } from "../../load/discover.js";
import { ANY_NUMBER, documentsInFamily, numberPatternToRegExp } from "../../model/numbering.js";
import type { ControlledDocument, QmsConfig } from "../../model/types.js";
import { toTerminal, type Table } from "../../report/table.js";
import type { CommandContext } from "../context.js";
import { nextNumber } from "../new/index.js";
import { choiceOption } from "../options.js";
import { readRepository } from "../shared/read.js";

export interface NumberingListFlags {
  format?: string;
}

type NumberingEntry = NonNullable<QmsConfig["numbering"]>[number];

/** One family as the list shows it; `next` is null for '*' (the publisher gives the number). */
interface NumberingFamily {
  kind: NumberingEntry["kind"];
  family: string | null;
  pattern: string;
  next: string | null;
  documents: number;
}

export async function numberingListCommand(ctx: CommandContext, flags: NumberingListFlags): Promise<number> {
  const format = choiceOption(flags.format ?? "table", "--format", ["table", "json"] as const, "table");
  const repo = await readRepository(findRoot(ctx.dir));
  const config = repo.config?.value;
  if (!config) throw new UserError(t("numbering.no-qms"));
  const documents = repo.documents.map((d) => d.value);
  const families = numberingFamilies(config, documents, new Set([...documents.map((d) => d.id), ...repo.unvalidated.documents]));
  const unfit = (config.numbering ?? []).length === 0 ? 0 : documents.filter((d) => !families.some((f) => f.kind === d.kind && familyOf(f.pattern, d))).length;
  if (format === "json") {
    ctx.stdout(JSON.stringify({ families, unnumbered: unfit }, null, 2) + "\n");
    return 0;
  }
  if (families.length === 0) {
    ctx.stdout(t("numbering.list.none") + "\n");
    return 0;
  }
  const table: Table = {
    title: t("numbering.list.title", { count: families.length }),
    sheet: "numbering",
    columns: [
      { key: "kind", header: t("numbering.list.column.kind"), kind: "code" },
      { key: "family", header: t("numbering.list.column.family") },
      { key: "pattern", header: t("numbering.list.column.pattern"), kind: "code" },
      { key: "next", header: t("numbering.list.column.next"), kind: "id" },
      { key: "documents", header: t("numbering.list.column.documents"), kind: "number" },
    ],
    rows: families.map((f) => ({
      kind: t(`new.kind.${f.kind}`),
      family: f.family ?? "",
      pattern: f.pattern,
      next: f.next ?? t("numbering.list.publisher"),
      documents: f.documents,
    })),
    notes: [t("numbering.list.default"), ...(unfit > 0 ? [t("numbering.list.unfit", { count: unfit })] : [])],
  };
  // On a terminal, fitted to its width as csr list is; piped, every row one line.
  ctx.stdout(toTerminal(table, ctx.width));
  return 0;
}

/** Whether a document is numbered in the family of `pattern` ('*' takes any number of its kind). */
function familyOf(pattern: string, doc: ControlledDocument): boolean {
  return numberPatternToRegExp(pattern).test(doc.id);
}

/**
 * The families of qms.yaml in order, each with the next number `csr new` would give (nextNumber,
 * `taken` the numbers in use) and the documents of its kind numbered in it. A document fitting a
 * family with digits is not counted again under '*', which takes only the numbers no other family
 * of its kind fits.
 */
function numberingFamilies(config: QmsConfig, documents: readonly ControlledDocument[], taken: ReadonlySet<string>): NumberingFamily[] {
  const numbering = config.numbering ?? [];
  return numbering.map((n) => {
    return {
      kind: n.kind,
      family: n.family ?? null,
      pattern: n.pattern,
      next: n.pattern === ANY_NUMBER ? null : (nextNumber(config, n.kind, n.pattern, taken) ?? null),
      documents: documentsInFamily(n, numbering, documents).length,
    };
  });
}
