import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";
import { personWithId } from "../../../i18n/values.js";
import { stillControlled } from "../../../model/distribution.js";
import { departmentLabel } from "../../../model/labels.js";
import { servesUnit } from "../../../model/person-work.js";
import type { Rule } from "../../rule.js";

/**
 * IATF 16949 7.5.3.2.1 / GJB 9001C 7.5.3: a controlled copy is available where it is used, and the
 * distribution record (文件发放/回收记录) names who holds it there. A holder who is not of the
 * department the copy was issued to (moved away with `csr person update --department`, or written so
 * by hand) holds it where it is not used, and one person holding several departments' copies is
 * legitimate only where they serve each (qms.yaml `delegates`). `csr distribute` refuses both; this
 * finds the copies already out.
 */
export const rule: Rule = {
  id: "person/holder-elsewhere",
  severity: "warning",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "A controlled copy that is out is held by someone who is not of the department it was issued to.",
  dependsOn: ["people.yaml", "qms.yaml"],
  docs: {
    description:
      "A controlled copy (an entry of `distribution` not taken back) whose `holder` is not a member of the department (`to`) it was issued to, nor a delegate of that department in `qms.yaml`. It happens when the holder moved to another department (`csr person update --department`), or when one person was written as the holder of several departments' copies. A copy is held where it is used ({{cite:document-control}}): the department's copy has nobody there answering for it. A holder who has left is reported by `person/left-with-open-work` instead.",
    bad: `
  - {copy: 2, version: A/0, to: MKT, holder: zhang, issued_by: wang, date: 2024-01-12}   # zhang is of QA
`,
    good: `
  - {copy: 2, version: A/0, to: MKT, holder: li, issued_by: wang, date: 2024-01-12}
`,
    fix: "Take the copy back (`csr recall <document> --copy <n> --by <person>`) and hand it out again to a person of that department (`csr distribute <document> --to <department> --holder <person>`); or, when the holder does serve that department, name them its delegate (`csr department update <department> --add-delegate <person>`).",
  },
  check(ctx) {
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      (doc.distribution ?? []).forEach((copy, i) => {
        const holder = copy.holder === undefined ? undefined : ctx.index.people.get(copy.holder)?.value;
        if (!holder || holder.left !== undefined || !stillControlled(copy) || servesUnit(holder, copy.to, ctx.index.departments)) return;
        ctx.report(
          { file, path: [...path, "distribution", i, "holder"] },
          t("rule.person/holder-elsewhere", {
            copy: copy.copy,
            document: doc.id,
            version: copy.version,
            to: departmentLabel(ctx.index, copy.to),
            code: copy.to,
            who: personWithId(holder),
            department: departmentLabel(ctx.index, holder.department),
            arg: shellArgument(doc.id),
          }),
        );
      });
    }
  },
};
