import { closest } from "../../../core/text.js";
import type { SourceFile } from "../../../load/source.js";
import { findSection, sectionLabel } from "../../../model/sections.js";
import type { ControlledDocument, Csr } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { list, sentences, t } from "../../../i18n/index.js";
import { numberedSections } from "../doc/numbered-sections.js";

/**
 * The CSR matrix ({{cite:requirements-matrix}}) cites a section of the document that addresses a CSR; the
 * section must exist in the document's current text, with the number and title cited.
 */
export const rule: Rule = {
  id: "csr/section-missing",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.addressed] : f.kind === "document" ? [f.data.id, f.data.sections] : null) },
  summary: "A CSR names a section that the addressing document's current revision does not have.",
  docs: {
    description:
      "A CSR whose `addressed[].section` names a section that the addressing document's current text does not have. A section is cited by its number (`\"5.2\"`), by number and title (`5.2 顾客投诉时限`) or by title alone (`作业流程`, Chinese or English); number and title must then belong to the same section. Section numbers are the ones the document declares (see [format.md](format.md#sections)). The CSR matrix ({{cite:requirements-matrix}}) tells an auditor where to read how a requirement is met; a citation of a section that was renumbered or removed sends them to the wrong place.",
    bad: `
addressed:
  - document: QP-020
    section: "4.2"   # QP-020 has no section 4.2
`,
    good: `
addressed:
  - document: QP-020
    section: "5.2"
`,
    fix: "Cite the section as the document numbers it (the message suggests the closest one), or add the section to the document and release a new revision. The CSR matrix, `csr show` and the review report print the document's own number and title for every section that resolves.",
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
        if (!doc) return;
        let cited = citations.get(doc);
        if (!cited) citations.set(doc, (cited = []));
        cited.push({ csr, file, i, section: place.section });
      });
    }
    for (const [doc, cited] of citations) {
      const sections = numberedSections(ctx.repo, doc);
      for (const { csr, file, i, section } of cited) {
        const lookup = findSection(sections, section);
        if (lookup.found && lookup.titleMismatch === undefined) continue;
        const at = { file, path: ["addressed", i, "section"] };
        if (lookup.titleMismatch !== undefined) {
          ctx.report(at, t("rule.csr/section-missing.title-mismatch", { csr: csr.id, section, document: doc.id, number: lookup.found.number, title: lookup.found.title, label: sectionLabel(lookup.found, "zh-CN") }));
        } else if (!lookup.found) {
          const near = closest(section, sections.map((s) => sectionLabel(s, "zh-CN")));
          const data = { csr: csr.id, section, document: doc.id, sections: list(sections.map((s) => s.number)) };
          ctx.report(
            at,
            sentences(
              t(sections.length === 0 ? "rule.csr/section-missing.no-sections" : "rule.csr/section-missing.missing", data),
              near && t("common.did-you-mean", { candidate: near }),
              t("rule.csr/section-missing.fix", data),
            ),
          );
        }
      }
    }
  },
};
