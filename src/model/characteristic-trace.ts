/**
 * Where each special characteristic of a PFMEA or a control plan is carried: IATF 16949 8.3.3.3 wants a
 * special characteristic in the FMEA, the control plan and the operator instructions alike, so a ★ added to
 * one of them and forgotten in another is a gap an auditor traces. Documents are compared within one product,
 * and the data says which documents are one product's only by naming each other (no part number is recorded):
 * - two documents are tied when one names the other (`related`, `forms`) or a revision of each carries the same
 *   engineering change notice (`ecn`); a CSR addressed in both ties nothing, as one company-wide CSR is addressed in
 *   every product's documents (review78 #7);
 * - a PFMEA and a control plan are compared when they are tied; a work instruction belongs to a PFMEA's or a
 *   control plan's product when it is tied to it or to a PFMEA or control plan tied to it (sameProduct), so a
 *   control plan's OP30 is not covered by another product's instruction for its own OP30;
 * - a work instruction covers an operation when its `stations` or its title or text name it (OP30);
 * - only released documents count, as their version in force reads (a document being revised keeps its released
 *   rows and marks: model/revision.ts contentInForce): a draft is not yet what the shop floor works to.
 * A characteristic is compared by its operation and its mark (our symbol), not by its wording, which the
 * PFMEA (a failure mode) and the control plan (the characteristic) write differently.
 */
import { characteristicRows, opKey, opsNamed, specialLines, specialRows, type CharacteristicRow, type MarkedLine } from "./characteristics.js";
import { contentInForce } from "./revision.js";
import { documentSections } from "./sections.js";
import type { ControlledDocument } from "./types.js";

/** A line of a released work instruction that marks a special characteristic (specialLines), with the operations it is at. */
export interface InstructionMark extends MarkedLine {
  document: ControlledDocument;
  /** The operations the line names (OP30), else those the instruction covers (instructionOps); may be empty. */
  ops: string[];
}

/** Where one special characteristic row is carried (rowTrace); every list is of document numbers. */
export interface RowTrace {
  /** The released documents of the other role (a control plan's PFMEAs, a PFMEA's control plans) tied to this one. */
  paired: string[];
  /** Those of `paired` with a row at the same operation marked with every mark of this row. */
  carried: string[];
  /** The released work instructions of the same product (sameProduct): those the row is compared with. */
  instructions: string[];
  /** Those of `instructions` covering the operation. */
  covering: string[];
  /** Those of `covering` that mark the row's marks at the operation. */
  marking: string[];
  /** Released work instructions covering the operation that are not of the same product: another product's, or not tied yet. */
  untied: string[];
}

/** Everything rowTrace and instructionGaps read, built once per check (traceContext). */
export interface TraceContext {
  /** Released PFMEAs and control plans as in force, each with its characteristic rows. */
  tables: { document: ControlledDocument; rows: CharacteristicRow[] }[];
  /** Released work instructions as in force, with the operations they cover and their marked lines. */
  instructions: { document: ControlledDocument; ops: string[]; marks: InstructionMark[] }[];
  /** Document number → the numbers of the documents tied to it (related, forms, ECN), both ways. */
  ties: Map<string, Set<string>>;
}

/** The operations a work instruction covers: its `stations` and the operations its title and sections name, as opKey gives them. */
export function instructionOps(document: Pick<ControlledDocument, "title" | "stations" | "sections">): string[] {
  const ops = new Set((document.stations ?? []).map(opKey));
  for (const op of opsNamed(document.title)) ops.add(op);
  for (const s of documentSections(document)) for (const op of opsNamed(`${s.title}\n${s.section.text ?? ""}`)) ops.add(op);
  return [...ops];
}

/** The lines of a work instruction's sections that mark a symbol of ours (specialLines), with the operations each is at. */
export function instructionMarks(document: ControlledDocument, ours: readonly string[], ops: readonly string[] = instructionOps(document)): InstructionMark[] {
  return specialLines(document, ours).map((line) => {
    const named = opsNamed(line.text);
    return { ...line, document, ops: named.length > 0 ? named : [...ops] };
  });
}

/** The ties between documents (see the module's comment): related, forms and a shared ECN, both ways. */
function documentTies(documents: readonly ControlledDocument[]): Map<string, Set<string>> {
  const ties = new Map<string, Set<string>>();
  const tie = (a: string, b: string) => {
    if (a === b) return;
    ties.set(a, (ties.get(a) ?? new Set()).add(b));
    ties.set(b, (ties.get(b) ?? new Set()).add(a));
  };
  const byEcn = new Map<string, string[]>();
  for (const d of documents) {
    for (const other of [...(d.related ?? []), ...(d.forms ?? [])]) tie(d.id, other);
    for (const ecn of new Set((d.revisions ?? []).flatMap((r) => r.ecn ?? []))) byEcn.set(ecn, [...(byEcn.get(ecn) ?? []), d.id]);
  }
  for (const group of byEcn.values()) for (const a of group) for (const b of group) tie(a, b);
  return ties;
}

/**
 * What the trace reads of a repository: its released PFMEAs, control plans and work instructions as their versions in
 * force read (`inForce`: the rules' options.inForce, by id; without it, the files as they are), and their ties.
 * `ours`: ourSymbols.
 */
export function traceContext(documents: readonly ControlledDocument[], ours: readonly string[], inForce?: ReadonlyMap<string, ControlledDocument>): TraceContext {
  const released = documents.filter((d) => d.status === "released").map((d) => contentInForce(d, inForce));
  const tables = released.filter((d) => d.role === "pfmea" || d.role === "control-plan").map((document) => ({ document, rows: characteristicRows(document, ours) }));
  const instructions = released
    .filter((d) => d.kind === "instruction")
    .map((document) => {
      const ops = instructionOps(document);
      return { document, ops, marks: instructionMarks(document, ours, ops) };
    });
  return { tables, instructions, ties: documentTies(released) };
}

/**
 * The documents of the same product as document `id`: those tied to it, and those tied to a released PFMEA or control
 * plan tied to it (a work instruction naming the control plan is the PFMEA's product's too). Not further: a work
 * instruction used by two products does not make them one.
 */
export function sameProduct(context: TraceContext, id: string): Set<string> {
  const tied = context.ties.get(id) ?? new Set<string>();
  const product = new Set(tied);
  for (const table of context.tables) if (tied.has(table.document.id)) for (const other of context.ties.get(table.document.id) ?? []) product.add(other);
  product.delete(id);
  return product;
}

/** Where the special characteristic `row` of `document` (a released PFMEA or control plan) is carried. */
export function rowTrace(context: TraceContext, document: ControlledDocument, row: CharacteristicRow): RowTrace {
  const other = document.role === "pfmea" ? "control-plan" : "pfmea";
  const tied = context.ties.get(document.id) ?? new Set<string>();
  const product = sameProduct(context, document.id);
  const paired = context.tables.filter((t) => t.document.role === other && tied.has(t.document.id));
  const carried = paired.filter((t) => t.rows.some((r) => r.op === row.op && row.marks.every((m) => r.marks.includes(m))));
  const instructions = context.instructions.filter((i) => product.has(i.document.id));
  const covering = instructions.filter((i) => i.ops.includes(row.op));
  const marking = covering.filter((i) => row.marks.every((m) => i.marks.some((l) => l.ops.includes(row.op) && l.marks.includes(m))));
  const untied = context.instructions.filter((i) => !product.has(i.document.id) && i.ops.includes(row.op));
  const ids = (list: { document: ControlledDocument }[]) => list.map((l) => l.document.id);
  return { paired: ids(paired), carried: ids(carried), instructions: ids(instructions), covering: ids(covering), marking: ids(marking), untied: ids(untied) };
}

/** The special characteristic rows of a released PFMEA or control plan of the context, with their traces. */
export function documentTrace(context: TraceContext, document: ControlledDocument): { row: CharacteristicRow; trace: RowTrace }[] {
  const rows = context.tables.find((t) => t.document.id === document.id)?.rows ?? [];
  return specialRows(rows).map((row) => ({ row, trace: rowTrace(context, document, row) }));
}

/**
 * The marked lines of released work instructions that their product's control plans (`plans`: the released control
 * plans of the same product, sameProduct) do not mark at any of the line's operations: a ★ at the station that the
 * control plan does not control; `missing`, the line's marks no plan marks there. An instruction of no control
 * plan's product gives its first marked line at a known operation, with `plans` empty, as it cannot be traced at
 * all. Lines at no known operation are left out, and so is everything while the repository has no released control
 * plan (`role: control-plan`).
 */
export function instructionGaps(context: TraceContext): { mark: InstructionMark; missing: string[]; plans: string[] }[] {
  if (!context.tables.some((t) => t.document.role === "control-plan")) return [];
  const gaps: { mark: InstructionMark; missing: string[]; plans: string[] }[] = [];
  for (const instruction of context.instructions) {
    const product = sameProduct(context, instruction.document.id);
    const plans = context.tables.filter((t) => t.document.role === "control-plan" && product.has(t.document.id));
    const lines = instruction.marks.filter((line) => line.ops.length > 0);
    if (plans.length === 0) {
      if (lines[0] !== undefined) gaps.push({ mark: lines[0], missing: lines[0].marks, plans: [] });
      continue;
    }
    for (const line of lines) {
      const missing = line.marks.filter((m) => !plans.some((p) => p.rows.some((r) => line.ops.includes(r.op) && r.marks.includes(m))));
      if (missing.length > 0) gaps.push({ mark: line, missing, plans: plans.map((p) => p.document.id) });
    }
  }
  return gaps;
}
