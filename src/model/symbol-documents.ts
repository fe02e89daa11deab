/**
 * The released documents of a customer that still mark characteristics with a symbol of ours the
 * customer's rows no longer use (a `csr symbol update` of our symbol: ▽ ★ → ▽ ▲): the drawings'
 * instructions, control plans and their forms must change with the table (IATF 16949 8.2.3.1.2, 8.3.3.3;
 * tester61 L7). A document is the customer's when a CSR of that customer is addressed in it, and so are
 * the forms it uses; one that is also another customer's, whose rows in use have the symbol, is left
 * alone: its mark may be that customer's.
 */
import type { Repository } from "../load/repository.js";
import { documentSections } from "./sections.js";
import { characteristicMarks, symbolMarks } from "./symbol-marks.js";
import { ourSymbols, specialLines } from "./characteristics.js";
import type { ControlledDocument, Path, SymbolConversion } from "./types.js";

/**
 * Where a document marks with the symbol: the section's number and title, the line within its text
 * (1-based), that line as written and the section's path in the document's YAML.
 */
export interface SymbolPlace {
  section: string;
  title: string;
  line: number;
  text: string;
  path: Path;
}

/**
 * The released documents (by number) of `customer` whose sections' text marks with `symbol`, each with
 * the places; `usedBy`: the customers whose rows in use (after the change) have `symbol`.
 */
export function documentsMarking(repo: Pick<Repository, "csrs" | "documents">, customer: string, symbol: string, usedBy: ReadonlySet<string>): { document: ControlledDocument; places: SymbolPlace[] }[] {
  const customersOf = documentCustomers(repo);
  const documents = new Map(repo.documents.map((d) => [d.value.id, d.value]));
  const found: { document: ControlledDocument; places: SymbolPlace[] }[] = [];
  for (const [id, customers] of customersOf) {
    const document = documents.get(id);
    if (!document || document.status !== "released" || !customers.has(customer) || [...customers].some((c) => c !== customer && usedBy.has(c))) continue;
    const places = documentSections(document).flatMap((s) =>
      (s.section.text ?? "").split("\n").flatMap((text, i) => (symbolMarks(text).includes(symbol) ? [{ section: s.number, title: s.title, line: i + 1, text, path: s.path }] : [])),
    );
    if (places.length > 0) found.push({ document, places });
  }
  return found.sort((a, b) => a.document.id.localeCompare(b.document.id, "en", { numeric: true }));
}

/**
 * The customers of each document, by number: a document in which a CSR of a customer is addressed is the
 * customer's, and so are the forms it uses.
 */
export function documentCustomers(repo: Pick<Repository, "csrs" | "documents">): Map<string, Set<string>> {
  const customersOf = new Map<string, Set<string>>();
  const link = (id: string, code: string) => customersOf.set(id, (customersOf.get(id) ?? new Set()).add(code));
  const documents = new Map(repo.documents.map((d) => [d.value.id, d.value]));
  for (const { value: csr } of repo.csrs) {
    for (const a of csr.addressed ?? []) {
      link(a.document, csr.customer);
      for (const form of documents.get(a.document)?.forms ?? []) link(form, csr.customer);
    }
  }
  return customersOf;
}

/**
 * The lines of a document's body that mark a special characteristic (characteristicMarks), each as written
 * without its indentation, in reading order; `known`: the symbol table's marks.
 */
export function markedLines(doc: Pick<ControlledDocument, "sections">, known: ReadonlySet<string>): string[] {
  return documentSections(doc).flatMap((s) => (s.section.text ?? "").split("\n").filter((line) => characteristicMarks(line, known).length > 0).map((line) => line.trim()));
}

/**
 * What a new revision changes of the special characteristics its body marks: the marked lines of `before`
 * (the revision released before) that `after` no longer has, and those `after` adds, a line changed being
 * both; `marks`, the marks on them. A change there calls for the review of the control plan and PFMEA
 * the characteristic is controlled by (IATF 16949 8.5.6.1, 8.3.3.3). Empty when nothing marked changed.
 */
export function specialCharacteristicChanges(before: Pick<ControlledDocument, "sections">, after: Pick<ControlledDocument, "sections">, known: ReadonlySet<string>): { removed: string[]; added: string[]; marks: string[] } {
  const old = markedLines(before, known);
  const now = markedLines(after, known);
  const without = (lines: string[], other: string[]) => {
    const left = [...other];
    return lines.filter((line) => {
      const at = left.indexOf(line);
      if (at < 0) return true;
      left.splice(at, 1);
      return false;
    });
  };
  const removed = without(old, now);
  const added = without(now, old);
  const marks = [...new Set([...removed, ...added].flatMap((line) => characteristicMarks(line, known)))];
  return { removed, added, marks };
}

/** Where a document marks a special characteristic with a symbol of ours (specialCharacteristics). */
export interface SpecialCharacteristics {
  /** Our symbols it marks (★ ☆ ◆), each once, in reading order. */
  marks: string[];
  /** The first section marking one: its number and title ("4", "作业内容"), the line in its text (1-based) and its path. */
  section: string;
  title: string;
  title_en?: string;
  line: number;
  path: Path;
}

/**
 * Whether a work instruction or a form (a control plan, a check sheet: what is used where the product is made) marks a
 * special characteristic (特殊特性): a line of its sections' text carries one of the symbols of ours of symbols.yaml's
 * rows in use (`symbol`: ★ ☆ ◆; a customer's symbol alone, ▽ CC, is the customer's wording, converted by the table), as
 * the characteristic trace reads a line (model/characteristics.ts specialLines). A manual or procedure that writes the symbols defines them (QP-014's 关键特性（★）)
 * rather than marks a characteristic, and is not held so. The document's own text only: a form a work instruction uses
 * that marks one is such a document itself, with its own copies and training. A document that does is held stricter where the product is
 * made (IATF 16949 8.3.3.3 special characteristics in the operator instructions, 8.5.1.1, 7.2.2; tester77 E7): whoever
 * works to its version untrained is an error (doc/training-overdue), and the copies of a superseded version have no
 * recall period (`document_control.special_recall_days`, default 0: recallDays). Undefined for one marking none, and
 * for every document of a repository without a symbol table.
 */
export function specialCharacteristics(doc: Pick<ControlledDocument, "kind" | "sections">, rows: readonly SymbolConversion[]): SpecialCharacteristics | undefined {
  if (doc.kind !== "instruction" && doc.kind !== "form") return undefined;
  // The lines the characteristic trace reads as marked (specialLines; review78 #2), read once per document.
  const lines = specialLines(doc, ourSymbols(rows));
  const first = lines[0];
  if (first === undefined) return undefined;
  return { marks: [...new Set(lines.flatMap((l) => l.marks))], section: first.section, title: first.title, ...(first.title_en ? { title_en: first.title_en } : {}), line: first.line, path: first.path };
}
