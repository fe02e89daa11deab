import { t } from "../../../i18n/index.js";
import { departmentLabel } from "../../../model/labels.js";
import type { Rule } from "../../rule.js";

/**
 * A controlled copy is identified by its number (受控号) within its document: the distribution and
 * recall record, the stamp on the paper copy and a recall all name it (IATF 16949 / GJB 9001C
 * 7.5.3.2). Two branches that each ran `csr distribute` took the same next number, and a merge that
 * keeps both entries (the merge driver leaves that copy in conflict) records two paper copies under
 * one number: a recall of it would be ambiguous. Each entry after the first of a number is reported,
 * with the free number it can take.
 */
export const rule: Rule = {
  id: "doc/copy-number-duplicate",
  severity: "error",
  scope: { files: "own" },
  summary: "Two entries of a document's distribution record have the same controlled-copy number (受控号).",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "Two entries of `distribution` (the distribution and recall record, 文件发放/回收记录) of one document carry the same `copy` (受控号). Each paper copy is identified by its number, stamped on it and named in the record and in its recall ({{cite:document-control}}); two copies under one number cannot be told apart, nor recalled one by one. It happens when two branches each ran `csr distribute` (each took the next number) and the merge kept both entries. The finding is on each entry after the first of the number, and names the free number it can take.",
    bad: `
  - {copy: 4, version: A/1, to: MKT, issued_by: wang, date: 2026-10-15}
  - {copy: 4, version: A/1, to: QA, issued_by: wang, date: 2026-10-16}
`,
    good: `
  - {copy: 4, version: A/1, to: MKT, issued_by: wang, date: 2026-10-15}
  - {copy: 5, version: A/1, to: QA, issued_by: wang, date: 2026-10-16}
`,
    fix: "Give the later entry the free number the finding names (edit its `copy`), and write the same number on that paper copy and on its line of the paper distribution record, so that the stamp, the record and the file agree.",
  },
  check(ctx) {
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      const copies = doc.distribution;
      if (!copies || copies.length < 2) continue;
      const first = new Map<number, number>();
      let next = Math.max(0, ...copies.map((c) => c.copy)) + 1;
      copies.forEach((copy, i) => {
        const earlier = first.get(copy.copy);
        if (earlier === undefined) {
          first.set(copy.copy, i);
          return;
        }
        const other = copies[earlier]!;
        ctx.report(
          { file, path: [...path, "distribution", i, "copy"] },
          t("rule.doc/copy-number-duplicate", {
            copy: copy.copy,
            document: doc.id,
            to: departmentLabel(ctx.index, copy.to),
            date: copy.date,
            otherTo: departmentLabel(ctx.index, other.to),
            otherDate: other.date,
            free: next++,
          }),
        );
      });
    }
  },
};
