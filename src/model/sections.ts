/**
 * The sections a document declares, numbered as they are printed (1, 2 … 5.1, 5.2 …), and how a
 * reference to one of them ("5.2", "符号转换" or "5.2 符号转换") is matched.
 */
import type { ControlledDocument, Section } from "./types.js";

export interface DeclaredSection {
  /** "5", "5.2" … */
  number: string;
  title: string;
  title_en?: string;
}

export function declaredSections(doc: Pick<ControlledDocument, "sections">): DeclaredSection[] {
  const walk = (sections: readonly Section[], prefix: string): DeclaredSection[] =>
    sections.flatMap((s, i) => {
      const number = `${prefix}${i + 1}`;
      return [{ number, title: s.title, ...(s.title_en ? { title_en: s.title_en } : {}) }, ...walk(s.sections ?? [], `${number}.`)];
    });
  return walk(doc.sections ?? [], "");
}

/** How an `addressed` entry names a section: number and title, "5.2 符号转换". */
export function sectionLabel(section: DeclaredSection): string {
  return `${section.number} ${section.title}`;
}

/**
 * The section a reference means: by number, by title (Chinese or English), or by both. A title
 * shared by several sections is ambiguous and matches none, so the caller can ask for the number.
 */
export function findSection(doc: Pick<ControlledDocument, "sections">, reference: string): DeclaredSection | undefined {
  const wanted = reference.trim();
  const sections = declaredSections(doc);
  const exact = sections.find((s) => s.number === wanted || sectionLabel(s) === wanted);
  if (exact) return exact;
  const byTitle = sections.filter((s) => s.title === wanted || s.title_en === wanted);
  return byTitle.length === 1 ? byTitle[0] : undefined;
}
