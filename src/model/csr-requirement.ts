/**
 * The requirement a CSR's review decided on: its title, text and clauses. Once decided, they change
 * only through a new review round (the customer's new source revision, `csr source update`) or as a
 * correction of a typing error made when registering (`csr set --amend`, recorded under
 * `amendments`); csr/requirement-changed compares them with the base revision.
 */
import { sameWordingText } from "./csr-duplicates.js";
import type { Csr } from "./types.js";

/** The fields of the requirement itself, which the review decided on. */
export const REQUIREMENT_FIELDS = ["title", "text", "clauses"] as const;
export type RequirementField = (typeof REQUIREMENT_FIELDS)[number];

/**
 * A title shortened while the whole wording moves to the text unchanged (a CSR list imported without
 * a 要求名称 column takes each title from the requirement's wording): the reviewed requirement reads
 * the same. `after` holds the title and text as they are, or as `csr set` would write them.
 */
export function wordingMoved(before: Pick<Csr, "title" | "text">, after: Pick<Csr, "title" | "text">): boolean {
  return after.title !== before.title && after.text !== before.text && after.text === before.title && (before.text === undefined || before.text === before.title);
}

/**
 * The fields of the reviewed requirement that differ between `before` and `after`: the title and
 * the text as sameWordingText compares them (white space, full-width and half-width forms,
 * Chinese or ASCII punctuation and the final full stop aside; the letter case counts), the clauses
 * in any order. A wording moved to the text (wordingMoved) is no change.
 */
export function requirementChanges(before: Csr, after: Csr): RequirementField[] {
  const moved = wordingMoved(before, after);
  const differs = (a: string | undefined, b: string | undefined) => sameWordingText(a ?? "") !== sameWordingText(b ?? "");
  const clauses = (csr: Csr) => [...csr.clauses].sort().join("\n");
  return REQUIREMENT_FIELDS.filter((field) => (field === "clauses" ? clauses(before) !== clauses(after) : !moved && differs(before[field], after[field])));
}

/**
 * Closed review rounds: those a new source revision closed (`source_revision`), not the amended
 * opinions or decisions of the same round (`reason: amended`). One more than at the base means the
 * customer's new revision opened a new round, in which the requirement is reviewed as changed.
 */
export function closedRounds(csr: Csr): number {
  return (csr.review?.history ?? []).filter((round) => round.source_revision !== undefined).length;
}

/** The fields `after` records as corrected (`amendments`, csr set --amend) since `before`. */
export function amendedSince(before: Csr, after: Csr): Set<RequirementField> {
  return new Set((after.amendments ?? []).slice(before.amendments?.length ?? 0).map((a) => a.field));
}

/**
 * The two values of a changed field as a message shows them: whole when short, else from a little
 * before the first difference, shortened with "…" (by characters, not UTF-16 units).
 */
export function changeExcerpts(before: string, after: string, width = 40, context = 8): [string, string] {
  const [a, b] = [Array.from(before), Array.from(after)];
  if (a.length <= width && b.length <= width) return [before, after];
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const start = Math.max(0, first - context);
  const cut = (chars: string[]) => {
    const end = Math.min(chars.length, start + width);
    return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("")}${end < chars.length ? "…" : ""}`;
  };
  return [cut(a), cut(b)];
}
