import type { Rule } from "../../rule.js";
import { releasedReferences } from "./references.js";
import { language, sentences, t } from "../../../i18n/index.js";
import { localized } from "../../../core/text.js";

/** A document in force must not send its readers to a withdrawn one. */
export const rule: Rule = {
  id: "doc/obsolete-referenced",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.related, f.data.forms, f.data.obsolete] : null) },
  summary: "A released document refers to an obsolete document in related or forms, or a process of processes.yaml lists one among its documents.",
  docs: {
    description:
      "A released document whose `related` or `forms` name an obsolete document. A document in force must not send its users to a withdrawn procedure or to a form that is no longer issued; copies of obsolete documents are recalled. `csr obsolete` therefore refuses to withdraw a document that released documents still refer to: their new revisions come first. A process of processes.yaml whose `documents` list an obsolete document is reported too (at the entry): the process map, the site's process page and the coverage of the process would present a withdrawn document as one of the process's documents; `csr obsolete` names such processes and refuses until they no longer list it.",
    bad: `
forms: [QR-009-01]   # QR-009-01 is obsolete
`,
    fix: "Refer to the document that supersedes it (`obsolete.superseded_by` of the obsolete document) or remove the reference, and release a new revision of the referring document; in processes.yaml, list the successor instead or remove the entry.",
  },
  check(ctx) {
    for (const { document, file, field, index, id, target } of releasedReferences(ctx, (d) => d.status === "obsolete")) {
      const successor = target.obsolete?.superseded_by;
      ctx.report(
        { file, path: [field, index] },
        sentences(
          t(target.obsolete ? "rule.doc/obsolete-referenced.since" : "rule.doc/obsolete-referenced", { document: document.id, target: id, date: target.obsolete?.date ?? "" }),
          // Merged into the referring document itself, which cannot refer to itself instead (month report #13).
          t(successor === document.id ? "rule.doc/obsolete-referenced.fix-merged" : successor ? "rule.doc/obsolete-referenced.fix-successor" : "rule.doc/obsolete-referenced.fix", { document: document.id, target: id, successor: successor ?? "" }),
        ),
      );
    }
    for (const { value: process, file, path } of ctx.repo.processes) {
      if (!ctx.keeps(file)) continue;
      const listed = process.documents ?? [];
      listed.forEach((id, i) => {
        const target = ctx.index.documents.get(id)?.value;
        if (target?.status !== "obsolete") return;
        const successor = target.obsolete?.superseded_by;
        const fix = successor === undefined ? "rule.doc/obsolete-referenced.process-fix" : listed.includes(successor) ? "rule.doc/obsolete-referenced.process-fix-listed" : "rule.doc/obsolete-referenced.process-fix-successor";
        ctx.report(
          { file, path: [...path, "documents", i] },
          sentences(t("rule.doc/obsolete-referenced.process", { process: process.code, name: localized(language(), process.name, process.name_en), target: id, date: target.obsolete?.date ?? "" }), t(fix, { process: process.code, target: id, successor: successor ?? "" })),
        );
      });
    }
  },
};
