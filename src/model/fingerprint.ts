/**
 * Fingerprints of the two ends of a link between a CSR and the document section that addresses
 * it, so that a change at either end makes the link suspect (as Doorstop's item stamps do, but
 * both ways and over every field that carries meaning):
 *
 * - the section: its title (both languages), its text and every sub-section below it, recursively;
 *   the whole body when the link names no section. Not its number: the number is how the link
 *   finds the section, and a renumbering that keeps the link pointing at the same text changes
 *   nothing the link promised;
 * - the CSR: title (both languages), text, clauses (as a set), category and the disposition of its
 *   decision — not dates, reviewers or the source revision, which change without changing what
 *   the requirement asks.
 *
 * A fingerprint is the first 12 hex digits of a SHA-256 over a canonical JSON rendering; text is
 * compared with line endings and trailing blanks normalised, so re-saving a file changes nothing.
 */
import { documentSections, findSection, type NumberedSection } from "./sections.js";
import type { AddressedIn, ControlledDocument, Csr, Section } from "./types.js";
import { decidedToMeet } from "./decision.js";

/**
 * Line endings made "\n", blanks at line ends dropped, the whole trimmed. A check fingerprints every
 * pinned CSR's texts: most have no "\r" and no blank before a line break, which trim() alone then
 * gives the same (the expression's `$` is also before U+2028 and U+2029, JavaScript's other line breaks).
 */
const text = (value: string | undefined = "") => (NORMALISED.test(value) ? value.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").trim() : value.trim());
/** What text() must normalise beyond trimming: a carriage return, or a blank before a line break. */
const NORMALISED = /\r|[ \t][\n\u2028\u2029]/;

/**
 * node:crypto, loaded on first use: every check loads this module (csr/suspect-link), few hash. Kept
 * once loaded: process.getBuiltinModule costs about as much as a hash, and a check of pinned links
 * hashes tens of thousands of times.
 */
let crypto: typeof import("node:crypto") | undefined;

function hash(value: unknown): string {
  return (crypto ??= process.getBuiltinModule("node:crypto")).hash("sha256", JSON.stringify(value), "hex").slice(0, 12);
}

function sectionContent(section: Section): unknown {
  return [text(section.title), text(section.title_en), text(section.text), (section.sections ?? []).map(sectionContent)];
}

/** The fingerprint of a found section, or of the whole body when `section` is undefined. */
export function sectionFingerprint(doc: ControlledDocument, section: Section | undefined): string {
  return hash(section ? sectionContent(section) : (doc.sections ?? []).map(sectionContent));
}

/**
 * The wording of a CSR as recorded, kept on a copy that shows other words in its place (csr site
 * withholds the title and text of a CSR marked 秘密 or above: site/build.ts withheldCsr), so that a
 * link to it is still judged on what the requirement says, not read as changed (可疑). A symbol key:
 * the copies of it (`{ ...csr }`) keep it, JSON and YAML never write it.
 */
export const RECORDED_WORDING: unique symbol = Symbol("recorded CSR wording");

export type RecordedWording = Pick<Csr, "title" | "title_en" | "text">;

export function csrFingerprint(csr: Csr): string {
  const wording: RecordedWording = (csr as Csr & { [RECORDED_WORDING]?: RecordedWording })[RECORDED_WORDING] ?? csr;
  // The alternative agreed with the customer is what is met (decidedToMeet): a link to it is made against its text. Absent, the print is as before.
  const alternative = csr.review?.decision?.alternative;
  return hash([text(wording.title), text(wording.title_en), text(wording.text), [...csr.clauses].sort(), text(csr.category), csr.review?.decision?.disposition ?? null, ...(alternative ? [text(alternative.text)] : [])]);
}

/**
 * The section a link names, by the document's own numbering (model/sections.ts): "5.2",
 * "5.2 符号转换" or only the title. Undefined when the document has no such section.
 */
export function linkedSection(doc: ControlledDocument, ref: string): Section | undefined {
  return findSection(documentSections(doc), ref).found?.section;
}

/**
 * Which end of a pinned link changed since it was pinned: `section` (the document side) and
 * `csr` (the requirement side). Undefined for a link without a pin, or whose section is gone
 * (a broken link rather than a suspect one). `csrPrint`: the CSR's fingerprint when the caller has
 * it already; otherwise it is computed, for a pinned link only.
 */
export function changedEnds(
  csr: Csr,
  place: AddressedIn,
  doc: ControlledDocument,
  csrPrint?: string,
  prints?: SectionPrints,
): { section: boolean; csr: boolean } | undefined {
  if (!place.pin) return undefined;
  const print = prints ? prints.of(doc, place.section) : linkedPrint(doc, place.section, () => documentSections(doc));
  if (print === undefined) return undefined;
  return { section: print !== place.pin.section, csr: csrEndChanged(csr, place.pin.csr, csrPrint ?? csrFingerprint(csr)) };
}

/**
 * Whether the CSR differs from what a pin recorded (`pinned`), its fingerprint now being `print`. A
 * link made while the requirement was under review and then decided to be met (must or optional) is
 * not suspect: the first decision keeps what the link promised (tester54a A14, QP-015's order:
 * the section is written during the review). A changed disposition or wording is a change.
 */
function csrEndChanged(csr: Csr, pinned: string, print: string): boolean {
  if (print === pinned) return false;
  if (!decidedToMeet(csr.review?.decision)) return true;
  return csrFingerprint({ ...csr, review: { ...csr.review, decision: undefined } }) !== pinned;
}

/** The fingerprint of the section `ref` names (the whole body when undefined); undefined when there is no such section. */
function linkedPrint(doc: ControlledDocument, ref: string | undefined, sections: () => NumberedSection[]): string | undefined {
  if (ref === undefined) return sectionFingerprint(doc, undefined);
  const section = findSection(sections(), ref).found?.section;
  return section ? sectionFingerprint(doc, section) : undefined;
}

/**
 * Section fingerprints remembered over one pass across many links (a check, a CSR register): a
 * document's sections are numbered once and each linked section hashed once, however many CSRs
 * link to it. Keep one for the pass only: it holds what it has seen.
 */
export class SectionPrints {
  readonly #documents = new Map<ControlledDocument, { sections?: NumberedSection[]; prints: Map<string | undefined, string | undefined> }>();

  /**
   * `textOf`: the document whose text a link is judged on, when the one shown lacks it (`csr site`
   * withholds a 秘密 document's sections from its pages, not from the judgement of its CSR links).
   */
  constructor(private readonly textOf: (doc: ControlledDocument) => ControlledDocument = (doc) => doc) {}

  /** As changedEnds compares it: the fingerprint of the section `ref` names, or undefined when it is gone. */
  of(shown: ControlledDocument, ref: string | undefined): string | undefined {
    const doc = this.textOf(shown);
    let seen = this.#documents.get(doc);
    if (!seen) this.#documents.set(doc, (seen = { prints: new Map() }));
    if (seen.prints.has(ref)) return seen.prints.get(ref);
    const known = seen;
    const print = linkedPrint(doc, ref, () => (known.sections ??= documentSections(doc)));
    known.prints.set(ref, print);
    return print;
  }
}
