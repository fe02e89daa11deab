import { conjunction, language, t } from "../../../i18n/index.js";
import { codeWithLabel } from "../../../i18n/values.js";
import { departmentLabel } from "../../../model/labels.js";
import { countersignMissing, countersignRequired } from "../../../model/countersign.js";
import { currentRevision, issuedOn } from "../../../model/index.js";
import { revisionDate } from "../../../model/revision.js";
import type { ControlledDocument, CountersignDepartment, QmsConfig } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * A change is reviewed by the functions it concerns before it is approved (IATF 16949 7.5.2, 8.5.6;
 * GJB 9001C 7.5.2 会签): the departments qms.yaml requires for a kind of document
 * (`document_control.countersign`) and those a document adds (`countersign_departments`) countersign
 * each revision. `csr release` refuses a revision without them; a revision recorded another way
 * (imported, written by hand, released before the requirement was written without its day) is
 * reported here. Only the current revision is checked: the revisions it replaced are history, and a
 * requirement introduced later says from when with `since`, so that the documents released before it
 * are not all reported at once.
 */
export const rule: Rule = {
  id: "doc/countersign-missing",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["qms.yaml", "people.yaml"],
  summary: "A released document's current revision lacks the 会签 of a department its kind (qms.yaml document_control.countersign) or the document (countersign_departments) requires.",
  docs: {
    description:
      "A released document whose current revision has no countersignature (会签, `countersigned`) by a department that must countersign it: one `qms.yaml` names for its kind in `document_control.countersign` (`{instruction: [QA]}`: every work instruction), or one the document names itself in `countersign_departments` (a work instruction whose inspection frequency QA must agree to). A change is reviewed by the functions it concerns before it is approved ({{cite:document-approval}}; 8.5.6 for changes to production). A person countersigns for their own department and for each department that names them a delegate (`departments[].delegates`); the document's own department is never required. `csr release` refuses a revision without these 会签; this rule reports one recorded another way.\n\nOnly the current revision is checked, against the requirement of its day: an entry `{department: QA, since: 2026-12-05}` applies to revisions issued on or after that day, so the documents released before the requirement are not reported. An entry without `since` applies to every current revision: when it finds one released before it, the message says to record the 会签 only if the paper original has it, and otherwise to give the entry its day.",
    bad: `
# qms.yaml: document_control: {countersign: {instruction: [{department: QA, since: 2026-11-01}]}}
    prepared: { by: gao, date: 2026-11-20 }
    reviewed: { by: huang, date: 2026-11-20 }
    approved: { by: wang, date: 2026-11-20 }
`,
    good: `
    prepared: { by: gao, date: 2026-11-20 }
    reviewed: { by: huang, date: 2026-11-20 }
    countersigned: [{ by: zhang, date: 2026-11-20 }]
    approved: { by: wang, date: 2026-11-20 }
`,
    fix: "If the paper original carries the 会签, record it: `csr sign <id> --countersigned <person of the department> [--date <date>]` (it adds to the 会签 recorded). If the revision was released without it, release a new revision with the 会签 (`csr release … --countersigned <person>`). If the revision was released before the department's 会签 was required, give the requirement its day: `{department: QA, since: <date>}`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    if (!config?.document_control?.countersign && !ctx.repo.documents.some((d) => d.value.countersign_departments)) return;
    for (const { value: doc, file } of ctx.index.documents.values()) {
      if (doc.status !== "released" || !ctx.keeps(file)) continue;
      const current = currentRevision(doc);
      // A released document without a revision is doc/approval-missing's finding.
      if (!current) continue;
      const date = issuedOn(current);
      const required = countersignRequired(config, doc, date);
      if (required.length === 0) continue;
      const signers = (current.countersigned ?? []).flatMap((s) => ctx.index.people.get(s.by)?.value ?? []);
      const missing = countersignMissing(required, signers, ctx.index.departments);
      if (missing.length === 0) continue;
      // Required without a day, the requirement may be younger than the revision, released when nobody asked for it.
      const undated = missing.some((code) => countersignRequired(config, doc, "").includes(code));
      const data = {
        version: current.version,
        document: doc.id,
        date: revisionDate(current, language()),
        departments: conjunction(missing.map((code) => codeWithLabel(code, departmentLabel(ctx.index, code)))),
        command: `csr sign ${doc.id} --countersigned ${t("rule.doc/approval-missing.person")} --date ${t("rule.doc/approval-missing.date")}`,
        code: missing[0]!,
        where: conjunction(requiredBy(config, doc, missing)),
      };
      ctx.report({ file, path: ["revisions", doc.revisions!.length - 1] }, t(undated ? "rule.doc/countersign-missing.undated" : "rule.doc/countersign-missing", data));
    }
  },
};

/** Where the `missing` departments are required: qms.yaml for the document's kind, the document itself, or both. */
function requiredBy(config: QmsConfig | undefined, doc: ControlledDocument, missing: readonly string[]): string[] {
  const named = (entries: readonly CountersignDepartment[] | undefined) => (entries ?? []).some((e) => missing.includes(typeof e === "string" ? e : e.department));
  const kind = doc.kind === "external" ? undefined : config?.document_control?.countersign?.[doc.kind];
  return [
    ...(named(kind) ? [`qms.yaml document_control.countersign.${doc.kind}`] : []),
    ...(named(doc.countersign_departments) ? [t("rule.doc/countersign-missing.own")] : []),
  ];
}
