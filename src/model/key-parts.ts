/**
 * The 关键件、重要件项目明细表 (GJB 909A 关键件和重要件的质量控制; GJB 190 特性分类; GJB 9001C-2017 8.3.5 design outputs, 8.5.1
 * 关键过程) built from the data: the characteristic rows of each released 特性分类表 (a document of role
 * `characteristic-classification`, its tables read by model/characteristics.ts), grouped by part and drawing. A part with a
 * characteristic marked with a 关键 mark is a 关键件; one with only 重要 marks a 重要件. A mark's class is the class of
 * symbols.yaml that gives it (the organisation's own marks, `own`, first; else a conversion row's `symbol`): a class
 * containing 关键 (Critical, Key) is a 关键特性, one containing 重要 (Major, Important) a 重要特性; other marks (安全 …) do
 * not make a part key or important. Each operation that produces such a characteristic is named, with whether a released
 * document marks it 关键工序 (`key_operations`). Pure; never throws.
 */
import { characteristicRows, ourSymbols, opKey } from "./characteristics.js";
import type { ControlledDocument, OwnSymbol, SymbolConversion } from "./types.js";

/** 关键 (key) or 重要 (important): what a mark's class makes a characteristic. */
export type CharacteristicGrade = "key" | "important";

/** The grade of a symbol's class: 关键/Critical/Key → key, 重要/Major/Important → important, else undefined. */
export function gradeOfClass(cls: string, clsEn?: string): CharacteristicGrade | undefined {
  const text = `${cls} ${clsEn ?? ""}`;
  if (/关键|critical|\bkey\b/i.test(text)) return "key";
  if (/重要|major|important/i.test(text)) return "important";
  return undefined;
}

/** Our marks by grade: the organisation's own marks first, then the conversion rows in use (★ 关键 of a customer's table). */
export function markGrades(rows: readonly SymbolConversion[], own: readonly OwnSymbol[]): Map<string, CharacteristicGrade> {
  const grades = new Map<string, CharacteristicGrade>();
  for (const r of own) {
    const grade = gradeOfClass(r.class, r.class_en);
    if (grade && !grades.has(r.symbol)) grades.set(r.symbol, grade);
  }
  for (const r of rows) {
    if (r.retired) continue;
    const grade = gradeOfClass(r.class, r.class_en);
    if (grade && !grades.has(r.symbol)) grades.set(r.symbol, grade);
  }
  return grades;
}

/** A characteristic of a part as the 特性分类表 writes it, with its marks. */
export interface PartCharacteristic {
  characteristic: string;
  marks: string[];
  /** The operation producing it (OP40) and its name, where the table gives them. */
  op: string;
  opName?: string;
}

/** An operation producing a key or important characteristic of a part, and the documents marking it 关键工序. */
export interface PartOperation {
  op: string;
  opName?: string;
  /** Whether one of its characteristics here is a 关键特性 (GJB 9001C 8.5.1: the operation producing it is a 关键工序). */
  producesKey: boolean;
  /** The released documents whose `key_operations` name it, by id; empty when none does. */
  markedBy: string[];
}

/** A row of the 关键件、重要件项目明细表. */
export interface KeyPart {
  part: string;
  drawing: string;
  grade: CharacteristicGrade;
  key: PartCharacteristic[];
  important: PartCharacteristic[];
  operations: PartOperation[];
  /** The 特性分类表 the part is read from, by id, in the order read. */
  sources: string[];
}

/**
 * The 关键工序 marks of `documents` (released ones, as given: the caller passes them as in force): each operation
 * (opKey: OP40 for OP 40, OP040) → the ids of the documents whose `key_operations` name it, in document order.
 */
export function keyOperations(documents: readonly ControlledDocument[]): Map<string, string[]> {
  const marked = new Map<string, string[]>();
  for (const doc of documents) {
    if (doc.status !== "released") continue;
    for (const op of doc.key_operations ?? []) {
      const key = opKey(op);
      marked.set(key, [...(marked.get(key) ?? []), doc.id]);
    }
  }
  return marked;
}

/**
 * The key and important parts of `documents` (released ones of role `characteristic-classification`, in the order
 * given), one per drawing number (else part name), in the order first read. `rows`, `own`: symbols.yaml's conversion
 * rows and own marks; `keyOps`: keyOperations of the repository's documents.
 */
export function keyParts(documents: readonly ControlledDocument[], rows: readonly SymbolConversion[], own: readonly OwnSymbol[], keyOps: ReadonlyMap<string, readonly string[]>): KeyPart[] {
  const grades = markGrades(rows, own);
  const ours = ourSymbols(rows, own);
  const parts = new Map<string, KeyPart>();
  for (const doc of documents) {
    if (doc.status !== "released" || doc.role !== "characteristic-classification") continue;
    for (const row of characteristicRows(doc, ours)) {
      const graded = row.marks.map((m) => grades.get(m)).filter((g): g is CharacteristicGrade => g !== undefined);
      if (graded.length === 0 || (row.part === undefined && row.drawing === undefined)) continue;
      const grade: CharacteristicGrade = graded.includes("key") ? "key" : "important";
      const id = row.drawing ?? row.part!;
      let part = parts.get(id);
      if (!part) parts.set(id, (part = { part: row.part ?? "", drawing: row.drawing ?? "", grade, key: [], important: [], operations: [], sources: [] }));
      if (!part.part && row.part) part.part = row.part;
      if (grade === "key") part.grade = "key";
      if (!part.sources.includes(doc.id)) part.sources.push(doc.id);
      const characteristic: PartCharacteristic = { characteristic: row.characteristic, marks: row.marks.filter((m) => grades.has(m)), op: row.op, ...(row.opName !== undefined ? { opName: row.opName } : {}) };
      part[grade].push(characteristic);
      if (row.op === "") continue;
      const known = part.operations.find((o) => o.op === row.op);
      if (known) known.producesKey ||= grade === "key";
      else part.operations.push({ op: row.op, ...(row.opName !== undefined ? { opName: row.opName } : {}), producesKey: grade === "key", markedBy: [...(keyOps.get(row.op) ?? [])] });
    }
  }
  return [...parts.values()];
}
