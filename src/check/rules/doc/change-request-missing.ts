import { sentences, t } from "../../../i18n/index.js";
import { worksToGjb9001C } from "../../../model/citations.js";
import { shellArgument } from "../../../core/text.js";
import type { Rule } from "../../rule.js";

/**
 * In a GJB 9001C repository, a revision after a document's first that records neither the 文件更改单 it
 * carries out (`change_request`) nor why the document was changed (`reason`): GJB 9001C 7.5.3 traces each
 * change of a document to its approved change request, which the 军代表 audits against the revision record
 * (tester68 G4). The request number is optional in the data (an organisation may change a document on a
 * decision recorded elsewhere), so a reason alone answers the rule. A revision imported from a register keeps
 * its change request on its paper record and is not judged.
 */
export const rule: Rule = {
  id: "doc/change-request-missing",
  severity: "warning",
  scope: { files: "own" },
  summary: "A revision after the first records neither its change request (文件更改单) nor its reason (GJB 9001C).",
  docs: {
    description:
      "In a repository that works to GJB 9001C (`standards` in `qms.yaml`), a revision after a document's first (A/1, B/0 …) that records neither the number of the change request it carries out (`change_request`, 文件更改单) nor why the document was changed (`reason`, 更改原因). Each change of a document goes through an approved change request ({{cite:document-control}}); the 军代表 traces each revision of the revision record to it, and the revision record, `csr show`, `csr history` and the site print both in their 更改依据 cell. A reason alone answers the rule (some changes are decided by a record other than a change request, such as a management review). Reported on the revision's `version`. A revision imported from a register (`imported`) keeps its change request on the paper record and is not judged; nor is a repository that does not work to GJB 9001C.",
    bad: `
  - version: A/1
    date: 2026-03-02
    summary: 增加首件检验要求
    prepared: { by: zhang, date: 2026-03-02 }
`,
    good: `
  - version: A/1
    date: 2026-03-02
    summary: 增加首件检验要求
    reason: 顾客质量问题归零，举一反三
    change_request: GG-2026-003
    prepared: { by: zhang, date: 2026-03-02 }
`,
    fix: "Write the change request's number and the reason into the revision entry (`change_request: GG-2026-003`, `reason: ...`), as the signed change request gives them; `csr release <id> --change-request <number> --reason <text>` records them on the next revision.",
  },
  check(ctx) {
    if (!worksToGjb9001C(ctx.repo.config?.value)) return;
    for (const { value: doc, file } of ctx.index.documents.values()) {
      if (doc.kind === "external") continue;
      (doc.revisions ?? []).forEach((revision, i) => {
        if (i === 0 || revision.imported || revision.change_request || revision.reason?.trim()) return;
        const data = { id: doc.id, arg: shellArgument(doc.id), version: revision.version };
        ctx.report({ file, path: ["revisions", i, "version"] }, sentences(t("rule.doc/change-request-missing", data), t("rule.doc/change-request-missing.fix", data)));
      });
    }
  },
};
