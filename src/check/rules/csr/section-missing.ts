import { closest } from "../../../core/text.js";
import type { SourceFile } from "../../../load/source.js";
import { findSection, parseSectionReference, sectionLabel, type NumberedSection } from "../../../model/sections.js";
import { bodyOnPaper, citedDocument } from "../../../model/revision.js";
import type { ControlledDocument, Csr } from "../../../model/types.js";
import type { Rule, RuleContext } from "../../rule.js";
import { list, sentences, t } from "../../../i18n/index.js";
import { numberedSections } from "../doc/numbered-sections.js";

/**
 * The CSR matrix ({{cite:requirements-matrix}}) cites a section of the document that addresses a CSR; the
 * section must exist in the document's current text, with the number and title cited: for a document being
 * revised (修订中), the version in force, which the matrix prints until the draft is released
 * (csr/section-dropped-in-revision says when the draft loses the section). An error, not a
 * warning, also for a section only renumbered, which every output prints marked (原写 5.4): the CSR file
 * is the record the matrix is made from, and the pre-commit hook keeps a wrong number out of it.
 */
export const rule: Rule = {
  id: "csr/section-missing",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.addressed] : f.kind === "document" ? [f.data.id, f.data.sections, f.data.status, f.data.kind, f.data.revising, f.data.revisions?.at(-1)?.imported] : null) },
  summary: "A CSR names a section that the addressing document's current revision does not have, or has under another number.",
  docs: {
    description:
      "A CSR whose `addressed[].section` names a section that the addressing document's current text does not have, or has under another number. A section is cited by its number (`\"5.2\"`), by number and title (`5.2 顾客投诉时限`) or by title alone (`作业流程`, Chinese or English). Cited by number and title, the title tells which section was meant: one with that title under another number is that section, renumbered since (a section was put in before it, or one before it removed), and the citation must be renumbered too; when no section has the title (removed or renamed), the citation names none, whatever section now has the number. Section numbers are the ones the document declares (see [format.md](format.md#sections)). For a released document being revised (修订中), the current text is the version in force, read from git, not the draft in the file: a link names its sections until `csr release` moves it to the draft's (see [csr/section-dropped-in-revision](#csrsection-dropped-in-revision)); a link made to the draft's own text (`pin.draft`) is looked up in the draft. A document whose body is on its paper original (imported from a register, [doc/body-on-paper](#docbody-on-paper)) has no sections in the repository: a section cited in it is not looked up until its Word original is imported, which adds them. With `--base` (a pull request) the message says which happened: the link was written so in the change (its document and section are new since the base: correct the link; the message lists the document's sections near the one typed), or the link is as it was and the document had the section at the base (a change of the document removed, renamed or renumbered it: re-point the link, or restore the section). Without `--base`, or when the link was already wrong at the base, it names both causes. The CSR matrix ({{cite:requirements-matrix}}) tells an auditor where to read how a requirement is met; a citation of a section that was renumbered or removed sends them to the wrong place.",
    bad: `
addressed:
  - document: QP-020
    section: "4.2"   # QP-020 has no section 4.2
  - document: QP-020
    section: 5.2 评审   # 评审 is now 5.1; 5.2 is 顾客投诉时限
`,
    good: `
addressed:
  - document: QP-020
    section: "5.2"
  - document: QP-020
    section: 5.1 评审
`,
    fix: "Cite the section as the document numbers it now: the message gives the number of a renumbered section (`5.1 评审`), or the closest one. For a section that was removed, cite the one that addresses the requirement now (or the document alone), or restore the section and release a new revision. `csr release` re-points the links to a section it renumbers. Until the citation is mended, the CSR matrix, the CSR list, `csr show`, the review report and `csr site` print it marked, never as the section that now has the number written: a renumbered section under its new number with the one written (`5.5 返工和返修（原写 5.4）`), linked to it; a section not found as written (`5.4 追溯记录（未找到该章节）`), linked nowhere.",
  },
  check(ctx) {
    // The citations grouped by document: each document's sections are looked up once, not once per
    // CSR that cites it (numbered once per check for the rules that read them: numbered-sections.ts).
    const citations = new Map<ControlledDocument, { csr: Csr; file: SourceFile; i: number; section: string }[]>();
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      csr.addressed?.forEach((place, i) => {
        if (place.section === undefined) return;
        const doc = ctx.index.documents.get(place.document)?.value;
        // A document whose body is on its paper original (imported from a register) has no sections in
        // the repository to look the citation up in: it is checked once the Word original is imported
        // (doc/body-on-paper names the document until then), and the register's citation is kept (tester51 #9).
        if (!doc || bodyOnPaper(doc)) return;
        // A document being revised: a link names the section of the version in force (the matrix prints it so; csr
        // release moves it to the draft's), unless it was made to the draft's own text (pin.draft).
        const cites = citedDocument(doc, place, ctx.options.inForce);
        let cited = citations.get(cites);
        if (!cited) citations.set(cites, (cited = []));
        cited.push({ csr, file, i, section: place.section });
      });
    }
    const cause = linkCause(ctx);
    for (const [doc, cited] of citations) {
      const sections = numberedSections(ctx.repo, doc);
      for (const { csr, file, i, section } of cited) {
        const lookup = findSection(sections, section);
        if (lookup.found && lookup.movedFrom === undefined) continue;
        const at = { file, path: ["addressed", i, "section"] };
        const why = cause(csr.id, doc.id, section);
        const data = { csr: csr.id, section, document: doc.id, base: ctx.options.base?.rev ?? "" };
        if (lookup.found) {
          // The title written is another number's, which every output prints marked (原写 5.4): renumbered by a revision, or the link mistyped.
          ctx.report(at, t(why ? (`rule.csr/section-missing.moved.${why}` as const) : "rule.csr/section-missing.moved", { ...data, number: lookup.found.number, label: sectionLabel(lookup.found, "zh-CN") }));
          continue;
        }
        const { number, title } = parseSectionReference(section);
        // The link written so in this change: what the document has near the section typed, to correct it with.
        const edited = why === "edited" ? t("rule.csr/section-missing.edited.fix", { ...data, near: list(nearSections(sections, number).map((s) => sectionLabel(s, "zh-CN"))) }) : undefined;
        if (number !== undefined && title !== undefined) {
          // Number and title, and no section has that title: the section was removed or renamed, or the link
          // mistyped. The section now under its number is another one, never the fix (tester49); a title like
          // the one written may be its new name.
          const near = lookup.titled ? undefined : closest(title, sections.map((s) => s.title));
          const renamed = near === undefined ? undefined : sections.find((s) => s.title === near);
          ctx.report(
            at,
            sentences(
              lookup.titled
                ? t("rule.csr/section-missing.title-several", { ...data, title, numbers: list(lookup.titled.map((s) => s.number)) })
                : t(why ? `rule.csr/section-missing.${why}` : "rule.csr/section-missing.gone", { ...data, title }),
              lookup.numbered && t("rule.csr/section-missing.number-now", { number: lookup.numbered.number, title: lookup.numbered.title }),
              renamed && t("common.did-you-mean", { candidate: sectionLabel(renamed, "zh-CN") }),
              lookup.titled ? t("rule.csr/section-missing.title-several.fix", data) : (edited ?? t(why === "lost" ? "rule.csr/section-missing.lost.fix" : "rule.csr/section-missing.gone.fix", data)),
            ),
          );
          continue;
        }
        const near = closest(section, sections.map((s) => sectionLabel(s, "zh-CN")));
        const listed = { ...data, sections: list(sections.map((s) => s.number)) };
        ctx.report(
          at,
          sentences(
            t(sections.length === 0 ? "rule.csr/section-missing.no-sections" : why ? `rule.csr/section-missing.${why}` : "rule.csr/section-missing.missing", listed),
            near && t("common.did-you-mean", { candidate: near }),
            sections.length > 0 && edited ? edited : t(why === "lost" ? "rule.csr/section-missing.lost.fix" : "rule.csr/section-missing.fix", listed),
          ),
        );
      }
    }
  },
};

/**
 * Why a CSR's link names a section its document does not have, as `--base` tells it (tester57 E15):
 * "edited" when the link as written (document and section) is new since the base, the pull request's
 * own typing; "lost" when the base had the same link and its document had that section, so a change of
 * the document since removed, renamed or renumbered it; undefined without a base, or when the link was
 * already wrong at the base, where csr cannot tell.
 */
function linkCause(ctx: RuleContext): (csr: string, document: string, section: string) => "edited" | "lost" | undefined {
  const base = ctx.options.base;
  if (!base) return () => undefined;
  const csrs = new Map(base.repo.csrs.map(({ value }) => [value.id, value]));
  const documents = new Map(base.repo.documents.map(({ value }) => [value.id, value]));
  return (csr, document, section) => {
    const before = csrs.get(csr)?.addressed ?? [];
    if (!before.some((a) => a.document === document && a.section === section)) return "edited";
    const doc = documents.get(document);
    const then = doc && !bodyOnPaper(doc) ? findSection(numberedSections(base.repo, doc), section) : undefined;
    return then?.found && then.movedFrom === undefined ? "lost" : undefined;
  };
}

/**
 * The sections of a document near a section number typed (`5.9`): its siblings under the same parent
 * (5.1, 5.2 …), else the top-level sections; for a title alone, the top-level sections.
 */
function nearSections(sections: readonly NumberedSection[], number: string | undefined): readonly NumberedSection[] {
  const parent = number?.includes(".") ? number.slice(0, number.lastIndexOf(".")) : undefined;
  const siblings = parent === undefined ? [] : sections.filter((s) => s.number.startsWith(`${parent}.`) && s.depth === number!.split(".").length);
  return siblings.length > 0 ? siblings : sections.filter((s) => s.depth === 1);
}
