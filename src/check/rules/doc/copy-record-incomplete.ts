import { language, list, t } from "../../../i18n/index.js";
import { classificationName, documentClassification, isStateSecret } from "../../../model/classification.js";
import { departmentLabel } from "../../../model/labels.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2 / GJB 9001C 7.5.3: the distribution and recall record (文件发放/回收记录) says
 * who handed each controlled copy out and who got it back; a copy of a document classified as a state
 * secret is signed for by a named person. `csr distribute` and `csr recall` record them (asking at a
 * terminal, refusing without one); this finds the entries written by hand or before csr recorded them
 * (auditor16 F16). A warning: the record is incomplete, not wrong, and the paper record has the names.
 */
export const rule: Rule = {
  id: "doc/copy-record-incomplete",
  severity: "warning",
  scope: { files: "own" },
  summary: "A controlled copy's distribution record does not name who issued it, who handed it back or took it back, or who holds a copy of a classified document.",
  dependsOn: ["qms.yaml"],
  docs: {
    description:
      "An entry of `distribution` (the distribution and recall record, 文件发放/回收记录) without `issued_by` (发放人); one taken back (`recalled`) without `returned_by` (交回人) or `received_by` (回收人); or one of a document classified as a state secret (秘密, 机密, 绝密: its own `classification` or its layout's) without `holder` (领用人). The record is the evidence of who handed each copy out and who got it back ({{cite:document-control}}), and a classified copy is signed for by a named person. `csr distribute` and `csr recall` record these (asking at a terminal, refusing without one); an entry written by hand, imported, or kept before csr recorded them may lack them. A copy recorded lost, destroyed or retained names who confirmed it (`by`) instead of who handed it back. A warning: the record is incomplete rather than wrong, and the paper record usually has the names.",
    bad: `
  - {copy: 1, version: A/0, to: QA, date: 2024-01-12, recalled: 2026-10-14}
`,
    good: `
  - {copy: 1, version: A/0, to: QA, issued_by: wang, date: 2024-01-12, recalled: 2026-10-14, returned_by: zhang, received_by: wang}
`,
    fix: "Copy the names from the paper record into the entry, as person ids of `people.yaml`: `issued_by`, `returned_by`, `received_by`, and `holder` for a copy of a classified document. A classified copy still out that nobody signed for is taken back (`csr recall <document> --copy <n> --by <person>`) and handed out again to a named person (`csr distribute <document> --to <department> --holder <person>`).",
  },
  check(ctx) {
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      const secret = isStateSecret(ctx.repo, doc);
      (doc.distribution ?? []).forEach((copy, i) => {
        const missing = [
          ...(copy.issued_by === undefined ? [t("rule.doc/copy-record-incomplete.issuer")] : []),
          ...(secret && copy.holder === undefined ? [t("rule.doc/copy-record-incomplete.holder", { classification: classificationName(language(), documentClassification(ctx.repo, doc)) })] : []),
          ...(copy.recalled !== undefined && copy.returned_by === undefined ? [t("rule.doc/copy-record-incomplete.returner")] : []),
          ...(copy.recalled !== undefined && copy.received_by === undefined ? [t("rule.doc/copy-record-incomplete.receiver")] : []),
        ];
        if (missing.length === 0) return;
        ctx.report(
          { file, path: [...path, "distribution", i] },
          t("rule.doc/copy-record-incomplete", { copy: copy.copy, document: doc.id, version: copy.version, to: departmentLabel(ctx.index, copy.to), missing: list(missing) }),
        );
      });
    }
  },
};
