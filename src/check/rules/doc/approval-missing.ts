import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";
import { shellArgument } from "../../../core/text.js";
import { t } from "../../../i18n/index.js";

/**
 * A released document is in force only with a recorded author (编制) and approver (批准); an
 * external document, which its publisher wrote and approved, only with the date it was received
 * (受控登记, csr new external).
 */
export const rule: Rule = {
  id: "doc/approval-missing",
  severity: "error",
  scope: { files: "own" },
  summary: "A released document's current revision has no approver or no preparer; a released external document has no date received.",
  docs: {
    description:
      "A released document without any revision entry, or whose current (last) revision has no `prepared` or no `approved` signature. A document is in force only once it is approved (批准); the header of every printed copy shows who prepared and who approved the current version. An external document (`kind: external`: a standard, a customer's drawing) is written and approved by its publisher, not by the organisation: it is controlled from the day it was received (受控登记, `csr new external --received`), and it is reported only when it has no `external.received` and no revision entry of its own.",
    bad: `
    prepared: { by: zhang, date: 2024-01-10 }
    reviewed: { by: li, date: 2024-01-10 }
# no 'approved'
`,
    fix: "For an external document, record the date it was received with `csr set <id> --received <date>`. Otherwise record the signatures of the paper original with `csr sign <id>… --prepared <person> --reviewed <person> --approved <person> [--date <date>]` (several documents at once, e.g. the forms of an imported form register; it never replaces a recorded signature), or release the document with `csr release`, which records them.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      if (doc.status !== "released") continue;
      const current = currentRevision(doc);
      if (doc.kind === "external") {
        if (!current && !doc.external?.received) ctx.report({ file, path: doc.external ? ["external"] : ["status"], key: doc.external !== undefined }, t("rule.doc/approval-missing.external", { document: doc.id, arg: shellArgument(doc.id) }));
        continue;
      }
      if (!current) {
        ctx.report({ file, path: ["status"] }, t("rule.doc/approval-missing.no-revision", { document: doc.id }));
        continue;
      }
      const index = doc.revisions!.length - 1;
      const missing = (["prepared", "approved"] as const).filter((role) => !current[role]);
      if (missing.length > 0) {
        // The command records every signature the revision lacks, the review (审核) too.
        const unsigned = (["prepared", "reviewed", "approved"] as const).filter((role) => !current[role]);
        ctx.report(
          { file, path: ["revisions", index] },
          t("rule.doc/approval-missing", {
            version: current.version,
            document: doc.id,
            roles: missing.map((m) => t(`rule.doc/approval-missing.${m}`)).join(t("rule.doc/approval-missing.and-no")),
            command: `csr sign ${doc.id} ${unsigned.map((role) => `--${role} ${t("rule.doc/approval-missing.person")}`).join(" ")} --date ${t("rule.doc/approval-missing.date")}`,
          }),
        );
      }
    }
  },
};
