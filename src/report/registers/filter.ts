/**
 * What a filtered register says of its filter (the distribution, documents and training registers):
 * its title, a note under it naming the whole register and how to list it, and the table's
 * `filtered` record, so that nobody takes part of a register for the whole of it.
 */
import type { Table } from "../table.js";
import { t, type RegisterContext } from "./context.js";

/** The registers filtered this way, by key (`register.<key>.whole`). */
export type FilteredRegister = "distribution" | "documents" | "training" | "training-missing" | "actions" | "audits" | "csr.matrix" | "symbols" | "flow-down" | "forms";

/** A filtered register's title, note and `filtered` record (Table["filtered"]). */
export interface FilterNotes {
  title: string;
  note: string;
  filtered: NonNullable<Table["filtered"]>;
}

/**
 * The notes of a register filtered by `parts` (each already worded, e.g. register.filter.department),
 * joined with register.remarks-separator; undefined when `parts` is empty (nothing filtered).
 * `register` is the register's key (`register.<register>.whole` names the whole register) and
 * `command` the command listing it whole (`wholeName` the whole register's name, when the repository names it otherwise); the file name is the register's key with "-" for "." ("csr-matrix"
 * for "csr.matrix") and the filter's `values` (those given), joined by "-".
 */
export function filterNotesOf(ctx: RegisterContext, parts: readonly string[], register: FilteredRegister, command: string, values: readonly (string | undefined)[], wholeName = t(ctx, `register.${register}.whole`)): FilterNotes | undefined {
  if (parts.length === 0) return undefined;
  const text = parts.join(t(ctx, "register.remarks-separator"));
  const whole = { register: wholeName, command };
  const name = [register.replaceAll(".", "-"), ...values].filter((part) => part !== undefined).join("-");
  return { title: text, note: t(ctx, "register.filter.note", { filter: text, ...whole }), filtered: { filter: text, ...whole, name } };
}
