import { closest } from "../../../core/text.js";
import { documentSections, findSection, sectionLabel } from "../../../model/sections.js";
import type { Rule } from "../../rule.js";

/**
 * The CSR matrix (IATF 16949 7.5.1.1) cites a section of the document that addresses a CSR; the
 * section must exist in the document's current text, with the number and title cited.
 */
export const rule: Rule = {
  id: "csr/section-missing",
  severity: "error",
  summary: "A CSR names a section that the addressing document's current revision does not have.",
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      csr.addressed?.forEach((place, i) => {
        if (place.section === undefined) return;
        const doc = ctx.index.documents.get(place.document)?.value;
        if (!doc) return;
        const sections = documentSections(doc);
        const lookup = findSection(sections, place.section);
        const at = { file, path: ["addressed", i, "section"] };
        if (lookup.titleMismatch !== undefined) {
          ctx.report(at, `${csr.id} cites section '${place.section}' of ${doc.id}, but ${doc.id}'s section ${lookup.found.number} is titled '${lookup.found.title}'. Write '${sectionLabel(lookup.found, "zh-CN")}', or name the section that was meant.`);
        } else if (!lookup.found) {
          const near = closest(place.section, sections.map((s) => sectionLabel(s, "zh-CN")));
          const known = sections.length === 0 ? `${doc.id} has no sections` : `its sections are ${sections.map((s) => s.number).join(", ")}`;
          ctx.report(at, `${csr.id} cites section '${place.section}' of ${doc.id}, which the current revision does not have (${known}).${near ? ` Did you mean '${near}'?` : ""} Cite an existing section, or add the section to ${doc.id} and release it.`);
        }
      });
    }
  },
};
