/**
 * Two imports of one document, in either order (tester20 F10): a register row (程序文件一览表) gives
 * its register data and the current revision with its signatures, the Word original its body and
 * its revision record. The second import completes the document the first one wrote instead of
 * being refused as "exists already": it adds what the document lacks, never replaces a value, and
 * names every value the second source gives otherwise (the first one's is kept).
 */
import type { Document } from "yaml";
import { isSeq } from "yaml";
import { list, t } from "../i18n/index.js";
import { currentRevision } from "../model/index.js";
import { bodyOnPaper, RECORD_COMPLETION_FIELDS, stableJson } from "../model/revision.js";
import { SIGNATURE_ROLES, type ControlledDocument, type Revision, type Signature } from "../model/types.js";

/** A value the second source gives otherwise than the document has it; the document's is kept. */
export interface Difference {
  /** The field as the file names it: `title`, `revisions A/0 prepared`. */
  field: string;
  kept: string;
  other: string;
}

export interface Completion {
  /** What is added, one phrase each (9 个章节, 相关记录 HD-QR-012-01 …); empty when nothing is. */
  added: string[];
  differences: Difference[];
  /** The document as it will be. */
  data: ControlledDocument;
  /** The same additions made to the file's YAML document, so that its comments and layout stay. */
  edit(doc: Document): void;
}

/** The fields compared one to one; a content field the register lacks is not added (it would need a revision). */
const COMPARED = ["title", "title_en", "level", "kind", "department", "status", "classification", "effective", "remarks"] as const satisfies readonly (keyof ControlledDocument)[];
/** Of those, the register data (model/revision.ts REGISTER_FIELDS) a document may be given without a revision. */
const ADDABLE: ReadonlySet<string> = new Set(["classification", "effective"]);
const SIGNATURES: readonly (keyof Revision)[] = [...SIGNATURE_ROLES];

/**
 * Why a Word file of `existing`'s number cannot complete it, or undefined when it can: the document
 * must have its body on paper (imported from a register without its text, model/revision.ts
 * bodyOnPaper), and the Word file be of the same current version.
 */
export function wordCompletionRefusal(existing: ControlledDocument, word: ControlledDocument): string | undefined {
  const version = currentRevision(existing)?.version ?? "";
  const wordVersion = currentRevision(word)?.version ?? "";
  if (!bodyOnPaper(existing)) return t(existing.sections?.length ? "import.complete.has-body" : "import.complete.not-imported", { id: existing.id });
  if (version !== wordVersion) return t("import.complete.other-version", { id: existing.id, version, word: wordVersion || t("import.complete.no-version") });
  return undefined;
}

/**
 * `existing`, imported from a register, completed with what the Word file `word` of the same version
 * adds: its sections, its related documents and forms not listed yet, the revisions of its record
 * released before the first one the register gave, and, in the entries of the same version, a
 * summary, pages, total pages or signature the register did not record. A value the register did
 * record is kept, and said when the Word file gives another.
 */
export function completeFromWord(existing: ControlledDocument, word: ControlledDocument): Completion {
  const data: ControlledDocument = { ...existing };
  const added: string[] = [];
  const differences: Difference[] = [];
  const steps: ((doc: Document) => void)[] = [];

  for (const field of COMPARED) {
    const [mine, theirs] = [stated(existing, field), word[field]];
    if (theirs === undefined || stableJson(mine) === stableJson(theirs)) continue;
    if (existing[field] === undefined && ADDABLE.has(field)) {
      (data as unknown as Record<string, unknown>)[field] = theirs;
      added.push(t("import.complete.added.field", { field, value: String(theirs) }));
      steps.push((doc) => doc.set(field, theirs));
    } else {
      differences.push({ field, kept: shown(mine), other: shown(theirs) });
    }
  }
  if (existing.kind === "form" && word.record && existing.record === undefined) {
    data.record = word.record;
    added.push(t("import.complete.added.field", { field: "record", value: stableJson(word.record) }));
    steps.push((doc) => doc.set("record", word.record));
  }

  const record = completeRecord(existing, word, differences);
  if (record.prepended.length > 0 || record.filled.length > 0) {
    data.revisions = record.revisions;
    if (record.prepended.length > 0) added.push(t("import.complete.added.revisions", { count: record.prepended.length, versions: list(record.prepended.map((r) => r.version)) }));
    for (const { version, fields } of record.filled) added.push(t("import.complete.added.entry", { version, fields: list(fields) }));
    steps.push((doc) => {
      const seq = doc.get("revisions", true);
      if (!isSeq(seq)) return;
      for (const { index, field, value } of record.filled.flatMap((f) => f.values)) doc.setIn(["revisions", index, field], value);
      seq.items.unshift(...record.prepended.map((r) => doc.createNode(r)));
    });
  }

  for (const field of ["related", "forms"] as const) {
    const more = mergeList(field, existing, word, data, steps);
    if (more.length > 0) added.push(t(`import.complete.added.${field}`, { count: more.length, ids: list(more) }));
  }

  if (word.sections?.length) {
    data.sections = word.sections;
    added.push(t("import.complete.added.sections", { count: countSections(word.sections) }));
    steps.push((doc) => doc.set("sections", doc.createNode(word.sections)));
  }
  return { added, differences, data, edit: (doc) => steps.forEach((step) => step(doc)) };
}

/**
 * The items of the list `field` that `other` has and `existing` lacks, appended after the document's
 * own in `data` and, as a step, in the file's YAML (its list kept, with its comments and layout); []
 * when there are none.
 */
function mergeList(
  field: "related" | "forms" | "clauses" | "processes",
  existing: ControlledDocument,
  other: ControlledDocument,
  data: ControlledDocument,
  steps: ((doc: Document) => void)[],
): string[] {
  const have = existing[field] ?? [];
  const more = (other[field] ?? []).filter((item) => !have.includes(item));
  if (more.length === 0) return more;
  data[field] = [...have, ...more];
  steps.push((doc) => {
    const seq = doc.get(field, true);
    if (isSeq(seq)) for (const item of more) seq.add(doc.createNode(item));
    else doc.set(field, doc.createNode(more));
  });
  return more;
}

/** The register data a register row gives that a document may be given without a revision (model/revision.ts REGISTER_FIELDS): lists are merged, values added where none. */
const REGISTER_LISTS = ["clauses", "processes"] as const satisfies readonly (keyof ControlledDocument)[];
const REGISTER_VALUES = ["effective", "classification", "review_interval_months"] as const satisfies readonly (keyof ControlledDocument)[];

/**
 * Why a register row of `existing`'s number cannot complete it, or undefined when it can: the row
 * must give the document's current version (a row of another version is another revision).
 */
export function registerCompletionRefusal(existing: ControlledDocument, row: ControlledDocument): string | undefined {
  const version = currentRevision(existing)?.version ?? "";
  const rowVersion = currentRevision(row)?.version ?? "";
  if (existing.kind === "external" || row.kind === "external" || version !== rowVersion || version === "") {
    return t("import.complete.register-version", { id: existing.id, version: version || t("import.complete.no-version"), row: rowVersion || t("import.complete.no-version") });
  }
  return undefined;
}

/**
 * `existing` (imported from its Word original, say) completed with what a register row of the same
 * version adds: the register data it lacks (the clauses and processes it is mapped to, merged; its
 * 生效日期, 密级 or review interval where it has none) and, in the current revision, a signature where
 * it has none. Its content (title, department …) is the document's: where the row says otherwise,
 * that is said and the document's kept.
 */
export function completeFromRegister(existing: ControlledDocument, row: ControlledDocument): Completion {
  const data: ControlledDocument = { ...existing };
  const added: string[] = [];
  const differences: Difference[] = [];
  const steps: ((doc: Document) => void)[] = [];
  for (const field of REGISTER_LISTS) {
    const more = mergeList(field, existing, row, data, steps);
    if (more.length > 0) added.push(t("import.complete.added.field", { field, value: list(more) }));
  }
  for (const field of REGISTER_VALUES) {
    const [mine, theirs] = [stated(existing, field), row[field]];
    if (theirs === undefined || stableJson(mine) === stableJson(theirs)) continue;
    if (existing[field] !== undefined) {
      differences.push({ field, kept: shown(mine), other: shown(theirs) });
      continue;
    }
    (data as unknown as Record<string, unknown>)[field] = theirs;
    added.push(t("import.complete.added.field", { field, value: String(theirs) }));
    steps.push((doc) => doc.set(field, theirs));
  }
  // A form's record data (保存期限, 保存方式, 存放地点) is register data too (csr set --retention/--medium/--location):
  // each the file lacks is added, one it has otherwise is said (tester54b B6).
  for (const field of ["retention", "medium", "location"] as const) {
    const [mine, theirs] = [existing.record?.[field], row.record?.[field]];
    if (theirs === undefined || mine === theirs) continue;
    if (mine !== undefined) {
      differences.push({ field: `record ${field}`, kept: shown(mine), other: shown(theirs) });
      continue;
    }
    data.record = { ...(data.record ?? {}), [field]: theirs };
    added.push(t("import.complete.added.field", { field: `record ${field}`, value: String(theirs) }));
    steps.push((doc) => doc.setIn(["record", field], theirs));
  }
  for (const field of ["title", "level", "kind", "department", "status", "remarks"] as const) {
    if (row[field] !== undefined && existing[field] !== undefined && stableJson(existing[field]) !== stableJson(row[field])) differences.push({ field, kept: shown(existing[field]), other: shown(row[field]) });
  }
  const mine = currentRevision(existing);
  const theirs = currentRevision(row);
  const index = (existing.revisions?.length ?? 0) - 1;
  if (mine && theirs) {
    const entry = { ...mine };
    const fields: string[] = [];
    for (const field of ["date", ...SIGNATURES] as (keyof Revision)[]) {
      const [a, b] = [mine[field], theirs[field]];
      if (b === undefined || stableJson(a) === stableJson(b)) continue;
      // A signature where the entry has none is recorded (补签, as csr sign); a signer or date recorded otherwise is the document's.
      if (a === undefined && field !== "date") {
        (entry as unknown as Record<string, unknown>)[field] = b;
        fields.push(field);
        steps.push((doc) => doc.setIn(["revisions", index, field], b));
      } else if (!(isSignature(a) && isSignature(b) && a.by === b.by && b.date === undefined)) {
        differences.push({ field: `revisions ${mine.version} ${field}`, kept: shown(a), other: shown(b) });
      }
    }
    if (fields.length > 0) {
      data.revisions = [...existing.revisions!.slice(0, index), entry];
      added.push(t("import.complete.added.entry", { version: mine.version, fields: list(fields) }));
    }
  }
  return { added, differences, data, edit: (doc) => steps.forEach((step) => step(doc)) };
}

interface RecordCompletion {
  revisions: Revision[];
  /** The Word record's revisions before the register's first, in order. */
  prepended: Revision[];
  /** Per entry of the register's record: the fields written in (index in the completed record). */
  filled: { version: string; fields: string[]; values: { index: number; field: string; value: unknown }[] }[];
}

/**
 * The register's revision record completed with the Word file's: its earlier revisions before the
 * register's first; in an entry of the same version, a date (a form register gives none), a summary,
 * pages or total pages where the imported entry had none (model/revision.ts asCompletedRecord) and a signature where it had none
 * (补签 from the paper original, as `csr sign` records it). Another date or signer, and a revision of
 * the Word record after the register's first that the register does not have, are said.
 */
function completeRecord(existing: ControlledDocument, word: ControlledDocument, differences: Difference[]): RecordCompletion {
  const mine = existing.revisions ?? [];
  const theirs = word.revisions ?? [];
  const start = theirs.findIndex((r) => r.version === mine[0]?.version);
  const prepended = start > 0 ? theirs.slice(0, start) : [];
  const revisions = [...prepended, ...mine.map((r) => ({ ...r }))];
  const filled: RecordCompletion["filled"] = [];
  for (const entry of start === -1 ? theirs : theirs.slice(start)) {
    const index = revisions.findIndex((r) => r.version === entry.version);
    const own = revisions[index];
    if (!own || index < prepended.length) {
      differences.push({ field: `revisions ${entry.version}`, kept: t("import.complete.none"), other: shown(entry.date) });
      continue;
    }
    const fields: string[] = [];
    const values: { index: number; field: string; value: unknown }[] = [];
    const fillable: readonly (keyof Revision)[] = own.imported ? [...RECORD_COMPLETION_FIELDS, ...SIGNATURES] : SIGNATURES;
    for (const field of new Set(["date", "effective", ...RECORD_COMPLETION_FIELDS, ...SIGNATURES] as (keyof Revision)[])) {
      const [a, b] = [own[field], entry[field]];
      if (b === undefined || stableJson(a) === stableJson(b)) continue;
      if (a === undefined && fillable.includes(field)) {
        (own as unknown as Record<string, unknown>)[field] = b;
        fields.push(field);
        values.push({ index: index - prepended.length, field, value: b });
      } else {
        differences.push({ field: `revisions ${entry.version} ${field}`, kept: shown(a), other: shown(b) });
      }
    }
    if (fields.length > 0) filled.push({ version: entry.version, fields, values });
  }
  return { revisions, prepended, filled };
}

/**
 * A field of `doc` as it holds: its value, or for `effective` (生效日期) the day its current revision
 * took effect, which is what a file without one means; a register or Word file giving that same day
 * adds nothing.
 */
function stated<K extends keyof ControlledDocument>(doc: ControlledDocument, field: K): ControlledDocument[K] | string | undefined {
  if (field !== "effective" || doc.effective !== undefined) return doc[field];
  const current = currentRevision(doc);
  return current?.effective ?? current?.date;
}

function shown(value: unknown): string {
  if (value === undefined) return t("import.complete.none");
  if (isSignature(value)) return [value.by, value.date].filter(Boolean).join(" ");
  if (Array.isArray(value)) return list(value.map(shown));
  return typeof value === "object" ? stableJson(value) : String(value);
}

function isSignature(value: unknown): value is Signature {
  return typeof value === "object" && value !== null && typeof (value as { by?: unknown }).by === "string";
}

function countSections(sections: NonNullable<ControlledDocument["sections"]>): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.sections ?? []), 0);
}
