import { t } from "../../../i18n/index.js";
import { emptySections } from "../../../model/sections.js";
import { numberedSections } from "./numbered-sections.js";
import type { Rule } from "../../rule.js";

/**
 * A released document is what people work to ({{cite:documents-in-use}}): `csr release` refuses to
 * issue one with a blank section, and this rule finds one that reached `released` another way (a
 * hand edit, a merge), or, in the draft of a document being revised (修订中), one submitted for approval
 * incomplete. "Blank" is model/sections.ts emptySections, the definition release uses.
 */
export const rule: Rule = {
  id: "doc/empty-section",
  severity: "error",
  scope: { files: "own" },
  summary: "A released document has a section without text.",
  docs: {
    description:
      "A released document has a section with neither text nor subsections: only its title, as `csr new` scaffolds it. The document is what people work to ({{cite:documents-in-use}}), and it was issued with the section blank. `csr release` refuses such a document; a document marked `released` by hand or by a merge is found here. A section that holds subsections needs no text of its own. In a released document being revised (修订中, `csr submit`), the file holds the draft of the next version: a blank section there was submitted for 会签 and approval incomplete, and `csr release` will refuse the draft until it is written or removed; the message says so rather than that it was issued blank.",
    bad: `
sections:                  # of a released document
  - title: 目的
    text: 规定顾客特定要求的识别、评审和落实。
  - title: 定义             # only a title
`,
    good: `
sections:
  - title: 目的
    text: 规定顾客特定要求的识别、评审和落实。
  - title: 定义
    text: 无。
`,
    fix: "Write the section (a section with nothing to say says so, e.g. 无。) or remove it if the document does not need it, and issue the change as a new version with `csr release`.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      if (doc.status !== "released") continue;
      for (const { number, title, path } of emptySections(doc, numberedSections(ctx.repo, doc))) {
        // A document being revised (修订中) holds the draft of its next version: the blank section is not issued yet.
        const key = doc.revising === undefined ? "rule.doc/empty-section" : "rule.doc/empty-section.draft";
        ctx.report({ file, path: [...path, "title"] }, t(key, { document: doc.id, number, title }));
      }
    }
  },
};
