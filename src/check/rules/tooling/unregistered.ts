import { t } from "../../../i18n/index.js";
import { registerPrefixes, unknownToolingIds } from "../../../model/tooling.js";
import { documentSections } from "../../../model/sections.js";
import type { Rule } from "../../rule.js";

/**
 * A document in force (a control plan, a work instruction) whose text names a tooling number the register does
 * not have: one shaped like the register's own (its letters before the first '-', model/tooling.ts
 * registerPrefixes) — a fixture or error-proofing device the control plan relies on that is not managed
 * (IATF 16949 8.5.1.6, 10.2.4). A warning: the number may be mistyped in the document, or the register short of it.
 */
export const rule: Rule = {
  id: "tooling/unregistered",
  severity: "warning",
  // Every document's number counts (registerPrefixes leaves out letters a document number begins with): a document
  // added, renumbered or withdrawn changes what the others are checked for.
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.sections] : null) },
  summary: "A document names a tooling number that tooling.yaml does not have.",
  docs: {
    description:
      "A section of a document not obsolete names a tooling number that tooling.yaml does not list, where a tooling number is one written like the register's own: the same letters before the first `-` (FX, EP), then a digit. Letters that begin a document number too (WI, QR) are not read as tooling. The control plan and the work instructions name the fixtures and error-proofing devices their controls rely on; a number the register does not have is a device with no verification or maintenance on record ({{cite:tooling-management}}, {{cite:error-proofing}}). Nothing is reported while tooling.yaml has no entry.",
    bad: `
    text: 定位夹具 FX-30-03；防错：拧紧计数 EP-30-01，每班标准样件验证。   # FX-30-03 is not in tooling.yaml
`,
    good: `
    text: 定位夹具 FX-30-02；防错：拧紧计数 EP-30-01，每班标准样件验证。
`,
    fix: "Add it to the register (`csr tooling add FX-30-03 --name <name> --kind fixture …`), or correct the number in the document.",
  },
  check(ctx) {
    if (ctx.repo.tooling.length === 0) return;
    const known = new Set(ctx.repo.tooling.map((e) => e.value.id));
    for (const id of ctx.repo.unvalidated.tooling) known.add(id);
    const prefixes = registerPrefixes(known, ctx.index.documents.keys());
    if (prefixes.length === 0) return;
    for (const located of ctx.repo.documents) {
      const doc = located.value;
      if (!ctx.keeps(located.file) || doc.status === "obsolete") continue;
      for (const { section, path } of documentSections(doc)) {
        for (const id of unknownToolingIds(section.text ?? "", known, prefixes)) {
          ctx.report({ file: located.file, path: [...located.path, ...path, "text"], quote: id }, t("rule.tooling/unregistered", { id, document: doc.id, section: section.title }));
        }
      }
    }
  },
};
