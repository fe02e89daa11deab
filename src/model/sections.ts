/**
 * A controlled document's section numbers, as the document declares them. The rendered document,
 * the CSR matrix, `csr show`, the CSR review report and every tool that points into a document
 * (`csr address --section`, the .docx importer) read them from here, so they all print the same
 * number and title.
 *
 * A section may declare its number (`number: "5"`, `number: "5.2"`); one that does not follows
 * the section before it at the same level (5.2 after 5.1), or is the first below its parent
 * (5.1 under 5), or is 1 at the top. So a procedure without a 定义 section that declares
 * `number: "5"` on 作业流程 prints 5, 5.1, 5.2 … exactly as the CSR matrix cites them.
 */
import type { ControlledDocument, Path, Section } from "./types.js";
import { escapeRegExp } from "../core/text.js";
import { LANGS, t, translate } from "../i18n/index.js";

export interface NumberedSection {
  /** Dotted number as printed: "1", "5", "5.2", "5.2.1". */
  number: string;
  title: string;
  title_en?: string;
  /** 1 for a top-level section, 2 for 5.1 … */
  depth: number;
  /** Where the section is in the document's YAML, e.g. ["sections", 3, "sections", 1]. */
  path: Path;
  section: Section;
}

/** The next number after `previous` at the same level: 5.2 → 5.3, 4 → 5. */
function following(previous: string): string {
  const parts = previous.split(".");
  parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
  return parts.join(".");
}

/**
 * Every body section of a document in reading order with its number (declared or following on),
 * nested sections flattened after their parent. Pure; never throws.
 */
export function documentSections(doc: Pick<ControlledDocument, "sections">): NumberedSection[] {
  const out: NumberedSection[] = [];
  if (doc.sections) numberSections(doc.sections, "", 1, ["sections"], out);
  return out;
}

/**
 * documentSections' walk: a plain function with plain loops, as a check numbers the sections of
 * every document (a closure and forEach per level cost V8 more to optimise than the walk itself).
 */
function numberSections(sections: readonly Section[], parent: string, depth: number, path: Path, out: NumberedSection[]): void {
  let previous: string | undefined;
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    const number = section.number !== undefined ? String(section.number) : previous !== undefined ? following(previous) : `${parent}1`;
    previous = number;
    const own: Path = [...path, i];
    out.push(
      section.title_en
        ? { number, title: section.title, title_en: section.title_en, depth, path: own, section }
        : { number, title: section.title, depth, path: own, section },
    );
    if (section.sections) numberSections(section.sections, `${number}.`, depth + 1, [...own, "sections"], out);
  }
}

/**
 * The sections that would be issued blank: neither text (blank text counts as none) nor subsections.
 * A section with nothing to say says so (无); one that holds subsections needs no text of its own.
 * `csr release` refuses a document with such a section, and doc/empty-section reports a released one.
 * `sections` is documentSections(doc), when already made.
 */
export function emptySections(doc: Pick<ControlledDocument, "sections">, sections: readonly NumberedSection[] = documentSections(doc)): NumberedSection[] {
  return sections.filter(({ section }) => (section.sections ?? []).length === 0 && !section.text?.trim());
}

/**
 * The numbers of the two sections every rendered document ends with, 相关文件 (related documents)
 * and 相关记录 (records): they follow the last top-level body section.
 */
export function closingSectionNumbers(doc: Pick<ControlledDocument, "sections">): { related: string; records: string } {
  const top = documentSections(doc).filter((s) => s.depth === 1);
  const last = top[top.length - 1]?.number;
  const related = last === undefined ? "1" : following(last.split(".")[0]!);
  return { related, records: following(related) };
}

/** A section reference as written in a CSR's `addressed[].section`: "5.2", "5.2 符号转换" or a title alone. */
export interface SectionReference {
  number?: string;
  title?: string;
}

export function parseSectionReference(text: string): SectionReference {
  const trimmed = text.trim();
  const match = /^([0-9]+(?:\.[0-9]+)*)\.?(?:\s+(.*))?$/.exec(trimmed);
  if (match) return { number: match[1]!, ...(match[2]?.trim() ? { title: match[2].trim() } : {}) };
  return { title: trimmed };
}

export type SectionLookup =
  /** The section the reference names as written: by its number, its title, or both. */
  | { found: NumberedSection; movedFrom?: undefined; numbered?: undefined; titled?: undefined }
  /**
   * The written title is that of one section under another number: the document was renumbered
   * since the reference was written (a section put in before it, or one before it removed). `found`
   * is the section so titled, `movedFrom` the number written.
   */
  | { found: NumberedSection; movedFrom: string; numbered?: undefined; titled?: undefined }
  /**
   * No section answers the reference: its number is none of the document's, or its title is no
   * section's (removed or renamed). `numbered`: the section now under the written number, whose
   * title is another; `titled`: the sections with the written title, when several have it (which
   * one was meant is unclear).
   */
  | { found?: undefined; movedFrom?: undefined; numbered?: NumberedSection; titled?: readonly NumberedSection[] };

const titled = (section: NumberedSection, title: string) => section.title === title || section.title_en === title;

/**
 * Finds the section a reference names: by number when it has one, else by its Chinese or English
 * title. A reference that gives both names the section with that title: under its number, or under
 * another one (`movedFrom`) when the document was renumbered since, as an auditor reads "5.4 返工和返修"
 * after a section was put in before it (tester49): the section about rework, now 5.5, not the one
 * now numbered 5.4. A title that no section has, or several have, finds none.
 */
export function findSection(sections: readonly NumberedSection[], text: string): SectionLookup {
  const ref = parseSectionReference(text);
  const title = ref.title;
  if (ref.number === undefined) {
    const found = sections.find((s) => titled(s, title!));
    return found ? { found } : {};
  }
  const numbered = sections.find((s) => s.number === ref.number);
  if (numbered && (title === undefined || titled(numbered, title))) return { found: numbered };
  if (title === undefined) return {};
  const same = sections.filter((s) => titled(s, title));
  if (same.length === 1) return { found: same[0]!, movedFrom: ref.number };
  return { ...(numbered ? { numbered } : {}), ...(same.length > 1 ? { titled: same } : {}) };
}

/** True when `ref` names a section of `sections` as written, number and title alike (what csr/section-missing requires). */
export function resolvesIn(sections: readonly NumberedSection[], ref: string): boolean {
  const { found, movedFrom } = findSection(sections, ref);
  return found !== undefined && movedFrom === undefined;
}

/** The one section of `sections` titled `title` (in Chinese or English), or undefined when none or several are. */
export function onlyTitled(sections: readonly NumberedSection[], title: string | undefined): NumberedSection | undefined {
  const same = title === undefined ? [] : sections.filter((s) => titled(s, title));
  return same.length === 1 ? same[0] : undefined;
}

/**
 * Where a link to a section of one version of a document (`before`, numbered as that version reads)
 * goes in the next version's text (`sections`): the section `ref` names there with its number and title
 * (a number alone: with the title `before` gives that number); else the one section with the title it
 * gives (or, for a number alone, the title of that number in `before`), renumbered; else the one section renamed from that title (`renamed_from`, written by `csr
 * edit --rename-section` while the document is being revised). Undefined when the next version has none
 * of these: the section was removed, or renamed by hand. `csr release` re-points the links so, and
 * csr/section-dropped-in-revision warns of a link that would find nothing before the release refuses it.
 */
export function successorSection(sections: readonly NumberedSection[], before: readonly NumberedSection[], ref: string): NumberedSection | undefined {
  // A number alone names the section `before` gives it, whatever the next version numbers so.
  const written = parseSectionReference(ref).title;
  const was = written === undefined ? findSection(before, ref).found : undefined;
  const { found, movedFrom } = findSection(sections, ref);
  if (found && movedFrom === undefined && (was === undefined || titled(found, was.title))) return found;
  const title = written ?? was?.title;
  if (title === undefined) return undefined;
  const renamed = sections.filter((s) => s.section.renamed_from === title);
  return onlyTitled(sections, title) ?? (renamed.length === 1 ? renamed[0] : undefined);
}

/** A link's `section` (`ref`) as the next version's text reads it (successorSection): `ref` itself when it still names that section as written, else the section's number and title as `csr address` writes them; undefined when there is none. */
export function successorReference(sections: readonly NumberedSection[], before: readonly NumberedSection[], ref: string): string | undefined {
  const next = successorSection(sections, before, ref);
  if (next === undefined) return undefined;
  return findSection(sections, ref).found === next && resolvesIn(sections, ref) ? ref : sectionLabel(next, "zh-CN");
}

/**
 * The HTML id of a section's heading on a rendered page: `section-5.2`. Characters an id or a URL
 * fragment should not hold (spaces, punctuation other than . _ -) become '-'.
 */
export function sectionAnchor(number: string): string {
  return `section-${number.replace(/[^\p{L}\p{N}._-]+/gu, "-")}`;
}

/**
 * Where a CSR's `addressed` entry points inside its document: the section's label in `lang` and its
 * anchor on the document's page ("" when the section is not found). The label is the document's own
 * number and title ("5.2 符号转换"); for a reference whose title is now under another number, that
 * section marked with the number written ("5.5 返工和返修（原写 5.4）"); for one that names no section,
 * the text as written marked so ("5.4 返工和返修（未找到该章节）"), never the title of whatever section
 * now has its number (tester49). With `numberOnly` (sectionNumberOnly) the numbers alone, marked alike.
 * A document without sections cannot tell (its body on paper, imported from a register, or withheld:
 * the site withholds a 秘密 document's text): its references print as written, unmarked.
 */
export function addressedSection(doc: Pick<ControlledDocument, "sections"> | undefined, text: string | undefined, lang: string, numberOnly = false): { section: string; anchor: string } {
  if (!text) return { section: "", anchor: "" };
  if (!doc?.sections?.length) return { section: numberOnly ? (parseSectionReference(text).number ?? "") : text, anchor: "" };
  const { found, movedFrom } = findSection(numberedOnce(doc), text);
  const language = lang === "en" ? "en" : "zh-CN";
  if (!found) {
    const written = numberOnly ? (parseSectionReference(text).number ?? "") : text;
    return { section: translate(language, "model.section.not-found", { section: written }).trim(), anchor: "" };
  }
  const label = numberOnly ? found.number : sectionLabel(found, lang);
  return { section: movedFrom === undefined ? label : translate(language, "model.section.moved", { section: label, number: movedFrom }), anchor: sectionAnchor(found.number) };
}

/**
 * A section as addressedSection prints it, read back as the reference it stands for (`csr import --as
 * csr` of a CSR list csr exported): "5.5 返工和返修（原写 5.4）" is 5.5 返工和返修, "5.4 追溯记录（未找到该章节）"
 * the 5.4 追溯记录 recorded; in either language. Any other text is returned as it is.
 */
export function unmarkedSection(text: string): string {
  for (const mark of sectionMarks()) {
    const match = mark.exec(text);
    if (match) return match[1]!;
  }
  return text;
}

let marks: RegExp[] | undefined;
function sectionMarks(): RegExp[] {
  return (marks ??= LANGS.flatMap((lang) =>
    (["model.section.moved", "model.section.not-found"] as const).map((key) => {
      const [before = "", after = ""] = translate(lang, key, { section: "\u0000", number: "\u0001" }).split("\u0000");
      const escape = (part: string) => escapeRegExp(part).replace("\u0001", "[0-9]+(?:\\.[0-9]+)*");
      return new RegExp(`^${escape(before)}(.+?)${escape(after)}$`, "s");
    }),
  ));
}

/**
 * A CSR's `addressed[].section` as it may be published when its document is marked with a level of
 * 国家秘密 (model/classification.ts isStateSecret): the section's number alone, since a section's
 * title can tell what the withheld text is about; a title without a number is looked up in the
 * document's sections for its number, and is "" (the document alone) when it names none.
 */
export function sectionNumberOnly(doc: Pick<ControlledDocument, "sections"> | undefined, text: string): string {
  return parseSectionReference(text).number ?? (doc && findSection(numberedOnce(doc), text).found?.number) ?? "";
}

/**
 * documentSections(doc) for looking up in, made once per document's sections: a site labels a
 * document's addressed sections for every CSR that addresses it, in the CSR list, the CSR matrix,
 * the review report and the document's page (tens of thousands of lookups at 10,000 entities).
 */
function numberedOnce(doc: Pick<ControlledDocument, "sections">): readonly NumberedSection[] {
  if (!doc.sections) return [];
  let numbered = NUMBERED.get(doc.sections);
  if (!numbered) NUMBERED.set(doc.sections, (numbered = documentSections(doc)));
  return numbered;
}
const NUMBERED = new WeakMap<readonly Section[], readonly NumberedSection[]>();

/** "5.2 符号转换" in the chosen language; the English title where given. */
export function sectionLabel(section: NumberedSection, lang: string): string {
  return `${section.number} ${lang === "en" && section.title_en ? section.title_en : section.title}`;
}

/**
 * How a CSR's `addressed[].section` prints (addressedSection): the document's own number and title,
 * marked when the section was renumbered or is not found; the number alone with `numberOnly` (a
 * document marked 秘密, 机密 or 绝密: sectionNumberOnly).
 */
export function addressedSectionLabel(doc: Pick<ControlledDocument, "sections"> | undefined, text: string | undefined, lang: string, numberOnly = false): string {
  return addressedSection(doc, text, lang, numberOnly).section;
}

/**
 * Numbers declared twice, or declared under a parent they do not belong to (5.2 inside 4).
 * `all` is documentSections(doc), when already made.
 */
export function sectionNumberProblems(doc: Pick<ControlledDocument, "sections">, all: readonly NumberedSection[] = documentSections(doc)): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  // A check asks this of every document, and most have a handful of sections: a Map of their
  // numbers costs more than looking back over them.
  const seen = all.length > FEW_SECTIONS ? new Map<string, NumberedSection>() : undefined;
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    const before = seen ? seen.get(s.number) : firstNumbered(all, i, s.number);
    if (before) {
      problems.push({ path: [...s.path, "number"], message: t("model.section.number-twice", { number: s.number, title: s.title, first: before.title }) });
    } else seen?.set(s.number, s);
    if (s.section.number !== undefined && s.depth > 1) {
      const parent = parentOf(all, i);
      if (parent && !s.number.startsWith(`${parent.number}.`)) {
        problems.push({ path: [...s.path, "number"], message: t("model.section.number-outside-parent", { number: s.number, title: s.title, parent: parent.number, parentTitle: parent.title }) });
      }
    }
  }
  return problems;
}

/** Up to this many sections, sectionNumberProblems looks back over them for a number given twice. */
const FEW_SECTIONS = 16;

/** The section `all[at]` is a subsection of: documentSections lists a section's subsections right after it, so the last one before it a level up. */
function parentOf(all: readonly NumberedSection[], at: number): NumberedSection | undefined {
  const depth = all[at]!.depth - 1;
  for (let i = at - 1; i >= 0; i--) if (all[i]!.depth === depth) return all[i];
  return undefined;
}

/** The first of `all[0 … end)` numbered `number`. */
function firstNumbered(all: readonly NumberedSection[], end: number, number: string): NumberedSection | undefined {
  for (let i = 0; i < end; i++) if (all[i]!.number === number) return all[i];
  return undefined;
}
