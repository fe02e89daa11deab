import { t } from "../../../i18n/index.js";
import { documentSections } from "../../../model/sections.js";
import { documentsMarking, type SymbolPlace } from "../../../model/symbol-documents.js";
import type { ControlledDocument, SymbolConversion } from "../../../model/types.js";
import { writtenPairings } from "../../../model/symbol-marks.js";
import type { Rule } from "../../rule.js";
import { pairingTerms } from "./document-mismatch.js";

/** A symbol of ours a customer's row used before a `csr symbol update`, and the row's symbol now. */
interface Replacement {
  customer: string;
  old: string;
  symbol: string;
}

/**
 * The symbols of ours each customer has stopped using through `csr symbol update` (a row's `changes`
 * record the symbol it replaced) and that no row of that customer in use has, with the row's symbol now.
 */
function replacements(rows: readonly SymbolConversion[]): Replacement[] {
  const inUse = rows.filter((r) => !r.retired);
  const found = new Map<string, Replacement>();
  for (const row of inUse) {
    for (const change of row.changes ?? []) {
      const old = change.was.symbol;
      if (old === undefined || old === row.symbol || inUse.some((r) => r.customer === row.customer && r.symbol === old)) continue;
      found.set(`${row.customer}\u0000${old}`, { customer: row.customer, old, symbol: row.symbol });
    }
  }
  return [...found.values()];
}

/**
 * A released document of a customer still marks special characteristics with a symbol of ours that the
 * customer's rows of the symbol table no longer use (changed by `csr symbol update`: DYA ▽ ★ → ▲): the
 * operators and inspectors read the old mark while the drawings, FMEA and control plan carry the new
 * one (IATF 16949 8.3.3.3, 8.2.3.1.2; tester61 L7). Which documents are the customer's, and where they
 * mark, is model/symbol-documents.ts documentsMarking, as `csr symbol update` lists them. One finding
 * per document, at the first place it marks with a replaced symbol, naming every replacement it carries.
 */
export const rule: Rule = {
  id: "symbol/replaced-symbol",
  severity: "warning",
  scope: {
    files: "all",
    reads: (f) =>
      f.kind === "csr"
        ? [f.data.customer, (f.data.addressed ?? []).map((a) => a.document)]
        : f.kind === "document"
          ? [f.data.id, f.data.status, f.data.title, f.data.forms, f.data.sections]
          : null,
  },
  summary: "A released document of a customer still marks with a symbol of ours the customer's symbol table rows no longer use.",
  docs: {
    description:
      "`csr symbol update` changed our symbol of a customer's row of `symbols.yaml` (its `changes` record the symbol it replaced, `was: {symbol: ★}`), no row of that customer in use has the old symbol any more, and a released document of the customer still marks a characteristic with it in its text: the work instruction, control plan or form then disagrees with the table and with the drawings and FMEA marked by it ({{cite:special-characteristics}}). A document is the customer's when a CSR of the customer is addressed in it, and so are the forms it uses; a document also of another customer whose rows in use have the old symbol is left alone, as its mark may be that customer's. A mark starting a line is a list bullet and does not count, nor does a line pairing the old symbol with the customer's by 对应 (`关键特性（★）…对应东岳CC（▽）`: symbol/document-mismatch reports it). One finding per document, at the first line marking with a replaced symbol.",
    bad: `
      - title: 作业步骤
        text: |-   # symbols.yaml: DYA ▽ changed from ★ to ▲
          1. 按扣压参数表设定扣压机。
          2. 扣压外径（★）每班首件测量并记录。
`,
    good: `
      - title: 作业步骤
        text: |-
          1. 按扣压参数表设定扣压机。
          2. 扣压外径（▲）每班首件测量并记录。
`,
    fix: "Mark the document being revised (`csr submit <id> --by <author>`), change the old symbol to the table's new one, and release the new revision (`csr release <id> --summary ...`); train the users on the changed marks.",
  },
  check(ctx) {
    const changed = replacements(ctx.repo.symbols.map((s) => s.value));
    if (changed.length === 0) return;
    const rows = ctx.repo.symbols.map((s) => s.value).filter((r) => !r.retired);
    const { customers, customerSymbols, ours } = pairingTerms(ctx.repo, rows);
    // A line pairing the old symbol with the customer's symbol by 对应 is symbol/document-mismatch's finding.
    const paired = (place: SymbolPlace, { customer, old }: Replacement) =>
      writtenPairings(place.text, customers, customerSymbols, ours).some((p) => p.customer === customer && p.symbol === old);
    const byDocument = new Map<string, { document: ControlledDocument; marks: { replacement: Replacement; first: SymbolPlace }[] }>();
    for (const replacement of changed) {
      const usedBy = new Set(rows.filter((r) => r.symbol === replacement.old).map((r) => r.customer));
      for (const { document, places } of documentsMarking(ctx.repo, replacement.customer, replacement.old, usedBy)) {
        const first = places.find((p) => !paired(p, replacement));
        if (!first) continue;
        const entry = byDocument.get(document.id) ?? { document, marks: [] };
        entry.marks.push({ replacement, first });
        byDocument.set(document.id, entry);
      }
    }
    for (const { value, file } of ctx.repo.documents) {
      const entry = byDocument.get(value.id);
      if (!entry || entry.document !== value || !ctx.keeps(file)) continue;
      const order = documentSections(value).map((s) => s.path.join("."));
      const section = (p: SymbolPlace) => order.indexOf(p.path.join("."));
      const marks = entry.marks.sort((a, b) => section(a.first) - section(b.first) || a.first.line - b.first.line);
      const { first, replacement } = marks[0]!;
      const lead = first.text.search(/\S/);
      const at = first.text.indexOf(replacement.old, first.text.startsWith(replacement.old, lead) ? lead + 1 : lead);
      ctx.report(
        { file, path: [...first.path, "text"], quote: first.text.slice(at) },
        t("rule.symbol/replaced-symbol", {
          document: value.id,
          section: first.section,
          title: first.title,
          line: first.line,
          symbols: marks.map((m) => t("rule.symbol/replaced-symbol.change", { ...m.replacement })).join(t("common.list-separator")),
          old: replacement.old,
          symbol: replacement.symbol,
        }),
      );
    }
  },
};
