/**
 * A three-way merge of one controlled document's file (documents/**.yaml), as git's merge driver.
 * Issuing copies (发放记录), recalls, training sessions, countersigning a revision (会签) and the
 * like are done on parallel branches and each adds an entry at the end of the same list; a line
 * merge conflicts every time. Here the file is merged field by field, and lists of records entry
 * by entry by their natural key (the copy's 受控号, a revision's version, a countersigner ...), so
 * only the same entry or the same field changed differently on both sides conflicts. Lists with
 * no natural key (sections) and plain values that both sides changed are left as conflicts: the
 * driver then line-merges just those parts (merge-driver/index.ts).
 *
 * The result keeps our side's layout: our file is edited node by node and printed so that
 * unchanged lines stay byte for byte (yamlText).
 */
import { isMap, isNode, isSeq, parseDocument, type Document, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import { yamlText } from "../commands/shared/persist.js";
import { alignSections } from "../compare/align.js";
import { documentSections, type NumberedSection } from "../model/sections.js";
import type { ControlledDocument } from "../model/types.js";
import type { CsrMerge, Side } from "./csr.js";

type Plain = unknown;
const same = (a: Plain, b: Plain) => JSON.stringify(a) === JSON.stringify(b);
const field = (item: Plain, name: string): string | undefined => {
  const value = (item as Record<string, unknown> | null)?.[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
};
const fields = (...names: string[]) => (item: Plain) => {
  if (typeof item !== "object" || item === null) return undefined;
  const parts = names.map((n) => (Array.isArray((item as Record<string, unknown>)[n]) ? ((item as Record<string, unknown>)[n] as unknown[]).join("、") : (field(item, n) ?? "")));
  return parts.every((p) => p === "") ? undefined : parts.filter((p) => p !== "").join(" ");
};

/**
 * The natural key of the entries of each list of a document, by schema path (`[]` stands for a
 * list's entries). Lists of plain values (processes, clauses, forms, people ...) are sets of their
 * values; lists not named here whose entries are mappings (sections) have none.
 */
const KEYS: Record<string, (item: Plain) => string | undefined> = {
  // 受控号: numbered through the document's life, never given twice (model/distribution.ts).
  distribution: fields("copy"),
  electronic_issue: fields("version", "date", "to"),
  revisions: fields("version"),
  "revisions[].countersigned": fields("by"),
  reviews: fields("date", "by"),
  "training.sessions": fields("revision", "date", "department", "people", "trainer"),
  "obsolete.used_by": fields("document"),
  classification_changes: fields("date", "from", "to"),
  "external.previous": fields("revision"),
  "record.retention_customer": fields("customer"),
  "record.batches": fields("name"),
};

/** Where in our document a merged value goes: read it, replace it, or (undefined) remove it. */
interface Slot {
  get(): unknown;
  set(node: unknown): void;
}

/**
 * Undefined when a side is not a YAML mapping that parses cleanly (the base may be empty: added
 * on both sides): then the driver leaves the file to git's line merge. `conflicts`: labels such
 * as `status`, `distribution[4]`, `revisions[B/0].countersigned[li]`; each is resolved to `resolve`.
 */
export function mergeDocument(base: string, ours: string, theirs: string, resolve: Side = "ours"): CsrMerge | undefined {
  const docs = [base, ours, theirs].map((text) => parseDocument(text));
  if (docs.some((d) => d.errors.length > 0 || !(isMap(d.contents) || (d.contents === null && d === docs[0])))) return undefined;
  const [b, o, t] = docs as [Document.Parsed, Document.Parsed, Document.Parsed];
  const conflicts: string[] = [];
  const clone = (node: unknown) => (isNode(node) ? (node as Node).clone() : node);

  const mergeValue = (slot: Slot, bn: unknown, tn: unknown, schema: string, label: string, recurseWithoutBase = false) => {
    const on = slot.get();
    const [bv, ov, tv] = [plain(bn), plain(on), plain(tn)];
    if (same(ov, tv) || same(tv, bv)) return;
    if (same(ov, bv)) return slot.set(clone(tn));
    // An entry both sides added under one key (the same 受控号 issued twice) is two records, not one to merge field by field.
    if (isMap(on) && isMap(tn) && (isMap(bn) || (bn === undefined && recurseWithoutBase))) return mergeMap(on, isMap(bn) ? bn : undefined, tn, schema, label);
    if (isSeq(on) && isSeq(tn) && (isSeq(bn) || bn === undefined) && mergeList(on, isSeq(bn) ? bn : undefined, tn, schema, label)) return;
    conflicts.push(label);
    if (resolve !== "ours") slot.set(clone(resolve === "theirs" ? tn : bn));
  };

  const mergeMap = (on: YAMLMap, bn: YAMLMap | undefined, tn: YAMLMap, schema: string, label: string) => {
    const keys = [...new Set([on, tn, bn].flatMap((n) => (n ? n.items.map((p) => String(plain(p.key))) : [])))];
    for (const key of keys) {
      const slot: Slot = { get: () => on.get(key, true), set: (node) => (node === undefined ? on.delete(key) : on.set(key, node)) };
      mergeValue(slot, bn?.get(key, true), tn.get(key, true), schema ? `${schema}.${key}` : key, label ? `${label}.${key}` : key);
    }
  };

  /** False when the list's entries have no key that tells them apart (then it is one value). */
  const mergeList = (on: YAMLSeq, bn: YAMLSeq | undefined, tn: YAMLSeq, schema: string, label: string): boolean => {
    const lists = [bn?.items ?? [], on.items, tn.items];
    const scalars = lists.every((l) => l.every((x) => !isMap(x) && !isSeq(x)));
    const keyOf = KEYS[schema] ?? (scalars ? (item: Plain) => JSON.stringify(item) : undefined);
    if (!keyOf) return false;
    const keyed = lists.map((l) => l.map((x) => keyOf(plain(x))));
    if (keyed.some((keys) => keys.some((k) => k === undefined) || new Set(keys).size !== keys.length)) return false;
    const [bk, ok, tk] = keyed as [string[], string[], string[]];
    const find = (items: unknown[], key: string) => items.find((x) => keyOf(plain(x)) === key);
    for (const key of [...new Set([...ok, ...tk, ...bk])]) {
      const slot: Slot = {
        get: () => find(on.items, key),
        set: (node) => {
          const index = on.items.findIndex((x) => keyOf(plain(x)) === key);
          if (index >= 0 && node === undefined) on.items.splice(index, 1);
          else if (index >= 0) on.items[index] = node;
          else if (node !== undefined) on.items.push(node);
        },
      };
      const shown = scalars ? String(plain(find(on.items, key) ?? find(tn.items, key) ?? find(bn?.items ?? [], key))) : key;
      mergeValue(slot, bn ? find(bn.items, key) : undefined, find(tn.items, key), `${schema}[]`, `${label}[${shown}]`);
    }
    return true;
  };

  mergeValue({ get: () => o.contents, set: (node) => (o.contents = node as never) }, b.contents ?? undefined, t.contents, "", "", true);
  return { text: yamlText(o, `${ours}\n${theirs}`), conflicts };
}

function plain(node: unknown): Plain {
  return isNode(node) ? (node as Node).toJSON() : node;
}

/** A section in which two texts of one document differ (sectionsDiffering), and which of its own fields. */
export interface SectionDifference {
  section: NumberedSection;
  /** `title`, `title_en`, `number`, `text` (its own text, not its subsections'); none for a section only one text has. */
  fields: string[];
}

/**
 * The sections in which `ours` and `theirs`, two texts of one document file, differ, in our order (one
 * only theirs has after the section before it): sections paired by title, then number, then similar
 * text, as the change report pairs a revision's (model/changes.ts). The driver names these for a
 * `sections` conflict, the list having no key to name an entry by. Undefined when either text is not a
 * document's mapping.
 */
export function sectionsDiffering(ours: string, theirs: string): SectionDifference[] | undefined {
  const [o, t] = [ours, theirs].map((text) => {
    const doc = parseDocument(text);
    const value = doc.errors.length === 0 ? doc.toJSON() : undefined;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? documentSections(value as ControlledDocument) : undefined;
  });
  if (!o || !t) return undefined;
  const manual = (s: NumberedSection) => ({ number: s.number, title: s.title, text: s.section.text ?? "", line: 0 });
  // Ours as the later text: the pairs come in its order.
  return alignSections(t.map(manual), o.map(manual)).flatMap((pair): SectionDifference[] => {
    if (pair.old === null || pair.new === null) return [{ section: pair.new === null ? t[pair.old!]! : o[pair.new]!, fields: [] }];
    const [a, b] = [o[pair.new]!, t[pair.old]!];
    const fields = (["number", "title", "title_en", "text"] as const).filter((key) => (key === "number" ? a.number !== b.number : (a.section[key] ?? "") !== (b.section[key] ?? "")));
    return fields.length > 0 ? [{ section: a, fields }] : [];
  });
}

