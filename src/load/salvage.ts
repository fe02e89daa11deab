/**
 * What of a file that fails its schema can still be understood. A typo in one value must not hide
 * the rest of the file: the schema finding is reported, and the parts of the file that pass their
 * schema stay in the model, so that the other rules report their findings too (load/repository.ts).
 *
 * - A list file (people.yaml, processes.yaml, symbols.yaml) holds separate entities: each entry whose
 *   own subtree is valid is kept as it is; an entry with an error is left out whole.
 * - A CSR, document or customer file is one entity: it is kept without the fields that fail the
 *   schema. A field is left out whole, up to the top-level field inside lists (an error in
 *   `review.opinions[1]` leaves out `review.opinions`), so that every kept value keeps its path,
 *   and with it its line, in the file; when leaving a field out breaks its parent (a required field),
 *   the parent goes too. When that reaches the entity itself (an error in `id`, `received` ...), or
 *   the rest still fails its schema, nothing of the entity is kept.
 */
import type { Path } from "../model/types.js";
import { failingParts } from "./schemas.js";
import type { FileKind, SourceFile } from "./source.js";

/** The list each list file holds, and the field that names an entry in references. */
export const LIST_FILES: Partial<Record<FileKind, { list: string; id?: string }>> = {
  people: { list: "people", id: "id" },
  processes: { list: "processes", id: "code" },
  symbols: { list: "symbols" },
  tooling: { list: "tooling", id: "id" },
  "first-article": { list: "first_articles", id: "id" },
  objective: { list: "objectives", id: "id" },
  "register-edition": { list: "editions" },
  "management-review": { list: "management_reviews", id: "id" },
};

/** A list file's entries that pass their schema (by index in the file), and those that do not. */
export interface SalvagedList {
  kept: { value: unknown; index: number }[];
  /** The entries left out; their ids, when they have one, still count in references. */
  dropped: unknown[];
}

/** The entries of a list file that fails its schema that can be kept, or undefined when the list itself is broken. */
export function salvageList(file: SourceFile): SalvagedList | undefined {
  const shape = LIST_FILES[file.kind];
  const data = file.data as Record<string, unknown> | null;
  if (!shape || !data || typeof data !== "object" || !Array.isArray(data[shape.list])) return undefined;
  const entries = data[shape.list] as unknown[];
  const bad = new Set<number>();
  for (const path of failingParts(file.kind, file.data)) {
    // An error outside the entries (a missing or unknown top-level field) leaves the list unknown.
    if (path[0] !== shape.list || typeof path[1] !== "number") return undefined;
    bad.add(path[1]);
  }
  return {
    kept: entries.flatMap((value, index) => (bad.has(index) ? [] : [{ value, index }])),
    dropped: entries.filter((_, index) => bad.has(index)),
  };
}

/** At most this many rounds of leaving a part out and validating again (each goes one level up). */
const ROUNDS = 8;

/**
 * The data of a one-entity file that fails its schema, without the fields that fail it, or undefined
 * when nothing of the entity can be kept. The file's own data is left as it is.
 */
export function salvageEntity(file: SourceFile): Record<string, unknown> | undefined {
  if (!file.data || typeof file.data !== "object" || Array.isArray(file.data)) return undefined;
  const data = structuredClone(file.data) as Record<string, unknown>;
  let parts = failingParts(file.kind, file.data);
  for (let round = 0; round < ROUNDS && parts.length > 0; round++) {
    for (const part of parts) {
      const field = outsideLists(part);
      if (field.length === 0) return undefined;
      remove(data, field);
    }
    parts = failingParts(file.kind, data);
  }
  return parts.length === 0 ? data : undefined;
}

/** The field that holds a value, above every list index: leaving it out keeps every other path valid. */
function outsideLists(path: Path): Path {
  const list = path.findIndex((segment) => typeof segment === "number");
  return list < 0 ? path : path.slice(0, list);
}

/** Leaves out the field at `path` (names only: outsideLists), if an earlier round has not left out its parent. */
function remove(data: Record<string, unknown>, path: Path): void {
  let node: unknown = data;
  for (const segment of path.slice(0, -1)) {
    if (!node || typeof node !== "object") return;
    node = (node as Record<string, unknown>)[segment as string];
  }
  if (node && typeof node === "object") delete (node as Record<string, unknown>)[path[path.length - 1] as string];
}
