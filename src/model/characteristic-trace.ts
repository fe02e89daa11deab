/**
 * Where each special characteristic of a PFMEA or a control plan is carried: IATF 16949 8.3.3.3 wants a
 * special characteristic in the FMEA, the control plan and the operator instructions alike, so a ★ added to
 * one of them and forgotten in another is a gap an auditor traces. The documents are tied as the data ties
 * them, since nothing else names a product:
 * - a PFMEA and a control plan are one product's when one names the other (`related`, `forms`), when a
 *   revision of each carries the same customer change notice (`ecn`), or when one CSR is addressed in both;
 * - a work instruction covers an operation when its `stations` or its title or text name it (OP30);
 * - only released documents count: a draft is not yet what the shop floor works to.
 * A characteristic is compared by its operation and its mark (our symbol), not by its wording, which the
 * PFMEA (a failure mode) and the control plan (the characteristic) write differently.
 */
import { characteristicRows, marksIn, opKey, opsNamed, specialRows, type CharacteristicRow } from "./characteristics.js";
import { documentSections } from "./sections.js";
import type { ControlledDocument, Csr, Path } from "./types.js";

/** A line of a released work instruction that marks a special characteristic: where, the marks, and the operations it is at. */
export interface InstructionMark {
  document: ControlledDocument;
  section: string;
  path: Path;
  /** 1-based line in the section's text, and the line as written (trimmed). */
  line: number;
  text: string;
  marks: string[];
  /** The operations the line names (OP30), else those the instruction covers (instructionOps); may be empty. */
  ops: string[];
}

/** Where one special characteristic row is carried (rowTrace). */
export interface RowTrace {
  /** The released documents of the other role (a control plan's PFMEAs, a PFMEA's control plans) tied to this one, by number. */
  paired: string[];
  /** Those of `paired` with a row at the same operation marked with every mark of this row. */
  carried: string[];
  /** The released work instructions covering the operation, by number. */
  covering: string[];
  /** Those of `covering` that mark the row's marks at the operation. */
  marking: string[];
}

/** Everything rowTrace and instructionGaps read, built once per check (traceContext). */
export interface TraceContext {
  /** Released PFMEAs and control plans, each with its characteristic rows. */
  tables: { document: ControlledDocument; rows: CharacteristicRow[] }[];
  instructions: { document: ControlledDocument; ops: string[]; marks: InstructionMark[] }[];
  /** Document number → the numbers of the documents tied to it (related, forms, ECN, CSR), both ways. */
  ties: Map<string, Set<string>>;
}

/** The operations a work instruction covers: its `stations` and the operations its title and sections name, as opKey gives them. */
export function instructionOps(document: Pick<ControlledDocument, "title" | "stations" | "sections">): string[] {
  const ops = new Set((document.stations ?? []).map(opKey));
  for (const op of opsNamed(document.title)) ops.add(op);
  for (const s of documentSections(document)) for (const op of opsNamed(`${s.title}\n${s.section.text ?? ""}`)) ops.add(op);
  return [...ops];
}

/** The lines of a work instruction's sections that write a symbol of ours (marksIn), with the operations each is at. */
export function instructionMarks(document: ControlledDocument, ours: readonly string[], ops: readonly string[] = instructionOps(document)): InstructionMark[] {
  return documentSections(document).flatMap((s) =>
    (s.section.text ?? "").split("\n").flatMap((raw, i) => {
      const marks = marksIn(raw, ours);
      if (marks.length === 0) return [];
      const named = opsNamed(raw);
      return [{ document, section: s.number, path: s.path, line: i + 1, text: raw.trim(), marks, ops: named.length > 0 ? named : [...ops] }];
    }),
  );
}

/** The ties between documents that pair a PFMEA with a control plan (see the module's comment), both ways. */
function documentTies(documents: readonly ControlledDocument[], csrs: readonly Csr[]): Map<string, Set<string>> {
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
  const groups = [...byEcn.values(), ...csrs.map((c) => [...new Set((c.addressed ?? []).map((a) => a.document))])];
  for (const group of groups) for (const a of group) for (const b of group) tie(a, b);
  return ties;
}

/** What the trace reads of a repository: its released PFMEAs, control plans and work instructions, and their ties. `ours`: ourSymbols. */
export function traceContext(documents: readonly ControlledDocument[], csrs: readonly Csr[], ours: readonly string[]): TraceContext {
  const released = documents.filter((d) => d.status === "released");
  const tables = released.filter((d) => d.role === "pfmea" || d.role === "control-plan").map((document) => ({ document, rows: characteristicRows(document, ours) }));
  const instructions = released
    .filter((d) => d.kind === "instruction")
    .map((document) => {
      const ops = instructionOps(document);
      return { document, ops, marks: instructionMarks(document, ours, ops) };
    });
  return { tables, instructions, ties: documentTies(documents, csrs) };
}

/** Where the special characteristic `row` of `document` (a released PFMEA or control plan) is carried. */
export function rowTrace(context: TraceContext, document: ControlledDocument, row: CharacteristicRow): RowTrace {
  const other = document.role === "pfmea" ? "control-plan" : "pfmea";
  const tied = context.ties.get(document.id) ?? new Set<string>();
  const paired = context.tables.filter((t) => t.document.role === other && tied.has(t.document.id));
  const carried = paired.filter((t) => t.rows.some((r) => r.op === row.op && row.marks.every((m) => r.marks.includes(m))));
  const covering = context.instructions.filter((i) => i.ops.includes(row.op));
  const marking = covering.filter((i) => row.marks.every((m) => i.marks.some((l) => l.ops.includes(row.op) && l.marks.includes(m))));
  const ids = (list: { document: ControlledDocument }[]) => list.map((l) => l.document.id);
  return { paired: ids(paired), carried: ids(carried), covering: ids(covering), marking: ids(marking) };
}

/** The special characteristic rows of a released PFMEA or control plan of the context, with their traces. */
export function documentTrace(context: TraceContext, document: ControlledDocument): { row: CharacteristicRow; trace: RowTrace }[] {
  const rows = context.tables.find((t) => t.document.id === document.id)?.rows ?? [];
  return specialRows(rows).map((row) => ({ row, trace: rowTrace(context, document, row) }));
}

/**
 * The marked lines of released work instructions whose mark no released control plan marks at any of the line's
 * operations: a ★ at the station that the control plan does not control. Lines at no known operation are left
 * out, and so is everything while the repository has no released control plan (`role: control-plan`).
 * `missing`: the line's marks no control plan marks there.
 */
export function instructionGaps(context: TraceContext): { mark: InstructionMark; missing: string[] }[] {
  const plans = context.tables.filter((t) => t.document.role === "control-plan");
  if (plans.length === 0) return [];
  const gaps: { mark: InstructionMark; missing: string[] }[] = [];
  for (const instruction of context.instructions) {
    for (const line of instruction.marks) {
      if (line.ops.length === 0) continue;
      const missing = line.marks.filter((m) => !plans.some((p) => p.rows.some((r) => line.ops.includes(r.op) && r.marks.includes(m))));
      if (missing.length > 0) gaps.push({ mark: line, missing });
    }
  }
  return gaps;
}
