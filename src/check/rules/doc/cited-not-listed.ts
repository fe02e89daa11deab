import type { Rule } from "../../rule.js";
import { numberedSections } from "./numbered-sections.js";
import { sentences, t } from "../../../i18n/index.js";

/**
 * A number as documents cite one another in their text: letters, then parts after `-`, `_`, `.` or `/`
 * (QR-001-02, WI-010-03, CS/QP-013); matched whole, so QR-001-02 is not read inside QR-001-021.
 */
const NUMBER = /(?<![A-Za-z0-9_./-])[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)+(?![A-Za-z0-9_]|[-./][A-Za-z0-9])/g;

/**
 * A document's text names a form or document of the repository by its number (提出变更申请（QR-001-02）)
 * that its `forms` or `related` do not list: its printed 相关记录 / 相关文件 then say 无 or leave it out,
 * contradicting the text two sections above, and the form register does not name the document among
 * the form's users (tester54b B15). IATF 16949 7.5.1.1 / GJB 9001C 7.5.1: the documented information
 * the QMS needs, and how the documents relate, is identifiable. Obsolete documents cited are
 * doc/obsolete-referenced's and doc/obsolete-mentioned's concern; a document that lists the citing one
 * among its own forms or related (the procedure that owns a form the form's text cites) is listed.
 */
export const rule: Rule = {
  id: "doc/cited-not-listed",
  severity: "warning",
  scope: {
    files: "all",
    reads: (f) => (f.kind === "document" ? [f.data.id, f.data.kind, f.data.status, f.data.related, f.data.forms, f.data.sections] : null),
  },
  summary: "A document's text cites a form or document of the repository by number that its forms or related do not list.",
  docs: {
    description:
      "A document whose section text names another document of the repository by its number (a form, procedure, work instruction or external document) that neither its `forms` (相关记录) nor its `related` (相关文件) list. The printed document's 相关记录 then says 无 while its procedure steps tell the reader to fill in that form, and the form register does not show the document among the form's users. A cited document that lists the citing one in its own `forms` or `related` counts as listed (a form that cites the procedure it belongs to). Obsolete documents cited are reported by `doc/obsolete-referenced` and `doc/obsolete-mentioned`. The finding points at the first mention of each number in the document.",
    bad: `
forms: [QR-008-01]
sections:
  - title: 作业流程
    text: |
      1. 提出变更申请（QR-001-02）。   # QR-001-02 is a form of the repository
`,
    good: `
forms: [QR-001-02, QR-008-01]
`,
    fix: "Add the form (`csr set <doc> --add-form <form>`) or document (`csr set <doc> --add-related <doc>`) so its printed lists name it; or correct the number in the text if it is a typo.",
  },
  check(ctx) {
    // Which documents list which (either way round): made once, at the first number found.
    let listed: Map<string, Set<string>> | undefined;
    const listedFor = (id: string): Set<string> => {
      if (!listed) {
        listed = new Map();
        const add = (a: string, b: string) => (listed!.get(a) ?? listed!.set(a, new Set()).get(a)!).add(b);
        for (const { value } of ctx.repo.documents) {
          for (const other of [...(value.forms ?? []), ...(value.related ?? [])]) {
            add(value.id, other);
            add(other, value.id);
          }
        }
      }
      return listed.get(id) ?? new Set();
    };
    for (const { value: doc, file } of ctx.repo.documents) {
      if (doc.status === "obsolete" || !ctx.keeps(file)) continue;
      const reported = new Set<string>();
      for (const section of numberedSections(ctx.repo, doc)) {
        const text = section.section.text;
        // Most sections cite no number: no match is tried on a text without a digit.
        if (text === undefined || !/[0-9]/.test(text)) continue;
        for (const match of text.matchAll(NUMBER)) {
          const id = match[0];
          if (id === doc.id || reported.has(id)) continue;
          const target = ctx.index.documents.get(id)?.value;
          if (!target || target.status === "obsolete" || listedFor(doc.id).has(id)) continue;
          reported.add(id);
          const form = target.kind === "form";
          ctx.report(
            { file, path: [...section.path, "text"], quote: id },
            sentences(
              t(form ? "rule.doc/cited-not-listed.form" : "rule.doc/cited-not-listed", { document: doc.id, section: section.number, target: id, title: target.title }),
              t(form ? "rule.doc/cited-not-listed.fix-form" : "rule.doc/cited-not-listed.fix", { document: doc.id, target: id }),
            ),
          );
        }
      }
    }
  },
};
