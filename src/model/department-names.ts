/**
 * A department as people write it in a register cell, a Word header or a CSR record's distribution: by its qms.yaml
 * code, name or English name, else by one of its `aliases` (a former name, 制造部 for PRD), which an import says
 * it read (tester76 M8). Compared after Unicode normalisation (NFKC), without spaces (also U+3000) or invisible
 * characters, and ignoring case: "品 质 部", "ｑａ" and "qa" find QA 品质部.
 */
import { compactText } from "../core/text.js";
import type { Department } from "./types.js";

/** A unit a text may name: a department of qms.yaml, or an outside party (its `external_parties`, the 军代表室), which has no aliases. */
type Named = Pick<Department, "code" | "name" | "name_en" | "aliases">;

/** The department (or party) a text names, and whether it named it by an alias only (not by code, name or English name). */
export interface DepartmentNamed<D extends Named = Department> {
  department: D;
  alias: boolean;
}

const departmentKey = (text: string) => compactText(text.normalize("NFKC")).toLowerCase();

/**
 * The department of `departments` (qms.yaml; or its outside parties) `text` names: by code, name or English name first,
 * else by an alias; undefined when none does (and for empty text).
 */
export function departmentNamed<D extends Named>(departments: readonly D[], text: string): DepartmentNamed<D> | undefined {
  const key = departmentKey(text);
  if (key === "") return undefined;
  const named = departments.find((d) => [d.code, d.name, d.name_en].some((n) => n !== undefined && departmentKey(n) === key));
  if (named) return { department: named, alias: false };
  const aliased = departments.find((d) => (d.aliases ?? []).some((alias) => departmentKey(alias) === key));
  return aliased ? { department: aliased, alias: true } : undefined;
}
