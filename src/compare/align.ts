/**
 * Pairs the sections of an old and a new revision of a customer manual. Customers renumber
 * (a section inserted before 4.2 makes it 4.3) and retitle, so sections are paired in passes,
 * each taking only what the earlier passes left:
 * 1. same title (whatever the number),
 * 2. same number (a retitled section),
 * 3. similar text (Dice coefficient of character bigrams at least 0.6: renumbered and retitled).
 * A section of the old revision left unpaired was removed; one of the new revision was added.
 */
import { normalizeText, type ManualSection } from "./sections.js";

export interface SectionPair {
  /** Index into the old sections, or null for a section that is new. */
  old: number | null;
  /** Index into the new sections, or null for a section that was removed. */
  new: number | null;
}

const SIMILAR = 0.6;

const titleKey = (s: ManualSection) => normalizeText(s.title);

export function alignSections(older: readonly ManualSection[], newer: readonly ManualSection[]): SectionPair[] {
  const oldToNew = new Map<number, number>();
  const taken = new Set<number>();
  const pass = (match: (a: ManualSection, b: ManualSection) => boolean) => {
    older.forEach((a, i) => {
      if (oldToNew.has(i)) return;
      const j = newer.findIndex((b, k) => !taken.has(k) && match(a, b));
      if (j >= 0) {
        oldToNew.set(i, j);
        taken.add(j);
      }
    });
  };
  pass((a, b) => titleKey(a) !== "" && titleKey(a) === titleKey(b));
  pass((a, b) => a.number !== null && a.number === b.number);
  pass((a, b) => similarity(normalizeText(a.text), normalizeText(b.text)) >= SIMILAR);
  // The preamble (no number, no title) pairs with the preamble.
  pass((a, b) => a.number === null && a.title === "" && b.number === null && b.title === "");

  const pairs: SectionPair[] = [];
  const newToOld = new Map([...oldToNew].map(([o, n]) => [n, o]));
  // In the new revision's order, with each removed section after the section that preceded it.
  const removedAfter = new Map<number | null, number[]>();
  let lastPaired: number | null = null;
  older.forEach((_, i) => {
    if (oldToNew.has(i)) lastPaired = oldToNew.get(i)!;
    else removedAfter.set(lastPaired, [...(removedAfter.get(lastPaired) ?? []), i]);
  });
  for (const i of removedAfter.get(null) ?? []) pairs.push({ old: i, new: null });
  newer.forEach((_, j) => {
    pairs.push({ old: newToOld.get(j) ?? null, new: j });
    for (const i of removedAfter.get(j) ?? []) pairs.push({ old: i, new: null });
  });
  return pairs;
}

/** Dice coefficient of the character bigrams of two texts: 1 for equal texts, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const bigrams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    bigrams.set(g, (bigrams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = bigrams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      bigrams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
