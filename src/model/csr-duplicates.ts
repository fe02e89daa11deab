/**
 * One requirement registered twice (tester19 F8): re-running `csr add` after an error, importing a
 * list again, two people registering it on two branches. Each copy gets its own review clock, its
 * own overdue finding and its own matrix row, and the two drift apart. `csr add` and `csr import`
 * refuse a repeat and csr/duplicate reports one in the files, all with the comparison below.
 */
import type { Csr } from "./types.js";

/**
 * The Chinese punctuation that NFKC leaves as it is, with the ASCII mark it stands for: a text
 * typed again with an input method switched to half-width is the same text.
 */
const CJK_PUNCTUATION: Readonly<Record<string, string>> = {
  "。": ".",
  "、": ",",
  "“": '"',
  "”": '"',
  "‘": "'",
  "’": "'",
  "「": '"',
  "」": '"',
  "『": '"',
  "』": '"',
  "《": "<",
  "》": ">",
  "〈": "<",
  "〉": ">",
  "【": "[",
  "】": "]",
  "〔": "[",
  "〕": "]",
};

/**
 * What one pass over a text (after NFKC) drops or replaces: white space, control characters, the
 * invisible ones pasted text brings (soft hyphen, zero-width space and joiners, direction marks, BOM),
 * and the Chinese marks above. Listed rather than \p{Cf}: the rule runs over every CSR of the
 * repository, and a class without the `u` flag is the faster one.
 */
const DROPPED_OR_MAPPED = new RegExp(`[\\s\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF${Object.keys(CJK_PUNCTUATION).join("")}]`, "g");
const dropOrMap = (c: string) => CJK_PUNCTUATION[c] ?? "";
const SENTENCE_END: ReadonlySet<string> = new Set([".", ",", ";", ":", "!", "?"]);

/**
 * A text as two registrations of one requirement are compared: full-width and half-width forms alike
 * (NFKC), white space and invisible characters left out, letter case ignored, the Chinese marks taken
 * as their ASCII ones, and the marks that end the last sentence ignored.
 */
export function comparableText(text: string): string {
  return sameWordingText(text).toLowerCase();
}

/**
 * comparableText with the letter case kept: what a decided CSR's reviewed wording is compared by
 * (model/csr-requirement.ts). An edit that only changes white space, full-width and half-width
 * forms, Chinese for ASCII punctuation or the final full stop changes nothing the departments read;
 * SQE for sqe may name another thing.
 */
export function sameWordingText(text: string): string {
  const folded = text.normalize("NFKC").replace(DROPPED_OR_MAPPED, dropOrMap);
  let end = folded.length;
  while (end > 0 && SENTENCE_END.has(folded[end - 1]!)) end--;
  return folded.slice(0, end);
}

/** What a CSR requires, compared: its text, or its title when it has none (a list that names each requirement by its text). */
export function requirementWording(csr: Pick<Csr, "title" | "text">): string {
  return comparableText(csr.text ?? csr.title);
}

/**
 * How a CSR repeats a registered one: the same text (`text`), the same wording where one of them
 * has only a title (`title`; both are what csr/duplicate reports), or the same title under the same
 * section with another text (`section-title`: a repeat whose text was corrected on the way).
 */
export type Repeat = "text" | "title" | "section-title";

export interface RegisteredRepeat {
  csr: Csr;
  same: Repeat;
}

type Candidate = Pick<Csr, "customer" | "source" | "title" | "text" | "superseded">;

/**
 * The CSRs that `candidate` would register again: the same customer and source document, the same
 * standing (both in force, or both superseded: a requirement withdrawn and registered anew in the
 * same words is not a repeat), and the same wording or the same title under the same section.
 * Revisions are not compared: a CSR in force is moved to its source's new revision when one is
 * recorded (csr source update). In number order.
 */
export function registeredRepeats(candidate: Candidate, csrs: readonly Csr[]): RegisteredRepeat[] {
  const wording = requirementWording(candidate);
  const title = comparableText(candidate.title);
  const section = comparableText(candidate.source.section ?? "");
  return csrs
    .flatMap((csr): RegisteredRepeat[] => {
      if (!csr.superseded !== !candidate.superseded || csr.customer !== candidate.customer || csr.source.document !== candidate.source.document) return [];
      if (requirementWording(csr) === wording) return [{ csr, same: sameWording(csr, candidate) }];
      if (comparableText(csr.title) === title && comparableText(csr.source.section ?? "") === section) return [{ csr, same: "section-title" }];
      return [];
    })
    .sort(byNumber);
}

/**
 * The CSRs in force of the candidate's customer, taken from another of its source documents, with
 * the same wording: a requirement an SQE e-mail or a letter repeats from the manual (tester23 F19).
 * Not a repeat that csr add refuses or csr/duplicate reports — a customer may restate a requirement
 * in a later document on purpose, and both registrations then stand — but registered again it is
 * reviewed twice, so csr add says so. In number order.
 */
export function restatedRequirements(candidate: Candidate, csrs: readonly Csr[]): RegisteredRepeat[] {
  const wording = requirementWording(candidate);
  return csrs
    .filter((csr) => !csr.superseded && csr.customer === candidate.customer && csr.source.document !== candidate.source.document && requirementWording(csr) === wording)
    .map((csr) => ({ csr, same: sameWording(csr, candidate) }))
    .sort(byNumber);
}

/** Same text, or the same wording where one of the two has only a title. */
const sameWording = (csr: Csr, candidate: Pick<Csr, "text">): Repeat => (csr.text !== undefined && candidate.text !== undefined ? "text" : "title");

const byNumber = (a: RegisteredRepeat, b: RegisteredRepeat) => a.csr.id.localeCompare(b.csr.id, "en", { numeric: true });

/** Whether a CSR's review holds something a deletion would lose: opinions, a paper record, a decision or an earlier round. */
export function hasReviewRecord(csr: Csr): boolean {
  const review = csr.review;
  return Boolean(review?.decision || review?.record || review?.opinions?.length || review?.history?.length || review?.confirmations?.length);
}
