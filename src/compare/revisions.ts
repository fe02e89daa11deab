/**
 * A new revision of a customer's CSR source document against the previous one: for each CSR
 * taken from it, whether the section it cites is unchanged, changed (with a diff) or removed, and
 * which sections are new and have no CSR yet. IATF 16949 7.5.3.2.2 asks for every revision to be
 * reviewed; this says where that review has something to look at.
 */
import { diffArrays } from "diff";
import { alignSections } from "./align.js";
import { fullText, normalizeText, splitCitation, type ManualSection } from "./sections.js";

export type SectionVerdict = "unchanged" | "changed" | "removed" | "not-found";

export interface SectionRef {
  number: string | null;
  title: string;
}

/** One line of a section diff: "-" only in the old revision, "+" only in the new, " " in both. */
export interface DiffLine {
  op: "-" | "+" | " ";
  text: string;
}

export interface CsrProposal {
  csr: string;
  /** The section as the CSR cites it. */
  cited: string;
  /**
   * unchanged: same title and same text (whitespace aside) in the new revision, perhaps under
   * another number; changed: title or text differ; removed: the new revision has no such
   * section; not-found: the old revision has no section matching the citation (review it).
   */
  verdict: SectionVerdict;
  old?: SectionRef;
  new?: SectionRef;
  diff?: DiffLine[];
}

export interface RevisionComparison {
  proposals: CsrProposal[];
  /** Sections of the new revision that the old one did not have and that no CSR cites. */
  added: SectionRef[];
}

export interface CitingCsr {
  id: string;
  section?: string;
}

const ref = (s: ManualSection): SectionRef => ({ number: s.number, title: s.title });

/** Where a citation such as "4.2 特殊特性符号", "4.2", "A.1", "附录 B" or "特殊特性符号" points: by number first, then by title. */
export function findSection(sections: readonly ManualSection[], cited: string): number {
  const { number, rest } = splitCitation(cited);
  const title = normalizeText(rest);
  if (number) {
    const byNumber = sections.findIndex((s) => s.number === number);
    if (byNumber >= 0) return byNumber;
  }
  return title === "" ? -1 : sections.findIndex((s) => normalizeText(s.title) === title);
}

/** Sentences are the unit of a section diff: a PDF breaks lines anywhere, sentences stay put. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？;!?])|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function sectionDiff(oldText: string, newText: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffArrays(sentences(oldText), sentences(newText), { comparator: (a, b) => normalizeText(a) === normalizeText(b) })) {
    const op = part.added ? "+" : part.removed ? "-" : " ";
    for (const text of part.value) out.push({ op, text });
  }
  return out;
}

export function compareRevisions(older: readonly ManualSection[], newer: readonly ManualSection[], csrs: readonly CitingCsr[]): RevisionComparison {
  const pairs = alignSections(older, newer);
  const newOf = new Map(pairs.filter((p) => p.old !== null).map((p) => [p.old!, p.new]));
  const cited = new Set<number>();
  const proposals = csrs.map((csr): CsrProposal => {
    const citation = csr.section ?? "";
    const i = citation === "" ? -1 : findSection(older, citation);
    if (i < 0) return { csr: csr.id, cited: citation, verdict: "not-found" };
    const j = newOf.get(i) ?? null;
    if (j === null) return { csr: csr.id, cited: citation, verdict: "removed", old: ref(older[i]!) };
    cited.add(j);
    const before = fullText(older, i);
    const after = fullText(newer, j);
    // A renumbered section with the same title and text is unchanged: the citation moves, the requirement does not.
    const same = normalizeText(before) === normalizeText(after) && normalizeText(older[i]!.title) === normalizeText(newer[j]!.title);
    return same
      ? { csr: csr.id, cited: citation, verdict: "unchanged", old: ref(older[i]!), new: ref(newer[j]!) }
      : { csr: csr.id, cited: citation, verdict: "changed", old: ref(older[i]!), new: ref(newer[j]!), diff: sectionDiff(before, after) };
  });
  const added = pairs.filter((p) => p.old === null && p.new !== null && !cited.has(p.new)).map((p) => ref(newer[p.new!]!));
  return { proposals, added };
}
