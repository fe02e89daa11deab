import type { Rule } from "../../rule.js";
import { numberedSections } from "./numbered-sections.js";
import { sentences, t } from "../../../i18n/index.js";

/** A mention of a document by its title in book-title marks; csr obsolete rewrites drafts' by the same pattern. */
export const MENTION = /《([^《》\n]+)》/g;

/**
 * A document in force must not send its readers to a withdrawn one by its title either
 * (按《特殊特性符号对照表》转换, when that form is obsolete and its successor has another title):
 * doc/obsolete-referenced sees only `related` and `forms`. IATF 16949 7.5.3.2.1 / ISO 9001 7.5.3.2 d:
 * unintended use of obsolete documented information is prevented.
 */
export const rule: Rule = {
  id: "doc/obsolete-mentioned",
  severity: "error",
  scope: {
    files: "all",
    reads: (f) => (f.kind === "document" ? [f.data.id, f.data.title, f.data.title_en, f.data.status, f.data.obsolete, f.data.sections] : null),
  },
  summary: "A released document's text mentions 《the title》 of an obsolete document.",
  docs: {
    description:
      "A released document whose text mentions, in book-title marks, the title of an obsolete document that no document in force or in draft bears. A reader following \"按《特殊特性符号对照表》转换\" reaches for the withdrawn form; `doc/obsolete-referenced` only sees the ids under `related` and `forms`. A title that the successor kept (same title, new number) is not reported.",
    bad: `
      采购员填写《采购申请单》，到货后按《进货检验记录》检验。   # QR-009-01 of that title is obsolete, replaced by QR-009-02 《采购申请单（电子版）》; 进货检验记录 kept its title
`,
    fix: "Cite the successor's title (the message names it) and release a new revision of the citing document.",
  },
  check(ctx) {
    // The obsolete documents' titles first, then those any other document bears taken out: most
    // repositories have few obsolete documents, and without one no set of every title is made.
    const withdrawn = new Map<string, { id: string; successor?: string }>();
    for (const { value } of ctx.repo.documents) {
      if (value.status !== "obsolete") continue;
      for (const title of [value.title, value.title_en]) if (title) withdrawn.set(title, { id: value.id, successor: value.obsolete?.superseded_by });
    }
    if (withdrawn.size === 0) return;
    for (const { value } of ctx.repo.documents) {
      if (value.status === "obsolete") continue;
      if (value.title) withdrawn.delete(value.title);
      if (value.title_en) withdrawn.delete(value.title_en);
    }
    if (withdrawn.size === 0) return;
    for (const { value: doc, file } of ctx.repo.documents) {
      if (doc.status !== "released" || !ctx.keeps(file)) continue;
      for (const section of numberedSections(ctx.repo, doc)) {
        const text = section.section.text;
        if (text === undefined || !text.includes("《")) continue;
        for (const match of text.matchAll(MENTION)) {
          const target = withdrawn.get(match[1]!.trim());
          if (!target) continue;
          const successor = target.successor === undefined ? undefined : ctx.index.documents.get(target.successor)?.value;
          ctx.report(
            { file, path: [...section.path, "text"], quote: match[0] },
            sentences(
              t("rule.doc/obsolete-mentioned", { document: doc.id, section: section.number, title: match[1]!.trim(), target: target.id }),
              successor?.id === doc.id
                ? t("rule.doc/obsolete-mentioned.fix-merged", { document: doc.id, target: target.id })
                : successor
                  ? t("rule.doc/obsolete-mentioned.fix-successor", { document: doc.id, successor: successor.id, title: successor.title })
                  : t("rule.doc/obsolete-mentioned.fix", { document: doc.id }),
            ),
          );
        }
      }
    }
  },
};
