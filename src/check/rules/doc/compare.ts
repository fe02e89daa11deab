/** Pairs each document with its state at the base revision, matched by id so that renamed files still pair up. */
import type { Located } from "../../../load/repository.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { RuleContext } from "../../rule.js";

export interface DocumentPair {
  current: Located<ControlledDocument>;
  /** Absent for a document added after the base. */
  base?: ControlledDocument;
}

export function documentPairs(ctx: RuleContext): DocumentPair[] {
  const base = ctx.options.base;
  if (!base) return [];
  const before = new Map<string, ControlledDocument>();
  for (const d of base.repo.documents) if (!before.has(d.value.id)) before.set(d.value.id, d.value);
  return [...ctx.index.documents.values()].map((current) => ({ current, base: before.get(current.value.id) }));
}
